/*
 * numaggs.c — aggregates and functions whose results are numeric:
 * sum(int8) and sum(numeric), avg over integers and numeric, factorial.
 *
 * Design notes: built on numeric.h's accumulator, which keeps PostgreSQL's
 * result scales (sum: the largest input scale; avg: division's scale
 * rules) and its NaN/Infinity handling.  The accumulator is allocated in
 * the aggregate's arena (func.h).
 *
 * Invariants: as aggs.c.
 */
#include "config.h"

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
	 .init = numagg_init, .trans = numagg_trans, .final = F_}

static const AggDef num_aggs[] = {
	AGG("sum", INT8OID, numsum_final),
	AGG("sum", NUMERICOID, numsum_final),
	AGG("avg", INT2OID, numavg_final),
	AGG("avg", INT4OID, numavg_final),
	AGG("avg", INT8OID, numavg_final),
	AGG("avg", NUMERICOID, numavg_final),
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
}
