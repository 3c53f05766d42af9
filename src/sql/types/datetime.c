/*
 * datetime.c — the calendar, the date/time text parser and the text
 * encoders shared by date, time, timestamp and timestamptz.
 *
 * Design: a faithful re-implementation of PostgreSQL's ParseDateTime /
 * DecodeDateTime / DecodeTimeOnly (src/backend/utils/adt/datetime.c), so
 * that every spelling PostgreSQL accepts is accepted here with the same
 * field-order rules (DateStyle's MDY/DMY/YMD), the same keywords and the
 * same error codes.  Input is first split into typed fields (number,
 * string, date, time, zone, special), then each field is decoded against
 * a mask of what has been seen.
 *
 * Invariants:
 *  1. Nothing here keeps state between calls; the only shared data are
 *     constant tables and the time-zone cache (tz.c, locked).
 *  2. PgTm.year <= 0 means BC (0 = 1 BC); the parser converts "BC" years.
 *  3. Zone offsets inside the decoder use PostgreSQL's sign: seconds WEST.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "datetime_int.h"

const char *const months_short[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
"Jul", "Aug", "Sep", "Oct", "Nov", "Dec", NULL};
const char *const months_full[] = {"January", "February", "March", "April", "May", "June",
"July", "August", "September", "October", "November", "December", NULL};
const char *const days_short[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", NULL};
const char *const days_full[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
"Thursday", "Friday", "Saturday", NULL};

static const int day_tab[2][13] = {
	{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0},
	{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0}
};

/* ---------------------------------------------------------------- calendar */

/*
 * PostgreSQL's date2j, computed in 64 bits: callers range-check years, but
 * a wild year from input must not be undefined behaviour on the way.
 */
int
date2j(int year, int month, int day)
{
	int64_t		y = year;
	int64_t		m = month;
	int64_t		julian;
	int64_t		century;

	if (m > 2)
	{
		m += 1;
		y += 4800;
	}
	else
	{
		m += 13;
		y += 4799;
	}
	century = y / 100;
	julian = y * 365 - 32167;
	julian += y / 4 - century + century / 4;
	julian += 7834 * m / 256 + day;
	return (int) julian;
}

void
j2date(int jd, int *year, int *month, int *day)
{
	unsigned int julian;
	unsigned int quad;
	unsigned int extra;
	int			y;

	julian = (unsigned int) jd;
	julian += 32044;
	quad = julian / 146097;
	extra = (julian - quad * 146097) * 4 + 3;
	julian += 60 + quad * 3 + extra / 146097;
	quad = julian / 1461;
	julian -= quad * 1461;
	y = (int) (julian * 4 / 1461);
	julian = ((y != 0) ? ((julian + 305) % 365) : ((julian + 306) % 366)) + 123;
	y += (int) quad * 4;
	*year = y - 4800;
	quad = julian * 2141 / 65536;
	*day = (int) (julian - 7834 * quad / 256);
	*month = (int) ((quad + 10) % MONTHS_PER_YEAR + 1);
}

int
j2day(int jd)
{
	jd += 1;
	jd %= 7;
	if (jd < 0)
		jd += 7;
	return jd;
}

bool
is_leap_year(int y)
{
	return (y % 4 == 0) && ((y % 100 != 0) || (y % 400 == 0));
}

int
days_in_month(int y, int m)
{
	return day_tab[is_leap_year(y) ? 1 : 0][m - 1];
}

int64_t
time2t(int hour, int min, int sec, int32_t fsec)
{
	return (((((int64_t) hour * 60) + min) * 60) + sec) * USECS_PER_SEC + fsec;
}

void
dt2time(int64_t t, int *hour, int *min, int *sec, int32_t *fsec)
{
	*hour = (int) (t / USECS_PER_HOUR);
	t -= (int64_t) (*hour) * USECS_PER_HOUR;
	*min = (int) (t / USECS_PER_MINUTE);
	t -= (int64_t) (*min) * USECS_PER_MINUTE;
	*sec = (int) (t / USECS_PER_SEC);
	*fsec = (int32_t) (t - (int64_t) (*sec) * USECS_PER_SEC);
}

/* Seconds since the Unix epoch of a timestamp (floor). */
static int64_t
ts_to_unix_secs(Timestamp ts)
{
	int64_t		s = ts / USECS_PER_SEC;

	if (ts % USECS_PER_SEC < 0)
		s--;
	return s + (int64_t) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY;
}

