/*
 * numeric.c — the numeric type: arbitrary-precision decimals with
 * PostgreSQL 15's semantics (numeric.h is the contract).
 *
 * Design notes: the arithmetic follows PostgreSQL's numeric.c.  Values are
 * unpacked into a NumericVar (base-10000 digits, a weight, a sign and a
 * display scale) whose digits live in the caller's arena; the operations
 * work on NumericVars and make_result() packs the result.  Every digit
 * array is allocated with one spare leading digit so rounding can carry
 * into a new most significant digit (PostgreSQL's buf/digits trick).
 * Result scales follow PostgreSQL exactly (select_div_scale, the sqrt/exp/
 * ln/log/power rules); transcendental functions are computed with several
 * guard digits beyond the result scale and then rounded.
 *
 * Packed form (the Varlena's data, all fields native-endian, unaligned):
 *   uint16 sign (NUMERIC_POS/NEG/NAN/PINF/NINF), int16 weight,
 *   uint16 dscale, then int16 digits[], no leading or trailing zero digits.
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

#include "typesint.h"

#define NBASE		10000
#define HALF_NBASE	5000
#define DEC_DIGITS	4

#define NUMERIC_POS		0x0000
#define NUMERIC_NEG		0x4000
#define NUMERIC_NAN		0xC000
#define NUMERIC_PINF	0xD000
#define NUMERIC_NINF	0xF000

#define NUMERIC_WEIGHT_MAX	32767
#define NUMERIC_DSCALE_MAX	0x3FFF
#define NUMERIC_MAX_RESULT_SCALE (NUMERIC_MAX_PRECISION * 2)

#define NUM_HDR 6

typedef int16_t NumericDigit;

typedef struct NumericVar {
	int			ndigits;
	int			weight;			/* weight of digits[0] in NBASE powers */
	int			sign;
	int			dscale;
	NumericDigit *buf;			/* start of the allocation (spare digit) */
	NumericDigit *digits;
} NumericVar;

/* ---- packed form ---- */

static uint16_t
pk_sign(Datum d)
{
	uint16_t	s;

	memcpy(&s, DatumGetVarlena(d)->data, 2);
	return s;
}

static int
pk_weight(Datum d)
{
	int16_t		w;

	memcpy(&w, DatumGetVarlena(d)->data + 2, 2);
	return w;
}

static int
pk_dscale(Datum d)
{
	uint16_t	s;

	memcpy(&s, DatumGetVarlena(d)->data + 4, 2);
	return s;
}

static int
pk_ndigits(Datum d)
{
	return (int) ((DatumGetVarlena(d)->len - NUM_HDR) / 2);
}

static NumericDigit
pk_digit(Datum d, int i)
{
	NumericDigit v;

	memcpy(&v, DatumGetVarlena(d)->data + NUM_HDR + 2 * i, 2);
	return v;
}

static bool
pk_special(Datum d)
{
	return (pk_sign(d) & 0x8000) != 0;
}

/* ---- NumericVar basics ---- */

static void
alloc_var(Arena *a, NumericVar *v, int ndigits)
{
	v->buf = arena_alloc(a, sizeof(NumericDigit) * (size_t) (ndigits + 1));
	v->buf[0] = 0;
	v->digits = v->buf + 1;
	v->ndigits = ndigits;
}

static void
zero_var(NumericVar *v)
{
	v->ndigits = 0;
	v->weight = 0;
	v->sign = NUMERIC_POS;
	v->dscale = 0;
	v->buf = v->digits = NULL;
}

static void
init_var_from_num(Arena *a, Datum d, NumericVar *v)
{
	int			n = pk_ndigits(d);

	alloc_var(a, v, n);
	v->sign = pk_sign(d);
	v->weight = pk_weight(d);
	v->dscale = pk_dscale(d);
	if (n > 0)
		memcpy(v->digits, DatumGetVarlena(d)->data + NUM_HDR, 2 * (size_t) n);
}

static void
set_var_from_var(Arena *a, const NumericVar *src, NumericVar *dst)
{
	NumericVar	t = *src;

	alloc_var(a, dst, t.ndigits);
	if (t.ndigits > 0)
		memcpy(dst->digits, t.digits, sizeof(NumericDigit) * (size_t) t.ndigits);
	dst->weight = t.weight;
	dst->sign = t.sign;
	dst->dscale = t.dscale;
}

static void
set_var_from_int64(Arena *a, int64_t val, NumericVar *v)
{
	uint64_t	u;
	NumericDigit tmp[8];
	int			n = 0;

	zero_var(v);
	if (val < 0)
	{
		v->sign = NUMERIC_NEG;
		u = (uint64_t) (-(val + 1)) + 1;
	}
	else
		u = (uint64_t) val;
	while (u > 0)
	{
		tmp[n++] = (NumericDigit) (u % NBASE);
		u /= NBASE;
	}
	alloc_var(a, v, n);
	for (int i = 0; i < n; i++)
		v->digits[i] = tmp[n - 1 - i];
	v->weight = n - 1;
	if (n == 0)
		v->weight = 0;
}

/* Drops leading and trailing zero digits; zero becomes positive with weight 0. */
static void
strip_var(NumericVar *v)
{
	int			n = v->ndigits;
	NumericDigit *d = v->digits;

	while (n > 0 && *d == 0)
	{
		d++;
		v->weight--;
		n--;
	}
	while (n > 0 && d[n - 1] == 0)
		n--;
	if (n == 0)
	{
		v->sign = NUMERIC_POS;
		v->weight = 0;
	}
	v->digits = d;
	v->ndigits = n;
}

static int
overflow_error(EvalCtx *ctx)
{
	mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
	return -1;
}

static Datum
make_special(Arena *a, uint16_t sign)
{
	Varlena    *v = varlena_new(a, NUM_HDR);

	memset(v->data, 0, NUM_HDR);
	memcpy(v->data, &sign, 2);
	return PointerGetDatum(v);
}

/* Packs var (stripping it) into a new Datum. */
static int
make_result(EvalCtx *ctx, NumericVar *var, Datum *out)
{
	Varlena    *v;
	uint16_t	sign;
	int16_t		weight;
	uint16_t	dscale;

	if (var->sign == NUMERIC_NAN || var->sign == NUMERIC_PINF || var->sign == NUMERIC_NINF)
	{
		*out = make_special(ctx->arena, (uint16_t) var->sign);
		return 0;
	}
	strip_var(var);
	if (var->ndigits > 0 && var->weight < -32768)
	{
		/* too small to represent: zero at the same scale */
		var->ndigits = 0;
		var->weight = 0;
		var->sign = NUMERIC_POS;
	}
	if (var->weight > NUMERIC_WEIGHT_MAX || var->dscale > NUMERIC_DSCALE_MAX || var->dscale < 0)
		return overflow_error(ctx);
	v = varlena_new(ctx->arena, NUM_HDR + 2 * (size_t) var->ndigits);
	sign = (uint16_t) var->sign;
	weight = (int16_t) var->weight;
	dscale = (uint16_t) var->dscale;
	memcpy(v->data, &sign, 2);
	memcpy(v->data + 2, &weight, 2);
	memcpy(v->data + 4, &dscale, 2);
	if (var->ndigits > 0)
		memcpy(v->data + NUM_HDR, var->digits, 2 * (size_t) var->ndigits);
	*out = PointerGetDatum(v);
	return 0;
}

/* ---- rounding ---- */

static const int round_powers[4] = {0, 1000, 100, 10};

