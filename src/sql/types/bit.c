/*
 * bit.c — the bit string types bit(n) (OID 1560) and bit varying(n) (1562):
 * text and binary I/O, comparison, hashing, index keys, typmods and the
 * casts bit <-> varbit and bit <-> int4/int8, as PostgreSQL 15's varbit.c.
 *
 * Design notes:
 *  - Layout in bits.h: int32 bit length, then the bits packed high bit
 *    first with a zeroed pad, so memcmp of the bytes plus the length gives
 *    PostgreSQL's bit_cmp order.
 *  - Text input: an optional 'b'/'B' (binary digits) or 'x'/'X' (hex, four
 *    bits a digit) prefix, as bit_in; output is always binary digits.  The
 *    analyzer feeds B'...' and X'...' literals through the same input, with
 *    the prefix the grammar keeps ("b1010", "x1F").
 *  - Typmod is the length in bits (no header offset): bit(n) must have
 *    exactly n bits (an explicit cast pads with zeros or truncates, an
 *    assignment fails with 22026); varbit(n) at most n (an explicit cast
 *    truncates, an assignment fails with 22001).  bit without a typmod
 *    accepts any length (the grammar turns a bare BIT into bit(1)).
 *  - Binary format: int32 bit length (big-endian) and the packed bytes,
 *    as bit_send/bit_recv.
 *  - Index key: the bytes as an escaped byte string (types_key_bytes, whose
 *    terminator sorts a byte prefix first) followed by the big-endian bit
 *    length: the same order as bits_cmp.
 *
 * Invariants:
 *  1. Every value this file produces has zero pad bits (recv clears them).
 *  2. bit and varbit are binary coercible both ways; only the typmod
 *     application differs.
 */
#include <string.h>

#include <memgres/sqlstate.h>
#include <memgres/types.h>

#include "bits.h"
#include "registry.h"
#include "typesint.h"

int
bits_cmp(Datum a, Datum b)
{
	size_t		na = bits_nbytes(a),
				nb = bits_nbytes(b);
	int			c = memcmp(bits_data(a), bits_data(b), na < nb ? na : nb);
	int32_t		la,
				lb;

	if (c != 0)
		return c < 0 ? -1 : 1;
	la = bits_len(a);
	lb = bits_len(b);
	return (la > lb) - (la < lb);
}

/* ---- text I/O ---- */

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reports 22P02 for the (possibly multibyte) character at s. */
static int
bad_digit(EvalCtx *ctx, const char *s, const char *end, bool hex)
{
	size_t		n = types_utf8_prefix(s, (size_t) (end - s), 1);

	if (n == 0)
		n = 1;
	mg_error(ctx->err, SQLSTATE_INVALID_TEXT_REPRESENTATION, "\"%.*s\" is not a valid %s digit",
			 (int) n, s, hex ? "hexadecimal" : "binary");
	return -1;
}

/*
 * Parses str as bit_in/varbit_in.  varying: typmod is a maximum (22001)
 * rather than the exact length (22026).
 */
static int
bits_in_common(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, bool varying, Datum *out)
{
	const char *sp = str;
	const char *end = str + len;
	bool		hex = false;
	size_t		slen;
	int32_t		bitlen;
	unsigned char *data;

	if (len > 0 && (str[0] == 'b' || str[0] == 'B'))
		sp++;
	else if (len > 0 && (str[0] == 'x' || str[0] == 'X'))
	{
		hex = true;
		sp++;
	}
	slen = (size_t) (end - sp);
	if (slen > (size_t) BITS_MAXLEN / 4)
	{
		mg_error(ctx->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				 "bit string length exceeds the maximum allowed (%d)", BITS_MAXLEN);
		return -1;
	}
	bitlen = (int32_t) (hex ? slen * 4 : slen);
	if (typmod > 0 && !varying && bitlen != typmod)
	{
		mg_error(ctx->err, SQLSTATE_STRING_DATA_LENGTH_MISMATCH,
				 "bit string length %d does not match type bit(%d)", bitlen, typmod);
		return -1;
	}
	if (typmod > 0 && varying && bitlen > typmod)
	{
		mg_error(ctx->err, SQLSTATE_STRING_DATA_RIGHT_TRUNCATION,
				 "bit string too long for type bit varying(%d)", typmod);
		return -1;
	}
	*out = bits_new(ctx->arena, bitlen, &data);
	for (size_t i = 0; sp < end; sp++, i++)
	{
		if (hex)
		{
			int			d = hex_digit(*sp);

			if (d < 0)
				return bad_digit(ctx, sp, end, true);
			data[i / 2] |= (unsigned char) (i % 2 == 0 ? d << 4 : d);
		}
		else if (*sp == '1')
			bits_set(data, (int64_t) i, 1);
		else if (*sp != '0')
			return bad_digit(ctx, sp, end, false);
	}
	return 0;
}

