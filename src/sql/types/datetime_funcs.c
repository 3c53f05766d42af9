/*
 * datetime_funcs.c — the date/time SQL functions (now() and friends,
 * date_trunc, extract/date_part, age, make_*, to_timestamp(float8),
 * justify_*, isfinite, timezone()/AT TIME ZONE, date_bin) and the
 * registration of every date/time function and operator.
 *
 * Design: field extraction and truncation work on a broken-down PgTm in
 * the right zone (the session's TimeZone for timestamptz), as PostgreSQL's
 * timestamp.c does; extract() returns numeric with PostgreSQL 15's scales
 * (built from exact decimal text), date_part() float8.
 *
 * Invariants:
 *  1. now(), current_timestamp and friends read ctx->txn_timestamp (or
 *     stmt_timestamp), so they are stable within a transaction.
 *  2. Unknown units: 22023 'unit "x" not recognized for type T'; known but
 *     unsupported ones: 0A000 'unit "x" not supported for type T'.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/numeric.h>

#include "../func/builtins.h"
#include "datetime_ops.h"

#define ARG_I32(n) DatumGetInt32(fc->args[n])
#define ARG_I64(n) DatumGetInt64(fc->args[n])

/* ---------------------------------------------------------------- units */

enum {
	UN_UNKNOWN, UN_MICROSEC, UN_MILLISEC, UN_SECOND, UN_MINUTE, UN_HOUR, UN_DAY, UN_WEEK,
	UN_MONTH, UN_QUARTER, UN_YEAR, UN_DECADE, UN_CENTURY, UN_MILLENNIUM, UN_EPOCH,
	UN_JULIAN, UN_DOW, UN_ISODOW, UN_DOY, UN_ISOYEAR, UN_TZ, UN_TZ_HOUR, UN_TZ_MINUTE
};

static const struct { const char *name; int unit; } unit_names[] = {
	{"c", UN_CENTURY}, {"cent", UN_CENTURY}, {"centuries", UN_CENTURY}, {"century", UN_CENTURY},
	{"d", UN_DAY}, {"day", UN_DAY}, {"days", UN_DAY}, {"dec", UN_DECADE}, {"decade", UN_DECADE},
	{"decades", UN_DECADE}, {"decs", UN_DECADE}, {"dow", UN_DOW}, {"doy", UN_DOY},
	{"epoch", UN_EPOCH}, {"h", UN_HOUR}, {"hour", UN_HOUR}, {"hours", UN_HOUR}, {"hr", UN_HOUR},
	{"hrs", UN_HOUR}, {"isodow", UN_ISODOW}, {"isoyear", UN_ISOYEAR}, {"j", UN_JULIAN},
	{"jd", UN_JULIAN}, {"julian", UN_JULIAN}, {"m", UN_MINUTE}, {"microsecon", UN_MICROSEC},
	{"mil", UN_MILLENNIUM}, {"millennia", UN_MILLENNIUM}, {"millennium", UN_MILLENNIUM},
	{"millisecon", UN_MILLISEC}, {"mils", UN_MILLENNIUM}, {"min", UN_MINUTE},
	{"mins", UN_MINUTE}, {"minute", UN_MINUTE}, {"minutes", UN_MINUTE}, {"mon", UN_MONTH},
	{"mons", UN_MONTH}, {"month", UN_MONTH}, {"months", UN_MONTH}, {"ms", UN_MILLISEC},
	{"msec", UN_MILLISEC}, {"msecond", UN_MILLISEC}, {"mseconds", UN_MILLISEC},
	{"msecs", UN_MILLISEC}, {"qtr", UN_QUARTER}, {"quarter", UN_QUARTER}, {"s", UN_SECOND},
	{"sec", UN_SECOND}, {"second", UN_SECOND}, {"seconds", UN_SECOND}, {"secs", UN_SECOND},
	{"timezone", UN_TZ}, {"timezone_h", UN_TZ_HOUR}, {"timezone_m", UN_TZ_MINUTE},
	{"us", UN_MICROSEC}, {"usec", UN_MICROSEC}, {"usecond", UN_MICROSEC},
	{"useconds", UN_MICROSEC}, {"usecs", UN_MICROSEC}, {"w", UN_WEEK}, {"week", UN_WEEK},
	{"weeks", UN_WEEK}, {"y", UN_YEAR}, {"year", UN_YEAR}, {"years", UN_YEAR}, {"yr", UN_YEAR},
	{"yrs", UN_YEAR},
};

/* Lower-cases the unit text into buf and looks it up (10 significant characters). */
static int
decode_unit(Datum text, char *buf, size_t cap)
{
	const Varlena *v = DatumGetVarlena(text);
	size_t		n = v->len < cap - 1 ? v->len : cap - 1;
	char		key[11];

	for (size_t i = 0; i < n; i++)
		buf[i] = (char) tolower((unsigned char) v->data[i]);
	buf[n] = '\0';
	snprintf(key, sizeof(key), "%s", buf);
	for (size_t i = 0; i < sizeof(unit_names) / sizeof(unit_names[0]); i++)
		if (strcmp(key, unit_names[i].name) == 0)
			return unit_names[i].unit;
	return UN_UNKNOWN;
}

/* Units that PostgreSQL's DecodeUnits() does not know (only extract() takes them). */
static bool
unit_is_special(int unit)
{
	return unit == UN_DOW || unit == UN_ISODOW || unit == UN_DOY || unit == UN_ISOYEAR ||
		unit == UN_EPOCH || unit == UN_JULIAN;
}

static int
unit_error(EvalCtx *ctx, bool known, const char *unit, const char *tname)
{
	if (known)
		mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "unit \"%s\" not supported for type %s", unit, tname);
	else
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "unit \"%s\" not recognized for type %s", unit, tname);
	return -1;
}

/* ---------------------------------------------------------------- ISO weeks */

static int
date2isoweek(int year, int mon, int mday)
{
	int			day0,
				day4,
				dayn;

	dayn = date2j(year, mon, mday);
	day4 = date2j(year, 1, 4);
	day0 = j2day(day4 - 1);
	if (dayn < day4 - day0)
	{
		day4 = date2j(year - 1, 1, 4);
		day0 = j2day(day4 - 1);
	}
	{
		double		result = (dayn - (day4 - day0)) / 7 + 1;

		if (result >= 52)
		{
			day4 = date2j(year + 1, 1, 4);
			day0 = j2day(day4 - 1);
			if (dayn >= day4 - day0)
				result = (dayn - (day4 - day0)) / 7 + 1;
		}
		return (int) result;
	}
}

static int
date2isoyear(int year, int mon, int mday)
{
	int			day0,
				day4,
				dayn;
	double		result;

	dayn = date2j(year, mon, mday);
	day4 = date2j(year, 1, 4);
	day0 = j2day(day4 - 1);
	if (dayn < day4 - day0)
	{
		day4 = date2j(year - 1, 1, 4);
		day0 = j2day(day4 - 1);
		year--;
	}
	result = (dayn - (day4 - day0)) / 7 + 1;
	if (result >= 52)
	{
		day4 = date2j(year + 1, 1, 4);
		day0 = j2day(day4 - 1);
		if (dayn >= day4 - day0)
			year++;
	}
	return year;
}

static void
isoweek2j_date(int year, int week, PgTm *tm)
{
	int			day4 = date2j(year, 1, 4);
	int			day0 = j2day(day4 - 1);
	int			jd = ((week - 1) * 7) + (day4 - day0);

	j2date(jd, &tm->year, &tm->mon, &tm->mday);
}

/* ---------------------------------------------------------------- results */

/* numeric value/10^scale with that display scale (int64_div_fast_to_numeric). */
static int
numeric_scaled(EvalCtx *ctx, int64_t val, int scale, Datum *out)
{
	char		buf[64];
	uint64_t	a = val < 0 ? (uint64_t) (-(val + 1)) + 1 : (uint64_t) val;
	uint64_t	pow10 = 1;

	if (scale > 18)
		scale = 18;
	for (int i = 0; i < scale; i++)
		pow10 *= 10;
	if (scale > 0)
		snprintf(buf, sizeof(buf), "%s%llu.%0*llu", val < 0 ? "-" : "",
				 (unsigned long long) (a / pow10), scale, (unsigned long long) (a % pow10));
	else
		snprintf(buf, sizeof(buf), "%lld", (long long) val);
	return numeric_from_str(ctx, buf, strlen(buf), -1, out);
}

