/*
 * numaggs.c — aggregates and functions whose results are numeric:
 * sum(int8) and sum(numeric), avg over integers and numeric, the variance
 * family over integers and numeric, factorial.
 *
 * Design notes: built on numeric.h's accumulator, which keeps PostgreSQL's
 * result scales (sum: the largest input scale; avg: division's scale
 * rules) and its NaN/Infinity handling.  The accumulator is allocated in
 * the aggregate's arena (func.h).
 *
 * Invariants: as aggs.c.
 */
#include "config.h"

#include <string.h>

#include <memgres/func.h>
#include <memgres/numeric.h>
#include <memgres/sqlstate.h>

#include "funcint.h"

typedef struct NumAggState {
	Oid			argtype;
	NumericAccum *acc;
} NumAggState;

static int
numagg_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	NumAggState *s = arena_new(ctx->arena, NumAggState);

	s->argtype = argtypes[0];
	s->acc = numeric_accum_new(ctx->arena);
	*state = s;
	return 0;
}

static int
numagg_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	NumAggState *s = state;

	if (argnull && argnull[0])
		return 0;
	switch (s->argtype)
	{
		case INT2OID:
			return numeric_accum_add_int64(ctx, s->acc, DatumGetInt16(args[0]));
		case INT4OID:
			return numeric_accum_add_int64(ctx, s->acc, DatumGetInt32(args[0]));
		case INT8OID:
			return numeric_accum_add_int64(ctx, s->acc, DatumGetInt64(args[0]));
		default:
			return numeric_accum_add(ctx, s->acc, args[0]);
	}
}

static int
numsum_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	return numeric_accum_sum(ctx, ((NumAggState *) state)->acc, out, isnull);
}

static int
numavg_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	return numeric_accum_avg(ctx, ((NumAggState *) state)->acc, out, isnull);
}

#define AGG(N_, a, F_) \
	{.name = N_, .nargs = 1, .argtypes = {a}, .rettype = NUMERICOID, .strict = true, \
	 .init = numagg_init, .trans = numagg_trans, .final = F_, .final_repeatable = true}

static const AggDef num_aggs[] = {
	AGG("sum", INT8OID, numsum_final),
	AGG("sum", NUMERICOID, numsum_final),
	AGG("avg", INT2OID, numavg_final),
	AGG("avg", INT4OID, numavg_final),
	AGG("avg", INT8OID, numavg_final),
	AGG("avg", NUMERICOID, numavg_final),
};

/*
 * Variance family over integers (numeric results), as PostgreSQL's
 * numeric_stddev_internal: (N * sumX2 - sumX^2) / (N * (N - 1)) (or N * N
 * for the population forms) with division's result scale, and sqrt of that
 * rounded to the same scale.  Sums are exact 128-bit integers.
 */
/*
 * Packed: arena memory is only guaranteed 8-byte aligned in practice
 * (src/common/arena.c's block header is 24 bytes), and __int128 wants 16.
 */
typedef struct __attribute__((packed)) IntVarState {
	Oid			argtype;
	int64_t		n;
	__int128	sumx;
	__int128	sumx2;
} IntVarState;

static int
intvar_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	IntVarState *s = arena_new(ctx->arena, IntVarState);

	s->argtype = argtypes[0];
	*state = s;
	return 0;
}

static int
intvar_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	IntVarState *s = state;
	__int128	v;

	if (argnull && argnull[0])
		return 0;
	v = s->argtype == INT2OID ? DatumGetInt16(args[0]) :
		s->argtype == INT4OID ? DatumGetInt32(args[0]) : DatumGetInt64(args[0]);
	{
		__int128	sx = s->sumx,
					sx2 = s->sumx2;

		if (__builtin_add_overflow(sx, v, &sx) || __builtin_add_overflow(sx2, v * v, &sx2))
		{
			mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
			return -1;
		}
		s->sumx = sx;
		s->sumx2 = sx2;
	}
	s->n++;
	return 0;
}

static int
int128_numeric(EvalCtx *ctx, __int128 v, Datum *out)
{
	char		buf[48];
	char	   *p = buf + sizeof(buf);
	bool		neg = v < 0;
	unsigned __int128 u = neg ? -(unsigned __int128) v : (unsigned __int128) v;

	*--p = '\0';
	do
	{
		*--p = (char) ('0' + (int) (u % 10));
		u /= 10;
	} while (u != 0);
	if (neg)
		*--p = '-';
	return numeric_from_str(ctx, p, strlen(p), -1, out);
}

