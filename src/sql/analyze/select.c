/*
 * select.c — analysis of SELECT (and VALUES): target list, FROM (one table),
 * WHERE, aggregates without GROUP BY, ORDER BY, DISTINCT [ON], LIMIT/OFFSET.
 *
 * Design notes:
 *   - ORDER BY follows PostgreSQL's findTargetlistEntrySQL92: an integer is a
 *     position, a bare name matches an output column name first, anything
 *     else is an expression over the input, matched against the target list
 *     or added as a hidden ("resjunk") column after the visible ones.  The
 *     portal sends only the visible columns.
 *   - Aggregates: transform_expr collects AggCalls in the ParseState and
 *     leaves a placeholder VAR with a negative slot; once the target list,
 *     HAVING and ORDER BY are analysed, fix_agg_refs turns placeholders into
 *     slots of the aggregate row and rejects plain column references
 *     (42803, as there is no GROUP BY yet).
 *
 * Invariants:
 *   1. q->targets[0..nvisible) are the result columns; the rest are sort-only.
 *   2. Every Expr in the Query is typed (no UNKNOWNOID): unknown outputs are text.
 */
#include <string.h>

#include <memgres/sqlstate.h>

#include "../analyze.h"
#include "../catalog.h"
#include "../cte.h"
#include "../engine.h"
#include "../plan.h"
#include "../window.h"

static void *
fail_at(ParseState *ps, int location)
{
	pstate_position(ps, location);
	return NULL;
}

static void
add_target(ParseState *ps, Query *q, Expr *e, const char **names, const char *name, int *cap)
{
	if (q->ntargets == *cap)
	{
		int			ncap = *cap ? *cap * 2 : 8;

		q->targets = arena_realloc(ps->a, q->targets, sizeof(Expr *) * *cap, sizeof(Expr *) * ncap);
		*cap = ncap;
	}
	q->targets[q->ntargets] = e;
	if (names)
		names[q->ntargets] = name;
	q->ntargets++;
}

static bool
expr_equal(const Expr *a, const Expr *b)
{
	if (a->kind != b->kind || a->type != b->type)
		return false;
	switch (a->kind)
	{
		case EXPR_VAR:
			return a->u.var == b->u.var;
		case EXPR_PARAM:
			return a->u.param == b->u.param;
		case EXPR_FUNC:
			if (a->u.func.def != b->u.func.def || a->nargs != b->nargs)
				return false;
			for (int i = 0; i < a->nargs; i++)
				if (!expr_equal(a->args[i], b->args[i]))
					return false;
			return true;
		case EXPR_CAST:
			return a->typmod == b->typmod && expr_equal(a->args[0], b->args[0]);
		case EXPR_CONST:
			{
				const MgType *t = type_by_oid(a->type);

				if (a->u.c.isnull || b->u.c.isnull)
					return a->u.c.isnull && b->u.c.isnull;
				return t && datum_equal(t, a->u.c.value, b->u.c.value);
			}
		case EXPR_NOT:
		case EXPR_AND:
		case EXPR_OR:
		case EXPR_NULLTEST:
		case EXPR_COALESCE:
			if (a->nargs != b->nargs || (a->kind == EXPR_NULLTEST && a->u.nulltest.isnot != b->u.nulltest.isnot))
				return false;
			for (int i = 0; i < a->nargs; i++)
				if (!expr_equal(a->args[i], b->args[i]))
					return false;
			return true;
		default:
			return false;
	}
}

/* Expands t.* or * into column references. */
static int
expand_star(ParseState *ps, Query *q, const AstColumnRef *cref, const char ***names, int *cap)
{
	int			nf = ast_list_length(cref->fields);
	const char *relname = nf >= 2 ? ast_strval(ast_list_nth(cref->fields, nf - 2)) : NULL;
	bool		found = false;

	if (!ps->scope)
	{
		mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "SELECT * with no tables specified is not valid");
		pstate_position(ps, cref->hdr.location);
		return -1;
	}
	for (Scope *sc = ps->scope; sc; sc = sc->next)
	{
		const char *visible = sc->alias ? sc->alias : sc->relname;

		if (relname && (!visible || strcmp(visible, relname) != 0))
			continue;
		found = true;
		for (int i = 0; i < sc->ncols; i++)
		{
			Expr	   *e = expr_new(ps->a, EXPR_VAR, sc->cols[i].type, 0, cref->hdr.location);

			e->typmod = sc->cols[i].typmod;
			e->u.var = sc->cols[i].slot;
			if (q->ntargets == *cap)
			{
				int			ncap = *cap ? *cap * 2 : 8;

				*names = arena_realloc(ps->a, *names, sizeof(char *) * *cap, sizeof(char *) * ncap);
			}
			add_target(ps, q, e, *names, sc->cols[i].name, cap);
		}
		if (relname)
			break;
	}
	if (!found)
	{
		mg_error(ps->err, SQLSTATE_UNDEFINED_TABLE, "missing FROM-clause entry for table \"%s\"", relname);
		pstate_position(ps, cref->hdr.location);
		return -1;
	}
	return 0;
}