/* A part as (numeric) integer, or scaled, or double: one place chooses. */
typedef struct Part {
	int64_t		ival;
	int			scale;			/* ival / 10^scale */
	bool		is_double;		/* only dval is meaningful */
	double		dval;
} Part;

static int
part_result(EvalCtx *ctx, const Part *p, bool retnumeric, Datum *out)
{
	if (retnumeric)
	{
		if (p->is_double)
		{
			*out = numeric_from_double(ctx->arena, p->dval);
			return 0;
		}
		return numeric_scaled(ctx, p->ival, p->scale, out);
	}
	if (p->is_double)
		*out = Float8GetDatum(p->dval);
	else
	{
		double		d = (double) p->ival;

		for (int i = 0; i < p->scale; i++)
			d /= 10;
		*out = Float8GetDatum(d);
	}
	return 0;
}

static void
part_int(Part *p, int64_t v)
{
	p->ival = v;
	p->scale = 0;
	p->is_double = false;
}

static void
part_scaled(Part *p, int64_t v, int scale)
{
	p->ival = v;
	p->scale = scale;
	p->is_double = false;
}

/* Calendar fields shared by timestamp, timestamptz and date. */
static bool
tm_part(int unit, const PgTm *tm, int32_t fsec, Part *p)
{
	switch (unit)
	{
		case UN_MICROSEC:
			part_int(p, tm->sec * INT64_C(1000000) + fsec);
			return true;
		case UN_MILLISEC:
			part_scaled(p, tm->sec * INT64_C(1000000) + fsec, 3);
			return true;
		case UN_SECOND:
			part_scaled(p, tm->sec * INT64_C(1000000) + fsec, 6);
			return true;
		case UN_MINUTE:
			part_int(p, tm->min);
			return true;
		case UN_HOUR:
			part_int(p, tm->hour);
			return true;
		case UN_DAY:
			part_int(p, tm->mday);
			return true;
		case UN_MONTH:
			part_int(p, tm->mon);
			return true;
		case UN_QUARTER:
			part_int(p, (tm->mon - 1) / 3 + 1);
			return true;
		case UN_WEEK:
			part_int(p, date2isoweek(tm->year, tm->mon, tm->mday));
			return true;
		case UN_YEAR:
			part_int(p, tm->year > 0 ? tm->year : tm->year - 1);
			return true;
		case UN_DECADE:
			part_int(p, tm->year >= 0 ? tm->year / 10 : -((8 - (tm->year - 1)) / 10));
			return true;
		case UN_CENTURY:
			part_int(p, tm->year > 0 ? (tm->year + 99) / 100 : -((99 - (tm->year - 1)) / 100));
			return true;
		case UN_MILLENNIUM:
			part_int(p, tm->year > 0 ? (tm->year + 999) / 1000 : -((999 - (tm->year - 1)) / 1000));
			return true;
		case UN_DOW:
			part_int(p, j2day(date2j(tm->year, tm->mon, tm->mday)));
			return true;
		case UN_ISODOW:
			{
				int			d = j2day(date2j(tm->year, tm->mon, tm->mday));

				part_int(p, d == 0 ? 7 : d);
			}
			return true;
		case UN_DOY:
			part_int(p, date2j(tm->year, tm->mon, tm->mday) - date2j(tm->year, 1, 1) + 1);
			return true;
		case UN_ISOYEAR:
			{
				int			y = date2isoyear(tm->year, tm->mon, tm->mday);

				part_int(p, y <= 0 ? y - 1 : y);
			}
			return true;
		default:
			return false;
	}
}

static bool
unit_monotonic_infinite(int unit)
{
	return unit == UN_EPOCH || unit == UN_JULIAN || unit == UN_YEAR || unit == UN_DECADE ||
		unit == UN_CENTURY || unit == UN_MILLENNIUM || unit == UN_ISOYEAR;
}

static int
timestamp_part(FnCall *fc, bool with_tz, bool retnumeric, Datum *out)
{
	char		unitbuf[64];
	int			unit = decode_unit(fc->args[0], unitbuf, sizeof(unitbuf));
	Timestamp	ts = ARG_I64(1);
	const char *tname = with_tz ? "timestamp with time zone" : "timestamp without time zone";
	PgTm		tm;
	int32_t		fsec;
	Part		p;

	if (unit == UN_UNKNOWN)
		return unit_error(fc->ctx, false, unitbuf, tname);
	if (TIMESTAMP_NOT_FINITE(ts))
	{
		if (unit_monotonic_infinite(unit))
		{
			p.is_double = true;
			p.dval = ts == DT_NOEND ? INFINITY : -INFINITY;
			return part_result(fc->ctx, &p, retnumeric, out);
		}
		fc->isnull = true;
		return 0;
	}
	if (timestamp2tm(ts, with_tz ? tz_session(fc->ctx) : NULL, &tm, &fsec) != 0)
		return dt_error(fc->ctx, "timestamp out of range");
	if (tm_part(unit, &tm, fsec, &p))
		return part_result(fc->ctx, &p, retnumeric, out);
	switch (unit)
	{
		case UN_JULIAN:
			if (retnumeric)
			{
				/* date2j + seconds-of-day / 86400, as numeric division */
				char		buf[96];
				int64_t		us = time2t(tm.hour, tm.min, tm.sec, fsec);
				Datum		a,
							b,
							q;

				snprintf(buf, sizeof(buf), "%lld", (long long) us);
				if (numeric_from_str(fc->ctx, buf, strlen(buf), -1, &a))
					return -1;
				b = numeric_from_int64(fc->ctx->arena, USECS_PER_DAY);
				if (numeric_div(fc->ctx, a, b, &q))
					return -1;
				return numeric_add(fc->ctx, numeric_from_int64(fc->ctx->arena,
															   date2j(tm.year, tm.mon, tm.mday)), q, out);
			}
			p.is_double = true;
			p.dval = date2j(tm.year, tm.mon, tm.mday) +
				(tm.hour * 3600 + tm.min * 60 + tm.sec + fsec / 1000000.0) / (double) SECS_PER_DAY;
			return part_result(fc->ctx, &p, retnumeric, out);
		case UN_EPOCH:
			{
				int64_t		epoch = -(int64_t) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * USECS_PER_DAY;

				if (retnumeric)
					return numeric_scaled(fc->ctx, ts - epoch, 6, out);
				p.is_double = true;
				p.dval = (ts - epoch) / 1000000.0;
				return part_result(fc->ctx, &p, false, out);
			}
		case UN_TZ:
		case UN_TZ_HOUR:
		case UN_TZ_MINUTE:
			if (!with_tz)
				return unit_error(fc->ctx, true, unitbuf, tname);
			{
				long		tz = -tm.gmtoff;

				if (unit == UN_TZ)
					part_int(&p, -tz);
				else if (unit == UN_TZ_HOUR)
					part_int(&p, -tz / SECS_PER_HOUR);
				else
					part_int(&p, -tz / SECS_PER_MINUTE % 60);
				return part_result(fc->ctx, &p, retnumeric, out);
			}
		default:
			return unit_error(fc->ctx, true, unitbuf, tname);
	}
}

static int extract_timestamp(FnCall *fc, Datum *out) { return timestamp_part(fc, false, true, out); }
static int extract_timestamptz(FnCall *fc, Datum *out) { return timestamp_part(fc, true, true, out); }
static int date_part_timestamp(FnCall *fc, Datum *out) { return timestamp_part(fc, false, false, out); }
static int date_part_timestamptz(FnCall *fc, Datum *out) { return timestamp_part(fc, true, false, out); }

static int
date_part_date(FnCall *fc, Datum *out)
{
	Datum		args[2] = {fc->args[0], 0};
	FnCall		c = *fc;
	Timestamp	ts;
	int			r;

	if (dt_date2timestamp(fc->ctx, ARG_I32(1), &ts))
		return -1;
	args[1] = Int64GetDatum(ts);
	c.args = args;
	r = timestamp_part(&c, false, false, out);
	fc->isnull = c.isnull;
	return r;
}

