/*
 * cte.c — analysis of WITH clauses (common table expressions) and of
 * references to their items in FROM.
 *
 * Design notes:
 *   - Items are analysed in order, each as a query of its own that sees the
 *     enclosing queries (as a subquery in FROM does), and planned at once.
 *     A reference becomes a relation of kind 'q' whose subplan is a
 *     PLAN_CTESCAN: the rows are computed once per run and shared by every
 *     reference (exec/cte.c).  An item that reads an enclosing query's
 *     columns cannot be shared across rows: each scan of it computes it
 *     again in a store of its own, with the enclosing row it finds by
 *     climbing as many subquery-expression levels as the reference sits
 *     below the WITH.
 *   - Visibility follows PostgreSQL's parse_cte.c: in a plain WITH an item
 *     sees only the items before it (a later or its own name resolves to a
 *     table, or fails with 42P01 and PostgreSQL's detail); in WITH
 *     RECURSIVE every item sees every other.  Forward references are
 *     resolved by analysing in passes: an item that reads a later item not
 *     analysed yet is retried after the others; a pass without progress is
 *     mutual recursion (0A000, as PostgreSQL).
 *   - A recursive item is "non-recursive term UNION [ALL] recursive term".
 *     Instead of PostgreSQL's walk over the raw parse tree, the references
 *     are checked while analysing: during the non-recursive term a
 *     reference is 42P19; during the recursive term it reads the working
 *     table and is counted, and must sit in the term's FROM or in a
 *     subquery in that FROM (not in a subquery expression, not on the
 *     nullable side of an outer join, once).
 *     If the recursive term never references the item, the item is an
 *     ordinary query and is analysed again as one.
 *   - The non-recursive term fixes the column types; the recursive term's
 *     columns must resolve to exactly those (42804 with PostgreSQL's hint).
 *
 * Invariants:
 *   1. A CteItem is CTE_READY exactly when its CteDef is complete.
 *   2. ps->ctes is restored by cte_end (or by cte_begin on failure).
 */
#include <string.h>

#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>

#include "../analyze.h"
#include "../catalog.h"
#include "../cte.h"
#include "../plan.h"

static int
fail_at(ParseState *ps, int location)
{
	pstate_position(ps, location);
	return -1;
}

static int
ps_depth(const ParseState *ps)
{
	int			d = 0;

	for (const ParseState *p = ps->parent; p; p = p->parent)
		d++;
	return d;
}

/* A ParseState for an item's query: sees the enclosing queries, not ps's FROM. */
static void
sub_pstate(ParseState *sub, ParseState *ps)
{
	*sub = *ps;
	sub->parent = ps->parent;
	sub->correlated = false;
	sub->keep_unknown = false;
	sub->allow_srf = false;
	sub->scope = NULL;
	sub->naggs = 0;
	sub->aggs = NULL;
	sub->aggs_cap = 0;
	sub->in_agg_arg = false;
}

static const Plan *
make_scan_plan(Arena *a, const CteDef *d, bool worktable)
{
	Plan	   *p = arena_new(a, Plan);

	p->kind = PLAN_CTESCAN;
	p->width = p->raw_width = d->ncols;
	p->out_types = arena_new_array(a, Oid, d->ncols > 0 ? d->ncols : 1);
	for (int i = 0; i < d->ncols; i++)
		p->out_types[i] = d->cols[i].type;
	p->u.cte.def = d;
	p->u.cte.worktable = worktable;
	return p;
}