static bool expr_equal(const Expr *a, const Expr *b);

/*
 * Rewrites an expression over the input row into one over the aggregate
 * row [group keys..., aggregates...]: group key expressions become their
 * slots, aggregate placeholders their slots after the keys; any other
 * column reference is an error (42803).
 */
static int
fix_agg_refs(ParseState *ps, Query *q, Expr *e)
{
	if (!e || (e->kind == EXPR_VAR && e->agg_level))
		return 0;				/* shared subtrees are visited more than once */
	for (int k = 0; k < q->ngroup; k++)
		if (e->kind != EXPR_VAR || e->u.var >= 0)
			if (expr_equal(e, q->group[k]))
			{
				Oid			type = e->type;
				int32_t		typmod = e->typmod;
				int			loc = e->location;

				memset(e, 0, sizeof(*e));
				e->kind = EXPR_VAR;
				e->type = type;
				e->typmod = typmod;
				e->location = loc;
				e->u.var = k;
				e->agg_level = true;
				e->nargs = 0;
				e->args = NULL;
				return 0;
			}
	if (e->kind == EXPR_VAR)
	{
		if (e->u.var < 0)
		{
			e->u.var = q->ngroup + (-1 - e->u.var);
			e->agg_level = true;
			return 0;
		}
		for (Scope *sc = q->scope; sc; sc = sc->next)
			for (int i = 0; i < sc->ncols; i++)
				if (sc->cols[i].slot == e->u.var)
				{
					mg_error(ps->err, SQLSTATE_GROUPING_ERROR,
							 "column \"%s.%s\" must appear in the GROUP BY clause or be used in an aggregate function",
							 sc->alias ? sc->alias : sc->relname, sc->cols[i].name);
					pstate_position(ps, e->location);
					return -1;
				}
		mg_error(ps->err, SQLSTATE_GROUPING_ERROR, "column must appear in the GROUP BY clause or be used in an aggregate function");
		pstate_position(ps, e->location);
		return -1;
	}
	if (e->kind == EXPR_SUBLINK && e->u.sublink.correlated)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "correlated subqueries with aggregates are not supported yet");
		pstate_position(ps, e->location);
		return -1;
	}
	for (int i = 0; i < e->nargs; i++)
		if (fix_agg_refs(ps, q, e->args[i]) < 0)
			return -1;
	if (e->kind == EXPR_CASE)
	{
		for (int i = 0; i < e->u.kase.nwhen; i++)
			if (fix_agg_refs(ps, q, e->u.kase.when[i]) < 0 || fix_agg_refs(ps, q, e->u.kase.then[i]) < 0)
				return -1;
		if (fix_agg_refs(ps, q, e->u.kase.defresult) < 0)
			return -1;
	}
	return 0;
}

/* Window functions read the aggregate row too: their arguments and windows. */
static int
fix_window_agg_refs(ParseState *ps, Query *q, const WinInfo *w)
{
	for (int i = 0; i < w->ncalls; i++)
	{
		for (int k = 0; k < w->calls[i].nargs; k++)
			if (fix_agg_refs(ps, q, w->calls[i].args[k]) < 0)
				return -1;
		if (fix_agg_refs(ps, q, w->calls[i].filter) < 0)
			return -1;
	}
	for (int c = 0; c < w->nclauses; c++)
	{
		for (int k = 0; k < w->clauses[c].npart; k++)
			if (fix_agg_refs(ps, q, w->clauses[c].part[k]) < 0)
				return -1;
		for (int k = 0; k < w->clauses[c].norder; k++)
			if (fix_agg_refs(ps, q, w->clauses[c].order[k].expr) < 0)
				return -1;
	}
	return 0;
}

