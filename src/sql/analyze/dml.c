/*
 * dml.c — analysis of INSERT, UPDATE and DELETE (single table), with
 * RETURNING and INSERT ... ON CONFLICT.
 *
 * Design notes:
 *   - INSERT ... VALUES builds full table rows directly: each listed value
 *     is coerced to its column (assignment context, PostgreSQL's error
 *     42804 and hint otherwise), DEFAULT and unlisted columns take the
 *     column default (copied into the plan with fresh cache slots) or NULL.
 *   - INSERT ... SELECT keeps the source query; per-column expressions then
 *     map the source row to the table row.
 *   - UPDATE/DELETE scan the target with the WHERE clause (the planner may
 *     use an index); UPDATE keeps one SET expression per changed column.
 *   - ON CONFLICT DO UPDATE sees the existing row at slots 0..n-1 and
 *     EXCLUDED at n..2n-1.
 *
 * Invariants:
 *   1. A Query for DML has target set; rows handed to the Modify node are
 *      full table rows (VALUES) or source rows mapped by col_exprs.
 */
#include <string.h>

#include <memgres/sqlstate.h>

#include "../analyze.h"
#include "../catalog.h"
#include "../cte.h"
#include "../engine.h"
#include "../plan.h"

static void *
fail_at(ParseState *ps, int location)
{
	pstate_position(ps, location);
	return NULL;
}

static void
renumber_cache(ParseState *ps, Expr *e)
{
	if (!e)
		return;
	if (e->kind == EXPR_FUNC)
		e->u.func.cache_slot = ps->ncache++;
	for (int i = 0; i < e->nargs; i++)
		renumber_cache(ps, e->args[i]);
	if (e->kind == EXPR_CASE)
	{
		for (int i = 0; i < e->u.kase.nwhen; i++)
		{
			renumber_cache(ps, e->u.kase.when[i]);
			renumber_cache(ps, e->u.kase.then[i]);
		}
		renumber_cache(ps, e->u.kase.defresult);
	}
}

/* The column's default as a plan expression, or a typed NULL. */
static Expr *
column_default(ParseState *ps, const CatColumn *c)
{
	Expr	   *e;

	if (!c->default_expr)
		return expr_const(ps->a, c->type, c->typmod, 0, true, -1);
	e = expr_copy(ps->a, c->default_expr);
	renumber_cache(ps, e);
	return e;
}

/* Error position of the i-th output column of INSERT's SELECT: its expression's leftmost token. */
static int
select_target_location(const AstSelectStmt *src, int i)
{
	if (src->op == AST_SETOP_NONE && i < ast_list_length(src->target_list))
		return ast_expr_location(((const AstResTarget *) ast_list_nth(src->target_list, i))->val);
	return src->hdr.location;
}

static Expr *
assign_coerce(ParseState *ps, const CatColumn *c, Expr *e, int location)
{
	Expr	   *r;

	if (e->kind == EXPR_CONST && e->type == UNKNOWNOID)
		return coerce_to(ps, e, c->type, c->typmod, CAST_ASSIGNMENT, location);	/* input errors as they are */
	if ((r = coerce_to(ps, e, c->type, c->typmod, CAST_ASSIGNMENT, location)))
		return r;
	if (strcmp(ps->err->sqlstate, SQLSTATE_DATATYPE_MISMATCH) != 0 &&
		strcmp(ps->err->sqlstate, SQLSTATE_CANNOT_COERCE) != 0)
		return NULL;
	mg_error_reset(ps->err);
	mg_error(ps->err, SQLSTATE_DATATYPE_MISMATCH, "column \"%s\" is of type %s but expression is of type %s",
			 c->name, type_display_name(ps, c->type), type_display_name(ps, e->type));
	mg_error_hint(ps->err, "You will need to rewrite or cast the expression.");
	return fail_at(ps, location);
}

