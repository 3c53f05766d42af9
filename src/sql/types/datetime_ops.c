/*
 * datetime_ops.c — date/time casts and operators: comparison, date and
 * timestamp arithmetic with integers and intervals, interval arithmetic.
 *
 * Design: each SQL operator is a FuncDef under PostgreSQL's function name
 * (date_pli, timestamp_pl_interval, interval_mul ...) and an OperDef that
 * points at it, as pg_operator does.  Calendar arithmetic follows
 * PostgreSQL's timestamp.c: months first (clamping the day to the end of
 * the month), then days through Julian day numbers (in the session zone
 * for timestamptz, so that DST is respected), then microseconds.
 *
 * Invariants:
 *  1. Every result is range-checked; overflow is 22008 "timestamp out of
 *     range", "date out of range" or "interval out of range".
 *  2. Infinite timestamps and dates stay infinite under + and -.
 */
#include <math.h>
#include <string.h>

#include <memgres/func.h>

#include "datetime_types.h"
#include "datetime_ops.h"

/* ---------------------------------------------------------------- helpers */

int
dt_error(EvalCtx *ctx, const char *msg)
{
	mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "%s", msg);
	return -1;
}

int
dt_date2timestamp(EvalCtx *ctx, DateADT d, Timestamp *out)
{
	if (d == DATEVAL_NOBEGIN)
		*out = DT_NOBEGIN;
	else if (d == DATEVAL_NOEND)
		*out = DT_NOEND;
	else
	{
		if (d >= (TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE))
			return dt_error(ctx, "date out of range for timestamp");
		*out = (int64_t) d * USECS_PER_DAY;
	}
	return 0;
}

int
dt_date2timestamptz(EvalCtx *ctx, DateADT d, TimestampTz *out)
{
	PgTm		tm;
	int			tz;

	if (DATE_NOT_FINITE(d))
		return dt_date2timestamp(ctx, d, out);
	if (d >= (TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE))
		return dt_error(ctx, "date out of range for timestamp");
	memset(&tm, 0, sizeof(tm));
	j2date(d + POSTGRES_EPOCH_JDATE, &tm.year, &tm.mon, &tm.mday);
	tz = datetime_tz_offset(tz_session(ctx), &tm);
	*out = (int64_t) d * USECS_PER_DAY + (int64_t) tz * USECS_PER_SEC;
	if (!IS_VALID_TIMESTAMP(*out))
		return dt_error(ctx, "date out of range for timestamp");
	return 0;
}

int
dt_timestamp2timestamptz_zone(EvalCtx *ctx, Timestamp ts, const TzZone *zone, TimestampTz *out)
{
	PgTm		tm;
	int32_t		fsec;
	int			tz;

	if (TIMESTAMP_NOT_FINITE(ts))
	{
		*out = ts;
		return 0;
	}
	if (timestamp2tm(ts, NULL, &tm, &fsec) != 0)
		return dt_error(ctx, "timestamp out of range");
	tz = datetime_tz_offset(zone, &tm);
	if (tm2timestamp(&tm, fsec, &tz, out) != 0)
		return dt_error(ctx, "timestamp out of range");
	return 0;
}

int
dt_timestamptz2timestamp_zone(EvalCtx *ctx, TimestampTz ts, const TzZone *zone, Timestamp *out)
{
	PgTm		tm;
	int32_t		fsec;

	if (TIMESTAMP_NOT_FINITE(ts))
	{
		*out = ts;
		return 0;
	}
	if (timestamp2tm(ts, zone, &tm, &fsec) != 0 || tm2timestamp(&tm, fsec, NULL, out) != 0)
		return dt_error(ctx, "timestamp out of range");
	return 0;
}

static int
ts2date(EvalCtx *ctx, Timestamp ts, const TzZone *zone, DateADT *out)
{
	PgTm		tm;
	int32_t		fsec;

	if (ts == DT_NOBEGIN)
		*out = DATEVAL_NOBEGIN;
	else if (ts == DT_NOEND)
		*out = DATEVAL_NOEND;
	else
	{
		if (timestamp2tm(ts, zone, &tm, &fsec) != 0)
			return dt_error(ctx, "timestamp out of range");
		*out = date2j(tm.year, tm.mon, tm.mday) - POSTGRES_EPOCH_JDATE;
	}
	return 0;
}

static int
ts2time(EvalCtx *ctx, Timestamp ts, const TzZone *zone, TimeADT *out)
{
	PgTm		tm;
	int32_t		fsec;

	if (TIMESTAMP_NOT_FINITE(ts) || timestamp2tm(ts, zone, &tm, &fsec) != 0)
		return dt_error(ctx, "timestamp out of range");
	*out = time2t(tm.hour, tm.min, tm.sec, fsec);
	return 0;
}

