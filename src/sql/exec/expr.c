/*
 * expr.c — evaluation of analysed expressions (see src/sql/expr.h).
 *
 * Design notes:
 *   - A plain recursive interpreter over the read-only Expr tree.  Everything
 *     was resolved by the analyzer (FuncDef pointers, cast pairs, comparison
 *     functions), so evaluation does no lookups.
 *   - SQL three-valued logic: AND is false if any operand is false, else NULL
 *     if any is NULL; OR symmetrically; NOT NULL is NULL.
 *   - Strict functions are not called when an argument is NULL.
 *
 * Invariants:
 *   1. expr_eval never allocates outside ctx->arena and rs->cache_arena.
 *   2. On failure ctx->err is set and *out is unspecified.
 */
#include <stdlib.h>
#include <string.h>

#include <memgres/sqlstate.h>

#include "../expr.h"

#define EVAL_STACK_ARGS 16

Expr *
expr_new(Arena *a, ExprKind kind, Oid type, int nargs, int location)
{
	Expr	   *e = arena_new(a, Expr);

	e->kind = kind;
	e->type = type;
	e->typmod = -1;
	e->location = location;
	e->nargs = nargs;
	if (nargs > 0)
		e->args = arena_new_array(a, Expr *, nargs);
	return e;
}

Expr *
expr_const(Arena *a, Oid type, int32_t typmod, Datum value, bool isnull, int location)
{
	Expr	   *e = expr_new(a, EXPR_CONST, type, 0, location);

	e->typmod = typmod;
	e->u.c.value = value;
	e->u.c.isnull = isnull;
	return e;
}

bool
expr_is_constant(const Expr *e)
{
	switch (e->kind)
	{
		case EXPR_PARAM:
		case EXPR_VAR:
		case EXPR_OUTERVAR:
		case EXPR_SUBLINK:
			return false;
		case EXPR_FUNC:
			if (e->u.func.def->volatility != FUNC_IMMUTABLE || e->u.func.def->retset)
				return false;
			break;
		default:
			break;
	}
	for (int i = 0; i < e->nargs; i++)
		if (e->args[i] && !expr_is_constant(e->args[i]))
			return false;
	if (e->kind == EXPR_CASE)
	{
		for (int i = 0; i < e->u.kase.nwhen; i++)
			if (!expr_is_constant(e->u.kase.when[i]) || !expr_is_constant(e->u.kase.then[i]))
				return false;
		if (!expr_is_constant(e->u.kase.defresult))
			return false;
	}
	return true;
}

bool
expr_has_vars(const Expr *e)
{
	if (e->kind == EXPR_VAR)
		return true;
	if (e->kind == EXPR_SUBLINK && e->u.sublink.correlated)
		return true;
	for (int i = 0; i < e->nargs; i++)
		if (e->args[i] && expr_has_vars(e->args[i]))
			return true;
	if (e->kind == EXPR_CASE)
	{
		for (int i = 0; i < e->u.kase.nwhen; i++)
			if (expr_has_vars(e->u.kase.when[i]) || expr_has_vars(e->u.kase.then[i]))
				return true;
		return expr_has_vars(e->u.kase.defresult);
	}
	return false;
}

void
expr_collect_vars(const Expr *e, bool *used, int ncols)
{
	if (!e)
		return;
	if (e->kind == EXPR_VAR && e->u.var >= 0 && e->u.var < ncols)
		used[e->u.var] = true;
	for (int i = 0; i < e->nargs; i++)
		expr_collect_vars(e->args[i], used, ncols);
	if (e->kind == EXPR_CASE)
	{
		expr_collect_vars(e->u.kase.arg, used, ncols);
		for (int i = 0; i < e->u.kase.nwhen; i++)
		{
			expr_collect_vars(e->u.kase.when[i], used, ncols);
			expr_collect_vars(e->u.kase.then[i], used, ncols);
		}
		expr_collect_vars(e->u.kase.defresult, used, ncols);
	}
}