static void
round_var(NumericVar *var, int rscale)
{
	NumericDigit *digits = var->digits;
	int			di;
	int			ndigits;
	int			carry;

	var->dscale = rscale;
	di = (var->weight + 1) * DEC_DIGITS + rscale;
	if (di < 0)
	{
		var->ndigits = 0;
		var->weight = 0;
		var->sign = NUMERIC_POS;
		return;
	}
	ndigits = (di + DEC_DIGITS - 1) / DEC_DIGITS;
	di %= DEC_DIGITS;
	if (ndigits < var->ndigits || (ndigits == var->ndigits && di > 0))
	{
		var->ndigits = ndigits;
		if (di == 0)
			carry = (digits[ndigits] >= HALF_NBASE) ? 1 : 0;
		else
		{
			int			extra, pow10;

			pow10 = round_powers[di];
			extra = digits[--ndigits] % pow10;
			digits[ndigits] = (NumericDigit) (digits[ndigits] - extra);
			carry = 0;
			if (extra >= pow10 / 2)
			{
				pow10 += digits[ndigits];
				if (pow10 >= NBASE)
				{
					pow10 -= NBASE;
					carry = 1;
				}
				digits[ndigits] = (NumericDigit) pow10;
			}
		}
		while (carry)
		{
			carry += digits[--ndigits];
			if (carry >= NBASE)
			{
				digits[ndigits] = (NumericDigit) (carry - NBASE);
				carry = 1;
			}
			else
			{
				digits[ndigits] = (NumericDigit) carry;
				carry = 0;
			}
		}
		if (ndigits < 0)
		{
			/* carried into the spare digit */
			var->digits--;
			var->ndigits++;
			var->weight++;
		}
	}
}

static void
trunc_var(NumericVar *var, int rscale)
{
	int			di;
	int			ndigits;

	var->dscale = rscale;
	di = (var->weight + 1) * DEC_DIGITS + rscale;
	if (di < 0)
	{
		var->ndigits = 0;
		var->weight = 0;
		var->sign = NUMERIC_POS;
		return;
	}
	ndigits = (di + DEC_DIGITS - 1) / DEC_DIGITS;
	if (ndigits <= var->ndigits)
	{
		var->ndigits = ndigits;
		di %= DEC_DIGITS;
		if (di > 0)
		{
			int			pow10 = round_powers[di];
			NumericDigit *d = &var->digits[ndigits - 1];

			*d = (NumericDigit) (*d - *d % pow10);
		}
	}
}

/* ---- comparison and add/sub ---- */

static int
cmp_abs_common(const NumericDigit *d1, int n1, int w1, const NumericDigit *d2, int n2, int w2)
{
	int			i1 = 0, i2 = 0;

	while (w1 > w2 && i1 < n1)
	{
		if (d1[i1++] != 0)
			return 1;
		w1--;
	}
	while (w2 > w1 && i2 < n2)
	{
		if (d2[i2++] != 0)
			return -1;
		w2--;
	}
	if (w1 == w2)
	{
		while (i1 < n1 && i2 < n2)
		{
			int			s = d1[i1++] - d2[i2++];

			if (s != 0)
				return s > 0 ? 1 : -1;
		}
	}
	while (i1 < n1)
		if (d1[i1++] != 0)
			return 1;
	while (i2 < n2)
		if (d2[i2++] != 0)
			return -1;
	return 0;
}

static int
cmp_abs(const NumericVar *a, const NumericVar *b)
{
	return cmp_abs_common(a->digits, a->ndigits, a->weight, b->digits, b->ndigits, b->weight);
}

static int
cmp_var(const NumericVar *a, const NumericVar *b)
{
	if (a->ndigits == 0)
	{
		if (b->ndigits == 0)
			return 0;
		return b->sign == NUMERIC_NEG ? 1 : -1;
	}
	if (b->ndigits == 0)
		return a->sign == NUMERIC_POS ? 1 : -1;
	if (a->sign == NUMERIC_POS)
	{
		if (b->sign == NUMERIC_NEG)
			return 1;
		return cmp_abs(a, b);
	}
	if (b->sign == NUMERIC_POS)
		return -1;
	return cmp_abs(b, a);
}

static void
add_abs(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result)
{
	int			res_weight = (v1->weight > v2->weight ? v1->weight : v2->weight) + 1;
	int			rscale1 = v1->ndigits - v1->weight - 1;
	int			rscale2 = v2->ndigits - v2->weight - 1;
	int			res_rscale = rscale1 > rscale2 ? rscale1 : rscale2;
	int			res_ndigits = res_rscale + res_weight + 1;
	int			res_dscale = v1->dscale > v2->dscale ? v1->dscale : v2->dscale;
	NumericVar	r;
	int			carry = 0;
	int			i1, i2;

	if (res_ndigits <= 0)
		res_ndigits = 1;
	alloc_var(ar, &r, res_ndigits);
	i1 = res_rscale + v1->weight + 1;
	i2 = res_rscale + v2->weight + 1;
	for (int i = res_ndigits - 1; i >= 0; i--)
	{
		i1--;
		i2--;
		if (i1 >= 0 && i1 < v1->ndigits)
			carry += v1->digits[i1];
		if (i2 >= 0 && i2 < v2->ndigits)
			carry += v2->digits[i2];
		if (carry >= NBASE)
		{
			r.digits[i] = (NumericDigit) (carry - NBASE);
			carry = 1;
		}
		else
		{
			r.digits[i] = (NumericDigit) carry;
			carry = 0;
		}
	}
	r.weight = res_weight;
	r.dscale = res_dscale;
	r.sign = NUMERIC_POS;
	strip_var(&r);
	*result = r;
}

/* |v1| - |v2|, where |v1| >= |v2|. */
static void
sub_abs(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result)
{
	int			res_weight = v1->weight;
	int			rscale1 = v1->ndigits - v1->weight - 1;
	int			rscale2 = v2->ndigits - v2->weight - 1;
	int			res_rscale = rscale1 > rscale2 ? rscale1 : rscale2;
	int			res_ndigits = res_rscale + res_weight + 1;
	int			res_dscale = v1->dscale > v2->dscale ? v1->dscale : v2->dscale;
	NumericVar	r;
	int			borrow = 0;
	int			i1, i2;

	if (res_ndigits <= 0)
		res_ndigits = 1;
	alloc_var(ar, &r, res_ndigits);
	i1 = res_rscale + v1->weight + 1;
	i2 = res_rscale + v2->weight + 1;
	for (int i = res_ndigits - 1; i >= 0; i--)
	{
		i1--;
		i2--;
		if (i1 >= 0 && i1 < v1->ndigits)
			borrow += v1->digits[i1];
		if (i2 >= 0 && i2 < v2->ndigits)
			borrow -= v2->digits[i2];
		if (borrow < 0)
		{
			r.digits[i] = (NumericDigit) (borrow + NBASE);
			borrow = -1;
		}
		else
		{
			r.digits[i] = (NumericDigit) borrow;
			borrow = 0;
		}
	}
	r.weight = res_weight;
	r.dscale = res_dscale;
	r.sign = NUMERIC_POS;
	strip_var(&r);
	*result = r;
}

static void
add_var(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result)
{
	int			dscale = v1->dscale > v2->dscale ? v1->dscale : v2->dscale;

	if (v1->sign == v2->sign)
	{
		int			sign = v1->sign;

		add_abs(ar, v1, v2, result);
		result->sign = result->ndigits ? sign : NUMERIC_POS;
	}
	else
	{
		int			c = cmp_abs(v1, v2);

		if (c == 0)
		{
			zero_var(result);
		}
		else if (c > 0)
		{
			int			sign = v1->sign;

			sub_abs(ar, v1, v2, result);
			result->sign = sign;
		}
		else
		{
			int			sign = v2->sign;

			sub_abs(ar, v2, v1, result);
			result->sign = sign;
		}
	}
	result->dscale = dscale;
}

static void
sub_var(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result)
{
	NumericVar	neg = *v2;

	if (neg.ndigits > 0)
		neg.sign = neg.sign == NUMERIC_POS ? NUMERIC_NEG : NUMERIC_POS;
	add_var(ar, v1, &neg, result);
}

/* ---- multiplication and division ---- */

/* Exact product, rounded to rscale. */
static void
mul_var(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result, int rscale)
{
	int			n1 = v1->ndigits, n2 = v2->ndigits;
	int			res_ndigits = n1 + n2;
	int64_t    *acc;
	NumericVar	r;
	int64_t		carry = 0;

	if (n1 == 0 || n2 == 0)
	{
		zero_var(result);
		result->dscale = rscale;
		return;
	}
	acc = arena_alloc0(ar, sizeof(int64_t) * (size_t) res_ndigits);
	for (int i = 0; i < n1; i++)
	{
		int64_t		a = v1->digits[i];

		if (a == 0)
			continue;
		for (int j = 0; j < n2; j++)
			acc[i + j + 1] += a * v2->digits[j];
		/* keep the accumulators far from overflow on very long inputs */
		if ((i & 0xfff) == 0xfff)
		{
			for (int k = res_ndigits - 1; k > 0; k--)
			{
				acc[k - 1] += acc[k] / NBASE;
				acc[k] %= NBASE;
			}
		}
	}
	alloc_var(ar, &r, res_ndigits);
	for (int k = res_ndigits - 1; k >= 0; k--)
	{
		carry += acc[k];
		r.digits[k] = (NumericDigit) (carry % NBASE);
		carry /= NBASE;
	}
	r.weight = v1->weight + v2->weight + 1;
	r.sign = v1->sign == v2->sign ? NUMERIC_POS : NUMERIC_NEG;
	r.dscale = rscale;
	round_var(&r, rscale);
	strip_var(&r);
	*result = r;
}

