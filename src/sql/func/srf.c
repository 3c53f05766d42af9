/*
 * srf.c — set-returning functions: generate_series over int4, int8,
 * numeric, and timestamp/timestamptz by an interval (stepping with the
 * date/time module's "+" operator).
 *
 * Design notes: the iteration protocol is func.h's (srf_state in
 * srf_arena, one row per call, srf_done at the end).  Integer series stop
 * when the next value would overflow, as PostgreSQL's do.
 *
 * Invariants: pure; state is only touched through the FnCall passed in.
 */
#include "config.h"

#include <memgres/func.h>
#include <memgres/numeric.h>
#include <memgres/sqlstate.h>

#include "funcint.h"

typedef struct IntSeries {
	int64_t		cur;
	int64_t		stop;
	int64_t		step;
	bool		done;
} IntSeries;

static int
int_series(FnCall *fc, Datum *out, bool is8)
{
	IntSeries  *s = fc->srf_state;

	if (s == NULL)
	{
		Arena	   *a = fc->srf_arena ? fc->srf_arena : fc->ctx->arena;

		s = arena_new(a, IntSeries);
		s->cur = is8 ? DatumGetInt64(fc->args[0]) : DatumGetInt32(fc->args[0]);
		s->stop = is8 ? DatumGetInt64(fc->args[1]) : DatumGetInt32(fc->args[1]);
		s->step = fc->nargs > 2 ? (is8 ? DatumGetInt64(fc->args[2]) : DatumGetInt32(fc->args[2])) : 1;
		if (s->step == 0)
			return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "step size cannot equal zero");
		fc->srf_state = s;
	}
	if (s->done || (s->step > 0 && s->cur > s->stop) || (s->step < 0 && s->cur < s->stop))
	{
		fc->srf_done = true;
		return 0;
	}
	*out = is8 ? Int64GetDatum(s->cur) : Int32GetDatum((int32_t) s->cur);
	if (__builtin_add_overflow(s->cur, s->step, &s->cur) ||
		(!is8 && (s->cur > INT32_MAX || s->cur < INT32_MIN)))
		s->done = true;
	return 0;
}

static int gs_int4(FnCall *fc, Datum *out) { return int_series(fc, out, false); }
static int gs_int8(FnCall *fc, Datum *out) { return int_series(fc, out, true); }

typedef struct NumSeries {
	Datum		cur;
	Datum		stop;
	Datum		step;
	int			sign;
	Arena	   *arena;
} NumSeries;

static int
check_num(FnCall *fc, Datum v, const char *what)
{
	if (numeric_is_nan(v))
		return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "%s value cannot be NaN", what);
	if (numeric_is_inf(v))
		return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "%s value cannot be infinity", what);
	return 0;
}

static int
gs_numeric(FnCall *fc, Datum *out)
{
	NumSeries  *s = fc->srf_state;

	if (s == NULL)
	{
		Arena	   *a = fc->srf_arena ? fc->srf_arena : fc->ctx->arena;

		if (check_num(fc, fc->args[0], "start") < 0 || check_num(fc, fc->args[1], "stop") < 0)
			return -1;
		s = arena_new(a, NumSeries);
		s->arena = a;
		if (fc->nargs > 2)
		{
			if (numeric_is_nan(fc->args[2]))
				return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "step size cannot be NaN");
			if (numeric_is_inf(fc->args[2]))
				return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "step size cannot be infinity");
			s->sign = numeric_sign_of(fc->args[2]);
			if (s->sign == 0)
				return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "step size cannot equal zero");
			s->step = datum_copy(a, type_by_oid(NUMERICOID), fc->args[2]);
		}
		else
		{
			s->sign = 1;
			s->step = numeric_from_int64(a, 1);
		}
		s->cur = datum_copy(a, type_by_oid(NUMERICOID), fc->args[0]);
		s->stop = datum_copy(a, type_by_oid(NUMERICOID), fc->args[1]);
		fc->srf_state = s;
	}
	if (s->sign * numeric_cmp(s->cur, s->stop) > 0)
	{
		fc->srf_done = true;
		return 0;
	}
	*out = datum_copy(fc->ctx->arena, type_by_oid(NUMERICOID), s->cur);
	{
		/* The next value goes into the scan's arena. */
		EvalCtx		sctx = *fc->ctx;

		sctx.arena = s->arena;
		if (numeric_add(&sctx, s->cur, s->step, &s->cur) < 0)
			return -1;
	}
	return 0;
}