Expr *
expr_copy(Arena *a, const Expr *e)
{
	Expr	   *c;

	if (!e)
		return NULL;
	c = arena_new(a, Expr);
	*c = *e;
	if (e->sql_syntax)
		c->sql_syntax = arena_strdup(a, e->sql_syntax);
	if (e->nargs > 0)
	{
		c->args = arena_new_array(a, Expr *, e->nargs);
		for (int i = 0; i < e->nargs; i++)
			c->args[i] = expr_copy(a, e->args[i]);
	}
	switch (e->kind)
	{
		case EXPR_CONST:
			if (!e->u.c.isnull)
			{
				const MgType *t = type_by_oid(e->type);

				if (t)
					c->u.c.value = datum_copy(a, t, e->u.c.value);
			}
			break;
		case EXPR_FUNC:
			c->u.func.argtypes = arena_new_array(a, Oid, e->nargs > 0 ? e->nargs : 1);
			memcpy(c->u.func.argtypes, e->u.func.argtypes, sizeof(Oid) * (size_t) e->nargs);
			if (e->u.func.opname)
				c->u.func.opname = arena_strdup(a, e->u.func.opname);
			break;
		case EXPR_CASE:
			c->u.kase.when = arena_new_array(a, Expr *, e->u.kase.nwhen > 0 ? e->u.kase.nwhen : 1);
			c->u.kase.then = arena_new_array(a, Expr *, e->u.kase.nwhen > 0 ? e->u.kase.nwhen : 1);
			for (int i = 0; i < e->u.kase.nwhen; i++)
			{
				c->u.kase.when[i] = expr_copy(a, e->u.kase.when[i]);
				c->u.kase.then[i] = expr_copy(a, e->u.kase.then[i]);
			}
			c->u.kase.arg = expr_copy(a, e->u.kase.arg);
			c->u.kase.defresult = expr_copy(a, e->u.kase.defresult);
			break;
		case EXPR_IN:
			{
				int			n = e->nargs - 1;

				c->u.in.eq = arena_new_array(a, const FuncDef *, n > 0 ? n : 1);
				c->u.in.argtypes = arena_alloc0(a, sizeof(Oid[2]) * (size_t) (n > 0 ? n : 1));
				memcpy(c->u.in.eq, e->u.in.eq, sizeof(const FuncDef *) * (size_t) n);
				memcpy(c->u.in.argtypes, e->u.in.argtypes, sizeof(Oid[2]) * (size_t) n);
				break;
			}
		default:
			break;
	}
	return c;
}

static int
call_func(EvalCtx *ctx, ExprRunState *rs, const FuncDef *def, const Oid *argtypes,
		  Oid rettype, int32_t rettypmod, int cache_slot,
		  int nargs, const Datum *args, const bool *argnull, Datum *out, bool *isnull)
{
	FnCall		fc;

	if (def->strict)
	{
		for (int i = 0; i < nargs; i++)
			if (argnull[i])
			{
				*isnull = true;
				*out = 0;
				return 0;
			}
	}
	fc.ctx = ctx;
	fc.nargs = nargs;
	fc.args = args;
	fc.argnull = argnull;
	fc.argtypes = argtypes;
	fc.rettype = rettype;
	fc.rettypmod = rettypmod;
	fc.cache = (rs && cache_slot >= 0 && cache_slot < rs->ncache) ? &rs->cache[cache_slot] : NULL;
	fc.cache_arena = rs ? rs->cache_arena : ctx->arena;
	fc.isnull = false;
	*out = 0;
	if (def->fn(&fc, out) < 0)
		return -1;
	*isnull = fc.isnull;
	return 0;
}

static int
eval_func(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row, Datum *out, bool *isnull)
{
	Datum		sargs[EVAL_STACK_ARGS];
	bool		snulls[EVAL_STACK_ARGS];
	Datum	   *args = sargs;
	bool	   *nulls = snulls;

	if (e->nargs > EVAL_STACK_ARGS)
	{
		args = arena_alloc(ctx->arena, sizeof(Datum) * e->nargs);
		nulls = arena_alloc(ctx->arena, sizeof(bool) * e->nargs);
	}
	for (int i = 0; i < e->nargs; i++)
	{
		if (expr_eval(ctx, rs, e->args[i], row, &args[i], &nulls[i]) < 0)
			return -1;
		/* Strict: stop early, the function would not be called anyway. */
		if (nulls[i] && e->u.func.def->strict)
		{
			*out = 0;
			*isnull = true;
			return 0;
		}
	}
	return call_func(ctx, rs, e->u.func.def, e->u.func.argtypes, e->type, e->typmod,
					 e->u.func.cache_slot, e->nargs, args, nulls, out, isnull);
}

