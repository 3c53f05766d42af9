/*
 * bytefuncs.c — bytea functions and text encodings: encode/decode (hex,
 * base64, escape), md5, sha224/256/384/512, bytea || bytea, get_byte,
 * set_byte, convert_from/convert_to (UTF8, SQL_ASCII, LATIN1).
 *
 * Design notes: digests come from OpenSSL's EVP interface; base64 output
 * breaks lines every 76 characters and decoding skips whitespace, as
 * PostgreSQL's.  Encoding names compare as PostgreSQL's do (case and
 * punctuation ignored: "UTF-8" is UTF8).
 *
 * Invariants: pure; results in fc->ctx->arena.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>

#include <memgres/func.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "funcint.h"

#define ARGP(i) vl_data(fc->args[i])
#define ARGL(i) vl_len(fc->args[i])
#define RET_TEXT(s, n) do { *out = text_datum(fc->ctx->arena, (s), (n)); return 0; } while (0)
#define RET_INT(v) do { *out = Int32GetDatum((int32_t) (v)); return 0; } while (0)

/* Bytes of the character at s (never past end). */
static size_t
charlen_at(const char *s, const char *end)
{
	size_t		n = (size_t) utf8_seqlen((unsigned char) *s);

	return (s + n > end) ? (size_t) (end - s) : n;
}

static int
textcat(FnCall *fc, Datum *out)
{
	size_t		a = ARGL(0),
				b = ARGL(1);
	Varlena    *v = varlena_new(fc->ctx->arena, a + b);

	memcpy(v->data, ARGP(0), a);
	memcpy(v->data + a, ARGP(1), b);
	*out = PointerGetDatum(v);
	return 0;
}

static int
md5_common(FnCall *fc, Datum *out)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	char		hex[2 * EVP_MAX_MD_SIZE];
	static const char digits[] = "0123456789abcdef";

	if (EVP_Digest(ARGP(0), ARGL(0), md, &mdlen, EVP_md5(), NULL) != 1)
		return fc_error(fc, SQLSTATE_INTERNAL_ERROR, "could not compute MD5 hash");
	for (unsigned int i = 0; i < mdlen; i++)
	{
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	RET_TEXT(hex, 2 * (size_t) mdlen);
}

/* ---------------------------------------------------------------- encode/decode */

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int
encode_fn(FnCall *fc, Datum *out)
{
	const unsigned char *s = (const unsigned char *) ARGP(0);
	size_t		len = ARGL(0);
	const char *fmt = ARGP(1);
	size_t		flen = ARGL(1);
	StrBuf		sb;

	strbuf_init_arena(&sb, fc->ctx->arena);
	if (flen == 3 && strncasecmp(fmt, "hex", 3) == 0)
	{
		static const char d[] = "0123456789abcdef";

		for (size_t i = 0; i < len; i++)
		{
			strbuf_putc(&sb, d[s[i] >> 4]);
			strbuf_putc(&sb, d[s[i] & 15]);
		}
	}
	else if (flen == 6 && strncasecmp(fmt, "base64", 6) == 0)
	{
		int			linelen = 0;

		for (size_t i = 0; i < len; i += 3)
		{
			uint32_t	v = (uint32_t) s[i] << 16;
			size_t		n = len - i < 3 ? len - i : 3;

			if (n > 1)
				v |= (uint32_t) s[i + 1] << 8;
			if (n > 2)
				v |= s[i + 2];
			strbuf_putc(&sb, b64chars[(v >> 18) & 63]);
			strbuf_putc(&sb, b64chars[(v >> 12) & 63]);
			strbuf_putc(&sb, n > 1 ? b64chars[(v >> 6) & 63] : '=');
			strbuf_putc(&sb, n > 2 ? b64chars[v & 63] : '=');
			linelen += 4;
			if (linelen >= 76 && i + 3 < len)
			{
				strbuf_putc(&sb, '\n');
				linelen = 0;
			}
		}
	}
	else if (flen == 6 && strncasecmp(fmt, "escape", 6) == 0)
	{
		for (size_t i = 0; i < len; i++)
		{
			if (s[i] == '\\')
				strbuf_puts(&sb, "\\\\");
			else if (s[i] == 0 || s[i] >= 0x80)
				strbuf_printf(&sb, "\\%03o", s[i]);
			else
				strbuf_putc(&sb, (char) s[i]);
		}
	}
	else
		return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "unrecognized encoding: \"%.*s\"", (int) flen, fmt);
	RET_TEXT(sb.data, sb.len);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