static int
bit_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	return bits_in_common(ctx, str, len, typmod, false, out);
}

static int
varbit_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	return bits_in_common(ctx, str, len, typmod, true, out);
}

static int
bit_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	int32_t		n = bits_len(value);
	const unsigned char *data = bits_data(value);

	(void) ctx;
	(void) typmod;
	strbuf_reserve(out, (size_t) n + 1);
	for (int32_t i = 0; i < n; i++)
		strbuf_putc(out, bits_get(data, i) ? '1' : '0');
	return 0;
}

/* ---- binary I/O ---- */

static int
bits_recv_common(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, bool varying, Datum *out)
{
	int32_t		bitlen;
	size_t		nbytes;
	unsigned char *data;

	if (len < 4)
		return types_binary_error(ctx, len, 4);
	bitlen = (int32_t) get_be32(buf);
	if (bitlen < 0 || bitlen > BITS_MAXLEN)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION, "invalid length in external bit string");
		return -1;
	}
	if (typmod > 0 && !varying && bitlen != typmod)
	{
		mg_error(ctx->err, SQLSTATE_STRING_DATA_LENGTH_MISMATCH,
				 "bit string length %d does not match type bit(%d)", bitlen, typmod);
		return -1;
	}
	if (typmod > 0 && varying && bitlen > typmod)
	{
		mg_error(ctx->err, SQLSTATE_STRING_DATA_RIGHT_TRUNCATION,
				 "bit string too long for type bit varying(%d)", typmod);
		return -1;
	}
	nbytes = bits_bytes_for(bitlen);
	if (len - 4 != nbytes)
		return types_binary_error(ctx, len, 4 + nbytes);
	*out = bits_new(ctx->arena, bitlen, &data);
	memcpy(data, buf + 4, nbytes);
	bits_clear_pad(data, bitlen);
	return 0;
}

static int
bit_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	return bits_recv_common(ctx, buf, len, typmod, false, out);
}

static int
varbit_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	return bits_recv_common(ctx, buf, len, typmod, true, out);
}

static int
bit_send(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	put_be32(out, (uint32_t) bits_len(value));
	strbuf_append(out, bits_data(value), bits_nbytes(value));
	return 0;
}

/* ---- comparison, hashing, index keys ---- */

static uint64_t
bit_hash(Datum a)
{
	return types_hash_bytes(DatumGetVarlena(a)->data, DatumGetVarlena(a)->len);
}

static void
bit_key(Datum value, StrBuf *out)
{
	types_key_bytes((const char *) bits_data(value), bits_nbytes(value), out);
	put_be32(out, (uint32_t) bits_len(value));
}

/* ---- typmods ---- */

/* A copy of value cut or zero-padded to n bits. */
static Datum
bits_resize(Arena *a, Datum value, int32_t n)
{
	unsigned char *data;
	Datum		r = bits_new(a, n, &data);
	size_t		have = bits_nbytes(value);
	size_t		want = bits_bytes_for(n);

	memcpy(data, bits_data(value), have < want ? have : want);
	bits_clear_pad(data, n);
	return r;
}

static int
bit_modapply(EvalCtx *ctx, Datum value, int32_t typmod, bool explicit_cast, Datum *out)
{
	int32_t		n = bits_len(value);

	if (typmod <= 0 || typmod == n)
	{
		*out = value;
		return 0;
	}
	if (!explicit_cast)
	{
		mg_error(ctx->err, SQLSTATE_STRING_DATA_LENGTH_MISMATCH,
				 "bit string length %d does not match type bit(%d)", n, typmod);
		return -1;
	}
	*out = bits_resize(ctx->arena, value, typmod);
	return 0;
}

static int
varbit_modapply(EvalCtx *ctx, Datum value, int32_t typmod, bool explicit_cast, Datum *out)
{
	if (typmod <= 0 || typmod >= bits_len(value))
	{
		*out = value;
		return 0;
	}
	if (!explicit_cast)
	{
		mg_error(ctx->err, SQLSTATE_STRING_DATA_RIGHT_TRUNCATION,
				 "bit string too long for type bit varying(%d)", typmod);
		return -1;
	}
	*out = bits_resize(ctx->arena, value, typmod);
	return 0;
}

static int
bits_modin(EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod, const char *tname)
{
	if (nmods != 1)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid type modifier");
		return -1;
	}
	if (mods[0] < 1)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "length for type %s must be at least 1", tname);
		return -1;
	}
	if (mods[0] > BITS_MAX_TYPMOD)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "length for type %s cannot exceed %d",
				 tname, BITS_MAX_TYPMOD);
		return -1;
	}
	*typmod = mods[0];
	return 0;
}

