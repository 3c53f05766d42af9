/*
 * float.c — float4 (real) and float8 (double precision): PostgreSQL 15's
 * text input (strtod plus the NaN/Infinity spellings, range errors for
 * overflow and for underflow to zero) and output: the shortest string that
 * reads back as the same value when extra_float_digits > 0 (PostgreSQL's
 * Ryu output, same layout), else "%.*g" with DBL_DIG/FLT_DIG +
 * extra_float_digits digits.
 *
 * Design notes: the shortest representation is found by trying 1..17
 * significant digits with correctly rounded "%.*e" and reading each back;
 * the digits and decimal exponent are then laid out as Ryu's to_chars does
 * (fixed notation for exponents -4 .. 14 (float8) / 5 (float4), otherwise
 * d.ddde+XX).
 *
 * Invariants: comparison treats NaN as equal to NaN and above every other
 * value, and -0 as equal to 0, as PostgreSQL's float8_cmp_internal; hashes
 * and key encodings respect that equality.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
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

/*
 * Shared body of float4in/float8in.  is4 selects strtof and the "real"
 * wording.  Returns the value as a double (exactly representable as float
 * when is4).
 */
static int
float_parse(EvalCtx *ctx, const char *str, size_t len, bool is4, double *result)
{
	const char *tname = is4 ? "real" : "double precision";
	char		buf[128];
	char	   *copy = len < sizeof(buf) ? buf : arena_alloc(ctx->arena, len + 1);
	char	   *s;
	char	   *end;
	double		val;

	memcpy(copy, str, len);
	copy[len] = '\0';
	if (strlen(copy) != len)
		return types_syntax_error(ctx, tname, str, len);
	s = copy;
	while (is_space(*s))
		s++;
	if (*s == '\0')
		return types_syntax_error(ctx, tname, str, len);

	errno = 0;
	if (is4)
		val = strtof(s, &end);
	else
		val = strtod(s, &end);

	if (end == s || errno != 0)
	{
		/* strtod may not know every spelling PostgreSQL accepts */
		static const struct
		{
			const char *word;
			double		v;
		}			specials[] = {
			{"NaN", NAN}, {"Infinity", INFINITY}, {"+Infinity", INFINITY},
			{"-Infinity", -INFINITY}, {"inf", INFINITY}, {"+inf", INFINITY},
			{"-inf", -INFINITY},
		};
		bool		matched = false;

		for (size_t i = 0; i < sizeof(specials) / sizeof(specials[0]); i++)
		{
			size_t		wl = strlen(specials[i].word);

			if (strncasecmp(s, specials[i].word, wl) == 0)
			{
				val = specials[i].v;
				end = s + wl;
				matched = true;
				break;
			}
		}
		if (!matched)
		{
			if (end != s && errno == ERANGE)
			{
				/* underflow to zero or overflow: an error; denormals are fine */
				if (val == 0.0 || isinf(val))
				{
					mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
							 "\"%.*s\" is out of range for type %s", (int) len, str, tname);
					return -1;
				}
			}
			else
				return types_syntax_error(ctx, tname, str, len);
		}
	}
	while (is_space(*end))
		end++;
	if (*end != '\0')
		return types_syntax_error(ctx, tname, str, len);
	*result = val;
	return 0;
}

static int
float4_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	double		v;

	(void) typmod;
	if (float_parse(ctx, str, len, true, &v) < 0)
		return -1;
	*out = Float4GetDatum((float) v);
	return 0;
}

static int
float8_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	double		v;

	(void) typmod;
	if (float_parse(ctx, str, len, false, &v) < 0)
		return -1;
	*out = Float8GetDatum(v);
	return 0;
}

/*
 * Shortest digits that read back as v: fills digits[] (no trailing zeros,
 * NUL-terminated) and returns the decimal exponent of the first digit.
 */
static int
shortest_digits(double v, bool is4, char *digits)
{
	char		buf[64];
	int			maxp = is4 ? 9 : 17;
	int			p;
	char	   *e;
	int			exp10;
	int			n = 0;

	for (p = 1; p <= maxp; p++)
	{
		snprintf(buf, sizeof(buf), "%.*e", p - 1, v);
		if (is4 ? strtof(buf, NULL) == (float) v : strtod(buf, NULL) == v)
			break;
	}
	if (p > maxp)
		snprintf(buf, sizeof(buf), "%.*e", maxp - 1, v);
	/* buf: [-]d[.ddd]e[+-]XX */
	for (char *c = buf; *c && *c != 'e'; c++)
		if (*c >= '0' && *c <= '9')
			digits[n++] = *c;
	while (n > 1 && digits[n - 1] == '0')
		n--;
	digits[n] = '\0';
	e = strchr(buf, 'e');
	exp10 = atoi(e + 1);
	return exp10;
}

static void
float_out_shortest(double v, bool is4, StrBuf *out)
{
	char		digits[32];
	int			exp10;
	int			nd;

	if (v == 0)
	{
		strbuf_puts(out, signbit(v) ? "-0" : "0");
		return;
	}
	exp10 = shortest_digits(v, is4, digits);
	nd = (int) strlen(digits);
	if (v < 0)
		strbuf_putc(out, '-');
	if (exp10 >= -4 && exp10 < (is4 ? 6 : 15))
	{
		if (exp10 < 0)
		{
			strbuf_puts(out, "0.");
			for (int i = 0; i < -exp10 - 1; i++)
				strbuf_putc(out, '0');
			strbuf_puts(out, digits);
		}
		else if (nd <= exp10 + 1)
		{
			strbuf_puts(out, digits);
			for (int i = nd; i < exp10 + 1; i++)
				strbuf_putc(out, '0');
		}
		else
		{
			strbuf_append(out, digits, (size_t) exp10 + 1);
			strbuf_putc(out, '.');
			strbuf_puts(out, digits + exp10 + 1);
		}
		return;
	}
	strbuf_putc(out, digits[0]);
	if (nd > 1)
	{
		strbuf_putc(out, '.');
		strbuf_puts(out, digits + 1);
	}
	strbuf_printf(out, "e%c%02d", exp10 < 0 ? '-' : '+', abs(exp10));
}