/* which: 0 var_pop, 1 var_samp, 2 stddev_pop, 3 stddev_samp */
static int
intvar_final_common(EvalCtx *ctx, IntVarState *s, int which, Datum *out, bool *isnull)
{
	bool		sample = (which == 1 || which == 3);
	Datum		n,
				sumx,
				sumx2,
				num,
				den,
				t;

	*isnull = (s->n == 0 || (sample && s->n == 1));
	if (*isnull)
		return 0;
	n = numeric_from_int64(ctx->arena, s->n);
	if (int128_numeric(ctx, s->sumx, &sumx) < 0 || int128_numeric(ctx, s->sumx2, &sumx2) < 0 ||
		numeric_mul(ctx, sumx, sumx, &t) < 0 || numeric_mul(ctx, n, sumx2, &num) < 0 ||
		numeric_sub(ctx, num, t, &num) < 0)
		return -1;
	if (numeric_sign_of(num) <= 0)
	{
		*out = numeric_from_int64(ctx->arena, 0);
		return 0;
	}
	if (numeric_mul(ctx, n, sample ? numeric_from_int64(ctx->arena, s->n - 1) : n, &den) < 0 ||
		numeric_div(ctx, num, den, out) < 0)
		return -1;
	if (which >= 2)
	{
		int			scale = numeric_dscale(*out);

		if (numeric_sqrt(ctx, *out, &t) < 0 || numeric_round(ctx, t, scale, out) < 0)
			return -1;
	}
	return 0;
}

static int ivarpop_final(EvalCtx *ctx, void *st, Oid t, Datum *out, bool *isnull) { return intvar_final_common(ctx, st, 0, out, isnull); }
static int ivarsamp_final(EvalCtx *ctx, void *st, Oid t, Datum *out, bool *isnull) { return intvar_final_common(ctx, st, 1, out, isnull); }
static int istddevpop_final(EvalCtx *ctx, void *st, Oid t, Datum *out, bool *isnull) { return intvar_final_common(ctx, st, 2, out, isnull); }
static int istddevsamp_final(EvalCtx *ctx, void *st, Oid t, Datum *out, bool *isnull) { return intvar_final_common(ctx, st, 3, out, isnull); }

/*
 * The same over numeric inputs: sums kept by numeric.h accumulators (sumX
 * of the values, sumX2 of their squares, each square computed exactly).
 * The squares are allocated in the aggregate's arena, so its memory grows
 * with the number of rows (tens of bytes per row).
 */
typedef struct NumVarState {
	NumericAccum *sumx;
	NumericAccum *sumx2;
	int64_t		n;
	bool		special;		/* a NaN or infinity was seen: the result is NaN */
} NumVarState;

static int
numvar_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	NumVarState *s = arena_new(ctx->arena, NumVarState);

	s->sumx = numeric_accum_new(ctx->arena);
	s->sumx2 = numeric_accum_new(ctx->arena);
	*state = s;
	return 0;
}

static int
numvar_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	NumVarState *s = state;
	Datum		sq;

	if (argnull && argnull[0])
		return 0;
	s->n++;
	if (numeric_is_nan(args[0]) || numeric_is_inf(args[0]))
	{
		s->special = true;
		return 0;
	}
	if (numeric_accum_add(ctx, s->sumx, args[0]) < 0 || numeric_mul(ctx, args[0], args[0], &sq) < 0 ||
		numeric_accum_add(ctx, s->sumx2, sq) < 0)
		return -1;
	return 0;
}

