/*
 * aggs.c — the core aggregates: count, sum and avg over integers and
 * floats, min/max over every orderable built-in type, bool_and/bool_or/
 * every, string_agg, bit_and/bit_or/bit_xor, and the float variance family.  sum/avg results that
 * are numeric live in numaggs.c.
 *
 * Design notes: an aggregate's state is allocated in the EvalCtx arena
 * passed to init, which the executor keeps for the group's lifetime
 * (func.h).  Every trans function also checks argnull itself, so a caller
 * that does not filter NULLs for strict aggregates still gets PostgreSQL's
 * result.  min/max keep their current value in a buffer of their own that
 * is reused while new values fit, so a long scan of ascending strings does
 * not grow the arena by every intermediate value.  min/max are registered
 * per type, for the types PostgreSQL 15 defines them on and that the type
 * registry knows as orderable, so their resolution and result types match
 * PostgreSQL's (max(varchar) is text, min(json) does not exist).
 *
 * Invariants: register_agg_funcs() runs after types_init(); the generated
 * min/max table is allocated once and never freed (the registry copies it).
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/mem.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "funcint.h"

static int
agg_overflow(EvalCtx *ctx, const char *what)
{
	mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s", what);
	return -1;
}

/* ---------------------------------------------------------------- count */

typedef struct CountState {
	int64_t		n;
} CountState;

static int
count_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	*state = arena_new(ctx->arena, CountState);
	return 0;
}

static int
count_star_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	((CountState *) state)->n++;
	return 0;
}

static int
count_any_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	if (argnull == NULL || !argnull[0])
		((CountState *) state)->n++;
	return 0;
}

static int
count_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	*out = Int64GetDatum(((CountState *) state)->n);
	*isnull = false;
	return 0;
}

/* ---------------------------------------------------------------- integer sum -> int8 */

typedef struct IntSumState {
	Oid			argtype;
	bool		seen;
	int64_t		sum;
} IntSumState;

static int
intsum_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	IntSumState *s = arena_new(ctx->arena, IntSumState);

	s->argtype = argtypes[0];
	*state = s;
	return 0;
}

static int
intsum_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	IntSumState *s = state;
	int64_t		v;

	if (argnull && argnull[0])
		return 0;
	v = s->argtype == INT2OID ? DatumGetInt16(args[0]) : DatumGetInt32(args[0]);
	if (__builtin_add_overflow(s->sum, v, &s->sum))
		return agg_overflow(ctx, "bigint out of range");
	s->seen = true;
	return 0;
}

static int
intsum_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	IntSumState *s = state;

	*isnull = !s->seen;
	*out = Int64GetDatum(s->sum);
	return 0;
}

/* ---------------------------------------------------------------- float sum/avg/variance */

/* PostgreSQL's float8_accum: N, Sx and the Youngs-Cramer Sxx. */
typedef struct FloatAccum {
	Oid			argtype;
	double		n;
	double		sx;
	double		sxx;
	bool		sum_f4;			/* sum(float4): result float4 */
} FloatAccum;

static int
facc_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	FloatAccum *s = arena_new(ctx->arena, FloatAccum);

	s->argtype = argtypes[0];
	*state = s;
	return 0;
}

static double
facc_value(FloatAccum *s, Datum d)
{
	return s->argtype == FLOAT4OID ? (double) DatumGetFloat4(d) : DatumGetFloat8(d);
}

/* sum(float4/float8): float4pl/float8pl semantics. */
static int
fsum_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	FloatAccum *s = state;
	double		v,
				r;

	if (argnull && argnull[0])
		return 0;
	v = facc_value(s, args[0]);
	if (s->argtype == FLOAT4OID)
	{
		float		rf = (float) s->sx + (float) v;

		if (isinf(rf) && !isinf((float) s->sx) && !isinf((float) v))
			return agg_overflow(ctx, "value out of range: overflow");
		r = rf;
	}
	else
	{
		r = s->sx + v;
		if (isinf(r) && !isinf(s->sx) && !isinf(v))
			return agg_overflow(ctx, "value out of range: overflow");
	}
	s->sx = r;
	s->n += 1;
	return 0;
}

static int
fsum_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	FloatAccum *s = state;

	*isnull = s->n == 0;
	*out = rettype == FLOAT4OID ? Float4GetDatum((float) s->sx) : Float8GetDatum(s->sx);
	return 0;
}