/*
 * Quotient v1 / v2 to rscale digits after the decimal point, rounded
 * (round) or truncated.  v2 must not be zero.  Knuth's algorithm D on
 * base-NBASE digits; the quotient is computed exactly to one NBASE digit
 * beyond rscale, so rounding it is rounding the exact quotient.
 */
static void
div_var(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result, int rscale, bool round)
{
	int			n2 = v2->ndigits;
	int			qfrac = (rscale + DEC_DIGITS - 1) / DEC_DIGITS + 1;	/* NBASE digits after the point */
	int			L = v1->weight - v2->weight + n2 + qfrac;	/* dividend digits to use */
	int			qlen;
	int32_t    *u;
	int32_t    *v;
	NumericVar	q;
	int			d;
	int			sign = v1->sign == v2->sign ? NUMERIC_POS : NUMERIC_NEG;

	if (v1->ndigits == 0 || L < n2)
	{
		zero_var(result);
		result->dscale = rscale;
		return;
	}
	qlen = L - n2 + 1;
	/* u: dividend, L digits plus one leading zero; v: divisor */
	u = arena_alloc0(ar, sizeof(int32_t) * (size_t) (L + 1));
	v = arena_alloc(ar, sizeof(int32_t) * (size_t) n2);
	for (int i = 0; i < L && i < v1->ndigits; i++)
		u[i + 1] = v1->digits[i];
	for (int i = 0; i < n2; i++)
		v[i] = v2->digits[i];
	alloc_var(ar, &q, qlen);

	/* normalise so v[0] >= NBASE/2 */
	d = NBASE / (v[0] + 1);
	if (d > 1)
	{
		int			carry = 0;

		for (int i = L; i >= 0; i--)
		{
			int			t = u[i] * d + carry;

			u[i] = t % NBASE;
			carry = t / NBASE;
		}
		carry = 0;
		for (int i = n2 - 1; i >= 0; i--)
		{
			int			t = v[i] * d + carry;

			v[i] = t % NBASE;
			carry = t / NBASE;
		}
	}

	for (int j = 0; j < qlen; j++)
	{
		/* u[j .. j+n2] is the current partial remainder window */
		int64_t		num = (int64_t) u[j] * NBASE + u[j + 1];
		int64_t		qhat = num / v[0];
		int64_t		rhat = num % v[0];
		int64_t		borrow = 0;
		int64_t		carry = 0;

		if (n2 > 1)
		{
			while (qhat >= NBASE || qhat * v[1] > rhat * NBASE + u[j + 2])
			{
				qhat--;
				rhat += v[0];
				if (rhat >= NBASE)
					break;
			}
		}
		else if (qhat >= NBASE)
			qhat = NBASE - 1;

		/* u[j..j+n2] -= qhat * v */
		for (int i = n2 - 1; i >= 0; i--)
		{
			int64_t		p = qhat * v[i] + carry;
			int64_t		t;

			carry = p / NBASE;
			t = u[j + i + 1] - (p % NBASE) - borrow;
			if (t < 0)
			{
				t += NBASE;
				borrow = 1;
			}
			else
				borrow = 0;
			u[j + i + 1] = (int32_t) t;
		}
		{
			int64_t		t = u[j] - carry - borrow;

			if (t < 0)
			{
				/* qhat was one too big: add v back */
				int			c = 0;

				qhat--;
				for (int i = n2 - 1; i >= 0; i--)
				{
					int			s = u[j + i + 1] + v[i] + c;

					if (s >= NBASE)
					{
						u[j + i + 1] = s - NBASE;
						c = 1;
					}
					else
					{
						u[j + i + 1] = s;
						c = 0;
					}
				}
				t += NBASE + c;	/* the borrow out of the top digit is cancelled */
				t -= NBASE;
			}
			u[j] = (int32_t) t;
		}
		q.digits[j] = (NumericDigit) qhat;
	}
	q.weight = qlen - 1 - qfrac;
	q.sign = sign;
	q.dscale = rscale;
	if (round)
		round_var(&q, rscale);
	else
		trunc_var(&q, rscale);
	strip_var(&q);
	if (q.ndigits == 0)
		q.sign = NUMERIC_POS;
	*result = q;
}

static int
select_div_scale(const NumericVar *v1, const NumericVar *v2)
{
	int			weight1 = 0, weight2 = 0;
	int			first1 = 0, first2 = 0;
	int			qweight;
	int			rscale;

	for (int i = 0; i < v1->ndigits; i++)
	{
		first1 = v1->digits[i];
		if (first1 != 0)
		{
			weight1 = v1->weight - i;
			break;
		}
	}
	for (int i = 0; i < v2->ndigits; i++)
	{
		first2 = v2->digits[i];
		if (first2 != 0)
		{
			weight2 = v2->weight - i;
			break;
		}
	}
	qweight = weight1 - weight2;
	if (first1 <= first2)
		qweight--;
	rscale = NUMERIC_MIN_SIG_DIGITS - qweight * DEC_DIGITS;
	if (rscale < v1->dscale)
		rscale = v1->dscale;
	if (rscale < v2->dscale)
		rscale = v2->dscale;
	if (rscale < NUMERIC_MIN_DISPLAY_SCALE)
		rscale = NUMERIC_MIN_DISPLAY_SCALE;
	if (rscale > NUMERIC_MAX_DISPLAY_SCALE)
		rscale = NUMERIC_MAX_DISPLAY_SCALE;
	return rscale;
}

static int
div_by_zero(EvalCtx *ctx)
{
	mg_error(ctx->err, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	return -1;
}

/* mod = v1 - trunc(v1 / v2) * v2 */
static void
mod_var(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result)
{
	NumericVar	q, p;

	div_var(ar, v1, v2, &q, 0, false);
	mul_var(ar, v2, &q, &p, v2->dscale);
	sub_var(ar, v1, &p, result);
}

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

/* Parses the digits part of numeric input into var (PostgreSQL's set_var_from_str). */
static int
set_var_from_str(EvalCtx *ctx, const char *str, size_t len, const char *cp, const char *end,
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
			return overflow_error(ctx);
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

	alloc_var(ctx->arena, dest, ndigits);
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
	strip_var(dest);
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
			*out = make_special(ctx->arena, specials[i].sign);
			return 0;
		}
	}
	if (set_var_from_str(ctx, str, len, cp, end, &var, &cp) < 0)
		return -1;
	if (cp != end)
		return numeric_syntax(ctx, str, len);
	if (apply_typmod(ctx, &var, typmod) < 0)
		return -1;
	return make_result(ctx, &var, out);
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
	round_var(var, scale);
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
	init_var_from_num(ctx->arena, v, &var);
	if (apply_typmod(ctx, &var, typmod) < 0)
		return -1;
	return make_result(ctx, &var, out);
}

/* ---- constructors and conversions ---- */

Datum
numeric_from_int64(Arena *a, int64_t v)
{
	NumericVar	var;
	MgError		err = MG_ERROR_INIT;
	EvalCtx		ctx = {.arena = a, .err = &err};
	Datum		d = 0;

	set_var_from_int64(a, v, &var);
	(void) make_result(&ctx, &var, &d);	/* cannot overflow */
	return d;
}

Datum
numeric_nan(Arena *a)
{
	return make_special(a, NUMERIC_NAN);
}

