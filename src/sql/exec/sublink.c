/*
 * sublink.c — evaluation of subqueries inside expressions: scalar
 * (SELECT ...), EXISTS, x op ANY/ALL (SELECT ...) (IN, NOT IN), and
 * ARRAY(SELECT ...) (the column's values, in the subquery's order).
 *
 * Design notes:
 *   - The subquery's plan runs in a nested ExecState that shares the
 *     statement's transaction, parameters and function caches; a
 *     correlated subquery sees the current row of the enclosing query as
 *     its outer row (EXPR_OUTERVAR) and runs again for every row.
 *   - An uncorrelated subquery runs once per statement run: its result
 *     (the scalar, the EXISTS answer, or the column values for ANY/ALL) is
 *     kept in the sublink's cache slot until the run ends.
 *   - Three-valued logic for ANY/ALL as PostgreSQL's: ANY is true if a
 *     comparison is true, else NULL if one was NULL, else false; ALL dually.
 *
 * Invariants:
 *   1. Every nested run is closed (exec_end) before exec_sublink returns.
 */
#include <string.h>

#include <memgres/sqlstate.h>

#include "../exec.h"

typedef struct SublinkCache
{
	bool		have;			/* uncorrelated result cached */
	Datum		value;
	bool		isnull;
	int			nvals;			/* ANY/ALL: the column's values */
	Datum	   *vals;
	bool	   *nulls;
	Arena	   *arena;			/* cached values; freed with the run's cache arena owner */
} SublinkCache;

/* Runs the subquery; for ANY/ALL collects the column, else stops early. */
static int
run_subplan(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row, SublinkCache *c, Arena *into)
{
	ExecState  *parent = rs->exec;
	ExecState	sub;
	ExecNode   *root;
	SublinkKind kind = e->u.sublink.kind;
	int			rc = 0;
	int			cap = 0;
	const MgType *t = type_by_oid(e->u.sublink.coltype);

	if (!parent)
	{
		mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "subqueries are not supported here");
		return -1;
	}
	sub = *parent;
	sub.rs = *rs;
	sub.rs.outer = row;
	sub.rs.enclosing = NULL;	/* the subquery's OUTERVARs read row only */
	sub.rs.up = rs;				/* ... or, further up, this query's own outer rows */
	sub.rs.exec = &sub;
	sub.run_arena = into;
	if (!(root = exec_start(&sub, e->u.sublink.plan)))
		return -1;
	c->value = 0;
	c->isnull = true;
	c->nvals = 0;
	for (;;)
	{
		rc = exec_next(&sub, root);
		if (rc <= 0)
			break;
		if (kind == SUBLINK_EXISTS)
		{
			c->value = BoolGetDatum(true);
			c->isnull = false;
			break;
		}
		if (kind == SUBLINK_EXPR)
		{
			if (!c->isnull || c->nvals > 0)
			{
				mg_error(ctx->err, SQLSTATE_CARDINALITY_VIOLATION,
						 "more than one row returned by a subquery used as an expression");
				rc = -1;
				break;
			}
			c->nvals = 1;
			c->isnull = root->nulls[0];
			c->value = c->isnull ? 0 : datum_copy(into, t, root->values[0]);
			continue;
		}
		if (c->nvals == cap)
		{
			int			ncap = cap ? cap * 2 : 16;

			c->vals = arena_realloc(into, c->vals, sizeof(Datum) * cap, sizeof(Datum) * ncap);
			c->nulls = arena_realloc(into, c->nulls, sizeof(bool) * cap, sizeof(bool) * ncap);
			cap = ncap;
		}
		c->nulls[c->nvals] = root->nulls[0];
		c->vals[c->nvals] = root->nulls[0] ? 0 : datum_copy(into, t, root->values[0]);
		c->nvals++;
	}
	exec_end(root);
	if (rc < 0)
		return -1;
	if (kind == SUBLINK_EXISTS && c->isnull)
	{
		c->value = BoolGetDatum(false);
		c->isnull = false;
	}
	return 0;
}

static int
compare_all(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row, const SublinkCache *c,
			Datum *out, bool *isnull)
{
	bool		any = e->u.sublink.kind == SUBLINK_ANY;
	bool		sawnull = false;
	Datum		left;
	bool		leftnull;

	if (expr_eval(ctx, rs, e->args[0], row, &left, &leftnull) < 0)
		return -1;
	for (int i = 0; i < c->nvals; i++)
	{
		FnCall		fc;
		Datum		args[2] = {left, c->vals[i]};
		bool		nulls[2] = {leftnull, c->nulls[i]};
		Datum		r = 0;

		if (leftnull || c->nulls[i])
		{
			if (e->u.sublink.op->strict)
			{
				sawnull = true;
				continue;
			}
		}
		memset(&fc, 0, sizeof(fc));
		fc.ctx = ctx;
		fc.nargs = 2;
		fc.args = args;
		fc.argnull = nulls;
		fc.argtypes = e->u.sublink.argtypes;
		fc.rettype = BOOLOID;
		fc.rettypmod = -1;
		fc.cache_arena = ctx->arena;
		if (e->u.sublink.op->fn(&fc, &r) < 0)
			return -1;
		if (fc.isnull)
			sawnull = true;
		else if (DatumGetBool(r) == any)
		{
			*out = BoolGetDatum(any);
			*isnull = false;
			return 0;
		}
	}
	*out = BoolGetDatum(!any);
	*isnull = sawnull;
	return 0;
}

int
exec_sublink(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row, Datum *out, bool *isnull)
{
	SublinkCache *c;
	SublinkCache local;
	int			slot = e->u.sublink.cache_slot;

	if (!rs || slot < 0 || slot >= rs->ncache)
	{
		mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "subqueries are not supported here");
		return -1;
	}
	if (e->u.sublink.correlated)
	{
		/* Run per row, results in the row's arena. */
		memset(&local, 0, sizeof(local));
		c = &local;
		if (run_subplan(ctx, rs, e, row, c, ctx->arena) < 0)
			return -1;
	}
	else
	{
		c = rs->cache[slot];
		if (!c)
		{
			c = arena_new(rs->cache_arena, SublinkCache);
			rs->cache[slot] = c;
		}
		if (!c->have)
		{
			if (run_subplan(ctx, rs, e, NULL, c, rs->cache_arena) < 0)
				return -1;
			c->have = true;
		}
	}
	if (e->u.sublink.kind == SUBLINK_ANY || e->u.sublink.kind == SUBLINK_ALL)
		return compare_all(ctx, rs, e, row, c, out, isnull);
	if (e->u.sublink.kind == SUBLINK_ARRAY)
	{
		*out = array_construct(ctx->arena, e->u.sublink.coltype, c->nvals, c->vals, c->nulls, 1);
		*isnull = false;
		return 0;
	}
	*out = c->value;
	*isnull = c->isnull;
	return 0;
}