/* Calls a boolean "=" function; NULL operand -> NULL result. */
static int
eval_eq(EvalCtx *ctx, ExprRunState *rs, const FuncDef *eq, const Oid *argtypes,
		Datum a, bool anull, Datum b, bool bnull, bool *result, bool *isnull)
{
	Datum		args[2] = {a, b};
	bool		nulls[2] = {anull, bnull};
	Datum		r;

	if (call_func(ctx, rs, eq, argtypes, BOOLOID, -1, -1, 2, args, nulls, &r, isnull) < 0)
		return -1;
	*result = !*isnull && DatumGetBool(r);
	return 0;
}

static int
eval_bool(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row, Datum *out, bool *isnull)
{
	bool		anynull = false;
	bool		is_and = e->kind == EXPR_AND;

	for (int i = 0; i < e->nargs; i++)
	{
		Datum		v;
		bool		n;

		if (expr_eval(ctx, rs, e->args[i], row, &v, &n) < 0)
			return -1;
		if (n)
			anynull = true;
		else if (DatumGetBool(v) != is_and)
		{
			/* false in AND, true in OR decides. */
			*out = BoolGetDatum(!is_and);
			*isnull = false;
			return 0;
		}
	}
	*isnull = anynull;
	*out = BoolGetDatum(is_and);
	return 0;
}

static int
eval_in(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row, Datum *out, bool *isnull)
{
	Datum		probe;
	bool		probenull;
	bool		anynull = false;
	bool		found = false;

	if (expr_eval(ctx, rs, e->args[0], row, &probe, &probenull) < 0)
		return -1;
	for (int i = 1; i < e->nargs && !found; i++)
	{
		Datum		v;
		bool		n,
					eq,
					eqnull;

		if (expr_eval(ctx, rs, e->args[i], row, &v, &n) < 0)
			return -1;
		if (eval_eq(ctx, rs, e->u.in.eq[i - 1], e->u.in.argtypes[i - 1], probe, probenull, v, n, &eq, &eqnull) < 0)
			return -1;
		if (eqnull)
			anynull = true;
		else if (eq)
			found = true;
	}
	if (found)
	{
		*isnull = false;
		*out = BoolGetDatum(!e->u.in.isnot);
	}
	else
	{
		*isnull = anynull;
		*out = BoolGetDatum(e->u.in.isnot);
	}
	return 0;
}

static int
eval_case(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row, Datum *out, bool *isnull)
{
	for (int i = 0; i < e->u.kase.nwhen; i++)
	{
		bool		pass;

		if (expr_qual(ctx, rs, e->u.kase.when[i], row, &pass) < 0)
			return -1;
		if (pass)
			return expr_eval(ctx, rs, e->u.kase.then[i], row, out, isnull);
	}
	return expr_eval(ctx, rs, e->u.kase.defresult, row, out, isnull);
}

static int
eval_minmax(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row, Datum *out, bool *isnull)
{
	bool		have = false;
	Datum		best = 0;

	for (int i = 0; i < e->nargs; i++)
	{
		Datum		v;
		bool		n;

		if (expr_eval(ctx, rs, e->args[i], row, &v, &n) < 0)
			return -1;
		if (n)
			continue;
		if (!have)
		{
			best = v;
			have = true;
		}
		else
		{
			int			c = e->u.minmax.cmp(v, best);

			if (e->u.minmax.greatest ? c > 0 : c < 0)
				best = v;
		}
	}
	*out = best;
	*isnull = !have;
	return 0;
}

