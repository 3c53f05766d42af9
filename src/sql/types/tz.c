/*
 * tz.c — IANA time zones from the system tzdata (TZif files under
 * /usr/share/zoneinfo), without setenv("TZ")/localtime.
 *
 * Design: a zone is loaded once (the 64-bit body of a TZif v2+ file: its
 * transitions, local-time types and the POSIX rule in its footer for
 * instants after the last transition) and cached for the life of the
 * process.  Names are case-insensitive, as in PostgreSQL; the cached zone
 * keeps the on-disk spelling, which is what SHOW TimeZone prints.  Names
 * that are not files may be POSIX TZ strings ("<+03>-03", "EST5EDT").
 *
 * Invariants:
 *  1. A TzZone is immutable once published in the cache; the cache list is
 *     only changed under tz_lock, and zones are never freed before
 *     tz_cache_free(), so lookups return stable pointers usable without
 *     the lock from any thread.
 *  2. Offsets are seconds EAST of UTC here (tm_gmtoff's sign).
 */
#include <ctype.h>
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <memgres/mem.h>

#include "datetime_int.h"

#define TZDIR "/usr/share/zoneinfo"
#define TZ_MAX_NAME 256

typedef struct TzType {
	int32_t		off;
	bool		isdst;
	char		abbr[16];
} TzType;

/* One end of a POSIX DST rule. */
typedef struct TzRuleDate {
	char		kind;			/* 'J' (1..365, no Feb 29), 'D' (0..365), 'M' */
	int			day;			/* J/D day; M: weekday */
	int			week;			/* M */
	int			mon;			/* M */
	int32_t		time;			/* seconds after local midnight */
} TzRuleDate;

typedef struct TzRule {
	TzType		std;
	TzType		dst;
	bool		has_dst;
	TzRuleDate	start;
	TzRuleDate	end;
} TzRule;

struct TzZone {
	char	   *key;			/* lower-cased lookup name */
	char	   *name;			/* canonical spelling */
	int			ntrans;
	int64_t    *trans;			/* UTC seconds, ascending */
	uint8_t    *tidx;			/* type of each transition */
	int			ntypes;
	TzType	   *types;
	bool		has_rule;
	TzRule		rule;
	bool		missing;		/* a remembered failed lookup */
	struct TzZone *next;
};

static pthread_mutex_t tz_lock = PTHREAD_MUTEX_INITIALIZER;
static TzZone *tz_cache;
static int	tz_missing_count;	/* failed names remembered, bounded */

#define TZ_MAX_MISSING 256

/* ---------------------------------------------------------------- POSIX rules */

/* Reads decimal digits, saturating (a rule string is input we do not trust). */
static const char *
read_num(const char *p, int *out)
{
	while (isdigit((unsigned char) *p))
	{
		if (*out < 100000)
			*out = *out * 10 + (*p - '0');
		p++;
	}
	return p;
}

static const char *
posix_name(const char *p, char *abbr, size_t cap)
{
	size_t		n = 0;

	if (*p == '<')
	{
		p++;
		while (*p && *p != '>')
		{
			if (n < cap - 1)
				abbr[n++] = *p;
			p++;
		}
		if (*p != '>')
			return NULL;
		p++;
	}
	else
	{
		while (isalpha((unsigned char) *p))
		{
			if (n < cap - 1)
				abbr[n++] = *p;
			p++;
		}
	}
	abbr[n] = '\0';
	return n >= 3 ? p : NULL;
}

/* [+-]hh[:mm[:ss]] -> seconds; POSIX sign as written. */
static const char *
posix_offset(const char *p, int32_t *secs, int maxhour)
{
	int			sign = 1;
	int			h = 0,
				m = 0,
				s = 0;

	if (*p == '+' || *p == '-')
	{
		if (*p == '-')
			sign = -1;
		p++;
	}
	if (!isdigit((unsigned char) *p))
		return NULL;
	p = read_num(p, &h);
	if (*p == ':')
	{
		p++;
		p = read_num(p, &m);
		if (*p == ':')
		{
			p++;
			p = read_num(p, &s);
		}
	}
	if (h > maxhour || m > 59 || s > 59)
		return NULL;
	*secs = sign * (h * 3600 + m * 60 + s);
	return p;
}

