/*
 * strfuncs.c — operators and functions over text, varchar, bpchar, name,
 * bytea and uuid.
 *
 * Purpose: comparison operators (byte order: memgres' only collation is
 * "C"), concatenation (text || text, text || anynonarray, anynonarray ||
 * text, bytea || bytea), and PostgreSQL's string functions: length family,
 * lower/upper/initcap, substr/substring, position/strpos, trim family,
 * replace, split_part, concat/concat_ws, left/right, lpad/rpad, repeat,
 * reverse, ascii, chr, starts_with, quote_*, translate,
 * to_hex, gen_random_uuid, version, overlay.  format() is in format.c;
 * bytea functions and encodings are in bytefuncs.c.
 *
 * Design notes: text is UTF-8 (the only server encoding); functions that
 * count characters walk UTF-8 sequences.  Case mapping follows the C.UTF-8
 * locale through a locale_t created once at registration (towlower_l, no
 * process-wide setlocale); if that locale is missing, only ASCII letters
 * are mapped.  varchar reaches the text functions through its binary
 * coercion to text; bpchar through its cast to text, which drops trailing
 * blanks, except for the functions PostgreSQL defines on bpchar itself
 * (length, octet_length, comparisons).
 *
 * Invariants: results are allocated in fc->ctx->arena; the only global state
 * (the locale, type pointers) is written once by register_string_funcs().
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <openssl/rand.h>

#include <memgres/func.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "funcint.h"

static locale_t utf8_locale;	/* (locale_t) 0 if unavailable */

/* ---------------------------------------------------------------- UTF-8 */

int
utf8_seqlen(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if ((c & 0xe0) == 0xc0)
		return 2;
	if ((c & 0xf0) == 0xe0)
		return 3;
	if ((c & 0xf8) == 0xf0)
		return 4;
	return 1;
}

/* Bytes of the character at s (never past end). */
static size_t
charlen_at(const char *s, const char *end)
{
	size_t		n = (size_t) utf8_seqlen((unsigned char) *s);

	return (s + n > end) ? (size_t) (end - s) : n;
}

size_t
utf8_strlen(const char *s, size_t len)
{
	const char *end = s + len;
	size_t		n = 0;

	while (s < end)
	{
		s += charlen_at(s, end);
		n++;
	}
	return n;
}

/* Byte offset of character number nchars (clamped to len). */
static size_t
char_offset(const char *s, size_t len, size_t nchars)
{
	const char *p = s,
			   *end = s + len;

	while (nchars > 0 && p < end)
	{
		p += charlen_at(p, end);
		nchars--;
	}
	return (size_t) (p - s);
}

uint32_t
utf8_decode(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;

	switch (n)
	{
		case 1:
			return u[0];
		case 2:
			return ((uint32_t) (u[0] & 0x1f) << 6) | (u[1] & 0x3f);
		case 3:
			return ((uint32_t) (u[0] & 0x0f) << 12) | ((uint32_t) (u[1] & 0x3f) << 6) | (u[2] & 0x3f);
		default:
			return ((uint32_t) (u[0] & 0x07) << 18) | ((uint32_t) (u[1] & 0x3f) << 12) |
				((uint32_t) (u[2] & 0x3f) << 6) | (u[3] & 0x3f);
	}
}