/* x op ANY/ALL (array): PostgreSQL's three-valued semantics. */
static int
eval_scalararray(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row, Datum *out, bool *isnull)
{
	Datum		left,
				arr;
	bool		leftnull,
				arrnull,
				sawnull = false;
	bool		all = e->u.scalararray.all;
	Oid			elem;
	int			n,
				lb;
	Datum	   *vals;
	bool	   *nulls;

	if (expr_eval(ctx, rs, e->args[0], row, &left, &leftnull) < 0 ||
		expr_eval(ctx, rs, e->args[1], row, &arr, &arrnull) < 0)
		return -1;
	if (arrnull)
	{
		*out = 0;
		*isnull = true;
		return 0;
	}
	array_deconstruct(ctx->arena, arr, &elem, &n, &vals, &nulls, &lb);
	for (int i = 0; i < n; i++)
	{
		Datum		args[2] = {left, vals[i]};
		bool		an[2] = {leftnull, nulls ? nulls[i] : false};
		Datum		r;
		bool		rn;

		if (call_func(ctx, rs, e->u.scalararray.op, e->u.scalararray.argtypes, BOOLOID, -1, -1, 2, args, an, &r, &rn) < 0)
			return -1;
		if (rn)
			sawnull = true;
		else if (DatumGetBool(r) != all)
		{
			*out = BoolGetDatum(!all);
			*isnull = false;
			return 0;
		}
	}
	*out = BoolGetDatum(all);
	*isnull = sawnull;
	return 0;
}