/* The item's columns: q's outputs, renamed by the column alias list. */
static int
make_columns(ParseState *ps, CteItem *it, const Query *q)
{
	const AstCommonTableExpr *c = it->ast;
	CteDef	   *d = it->def;
	int			nalias = ast_list_length(c->aliascolnames);

	if (nalias > q->nvisible)
	{
		mg_error(ps->err, SQLSTATE_INVALID_COLUMN_REFERENCE,
				 "WITH query \"%s\" has %d columns available but %d columns specified",
				 c->ctename, q->nvisible, nalias);
		return fail_at(ps, c->hdr.location);
	}
	d->ncols = q->nvisible;
	d->cols = arena_new_array(ps->a, CatColumn, d->ncols > 0 ? d->ncols : 1);
	for (int i = 0; i < d->ncols; i++)
	{
		CatColumn  *col = &d->cols[i];

		col->name = i < nalias ? arena_strdup(ps->a, ast_strval(ast_list_nth(c->aliascolnames, i)))
			: arena_strdup(ps->a, q->cols[i].name);
		col->attnum = (int16_t) (i + 1);
		col->type = q->targets[i]->type;
		col->typmod = q->targets[i]->typmod;
		col->mt = type_by_oid(col->type);
	}
	d->scan_plan = make_scan_plan(ps->a, d, false);
	d->work_plan = make_scan_plan(ps->a, d, true);
	return 0;
}

static const char *
type_with_typmod(ParseState *ps, Oid type, int32_t typmod)
{
	StrBuf		sb;

	strbuf_init_arena(&sb, ps->a);
	type_format(type, typmod, &sb);
	return sb.data;
}

/* PostgreSQL's checkWellFormedRecursion for the clauses of the whole UNION. */
static int
check_recursive_clauses(ParseState *ps, const AstSelectStmt *sel)
{
	const char *what = NULL;
	int			loc = -1;

	if (sel->sort_clause)
	{
		const AstSortBy *sb = (const AstSortBy *) ast_list_nth(sel->sort_clause, 0);

		what = "ORDER BY";
		loc = sb->node ? sb->node->location : sb->hdr.location;
	}
	else if (sel->limit_offset)
		what = "OFFSET", loc = sel->limit_offset->location;
	else if (sel->limit_count)
		what = "LIMIT", loc = sel->limit_count->location;
	else if (sel->locking_clause)
		what = "FOR UPDATE/SHARE", loc = ast_list_nth(sel->locking_clause, 0)->location;
	if (!what)
		return 0;
	mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s in a recursive query is not implemented", what);
	return fail_at(ps, loc);
}

/* The location of the first aggregate-looking call of a target list, or -1. */
static int
first_call_location(const AstSelectStmt *sel)
{
	for (int i = 0; i < ast_list_length(sel->target_list); i++)
	{
		const AstResTarget *rt = (const AstResTarget *) ast_list_nth(sel->target_list, i);

		if (rt->val && AST_IS(rt->val, AST_FUNC_CALL))
			return rt->val->location;
	}
	return -1;
}

/*
 * The recursive term's columns resolved against the non-recursive term's:
 * the union's type must be exactly the non-recursive term's (42804).
 */
static int
unify_columns(ParseState *ps, CteItem *it, Query *lq, Query *rq, const AstSelectStmt *sel)
{
	const CteDef *d = it->def;

	if (lq->nvisible != rq->nvisible)
	{
		mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "each UNION query must have the same number of columns");
		return fail_at(ps, ast_list_length(sel->rarg->target_list) > 0 ?
					   ((const AstResTarget *) ast_list_nth(sel->rarg->target_list, 0))->val->location :
					   sel->rarg->hdr.location);
	}
	for (int i = 0; i < d->ncols; i++)
	{
		Expr	   *le = lq->targets[i];
		Expr	   *re = rq->targets[i];
		Oid			t = le->type;
		int32_t		typmod = le->typmod;

		if (re->type != UNKNOWNOID)
		{
			Expr	   *pair[2] = {le, re};

			if ((t = select_common_type(ps, pair, 2, "UNION", sel->hdr.location)) == InvalidOid)
				return -1;
			typmod = le->typmod == re->typmod ? le->typmod : -1;
		}
		else
			typmod = -1;		/* the literal takes the type, without a typmod */
		if (t != le->type || typmod != le->typmod)
		{
			mg_error(ps->err, SQLSTATE_DATATYPE_MISMATCH,
					 "recursive query \"%s\" column %d has type %s in non-recursive term but type %s overall",
					 d->name, i + 1, type_with_typmod(ps, le->type, le->typmod), type_with_typmod(ps, t, typmod));
			mg_error_hint(ps->err, "Cast the output of the non-recursive term to the correct type.");
			return fail_at(ps, le->location);
		}
		if (re->type != t && !(re = coerce_to(ps, re, t, -1, CAST_IMPLICIT, re->location)))
			return -1;
		rq->targets[i] = re;
		rq->cols[i].type_oid = re->type;
		rq->cols[i].typmod = re->typmod;
	}
	return 0;
}

