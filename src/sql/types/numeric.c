/*
 * numeric.c — the numeric type: arbitrary-precision decimals with
 * PostgreSQL 15's semantics (numeric.h is the contract).
 *
 * Design notes: the arithmetic follows PostgreSQL's numeric.c.  Values are
 * unpacked into a NumericVar (base-10000 digits, a weight, a sign and a
 * display scale) whose digits live in the caller's arena; the operations
 * work on NumericVars and nv_make_result() packs the result.  Every digit
 * array is allocated with one spare leading digit so rounding can carry
 * into a new most significant digit (PostgreSQL's buf/digits trick).
 * Result scales follow PostgreSQL exactly (nv_select_div_scale, the sqrt/exp/
 * ln/log/power rules); transcendental functions are computed with several
 * guard digits beyond the result scale and then rounded.
 *
 * Packed form (the Varlena's data, all fields native-endian, unaligned):
 *   uint16 sign (NUMERIC_POS/NEG/NAN/PINF/NINF), int16 weight,
 *   uint16 dscale, then int16 digits[], no leading or trailing zero digits.
 *
 * This file is the type (text and binary I/O, typmods, conversions,
 * comparison, keys, the numeric.h arithmetic API and casts); the NumericVar
 * arithmetic engine is numeric_var.c, the transcendental functions
 * numeric_trans.c, the sum/avg accumulators numeric_accum.c, and
 * numeric_int.h is what they share.
 *
 * Invariants:
 *  1. A packed value is normalised: zero has no digits, weight 0 and a
 *     positive sign; so equal values with equal dscale pack identically.
 *  2. weight <= NUMERIC_WEIGHT_MAX and dscale <= NUMERIC_DSCALE_MAX, else
 *     the operation fails with 22003 "value overflows numeric format".
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <memgres/numeric.h>
#include <memgres/types.h>

#include "numeric_int.h"
#include "typesint.h"

/* ---- text I/O ---- */

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int
numeric_syntax(EvalCtx *ctx, const char *s, size_t len)
{
	return types_syntax_error(ctx, "numeric", s, len);
}

/* Parses the digits part of numeric input into var (PostgreSQL's nv_from_str). */
int
nv_from_str(EvalCtx *ctx, const char *str, size_t len, const char *cp, const char *end,
				 NumericVar *dest, const char **endp)
{
	bool		have_dp = false;
	int			sign = NUMERIC_POS;
	int			dweight = -1;
	int			dscale = 0;
	int			ddigits;
	int			weight, offset, ndigits;
	unsigned char *decdigits;
	int			i;
	int64_t		exponent = 0;

	if (cp < end && (*cp == '+' || *cp == '-'))
	{
		if (*cp == '-')
			sign = NUMERIC_NEG;
		cp++;
	}
	if (cp < end && *cp == '.')
	{
		have_dp = true;
		cp++;
	}
	if (cp >= end || !(*cp >= '0' && *cp <= '9'))
		return numeric_syntax(ctx, str, len);

	decdigits = arena_alloc(ctx->arena, (size_t) (end - cp) + DEC_DIGITS * 2);
	memset(decdigits, 0, DEC_DIGITS);
	i = DEC_DIGITS;
	while (cp < end)
	{
		if (*cp >= '0' && *cp <= '9')
		{
			decdigits[i++] = (unsigned char) (*cp++ - '0');
			if (!have_dp)
				dweight++;
			else
				dscale++;
		}
		else if (*cp == '.')
		{
			if (have_dp)
				return numeric_syntax(ctx, str, len);
			have_dp = true;
			cp++;
		}
		else
			break;
	}
	ddigits = i - DEC_DIGITS;
	memset(decdigits + i, 0, DEC_DIGITS - 1);

	if (cp < end && (*cp == 'e' || *cp == 'E'))
	{
		bool		eneg = false;
		int			nd = 0;

		cp++;
		if (cp < end && (*cp == '+' || *cp == '-'))
			eneg = *cp++ == '-';
		while (cp < end && *cp >= '0' && *cp <= '9')
		{
			if (exponent < 100000000)
				exponent = exponent * 10 + (*cp - '0');
			cp++;
			nd++;
		}
		if (nd == 0)
			return numeric_syntax(ctx, str, len);
		if (eneg)
			exponent = -exponent;
		if (exponent > NUMERIC_WEIGHT_MAX * 4 + 4 || exponent < -(NUMERIC_DSCALE_MAX + 1) * 4)
			return nv_overflow_error(ctx);
		dweight += (int) exponent;
		dscale -= (int) exponent;
		if (dscale < 0)
			dscale = 0;
	}

	if (dweight >= 0)
		weight = (dweight + 1 + DEC_DIGITS - 1) / DEC_DIGITS - 1;
	else
		weight = -((-dweight - 1) / DEC_DIGITS + 1);
	offset = (weight + 1) * DEC_DIGITS - (dweight + 1);
	ndigits = (ddigits + offset + DEC_DIGITS - 1) / DEC_DIGITS;

	nv_alloc(ctx->arena, dest, ndigits);
	dest->sign = sign;
	dest->weight = weight;
	dest->dscale = dscale;
	i = DEC_DIGITS - offset;
	for (int k = 0; k < ndigits; k++)
	{
		dest->digits[k] = (NumericDigit) (((decdigits[i] * 10 + decdigits[i + 1]) * 10 +
										   decdigits[i + 2]) * 10 + decdigits[i + 3]);
		i += DEC_DIGITS;
	}
	nv_strip(dest);
	*endp = cp;
	return 0;
}

