/*
 * date.c — the date and time (without time zone) types: text and binary
 * I/O, comparison, hashing, key encoding and typmods.
 *
 * Design: both are by-value Datums (date: int32 days since 2000-01-01,
 * time: int64 µs since midnight).  Text input goes through the shared
 * decoder in datetime_parse.c; output through datetime.c's encoders, with
 * the session's DateStyle.
 *
 * Invariants:
 *  1. A stored date is a valid Julian date or one of the two infinities.
 *  2. A stored time is in 0 .. 24:00:00 inclusive.
 */
#include <string.h>

#include "datetime_int.h"
#include "datetime_types.h"

/* ---------------------------------------------------------------- date */

int
date_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	PgTm		tm;
	int32_t		fsec;
	int			tz;
	bool		have_tz;
	int			dtype;
	const char *bad_zone = NULL;
	int			dterr;
	int64_t		date;

	(void) typmod;
	dterr = datetime_decode(ctx, str, len, false, &tm, &fsec, &tz, &have_tz, &dtype, &bad_zone);
	if (dterr)
		return datetime_parse_error(ctx, dterr, str, len, "date", bad_zone);
	switch (dtype)
	{
		case DTK_DATE:
			break;
		case DTK_EPOCH:
			tm.year = 1970;
			tm.mon = 1;
			tm.mday = 1;
			break;
		case DTK_LATE:
			*out = Int32GetDatum(DATEVAL_NOEND);
			return 0;
		case DTK_EARLY:
			*out = Int32GetDatum(DATEVAL_NOBEGIN);
			return 0;
		default:
			return datetime_parse_error(ctx, DTERR_BAD_FORMAT, str, len, "date", NULL);
	}
	if (!IS_VALID_JULIAN(tm.year, tm.mon, tm.mday))
		goto range;
	date = (int64_t) date2j(tm.year, tm.mon, tm.mday) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(date))
		goto range;
	*out = Int32GetDatum((int32_t) date);
	return 0;

range:
	mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE,
			 "date out of range: \"%.*s\"", (int) len, str);
	return -1;
}

/* Appends a date in the session's DateStyle. */
void
date_encode(EvalCtx *ctx, DateADT d, StrBuf *out)
{
	PgTm		tm;
	DateStyle	ds;

	if (d == DATEVAL_NOBEGIN)
	{
		strbuf_puts(out, "-infinity");
		return;
	}
	if (d == DATEVAL_NOEND)
	{
		strbuf_puts(out, "infinity");
		return;
	}
	memset(&tm, 0, sizeof(tm));
	j2date(d + POSTGRES_EPOCH_JDATE, &tm.year, &tm.mon, &tm.mday);
	datestyle_get(ctx, &ds);
	encode_date_only(&tm, ds.style, ds.order, out);
}

int
date_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	(void) typmod;
	date_encode(ctx, DatumGetInt32(value), out);
	return 0;
}

static int
date_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	int32_t		d;

	(void) typmod;
	if (len != 4)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "incorrect binary data format");
		return -1;
	}
	d = (int32_t) (((uint32_t) (unsigned char) buf[0] << 24) |
				   ((uint32_t) (unsigned char) buf[1] << 16) |
				   ((uint32_t) (unsigned char) buf[2] << 8) |
				   (uint32_t) (unsigned char) buf[3]);
	if (!DATE_NOT_FINITE(d) && !IS_VALID_DATE(d))
	{
		mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "date out of range");
		return -1;
	}
	*out = Int32GetDatum(d);
	return 0;
}

static int
date_send(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	uint32_t	u = (uint32_t) DatumGetInt32(value);
	unsigned char b[4] = {(unsigned char) (u >> 24), (unsigned char) (u >> 16),
	(unsigned char) (u >> 8), (unsigned char) u};

	(void) ctx;
	(void) typmod;
	strbuf_append(out, b, 4);
	return 0;
}

static int
date_cmp(Datum a, Datum b)
{
	int32_t		x = DatumGetInt32(a);
	int32_t		y = DatumGetInt32(b);

	return (x > y) - (x < y);
}

static uint64_t
date_hash(Datum a)
{
	return datetime_hash64((uint64_t) (uint32_t) DatumGetInt32(a));
}

static void
date_key(Datum value, StrBuf *out)
{
	key_encode_int32(DatumGetInt32(value), out);
}