static int
extract_date(FnCall *fc, Datum *out)
{
	char		unitbuf[64];
	int			unit = decode_unit(fc->args[0], unitbuf, sizeof(unitbuf));
	DateADT		d = ARG_I32(1);
	PgTm		tm;
	Part		p;

	if (unit == UN_UNKNOWN)
		return unit_error(fc->ctx, false, unitbuf, "date");
	if (DATE_NOT_FINITE(d))
	{
		if (unit_monotonic_infinite(unit))
		{
			p.is_double = true;
			p.dval = d == DATEVAL_NOEND ? INFINITY : -INFINITY;
			return part_result(fc->ctx, &p, true, out);
		}
		if (unit >= UN_MICROSEC && unit <= UN_HOUR)
			return unit_error(fc->ctx, true, unitbuf, "date");
		fc->isnull = true;
		return 0;
	}
	memset(&tm, 0, sizeof(tm));
	j2date(d + POSTGRES_EPOCH_JDATE, &tm.year, &tm.mon, &tm.mday);
	switch (unit)
	{
		case UN_MICROSEC:
		case UN_MILLISEC:
		case UN_SECOND:
		case UN_MINUTE:
		case UN_HOUR:
		case UN_TZ:
		case UN_TZ_HOUR:
		case UN_TZ_MINUTE:
			return unit_error(fc->ctx, true, unitbuf, "date");
		case UN_JULIAN:
			part_int(&p, d + POSTGRES_EPOCH_JDATE);
			return part_result(fc->ctx, &p, true, out);
		case UN_EPOCH:
			part_int(&p, ((int64_t) d + POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY);
			return part_result(fc->ctx, &p, true, out);
		default:
			if (!tm_part(unit, &tm, 0, &p))
				return unit_error(fc->ctx, true, unitbuf, "date");
			return part_result(fc->ctx, &p, true, out);
	}
}

static int
time_part(FnCall *fc, bool retnumeric, Datum *out)
{
	char		unitbuf[64];
	int			unit = decode_unit(fc->args[0], unitbuf, sizeof(unitbuf));
	TimeADT		t = ARG_I64(1);
	PgTm		tm;
	int32_t		fsec;
	Part		p;

	if (unit == UN_UNKNOWN)
		return unit_error(fc->ctx, false, unitbuf, "time without time zone");
	memset(&tm, 0, sizeof(tm));
	dt2time(t, &tm.hour, &tm.min, &tm.sec, &fsec);
	switch (unit)
	{
		case UN_MICROSEC:
		case UN_MILLISEC:
		case UN_SECOND:
		case UN_MINUTE:
		case UN_HOUR:
			tm_part(unit, &tm, fsec, &p);
			return part_result(fc->ctx, &p, retnumeric, out);
		case UN_EPOCH:
			part_scaled(&p, t, 6);
			return part_result(fc->ctx, &p, retnumeric, out);
		default:
			return unit_error(fc->ctx, true, unitbuf, "time without time zone");
	}
}

static int extract_time(FnCall *fc, Datum *out) { return time_part(fc, true, out); }
static int date_part_time(FnCall *fc, Datum *out) { return time_part(fc, false, out); }

static int
interval_part(FnCall *fc, bool retnumeric, Datum *out)
{
	char		unitbuf[64];
	int			unit = decode_unit(fc->args[0], unitbuf, sizeof(unitbuf));
	Interval	iv;
	int64_t		hour;
	int64_t		t;
	int			year,
				mon,
				min,
				sec,
				fsec;
	Part		p;

	if (unit == UN_UNKNOWN)
		return unit_error(fc->ctx, false, unitbuf, "interval");
	interval_get(fc->args[1], &iv);
	year = iv.month / MONTHS_PER_YEAR;
	mon = iv.month % MONTHS_PER_YEAR;
	t = iv.time;
	hour = t / USECS_PER_HOUR;
	t -= hour * USECS_PER_HOUR;
	min = (int) (t / USECS_PER_MINUTE);
	t -= (int64_t) min * USECS_PER_MINUTE;
	sec = (int) (t / USECS_PER_SEC);
	fsec = (int) (t - (int64_t) sec * USECS_PER_SEC);
	switch (unit)
	{
		case UN_MICROSEC:
			part_int(&p, sec * INT64_C(1000000) + fsec);
			break;
		case UN_MILLISEC:
			part_scaled(&p, sec * INT64_C(1000000) + fsec, 3);
			break;
		case UN_SECOND:
			part_scaled(&p, sec * INT64_C(1000000) + fsec, 6);
			break;
		case UN_MINUTE:
			part_int(&p, min);
			break;
		case UN_HOUR:
			part_int(&p, hour);
			break;
		case UN_DAY:
			part_int(&p, iv.day);
			break;
		case UN_MONTH:
			part_int(&p, mon);
			break;
		case UN_QUARTER:
			part_int(&p, (mon / 3) + 1);
			break;
		case UN_YEAR:
			part_int(&p, year);
			break;
		case UN_DECADE:
			part_int(&p, year / 10);
			break;
		case UN_CENTURY:
			part_int(&p, year / 100);
			break;
		case UN_MILLENNIUM:
			part_int(&p, year / 1000);
			break;
		case UN_EPOCH:
			{
				int64_t		secs = INT64_C(31557600) * (iv.month / MONTHS_PER_YEAR) +
					INT64_C(2592000) * (iv.month % MONTHS_PER_YEAR) + INT64_C(86400) * iv.day;
				int64_t		val;

				if (!retnumeric)
				{
					p.is_double = true;
					p.dval = iv.time / 1000000.0 + (double) secs;
					break;
				}
				if (__builtin_mul_overflow(secs, INT64_C(1000000), &val) ||
					__builtin_add_overflow(val, iv.time, &val))
				{
					p.is_double = true;
					p.dval = iv.time / 1000000.0 + (double) secs;
				}
				else
					part_scaled(&p, val, 6);
			}
			break;
		default:
			return unit_error(fc->ctx, true, unitbuf, "interval");
	}
	return part_result(fc->ctx, &p, retnumeric, out);
}

static int extract_interval(FnCall *fc, Datum *out) { return interval_part(fc, true, out); }
static int date_part_interval(FnCall *fc, Datum *out) { return interval_part(fc, false, out); }

/* ---------------------------------------------------------------- date_trunc */

static int
trunc_tm(int unit, PgTm *tm, int32_t *fsec)
{
	switch (unit)
	{
		case UN_WEEK:
			isoweek2j_date(date2isoyear(tm->year, tm->mon, tm->mday),
						   date2isoweek(tm->year, tm->mon, tm->mday), tm);
			tm->hour = 0;
			tm->min = 0;
			tm->sec = 0;
			*fsec = 0;
			return 0;
		case UN_MILLENNIUM:
			if (tm->year > 0)
				tm->year = ((tm->year + 999) / 1000) * 1000 - 999;
			else
				tm->year = -((999 - (tm->year - 1)) / 1000) * 1000 + 1;
			/* FALLTHROUGH */
		case UN_CENTURY:
			if (unit != UN_MILLENNIUM)
			{
				if (tm->year > 0)
					tm->year = ((tm->year + 99) / 100) * 100 - 99;
				else
					tm->year = -((99 - (tm->year - 1)) / 100) * 100 + 1;
			}
			/* FALLTHROUGH */
		case UN_DECADE:
			if (unit != UN_MILLENNIUM && unit != UN_CENTURY)
			{
				if (tm->year > 0)
					tm->year = (tm->year / 10) * 10;
				else
					tm->year = -((8 - (tm->year - 1)) / 10) * 10;
			}
			/* FALLTHROUGH */
		case UN_YEAR:
			tm->mon = 1;
			/* FALLTHROUGH */
		case UN_QUARTER:
			tm->mon = (3 * ((tm->mon - 1) / 3)) + 1;
			/* FALLTHROUGH */
		case UN_MONTH:
			tm->mday = 1;
			/* FALLTHROUGH */
		case UN_DAY:
			tm->hour = 0;
			/* FALLTHROUGH */
		case UN_HOUR:
			tm->min = 0;
			/* FALLTHROUGH */
		case UN_MINUTE:
			tm->sec = 0;
			/* FALLTHROUGH */
		case UN_SECOND:
			*fsec = 0;
			return 0;
		case UN_MILLISEC:
			*fsec = (*fsec / 1000) * 1000;
			return 0;
		case UN_MICROSEC:
			return 0;
		default:
			return -1;
	}
}

static int
ts_trunc(FnCall *fc, const TzZone *zone, Datum *out)
{
	char		unitbuf[64];
	int			unit = decode_unit(fc->args[0], unitbuf, sizeof(unitbuf));
	Timestamp	ts = ARG_I64(1);
	const char *tname = zone ? "timestamp with time zone" : "timestamp without time zone";
	PgTm		tm;
	int32_t		fsec;
	int			tz;
	Timestamp	r;

	if (unit == UN_UNKNOWN || unit_is_special(unit))
		return unit_error(fc->ctx, false, unitbuf, tname);
	if (TIMESTAMP_NOT_FINITE(ts))
	{
		*out = Int64GetDatum(ts);
		return 0;
	}
	if (timestamp2tm(ts, zone, &tm, &fsec) != 0)
		return dt_error(fc->ctx, "timestamp out of range");
	tz = (int) -tm.gmtoff;
	if (trunc_tm(unit, &tm, &fsec) != 0)
		return unit_error(fc->ctx, true, unitbuf, tname);
	if (zone && unit != UN_HOUR && unit != UN_MINUTE && unit != UN_SECOND &&
		unit != UN_MILLISEC && unit != UN_MICROSEC)
		tz = datetime_tz_offset(zone, &tm);
	if (tm2timestamp(&tm, fsec, zone ? &tz : NULL, &r) != 0)
		return dt_error(fc->ctx, "timestamp out of range");
	*out = Int64GetDatum(r);
	return 0;
}

static int date_trunc_timestamp(FnCall *fc, Datum *out) { return ts_trunc(fc, NULL, out); }
static int date_trunc_timestamptz(FnCall *fc, Datum *out) { return ts_trunc(fc, tz_session(fc->ctx), out); }

static const TzZone *
zone_arg(EvalCtx *ctx, Datum text)
{
	const Varlena *v = DatumGetVarlena(text);
	char	   *name = arena_strndup(ctx->arena, v->data, v->len);
	const TzZone *z = tz_lookup(name);

	if (z == NULL)
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "time zone \"%s\" not recognized", name);
	return z;
}