static int	apply_typmod(EvalCtx *ctx, NumericVar *var, int32_t typmod);
static int	apply_typmod_special(EvalCtx *ctx, uint16_t sign, int32_t typmod);

int
numeric_from_str(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	const char *cp = str;
	const char *end = str + len;
	NumericVar	var;
	static const struct
	{
		const char *word;
		uint16_t	sign;
	}			specials[] = {
		{"NaN", NUMERIC_NAN}, {"Infinity", NUMERIC_PINF}, {"+Infinity", NUMERIC_PINF},
		{"-Infinity", NUMERIC_NINF}, {"inf", NUMERIC_PINF}, {"+inf", NUMERIC_PINF},
		{"-inf", NUMERIC_NINF},
	};

	while (cp < end && is_space(*cp))
		cp++;
	while (end > cp && is_space(end[-1]))
		end--;
	for (size_t i = 0; i < sizeof(specials) / sizeof(specials[0]); i++)
	{
		size_t		wl = strlen(specials[i].word);

		if ((size_t) (end - cp) == wl && strncasecmp(cp, specials[i].word, wl) == 0)
		{
			if (apply_typmod_special(ctx, specials[i].sign, typmod) < 0)
				return -1;
			*out = nv_make_special(ctx->arena, specials[i].sign);
			return 0;
		}
	}
	if (nv_from_str(ctx, str, len, cp, end, &var, &cp) < 0)
		return -1;
	if (cp != end)
		return numeric_syntax(ctx, str, len);
	if (apply_typmod(ctx, &var, typmod) < 0)
		return -1;
	return nv_make_result(ctx, &var, out);
}

static void
get_str_from_var(const NumericVar *var, StrBuf *out)
{
	int			dscale = var->dscale;
	int			d;

	if (var->sign == NUMERIC_NEG)
		strbuf_putc(out, '-');
	if (var->weight < 0)
		strbuf_putc(out, '0');
	else
	{
		for (d = 0; d <= var->weight; d++)
		{
			int			dig = d < var->ndigits ? var->digits[d] : 0;

			if (d == 0)
				strbuf_printf(out, "%d", dig);
			else
				strbuf_printf(out, "%04d", dig);
		}
	}
	if (dscale > 0)
	{
		size_t		start;

		strbuf_putc(out, '.');
		start = out->len;
		for (int i = 0, dd = var->weight + 1; i < dscale; dd++, i += DEC_DIGITS)
		{
			int			dig = (dd >= 0 && dd < var->ndigits) ? var->digits[dd] : 0;

			strbuf_printf(out, "%04d", dig);
		}
		out->len = start + (size_t) dscale;
		out->data[out->len] = '\0';
	}
}

void
numeric_to_str(Datum v, StrBuf *out)
{
	NumericVar	var;
	uint16_t	sign = pk_sign(v);

	if (sign == NUMERIC_NAN)
	{
		strbuf_puts(out, "NaN");
		return;
	}
	if (sign == NUMERIC_PINF)
	{
		strbuf_puts(out, "Infinity");
		return;
	}
	if (sign == NUMERIC_NINF)
	{
		strbuf_puts(out, "-Infinity");
		return;
	}
	var.ndigits = pk_ndigits(v);
	var.weight = pk_weight(v);
	var.sign = sign;
	var.dscale = pk_dscale(v);
	var.buf = NULL;
	{
		NumericDigit stackbuf[64];
		NumericDigit *digs = var.ndigits <= 64 ? stackbuf : malloc(sizeof(NumericDigit) * (size_t) var.ndigits);

		if (digs == NULL)
			abort();
		for (int i = 0; i < var.ndigits; i++)
			digs[i] = pk_digit(v, i);
		var.digits = digs;
		get_str_from_var(&var, out);
		if (digs != stackbuf)
			free(digs);
	}
}

/* ---- typmod ---- */

static void
typmod_decode(int32_t typmod, int *precision, int *scale)
{
	*precision = ((typmod - TYPMOD_HDRSZ) >> 16) & 0xffff;
	*scale = (((typmod - TYPMOD_HDRSZ) & 0x7ff) ^ 1024) - 1024;
}

