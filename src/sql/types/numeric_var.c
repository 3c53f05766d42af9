/*
 * numeric_var.c — the arithmetic engine behind the numeric type: NumericVar
 * allocation and normalisation, packing (nv_make_result), rounding and
 * truncation at a decimal scale, comparison, addition, subtraction,
 * multiplication, long division and modulo (numeric_int.h declares them).
 *
 * Design notes: PostgreSQL's numeric.c algorithms on base-10000 digits.
 * Every digit array gets one spare leading digit so rounding can carry
 * into a new most significant digit.  Multiplication is exact before its
 * final rounding; division is Knuth's algorithm D computed one NBASE digit
 * beyond the wanted scale, so rounding it rounds the exact quotient.
 *
 * Invariants: inputs are never modified; results are allocated in the
 * arena passed in; nothing here reports errors except nv_make_result()
 * (overflow) and the helpers named *_error / nv_div_by_zero.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/numeric.h>
#include <memgres/types.h>

#include "numeric_int.h"
#include "typesint.h"

/* ---- NumericVar basics ---- */

void
nv_alloc(Arena *a, NumericVar *v, int ndigits)
{
	v->buf = arena_alloc(a, sizeof(NumericDigit) * (size_t) (ndigits + 1));
	v->buf[0] = 0;
	v->digits = v->buf + 1;
	v->ndigits = ndigits;
}

void
nv_zero(NumericVar *v)
{
	v->ndigits = 0;
	v->weight = 0;
	v->sign = NUMERIC_POS;
	v->dscale = 0;
	v->buf = v->digits = NULL;
}

void
nv_from_num(Arena *a, Datum d, NumericVar *v)
{
	int			n = pk_ndigits(d);

	nv_alloc(a, v, n);
	v->sign = pk_sign(d);
	v->weight = pk_weight(d);
	v->dscale = pk_dscale(d);
	if (n > 0)
		memcpy(v->digits, DatumGetVarlena(d)->data + NUM_HDR, 2 * (size_t) n);
}

void
nv_copy(Arena *a, const NumericVar *src, NumericVar *dst)
{
	NumericVar	t = *src;

	nv_alloc(a, dst, t.ndigits);
	if (t.ndigits > 0)
		memcpy(dst->digits, t.digits, sizeof(NumericDigit) * (size_t) t.ndigits);
	dst->weight = t.weight;
	dst->sign = t.sign;
	dst->dscale = t.dscale;
}

void
nv_from_int64(Arena *a, int64_t val, NumericVar *v)
{
	uint64_t	u;
	NumericDigit tmp[8];
	int			n = 0;

	nv_zero(v);
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
	nv_alloc(a, v, n);
	for (int i = 0; i < n; i++)
		v->digits[i] = tmp[n - 1 - i];
	v->weight = n - 1;
	if (n == 0)
		v->weight = 0;
}

/* Drops leading and trailing zero digits; zero becomes positive with weight 0. */
void
nv_strip(NumericVar *v)
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

int
nv_overflow_error(EvalCtx *ctx)
{
	mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
	return -1;
}

Datum
nv_make_special(Arena *a, uint16_t sign)
{
	Varlena    *v = varlena_new(a, NUM_HDR);

	memset(v->data, 0, NUM_HDR);
	memcpy(v->data, &sign, 2);
	return PointerGetDatum(v);
}

/* Packs var (stripping it) into a new Datum. */
int
nv_make_result(EvalCtx *ctx, NumericVar *var, Datum *out)
{
	Varlena    *v;
	uint16_t	sign;
	int16_t		weight;
	uint16_t	dscale;

	if (var->sign == NUMERIC_NAN || var->sign == NUMERIC_PINF || var->sign == NUMERIC_NINF)
	{
		*out = nv_make_special(ctx->arena, (uint16_t) var->sign);
		return 0;
	}
	nv_strip(var);
	if (var->ndigits > 0 && var->weight < -32768)
	{
		/* too small to represent: zero at the same scale */
		var->ndigits = 0;
		var->weight = 0;
		var->sign = NUMERIC_POS;
	}
	if (var->weight > NUMERIC_WEIGHT_MAX || var->dscale > NUMERIC_DSCALE_MAX || var->dscale < 0)
		return nv_overflow_error(ctx);
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

void
nv_round(NumericVar *var, int rscale)
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

void
nv_trunc(NumericVar *var, int rscale)
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

int
nv_cmp_abs(const NumericVar *a, const NumericVar *b)
{
	return cmp_abs_common(a->digits, a->ndigits, a->weight, b->digits, b->ndigits, b->weight);
}

int
nv_cmp(const NumericVar *a, const NumericVar *b)
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
		return nv_cmp_abs(a, b);
	}
	if (b->sign == NUMERIC_POS)
		return -1;
	return nv_cmp_abs(b, a);
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
	nv_alloc(ar, &r, res_ndigits);
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
	nv_strip(&r);
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
	nv_alloc(ar, &r, res_ndigits);
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
	nv_strip(&r);
	*result = r;
}

void
nv_add(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result)
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
		int			c = nv_cmp_abs(v1, v2);

		if (c == 0)
		{
			nv_zero(result);
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

void
nv_sub(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result)
{
	NumericVar	neg = *v2;

	if (neg.ndigits > 0)
		neg.sign = neg.sign == NUMERIC_POS ? NUMERIC_NEG : NUMERIC_POS;
	nv_add(ar, v1, &neg, result);
}

/* ---- multiplication and division ---- */

/* Exact product, rounded to rscale. */
void
nv_mul(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result, int rscale)
{
	int			n1 = v1->ndigits, n2 = v2->ndigits;
	int			res_ndigits = n1 + n2;
	int64_t    *acc;
	NumericVar	r;
	int64_t		carry = 0;

	if (n1 == 0 || n2 == 0)
	{
		nv_zero(result);
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
	nv_alloc(ar, &r, res_ndigits);
	for (int k = res_ndigits - 1; k >= 0; k--)
	{
		carry += acc[k];
		r.digits[k] = (NumericDigit) (carry % NBASE);
		carry /= NBASE;
	}
	r.weight = v1->weight + v2->weight + 1;
	r.sign = v1->sign == v2->sign ? NUMERIC_POS : NUMERIC_NEG;
	r.dscale = rscale;
	nv_round(&r, rscale);
	nv_strip(&r);
	*result = r;
}

/*
 * Quotient v1 / v2 to rscale digits after the decimal point, rounded
 * (round) or truncated.  v2 must not be zero.  Knuth's algorithm D on
 * base-NBASE digits; the quotient is computed exactly to one NBASE digit
 * beyond rscale, so rounding it is rounding the exact quotient.
 */
void
nv_div(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result, int rscale, bool round)
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
		nv_zero(result);
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
	nv_alloc(ar, &q, qlen);

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
		nv_round(&q, rscale);
	else
		nv_trunc(&q, rscale);
	nv_strip(&q);
	if (q.ndigits == 0)
		q.sign = NUMERIC_POS;
	*result = q;
}

int
nv_select_div_scale(const NumericVar *v1, const NumericVar *v2)
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

int
nv_div_by_zero(EvalCtx *ctx)
{
	mg_error(ctx->err, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	return -1;
}

/* mod = v1 - trunc(v1 / v2) * v2 */
void
nv_mod(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result)
{
	NumericVar	q, p;

	nv_div(ar, v1, v2, &q, 0, false);
	nv_mul(ar, v2, &q, &p, v2->dscale);
	nv_sub(ar, v1, &p, result);
}

