/*
 * numeric_accum.c — sum() and avg() accumulators for numeric.h.
 *
 * Design notes: integer inputs go into a 128-bit sum; numeric inputs into
 * two digit arrays (positive and negative values apart) with carries
 * propagated only every ACCUM_CARRY_EVERY additions, as PostgreSQL's
 * NumericSumAccum, so a row allocates nothing once the arrays cover its
 * digit range.  NaN and infinities are counted and decide the result as
 * PostgreSQL's numeric sum/avg do.
 *
 * Invariants: an accumulator lives in one arena and is used by one thread.
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
	nv_alloc(acc->arena, out, acc->ndigits);
	for (int i = 0; i < acc->ndigits; i++)
		out->digits[i] = (NumericDigit) d[i];
	out->weight = acc->weight;
	out->sign = sign;
	out->dscale = acc->dscale;
	nv_strip(out);
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
	nv_alloc(acc->arena, &iv, n);
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
		nv_add(acc->arena, &p, &q, &d);
		nv_add(acc->arena, &d, &iv, &r);
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
		*out = nv_nan(ctx);
	else if (acc->pinf_count > 0)
		*out = nv_make_special(ctx->arena, NUMERIC_PINF);
	else if (acc->ninf_count > 0)
		*out = nv_make_special(ctx->arena, NUMERIC_NINF);
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
	return nv_make_result(ctx, &total, out);
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
	nv_from_int64(ctx->arena, acc->count, &n);
	nv_div(ctx->arena, &total, &n, &r, nv_select_div_scale(&total, &n), true);
	return nv_make_result(ctx, &r, out);
}

