/*
 * floatfuncs.c — float4/float8 operators and the float8 math functions.
 *
 * Purpose: PostgreSQL's float.c: arithmetic with its overflow/underflow
 * checks (22003 "value out of range: overflow" / "...: underflow", 22012
 * "division by zero"), comparison with NaN equal to itself and above every
 * other value, and abs, sign, ceil, floor, round (rint: half to even),
 * trunc, sqrt, cbrt, exp, ln, log, log10, power, pi, degrees, radians, the
 * trigonometric and hyperbolic functions, random, setseed and width_bucket.
 *
 * Design notes: float4 operations are computed in float, mixed float4/float8
 * ones in double, as PostgreSQL does.  random() uses a per-thread
 * xoshiro256** generator seeded from the OS on first use; setseed() seeds
 * the calling thread's generator (a session runs on one worker thread, so
 * this is per-connection only while connections do not share a worker —
 * the sequence after setseed() is deterministic but not PostgreSQL's).
 *
 * Invariants: everything but random/setseed is pure and immutable; the only
 * mutable state is thread-local.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <memgres/func.h>
#include <memgres/sqlstate.h>

#include "funcint.h"

static int
overflow(FnCall *fc)
{
	return fc_error(fc, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
}

static int
underflow(FnCall *fc)
{
	return fc_error(fc, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
}

static int
zero_divide(FnCall *fc)
{
	return fc_error(fc, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
}

static double
get_f(Datum d, Oid t)
{
	return t == FLOAT4OID ? (double) DatumGetFloat4(d) : DatumGetFloat8(d);
}

/* float8_cmp_internal: NaN = NaN, NaN > everything else. */
static int
float_cmp(double a, double b)
{
	if (isnan(a))
		return isnan(b) ? 0 : 1;
	if (isnan(b))
		return -1;
	return (a > b) - (a < b);
}

static int
f8_arith(FnCall *fc, Datum *out, char op, Oid L_, Oid R_)
{
	double		a = get_f(fc->args[0], L_);
	double		b = get_f(fc->args[1], R_);
	double		r;

	switch (op)
	{
		case '+':
			r = a + b;
			if (isinf(r) && !isinf(a) && !isinf(b))
				return overflow(fc);
			break;
		case '-':
			r = a - b;
			if (isinf(r) && !isinf(a) && !isinf(b))
				return overflow(fc);
			break;
		case '*':
			r = a * b;
			if (isinf(r) && !isinf(a) && !isinf(b))
				return overflow(fc);
			if (r == 0.0 && a != 0.0 && b != 0.0)
				return underflow(fc);
			break;
		default:
			if (b == 0.0 && !isnan(a))
				return zero_divide(fc);
			r = a / b;
			if (isinf(r) && !isinf(a))
				return overflow(fc);
			if (r == 0.0 && a != 0.0 && !isinf(b))
				return underflow(fc);
			break;
	}
	*out = Float8GetDatum(r);
	return 0;
}

static int
f4_arith(FnCall *fc, Datum *out, char op)
{
	float		a = DatumGetFloat4(fc->args[0]);
	float		b = DatumGetFloat4(fc->args[1]);
	float		r;

	switch (op)
	{
		case '+':
			r = a + b;
			if (isinf(r) && !isinf(a) && !isinf(b))
				return overflow(fc);
			break;
		case '-':
			r = a - b;
			if (isinf(r) && !isinf(a) && !isinf(b))
				return overflow(fc);
			break;
		case '*':
			r = a * b;
			if (isinf(r) && !isinf(a) && !isinf(b))
				return overflow(fc);
			if (r == 0.0f && a != 0.0f && b != 0.0f)
				return underflow(fc);
			break;
		default:
			if (b == 0.0f && !isnan(a))
				return zero_divide(fc);
			r = a / b;
			if (isinf(r) && !isinf(a))
				return overflow(fc);
			if (r == 0.0f && a != 0.0f && !isinf(b))
				return underflow(fc);
			break;
	}
	*out = Float4GetDatum(r);
	return 0;
}