b64val(char c)
{
	const char *p = (c != '\0') ? strchr(b64chars, c) : NULL;

	return p ? (int) (p - b64chars) : -1;
}

static int
decode_fn(FnCall *fc, Datum *out)
{
	const char *s = ARGP(0);
	size_t		len = ARGL(0);
	const char *fmt = ARGP(1);
	size_t		flen = ARGL(1);
	StrBuf		sb;

	strbuf_init_arena(&sb, fc->ctx->arena);
	if (flen == 3 && strncasecmp(fmt, "hex", 3) == 0)
	{
		size_t		i = 0;

		while (i < len)
		{
			int			hi,
						lo;

			if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')
			{
				i++;
				continue;
			}
			if ((hi = hexval(s[i])) < 0)
				return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"%.*s\"",
								(int) charlen_at(s + i, s + len), s + i);
			if (i + 1 >= len)
				return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
			if ((lo = hexval(s[i + 1])) < 0)
				return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"%.*s\"",
								(int) charlen_at(s + i + 1, s + len), s + i + 1);
			strbuf_putc(&sb, (char) ((hi << 4) | lo));
			i += 2;
		}
	}
	else if (flen == 6 && strncasecmp(fmt, "base64", 6) == 0)
	{
		uint32_t	acc = 0;
		int			pos = 0;
		int			end = 0;

		for (size_t i = 0; i < len; i++)
		{
			char		c = s[i];
			int			v;

			if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
				continue;
			if (c == '=')
			{
				/* end sequence */
				if (!end)
				{
					if (pos == 2)
						end = 1;
					else if (pos == 3)
						end = 2;
					else
						return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE,
										"unexpected \"=\" while decoding base64 sequence");
				}
				v = 0;
			}
			else
			{
				if ((v = b64val(c)) < 0)
					return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE,
									"invalid symbol \"%.*s\" found while decoding base64 sequence",
									(int) charlen_at(s + i, s + len), s + i);
				if (end)
					return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE,
									"invalid symbol \"%.*s\" found while decoding base64 sequence",
									(int) charlen_at(s + i, s + len), s + i);
			}
			acc = (acc << 6) | (uint32_t) v;
			if (++pos == 4)
			{
				strbuf_putc(&sb, (char) (acc >> 16));
				if (end == 0 || end == 2)
					strbuf_putc(&sb, (char) (acc >> 8));
				if (end == 0)
					strbuf_putc(&sb, (char) acc);
				acc = 0;
				pos = 0;
			}
		}
		if (pos != 0)
		{
			mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid base64 end sequence");
			mg_error_hint(fc->ctx->err, "Input data is missing padding, is truncated, or is otherwise corrupted.");
			return -1;
		}
	}
	else if (flen == 6 && strncasecmp(fmt, "escape", 6) == 0)
	{
		for (size_t i = 0; i < len; i++)
		{
			if (s[i] != '\\')
				strbuf_putc(&sb, s[i]);
			else if (i + 1 < len && s[i + 1] == '\\')
			{
				strbuf_putc(&sb, '\\');
				i++;
			}
			else if (i + 3 < len + 0 && s[i + 1] >= '0' && s[i + 1] <= '3' &&
					 s[i + 2] >= '0' && s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7')
			{
				strbuf_putc(&sb, (char) (((s[i + 1] - '0') << 6) | ((s[i + 2] - '0') << 3) | (s[i + 3] - '0')));
				i += 3;
			}
			else
				return fc_error(fc, SQLSTATE_INVALID_TEXT_REPRESENTATION, "invalid input syntax for type %s", "bytea");
		}
	}
	else
		return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "unrecognized encoding: \"%.*s\"", (int) flen, fmt);
	RET_TEXT(sb.data, sb.len);
}

static int
byteacat(FnCall *fc, Datum *out)
{
	return textcat(fc, out);
}

