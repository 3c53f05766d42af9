/*
 * windowplan.c — the WindowAgg plan node: window functions over the rows
 * of the query below them (a scan, a join or the aggregate node).
 *
 * Design notes: the child hands up its raw row unprojected; the WindowAgg
 * row is [child row..., one column per window call], and the node's target
 * list is the query's, its window placeholders (window.h) rewritten into
 * those columns.  The query's targets are copied first: the Query stays as
 * the analyzer left it.
 *
 * Invariants: plan->u.window.input_width == child->width == child->raw_width.
 */
#include <memgres/sqlstate.h>

#include "../plan.h"
#include "../window.h"

static void
rewrite_placeholders(Expr *e, int base)
{
	if (!e)
		return;
	if (e->kind == EXPR_VAR)
	{
		if (e->agg_level && e->u.var >= WIN_SLOT_BASE)
			e->u.var = base + (e->u.var - WIN_SLOT_BASE);
		return;
	}
	for (int i = 0; i < e->nargs; i++)
		rewrite_placeholders(e->args[i], base);
	if (e->kind == EXPR_CASE)
	{
		rewrite_placeholders(e->u.kase.arg, base);
		for (int i = 0; i < e->u.kase.nwhen; i++)
		{
			rewrite_placeholders(e->u.kase.when[i], base);
			rewrite_placeholders(e->u.kase.then[i], base);
		}
		rewrite_placeholders(e->u.kase.defresult, base);
	}
}

Plan *
plan_window(Arena *a, const Query *q, Plan *child, MgError *err)
{
	const WinInfo *info = q->windows;
	Plan	   *p = arena_new(a, Plan);
	int			in = child->raw_width;

	(void) err;
	child->width = in;
	if (child->kind == PLAN_AGG)
	{
		child->out_types = arena_new_array(a, Oid, in > 0 ? in : 1);
		for (int k = 0; k < q->ngroup; k++)
			child->out_types[k] = q->group[k]->type;
		for (int i = 0; i < q->naggs; i++)
			child->out_types[q->ngroup + i] = q->aggs[i].rettype;
	}
	else if (!child->out_types)
		child->out_types = arena_new_array(a, Oid, 1);
	p->kind = PLAN_WINDOW;
	p->child = child;
	p->raw_width = in + info->ncalls;
	p->u.window.info = info;
	p->u.window.input_width = in;
	p->ntlist = q->ntargets;
	p->tlist = arena_new_array(a, Expr *, q->ntargets > 0 ? q->ntargets : 1);
	p->width = q->ntargets;
	p->out_types = arena_new_array(a, Oid, q->ntargets > 0 ? q->ntargets : 1);
	for (int i = 0; i < q->ntargets; i++)
	{
		p->tlist[i] = expr_copy(a, q->targets[i]);
		rewrite_placeholders(p->tlist[i], in);
		p->out_types[i] = p->tlist[i]->type;
	}
	return p;
}