/*
 * generate_series over timestamp and timestamptz with an interval step.
 * The arithmetic is the date/time module's own "+" operator, found through
 * the registry, so time zones and month lengths follow its rules.
 */
typedef struct TsSeries {
	Datum		cur;
	Datum		stop;
	Datum		step;
	int			sign;
	const FuncDef *plus;
	const MgType *type;
	Arena	   *arena;
} TsSeries;

static int
gs_timestamp(FnCall *fc, Datum *out)
{
	TsSeries   *s = fc->srf_state;

	if (s == NULL)
	{
		Arena	   *a = fc->srf_arena ? fc->srf_arena : fc->ctx->arena;
		Oid			t = fc->argtypes ? fc->argtypes[0] : TIMESTAMPOID;
		const OperDef *op = oper_resolve("+", t, INTERVALOID, NULL, NULL, fc->ctx->err);
		const MgType *it = type_by_oid(INTERVALOID);
		Datum		zero;

		if (op == NULL || it == NULL || it->cmp == NULL)
			return -1;
		if (type_input(fc->ctx, INTERVALOID, -1, "0", 1, &zero) < 0)
			return -1;
		s = arena_new(a, TsSeries);
		s->arena = a;
		s->plus = op->func;
		s->type = type_by_oid(t);
		s->sign = it->cmp(fc->args[2], zero);
		if (s->sign == 0)
			return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "step size cannot equal zero");
		s->cur = fc->args[0];
		s->stop = fc->args[1];
		s->step = datum_copy(a, it, fc->args[2]);
		fc->srf_state = s;
	}
	if ((s->sign > 0 && s->type->cmp(s->cur, s->stop) > 0) ||
		(s->sign < 0 && s->type->cmp(s->cur, s->stop) < 0))
	{
		fc->srf_done = true;
		return 0;
	}
	*out = s->cur;
	{
		FnCall		pc = *fc;
		Datum		pargs[2] = {s->cur, s->step};
		bool		pnull[2] = {false, false};
		Oid			ptypes[2] = {s->type->oid, INTERVALOID};
		EvalCtx		sctx = *fc->ctx;

		sctx.arena = s->arena;
		pc.ctx = &sctx;
		pc.nargs = 2;
		pc.args = pargs;
		pc.argnull = pnull;
		pc.argtypes = ptypes;
		pc.rettype = s->type->oid;
		pc.cache = NULL;
		pc.isnull = false;
		if (s->plus->fn(&pc, &s->cur) < 0)
			return -1;
	}
	return 0;
}

#define SRF(n, a, FN_) \
	{.name = "generate_series", .nargs = n, .argtypes = {a, a, a}, .rettype = a, .strict = true, \
	 .retset = true, .volatility = FUNC_IMMUTABLE, .fn = FN_}

static const FuncDef srf_funcs[] = {
	SRF(2, INT4OID, gs_int4),
	SRF(3, INT4OID, gs_int4),
	SRF(2, INT8OID, gs_int8),
	SRF(3, INT8OID, gs_int8),
	SRF(2, NUMERICOID, gs_numeric),
	SRF(3, NUMERICOID, gs_numeric),
	{.name = "generate_series", .nargs = 3, .argtypes = {TIMESTAMPOID, TIMESTAMPOID, INTERVALOID},
	 .rettype = TIMESTAMPOID, .strict = true, .retset = true, .volatility = FUNC_IMMUTABLE, .fn = gs_timestamp},
	{.name = "generate_series", .nargs = 3, .argtypes = {TIMESTAMPTZOID, TIMESTAMPTZOID, INTERVALOID},
	 .rettype = TIMESTAMPTZOID, .strict = true, .retset = true, .volatility = FUNC_STABLE, .fn = gs_timestamp},
};

void
register_srf_funcs(void)
{
	func_register(srf_funcs, (int) (sizeof(srf_funcs) / sizeof(srf_funcs[0])));
}