static const CatTable *
target_table(ParseState *ps, const AstRangeVar *rv)
{
	const CatTable *t = lookup_relation(ps, rv, false);

	if (!t)
		return NULL;
	if (t->relkind == 'v')
	{
		mg_error(ps->err, SQLSTATE_INSUFFICIENT_PRIVILEGE, "permission denied: \"%s\" is a system catalog", t->name);
		return fail_at(ps, rv->hdr.location);
	}
	if (t->relkind != 'r')
	{
		mg_error(ps->err, SQLSTATE_WRONG_OBJECT_TYPE, "cannot change sequence \"%s\"", t->name);
		return fail_at(ps, rv->hdr.location);
	}
	return t;
}

static int
analyze_returning(ParseState *ps, Query *q, const AstList *list)
{
	int			n = ast_list_length(list);
	int			cap = n + 8;
	const char **names = arena_new_array(ps->a, const char *, cap);
	SqlColumn  *cols;

	if (n == 0)
		return 0;
	q->returning = arena_new_array(ps->a, Expr *, cap);
	ps->allow_aggs = false;
	ps->agg_context = "RETURNING";
	for (int i = 0; i < n; i++)
	{
		const AstResTarget *rt = (const AstResTarget *) ast_list_nth(list, i);
		Expr	   *e;

		if (AST_IS(rt->val, AST_COLUMN_REF) &&
			AST_IS(ast_list_nth(((const AstColumnRef *) rt->val)->fields,
								ast_list_length(((const AstColumnRef *) rt->val)->fields) - 1), AST_STAR))
		{
			const Scope *sc = ps->scope;

			for (int k = 0; k < sc->ncols; k++)
			{
				if (q->nreturning + 1 >= cap)
				{
					q->returning = arena_realloc(ps->a, q->returning, sizeof(Expr *) * cap, sizeof(Expr *) * cap * 2);
					names = arena_realloc(ps->a, names, sizeof(char *) * cap, sizeof(char *) * cap * 2);
					cap *= 2;
				}
				e = expr_new(ps->a, EXPR_VAR, sc->cols[k].type, 0, rt->hdr.location);
				e->typmod = sc->cols[k].typmod;
				e->u.var = sc->cols[k].slot;
				names[q->nreturning] = sc->cols[k].name;
				q->returning[q->nreturning++] = e;
			}
			continue;
		}
		if (!(e = transform_expr(ps, rt->val)))
			return -1;
		if (e->type == UNKNOWNOID && !(e = coerce_to(ps, e, TEXTOID, -1, CAST_IMPLICIT, rt->hdr.location)))
			return -1;
		if (q->nreturning + 1 >= cap)
		{
			q->returning = arena_realloc(ps->a, q->returning, sizeof(Expr *) * cap, sizeof(Expr *) * cap * 2);
			names = arena_realloc(ps->a, names, sizeof(char *) * cap, sizeof(char *) * cap * 2);
			cap *= 2;
		}
		names[q->nreturning] = rt->name ? rt->name : figure_colname(rt->val);
		q->returning[q->nreturning++] = e;
	}
	cols = arena_new_array(ps->a, SqlColumn, q->nreturning);
	for (int i = 0; i < q->nreturning; i++)
	{
		const MgType *t = type_by_oid(q->returning[i]->type);

		cols[i].name = arena_strdup(ps->a, names[i]);	/* may point into the catalog */
		cols[i].type_oid = q->returning[i]->type;
		cols[i].typmod = q->returning[i]->typmod;
		cols[i].typlen = t ? t->typlen : -1;
		if (q->returning[i]->kind == EXPR_VAR && q->returning[i]->u.var < q->target->ncols)
		{
			cols[i].table_oid = q->target->oid;
			cols[i].attnum = q->target->cols[q->returning[i]->u.var].attnum;
		}
	}
	q->cols = cols;
	q->nvisible = q->nreturning;
	return 0;
}