Datum
numeric_from_double(Arena *a, double v)
{
	char		buf[64];
	MgError		err = MG_ERROR_INIT;
	EvalCtx		ctx = {.arena = a, .err = &err};
	Datum		d = 0;

	if (isnan(v))
		return make_special(a, NUMERIC_NAN);
	if (isinf(v))
		return make_special(a, v > 0 ? NUMERIC_PINF : NUMERIC_NINF);
	snprintf(buf, sizeof(buf), "%.*g", DBL_DIG, v);
	if (numeric_from_str(&ctx, buf, strlen(buf), -1, &d) < 0)
	{
		mg_error_reset(&err);
		return make_special(a, NUMERIC_NAN);
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
		return make_special(a, NUMERIC_NAN);
	if (isinf(v))
		return make_special(a, v > 0 ? NUMERIC_PINF : NUMERIC_NINF);
	snprintf(buf, sizeof(buf), "%.*g", FLT_DIG, (double) v);
	if (numeric_from_str(&ctx, buf, strlen(buf), -1, &d) < 0)
	{
		mg_error_reset(&err);
		return make_special(a, NUMERIC_NAN);
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
	init_var_from_num(ctx->arena, v, &var);
	round_var(&var, 0);
	strip_var(&var);
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
	put_be16(out, (uint16_t) pk_dscale(v));
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
		*out = make_special(ctx->arena, sign);
		return 0;
	}
	if (sign != NUMERIC_POS && sign != NUMERIC_NEG)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION, "invalid sign in external \"numeric\" value");
		return -1;
	}
	alloc_var(ctx->arena, &var, n);
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
	round_var(&var, var.dscale);
	if (apply_typmod(ctx, &var, typmod) < 0)
		return -1;
	return make_result(ctx, &var, out);
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

static Datum
nan_datum(EvalCtx *ctx)
{
	return make_special(ctx->arena, NUMERIC_NAN);
}

int
numeric_add(EvalCtx *ctx, Datum a, Datum b, Datum *out)
{
	NumericVar	x, y, r;

	if (pk_special(a) || pk_special(b))
	{
		uint16_t	sa = pk_sign(a), sb = pk_sign(b);

		if (sa == NUMERIC_NAN || sb == NUMERIC_NAN)
			*out = nan_datum(ctx);
		else if ((sa == NUMERIC_PINF && sb == NUMERIC_NINF) || (sa == NUMERIC_NINF && sb == NUMERIC_PINF))
			*out = nan_datum(ctx);
		else
			*out = make_special(ctx->arena, (sa & 0x8000) ? sa : sb);
		return 0;
	}
	init_var_from_num(ctx->arena, a, &x);
	init_var_from_num(ctx->arena, b, &y);
	add_var(ctx->arena, &x, &y, &r);
	return make_result(ctx, &r, out);
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
			*out = nan_datum(ctx);
		else if ((sa & 0x8000) && (sb & 0x8000))
			*out = sa == sb ? nan_datum(ctx) : make_special(ctx->arena, sa);
		else
			*out = make_special(ctx->arena, (sa & 0x8000) ? sa : neg_special(sb));
		return 0;
	}
	init_var_from_num(ctx->arena, a, &x);
	init_var_from_num(ctx->arena, b, &y);
	sub_var(ctx->arena, &x, &y, &r);
	return make_result(ctx, &r, out);
}

/* Result of an operation where one side is infinite and the sign decides. */
static Datum
signed_inf(EvalCtx *ctx, int sign)
{
	return make_special(ctx->arena, sign > 0 ? NUMERIC_PINF : NUMERIC_NINF);
}

int
numeric_mul(EvalCtx *ctx, Datum a, Datum b, Datum *out)
{
	NumericVar	x, y, r;

	if (pk_special(a) || pk_special(b))
	{
		int			s = numeric_sign_of(a) * numeric_sign_of(b);

		if (numeric_is_nan(a) || numeric_is_nan(b) || s == 0)
			*out = nan_datum(ctx);	/* NaN, or infinity times zero */
		else
			*out = signed_inf(ctx, s);
		return 0;
	}
	init_var_from_num(ctx->arena, a, &x);
	init_var_from_num(ctx->arena, b, &y);
	mul_var(ctx->arena, &x, &y, &r, x.dscale + y.dscale);
	return make_result(ctx, &r, out);
}