/*
 * WITH RECURSIVE item written as a UNION: 1 if it is recursive (analysed
 * and planned), 0 if its recursive term never reads it, -1 on error.
 */
static int
analyze_recursive(ParseState *ps, CteItem *it, const AstSelectStmt *sel)
{
	CteDef	   *d = it->def;
	ParseState	sub;
	Query	   *lq,
			   *rq;
	bool		correlated;

	it->state = CTE_NONREC_TERM;
	sub_pstate(&sub, ps);
	lq = analyze_select(&sub, sel->larg);
	pstate_take_shared(ps, &sub);
	if (!lq || make_columns(ps, it, lq) < 0)
		return -1;
	correlated = sub.correlated;

	it->state = CTE_REC_TERM;
	it->nrefs = 0;
	it->ref_depth = -1;
	sub_pstate(&sub, ps);
	sub.keep_unknown = true;
	rq = analyze_select(&sub, sel->rarg);
	pstate_take_shared(ps, &sub);
	if (!rq)
		return -1;
	if (it->nrefs == 0)
		return 0;
	correlated = correlated || sub.correlated;
	if (check_recursive_clauses(ps, sel) < 0)
		return -1;
	if (it->ref_depth != ps_depth(ps))
	{
		mg_error(ps->err, SQLSTATE_INVALID_RECURSION,
				 "recursive reference to query \"%s\" must not appear within a subquery", d->name);
		return fail_at(ps, it->ref_location);
	}
	if (rq->naggs > 0)
	{
		mg_error(ps->err, SQLSTATE_INVALID_RECURSION,
				 "aggregate functions are not allowed in a recursive query's recursive term");
		return fail_at(ps, first_call_location(sel->rarg));
	}
	if (unify_columns(ps, it, lq, rq, sel) < 0)
		return -1;
	if (!sel->all)
		for (int i = 0; i < d->ncols; i++)
		{
			const MgType *mt = d->cols[i].mt;

			if (!mt || (!mt->cmp && !mt->hash))
			{
				mg_error(ps->err, SQLSTATE_UNDEFINED_FUNCTION, "could not identify an equality operator for type %s",
						 type_display_name(ps, d->cols[i].type));
				return fail_at(ps, lq->targets[i]->location);
			}
			if (!mt->hash)
			{
				mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "could not implement recursive UNION");
				mg_error_detail(ps->err, "All column datatypes must be hashable.");
				return fail_at(ps, it->ast->hdr.location);
			}
		}
	d->recursive = true;
	d->union_all = sel->all;
	d->correlated = correlated;
	if (!(d->plan = plan_select(ps->a, lq, ps->err)) || !(d->rec_plan = plan_select(ps->a, rq, ps->err)))
		return -1;
	return 1;
}

/*
 * INSERT/UPDATE/DELETE as a WITH item, on a top-level INSERT/UPDATE/DELETE
 * only: planned as a statement of its own whose rows are its RETURNING
 * list.  (On a SELECT the statement would have to run as a write, which
 * the portal decides before analysis sees the WITH: 0A000.)
 */