static int
numvar_final_common(EvalCtx *ctx, NumVarState *s, int which, Datum *out, bool *isnull)
{
	bool		sample = (which == 1 || which == 3);
	bool		sxnull,
				sx2null;
	Datum		n,
				sumx,
				sumx2,
				num,
				den,
				t;

	*isnull = (s->n == 0 || (sample && s->n == 1));
	if (*isnull)
		return 0;
	if (s->special)
	{
		*out = numeric_nan(ctx->arena);
		return 0;
	}
	n = numeric_from_int64(ctx->arena, s->n);
	if (numeric_accum_sum(ctx, s->sumx, &sumx, &sxnull) < 0 ||
		numeric_accum_sum(ctx, s->sumx2, &sumx2, &sx2null) < 0 ||
		numeric_mul(ctx, sumx, sumx, &t) < 0 || numeric_mul(ctx, n, sumx2, &num) < 0 ||
		numeric_sub(ctx, num, t, &num) < 0)
		return -1;
	if (numeric_sign_of(num) <= 0)
	{
		*out = numeric_from_int64(ctx->arena, 0);
		return 0;
	}
	if (numeric_mul(ctx, n, sample ? numeric_from_int64(ctx->arena, s->n - 1) : n, &den) < 0 ||
		numeric_div(ctx, num, den, out) < 0)
		return -1;
	if (which >= 2)
	{
		int			scale = numeric_dscale(*out);

		if (numeric_sqrt(ctx, *out, &t) < 0 || numeric_round(ctx, t, scale, out) < 0)
			return -1;
	}
	return 0;
}

static int nvarpop_final(EvalCtx *ctx, void *st, Oid t, Datum *out, bool *isnull) { return numvar_final_common(ctx, st, 0, out, isnull); }
static int nvarsamp_final(EvalCtx *ctx, void *st, Oid t, Datum *out, bool *isnull) { return numvar_final_common(ctx, st, 1, out, isnull); }
static int nstddevpop_final(EvalCtx *ctx, void *st, Oid t, Datum *out, bool *isnull) { return numvar_final_common(ctx, st, 2, out, isnull); }
static int nstddevsamp_final(EvalCtx *ctx, void *st, Oid t, Datum *out, bool *isnull) { return numvar_final_common(ctx, st, 3, out, isnull); }

#define NVAGG(N_, F_) \
	{.name = N_, .nargs = 1, .argtypes = {NUMERICOID}, .rettype = NUMERICOID, .strict = true, \
	 .init = numvar_init, .trans = numvar_trans, .final = F_, .final_repeatable = true}

#define VAGG(N_, a, F_) \
	{.name = N_, .nargs = 1, .argtypes = {a}, .rettype = NUMERICOID, .strict = true, \
	 .init = intvar_init, .trans = intvar_trans, .final = F_, .final_repeatable = true}
#define VAGGS(a) \
	VAGG("var_pop", a, ivarpop_final), VAGG("var_samp", a, ivarsamp_final), \
	VAGG("variance", a, ivarsamp_final), VAGG("stddev_pop", a, istddevpop_final), \
	VAGG("stddev_samp", a, istddevsamp_final), VAGG("stddev", a, istddevsamp_final)

static const AggDef var_aggs[] = {
	VAGGS(INT2OID),
	VAGGS(INT4OID),
	VAGGS(INT8OID),
	NVAGG("var_pop", nvarpop_final),
	NVAGG("var_samp", nvarsamp_final),
	NVAGG("variance", nvarsamp_final),
	NVAGG("stddev_pop", nstddevpop_final),
	NVAGG("stddev_samp", nstddevsamp_final),
	NVAGG("stddev", nstddevsamp_final),
};

/* factorial(int8) -> numeric */
static int
factorial(FnCall *fc, Datum *out)
{
	int64_t		n = DatumGetInt64(fc->args[0]);
	Datum		r;

	if (n < 0)
		return fc_error(fc, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "factorial of a negative number is undefined");
	r = numeric_from_int64(fc->ctx->arena, 1);
	for (int64_t i = 2; i <= n; i++)
	{
		if (fc->ctx->interrupt && *fc->ctx->interrupt)
			return fc_error(fc, SQLSTATE_QUERY_CANCELED, "canceling statement due to user request");
		if (numeric_mul(fc->ctx, r, numeric_from_int64(fc->ctx->arena, i), &r) < 0)
			return -1;
	}
	*out = r;
	return 0;
}

static const FuncDef num_funcs[] = {
	{.name = "factorial", .nargs = 1, .argtypes = {INT8OID}, .rettype = NUMERICOID, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = factorial},
};

void
register_numagg_funcs(void)
{
	func_register(num_funcs, (int) (sizeof(num_funcs) / sizeof(num_funcs[0])));
	agg_register(num_aggs, (int) (sizeof(num_aggs) / sizeof(num_aggs[0])));
	agg_register(var_aggs, (int) (sizeof(var_aggs) / sizeof(var_aggs[0])));
}