/* Adds months to a broken-down date, clamping the day (PostgreSQL's rule). */
static void
tm_add_months(PgTm *tm, int months)
{
	tm->mon += months;
	if (tm->mon > MONTHS_PER_YEAR)
	{
		tm->year += (tm->mon - 1) / MONTHS_PER_YEAR;
		tm->mon = ((tm->mon - 1) % MONTHS_PER_YEAR) + 1;
	}
	else if (tm->mon < 1)
	{
		tm->year += tm->mon / MONTHS_PER_YEAR - 1;
		tm->mon = tm->mon % MONTHS_PER_YEAR + MONTHS_PER_YEAR;
	}
	if (tm->mday > days_in_month(tm->year, tm->mon))
		tm->mday = days_in_month(tm->year, tm->mon);
}

/* timestamp(tz) + interval; zone NULL: without time zone. */
int
dt_timestamp_pl_interval(EvalCtx *ctx, Timestamp ts, const Interval *span, const TzZone *zone,
						 Timestamp *out)
{
	PgTm		tm;
	int32_t		fsec;
	int			tz;

	if (TIMESTAMP_NOT_FINITE(ts))
	{
		*out = ts;
		return 0;
	}
	if (span->month != 0)
	{
		if (timestamp2tm(ts, zone, &tm, &fsec) != 0)
			return dt_error(ctx, "timestamp out of range");
		tm_add_months(&tm, span->month);
		tz = zone ? datetime_tz_offset(zone, &tm) : 0;
		if (tm2timestamp(&tm, fsec, zone ? &tz : NULL, &ts) != 0)
			return dt_error(ctx, "timestamp out of range");
	}
	if (span->day != 0)
	{
		int			julian;

		if (timestamp2tm(ts, zone, &tm, &fsec) != 0)
			return dt_error(ctx, "timestamp out of range");
		julian = date2j(tm.year, tm.mon, tm.mday) + span->day;
		j2date(julian, &tm.year, &tm.mon, &tm.mday);
		tz = zone ? datetime_tz_offset(zone, &tm) : 0;
		if (tm2timestamp(&tm, fsec, zone ? &tz : NULL, &ts) != 0)
			return dt_error(ctx, "timestamp out of range");
	}
	if (__builtin_add_overflow(ts, span->time, &ts) || !IS_VALID_TIMESTAMP(ts))
		return dt_error(ctx, "timestamp out of range");
	*out = ts;
	return 0;
}

void
dt_justify_hours(Interval *r)
{
	int64_t		wholeday = r->time / USECS_PER_DAY;

	r->time -= wholeday * USECS_PER_DAY;
	r->day += (int32_t) wholeday;
	if (r->day > 0 && r->time < 0)
	{
		r->time += USECS_PER_DAY;
		r->day--;
	}
	else if (r->day < 0 && r->time > 0)
	{
		r->time -= USECS_PER_DAY;
		r->day++;
	}
}

void
dt_justify_days(Interval *r)
{
	int32_t		wholemonth = r->day / DAYS_PER_MONTH;

	r->day -= wholemonth * DAYS_PER_MONTH;
	r->month += wholemonth;
	if (r->month > 0 && r->day < 0)
	{
		r->day += DAYS_PER_MONTH;
		r->month--;
	}
	else if (r->month < 0 && r->day > 0)
	{
		r->day -= DAYS_PER_MONTH;
		r->month++;
	}
}

void
dt_justify_interval(Interval *r)
{
	int64_t		wholeday;
	int32_t		wholemonth;

	if ((r->day > 0 && r->time > 0) || (r->day < 0 && r->time < 0))
	{
		wholemonth = r->day / DAYS_PER_MONTH;
		r->day -= wholemonth * DAYS_PER_MONTH;
		r->month += wholemonth;
	}
	wholeday = r->time / USECS_PER_DAY;
	r->time -= wholeday * USECS_PER_DAY;
	r->day += (int32_t) wholeday;
	wholemonth = r->day / DAYS_PER_MONTH;
	r->day -= wholemonth * DAYS_PER_MONTH;
	r->month += wholemonth;
	if (r->month > 0 && (r->day < 0 || (r->day == 0 && r->time < 0)))
	{
		r->day += DAYS_PER_MONTH;
		r->month--;
	}
	else if (r->month < 0 && (r->day > 0 || (r->day == 0 && r->time > 0)))
	{
		r->day -= DAYS_PER_MONTH;
		r->month++;
	}
	if (r->day > 0 && r->time < 0)
	{
		r->time += USECS_PER_DAY;
		r->day--;
	}
	else if (r->day < 0 && r->time > 0)
	{
		r->time -= USECS_PER_DAY;
		r->day++;
	}
}

/* ---------------------------------------------------------------- casts */