static int
div_special(EvalCtx *ctx, Datum a, Datum b, bool trunc_int, Datum *out)
{
	if (numeric_is_nan(a) || numeric_is_nan(b))
	{
		*out = nan_datum(ctx);
		return 0;
	}
	if (numeric_is_inf(a))
	{
		if (numeric_is_inf(b))
		{
			*out = nan_datum(ctx);
			return 0;
		}
		if (numeric_sign_of(b) == 0)
			return div_by_zero(ctx);
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
	init_var_from_num(ctx->arena, a, &x);
	init_var_from_num(ctx->arena, b, &y);
	if (y.ndigits == 0)
		return div_by_zero(ctx);
	div_var(ctx->arena, &x, &y, &r, select_div_scale(&x, &y), true);
	return make_result(ctx, &r, out);
}

int
numeric_div_trunc(EvalCtx *ctx, Datum a, Datum b, Datum *out)
{
	NumericVar	x, y, r;

	if (pk_special(a) || pk_special(b))
		return div_special(ctx, a, b, true, out);
	init_var_from_num(ctx->arena, a, &x);
	init_var_from_num(ctx->arena, b, &y);
	if (y.ndigits == 0)
		return div_by_zero(ctx);
	div_var(ctx->arena, &x, &y, &r, 0, false);
	return make_result(ctx, &r, out);
}

int
numeric_mod(EvalCtx *ctx, Datum a, Datum b, Datum *out)
{
	NumericVar	x, y, r;

	if (pk_special(a) || pk_special(b))
	{
		if (numeric_is_nan(a) || numeric_is_nan(b))
			*out = nan_datum(ctx);
		else if (numeric_is_inf(a))
		{
			if (numeric_sign_of(b) == 0)
				return div_by_zero(ctx);
			*out = nan_datum(ctx);
		}
		else
			*out = a;			/* finite % infinity */
		return 0;
	}
	init_var_from_num(ctx->arena, a, &x);
	init_var_from_num(ctx->arena, b, &y);
	if (y.ndigits == 0)
		return div_by_zero(ctx);
	mod_var(ctx->arena, &x, &y, &r);
	return make_result(ctx, &r, out);
}

int
numeric_neg(EvalCtx *ctx, Datum a, Datum *out)
{
	NumericVar	x;

	if (pk_special(a))
	{
		*out = make_special(ctx->arena, neg_special(pk_sign(a)));
		return 0;
	}
	init_var_from_num(ctx->arena, a, &x);
	if (x.ndigits > 0)
		x.sign = x.sign == NUMERIC_POS ? NUMERIC_NEG : NUMERIC_POS;
	return make_result(ctx, &x, out);
}

int
numeric_abs(EvalCtx *ctx, Datum a, Datum *out)
{
	NumericVar	x;

	if (pk_special(a))
	{
		*out = make_special(ctx->arena, pk_sign(a) == NUMERIC_NINF ? NUMERIC_PINF : pk_sign(a));
		return 0;
	}
	init_var_from_num(ctx->arena, a, &x);
	x.sign = NUMERIC_POS;
	return make_result(ctx, &x, out);
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
	init_var_from_num(ctx->arena, a, &x);
	round_var(&x, scale);
	if (scale < 0)
		x.dscale = 0;
	return make_result(ctx, &x, out);
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
	init_var_from_num(ctx->arena, a, &x);
	trunc_var(&x, scale);
	if (scale < 0)
		x.dscale = 0;
	return make_result(ctx, &x, out);
}

static void
floor_or_ceil_var(Arena *ar, const NumericVar *v, NumericVar *result, bool ceil)
{
	NumericVar	t;

	set_var_from_var(ar, v, &t);
	trunc_var(&t, 0);
	strip_var(&t);
	if (ceil ? (v->sign == NUMERIC_POS && cmp_var(&t, v) != 0)
		: (v->sign == NUMERIC_NEG && cmp_var(&t, v) != 0))
	{
		NumericVar	one;

		set_var_from_int64(ar, ceil ? 1 : -1, &one);
		add_var(ar, &t, &one, result);
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
	init_var_from_num(ctx->arena, a, &x);
	floor_or_ceil_var(ctx->arena, &x, &r, true);
	return make_result(ctx, &r, out);
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
	init_var_from_num(ctx->arena, a, &x);
	floor_or_ceil_var(ctx->arena, &x, &r, false);
	return make_result(ctx, &r, out);
}

/* ---- transcendental functions ---- */

/* Value as a double without overflow errors (PostgreSQL's numericvar_to_double_no_overflow). */
static double
var_to_double(const NumericVar *v)
{
	double		d = 0;
	int			n = v->ndigits < 6 ? v->ndigits : 6;

	for (int i = 0; i < n; i++)
		d = d * NBASE + v->digits[i];
	if (n > 0)
	{
		double		e = (double) (v->weight - n + 1) * DEC_DIGITS;

		if (e > 308)
			d = HUGE_VAL;
		else if (e < -340)
			d = 0;
		else
			d *= pow(10.0, e);
	}
	return v->sign == NUMERIC_NEG ? -d : d;
}

/* sqrt to rscale digits, rounded; v > 0.  Newton's iteration with guard digits. */
static void
sqrt_var(Arena *ar, const NumericVar *v, NumericVar *result, int rscale)
{
	int			wscale = rscale + 8;
	NumericVar	x, q, s, two, prev;
	double		est;
	char		buf[64];
	MgError		err = MG_ERROR_INIT;
	EvalCtx		ctx = {.arena = ar, .err = &err};
	const char *endp;

	if (v->ndigits == 0)
	{
		zero_var(result);
		result->dscale = rscale;
		return;
	}
	/* initial estimate from the leading digits and the weight */
	{
		double		lead = 0;
		int			n = v->ndigits < 4 ? v->ndigits : 4;
		int			e;

		for (int i = 0; i < n; i++)
			lead = lead * NBASE + v->digits[i];
		e = (v->weight - n + 1) * DEC_DIGITS;	/* value ~ lead * 10^e */
		if (e % 2 != 0)
		{
			lead *= 10;
			e--;
		}
		est = sqrt(lead);
		snprintf(buf, sizeof(buf), "%.15ge%d", est, e / 2);
	}
	set_var_from_str(&ctx, buf, strlen(buf), buf, buf + strlen(buf), &x, &endp);
	set_var_from_int64(ar, 2, &two);
	for (int iter = 0; iter < 100; iter++)
	{
		set_var_from_var(ar, &x, &prev);
		div_var(ar, v, &x, &q, wscale, false);
		add_var(ar, &x, &q, &s);
		div_var(ar, &s, &two, &x, wscale, false);
		if (cmp_var(&x, &prev) == 0)
			break;
		{
			/* stop when the change is below a couple of units in the last place */
			NumericVar	d;

			sub_var(ar, &x, &prev, &d);
			d.sign = NUMERIC_POS;
			if (d.ndigits == 0 || (d.weight + 1) * DEC_DIGITS < -(wscale - 2))
				break;
		}
	}
	round_var(&x, rscale);
	strip_var(&x);
	*result = x;
}

/* ln(v) for v > 0, to about rscale digits after the point (truncation error < 10^-rscale). */
static void
ln_var_raw(Arena *ar, const NumericVar *v, NumericVar *result, int rscale)
{
	NumericVar	x, t, num, den, z, z2, term, sum, fac, k, two;
	int			nsqrt = 0;
	int			wscale;
	NumericVar	lo, hi;
	MgError		err = MG_ERROR_INIT;
	EvalCtx		ctx = {.arena = ar, .err = &err};
	const char *endp;

	set_var_from_var(ar, v, &x);
	set_var_from_str(&ctx, "0.9", 3, "0.9", "0.9" + 3, &lo, &endp);
	set_var_from_str(&ctx, "1.1", 3, "1.1", "1.1" + 3, &hi, &endp);
	/* estimate the square roots needed to bring x into [0.9, 1.1] */
	{
		double		l = fabs(log(fabs(var_to_double(&x)) > 0 ? var_to_double(&x) : 1e-300));

		if (x.weight > 70 || x.weight < -70)
			l = fabs((double) x.weight * DEC_DIGITS * 2.302585092994046);
		while (l > 0.09)
		{
			l /= 2;
			nsqrt++;
		}
	}
	wscale = rscale + 10 + nsqrt;
	/* bring x into [0.9, 1.1] by square roots; relative precision is what counts */
	nsqrt = 0;
	while (cmp_var(&x, &lo) < 0 || cmp_var(&x, &hi) > 0)
	{
		int			w = x.weight < 0 ? -x.weight : x.weight;

		sqrt_var(ar, &x, &t, wscale + (w + 1) * DEC_DIGITS);
		x = t;
		nsqrt++;
	}
	/* ln(x) = 2 * atanh(z), z = (x - 1) / (x + 1) */
	set_var_from_int64(ar, 1, &t);
	sub_var(ar, &x, &t, &num);
	add_var(ar, &x, &t, &den);
	div_var(ar, &num, &den, &z, wscale, true);
	mul_var(ar, &z, &z, &z2, wscale);
	set_var_from_var(ar, &z, &term);
	set_var_from_var(ar, &z, &sum);
	set_var_from_int64(ar, 1, &k);
	set_var_from_int64(ar, 2, &two);
	for (;;)
	{
		NumericVar	q, nk;

		mul_var(ar, &term, &z2, &term, wscale);
		if (term.ndigits == 0)
			break;
		add_var(ar, &k, &two, &nk);
		k = nk;
		div_var(ar, &term, &k, &q, wscale, true);
		if (q.ndigits == 0)
			break;
		add_var(ar, &sum, &q, &t);
		sum = t;
	}
	/* times 2^(nsqrt + 1) */
	set_var_from_int64(ar, (int64_t) 1 << (nsqrt + 1 < 62 ? nsqrt + 1 : 62), &fac);
	if (nsqrt + 1 >= 62)
	{
		for (int i = 62; i < nsqrt + 1; i++)
		{
			mul_var(ar, &fac, &two, &t, 0);
			fac = t;
		}
	}
	mul_var(ar, &sum, &fac, result, wscale);
}

/* PostgreSQL's estimate_ln_dweight. */
static int
estimate_ln_dweight(Arena *ar, const NumericVar *v)
{
	NumericVar	lo, hi, one, x;
	MgError		err = MG_ERROR_INIT;
	EvalCtx		ctx = {.arena = ar, .err = &err};
	const char *endp;

	if (v->sign != NUMERIC_POS)
		return 0;
	set_var_from_str(&ctx, "0.9", 3, "0.9", "0.9" + 3, &lo, &endp);
	set_var_from_str(&ctx, "1.1", 3, "1.1", "1.1" + 3, &hi, &endp);
	if (cmp_var(v, &lo) >= 0 && cmp_var(v, &hi) <= 0)
	{
		set_var_from_int64(ar, 1, &one);
		sub_var(ar, v, &one, &x);
		if (x.ndigits > 0)
			return x.weight * DEC_DIGITS + (int) log10(x.digits[0]);
		return 0;
	}
	if (v->ndigits > 0)
	{
		int			digits = v->digits[0];
		int			dweight = v->weight * DEC_DIGITS;
		double		lnv;

		if (v->ndigits > 1)
		{
			digits = digits * NBASE + v->digits[1];
			dweight -= DEC_DIGITS;
		}
		lnv = log((double) digits) + dweight * 2.302585092994046;
		return (int) log10(fabs(lnv));
	}
	return 0;
}

static int
clamp_display_scale(int rscale)
{
	if (rscale < NUMERIC_MIN_DISPLAY_SCALE)
		rscale = NUMERIC_MIN_DISPLAY_SCALE;
	if (rscale > NUMERIC_MAX_DISPLAY_SCALE)
		rscale = NUMERIC_MAX_DISPLAY_SCALE;
	return rscale;
}

static int
ln_check(EvalCtx *ctx, const NumericVar *v)
{
	if (v->ndigits == 0)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
		return -1;
	}
	if (v->sign == NUMERIC_NEG)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
		return -1;
	}
	return 0;
}

int
numeric_sqrt(EvalCtx *ctx, Datum a, Datum *out)
{
	NumericVar	x, r;
	int			sweight, rscale;

	if (pk_special(a))
	{
		if (pk_sign(a) == NUMERIC_NINF)
			goto negative;
		*out = a;
		return 0;
	}
	init_var_from_num(ctx->arena, a, &x);
	if (x.sign == NUMERIC_NEG && x.ndigits > 0)
		goto negative;
	sweight = (x.weight + 1) * DEC_DIGITS / 2 - 1;
	rscale = NUMERIC_MIN_SIG_DIGITS - sweight;
	if (rscale < x.dscale)
		rscale = x.dscale;
	rscale = clamp_display_scale(rscale);
	sqrt_var(ctx->arena, &x, &r, rscale);
	r.dscale = rscale;
	return make_result(ctx, &r, out);
negative:
	mg_error(ctx->err, SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
			 "cannot take square root of a negative number");
	return -1;
}