static const char *
posix_date(const char *p, TzRuleDate *d)
{
	memset(d, 0, sizeof(*d));
	d->time = 7200;
	if (*p == 'J')
	{
		d->kind = 'J';
		p++;
		p = read_num(p, &d->day);
	}
	else if (*p == 'M')
	{
		d->kind = 'M';
		p++;
		p = read_num(p, &d->mon);
		if (*p++ != '.')
			return NULL;
		p = read_num(p, &d->week);
		if (*p++ != '.')
			return NULL;
		p = read_num(p, &d->day);
		if (d->mon < 1 || d->mon > 12 || d->week < 1 || d->week > 5 || d->day > 6)
			return NULL;
	}
	else if (isdigit((unsigned char) *p))
	{
		d->kind = 'D';
		p = read_num(p, &d->day);
	}
	else
		return NULL;
	if (*p == '/')
		p = posix_offset(p + 1, &d->time, 167);
	return p;
}

/* Parses a POSIX TZ string; returns false if it is not one. */
static bool
posix_parse(const char *s, TzRule *r)
{
	const char *p;
	int32_t		off;

	memset(r, 0, sizeof(*r));
	if (*s == '+' || *s == '-' || isdigit((unsigned char) *s))
	{
		/* a bare POSIX offset ("+05" is five hours WEST, as in PostgreSQL) */
		p = posix_offset(s, &off, 24);
		if (p == NULL || *p != '\0')
			return false;
		r->std.off = -off;
		snprintf(r->std.abbr, sizeof(r->std.abbr), "%s", s);
		return true;
	}
	p = posix_name(s, r->std.abbr, sizeof(r->std.abbr));
	if (p == NULL || (p = posix_offset(p, &off, 24)) == NULL)
		return false;
	r->std.off = -off;
	if (*p == '\0')
		return true;
	p = posix_name(p, r->dst.abbr, sizeof(r->dst.abbr));
	if (p == NULL)
		return false;
	r->has_dst = true;
	r->dst.isdst = true;
	r->dst.off = r->std.off + 3600;
	if (*p && *p != ',')
	{
		if ((p = posix_offset(p, &off, 24)) == NULL)
			return false;
		r->dst.off = -off;
	}
	if (*p == '\0')
	{
		/* US rules by default, as tzcode's "posixrules" fallback. */
		r->start = (TzRuleDate) {'M', 0, 2, 3, 7200};
		r->end = (TzRuleDate) {'M', 0, 1, 11, 7200};
		return true;
	}
	if (*p++ != ',' || (p = posix_date(p, &r->start)) == NULL)
		return false;
	if (*p++ != ',' || (p = posix_date(p, &r->end)) == NULL)
		return false;
	return *p == '\0';
}

/* Unix seconds of a rule date in a year, in local time of offset off. */
static int64_t
rule_instant(int year, const TzRuleDate *d, int32_t off)
{
	int			jd;

	switch (d->kind)
	{
		case 'J':
			jd = date2j(year, 1, 1) + d->day - 1;
			if (is_leap_year(year) && d->day >= 60)
				jd++;
			break;
		case 'D':
			jd = date2j(year, 1, 1) + d->day;
			break;
		default:
			{
				int			first = date2j(year, d->mon, 1);
				int			mday = 1 + (d->day - j2day(first) + 7) % 7 + (d->week - 1) * 7;

				while (mday > days_in_month(year, d->mon))
					mday -= 7;
				jd = first + mday - 1;
			}
			break;
	}
	return (int64_t) (jd - UNIX_EPOCH_JDATE) * SECS_PER_DAY + d->time - off;
}