/* Finds or adds the target for an ORDER BY / DISTINCT ON item; returns its index. */
static int
find_target(ParseState *ps, Query *q, const AstNode *node, const char **names, int *cap,
			const char *clause, bool must_be_visible)
{
	Expr	   *e;

	if (AST_IS(node, AST_CONST) && ((const AstConst *) node)->kind == AST_CONST_INTEGER)
	{
		int			pos = ((const AstConst *) node)->ival;

		if (pos < 1 || pos > q->nvisible)
		{
			mg_error(ps->err, SQLSTATE_INVALID_COLUMN_REFERENCE, "%s position %d is not in select list",
					 clause, pos);
			pstate_position(ps, node->location);
			return -1;
		}
		return pos - 1;
	}
	if (AST_IS(node, AST_COLUMN_REF) && ast_list_length(((const AstColumnRef *) node)->fields) == 1 &&
		AST_IS(ast_list_nth(((const AstColumnRef *) node)->fields, 0), AST_STRING))
	{
		const char *name = ast_strval(ast_list_nth(((const AstColumnRef *) node)->fields, 0));
		int			match = -1;

		for (int i = 0; i < q->nvisible; i++)
		{
			if (names[i] && strcmp(names[i], name) == 0)
			{
				if (match >= 0 && !expr_equal(q->targets[match], q->targets[i]))
				{
					mg_error(ps->err, SQLSTATE_AMBIGUOUS_COLUMN, "%s \"%s\" is ambiguous", clause, name);
					pstate_position(ps, node->location);
					return -1;
				}
				if (match < 0)
					match = i;
			}
		}
		if (match >= 0)
			return match;
	}
	if (!(e = transform_expr(ps, node)))
		return -1;
	for (int i = 0; i < q->ntargets; i++)
		if (expr_equal(q->targets[i], e))
			return i;
	if (must_be_visible)
	{
		mg_error(ps->err, SQLSTATE_INVALID_COLUMN_REFERENCE,
				 "for SELECT DISTINCT, ORDER BY expressions must appear in select list");
		pstate_position(ps, node->location);
		return -1;
	}
	if (e->type == UNKNOWNOID && !(e = coerce_to(ps, e, TEXTOID, -1, CAST_IMPLICIT, node->location)))
		return -1;
	add_target(ps, q, e, names, NULL, cap);
	return q->ntargets - 1;
}

static int
make_sort_key(ParseState *ps, Query *q, SortKey *k, int col, AstSortByDir dir, AstSortByNulls nulls, int location)
{
	const MgType *t = type_by_oid(q->targets[col]->type);

	if (!t || !t->cmp)
	{
		mg_error(ps->err, SQLSTATE_UNDEFINED_FUNCTION, "could not identify an ordering operator for type %s",
				 type_display_name(ps, q->targets[col]->type));
		pstate_position(ps, location);
		return -1;
	}
	if (dir == AST_SORTBY_USING)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ORDER BY USING is not supported");
		pstate_position(ps, location);
		return -1;
	}
	k->col = col;
	k->desc = dir == AST_SORTBY_DESC;
	k->nulls_first = nulls == AST_SORTBY_NULLS_DEFAULT ? k->desc : nulls == AST_SORTBY_NULLS_FIRST;
	k->cmp = t->cmp;
	return 0;
}

static Expr *
transform_limit(ParseState *ps, const AstNode *node, const char *clause)
{
	Expr	   *e;

	if (!node)
		return NULL;
	ps->allow_aggs = false;
	ps->agg_context = clause;
	if (!(e = transform_expr(ps, node)))
		return NULL;
	if (!expr_is_constant(e) && e->kind != EXPR_PARAM)
	{
		/* Columns are the only thing that cannot appear (no FROM row at that point). */
		Expr	   *stack[64];
		int			sp = 0;

		stack[sp++] = e;
		while (sp > 0)
		{
			Expr	   *x = stack[--sp];

			if (x->kind == EXPR_VAR)
			{
				mg_error(ps->err, SQLSTATE_INVALID_COLUMN_REFERENCE, "argument of %s must not contain variables", clause);
				return fail_at(ps, x->location);
			}
			for (int i = 0; i < x->nargs && sp < 64; i++)
				stack[sp++] = x->args[i];
		}
	}
	return coerce_to(ps, e, INT8OID, -1, CAST_ASSIGNMENT, node->location);
}