static int
cast_date_timestamp(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	Timestamp	ts;

	(void) explicit_cast;
	if (dt_date2timestamp(ctx, DatumGetInt32(v), &ts))
		return -1;
	if (adjust_timestamp_for_typmod(&ts, typmod))
		return dt_error(ctx, "timestamp out of range");
	*out = Int64GetDatum(ts);
	return 0;
}

static int
cast_date_timestamptz(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	TimestampTz ts;

	(void) explicit_cast;
	if (dt_date2timestamptz(ctx, DatumGetInt32(v), &ts))
		return -1;
	if (adjust_timestamp_for_typmod(&ts, typmod))
		return dt_error(ctx, "timestamp out of range");
	*out = Int64GetDatum(ts);
	return 0;
}

static int
cast_timestamp_date(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	DateADT		d;

	(void) typmod;
	(void) explicit_cast;
	if (ts2date(ctx, DatumGetInt64(v), NULL, &d))
		return -1;
	*out = Int32GetDatum(d);
	return 0;
}

static int
cast_timestamptz_date(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	DateADT		d;

	(void) typmod;
	(void) explicit_cast;
	if (ts2date(ctx, DatumGetInt64(v), tz_session(ctx), &d))
		return -1;
	*out = Int32GetDatum(d);
	return 0;
}

static int
cast_timestamp_time(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	TimeADT		t;

	(void) explicit_cast;
	if (ts2time(ctx, DatumGetInt64(v), NULL, &t))
		return -1;
	adjust_time_for_typmod(&t, typmod);
	*out = Int64GetDatum(t);
	return 0;
}

static int
cast_timestamptz_time(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	TimeADT		t;

	(void) explicit_cast;
	if (ts2time(ctx, DatumGetInt64(v), tz_session(ctx), &t))
		return -1;
	adjust_time_for_typmod(&t, typmod);
	*out = Int64GetDatum(t);
	return 0;
}

static int
cast_timestamp_timestamptz(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	TimestampTz ts;

	(void) explicit_cast;
	if (dt_timestamp2timestamptz_zone(ctx, DatumGetInt64(v), tz_session(ctx), &ts))
		return -1;
	if (adjust_timestamp_for_typmod(&ts, typmod))
		return dt_error(ctx, "timestamp out of range");
	*out = Int64GetDatum(ts);
	return 0;
}

static int
cast_timestamptz_timestamp(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	Timestamp	ts;

	(void) explicit_cast;
	if (dt_timestamptz2timestamp_zone(ctx, DatumGetInt64(v), tz_session(ctx), &ts))
		return -1;
	if (adjust_timestamp_for_typmod(&ts, typmod))
		return dt_error(ctx, "timestamp out of range");
	*out = Int64GetDatum(ts);
	return 0;
}

static int
cast_time_interval(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	Interval	iv = {DatumGetInt64(v), 0, 0};

	(void) explicit_cast;
	if (interval_adjust_typmod(ctx, &iv, typmod))
		return -1;
	*out = interval_datum(ctx->arena, &iv);
	return 0;
}

static int
cast_interval_time(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	Interval	iv;
	TimeADT		t;

	(void) ctx;
	(void) explicit_cast;
	interval_get(v, &iv);
	t = iv.time % USECS_PER_DAY;
	if (t < 0)
		t += USECS_PER_DAY;
	adjust_time_for_typmod(&t, typmod);
	*out = Int64GetDatum(t);
	return 0;
}

const CastDef datetime_casts[] = {
	{DATEOID, TIMESTAMPOID, CAST_IMPLICIT, cast_date_timestamp},
	{DATEOID, TIMESTAMPTZOID, CAST_IMPLICIT, cast_date_timestamptz},
	{TIMESTAMPOID, DATEOID, CAST_ASSIGNMENT, cast_timestamp_date},
	{TIMESTAMPOID, TIMEOID, CAST_ASSIGNMENT, cast_timestamp_time},
	{TIMESTAMPOID, TIMESTAMPTZOID, CAST_IMPLICIT, cast_timestamp_timestamptz},
	{TIMESTAMPTZOID, DATEOID, CAST_ASSIGNMENT, cast_timestamptz_date},
	{TIMESTAMPTZOID, TIMEOID, CAST_ASSIGNMENT, cast_timestamptz_time},
	{TIMESTAMPTZOID, TIMESTAMPOID, CAST_ASSIGNMENT, cast_timestamptz_timestamp},
	{TIMEOID, INTERVALOID, CAST_IMPLICIT, cast_time_interval},
	{INTERVALOID, TIMEOID, CAST_ASSIGNMENT, cast_interval_time},
};
const int datetime_ncasts = (int) (sizeof(datetime_casts) / sizeof(datetime_casts[0]));

/* ---------------------------------------------------------------- operators */

#define ARG_I32(n) DatumGetInt32(fc->args[n])
#define ARG_I64(n) DatumGetInt64(fc->args[n])