static int
apply_typmod_special(EvalCtx *ctx, uint16_t sign, int32_t typmod)
{
	int			precision, scale;

	if (typmod < TYPMOD_HDRSZ || sign == NUMERIC_NAN)
		return 0;
	typmod_decode(typmod, &precision, &scale);
	mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow");
	mg_error_detail(ctx->err, "A field with precision %d, scale %d cannot hold an infinite value.",
					precision, scale);
	return -1;
}

static int
apply_typmod(EvalCtx *ctx, NumericVar *var, int32_t typmod)
{
	int			precision, scale, maxdigits, ddigits;

	if (typmod < TYPMOD_HDRSZ)
		return 0;
	typmod_decode(typmod, &precision, &scale);
	maxdigits = precision - scale;
	nv_round(var, scale);
	if (var->dscale < 0)
		var->dscale = 0;
	ddigits = (var->weight + 1) * DEC_DIGITS;
	if (ddigits > maxdigits)
	{
		for (int i = 0; i < var->ndigits; i++)
		{
			NumericDigit dig = var->digits[i];

			if (dig)
			{
				if (dig < 10)
					ddigits -= 3;
				else if (dig < 100)
					ddigits -= 2;
				else if (dig < 1000)
					ddigits -= 1;
				if (ddigits > maxdigits)
				{
					mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow");
					mg_error_detail(ctx->err,
									"A field with precision %d, scale %d must round to an absolute value less than %s%d.",
									precision, scale, maxdigits ? "10^" : "", maxdigits ? maxdigits : 1);
					return -1;
				}
				break;
			}
			ddigits -= DEC_DIGITS;
		}
	}
	return 0;
}

int
numeric_apply_typmod(EvalCtx *ctx, Datum v, int32_t typmod, Datum *out)
{
	NumericVar	var;

	if (typmod < TYPMOD_HDRSZ)
	{
		*out = v;
		return 0;
	}
	if (pk_special(v))
	{
		if (apply_typmod_special(ctx, pk_sign(v), typmod) < 0)
			return -1;
		*out = v;
		return 0;
	}
	nv_from_num(ctx->arena, v, &var);
	if (apply_typmod(ctx, &var, typmod) < 0)
		return -1;
	return nv_make_result(ctx, &var, out);
}

/* ---- constructors and conversions ---- */

Datum
numeric_from_int64(Arena *a, int64_t v)
{
	NumericVar	var;
	MgError		err = MG_ERROR_INIT;
	EvalCtx		ctx = {.arena = a, .err = &err};
	Datum		d = 0;

	nv_from_int64(a, v, &var);
	(void) nv_make_result(&ctx, &var, &d);	/* cannot overflow */
	return d;
}

Datum
numeric_nan(Arena *a)
{
	return nv_make_special(a, NUMERIC_NAN);
}

Datum
numeric_from_double(Arena *a, double v)
{
	char		buf[64];
	MgError		err = MG_ERROR_INIT;
	EvalCtx		ctx = {.arena = a, .err = &err};
	Datum		d = 0;

	if (isnan(v))
		return nv_make_special(a, NUMERIC_NAN);
	if (isinf(v))
		return nv_make_special(a, v > 0 ? NUMERIC_PINF : NUMERIC_NINF);
	snprintf(buf, sizeof(buf), "%.*g", DBL_DIG, v);
	if (numeric_from_str(&ctx, buf, strlen(buf), -1, &d) < 0)
	{
		mg_error_reset(&err);
		return nv_make_special(a, NUMERIC_NAN);
	}
	return d;
}

static Datum
numeric_from_float4(Arena *a, float v)
{
	char		buf[64];
	MgError		err = MG_ERROR_INIT;
	EvalCtx		ctx = {.arena = a, .err = &err};
	Datum		d = 0;

	if (isnan(v))
		return nv_make_special(a, NUMERIC_NAN);
	if (isinf(v))
		return nv_make_special(a, v > 0 ? NUMERIC_PINF : NUMERIC_NINF);
	snprintf(buf, sizeof(buf), "%.*g", FLT_DIG, (double) v);
	if (numeric_from_str(&ctx, buf, strlen(buf), -1, &d) < 0)
	{
		mg_error_reset(&err);
		return nv_make_special(a, NUMERIC_NAN);
	}
	return d;
}

double
numeric_to_double(Datum v)
{
	StrBuf		sb;
	double		d;
	uint16_t	sign = pk_sign(v);

	if (sign == NUMERIC_NAN)
		return NAN;
	if (sign == NUMERIC_PINF)
		return INFINITY;
	if (sign == NUMERIC_NINF)
		return -INFINITY;
	strbuf_init(&sb);
	numeric_to_str(v, &sb);
	d = strtod(sb.data, NULL);
	strbuf_free(&sb);
	return d;
}