static SqlColumn *
make_result_cols(ParseState *ps, Query *q, const char **names)
{
	SqlColumn  *cols = arena_new_array(ps->a, SqlColumn, q->nvisible > 0 ? q->nvisible : 1);

	for (int i = 0; i < q->nvisible; i++)
	{
		Expr	   *e = q->targets[i];
		const MgType *t = type_by_oid(e->type);

		/* Copied: a name may point into a catalog that DDL frees before Describe. */
		cols[i].name = arena_strdup(ps->a, names[i] ? names[i] : "?column?");
		cols[i].type_oid = e->type;
		cols[i].typmod = e->typmod;
		cols[i].typlen = t ? t->typlen : -1;
		if (e->kind == EXPR_VAR && q->rel && !q->has_aggs)
		{
			for (int c = 0; c < q->scope->ncols; c++)
				if (q->scope->cols[c].slot == e->u.var)
				{
					cols[i].table_oid = q->scope->table_oid;
					cols[i].attnum = q->scope->cols[c].attnum;
				}
		}
	}
	return cols;
}

static Query *
analyze_values(ParseState *ps, const AstSelectStmt *sel)
{
	Query	   *q = arena_new(ps->a, Query);
	int			nrows = ast_list_length(sel->values_lists);
	int			ncols = ast_list_length((const AstList *) ast_list_nth(sel->values_lists, 0));
	const char **names = arena_new_array(ps->a, const char *, ncols);
	Expr	  **col = arena_new_array(ps->a, Expr *, nrows);

	q->cmd = CMD_SELECT;
	q->nvalues = nrows;
	q->values = arena_new_array(ps->a, Expr **, nrows);
	ps->allow_aggs = false;
	ps->agg_context = "VALUES";
	for (int r = 0; r < nrows; r++)
	{
		const AstList *row = (const AstList *) ast_list_nth(sel->values_lists, r);

		if (ast_list_length(row) != ncols)
		{
			mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "VALUES lists must all be the same length");
			return fail_at(ps, ast_list_length(row) > 0 ? ast_list_nth(row, 0)->location : sel->hdr.location);
		}
		q->values[r] = arena_new_array(ps->a, Expr *, ncols);
		for (int c = 0; c < ncols; c++)
			if (!(q->values[r][c] = transform_expr(ps, ast_list_nth(row, c))))
				return NULL;
	}
	q->ntargets = q->nvisible = ncols;
	q->targets = arena_new_array(ps->a, Expr *, ncols);
	for (int c = 0; c < ncols; c++)
	{
		Oid			t;

		for (int r = 0; r < nrows; r++)
			col[r] = q->values[r][c];
		if ((t = select_common_type(ps, col, nrows, "VALUES", sel->hdr.location)) == InvalidOid)
			return NULL;
		for (int r = 0; r < nrows; r++)
			if (!(q->values[r][c] = coerce_to(ps, q->values[r][c], t, -1, CAST_IMPLICIT, q->values[r][c]->location)))
				return NULL;
		q->targets[c] = expr_new(ps->a, EXPR_VAR, t, 0, -1);
		q->targets[c]->u.var = c;
		names[c] = arena_sprintf(ps->a, "column%d", c + 1);
	}
	q->cols = make_result_cols(ps, q, names);
	/* ORDER BY / LIMIT over VALUES: columns are named column1 ... */
	if (sel->sort_clause || sel->limit_count || sel->limit_offset)
	{
		int			cap = q->ntargets;
		Scope	   *sc = arena_new(ps->a, Scope);

		sc->ncols = ncols;
		sc->cols = arena_new_array(ps->a, ScopeColumn, ncols);
		for (int c = 0; c < ncols; c++)
		{
			sc->cols[c].name = names[c];
			sc->cols[c].type = q->targets[c]->type;
			sc->cols[c].typmod = -1;
			sc->cols[c].slot = c;
		}
		sc->relname = "*VALUES*";
		ps->scope = q->scope = sc;
		q->nsort = ast_list_length(sel->sort_clause);
		q->sort = arena_new_array(ps->a, SortKey, q->nsort > 0 ? q->nsort : 1);
		for (int i = 0; i < q->nsort; i++)
		{
			const AstSortBy *sb = (const AstSortBy *) ast_list_nth(sel->sort_clause, i);
			int			col;

			if ((col = find_target(ps, q, sb->node, names, &cap, "ORDER BY", false)) < 0)
				return NULL;
			if (col >= ncols)
			{
				mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ORDER BY expressions over VALUES are not supported yet");
				return fail_at(ps, sb->hdr.location);
			}
			if (make_sort_key(ps, q, &q->sort[i], col, sb->dir, sb->nulls, sb->hdr.location) < 0)
				return NULL;
		}
		if (sel->limit_count && !(q->limit_count = transform_limit(ps, sel->limit_count, "LIMIT")))
			return NULL;
		if (sel->limit_offset && !(q->limit_offset = transform_limit(ps, sel->limit_offset, "OFFSET")))
			return NULL;
	}
	return q;
}