static int
date_trunc_timestamptz_zone(FnCall *fc, Datum *out)
{
	const TzZone *z = zone_arg(fc->ctx, fc->args[2]);

	return z ? ts_trunc(fc, z, out) : -1;
}

static int
date_trunc_interval(FnCall *fc, Datum *out)
{
	char		unitbuf[64];
	int			unit = decode_unit(fc->args[0], unitbuf, sizeof(unitbuf));
	Interval	iv;
	int			year,
				mon;
	int64_t		t,
				hour,
				min,
				sec,
				fsec;
	int32_t		mday;

	if (unit == UN_UNKNOWN || unit_is_special(unit))
		return unit_error(fc->ctx, false, unitbuf, "interval");
	interval_get(fc->args[1], &iv);
	year = iv.month / MONTHS_PER_YEAR;
	mon = iv.month % MONTHS_PER_YEAR;
	mday = iv.day;
	t = iv.time;
	hour = t / USECS_PER_HOUR;
	t -= hour * USECS_PER_HOUR;
	min = t / USECS_PER_MINUTE;
	t -= min * USECS_PER_MINUTE;
	sec = t / USECS_PER_SEC;
	fsec = t - sec * USECS_PER_SEC;
	switch (unit)
	{
		case UN_MILLENNIUM:
			year = (year / 1000) * 1000;
			/* FALLTHROUGH */
		case UN_CENTURY:
			year = (year / 100) * 100;
			/* FALLTHROUGH */
		case UN_DECADE:
			year = (year / 10) * 10;
			/* FALLTHROUGH */
		case UN_YEAR:
			mon = 0;
			/* FALLTHROUGH */
		case UN_QUARTER:
			mon = 3 * (mon / 3);
			/* FALLTHROUGH */
		case UN_MONTH:
			mday = 0;
			/* FALLTHROUGH */
		case UN_DAY:
			hour = 0;
			/* FALLTHROUGH */
		case UN_HOUR:
			min = 0;
			/* FALLTHROUGH */
		case UN_MINUTE:
			sec = 0;
			/* FALLTHROUGH */
		case UN_SECOND:
			fsec = 0;
			break;
		case UN_MILLISEC:
			fsec = (fsec / 1000) * 1000;
			break;
		case UN_MICROSEC:
			break;
		default:
			unit_error(fc->ctx, true, unitbuf, "interval");
			if (unit == UN_WEEK)
				mg_error_detail(fc->ctx->err, "Months usually have fractional weeks.");
			return -1;
	}
	iv.month = year * MONTHS_PER_YEAR + mon;
	iv.day = mday;
	iv.time = ((hour * 60 + min) * 60 + sec) * USECS_PER_SEC + fsec;
	*out = interval_datum(fc->ctx->arena, &iv);
	return 0;
}

/* ---------------------------------------------------------------- now() family */

static TimestampTz
txn_now(EvalCtx *ctx)
{
	return ctx->txn_timestamp != 0 ? ctx->txn_timestamp : datetime_now();
}

static int
fn_now(FnCall *fc, Datum *out)
{
	*out = Int64GetDatum(txn_now(fc->ctx));
	return 0;
}

static int
fn_statement_timestamp(FnCall *fc, Datum *out)
{
	*out = Int64GetDatum(fc->ctx->stmt_timestamp != 0 ? fc->ctx->stmt_timestamp : txn_now(fc->ctx));
	return 0;
}

static int
fn_clock_timestamp(FnCall *fc, Datum *out)
{
	*out = Int64GetDatum(datetime_now());
	return 0;
}

static int
fn_current_date(FnCall *fc, Datum *out)
{
	PgTm		tm;
	int32_t		fsec;

	timestamp2tm(txn_now(fc->ctx), tz_session(fc->ctx), &tm, &fsec);
	*out = Int32GetDatum(date2j(tm.year, tm.mon, tm.mday) - POSTGRES_EPOCH_JDATE);
	return 0;
}

static int32_t
precision_arg(FnCall *fc)
{
	return fc->nargs > 0 ? ARG_I32(0) : -1;
}

static int
fn_current_timestamp(FnCall *fc, Datum *out)
{
	Timestamp	ts = txn_now(fc->ctx);

	adjust_timestamp_for_typmod(&ts, precision_arg(fc));
	*out = Int64GetDatum(ts);
	return 0;
}

static int
fn_localtimestamp(FnCall *fc, Datum *out)
{
	Timestamp	ts;

	if (dt_timestamptz2timestamp_zone(fc->ctx, txn_now(fc->ctx), tz_session(fc->ctx), &ts))
		return -1;
	adjust_timestamp_for_typmod(&ts, precision_arg(fc));
	*out = Int64GetDatum(ts);
	return 0;
}

static int
fn_localtime(FnCall *fc, Datum *out)
{
	PgTm		tm;
	int32_t		fsec;
	TimeADT		t;

	timestamp2tm(txn_now(fc->ctx), tz_session(fc->ctx), &tm, &fsec);
	t = time2t(tm.hour, tm.min, tm.sec, fsec);
	adjust_time_for_typmod(&t, precision_arg(fc));
	*out = Int64GetDatum(t);
	return 0;
}

static int
fn_current_time(FnCall *fc, Datum *out)
{
	return cast_apply(fc->ctx, TIMESTAMPTZOID, -1, TIMETZOID, precision_arg(fc), false,
					  Int64GetDatum(txn_now(fc->ctx)), out);
}

/* ---------------------------------------------------------------- age */

static int
age_tm(EvalCtx *ctx, Timestamp dt1, Timestamp dt2, const TzZone *zone, Datum *out)
{
	PgTm		tm1,
				tm2,
				tm;
	int32_t		fsec1,
				fsec2,
				fsec;
	Interval	iv;

	if (timestamp2tm(dt1, zone, &tm1, &fsec1) != 0 || timestamp2tm(dt2, zone, &tm2, &fsec2) != 0 ||
		TIMESTAMP_NOT_FINITE(dt1) || TIMESTAMP_NOT_FINITE(dt2))
		return dt_error(ctx, "timestamp out of range");
	memset(&tm, 0, sizeof(tm));
	fsec = fsec1 - fsec2;
	tm.sec = tm1.sec - tm2.sec;
	tm.min = tm1.min - tm2.min;
	tm.hour = tm1.hour - tm2.hour;
	tm.mday = tm1.mday - tm2.mday;
	tm.mon = tm1.mon - tm2.mon;
	tm.year = tm1.year - tm2.year;
	if (dt1 < dt2)
	{
		fsec = -fsec;
		tm.sec = -tm.sec;
		tm.min = -tm.min;
		tm.hour = -tm.hour;
		tm.mday = -tm.mday;
		tm.mon = -tm.mon;
		tm.year = -tm.year;
	}
	while (fsec < 0)
	{
		fsec += USECS_PER_SEC;
		tm.sec--;
	}
	while (tm.sec < 0)
	{
		tm.sec += 60;
		tm.min--;
	}
	while (tm.min < 0)
	{
		tm.min += 60;
		tm.hour--;
	}
	while (tm.hour < 0)
	{
		tm.hour += 24;
		tm.mday--;
	}
	while (tm.mday < 0)
	{
		if (dt1 < dt2)
			tm.mday += days_in_month(tm1.year, tm1.mon);
		else
			tm.mday += days_in_month(tm2.year, tm2.mon);
		tm.mon--;
	}
	while (tm.mon < 0)
	{
		tm.mon += MONTHS_PER_YEAR;
		tm.year--;
	}
	if (dt1 < dt2)
	{
		fsec = -fsec;
		tm.sec = -tm.sec;
		tm.min = -tm.min;
		tm.hour = -tm.hour;
		tm.mday = -tm.mday;
		tm.mon = -tm.mon;
		tm.year = -tm.year;
	}
	iv.month = tm.year * MONTHS_PER_YEAR + tm.mon;
	iv.day = tm.mday;
	iv.time = (((int64_t) tm.hour * 60 + tm.min) * 60 + tm.sec) * USECS_PER_SEC + fsec;
	*out = interval_datum(ctx->arena, &iv);
	return 0;
}

