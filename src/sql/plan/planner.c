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
#include "../cte.h"
#include "../plan.h"
#include "../window.h"

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

/* ---- joins ------------------------------------------------------------------ */

static int
rel_of_slot(const Query *q, int slot)
{
	int			r = 0;

	for (int i = 0; i < q->nrels; i++)
		if (q->rel_base[i] <= slot)
			r = i;
	return r;
}

/* The highest rel an expression reads (-1: none); *outer set if it reads an enclosing query. */
static int
max_rel(const Query *q, const Expr *e, bool *outer)
{
	int			m = -1;

	if (!e)
		return -1;
	if (e->kind == EXPR_VAR)
		return rel_of_slot(q, e->u.var);
	if (e->kind == EXPR_OUTERVAR || (e->kind == EXPR_SUBLINK && e->u.sublink.correlated))
		*outer = true;
	for (int i = 0; i < e->nargs; i++)
	{
		int			r = max_rel(q, e->args[i], outer);

		if (r > m)
			m = r;
	}
	if (e->kind == EXPR_CASE)
	{
		for (int i = 0; i < e->u.kase.nwhen; i++)
		{
			int			a = max_rel(q, e->u.kase.when[i], outer);
			int			b = max_rel(q, e->u.kase.then[i], outer);

			m = a > m ? a : m;
			m = b > m ? b : m;
		}
		{
			int			d = max_rel(q, e->u.kase.defresult, outer);

			m = d > m ? d : m;
		}
	}
	return m;
}

/*
 * In place on a copy: columns before base read the outer row, rel columns
 * shift to 0, and the enclosing query's columns (a correlated subquery)
 * follow the outer row's base columns, as the nested loop lays them out.
 */
static void
rewrite_for_inner(Expr *e, int base)
{
	if (!e)
		return;
	if (e->kind == EXPR_OUTERVAR)
	{
		if (e->levels_up == 0)
			e->u.var += base;
		return;
	}
	if (e->kind == EXPR_VAR)
	{
		if (e->u.var < base)
			e->kind = EXPR_OUTERVAR;
		else
			e->u.var -= base;
		return;
	}
	for (int i = 0; i < e->nargs; i++)
		rewrite_for_inner(e->args[i], base);
	if (e->kind == EXPR_CASE)
	{
		for (int i = 0; i < e->u.kase.nwhen; i++)
		{
			rewrite_for_inner(e->u.kase.when[i], base);
			rewrite_for_inner(e->u.kase.then[i], base);
		}
		rewrite_for_inner(e->u.kase.defresult, base);
	}
}

static Expr *
and_of(Arena *a, Expr **list, int n)
{
	Expr	   *e;

	if (n == 0)
		return NULL;
	if (n == 1)
		return list[0];
	e = expr_new(a, EXPR_AND, BOOLOID, n, -1);
	for (int i = 0; i < n; i++)
		e->args[i] = list[i];
	return e;
}

static void
flatten_and(Expr *e, Expr **out, int *n, int max)
{
	if (!e)
		return;
	if (e->kind == EXPR_AND)
	{
		for (int i = 0; i < e->nargs; i++)
			flatten_and(e->args[i], out, n, max);
		return;
	}
	if (*n < max)
		out[(*n)++] = e;
}

/*
 * Left-deep nested loops.  WHERE terms go to the first table's scan when
 * they read only it, into the inner scan of the table they read last when
 * that join is an inner one, else stay above the joins.  Inner scans see
 * the joined row so far as their outer row, so an equality on an indexed
 * inner column becomes an index lookup per outer row.
 */
