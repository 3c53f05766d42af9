/*
 * planner.c — turns an analysed SELECT Query into a Plan tree.
 *
 * Shape, bottom-up:
 *   Result | Values | SeqScan | IndexScan     (WHERE as the scan's qual)
 *   [Agg]                                      (aggregates; HAVING as its qual)
 *   projection of the target list on the topmost of the above
 *   [Sort]  [Unique]  [Limit]
 * The choice of an index (equality, ranges, IN lists, ORDER BY ... LIMIT on
 * an indexed order) is made by plan_scan() in indexpath.c.
 *
 * Invariants:
 *   1. Plans are never modified after plan_select returns.
 *   2. Unique's child is a Sort.
 */
#include <string.h>

#include <memgres/sqlstate.h>

#include "../catalog.h"
#include "../plan.h"

static Plan *
plan_new(Arena *a, PlanKind kind, Plan *child)
{
	Plan	   *p = arena_new(a, Plan);

	p->kind = kind;
	p->child = child;
	return p;
}

static void
set_tlist(Arena *a, Plan *p, int n, Expr **tlist)
{
	p->ntlist = n;
	p->tlist = tlist;
	p->width = n;
	p->out_types = arena_new_array(a, Oid, n > 0 ? n : 1);
	for (int i = 0; i < n; i++)
		p->out_types[i] = tlist[i]->type;
}

static void
inherit_width(Arena *a, Plan *p)
{
	(void) a;
	p->width = p->child->width;
	p->raw_width = p->child->width;
	p->out_types = p->child->out_types;
}

Plan *
plan_modify(Arena *a, const Query *q, MgError *err)
{
	const CatTable *t = q->target;
	Plan	   *child;
	Plan	   *m;

	if (q->cmd == CMD_INSERT)
	{
		if (q->source)
		{
			if (!(child = plan_select(a, q->source, err)))
				return NULL;
		}
		else
		{
			child = plan_new(a, PLAN_VALUES, NULL);
			child->raw_width = t->ncols;
			child->width = t->ncols;
			child->u.values.nrows = q->nvalues;
			child->u.values.rows = q->values;
			child->out_types = arena_new_array(a, Oid, t->ncols > 0 ? t->ncols : 1);
			for (int i = 0; i < t->ncols; i++)
				child->out_types[i] = t->cols[i].type;
		}
	}
	else if (!(child = plan_scan(a, q, err)))
		return NULL;
	m = plan_new(a, PLAN_MODIFY, child);
	m->raw_width = t->ncols;
	m->u.modify.cmd = q->cmd;
	m->u.modify.rel = t;
	m->u.modify.col_exprs = q->col_exprs;
	m->u.modify.set_exprs = q->set_exprs;
	m->u.modify.onconflict = q->onconflict;
	m->u.modify.arbiter = q->arbiter;
	m->u.modify.conflict_set = q->conflict_set;
	m->u.modify.conflict_where = q->conflict_where;
	set_tlist(a, m, q->nreturning, q->returning);
	return m;
}