static int fn_age_timestamp(FnCall *fc, Datum *out) { return age_tm(fc->ctx, ARG_I64(0), ARG_I64(1), NULL, out); }
static int fn_age_timestamptz(FnCall *fc, Datum *out) { return age_tm(fc->ctx, ARG_I64(0), ARG_I64(1), tz_session(fc->ctx), out); }

static int
fn_age1_timestamp(FnCall *fc, Datum *out)
{
	Datum		today;
	Timestamp	ts;

	fn_current_date(fc, &today);
	if (dt_date2timestamp(fc->ctx, DatumGetInt32(today), &ts))
		return -1;
	return age_tm(fc->ctx, ts, ARG_I64(0), NULL, out);
}

static int
fn_age1_timestamptz(FnCall *fc, Datum *out)
{
	Datum		today;
	TimestampTz ts;

	fn_current_date(fc, &today);
	if (dt_date2timestamptz(fc->ctx, DatumGetInt32(today), &ts))
		return -1;
	return age_tm(fc->ctx, ts, ARG_I64(0), tz_session(fc->ctx), out);
}

/* ---------------------------------------------------------------- make_* */

static int
make_date_tm(EvalCtx *ctx, int year, int mon, int mday, PgTm *tm)
{
	bool		bc = false;

	memset(tm, 0, sizeof(*tm));
	tm->year = year;
	tm->mon = mon;
	tm->mday = mday;
	if (tm->year < 0)
	{
		bc = true;
		tm->year = -tm->year;
	}
	if (tm->year <= 0 || tm->mon < 1 || tm->mon > 12 || tm->mday < 1 || tm->mday > 31 ||
		(bc ? false : false))
		goto bad;
	if (bc)
		tm->year = -(tm->year - 1);
	if (tm->mday > days_in_month(tm->year, tm->mon))
		goto bad;
	if (!IS_VALID_JULIAN(tm->year, tm->mon, tm->mday))
	{
		mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "date out of range: %d-%02d-%02d",
				 tm->year, tm->mon, tm->mday);
		return -1;
	}
	return 0;
bad:
	mg_error(ctx->err, SQLSTATE_DATETIME_FIELD_OVERFLOW, "date field value out of range: %d-%02d-%02d",
			 tm->year, tm->mon, tm->mday);
	return -1;
}

static int
fn_make_date(FnCall *fc, Datum *out)
{
	PgTm		tm;
	int64_t		d;

	if (make_date_tm(fc->ctx, ARG_I32(0), ARG_I32(1), ARG_I32(2), &tm))
		return -1;
	d = (int64_t) date2j(tm.year, tm.mon, tm.mday) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(d))
	{
		mg_error(fc->ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "date out of range: %d-%02d-%02d",
				 ARG_I32(0), ARG_I32(1), ARG_I32(2));
		return -1;
	}
	*out = Int32GetDatum((int32_t) d);
	return 0;
}

static bool
float_time_overflows(int hour, int min, double sec)
{
	if (hour < 0 || hour > 24 || min < 0 || min >= 60)
		return true;
	if (isnan(sec))
		return true;
	sec = rint(sec * USECS_PER_SEC);
	if (sec < 0 || sec > 60.0 * USECS_PER_SEC)
		return true;
	if ((((int64_t) hour * 60 + min) * 60) * USECS_PER_SEC + sec > USECS_PER_DAY)
		return true;
	return false;
}

static int
fn_make_time(FnCall *fc, Datum *out)
{
	int			h = ARG_I32(0),
				m = ARG_I32(1);
	double		sec = DatumGetFloat8(fc->args[2]);

	if (float_time_overflows(h, m, sec))
	{
		mg_error(fc->ctx->err, SQLSTATE_DATETIME_FIELD_OVERFLOW, "time field value out of range: %d:%02d:%02g",
				 h, m, sec);
		return -1;
	}
	*out = Int64GetDatum(((int64_t) h * 60 + m) * 60 * USECS_PER_SEC + (int64_t) rint(sec * USECS_PER_SEC));
	return 0;
}

static int
make_timestamp_internal(FnCall *fc, Timestamp *out)
{
	PgTm		tm;
	int			h = ARG_I32(3),
				m = ARG_I32(4);
	double		sec = DatumGetFloat8(fc->args[5]);
	int64_t		date;
	int64_t		r;

	if (make_date_tm(fc->ctx, ARG_I32(0), ARG_I32(1), ARG_I32(2), &tm))
		return -1;
	date = date2j(tm.year, tm.mon, tm.mday) - POSTGRES_EPOCH_JDATE;
	if (float_time_overflows(h, m, sec))
	{
		mg_error(fc->ctx->err, SQLSTATE_DATETIME_FIELD_OVERFLOW, "time field value out of range: %d:%02d:%02g",
				 h, m, sec);
		return -1;
	}
	r = date * USECS_PER_DAY + ((int64_t) h * 60 + m) * 60 * USECS_PER_SEC + (int64_t) rint(sec * USECS_PER_SEC);
	if (!IS_VALID_TIMESTAMP(r))
	{
		mg_error(fc->ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE,
				 "timestamp out of range: %d-%02d-%02d %d:%02d:%02g", ARG_I32(0), ARG_I32(1), ARG_I32(2), h, m, sec);
		return -1;
	}
	*out = r;
	return 0;
}

static int
fn_make_timestamp(FnCall *fc, Datum *out)
{
	Timestamp	ts;

	if (make_timestamp_internal(fc, &ts))
		return -1;
	*out = Int64GetDatum(ts);
	return 0;
}

static int
fn_make_timestamptz(FnCall *fc, Datum *out)
{
	Timestamp	ts;
	TimestampTz r;
	const TzZone *z = fc->nargs > 6 ? zone_arg(fc->ctx, fc->args[6]) : tz_session(fc->ctx);

	if (z == NULL || make_timestamp_internal(fc, &ts) ||
		dt_timestamp2timestamptz_zone(fc->ctx, ts, z, &r))
		return -1;
	*out = Int64GetDatum(r);
	return 0;
}

static int
fn_make_interval(FnCall *fc, Datum *out)
{
	int32_t		v[6] = {0, 0, 0, 0, 0, 0};
	double		secs = 0;
	Interval	iv;
	int64_t		t;
	int32_t		tmp;

	for (int i = 0; i < fc->nargs && i < 6; i++)
		v[i] = ARG_I32(i);
	if (fc->nargs > 6)
		secs = DatumGetFloat8(fc->args[6]);
	if (isinf(secs) || isnan(secs))
		return dt_error(fc->ctx, "interval out of range");
	if (__builtin_mul_overflow(v[0], MONTHS_PER_YEAR, &tmp) || __builtin_add_overflow(tmp, v[1], &iv.month) ||
		__builtin_mul_overflow(v[2], 7, &tmp) || __builtin_add_overflow(tmp, v[3], &iv.day))
		return dt_error(fc->ctx, "interval out of range");
	secs = rint(secs * USECS_PER_SEC);
	t = (int64_t) v[4] * USECS_PER_HOUR + (int64_t) v[5] * USECS_PER_MINUTE;
	if (secs < -9.2e18 || secs > 9.2e18 || __builtin_add_overflow(t, (int64_t) secs, &iv.time))
		return dt_error(fc->ctx, "interval out of range");
	*out = interval_datum(fc->ctx->arena, &iv);
	return 0;
}

/* ---------------------------------------------------------------- misc */

