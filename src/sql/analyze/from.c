/*
 * from.c — name resolution of tables: a RangeVar against the catalog and
 * search_path, and the Scope that makes a table's columns visible.
 *
 * Invariants:
 *   1. Scope slots are indexes into the table's column array (dropped
 *      columns keep their slot and are simply not visible), so a deformed
 *      tuple is the raw row without any remapping.
 */
#include <string.h>

#include <memgres/sqlstate.h>

#include "../analyze.h"
#include "../catalog.h"
#include "../cte.h"
#include "../engine.h"
#include "../plan.h"
#include "../system.h"

const CatTable *
lookup_relation(ParseState *ps, const AstRangeVar *rv, bool missing_ok)
{
	const Catalog *c = ps->cat;
	const CatTable *t = NULL;

	if (rv->catalogname && strcmp(rv->catalogname, ps->session->dbname) != 0)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "cross-database references are not implemented: \"%s.%s.%s\"",
				 rv->catalogname, rv->schemaname, rv->relname);
		pstate_position(ps, rv->hdr.location);
		return NULL;
	}
	if (rv->schemaname)
	{
		const CatSchema *sc = catalog_schema(c, rv->schemaname);

		if (sc)
			t = catalog_table_in(c, sc->oid, rv->relname);
	}
	else
	{
		Oid			path[64];
		int			n = search_path_oids(ps->session, c, true, path, 64);

		for (int i = 0; i < n && !t; i++)
			t = catalog_table_in(c, path[i], rv->relname);
	}
	if (!t)
		t = system_table(rv->schemaname, rv->relname);
	if (!t && !missing_ok)
	{
		if (rv->schemaname)
			mg_error(ps->err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s.%s\" does not exist", rv->schemaname, rv->relname);
		else
			mg_error(ps->err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist", rv->relname);
		pstate_position(ps, rv->hdr.location);
	}
	return t;
}

Scope *
scope_for_table(Arena *a, const CatTable *t, const char *alias, int slot_base)
{
	Scope	   *sc = arena_new(a, Scope);
	int			n = 0;

	sc->relname = t->name;
	sc->alias = alias;
	sc->table_oid = t->oid;
	sc->cols = arena_new_array(a, ScopeColumn, t->ncols > 0 ? t->ncols : 1);
	for (int i = 0; i < t->ncols; i++)
	{
		if (t->cols[i].dropped)
			continue;
		sc->cols[n].name = t->cols[i].name;
		sc->cols[n].type = t->cols[i].type;
		sc->cols[n].typmod = t->cols[i].typmod;
		sc->cols[n].slot = slot_base + i;
		sc->cols[n].attnum = t->cols[i].attnum;
		n++;
	}
	sc->ncols = n;
	return sc;
}

/*
 * A function in FROM: a relation of one column (the function's result,
 * named by the alias's first column name, else the alias, else the
 * function) plus "ordinality" WITH ORDINALITY, computed when the scan
 * starts.  Its arguments may read the FROM items before it and the
 * enclosing query.  The relation lives in the statement's arena.
 */
static const CatTable *
function_rel(ParseState *ps, const AstRangeFunction *rf)
{
	const AstNode *call;
	const AstList *colnames = rf->alias ? rf->alias->colnames : NULL;
	const char *fname = "?column?";
	Expr	   *e;
	int			ncols = rf->ordinality ? 2 : 1;

	if (rf->is_rowsfrom || ast_list_length(rf->functions) != 1 || rf->coldeflist)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s is not supported yet",
				 rf->coldeflist ? "a column definition list" : "ROWS FROM");
		pstate_position(ps, rf->hdr.location);
		return NULL;
	}
	call = ast_list_nth(rf->functions, 0);
	if (AST_IS(call, AST_FUNC_CALL))
	{
		const AstFuncCall *fc = (const AstFuncCall *) call;

		fname = ast_strval(ast_list_nth(fc->funcname, ast_list_length(fc->funcname) - 1));
	}
	ps->allow_srf = true;
	e = transform_expr(ps, call);
	ps->allow_srf = false;
	if (!e)
		return NULL;
	if (e->type == RECORDOID)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "functions returning records in FROM are not supported yet");
		pstate_position(ps, rf->hdr.location);
		return NULL;
	}
	if (ast_list_length(colnames) > ncols)
	{
		mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "too many column aliases specified for function %s", fname);
		pstate_position(ps, rf->hdr.location);
		return NULL;
	}
	return make_function_rel(ps, e, rf->alias ? rf->alias->aliasname : fname, colnames, rf->ordinality);
}

