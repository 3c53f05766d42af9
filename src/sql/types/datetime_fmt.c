/*
 * datetime_fmt.c — to_char(timestamp|timestamptz|date|interval, text),
 * to_timestamp(text, text) and to_date(text, text) with PostgreSQL's
 * template patterns (formatting.c's DCH_* keywords).
 *
 * Design: a template is split into nodes (keyword with FM/TM prefixes and
 * TH/th suffixes, or literal text; "quoted" text and backslash escapes are
 * literal), keywords matched longest-first and case-sensitively, as
 * PostgreSQL's table order does.  to_char prints each node from a
 * broken-down time; to_timestamp reads each node from the input, skipping
 * spaces between fields unless FX is given.
 *
 * Invariants:
 *  1. Day-of-week, week and calendar-name patterns are refused for
 *     intervals (22007 "invalid format specification for an interval value").
 *  2. Unsupported patterns (SP suffix, ...) fail with 0A000, never silently.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/func.h>

#include "datetime_ops.h"

typedef enum {
	K_AD_DOT, K_AM_DOT, K_AD, K_AM, K_BC_DOT, K_BC, K_CC, K_DAY, K_DDD, K_DD, K_DY, K_D, K_FF,
	K_FX, K_HH24, K_HH12, K_HH, K_IDDD, K_ID, K_IW, K_IYYY, K_IYY, K_IY, K_I, K_J, K_MI, K_MM,
	K_MONTH, K_MON, K_MS, K_OF, K_PM_DOT, K_PM, K_Q, K_RM, K_SSSSS, K_SSSS, K_SS, K_TZH, K_TZM,
	K_TZ, K_US, K_WW, K_W, K_Y_YYY, K_YYYY, K_YYY, K_YY, K_Y
} KeyId;

typedef enum { CASE_UPPER, CASE_CAP, CASE_LOWER } KeyCase;

typedef struct Keyword {
	const char *name;
	KeyId		id;
	KeyCase		kcase;
	int			arg;			/* FFn: n */
	bool		date_only;		/* invalid for intervals */
} Keyword;