static int
fn_to_timestamp_float(FnCall *fc, Datum *out)
{
	double		seconds = DatumGetFloat8(fc->args[0]);
	int64_t		r;

	if (isnan(seconds))
		return dt_error(fc->ctx, "timestamp cannot be NaN");
	if (isinf(seconds))
	{
		*out = Int64GetDatum(seconds < 0 ? DT_NOBEGIN : DT_NOEND);
		return 0;
	}
	if (seconds < (double) SECS_PER_DAY * (DATETIME_MIN_JULIAN - UNIX_EPOCH_JDATE) ||
		seconds >= (double) SECS_PER_DAY * (TIMESTAMP_END_JULIAN - UNIX_EPOCH_JDATE))
		goto range;
	seconds -= ((double) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY);
	seconds = rint(seconds * USECS_PER_SEC);
	r = (int64_t) seconds;
	if (!IS_VALID_TIMESTAMP(r))
		goto range;
	*out = Int64GetDatum(r);
	return 0;
range:
	mg_error(fc->ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "timestamp out of range: \"%g\"",
			 DatumGetFloat8(fc->args[0]));
	return -1;
}

static int
fn_justify(FnCall *fc, Datum *out, void (*fn) (Interval *))
{
	Interval	iv;

	interval_get(fc->args[0], &iv);
	fn(&iv);
	*out = interval_datum(fc->ctx->arena, &iv);
	return 0;
}

static int fn_justify_days(FnCall *fc, Datum *out) { return fn_justify(fc, out, dt_justify_days); }
static int fn_justify_hours(FnCall *fc, Datum *out) { return fn_justify(fc, out, dt_justify_hours); }
static int fn_justify_interval(FnCall *fc, Datum *out) { return fn_justify(fc, out, dt_justify_interval); }

static int fn_isfinite_date(FnCall *fc, Datum *out) { *out = BoolGetDatum(!DATE_NOT_FINITE(ARG_I32(0))); return 0; }
static int fn_isfinite_ts(FnCall *fc, Datum *out) { *out = BoolGetDatum(!TIMESTAMP_NOT_FINITE(ARG_I64(0))); return 0; }
static int fn_isfinite_interval(FnCall *fc, Datum *out) { (void) fc; *out = BoolGetDatum(true); return 0; }

/*
 * timezone(zone, ts): AT TIME ZONE.  The zone is first looked up as an
 * abbreviation (fixed offsets), then as a zone name, as PostgreSQL does.
 */
static int
resolve_zone(EvalCtx *ctx, Datum text, const TzZone **zone, int *fixed_east, bool *is_fixed)
{
	const Varlena *v = DatumGetVarlena(text);
	char	   *name = arena_strndup(ctx->arena, v->data, v->len);
	char	   *lower = arena_strdup(ctx->arena, name);
	const TzAbbrev *ab;

	for (char *p = lower; *p; p++)
		*p = (char) tolower((unsigned char) *p);
	ab = tz_abbrev_lookup(lower);
	*is_fixed = false;
	if (ab != NULL && ab->zone == NULL)
	{
		*is_fixed = true;
		*fixed_east = ab->offset;
		return 0;
	}
	*zone = tz_lookup(ab != NULL ? ab->zone : name);
	if (*zone == NULL)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "time zone \"%s\" not recognized", name);
		return -1;
	}
	return 0;
}

/* timestamptz -> local timestamp in zone */
static int
fn_timezone_tstz(FnCall *fc, Datum *out)
{
	const TzZone *zone = NULL;
	int			east = 0;
	bool		fixed;
	TimestampTz ts = ARG_I64(1);
	Timestamp	r;

	if (TIMESTAMP_NOT_FINITE(ts))
	{
		*out = Int64GetDatum(ts);
		return 0;
	}
	if (resolve_zone(fc->ctx, fc->args[0], &zone, &east, &fixed))
		return -1;
	if (fixed)
		r = ts + (int64_t) east * USECS_PER_SEC;
	else if (dt_timestamptz2timestamp_zone(fc->ctx, ts, zone, &r))
		return -1;
	if (!IS_VALID_TIMESTAMP(r))
		return dt_error(fc->ctx, "timestamp out of range");
	*out = Int64GetDatum(r);
	return 0;
}

/* timestamp (local in zone) -> timestamptz */
static int
fn_timezone_ts(FnCall *fc, Datum *out)
{
	const TzZone *zone = NULL;
	int			east = 0;
	bool		fixed;
	Timestamp	ts = ARG_I64(1);
	TimestampTz r;

	if (TIMESTAMP_NOT_FINITE(ts))
	{
		*out = Int64GetDatum(ts);
		return 0;
	}
	if (resolve_zone(fc->ctx, fc->args[0], &zone, &east, &fixed))
		return -1;
	if (fixed)
		r = ts - (int64_t) east * USECS_PER_SEC;
	else if (dt_timestamp2timestamptz_zone(fc->ctx, ts, zone, &r))
		return -1;
	if (!IS_VALID_TIMESTAMP(r))
		return dt_error(fc->ctx, "timestamp out of range");
	*out = Int64GetDatum(r);
	return 0;
}

static int
interval_zone(FnCall *fc, int64_t *usecs)
{
	Interval	iv;

	interval_get(fc->args[0], &iv);
	if (iv.month != 0 || iv.day != 0)
	{
		StrBuf		sb;

		strbuf_init_arena(&sb, fc->ctx->arena);
		interval_encode(fc->ctx, &iv, &sb);
		mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "interval time zone \"%s\" must not include months or days", sb.data);
		return -1;
	}
	*usecs = (iv.time / USECS_PER_SEC) * USECS_PER_SEC;
	return 0;
}

static int
fn_timezone_interval_tstz(FnCall *fc, Datum *out)
{
	int64_t		z;
	Timestamp	ts = ARG_I64(1);

	if (TIMESTAMP_NOT_FINITE(ts))
	{
		*out = Int64GetDatum(ts);
		return 0;
	}
	if (interval_zone(fc, &z))
		return -1;
	ts += z;
	if (!IS_VALID_TIMESTAMP(ts))
		return dt_error(fc->ctx, "timestamp out of range");
	*out = Int64GetDatum(ts);
	return 0;
}

static int
fn_timezone_interval_ts(FnCall *fc, Datum *out)
{
	int64_t		z;
	Timestamp	ts = ARG_I64(1);

	if (TIMESTAMP_NOT_FINITE(ts))
	{
		*out = Int64GetDatum(ts);
		return 0;
	}
	if (interval_zone(fc, &z))
		return -1;
	ts -= z;
	if (!IS_VALID_TIMESTAMP(ts))
		return dt_error(fc->ctx, "timestamp out of range");
	*out = Int64GetDatum(ts);
	return 0;
}

static int
fn_date_bin(FnCall *fc, Datum *out)
{
	Interval	stride;
	Timestamp	ts = ARG_I64(1);
	Timestamp	origin = ARG_I64(2);
	int64_t		stride_usecs,
				tm_diff,
				tm_modulo,
				r;

	interval_get(fc->args[0], &stride);
	if (TIMESTAMP_NOT_FINITE(ts))
	{
		*out = Int64GetDatum(ts);
		return 0;
	}
	if (TIMESTAMP_NOT_FINITE(origin))
		return dt_error(fc->ctx, "origin out of range");
	if (stride.month != 0)
	{
		mg_error(fc->ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "timestamps cannot be binned into intervals containing months or years");
		return -1;
	}
	if (__builtin_mul_overflow((int64_t) stride.day, USECS_PER_DAY, &stride_usecs) ||
		__builtin_add_overflow(stride_usecs, stride.time, &stride_usecs))
		return dt_error(fc->ctx, "interval out of range");
	if (stride_usecs <= 0)
		return dt_error(fc->ctx, "stride must be greater than zero");
	if (__builtin_sub_overflow(ts, origin, &tm_diff))
		return dt_error(fc->ctx, "interval out of range");
	tm_modulo = tm_diff % stride_usecs;
	r = origin + (tm_diff - tm_modulo);
	if (tm_modulo < 0 && __builtin_sub_overflow(r, stride_usecs, &r))
		return dt_error(fc->ctx, "timestamp out of range");
	*out = Int64GetDatum(r);
	return 0;
}

/* ---------------------------------------------------------------- overlaps, timeofday */