static int
numeric_to_int_range(EvalCtx *ctx, Datum v, int64_t min, int64_t max, const char *tname, int64_t *out)
{
	NumericVar	var;
	int64_t		acc = 0;

	if (pk_special(v))
	{
		mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "cannot convert %s to %s",
				 pk_sign(v) == NUMERIC_NAN ? "NaN" : "infinity", tname);
		return -1;
	}
	nv_from_num(ctx->arena, v, &var);
	nv_round(&var, 0);
	nv_strip(&var);
	if (var.ndigits > 0)
	{
		if (var.weight > 4)
			goto overflow;
		for (int i = 0; i <= var.weight; i++)
		{
			int			dig = i < var.ndigits ? var.digits[i] : 0;

			/* accumulate negatively so the minimum fits */
			if (acc < (INT64_MIN + dig) / NBASE)
				goto overflow;
			acc = acc * NBASE - dig;
		}
		if (var.sign == NUMERIC_POS)
		{
			if (acc == INT64_MIN)
				goto overflow;
			acc = -acc;
		}
	}
	if (acc < min || acc > max)
		goto overflow;
	*out = acc;
	return 0;
overflow:
	mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range", tname);
	return -1;
}

int
numeric_to_int64(EvalCtx *ctx, Datum v, int64_t *out)
{
	return numeric_to_int_range(ctx, v, INT64_MIN, INT64_MAX, "bigint", out);
}

int
numeric_to_int32(EvalCtx *ctx, Datum v, int32_t *out)
{
	int64_t		x;

	if (numeric_to_int_range(ctx, v, INT32_MIN, INT32_MAX, "integer", &x) < 0)
		return -1;
	*out = (int32_t) x;
	return 0;
}

int
numeric_to_int16(EvalCtx *ctx, Datum v, int16_t *out)
{
	int64_t		x;

	if (numeric_to_int_range(ctx, v, INT16_MIN, INT16_MAX, "smallint", &x) < 0)
		return -1;
	*out = (int16_t) x;
	return 0;
}

bool
numeric_is_nan(Datum v)
{
	return pk_sign(v) == NUMERIC_NAN;
}

bool
numeric_is_inf(Datum v)
{
	return pk_sign(v) == NUMERIC_PINF || pk_sign(v) == NUMERIC_NINF;
}

int
numeric_sign_of(Datum v)
{
	uint16_t	s = pk_sign(v);

	if (s == NUMERIC_NAN)
		return 0;
	if (s == NUMERIC_PINF)
		return 1;
	if (s == NUMERIC_NINF)
		return -1;
	if (pk_ndigits(v) == 0)
		return 0;
	return s == NUMERIC_NEG ? -1 : 1;
}

int
numeric_dscale(Datum v)
{
	return pk_special(v) ? 0 : pk_dscale(v);
}

/* ---- comparison, hashing, key encoding ---- */

/* NaN > +Inf > finite > -Inf. */
static int
special_rank(uint16_t s)
{
	switch (s)
	{
		case NUMERIC_NINF:
			return -1;
		case NUMERIC_PINF:
			return 1;
		case NUMERIC_NAN:
			return 2;
		default:
			return 0;
	}
}

int
numeric_cmp(Datum a, Datum b)
{
	int			ra = special_rank(pk_sign(a)), rb = special_rank(pk_sign(b));
	int			sa, sb;
	int			na, nb;
	int			c;

	if (ra != 0 || rb != 0)
		return (ra > rb) - (ra < rb);
	na = pk_ndigits(a);
	nb = pk_ndigits(b);
	sa = na == 0 ? 0 : (pk_sign(a) == NUMERIC_NEG ? -1 : 1);
	sb = nb == 0 ? 0 : (pk_sign(b) == NUMERIC_NEG ? -1 : 1);
	if (sa != sb)
		return (sa > sb) - (sa < sb);
	if (sa == 0)
		return 0;
	/* same sign, normalised: compare weight then digits */
	if (pk_weight(a) != pk_weight(b))
		c = pk_weight(a) > pk_weight(b) ? 1 : -1;
	else
	{
		int			n = na < nb ? na : nb;

		c = 0;
		for (int i = 0; i < n && c == 0; i++)
		{
			int			da = pk_digit(a, i), db = pk_digit(b, i);

			c = (da > db) - (da < db);
		}
		if (c == 0)
			c = (na > nb) - (na < nb);
	}
	return sa < 0 ? -c : c;
}

uint64_t
numeric_hash(Datum a)
{
	const Varlena *v = DatumGetVarlena(a);
	uint16_t	s = pk_sign(a);
	int16_t		w = (int16_t) pk_weight(a);
	uint64_t	h;

	if (s & 0x8000)
		return types_hash_bytes(&s, 2);
	if (pk_ndigits(a) == 0)
		return types_hash_bytes("0", 1);
	/* sign, weight and digits: the display scale does not take part */
	h = types_hash_bytes(v->data + NUM_HDR, v->len - NUM_HDR);
	return h ^ types_hash_bytes(&s, 2) * 31 ^ types_hash_bytes(&w, 2);
}

