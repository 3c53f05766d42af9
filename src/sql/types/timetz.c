/*
 * timetz.c — time with time zone: text and binary I/O, typmods, ordering,
 * hashing, keys and its casts (time <-> timetz, timestamptz -> timetz), so
 * that CURRENT_TIME works as in PostgreSQL.
 *
 * Design: a 12-byte Varlena {int64 µs since midnight, int32 zone in
 * seconds WEST of UTC}, PostgreSQL's TimeTzADT.  Values order by their UTC
 * equivalent, then by zone (equal only if both parts are).
 *
 * Invariants:
 *  1. time is within 0 .. 24:00:00; zone within +-15:59:59.
 */
#include <string.h>

#include "datetime_ops.h"

typedef struct TimeTz {
	int64_t		time;
	int32_t		zone;
} TimeTz;

static Datum
timetz_datum(Arena *a, const TimeTz *t)
{
	Varlena    *v = varlena_new(a, 12);

	memcpy(v->data, &t->time, 8);
	memcpy(v->data + 8, &t->zone, 4);
	return PointerGetDatum(v);
}

static void
timetz_get(Datum d, TimeTz *t)
{
	const Varlena *v = DatumGetVarlena(d);

	memcpy(&t->time, v->data, 8);
	memcpy(&t->zone, v->data + 8, 4);
}

static int
timetz_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	PgTm		tm;
	int32_t		fsec;
	int			tz;
	bool		have_tz;
	int			dtype;
	const char *bad_zone = NULL;
	int			dterr;
	TimeTz		r;

	dterr = datetime_decode(ctx, str, len, true, &tm, &fsec, &tz, &have_tz, &dtype, &bad_zone);
	if (dterr)
		return datetime_parse_error(ctx, dterr, str, len, "time with time zone", bad_zone);
	if (!have_tz)
	{
		/* the session's zone, on the given date or today */
		PgTm		t = tm;

		if (tm.year == 0 && tm.mon == 0)
		{
			PgTm		cur;
			int32_t		cfsec;
			int			ctz;

			datetime_now_tm(ctx, &cur, &cfsec, &ctz);
			t.year = cur.year;
			t.mon = cur.mon;
			t.mday = cur.mday;
		}
		tz = datetime_tz_offset(tz_session(ctx), &t);
	}
	r.time = time2t(tm.hour, tm.min, tm.sec, fsec);
	adjust_time_for_typmod(&r.time, typmod);
	r.zone = tz;
	*out = timetz_datum(ctx->arena, &r);
	return 0;
}

static int
timetz_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	TimeTz		t;
	PgTm		tm;
	int32_t		fsec;
	DateStyle	ds;

	(void) typmod;
	timetz_get(value, &t);
	memset(&tm, 0, sizeof(tm));
	dt2time(t.time, &tm.hour, &tm.min, &tm.sec, &fsec);
	datestyle_get(ctx, &ds);
	encode_time_only(&tm, fsec, true, t.zone, ds.style, out);
	return 0;
}

static int
timetz_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	TimeTz		t;
	uint32_t	z = 0;

	if (len != 12)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION, "incorrect binary data format");
		return -1;
	}
	if (dt_recv_int64(ctx, buf, 8, &t.time))
		return -1;
	for (int i = 0; i < 4; i++)
		z = (z << 8) | (unsigned char) buf[8 + i];
	t.zone = (int32_t) z;
	if (t.time < 0 || t.time > USECS_PER_DAY)
	{
		mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "time out of range");
		return -1;
	}
	if (t.zone <= -((MAX_TZDISP_HOUR + 1) * SECS_PER_HOUR) || t.zone >= (MAX_TZDISP_HOUR + 1) * SECS_PER_HOUR)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_TIME_ZONE_DISPLACEMENT_VALUE, "time zone displacement out of range");
		return -1;
	}
	adjust_time_for_typmod(&t.time, typmod);
	*out = timetz_datum(ctx->arena, &t);
	return 0;
}

static int
timetz_send(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	TimeTz		t;
	uint32_t	z;
	unsigned char b[4];

	(void) ctx;
	(void) typmod;
	timetz_get(value, &t);
	dt_send_int64(t.time, out);
	z = (uint32_t) t.zone;
	b[0] = (unsigned char) (z >> 24);
	b[1] = (unsigned char) (z >> 16);
	b[2] = (unsigned char) (z >> 8);
	b[3] = (unsigned char) z;
	strbuf_append(out, b, 4);
	return 0;
}