/* PostgreSQL's overlaps_timestamp, with its handling of NULL endpoints. */
static int
overlaps_common(FnCall *fc, int64_t ts1, bool ts1n, int64_t te1, bool te1n,
				int64_t ts2, bool ts2n, int64_t te2, bool te2n, Datum *out)
{
	int64_t		tmp;

	if (ts1n)
	{
		if (te1n)
			goto null;
		ts1 = te1;
		te1n = true;
	}
	else if (!te1n && ts1 > te1)
	{
		tmp = ts1;
		ts1 = te1;
		te1 = tmp;
	}
	if (ts2n)
	{
		if (te2n)
			goto null;
		ts2 = te2;
		te2n = true;
	}
	else if (!te2n && ts2 > te2)
	{
		tmp = ts2;
		ts2 = te2;
		te2 = tmp;
	}
	if (ts1 > ts2)
	{
		if (te2n)
			goto null;
		if (ts1 < te2)
			goto yes;
		if (te1n)
			goto null;
		goto no;
	}
	else if (ts1 < ts2)
	{
		if (te1n)
			goto null;
		if (ts2 < te1)
			goto yes;
		if (te2n)
			goto null;
		goto no;
	}
	if (te1n || te2n)
		goto null;
yes:
	*out = BoolGetDatum(true);
	return 0;
no:
	*out = BoolGetDatum(false);
	return 0;
null:
	fc->isnull = true;
	return 0;
}

static int
fn_overlaps(FnCall *fc, Datum *out)
{
	return overlaps_common(fc, ARG_I64(0), fc->argnull[0], ARG_I64(1), fc->argnull[1],
						   ARG_I64(2), fc->argnull[2], ARG_I64(3), fc->argnull[3], out);
}

/* (start, interval) pairs: the end is start + interval (NULL if either is). */
static int
overlaps_interval(FnCall *fc, const TzZone *zone, Datum *out)
{
	int64_t		e[2] = {0, 0};
	bool		en[2];

	for (int k = 0; k < 2; k++)
	{
		en[k] = fc->argnull[2 * k] || fc->argnull[2 * k + 1];
		if (!en[k])
		{
			Interval	iv;

			interval_get(fc->args[2 * k + 1], &iv);
			if (dt_timestamp_pl_interval(fc->ctx, ARG_I64(2 * k), &iv, zone, &e[k]))
				return -1;
		}
	}
	return overlaps_common(fc, ARG_I64(0), fc->argnull[0], e[0], en[0],
						   ARG_I64(2), fc->argnull[2], e[1], en[1], out);
}

static int fn_overlaps_ts_iv(FnCall *fc, Datum *out) { return overlaps_interval(fc, NULL, out); }
static int fn_overlaps_tstz_iv(FnCall *fc, Datum *out) { return overlaps_interval(fc, tz_session(fc->ctx), out); }

static int
fn_timeofday(FnCall *fc, Datum *out)
{
	TimestampTz now = datetime_now();
	PgTm		tm;
	int32_t		fsec;
	char		buf[128];

	timestamp2tm(now, tz_session(fc->ctx), &tm, &fsec);
	snprintf(buf, sizeof(buf), "%.3s %.3s %02d %02d:%02d:%02d.%06d %d %s",
			 days_short[tm.wday], months_short[tm.mon - 1], tm.mday, tm.hour, tm.min, tm.sec,
			 (int) fsec, tm.year, tm.zone ? tm.zone : "");
	*out = cstring_text_datum(fc->ctx->arena, buf);
	return 0;
}

/* ---------------------------------------------------------------- generate_series */

typedef struct TsSeries {
	Timestamp	cur;
	Timestamp	finish;
	Interval	step;
	int			sign;
	bool		done;
} TsSeries;

/* generate_series(timestamp[tz], timestamp[tz], interval): func.h's SRF protocol. */
static int
ts_series(FnCall *fc, bool with_tz, Datum *out)
{
	TsSeries   *s = fc->srf_state;
	Timestamp	result;

	if (s == NULL)
	{
		Arena	   *a = fc->srf_arena ? fc->srf_arena : fc->ctx->arena;
		Interval	zero = {0, 0, 0};
		Datum		z = interval_datum(fc->ctx->arena, &zero);

		s = arena_new(a, TsSeries);
		s->cur = ARG_I64(0);
		s->finish = ARG_I64(1);
		interval_get(fc->args[2], &s->step);
		s->sign = interval_type.cmp(fc->args[2], z);
		if (s->sign == 0)
		{
			mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "step size cannot equal zero");
			return -1;
		}
		fc->srf_state = s;
	}
	result = s->cur;
	if (s->done || (s->sign > 0 ? result > s->finish : result < s->finish))
	{
		fc->srf_done = true;
		return 0;
	}
	if (dt_timestamp_pl_interval(fc->ctx, s->cur, &s->step, with_tz ? tz_session(fc->ctx) : NULL, &s->cur))
		return -1;
	if (s->cur == result)
		s->done = true;			/* infinite start: stay finite in output count */
	*out = Int64GetDatum(result);
	return 0;
}

static int gs_timestamp(FnCall *fc, Datum *out) { return ts_series(fc, false, out); }
static int gs_timestamptz(FnCall *fc, Datum *out) { return ts_series(fc, true, out); }

/* ---------------------------------------------------------------- sum/avg(interval) */

typedef struct IntervalAcc {
	Interval	sum;
	int64_t		count;
} IntervalAcc;

static int
iacc_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	(void) argtypes;
	*state = arena_new(ctx->arena, IntervalAcc);
	return 0;
}

static int
iacc_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	IntervalAcc *a = state;
	Interval	iv;

	if (argnull[0])
		return 0;
	interval_get(args[0], &iv);
	if (__builtin_add_overflow(a->sum.month, iv.month, &a->sum.month) ||
		__builtin_add_overflow(a->sum.day, iv.day, &a->sum.day) ||
		__builtin_add_overflow(a->sum.time, iv.time, &a->sum.time))
		return dt_error(ctx, "interval out of range");
	a->count++;
	return 0;
}

static int
isum_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	IntervalAcc *a = state;

	(void) rettype;
	if (a->count == 0)
	{
		*isnull = true;
		return 0;
	}
	*out = interval_datum(ctx->arena, &a->sum);
	return 0;
}

static int
iavg_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	IntervalAcc *a = state;
	Datum		args[2];
	bool		nulls[2] = {false, false};
	Oid			types[2] = {INTERVALOID, FLOAT8OID};
	FnCall		fc;
	const FuncDef *div = NULL;
	int			n;
	const FuncDef *const *cands = func_candidates("interval_div", &n);

	(void) rettype;
	if (a->count == 0)
	{
		*isnull = true;
		return 0;
	}
	for (int i = 0; i < n; i++)
		if (cands[i]->nargs == 2 && cands[i]->argtypes[1] == FLOAT8OID)
			div = cands[i];
	args[0] = interval_datum(ctx->arena, &a->sum);
	args[1] = Float8GetDatum((double) a->count);
	memset(&fc, 0, sizeof(fc));
	fc.ctx = ctx;
	fc.nargs = 2;
	fc.args = args;
	fc.argnull = nulls;
	fc.argtypes = types;
	fc.rettype = INTERVALOID;
	fc.rettypmod = -1;
	return div->fn(&fc, out);
}

static const AggDef interval_aggs[] = {
	{.name = "sum", .nargs = 1, .argtypes = {INTERVALOID}, .rettype = INTERVALOID, .strict = true,
	 .init = iacc_init, .trans = iacc_trans, .final = isum_final},
	{.name = "avg", .nargs = 1, .argtypes = {INTERVALOID}, .rettype = INTERVALOID, .strict = true,
	 .init = iacc_init, .trans = iacc_trans, .final = iavg_final},
};

/* ---------------------------------------------------------------- registration */

#define F(n, na, a0, a1, a2, r, vol, f) \
	{.name = n, .nargs = na, .argtypes = {a0, a1, a2}, .rettype = r, .strict = true, .volatility = vol, .fn = f}
#define I FUNC_IMMUTABLE
#define S FUNC_STABLE
#define V FUNC_VOLATILE
#define MI(n) {.name = "make_interval", .nargs = n, \
	.argtypes = {INT4OID, INT4OID, INT4OID, INT4OID, INT4OID, INT4OID, FLOAT8OID}, \
	.rettype = INTERVALOID, .strict = true, .volatility = FUNC_IMMUTABLE, .fn = fn_make_interval}