int
timestamp2tm(Timestamp dt, const TzZone *tz, PgTm *tm, int32_t *fsec)
{
	int64_t		date;
	int64_t		time;

	memset(tm, 0, sizeof(*tm));
	tm->isdst = -1;
	/* the range check is on the UTC date, as PostgreSQL's */
	date = dt / USECS_PER_DAY;
	if (dt % USECS_PER_DAY < 0)
		date--;
	date += POSTGRES_EPOCH_JDATE;
	if (date < 0 || date > INT_MAX)
		return -1;
	if (tz != NULL)
	{
		const char *abbrev = NULL;
		int			isdst = 0;
		long		off = tz_offset_at_utc(tz, ts_to_unix_secs(dt), &isdst, &abbrev);

		dt += (int64_t) off * USECS_PER_SEC;
		tm->gmtoff = off;
		tm->isdst = isdst;
		tm->zone = abbrev;
	}
	time = dt;
	date = time / USECS_PER_DAY;
	time -= date * USECS_PER_DAY;
	if (time < 0)
	{
		time += USECS_PER_DAY;
		date -= 1;
	}
	date += POSTGRES_EPOCH_JDATE;
	j2date((int) date, &tm->year, &tm->mon, &tm->mday);
	tm->wday = j2day((int) date);
	tm->yday = (int) date - date2j(tm->year, 1, 1) + 1;
	dt2time(time, &tm->hour, &tm->min, &tm->sec, fsec);
	return 0;
}

int
tm2timestamp(const PgTm *tm, int32_t fsec, const int *tzoff, Timestamp *out)
{
	int64_t		date;
	int64_t		time;
	int64_t		r;

	if (!IS_VALID_JULIAN(tm->year, tm->mon, tm->mday))
		return -1;
	date = date2j(tm->year, tm->mon, tm->mday) - POSTGRES_EPOCH_JDATE;
	time = time2t(tm->hour, tm->min, tm->sec, fsec);
	if (__builtin_mul_overflow(date, USECS_PER_DAY, &r) ||
		__builtin_add_overflow(r, time, &r))
		return -1;
	if ((r < 0 && date > 0) || (r > 0 && date < -1))
		return -1;
	if (tzoff != NULL && __builtin_add_overflow(r, (int64_t) (*tzoff) * USECS_PER_SEC, &r))
		return -1;
	if (!IS_VALID_TIMESTAMP(r))
		return -1;
	*out = r;
	return 0;
}

int
datetime_tz_offset(const TzZone *tz, const PgTm *tm)
{
	int64_t		local;

	if (!IS_VALID_JULIAN(tm->year, tm->mon, tm->mday))
		return 0;
	local = ((int64_t) (date2j(tm->year, tm->mon, tm->mday) - UNIX_EPOCH_JDATE)) * SECS_PER_DAY +
		tm->hour * 3600 + tm->min * 60 + tm->sec;
	return (int) -tz_offset_at_local(tz, local, NULL);
}

TimestampTz
datetime_now(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return ((int64_t) tv.tv_sec -
			(int64_t) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY) * USECS_PER_SEC +
		tv.tv_usec;
}

/* now() of the statement, broken down in the session's zone. */
TimestampTz
datetime_now_tm(EvalCtx *ctx, PgTm *tm, int32_t *fsec, int *tz)
{
	TimestampTz now = ctx->txn_timestamp != 0 ? ctx->txn_timestamp : datetime_now();

	timestamp2tm(now, tz_session(ctx), tm, fsec);
	*tz = (int) -tm->gmtoff;
	return now;
}

/* ---------------------------------------------------------------- settings */

static void datestyle_parse(const char *s, DateStyle *ds);

/* Each thread remembers the last DateStyle text it parsed (by content). */
static __thread char datestyle_memo_text[64];
static __thread DateStyle datestyle_memo;

void
datestyle_get(const EvalCtx *ctx, DateStyle *ds)
{
	const char *s = ctx->gucs ? guc_str(ctx->gucs, GUC_DATESTYLE) : NULL;

	if (s != NULL && datestyle_memo_text[0] != '\0' && strcmp(s, datestyle_memo_text) == 0)
	{
		*ds = datestyle_memo;
		return;
	}
	datestyle_parse(s, ds);
	if (s != NULL && strlen(s) < sizeof(datestyle_memo_text))
	{
		strcpy(datestyle_memo_text, s);
		datestyle_memo = *ds;
	}
}