/* The unique index an ON CONFLICT target names. */
static int
infer_arbiter(ParseState *ps, Query *q, const AstInferClause *inf)
{
	const CatTable *t = q->target;

	if (!inf)
		return 0;
	if (inf->conname)
	{
		const CatConstraint *c = cattable_constraint(t, inf->conname);

		if (!c || (c->type != CON_UNIQUE && c->type != CON_PRIMARY))
		{
			mg_error(ps->err, SQLSTATE_UNDEFINED_OBJECT, "constraint \"%s\" for table \"%s\" does not exist",
					 inf->conname, t->name);
			return -1;
		}
		q->arbiter = cattable_index(t, c->index);
		return 0;
	}
	{
		int			n = ast_list_length(inf->index_elems);
		int16_t		cols[32];

		for (int i = 0; i < n && i < 32; i++)
		{
			const AstIndexElem *el = (const AstIndexElem *) ast_list_nth(inf->index_elems, i);
			const CatColumn *c = el->name ? cattable_column(t, el->name) : NULL;

			if (!c)
			{
				if (el->name)
					mg_error(ps->err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" does not exist", el->name);
				else
					mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ON CONFLICT on expressions is not supported yet");
				pstate_position(ps, el->hdr.location);
				return -1;
			}
			cols[i] = c->attnum;
		}
		for (int i = 0; i < t->nindexes; i++)
		{
			const CatIndex *ix = &t->indexes[i];
			int			hit = 0;

			if (!ix->unique || ix->ncols != n)
				continue;
			for (int a = 0; a < n; a++)
				for (int b = 0; b < n; b++)
					if (ix->attnums[a] == cols[b])
						hit++;
			if (hit == n)
			{
				q->arbiter = ix;
				return 0;
			}
		}
		mg_error(ps->err, SQLSTATE_INVALID_COLUMN_REFERENCE,
				 "there is no unique or exclusion constraint matching the ON CONFLICT specification");
		return -1;
	}
}

/* SET col = expr, ... into per-column expressions (UPDATE and DO UPDATE). */
static Expr **
analyze_set_list(ParseState *ps, const CatTable *t, const AstList *targets)
{
	Expr	  **set = arena_new_array(ps->a, Expr *, t->ncols + 1);

	ps->allow_aggs = false;
	ps->agg_context = "UPDATE";
	for (int i = 0; i < ast_list_length(targets); i++)
	{
		const AstResTarget *rt = (const AstResTarget *) ast_list_nth(targets, i);
		const CatColumn *c = cattable_column(t, rt->name);
		int			ci;
		Expr	   *e;

		if (!c)
		{
			mg_error(ps->err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
					 rt->name, t->name);
			return fail_at(ps, rt->hdr.location);
		}
		if (rt->indirection)
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "assignment to subscripts or fields is not supported yet");
			return fail_at(ps, rt->hdr.location);
		}
		ci = c->attnum - 1;
		if (set[ci])
		{
			mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "multiple assignments to same column \"%s\"", rt->name);
			return fail_at(ps, rt->hdr.location);
		}
		if (AST_IS(rt->val, AST_SET_TO_DEFAULT))
			e = column_default(ps, c);
		else if (AST_IS(rt->val, AST_MULTI_ASSIGN_REF))
		{
			const AstMultiAssignRef *m = (const AstMultiAssignRef *) rt->val;

			if (!AST_IS(m->source, AST_ROW_EXPR))
			{
				mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "UPDATE SET (...) = (subquery) is not supported yet");
				return fail_at(ps, rt->hdr.location);
			}
			{
				const AstList *args = ((const AstRowExpr *) m->source)->args;

				if (ast_list_length(args) != m->ncolumns)
				{
					mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "number of columns does not match number of values");
					return fail_at(ps, rt->hdr.location);
				}
				{
					const AstNode *v = ast_list_nth(args, m->colno - 1);

					if (AST_IS(v, AST_SET_TO_DEFAULT))
						e = column_default(ps, c);
					else if (!(e = transform_expr(ps, v)) || !(e = assign_coerce(ps, c, e, ast_expr_location(v))))
						return NULL;
				}
			}
		}
		else if (!(e = transform_expr(ps, rt->val)) || !(e = assign_coerce(ps, c, e, ast_expr_location(rt->val))))
			return NULL;
		if (c->identity == 'a' && !AST_IS(rt->val, AST_SET_TO_DEFAULT))
		{
			mg_error(ps->err, SQLSTATE_GENERATED_ALWAYS, "column \"%s\" can only be updated to DEFAULT", c->name);
			mg_error_detail(ps->err, "Column \"%s\" is an identity column defined as GENERATED ALWAYS.", c->name);
			return NULL;
		}
		set[ci] = e;
	}
	return set;
}

