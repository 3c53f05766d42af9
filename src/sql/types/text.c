/*
 * text.c — the string types: text, varchar(n), char(n)/bpchar, name,
 * unknown (untyped literals), bytea and void.  Text input/output, binary
 * send/recv, typmod application with PostgreSQL's length rules, comparison
 * in the "C" collation (byte order), hashing and key encodings.
 *
 * Design notes: every string value is a Varlena holding the bytes without a
 * terminating NUL.  Lengths in typmods count characters (UTF-8), as
 * PostgreSQL's.  bpchar values are stored padded; comparison, hashing and
 * key encoding ignore trailing blanks (bpcharcmp).
 *
 * Invariants: text input validates UTF-8 (22021); a value longer than its
 * varchar(n)/char(n) is an error (22001) unless the excess is all blanks or
 * the conversion is an explicit cast, both of which truncate.
 */
#include <string.h>
#include <strings.h>

#include <memgres/types.h>

#include "typesint.h"

#define NAMEDATALEN 64

static Varlena *
V(Datum d)
{
	return DatumGetVarlena(d);
}

/* ---- text ---- */

static int
text_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (types_verify_utf8(ctx, str, len) < 0)
		return -1;
	*out = text_datum(ctx->arena, str, len);
	return 0;
}

static int
text_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	strbuf_append(out, V(v)->data, V(v)->len);
	return 0;
}

static int
text_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	return text_out(ctx, v, typmod, out);
}

/* text/varchar/bpchar/name recv all go through their input function. */
static int
text_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	return text_in(ctx, buf, len, typmod, out);
}

/* varstr_cmp in the C collation. */
static int
bytes_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int			r = memcmp(a, b, alen < blen ? alen : blen);

	if (r != 0)
		return r < 0 ? -1 : 1;
	return (alen > blen) - (alen < blen);
}

static int
text_cmp(Datum a, Datum b)
{
	return bytes_cmp(V(a)->data, V(a)->len, V(b)->data, V(b)->len);
}

static uint64_t
text_hash(Datum a)
{
	return types_hash_bytes(V(a)->data, V(a)->len);
}

static void
text_key(Datum v, StrBuf *out)
{
	types_key_bytes(V(v)->data, V(v)->len, out);
}

/* ---- varchar(n) and bpchar(n) ---- */

static int
string_modin(EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod, const char *tname)
{
	if (nmods != 1)
	{
		mg_error(ctx->err, SQLSTATE_SYNTAX_ERROR, "invalid type modifier");
		return -1;
	}
	if (mods[0] < 1)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "length for type %s must be at least 1", tname);
		return -1;
	}
	if (mods[0] > 10485760)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "length for type %s cannot exceed %d", tname, 10485760);
		return -1;
	}
	*typmod = mods[0] + TYPMOD_HDRSZ;
	return 0;
}

static int
varchar_modin(EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod)
{
	return string_modin(ctx, mods, nmods, typmod, "varchar");
}

static int
bpchar_modin(EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod)
{
	return string_modin(ctx, mods, nmods, typmod, "char");
}

static void
string_modout(int32_t typmod, StrBuf *out)
{
	if (typmod > TYPMOD_HDRSZ)
		strbuf_printf(out, "(%d)", typmod - TYPMOD_HDRSZ);
}

static bool
all_blanks(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ')
			return false;
	return true;
}

/*
 * Cuts s to maxlen characters if it is longer: allowed when explicit or
 * when only blanks are cut.  *newlen receives the byte length kept.
 */
static int
string_fit(EvalCtx *ctx, const char *s, size_t len, int32_t maxlen, bool explicit_cast,
		   const char *tname, size_t *newlen)
{
	size_t		keep;

	*newlen = len;
	if (len <= (size_t) maxlen)
		return 0;				/* fewer bytes than characters allowed */
	keep = types_utf8_prefix(s, len, (size_t) maxlen);
	if (keep == len)
		return 0;
	if (!explicit_cast && !all_blanks(s + keep, len - keep))
	{
		mg_error(ctx->err, SQLSTATE_STRING_DATA_RIGHT_TRUNCATION,
				 "value too long for type %s(%d)", tname, maxlen);
		return -1;
	}
	*newlen = keep;
	return 0;
}

static int
varchar_apply(EvalCtx *ctx, const char *s, size_t len, int32_t typmod, bool explicit_cast, Datum *out)
{
	size_t		n = len;

	if (typmod > TYPMOD_HDRSZ &&
		string_fit(ctx, s, len, typmod - TYPMOD_HDRSZ, explicit_cast, "character varying", &n) < 0)
		return -1;
	*out = text_datum(ctx->arena, s, n);
	return 0;
}

static int
varchar_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	if (types_verify_utf8(ctx, str, len) < 0)
		return -1;
	return varchar_apply(ctx, str, len, typmod, false, out);
}

static int
varchar_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	return varchar_in(ctx, buf, len, typmod, out);
}

static int
varchar_modapply(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	if (typmod <= TYPMOD_HDRSZ || V(v)->len <= (uint32_t) (typmod - TYPMOD_HDRSZ))
	{
		*out = v;
		return 0;
	}
	return varchar_apply(ctx, V(v)->data, V(v)->len, typmod, explicit_cast, out);
}