#define CMP_FUNCS(pfx, cmpfn) \
static int pfx##_eq(FnCall *fc, Datum *out) { *out = BoolGetDatum(cmpfn(fc->args[0], fc->args[1]) == 0); return 0; } \
static int pfx##_ne(FnCall *fc, Datum *out) { *out = BoolGetDatum(cmpfn(fc->args[0], fc->args[1]) != 0); return 0; } \
static int pfx##_lt(FnCall *fc, Datum *out) { *out = BoolGetDatum(cmpfn(fc->args[0], fc->args[1]) < 0); return 0; } \
static int pfx##_le(FnCall *fc, Datum *out) { *out = BoolGetDatum(cmpfn(fc->args[0], fc->args[1]) <= 0); return 0; } \
static int pfx##_gt(FnCall *fc, Datum *out) { *out = BoolGetDatum(cmpfn(fc->args[0], fc->args[1]) > 0); return 0; } \
static int pfx##_ge(FnCall *fc, Datum *out) { *out = BoolGetDatum(cmpfn(fc->args[0], fc->args[1]) >= 0); return 0; } \
static int pfx##_cmp(FnCall *fc, Datum *out) { *out = Int32GetDatum(cmpfn(fc->args[0], fc->args[1])); return 0; } \
static int pfx##_larger(FnCall *fc, Datum *out) { *out = cmpfn(fc->args[0], fc->args[1]) >= 0 ? fc->args[0] : fc->args[1]; return 0; } \
static int pfx##_smaller(FnCall *fc, Datum *out) { *out = cmpfn(fc->args[0], fc->args[1]) <= 0 ? fc->args[0] : fc->args[1]; return 0; }

static int
cmp_i32(Datum a, Datum b)
{
	return (DatumGetInt32(a) > DatumGetInt32(b)) - (DatumGetInt32(a) < DatumGetInt32(b));
}

static int
cmp_i64(Datum a, Datum b)
{
	return (DatumGetInt64(a) > DatumGetInt64(b)) - (DatumGetInt64(a) < DatumGetInt64(b));
}

static int
cmp_interval(Datum a, Datum b)
{
	return interval_type.cmp(a, b);
}

CMP_FUNCS(date, cmp_i32)
CMP_FUNCS(time, cmp_i64)
CMP_FUNCS(timestamp, cmp_i64)
CMP_FUNCS(timestamptz, cmp_i64)
CMP_FUNCS(interval, cmp_interval)
CMP_FUNCS(timetz, timetz_cmp_datums)

static int
date_pli(FnCall *fc, Datum *out)
{
	DateADT		d = ARG_I32(0);
	int32_t		r;

	if (DATE_NOT_FINITE(d))
	{
		*out = Int32GetDatum(d);
		return 0;
	}
	if (__builtin_add_overflow(d, ARG_I32(1), &r) || !IS_VALID_DATE(r))
		return dt_error(fc->ctx, "date out of range");
	*out = Int32GetDatum(r);
	return 0;
}

static int
integer_pl_date(FnCall *fc, Datum *out)
{
	Datum		args[2] = {fc->args[1], fc->args[0]};
	FnCall		c = *fc;

	c.args = args;
	return date_pli(&c, out);
}

static int
date_mii(FnCall *fc, Datum *out)
{
	DateADT		d = ARG_I32(0);
	int32_t		r;

	if (DATE_NOT_FINITE(d))
	{
		*out = Int32GetDatum(d);
		return 0;
	}
	if (__builtin_sub_overflow(d, ARG_I32(1), &r) || !IS_VALID_DATE(r))
		return dt_error(fc->ctx, "date out of range");
	*out = Int32GetDatum(r);
	return 0;
}

static int
date_mi(FnCall *fc, Datum *out)
{
	if (DATE_NOT_FINITE(ARG_I32(0)) || DATE_NOT_FINITE(ARG_I32(1)))
		return dt_error(fc->ctx, "cannot subtract infinite dates");
	*out = Int32GetDatum(ARG_I32(0) - ARG_I32(1));
	return 0;
}

static int
date_pl_interval(FnCall *fc, Datum *out)
{
	Timestamp	ts;
	Interval	iv;

	interval_get(fc->args[1], &iv);
	if (dt_date2timestamp(fc->ctx, ARG_I32(0), &ts) ||
		dt_timestamp_pl_interval(fc->ctx, ts, &iv, NULL, &ts))
		return -1;
	*out = Int64GetDatum(ts);
	return 0;
}

static int
date_mi_interval(FnCall *fc, Datum *out)
{
	Timestamp	ts;
	Interval	iv;

	interval_get(fc->args[1], &iv);
	iv.time = -iv.time;
	iv.day = -iv.day;
	iv.month = -iv.month;
	if (dt_date2timestamp(fc->ctx, ARG_I32(0), &ts) ||
		dt_timestamp_pl_interval(fc->ctx, ts, &iv, NULL, &ts))
		return -1;
	*out = Int64GetDatum(ts);
	return 0;
}