static const Keyword keywords[] = {
	{"A.D.", K_AD_DOT, CASE_UPPER, 0, true}, {"A.M.", K_AM_DOT, CASE_UPPER, 0, false},
	{"AD", K_AD, CASE_UPPER, 0, true}, {"AM", K_AM, CASE_UPPER, 0, false},
	{"B.C.", K_BC_DOT, CASE_UPPER, 0, true}, {"BC", K_BC, CASE_UPPER, 0, true},
	{"CC", K_CC, CASE_UPPER, 0, false}, {"DAY", K_DAY, CASE_UPPER, 0, true},
	{"DDD", K_DDD, CASE_UPPER, 0, false}, {"DD", K_DD, CASE_UPPER, 0, false},
	{"DY", K_DY, CASE_UPPER, 0, true}, {"Day", K_DAY, CASE_CAP, 0, true},
	{"Dy", K_DY, CASE_CAP, 0, true}, {"D", K_D, CASE_UPPER, 0, true},
	{"FF1", K_FF, CASE_UPPER, 1, false}, {"FF2", K_FF, CASE_UPPER, 2, false},
	{"FF3", K_FF, CASE_UPPER, 3, false}, {"FF4", K_FF, CASE_UPPER, 4, false},
	{"FF5", K_FF, CASE_UPPER, 5, false}, {"FF6", K_FF, CASE_UPPER, 6, false},
	{"FX", K_FX, CASE_UPPER, 0, false}, {"HH24", K_HH24, CASE_UPPER, 0, false},
	{"HH12", K_HH12, CASE_UPPER, 0, false}, {"HH", K_HH, CASE_UPPER, 0, false},
	{"IDDD", K_IDDD, CASE_UPPER, 0, true}, {"ID", K_ID, CASE_UPPER, 0, true},
	{"IW", K_IW, CASE_UPPER, 0, true}, {"IYYY", K_IYYY, CASE_UPPER, 0, true},
	{"IYY", K_IYY, CASE_UPPER, 0, true}, {"IY", K_IY, CASE_UPPER, 0, true},
	{"I", K_I, CASE_UPPER, 0, true}, {"J", K_J, CASE_UPPER, 0, false},
	{"MI", K_MI, CASE_UPPER, 0, false}, {"MM", K_MM, CASE_UPPER, 0, false},
	{"MONTH", K_MONTH, CASE_UPPER, 0, true}, {"MON", K_MON, CASE_UPPER, 0, true},
	{"MS", K_MS, CASE_UPPER, 0, false}, {"Month", K_MONTH, CASE_CAP, 0, true},
	{"Mon", K_MON, CASE_CAP, 0, true}, {"OF", K_OF, CASE_UPPER, 0, true},
	{"P.M.", K_PM_DOT, CASE_UPPER, 0, false}, {"PM", K_PM, CASE_UPPER, 0, false},
	{"Q", K_Q, CASE_UPPER, 0, false}, {"RM", K_RM, CASE_UPPER, 0, false},
	{"SSSSS", K_SSSSS, CASE_UPPER, 0, false}, {"SSSS", K_SSSS, CASE_UPPER, 0, false},
	{"SS", K_SS, CASE_UPPER, 0, false}, {"TZH", K_TZH, CASE_UPPER, 0, true},
	{"TZM", K_TZM, CASE_UPPER, 0, true}, {"TZ", K_TZ, CASE_UPPER, 0, true},
	{"US", K_US, CASE_UPPER, 0, false}, {"WW", K_WW, CASE_UPPER, 0, true},
	{"W", K_W, CASE_UPPER, 0, true}, {"Y,YYY", K_Y_YYY, CASE_UPPER, 0, false},
	{"YYYY", K_YYYY, CASE_UPPER, 0, false}, {"YYY", K_YYY, CASE_UPPER, 0, false},
	{"YY", K_YY, CASE_UPPER, 0, false}, {"Y", K_Y, CASE_UPPER, 0, false},
	{"a.d.", K_AD_DOT, CASE_LOWER, 0, true}, {"a.m.", K_AM_DOT, CASE_LOWER, 0, false},
	{"ad", K_AD, CASE_LOWER, 0, true}, {"am", K_AM, CASE_LOWER, 0, false},
	{"b.c.", K_BC_DOT, CASE_LOWER, 0, true}, {"bc", K_BC, CASE_LOWER, 0, true},
	{"cc", K_CC, CASE_LOWER, 0, false}, {"day", K_DAY, CASE_LOWER, 0, true},
	{"ddd", K_DDD, CASE_LOWER, 0, false}, {"dd", K_DD, CASE_LOWER, 0, false},
	{"dy", K_DY, CASE_LOWER, 0, true}, {"d", K_D, CASE_LOWER, 0, true},
	{"ff1", K_FF, CASE_LOWER, 1, false}, {"ff2", K_FF, CASE_LOWER, 2, false},
	{"ff3", K_FF, CASE_LOWER, 3, false}, {"ff4", K_FF, CASE_LOWER, 4, false},
	{"ff5", K_FF, CASE_LOWER, 5, false}, {"ff6", K_FF, CASE_LOWER, 6, false},
	{"fx", K_FX, CASE_LOWER, 0, false}, {"hh24", K_HH24, CASE_LOWER, 0, false},
	{"hh12", K_HH12, CASE_LOWER, 0, false}, {"hh", K_HH, CASE_LOWER, 0, false},
	{"iddd", K_IDDD, CASE_LOWER, 0, true}, {"id", K_ID, CASE_LOWER, 0, true},
	{"iw", K_IW, CASE_LOWER, 0, true}, {"iyyy", K_IYYY, CASE_LOWER, 0, true},
	{"iyy", K_IYY, CASE_LOWER, 0, true}, {"iy", K_IY, CASE_LOWER, 0, true},
	{"i", K_I, CASE_LOWER, 0, true}, {"j", K_J, CASE_LOWER, 0, false},
	{"mi", K_MI, CASE_LOWER, 0, false}, {"mm", K_MM, CASE_LOWER, 0, false},
	{"month", K_MONTH, CASE_LOWER, 0, true}, {"mon", K_MON, CASE_LOWER, 0, true},
	{"ms", K_MS, CASE_LOWER, 0, false}, {"of", K_OF, CASE_LOWER, 0, true},
	{"p.m.", K_PM_DOT, CASE_LOWER, 0, false}, {"pm", K_PM, CASE_LOWER, 0, false},
	{"q", K_Q, CASE_LOWER, 0, false}, {"rm", K_RM, CASE_LOWER, 0, false},
	{"sssss", K_SSSSS, CASE_LOWER, 0, false}, {"ssss", K_SSSS, CASE_LOWER, 0, false},
	{"ss", K_SS, CASE_LOWER, 0, false}, {"tzh", K_TZH, CASE_LOWER, 0, true},
	{"tzm", K_TZM, CASE_LOWER, 0, true}, {"tz", K_TZ, CASE_LOWER, 0, true},
	{"us", K_US, CASE_LOWER, 0, false}, {"ww", K_WW, CASE_LOWER, 0, true},
	{"w", K_W, CASE_LOWER, 0, true}, {"y,yyy", K_Y_YYY, CASE_LOWER, 0, false},
	{"yyyy", K_YYYY, CASE_LOWER, 0, false}, {"yyy", K_YYY, CASE_LOWER, 0, false},
	{"yy", K_YY, CASE_LOWER, 0, false}, {"y", K_Y, CASE_LOWER, 0, false},
};

typedef struct FmtNode {
	const Keyword *key;			/* NULL: literal */
	const char *lit;
	size_t		litlen;
	bool		fm;
	bool		tm;
	int			th;				/* 0, 1 "TH", 2 "th" */
} FmtNode;

static const Keyword *
match_keyword(const char *p)
{
	const Keyword *best = NULL;
	size_t		bestlen = 0;

	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
	{
		size_t		n = strlen(keywords[i].name);

		if (n > bestlen && strncmp(p, keywords[i].name, n) == 0)
		{
			best = &keywords[i];
			bestlen = n;
		}
	}
	return best;
}

