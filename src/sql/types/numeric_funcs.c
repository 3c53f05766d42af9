/*
 * numeric_funcs.c — the numeric operators and functions, registered through
 * register_numeric_funcs(): + - * / % ^, unary - and +, @, the comparison
 * operators, and abs, round, trunc, ceil, ceiling, floor, sign, mod,
 * power, pow, sqrt, exp, ln, log, log10, div, scale, min_scale, trim_scale.
 *
 * Design notes: thin wrappers over the numeric.h API, which carries
 * PostgreSQL's semantics; function names are PostgreSQL's pg_proc names so
 * the registry assigns PostgreSQL's OIDs.  Mixed int/numeric expressions
 * resolve through the implicit int -> numeric casts, as in PostgreSQL.
 */
#include <memgres/func.h>
#include <memgres/numeric.h>
#include <memgres/types.h>

#include "../func/builtins.h"

#define ARG(i) (fc->args[i])

static int
num_add(FnCall *fc, Datum *out)
{
	return numeric_add(fc->ctx, ARG(0), ARG(1), out);
}

static int
num_sub(FnCall *fc, Datum *out)
{
	return numeric_sub(fc->ctx, ARG(0), ARG(1), out);
}

static int
num_mul(FnCall *fc, Datum *out)
{
	return numeric_mul(fc->ctx, ARG(0), ARG(1), out);
}

static int
num_div(FnCall *fc, Datum *out)
{
	return numeric_div(fc->ctx, ARG(0), ARG(1), out);
}

static int
num_div_trunc(FnCall *fc, Datum *out)
{
	return numeric_div_trunc(fc->ctx, ARG(0), ARG(1), out);
}

static int
num_mod(FnCall *fc, Datum *out)
{
	return numeric_mod(fc->ctx, ARG(0), ARG(1), out);
}

static int
num_power(FnCall *fc, Datum *out)
{
	return numeric_power(fc->ctx, ARG(0), ARG(1), out);
}

static int
num_uminus(FnCall *fc, Datum *out)
{
	return numeric_neg(fc->ctx, ARG(0), out);
}

static int
num_uplus(FnCall *fc, Datum *out)
{
	*out = ARG(0);
	return 0;
}

static int
num_abs(FnCall *fc, Datum *out)
{
	return numeric_abs(fc->ctx, ARG(0), out);
}

static int
num_round0(FnCall *fc, Datum *out)
{
	return numeric_round(fc->ctx, ARG(0), 0, out);
}

static int
num_round(FnCall *fc, Datum *out)
{
	return numeric_round(fc->ctx, ARG(0), DatumGetInt32(ARG(1)), out);
}

static int
num_trunc0(FnCall *fc, Datum *out)
{
	return numeric_trunc(fc->ctx, ARG(0), 0, out);
}

static int
num_trunc(FnCall *fc, Datum *out)
{
	return numeric_trunc(fc->ctx, ARG(0), DatumGetInt32(ARG(1)), out);
}

static int
num_ceil(FnCall *fc, Datum *out)
{
	return numeric_ceil(fc->ctx, ARG(0), out);
}

static int
num_floor(FnCall *fc, Datum *out)
{
	return numeric_floor(fc->ctx, ARG(0), out);
}

/* sign(): -1, 0 or 1 as numeric; NaN stays NaN. */
static int
num_sign(FnCall *fc, Datum *out)
{
	if (numeric_is_nan(ARG(0)))
	{
		*out = ARG(0);
		return 0;
	}
	*out = numeric_from_int64(fc->ctx->arena, numeric_sign_of(ARG(0)));
	return 0;
}

static int
num_sqrt(FnCall *fc, Datum *out)
{
	return numeric_sqrt(fc->ctx, ARG(0), out);
}

static int
num_exp(FnCall *fc, Datum *out)
{
	return numeric_exp(fc->ctx, ARG(0), out);
}

static int
num_ln(FnCall *fc, Datum *out)
{
	return numeric_ln(fc->ctx, ARG(0), out);
}

static int
num_log10(FnCall *fc, Datum *out)
{
	return numeric_log10(fc->ctx, ARG(0), out);
}

static int
num_log(FnCall *fc, Datum *out)
{
	return numeric_log(fc->ctx, ARG(0), ARG(1), out);
}

/* scale(): the display scale; NULL for NaN and infinities. */
static int
num_scale(FnCall *fc, Datum *out)
{
	if (numeric_is_nan(ARG(0)) || numeric_is_inf(ARG(0)))
	{
		fc->isnull = true;
		return 0;
	}
	*out = Int32GetDatum(numeric_dscale(ARG(0)));
	return 0;
}

/* Smallest scale that represents the value exactly. */
static int
min_scale_of(EvalCtx *ctx, Datum v)
{
	int			s = numeric_dscale(v);

	while (s > 0)
	{
		Datum		r;

		if (numeric_trunc(ctx, v, s - 1, &r) < 0 || numeric_cmp(r, v) != 0)
			break;
		s--;
	}
	return s;
}

static int
num_min_scale(FnCall *fc, Datum *out)
{
	if (numeric_is_nan(ARG(0)) || numeric_is_inf(ARG(0)))
	{
		fc->isnull = true;
		return 0;
	}
	*out = Int32GetDatum(min_scale_of(fc->ctx, ARG(0)));
	return 0;
}