static void
datestyle_parse(const char *s, DateStyle *ds)
{
	bool		have_order = false;

	ds->style = USE_ISO_DATES;
	ds->order = DATEORDER_MDY;
	if (s == NULL)
		return;
	while (*s)
	{
		char		tok[32];
		size_t		n = 0;

		while (*s == ' ' || *s == ',' || *s == '\t')
			s++;
		while (*s && *s != ',' && *s != ' ' && n < sizeof(tok) - 1)
			tok[n++] = *s++;
		tok[n] = '\0';
		if (n == 0)
			break;
		if (strcasecmp(tok, "ISO") == 0)
			ds->style = USE_ISO_DATES;
		else if (strcasecmp(tok, "SQL") == 0)
			ds->style = USE_SQL_DATES;
		else if (strncasecmp(tok, "POSTGRES", 8) == 0)
			ds->style = USE_POSTGRES_DATES;
		else if (strcasecmp(tok, "GERMAN") == 0)
		{
			ds->style = USE_GERMAN_DATES;
			if (!have_order)
				ds->order = DATEORDER_DMY;
		}
		else if (strcasecmp(tok, "YMD") == 0)
		{
			ds->order = DATEORDER_YMD;
			have_order = true;
		}
		else if (strcasecmp(tok, "DMY") == 0 || strncasecmp(tok, "EURO", 4) == 0)
		{
			ds->order = DATEORDER_DMY;
			have_order = true;
		}
		else if (strcasecmp(tok, "MDY") == 0 || strcasecmp(tok, "US") == 0 ||
				 strncasecmp(tok, "NONEURO", 7) == 0)
		{
			ds->order = DATEORDER_MDY;
			have_order = true;
		}
	}
}

int
intervalstyle_get(const EvalCtx *ctx)
{
	const char *s = ctx->gucs ? guc_str(ctx->gucs, GUC_INTERVALSTYLE) : NULL;

	if (s == NULL)
		return INTSTYLE_POSTGRES;
	if (strcasecmp(s, "postgres_verbose") == 0)
		return INTSTYLE_POSTGRES_VERBOSE;
	if (strcasecmp(s, "sql_standard") == 0)
		return INTSTYLE_SQL_STANDARD;
	if (strcasecmp(s, "iso_8601") == 0)
		return INTSTYLE_ISO_8601;
	return INTSTYLE_POSTGRES;
}

/* ---------------------------------------------------------------- encoding */

/* Appends val zero-padded to width digits (no printf: this is the hot path of output). */
void
append_zeropad(StrBuf *out, long val, int width)
{
	char		buf[24];
	int			n = 0;
	unsigned long u = val < 0 ? (unsigned long) (-(val + 1)) + 1 : (unsigned long) val;

	do
	{
		buf[sizeof(buf) - 1 - n++] = (char) ('0' + u % 10);
		u /= 10;
	} while (u != 0);
	while (n < width && n < (int) sizeof(buf) - 1)
		buf[sizeof(buf) - 1 - n++] = '0';
	if (val < 0)
		strbuf_putc(out, '-');
	strbuf_append(out, buf + sizeof(buf) - n, (size_t) n);
}

static void
put2(StrBuf *out, int v)
{
	char		b[2] = {(char) ('0' + (v / 10) % 10), (char) ('0' + v % 10)};

	if (v >= 0 && v < 100)
		strbuf_append(out, b, 2);
	else
		append_zeropad(out, v, 2);
}

/*
 * Seconds with up to `precision` fractional digits, trailing zeros removed
 * (PostgreSQL's AppendSeconds: never a sign; callers print it).
 * fillzeros: two-digit seconds.
 */
void
append_seconds(StrBuf *out, int sec, int32_t fsec, int precision, bool fillzeros)
{
	char		frac[8];
	int			n;
	int			f = abs(fsec);

	append_zeropad(out, abs(sec), fillzeros ? 2 : 1);
	if (fsec == 0)
		return;
	if (f > 999999)
	{
		/* cannot happen for valid values; keep PostgreSQL's fallback */
		strbuf_printf(out, ".%d", f);
		return;
	}
	for (int i = 5; i >= 0; i--)
	{
		frac[i] = (char) ('0' + f % 10);
		f /= 10;
	}
	n = precision;
	while (n > 0 && frac[n - 1] == '0')
		n--;
	if (n > 0)
	{
		strbuf_putc(out, '.');
		strbuf_append(out, frac, (size_t) n);
	}
}