/* Splits a template into nodes (arena). */
static int
parse_format(EvalCtx *ctx, const char *fmt, size_t len, FmtNode **out, int *nout)
{
	char	   *s = arena_strndup(ctx->arena, fmt, len);
	int			cap = 16,
				n = 0;
	FmtNode    *nodes = arena_alloc0(ctx->arena, sizeof(FmtNode) * (size_t) cap);

	while (*s)
	{
		FmtNode		node;
		const Keyword *k;

		memset(&node, 0, sizeof(node));
		for (;;)
		{
			if ((s[0] == 'F' || s[0] == 'f') && (s[1] == 'M' || s[1] == 'm') && match_keyword(s + 2))
			{
				node.fm = true;
				s += 2;
			}
			else if ((s[0] == 'T' || s[0] == 't') && (s[1] == 'M' || s[1] == 'm') && match_keyword(s + 2))
			{
				node.tm = true;
				s += 2;
			}
			else
				break;
		}
		k = match_keyword(s);
		if (k != NULL)
		{
			node.key = k;
			s += strlen(k->name);
			if (s[0] == 'T' && s[1] == 'H')
			{
				node.th = 1;
				s += 2;
			}
			else if (s[0] == 't' && s[1] == 'h')
			{
				node.th = 2;
				s += 2;
			}
			else if ((s[0] == 'S' || s[0] == 's') && (s[1] == 'P' || s[1] == 'p'))
			{
				mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "\"SP\" is not supported");
				return -1;
			}
		}
		else if (*s == '"')
		{
			StrBuf		sb;

			strbuf_init_arena(&sb, ctx->arena);
			s++;
			while (*s && *s != '"')
			{
				if (*s == '\\' && s[1])
					s++;
				strbuf_putc(&sb, *s++);
			}
			if (*s == '"')
				s++;
			node.lit = sb.data ? sb.data : "";
			node.litlen = sb.len;
		}
		else
		{
			if (*s == '\\' && s[1] == '"')
				s++;
			node.lit = s;
			node.litlen = 1;
			s++;
		}
		if (n == cap)
		{
			nodes = arena_realloc(ctx->arena, nodes, sizeof(FmtNode) * (size_t) cap, sizeof(FmtNode) * (size_t) cap * 2);
			cap *= 2;
		}
		nodes[n++] = node;
	}
	*out = nodes;
	*nout = n;
	return 0;
}

/* ---------------------------------------------------------------- to_char */

typedef struct CharTm {
	PgTm		tm;				/* year as PostgreSQL's (<= 0 BC) */
	int64_t		hour;			/* intervals: may exceed 24 */
	int32_t		fsec;
	bool		is_interval;
	bool		has_tz;
	long		gmtoff;
	const char *tzn;
} CharTm;

static const char *const rm_upper[] = {"XII", "XI", "X", "IX", "VIII", "VII", "VI", "V", "IV", "III", "II", "I", NULL};
static const char *const rm_lower[] = {"xii", "xi", "x", "ix", "viii", "vii", "vi", "v", "iv", "iii", "ii", "i", NULL};

static const char *
ordinal(int64_t num, bool upper)
{
	int64_t		last = num % 10;

	if (num < 0)
		last = -last;
	if ((num % 100 >= 11 && num % 100 <= 13) || (num % 100 <= -11 && num % 100 >= -13))
		return upper ? "TH" : "th";
	if (last == 1)
		return upper ? "ST" : "st";
	if (last == 2)
		return upper ? "ND" : "nd";
	if (last == 3)
		return upper ? "RD" : "rd";
	return upper ? "TH" : "th";
}

static void
put_num(StrBuf *out, const FmtNode *n, int64_t v, int width)
{
	if (n->fm)
		strbuf_printf(out, "%lld", (long long) v);
	else if (v < 0)
		strbuf_printf(out, "-%0*lld", width, (long long) -v);
	else
		strbuf_printf(out, "%0*lld", width, (long long) v);
	if (n->th)
		strbuf_puts(out, ordinal(v, n->th == 1));
}

static void
put_name(StrBuf *out, const FmtNode *n, const char *name, int pad)
{
	char		buf[32];
	size_t		len = strlen(name);

	for (size_t i = 0; i < len && i < sizeof(buf) - 1; i++)
	{
		char		c = name[i];

		if (n->key->kcase == CASE_UPPER)
			c = (char) toupper((unsigned char) c);
		else if (n->key->kcase == CASE_LOWER || (n->key->kcase == CASE_CAP && i > 0))
			c = (char) tolower((unsigned char) c);
		buf[i] = c;
	}
	buf[len < sizeof(buf) - 1 ? len : sizeof(buf) - 1] = '\0';
	if (n->fm || n->tm || pad == 0)
		strbuf_puts(out, buf);
	else
		strbuf_printf(out, "%-*s", pad, buf);
}

static int
iso_week(int year, int mon, int mday);
static int
iso_year(int year, int mon, int mday);

