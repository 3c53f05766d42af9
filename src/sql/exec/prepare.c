/*
 * prepare.c — SQL-level prepared statements: PREPARE, EXECUTE, DEALLOCATE.
 *
 * Design notes:
 *   - PREPARE parses the inner statement again from its own source text
 *     (the text after AS) into an arena owned by the session's list entry,
 *     then prepares it with sql_prepare, so the plan is made once and reused
 *     by every EXECUTE (and re-made after DDL like any prepared statement).
 *   - EXECUTE analyses its argument expressions, coerces them to the
 *     statement's parameter types (assignment rules), evaluates them, and
 *     runs an inner portal whose rows and tag are passed through.
 *
 * Invariants:
 *   1. A name appears at most once in s->prepared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/mem.h>
#include <memgres/sqlstate.h>

#include "../analyze.h"
#include "../ast.h"
#include "../engine.h"
#include "../prepare.h"

static SqlNamedPrepared *
find_prepared(SqlSession *s, const char *name)
{
	for (SqlNamedPrepared *np = s->prepared; np; np = np->next)
		if (strcmp(np->name, name) == 0)
			return np;
	return NULL;
}

void
prepared_free_all(SqlSession *s)
{
	while (s->prepared)
	{
		SqlNamedPrepared *np = s->prepared;

		s->prepared = np->next;
		free(np->name);
		arena_free(np->arena);
		free(np);
	}
}

int
prepare_stmt_run(SqlPortal *portal, MgError *err)
{
	SqlSession *s = portal->session;
	const AstPrepareStmt *ps = (const AstPrepareStmt *) portal->p->ast;
	int			nargs = ast_list_length(ps->argtypes);
	Oid		   *types = arena_new_array(portal->a, Oid, nargs + 1);
	ParseState	pst;
	Arena	   *a;
	AstStmtList list;
	SqlStmt		st;
	SqlPrepared *prep;
	SqlNamedPrepared *np;

	if (find_prepared(s, ps->name))
	{
		mg_error(err, SQLSTATE_DUPLICATE_PSTATEMENT, "prepared statement \"%s\" already exists", ps->name);
		return -1;
	}
	pstate_init(&pst, s, portal->a, portal->p->query, NULL, 0, err);
	for (int i = 0; i < nargs; i++)
	{
		int32_t		typmod;

		if (transform_type_name(&pst, (const AstTypeName *) ast_list_nth(ps->argtypes, i), &types[i], &typmod) < 0)
			return -1;
	}
	/*
	 * The inner statement keeps the whole PREPARE text as its source (the
	 * grammar gives no offset for it); re-planning unwraps it again.
	 */
	a = arena_create(4096);
	st.query = arena_strdup(a, portal->p->text);
	st.text = st.query;
	if (sql_ast_parse(a, st.query, &list, err) < 0 || list.n != 1 || !AST_IS(list.stmts[0].stmt, AST_PREPARE_STMT))
	{
		if (!mg_error_isset(err))
			mg_error(err, SQLSTATE_INTERNAL_ERROR, "PREPARE text does not parse to one statement");
		arena_free(a);
		return -1;
	}
	/* Names in the plan point into the AST: it must live in the statement's own arena. */
	st.ast = ((const AstPrepareStmt *) list.stmts[0].stmt)->query;
	if (!(prep = sql_prepare(s, a, &st, types, nargs, err)))
	{
		arena_free(a);
		return -1;
	}
	np = mg_calloc(1, sizeof(SqlNamedPrepared));
	np->name = mg_strdup(ps->name);
	np->arena = a;
	np->prep = prep;
	np->next = s->prepared;
	s->prepared = np;
	snprintf(portal->tag, sizeof(portal->tag), "PREPARE");
	return 0;
}

