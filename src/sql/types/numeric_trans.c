/*
 * numeric_trans.c — numeric sqrt, exp, ln, log and power (numeric.h) at
 * PostgreSQL 15's result scales.
 *
 * Design notes: the result scale of each function follows PostgreSQL's
 * numeric.c exactly (at least NUMERIC_MIN_SIG_DIGITS significant digits,
 * at least the inputs' scales, estimate_ln_dweight for logarithms); the
 * values are computed with guard digits and then rounded: sqrt by Newton's
 * iteration, ln by square-root reduction into [0.9, 1.1] and the atanh
 * series, exp by halving and the Taylor series, integer powers by
 * repeated squaring, other powers as exp(y * ln(x)).
 *
 * Invariants: every function is pure; errors are PostgreSQL's (2201E for
 * logarithms of zero or negative numbers, 2201F for power and sqrt,
 * 22003 on overflow, 22012 division by zero).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/numeric.h>
#include <memgres/types.h>

#include "numeric_int.h"
#include "typesint.h"

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
		nv_zero(result);
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
	nv_from_str(&ctx, buf, strlen(buf), buf, buf + strlen(buf), &x, &endp);
	nv_from_int64(ar, 2, &two);
	for (int iter = 0; iter < 100; iter++)
	{
		nv_copy(ar, &x, &prev);
		nv_div(ar, v, &x, &q, wscale, false);
		nv_add(ar, &x, &q, &s);
		nv_div(ar, &s, &two, &x, wscale, false);
		if (nv_cmp(&x, &prev) == 0)
			break;
		{
			/* stop when the change is below a couple of units in the last place */
			NumericVar	d;

			nv_sub(ar, &x, &prev, &d);
			d.sign = NUMERIC_POS;
			if (d.ndigits == 0 || (d.weight + 1) * DEC_DIGITS < -(wscale - 2))
				break;
		}
	}
	nv_round(&x, rscale);
	nv_strip(&x);
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

	nv_copy(ar, v, &x);
	nv_from_str(&ctx, "0.9", 3, "0.9", "0.9" + 3, &lo, &endp);
	nv_from_str(&ctx, "1.1", 3, "1.1", "1.1" + 3, &hi, &endp);
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
	while (nv_cmp(&x, &lo) < 0 || nv_cmp(&x, &hi) > 0)
	{
		int			w = x.weight < 0 ? -x.weight : x.weight;

		sqrt_var(ar, &x, &t, wscale + (w + 1) * DEC_DIGITS);
		x = t;
		nsqrt++;
	}
	/* ln(x) = 2 * atanh(z), z = (x - 1) / (x + 1) */
	nv_from_int64(ar, 1, &t);
	nv_sub(ar, &x, &t, &num);
	nv_add(ar, &x, &t, &den);
	nv_div(ar, &num, &den, &z, wscale, true);
	nv_mul(ar, &z, &z, &z2, wscale);
	nv_copy(ar, &z, &term);
	nv_copy(ar, &z, &sum);
	nv_from_int64(ar, 1, &k);
	nv_from_int64(ar, 2, &two);
	for (;;)
	{
		NumericVar	q, nk;

		nv_mul(ar, &term, &z2, &term, wscale);
		if (term.ndigits == 0)
			break;
		nv_add(ar, &k, &two, &nk);
		k = nk;
		nv_div(ar, &term, &k, &q, wscale, true);
		if (q.ndigits == 0)
			break;
		nv_add(ar, &sum, &q, &t);
		sum = t;
	}
	/* times 2^(nsqrt + 1) */
	nv_from_int64(ar, (int64_t) 1 << (nsqrt + 1 < 62 ? nsqrt + 1 : 62), &fac);
	if (nsqrt + 1 >= 62)
	{
		for (int i = 62; i < nsqrt + 1; i++)
		{
			nv_mul(ar, &fac, &two, &t, 0);
			fac = t;
		}
	}
	nv_mul(ar, &sum, &fac, result, wscale);
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
	nv_from_str(&ctx, "0.9", 3, "0.9", "0.9" + 3, &lo, &endp);
	nv_from_str(&ctx, "1.1", 3, "1.1", "1.1" + 3, &hi, &endp);
	if (nv_cmp(v, &lo) >= 0 && nv_cmp(v, &hi) <= 0)
	{
		nv_from_int64(ar, 1, &one);
		nv_sub(ar, v, &one, &x);
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
	nv_from_num(ctx->arena, a, &x);
	if (x.sign == NUMERIC_NEG && x.ndigits > 0)
		goto negative;
	sweight = (x.weight + 1) * DEC_DIGITS / 2 - 1;
	rscale = NUMERIC_MIN_SIG_DIGITS - sweight;
	if (rscale < x.dscale)
		rscale = x.dscale;
	rscale = clamp_display_scale(rscale);
	sqrt_var(ctx->arena, &x, &r, rscale);
	r.dscale = rscale;
	return nv_make_result(ctx, &r, out);
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
			return nv_overflow_error(ctx);
		nv_zero(result);
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
	nv_copy(ar, v, &x);
	nv_from_int64(ar, 1, &one);
	{
		MgError		err = MG_ERROR_INIT;
		EvalCtx		c2 = {.arena = ar, .err = &err};
		const char *endp;

		nv_from_str(&c2, "0.5", 3, "0.5", "0.5" + 3, &half, &endp);
	}
	for (int i = 0; i < n; i++)
	{
		nv_mul(ar, &x, &half, &t, wscale + 2);
		x = t;
	}
	/* Taylor series */
	nv_from_int64(ar, 1, &sum);
	nv_from_int64(ar, 1, &term);
	nv_from_int64(ar, 0, &k);
	for (;;)
	{
		NumericVar	nk;

		nv_add(ar, &k, &one, &nk);
		k = nk;
		nv_mul(ar, &term, &x, &t, wscale);
		nv_div(ar, &t, &k, &term, wscale, true);
		if (term.ndigits == 0)
			break;
		nv_add(ar, &sum, &term, &t);
		sum = t;
	}
	for (int i = 0; i < n; i++)
	{
		nv_mul(ar, &sum, &sum, &t, wscale);
		sum = t;
		if (sum.weight > NUMERIC_WEIGHT_MAX)
			return nv_overflow_error(ctx);
	}
	nv_round(&sum, rscale);
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
	nv_from_num(ctx->arena, a, &x);
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
	return nv_make_result(ctx, &r, out);
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
	nv_from_num(ctx->arena, a, &x);
	if (ln_check(ctx, &x) < 0)
		return -1;
	rscale = NUMERIC_MIN_SIG_DIGITS - estimate_ln_dweight(ctx->arena, &x);
	if (rscale < x.dscale)
		rscale = x.dscale;
	rscale = clamp_display_scale(rscale);
	ln_var_raw(ctx->arena, &x, &r, rscale);
	nv_round(&r, rscale);
	return nv_make_result(ctx, &r, out);
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
	nv_strip(&lb);
	if (lb.ndigits == 0)
		return nv_div_by_zero(ctx);
	nv_div(ar, &ln, &lb, result, rscale, true);
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
			*out = nv_nan(ctx);
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
			*out = numeric_is_inf(a) ? nv_nan(ctx) : numeric_from_int64(ctx->arena, 0);
			return 0;
		}
		*out = a;				/* log(finite base, +inf) */
		return 0;
	}
	nv_from_num(ctx->arena, base, &b);
	nv_from_num(ctx->arena, a, &x);
	if (ln_check(ctx, &b) < 0 || ln_check(ctx, &x) < 0)
		return -1;
	if (log_var(ctx, &b, &x, &r) < 0)
		return -1;
	return nv_make_result(ctx, &r, out);
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
			nv_from_int64(ar, 1, result);
			result->dscale = rscale;
			return 0;
		case 1:
			nv_copy(ar, base, result);
			nv_round(result, rscale);
			return 0;
		case -1:
			{
				NumericVar	one;

				if (base->ndigits == 0)
					return nv_div_by_zero(ctx);
				nv_from_int64(ar, 1, &one);
				nv_div(ar, &one, base, result, rscale, true);
				return 0;
			}
		case 2:
			nv_mul(ar, base, base, result, rscale);
			return 0;
		default:
			break;
	}
	if (base->ndigits == 0)
	{
		if (exp < 0)
			return nv_div_by_zero(ctx);
		nv_zero(result);
		result->dscale = rscale;
		return 0;
	}
	/* approximate decimal weight of the result, for overflow and precision */
	dw = log10(fabs(var_to_double(base)) > 0 ? fabs(var_to_double(base)) : 1e-300);
	if (base->weight > 70 || base->weight < -70)
		dw = (double) base->weight * DEC_DIGITS;
	dw *= (double) exp;
	if (dw > NUMERIC_MAX_RESULT_SCALE * 3 || dw > (NUMERIC_WEIGHT_MAX + 1) * DEC_DIGITS)
		return nv_overflow_error(ctx);
	if (dw < -NUMERIC_MAX_RESULT_SCALE * 3)
	{
		nv_zero(result);
		result->dscale = rscale;
		return 0;
	}
	e = exp < 0 ? (uint64_t) (-(exp + 1)) + 1 : (uint64_t) exp;
	/* exact for positive exponents when the product stays small; else with guard digits */
	wscale = rscale + (dw > 0 ? (int) dw : 0) + 20 + (int) log10((double) e + 1) * 2;
	if (exp < 0)
		wscale += (int) fabs(dw);
	nv_copy(ar, base, &b);
	nv_from_int64(ar, 1, &r);
	while (e > 0)
	{
		if (e & 1)
		{
			nv_mul(ar, &r, &b, &t, wscale);
			r = t;
		}
		e >>= 1;
		if (e > 0)
		{
			nv_mul(ar, &b, &b, &t, wscale);
			b = t;
		}
	}
	if (exp < 0)
	{
		NumericVar	one;

		nv_from_int64(ar, 1, &one);
		nv_div(ar, &one, &r, result, rscale, true);
		return 0;
	}
	nv_round(&r, rscale);
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
		nv_zero(result);
		result->dscale = NUMERIC_MIN_SIG_DIGITS;
		return 0;
	}
	/* low-precision ln(base) * exp to size the result */
	ln_dweight = estimate_ln_dweight(ar, base);
	ln_var_raw(ar, base, &lnb, 8 - ln_dweight > 0 ? 8 - ln_dweight : 8);
	nv_mul(ar, &lnb, exp, &y, 16);
	val = var_to_double(&y);
	if (fabs(val) > NUMERIC_MAX_RESULT_SCALE * 3.01)
	{
		if (val > 0)
			return nv_overflow_error(ctx);
		nv_zero(result);
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
		nv_mul(ar, &lnb, exp, &y, yscale);
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
	nv_from_num(ctx->arena, a, &x);
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
	nv_from_int64(ctx->arena, 1, &one);
	if (!pk_special(a))
	{
		nv_from_num(ctx->arena, a, &x);
		if (nv_cmp(&x, &one) == 0)
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
			nv_from_num(ctx->arena, a, &x);
			if (x.sign == NUMERIC_NEG && nv_cmp_abs(&x, &one) == 0)
				goto one;
			x.sign = NUMERIC_POS;
			abs_x_gt_one = nv_cmp(&x, &one) > 0;
		}
		*out = abs_x_gt_one == (sb > 0) ? nv_make_special(ctx->arena, NUMERIC_PINF)
			: numeric_from_int64(ctx->arena, 0);
		return 0;
	}
	if (pk_sign(a) == NUMERIC_PINF)
	{
		*out = sb > 0 ? nv_make_special(ctx->arena, NUMERIC_PINF) : numeric_from_int64(ctx->arena, 0);
		return 0;
	}
	/* a is -Infinity, b finite and non-zero */
	if (sb < 0)
	{
		*out = numeric_from_int64(ctx->arena, 0);
		return 0;
	}
	nv_from_num(ctx->arena, b, &x);
	if (x.ndigits > 0 && x.ndigits == x.weight + 1 && (x.digits[x.ndigits - 1] & 1))
		*out = nv_make_special(ctx->arena, NUMERIC_NINF);
	else
		*out = nv_make_special(ctx->arena, NUMERIC_PINF);
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
			*out = (!pk_special(b) && sb == 0) ? numeric_from_int64(ctx->arena, 1) : nv_nan(ctx);
			return 0;
		}
		if (numeric_is_nan(b))
		{
			if (!pk_special(a))
			{
				NumericVar	one;

				nv_from_num(ctx->arena, a, &x);
				nv_from_int64(ctx->arena, 1, &one);
				if (nv_cmp(&x, &one) == 0)
				{
					*out = numeric_from_int64(ctx->arena, 1);
					return 0;
				}
			}
			*out = nv_nan(ctx);
			return 0;
		}
		return power_special(ctx, a, b, sa, sb, out);
	}
	nv_from_num(ctx->arena, a, &x);
	nv_from_num(ctx->arena, b, &y);
	if (x.ndigits == 0 && y.sign == NUMERIC_NEG && y.ndigits > 0)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
				 "zero raised to a negative power is undefined");
		return -1;
	}
	if (x.sign == NUMERIC_NEG && x.ndigits > 0)
	{
		NumericVar	t;

		nv_copy(ctx->arena, &y, &t);
		nv_trunc(&t, 0);
		if (nv_cmp(&t, &y) != 0)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION,
					 "a negative number raised to a non-integer power yields a complex result");
			return -1;
		}
	}
	if (power_var(ctx, &x, &y, &r) < 0)
		return -1;
	return nv_make_result(ctx, &r, out);
}