static int
format_node(EvalCtx *ctx, const FmtNode *n, const CharTm *ct, StrBuf *out)
{
	const PgTm *tm = &ct->tm;
	int			year = tm->year;
	int			ayear = year > 0 ? year : -(year - 1);	/* ADJUST_YEAR */

	if (ct->is_interval && n->key->date_only)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_DATETIME_FORMAT, "invalid format specification for an interval value");
		mg_error_hint(ctx->err, "Intervals are not tied to specific calendar dates.");
		return -1;
	}
	if (ct->is_interval)
		ayear = year;
	switch (n->key->id)
	{
		case K_AM:
		case K_PM:
			put_name(out, n, (ct->hour % 24) >= 12 ? "pm" : "am", 0);
			break;
		case K_AM_DOT:
		case K_PM_DOT:
			put_name(out, n, (ct->hour % 24) >= 12 ? "p.m." : "a.m.", 0);
			break;
		case K_AD:
		case K_BC:
			put_name(out, n, year <= 0 ? "bc" : "ad", 0);
			break;
		case K_AD_DOT:
		case K_BC_DOT:
			put_name(out, n, year <= 0 ? "b.c." : "a.d.", 0);
			break;
		case K_HH:
		case K_HH12:
			{
				int64_t		h = ct->hour % 12;

				put_num(out, n, h == 0 ? 12 : h, 2);
			}
			break;
		case K_HH24:
			put_num(out, n, ct->hour, 2);
			break;
		case K_MI:
			put_num(out, n, tm->min, 2);
			break;
		case K_SS:
			put_num(out, n, tm->sec, 2);
			break;
		case K_FF:
			{
				int64_t		v = ct->fsec;

				for (int i = n->key->arg; i < 6; i++)
					v /= 10;
				put_num(out, n, v, n->key->arg);
			}
			break;
		case K_MS:
			put_num(out, n, ct->fsec / 1000, 3);
			break;
		case K_US:
			put_num(out, n, ct->fsec, 6);
			break;
		case K_SSSS:
		case K_SSSSS:
			put_num(out, n, ct->hour * 3600 + tm->min * 60 + tm->sec, 0);
			break;
		case K_TZ:
			if (ct->tzn)
				put_name(out, n, ct->tzn, 0);
			break;
		case K_TZH:
			if (ct->has_tz)
				strbuf_printf(out, "%c%02ld", ct->gmtoff >= 0 ? '+' : '-', labs(ct->gmtoff) / 3600);
			break;
		case K_TZM:
			if (ct->has_tz)
				strbuf_printf(out, "%02ld", (labs(ct->gmtoff) % 3600) / 60);
			break;
		case K_OF:
			if (ct->has_tz)
			{
				strbuf_printf(out, "%c%0*ld", ct->gmtoff >= 0 ? '+' : '-', n->fm ? 0 : 2, labs(ct->gmtoff) / 3600);
				if (labs(ct->gmtoff) % 3600 != 0)
					strbuf_printf(out, ":%02ld", (labs(ct->gmtoff) % 3600) / 60);
			}
			break;
		case K_MONTH:
			if (tm->mon >= 1)
				put_name(out, n, months_full[tm->mon - 1], 9);
			break;
		case K_MON:
			if (tm->mon >= 1)
				put_name(out, n, months_short[tm->mon - 1], 0);
			break;
		case K_MM:
			put_num(out, n, tm->mon, 2);
			break;
		case K_DAY:
			put_name(out, n, days_full[tm->wday], 9);
			break;
		case K_DY:
			put_name(out, n, days_short[tm->wday], 0);
			break;
		case K_DDD:
			put_num(out, n, tm->yday, 3);
			break;
		case K_IDDD:
			{
				int			iy = iso_year(tm->year, tm->mon, tm->mday);
				int			d = (iso_week(tm->year, tm->mon, tm->mday) - 1) * 7 +
					(tm->wday == 0 ? 7 : tm->wday);

				(void) iy;
				put_num(out, n, d, 3);
			}
			break;
		case K_DD:
			put_num(out, n, tm->mday, 2);
			break;
		case K_D:
			put_num(out, n, tm->wday + 1, 0);
			break;
		case K_ID:
			put_num(out, n, tm->wday == 0 ? 7 : tm->wday, 0);
			break;
		case K_WW:
			put_num(out, n, (tm->yday - 1) / 7 + 1, 2);
			break;
		case K_IW:
			put_num(out, n, iso_week(tm->year, tm->mon, tm->mday), 2);
			break;
		case K_Q:
			if (ct->is_interval && tm->mon == 0)
				break;
			put_num(out, n, (tm->mon - 1) / 3 + 1, 0);
			break;
		case K_CC:
			{
				int			cc;

				if (ct->is_interval)
					cc = year / 100;
				else
					cc = year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
				put_num(out, n, cc, 2);
			}
			break;
		case K_Y_YYY:
			if (n->fm)
				strbuf_printf(out, "%d,%03d", ayear / 1000, ayear % 1000);
			else
				strbuf_printf(out, "%d,%03d", ayear / 1000, ayear % 1000);
			if (n->th)
				strbuf_puts(out, ordinal(ayear, n->th == 1));
			break;
		case K_YYYY:
		case K_IYYY:
			{
				int			y = n->key->id == K_IYYY ? iso_year(tm->year, tm->mon, tm->mday) : ayear;

				if (n->key->id == K_IYYY && y <= 0)
					y = -(y - 1);
				put_num(out, n, y, 4);
			}
			break;
		case K_YYY:
		case K_IYY:
			{
				int			y = n->key->id == K_IYY ? iso_year(tm->year, tm->mon, tm->mday) : ayear;

				if (n->key->id == K_IYY && y <= 0 && !ct->is_interval)
					y = -(y - 1);
				put_num(out, n, y % 1000, 3);
			}
			break;
		case K_YY:
		case K_IY:
			{
				int			y = n->key->id == K_IY ? iso_year(tm->year, tm->mon, tm->mday) : ayear;

				if (n->key->id == K_IY && y <= 0 && !ct->is_interval)
					y = -(y - 1);
				put_num(out, n, y % 100, 2);
			}
			break;
		case K_Y:
		case K_I:
			{
				int			y = n->key->id == K_I ? iso_year(tm->year, tm->mon, tm->mday) : ayear;

				if (n->key->id == K_I && y <= 0 && !ct->is_interval)
					y = -(y - 1);
				put_num(out, n, y % 10, 0);
			}
			break;
		case K_W:
			put_num(out, n, (tm->mday - 1) / 7 + 1, 0);
			break;
		case K_J:
			put_num(out, n, date2j(tm->year, tm->mon, tm->mday), 0);
			break;
		case K_RM:
			if (tm->mon >= 1 || !ct->is_interval)
			{
				int			idx = ct->is_interval ? (tm->mon == 0 ? -1 : 12 - tm->mon) : 12 - tm->mon;

				if (idx >= 0)
				{
					const char *r = n->key->kcase == CASE_LOWER ? rm_lower[idx] : rm_upper[idx];

					if (n->fm)
						strbuf_puts(out, r);
					else
						strbuf_printf(out, "%-4s", r);
				}
			}
			break;
		case K_FX:
			break;
	}
	return 0;
}