/* e^x rounded to rscale; fails on overflow. */
static int
exp_var(EvalCtx *ctx, const NumericVar *v, NumericVar *result, int rscale)
{
	Arena	   *ar = ctx->arena;
	double		val = var_to_double(v);
	NumericVar	x, term, sum, t, k, one, half;
	int			n = 0;
	int			wscale;
	int			resweight;

	if (fabs(val) >= NUMERIC_MAX_RESULT_SCALE * 3)
	{
		if (val > 0)
			return overflow_error(ctx);
		zero_var(result);
		result->dscale = rscale;
		return 0;
	}
	resweight = (int) (val * 0.434294481903252);
	/* reduce |x| below 0.01 by halving n times; squaring back multiplies the error by 2^n */
	{
		double		ax = fabs(val);

		while (ax > 0.01)
		{
			ax /= 2;
			n++;
		}
	}
	wscale = rscale + (resweight > 0 ? resweight : 0) + n / 3 + 12;
	set_var_from_var(ar, v, &x);
	set_var_from_int64(ar, 1, &one);
	{
		MgError		err = MG_ERROR_INIT;
		EvalCtx		c2 = {.arena = ar, .err = &err};
		const char *endp;

		set_var_from_str(&c2, "0.5", 3, "0.5", "0.5" + 3, &half, &endp);
	}
	for (int i = 0; i < n; i++)
	{
		mul_var(ar, &x, &half, &t, wscale + 2);
		x = t;
	}
	/* Taylor series */
	set_var_from_int64(ar, 1, &sum);
	set_var_from_int64(ar, 1, &term);
	set_var_from_int64(ar, 0, &k);
	for (;;)
	{
		NumericVar	nk;

		add_var(ar, &k, &one, &nk);
		k = nk;
		mul_var(ar, &term, &x, &t, wscale);
		div_var(ar, &t, &k, &term, wscale, true);
		if (term.ndigits == 0)
			break;
		add_var(ar, &sum, &term, &t);
		sum = t;
	}
	for (int i = 0; i < n; i++)
	{
		mul_var(ar, &sum, &sum, &t, wscale);
		sum = t;
		if (sum.weight > NUMERIC_WEIGHT_MAX)
			return overflow_error(ctx);
	}
	round_var(&sum, rscale);
	*result = sum;
	return 0;
}

int
numeric_exp(EvalCtx *ctx, Datum a, Datum *out)
{
	NumericVar	x, r;
	double		val;
	int			rscale;

	if (pk_special(a))
	{
		if (pk_sign(a) == NUMERIC_NINF)
			*out = numeric_from_int64(ctx->arena, 0);
		else
			*out = a;
		return 0;
	}
	init_var_from_num(ctx->arena, a, &x);
	val = var_to_double(&x) * 0.434294481903252;
	if (val < -NUMERIC_MAX_RESULT_SCALE)
		val = -NUMERIC_MAX_RESULT_SCALE;
	if (val > NUMERIC_MAX_RESULT_SCALE)
		val = NUMERIC_MAX_RESULT_SCALE;
	rscale = NUMERIC_MIN_SIG_DIGITS - (int) val;
	if (rscale < x.dscale)
		rscale = x.dscale;
	rscale = clamp_display_scale(rscale);
	if (exp_var(ctx, &x, &r, rscale) < 0)
		return -1;
	return make_result(ctx, &r, out);
}

int
numeric_ln(EvalCtx *ctx, Datum a, Datum *out)
{
	NumericVar	x, r;
	int			rscale;

	if (pk_special(a))
	{
		if (pk_sign(a) == NUMERIC_NINF)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
			return -1;
		}
		*out = a;
		return 0;
	}
	init_var_from_num(ctx->arena, a, &x);
	if (ln_check(ctx, &x) < 0)
		return -1;
	rscale = NUMERIC_MIN_SIG_DIGITS - estimate_ln_dweight(ctx->arena, &x);
	if (rscale < x.dscale)
		rscale = x.dscale;
	rscale = clamp_display_scale(rscale);
	ln_var_raw(ctx->arena, &x, &r, rscale);
	round_var(&r, rscale);
	return make_result(ctx, &r, out);
}

static int
log_var(EvalCtx *ctx, const NumericVar *base, const NumericVar *num, NumericVar *result)
{
	Arena	   *ar = ctx->arena;
	int			ln_base_dweight = estimate_ln_dweight(ar, base);
	int			ln_num_dweight = estimate_ln_dweight(ar, num);
	int			result_dweight = ln_num_dweight - ln_base_dweight;
	int			rscale;
	int			wscale;
	NumericVar	lb, ln;

	rscale = NUMERIC_MIN_SIG_DIGITS - result_dweight;
	if (rscale < base->dscale)
		rscale = base->dscale;
	if (rscale < num->dscale)
		rscale = num->dscale;
	rscale = clamp_display_scale(rscale);
	wscale = rscale + 10 + (result_dweight > 0 ? result_dweight : 0) +
		(ln_base_dweight < 0 ? -ln_base_dweight : 0) + (ln_num_dweight > 0 ? ln_num_dweight : 0);
	ln_var_raw(ar, base, &lb, wscale);
	ln_var_raw(ar, num, &ln, wscale);
	strip_var(&lb);
	if (lb.ndigits == 0)
		return div_by_zero(ctx);
	div_var(ar, &ln, &lb, result, rscale, true);
	return 0;
}

int
numeric_log(EvalCtx *ctx, Datum base, Datum a, Datum *out)
{
	NumericVar	b, x, r;

	if (pk_special(base) || pk_special(a))
	{
		if (numeric_is_nan(base) || numeric_is_nan(a))
		{
			*out = nan_datum(ctx);
			return 0;
		}
		if (numeric_sign_of(base) <= 0 || numeric_sign_of(a) <= 0)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_ARGUMENT_FOR_LOG,
					 numeric_sign_of(base) == 0 || numeric_sign_of(a) == 0 ?
					 "cannot take logarithm of zero" : "cannot take logarithm of a negative number");
			return -1;
		}
		if (numeric_is_inf(base))
		{
			*out = numeric_is_inf(a) ? nan_datum(ctx) : numeric_from_int64(ctx->arena, 0);
			return 0;
		}
		*out = a;				/* log(finite base, +inf) */
		return 0;
	}
	init_var_from_num(ctx->arena, base, &b);
	init_var_from_num(ctx->arena, a, &x);
	if (ln_check(ctx, &b) < 0 || ln_check(ctx, &x) < 0)
		return -1;
	if (log_var(ctx, &b, &x, &r) < 0)
		return -1;
	return make_result(ctx, &r, out);
}

int
numeric_log10(EvalCtx *ctx, Datum a, Datum *out)
{
	return numeric_log(ctx, numeric_from_int64(ctx->arena, 10), a, out);
}