static int
sha_common(FnCall *fc, Datum *out, const EVP_MD *md)
{
	unsigned char buf[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	if (EVP_Digest(ARGP(0), ARGL(0), buf, &n, md, NULL) != 1)
		return fc_error(fc, SQLSTATE_INTERNAL_ERROR, "could not compute %s hash", "SHA-2");
	*out = text_datum(fc->ctx->arena, (const char *) buf, n);
	return 0;
}

static int sha224_fn(FnCall *fc, Datum *out) { return sha_common(fc, out, EVP_sha224()); }
static int sha256_fn(FnCall *fc, Datum *out) { return sha_common(fc, out, EVP_sha256()); }
static int sha384_fn(FnCall *fc, Datum *out) { return sha_common(fc, out, EVP_sha384()); }
static int sha512_fn(FnCall *fc, Datum *out) { return sha_common(fc, out, EVP_sha512()); }

/* ---------------------------------------------------------------- bytes and encodings */

static int
get_byte(FnCall *fc, Datum *out)
{
	int32_t		n = DatumGetInt32(fc->args[1]);

	if (n < 0 || (size_t) n >= ARGL(0))
		return fc_error(fc, SQLSTATE_ARRAY_SUBSCRIPT_ERROR, "index %d out of valid range, 0..%d", n, (int) ARGL(0) - 1);
	RET_INT((unsigned char) ARGP(0)[n]);
}

static int
set_byte(FnCall *fc, Datum *out)
{
	int32_t		n = DatumGetInt32(fc->args[1]);
	Varlena    *v;

	if (n < 0 || (size_t) n >= ARGL(0))
		return fc_error(fc, SQLSTATE_ARRAY_SUBSCRIPT_ERROR, "index %d out of valid range, 0..%d", n, (int) ARGL(0) - 1);
	v = varlena_new(fc->ctx->arena, ARGL(0));
	memcpy(v->data, ARGP(0), ARGL(0));
	v->data[n] = (char) DatumGetInt32(fc->args[2]);
	*out = PointerGetDatum(v);
	return 0;
}

typedef enum Encoding { ENC_UNKNOWN, ENC_UTF8, ENC_SQL_ASCII, ENC_LATIN1 } Encoding;

/* PostgreSQL's encoding names, compared ignoring case and non-alphanumerics. */
static Encoding
encoding_by_name(const char *s, size_t len)
{
	char		buf[32];
	size_t		n = 0;

	for (size_t i = 0; i < len && n < sizeof(buf) - 1; i++)
	{
		char		c = s[i];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf[n++] = c;
	}
	buf[n] = '\0';
	if (strcmp(buf, "utf8") == 0 || strcmp(buf, "unicode") == 0)
		return ENC_UTF8;
	if (strcmp(buf, "sqlascii") == 0)
		return ENC_SQL_ASCII;
	if (strcmp(buf, "latin1") == 0 || strcmp(buf, "iso88591") == 0)
		return ENC_LATIN1;
	return ENC_UNKNOWN;
}

/* Length of the valid UTF-8 sequence at s, or 0. */
static size_t
utf8_valid_len(const unsigned char *s, size_t len)
{
	size_t		n = (size_t) utf8_seqlen(s[0]);

	if (s[0] >= 0x80 && n == 1)
		return 0;
	if (s[0] == 0 || n > len)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if (n == 2 && s[0] < 0xc2)
		return 0;
	if (n == 3 && ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0)))
		return 0;
	if (n == 4 && ((s[0] == 0xf0 && s[1] < 0x90) || s[0] > 0xf4 || (s[0] == 0xf4 && s[1] >= 0x90)))
		return 0;
	return n;
}

static int
invalid_utf8(FnCall *fc, const unsigned char *s, size_t len)
{
	char		buf[32];
	size_t		n = (size_t) utf8_seqlen(s[0]);
	int			off = 0;

	if (n > len)
		n = len;
	for (size_t i = 0; i < n && off < (int) sizeof(buf) - 6; i++)
		off += snprintf(buf + off, sizeof(buf) - (size_t) off, "%s0x%02x", i ? " " : "", s[i]);
	return fc_error(fc, SQLSTATE_CHARACTER_NOT_IN_REPERTOIRE, "invalid byte sequence for encoding \"UTF8\": %s", buf);
}