static int
iso_week(int year, int mon, int mday)
{
	int			dayn = date2j(year, mon, mday);
	int			day4 = date2j(year, 1, 4);
	int			day0 = j2day(day4 - 1);
	int			result;

	if (dayn < day4 - day0)
	{
		day4 = date2j(year - 1, 1, 4);
		day0 = j2day(day4 - 1);
	}
	result = (dayn - (day4 - day0)) / 7 + 1;
	if (result >= 52)
	{
		day4 = date2j(year + 1, 1, 4);
		day0 = j2day(day4 - 1);
		if (dayn >= day4 - day0)
			result = (dayn - (day4 - day0)) / 7 + 1;
	}
	return result;
}

static int
iso_year(int year, int mon, int mday)
{
	int			dayn = date2j(year, mon, mday);
	int			day4 = date2j(year, 1, 4);
	int			day0 = j2day(day4 - 1);

	if (dayn < day4 - day0)
	{
		day4 = date2j(year - 1, 1, 4);
		day0 = j2day(day4 - 1);
		year--;
	}
	if ((dayn - (day4 - day0)) / 7 + 1 >= 52)
	{
		day4 = date2j(year + 1, 1, 4);
		day0 = j2day(day4 - 1);
		if (dayn >= day4 - day0)
			year++;
	}
	return year;
}

static int
to_char_common(FnCall *fc, const CharTm *ct, Datum *out)
{
	const Varlena *f = DatumGetVarlena(fc->args[1]);
	FmtNode    *nodes;
	int			n;
	StrBuf		sb;

	if (f->len == 0)
	{
		fc->isnull = true;
		return 0;
	}
	if (parse_format(fc->ctx, f->data, f->len, &nodes, &n))
		return -1;
	strbuf_init_arena(&sb, fc->ctx->arena);
	for (int i = 0; i < n; i++)
	{
		if (nodes[i].key == NULL)
			strbuf_append(&sb, nodes[i].lit, nodes[i].litlen);
		else if (format_node(fc->ctx, &nodes[i], ct, &sb))
			return -1;
	}
	*out = text_datum(fc->ctx->arena, sb.data ? sb.data : "", sb.len);
	return 0;
}

static int
to_char_ts(FnCall *fc, const TzZone *zone, Datum *out)
{
	CharTm		ct;
	Timestamp	ts = DatumGetInt64(fc->args[0]);

	if (TIMESTAMP_NOT_FINITE(ts))
	{
		fc->isnull = true;
		return 0;
	}
	memset(&ct, 0, sizeof(ct));
	if (timestamp2tm(ts, zone, &ct.tm, &ct.fsec) != 0)
		return dt_error(fc->ctx, "timestamp out of range");
	ct.hour = ct.tm.hour;
	ct.has_tz = true;			/* without a zone: offset fields print +00 */
	ct.gmtoff = ct.tm.gmtoff;
	ct.tzn = ct.tm.zone;
	return to_char_common(fc, &ct, out);
}

static int fn_to_char_timestamp(FnCall *fc, Datum *out) { return to_char_ts(fc, NULL, out); }
static int fn_to_char_timestamptz(FnCall *fc, Datum *out) { return to_char_ts(fc, tz_session(fc->ctx), out); }

static int
fn_to_char_interval(FnCall *fc, Datum *out)
{
	CharTm		ct;
	Interval	iv;
	int64_t		t;

	interval_get(fc->args[0], &iv);
	memset(&ct, 0, sizeof(ct));
	ct.is_interval = true;
	ct.tm.year = iv.month / MONTHS_PER_YEAR;
	ct.tm.mon = iv.month % MONTHS_PER_YEAR;
	ct.tm.mday = iv.day;
	t = iv.time;
	ct.hour = t / USECS_PER_HOUR;
	t -= ct.hour * USECS_PER_HOUR;
	ct.tm.min = (int) (t / USECS_PER_MINUTE);
	t -= (int64_t) ct.tm.min * USECS_PER_MINUTE;
	ct.tm.sec = (int) (t / USECS_PER_SEC);
	ct.fsec = (int32_t) (t - (int64_t) ct.tm.sec * USECS_PER_SEC);
	/* PostgreSQL's interval_to_char: yday counts months as 30 days */
	ct.tm.yday = (int) ((iv.month % 12) * 30 + iv.day);
	return to_char_common(fc, &ct, out);
}

/* ---------------------------------------------------------------- to_timestamp */

typedef struct ParseTm {
	int			year;
	bool		have_year;
	bool		bc;
	int			yysize;			/* digits of a YY/YYY/Y year */
	int			cc;
	int			mon;
	int			mday;
	int			hour;
	int			min;
	int			sec;
	int32_t		fsec;
	int			pm;				/* -1 none, 0 am, 1 pm */
	bool		clock12;
	int			doy;
	int			julian;
	bool		have_tz;
	int			tzsign,
				tzh,
				tzm;
	int			ww;
	int			d;
} ParseTm;

static int
fmt_error(EvalCtx *ctx, const char *fmt, const char *arg)
{
	mg_error(ctx->err, SQLSTATE_INVALID_DATETIME_FORMAT, fmt, arg);
	return -1;
}

/*
 * Reads an integer field: at most maxlen digits (0: any).  Only year-like
 * fields take a sign; elsewhere a stray sign is a separator, as PostgreSQL's
 * non-FX matching lets it be.
 */