static int
datetime_pl(FnCall *fc, Datum *out)
{
	Timestamp	ts;

	if (dt_date2timestamp(fc->ctx, ARG_I32(0), &ts))
		return -1;
	if (!TIMESTAMP_NOT_FINITE(ts))
	{
		ts += ARG_I64(1);
		if (!IS_VALID_TIMESTAMP(ts))
			return dt_error(fc->ctx, "timestamp out of range");
	}
	*out = Int64GetDatum(ts);
	return 0;
}

static int
timedate_pl(FnCall *fc, Datum *out)
{
	Datum		args[2] = {fc->args[1], fc->args[0]};
	FnCall		c = *fc;

	c.args = args;
	return datetime_pl(&c, out);
}

static int
ts_pl_mi_interval(FnCall *fc, bool with_tz, bool minus, int tsarg, Datum *out)
{
	Interval	iv;
	Timestamp	ts;

	interval_get(fc->args[1 - tsarg], &iv);
	if (minus)
	{
		if (iv.time == INT64_MIN || iv.day == INT32_MIN || iv.month == INT32_MIN)
			return dt_error(fc->ctx, "interval out of range");
		iv.time = -iv.time;
		iv.day = -iv.day;
		iv.month = -iv.month;
	}
	if (dt_timestamp_pl_interval(fc->ctx, DatumGetInt64(fc->args[tsarg]), &iv,
								 with_tz ? tz_session(fc->ctx) : NULL, &ts))
		return -1;
	*out = Int64GetDatum(ts);
	return 0;
}

static int timestamp_pl_interval(FnCall *fc, Datum *out) { return ts_pl_mi_interval(fc, false, false, 0, out); }
static int timestamp_mi_interval(FnCall *fc, Datum *out) { return ts_pl_mi_interval(fc, false, true, 0, out); }
static int timestamptz_pl_interval(FnCall *fc, Datum *out) { return ts_pl_mi_interval(fc, true, false, 0, out); }
static int timestamptz_mi_interval(FnCall *fc, Datum *out) { return ts_pl_mi_interval(fc, true, true, 0, out); }
static int interval_pl_timestamp(FnCall *fc, Datum *out) { return ts_pl_mi_interval(fc, false, false, 1, out); }
static int interval_pl_timestamptz(FnCall *fc, Datum *out) { return ts_pl_mi_interval(fc, true, false, 1, out); }

static int
interval_pl_date(FnCall *fc, Datum *out)
{
	Datum		args[2] = {fc->args[1], fc->args[0]};
	FnCall		c = *fc;

	c.args = args;
	return date_pl_interval(&c, out);
}

static int
timestamp_mi(FnCall *fc, Datum *out)
{
	Interval	iv = {0, 0, 0};

	if (TIMESTAMP_NOT_FINITE(ARG_I64(0)) || TIMESTAMP_NOT_FINITE(ARG_I64(1)))
	{
		mg_error(fc->ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "cannot subtract infinite timestamps");
		return -1;
	}
	if (__builtin_sub_overflow(ARG_I64(0), ARG_I64(1), &iv.time))
		return dt_error(fc->ctx, "interval out of range");
	dt_justify_hours(&iv);
	*out = interval_datum(fc->ctx->arena, &iv);
	return 0;
}

static int
time_mi_time(FnCall *fc, Datum *out)
{
	Interval	iv = {ARG_I64(0) - ARG_I64(1), 0, 0};

	*out = interval_datum(fc->ctx->arena, &iv);
	return 0;
}

static int
time_pl_mi_interval(FnCall *fc, bool minus, int targ, Datum *out)
{
	Interval	iv;
	int64_t		r;

	interval_get(fc->args[1 - targ], &iv);
	r = DatumGetInt64(fc->args[targ]) + (minus ? -(iv.time % USECS_PER_DAY) : iv.time % USECS_PER_DAY);
	r -= r / USECS_PER_DAY * USECS_PER_DAY;
	if (r < 0)
		r += USECS_PER_DAY;
	*out = Int64GetDatum(r);
	return 0;
}

static int time_pl_interval(FnCall *fc, Datum *out) { return time_pl_mi_interval(fc, false, 0, out); }
static int time_mi_interval(FnCall *fc, Datum *out) { return time_pl_mi_interval(fc, true, 0, out); }
static int interval_pl_time(FnCall *fc, Datum *out) { return time_pl_mi_interval(fc, false, 1, out); }

static int
interval_pl(FnCall *fc, Datum *out)
{
	Interval	a,
				b,
				r;

	interval_get(fc->args[0], &a);
	interval_get(fc->args[1], &b);
	if (__builtin_add_overflow(a.month, b.month, &r.month) ||
		__builtin_add_overflow(a.day, b.day, &r.day) ||
		__builtin_add_overflow(a.time, b.time, &r.time))
		return dt_error(fc->ctx, "interval out of range");
	*out = interval_datum(fc->ctx->arena, &r);
	return 0;
}

