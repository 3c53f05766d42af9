/*
 * timestamp.c — timestamp and timestamptz: text and binary I/O, typmods,
 * comparison, hashing and key encoding.
 *
 * Design: both are int64 µs since 2000-01-01 00:00; timestamptz is UTC and
 * is shown in the session's TimeZone (ctx->gucs) with that zone's offset
 * and abbreviation, as PostgreSQL does.  A zone in timestamp (without time
 * zone) input is accepted and ignored, as in PostgreSQL.
 *
 * Invariants:
 *  1. A stored value is in [MIN_TIMESTAMP, END_TIMESTAMP) or an infinity.
 */
#include <string.h>

#include "datetime_types.h"

static int
ts_in_common(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, bool with_tz, Datum *out)
{
	const char *tname = with_tz ? "timestamp with time zone" : "timestamp";
	PgTm		tm;
	int32_t		fsec;
	int			tz;
	bool		have_tz;
	int			dtype;
	const char *bad_zone = NULL;
	int			dterr;
	Timestamp	result;

	dterr = datetime_decode(ctx, str, len, false, &tm, &fsec, &tz, &have_tz, &dtype, &bad_zone);
	if (dterr)
		return datetime_parse_error(ctx, dterr, str, len, tname, bad_zone);
	switch (dtype)
	{
		case DTK_DATE:
			if (tm2timestamp(&tm, fsec, with_tz ? &tz : NULL, &result) != 0)
			{
				mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE,
						 "timestamp out of range: \"%.*s\"", (int) len, str);
				return -1;
			}
			break;
		case DTK_EPOCH:
			result = -(int64_t) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * USECS_PER_DAY;
			break;
		case DTK_LATE:
			result = DT_NOEND;
			break;
		case DTK_EARLY:
			result = DT_NOBEGIN;
			break;
		default:
			return datetime_parse_error(ctx, DTERR_BAD_FORMAT, str, len, tname, NULL);
	}
	if (adjust_timestamp_for_typmod(&result, typmod) != 0)
	{
		mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "timestamp out of range");
		return -1;
	}
	*out = Int64GetDatum(result);
	return 0;
}

int
timestamp_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	return ts_in_common(ctx, str, len, typmod, false, out);
}

int
timestamptz_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	return ts_in_common(ctx, str, len, typmod, true, out);
}

int
timestamp_encode(EvalCtx *ctx, Timestamp ts, bool with_tz, StrBuf *out)
{
	PgTm		tm;
	int32_t		fsec;
	DateStyle	ds;

	if (ts == DT_NOBEGIN)
	{
		strbuf_puts(out, "-infinity");
		return 0;
	}
	if (ts == DT_NOEND)
	{
		strbuf_puts(out, "infinity");
		return 0;
	}
	if (timestamp2tm(ts, with_tz ? tz_session(ctx) : NULL, &tm, &fsec) != 0)
	{
		mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "timestamp out of range");
		return -1;
	}
	datestyle_get(ctx, &ds);
	encode_date_time(&tm, fsec, with_tz, (int) -tm.gmtoff, with_tz ? tm.zone : NULL,
					 ds.style, ds.order, out);
	return 0;
}

int
timestamp_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	(void) typmod;
	return timestamp_encode(ctx, DatumGetInt64(value), false, out);
}

int
timestamptz_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	(void) typmod;
	return timestamp_encode(ctx, DatumGetInt64(value), true, out);
}

static int
timestamp_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	int64_t		ts;

	if (dt_recv_int64(ctx, buf, len, &ts))
		return -1;
	if (!TIMESTAMP_NOT_FINITE(ts) && !IS_VALID_TIMESTAMP(ts))
	{
		mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "timestamp out of range");
		return -1;
	}
	if (adjust_timestamp_for_typmod(&ts, typmod) != 0)
	{
		mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "timestamp out of range");
		return -1;
	}
	*out = Int64GetDatum(ts);
	return 0;
}

static int
timestamp_send(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	dt_send_int64(DatumGetInt64(value), out);
	return 0;
}

static int
timestamp_modapply(EvalCtx *ctx, Datum value, int32_t typmod, bool explicit_cast, Datum *out)
{
	Timestamp	ts = DatumGetInt64(value);

	(void) explicit_cast;
	if (adjust_timestamp_for_typmod(&ts, typmod) != 0)
	{
		mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "timestamp out of range");
		return -1;
	}
	*out = Int64GetDatum(ts);
	return 0;
}

static int
timestamp_modin(EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod)
{
	return typmod_precision_check(ctx, mods, nmods, "TIMESTAMP", "", typmod);
}

static int
timestamptz_modin(EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod)
{
	return typmod_precision_check(ctx, mods, nmods, "TIMESTAMP", " WITH TIME ZONE", typmod);
}

const MgType timestamp_type = {
	.oid = TIMESTAMPOID, .name = "timestamp", .sql_name = "timestamp without time zone",
	.typlen = 8, .byval = true, .category = 'D', .preferred = false, .align = 'd',
	.elem = InvalidOid, .array = TIMESTAMPARRAYOID,
	.input = timestamp_in, .output = timestamp_out, .recv = timestamp_recv,
	.send = timestamp_send, .cmp = dt_cmp_int64, .hash = dt_hash_int64,
	.key_encode = dt_key_int64, .modapply = timestamp_modapply, .modin = timestamp_modin,
	.modout = dt_precision_modout,
};

const MgType timestamptz_type = {
	.oid = TIMESTAMPTZOID, .name = "timestamptz", .sql_name = "timestamp with time zone",
	.typlen = 8, .byval = true, .category = 'D', .preferred = true, .align = 'd',
	.elem = InvalidOid, .array = TIMESTAMPTZARRAYOID,
	.input = timestamptz_in, .output = timestamptz_out, .recv = timestamp_recv,
	.send = timestamp_send, .cmp = dt_cmp_int64, .hash = dt_hash_int64,
	.key_encode = dt_key_int64, .modapply = timestamp_modapply, .modin = timestamptz_modin,
	.modout = dt_precision_modout,
};