static Plan *
plan_join(Arena *a, const Query *q, MgError *err)
{
	Expr	   *conj[128];			/* WHERE terms, then inner joins' ON terms moved up */
	int			nconj = 0;
	bool	   *used;
	Expr	  **pick = arena_new_array(a, Expr *, 80);
	int			npick;
	bool		outer = false;
	Plan	   *top;
	Query		qi;

	flatten_and(q->where, conj, &nconj, 64);
	if (nconj == 64 && q->where)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "too many WHERE conditions in a join");
		return NULL;
	}
	used = arena_new_array(a, bool, 129);
	/*
	 * Terms that read the enclosing query's row (a correlated subquery over
	 * a join) or hold a correlated sublink run only where the row they see
	 * is the right one: in the first table's scan or above the joins, never
	 * in an inner scan, whose outer row is the join so far.  An outer join's
	 * ON clause cannot move, so it must not read one.
	 */
	for (int i = 1; i < q->nrels; i++)
	{
		outer = false;
		max_rel(q, q->rel_on[i], &outer);
		if (outer && q->rel_left[i])
		{
			mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "correlated subqueries in the ON clause of an outer join are not supported yet");
			return NULL;
		}
	}
	/* first table */
	npick = 0;
	for (int i = 0; i < nconj; i++)
		if (max_rel(q, conj[i], &outer) <= 0)
		{
			pick[npick++] = conj[i];
			used[i] = true;
		}
	memset(&qi, 0, sizeof(qi));
	qi.rel = q->rels[0];
	qi.where = and_of(a, pick, npick);
	if (!(top = plan_scan(a, &qi, err)))
		return NULL;
	for (int r = 1; r < q->nrels; r++)
	{
		int			base = q->rel_base[r];
		int			w = q->rels[r]->ncols;
		Plan	   *inner,
				   *nl;

		npick = 0;
		if (q->rel_on[r])
		{
			Expr	   *on[64];
			int			non = 0;

			flatten_and(q->rel_on[r], on, &non, 64);
			for (int i = 0; i < non; i++)
			{
				outer = false;
				max_rel(q, on[i], &outer);
				if (outer && nconj < 128)
				{
					conj[nconj] = on[i];	/* an inner join's term: above the joins */
					used[nconj++] = false;
				}
				else
					pick[npick++] = on[i];
			}
		}
		if (!q->rel_left[r])
			for (int i = 0; i < nconj; i++)
			{
				outer = false;
				if (!used[i] && max_rel(q, conj[i], &outer) == r && !outer)
				{
					pick[npick++] = conj[i];
					used[i] = true;
				}
			}
		for (int i = 0; i < npick; i++)
		{
			pick[i] = expr_copy(a, pick[i]);
			rewrite_for_inner(pick[i], base);
		}
		memset(&qi, 0, sizeof(qi));
		qi.rel = q->rels[r];
		qi.where = and_of(a, pick, npick);
		if (!(inner = plan_scan(a, &qi, err)))
			return NULL;
		if (inner->u.scan.srf)
		{
			/* a function in FROM reads the join so far (lateral) and the enclosing row as an inner scan */
			inner->u.scan.srf = expr_copy(a, inner->u.scan.srf);
			rewrite_for_inner(inner->u.scan.srf, base);
		}
		nl = plan_new(a, PLAN_NESTLOOP, top);
		nl->child2 = inner;
		nl->left_join = q->rel_left[r];
		nl->raw_width = nl->width = base + w;
		nl->out_types = arena_new_array(a, Oid, base + w + 1);
		memcpy(nl->out_types, top->out_types, sizeof(Oid) * (size_t) base);
		memcpy(nl->out_types + base, inner->out_types, sizeof(Oid) * (size_t) w);
		top = nl;
	}
	npick = 0;
	for (int i = 0; i < nconj; i++)
		if (!used[i])
			pick[npick++] = conj[i];
	top->qual = and_of(a, pick, npick);
	return top;
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
	return plan_with(a, q, m);
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
		if (q->nrels > 1)
		{
			if (!(top = plan_join(a, q, err)))
				return NULL;
		}
		else if (q->rel)
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
		if (q->windows)
		{
			if (!(top = plan_window(a, q, top, err)))
				return NULL;
		}
		else
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
		/* A sort under a constant LIMIT (no ties, no DISTINCT) keeps only the first rows. */
		if (top->kind == PLAN_SORT && !q->with_ties && q->limit_count && q->limit_count->kind == EXPR_CONST &&
			!q->limit_count->u.c.isnull &&
			(!q->limit_offset || (q->limit_offset->kind == EXPR_CONST && !q->limit_offset->u.c.isnull)))
		{
			int64_t		b = DatumGetInt64(q->limit_count->u.c.value);

			if (q->limit_offset)
				b += DatumGetInt64(q->limit_offset->u.c.value);
			if (b > 0 && b < 100000)
				top->u.sort.bound = b;
		}
		if (q->with_ties)
		{
			l->u.limit.nties = q->nsort;
			l->u.limit.ties = q->sort;
		}
		top = l;
	}
	return plan_with(a, q, top);
}
