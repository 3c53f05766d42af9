/*
 * indexpath.c — access path choice for a single-table query: a sequential
 * scan, or an index scan driven by WHERE conditions (equality, ranges, IN
 * lists on indexed columns) or by an ORDER BY that an index delivers.
 *
 * Design notes:
 *   - Index conditions are the top-level AND terms of WHERE of the form
 *     column OP value (or value OP column, flipped) where OP is one of
 *     = < <= > >=, both sides of the column's type, and value has no column
 *     references (constants, parameters, stable functions).  `column IN
 *     (values)` on the first index column gives one probe per value.
 *   - The whole WHERE clause stays the scan's qual, so an index condition
 *     only narrows what is read; correctness never depends on the key
 *     bounds (NULL handling, DESC columns, cross-type comparisons).
 *   - Scoring: a unique index with every column bound by equality wins
 *     (point lookup); otherwise more leading equalities, then a range, then
 *     an index that makes the ORDER BY free (with LIMIT, a cheap top-N).
 *
 * Invariants:
 *   1. plan_scan never changes q.
 */
#include <string.h>

#include <memgres/sqlstate.h>

#include "../catalog.h"
#include "../plan.h"

typedef struct Cond
{
	int			col;			/* table column index (slot) */
	int			strategy;
	Expr	   *value;
	int			nlist;
	Expr	  **list;
} Cond;

static int
strategy_of(const char *op, bool flipped)
{
	if (strcmp(op, "=") == 0)
		return IQ_EQ;
	if (strcmp(op, "<") == 0)
		return flipped ? IQ_GT : IQ_LT;
	if (strcmp(op, "<=") == 0)
		return flipped ? IQ_GE : IQ_LE;
	if (strcmp(op, ">") == 0)
		return flipped ? IQ_LT : IQ_GT;
	if (strcmp(op, ">=") == 0)
		return flipped ? IQ_LE : IQ_GE;
	return -1;
}

static void
collect_conds(const Expr *e, Cond *conds, int *n, int max)
{
	if (!e || *n >= max)
		return;
	if (e->kind == EXPR_AND)
	{
		for (int i = 0; i < e->nargs; i++)
			collect_conds(e->args[i], conds, n, max);
		return;
	}
	if (e->kind == EXPR_FUNC && e->u.func.opname && e->nargs == 2 &&
		e->args[0]->type == e->args[1]->type)
	{
		const Expr *l = e->args[0];
		const Expr *r = e->args[1];
		bool		flipped = false;
		int			s;

		if (l->kind != EXPR_VAR)
		{
			const Expr *t = l;

			l = r;
			r = t;
			flipped = true;
		}
		if (l->kind != EXPR_VAR || expr_has_vars(r))
			return;
		if ((s = strategy_of(e->u.func.opname, flipped)) < 0)
			return;
		conds[*n].col = l->u.var;
		conds[*n].strategy = s;
		conds[*n].value = (Expr *) r;
		(*n)++;
		return;
	}
	if (e->kind == EXPR_IN && !e->u.in.isnot && e->args[0]->kind == EXPR_VAR)
	{
		for (int i = 1; i < e->nargs; i++)
			if (expr_has_vars(e->args[i]) || e->args[i]->type != e->args[0]->type)
				return;
		conds[*n].col = e->args[0]->u.var;
		conds[*n].strategy = IQ_IN;
		conds[*n].nlist = e->nargs - 1;
		conds[*n].list = e->args + 1;
		(*n)++;
	}
}

static const Cond *
find_cond(const Cond *conds, int n, int col, int strategy)
{
	for (int i = 0; i < n; i++)
		if (conds[i].col == col && conds[i].strategy == strategy)
			return &conds[i];
	return NULL;
}