/* base ^ exp for an integer exponent, rounded to rscale. */
static int
power_var_int(EvalCtx *ctx, const NumericVar *base, int64_t exp, NumericVar *result, int rscale)
{
	Arena	   *ar = ctx->arena;
	NumericVar	b, r, t;
	uint64_t	e;
	int			wscale;
	double		dw;

	switch (exp)
	{
		case 0:
			set_var_from_int64(ar, 1, result);
			result->dscale = rscale;
			return 0;
		case 1:
			set_var_from_var(ar, base, result);
			round_var(result, rscale);
			return 0;
		case -1:
			{
				NumericVar	one;

				if (base->ndigits == 0)
					return div_by_zero(ctx);
				set_var_from_int64(ar, 1, &one);
				div_var(ar, &one, base, result, rscale, true);
				return 0;
			}
		case 2:
			mul_var(ar, base, base, result, rscale);
			return 0;
		default:
			break;
	}
	if (base->ndigits == 0)
	{
		if (exp < 0)
			return div_by_zero(ctx);
		zero_var(result);
		result->dscale = rscale;
		return 0;
	}
	/* approximate decimal weight of the result, for overflow and precision */
	dw = log10(fabs(var_to_double(base)) > 0 ? fabs(var_to_double(base)) : 1e-300);
	if (base->weight > 70 || base->weight < -70)
		dw = (double) base->weight * DEC_DIGITS;
	dw *= (double) exp;
	if (dw > NUMERIC_MAX_RESULT_SCALE * 3 || dw > (NUMERIC_WEIGHT_MAX + 1) * DEC_DIGITS)
		return overflow_error(ctx);
	if (dw < -NUMERIC_MAX_RESULT_SCALE * 3)
	{
		zero_var(result);
		result->dscale = rscale;
		return 0;
	}
	e = exp < 0 ? (uint64_t) (-(exp + 1)) + 1 : (uint64_t) exp;
	/* exact for positive exponents when the product stays small; else with guard digits */
	wscale = rscale + (dw > 0 ? (int) dw : 0) + 20 + (int) log10((double) e + 1) * 2;
	if (exp < 0)
		wscale += (int) fabs(dw);
	set_var_from_var(ar, base, &b);
	set_var_from_int64(ar, 1, &r);
	while (e > 0)
	{
		if (e & 1)
		{
			mul_var(ar, &r, &b, &t, wscale);
			r = t;
		}
		e >>= 1;
		if (e > 0)
		{
			mul_var(ar, &b, &b, &t, wscale);
			b = t;
		}
	}
	if (exp < 0)
	{
		NumericVar	one;

		set_var_from_int64(ar, 1, &one);
		div_var(ar, &one, &r, result, rscale, true);
		return 0;
	}
	round_var(&r, rscale);
	*result = r;
	return 0;
}

static int
power_var(EvalCtx *ctx, const NumericVar *base, const NumericVar *exp, NumericVar *result)
{
	Arena	   *ar = ctx->arena;
	int			rscale;
	double		val;
	NumericVar	lnb, y;
	int			ln_dweight;

	/* integral exponent that fits in an int32: exact-ish power by squaring */
	if (exp->ndigits == 0 || exp->ndigits <= exp->weight + 1)
	{
		NumericVar	e = *exp;
		int64_t		ev = 0;
		bool		fits = e.weight < 3;

		if (fits)
		{
			for (int i = 0; i <= e.weight && e.ndigits > 0; i++)
				ev = ev * NBASE + (i < e.ndigits ? e.digits[i] : 0);
			if (e.sign == NUMERIC_NEG)
				ev = -ev;
		}
		if (fits && ev >= INT32_MIN && ev <= INT32_MAX)
		{
			rscale = NUMERIC_MIN_SIG_DIGITS;
			if (rscale < base->dscale)
				rscale = base->dscale;
			rscale = clamp_display_scale(rscale);
			return power_var_int(ctx, base, ev, result, rscale);
		}
	}
	if (base->ndigits == 0)
	{
		zero_var(result);
		result->dscale = NUMERIC_MIN_SIG_DIGITS;
		return 0;
	}
	/* low-precision ln(base) * exp to size the result */
	ln_dweight = estimate_ln_dweight(ar, base);
	ln_var_raw(ar, base, &lnb, 8 - ln_dweight > 0 ? 8 - ln_dweight : 8);
	mul_var(ar, &lnb, exp, &y, 16);
	val = var_to_double(&y);
	if (fabs(val) > NUMERIC_MAX_RESULT_SCALE * 3.01)
	{
		if (val > 0)
			return overflow_error(ctx);
		zero_var(result);
		result->dscale = NUMERIC_MAX_DISPLAY_SCALE;
		return 0;
	}
	val *= 0.434294481903252;
	rscale = NUMERIC_MIN_SIG_DIGITS - (int) val;
	if (rscale < base->dscale)
		rscale = base->dscale;
	if (rscale < exp->dscale)
		rscale = exp->dscale;
	rscale = clamp_display_scale(rscale);
	{
		/* y = ln(base) * exp precise to the result's relative precision */
		int			yscale = rscale + (val > 0 ? (int) val : 0) + 12;
		int			edig = (exp->weight + 1) * DEC_DIGITS;

		ln_var_raw(ar, base, &lnb, yscale + (edig > 0 ? edig : 0));
		mul_var(ar, &lnb, exp, &y, yscale);
		return exp_var(ctx, &y, result, rscale);
	}
}

/* Is a numeric an integer?  Infinities count as integers, NaN does not (as PostgreSQL). */
static bool
numeric_is_integral(EvalCtx *ctx, Datum a)
{
	NumericVar	x;

	if (pk_special(a))
		return numeric_is_inf(a);
	init_var_from_num(ctx->arena, a, &x);
	return x.ndigits == 0 || x.ndigits <= x.weight + 1;
}

/* power() with an infinite argument: POSIX pow(3)'s rules, as PostgreSQL. */
static int
power_special(EvalCtx *ctx, Datum a, Datum b, int sa, int sb, Datum *out)
{
	NumericVar	x, one;

	if (sa == 0 && sb < 0)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
				 "zero raised to a negative power is undefined");
		return -1;
	}
	if (sa < 0 && !numeric_is_integral(ctx, b))
	{
		mg_error(ctx->err, SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
				 "a negative number raised to a non-integer power yields a complex result");
		return -1;
	}
	set_var_from_int64(ctx->arena, 1, &one);
	if (!pk_special(a))
	{
		init_var_from_num(ctx->arena, a, &x);
		if (cmp_var(&x, &one) == 0)
			goto one;
	}
	if (sb == 0)
		goto one;
	if (numeric_is_inf(b))
	{
		bool		abs_x_gt_one;

		if (pk_special(a))
			abs_x_gt_one = true;
		else
		{
			init_var_from_num(ctx->arena, a, &x);
			if (x.sign == NUMERIC_NEG && cmp_abs(&x, &one) == 0)
				goto one;
			x.sign = NUMERIC_POS;
			abs_x_gt_one = cmp_var(&x, &one) > 0;
		}
		*out = abs_x_gt_one == (sb > 0) ? make_special(ctx->arena, NUMERIC_PINF)
			: numeric_from_int64(ctx->arena, 0);
		return 0;
	}
	if (pk_sign(a) == NUMERIC_PINF)
	{
		*out = sb > 0 ? make_special(ctx->arena, NUMERIC_PINF) : numeric_from_int64(ctx->arena, 0);
		return 0;
	}
	/* a is -Infinity, b finite and non-zero */
	if (sb < 0)
	{
		*out = numeric_from_int64(ctx->arena, 0);
		return 0;
	}
	init_var_from_num(ctx->arena, b, &x);
	if (x.ndigits > 0 && x.ndigits == x.weight + 1 && (x.digits[x.ndigits - 1] & 1))
		*out = make_special(ctx->arena, NUMERIC_NINF);
	else
		*out = make_special(ctx->arena, NUMERIC_PINF);
	return 0;
one:
	*out = numeric_from_int64(ctx->arena, 1);
	return 0;
}

int
numeric_power(EvalCtx *ctx, Datum a, Datum b, Datum *out)
{
	NumericVar	x, y, r;

	if (pk_special(a) || pk_special(b))
	{
		int			sa = numeric_sign_of(a), sb = numeric_sign_of(b);

		if (numeric_is_nan(a))
		{
			*out = (!pk_special(b) && sb == 0) ? numeric_from_int64(ctx->arena, 1) : nan_datum(ctx);
			return 0;
		}
		if (numeric_is_nan(b))
		{
			if (!pk_special(a))
			{
				NumericVar	one;

				init_var_from_num(ctx->arena, a, &x);
				set_var_from_int64(ctx->arena, 1, &one);
				if (cmp_var(&x, &one) == 0)
				{
					*out = numeric_from_int64(ctx->arena, 1);
					return 0;
				}
			}
			*out = nan_datum(ctx);
			return 0;
		}
		return power_special(ctx, a, b, sa, sb, out);
	}
	init_var_from_num(ctx->arena, a, &x);
	init_var_from_num(ctx->arena, b, &y);
	if (x.ndigits == 0 && y.sign == NUMERIC_NEG && y.ndigits > 0)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
				 "zero raised to a negative power is undefined");
		return -1;
	}
	if (x.sign == NUMERIC_NEG && x.ndigits > 0)
	{
		NumericVar	t;

		set_var_from_var(ctx->arena, &y, &t);
		trunc_var(&t, 0);
		if (cmp_var(&t, &y) != 0)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
					 "a negative number raised to a non-integer power yields a complex result");
			return -1;
		}
	}
	if (power_var(ctx, &x, &y, &r) < 0)
		return -1;
	return make_result(ctx, &r, out);
}