static int
facc_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	FloatAccum *s = state;
	double		v,
				n,
				sx,
				sxx;

	if (argnull && argnull[0])
		return 0;
	v = facc_value(s, args[0]);
	n = s->n + 1.0;
	sx = s->sx + v;
	sxx = s->sxx;
	if (s->n > 0.0)
	{
		double		tmp = v * n - sx;

		sxx += tmp * tmp / (n * s->n);
		if (isinf(sx) || isinf(sxx))
		{
			if (!isinf(s->sx) && !isinf(v))
				return agg_overflow(ctx, "value out of range: overflow");
			sxx = NAN;
		}
	}
	else if (isnan(v) || isinf(v))
		sxx = NAN;
	s->n = n;
	s->sx = sx;
	s->sxx = sxx;
	return 0;
}

static int
favg_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	FloatAccum *s = state;

	*isnull = s->n == 0;
	*out = Float8GetDatum(s->n == 0 ? 0 : s->sx / s->n);
	return 0;
}

/* which: 0 var_pop, 1 var_samp, 2 stddev_pop, 3 stddev_samp */
static int
fvar_common(FloatAccum *s, int which, Datum *out, bool *isnull)
{
	double		denom = (which == 0 || which == 2) ? s->n : s->n - 1.0;
	double		r;

	if (s->n == 0 || denom <= 0)
	{
		*isnull = true;
		return 0;
	}
	r = s->sxx / denom;
	if (which >= 2)
		r = sqrt(r);
	*isnull = false;
	*out = Float8GetDatum(r);
	return 0;
}

static int fvarpop_final(EvalCtx *ctx, void *st, Oid t, Datum *out, bool *isnull) { return fvar_common(st, 0, out, isnull); }
static int fvarsamp_final(EvalCtx *ctx, void *st, Oid t, Datum *out, bool *isnull) { return fvar_common(st, 1, out, isnull); }
static int fstddevpop_final(EvalCtx *ctx, void *st, Oid t, Datum *out, bool *isnull) { return fvar_common(st, 2, out, isnull); }
static int fstddevsamp_final(EvalCtx *ctx, void *st, Oid t, Datum *out, bool *isnull) { return fvar_common(st, 3, out, isnull); }

/* ---------------------------------------------------------------- min/max */

typedef struct MinMaxState {
	const MgType *type;
	bool		seen;
	Datum		value;
	char	   *buf;			/* by-reference values: our copy */
	size_t		cap;
} MinMaxState;

static int
minmax_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	MinMaxState *s = arena_new(ctx->arena, MinMaxState);

	s->type = type_by_oid(argtypes[0]);
	if (s->type == NULL || s->type->cmp == NULL)
	{
		mg_error(ctx->err, SQLSTATE_UNDEFINED_FUNCTION, "could not identify an ordering operator for type %u", argtypes[0]);
		return -1;
	}
	*state = s;
	return 0;
}

static void
minmax_keep(EvalCtx *ctx, MinMaxState *s, Datum v)
{
	size_t		n;

	if (s->type->byval)
	{
		s->value = v;
		return;
	}
	n = datum_size(s->type, v);
	if (n > s->cap)
	{
		s->cap = n < 64 ? 64 : n * 2;
		s->buf = arena_alloc(ctx->arena, s->cap);
	}
	memcpy(s->buf, DatumGetPointer(v), n);
	s->value = PointerGetDatum(s->buf);
}

static int
minmax_trans(EvalCtx *ctx, MinMaxState *s, const Datum *args, const bool *argnull, int sign)
{
	if (argnull && argnull[0])
		return 0;
	if (!s->seen || sign * s->type->cmp(args[0], s->value) > 0)
	{
		minmax_keep(ctx, s, args[0]);
		s->seen = true;
	}
	return 0;
}

static int
min_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	return minmax_trans(ctx, state, args, argnull, -1);
}

static int
max_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	return minmax_trans(ctx, state, args, argnull, 1);
}

static int
minmax_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	MinMaxState *s = state;

	*isnull = !s->seen;
	*out = s->seen ? datum_copy(ctx->arena, s->type, s->value) : 0;
	return 0;
}

/* ---------------------------------------------------------------- bool_and/bool_or */

typedef struct BoolState {
	bool		seen;
	bool		value;
} BoolState;

static int
bool_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	*state = arena_new(ctx->arena, BoolState);
	return 0;
}

static int
booland_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	BoolState  *s = state;

	if (argnull && argnull[0])
		return 0;
	s->value = s->seen ? (s->value && DatumGetBool(args[0])) : DatumGetBool(args[0]);
	s->seen = true;
	return 0;
}

static int
boolor_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	BoolState  *s = state;

	if (argnull && argnull[0])
		return 0;
	s->value = s->seen ? (s->value || DatumGetBool(args[0])) : DatumGetBool(args[0]);
	s->seen = true;
	return 0;
}

static int
bool_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	BoolState  *s = state;

	*isnull = !s->seen;
	*out = BoolGetDatum(s->value);
	return 0;
}

/* ---------------------------------------------------------------- string_agg */

typedef struct StringAggState {
	bool		seen;
	StrBuf		buf;
} StringAggState;