/*
 * Key: a class byte (-Inf, negative, zero, positive, +Inf, NaN), then for
 * non-zero finite values the weight (sign-flipped big-endian) and each
 * digit + 1 as big-endian 16-bit, ended by 0x0000; negatives invert all of
 * it so larger magnitudes sort first.
 */
static void
numeric_key(Datum value, StrBuf *out)
{
	uint16_t	s = pk_sign(value);
	int			n = pk_ndigits(value);
	size_t		start;
	bool		neg;

	switch (s)
	{
		case NUMERIC_NINF:
			strbuf_putc(out, 0x10);
			return;
		case NUMERIC_PINF:
			strbuf_putc(out, 0x50);
			return;
		case NUMERIC_NAN:
			strbuf_putc(out, 0x60);
			return;
		default:
			break;
	}
	if (n == 0)
	{
		strbuf_putc(out, 0x30);
		return;
	}
	neg = s == NUMERIC_NEG;
	strbuf_putc(out, neg ? 0x20 : 0x40);
	start = out->len;
	put_be16(out, (uint16_t) ((uint16_t) pk_weight(value) ^ 0x8000u));
	for (int i = 0; i < n; i++)
		put_be16(out, (uint16_t) (pk_digit(value, i) + 1));
	put_be16(out, 0);
	if (neg)
		for (size_t i = start; i < out->len; i++)
			out->data[i] = (char) ~out->data[i];
}

/* ---- type I/O ---- */

static int
numeric_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	return numeric_from_str(ctx, str, len, typmod, out);
}

static int
numeric_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	numeric_to_str(v, out);
	return 0;
}

/* numeric_send: int16 ndigits, weight, sign, dscale, then the digits. */
static int
numeric_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	int			n = pk_ndigits(v);

	(void) ctx;
	(void) typmod;
	put_be16(out, (uint16_t) n);
	put_be16(out, (uint16_t) pk_weight(v));
	put_be16(out, pk_sign(v));
	/* PostgreSQL's numeric_send shows infinities with dscale 32 (a header-bit artefact) */
	put_be16(out, (uint16_t) (numeric_is_inf(v) ? 0x20 : pk_dscale(v)));
	for (int i = 0; i < n; i++)
		put_be16(out, (uint16_t) pk_digit(v, i));
	return 0;
}

static int
numeric_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	NumericVar	var;
	int			n;
	uint16_t	sign;

	if (len < 8)
		return types_binary_error(ctx, len, 8);
	n = get_be16(buf);
	if (len != 8 + 2 * (size_t) n)
		return types_binary_error(ctx, len, 8 + 2 * (size_t) n);
	sign = get_be16(buf + 4);
	if (sign == NUMERIC_NAN || sign == NUMERIC_PINF || sign == NUMERIC_NINF)
	{
		if (apply_typmod_special(ctx, sign, typmod) < 0)
			return -1;
		*out = nv_make_special(ctx->arena, sign);
		return 0;
	}
	if (sign != NUMERIC_POS && sign != NUMERIC_NEG)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION, "invalid sign in external \"numeric\" value");
		return -1;
	}
	nv_alloc(ctx->arena, &var, n);
	var.weight = (int16_t) get_be16(buf + 2);
	var.sign = sign;
	var.dscale = get_be16(buf + 6);
	if (var.dscale > NUMERIC_DSCALE_MAX)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION, "invalid scale in external \"numeric\" value");
		return -1;
	}
	for (int i = 0; i < n; i++)
	{
		int			d = (int16_t) get_be16(buf + 8 + 2 * i);

		if (d < 0 || d >= NBASE)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION, "invalid digit in external \"numeric\" value");
			return -1;
		}
		var.digits[i] = (NumericDigit) d;
	}
	/* as numeric_recv: trailing digits beyond dscale are rounded off */
	nv_round(&var, var.dscale);
	if (apply_typmod(ctx, &var, typmod) < 0)
		return -1;
	return nv_make_result(ctx, &var, out);
}

static int
numeric_typmod_apply(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) explicit_cast;
	return numeric_apply_typmod(ctx, v, typmod, out);
}

static int
numeric_modin(EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod)
{
	int32_t		precision, scale = 0;

	if (nmods < 1 || nmods > 2)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid NUMERIC type modifier");
		return -1;
	}
	precision = mods[0];
	if (precision < 1 || precision > NUMERIC_MAX_PRECISION)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "NUMERIC precision %d must be between 1 and %d", precision, NUMERIC_MAX_PRECISION);
		return -1;
	}
	if (nmods == 2)
	{
		scale = mods[1];
		if (scale < -1000 || scale > 1000)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
					 "NUMERIC scale %d must be between %d and %d", scale, -1000, 1000);
			return -1;
		}
	}
	*typmod = NUMERIC_TYPMOD(precision, scale);
	return 0;
}