static Query *
insert_body(ParseState *ps, const AstInsertStmt *st)
{
	Query	   *q = arena_new(ps->a, Query);
	const CatTable *t;
	int			ncols;
	int		   *map;			/* listed position -> table column index */
	int			nlisted;
	const AstSelectStmt *src = st->select_stmt;

	if (!(t = target_table(ps, st->relation)))
		return NULL;
	q->cmd = CMD_INSERT;
	q->target = t;
	ncols = t->ncols;
	map = arena_new_array(ps->a, int, ncols + 1);
	if (st->cols)
	{
		bool	   *seen = arena_new_array(ps->a, bool, ncols + 1);

		nlisted = ast_list_length(st->cols);
		map = arena_new_array(ps->a, int, nlisted + 1);
		for (int i = 0; i < nlisted; i++)
		{
			const AstResTarget *rt = (const AstResTarget *) ast_list_nth(st->cols, i);
			const CatColumn *c = cattable_column(t, rt->name);

			if (!c)
			{
				mg_error(ps->err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
						 rt->name, t->name);
				return fail_at(ps, rt->hdr.location);
			}
			if (rt->indirection)
			{
				mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "INSERT into subscripts or fields is not supported yet");
				return fail_at(ps, rt->hdr.location);
			}
			if (seen[c->attnum - 1])
			{
				mg_error(ps->err, SQLSTATE_DUPLICATE_COLUMN, "column \"%s\" specified more than once", rt->name);
				return fail_at(ps, rt->hdr.location);
			}
			seen[c->attnum - 1] = true;
			map[i] = c->attnum - 1;
		}
	}
	else
	{
		nlisted = 0;
		for (int i = 0; i < ncols; i++)
			if (!t->cols[i].dropped)
				map[nlisted++] = i;
	}

	if (!src || src->values_lists)
	{
		/* DEFAULT VALUES or VALUES: full table rows. */
		int			nrows = src ? ast_list_length(src->values_lists) : 1;

		q->nvalues = nrows;
		q->values = arena_new_array(ps->a, Expr **, nrows);
		q->ntargets = ncols;
		ps->allow_aggs = false;
		ps->agg_context = "VALUES";
		for (int r = 0; r < nrows; r++)
		{
			const AstList *row = src ? (const AstList *) ast_list_nth(src->values_lists, r) : NULL;
			int			n = ast_list_length(row);
			Expr	  **vals = arena_new_array(ps->a, Expr *, ncols + 1);
			bool	   *given = arena_new_array(ps->a, bool, ncols + 1);

			if (r > 0 && n != ast_list_length((const AstList *) ast_list_nth(src->values_lists, 0)))
			{
				mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "VALUES lists must all be the same length");
				return fail_at(ps, n > 0 ? ast_list_nth(row, 0)->location : src->hdr.location);
			}
			if (n > nlisted)
			{
				mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "INSERT has more expressions than target columns");
				return fail_at(ps, ast_list_nth(row, nlisted)->location);
			}
			if (n < nlisted && st->cols)
			{
				mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "INSERT has more target columns than expressions");
				return fail_at(ps, ast_list_nth(st->cols, n)->location);
			}
			for (int i = 0; i < n; i++)
			{
				const AstNode *v = ast_list_nth(row, i);
				const CatColumn *c = &t->cols[map[i]];

				given[map[i]] = true;
				if (AST_IS(v, AST_SET_TO_DEFAULT))
				{
					vals[map[i]] = column_default(ps, c);
					continue;
				}
				if (c->identity == 'a' && st->override != AST_OVERRIDING_SYSTEM_VALUE)
				{
					mg_error(ps->err, SQLSTATE_GENERATED_ALWAYS, "cannot insert a non-DEFAULT value into column \"%s\"",
							 c->name);
					mg_error_detail(ps->err, "Column \"%s\" is an identity column defined as GENERATED ALWAYS.", c->name);
					mg_error_hint(ps->err, "Use OVERRIDING SYSTEM VALUE to override.");
					return NULL;
				}
				if (!(vals[map[i]] = transform_expr(ps, v)) ||
					!(vals[map[i]] = assign_coerce(ps, c, vals[map[i]], ast_expr_location(v))))
					return NULL;
				if (c->identity == 'd' && st->override == AST_OVERRIDING_USER_VALUE)
					vals[map[i]] = column_default(ps, c);
			}
			for (int i = 0; i < ncols; i++)
				if (!given[i])
					vals[i] = t->cols[i].dropped ? expr_const(ps->a, t->cols[i].type, -1, 0, true, -1)
						: column_default(ps, &t->cols[i]);
			q->values[r] = vals;
		}
	}
	else
	{
		ParseState	sub;
		Query	   *sq;

		sub = *ps;
		sub.scope = NULL;
		sub.naggs = 0;
		sub.aggs = NULL;
		sub.aggs_cap = 0;
		if (!(sq = analyze_select(&sub, src)))
			return NULL;
		/* parameters and cache slots are shared with the outer statement */
		pstate_take_shared(ps, &sub);
		if (sq->nvisible > nlisted)
		{
			mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "INSERT has more expressions than target columns");
			return fail_at(ps, select_target_location(src, nlisted));
		}
		if (sq->nvisible < nlisted && st->cols)
		{
			mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "INSERT has more target columns than expressions");
			return fail_at(ps, src->hdr.location);
		}
		q->source = sq;
		q->col_exprs = arena_new_array(ps->a, Expr *, ncols + 1);
		for (int i = 0; i < sq->nvisible; i++)
		{
			const CatColumn *c = &t->cols[map[i]];
			Expr	   *v = expr_new(ps->a, EXPR_VAR, sq->targets[i]->type, 0, -1);

			v->typmod = sq->targets[i]->typmod;
			v->u.var = i;
			if (c->identity == 'a' && st->override != AST_OVERRIDING_SYSTEM_VALUE)
			{
				mg_error(ps->err, SQLSTATE_GENERATED_ALWAYS, "cannot insert a non-DEFAULT value into column \"%s\"",
						 c->name);
				mg_error_detail(ps->err, "Column \"%s\" is an identity column defined as GENERATED ALWAYS.", c->name);
				mg_error_hint(ps->err, "Use OVERRIDING SYSTEM VALUE to override.");
				return NULL;
			}
			if (!(q->col_exprs[map[i]] = assign_coerce(ps, c, v, select_target_location(src, i))))
				return NULL;
		}
		for (int i = 0; i < ncols; i++)
			if (!q->col_exprs[i])
				q->col_exprs[i] = t->cols[i].dropped ? expr_const(ps->a, t->cols[i].type, -1, 0, true, -1)
					: column_default(ps, &t->cols[i]);
	}

	/* ON CONFLICT */
	if (st->on_conflict)
	{
		const AstOnConflictClause *oc = st->on_conflict;

		q->onconflict = oc->action == AST_ONCONFLICT_NOTHING ? 1 : 2;
		if (infer_arbiter(ps, q, oc->infer) < 0)
			return NULL;
		if (q->onconflict == 2)
		{
			Scope	   *sc = scope_for_table(ps->a, t, st->relation->alias ? st->relation->alias->aliasname : NULL, 0);
			Scope	   *ex = scope_for_table(ps->a, t, "excluded", t->ncols);

			if (!oc->infer)
			{
				mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "ON CONFLICT DO UPDATE requires inference specification or constraint name");
				mg_error_hint(ps->err, "For example, ON CONFLICT (column_name).");
				return fail_at(ps, oc->hdr.location);
			}
			sc->next = ex;
			ps->scope = sc;
			if (!(q->conflict_set = analyze_set_list(ps, t, oc->target_list)))
				return NULL;
			if (oc->where_clause)
			{
				ps->agg_context = "WHERE";
				if (!(q->conflict_where = transform_expr(ps, oc->where_clause)) ||
					!(q->conflict_where = coerce_to_bool(ps, q->conflict_where, "WHERE")))
					return NULL;
			}
		}
	}

	/* RETURNING sees the new row. */
	ps->scope = scope_for_table(ps->a, t, st->relation->alias ? st->relation->alias->aliasname : NULL, 0);
	q->scope = ps->scope;
	if (analyze_returning(ps, q, st->returning_list) < 0)
		return NULL;
	return q;
}