static int
stragg_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	StringAggState *s = arena_new(ctx->arena, StringAggState);

	strbuf_init_arena(&s->buf, ctx->arena);
	*state = s;
	return 0;
}

/* Not strict: a NULL value is skipped, a NULL delimiter adds nothing. */
static int
stragg_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	StringAggState *s = state;

	if (argnull && argnull[0])
		return 0;
	if (s->seen && !(argnull && argnull[1]))
		strbuf_append(&s->buf, vl_data(args[1]), vl_len(args[1]));
	strbuf_append(&s->buf, vl_data(args[0]), vl_len(args[0]));
	s->seen = true;
	return 0;
}

static int
stragg_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	StringAggState *s = state;

	*isnull = !s->seen;
	if (s->seen)
		*out = text_datum(ctx->arena, s->buf.data, s->buf.len);
	return 0;
}

/* ---------------------------------------------------------------- bit_and/bit_or/bit_xor */

typedef struct BitState {
	Oid			argtype;
	bool		seen;
	int64_t		value;
} BitState;

static int
bit_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	BitState   *s = arena_new(ctx->arena, BitState);

	s->argtype = argtypes[0];
	*state = s;
	return 0;
}

static int64_t
bit_arg(BitState *s, Datum d)
{
	return s->argtype == INT2OID ? DatumGetInt16(d) : s->argtype == INT4OID ? DatumGetInt32(d) : DatumGetInt64(d);
}

static int
bit_trans(EvalCtx *ctx, BitState *s, const Datum *args, const bool *argnull, char op)
{
	int64_t		v;

	if (argnull && argnull[0])
		return 0;
	v = bit_arg(s, args[0]);
	if (!s->seen)
		s->value = v;
	else if (op == '&')
		s->value &= v;
	else if (op == '|')
		s->value |= v;
	else
		s->value ^= v;
	s->seen = true;
	return 0;
}

static int bitand_trans(EvalCtx *ctx, void *st, const Datum *a, const bool *n) { return bit_trans(ctx, st, a, n, '&'); }
static int bitor_trans(EvalCtx *ctx, void *st, const Datum *a, const bool *n) { return bit_trans(ctx, st, a, n, '|'); }
static int bitxor_trans(EvalCtx *ctx, void *st, const Datum *a, const bool *n) { return bit_trans(ctx, st, a, n, '#'); }

static int
bit_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	BitState   *s = state;

	*isnull = !s->seen;
	*out = rettype == INT2OID ? Int16GetDatum((int16_t) s->value) :
		rettype == INT4OID ? Int32GetDatum((int32_t) s->value) : Int64GetDatum(s->value);
	return 0;
}

/* ---------------------------------------------------------------- tables */

#define AGG(N_, n, a, b, res, st, I_, T_, F_) \
	{.name = N_, .nargs = n, .argtypes = {a, b}, .rettype = res, .strict = st, .init = I_, .trans = T_, .final = F_, \
	 .final_repeatable = true}