const CatTable *
make_function_rel(ParseState *ps, Expr *e, const char *name, const AstList *colnames, bool ordinality)
{
	int			ncols = ordinality ? 2 : 1;
	CatTable   *t = arena_new(ps->a, CatTable);

	t->refcount = 1 << 30;		/* arena memory: never freed by reference */
	t->arena = ps->a;
	t->relkind = 'f';
	t->name = arena_strdup(ps->a, name);
	t->ncols = ncols;
	t->cols = arena_new_array(ps->a, CatColumn, ncols);
	t->srf = e;
	t->srf_ordinality = ordinality;
	for (int i = 0; i < ncols; i++)
	{
		CatColumn  *c = &t->cols[i];

		if (i < ast_list_length(colnames))
			c->name = arena_strdup(ps->a, ast_strval(ast_list_nth(colnames, i)));
		else
			c->name = i == 0 ? t->name : "ordinality";
		c->attnum = (int16_t) (i + 1);
		c->type = i == 0 ? e->type : INT8OID;
		c->typmod = i == 0 ? e->typmod : -1;
		c->mt = type_by_oid(c->type);
	}
	return t;
}

/*
 * A subquery in FROM: analysed and planned as a query of its own that sees
 * the enclosing query's columns (not the FROM items beside it: LATERAL is
 * not supported); its rows are computed when the scan starts.
 */
static const CatTable *
subquery_rel(ParseState *ps, const AstRangeSubselect *rs)
{
	ParseState	sub;
	Query	   *q;
	const Plan *plan;
	CatTable   *t;
	const AstList *colnames;

	if (rs->lateral)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "LATERAL subqueries in FROM are not supported yet");
		pstate_position(ps, rs->hdr.location);
		return NULL;
	}
	if (!rs->alias)
	{
		mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "subquery in FROM must have an alias");
		mg_error_hint(ps->err, "For example, FROM (SELECT ...) [AS] foo.");
		pstate_position(ps, rs->hdr.location);
		return NULL;
	}
	sub = *ps;
	sub.parent = ps->parent;
	sub.correlated = false;
	sub.keep_unknown = false;
	sub.allow_srf = false;
	sub.scope = NULL;
	sub.naggs = 0;
	sub.aggs = NULL;
	sub.aggs_cap = 0;
	sub.in_agg_arg = false;
	q = analyze_select(&sub, (const AstSelectStmt *) rs->subquery);
	/* parameters and cache slots are the statement's */
	pstate_take_shared(ps, &sub);
	if (!q || !(plan = plan_select(ps->a, q, ps->err)))
		return NULL;
	if (sub.correlated)
		ps->correlated = true;
	colnames = rs->alias->colnames;
	if (ast_list_length(colnames) > q->nvisible)
	{
		mg_error(ps->err, SQLSTATE_INVALID_COLUMN_REFERENCE,
				 "table \"%s\" has %d columns available but %d columns specified",
				 rs->alias->aliasname, q->nvisible, ast_list_length(colnames));
		pstate_position(ps, rs->hdr.location);
		return NULL;
	}
	t = arena_new(ps->a, CatTable);
	t->refcount = 1 << 30;		/* arena memory: never freed by reference */
	t->arena = ps->a;
	t->relkind = 'q';
	t->name = arena_strdup(ps->a, rs->alias->aliasname);
	t->ncols = q->nvisible;
	t->cols = arena_new_array(ps->a, CatColumn, q->nvisible > 0 ? q->nvisible : 1);
	t->subplan = plan;
	for (int i = 0; i < q->nvisible; i++)
	{
		CatColumn  *c = &t->cols[i];

		c->name = i < ast_list_length(colnames) ? arena_strdup(ps->a, ast_strval(ast_list_nth(colnames, i)))
			: (char *) q->cols[i].name;
		c->attnum = (int16_t) (i + 1);
		c->type = q->targets[i]->type;
		c->typmod = q->targets[i]->typmod;
		c->mt = type_by_oid(c->type);
	}
	return t;
}