static int
analyze_dml_item(ParseState *ps, CteScope *sc, CteItem *it)
{
	const AstCommonTableExpr *c = it->ast;
	CteDef	   *d = it->def;
	ParseState	sub;
	Query	   *q;

	if (!sc->allow_dml)
	{
		if (ps->parent || sc->up)
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "WITH clause containing a data-modifying statement must be at the top level");
		else
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "data-modifying statements in WITH are supported on INSERT, UPDATE and DELETE only, not on SELECT");
		return fail_at(ps, c->hdr.location);
	}
	it->state = sc->recursive ? CTE_NOT_UNION : CTE_HIDDEN;
	sub_pstate(&sub, ps);
	if (AST_IS(c->ctequery, AST_INSERT_STMT))
		q = analyze_insert(&sub, (const AstInsertStmt *) c->ctequery);
	else if (AST_IS(c->ctequery, AST_UPDATE_STMT))
		q = analyze_update(&sub, (const AstUpdateStmt *) c->ctequery);
	else
		q = analyze_delete(&sub, (const AstDeleteStmt *) c->ctequery);
	pstate_take_shared(ps, &sub);
	if (!q)
		return -1;
	d->ncols = q->nreturning;
	d->cols = arena_new_array(ps->a, CatColumn, d->ncols > 0 ? d->ncols : 1);
	for (int i = 0; i < d->ncols; i++)
	{
		CatColumn  *col = &d->cols[i];
		int			nalias = ast_list_length(c->aliascolnames);

		col->name = i < nalias ? arena_strdup(ps->a, ast_strval(ast_list_nth(c->aliascolnames, i)))
			: arena_strdup(ps->a, q->cols[i].name);
		col->attnum = (int16_t) (i + 1);
		col->type = q->returning[i]->type;
		col->typmod = q->returning[i]->typmod;
		col->mt = type_by_oid(col->type);
	}
	d->scan_plan = make_scan_plan(ps->a, d, false);
	d->work_plan = make_scan_plan(ps->a, d, true);
	d->dml = true;
	d->returning = q->nreturning > 0;
	if (!(d->plan = plan_modify(ps->a, q, ps->err)))
		return -1;
	return 0;
}

static int
analyze_item(ParseState *ps, CteScope *sc, CteItem *it)
{
	const AstCommonTableExpr *c = it->ast;
	const AstSelectStmt *sel;
	CteDef	   *d = it->def;
	ParseState	sub;
	Query	   *q;

	if (!AST_IS(c->ctequery, AST_SELECT_STMT))
	{
		if (analyze_dml_item(ps, sc, it) < 0)
			return -1;
		goto done;
	}
	sel = (const AstSelectStmt *) c->ctequery;
	if (sc->recursive && sel->op == AST_SETOP_UNION && !sel->values_lists)
	{
		int			rc = analyze_recursive(ps, it, sel);

		if (rc < 0)
			return -1;
		if (rc > 0)
			goto done;
	}
	it->state = sc->recursive ? CTE_NOT_UNION : CTE_HIDDEN;
	sub_pstate(&sub, ps);
	q = analyze_select(&sub, sel);
	pstate_take_shared(ps, &sub);
	if (!q || make_columns(ps, it, q) < 0)
		return -1;
	d->correlated = sub.correlated;
	if (!(d->plan = plan_select(ps->a, q, ps->err)))
		return -1;
done:
	if (d->correlated)
		ps->correlated = true;
	d->slot = ps->ncache++;
	it->state = CTE_READY;
	return 0;
}