static int
f_cmp(FnCall *fc, Datum *out, int op, Oid L_, Oid R_)
{
	int			c = float_cmp(get_f(fc->args[0], L_), get_f(fc->args[1], R_));
	bool		r;

	r = cmp_op_holds(c, op);
	*out = BoolGetDatum(r);
	return 0;
}

#define F8AR(fn, op, L_, R_) \
	static int fn(FnCall *fc, Datum *out) { return f8_arith(fc, out, op, L_, R_); }
#define F4AR(fn, op) \
	static int fn(FnCall *fc, Datum *out) { return f4_arith(fc, out, op); }
#define FCMP(fn, op, L_, R_) \
	static int fn(FnCall *fc, Datum *out) { return f_cmp(fc, out, op, L_, R_); }
#define CMPS(pfx, L_, R_) \
	FCMP(pfx##eq, 0, L_, R_) FCMP(pfx##ne, 1, L_, R_) FCMP(pfx##lt, 2, L_, R_) \
	FCMP(pfx##le, 3, L_, R_) FCMP(pfx##gt, 4, L_, R_) FCMP(pfx##ge, 5, L_, R_)
#define F8PAIR(pfx, L_, R_) \
	F8AR(pfx##pl, '+', L_, R_) F8AR(pfx##mi, '-', L_, R_) \
	F8AR(pfx##mul, '*', L_, R_) F8AR(pfx##div, '/', L_, R_) CMPS(pfx, L_, R_)

F8PAIR(float8, FLOAT8OID, FLOAT8OID)
F8PAIR(float48, FLOAT4OID, FLOAT8OID)
F8PAIR(float84, FLOAT8OID, FLOAT4OID)
F4AR(float4pl, '+')
F4AR(float4mi, '-')
F4AR(float4mul, '*')
F4AR(float4div, '/')
CMPS(float4, FLOAT4OID, FLOAT4OID)

static int
float4um(FnCall *fc, Datum *out)
{
	*out = Float4GetDatum(-DatumGetFloat4(fc->args[0]));
	return 0;
}

static int
float8um(FnCall *fc, Datum *out)
{
	*out = Float8GetDatum(-DatumGetFloat8(fc->args[0]));
	return 0;
}

static int
float_up(FnCall *fc, Datum *out)
{
	*out = fc->args[0];
	return 0;
}

static int
float4abs(FnCall *fc, Datum *out)
{
	*out = Float4GetDatum(fabsf(DatumGetFloat4(fc->args[0])));
	return 0;
}

/* ---------------------------------------------------------------- float8 math */

#define ARG0 DatumGetFloat8(fc->args[0])
#define ARG1 DatumGetFloat8(fc->args[1])
#define RET(x) do { *out = Float8GetDatum(x); return 0; } while (0)

static int float8abs(FnCall *fc, Datum *out) { RET(fabs(ARG0)); }
static int dceil(FnCall *fc, Datum *out) { RET(ceil(ARG0)); }
static int dfloor(FnCall *fc, Datum *out) { RET(floor(ARG0)); }
static int dround(FnCall *fc, Datum *out) { RET(rint(ARG0)); }
static int dpi(FnCall *fc, Datum *out) { RET(M_PI); }
static int dcbrt(FnCall *fc, Datum *out) { RET(cbrt(ARG0)); }

static int
dtrunc(FnCall *fc, Datum *out)
{
	double		a = ARG0;

	RET(a >= 0 ? floor(a) : -floor(-a));
}

static int
dsign(FnCall *fc, Datum *out)
{
	double		a = ARG0;

	RET(a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0);
}

static int
dsqrt(FnCall *fc, Datum *out)
{
	double		a = ARG0;

	if (a < 0)
		return fc_error(fc, SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number");
	RET(sqrt(a));
}

static int
dexp(FnCall *fc, Datum *out)
{
	double		a = ARG0;
	double		r;

	if (isnan(a))
		RET(a);
	if (isinf(a))
		RET(a > 0 ? a : 0.0);
	r = exp(a);
	if (isinf(r))
		return overflow(fc);
	if (r == 0.0)
		return underflow(fc);
	RET(r);
}

static int
log_common(FnCall *fc, Datum *out, bool ten)
{
	double		a = ARG0;
	double		r;

	if (a == 0.0)
		return fc_error(fc, SQLSTATE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
	if (a < 0)
		return fc_error(fc, SQLSTATE_INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
	r = ten ? log10(a) : log(a);
	if (isinf(r) && !isinf(a))
		return overflow(fc);
	if (r == 0.0 && a != 1.0)
		return underflow(fc);
	RET(r);
}

static int dlog1(FnCall *fc, Datum *out) { return log_common(fc, out, false); }
static int dlog10(FnCall *fc, Datum *out) { return log_common(fc, out, true); }

static int
dpow(FnCall *fc, Datum *out)
{
	double		a = ARG0;
	double		b = ARG1;
	double		r;

	if (isnan(a))
		RET(b == 0.0 ? 1.0 : a);
	if (isnan(b))
		RET(a == 1.0 ? 1.0 : b);
	if (a == 0.0 && b < 0.0)
		return fc_error(fc, SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined");
	if (a < 0.0 && floor(b) != b)
		return fc_error(fc, SQLSTATE_INVALID_ARGUMENT_FOR_POWER_FUNCTION, "a negative number raised to a non-integer power yields a complex result");
	r = pow(a, b);
	if (isinf(r) && !isinf(a) && !isinf(b))
		return overflow(fc);
	if (r == 0.0 && a != 0.0 && !isinf(a) && !isinf(b))
		return underflow(fc);
	RET(r);
}

static int
trig_check(FnCall *fc, double r, double a, Datum *out)
{
	if (isinf(r) && !isinf(a))
		return overflow(fc);
	RET(r);
}

static int
out_of_range_input(FnCall *fc)
{
	return fc_error(fc, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range");
}

static int
dsin(FnCall *fc, Datum *out)
{
	if (isnan(ARG0))
		RET(ARG0);
	if (isinf(ARG0))
		return out_of_range_input(fc);
	return trig_check(fc, sin(ARG0), ARG0, out);
}

static int
dcos(FnCall *fc, Datum *out)
{
	if (isnan(ARG0))
		RET(ARG0);
	if (isinf(ARG0))
		return out_of_range_input(fc);
	return trig_check(fc, cos(ARG0), ARG0, out);
}

static int
dtan(FnCall *fc, Datum *out)
{
	if (isnan(ARG0))
		RET(ARG0);
	if (isinf(ARG0))
		return out_of_range_input(fc);
	RET(tan(ARG0));
}

static int
dcot(FnCall *fc, Datum *out)
{
	if (isnan(ARG0))
		RET(ARG0);
	if (isinf(ARG0))
		return out_of_range_input(fc);
	RET(1.0 / tan(ARG0));
}

static int
dasin(FnCall *fc, Datum *out)
{
	if (isnan(ARG0))
		RET(ARG0);
	if (ARG0 < -1.0 || ARG0 > 1.0)
		return out_of_range_input(fc);
	RET(asin(ARG0));
}

static int
dacos(FnCall *fc, Datum *out)
{
	if (isnan(ARG0))
		RET(ARG0);
	if (ARG0 < -1.0 || ARG0 > 1.0)
		return out_of_range_input(fc);
	RET(acos(ARG0));
}

static int datan(FnCall *fc, Datum *out) { RET(atan(ARG0)); }
static int datan2(FnCall *fc, Datum *out) { RET(atan2(ARG0, ARG1)); }

static int
degrees(FnCall *fc, Datum *out)
{
	double		r = ARG0 * (180.0 / M_PI);

	return trig_check(fc, r, ARG0, out);
}

static int
radians(FnCall *fc, Datum *out)
{
	double		r = ARG0 * (M_PI / 180.0);

	return trig_check(fc, r, ARG0, out);
}

static int dsinh(FnCall *fc, Datum *out) { return trig_check(fc, sinh(ARG0), ARG0, out); }
static int dcosh(FnCall *fc, Datum *out) { return trig_check(fc, cosh(ARG0), ARG0, out); }
static int dtanh(FnCall *fc, Datum *out) { RET(tanh(ARG0)); }
static int dasinh(FnCall *fc, Datum *out) { RET(asinh(ARG0)); }

static int
dacosh(FnCall *fc, Datum *out)
{
	if (ARG0 < 1.0)
		return out_of_range_input(fc);
	RET(acosh(ARG0));
}

static int
datanh(FnCall *fc, Datum *out)
{
	double		a = ARG0;

	if (a < -1.0 || a > 1.0)
		return out_of_range_input(fc);
	if (a == -1.0)
		RET(-INFINITY);
	if (a == 1.0)
		RET(INFINITY);
	RET(atanh(a));
}

/* ---------------------------------------------------------------- random */

static __thread uint64_t rng_state[4];
static __thread bool rng_seeded;

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
splitmix(uint64_t *x)
{
	uint64_t	z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void
rng_seed(uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		rng_state[i] = splitmix(&seed);
	rng_seeded = true;
}

static uint64_t
rng_next(void)
{
	uint64_t	r,
				t;

	if (!rng_seeded)
	{
		uint64_t	seed;

		if (getrandom(&seed, sizeof(seed), 0) != (ssize_t) sizeof(seed))
			seed = (uint64_t) (uintptr_t) &seed ^ 0x5deece66dULL;
		rng_seed(seed);
	}
	r = rotl(rng_state[1] * 5, 7) * 9;
	t = rng_state[1] << 17;
	rng_state[2] ^= rng_state[0];
	rng_state[3] ^= rng_state[1];
	rng_state[1] ^= rng_state[2];
	rng_state[0] ^= rng_state[3];
	rng_state[2] ^= t;
	rng_state[3] = rotl(rng_state[3], 45);
	return r;
}

static double
random_double(void)
{
	return (double) (rng_next() >> 11) * 0x1.0p-53;
}

static int
drandom(FnCall *fc, Datum *out)
{
	RET(random_double());
}

static int
setseed(FnCall *fc, Datum *out)
{
	double		s = ARG0;
	uint64_t	bits;

	if (s < -1 || s > 1 || isnan(s))
		return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE,
						"setseed parameter %g is out of allowed range [-1,1]", s);
	memcpy(&bits, &s, sizeof(bits));
	rng_seed(bits);
	fc->isnull = false;
	*out = 0;					/* void */
	return 0;
}

static int
width_bucket_float8(FnCall *fc, Datum *out)
{
	double		op = DatumGetFloat8(fc->args[0]);
	double		b1 = DatumGetFloat8(fc->args[1]);
	double		b2 = DatumGetFloat8(fc->args[2]);
	int32_t		count = DatumGetInt32(fc->args[3]);
	int32_t		r;

	if (count <= 0)
		return fc_error(fc, SQLSTATE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, "count must be greater than zero");
	if (isnan(op) || isnan(b1) || isnan(b2))
		return fc_error(fc, SQLSTATE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, "operand, lower bound, and upper bound cannot be NaN");
	if (isinf(b1) || isinf(b2))
		return fc_error(fc, SQLSTATE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, "lower and upper bounds must be finite");
	if (b1 == b2)
		return fc_error(fc, SQLSTATE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, "lower bound cannot equal upper bound");
	if (b1 < b2)
	{
		if (op < b1)
			r = 0;
		else if (op >= b2)
		{
			if (count == INT32_MAX)
				return fc_error(fc, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
			r = count + 1;
		}
		else if (!isinf(b2 - b1))
			r = (int32_t) (((double) count * (op - b1) / (b2 - b1)) + 1);
		else
			r = (int32_t) (((double) count * (op / 2 - b1 / 2) / (b2 / 2 - b1 / 2)) + 1);
	}
	else
	{
		if (op > b1)
			r = 0;
		else if (op <= b2)
		{
			if (count == INT32_MAX)
				return fc_error(fc, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
			r = count + 1;
		}
		else if (!isinf(b1 - b2))
			r = (int32_t) (((double) count * (b1 - op) / (b1 - b2)) + 1);
		else
			r = (int32_t) (((double) count * (b1 / 2 - op / 2) / (b1 / 2 - b2 / 2)) + 1);
	}
	*out = Int32GetDatum(r);
	return 0;
}

/* ---------------------------------------------------------------- tables */

#define FD(N_, FN_, n, a, b, res, vol) \
	{.name = N_, .nargs = n, .argtypes = {a, b}, .rettype = res, .strict = true, .volatility = vol, .fn = FN_}
#define F1(N_, FN_) FD(N_, FN_, 1, FLOAT8OID, 0, FLOAT8OID, FUNC_IMMUTABLE)
#define F2(N_, FN_) FD(N_, FN_, 2, FLOAT8OID, FLOAT8OID, FLOAT8OID, FUNC_IMMUTABLE)
#define PAIR_F(pfx, L_, R_, res) \
	FD(#pfx "pl", pfx##pl, 2, L_, R_, res, FUNC_IMMUTABLE), FD(#pfx "mi", pfx##mi, 2, L_, R_, res, FUNC_IMMUTABLE), \
	FD(#pfx "mul", pfx##mul, 2, L_, R_, res, FUNC_IMMUTABLE), FD(#pfx "div", pfx##div, 2, L_, R_, res, FUNC_IMMUTABLE), \
	FD(#pfx "eq", pfx##eq, 2, L_, R_, BOOLOID, FUNC_IMMUTABLE), FD(#pfx "ne", pfx##ne, 2, L_, R_, BOOLOID, FUNC_IMMUTABLE), \
	FD(#pfx "lt", pfx##lt, 2, L_, R_, BOOLOID, FUNC_IMMUTABLE), FD(#pfx "le", pfx##le, 2, L_, R_, BOOLOID, FUNC_IMMUTABLE), \
	FD(#pfx "gt", pfx##gt, 2, L_, R_, BOOLOID, FUNC_IMMUTABLE), FD(#pfx "ge", pfx##ge, 2, L_, R_, BOOLOID, FUNC_IMMUTABLE)

static const FuncDef float_funcs[] = {
	PAIR_F(float4, FLOAT4OID, FLOAT4OID, FLOAT4OID),
	PAIR_F(float8, FLOAT8OID, FLOAT8OID, FLOAT8OID),
	PAIR_F(float48, FLOAT4OID, FLOAT8OID, FLOAT8OID),
	PAIR_F(float84, FLOAT8OID, FLOAT4OID, FLOAT8OID),
	FD("float4um", float4um, 1, FLOAT4OID, 0, FLOAT4OID, FUNC_IMMUTABLE),
	FD("float4up", float_up, 1, FLOAT4OID, 0, FLOAT4OID, FUNC_IMMUTABLE),
	FD("float4abs", float4abs, 1, FLOAT4OID, 0, FLOAT4OID, FUNC_IMMUTABLE),
	FD("abs", float4abs, 1, FLOAT4OID, 0, FLOAT4OID, FUNC_IMMUTABLE),
	F1("float8um", float8um),
	F1("float8up", float_up),
	F1("float8abs", float8abs),
	F1("abs", float8abs),
	F1("ceil", dceil),
	F1("ceiling", dceil),
	F1("floor", dfloor),
	F1("round", dround),
	F1("trunc", dtrunc),
	F1("sign", dsign),
	F1("sqrt", dsqrt),
	F1("dsqrt", dsqrt),
	F1("cbrt", dcbrt),
	F1("dcbrt", dcbrt),
	F1("exp", dexp),
	F1("ln", dlog1),
	F1("log", dlog10),
	F1("log10", dlog10),
	F2("power", dpow),
	F2("pow", dpow),
	F2("dpow", dpow),
	F1("sin", dsin),
	F1("cos", dcos),
	F1("tan", dtan),
	F1("cot", dcot),
	F1("asin", dasin),
	F1("acos", dacos),
	F1("atan", datan),
	F2("atan2", datan2),
	F1("sinh", dsinh),
	F1("cosh", dcosh),
	F1("tanh", dtanh),
	F1("asinh", dasinh),
	F1("acosh", dacosh),
	F1("atanh", datanh),
	F1("degrees", degrees),
	F1("radians", radians),
	FD("pi", dpi, 0, 0, 0, FLOAT8OID, FUNC_IMMUTABLE),
	FD("random", drandom, 0, 0, 0, FLOAT8OID, FUNC_VOLATILE),
	FD("setseed", setseed, 1, FLOAT8OID, 0, VOIDOID, FUNC_VOLATILE),
	{.name = "width_bucket", .nargs = 4, .argtypes = {FLOAT8OID, FLOAT8OID, FLOAT8OID, INT4OID},
	 .rettype = INT4OID, .strict = true, .volatility = FUNC_IMMUTABLE, .fn = width_bucket_float8},
};

#define OP(N_, l, r, res, FN_, neg, com) \
	{.name = N_, .left = l, .right = r, .result = res, .func_name = FN_, .negator = neg, .commutator = com}
#define PAIR_OPS(pfx, L_, R_, res) \
	OP("+", L_, R_, res, #pfx "pl", NULL, "+"), OP("-", L_, R_, res, #pfx "mi", NULL, NULL), \
	OP("*", L_, R_, res, #pfx "mul", NULL, "*"), OP("/", L_, R_, res, #pfx "div", NULL, NULL), \
	OP("=", L_, R_, BOOLOID, #pfx "eq", "<>", "="), OP("<>", L_, R_, BOOLOID, #pfx "ne", "=", "<>"), \
	OP("<", L_, R_, BOOLOID, #pfx "lt", ">=", ">"), OP("<=", L_, R_, BOOLOID, #pfx "le", ">", ">="), \
	OP(">", L_, R_, BOOLOID, #pfx "gt", "<=", "<"), OP(">=", L_, R_, BOOLOID, #pfx "ge", "<", "<=")

static const OperDef float_opers[] = {
	PAIR_OPS(float4, FLOAT4OID, FLOAT4OID, FLOAT4OID),
	PAIR_OPS(float8, FLOAT8OID, FLOAT8OID, FLOAT8OID),
	PAIR_OPS(float48, FLOAT4OID, FLOAT8OID, FLOAT8OID),
	PAIR_OPS(float84, FLOAT8OID, FLOAT4OID, FLOAT8OID),
	OP("-", InvalidOid, FLOAT4OID, FLOAT4OID, "float4um", NULL, NULL),
	OP("+", InvalidOid, FLOAT4OID, FLOAT4OID, "float4up", NULL, NULL),
	OP("@", InvalidOid, FLOAT4OID, FLOAT4OID, "float4abs", NULL, NULL),
	OP("-", InvalidOid, FLOAT8OID, FLOAT8OID, "float8um", NULL, NULL),
	OP("+", InvalidOid, FLOAT8OID, FLOAT8OID, "float8up", NULL, NULL),
	OP("@", InvalidOid, FLOAT8OID, FLOAT8OID, "float8abs", NULL, NULL),
	OP("^", FLOAT8OID, FLOAT8OID, FLOAT8OID, "dpow", NULL, NULL),
	OP("|/", InvalidOid, FLOAT8OID, FLOAT8OID, "dsqrt", NULL, NULL),
	OP("||/", InvalidOid, FLOAT8OID, FLOAT8OID, "dcbrt", NULL, NULL),
};

void
register_float_funcs(void)
{
	func_register(float_funcs, (int) (sizeof(float_funcs) / sizeof(float_funcs[0])));
	oper_register(float_opers, (int) (sizeof(float_opers) / sizeof(float_opers[0])));
}