int
expr_eval(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row, Datum *out, bool *isnull)
{
	switch (e->kind)
	{
		case EXPR_CONST:
			*out = e->u.c.value;
			*isnull = e->u.c.isnull;
			return 0;
		case EXPR_PARAM:
			if (!rs || e->u.param >= rs->nparams)
			{
				mg_error(ctx->err, SQLSTATE_UNDEFINED_PARAMETER,
						 "there is no parameter $%d", e->u.param + 1);
				return -1;
			}
			*out = rs->params[e->u.param];
			*isnull = rs->param_nulls ? rs->param_nulls[e->u.param] : false;
			return 0;
		case EXPR_VAR:
			*out = row->values[e->u.var];
			*isnull = row->nulls[e->u.var];
			return 0;
		case EXPR_FUNC:
			return eval_func(ctx, rs, e, row, out, isnull);
		case EXPR_AND:
		case EXPR_OR:
			return eval_bool(ctx, rs, e, row, out, isnull);
		case EXPR_NOT:
			if (expr_eval(ctx, rs, e->args[0], row, out, isnull) < 0)
				return -1;
			if (!*isnull)
				*out = BoolGetDatum(!DatumGetBool(*out));
			return 0;
		case EXPR_NULLTEST:
			{
				Datum		v;
				bool		n;

				if (expr_eval(ctx, rs, e->args[0], row, &v, &n) < 0)
					return -1;
				*isnull = false;
				*out = BoolGetDatum(e->u.nulltest.isnot ? !n : n);
				return 0;
			}
		case EXPR_BOOLTEST:
			{
				Datum		v;
				bool		n,
							r = false;

				if (expr_eval(ctx, rs, e->args[0], row, &v, &n) < 0)
					return -1;
				switch (e->u.booltest)
				{
					case BT_IS_TRUE: r = !n && DatumGetBool(v); break;
					case BT_IS_NOT_TRUE: r = n || !DatumGetBool(v); break;
					case BT_IS_FALSE: r = !n && !DatumGetBool(v); break;
					case BT_IS_NOT_FALSE: r = n || DatumGetBool(v); break;
					case BT_IS_UNKNOWN: r = n; break;
					case BT_IS_NOT_UNKNOWN: r = !n; break;
				}
				*isnull = false;
				*out = BoolGetDatum(r);
				return 0;
			}
		case EXPR_DISTINCT:
			{
				Datum		a,
							b;
				bool		an,
							bn,
							eq,
							eqnull,
							distinct;

				if (expr_eval(ctx, rs, e->args[0], row, &a, &an) < 0 ||
					expr_eval(ctx, rs, e->args[1], row, &b, &bn) < 0)
					return -1;
				if (an || bn)
					distinct = an != bn;
				else
				{
					if (eval_eq(ctx, rs, e->u.distinct.eq, e->u.distinct.argtypes, a, false, b, false, &eq, &eqnull) < 0)
						return -1;
					distinct = !eq;
				}
				*isnull = false;
				*out = BoolGetDatum(e->u.distinct.isnot ? !distinct : distinct);
				return 0;
			}
		case EXPR_NULLIF:
			{
				Datum		a,
							b;
				bool		an,
							bn,
							eq = false,
							eqnull;

				if (expr_eval(ctx, rs, e->args[0], row, &a, &an) < 0 ||
					expr_eval(ctx, rs, e->args[1], row, &b, &bn) < 0)
					return -1;
				if (!an && !bn &&
					eval_eq(ctx, rs, e->u.nullif.eq, e->u.nullif.argtypes, a, false, b, false, &eq, &eqnull) < 0)
					return -1;
				*out = a;
				*isnull = an || eq;
				return 0;
			}
		case EXPR_CASE:
			return eval_case(ctx, rs, e, row, out, isnull);
		case EXPR_COALESCE:
			for (int i = 0; i < e->nargs; i++)
			{
				if (expr_eval(ctx, rs, e->args[i], row, out, isnull) < 0)
					return -1;
				if (!*isnull)
					return 0;
			}
			*out = 0;
			*isnull = true;
			return 0;
		case EXPR_MINMAX:
			return eval_minmax(ctx, rs, e, row, out, isnull);
		case EXPR_CAST:
			{
				Datum		v;

				if (expr_eval(ctx, rs, e->args[0], row, &v, isnull) < 0)
					return -1;
				if (*isnull)
				{
					*out = 0;
					return 0;
				}
				return cast_apply(ctx, e->u.cast.src, e->u.cast.src_typmod, e->type, e->typmod,
								  e->u.cast.explicit_cast, v, out);
			}
		case EXPR_IN:
			return eval_in(ctx, rs, e, row, out, isnull);
		case EXPR_OUTERVAR:
			if (!rs || !rs->outer)
			{
				mg_error(ctx->err, SQLSTATE_INTERNAL_ERROR, "outer column reference without an outer row");
				return -1;
			}
			if (e->levels_up > 0)
			{
				const ExprRunState *r = rs;

				for (int i = 0; i < e->levels_up && r; i++)
					r = r->up;
				if (!r || !r->outer)
				{
					mg_error(ctx->err, SQLSTATE_INTERNAL_ERROR, "outer column reference without an outer row");
					return -1;
				}
				*out = r->outer->values[e->u.var];
				*isnull = r->outer->nulls[e->u.var];
				return 0;
			}
			if (rs->enclosing && e->u.var >= rs->enclosing_base)
			{
				*out = rs->enclosing->values[e->u.var - rs->enclosing_base];
				*isnull = rs->enclosing->nulls[e->u.var - rs->enclosing_base];
				return 0;
			}
			*out = rs->outer->values[e->u.var];
			*isnull = rs->outer->nulls[e->u.var];
			return 0;
		case EXPR_SUBLINK:
			return exec_sublink(ctx, rs, e, row, out, isnull);
		case EXPR_ARRAY:
			{
				Datum		sv[EVAL_STACK_ARGS];
				bool		sn[EVAL_STACK_ARGS];
				Datum	   *v = e->nargs > EVAL_STACK_ARGS ? arena_alloc(ctx->arena, sizeof(Datum) * e->nargs) : sv;
				bool	   *n = e->nargs > EVAL_STACK_ARGS ? arena_alloc(ctx->arena, sizeof(bool) * e->nargs) : sn;
				const MgType *at = type_by_oid(e->type);

				for (int i = 0; i < e->nargs; i++)
					if (expr_eval(ctx, rs, e->args[i], row, &v[i], &n[i]) < 0)
						return -1;
				*out = array_construct(ctx->arena, at ? at->elem : InvalidOid, e->nargs, v, n, 1);
				*isnull = false;
				return 0;
			}
		case EXPR_SCALARARRAY:
			return eval_scalararray(ctx, rs, e, row, out, isnull);
	}
	mg_error(ctx->err, SQLSTATE_INTERNAL_ERROR, "unrecognized expression kind %d", (int) e->kind);
	return -1;
}

int
expr_qual(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row, bool *pass)
{
	Datum		v;
	bool		n;

	if (expr_eval(ctx, rs, e, row, &v, &n) < 0)
		return -1;
	*pass = !n && DatumGetBool(v);
	return 0;
}