static int
read_int(EvalCtx *ctx, const char **s, int maxlen, bool allow_sign, const Keyword *k, int *out)
{
	const char *p = *s;
	const char *start;
	long		v;
	int			n = 0;
	bool		neg = false;

	while (*p == ' ')
		p++;
	if (*p == '-' || *p == '+')
	{
		neg = allow_sign && *p == '-';
		p++;
	}
	start = p;
	while (isdigit((unsigned char) *p) && (maxlen == 0 || n < maxlen))
	{
		p++;
		n++;
	}
	if (n == 0)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_DATETIME_FORMAT,
				 "invalid value \"%.*s\" for \"%s\"", (int) strcspn(*s, " "), *s, k->name);
		mg_error_detail(ctx->err, "Value must be an integer.");
		return -1;
	}
	v = 0;
	for (int i = 0; i < n && i < 10; i++)
		v = v * 10 + (start[i] - '0');
	if (n > 9 || v > INT_MAX)
	{
		mg_error(ctx->err, SQLSTATE_DATETIME_FIELD_OVERFLOW, "value for \"%s\" in source string is out of range", k->name);
		return -1;
	}
	*out = neg ? -(int) v : (int) v;
	*s = p;
	return 0;
}

static int
read_name(EvalCtx *ctx, const char **s, const char *const *names, const Keyword *k, int *out)
{
	const char *p = *s;
	size_t		best = 0;

	while (*p == ' ')
		p++;
	for (int i = 0; names[i]; i++)
	{
		size_t		n = strlen(names[i]);

		if (n > best && strncasecmp(p, names[i], n) == 0)
		{
			best = n;
			*out = i;
		}
	}
	if (best == 0)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_DATETIME_FORMAT, "invalid value \"%.*s\" for \"%s\"",
				 (int) strcspn(p, " "), p, k->name);
		mg_error_detail(ctx->err, "The given value did not match any of the allowed values for this field.");
		return -1;
	}
	*s = p + best;
	return 0;
}

static int
parse_node(EvalCtx *ctx, const FmtNode *n, const char **s, ParseTm *pt, bool next_is_digit)
{
	const Keyword *k = n->key;
	int			v;
	static const char *const ampm[] = {"am", "pm", "a.m.", "p.m.", NULL};
	static const char *const adbc[] = {"ad", "bc", "a.d.", "b.c.", NULL};

	switch (k->id)
	{
		case K_YYYY:
		case K_IYYY:
			if (read_int(ctx, s, next_is_digit ? 4 : 0, true, k, &v))
				return -1;
			pt->year = v;
			pt->have_year = true;
			pt->yysize = 4;
			return 0;
		case K_Y_YYY:
			{
				int			hi,
							lo;

				if (read_int(ctx, s, 0, false, k, &hi))
					return -1;
				if (**s != ',')
					return fmt_error(ctx, "invalid input string for \"%s\"", "Y,YYY");
				(*s)++;
				if (read_int(ctx, s, 3, false, k, &lo))
					return -1;
				if (hi > 2000000)
				{
					mg_error(ctx->err, SQLSTATE_DATETIME_FIELD_OVERFLOW,
							 "value for \"%s\" in source string is out of range", k->name);
					return -1;
				}
				pt->year = hi * 1000 + lo;
				pt->have_year = true;
				pt->yysize = 4;
			}
			return 0;
		case K_YYY:
		case K_IYY:
		case K_YY:
		case K_IY:
		case K_Y:
		case K_I:
			{
				const char *before = *s;
				int			width = (k->id == K_YYY || k->id == K_IYY) ? 3 :
					(k->id == K_YY || k->id == K_IY) ? 2 : 1;
				int			digits;

				if (read_int(ctx, s, width, false, k, &v))
					return -1;
				digits = (int) (*s - before);
				while (*before == ' ')
				{
					before++;
					digits--;
				}
				pt->year = v;
				pt->have_year = true;
				pt->yysize = digits;
			}
			return 0;
		case K_MM:
			if (read_int(ctx, s, 2, false, k, &pt->mon))
				return -1;
			return 0;
		case K_MONTH:
			if (read_name(ctx, s, months_full, k, &v) && (mg_error_reset(ctx->err), read_name(ctx, s, months_short, k, &v)))
				return -1;
			pt->mon = v + 1;
			return 0;
		case K_MON:
			if (read_name(ctx, s, months_short, k, &v))
				return -1;
			pt->mon = v + 1;
			return 0;
		case K_DAY:
			if (read_name(ctx, s, days_full, k, &v) && (mg_error_reset(ctx->err), read_name(ctx, s, days_short, k, &v)))
				return -1;
			return 0;
		case K_DY:
			return read_name(ctx, s, days_short, k, &v);
		case K_DD:
			return read_int(ctx, s, 2, false, k, &pt->mday);
		case K_DDD:
		case K_IDDD:
			return read_int(ctx, s, 3, false, k, &pt->doy);
		case K_D:
		case K_ID:
			return read_int(ctx, s, 1, false, k, &pt->d);
		case K_HH:
		case K_HH12:
			pt->clock12 = true;
			return read_int(ctx, s, 2, false, k, &pt->hour);
		case K_HH24:
			return read_int(ctx, s, 2, false, k, &pt->hour);
		case K_MI:
			return read_int(ctx, s, 2, false, k, &pt->min);
		case K_SS:
			return read_int(ctx, s, 2, false, k, &pt->sec);
		case K_MS:
		case K_US:
		case K_FF:
			{
				const char *before = *s;
				int			width = k->id == K_MS ? 3 : k->id == K_US ? 6 : k->arg;
				int			digits;

				if (read_int(ctx, s, width, false, k, &v))
					return -1;
				digits = (int) (*s - before);
				while (*before == ' ')
				{
					before++;
					digits--;
				}
				if (k->id == K_MS)
				{
					/* "1" means 100 ms, as PostgreSQL scales short MS input */
					for (int i = digits; i < 3; i++)
						v *= 10;
					pt->fsec = v * 1000;
				}
				else
				{
					for (int i = digits; i < 6; i++)
						v *= 10;
					pt->fsec = v;
				}
			}
			return 0;
		case K_SSSS:
		case K_SSSSS:
			if (read_int(ctx, s, 0, false, k, &v))
				return -1;
			pt->hour = v / 3600;
			pt->min = (v % 3600) / 60;
			pt->sec = v % 60;
			return 0;
		case K_AM:
		case K_PM:
		case K_AM_DOT:
		case K_PM_DOT:
			if (read_name(ctx, s, ampm, k, &v))
				return -1;
			pt->pm = v % 2;
			pt->clock12 = true;
			return 0;
		case K_AD:
		case K_BC:
		case K_AD_DOT:
		case K_BC_DOT:
			if (read_name(ctx, s, adbc, k, &v))
				return -1;
			pt->bc = v % 2 == 1;
			return 0;
		case K_CC:
			if (read_int(ctx, s, 0, false, k, &pt->cc))
				return -1;
			if (pt->cc > 100000)
			{
				mg_error(ctx->err, SQLSTATE_DATETIME_FIELD_OVERFLOW,
						 "value for \"%s\" in source string is out of range", k->name);
				return -1;
			}
			return 0;
		case K_J:
			return read_int(ctx, s, 0, false, k, &pt->julian);
		case K_Q:
			return read_int(ctx, s, 1, false, k, &v);
		case K_WW:
		case K_IW:
			return read_int(ctx, s, 2, false, k, &pt->ww);
		case K_W:
			return read_int(ctx, s, 1, false, k, &v);
		case K_TZH:
			{
				const char *p = *s;

				while (*p == ' ')
					p++;
				pt->tzsign = 1;
				if (*p == '-' || *p == '+')
				{
					pt->tzsign = *p == '-' ? -1 : 1;
					p++;
				}
				*s = p;
				if (read_int(ctx, s, 2, false, k, &pt->tzh))
					return -1;
				pt->have_tz = true;
			}
			return 0;
		case K_TZM:
			pt->have_tz = true;
			if (pt->tzsign == 0)
				pt->tzsign = 1;
			return read_int(ctx, s, 2, false, k, &pt->tzm);
		case K_FX:
			return 0;
		case K_RM:
			{
				static const char *const rm[] = {"XII", "XI", "X", "IX", "VIII", "VII", "VI", "V", "IV", "III", "II", "I", NULL};

				if (read_name(ctx, s, rm, k, &v))
					return -1;
				pt->mon = 12 - v;
			}
			return 0;
		case K_TZ:
		case K_OF:
			mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "formatting field \"%s\" is only supported in to_char",
					 k->name);
			return -1;
	}
	return 0;
}