static void
numeric_modout(int32_t typmod, StrBuf *out)
{
	int			precision, scale;

	if (typmod < TYPMOD_HDRSZ)
		return;
	typmod_decode(typmod, &precision, &scale);
	strbuf_printf(out, "(%d,%d)", precision, scale);
}

const MgType mg_type_numeric = {
	.oid = NUMERICOID, .name = "numeric", .sql_name = "numeric", .typlen = -1, .byval = false,
	.category = 'N', .align = 'i', .array = NUMERICARRAYOID,
	.input = numeric_in, .output = numeric_out, .recv = numeric_recv, .send = numeric_send,
	.cmp = numeric_cmp, .hash = numeric_hash, .key_encode = numeric_key,
	.modapply = numeric_typmod_apply, .modin = numeric_modin, .modout = numeric_modout,
};

/* ---- arithmetic API ---- */

Datum
nv_nan(EvalCtx *ctx)
{
	return nv_make_special(ctx->arena, NUMERIC_NAN);
}

int
numeric_add(EvalCtx *ctx, Datum a, Datum b, Datum *out)
{
	NumericVar	x, y, r;

	if (pk_special(a) || pk_special(b))
	{
		uint16_t	sa = pk_sign(a), sb = pk_sign(b);

		if (sa == NUMERIC_NAN || sb == NUMERIC_NAN)
			*out = nv_nan(ctx);
		else if ((sa == NUMERIC_PINF && sb == NUMERIC_NINF) || (sa == NUMERIC_NINF && sb == NUMERIC_PINF))
			*out = nv_nan(ctx);
		else
			*out = nv_make_special(ctx->arena, (sa & 0x8000) ? sa : sb);
		return 0;
	}
	nv_from_num(ctx->arena, a, &x);
	nv_from_num(ctx->arena, b, &y);
	nv_add(ctx->arena, &x, &y, &r);
	return nv_make_result(ctx, &r, out);
}

static uint16_t
neg_special(uint16_t s)
{
	return s == NUMERIC_PINF ? NUMERIC_NINF : s == NUMERIC_NINF ? NUMERIC_PINF : s;
}

int
numeric_sub(EvalCtx *ctx, Datum a, Datum b, Datum *out)
{
	NumericVar	x, y, r;

	if (pk_special(a) || pk_special(b))
	{
		uint16_t	sa = pk_sign(a), sb = pk_sign(b);

		if (sa == NUMERIC_NAN || sb == NUMERIC_NAN)
			*out = nv_nan(ctx);
		else if ((sa & 0x8000) && (sb & 0x8000))
			*out = sa == sb ? nv_nan(ctx) : nv_make_special(ctx->arena, sa);
		else
			*out = nv_make_special(ctx->arena, (sa & 0x8000) ? sa : neg_special(sb));
		return 0;
	}
	nv_from_num(ctx->arena, a, &x);
	nv_from_num(ctx->arena, b, &y);
	nv_sub(ctx->arena, &x, &y, &r);
	return nv_make_result(ctx, &r, out);
}

/* Result of an operation where one side is infinite and the sign decides. */
static Datum
signed_inf(EvalCtx *ctx, int sign)
{
	return nv_make_special(ctx->arena, sign > 0 ? NUMERIC_PINF : NUMERIC_NINF);
}

int
numeric_mul(EvalCtx *ctx, Datum a, Datum b, Datum *out)
{
	NumericVar	x, y, r;

	if (pk_special(a) || pk_special(b))
	{
		int			s = numeric_sign_of(a) * numeric_sign_of(b);

		if (numeric_is_nan(a) || numeric_is_nan(b) || s == 0)
			*out = nv_nan(ctx);	/* NaN, or infinity times zero */
		else
			*out = signed_inf(ctx, s);
		return 0;
	}
	nv_from_num(ctx->arena, a, &x);
	nv_from_num(ctx->arena, b, &y);
	nv_mul(ctx->arena, &x, &y, &r, x.dscale + y.dscale);
	return nv_make_result(ctx, &r, out);
}

static int
div_special(EvalCtx *ctx, Datum a, Datum b, bool trunc_int, Datum *out)
{
	if (numeric_is_nan(a) || numeric_is_nan(b))
	{
		*out = nv_nan(ctx);
		return 0;
	}
	if (numeric_is_inf(a))
	{
		if (numeric_is_inf(b))
		{
			*out = nv_nan(ctx);
			return 0;
		}
		if (numeric_sign_of(b) == 0)
			return nv_div_by_zero(ctx);
		*out = signed_inf(ctx, numeric_sign_of(a) * numeric_sign_of(b));
		return 0;
	}
	/* finite / infinity */
	(void) trunc_int;
	*out = numeric_from_int64(ctx->arena, 0);
	return 0;
}

