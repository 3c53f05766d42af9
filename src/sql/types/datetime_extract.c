/*
 * datetime_extract.c — extract()/date_part() and date_trunc() over
 * timestamp, timestamptz, date, time and interval.
 *
 * Design: field extraction and truncation work on a broken-down PgTm in
 * the right zone (the session's TimeZone for timestamptz, or the zone
 * argument of date_trunc), as PostgreSQL's timestamp.c does; extract()
 * returns numeric with PostgreSQL 15's scales (built from exact decimal
 * text), date_part() float8.  Units are matched on their first 10
 * characters, as PostgreSQL's DecodeUnits does.
 *
 * Invariants:
 *  1. Unknown units: 22023 'unit "x" not recognized for type T'; known but
 *     unsupported ones: 0A000 'unit "x" not supported for type T'.
 *  2. Infinite inputs give +-Infinity for monotonic fields, NULL otherwise.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/numeric.h>

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

const TzZone *
dt_zone_arg(EvalCtx *ctx, Datum text)
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
	const TzZone *z = dt_zone_arg(fc->ctx, fc->args[2]);

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

#define F(n, na, a0, a1, a2, r, vol, f) \
	{.name = n, .nargs = na, .argtypes = {a0, a1, a2}, .rettype = r, .strict = true, .volatility = vol, .fn = f}
#define I FUNC_IMMUTABLE
#define S FUNC_STABLE

const FuncDef datetime_extract_funcs[] = {
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
};
const int datetime_n_extract_funcs = (int) (sizeof(datetime_extract_funcs) / sizeof(datetime_extract_funcs[0]));