static int
interval_mi(FnCall *fc, Datum *out)
{
	Interval	a,
				b,
				r;

	interval_get(fc->args[0], &a);
	interval_get(fc->args[1], &b);
	if (__builtin_sub_overflow(a.month, b.month, &r.month) ||
		__builtin_sub_overflow(a.day, b.day, &r.day) ||
		__builtin_sub_overflow(a.time, b.time, &r.time))
		return dt_error(fc->ctx, "interval out of range");
	*out = interval_datum(fc->ctx->arena, &r);
	return 0;
}

static int
interval_um(FnCall *fc, Datum *out)
{
	Interval	a,
				r;

	interval_get(fc->args[0], &a);
	if (a.time == INT64_MIN || a.day == INT32_MIN || a.month == INT32_MIN)
		return dt_error(fc->ctx, "interval out of range");
	r.time = -a.time;
	r.day = -a.day;
	r.month = -a.month;
	*out = interval_datum(fc->ctx->arena, &r);
	return 0;
}

#define TSROUND(j) (rint(((double) (j)) * 1000000.0) / 1000000.0)
#define FITS_INT32(d) ((d) >= (double) INT32_MIN && (d) < -(double) INT32_MIN)
#define FITS_INT64(d) ((d) >= (double) INT64_MIN && (d) < -(double) INT64_MIN)

static int
interval_mul_impl(EvalCtx *ctx, const Interval *span, double factor, Datum *out)
{
	Interval	r;
	double		month_remainder_days;
	double		sec_remainder;
	double		d;

	d = span->month * factor;
	if (isnan(d) || !FITS_INT32(d))
		return dt_error(ctx, "interval out of range");
	r.month = (int32_t) d;
	d = span->day * factor;
	if (isnan(d) || !FITS_INT32(d))
		return dt_error(ctx, "interval out of range");
	r.day = (int32_t) d;
	month_remainder_days = (span->month * factor - r.month) * DAYS_PER_MONTH;
	month_remainder_days = TSROUND(month_remainder_days);
	sec_remainder = (span->day * factor - r.day + month_remainder_days -
					 (int) month_remainder_days) * SECS_PER_DAY;
	sec_remainder = TSROUND(sec_remainder);
	if (fabs(sec_remainder) >= SECS_PER_DAY)
	{
		r.day += (int) (sec_remainder / SECS_PER_DAY);
		sec_remainder -= (int) (sec_remainder / SECS_PER_DAY) * SECS_PER_DAY;
	}
	r.day += (int32_t) month_remainder_days;
	d = rint(span->time * factor + sec_remainder * USECS_PER_SEC);
	if (isnan(d) || !FITS_INT64(d))
		return dt_error(ctx, "interval out of range");
	r.time = (int64_t) d;
	*out = interval_datum(ctx->arena, &r);
	return 0;
}

static int
interval_mul(FnCall *fc, Datum *out)
{
	Interval	iv;

	interval_get(fc->args[0], &iv);
	return interval_mul_impl(fc->ctx, &iv, DatumGetFloat8(fc->args[1]), out);
}

static int
mul_d_interval(FnCall *fc, Datum *out)
{
	Interval	iv;

	interval_get(fc->args[1], &iv);
	return interval_mul_impl(fc->ctx, &iv, DatumGetFloat8(fc->args[0]), out);
}