int
numeric_div(EvalCtx *ctx, Datum a, Datum b, Datum *out)
{
	NumericVar	x, y, r;

	if (pk_special(a) || pk_special(b))
		return div_special(ctx, a, b, false, out);
	nv_from_num(ctx->arena, a, &x);
	nv_from_num(ctx->arena, b, &y);
	if (y.ndigits == 0)
		return nv_div_by_zero(ctx);
	nv_div(ctx->arena, &x, &y, &r, nv_select_div_scale(&x, &y), true);
	return nv_make_result(ctx, &r, out);
}

int
numeric_div_trunc(EvalCtx *ctx, Datum a, Datum b, Datum *out)
{
	NumericVar	x, y, r;

	if (pk_special(a) || pk_special(b))
		return div_special(ctx, a, b, true, out);
	nv_from_num(ctx->arena, a, &x);
	nv_from_num(ctx->arena, b, &y);
	if (y.ndigits == 0)
		return nv_div_by_zero(ctx);
	nv_div(ctx->arena, &x, &y, &r, 0, false);
	return nv_make_result(ctx, &r, out);
}

int
numeric_mod(EvalCtx *ctx, Datum a, Datum b, Datum *out)
{
	NumericVar	x, y, r;

	if (pk_special(a) || pk_special(b))
	{
		if (numeric_is_nan(a) || numeric_is_nan(b))
			*out = nv_nan(ctx);
		else if (numeric_is_inf(a))
		{
			if (numeric_sign_of(b) == 0)
				return nv_div_by_zero(ctx);
			*out = nv_nan(ctx);
		}
		else
			*out = a;			/* finite % infinity */
		return 0;
	}
	nv_from_num(ctx->arena, a, &x);
	nv_from_num(ctx->arena, b, &y);
	if (y.ndigits == 0)
		return nv_div_by_zero(ctx);
	nv_mod(ctx->arena, &x, &y, &r);
	return nv_make_result(ctx, &r, out);
}

int
numeric_neg(EvalCtx *ctx, Datum a, Datum *out)
{
	NumericVar	x;

	if (pk_special(a))
	{
		*out = nv_make_special(ctx->arena, neg_special(pk_sign(a)));
		return 0;
	}
	nv_from_num(ctx->arena, a, &x);
	if (x.ndigits > 0)
		x.sign = x.sign == NUMERIC_POS ? NUMERIC_NEG : NUMERIC_POS;
	return nv_make_result(ctx, &x, out);
}

int
numeric_abs(EvalCtx *ctx, Datum a, Datum *out)
{
	NumericVar	x;

	if (pk_special(a))
	{
		*out = nv_make_special(ctx->arena, pk_sign(a) == NUMERIC_NINF ? NUMERIC_PINF : pk_sign(a));
		return 0;
	}
	nv_from_num(ctx->arena, a, &x);
	x.sign = NUMERIC_POS;
	return nv_make_result(ctx, &x, out);
}

static int
clamp_scale(int scale)
{
	if (scale > NUMERIC_MAX_RESULT_SCALE)
		return NUMERIC_MAX_RESULT_SCALE;
	if (scale < -NUMERIC_MAX_RESULT_SCALE)
		return -NUMERIC_MAX_RESULT_SCALE;
	return scale;
}

int
numeric_round(EvalCtx *ctx, Datum a, int scale, Datum *out)
{
	NumericVar	x;

	if (pk_special(a))
	{
		*out = a;
		return 0;
	}
	scale = clamp_scale(scale);
	nv_from_num(ctx->arena, a, &x);
	nv_round(&x, scale);
	if (scale < 0)
		x.dscale = 0;
	return nv_make_result(ctx, &x, out);
}

int
numeric_trunc(EvalCtx *ctx, Datum a, int scale, Datum *out)
{
	NumericVar	x;

	if (pk_special(a))
	{
		*out = a;
		return 0;
	}
	scale = clamp_scale(scale);
	nv_from_num(ctx->arena, a, &x);
	nv_trunc(&x, scale);
	if (scale < 0)
		x.dscale = 0;
	return nv_make_result(ctx, &x, out);
}

static void
floor_or_ceil_var(Arena *ar, const NumericVar *v, NumericVar *result, bool ceil)
{
	NumericVar	t;

	nv_copy(ar, v, &t);
	nv_trunc(&t, 0);
	nv_strip(&t);
	if (ceil ? (v->sign == NUMERIC_POS && nv_cmp(&t, v) != 0)
		: (v->sign == NUMERIC_NEG && nv_cmp(&t, v) != 0))
	{
		NumericVar	one;

		nv_from_int64(ar, ceil ? 1 : -1, &one);
		nv_add(ar, &t, &one, result);
	}
	else
		*result = t;
	result->dscale = 0;
}