static int
check_select_supported(ParseState *ps, const AstSelectStmt *sel)
{
	const char *what = NULL;
	int			loc = sel->hdr.location;

	if (sel->op == AST_SETOP_INTERSECT || sel->op == AST_SETOP_EXCEPT)
		what = sel->op == AST_SETOP_INTERSECT ? "INTERSECT" : "EXCEPT";
	else if (sel->into_clause)
		what = "SELECT INTO";
	if (!what)
		return 0;
	mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s is not supported yet", what);
	pstate_position(ps, loc);
	return -1;
}

/*
 * UNION [ALL]: both sides analysed as queries of their own, their columns
 * coerced to common types; the result's columns are VARs over the
 * appended row, named after the left side's.  ORDER BY / LIMIT apply to
 * the whole; UNION without ALL sorts and removes duplicates.
 */
static Query *
analyze_union(ParseState *ps, const AstSelectStmt *sel)
{
	Query	   *q = arena_new(ps->a, Query);
	Query	   *l,
			   *r;
	ParseState	sub;
	int			n;
	const char **names;
	int			cap;

	sub = *ps;
	sub.scope = NULL;
	sub.naggs = 0;
	sub.aggs = NULL;
	sub.aggs_cap = 0;
	sub.keep_unknown = true;
	if (!(l = analyze_select(&sub, sel->larg)))
		return NULL;
	sub.naggs = 0;
	sub.aggs = NULL;
	sub.aggs_cap = 0;
	sub.scope = NULL;
	if (!(r = analyze_select(&sub, sel->rarg)))
		return NULL;
	pstate_take_shared(ps, &sub);
	if (sub.correlated)
		ps->correlated = true;	/* an arm reads the enclosing query: so does the whole */
	if (l->nvisible != r->nvisible)
	{
		mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "each UNION query must have the same number of columns");
		return fail_at(ps, ast_list_length(sel->rarg->target_list) > 0 ?
					   ((const AstResTarget *) ast_list_nth(sel->rarg->target_list, 0))->val->location :
					   sel->rarg->hdr.location);
	}
	n = l->nvisible;
	cap = n + 8;
	q->cmd = CMD_SELECT;
	q->union_left = l;
	q->union_right = r;
	q->targets = arena_new_array(ps->a, Expr *, cap);
	names = arena_new_array(ps->a, const char *, cap);
	for (int i = 0; i < n; i++)
	{
		Expr	   *pair[2] = {l->targets[i], r->targets[i]};
		Oid			t = select_common_type(ps, pair, 2, "UNION", sel->hdr.location);
		Expr	   *v;

		if (t == InvalidOid)
			return NULL;
		if (!(l->targets[i] = coerce_to(ps, l->targets[i], t, -1, CAST_IMPLICIT, l->targets[i]->location)) ||
			!(r->targets[i] = coerce_to(ps, r->targets[i], t, -1, CAST_IMPLICIT, r->targets[i]->location)))
			return NULL;
		/* Keep the sides' column arrays in step with their targets. */
		l->cols[i].type_oid = t;
		r->cols[i].type_oid = t;
		v = expr_new(ps->a, EXPR_VAR, t, 0, -1);
		v->u.var = i;
		q->targets[i] = v;
		names[i] = l->cols[i].name;
	}
	q->ntargets = q->nvisible = n;
	if (!sel->all)
	{
		q->distinct = true;
		q->ndistinct = n;
		q->distinct_cols = arena_new_array(ps->a, int, n > 0 ? n : 1);
		for (int i = 0; i < n; i++)
			q->distinct_cols[i] = i;
	}
	{
		int			ns = ast_list_length(sel->sort_clause);

		q->sort = arena_new_array(ps->a, SortKey, ns + n + 1);
		for (int i = 0; i < ns; i++)
		{
			const AstSortBy *sb = (const AstSortBy *) ast_list_nth(sel->sort_clause, i);
			int			col = find_target(ps, q, sb->node, names, &cap, "ORDER BY", true);

			if (col < 0 || make_sort_key(ps, q, &q->sort[q->nsort++], col, sb->dir, sb->nulls, sb->hdr.location) < 0)
				return NULL;
		}
		if (q->distinct)
			for (int j = 0; j < n; j++)
			{
				bool		have = false;

				for (int i = 0; i < q->nsort; i++)
					if (q->sort[i].col == j)
						have = true;
				if (!have && make_sort_key(ps, q, &q->sort[q->nsort++], j, AST_SORTBY_DEFAULT,
										   AST_SORTBY_NULLS_DEFAULT, sel->hdr.location) < 0)
					return NULL;
			}
	}
	if (sel->limit_count && !(q->limit_count = transform_limit(ps, sel->limit_count, "LIMIT")))
		return NULL;
	if (sel->limit_offset && !(q->limit_offset = transform_limit(ps, sel->limit_offset, "OFFSET")))
		return NULL;
	q->cols = make_result_cols(ps, q, names);
	return q;
}