int
timetz_cmp_datums(Datum a, Datum b)
{
	TimeTz		x,
				y;
	int64_t		t1,
				t2;

	timetz_get(a, &x);
	timetz_get(b, &y);
	t1 = x.time + (int64_t) x.zone * USECS_PER_SEC;
	t2 = y.time + (int64_t) y.zone * USECS_PER_SEC;
	if (t1 != t2)
		return t1 > t2 ? 1 : -1;
	return (x.zone > y.zone) - (x.zone < y.zone);
}

static uint64_t
timetz_hash(Datum a)
{
	TimeTz		t;

	timetz_get(a, &t);
	return datetime_hash64((uint64_t) t.time ^ datetime_hash64((uint64_t) (uint32_t) t.zone));
}

static void
timetz_key(Datum value, StrBuf *out)
{
	TimeTz		t;

	timetz_get(value, &t);
	key_encode_int64(t.time + (int64_t) t.zone * USECS_PER_SEC, out);
	key_encode_int32(t.zone, out);
}

static int
timetz_modapply(EvalCtx *ctx, Datum value, int32_t typmod, bool explicit_cast, Datum *out)
{
	TimeTz		t;

	(void) explicit_cast;
	timetz_get(value, &t);
	adjust_time_for_typmod(&t.time, typmod);
	*out = timetz_datum(ctx->arena, &t);
	return 0;
}

static int
timetz_modin(EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod)
{
	return typmod_precision_check(ctx, mods, nmods, "TIME", " WITH TIME ZONE", typmod);
}

const MgType timetz_type = {
	.oid = TIMETZOID, .name = "timetz", .sql_name = "time with time zone", .typlen = -1,
	.byval = false, .category = 'D', .preferred = false, .align = 'd', .elem = InvalidOid,
	.array = TIMETZARRAYOID, .input = timetz_in, .output = timetz_out, .recv = timetz_recv,
	.send = timetz_send, .cmp = timetz_cmp_datums, .hash = timetz_hash, .key_encode = timetz_key,
	.modapply = timetz_modapply, .modin = timetz_modin, .modout = dt_precision_modout,
};

/* ---------------------------------------------------------------- casts */

static int
cast_time_timetz(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	PgTm		tm;
	int32_t		fsec;
	int			tz;
	TimeTz		t;

	(void) explicit_cast;
	datetime_now_tm(ctx, &tm, &fsec, &tz);
	t.time = DatumGetInt64(v);
	dt2time(t.time, &tm.hour, &tm.min, &tm.sec, &fsec);
	t.zone = datetime_tz_offset(tz_session(ctx), &tm);
	adjust_time_for_typmod(&t.time, typmod);
	*out = timetz_datum(ctx->arena, &t);
	return 0;
}

static int
cast_timetz_time(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	TimeTz		t;

	(void) ctx;
	(void) explicit_cast;
	timetz_get(v, &t);
	adjust_time_for_typmod(&t.time, typmod);
	*out = Int64GetDatum(t.time);
	return 0;
}

static int
cast_timestamptz_timetz(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	PgTm		tm;
	int32_t		fsec;
	TimeTz		t;
	TimestampTz ts = DatumGetInt64(v);

	(void) explicit_cast;
	if (TIMESTAMP_NOT_FINITE(ts) || timestamp2tm(ts, tz_session(ctx), &tm, &fsec) != 0)
		return dt_error(ctx, "timestamp out of range");
	t.time = time2t(tm.hour, tm.min, tm.sec, fsec);
	t.zone = (int32_t) -tm.gmtoff;
	adjust_time_for_typmod(&t.time, typmod);
	*out = timetz_datum(ctx->arena, &t);
	return 0;
}

const CastDef timetz_casts[] = {
	{TIMEOID, TIMETZOID, CAST_IMPLICIT, cast_time_timetz},
	{TIMETZOID, TIMEOID, CAST_ASSIGNMENT, cast_timetz_time},
	{TIMESTAMPTZOID, TIMETZOID, CAST_ASSIGNMENT, cast_timestamptz_timetz},
};
const int timetz_ncasts = (int) (sizeof(timetz_casts) / sizeof(timetz_casts[0]));