void
encode_timezone(int tz, int style, StrBuf *out)
{
	int			sec = abs(tz);
	int			hour = sec / SECS_PER_HOUR;
	int			min;

	sec -= hour * SECS_PER_HOUR;
	min = sec / SECS_PER_MINUTE;
	sec -= min * SECS_PER_MINUTE;
	strbuf_putc(out, (tz <= 0) ? '+' : '-');
	put2(out, hour);
	if (sec != 0 || min != 0 || style == USE_XSD_DATES)
	{
		strbuf_putc(out, ':');
		put2(out, min);
	}
	if (sec != 0)
	{
		strbuf_putc(out, ':');
		put2(out, sec);
	}
}

static int
display_year(int year)
{
	return year > 0 ? year : -(year - 1);
}

void
encode_date_only(const PgTm *tm, int style, int order, StrBuf *out)
{
	int			y = display_year(tm->year);

	switch (style)
	{
		case USE_ISO_DATES:
		case USE_XSD_DATES:
			append_zeropad(out, y, 4);
			strbuf_putc(out, '-');
			put2(out, tm->mon);
			strbuf_putc(out, '-');
			put2(out, tm->mday);
			break;
		case USE_SQL_DATES:
			if (order == DATEORDER_DMY)
				strbuf_printf(out, "%02d/%02d/", tm->mday, tm->mon);
			else
				strbuf_printf(out, "%02d/%02d/", tm->mon, tm->mday);
			append_zeropad(out, y, 4);
			break;
		case USE_GERMAN_DATES:
			strbuf_printf(out, "%02d.%02d.", tm->mday, tm->mon);
			append_zeropad(out, y, 4);
			break;
		default:
			if (order == DATEORDER_DMY)
				strbuf_printf(out, "%02d-%02d-", tm->mday, tm->mon);
			else
				strbuf_printf(out, "%02d-%02d-", tm->mon, tm->mday);
			append_zeropad(out, y, 4);
			break;
	}
	if (tm->year <= 0)
		strbuf_puts(out, " BC");
}

void
encode_time_only(const PgTm *tm, int32_t fsec, bool print_tz, int tz, int style, StrBuf *out)
{
	put2(out, tm->hour);
	strbuf_putc(out, ':');
	put2(out, tm->min);
	strbuf_putc(out, ':');
	append_seconds(out, tm->sec, fsec, MAX_TIMESTAMP_PRECISION, true);
	if (print_tz)
		encode_timezone(tz, style, out);
}

void
encode_date_time(PgTm *tm, int32_t fsec, bool print_tz, int tz, const char *tzn,
				 int style, int order, StrBuf *out)
{
	int			y = display_year(tm->year);

	switch (style)
	{
		case USE_ISO_DATES:
		case USE_XSD_DATES:
			append_zeropad(out, y, 4);
			strbuf_putc(out, '-');
			put2(out, tm->mon);
			strbuf_putc(out, '-');
			put2(out, tm->mday);
			strbuf_putc(out, style == USE_ISO_DATES ? ' ' : 'T');
			put2(out, tm->hour);
			strbuf_putc(out, ':');
			put2(out, tm->min);
			strbuf_putc(out, ':');
			append_seconds(out, tm->sec, fsec, MAX_TIMESTAMP_PRECISION, true);
			if (print_tz)
				encode_timezone(tz, style, out);
			break;
		case USE_SQL_DATES:
		case USE_GERMAN_DATES:
			if (style == USE_GERMAN_DATES)
				strbuf_printf(out, "%02d.%02d.", tm->mday, tm->mon);
			else if (order == DATEORDER_DMY)
				strbuf_printf(out, "%02d/%02d/", tm->mday, tm->mon);
			else
				strbuf_printf(out, "%02d/%02d/", tm->mon, tm->mday);
			append_zeropad(out, y, 4);
			strbuf_printf(out, " %02d:%02d:", tm->hour, tm->min);
			append_seconds(out, tm->sec, fsec, MAX_TIMESTAMP_PRECISION, true);
			if (print_tz)
			{
				if (tzn)
					strbuf_printf(out, " %.10s", tzn);
				else
					encode_timezone(tz, style, out);
			}
			break;
		default:
			{
				int			wd = j2day(date2j(tm->year, tm->mon, tm->mday));

				strbuf_printf(out, "%.3s ", days_short[wd]);
				if (order == DATEORDER_DMY)
					strbuf_printf(out, "%02d %.3s", tm->mday, months_short[tm->mon - 1]);
				else
					strbuf_printf(out, "%.3s %02d", months_short[tm->mon - 1], tm->mday);
				strbuf_printf(out, " %02d:%02d:", tm->hour, tm->min);
				append_seconds(out, tm->sec, fsec, MAX_TIMESTAMP_PRECISION, true);
				strbuf_putc(out, ' ');
				append_zeropad(out, y, 4);
				if (print_tz)
				{
					if (tzn)
						strbuf_printf(out, " %.10s", tzn);
					else
					{
						strbuf_putc(out, ' ');
						encode_timezone(tz, style, out);
					}
				}
			}
			break;
	}
	if (tm->year <= 0)
		strbuf_puts(out, " BC");
}