static Query *analyze_select_body(ParseState *ps, const AstSelectStmt *sel);

/* A query with a WITH clause owns its items (analyze/cte.c). */
Query *
analyze_select(ParseState *ps, const AstSelectStmt *sel)
{
	CteLevel	lvl;

	if (!sel->with_clause)
		return analyze_select_body(ps, sel);
	if (cte_begin(ps, sel->with_clause, false, &lvl) < 0)
		return NULL;
	return cte_end(ps, &lvl, analyze_select_body(ps, sel));
}

static Query *
analyze_select_body(ParseState *ps, const AstSelectStmt *sel)
{
	Query	   *q;
	int			cap = 0;
	const char **names = NULL;
	int			ntl;

	ps->win = NULL;				/* window functions belong to one query level */
	if (sel->values_lists)
		return analyze_values(ps, sel);
	if (check_select_supported(ps, sel) < 0)
		return NULL;
	if (sel->op == AST_SETOP_UNION)
		return analyze_union(ps, sel);
	win_begin(ps, sel->window_clause);
	q = arena_new(ps->a, Query);
	q->cmd = CMD_SELECT;
	if (ast_list_length(sel->from_clause) == 1 && AST_IS(ast_list_nth(sel->from_clause, 0), AST_RANGE_VAR))
	{
		if (transform_from_table(ps, q, (const AstRangeVar *) ast_list_nth(sel->from_clause, 0)) < 0)
			return NULL;
	}
	else if (ast_list_length(sel->from_clause) > 0 && transform_from_join(ps, q, sel->from_clause) < 0)
		return NULL;
	ps->scope = q->scope;

	/* WHERE */
	if (sel->where_clause)
	{
		ps->allow_aggs = false;
		ps->agg_context = "WHERE";
		if (!(q->where = transform_expr(ps, sel->where_clause)) ||
			!(q->where = coerce_to_bool(ps, q->where, "WHERE")))
			return NULL;
	}

	/* target list */
	ps->allow_aggs = true;
	ps->win->allowed = true;
	ntl = ast_list_length(sel->target_list);
	cap = ntl + 4;
	q->targets = arena_new_array(ps->a, Expr *, cap);
	names = arena_new_array(ps->a, const char *, cap);
	for (int i = 0; i < ntl; i++)
	{
		const AstResTarget *rt = (const AstResTarget *) ast_list_nth(sel->target_list, i);
		Expr	   *e;

		if (AST_IS(rt->val, AST_COLUMN_REF))
		{
			const AstColumnRef *cr = (const AstColumnRef *) rt->val;

			if (AST_IS(ast_list_nth(cr->fields, ast_list_length(cr->fields) - 1), AST_STAR))
			{
				if (expand_star(ps, q, cr, &names, &cap) < 0)
					return NULL;
				continue;
			}
		}
		/*
		 * SELECT srf(...) with no FROM and nothing else in the list is a scan
		 * of the function, as PostgreSQL's ProjectSet over one empty row.
		 */
		ps->allow_srf = ntl == 1 && !q->rel && q->nrels == 0 && AST_IS(rt->val, AST_FUNC_CALL);
		e = transform_expr(ps, rt->val);
		ps->allow_srf = false;
		if (!e)
			return NULL;
		if (e->kind == EXPR_FUNC && e->u.func.def->retset)
		{
			const char *colname = rt->name ? rt->name : figure_colname(rt->val);
			Expr	   *var = expr_new(ps->a, EXPR_VAR, e->type, 0, e->location);

			var->typmod = e->typmod;
			var->u.var = 0;
			q->rel = make_function_rel(ps, e, colname, NULL, false);
			q->scope = scope_for_table(ps->a, q->rel, NULL, 0);
			e = var;
		}
		if (e->type == UNKNOWNOID && !ps->keep_unknown &&
			!(e = coerce_to(ps, e, TEXTOID, -1, CAST_IMPLICIT, rt->hdr.location)))
			return NULL;
		if (q->ntargets == cap)
			names = arena_realloc(ps->a, names, sizeof(char *) * cap, sizeof(char *) * cap * 2);
		add_target(ps, q, e, names, rt->name ? rt->name : figure_colname(rt->val), &cap);
	}
	q->nvisible = q->ntargets;

	/* GROUP BY: positions, input columns, then output names (PostgreSQL's order) */
	if (sel->group_clause)
	{
		int			n = ast_list_length(sel->group_clause);

		q->group = arena_new_array(ps->a, Expr *, n);
		ps->allow_aggs = false;
		ps->agg_context = "GROUP BY";
		for (int i = 0; i < n; i++)
		{
			const AstNode *g = ast_list_nth(sel->group_clause, i);
			Expr	   *e = NULL;

			if (AST_IS(g, AST_GROUPING_SET))
			{
				mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ROLLUP, CUBE and GROUPING SETS are not supported yet");
				return fail_at(ps, g->location);
			}
			if (AST_IS(g, AST_CONST) && ((const AstConst *) g)->kind == AST_CONST_INTEGER)
			{
				int			pos = ((const AstConst *) g)->ival;

				if (pos < 1 || pos > q->nvisible)
				{
					mg_error(ps->err, SQLSTATE_INVALID_COLUMN_REFERENCE, "GROUP BY position %d is not in select list", pos);
					return fail_at(ps, g->location);
				}
				e = expr_copy(ps->a, q->targets[pos - 1]);
			}
			else if (AST_IS(g, AST_COLUMN_REF) && ast_list_length(((const AstColumnRef *) g)->fields) == 1)
			{
				const char *name = ast_strval(ast_list_nth(((const AstColumnRef *) g)->fields, 0));
				bool		input = false;

				for (Scope *sc = ps->scope; sc; sc = sc->next)
					for (int c = 0; c < sc->ncols; c++)
						if (strcmp(sc->cols[c].name, name) == 0)
							input = true;
				if (!input)
					for (int t = 0; t < q->nvisible && !e; t++)
						if (names[t] && strcmp(names[t], name) == 0)
							e = expr_copy(ps->a, q->targets[t]);
			}
			if (!e && !(e = transform_expr(ps, g)))
				return NULL;
			if (e->type == UNKNOWNOID && !(e = coerce_to(ps, e, TEXTOID, -1, CAST_IMPLICIT, g->location)))
				return NULL;
			{
				const MgType *t = type_by_oid(e->type);

				if (!t || !t->cmp)
				{
					mg_error(ps->err, SQLSTATE_UNDEFINED_FUNCTION, "could not identify an ordering operator for type %s",
							 type_display_name(ps, e->type));
					return fail_at(ps, g->location);
				}
			}
			q->group[q->ngroup++] = e;
		}
		ps->allow_aggs = true;
	}

	/* HAVING */
	ps->win->allowed = false;
	ps->win->context = "HAVING";
	if (sel->having_clause)
	{
		ps->agg_context = "HAVING";
		if (!(q->having = transform_expr(ps, sel->having_clause)) ||
			!(q->having = coerce_to_bool(ps, q->having, "HAVING")))
			return NULL;
	}

	/* DISTINCT ON */
	ps->win->allowed = true;
	if (sel->distinct_on)
	{
		int			n = ast_list_length(sel->distinct_on);

		q->distinct = true;
		q->ndistinct = n;
		q->distinct_cols = arena_new_array(ps->a, int, n);
		for (int i = 0; i < n; i++)
		{
			if (q->ntargets + 1 >= cap)
				names = arena_realloc(ps->a, names, sizeof(char *) * cap, sizeof(char *) * cap * 2);
			if ((q->distinct_cols[i] = find_target(ps, q, ast_list_nth(sel->distinct_on, i), names, &cap,
												   "SELECT DISTINCT ON", false)) < 0)
				return NULL;
		}
	}
	else if (sel->distinct)
	{
		q->distinct = true;
		q->ndistinct = q->nvisible;
		q->distinct_cols = arena_new_array(ps->a, int, q->nvisible > 0 ? q->nvisible : 1);
		for (int i = 0; i < q->nvisible; i++)
			q->distinct_cols[i] = i;
	}

	/* ORDER BY */
	{
		int			n = ast_list_length(sel->sort_clause);
		int			extra = q->distinct ? q->ntargets + q->ndistinct : 0;

		q->sort = arena_new_array(ps->a, SortKey, n + extra + 1);
		for (int i = 0; i < n; i++)
		{
			const AstSortBy *sb = (const AstSortBy *) ast_list_nth(sel->sort_clause, i);
			int			col;

			if (q->ntargets + 1 >= cap)
				names = arena_realloc(ps->a, names, sizeof(char *) * cap, sizeof(char *) * cap * 2);
			col = find_target(ps, q, sb->node, names, &cap, "ORDER BY",
							  q->distinct && !sel->distinct_on);
			if (col < 0 || make_sort_key(ps, q, &q->sort[q->nsort++], col, sb->dir, sb->nulls, sb->hdr.location) < 0)
				return NULL;
		}
		if (sel->distinct_on)
		{
			/* The DISTINCT ON expressions must lead the ORDER BY. */
			for (int i = 0; i < q->ndistinct && i < q->nsort; i++)
			{
				bool		ok = false;

				for (int j = 0; j < q->ndistinct; j++)
					if (q->sort[i].col == q->distinct_cols[j])
						ok = true;
				if (!ok)
				{
					const AstSortBy *sb = (const AstSortBy *) ast_list_nth(sel->sort_clause, i);

					mg_error(ps->err, SQLSTATE_INVALID_COLUMN_REFERENCE,
							 "SELECT DISTINCT ON expressions must match initial ORDER BY expressions");
					pstate_position(ps, sb->hdr.location);
					return NULL;
				}
			}
		}
		if (q->distinct)
		{
			/* Sort on every distinct column too, so duplicates are adjacent. */
			for (int j = 0; j < q->ndistinct; j++)
			{
				bool		have = false;

				for (int i = 0; i < q->nsort; i++)
					if (q->sort[i].col == q->distinct_cols[j])
						have = true;
				if (!have &&
					make_sort_key(ps, q, &q->sort[q->nsort++], q->distinct_cols[j],
								  AST_SORTBY_DEFAULT, AST_SORTBY_NULLS_DEFAULT, sel->hdr.location) < 0)
					return NULL;
			}
		}
	}

	if (win_finish(ps, q) < 0)
		return NULL;

	/* Aggregates: placeholders -> slots; plain columns are errors. */
	q->naggs = ps->naggs;
	q->aggs = ps->aggs;
	q->has_aggs = ps->naggs > 0 || q->having || q->ngroup > 0;
	if (q->has_aggs)
	{
		for (int i = 0; i < q->ntargets; i++)
			if (fix_agg_refs(ps, q, q->targets[i]) < 0)
				return NULL;
		if (ps->win->info && fix_window_agg_refs(ps, q, ps->win->info) < 0)
			return NULL;
		if (fix_agg_refs(ps, q, q->having) < 0)
			return NULL;
	}

	/* LIMIT / OFFSET */
	if (sel->limit_count && !(q->limit_count = transform_limit(ps, sel->limit_count,
															   sel->limit_option == AST_LIMIT_OPTION_COUNT ? "LIMIT" : "LIMIT")))
		return NULL;
	if (sel->limit_offset && !(q->limit_offset = transform_limit(ps, sel->limit_offset, "OFFSET")))
		return NULL;
	if (sel->limit_option == AST_LIMIT_OPTION_WITH_TIES)
	{
		if (q->nsort == 0)
		{
			mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "WITH TIES cannot be specified without ORDER BY clause");
			return NULL;
		}
		q->with_ties = true;
	}
	if (sel->locking_clause)
	{
		const AstNode *lc = ast_list_nth(sel->locking_clause, 0);

		if (!q->rel)
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "FOR UPDATE is not allowed without a FROM clause");
			return fail_at(ps, lc->location);
		}
		if (q->has_aggs)
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "FOR UPDATE is not allowed with aggregate functions");
			return fail_at(ps, lc->location);
		}
		if (q->windows)
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "FOR UPDATE is not allowed with window functions");
			return fail_at(ps, lc->location);
		}
	}
	q->cols = make_result_cols(ps, q, names);
	return q;
}