static const TzType *
rule_type(const TzRule *r, int64_t t)
{
	int			year;
	int			mon;
	int			day;
	int64_t		days;
	int64_t		start;
	int64_t		end;

	if (!r->has_dst)
		return &r->std;
	days = t / SECS_PER_DAY;
	if (t % SECS_PER_DAY < 0)
		days--;
	j2date((int) (days + UNIX_EPOCH_JDATE), &year, &mon, &day);
	start = rule_instant(year, &r->start, r->std.off);
	end = rule_instant(year, &r->end, r->dst.off);
	if (start < end)
		return (t >= start && t < end) ? &r->dst : &r->std;
	return (t >= end && t < start) ? &r->std : &r->dst;
}

/* ---------------------------------------------------------------- TZif */

static int64_t
be_int(const unsigned char *p, int n)
{
	uint64_t	v = 0;

	for (int i = 0; i < n; i++)
		v = (v << 8) | p[i];
	if (n == 4)
		return (int32_t) (uint32_t) v;
	return (int64_t) v;
}

static bool
tzif_parse(TzZone *z, const unsigned char *buf, size_t len)
{
	const unsigned char *p = buf;
	const unsigned char *end = buf + len;
	int64_t		cnt[6];
	int			tsize = 4;
	size_t		body;

	for (int pass = 0; pass < 2; pass++)
	{
		if (end - p < 44 || memcmp(p, "TZif", 4) != 0)
			return false;
		for (int i = 0; i < 6; i++)
			cnt[i] = be_int(p + 20 + 4 * i, 4);
		/* isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt */
		for (int i = 0; i < 6; i++)
			if (cnt[i] < 0 || cnt[i] > 100000)
				return false;
		body = (size_t) (cnt[3] * tsize + cnt[3] + cnt[4] * 6 + cnt[5] +
						 cnt[2] * (tsize + 4) + cnt[1] + cnt[0]);
		if (pass == 0 && p[4] >= '2')
		{
			p += 44 + body;
			tsize = 8;
			continue;
		}
		break;
	}
	p += 44;
	if ((size_t) (end - p) < body || cnt[4] == 0)
		return false;
	{
		const unsigned char *times = p;
		const unsigned char *idx = times + cnt[3] * tsize;
		const unsigned char *ttinfo = idx + cnt[3];
		const unsigned char *chars = ttinfo + cnt[4] * 6;

		z->ntrans = (int) cnt[3];
		z->ntypes = (int) cnt[4];
		z->trans = mg_malloc(sizeof(int64_t) * (size_t) (z->ntrans + 1));
		z->tidx = mg_malloc((size_t) z->ntrans + 1);
		z->types = mg_malloc(sizeof(TzType) * (size_t) z->ntypes);
		for (int i = 0; i < z->ntrans; i++)
		{
			z->trans[i] = be_int(times + i * tsize, tsize);
			z->tidx[i] = idx[i];
			if (idx[i] >= cnt[4])
				return false;
		}
		for (int i = 0; i < z->ntypes; i++)
		{
			const unsigned char *tt = ttinfo + i * 6;
			int			ci = tt[5];

			z->types[i].off = (int32_t) be_int(tt, 4);
			z->types[i].isdst = tt[4] != 0;
			z->types[i].abbr[0] = '\0';
			if (ci < cnt[5])
			{
				size_t		n = strnlen((const char *) chars + ci, (size_t) (cnt[5] - ci));

				if (n >= sizeof(z->types[i].abbr))
					n = sizeof(z->types[i].abbr) - 1;
				memcpy(z->types[i].abbr, chars + ci, n);
				z->types[i].abbr[n] = '\0';
			}
		}
		p += body;
	}
	/* footer: "\n" POSIX-TZ "\n" */
	if (tsize == 8 && p < end && *p == '\n')
	{
		const unsigned char *nl = memchr(p + 1, '\n', (size_t) (end - p - 1));

		if (nl != NULL && nl > p + 1)
		{
			char		spec[128];
			size_t		n = (size_t) (nl - p - 1);

			if (n < sizeof(spec))
			{
				memcpy(spec, p + 1, n);
				spec[n] = '\0';
				z->has_rule = posix_parse(spec, &z->rule);
			}
		}
	}
	return true;
}