int
numeric_ceil(EvalCtx *ctx, Datum a, Datum *out)
{
	NumericVar	x, r;

	if (pk_special(a))
	{
		*out = a;
		return 0;
	}
	nv_from_num(ctx->arena, a, &x);
	floor_or_ceil_var(ctx->arena, &x, &r, true);
	return nv_make_result(ctx, &r, out);
}

int
numeric_floor(EvalCtx *ctx, Datum a, Datum *out)
{
	NumericVar	x, r;

	if (pk_special(a))
	{
		*out = a;
		return 0;
	}
	nv_from_num(ctx->arena, a, &x);
	floor_or_ceil_var(ctx->arena, &x, &r, false);
	return nv_make_result(ctx, &r, out);
}

/* ---- casts ---- */

static int
int2_to_numeric(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) typmod;
	(void) explicit_cast;
	*out = numeric_from_int64(ctx->arena, DatumGetInt16(v));
	return 0;
}

static int
int4_to_numeric(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) typmod;
	(void) explicit_cast;
	*out = numeric_from_int64(ctx->arena, DatumGetInt32(v));
	return 0;
}

static int
int8_to_numeric(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) typmod;
	(void) explicit_cast;
	*out = numeric_from_int64(ctx->arena, DatumGetInt64(v));
	return 0;
}

static int
float4_to_numeric(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) typmod;
	(void) explicit_cast;
	*out = numeric_from_float4(ctx->arena, DatumGetFloat4(v));
	return 0;
}

static int
float8_to_numeric(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) typmod;
	(void) explicit_cast;
	*out = numeric_from_double(ctx->arena, DatumGetFloat8(v));
	return 0;
}

static int
numeric_to_int2(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	int16_t		x;

	(void) typmod;
	(void) explicit_cast;
	if (numeric_to_int16(ctx, v, &x) < 0)
		return -1;
	*out = Int16GetDatum(x);
	return 0;
}

static int
numeric_to_int4(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	int32_t		x;

	(void) typmod;
	(void) explicit_cast;
	if (numeric_to_int32(ctx, v, &x) < 0)
		return -1;
	*out = Int32GetDatum(x);
	return 0;
}

static int
numeric_to_int8(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	int64_t		x;

	(void) typmod;
	(void) explicit_cast;
	if (numeric_to_int64(ctx, v, &x) < 0)
		return -1;
	*out = Int64GetDatum(x);
	return 0;
}

static int
numeric_to_float8(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	double		d = numeric_to_double(v);

	(void) typmod;
	(void) explicit_cast;
	if (isinf(d) && !numeric_is_inf(v))
	{
		StrBuf		sb;

		strbuf_init_arena(&sb, ctx->arena);
		numeric_to_str(v, &sb);
		mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				 "\"%s\" is out of range for type double precision", sb.data);
		return -1;
	}
	*out = Float8GetDatum(d);
	return 0;
}

static int
numeric_to_float4(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	StrBuf		sb;
	float		f;

	(void) typmod;
	(void) explicit_cast;
	if (pk_special(v))
	{
		*out = Float4GetDatum((float) numeric_to_double(v));
		return 0;
	}
	strbuf_init_arena(&sb, ctx->arena);
	numeric_to_str(v, &sb);
	f = strtof(sb.data, NULL);
	if (isinf(f) || (f == 0 && numeric_sign_of(v) != 0))
	{
		mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				 "\"%s\" is out of range for type real", sb.data);
		return -1;
	}
	*out = Float4GetDatum(f);
	return 0;
}

static const CastDef numeric_casts[] = {
	{INT2OID, NUMERICOID, CAST_IMPLICIT, int2_to_numeric},
	{INT4OID, NUMERICOID, CAST_IMPLICIT, int4_to_numeric},
	{INT8OID, NUMERICOID, CAST_IMPLICIT, int8_to_numeric},
	{FLOAT4OID, NUMERICOID, CAST_ASSIGNMENT, float4_to_numeric},
	{FLOAT8OID, NUMERICOID, CAST_ASSIGNMENT, float8_to_numeric},
	{NUMERICOID, INT2OID, CAST_ASSIGNMENT, numeric_to_int2},
	{NUMERICOID, INT4OID, CAST_ASSIGNMENT, numeric_to_int4},
	{NUMERICOID, INT8OID, CAST_ASSIGNMENT, numeric_to_int8},
	{NUMERICOID, FLOAT4OID, CAST_IMPLICIT, numeric_to_float4},
	{NUMERICOID, FLOAT8OID, CAST_IMPLICIT, numeric_to_float8},
};

void
types_register_numeric_casts(void)
{
	cast_register(numeric_casts, (int) (sizeof(numeric_casts) / sizeof(numeric_casts[0])));
}