static int
bit_modin(EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod)
{
	return bits_modin(ctx, mods, nmods, typmod, "bit");
}

static int
varbit_modin(EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod)
{
	return bits_modin(ctx, mods, nmods, typmod, "varbit");
}

static void
bits_modout(int32_t typmod, StrBuf *out)
{
	if (typmod >= 0)
		strbuf_printf(out, "(%d)", typmod);
}

/* ---- casts ---- */

/*
 * bitfromint4/bitfromint8: the low n bits of the value's two's complement,
 * sign-extended when n exceeds its width; n is the typmod, 1 without one.
 */
static int
bits_from_int(EvalCtx *ctx, int64_t v, int width, int32_t typmod, Datum *out)
{
	int32_t		n = typmod > 0 ? typmod : 1;
	unsigned char *data;

	*out = bits_new(ctx->arena, n, &data);
	for (int32_t i = 0; i < n; i++)
	{
		int64_t		pos = (int64_t) n - 1 - i;
		int			bit = pos >= width ? v < 0 : (int) (((uint64_t) v >> pos) & 1);

		if (bit)
			bits_set(data, i, 1);
	}
	return 0;
}

static int
cast_int4_bit(EvalCtx *ctx, Datum value, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) explicit_cast;
	return bits_from_int(ctx, DatumGetInt32(value), 32, typmod, out);
}

static int
cast_int8_bit(EvalCtx *ctx, Datum value, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) explicit_cast;
	return bits_from_int(ctx, DatumGetInt64(value), 64, typmod, out);
}

/* The bits as an unsigned number (bittoint4/bittoint8); 22003 past width bits. */
static int
bits_to_uint(EvalCtx *ctx, Datum value, int width, uint64_t *res)
{
	int32_t		n = bits_len(value);
	const unsigned char *data = bits_data(value);
	uint64_t	r = 0;

	if (n > width)
	{
		mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range",
				 width == 32 ? "integer" : "bigint");
		return -1;
	}
	for (int32_t i = 0; i < n; i++)
		r = (r << 1) | (uint64_t) bits_get(data, i);
	*res = r;
	return 0;
}

static int
cast_bit_int4(EvalCtx *ctx, Datum value, int32_t typmod, bool explicit_cast, Datum *out)
{
	uint64_t	r;

	(void) typmod;
	(void) explicit_cast;
	if (bits_to_uint(ctx, value, 32, &r) < 0)
		return -1;
	*out = Int32GetDatum((int32_t) (uint32_t) r);
	return 0;
}

static int
cast_bit_int8(EvalCtx *ctx, Datum value, int32_t typmod, bool explicit_cast, Datum *out)
{
	uint64_t	r;

	(void) typmod;
	(void) explicit_cast;
	if (bits_to_uint(ctx, value, 64, &r) < 0)
		return -1;
	*out = Int64GetDatum((int64_t) r);
	return 0;
}

static const CastDef bit_casts[] = {
	{BITOID, VARBITOID, CAST_IMPLICIT, NULL},
	{VARBITOID, BITOID, CAST_IMPLICIT, NULL},
	{INT4OID, BITOID, CAST_EXPLICIT, cast_int4_bit},
	{INT8OID, BITOID, CAST_EXPLICIT, cast_int8_bit},
	{BITOID, INT4OID, CAST_EXPLICIT, cast_bit_int4},
	{BITOID, INT8OID, CAST_EXPLICIT, cast_bit_int8},
};

/* ---- registration ---- */

static const MgType bit_type = {
	.oid = BITOID, .name = "bit", .sql_name = "bit", .typlen = -1,
	.category = 'V', .align = 'i', .array = BITARRAYOID,
	.input = bit_in, .output = bit_out, .recv = bit_recv, .send = bit_send,
	.cmp = bits_cmp, .hash = bit_hash, .key_encode = bit_key,
	.modapply = bit_modapply, .modin = bit_modin, .modout = bits_modout,
};

static const MgType varbit_type = {
	.oid = VARBITOID, .name = "varbit", .sql_name = "bit varying", .typlen = -1,
	.category = 'V', .preferred = true, .align = 'i', .array = VARBITARRAYOID,
	.input = varbit_in, .output = bit_out, .recv = varbit_recv, .send = bit_send,
	.cmp = bits_cmp, .hash = bit_hash, .key_encode = bit_key,
	.modapply = varbit_modapply, .modin = varbit_modin, .modout = bits_modout,
};

void
register_bit_types(void)
{
	type_register(&bit_type);
	type_register(&varbit_type);
	cast_register(bit_casts, (int) (sizeof(bit_casts) / sizeof(bit_casts[0])));
}
