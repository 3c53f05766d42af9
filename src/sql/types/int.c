/*
 * int.c — bool, int2, int4, int8, oid and "char": text input/output exactly
 * as PostgreSQL 15's boolin/boolout, pg_strtoint16/32/64, oidin and charin,
 * their binary send/recv, comparison, hashing and key encodings.
 *
 * Design notes: all of these are pass-by-value.  Integer key encodings are
 * big-endian with the sign bit flipped, so memcmp order is numeric order.
 * Hashes of int2/int4/int8 agree for equal values, so cross-type hash joins
 * can hash the widened value.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <memgres/types.h>

#include "typesint.h"

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* ---- bool ---- */

/* PostgreSQL's parse_bool_with_len: prefixes of true/false/yes/no, on/off, 1/0. */
static bool
parse_bool(const char *s, size_t len, bool *result)
{
	if (len == 0)
		return false;
	switch (s[0])
	{
		case 't':
		case 'T':
			if (strncasecmp(s, "true", len) == 0 && len <= 4)
				return *result = true, true;
			break;
		case 'f':
		case 'F':
			if (strncasecmp(s, "false", len) == 0 && len <= 5)
				return *result = false, true;
			break;
		case 'y':
		case 'Y':
			if (strncasecmp(s, "yes", len) == 0 && len <= 3)
				return *result = true, true;
			break;
		case 'n':
		case 'N':
			if (strncasecmp(s, "no", len) == 0 && len <= 2)
				return *result = false, true;
			break;
		case 'o':
		case 'O':
			/* "o" alone is ambiguous */
			if (strncasecmp(s, "on", len) == 0 && len >= 2 && len <= 2)
				return *result = true, true;
			if (strncasecmp(s, "off", len) == 0 && len >= 2 && len <= 3)
				return *result = false, true;
			break;
		case '1':
			if (len == 1)
				return *result = true, true;
			break;
		case '0':
			if (len == 1)
				return *result = false, true;
			break;
		default:
			break;
	}
	return false;
}

static int
bool_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	const char *s = str;
	size_t		n = len;
	bool		b;

	(void) typmod;
	while (n > 0 && is_space(*s))
		s++, n--;
	while (n > 0 && is_space(s[n - 1]))
		n--;
	if (!parse_bool(s, n, &b))
		return types_syntax_error(ctx, "boolean", str, len);
	*out = BoolGetDatum(b);
	return 0;
}

static int
bool_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	strbuf_putc(out, DatumGetBool(v) ? 't' : 'f');
	return 0;
}

static int
bool_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (len != 1)
		return types_binary_error(ctx, len, 1);
	*out = BoolGetDatum(buf[0] != 0);
	return 0;
}

static int
bool_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	strbuf_putc(out, DatumGetBool(v) ? 1 : 0);
	return 0;
}

static int
bool_cmp(Datum a, Datum b)
{
	return (int) DatumGetBool(a) - (int) DatumGetBool(b);
}

static uint64_t
bool_hash(Datum a)
{
	unsigned char b = DatumGetBool(a);

	return types_hash_bytes(&b, 1);
}

static void
bool_key(Datum v, StrBuf *out)
{
	strbuf_putc(out, DatumGetBool(v) ? 1 : 0);
}

/* ---- integers ---- */

/*
 * PostgreSQL's pg_strtoint*: optional surrounding whitespace, optional sign,
 * at least one decimal digit.  Accumulates negatively so INT_MIN parses.
 */
static int
parse_int(EvalCtx *ctx, const char *str, size_t len, int64_t min, int64_t max,
		  const char *tname, int64_t *result)
{
	size_t		i = 0;
	bool		neg = false;
	int64_t		acc = 0;
	bool		overflow = false;
	size_t		ndigits = 0;

	while (i < len && is_space(str[i]))
		i++;
	if (i < len && (str[i] == '-' || str[i] == '+'))
		neg = str[i++] == '-';
	while (i < len && str[i] >= '0' && str[i] <= '9')
	{
		int			d = str[i++] - '0';

		ndigits++;
		if (!overflow)
		{
			if (acc < (min + d) / 10)
				overflow = true;
			else
				acc = acc * 10 - d;
			if (acc < min)
				overflow = true;
		}
	}
	while (i < len && is_space(str[i]))
		i++;
	if (ndigits == 0 || i != len)
		return types_syntax_error(ctx, tname, str, len);
	if (!overflow && !neg)
	{
		if (acc < -max)
			overflow = true;
		else
			acc = -acc;
	}
	if (overflow)
		return types_range_error(ctx, tname, str, len);
	*result = acc;
	return 0;
}

static int
int2_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	int64_t		v;

	(void) typmod;
	if (parse_int(ctx, str, len, INT16_MIN, INT16_MAX, "smallint", &v) < 0)
		return -1;
	*out = Int16GetDatum((int16_t) v);
	return 0;
}