/* Reads input against a template; the result is a broken-down time. */
static int
do_to_timestamp(FnCall *fc, PgTm *tm, int32_t *fsec, int *tz, bool *have_tz)
{
	const Varlena *src = DatumGetVarlena(fc->args[0]);
	const Varlena *f = DatumGetVarlena(fc->args[1]);
	const char *s = arena_strndup(fc->ctx->arena, src->data, src->len);
	FmtNode    *nodes;
	int			n;
	ParseTm		pt;
	EvalCtx    *ctx = fc->ctx;

	if (parse_format(ctx, f->data, f->len, &nodes, &n))
		return -1;
	memset(&pt, 0, sizeof(pt));
	pt.pm = -1;
	{
		bool		fx = false;
		int			extra_skip = 0;

		for (int i = 0; i < n; i++)
			if (nodes[i].key && nodes[i].key->id == K_FX)
				fx = true;
		for (int i = 0; i < n && *s; i++)
		{
			const FmtNode *node = &nodes[i];
			bool		is_space = node->key == NULL && node->litlen == 1 && isspace((unsigned char) node->lit[0]);
			bool		is_sep = node->key == NULL && node->litlen == 1 && node->lit[0] > 0x20 &&
				node->lit[0] < 0x7F && !isalnum((unsigned char) node->lit[0]);

			if (!fx && (node->key != NULL || i == 0) && !(node->key && node->key->id == K_FX))
			{
				while (*s && isspace((unsigned char) *s))
				{
					s++;
					extra_skip++;
				}
			}
			if (is_space || is_sep)
			{
				if (!fx)
				{
					extra_skip--;
					if (isspace((unsigned char) *s) ||
						(*s > 0x20 && *s < 0x7F && !isalnum((unsigned char) *s)))
					{
						s++;
						extra_skip++;
					}
				}
				else
					s++;
				continue;
			}
			if (node->key == NULL)
			{
				for (size_t c = 0; c < node->litlen && *s; c++)
				{
					if (!fx && extra_skip > 0)
						extra_skip--;
					else
						s++;
				}
				continue;
			}
			{
				const FmtNode *next = i + 1 < n ? &nodes[i + 1] : NULL;
				bool		next_digit = next != NULL && !node->th && next->key != NULL &&
					next->key->id != K_MONTH && next->key->id != K_MON && next->key->id != K_DAY &&
					next->key->id != K_DY && next->key->id != K_AM && next->key->id != K_PM &&
					next->key->id != K_AM_DOT && next->key->id != K_PM_DOT && next->key->id != K_AD &&
					next->key->id != K_BC && next->key->id != K_AD_DOT && next->key->id != K_BC_DOT &&
					next->key->id != K_RM && next->key->id != K_TZ && next->key->id != K_FX;

				if (parse_node(ctx, node, &s, &pt, next_digit))
					return -1;
			}
			if (node->th)
			{
				if ((s[0] && s[1]) && isalpha((unsigned char) s[0]) && isalpha((unsigned char) s[1]))
					s += 2;
			}
		}
	}
	memset(tm, 0, sizeof(*tm));
	/* year */
	if (pt.have_year)
	{
		int			y = pt.year;

		if (pt.yysize > 0 && pt.yysize < 4 && !pt.bc)
		{
			if (pt.yysize == 2)
				y = y < 70 ? y + 2000 : y + 1900;
			else if (pt.yysize == 3)
				y = y < 100 ? y + 2000 : y + 1000;
			else if (pt.yysize == 1)
				y = y + 2000;
		}
		if (pt.bc)
			y = -y + 1;
		else if (y == 0 && pt.yysize >= 4)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_DATETIME_FORMAT, "cannot calculate day of year without year information");
			return -1;
		}
		tm->year = y;
	}
	else if (pt.cc)
		tm->year = pt.bc ? -((pt.cc - 1) * 100) : (pt.cc - 1) * 100 + 1;
	else
		tm->year = 1;
	tm->mon = pt.mon ? pt.mon : 1;
	tm->mday = pt.mday ? pt.mday : 1;
	if (pt.julian)
		j2date(pt.julian, &tm->year, &tm->mon, &tm->mday);
	if (pt.doy)
		j2date(date2j(tm->year, 1, 1) + pt.doy - 1, &tm->year, &tm->mon, &tm->mday);
	tm->hour = pt.hour;
	if (pt.clock12)
	{
		if (tm->hour < 1 || tm->hour > 12)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_DATETIME_FORMAT,
					 "hour \"%d\" is invalid for the 12-hour clock", tm->hour);
			mg_error_hint(ctx->err, "Use the 24-hour clock, or give an hour between 1 and 12.");
			return -1;
		}
		if (pt.pm == 1 && tm->hour < 12)
			tm->hour += 12;
		else if (pt.pm == 0 && tm->hour == 12)
			tm->hour = 0;
	}
	tm->min = pt.min;
	tm->sec = pt.sec;
	*fsec = pt.fsec;
	if (tm->mon < 1 || tm->mon > 12 || tm->mday < 1 || tm->mday > days_in_month(tm->year, tm->mon) ||
		tm->hour > 24 || tm->min > 59 || tm->sec > 60)
	{
		mg_error(ctx->err, SQLSTATE_DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"%.*s\"",
				 (int) src->len, src->data);
		return -1;
	}
	*have_tz = pt.have_tz;
	*tz = -(pt.tzsign * (pt.tzh * 3600 + pt.tzm * 60));
	return 0;
}