/* Index quals for one index: leading equalities, then an IN or a range. */
static int
index_quals(Arena *a, const CatIndex *ix, const Cond *conds, int nconds, IndexQual **out, int *neq)
{
	IndexQual  *iq = arena_new_array(a, IndexQual, ix->ncols + 2);
	int			n = 0;
	int			k;

	for (k = 0; k < ix->ncols; k++)
	{
		const Cond *c = find_cond(conds, nconds, ix->attnums[k] - 1, IQ_EQ);

		if (!c)
			break;
		iq[n].keycol = k;
		iq[n].strategy = IQ_EQ;
		iq[n].value = c->value;
		n++;
	}
	*neq = n;
	if (k < ix->ncols)
	{
		int			col = ix->attnums[k] - 1;
		const Cond *in = k == 0 ? find_cond(conds, nconds, col, IQ_IN) : NULL;

		if (in)
		{
			iq[n].keycol = k;
			iq[n].strategy = IQ_IN;
			iq[n].nlist = in->nlist;
			iq[n].list = in->list;
			n++;
		}
		else
		{
			static const int lows[] = {IQ_GT, IQ_GE};
			static const int highs[] = {IQ_LT, IQ_LE};

			for (int i = 0; i < 2; i++)
			{
				const Cond *c = find_cond(conds, nconds, col, lows[i]);

				if (c)
				{
					iq[n].keycol = k;
					iq[n].strategy = c->strategy;
					iq[n].value = c->value;
					n++;
					break;
				}
			}
			for (int i = 0; i < 2; i++)
			{
				const Cond *c = find_cond(conds, nconds, col, highs[i]);

				if (c)
				{
					iq[n].keycol = k;
					iq[n].strategy = c->strategy;
					iq[n].value = c->value;
					n++;
					break;
				}
			}
		}
	}
	*out = iq;
	return n;
}

/*
 * Whether the index, after neq leading equality columns, delivers the sort
 * order of q; *backward if it does so read backwards.
 */
static bool
index_gives_order(const Query *q, const CatIndex *ix, int neq, bool *backward)
{
	int			dir = 0;		/* +1 forward, -1 backward */

	if (q->nsort == 0 || q->has_aggs)
		return false;
	for (int i = 0; i < q->nsort; i++)
	{
		const SortKey *k = &q->sort[i];
		const Expr *t = q->targets[k->col];
		int			ic = -1;
		bool		idesc,
					inf;
		int			d;

		if (t->kind != EXPR_VAR)
			return false;
		/* The sort key must be the next index column after the equalities. */
		for (int c = 0; c < ix->ncols; c++)
			if (ix->attnums[c] - 1 == t->u.var)
				ic = c;
		if (ic != neq + i && !(ic >= 0 && ic < neq))
			return false;
		if (ic < neq)
			continue;			/* bound by equality: any direction */
		idesc = (ix->flags[ic] & IDXKEY_DESC) != 0;
		inf = (ix->flags[ic] & IDXKEY_NULLS_FIRST) != 0;
		if (k->desc == idesc && k->nulls_first == inf)
			d = 1;
		else if (k->desc != idesc && k->nulls_first != inf)
			d = -1;
		else
			return false;
		if (dir != 0 && d != dir)
			return false;
		dir = d;
	}
	*backward = dir < 0;
	return true;
}

Plan *
plan_scan(Arena *a, const Query *q, MgError *err)
{
	const CatTable *t = q->rel;
	Plan	   *p = arena_new(a, Plan);
	Cond		conds[32];
	int			nconds = 0;
	int			best_score = 0;

	(void) err;
	p->kind = PLAN_SEQSCAN;
	p->qual = q->where;
	p->raw_width = t->ncols;
	p->width = t->ncols;
	p->out_types = arena_new_array(a, Oid, t->ncols > 0 ? t->ncols : 1);
	for (int i = 0; i < t->ncols; i++)
		p->out_types[i] = t->cols[i].type;
	p->u.scan.rel = t;
	if (t->relkind == 'v' || t->relkind == 'f' || t->relkind == 'q')
	{
		p->kind = PLAN_VIRTUAL;
		p->u.scan.srf = t->srf;
		return p;
	}
	collect_conds(q->where, conds, &nconds, 32);
	for (int i = 0; i < t->nindexes; i++)
	{
		const CatIndex *ix = &t->indexes[i];
		IndexQual  *iq;
		int			neq;
		int			nq = index_quals(a, ix, conds, nconds, &iq, &neq);
		bool		backward = false;
		bool		ordered = index_gives_order(q, ix, neq, &backward);
		int			score = 0;

		if (ix->unique && neq == ix->ncols)
			score = 1000;
		else if (nq > 0)
			score = 100 + neq * 10 + (nq - neq) * 5 + (ordered ? 1 : 0);
		else if (ordered && q->limit_count)
			score = 50;
		if (score > best_score)
		{
			best_score = score;
			p->kind = PLAN_INDEXSCAN;
			p->u.scan.index = ix;
			p->u.scan.nquals = nq;
			p->u.scan.iquals = iq;
			p->u.scan.backward = backward;
			p->u.scan.ordered = ordered;
		}
	}
	return p;
}