static int
int4_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	int64_t		v;

	(void) typmod;
	if (parse_int(ctx, str, len, INT32_MIN, INT32_MAX, "integer", &v) < 0)
		return -1;
	*out = Int32GetDatum((int32_t) v);
	return 0;
}

static int
int8_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	int64_t		v;

	(void) typmod;
	if (parse_int(ctx, str, len, INT64_MIN, INT64_MAX, "bigint", &v) < 0)
		return -1;
	*out = Int64GetDatum(v);
	return 0;
}

/* Decimal text of v (hot in result rows and COPY TO, so no printf). */
static void
put_int64(StrBuf *out, int64_t v)
{
	char		buf[24];
	char	   *p = buf + sizeof(buf);
	uint64_t	u = v < 0 ? (uint64_t) (-(v + 1)) + 1 : (uint64_t) v;

	do
	{
		*--p = (char) ('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		*--p = '-';
	strbuf_append(out, p, (size_t) (buf + sizeof(buf) - p));
}

static int
int2_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	put_int64(out, DatumGetInt16(v));
	return 0;
}

static int
int4_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	put_int64(out, DatumGetInt32(v));
	return 0;
}

static int
int8_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	put_int64(out, DatumGetInt64(v));
	return 0;
}

static int
int2_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (len != 2)
		return types_binary_error(ctx, len, 2);
	*out = Int16GetDatum((int16_t) get_be16(buf));
	return 0;
}

static int
int4_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (len != 4)
		return types_binary_error(ctx, len, 4);
	*out = Int32GetDatum((int32_t) get_be32(buf));
	return 0;
}

static int
int8_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (len != 8)
		return types_binary_error(ctx, len, 8);
	*out = Int64GetDatum((int64_t) get_be64(buf));
	return 0;
}

static int
int2_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	put_be16(out, (uint16_t) DatumGetInt16(v));
	return 0;
}

static int
int4_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	put_be32(out, (uint32_t) DatumGetInt32(v));
	return 0;
}

static int
int8_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	put_be64(out, (uint64_t) DatumGetInt64(v));
	return 0;
}

static int
int2_cmp(Datum a, Datum b)
{
	int16_t		x = DatumGetInt16(a), y = DatumGetInt16(b);

	return (x > y) - (x < y);
}

static int
int4_cmp(Datum a, Datum b)
{
	int32_t		x = DatumGetInt32(a), y = DatumGetInt32(b);

	return (x > y) - (x < y);
}

static int
int8_cmp(Datum a, Datum b)
{
	int64_t		x = DatumGetInt64(a), y = DatumGetInt64(b);

	return (x > y) - (x < y);
}

static uint64_t
int64_hash(int64_t v)
{
	return types_hash_bytes(&v, sizeof(v));
}

static uint64_t
int2_hash(Datum a)
{
	return int64_hash(DatumGetInt16(a));
}

static uint64_t
int4_hash(Datum a)
{
	return int64_hash(DatumGetInt32(a));
}

static uint64_t
int8_hash(Datum a)
{
	return int64_hash(DatumGetInt64(a));
}

static void
int2_key(Datum v, StrBuf *out)
{
	put_be16(out, (uint16_t) DatumGetInt16(v) ^ 0x8000u);
}

static void
int4_key(Datum v, StrBuf *out)
{
	put_be32(out, (uint32_t) DatumGetInt32(v) ^ 0x80000000u);
}

static void
int8_key(Datum v, StrBuf *out)
{
	put_be64(out, (uint64_t) DatumGetInt64(v) ^ 0x8000000000000000ull);
}

/* ---- oid ---- */

/* PostgreSQL's oidin: strtoul semantics, so "-1" is 4294967295. */
static int
oid_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	size_t		i = 0;
	bool		neg = false;
	uint64_t	acc = 0;
	size_t		ndigits = 0;
	bool		overflow = false;

	(void) typmod;
	while (i < len && is_space(str[i]))
		i++;
	if (i < len && (str[i] == '-' || str[i] == '+'))
		neg = str[i++] == '-';
	while (i < len && str[i] >= '0' && str[i] <= '9')
	{
		acc = acc * 10 + (uint64_t) (str[i++] - '0');
		if (acc > UINT32_MAX)
			overflow = true;
		ndigits++;
	}
	while (i < len && is_space(str[i]))
		i++;
	if (ndigits == 0 || i != len)
		return types_syntax_error(ctx, "oid", str, len);
	/* oidin accepts what fits in a signed or unsigned 32-bit integer */
	if (overflow || (neg && acc > (uint64_t) INT32_MAX + 1))
		return types_range_error(ctx, "oid", str, len);
	*out = ObjectIdGetDatum(neg ? (Oid) (uint32_t) (-(int64_t) acc) : (Oid) acc);
	return 0;
}

static int
oid_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	strbuf_printf(out, "%u", DatumGetObjectId(v));
	return 0;
}