static int
fn_to_timestamp_text(FnCall *fc, Datum *out)
{
	PgTm		tm;
	int32_t		fsec;
	int			tz;
	bool		have_tz;
	Timestamp	r;

	if (do_to_timestamp(fc, &tm, &fsec, &tz, &have_tz))
		return -1;
	if (!have_tz)
		tz = datetime_tz_offset(tz_session(fc->ctx), &tm);
	if (tm2timestamp(&tm, fsec, &tz, &r) != 0)
	{
		const Varlena *src = DatumGetVarlena(fc->args[0]);

		mg_error(fc->ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "timestamp out of range: \"%.*s\"",
				 (int) src->len, src->data);
		return -1;
	}
	*out = Int64GetDatum(r);
	return 0;
}

static int
fn_to_date(FnCall *fc, Datum *out)
{
	PgTm		tm;
	int32_t		fsec;
	int			tz;
	bool		have_tz;
	int64_t		d;

	if (do_to_timestamp(fc, &tm, &fsec, &tz, &have_tz))
		return -1;
	if (!IS_VALID_JULIAN(tm.year, tm.mon, tm.mday))
		goto range;
	d = (int64_t) date2j(tm.year, tm.mon, tm.mday) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(d))
		goto range;
	*out = Int32GetDatum((int32_t) d);
	return 0;
range:
	{
		const Varlena *src = DatumGetVarlena(fc->args[0]);

		mg_error(fc->ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "date out of range: \"%.*s\"",
				 (int) src->len, src->data);
	}
	return -1;
}

#define F2(n, a, b, r, vol, f) \
	{.name = n, .nargs = 2, .argtypes = {a, b}, .rettype = r, .strict = true, .volatility = vol, .fn = f}

const FuncDef datetime_fmt_funcs[] = {
	F2("to_char", TIMESTAMPOID, TEXTOID, TEXTOID, FUNC_STABLE, fn_to_char_timestamp),
	F2("to_char", TIMESTAMPTZOID, TEXTOID, TEXTOID, FUNC_STABLE, fn_to_char_timestamptz),
	F2("to_char", INTERVALOID, TEXTOID, TEXTOID, FUNC_STABLE, fn_to_char_interval),
	F2("to_timestamp", TEXTOID, TEXTOID, TIMESTAMPTZOID, FUNC_STABLE, fn_to_timestamp_text),
	F2("to_date", TEXTOID, TEXTOID, DATEOID, FUNC_STABLE, fn_to_date),
};
const int datetime_n_fmt_funcs = (int) (sizeof(datetime_fmt_funcs) / sizeof(datetime_fmt_funcs[0]));