/* Finds path components case-insensitively; out receives the real path. */
static bool
tz_resolve_path(const char *name, char *out, size_t cap, char *canon, size_t canon_cap)
{
	char		comp[TZ_MAX_NAME];
	const char *p = name;
	size_t		olen;
	size_t		clen = 0;

	olen = (size_t) snprintf(out, cap, "%s", TZDIR);
	canon[0] = '\0';
	while (*p)
	{
		size_t		n = 0;
		DIR		   *d;
		struct dirent *de;
		bool		found = false;

		while (*p && *p != '/' && n < sizeof(comp) - 1)
			comp[n++] = *p++;
		comp[n] = '\0';
		if (*p == '/')
			p++;
		if (n == 0 || strcmp(comp, ".") == 0 || strcmp(comp, "..") == 0)
			return false;
		d = opendir(out);
		if (d == NULL)
			return false;
		while ((de = readdir(d)) != NULL)
		{
			if (strcasecmp(de->d_name, comp) == 0)
			{
				olen += (size_t) snprintf(out + olen, cap - olen, "/%s", de->d_name);
				clen += (size_t) snprintf(canon + clen, canon_cap - clen, "%s%s",
										  clen ? "/" : "", de->d_name);
				found = true;
				break;
			}
		}
		closedir(d);
		if (!found || olen >= cap || clen >= canon_cap)
			return false;
	}
	return true;
}

static TzZone *
tz_load(const char *name)
{
	char		path[TZ_MAX_NAME + 64];
	char		canon[TZ_MAX_NAME];
	TzZone	   *z;
	FILE	   *fp;
	unsigned char *buf = NULL;
	size_t		len = 0;
	size_t		cap = 0;
	bool		ok = false;

	if (strlen(name) >= TZ_MAX_NAME || name[0] == '/' || name[0] == '\0')
		return NULL;
	z = mg_calloc(1, sizeof(TzZone));
	if (strstr(name, "..") == NULL && tz_resolve_path(name, path, sizeof(path), canon, sizeof(canon)) &&
		(fp = fopen(path, "rb")) != NULL)
	{
		size_t		n;

		for (;;)
		{
			if (len == cap)
			{
				cap = cap ? cap * 2 : 4096;
				buf = mg_realloc(buf, cap);
			}
			n = fread(buf + len, 1, cap - len, fp);
			if (n == 0)
				break;
			len += n;
		}
		fclose(fp);
		ok = tzif_parse(z, buf, len);
		free(buf);
		if (ok)
			z->name = mg_strdup(canon);
	}
	if (!ok)
	{
		free(z->trans);
		free(z->tidx);
		free(z->types);
		memset(z, 0, sizeof(*z));
		if (!posix_parse(name, &z->rule))
		{
			free(z);
			return NULL;
		}
		z->has_rule = true;
		z->name = mg_strdup(name);
	}
	return z;
}

const TzZone *
tz_lookup(const char *name)
{
	char		key[TZ_MAX_NAME];
	size_t		n = strlen(name);
	TzZone	   *z;

	if (n == 0 || n >= sizeof(key))
		return NULL;
	for (size_t i = 0; i <= n; i++)
		key[i] = (char) tolower((unsigned char) name[i]);
	pthread_mutex_lock(&tz_lock);
	for (z = tz_cache; z; z = z->next)
		if (strcmp(z->key, key) == 0)
			break;
	if (z == NULL)
	{
		z = tz_load(name);
		if (z == NULL && tz_missing_count < TZ_MAX_MISSING)
		{
			/* remember the miss: an unknown name costs directory scans */
			z = mg_calloc(1, sizeof(TzZone));
			z->missing = true;
			tz_missing_count++;
		}
		if (z != NULL)
		{
			z->key = mg_strdup(key);
			z->next = tz_cache;
			tz_cache = z;
		}
	}
	pthread_mutex_unlock(&tz_lock);
	return (z != NULL && !z->missing) ? z : NULL;
}

