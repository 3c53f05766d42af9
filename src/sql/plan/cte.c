/*
 * cte.c (plan) — the PLAN_WITH node on top of a query that owns WITH
 * items.  It passes its child's rows through; its only job is to end, when
 * the query's run ends, the stores its items filled (exec/cte.c), which
 * any reference below it may have started.
 *
 * Invariants:
 *   1. Every reference to an item runs below the PLAN_WITH of the query
 *      owning the item (an item is visible only inside that query).
 */
#include "../cte.h"
#include "../plan.h"

Plan *
plan_with(Arena *a, const Query *q, Plan *top)
{
	Plan	   *w;

	if (!top || q->nctes == 0)
		return top;
	w = arena_new(a, Plan);
	w->kind = PLAN_WITH;
	w->child = top;
	w->width = top->width;
	w->raw_width = top->width;
	w->out_types = top->out_types;
	w->u.with.nctes = q->nctes;
	w->u.with.ctes = q->ctes;
	return w;
}