static int
dml_scope(ParseState *ps, Query *q, const AstRangeVar *rv)
{
	const CatTable *t = target_table(ps, rv);

	if (!t)
		return -1;
	q->target = t;
	q->rel = t;
	q->scope = scope_for_table(ps->a, t, rv->alias ? rv->alias->aliasname : NULL, 0);
	ps->scope = q->scope;
	return 0;
}

static int
dml_where(ParseState *ps, Query *q, const AstNode *where)
{
	if (!where)
		return 0;
	ps->allow_aggs = false;
	ps->agg_context = "WHERE";
	if (!(q->where = transform_expr(ps, where)) || !(q->where = coerce_to_bool(ps, q->where, "WHERE")))
		return -1;
	return 0;
}

static Query *
update_body(ParseState *ps, const AstUpdateStmt *st)
{
	Query	   *q = arena_new(ps->a, Query);

	if (st->from_clause)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "UPDATE with FROM is not supported yet");
		return fail_at(ps, st->hdr.location);
	}
	q->cmd = CMD_UPDATE;
	if (dml_scope(ps, q, st->relation) < 0)
		return NULL;
	if (!(q->set_exprs = analyze_set_list(ps, q->target, st->target_list)))
		return NULL;
	if (dml_where(ps, q, st->where_clause) < 0)
		return NULL;
	if (analyze_returning(ps, q, st->returning_list) < 0)
		return NULL;
	return q;
}