static int
interval_div(FnCall *fc, Datum *out)
{
	Interval	span,
				r;
	double		factor = DatumGetFloat8(fc->args[1]);
	double		month_remainder_days;
	double		sec_remainder;

	interval_get(fc->args[0], &span);
	if (factor == 0.0)
	{
		mg_error(fc->ctx->err, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
		return -1;
	}
	r.month = (int32_t) (span.month / factor);
	r.day = (int32_t) (span.day / factor);
	month_remainder_days = (span.month / factor - r.month) * DAYS_PER_MONTH;
	month_remainder_days = TSROUND(month_remainder_days);
	sec_remainder = (span.day / factor - r.day + month_remainder_days -
					 (int) month_remainder_days) * SECS_PER_DAY;
	sec_remainder = TSROUND(sec_remainder);
	if (fabs(sec_remainder) >= SECS_PER_DAY)
	{
		r.day += (int) (sec_remainder / SECS_PER_DAY);
		sec_remainder -= (int) (sec_remainder / SECS_PER_DAY) * SECS_PER_DAY;
	}
	r.day += (int32_t) month_remainder_days;
	r.time = (int64_t) rint(span.time / factor + sec_remainder * USECS_PER_SEC);
	*out = interval_datum(fc->ctx->arena, &r);
	return 0;
}

#define FN2(n, a, b, r, f) \
	{.name = n, .nargs = 2, .argtypes = {a, b}, .rettype = r, .strict = true, .volatility = FUNC_IMMUTABLE, .fn = f}
#define FN2S(n, a, b, r, f) \
	{.name = n, .nargs = 2, .argtypes = {a, b}, .rettype = r, .strict = true, .volatility = FUNC_STABLE, .fn = f}
#define FN1(n, a, r, f) \
	{.name = n, .nargs = 1, .argtypes = {a}, .rettype = r, .strict = true, .volatility = FUNC_IMMUTABLE, .fn = f}
#define CMP_DEFS(pfx, T) \
	FN2(#pfx "_eq", T, T, BOOLOID, pfx##_eq), FN2(#pfx "_ne", T, T, BOOLOID, pfx##_ne), \
	FN2(#pfx "_lt", T, T, BOOLOID, pfx##_lt), FN2(#pfx "_le", T, T, BOOLOID, pfx##_le), \
	FN2(#pfx "_gt", T, T, BOOLOID, pfx##_gt), FN2(#pfx "_ge", T, T, BOOLOID, pfx##_ge), \
	FN2(#pfx "_cmp", T, T, INT4OID, pfx##_cmp), FN2(#pfx "_larger", T, T, T, pfx##_larger), \
	FN2(#pfx "_smaller", T, T, T, pfx##_smaller)

const FuncDef datetime_op_funcs[] = {
	CMP_DEFS(date, DATEOID),
	CMP_DEFS(time, TIMEOID),
	CMP_DEFS(timestamp, TIMESTAMPOID),
	CMP_DEFS(timestamptz, TIMESTAMPTZOID),
	CMP_DEFS(interval, INTERVALOID),
	CMP_DEFS(timetz, TIMETZOID),
	FN2("date_pli", DATEOID, INT4OID, DATEOID, date_pli),
	FN2("integer_pl_date", INT4OID, DATEOID, DATEOID, integer_pl_date),
	FN2("date_mii", DATEOID, INT4OID, DATEOID, date_mii),
	FN2("date_mi", DATEOID, DATEOID, INT4OID, date_mi),
	FN2("date_pl_interval", DATEOID, INTERVALOID, TIMESTAMPOID, date_pl_interval),
	FN2("interval_pl_date", INTERVALOID, DATEOID, TIMESTAMPOID, interval_pl_date),
	FN2("date_mi_interval", DATEOID, INTERVALOID, TIMESTAMPOID, date_mi_interval),
	FN2("datetime_pl", DATEOID, TIMEOID, TIMESTAMPOID, datetime_pl),
	FN2("timedate_pl", TIMEOID, DATEOID, TIMESTAMPOID, timedate_pl),
	FN2("timestamp_pl_interval", TIMESTAMPOID, INTERVALOID, TIMESTAMPOID, timestamp_pl_interval),
	FN2("timestamp_mi_interval", TIMESTAMPOID, INTERVALOID, TIMESTAMPOID, timestamp_mi_interval),
	FN2("interval_pl_timestamp", INTERVALOID, TIMESTAMPOID, TIMESTAMPOID, interval_pl_timestamp),
	FN2S("timestamptz_pl_interval", TIMESTAMPTZOID, INTERVALOID, TIMESTAMPTZOID, timestamptz_pl_interval),
	FN2S("timestamptz_mi_interval", TIMESTAMPTZOID, INTERVALOID, TIMESTAMPTZOID, timestamptz_mi_interval),
	FN2S("interval_pl_timestamptz", INTERVALOID, TIMESTAMPTZOID, TIMESTAMPTZOID, interval_pl_timestamptz),
	FN2("timestamp_mi", TIMESTAMPOID, TIMESTAMPOID, INTERVALOID, timestamp_mi),
	FN2("timestamptz_mi", TIMESTAMPTZOID, TIMESTAMPTZOID, INTERVALOID, timestamp_mi),
	FN2("time_mi_time", TIMEOID, TIMEOID, INTERVALOID, time_mi_time),
	FN2("time_pl_interval", TIMEOID, INTERVALOID, TIMEOID, time_pl_interval),
	FN2("time_mi_interval", TIMEOID, INTERVALOID, TIMEOID, time_mi_interval),
	FN2("interval_pl_time", INTERVALOID, TIMEOID, TIMEOID, interval_pl_time),
	FN2("interval_pl", INTERVALOID, INTERVALOID, INTERVALOID, interval_pl),
	FN2("interval_mi", INTERVALOID, INTERVALOID, INTERVALOID, interval_mi),
	FN1("interval_um", INTERVALOID, INTERVALOID, interval_um),
	FN2("interval_mul", INTERVALOID, FLOAT8OID, INTERVALOID, interval_mul),
	FN2("mul_d_interval", FLOAT8OID, INTERVALOID, INTERVALOID, mul_d_interval),
	FN2("interval_div", INTERVALOID, FLOAT8OID, INTERVALOID, interval_div),
};
const int datetime_n_op_funcs = (int) (sizeof(datetime_op_funcs) / sizeof(datetime_op_funcs[0]));

#define OP(N_, l, r, res, FN_, neg, com) \
	{.name = N_, .left = l, .right = r, .result = res, .func_name = FN_, .negator = neg, .commutator = com}
#define CMP_OPS(pfx, T) \
	OP("=", T, T, BOOLOID, #pfx "_eq", "<>", "="), OP("<>", T, T, BOOLOID, #pfx "_ne", "=", "<>"), \
	OP("<", T, T, BOOLOID, #pfx "_lt", ">=", ">"), OP("<=", T, T, BOOLOID, #pfx "_le", ">", ">="), \
	OP(">", T, T, BOOLOID, #pfx "_gt", "<=", "<"), OP(">=", T, T, BOOLOID, #pfx "_ge", "<", "<=")

const OperDef datetime_opers[] = {
	CMP_OPS(date, DATEOID),
	CMP_OPS(time, TIMEOID),
	CMP_OPS(timestamp, TIMESTAMPOID),
	CMP_OPS(timestamptz, TIMESTAMPTZOID),
	CMP_OPS(interval, INTERVALOID),
	CMP_OPS(timetz, TIMETZOID),
	OP("+", DATEOID, INT4OID, DATEOID, "date_pli", NULL, "+"),
	OP("+", INT4OID, DATEOID, DATEOID, "integer_pl_date", NULL, "+"),
	OP("-", DATEOID, INT4OID, DATEOID, "date_mii", NULL, NULL),
	OP("-", DATEOID, DATEOID, INT4OID, "date_mi", NULL, NULL),
	OP("+", DATEOID, INTERVALOID, TIMESTAMPOID, "date_pl_interval", NULL, "+"),
	OP("+", INTERVALOID, DATEOID, TIMESTAMPOID, "interval_pl_date", NULL, "+"),
	OP("-", DATEOID, INTERVALOID, TIMESTAMPOID, "date_mi_interval", NULL, NULL),
	OP("+", DATEOID, TIMEOID, TIMESTAMPOID, "datetime_pl", NULL, "+"),
	OP("+", TIMEOID, DATEOID, TIMESTAMPOID, "timedate_pl", NULL, "+"),
	OP("+", TIMESTAMPOID, INTERVALOID, TIMESTAMPOID, "timestamp_pl_interval", NULL, "+"),
	OP("-", TIMESTAMPOID, INTERVALOID, TIMESTAMPOID, "timestamp_mi_interval", NULL, NULL),
	OP("+", INTERVALOID, TIMESTAMPOID, TIMESTAMPOID, "interval_pl_timestamp", NULL, "+"),
	OP("+", TIMESTAMPTZOID, INTERVALOID, TIMESTAMPTZOID, "timestamptz_pl_interval", NULL, "+"),
	OP("-", TIMESTAMPTZOID, INTERVALOID, TIMESTAMPTZOID, "timestamptz_mi_interval", NULL, NULL),
	OP("+", INTERVALOID, TIMESTAMPTZOID, TIMESTAMPTZOID, "interval_pl_timestamptz", NULL, "+"),
	OP("-", TIMESTAMPOID, TIMESTAMPOID, INTERVALOID, "timestamp_mi", NULL, NULL),
	OP("-", TIMESTAMPTZOID, TIMESTAMPTZOID, INTERVALOID, "timestamptz_mi", NULL, NULL),
	OP("-", TIMEOID, TIMEOID, INTERVALOID, "time_mi_time", NULL, NULL),
	OP("+", TIMEOID, INTERVALOID, TIMEOID, "time_pl_interval", NULL, "+"),
	OP("-", TIMEOID, INTERVALOID, TIMEOID, "time_mi_interval", NULL, NULL),
	OP("+", INTERVALOID, TIMEOID, TIMEOID, "interval_pl_time", NULL, "+"),
	OP("+", INTERVALOID, INTERVALOID, INTERVALOID, "interval_pl", NULL, "+"),
	OP("-", INTERVALOID, INTERVALOID, INTERVALOID, "interval_mi", NULL, NULL),
	OP("-", InvalidOid, INTERVALOID, INTERVALOID, "interval_um", NULL, NULL),
	OP("*", INTERVALOID, FLOAT8OID, INTERVALOID, "interval_mul", NULL, "*"),
	OP("*", FLOAT8OID, INTERVALOID, INTERVALOID, "mul_d_interval", NULL, "*"),
	OP("/", INTERVALOID, FLOAT8OID, INTERVALOID, "interval_div", NULL, NULL),
};
const int datetime_n_opers = (int) (sizeof(datetime_opers) / sizeof(datetime_opers[0]));