static const AggDef core_aggs[] = {
	AGG("count", 0, 0, 0, INT8OID, false, count_init, count_star_trans, count_final),
	AGG("count", 1, ANYOID, 0, INT8OID, true, count_init, count_any_trans, count_final),
	AGG("sum", 1, INT2OID, 0, INT8OID, true, intsum_init, intsum_trans, intsum_final),
	AGG("sum", 1, INT4OID, 0, INT8OID, true, intsum_init, intsum_trans, intsum_final),
	AGG("sum", 1, FLOAT4OID, 0, FLOAT4OID, true, facc_init, fsum_trans, fsum_final),
	AGG("sum", 1, FLOAT8OID, 0, FLOAT8OID, true, facc_init, fsum_trans, fsum_final),
	AGG("avg", 1, FLOAT4OID, 0, FLOAT8OID, true, facc_init, facc_trans, favg_final),
	AGG("avg", 1, FLOAT8OID, 0, FLOAT8OID, true, facc_init, facc_trans, favg_final),
	AGG("var_pop", 1, FLOAT4OID, 0, FLOAT8OID, true, facc_init, facc_trans, fvarpop_final),
	AGG("var_pop", 1, FLOAT8OID, 0, FLOAT8OID, true, facc_init, facc_trans, fvarpop_final),
	AGG("var_samp", 1, FLOAT4OID, 0, FLOAT8OID, true, facc_init, facc_trans, fvarsamp_final),
	AGG("var_samp", 1, FLOAT8OID, 0, FLOAT8OID, true, facc_init, facc_trans, fvarsamp_final),
	AGG("variance", 1, FLOAT4OID, 0, FLOAT8OID, true, facc_init, facc_trans, fvarsamp_final),
	AGG("variance", 1, FLOAT8OID, 0, FLOAT8OID, true, facc_init, facc_trans, fvarsamp_final),
	AGG("stddev_pop", 1, FLOAT4OID, 0, FLOAT8OID, true, facc_init, facc_trans, fstddevpop_final),
	AGG("stddev_pop", 1, FLOAT8OID, 0, FLOAT8OID, true, facc_init, facc_trans, fstddevpop_final),
	AGG("stddev_samp", 1, FLOAT4OID, 0, FLOAT8OID, true, facc_init, facc_trans, fstddevsamp_final),
	AGG("stddev_samp", 1, FLOAT8OID, 0, FLOAT8OID, true, facc_init, facc_trans, fstddevsamp_final),
	AGG("stddev", 1, FLOAT4OID, 0, FLOAT8OID, true, facc_init, facc_trans, fstddevsamp_final),
	AGG("stddev", 1, FLOAT8OID, 0, FLOAT8OID, true, facc_init, facc_trans, fstddevsamp_final),
	AGG("bool_and", 1, BOOLOID, 0, BOOLOID, true, bool_init, booland_trans, bool_final),
	AGG("every", 1, BOOLOID, 0, BOOLOID, true, bool_init, booland_trans, bool_final),
	AGG("bool_or", 1, BOOLOID, 0, BOOLOID, true, bool_init, boolor_trans, bool_final),
	AGG("string_agg", 2, TEXTOID, TEXTOID, TEXTOID, false, stragg_init, stragg_trans, stragg_final),
	AGG("bit_and", 1, INT2OID, 0, INT2OID, true, bit_init, bitand_trans, bit_final),
	AGG("bit_and", 1, INT4OID, 0, INT4OID, true, bit_init, bitand_trans, bit_final),
	AGG("bit_and", 1, INT8OID, 0, INT8OID, true, bit_init, bitand_trans, bit_final),
	AGG("bit_or", 1, INT2OID, 0, INT2OID, true, bit_init, bitor_trans, bit_final),
	AGG("bit_or", 1, INT4OID, 0, INT4OID, true, bit_init, bitor_trans, bit_final),
	AGG("bit_or", 1, INT8OID, 0, INT8OID, true, bit_init, bitor_trans, bit_final),
	AGG("bit_xor", 1, INT2OID, 0, INT2OID, true, bit_init, bitxor_trans, bit_final),
	AGG("bit_xor", 1, INT4OID, 0, INT4OID, true, bit_init, bitxor_trans, bit_final),
	AGG("bit_xor", 1, INT8OID, 0, INT8OID, true, bit_init, bitxor_trans, bit_final),
	AGG("string_agg", 2, BYTEAOID, BYTEAOID, BYTEAOID, false, stragg_init, stragg_trans, stragg_final),
};

/* The types PostgreSQL 15 has min()/max() for (pg_aggregate), as far as memgres has them. */
static const Oid minmax_types[] = {
	INT2OID, INT4OID, INT8OID, OIDOID, FLOAT4OID, FLOAT8OID, NUMERICOID, TEXTOID, BPCHAROID,
	DATEOID, TIMEOID, TIMETZOID, TIMESTAMPOID, TIMESTAMPTZOID, INTERVALOID,
};

void
register_agg_funcs(void)
{
	size_t		nt = sizeof(minmax_types) / sizeof(minmax_types[0]);
	AggDef	   *mm = mg_calloc(2 * nt + 2, sizeof(AggDef));
	int			n = 0;

	agg_register(core_aggs, (int) (sizeof(core_aggs) / sizeof(core_aggs[0])));
	for (size_t i = 0; i < nt; i++)
	{
		const MgType *t = type_by_oid(minmax_types[i]);

		if (t == NULL || t->cmp == NULL)
			continue;
		for (int k = 0; k < 2; k++)
		{
			AggDef	   *a = &mm[n++];

			a->name = k == 0 ? "min" : "max";
			a->nargs = 1;
			a->argtypes[0] = t->oid;
			a->rettype = t->oid;
			a->strict = true;
			a->init = minmax_init;
			a->trans = k == 0 ? min_trans : max_trans;
			a->final = minmax_final;
			a->final_repeatable = true;
		}
	}
	/* min/max(anyarray): each array type's cmp is array_cmp */
	for (int k = 0; k < 2; k++)
	{
		AggDef	   *a = &mm[n++];

		memset(a, 0, sizeof(*a));
		a->name = k == 0 ? "min" : "max";
		a->nargs = 1;
		a->argtypes[0] = ANYARRAYOID;
		a->rettype = ANYARRAYOID;
		a->strict = true;
		a->init = minmax_init;
		a->trans = k == 0 ? min_trans : max_trans;
		a->final = minmax_final;
		a->final_repeatable = true;
	}
	agg_register(mm, n);
	free(mm);
}