/* ---------------------------------------------------------------- 64-bit helpers */

int
dt_recv_int64(EvalCtx *ctx, const char *buf, size_t len, int64_t *v)
{
	uint64_t	u = 0;

	if (len != 8)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "incorrect binary data format");
		return -1;
	}
	for (int i = 0; i < 8; i++)
		u = (u << 8) | (unsigned char) buf[i];
	*v = (int64_t) u;
	return 0;
}

void
dt_send_int64(int64_t v, StrBuf *out)
{
	unsigned char b[8];
	uint64_t	u = (uint64_t) v;

	for (int i = 7; i >= 0; i--)
	{
		b[i] = (unsigned char) (u & 0xff);
		u >>= 8;
	}
	strbuf_append(out, b, 8);
}

int
dt_cmp_int64(Datum a, Datum b)
{
	int64_t		x = DatumGetInt64(a);
	int64_t		y = DatumGetInt64(b);

	return (x > y) - (x < y);
}

uint64_t
dt_hash_int64(Datum a)
{
	return datetime_hash64((uint64_t) DatumGetInt64(a));
}

void
dt_key_int64(Datum value, StrBuf *out)
{
	key_encode_int64(DatumGetInt64(value), out);
}

/* ---------------------------------------------------------------- time */

int
time_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	PgTm		tm;
	int32_t		fsec;
	int			tz;
	bool		have_tz;
	int			dtype;
	const char *bad_zone = NULL;
	int			dterr;
	TimeADT		t;

	dterr = datetime_decode(ctx, str, len, true, &tm, &fsec, &tz, &have_tz, &dtype, &bad_zone);
	if (dterr)
		return datetime_parse_error(ctx, dterr, str, len, "time", bad_zone);
	t = time2t(tm.hour, tm.min, tm.sec, fsec);
	adjust_time_for_typmod(&t, typmod);
	*out = Int64GetDatum(t);
	return 0;
}

void
time_encode(TimeADT t, StrBuf *out)
{
	PgTm		tm;
	int32_t		fsec;

	memset(&tm, 0, sizeof(tm));
	dt2time(t, &tm.hour, &tm.min, &tm.sec, &fsec);
	encode_time_only(&tm, fsec, false, 0, USE_ISO_DATES, out);
}

int
time_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	time_encode(DatumGetInt64(value), out);
	return 0;
}

static int
time_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	int64_t		t;

	if (dt_recv_int64(ctx, buf, len, &t))
		return -1;
	if (t < 0 || t > USECS_PER_DAY)
	{
		mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "time out of range");
		return -1;
	}
	adjust_time_for_typmod(&t, typmod);
	*out = Int64GetDatum(t);
	return 0;
}

static int
time_send(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	dt_send_int64(DatumGetInt64(value), out);
	return 0;
}

static int
time_modapply(EvalCtx *ctx, Datum value, int32_t typmod, bool explicit_cast, Datum *out)
{
	TimeADT		t = DatumGetInt64(value);

	(void) ctx;
	(void) explicit_cast;
	adjust_time_for_typmod(&t, typmod);
	*out = Int64GetDatum(t);
	return 0;
}

static int
time_modin(EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod)
{
	return typmod_precision_check(ctx, mods, nmods, "TIME", "", typmod);
}

void
dt_precision_modout(int32_t typmod, StrBuf *out)
{
	if (typmod >= 0)
		strbuf_printf(out, "(%d)", typmod);
}

const MgType date_type = {
	.oid = DATEOID, .name = "date", .sql_name = "date", .typlen = 4, .byval = true,
	.category = 'D', .preferred = false, .align = 'i', .elem = InvalidOid, .array = DATEARRAYOID,
	.input = date_in, .output = date_out, .recv = date_recv, .send = date_send,
	.cmp = date_cmp, .hash = date_hash, .key_encode = date_key,
};

const MgType time_type = {
	.oid = TIMEOID, .name = "time", .sql_name = "time without time zone", .typlen = 8,
	.byval = true, .category = 'D', .preferred = false, .align = 'd', .elem = InvalidOid,
	.array = TIMEARRAYOID, .input = time_in, .output = time_out, .recv = time_recv,
	.send = time_send, .cmp = dt_cmp_int64, .hash = dt_hash_int64, .key_encode = dt_key_int64,
	.modapply = time_modapply, .modin = time_modin, .modout = dt_precision_modout,
};