static int
bpchar_apply(EvalCtx *ctx, const char *s, size_t len, int32_t typmod, bool explicit_cast, Datum *out)
{
	int32_t		maxlen;
	size_t		n;
	size_t		nchars;
	Varlena    *v;

	if (typmod <= TYPMOD_HDRSZ)
	{
		*out = text_datum(ctx->arena, s, len);
		return 0;
	}
	maxlen = typmod - TYPMOD_HDRSZ;
	if (string_fit(ctx, s, len, maxlen, explicit_cast, "character", &n) < 0)
		return -1;
	nchars = types_utf8_len(s, n);
	if (nchars >= (size_t) maxlen)
	{
		*out = text_datum(ctx->arena, s, n);
		return 0;
	}
	v = varlena_new(ctx->arena, n + ((size_t) maxlen - nchars));
	memcpy(v->data, s, n);
	memset(v->data + n, ' ', (size_t) maxlen - nchars);
	*out = PointerGetDatum(v);
	return 0;
}

static int
bpchar_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	if (types_verify_utf8(ctx, str, len) < 0)
		return -1;
	return bpchar_apply(ctx, str, len, typmod, false, out);
}

static int
bpchar_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	return bpchar_in(ctx, buf, len, typmod, out);
}

static int
bpchar_modapply(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	return bpchar_apply(ctx, V(v)->data, V(v)->len, typmod, explicit_cast, out);
}

/* Length without trailing blanks (bpchar's significant part). */
static size_t
bpchar_trimmed(Datum v)
{
	size_t		n = V(v)->len;

	while (n > 0 && V(v)->data[n - 1] == ' ')
		n--;
	return n;
}

static int
bpchar_cmp(Datum a, Datum b)
{
	return bytes_cmp(V(a)->data, bpchar_trimmed(a), V(b)->data, bpchar_trimmed(b));
}

static uint64_t
bpchar_hash(Datum a)
{
	return types_hash_bytes(V(a)->data, bpchar_trimmed(a));
}

static void
bpchar_key(Datum v, StrBuf *out)
{
	types_key_bytes(V(v)->data, bpchar_trimmed(v), out);
}

/* ---- name ---- */

static int
name_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (types_verify_utf8(ctx, str, len) < 0)
		return -1;
	if (len >= NAMEDATALEN)
	{
		/* keep whole characters only, as pg_mbcliplen */
		size_t		n = 0;

		while (n < len)
		{
			size_t		c = types_utf8_prefix(str + n, len - n, 1);

			if (n + c > NAMEDATALEN - 1)
				break;
			n += c;
		}
		len = n;
	}
	*out = text_datum(ctx->arena, str, len);
	return 0;
}

static int
name_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	return name_in(ctx, buf, len, typmod, out);
}

/* ---- unknown and void ---- */

static int
void_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	(void) ctx;
	(void) str;
	(void) len;
	(void) typmod;
	*out = 0;
	return 0;
}

static int
void_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	return void_in(ctx, buf, len, typmod, out);
}

static int
void_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) v;
	(void) typmod;
	(void) out;
	return 0;
}

/* ---- bytea ---- */

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* PostgreSQL's hex_decode: pairs of hex digits, whitespace allowed between pairs. */
static int
bytea_hex_in(EvalCtx *ctx, const char *s, size_t len, Datum *out)
{
	Varlena    *v = varlena_new(ctx->arena, len / 2);
	size_t		n = 0;
	size_t		i = 0;

	while (i < len)
	{
		int			hi, lo;

		if (is_space(s[i]))
		{
			i++;
			continue;
		}
		hi = hex_value(s[i]);
		if (hi < 0)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
					 "invalid hexadecimal digit: \"%.*s\"", (int) types_utf8_prefix(s + i, len - i, 1), s + i);
			return -1;
		}
		if (i + 1 >= len)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
					 "invalid hexadecimal data: odd number of digits");
			return -1;
		}
		lo = hex_value(s[i + 1]);
		if (lo < 0)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
					 "invalid hexadecimal digit: \"%.*s\"", (int) types_utf8_prefix(s + i + 1, len - i - 1, 1), s + i + 1);
			return -1;
		}
		v->data[n++] = (char) ((hi << 4) | lo);
		i += 2;
	}
	v->len = (uint32_t) n;
	*out = PointerGetDatum(v);
	return 0;
}

static bool
is_octal(char c)
{
	return c >= '0' && c <= '7';
}