Plan *
plan_select(Arena *a, const Query *q, MgError *err)
{
	Plan	   *top;

	if (q->union_left)
	{
		Plan	   *l = plan_select(a, q->union_left, err);
		Plan	   *r = l ? plan_select(a, q->union_right, err) : NULL;

		if (!r)
			return NULL;
		top = plan_new(a, PLAN_APPEND, l);
		top->child2 = r;
		top->width = top->raw_width = q->ntargets;
		top->out_types = arena_new_array(a, Oid, q->ntargets > 0 ? q->ntargets : 1);
		for (int i = 0; i < q->ntargets; i++)
			top->out_types[i] = q->targets[i]->type;
	}
	else if (q->nvalues > 0)
	{
		top = plan_new(a, PLAN_VALUES, NULL);
		top->raw_width = q->ntargets;
		top->width = q->ntargets;
		top->u.values.nrows = q->nvalues;
		top->u.values.rows = q->values;
		top->out_types = arena_new_array(a, Oid, q->ntargets > 0 ? q->ntargets : 1);
		for (int i = 0; i < q->ntargets; i++)
			top->out_types[i] = q->targets[i]->type;
	}
	else
	{
		if (q->rel)
		{
			if (!(top = plan_scan(a, q, err)))
				return NULL;
		}
		else
		{
			top = plan_new(a, PLAN_RESULT, NULL);
			top->qual = q->where;
		}
		if (q->has_aggs)
		{
			Plan	   *agg;

			/* The scan passes its raw row up; the aggregate row is projected. */
			top->width = top->raw_width;
			if (!top->out_types)
				top->out_types = arena_new_array(a, Oid, 1);
			if (q->ngroup > 0)
			{
				/* Sorted grouping: [raw columns..., group keys...] sorted by the keys. */
				int			w = top->raw_width;
				Expr	  **tl = arena_new_array(a, Expr *, w + q->ngroup);
				SortKey    *keys = arena_new_array(a, SortKey, q->ngroup);
				Plan	   *s;

				for (int i = 0; i < w; i++)
				{
					tl[i] = expr_new(a, EXPR_VAR, top->out_types[i], 0, -1);
					tl[i]->u.var = i;
				}
				for (int k = 0; k < q->ngroup; k++)
				{
					tl[w + k] = q->group[k];
					keys[k].col = w + k;
					keys[k].cmp = type_by_oid(q->group[k]->type)->cmp;
				}
				set_tlist(a, top, w + q->ngroup, tl);
				s = plan_new(a, PLAN_SORT, top);
				inherit_width(a, s);
				s->u.sort.nkeys = q->ngroup;
				s->u.sort.keys = keys;
				top = s;
			}
			agg = plan_new(a, PLAN_AGG, top);
			agg->raw_width = q->ngroup + q->naggs;
			agg->u.agg.naggs = q->naggs;
			agg->u.agg.aggs = q->aggs;
			agg->u.agg.ngroup = q->ngroup;
			if (q->ngroup > 0)
			{
				agg->u.agg.keycols = arena_new_array(a, int, q->ngroup);
				agg->u.agg.cmps = arena_new_array(a, TypeCmpFn, q->ngroup);
				for (int k = 0; k < q->ngroup; k++)
				{
					agg->u.agg.keycols[k] = top->width - q->ngroup + k;
					agg->u.agg.cmps[k] = type_by_oid(q->group[k]->type)->cmp;
				}
			}
			agg->qual = q->having;
			top = agg;
		}
		set_tlist(a, top, q->ntargets, q->targets);
	}
	if (q->nsort > 0 && !(!q->distinct && !q->has_aggs && q->nvalues == 0 && q->rel &&
						  top->kind == PLAN_INDEXSCAN && top->u.scan.ordered))
	{
		Plan	   *s = plan_new(a, PLAN_SORT, top);

		inherit_width(a, s);
		s->u.sort.nkeys = q->nsort;
		s->u.sort.keys = q->sort;
		top = s;
	}
	if (q->distinct)
	{
		Plan	   *u = plan_new(a, PLAN_UNIQUE, top);

		if (top->kind != PLAN_SORT)
		{
			mg_error(err, SQLSTATE_INTERNAL_ERROR, "DISTINCT without a sort");
			return NULL;
		}
		inherit_width(a, u);
		u->u.unique.ncols = q->ndistinct;
		u->u.unique.cols = q->distinct_cols;
		u->u.unique.cmps = arena_new_array(a, TypeCmpFn, q->ndistinct > 0 ? q->ndistinct : 1);
		for (int i = 0; i < q->ndistinct; i++)
			u->u.unique.cmps[i] = type_by_oid(q->targets[q->distinct_cols[i]]->type)->cmp;
		top = u;
	}
	if (q->limit_count || q->limit_offset)
	{
		Plan	   *l = plan_new(a, PLAN_LIMIT, top);

		inherit_width(a, l);
		l->u.limit.count = q->limit_count;
		l->u.limit.offset = q->limit_offset;
		if (q->with_ties)
		{
			l->u.limit.nties = q->nsort;
			l->u.limit.ties = q->sort;
		}
		top = l;
	}
	return top;
}