static int
num_trim_scale(FnCall *fc, Datum *out)
{
	if (numeric_is_nan(ARG(0)) || numeric_is_inf(ARG(0)))
	{
		*out = ARG(0);
		return 0;
	}
	return numeric_trunc(fc->ctx, ARG(0), min_scale_of(fc->ctx, ARG(0)), out);
}

#define CMP_FN(name, test) \
static int \
name(FnCall *fc, Datum *out) \
{ \
	int			c = numeric_cmp(ARG(0), ARG(1)); \
	*out = BoolGetDatum(test); \
	return 0; \
}
CMP_FN(num_eq, c == 0)
CMP_FN(num_ne, c != 0)
CMP_FN(num_lt, c < 0)
CMP_FN(num_le, c <= 0)
CMP_FN(num_gt, c > 0)
CMP_FN(num_ge, c >= 0)

static int
num_cmp(FnCall *fc, Datum *out)
{
	int			c = numeric_cmp(ARG(0), ARG(1));

	*out = Int32GetDatum((c > 0) - (c < 0));
	return 0;
}

static int
num_larger(FnCall *fc, Datum *out)
{
	*out = numeric_cmp(ARG(0), ARG(1)) >= 0 ? ARG(0) : ARG(1);
	return 0;
}

static int
num_smaller(FnCall *fc, Datum *out)
{
	*out = numeric_cmp(ARG(0), ARG(1)) <= 0 ? ARG(0) : ARG(1);
	return 0;
}

#define N NUMERICOID
#define FD(N_, FN_, n, a, b, res) \
	{.name = N_, .nargs = n, .argtypes = {a, b}, .rettype = res, .strict = true, \
	 .volatility = FUNC_IMMUTABLE, .fn = FN_}
#define F1(N_, FN_) FD(N_, FN_, 1, N, 0, N)
#define F2(N_, FN_) FD(N_, FN_, 2, N, N, N)
#define FB(N_, FN_) FD(N_, FN_, 2, N, N, BOOLOID)

static const FuncDef numeric_funcs[] = {
	F2("numeric_add", num_add),
	F2("numeric_sub", num_sub),
	F2("numeric_mul", num_mul),
	F2("numeric_div", num_div),
	F2("numeric_mod", num_mod),
	F2("numeric_power", num_power),
	F2("numeric_div_trunc", num_div_trunc),
	F1("numeric_uminus", num_uminus),
	F1("numeric_uplus", num_uplus),
	F1("numeric_abs", num_abs),
	FB("numeric_eq", num_eq),
	FB("numeric_ne", num_ne),
	FB("numeric_lt", num_lt),
	FB("numeric_le", num_le),
	FB("numeric_gt", num_gt),
	FB("numeric_ge", num_ge),
	FD("numeric_cmp", num_cmp, 2, N, N, INT4OID),
	F2("numeric_larger", num_larger),
	F2("numeric_smaller", num_smaller),
	F1("abs", num_abs),
	F1("round", num_round0),
	FD("round", num_round, 2, N, INT4OID, N),
	F1("trunc", num_trunc0),
	FD("trunc", num_trunc, 2, N, INT4OID, N),
	F1("ceil", num_ceil),
	F1("ceiling", num_ceil),
	F1("floor", num_floor),
	F1("sign", num_sign),
	F2("mod", num_mod),
	F2("power", num_power),
	F2("pow", num_power),
	F1("sqrt", num_sqrt),
	F1("exp", num_exp),
	F1("ln", num_ln),
	F1("log", num_log10),
	F1("log10", num_log10),
	F2("log", num_log),
	F2("div", num_div_trunc),
	FD("scale", num_scale, 1, N, 0, INT4OID),
	FD("min_scale", num_min_scale, 1, N, 0, INT4OID),
	F1("trim_scale", num_trim_scale),
};

#define OP(N_, l, r, res, FN_, neg, com) \
	{.name = N_, .left = l, .right = r, .result = res, .func_name = FN_, .negator = neg, .commutator = com}

static const OperDef numeric_opers[] = {
	OP("+", N, N, N, "numeric_add", NULL, "+"),
	OP("-", N, N, N, "numeric_sub", NULL, NULL),
	OP("*", N, N, N, "numeric_mul", NULL, "*"),
	OP("/", N, N, N, "numeric_div", NULL, NULL),
	OP("%", N, N, N, "numeric_mod", NULL, NULL),
	OP("^", N, N, N, "numeric_power", NULL, NULL),
	OP("-", InvalidOid, N, N, "numeric_uminus", NULL, NULL),
	OP("+", InvalidOid, N, N, "numeric_uplus", NULL, NULL),
	OP("@", InvalidOid, N, N, "numeric_abs", NULL, NULL),
	OP("=", N, N, BOOLOID, "numeric_eq", "<>", "="),
	OP("<>", N, N, BOOLOID, "numeric_ne", "=", "<>"),
	OP("<", N, N, BOOLOID, "numeric_lt", ">=", ">"),
	OP("<=", N, N, BOOLOID, "numeric_le", ">", ">="),
	OP(">", N, N, BOOLOID, "numeric_gt", "<=", "<"),
	OP(">=", N, N, BOOLOID, "numeric_ge", "<", "<="),
};

void
register_numeric_funcs(void)
{
	func_register(numeric_funcs, (int) (sizeof(numeric_funcs) / sizeof(numeric_funcs[0])));
	oper_register(numeric_opers, (int) (sizeof(numeric_opers) / sizeof(numeric_opers[0])));
}