int
cte_begin(ParseState *ps, const AstWithClause *with, bool allow_dml, CteLevel *lvl)
{
	CteScope   *sc;
	int			n;

	lvl->saved = ps->ctes;
	lvl->scope = NULL;
	if (!with && !allow_dml)
		return 0;
	/*
	 * A top-level INSERT/UPDATE/DELETE always opens a level, empty without
	 * WITH, so that a WITH nested in it knows it is not at the top.
	 */
	n = with ? ast_list_length(with->ctes) : 0;
	sc = arena_new(ps->a, CteScope);
	sc->up = ps->ctes;
	sc->recursive = with && with->recursive;
	sc->allow_dml = allow_dml && !ps->parent && !ps->ctes;	/* not nested in any query */
	sc->nitems = n;
	sc->items = arena_new_array(ps->a, CteItem, n > 0 ? n : 1);
	for (int i = 0; i < n; i++)
	{
		CteItem    *it = &sc->items[i];

		it->ast = (const AstCommonTableExpr *) ast_list_nth(with->ctes, i);
		for (int j = 0; j < i; j++)
			if (strcmp(sc->items[j].ast->ctename, it->ast->ctename) == 0)
			{
				mg_error(ps->err, SQLSTATE_DUPLICATE_ALIAS, "WITH query name \"%s\" specified more than once",
						 it->ast->ctename);
				return fail_at(ps, it->ast->hdr.location);
			}
		it->state = with->recursive ? CTE_FORWARD : CTE_HIDDEN;
		it->def = arena_new(ps->a, CteDef);
		it->def->name = arena_strdup(ps->a, it->ast->ctename);
		it->def->depth = ps_depth(ps);
		it->def->slot = -1;
	}
	ps->ctes = sc;
	lvl->scope = sc;
	if (!sc->recursive)
	{
		for (int i = 0; i < n; i++)
			if (analyze_item(ps, sc, &sc->items[i]) < 0)
				goto fail;
		return 0;
	}
	for (int pending = n; pending > 0;)
	{
		int			progress = 0;
		int			first_blocked = -1;

		for (int i = 0; i < n; i++)
		{
			CteItem    *it = &sc->items[i];

			if (it->state == CTE_READY)
				continue;
			sc->blocked = false;
			if (analyze_item(ps, sc, it) == 0)
			{
				progress++;
				pending--;
				continue;
			}
			if (!sc->blocked)
				goto fail;
			/* It reads an item not analysed yet: try again after the others. */
			mg_error_reset(ps->err);
			it->state = CTE_FORWARD;
			if (first_blocked < 0)
				first_blocked = i;
		}
		if (progress == 0)
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "mutual recursion between WITH items is not implemented");
			fail_at(ps, sc->items[first_blocked].ast->hdr.location);
			goto fail;
		}
	}
	return 0;
fail:
	ps->ctes = lvl->saved;
	lvl->scope = NULL;
	return -1;
}

Query *
cte_end(ParseState *ps, CteLevel *lvl, Query *q)
{
	CteScope   *sc = lvl->scope;

	ps->ctes = lvl->saved;
	if (!q || !sc)
		return q;
	q->nctes = sc->nitems;
	q->ctes = arena_new_array(ps->a, const CteDef *, sc->nitems > 0 ? sc->nitems : 1);
	for (int i = 0; i < sc->nitems; i++)
		q->ctes[i] = sc->items[i].def;
	return q;
}

/* The relation of one reference: the item's columns, renamed by the alias's column list. */
static const CatTable *
make_ref_rel(ParseState *ps, const CteDef *d, const AstRangeVar *rv, const Plan *subplan)
{
	CatTable   *t = arena_new(ps->a, CatTable);
	const AstList *colnames = rv->alias ? rv->alias->colnames : NULL;
	int			n = ast_list_length(colnames);

	if (n > d->ncols)
	{
		mg_error(ps->err, SQLSTATE_INVALID_COLUMN_REFERENCE,
				 "table \"%s\" has %d columns available but %d columns specified",
				 rv->alias->aliasname, d->ncols, n);
		return NULL;
	}
	t->refcount = 1 << 30;		/* arena memory: never freed by reference */
	t->arena = ps->a;
	t->relkind = 'q';
	t->name = (char *) d->name;
	t->ncols = d->ncols;
	t->cols = arena_new_array(ps->a, CatColumn, d->ncols > 0 ? d->ncols : 1);
	memcpy(t->cols, d->cols, sizeof(CatColumn) * (size_t) d->ncols);
	for (int i = 0; i < n; i++)
		t->cols[i].name = arena_strdup(ps->a, ast_strval(ast_list_nth(colnames, i)));
	t->subplan = subplan;
	return t;
}