/* ---------------------------------------------------------------- typmods */

static const int64_t usecs_scale[MAX_TIMESTAMP_PRECISION + 1] = {
	INT64_C(1000000), INT64_C(100000), INT64_C(10000), INT64_C(1000),
	INT64_C(100), INT64_C(10), INT64_C(1)
};
static const int64_t usecs_offset[MAX_TIMESTAMP_PRECISION + 1] = {
	INT64_C(500000), INT64_C(50000), INT64_C(5000), INT64_C(500),
	INT64_C(50), INT64_C(5), INT64_C(0)
};

int
adjust_timestamp_for_typmod(Timestamp *ts, int32_t typmod)
{
	if (TIMESTAMP_NOT_FINITE(*ts) || typmod < 0 || typmod >= MAX_TIMESTAMP_PRECISION)
		return 0;
	if (*ts >= 0)
		*ts = ((*ts + usecs_offset[typmod]) / usecs_scale[typmod]) * usecs_scale[typmod];
	else
		*ts = -((((-*ts) + usecs_offset[typmod]) / usecs_scale[typmod]) * usecs_scale[typmod]);
	return IS_VALID_TIMESTAMP(*ts) ? 0 : -1;
}

void
adjust_time_for_typmod(TimeADT *t, int32_t typmod)
{
	if (typmod < 0 || typmod >= MAX_TIMESTAMP_PRECISION)
		return;
	*t = ((*t + usecs_offset[typmod]) / usecs_scale[typmod]) * usecs_scale[typmod];
}

int
typmod_precision_check(EvalCtx *ctx, const int32_t *mods, int nmods, const char *tname,
					   const char *suffix, int32_t *typmod)
{
	if (nmods != 1)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid type modifier");
		return -1;
	}
	if (mods[0] < 0)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "%s(%d)%s precision must not be negative", tname, mods[0], suffix);
		return -1;
	}
	*typmod = mods[0];
	if (mods[0] > MAX_TIMESTAMP_PRECISION)
	{
		/* PostgreSQL warns and reduces; the warning has no channel here. */
		*typmod = MAX_TIMESTAMP_PRECISION;
	}
	return 0;
}

/* ---------------------------------------------------------------- keys */

void
key_encode_int64(int64_t v, StrBuf *out)
{
	uint64_t	u = (uint64_t) v ^ (UINT64_C(1) << 63);
	unsigned char b[8];

	for (int i = 7; i >= 0; i--)
	{
		b[i] = (unsigned char) (u & 0xff);
		u >>= 8;
	}
	strbuf_append(out, b, 8);
}

void
key_encode_int32(int32_t v, StrBuf *out)
{
	uint32_t	u = (uint32_t) v ^ (UINT32_C(1) << 31);
	unsigned char b[4];

	b[0] = (unsigned char) (u >> 24);
	b[1] = (unsigned char) (u >> 16);
	b[2] = (unsigned char) (u >> 8);
	b[3] = (unsigned char) u;
	strbuf_append(out, b, 4);
}

uint64_t
datetime_hash64(uint64_t x)
{
	x ^= x >> 33;
	x *= UINT64_C(0xff51afd7ed558ccd);
	x ^= x >> 33;
	x *= UINT64_C(0xc4ceb9fe1a85ec53);
	x ^= x >> 33;
	return x;
}