const char *
tz_name(const TzZone *tz)
{
	return tz->name;
}

static const TzType *
tz_type_at(const TzZone *z, int64_t t)
{
	int			lo,
				hi;

	if (z->ntrans == 0 || t < z->trans[0])
	{
		if (z->ntypes == 0)
			return &z->rule.std;
		return &z->types[0];
	}
	if (t >= z->trans[z->ntrans - 1] && z->has_rule)
		return rule_type(&z->rule, t);
	lo = 0;
	hi = z->ntrans - 1;
	while (lo < hi)
	{
		int			mid = (lo + hi + 1) / 2;

		if (z->trans[mid] <= t)
			lo = mid;
		else
			hi = mid - 1;
	}
	return &z->types[z->tidx[lo]];
}

long
tz_offset_at_utc(const TzZone *tz, int64_t utc, int *isdst, const char **abbrev)
{
	const TzType *tt = tz_type_at(tz, utc);

	if (isdst)
		*isdst = tt->isdst;
	if (abbrev)
		*abbrev = tt->abbr;
	return tt->off;
}

/*
 * PostgreSQL's DetermineTimeZoneOffset: in a spring-forward gap take the
 * offset before the transition, in a fall-back overlap the one after.
 */
long
tz_offset_at_local(const TzZone *tz, int64_t local, int *isdst)
{
	long		before = tz_offset_at_utc(tz, local - SECS_PER_DAY, NULL, NULL);
	long		after = tz_offset_at_utc(tz, local + SECS_PER_DAY, NULL, NULL);
	bool		vb;
	bool		va;
	long		off;

	if (before == after)
		off = tz_offset_at_utc(tz, local - before, NULL, NULL);
	else
	{
		vb = tz_offset_at_utc(tz, local - before, NULL, NULL) == before;
		va = tz_offset_at_utc(tz, local - after, NULL, NULL) == after;
		if (vb && !va)
			off = before;
		else if (va && !vb)
			off = after;
		else if (va && vb)
			off = before > after ? after : before;
		else
			off = before;
	}
	if (isdst)
		tz_offset_at_utc(tz, local - off, isdst, NULL);
	return off;
}

/*
 * The session's zone.  Each thread remembers its last answer (a copy of
 * the name, not the pointer, since a SET may reuse the string's memory), so
 * printing a column of timestamptz values takes the cache lock once.
 */
static __thread char session_tz_name[TZ_MAX_NAME];
static __thread const TzZone *session_tz;

const TzZone *
tz_session(const EvalCtx *ctx)
{
	const char *name = (ctx && ctx->gucs) ? guc_str(ctx->gucs, GUC_TIMEZONE) : NULL;
	const TzZone *z = NULL;

	if (name == NULL)
		name = "UTC";
	if (session_tz != NULL && strcmp(session_tz_name, name) == 0)
		return session_tz;
	z = tz_lookup(name);
	if (z == NULL)
		z = tz_lookup("UTC");
	if (strlen(name) < sizeof(session_tz_name))
	{
		strcpy(session_tz_name, name);
		session_tz = z;
	}
	return z;
}

void
tz_cache_free(void)
{
	session_tz = NULL;
	pthread_mutex_lock(&tz_lock);
	tz_missing_count = 0;
	while (tz_cache)
	{
		TzZone	   *z = tz_cache;

		tz_cache = z->next;
		free(z->key);
		free(z->name);
		free(z->trans);
		free(z->tidx);
		free(z->types);
		free(z);
	}
	pthread_mutex_unlock(&tz_lock);
}