/*
 * A reference to an item that reads an enclosing query: the scan's own
 * PLAN_CTESCAN says how many subquery-expression levels below the WITH it
 * is, so the executor finds the item's enclosing row; every query from the
 * reference up to the WITH depends on that row, so each is correlated.
 */
static const CatTable *
correlated_ref(ParseState *ps, const CteDef *d, const AstRangeVar *rv)
{
	Plan	   *p = arena_new(ps->a, Plan);
	int			levels = ps_depth(ps) - d->depth;
	ParseState *up = ps;

	for (int k = 0; k <= levels && up; k++, up = up->parent)
		up->correlated = true;
	*p = *d->scan_plan;
	p->u.cte.levels_up = levels;
	return make_ref_rel(ps, d, rv, p);
}

static const CatTable *
reference(ParseState *ps, const Query *q, const AstRangeVar *rv, bool nullable, CteScope *sc, CteItem *it)
{
	const CteDef *d = it->def;
	int			loc = rv->hdr.location;

	(void) q;					/* the level (ps_depth) is what the checks need */
	switch (it->state)
	{
		case CTE_FORWARD:
			sc->blocked = true;
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "mutual recursion between WITH items is not implemented");
			fail_at(ps, loc);
			return NULL;
		case CTE_NONREC_TERM:
			mg_error(ps->err, SQLSTATE_INVALID_RECURSION,
					 "recursive reference to query \"%s\" must not appear within its non-recursive term", d->name);
			fail_at(ps, loc);
			return NULL;
		case CTE_NOT_UNION:
			mg_error(ps->err, SQLSTATE_INVALID_RECURSION,
					 "recursive query \"%s\" does not have the form non-recursive-term UNION [ALL] recursive-term",
					 d->name);
			fail_at(ps, it->ast->hdr.location);
			return NULL;
		case CTE_REC_TERM:
			if (++it->nrefs > 1)
			{
				mg_error(ps->err, SQLSTATE_INVALID_RECURSION,
						 "recursive reference to query \"%s\" must not appear more than once", d->name);
				fail_at(ps, loc);
				return NULL;
			}
			if (nullable)
			{
				mg_error(ps->err, SQLSTATE_INVALID_RECURSION,
						 "recursive reference to query \"%s\" must not appear within an outer join", d->name);
				fail_at(ps, loc);
				return NULL;
			}
			it->ref_depth = ps_depth(ps);
			it->ref_location = loc;
			return make_ref_rel(ps, d, rv, d->work_plan);
		case CTE_READY:
			if (d->dml && !d->returning)
			{
				mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
						 "WITH query \"%s\" does not have a RETURNING clause", d->name);
				fail_at(ps, loc);
				return NULL;
			}
			if (d->correlated)
				return correlated_ref(ps, d, rv);
			return make_ref_rel(ps, d, rv, d->scan_plan);
		case CTE_HIDDEN:
			break;
	}
	return NULL;
}

const CatTable *
cte_lookup(ParseState *ps, const Query *q, const AstRangeVar *rv, bool nullable, bool *found)
{
	bool		hidden = false;

	*found = false;
	if (rv->schemaname || rv->catalogname)
		return NULL;
	for (CteScope *sc = ps->ctes; sc; sc = sc->up)
		for (int i = 0; i < sc->nitems; i++)
		{
			CteItem    *it = &sc->items[i];

			if (strcmp(it->ast->ctename, rv->relname) != 0)
				continue;
			if (it->state == CTE_HIDDEN)
			{
				hidden = true;
				continue;
			}
			*found = true;
			return reference(ps, q, rv, nullable, sc, it);
		}
	if (hidden && !lookup_relation(ps, rv, true))
	{
		*found = true;
		mg_error(ps->err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist", rv->relname);
		mg_error_detail(ps->err, "There is a WITH item named \"%s\", but it cannot be referenced from this part of the query.",
						rv->relname);
		mg_error_hint(ps->err, "Use WITH RECURSIVE, or re-order the WITH items to remove forward references.");
		fail_at(ps, rv->hdr.location);
	}
	return NULL;
}