static int
bytea_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	Varlena    *v;
	size_t		n = 0;

	(void) typmod;
	if (len >= 2 && str[0] == '\\' && str[1] == 'x')
		return bytea_hex_in(ctx, str + 2, len - 2, out);

	/* escape format: \\ and \ooo */
	v = varlena_new(ctx->arena, len);
	for (size_t i = 0; i < len;)
	{
		if (str[i] != '\\')
			v->data[n++] = str[i++];
		else if (i + 3 < len + 0 && is_octal(str[i + 1]) && str[i + 1] <= '3' &&
				 is_octal(str[i + 2]) && is_octal(str[i + 3]))
		{
			v->data[n++] = (char) (((str[i + 1] - '0') << 6) | ((str[i + 2] - '0') << 3) | (str[i + 3] - '0'));
			i += 4;
		}
		else if (i + 1 < len && str[i + 1] == '\\')
		{
			v->data[n++] = '\\';
			i += 2;
		}
		else
		{
			mg_error(ctx->err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					 "invalid input syntax for type %s", "bytea");
			return -1;
		}
	}
	v->len = (uint32_t) n;
	*out = PointerGetDatum(v);
	return 0;
}

static int
bytea_out(EvalCtx *ctx, Datum d, int32_t typmod, StrBuf *out)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *) V(d)->data;
	size_t		len = V(d)->len;
	const char *style = ctx->gucs != NULL ? guc_str(ctx->gucs, GUC_BYTEA_OUTPUT) : NULL;

	(void) typmod;
	if (style != NULL && strcasecmp(style, "escape") == 0)
	{
		for (size_t i = 0; i < len; i++)
		{
			if (p[i] == '\\')
				strbuf_puts(out, "\\\\");
			else if (p[i] < 0x20 || p[i] > 0x7e)
				strbuf_printf(out, "\\%03o", p[i]);
			else
				strbuf_putc(out, (char) p[i]);
		}
		return 0;
	}
	strbuf_reserve(out, 2 + 2 * len);
	strbuf_puts(out, "\\x");
	for (size_t i = 0; i < len; i++)
	{
		char		b[2] = {hex[p[i] >> 4], hex[p[i] & 15]};

		strbuf_append(out, b, 2);
	}
	return 0;
}

static int
bytea_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	*out = text_datum(ctx->arena, buf, len);
	return 0;
}

const MgType mg_type_text = {
	.oid = TEXTOID, .name = "text", .sql_name = "text", .typlen = -1, .byval = false,
	.category = 'S', .preferred = true, .align = 'i', .array = TEXTARRAYOID,
	.input = text_in, .output = text_out, .recv = text_recv, .send = text_send,
	.cmp = text_cmp, .hash = text_hash, .key_encode = text_key,
};
const MgType mg_type_varchar = {
	.oid = VARCHAROID, .name = "varchar", .sql_name = "character varying", .typlen = -1,
	.category = 'S', .align = 'i', .array = VARCHARARRAYOID,
	.input = varchar_in, .output = text_out, .recv = varchar_recv, .send = text_send,
	.cmp = text_cmp, .hash = text_hash, .key_encode = text_key,
	.modapply = varchar_modapply, .modin = varchar_modin, .modout = string_modout,
};
const MgType mg_type_bpchar = {
	.oid = BPCHAROID, .name = "bpchar", .sql_name = "character", .typlen = -1,
	.category = 'S', .align = 'i', .array = BPCHARARRAYOID,
	.input = bpchar_in, .output = text_out, .recv = bpchar_recv, .send = text_send,
	.cmp = bpchar_cmp, .hash = bpchar_hash, .key_encode = bpchar_key,
	.modapply = bpchar_modapply, .modin = bpchar_modin, .modout = string_modout,
};
const MgType mg_type_name = {
	.oid = NAMEOID, .name = "name", .sql_name = "name", .typlen = -1,
	.category = 'S', .align = 'c', .array = NAMEARRAYOID,
	.input = name_in, .output = text_out, .recv = name_recv, .send = text_send,
	.cmp = text_cmp, .hash = text_hash, .key_encode = text_key,
};
const MgType mg_type_unknown = {
	.oid = UNKNOWNOID, .name = "unknown", .sql_name = "unknown", .typlen = -1,
	.category = 'X', .align = 'c',
	.input = text_in, .output = text_out, .recv = text_recv, .send = text_send,
};
const MgType mg_type_void = {
	.oid = VOIDOID, .name = "void", .sql_name = "void", .typlen = 4, .byval = true,
	.category = 'P', .align = 'i',
	.input = void_in, .output = void_out, .recv = void_recv, .send = void_out,
};
const MgType mg_type_bytea = {
	.oid = BYTEAOID, .name = "bytea", .sql_name = "bytea", .typlen = -1,
	.category = 'U', .align = 'i', .array = BYTEAARRAYOID,
	.input = bytea_in, .output = bytea_out, .recv = bytea_recv, .send = text_send,
	.cmp = text_cmp, .hash = text_hash, .key_encode = text_key,
};

/* Exposed to casts: apply varchar/bpchar length rules to bytes. */
int
types_string_coerce(EvalCtx *ctx, Oid dst, const char *s, size_t len, int32_t typmod,
					bool explicit_cast, Datum *out)
{
	if (dst == BPCHAROID)
		return bpchar_apply(ctx, s, len, typmod, explicit_cast, out);
	if (dst == VARCHAROID)
		return varchar_apply(ctx, s, len, typmod, explicit_cast, out);
	if (dst == NAMEOID)
		return name_in(ctx, s, len, -1, out);
	*out = text_datum(ctx->arena, s, len);
	return 0;
}