int
deallocate_run(SqlPortal *portal, MgError *err)
{
	SqlSession *s = portal->session;
	const AstDeallocateStmt *ds = (const AstDeallocateStmt *) portal->p->ast;

	if (!ds->name)
		prepared_free_all(s);
	else
	{
		SqlNamedPrepared **pp;

		for (pp = &s->prepared; *pp; pp = &(*pp)->next)
			if (strcmp((*pp)->name, ds->name) == 0)
				break;
		if (!*pp)
		{
			mg_error(err, SQLSTATE_UNDEFINED_PSTATEMENT, "prepared statement \"%s\" does not exist", ds->name);
			return -1;
		}
		{
			SqlNamedPrepared *np = *pp;

			*pp = np->next;
			free(np->name);
			arena_free(np->arena);
			free(np);
		}
	}
	snprintf(portal->tag, sizeof(portal->tag), "%s", ds->name ? "DEALLOCATE" : "DEALLOCATE ALL");
	return 0;
}

int
execute_prepare(SqlSession *s, SqlPrepared *p, MgError *err)
{
	const AstExecuteStmt *es = (const AstExecuteStmt *) p->ast;
	SqlNamedPrepared *np = find_prepared(s, es->name);

	if (!np)
	{
		mg_error(err, SQLSTATE_UNDEFINED_PSTATEMENT, "prepared statement \"%s\" does not exist", es->name);
		return -1;
	}
	p->command = np->prep->command;
	p->has_result = np->prep->has_result;
	p->desc = np->prep->desc;
	return 0;
}

SqlRunResult
execute_run(SqlPortal *portal, SqlDest *dest, int64_t max_rows, MgError *err)
{
	SqlSession *s = portal->session;
	SqlPortal  *inner = portal->inner;
	SqlRunResult r;

	if (!inner)
	{
		const AstExecuteStmt *es = (const AstExecuteStmt *) portal->p->ast;
		SqlNamedPrepared *np = find_prepared(s, es->name);
		int			n = ast_list_length(es->params);
		Datum	   *vals;
		bool	   *nulls;
		ParseState	ps;

		if (!np)
		{
			mg_error(err, SQLSTATE_UNDEFINED_PSTATEMENT, "prepared statement \"%s\" does not exist", es->name);
			return SQL_ERROR;
		}
		if (n != np->prep->nparams)
		{
			mg_error(err, SQLSTATE_SYNTAX_ERROR, "wrong number of parameters for prepared statement \"%s\"",
					 es->name);
			mg_error_detail(err, "Expected %d parameters but got %d.", np->prep->nparams, n);
			return SQL_ERROR;
		}
		vals = arena_new_array(portal->a, Datum, n + 1);
		nulls = arena_new_array(portal->a, bool, n + 1);
		pstate_init(&ps, s, portal->a, portal->p->query, NULL, 0, err);
		ps.params_fixed = true;
		ps.allow_aggs = false;
		ps.agg_context = "EXECUTE parameter";
		for (int i = 0; i < n; i++)
		{
			const AstNode *an = ast_list_nth(es->params, i);
			Expr	   *e = transform_expr(&ps, an);
			Oid			want = np->prep->param_types[i];

			if (!e)
				return SQL_ERROR;
			if (e->kind == EXPR_CONST && e->type == UNKNOWNOID)
			{
				if (!(e = coerce_to(&ps, e, want, -1, CAST_ASSIGNMENT, an->location)))
					return SQL_ERROR;
			}
			else if (!(e = coerce_to(&ps, e, want, -1, CAST_ASSIGNMENT, an->location)))
			{
				mg_error_reset(err);
				mg_error(err, SQLSTATE_DATATYPE_MISMATCH,
						 "parameter $%d of type %s cannot be coerced to the expected type %s", i + 1,
						 type_display_name(&ps, transform_expr(&ps, an)->type), type_display_name(&ps, want));
				mg_error_hint(err, "You will need to rewrite or cast the expression.");
				return SQL_ERROR;
			}
			if (expr_eval(&ps.ectx, NULL, e, NULL, &vals[i], &nulls[i]) < 0)
				return SQL_ERROR;
		}
		if (!(inner = sql_portal_new(s, portal->a, np->prep, vals, nulls, err)))
			return SQL_ERROR;
		portal->inner = inner;
	}
	r = sql_portal_run(inner, dest, max_rows, err);
	if (r == SQL_DONE)
		snprintf(portal->tag, sizeof(portal->tag), "%s", sql_portal_tag(inner));
	return r;
}