int
utf8_encode(uint32_t c, char *out)
{
	if (c < 0x80)
	{
		out[0] = (char) c;
		return 1;
	}
	if (c < 0x800)
	{
		out[0] = (char) (0xc0 | (c >> 6));
		out[1] = (char) (0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000)
	{
		out[0] = (char) (0xe0 | (c >> 12));
		out[1] = (char) (0x80 | ((c >> 6) & 0x3f));
		out[2] = (char) (0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char) (0xf0 | (c >> 18));
	out[1] = (char) (0x80 | ((c >> 12) & 0x3f));
	out[2] = (char) (0x80 | ((c >> 6) & 0x3f));
	out[3] = (char) (0x80 | (c & 0x3f));
	return 4;
}

/* ---------------------------------------------------------------- helpers */

static Datum
mktext(FnCall *fc, const char *s, size_t len)
{
	return text_datum(fc->ctx->arena, s, len);
}

#define ARGP(i) vl_data(fc->args[i])
#define ARGL(i) vl_len(fc->args[i])
#define RET_TEXT(s, n) do { *out = mktext(fc, (s), (n)); return 0; } while (0)
#define RET_INT(v) do { *out = Int32GetDatum((int32_t) (v)); return 0; } while (0)
#define RET_BOOL(v) do { *out = BoolGetDatum(v); return 0; } while (0)

/* The text form of any value (for "any" and anynonarray arguments). */
int
func_any_text(FnCall *fc, int i, StrBuf *sb)
{
	Oid			t = fc->argtypes ? fc->argtypes[i] : TEXTOID;

	if (t == TEXTOID || t == VARCHAROID || t == NAMEOID || t == UNKNOWNOID)
	{
		strbuf_append(sb, ARGP(i), ARGL(i));
		return 0;
	}
	return type_output(fc->ctx, t, -1, fc->args[i], sb);
}

/*
 * Argument i cast to text, as PostgreSQL's SQL-language wrappers do
 * ($1::text): the same as the output function except for bool, whose cast
 * gives 'true'/'false'.
 */
static int
any_cast_text(FnCall *fc, int i, StrBuf *sb)
{
	Oid			t = fc->argtypes ? fc->argtypes[i] : TEXTOID;

	if (t == BOOLOID)
	{
		strbuf_puts(sb, DatumGetBool(fc->args[i]) ? "true" : "false");
		return 0;
	}
	return func_any_text(fc, i, sb);
}

static int
bytes_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int			c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

static size_t
bpchar_len(Datum d)
{
	size_t		n = vl_len(d);
	const char *s = vl_data(d);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n;
}

/* ---------------------------------------------------------------- comparison */

static int
cmp_result(int c, int op, Datum *out)
{
	bool		r;

	r = cmp_op_holds(c, op);
	*out = BoolGetDatum(r);
	return 0;
}

static int
text_cmp_op(FnCall *fc, Datum *out, int op)
{
	return cmp_result(bytes_cmp(ARGP(0), ARGL(0), ARGP(1), ARGL(1)), op, out);
}

static int
bpchar_cmp_op(FnCall *fc, Datum *out, int op)
{
	return cmp_result(bytes_cmp(ARGP(0), bpchar_len(fc->args[0]), ARGP(1), bpchar_len(fc->args[1])), op, out);
}

static int
uuid_cmp_op(FnCall *fc, Datum *out, int op)
{
	return cmp_result(bytes_cmp(ARGP(0), ARGL(0), ARGP(1), ARGL(1)), op, out);
}

#define CMPFNS(pfx, impl) \
	static int pfx##eq(FnCall *fc, Datum *out) { return impl(fc, out, 0); } \
	static int pfx##ne(FnCall *fc, Datum *out) { return impl(fc, out, 1); } \
	static int pfx##lt(FnCall *fc, Datum *out) { return impl(fc, out, 2); } \
	static int pfx##le(FnCall *fc, Datum *out) { return impl(fc, out, 3); } \
	static int pfx##gt(FnCall *fc, Datum *out) { return impl(fc, out, 4); } \
	static int pfx##ge(FnCall *fc, Datum *out) { return impl(fc, out, 5); }
CMPFNS(text_, text_cmp_op)
CMPFNS(bpchar_, bpchar_cmp_op)
CMPFNS(uuid_, uuid_cmp_op)

/* ---------------------------------------------------------------- concatenation */

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
anycat_common(FnCall *fc, Datum *out)
{
	StrBuf		sb;

	strbuf_init_arena(&sb, fc->ctx->arena);
	if (any_cast_text(fc, 0, &sb) < 0 || any_cast_text(fc, 1, &sb) < 0)
		return -1;
	RET_TEXT(sb.data, sb.len);
}

/* ---------------------------------------------------------------- lengths */

static int textlen(FnCall *fc, Datum *out) { RET_INT(utf8_strlen(ARGP(0), ARGL(0))); }
static int textoctetlen(FnCall *fc, Datum *out) { RET_INT(ARGL(0)); }
static int bitlength(FnCall *fc, Datum *out) { RET_INT(ARGL(0) * 8); }
static int bpcharlen(FnCall *fc, Datum *out) { RET_INT(utf8_strlen(ARGP(0), bpchar_len(fc->args[0]))); }

/* ---------------------------------------------------------------- case */

static uint32_t
map_case(uint32_t c, int how)
{
	if (utf8_locale != (locale_t) 0)
		return how > 0 ? (uint32_t) towupper_l((wint_t) c, utf8_locale) : (uint32_t) towlower_l((wint_t) c, utf8_locale);
	if (how > 0 && c >= 'a' && c <= 'z')
		return c - 32;
	if (how < 0 && c >= 'A' && c <= 'Z')
		return c + 32;
	return c;
}

static bool
is_alnum_char(uint32_t c)
{
	if (utf8_locale != (locale_t) 0)
		return iswalnum_l((wint_t) c, utf8_locale) != 0;
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* how: -1 lower, 1 upper, 0 initcap. */
static void
case_map_buf(const char *s, size_t len, int how, StrBuf *out)
{
	const char *end = s + len;
	bool		wasalnum = false;

	while (s < end)
	{
		size_t		n = charlen_at(s, end);
		uint32_t	c = utf8_decode(s, n);
		char		buf[4];

		if (how == 0)
		{
			c = map_case(c, wasalnum ? -1 : 1);
			wasalnum = is_alnum_char(c);
		}
		else
			c = map_case(c, how);
		strbuf_append(out, buf, (size_t) utf8_encode(c, buf));
		s += n;
	}
}

void
func_lower(const char *s, size_t len, StrBuf *out)
{
	case_map_buf(s, len, -1, out);
}

static int
case_map(FnCall *fc, Datum *out, int how)
{
	StrBuf		sb;

	strbuf_init_arena(&sb, fc->ctx->arena);
	case_map_buf(ARGP(0), ARGL(0), how, &sb);
	RET_TEXT(sb.data, sb.len);
}

static int lower_fn(FnCall *fc, Datum *out) { return case_map(fc, out, -1); }
static int upper_fn(FnCall *fc, Datum *out) { return case_map(fc, out, 1); }
static int initcap_fn(FnCall *fc, Datum *out) { return case_map(fc, out, 0); }

/* ---------------------------------------------------------------- substrings */

/*
 * PostgreSQL's text_substring: characters [start, start+len) counted from
 * 1, clipped to the string; len < 0 is an error; no len: to the end.
 */
static int
substring_common(FnCall *fc, Datum *out, bool bytes, bool has_len)
{
	const char *s = ARGP(0);
	size_t		slen = ARGL(0);
	int64_t		start = DatumGetInt32(fc->args[1]);
	int64_t		len = has_len ? DatumGetInt32(fc->args[2]) : 0;
	int64_t		s1,
				e;
	size_t		b0,
				b1;

	if (has_len && len < 0)
		return fc_error(fc, SQLSTATE_SUBSTRING_ERROR, "negative substring length not allowed");
	s1 = start < 1 ? 1 : start;
	if (has_len)
	{
		e = start + len;
		if (e <= s1)
			RET_TEXT("", 0);
	}
	else
		e = INT64_MAX;
	if (bytes)
	{
		b0 = (size_t) (s1 - 1) < slen ? (size_t) (s1 - 1) : slen;
		b1 = (e == INT64_MAX || (size_t) (e - 1) > slen) ? slen : (size_t) (e - 1);
	}
	else
	{
		b0 = char_offset(s, slen, (size_t) (s1 - 1));
		b1 = (e == INT64_MAX) ? slen : b0 + char_offset(s + b0, slen - b0, (size_t) (e - s1));
	}
	RET_TEXT(s + b0, b1 - b0);
}

static int text_substr(FnCall *fc, Datum *out) { return substring_common(fc, out, false, true); }
static int text_substr_nolen(FnCall *fc, Datum *out) { return substring_common(fc, out, false, false); }
static int bytea_substr(FnCall *fc, Datum *out) { return substring_common(fc, out, true, true); }
static int bytea_substr_nolen(FnCall *fc, Datum *out) { return substring_common(fc, out, true, false); }

static int
text_left(FnCall *fc, Datum *out)
{
	const char *s = ARGP(0);
	size_t		len = ARGL(0);
	int32_t		n = DatumGetInt32(fc->args[1]);
	size_t		chars;

	if (n >= 0)
		RET_TEXT(s, char_offset(s, len, (size_t) n));
	chars = utf8_strlen(s, len);
	if ((size_t) -(int64_t) n >= chars)
		RET_TEXT("", 0);
	RET_TEXT(s, char_offset(s, len, chars + (size_t) (int64_t) n));
}

static int
text_right(FnCall *fc, Datum *out)
{
	const char *s = ARGP(0);
	size_t		len = ARGL(0);
	int64_t		n = DatumGetInt32(fc->args[1]);
	size_t		chars = utf8_strlen(s, len);
	size_t		skip;

	if (n >= 0)
		skip = (size_t) n >= chars ? 0 : chars - (size_t) n;
	else
		skip = (size_t) -n >= chars ? chars : (size_t) -n;
	skip = char_offset(s, len, skip);
	RET_TEXT(s + skip, len - skip);
}

/* 1-based character position of needle in hay, 0 if absent. */
static int64_t
text_position(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	const char *p;

	if (nlen == 0)
		return 1;
	p = memmem(hay, hlen, needle, nlen);
	if (p == NULL)
		return 0;
	return (int64_t) utf8_strlen(hay, (size_t) (p - hay)) + 1;
}

static int
textpos(FnCall *fc, Datum *out)
{
	RET_INT(text_position(ARGP(0), ARGL(0), ARGP(1), ARGL(1)));
}

static int
byteapos(FnCall *fc, Datum *out)
{
	const char *p;

	if (ARGL(1) == 0)
		RET_INT(1);
	p = memmem(ARGP(0), ARGL(0), ARGP(1), ARGL(1));
	RET_INT(p ? (p - ARGP(0)) + 1 : 0);
}

static int
starts_with(FnCall *fc, Datum *out)
{
	RET_BOOL(ARGL(1) <= ARGL(0) && memcmp(ARGP(0), ARGP(1), ARGL(1)) == 0);
}

/* ---------------------------------------------------------------- trim */

static bool
char_in_set(const char *c, size_t n, const char *set, size_t setlen)
{
	const char *end = set + setlen;

	while (set < end)
	{
		size_t		m = charlen_at(set, end);

		if (m == n && memcmp(c, set, n) == 0)
			return true;
		set += m;
	}
	return false;
}

/* which: 1 leading, 2 trailing, 3 both. */
static int
trim_common(FnCall *fc, Datum *out, int which, bool has_set)
{
	const char *s = ARGP(0);
	const char *end = s + ARGL(0);
	const char *set = has_set ? ARGP(1) : " ";
	size_t		setlen = has_set ? ARGL(1) : 1;

	if (which & 1)
	{
		while (s < end)
		{
			size_t		n = charlen_at(s, end);

			if (!char_in_set(s, n, set, setlen))
				break;
			s += n;
		}
	}
	if (which & 2)
	{
		while (end > s)
		{
			const char *p = end - 1;

			while (p > s && ((unsigned char) *p & 0xc0) == 0x80)
				p--;
			if (!char_in_set(p, (size_t) (end - p), set, setlen))
				break;
			end = p;
		}
	}
	RET_TEXT(s, (size_t) (end - s));
}

static int ltrim1(FnCall *fc, Datum *out) { return trim_common(fc, out, 1, false); }
static int rtrim1(FnCall *fc, Datum *out) { return trim_common(fc, out, 2, false); }
static int btrim1(FnCall *fc, Datum *out) { return trim_common(fc, out, 3, false); }
static int ltrim2(FnCall *fc, Datum *out) { return trim_common(fc, out, 1, true); }
static int rtrim2(FnCall *fc, Datum *out) { return trim_common(fc, out, 2, true); }
static int btrim2(FnCall *fc, Datum *out) { return trim_common(fc, out, 3, true); }

/* ---------------------------------------------------------------- replace, split, translate */

static int
replace_text(FnCall *fc, Datum *out)
{
	const char *s = ARGP(0),
			   *end = s + ARGL(0);
	const char *from = ARGP(1);
	size_t		flen = ARGL(1);
	StrBuf		sb;

	if (flen == 0 || ARGL(0) == 0)
	{
		*out = fc->args[0];
		return 0;
	}
	strbuf_init_arena(&sb, fc->ctx->arena);
	while (s < end)
	{
		const char *p = memmem(s, (size_t) (end - s), from, flen);

		if (p == NULL)
			break;
		strbuf_append(&sb, s, (size_t) (p - s));
		strbuf_append(&sb, ARGP(2), ARGL(2));
		s = p + flen;
	}
	strbuf_append(&sb, s, (size_t) (end - s));
	RET_TEXT(sb.data, sb.len);
}

static int
split_part(FnCall *fc, Datum *out)
{
	const char *s = ARGP(0),
			   *end = s + ARGL(0);
	const char *d = ARGP(1);
	size_t		dlen = ARGL(1);
	int32_t		field = DatumGetInt32(fc->args[2]);
	int			nfields;
	const char *p;

	if (field == 0)
		return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "field position must not be zero");
	if (ARGL(0) == 0)
		RET_TEXT("", 0);
	if (dlen == 0)
	{
		if (field == 1 || field == -1)
		{
			*out = fc->args[0];
			return 0;
		}
		RET_TEXT("", 0);
	}
	if (field < 0)
	{
		/* Count the fields, then index from the front. */
		nfields = 1;
		for (p = s; (p = memmem(p, (size_t) (end - p), d, dlen)) != NULL; p += dlen)
			nfields++;
		field = nfields + field + 1;
		if (field <= 0)
			RET_TEXT("", 0);
	}
	for (int i = 1; i < field; i++)
	{
		p = memmem(s, (size_t) (end - s), d, dlen);
		if (p == NULL)
			RET_TEXT("", 0);
		s = p + dlen;
	}
	p = memmem(s, (size_t) (end - s), d, dlen);
	RET_TEXT(s, (size_t) ((p ? p : end) - s));
}

static int
translate_fn(FnCall *fc, Datum *out)
{
	const char *s = ARGP(0),
			   *end = s + ARGL(0);
	const char *from = ARGP(1),
			   *fend = from + ARGL(1);
	const char *to = ARGP(2),
			   *tend = to + ARGL(2);
	StrBuf		sb;

	strbuf_init_arena(&sb, fc->ctx->arena);
	while (s < end)
	{
		size_t		n = charlen_at(s, end);
		const char *f = from;
		const char *t = to;
		bool		found = false;

		while (f < fend)
		{
			size_t		fn = charlen_at(f, fend);

			if (fn == n && memcmp(f, s, n) == 0)
			{
				found = true;
				break;
			}
			f += fn;
			if (t < tend)
				t += charlen_at(t, tend);
		}
		if (!found)
			strbuf_append(&sb, s, n);
		else if (t < tend)
			strbuf_append(&sb, t, charlen_at(t, tend));
		s += n;
	}
	RET_TEXT(sb.data, sb.len);
}

/* ---------------------------------------------------------------- padding, repeat, reverse */

static int
pad_common(FnCall *fc, Datum *out, bool left, bool has_fill)
{
	const char *s = ARGP(0);
	size_t		slen = ARGL(0);
	int32_t		len = DatumGetInt32(fc->args[1]);
	const char *fill = has_fill ? ARGP(2) : " ";
	size_t		flen = has_fill ? ARGL(2) : 1;
	size_t		chars,
				need;
	StrBuf		sb;

	if (len < 0)
		len = 0;
	chars = utf8_strlen(s, slen);
	if (chars >= (size_t) len)
		RET_TEXT(s, char_offset(s, slen, (size_t) len));
	if (flen == 0)
		RET_TEXT(s, slen);
	if ((size_t) len > 268435455)
		return fc_error(fc, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "requested length too large");
	need = (size_t) len - chars;
	strbuf_init_arena(&sb, fc->ctx->arena);
	if (!left)
		strbuf_append(&sb, s, slen);
	{
		const char *f = fill,
				   *fend = fill + flen;

		while (need-- > 0)
		{
			size_t		n = charlen_at(f, fend);

			strbuf_append(&sb, f, n);
			f += n;
			if (f >= fend)
				f = fill;
		}
	}
	if (left)
		strbuf_append(&sb, s, slen);
	RET_TEXT(sb.data, sb.len);
}

static int lpad3(FnCall *fc, Datum *out) { return pad_common(fc, out, true, true); }
static int rpad3(FnCall *fc, Datum *out) { return pad_common(fc, out, false, true); }
static int lpad2(FnCall *fc, Datum *out) { return pad_common(fc, out, true, false); }
static int rpad2(FnCall *fc, Datum *out) { return pad_common(fc, out, false, false); }

static int
repeat_fn(FnCall *fc, Datum *out)
{
	int32_t		n = DatumGetInt32(fc->args[1]);
	size_t		len = ARGL(0);
	Varlena    *v;

	if (n <= 0 || len == 0)
		RET_TEXT("", 0);
	if ((uint64_t) len * (uint64_t) n > 0x3fffffff)
		return fc_error(fc, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "requested length too large");
	v = varlena_new(fc->ctx->arena, len * (size_t) n);
	for (int32_t i = 0; i < n; i++)
		memcpy(v->data + len * (size_t) i, ARGP(0), len);
	*out = PointerGetDatum(v);
	return 0;
}

static int
reverse_fn(FnCall *fc, Datum *out)
{
	const char *s = ARGP(0),
			   *end = s + ARGL(0);
	Varlena    *v = varlena_new(fc->ctx->arena, ARGL(0));
	char	   *d = v->data + ARGL(0);

	while (s < end)
	{
		size_t		n = charlen_at(s, end);

		d -= n;
		memcpy(d, s, n);
		s += n;
	}
	*out = PointerGetDatum(v);
	return 0;
}

/* ---------------------------------------------------------------- characters */

static int
ascii_fn(FnCall *fc, Datum *out)
{
	if (ARGL(0) == 0)
		RET_INT(0);
	RET_INT(utf8_decode(ARGP(0), charlen_at(ARGP(0), ARGP(0) + ARGL(0))));
}

static int
chr_fn(FnCall *fc, Datum *out)
{
	int32_t		c = DatumGetInt32(fc->args[0]);
	char		buf[4];

	if (c < 0)
		return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "character number must be positive");
	if (c == 0)
		return fc_error(fc, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
	if (c > 0x10ffff)
		return fc_error(fc, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: %d", c);
	if (c >= 0xd800 && c <= 0xdfff)
		return fc_error(fc, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "requested character not valid for encoding: %d", c);
	RET_TEXT(buf, (size_t) utf8_encode((uint32_t) c, buf));
}

/* ---------------------------------------------------------------- concat */

static int
concat_common(FnCall *fc, Datum *out, int first, const char *sep, size_t seplen)
{
	StrBuf		sb;
	bool		any = false;

	strbuf_init_arena(&sb, fc->ctx->arena);
	for (int i = first; i < fc->nargs; i++)
	{
		if (fc->argnull && fc->argnull[i])
			continue;
		if (any && sep)
			strbuf_append(&sb, sep, seplen);
		if (func_any_text(fc, i, &sb) < 0)
			return -1;
		any = true;
	}
	RET_TEXT(sb.data, sb.len);
}

static int
concat_fn(FnCall *fc, Datum *out)
{
	return concat_common(fc, out, 0, NULL, 0);
}

static int
concat_ws_fn(FnCall *fc, Datum *out)
{
	if (fc->argnull && fc->argnull[0])
	{
		fc->isnull = true;
		return 0;
	}
	return concat_common(fc, out, 1, ARGP(0), ARGL(0));
}

/* ---------------------------------------------------------------- quoting */

/* Reserved (non-unreserved) keywords of PostgreSQL 15: pg_get_keywords() catcode <> 'U'. */
static const char *const quote_keywords[] = {
	"all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
	"between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
	"check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
	"cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
	"current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
	"distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float",
	"for", "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having",
	"ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into",
	"is", "isnull", "join", "lateral", "leading", "least", "left", "like", "limit", "localtime",
	"localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null",
	"nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps",
	"overlay", "placing", "position", "precision", "primary", "real", "references", "returning",
	"right", "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring",
	"symmetric", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat",
	"trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
	"when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
	"xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
};

static int
cmp_kw(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* quote_identifier(): quotes unless a plain lower-case identifier and not a keyword. */
void
func_quote_ident(const char *s, size_t len, StrBuf *out)
{
	bool		safe = len > 0 && ((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_');

	for (size_t i = 0; safe && i < len; i++)
	{
		char		c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			safe = false;
	}
	if (safe && len < 64)
	{
		char		buf[64];
		const char *key = buf;

		memcpy(buf, s, len);
		buf[len] = '\0';
		if (bsearch(&key, quote_keywords, sizeof(quote_keywords) / sizeof(quote_keywords[0]),
					sizeof(quote_keywords[0]), cmp_kw) != NULL)
			safe = false;
	}
	if (safe)
	{
		strbuf_append(out, s, len);
		return;
	}
	strbuf_putc(out, '"');
	for (size_t i = 0; i < len; i++)
	{
		if (s[i] == '"')
			strbuf_putc(out, '"');
		strbuf_putc(out, s[i]);
	}
	strbuf_putc(out, '"');
}

/* quote_literal_internal(): E'' when there is a backslash. */
void
func_quote_literal(const char *s, size_t len, StrBuf *out)
{
	if (memchr(s, '\\', len) != NULL)
		strbuf_putc(out, 'E');
	strbuf_putc(out, '\'');
	for (size_t i = 0; i < len; i++)
	{
		if (s[i] == '\'' || s[i] == '\\')
			strbuf_putc(out, s[i]);
		strbuf_putc(out, s[i]);
	}
	strbuf_putc(out, '\'');
}

static int
quote_ident_fn(FnCall *fc, Datum *out)
{
	StrBuf		sb;

	strbuf_init_arena(&sb, fc->ctx->arena);
	func_quote_ident(ARGP(0), ARGL(0), &sb);
	RET_TEXT(sb.data, sb.len);
}

static int
quote_literal_fn(FnCall *fc, Datum *out)
{
	StrBuf		val,
				sb;

	strbuf_init_arena(&val, fc->ctx->arena);
	if (any_cast_text(fc, 0, &val) < 0)
		return -1;
	strbuf_init_arena(&sb, fc->ctx->arena);
	func_quote_literal(val.data, val.len, &sb);
	RET_TEXT(sb.data, sb.len);
}

static int
quote_nullable_fn(FnCall *fc, Datum *out)
{
	if (fc->argnull && fc->argnull[0])
		RET_TEXT("NULL", 4);
	return quote_literal_fn(fc, out);
}

/* ---------------------------------------------------------------- to_hex, uuid, version */

static int
to_hex_common(FnCall *fc, Datum *out, uint64_t v)
{
	char		buf[17];
	int			n = snprintf(buf, sizeof(buf), "%llx", (unsigned long long) v);

	RET_TEXT(buf, (size_t) n);
}

static int to_hex32(FnCall *fc, Datum *out) { return to_hex_common(fc, out, (uint32_t) DatumGetInt32(fc->args[0])); }
static int to_hex64(FnCall *fc, Datum *out) { return to_hex_common(fc, out, (uint64_t) DatumGetInt64(fc->args[0])); }

static int
gen_random_uuid(FnCall *fc, Datum *out)
{
	Varlena    *v = varlena_new(fc->ctx->arena, 16);
	unsigned char *u = (unsigned char *) v->data;

	if (RAND_bytes(u, 16) != 1)
		return fc_error(fc, SQLSTATE_INTERNAL_ERROR, "could not generate random values");
	u[6] = (u[6] & 0x0f) | 0x40;	/* version 4 */
	u[8] = (u[8] & 0x3f) | 0x80;	/* RFC 4122 variant */
	*out = PointerGetDatum(v);
	return 0;
}

#define MEMGRES_VERSION_STRING \
	"PostgreSQL 15.0 (memgres " PACKAGE_VERSION ") on x86_64-pc-linux-gnu, compiled by gcc, 64-bit"

static int
version_fn(FnCall *fc, Datum *out)
{
	RET_TEXT(MEMGRES_VERSION_STRING, strlen(MEMGRES_VERSION_STRING));
}

/* ---------------------------------------------------------------- overlay, sha2, num_nulls, pg_typeof */

/* overlay(s PLACING r FROM start [FOR count]) */
static int
overlay_common(FnCall *fc, Datum *out, int64_t count)
{
	const char *s = ARGP(0);
	size_t		slen = ARGL(0);
	int64_t		start = DatumGetInt32(fc->args[2]);
	size_t		b0,
				b1;
	StrBuf		sb;

	if (start <= 0 || count < 0)
		return fc_error(fc, SQLSTATE_SUBSTRING_ERROR, "negative substring length not allowed");
	b0 = char_offset(s, slen, (size_t) (start - 1));
	b1 = b0 + char_offset(s + b0, slen - b0, (size_t) count);
	strbuf_init_arena(&sb, fc->ctx->arena);
	strbuf_append(&sb, s, b0);
	strbuf_append(&sb, ARGP(1), ARGL(1));
	strbuf_append(&sb, s + b1, slen - b1);
	RET_TEXT(sb.data, sb.len);
}

static int overlay4(FnCall *fc, Datum *out) { return overlay_common(fc, out, DatumGetInt32(fc->args[3])); }
static int overlay3(FnCall *fc, Datum *out) { return overlay_common(fc, out, (int64_t) utf8_strlen(ARGP(1), ARGL(1))); }

static int
num_nulls_common(FnCall *fc, Datum *out, bool count_nulls)
{
	int32_t		n = 0;

	for (int i = 0; i < fc->nargs; i++)
		if ((fc->argnull && fc->argnull[i]) == count_nulls)
			n++;
	RET_INT(n);
}

static int num_nulls(FnCall *fc, Datum *out) { return num_nulls_common(fc, out, true); }
static int num_nonnulls(FnCall *fc, Datum *out) { return num_nulls_common(fc, out, false); }

static int
pg_typeof(FnCall *fc, Datum *out)
{
	*out = ObjectIdGetDatum(fc->argtypes ? fc->argtypes[0] : UNKNOWNOID);
	return 0;
}

static const FuncDef typeof_funcs[] = {
	{.name = "pg_typeof", .nargs = 1, .argtypes = {ANYOID}, .rettype = REGTYPEOID, .strict = false,
	 .volatility = FUNC_STABLE, .fn = pg_typeof},
};

/* ---------------------------------------------------------------- tables */

#define FD(N_, FN_, n, a, b, c, res) \
	{.name = N_, .nargs = n, .argtypes = {a, b, c}, .rettype = res, .strict = true, .volatility = FUNC_IMMUTABLE, .fn = FN_}
#define T TEXTOID
#define I INT4OID
#define CMP_F(pfx, sym, t) \
	FD(#pfx "eq", sym##eq, 2, t, t, 0, BOOLOID), FD(#pfx "ne", sym##ne, 2, t, t, 0, BOOLOID), \
	FD(#pfx "lt", sym##lt, 2, t, t, 0, BOOLOID), FD(#pfx "le", sym##le, 2, t, t, 0, BOOLOID), \
	FD(#pfx "gt", sym##gt, 2, t, t, 0, BOOLOID), FD(#pfx "ge", sym##ge, 2, t, t, 0, BOOLOID)
#define CMP_X(l, r, pfx, sfx) \
	FD(pfx "eq" sfx, text_eq, 2, l, r, 0, BOOLOID), FD(pfx "ne" sfx, text_ne, 2, l, r, 0, BOOLOID), \
	FD(pfx "lt" sfx, text_lt, 2, l, r, 0, BOOLOID), FD(pfx "le" sfx, text_le, 2, l, r, 0, BOOLOID), \
	FD(pfx "gt" sfx, text_gt, 2, l, r, 0, BOOLOID), FD(pfx "ge" sfx, text_ge, 2, l, r, 0, BOOLOID)

static const FuncDef string_funcs[] = {
	FD("texteq", text_eq, 2, T, T, 0, BOOLOID),
	FD("textne", text_ne, 2, T, T, 0, BOOLOID),
	FD("text_lt", text_lt, 2, T, T, 0, BOOLOID),
	FD("text_le", text_le, 2, T, T, 0, BOOLOID),
	FD("text_gt", text_gt, 2, T, T, 0, BOOLOID),
	FD("text_ge", text_ge, 2, T, T, 0, BOOLOID),
	CMP_F(bpchar, bpchar_, BPCHAROID),
	CMP_F(name, text_, NAMEOID),
	CMP_X(NAMEOID, T, "name", "text"),
	CMP_X(T, NAMEOID, "text", "name"),
	CMP_F(bytea, text_, BYTEAOID),
	FD("uuid_eq", uuid_eq, 2, UUIDOID, UUIDOID, 0, BOOLOID),
	FD("uuid_ne", uuid_ne, 2, UUIDOID, UUIDOID, 0, BOOLOID),
	FD("uuid_lt", uuid_lt, 2, UUIDOID, UUIDOID, 0, BOOLOID),
	FD("uuid_le", uuid_le, 2, UUIDOID, UUIDOID, 0, BOOLOID),
	FD("uuid_gt", uuid_gt, 2, UUIDOID, UUIDOID, 0, BOOLOID),
	FD("uuid_ge", uuid_ge, 2, UUIDOID, UUIDOID, 0, BOOLOID),
	FD("textcat", textcat, 2, T, T, 0, T),
	FD("textanycat", anycat_common, 2, T, ANYNONARRAYOID, 0, T),
	FD("anytextcat", anycat_common, 2, ANYNONARRAYOID, T, 0, T),
	FD("length", textlen, 1, T, 0, 0, I),
	FD("char_length", textlen, 1, T, 0, 0, I),
	FD("character_length", textlen, 1, T, 0, 0, I),
	FD("octet_length", textoctetlen, 1, T, 0, 0, I),
	FD("bit_length", bitlength, 1, T, 0, 0, I),
	FD("length", bpcharlen, 1, BPCHAROID, 0, 0, I),
	FD("char_length", bpcharlen, 1, BPCHAROID, 0, 0, I),
	FD("character_length", bpcharlen, 1, BPCHAROID, 0, 0, I),
	FD("octet_length", textoctetlen, 1, BPCHAROID, 0, 0, I),
	FD("length", textoctetlen, 1, BYTEAOID, 0, 0, I),
	FD("octet_length", textoctetlen, 1, BYTEAOID, 0, 0, I),
	FD("bit_length", bitlength, 1, BYTEAOID, 0, 0, I),
	FD("lower", lower_fn, 1, T, 0, 0, T),
	FD("upper", upper_fn, 1, T, 0, 0, T),
	FD("initcap", initcap_fn, 1, T, 0, 0, T),
	FD("substr", text_substr, 3, T, I, I, T),
	FD("substr", text_substr_nolen, 2, T, I, 0, T),
	FD("substring", text_substr, 3, T, I, I, T),
	FD("substring", text_substr_nolen, 2, T, I, 0, T),
	FD("substr", bytea_substr, 3, BYTEAOID, I, I, BYTEAOID),
	FD("substr", bytea_substr_nolen, 2, BYTEAOID, I, 0, BYTEAOID),
	FD("substring", bytea_substr, 3, BYTEAOID, I, I, BYTEAOID),
	FD("substring", bytea_substr_nolen, 2, BYTEAOID, I, 0, BYTEAOID),
	FD("left", text_left, 2, T, I, 0, T),
	FD("right", text_right, 2, T, I, 0, T),
	FD("position", textpos, 2, T, T, 0, I),
	FD("strpos", textpos, 2, T, T, 0, I),
	FD("position", byteapos, 2, BYTEAOID, BYTEAOID, 0, I),
	FD("starts_with", starts_with, 2, T, T, 0, BOOLOID),
	FD("btrim", btrim1, 1, T, 0, 0, T),
	FD("ltrim", ltrim1, 1, T, 0, 0, T),
	FD("rtrim", rtrim1, 1, T, 0, 0, T),
	FD("btrim", btrim2, 2, T, T, 0, T),
	FD("ltrim", ltrim2, 2, T, T, 0, T),
	FD("rtrim", rtrim2, 2, T, T, 0, T),
	FD("replace", replace_text, 3, T, T, T, T),
	FD("split_part", split_part, 3, T, T, I, T),
	FD("translate", translate_fn, 3, T, T, T, T),
	FD("lpad", lpad3, 3, T, I, T, T),
	FD("rpad", rpad3, 3, T, I, T, T),
	FD("lpad", lpad2, 2, T, I, 0, T),
	FD("rpad", rpad2, 2, T, I, 0, T),
	FD("repeat", repeat_fn, 2, T, I, 0, T),
	FD("reverse", reverse_fn, 1, T, 0, 0, T),
	FD("ascii", ascii_fn, 1, T, 0, 0, I),
	FD("chr", chr_fn, 1, I, 0, 0, T),
	{.name = "concat", .nargs = 0, .variadic = ANYOID, .rettype = T, .strict = false,
	 .volatility = FUNC_STABLE, .fn = concat_fn},
	{.name = "concat_ws", .nargs = 1, .argtypes = {T}, .variadic = ANYOID, .rettype = T, .strict = false,
	 .volatility = FUNC_STABLE, .fn = concat_ws_fn},
	FD("quote_ident", quote_ident_fn, 1, T, 0, 0, T),
	FD("quote_literal", quote_literal_fn, 1, T, 0, 0, T),
	{.name = "quote_literal", .nargs = 1, .argtypes = {ANYELEMENTOID}, .rettype = T, .strict = true,
	 .volatility = FUNC_STABLE, .fn = quote_literal_fn},
	{.name = "quote_nullable", .nargs = 1, .argtypes = {T}, .rettype = T, .strict = false,
	 .volatility = FUNC_IMMUTABLE, .fn = quote_nullable_fn},
	{.name = "quote_nullable", .nargs = 1, .argtypes = {ANYELEMENTOID}, .rettype = T, .strict = false,
	 .volatility = FUNC_STABLE, .fn = quote_nullable_fn},
	FD("to_hex", to_hex32, 1, I, 0, 0, T),
	FD("to_hex", to_hex64, 1, INT8OID, 0, 0, T),
	{.name = "gen_random_uuid", .nargs = 0, .rettype = UUIDOID, .strict = true,
	 .volatility = FUNC_VOLATILE, .fn = gen_random_uuid},
	{.name = "version", .nargs = 0, .rettype = T, .strict = true,
	 .volatility = FUNC_STABLE, .fn = version_fn},
	{.name = "overlay", .nargs = 4, .argtypes = {T, T, I, I}, .rettype = T, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = overlay4},
	FD("overlay", overlay3, 3, T, T, I, T),
	{.name = "num_nulls", .nargs = 0, .variadic = ANYOID, .rettype = I, .strict = false,
	 .volatility = FUNC_IMMUTABLE, .fn = num_nulls},
	{.name = "num_nonnulls", .nargs = 0, .variadic = ANYOID, .rettype = I, .strict = false,
	 .volatility = FUNC_IMMUTABLE, .fn = num_nonnulls},
};

#define OP(N_, l, r, res, FN_, neg, com) \
	{.name = N_, .left = l, .right = r, .result = res, .func_name = FN_, .negator = neg, .commutator = com}
#define CMP_OPS(l, r, feq, fne, flt, fle, fgt, fge) \
	OP("=", l, r, BOOLOID, feq, "<>", "="), OP("<>", l, r, BOOLOID, fne, "=", "<>"), \
	OP("<", l, r, BOOLOID, flt, ">=", ">"), OP("<=", l, r, BOOLOID, fle, ">", ">="), \
	OP(">", l, r, BOOLOID, fgt, "<=", "<"), OP(">=", l, r, BOOLOID, fge, "<", "<=")

static const OperDef string_opers[] = {
	CMP_OPS(T, T, "texteq", "textne", "text_lt", "text_le", "text_gt", "text_ge"),
	CMP_OPS(BPCHAROID, BPCHAROID, "bpchareq", "bpcharne", "bpcharlt", "bpcharle", "bpchargt", "bpcharge"),
	CMP_OPS(NAMEOID, NAMEOID, "nameeq", "namene", "namelt", "namele", "namegt", "namege"),
	CMP_OPS(NAMEOID, T, "nameeqtext", "namenetext", "namelttext", "nameletext", "namegttext", "namegetext"),
	CMP_OPS(T, NAMEOID, "texteqname", "textnename", "textltname", "textlename", "textgtname", "textgename"),
	CMP_OPS(BYTEAOID, BYTEAOID, "byteaeq", "byteane", "bytealt", "byteale", "byteagt", "byteage"),
	CMP_OPS(UUIDOID, UUIDOID, "uuid_eq", "uuid_ne", "uuid_lt", "uuid_le", "uuid_gt", "uuid_ge"),
	OP("||", T, T, T, "textcat", NULL, NULL),
	OP("||", T, ANYNONARRAYOID, T, "textanycat", NULL, NULL),
	OP("||", ANYNONARRAYOID, T, T, "anytextcat", NULL, NULL),
	OP("^@", T, T, BOOLOID, "starts_with", NULL, NULL),
};

void
register_string_funcs(void)
{
	utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t) 0);
	func_register(string_funcs, (int) (sizeof(string_funcs) / sizeof(string_funcs[0])));
	oper_register(string_opers, (int) (sizeof(string_opers) / sizeof(string_opers[0])));
	/* pg_typeof() returns regtype: only once the type system has it. */
	if (type_by_oid(REGTYPEOID) != NULL)
		func_register(typeof_funcs, 1);
}