/* Converts bytes in encoding from into encoding to (UTF8 is the server's). */
static int
convert_common(FnCall *fc, Datum *out, Encoding from, Encoding to)
{
	const unsigned char *s = (const unsigned char *) ARGP(0);
	size_t		len = ARGL(0);
	StrBuf		sb;

	strbuf_init_arena(&sb, fc->ctx->arena);
	if (from == ENC_LATIN1 && to == ENC_UTF8)
	{
		for (size_t i = 0; i < len; i++)
		{
			char		b[4];

			if (s[i] == 0)
				return invalid_utf8(fc, s + i, 1);
			strbuf_append(&sb, b, (size_t) utf8_encode(s[i], b));
		}
	}
	else if (from == ENC_UTF8 && to == ENC_LATIN1)
	{
		for (size_t i = 0; i < len;)
		{
			size_t		n = utf8_valid_len(s + i, len - i);
			uint32_t	c;

			if (n == 0)
				return invalid_utf8(fc, s + i, len - i);
			c = utf8_decode((const char *) s + i, n);
			if (c > 0xff)
			{
				char		bytes[32];
				int			off = 0;

				for (size_t k = 0; k < n; k++)
					off += snprintf(bytes + off, sizeof(bytes) - (size_t) off, "%s0x%02x", k ? " " : "", s[i + k]);
				return fc_error(fc, SQLSTATE_UNTRANSLATABLE_CHARACTER,
								"character with byte sequence %s in encoding \"UTF8\" has no equivalent in encoding \"LATIN1\"",
								bytes);
			}
			strbuf_putc(&sb, (char) c);
			i += n;
		}
	}
	else
	{
		/* same encoding (or SQL_ASCII): bytes pass through, UTF8 is checked */
		if (from == ENC_UTF8 || to == ENC_UTF8)
		{
			for (size_t i = 0; i < len;)
			{
				size_t		n = utf8_valid_len(s + i, len - i);

				if (n == 0)
					return invalid_utf8(fc, s + i, len - i);
				i += n;
			}
		}
		strbuf_append(&sb, s, len);
	}
	*out = text_datum(fc->ctx->arena, sb.data, sb.len);
	return 0;
}

static int
convert_from(FnCall *fc, Datum *out)
{
	Encoding	e = encoding_by_name(ARGP(1), ARGL(1));

	if (e == ENC_UNKNOWN)
		return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid source encoding name \"%.*s\"", (int) ARGL(1), ARGP(1));
	return convert_common(fc, out, e, ENC_UTF8);
}

static int
convert_to(FnCall *fc, Datum *out)
{
	Encoding	e = encoding_by_name(ARGP(1), ARGL(1));

	if (e == ENC_UNKNOWN)
		return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid destination encoding name \"%.*s\"", (int) ARGL(1), ARGP(1));
	return convert_common(fc, out, ENC_UTF8, e);
}

/* ---------------------------------------------------------------- tables */

#define FD(N_, FN_, n, a, b, c, res) \
	{.name = N_, .nargs = n, .argtypes = {a, b, c}, .rettype = res, .strict = true, .volatility = FUNC_IMMUTABLE, .fn = FN_}
#define T TEXTOID
#define I INT4OID

static const FuncDef byte_funcs[] = {
	FD("md5", md5_common, 1, T, 0, 0, T),
	FD("md5", md5_common, 1, BYTEAOID, 0, 0, T),
	FD("encode", encode_fn, 2, BYTEAOID, T, 0, T),
	FD("decode", decode_fn, 2, T, T, 0, BYTEAOID),
	FD("byteacat", byteacat, 2, BYTEAOID, BYTEAOID, 0, BYTEAOID),
	FD("get_byte", get_byte, 2, BYTEAOID, I, 0, I),
	FD("set_byte", set_byte, 3, BYTEAOID, I, I, BYTEAOID),
	{.name = "convert_from", .nargs = 2, .argtypes = {BYTEAOID, NAMEOID}, .rettype = T, .strict = true,
	 .volatility = FUNC_STABLE, .fn = convert_from},
	{.name = "convert_to", .nargs = 2, .argtypes = {T, NAMEOID}, .rettype = BYTEAOID, .strict = true,
	 .volatility = FUNC_STABLE, .fn = convert_to},
	FD("sha224", sha224_fn, 1, BYTEAOID, 0, 0, BYTEAOID),
	FD("sha256", sha256_fn, 1, BYTEAOID, 0, 0, BYTEAOID),
	FD("sha384", sha384_fn, 1, BYTEAOID, 0, 0, BYTEAOID),
	FD("sha512", sha512_fn, 1, BYTEAOID, 0, 0, BYTEAOID),
};

static const OperDef byte_opers[] = {
	{.name = "||", .left = BYTEAOID, .right = BYTEAOID, .result = BYTEAOID, .func_name = "byteacat"},
};

void
register_byte_funcs(void)
{
	func_register(byte_funcs, (int) (sizeof(byte_funcs) / sizeof(byte_funcs[0])));
	oper_register(byte_opers, (int) (sizeof(byte_opers) / sizeof(byte_opers[0])));
}