static int
oid_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (len != 4)
		return types_binary_error(ctx, len, 4);
	*out = ObjectIdGetDatum(get_be32(buf));
	return 0;
}

static int
oid_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	put_be32(out, DatumGetObjectId(v));
	return 0;
}

static int
oid_cmp(Datum a, Datum b)
{
	Oid			x = DatumGetObjectId(a), y = DatumGetObjectId(b);

	return (x > y) - (x < y);
}

static uint64_t
oid_hash(Datum a)
{
	return int64_hash(DatumGetObjectId(a));
}

static void
oid_key(Datum v, StrBuf *out)
{
	put_be32(out, DatumGetObjectId(v));
}

/* ---- "char" ---- */

static bool
is_octal(char c)
{
	return c >= '0' && c <= '7';
}

/* charin: one byte, or "\ooo" (PostgreSQL 15 accepts the octal escape charout makes). */
static int
char_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	(void) ctx;
	(void) typmod;
	if (len == 4 && str[0] == '\\' && is_octal(str[1]) && is_octal(str[2]) && is_octal(str[3]))
		*out = (Datum) (unsigned char) (((str[1] - '0') << 6) | ((str[2] - '0') << 3) | (str[3] - '0'));
	else
		*out = (Datum) (unsigned char) (len > 0 ? str[0] : 0);
	return 0;
}

static int
char_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	unsigned char c = (unsigned char) v;

	(void) ctx;
	(void) typmod;
	if (c & 0x80)
		strbuf_printf(out, "\\%03o", c);
	else if (c != 0)
		strbuf_putc(out, (char) c);
	return 0;
}

static int
char_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (len != 1)
		return types_binary_error(ctx, len, 1);
	*out = (Datum) (unsigned char) buf[0];
	return 0;
}

static int
char_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	strbuf_putc(out, (char) (unsigned char) v);
	return 0;
}

static int
char_cmp(Datum a, Datum b)
{
	unsigned char x = (unsigned char) a, y = (unsigned char) b;

	return (x > y) - (x < y);
}

static uint64_t
char_hash(Datum a)
{
	unsigned char c = (unsigned char) a;

	return types_hash_bytes(&c, 1);
}

static void
char_key(Datum v, StrBuf *out)
{
	strbuf_putc(out, (char) (unsigned char) v);
}

const MgType mg_type_bool = {
	.oid = BOOLOID, .name = "bool", .sql_name = "boolean", .typlen = 1, .byval = true,
	.category = 'B', .preferred = true, .align = 'c', .array = BOOLARRAYOID,
	.input = bool_in, .output = bool_out, .recv = bool_recv, .send = bool_send,
	.cmp = bool_cmp, .hash = bool_hash, .key_encode = bool_key,
};
const MgType mg_type_int2 = {
	.oid = INT2OID, .name = "int2", .sql_name = "smallint", .typlen = 2, .byval = true,
	.category = 'N', .align = 's', .array = INT2ARRAYOID,
	.input = int2_in, .output = int2_out, .recv = int2_recv, .send = int2_send,
	.cmp = int2_cmp, .hash = int2_hash, .key_encode = int2_key,
};
const MgType mg_type_int4 = {
	.oid = INT4OID, .name = "int4", .sql_name = "integer", .typlen = 4, .byval = true,
	.category = 'N', .align = 'i', .array = INT4ARRAYOID,
	.input = int4_in, .output = int4_out, .recv = int4_recv, .send = int4_send,
	.cmp = int4_cmp, .hash = int4_hash, .key_encode = int4_key,
};
const MgType mg_type_int8 = {
	.oid = INT8OID, .name = "int8", .sql_name = "bigint", .typlen = 8, .byval = true,
	.category = 'N', .align = 'd', .array = INT8ARRAYOID,
	.input = int8_in, .output = int8_out, .recv = int8_recv, .send = int8_send,
	.cmp = int8_cmp, .hash = int8_hash, .key_encode = int8_key,
};
const MgType mg_type_oid = {
	.oid = OIDOID, .name = "oid", .sql_name = "oid", .typlen = 4, .byval = true,
	.category = 'N', .align = 'i', .array = OIDARRAYOID,
	.input = oid_in, .output = oid_out, .recv = oid_recv, .send = oid_send,
	.cmp = oid_cmp, .hash = oid_hash, .key_encode = oid_key,
};
const MgType mg_type_char = {
	.oid = CHAROID, .name = "char", .sql_name = "\"char\"", .typlen = 1, .byval = true,
	.category = 'Z', .align = 'c', .array = CHARARRAYOID,
	.input = char_in, .output = char_out, .recv = char_recv, .send = char_send,
	.cmp = char_cmp, .hash = char_hash, .key_encode = char_key,
};

/* Exposed for the regclass type, which shares oid's binary format and order. */
int
types_oid_in(EvalCtx *ctx, const char *str, size_t len, Datum *out)
{
	return oid_in(ctx, str, len, -1, out);
}