/* ---- sum/avg accumulators ---- */

/*
 * The accumulator keeps integer inputs in a 128-bit sum and numeric inputs
 * in two digit arrays (positive and negative values apart, as PostgreSQL's
 * NumericSumAccum) whose carries are propagated only now and then, so
 * adding a row allocates nothing once the arrays cover its digit range.
 */
#define ACCUM_CARRY_EVERY 100000	/* adds of digits < NBASE that fit an int32 */

struct NumericAccum {
	Arena	   *arena;
	int64_t		count;
	unsigned char isum[16];		/* __int128 sum of integer inputs (memcpy: arenas align to 8 only) */
	int			weight;			/* NBASE weight of pos[0]/neg[0] */
	int			ndigits;		/* length of pos and neg, 0 until a numeric is added */
	int			dscale;			/* largest input dscale */
	int			pending;		/* adds since the last carry propagation */
	int32_t    *pos;
	int32_t    *neg;
	int			nan_count;
	int			pinf_count;
	int			ninf_count;
};

NumericAccum *
numeric_accum_new(Arena *a)
{
	NumericAccum *acc = arena_alloc0(a, sizeof(NumericAccum));

	acc->arena = a;
	return acc;
}

int
numeric_accum_add_int64(EvalCtx *ctx, NumericAccum *acc, int64_t v)
{
	__int128	sum;

	(void) ctx;
	acc->count++;
	memcpy(&sum, acc->isum, sizeof(sum));
	sum += v;
	memcpy(acc->isum, &sum, sizeof(sum));
	return 0;
}

/* Makes the arrays cover weights lo..hi, with one spare digit on top for carries. */
static void
accum_cover(NumericAccum *acc, int hi, int lo)
{
	int			newhi, newlo, nd, shift;
	int32_t    *pos, *neg;

	if (acc->ndigits > 0 && hi < acc->weight && lo >= acc->weight - acc->ndigits + 1)
		return;
	newhi = hi + 1;
	newlo = lo;
	if (acc->ndigits > 0)
	{
		if (acc->weight > newhi)
			newhi = acc->weight;
		if (acc->weight - acc->ndigits + 1 < newlo)
			newlo = acc->weight - acc->ndigits + 1;
	}
	nd = newhi - newlo + 1;
	pos = arena_alloc0(acc->arena, sizeof(int32_t) * (size_t) nd);
	neg = arena_alloc0(acc->arena, sizeof(int32_t) * (size_t) nd);
	if (acc->ndigits > 0)
	{
		shift = newhi - acc->weight;
		memcpy(pos + shift, acc->pos, sizeof(int32_t) * (size_t) acc->ndigits);
		memcpy(neg + shift, acc->neg, sizeof(int32_t) * (size_t) acc->ndigits);
	}
	acc->pos = pos;
	acc->neg = neg;
	acc->weight = newhi;
	acc->ndigits = nd;
}

static void
accum_carry(NumericAccum *acc)
{
	int32_t    *arrs[2] = {acc->pos, acc->neg};

	for (int k = 0; k < 2; k++)
	{
		int32_t    *d = arrs[k];

		for (int i = acc->ndigits - 1; i > 0; i--)
		{
			d[i - 1] += d[i] / NBASE;
			d[i] %= NBASE;
		}
	}
	acc->pending = 0;
	if (acc->pos[0] != 0 || acc->neg[0] != 0)
	{
		/* the spare top digit is in use: grow so the next carries have room */
		accum_cover(acc, acc->weight, acc->weight - acc->ndigits + 1);
	}
}

int
numeric_accum_add(EvalCtx *ctx, NumericAccum *acc, Datum v)
{
	int			n, w;
	int32_t    *arr;

	(void) ctx;
	acc->count++;
	switch (pk_sign(v))
	{
		case NUMERIC_NAN:
			acc->nan_count++;
			return 0;
		case NUMERIC_PINF:
			acc->pinf_count++;
			return 0;
		case NUMERIC_NINF:
			acc->ninf_count++;
			return 0;
		default:
			break;
	}
	if (pk_dscale(v) > acc->dscale)
		acc->dscale = pk_dscale(v);
	n = pk_ndigits(v);
	if (n == 0)
		return 0;
	w = pk_weight(v);
	accum_cover(acc, w, w - n + 1);
	if (acc->pending >= ACCUM_CARRY_EVERY)
		accum_carry(acc);
	arr = pk_sign(v) == NUMERIC_NEG ? acc->neg : acc->pos;
	for (int i = 0; i < n; i++)
		arr[acc->weight - (w - i)] += pk_digit(v, i);
	acc->pending++;
	return 0;
}

/* One of the digit arrays as a NumericVar. */
static void
accum_part(NumericAccum *acc, const int32_t *d, int sign, NumericVar *out)
{
	alloc_var(acc->arena, out, acc->ndigits);
	for (int i = 0; i < acc->ndigits; i++)
		out->digits[i] = (NumericDigit) d[i];
	out->weight = acc->weight;
	out->sign = sign;
	out->dscale = acc->dscale;
	strip_var(out);
}

/* The exact total as a NumericVar (finite part only). */
static void
accum_total(NumericAccum *acc, NumericVar *total)
{
	NumericVar	iv, r;
	unsigned __int128 u;
	__int128	sum;
	bool		neg;
	NumericDigit tmp[12];
	int			n = 0;

	memcpy(&sum, acc->isum, sizeof(sum));
	neg = sum < 0;
	u = neg ? (unsigned __int128) (-(sum + 1)) + 1 : (unsigned __int128) sum;
	while (u > 0)
	{
		tmp[n++] = (NumericDigit) (u % NBASE);
		u /= NBASE;
	}
	alloc_var(acc->arena, &iv, n);
	for (int i = 0; i < n; i++)
		iv.digits[i] = tmp[n - 1 - i];
	iv.weight = n > 0 ? n - 1 : 0;
	iv.sign = neg ? NUMERIC_NEG : NUMERIC_POS;
	iv.dscale = 0;
	if (acc->ndigits > 0)
	{
		NumericVar	p, q, d;

		accum_carry(acc);
		accum_part(acc, acc->pos, NUMERIC_POS, &p);
		accum_part(acc, acc->neg, NUMERIC_NEG, &q);
		add_var(acc->arena, &p, &q, &d);
		add_var(acc->arena, &d, &iv, &r);
		r.dscale = acc->dscale;
		*total = r;
	}
	else
		*total = iv;
}

/* NaN/infinity results of sum and avg, as PostgreSQL's numeric aggregates. */
static bool
accum_special(EvalCtx *ctx, NumericAccum *acc, Datum *out)
{
	if (acc->nan_count > 0 || (acc->pinf_count > 0 && acc->ninf_count > 0))
		*out = nan_datum(ctx);
	else if (acc->pinf_count > 0)
		*out = make_special(ctx->arena, NUMERIC_PINF);
	else if (acc->ninf_count > 0)
		*out = make_special(ctx->arena, NUMERIC_NINF);
	else
		return false;
	return true;
}

int
numeric_accum_sum(EvalCtx *ctx, NumericAccum *acc, Datum *out, bool *isnull)
{
	NumericVar	total;

	*isnull = acc->count == 0;
	if (*isnull)
		return 0;
	if (accum_special(ctx, acc, out))
		return 0;
	accum_total(acc, &total);
	return make_result(ctx, &total, out);
}

int
numeric_accum_avg(EvalCtx *ctx, NumericAccum *acc, Datum *out, bool *isnull)
{
	NumericVar	total, n, r;

	*isnull = acc->count == 0;
	if (*isnull)
		return 0;
	if (accum_special(ctx, acc, out))
		return 0;
	accum_total(acc, &total);
	set_var_from_int64(ctx->arena, acc->count, &n);
	div_var(ctx->arena, &total, &n, &r, select_div_scale(&total, &n), true);
	return make_result(ctx, &r, out);
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