/* float4out/float8out. */
static void
float_out_internal(const GucSession *gucs, double v, bool is4, StrBuf *out)
{
	int			efd = gucs != NULL ? (int) guc_int(gucs, GUC_EXTRA_FLOAT_DIGITS) : 1;

	if (isnan(v))
	{
		strbuf_puts(out, "NaN");
		return;
	}
	if (isinf(v))
	{
		strbuf_puts(out, v < 0 ? "-Infinity" : "Infinity");
		return;
	}
	if (efd > 0)
		float_out_shortest(v, is4, out);
	else
	{
		int			ndig = (is4 ? FLT_DIG : DBL_DIG) + efd;

		if (ndig < 1)
			ndig = 1;
		strbuf_printf(out, "%.*g", ndig, v);
	}
}

/* For casts and other modules: float8out/float4out of a C value. */
void
types_float8_out(const GucSession *gucs, double v, StrBuf *out)
{
	float_out_internal(gucs, v, false, out);
}

void
types_float4_out(const GucSession *gucs, float v, StrBuf *out)
{
	float_out_internal(gucs, v, true, out);
}

static int
float4_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) typmod;
	float_out_internal(ctx->gucs, DatumGetFloat4(v), true, out);
	return 0;
}

static int
float8_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) typmod;
	float_out_internal(ctx->gucs, DatumGetFloat8(v), false, out);
	return 0;
}

static int
float4_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (len != 4)
		return types_binary_error(ctx, len, 4);
	*out = (Datum) get_be32(buf);
	return 0;
}

static int
float8_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (len != 8)
		return types_binary_error(ctx, len, 8);
	*out = (Datum) get_be64(buf);
	return 0;
}

static int
float4_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	put_be32(out, (uint32_t) v);
	return 0;
}

static int
float8_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	put_be64(out, (uint64_t) v);
	return 0;
}

/* float8_cmp_internal: NaN = NaN, NaN > everything else. */
int
types_float8_cmp(double a, double b)
{
	if (isnan(a))
		return isnan(b) ? 0 : 1;
	if (isnan(b))
		return -1;
	return (a > b) - (a < b);
}

static int
float4_cmp(Datum a, Datum b)
{
	return types_float8_cmp(DatumGetFloat4(a), DatumGetFloat4(b));
}

static int
float8_cmp(Datum a, Datum b)
{
	return types_float8_cmp(DatumGetFloat8(a), DatumGetFloat8(b));
}

/* Hash of the value widened to double, so float4 and float8 agree. */
static uint64_t
float_hash(double v)
{
	if (v == 0)
		v = 0;					/* -0 hashes as 0 */
	if (isnan(v))
		v = NAN;
	return types_hash_bytes(&v, sizeof(v));
}

static uint64_t
float4_hash(Datum a)
{
	return float_hash(DatumGetFloat4(a));
}

static uint64_t
float8_hash(Datum a)
{
	return float_hash(DatumGetFloat8(a));
}

/* IEEE bits made memcmp-ordered: positives get the sign bit set, negatives are inverted. */
static void
float8_key(Datum v, StrBuf *out)
{
	double		d = DatumGetFloat8(v);
	uint64_t	u;

	if (d == 0)
		d = 0;
	if (isnan(d))
	{
		put_be64(out, UINT64_MAX);
		return;
	}
	memcpy(&u, &d, sizeof(u));
	if (u & 0x8000000000000000ull)
		u = ~u;
	else
		u |= 0x8000000000000000ull;
	put_be64(out, u);
}

static void
float4_key(Datum v, StrBuf *out)
{
	float		f = DatumGetFloat4(v);
	uint32_t	u;

	if (f == 0)
		f = 0;
	if (isnan(f))
	{
		put_be32(out, UINT32_MAX);
		return;
	}
	memcpy(&u, &f, sizeof(u));
	if (u & 0x80000000u)
		u = ~u;
	else
		u |= 0x80000000u;
	put_be32(out, u);
}

const MgType mg_type_float4 = {
	.oid = FLOAT4OID, .name = "float4", .sql_name = "real", .typlen = 4, .byval = true,
	.category = 'N', .align = 'i', .array = FLOAT4ARRAYOID,
	.input = float4_in, .output = float4_out, .recv = float4_recv, .send = float4_send,
	.cmp = float4_cmp, .hash = float4_hash, .key_encode = float4_key,
};
const MgType mg_type_float8 = {
	.oid = FLOAT8OID, .name = "float8", .sql_name = "double precision", .typlen = 8, .byval = true,
	.category = 'N', .preferred = true, .align = 'd', .array = FLOAT8ARRAYOID,
	.input = float8_in, .output = float8_out, .recv = float8_recv, .send = float8_send,
	.cmp = float8_cmp, .hash = float8_hash, .key_encode = float8_key,
};
