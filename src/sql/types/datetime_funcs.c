/*
 * datetime_funcs.c — the date/time SQL functions (now() and friends, age,
 * make_*, to_timestamp(float8), justify_*, isfinite, timezone()/AT TIME
 * ZONE, date_bin, OVERLAPS, generate_series, sum/avg(interval)) and the
 * registration of every date/time function and operator (extract and
 * date_trunc live in datetime_extract.c, to_char in datetime_fmt.c).
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
	const TzZone *z = fc->nargs > 6 ? dt_zone_arg(fc->ctx, fc->args[6]) : tz_session(fc->ctx);

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
	func_register(datetime_extract_funcs, datetime_n_extract_funcs);
	oper_register(datetime_opers, datetime_n_opers);
	agg_register(interval_aggs, (int) (sizeof(interval_aggs) / sizeof(interval_aggs[0])));
}