/* Flattens a FROM list / left-deep join tree into q->rels; ON conditions analysed over the join so far. */
static int
add_join_item(ParseState *ps, Query *q, const AstNode *item, bool left, const AstNode *on, const AstList *using_cols,
			  int *cap, Scope **last)
{
	if (AST_IS(item, AST_JOIN_EXPR))
	{
		const AstJoinExpr *j = (const AstJoinExpr *) item;

		if (j->jointype == AST_JOIN_RIGHT || j->jointype == AST_JOIN_FULL || j->is_natural || j->alias)
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s is not supported yet",
					 j->is_natural ? "NATURAL JOIN" : j->alias ? "an alias for a join" :
					 j->jointype == AST_JOIN_RIGHT ? "RIGHT JOIN" : "FULL JOIN");
			pstate_position(ps, item->location);
			return -1;
		}
		if (!AST_IS(j->rarg, AST_RANGE_VAR) && !AST_IS(j->rarg, AST_RANGE_FUNCTION) &&
			!AST_IS(j->rarg, AST_RANGE_SUBSELECT))
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "joins with a parenthesized right side are not supported yet");
			pstate_position(ps, item->location);
			return -1;
		}
		if (add_join_item(ps, q, j->larg, false, NULL, NULL, cap, last) < 0)
			return -1;
		return add_join_item(ps, q, j->rarg, j->jointype == AST_JOIN_LEFT, j->quals, j->using_clause, cap, last);
	}
	if (!AST_IS(item, AST_RANGE_VAR) && !AST_IS(item, AST_RANGE_FUNCTION) && !AST_IS(item, AST_RANGE_SUBSELECT))
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "this FROM item is not supported yet");
		pstate_position(ps, item->location);
		return -1;
	}
	{
		const AstAlias *alias;
		const CatTable *t;
		int			base = q->nrels > 0 ? q->rel_base[q->nrels - 1] + q->rels[q->nrels - 1]->ncols : 0;
		Scope	   *sc;
		const char *name;

		if (AST_IS(item, AST_RANGE_FUNCTION))
		{
			alias = ((const AstRangeFunction *) item)->alias;
			t = function_rel(ps, (const AstRangeFunction *) item);
		}
		else if (AST_IS(item, AST_RANGE_SUBSELECT))
		{
			alias = ((const AstRangeSubselect *) item)->alias;
			t = subquery_rel(ps, (const AstRangeSubselect *) item);
		}
		else
		{
			bool		is_cte = false;

			alias = ((const AstRangeVar *) item)->alias;
			t = cte_lookup(ps, q, (const AstRangeVar *) item, left, &is_cte);
			if (!is_cte)
				t = lookup_relation(ps, (const AstRangeVar *) item, false);
		}
		if (!t)
			return -1;
		if (t->relkind != 'r' && t->relkind != 'v' && t->relkind != 'f' && t->relkind != 'q')
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "selecting from sequence \"%s\" is not supported yet", t->name);
			return -1;
		}
		name = alias ? alias->aliasname : t->name;
		for (Scope *o = q->scope; o; o = o->next)
			if (strcmp(o->alias ? o->alias : o->relname, name) == 0)
			{
				mg_error(ps->err, SQLSTATE_DUPLICATE_ALIAS, "table name \"%s\" specified more than once", name);
				return -1;
			}
		if (q->nrels == *cap)
		{
			int			ncap = *cap * 2;

			q->rels = arena_realloc(ps->a, q->rels, sizeof(CatTable *) * *cap, sizeof(CatTable *) * ncap);
			q->rel_base = arena_realloc(ps->a, q->rel_base, sizeof(int) * *cap, sizeof(int) * ncap);
			q->rel_left = arena_realloc(ps->a, q->rel_left, sizeof(bool) * *cap, sizeof(bool) * ncap);
			q->rel_on = arena_realloc(ps->a, q->rel_on, sizeof(Expr *) * *cap, sizeof(Expr *) * ncap);
			*cap = ncap;
		}
		sc = scope_for_table(ps->a, t, alias ? alias->aliasname : NULL, base);
		if (*last)
			(*last)->next = sc;
		else
			q->scope = sc;
		*last = sc;
		q->rels[q->nrels] = t;
		q->rel_base[q->nrels] = base;
		q->rel_left[q->nrels] = left;
		q->rel_on[q->nrels] = NULL;
		q->nrels++;
		ps->scope = q->scope;
		if (using_cols)
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "JOIN ... USING is not supported yet");
			return -1;
		}
		if (on)
		{
			Expr	   *e;

			ps->allow_aggs = false;
			ps->agg_context = "JOIN conditions";
			if (!(e = transform_expr(ps, on)) || !(e = coerce_to_bool(ps, e, "JOIN/ON")))
				return -1;
			q->rel_on[q->nrels - 1] = e;
		}
	}
	return 0;
}