static Query *
delete_body(ParseState *ps, const AstDeleteStmt *st)
{
	Query	   *q = arena_new(ps->a, Query);

	if (st->using_clause)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "DELETE with USING is not supported yet");
		return fail_at(ps, st->hdr.location);
	}
	q->cmd = CMD_DELETE;
	if (dml_scope(ps, q, st->relation) < 0)
		return NULL;
	if (dml_where(ps, q, st->where_clause) < 0)
		return NULL;
	if (analyze_returning(ps, q, st->returning_list) < 0)
		return NULL;
	return q;
}

/* WITH on INSERT / UPDATE / DELETE: the statement owns the items (analyze/cte.c). */
Query *
analyze_insert(ParseState *ps, const AstInsertStmt *st)
{
	CteLevel	lvl;

	if (cte_begin(ps, st->with_clause, true, &lvl) < 0)
		return NULL;
	return cte_end(ps, &lvl, insert_body(ps, st));
}

Query *
analyze_update(ParseState *ps, const AstUpdateStmt *st)
{
	CteLevel	lvl;

	if (cte_begin(ps, st->with_clause, true, &lvl) < 0)
		return NULL;
	return cte_end(ps, &lvl, update_body(ps, st));
}

Query *
analyze_delete(ParseState *ps, const AstDeleteStmt *st)
{
	CteLevel	lvl;

	if (cte_begin(ps, st->with_clause, true, &lvl) < 0)
		return NULL;
	return cte_end(ps, &lvl, delete_body(ps, st));
}