static const FuncDef datetime_funcs[] = {
	F("now", 0, 0, 0, 0, TIMESTAMPTZOID, S, fn_now),
	F("transaction_timestamp", 0, 0, 0, 0, TIMESTAMPTZOID, S, fn_now),
	F("statement_timestamp", 0, 0, 0, 0, TIMESTAMPTZOID, S, fn_statement_timestamp),
	F("clock_timestamp", 0, 0, 0, 0, TIMESTAMPTZOID, V, fn_clock_timestamp),
	F("current_date", 0, 0, 0, 0, DATEOID, S, fn_current_date),
	F("current_timestamp", 0, 0, 0, 0, TIMESTAMPTZOID, S, fn_current_timestamp),
	F("current_timestamp", 1, INT4OID, 0, 0, TIMESTAMPTZOID, S, fn_current_timestamp),
	F("localtimestamp", 0, 0, 0, 0, TIMESTAMPOID, S, fn_localtimestamp),
	F("localtimestamp", 1, INT4OID, 0, 0, TIMESTAMPOID, S, fn_localtimestamp),
	F("localtime", 0, 0, 0, 0, TIMEOID, S, fn_localtime),
	F("localtime", 1, INT4OID, 0, 0, TIMEOID, S, fn_localtime),
	F("current_time", 0, 0, 0, 0, TIMETZOID, S, fn_current_time),
	F("current_time", 1, INT4OID, 0, 0, TIMETZOID, S, fn_current_time),
	F("date_part", 2, TEXTOID, TIMESTAMPOID, 0, FLOAT8OID, I, date_part_timestamp),
	F("date_part", 2, TEXTOID, TIMESTAMPTZOID, 0, FLOAT8OID, S, date_part_timestamptz),
	F("date_part", 2, TEXTOID, DATEOID, 0, FLOAT8OID, I, date_part_date),
	F("date_part", 2, TEXTOID, TIMEOID, 0, FLOAT8OID, I, date_part_time),
	F("date_part", 2, TEXTOID, INTERVALOID, 0, FLOAT8OID, I, date_part_interval),
	F("extract", 2, TEXTOID, TIMESTAMPOID, 0, NUMERICOID, I, extract_timestamp),
	F("extract", 2, TEXTOID, TIMESTAMPTZOID, 0, NUMERICOID, S, extract_timestamptz),
	F("extract", 2, TEXTOID, DATEOID, 0, NUMERICOID, I, extract_date),
	F("extract", 2, TEXTOID, TIMEOID, 0, NUMERICOID, I, extract_time),
	F("extract", 2, TEXTOID, INTERVALOID, 0, NUMERICOID, I, extract_interval),
	F("date_trunc", 2, TEXTOID, TIMESTAMPOID, 0, TIMESTAMPOID, I, date_trunc_timestamp),
	F("date_trunc", 2, TEXTOID, TIMESTAMPTZOID, 0, TIMESTAMPTZOID, S, date_trunc_timestamptz),
	F("date_trunc", 3, TEXTOID, TIMESTAMPTZOID, TEXTOID, TIMESTAMPTZOID, S, date_trunc_timestamptz_zone),
	F("date_trunc", 2, TEXTOID, INTERVALOID, 0, INTERVALOID, I, date_trunc_interval),
	F("age", 2, TIMESTAMPOID, TIMESTAMPOID, 0, INTERVALOID, I, fn_age_timestamp),
	F("age", 2, TIMESTAMPTZOID, TIMESTAMPTZOID, 0, INTERVALOID, S, fn_age_timestamptz),
	F("age", 1, TIMESTAMPOID, 0, 0, INTERVALOID, S, fn_age1_timestamp),
	F("age", 1, TIMESTAMPTZOID, 0, 0, INTERVALOID, S, fn_age1_timestamptz),
	F("make_date", 3, INT4OID, INT4OID, INT4OID, DATEOID, I, fn_make_date),
	F("make_time", 3, INT4OID, INT4OID, FLOAT8OID, TIMEOID, I, fn_make_time),
	{.name = "make_timestamp", .nargs = 6,
	 .argtypes = {INT4OID, INT4OID, INT4OID, INT4OID, INT4OID, FLOAT8OID},
	 .rettype = TIMESTAMPOID, .strict = true, .volatility = I, .fn = fn_make_timestamp},
	{.name = "make_timestamptz", .nargs = 6,
	 .argtypes = {INT4OID, INT4OID, INT4OID, INT4OID, INT4OID, FLOAT8OID},
	 .rettype = TIMESTAMPTZOID, .strict = true, .volatility = S, .fn = fn_make_timestamptz},
	{.name = "make_timestamptz", .nargs = 7,
	 .argtypes = {INT4OID, INT4OID, INT4OID, INT4OID, INT4OID, FLOAT8OID, TEXTOID},
	 .rettype = TIMESTAMPTZOID, .strict = true, .volatility = S, .fn = fn_make_timestamptz},
	MI(0), MI(1), MI(2), MI(3), MI(4), MI(5), MI(6), MI(7),
	F("to_timestamp", 1, FLOAT8OID, 0, 0, TIMESTAMPTZOID, I, fn_to_timestamp_float),
	F("justify_days", 1, INTERVALOID, 0, 0, INTERVALOID, I, fn_justify_days),
	F("justify_hours", 1, INTERVALOID, 0, 0, INTERVALOID, I, fn_justify_hours),
	F("justify_interval", 1, INTERVALOID, 0, 0, INTERVALOID, I, fn_justify_interval),
	F("isfinite", 1, DATEOID, 0, 0, BOOLOID, I, fn_isfinite_date),
	F("isfinite", 1, TIMESTAMPOID, 0, 0, BOOLOID, I, fn_isfinite_ts),
	F("isfinite", 1, TIMESTAMPTZOID, 0, 0, BOOLOID, I, fn_isfinite_ts),
	F("isfinite", 1, INTERVALOID, 0, 0, BOOLOID, I, fn_isfinite_interval),
	F("timezone", 2, TEXTOID, TIMESTAMPTZOID, 0, TIMESTAMPOID, I, fn_timezone_tstz),
	F("timezone", 2, TEXTOID, TIMESTAMPOID, 0, TIMESTAMPTZOID, I, fn_timezone_ts),
	F("timezone", 2, INTERVALOID, TIMESTAMPTZOID, 0, TIMESTAMPOID, I, fn_timezone_interval_tstz),
	F("timezone", 2, INTERVALOID, TIMESTAMPOID, 0, TIMESTAMPTZOID, I, fn_timezone_interval_ts),
	F("date_bin", 3, INTERVALOID, TIMESTAMPOID, TIMESTAMPOID, TIMESTAMPOID, I, fn_date_bin),
	F("timeofday", 0, 0, 0, 0, TEXTOID, V, fn_timeofday),
#define OVL(a, b, vol, f) {.name = "overlaps", .nargs = 4, .argtypes = {a, b, a, b}, .rettype = BOOLOID, \
	.strict = false, .volatility = vol, .fn = f}
	OVL(TIMESTAMPOID, TIMESTAMPOID, I, fn_overlaps),
	OVL(TIMESTAMPTZOID, TIMESTAMPTZOID, I, fn_overlaps),
	OVL(TIMEOID, TIMEOID, I, fn_overlaps),
	OVL(TIMESTAMPOID, INTERVALOID, I, fn_overlaps_ts_iv),
	OVL(TIMESTAMPTZOID, INTERVALOID, S, fn_overlaps_tstz_iv),
	{.name = "generate_series", .nargs = 3, .argtypes = {TIMESTAMPOID, TIMESTAMPOID, INTERVALOID},
	 .rettype = TIMESTAMPOID, .strict = true, .retset = true, .volatility = I, .fn = gs_timestamp},
	{.name = "generate_series", .nargs = 3, .argtypes = {TIMESTAMPTZOID, TIMESTAMPTZOID, INTERVALOID},
	 .rettype = TIMESTAMPTZOID, .strict = true, .retset = true, .volatility = S, .fn = gs_timestamptz},
	F("date_bin", 3, INTERVALOID, TIMESTAMPTZOID, TIMESTAMPTZOID, TIMESTAMPTZOID, I, fn_date_bin),
};

void
register_datetime_funcs(void)
{
	func_register(datetime_op_funcs, datetime_n_op_funcs);
	func_register(datetime_funcs, (int) (sizeof(datetime_funcs) / sizeof(datetime_funcs[0])));
	func_register(datetime_fmt_funcs, datetime_n_fmt_funcs);
	oper_register(datetime_opers, datetime_n_opers);
	agg_register(interval_aggs, (int) (sizeof(interval_aggs) / sizeof(interval_aggs[0])));
}