int
transform_from_join(ParseState *ps, Query *q, const AstList *from)
{
	int			cap = 4;
	Scope	   *last = NULL;

	q->rels = arena_new_array(ps->a, const CatTable *, cap);
	q->rel_base = arena_new_array(ps->a, int, cap);
	q->rel_left = arena_new_array(ps->a, bool, cap);
	q->rel_on = arena_new_array(ps->a, Expr *, cap);
	for (int i = 0; i < ast_list_length(from); i++)
		if (add_join_item(ps, q, ast_list_nth(from, i), false, NULL, NULL, &cap, &last) < 0)
			return -1;
	if (q->nrels == 1)
	{
		q->rel = q->rels[0];
		q->nrels = 0;
	}
	return 0;
}

int
transform_from_table(ParseState *ps, Query *q, const AstRangeVar *rv)
{
	const CatTable *t;
	Scope	   *sc;
	bool		is_cte = false;

	if ((t = cte_lookup(ps, q, rv, false, &is_cte)) || is_cte)
	{
		/* A WITH item: its relation already carries the alias's column names. */
		if (!t)
			return -1;
		q->rel = t;
		q->scope = scope_for_table(ps->a, t, rv->alias ? rv->alias->aliasname : NULL, 0);
		return 0;
	}
	if (!(t = lookup_relation(ps, rv, false)))
		return -1;
	if (t->relkind != 'r' && t->relkind != 'v')
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "selecting from sequence \"%s\" is not supported yet",
				 t->name);
		pstate_position(ps, rv->hdr.location);
		return -1;
	}
	sc = scope_for_table(ps->a, t, rv->alias ? rv->alias->aliasname : NULL, 0);
	if (rv->alias && rv->alias->colnames)
	{
		int			n = ast_list_length(rv->alias->colnames);

		if (n > sc->ncols)
		{
			mg_error(ps->err, SQLSTATE_INVALID_COLUMN_REFERENCE,
					 "table \"%s\" has %d columns available but %d columns specified",
					 rv->alias->aliasname, sc->ncols, n);
			pstate_position(ps, rv->hdr.location);
			return -1;
		}
		for (int i = 0; i < n; i++)
			sc->cols[i].name = ast_strval(ast_list_nth(rv->alias->colnames, i));
	}
	q->rel = t;
	q->scope = sc;
	return 0;
}
