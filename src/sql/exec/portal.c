/*
 * portal.c — statements of <memgres/sql.h>: sql_parse, sql_prepare and
 * portals (sql_portal_new / _run / _close).
 *
 * Design notes:
 *   - sql_prepare analyses and plans queries into the prepared statement's
 *     arena; the plan keeps no pointer into the AST, so the statement list
 *     (message arena) may go.  Utility statements are run from their AST,
 *     so they are parsed again from their text into the prepared arena.
 *   - A portal runs its plan pull-style, one row per exec_next.  Delivery
 *     can stop after any row: max_rows (SQL_SUSPENDED), the destination
 *     asking to stop (SQL_BLOCKED) or a pg_sleep deadline (SQL_WAIT: the
 *     computed row is held and delivered after the deadline).
 *
 * Portal states:
 *
 *   PORTAL_NEW --sql_portal_run--> PORTAL_RUNNING --rows exhausted--> PORTAL_DONE
 *        |                              |
 *        +--------- error --------------+--> PORTAL_FAILED
 *
 * Invariants:
 *   1. portal->row_pending implies the root's output row is intact (no
 *      exec_next call since it was produced).
 *   2. sql_portal_close releases everything exec_start acquired.
 */
#include <stdio.h>
#include <string.h>

#include <memgres/sqlstate.h>

#include "../analyze.h"
#include "../ast.h"
#include "../copy.h"
#include "../prepare.h"
#include "../engine.h"
#include "../exec.h"
#include "../plan.h"

/* ---- parsing ------------------------------------------------------------- */

int
sql_parse(SqlSession *s, Arena *a, const char *query, SqlStmt ***stmts, int *n, MgError *err)
{
	AstStmtList list;
	const char *q;
	int			rc;

	*stmts = NULL;
	*n = 0;
	q = arena_strdup(a, query);
	rc = sql_ast_parse(a, q, &list, err);
	/* The scanner's notices (identifier truncation) precede any statement and any syntax error. */
	for (int i = 0; s && i < list.nnotices; i++)
		session_notice(s, MG_SEV_NOTICE, SQLSTATE_NAME_TOO_LONG, "%s", list.notices[i]);
	if (rc < 0)
		return -1;
	*stmts = arena_new_array(a, SqlStmt *, list.n > 0 ? list.n : 1);
	for (int i = 0; i < list.n; i++)
	{
		SqlStmt    *st = arena_new(a, SqlStmt);

		st->ast = list.stmts[i].stmt;
		st->query = q;
		st->text = list.stmts[i].text;
		(*stmts)[i] = st;
	}
	*n = list.n;
	return 0;
}

const char *
sql_stmt_text(const SqlStmt *st)
{
	return st->text;
}

/* ---- preparing ----------------------------------------------------------- */

static bool
is_query(const AstNode *ast)
{
	return AST_IS(ast, AST_SELECT_STMT) || AST_IS(ast, AST_INSERT_STMT) || AST_IS(ast, AST_UPDATE_STMT) ||
		AST_IS(ast, AST_DELETE_STMT);
}

static int
prepare_query(SqlSession *s, SqlPrepared *p, const SqlStmt *st, const Oid *param_types, int nparams,
			  MgError *err)
{
	ParseState	ps;

	pstate_init(&ps, s, p->a, st->query, param_types, nparams, err);
	ps.params_fixed = nparams == SQL_NO_PARAMS;
	p->catalog_version = st_catalog_version(session_read_txn(s));
	if (AST_IS(st->ast, AST_SELECT_STMT))
	{
		if (!(p->q = analyze_select(&ps, (const AstSelectStmt *) st->ast)))
			return -1;
		p->command = "SELECT";
		p->has_result = true;
		/*
		 * SELECT ... FOR UPDATE/SHARE: with one writer per database, taking
		 * the writer lock is what keeps the rows from changing until the
		 * transaction ends (and what makes read-modify-write safe).
		 */
		p->is_write = ((const AstSelectStmt *) st->ast)->locking_clause != NULL;
		p->desc.ncols = p->q->nvisible;
		p->desc.cols = p->q->cols;
	}
	else
	{
		if (AST_IS(st->ast, AST_INSERT_STMT))
		{
			p->q = analyze_insert(&ps, (const AstInsertStmt *) st->ast);
			p->command = "INSERT";
		}
		else if (AST_IS(st->ast, AST_UPDATE_STMT))
		{
			p->q = analyze_update(&ps, (const AstUpdateStmt *) st->ast);
			p->command = "UPDATE";
		}
		else
		{
			p->q = analyze_delete(&ps, (const AstDeleteStmt *) st->ast);
			p->command = "DELETE";
		}
		if (!p->q)
			return -1;
		p->is_write = true;
		p->has_result = p->q->nreturning > 0;
		p->desc.ncols = p->q->nreturning;
		p->desc.cols = p->q->cols;
	}
	pstate_finish_params(&ps);
	p->nparams = ps.nparams;
	p->param_types = ps.param_types;
	p->ncache = ps.ncache;
	if (p->is_write && p->q->cmd != CMD_SELECT)
		p->plan = plan_modify(p->a, p->q, err);
	else
		p->plan = plan_select(p->a, p->q, err);
	if (!p->plan)
		return -1;
	return 0;
}

SqlPrepared *
sql_prepare(SqlSession *s, Arena *a, const SqlStmt *st, const Oid *param_types, int nparams, MgError *err)
{
	SqlPrepared *p = arena_new(a, SqlPrepared);

	p->a = a;
	p->session = s;
	p->text = arena_strdup(a, st->text);
	if (s->xstate == XACT_FAILED && !utility_allowed_in_failed(st->ast))
	{
		mg_error(err, SQLSTATE_IN_FAILED_SQL_TRANSACTION,
				 "current transaction is aborted, commands ignored until end of transaction block");
		return NULL;
	}
	if (is_query(st->ast))
	{
		p->kind = PREP_QUERY;
		p->query = st->query;
		if (prepare_query(s, p, st, param_types, nparams, err) < 0)
			return NULL;
		return p;
	}
	/* Utility: keep an AST of our own (the statement list's arena may go first). */
	{
		AstStmtList list;

		p->kind = PREP_UTILITY;
		p->query = p->text;
		if (sql_ast_parse(a, p->text, &list, err) < 0)
			return NULL;
		if (list.n != 1)
		{
			mg_error(err, SQLSTATE_INTERNAL_ERROR, "statement text does not parse to one statement");
			return NULL;
		}
		p->ast = list.stmts[0].stmt;
	}
	if (nparams > 0)
	{
		p->nparams = nparams;
		p->param_types = arena_new_array(a, Oid, nparams);
		memcpy(p->param_types, param_types, sizeof(Oid) * (size_t) nparams);
	}
	if (utility_prepare(s, p, err) < 0)
		return NULL;
	return p;
}

int
sql_prepared_nparams(const SqlPrepared *p)
{
	return p->nparams;
}

const Oid  *
sql_prepared_param_types(const SqlPrepared *p)
{
	return p->param_types;
}

const SqlTupleDesc *
sql_prepared_result(const SqlPrepared *p)
{
	return p->has_result ? &p->desc : NULL;
}

const char *
sql_prepared_command(const SqlPrepared *p)
{
	return p->command;
}

/* ---- portals ------------------------------------------------------------- */

/* SERIALIZABLE transactions hold the writer lock from their first statement. */
static bool
serializable(SqlSession *s)
{
	return strcmp(guc_str(s->gucs, GUC_TRANSACTION_ISOLATION), "serializable") == 0;
}


SqlPortal *
sql_portal_new(SqlSession *s, Arena *a, SqlPrepared *p, const Datum *params, const bool *param_nulls,
			   MgError *err)
{
	SqlPortal  *portal = arena_new(a, SqlPortal);

	(void) err;
	portal->session = s;
	portal->a = a;
	portal->p = p;
	portal->state = PORTAL_NEW;
	if (p->nparams > 0)
	{
		portal->params = arena_new_array(a, Datum, p->nparams);
		portal->param_nulls = arena_new_array(a, bool, p->nparams);
		for (int i = 0; i < p->nparams; i++)
		{
			portal->param_nulls[i] = param_nulls ? param_nulls[i] : false;
			if (!portal->param_nulls[i])
			{
				const MgType *t = type_by_oid(p->param_types[i]);

				portal->params[i] = t ? datum_copy(a, t, params[i]) : params[i];
			}
		}
	}
	return portal;
}

const SqlTupleDesc *
sql_portal_result(const SqlPortal *portal)
{
	return sql_prepared_result(portal->p);
}

static SqlRunResult
portal_fail(SqlPortal *portal)
{
	portal->state = PORTAL_FAILED;
	sql_portal_close(portal);
	portal->state = PORTAL_FAILED;
	return SQL_ERROR;
}

/*
 * Plans again when DDL changed the catalog since the statement was prepared
 * (the plan may point at tables that no longer exist).  The text is parsed
 * again into the prepared statement's arena; parameter types stay fixed and
 * the result shape may not change (PostgreSQL's 0A000).
 */
static int
replan_if_needed(SqlPortal *portal, MgError *err)
{
	SqlPrepared *p = portal->p;
	SqlSession *s = portal->session;
	AstStmtList list;
	SqlStmt		st;
	SqlPrepared np;

	if (st_catalog_version(session_read_txn(s)) == p->catalog_version)
		return 0;
	if (sql_ast_parse(p->a, p->text, &list, err) < 0)
		return -1;
	if (list.n != 1)
	{
		mg_error(err, SQLSTATE_INTERNAL_ERROR, "statement text does not parse to one statement");
		return -1;
	}
	st.ast = list.stmts[0].stmt;
	if (AST_IS(st.ast, AST_PREPARE_STMT))
		st.ast = ((const AstPrepareStmt *) st.ast)->query;
	st.query = p->text;
	st.text = p->text;
	np = *p;
	np.q = NULL;
	np.plan = NULL;
	if (prepare_query(s, &np, &st, p->param_types, p->nparams, err) < 0)
		return -1;
	if (np.nparams != p->nparams || np.desc.ncols != p->desc.ncols)
		goto changed;
	for (int i = 0; i < np.desc.ncols; i++)
		if (np.desc.cols[i].type_oid != p->desc.cols[i].type_oid)
			goto changed;
	*p = np;
	return 0;
changed:
	mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "cached plan must not change result type");
	return -1;
}

static int
portal_start(SqlPortal *portal, MgError *err)
{
	SqlPrepared *p = portal->p;
	ExecState  *es = arena_new(portal->a, ExecState);

	if (replan_if_needed(portal, err) < 0)
		return -1;

	exec_state_init(es, portal->session, portal->a, err, portal->params, portal->param_nulls,
					p->nparams, p->param_types, p->ncache);
	portal->es = es;
	es->txn = session_read_txn(portal->session);
	if (!(portal->root = exec_start(es, p->plan)))
		return -1;
	return 0;
}

/* Delivers the held row; sets *full if the destination asked to stop. */
static int
deliver(SqlPortal *portal, SqlDest *dest, const Datum *values, const bool *nulls, bool *full, MgError *err)
{
	const SqlTupleDesc *desc = sql_portal_result(portal);

	portal->row_pending = false;
	portal->nrows++;
	return dest->row(dest, desc, values, nulls, full, err);
}

/* pg_sleep: true if the session must wait before the held row goes out. */
static bool
sleep_pending(SqlSession *s)
{
	if (s->wait.wake_at_us == 0)
		return false;
	if (now_mono_usec() < s->wait.wake_at_us)
		return true;
	s->wait.wake_at_us = 0;
	return false;
}

static SqlRunResult
run_rows(SqlPortal *portal, SqlDest *dest, int64_t max_rows, MgError *err)
{
	SqlSession *s = portal->session;
	ExecState  *es = portal->es;
	int64_t		sent = 0;

	for (;;)
	{
		bool		full = false;

		if (!portal->row_pending)
		{
			int			rc;

			if (max_rows > 0 && sent >= max_rows)
				return SQL_SUSPENDED;
			if (exec_check_interrupt(es) < 0)
				return SQL_ERROR;
			rc = exec_next(es, portal->root);
			if (rc < 0)
				return SQL_ERROR;
			if (rc == 0)
				break;
			portal->row_pending = true;
		}
		if (sleep_pending(s))
		{
			if (exec_check_interrupt(es) < 0)
				return SQL_ERROR;
			return SQL_WAIT;
		}
		if (deliver(portal, dest, portal->root->values, portal->root->nulls, &full, err) < 0)
			return SQL_ERROR;
		sent++;
		if (full)
			return SQL_BLOCKED;
	}
	if (strcmp(portal->p->command, "INSERT") == 0)
		snprintf(portal->tag, sizeof(portal->tag), "INSERT 0 %lld", (long long) es->processed);
	else if (portal->p->is_write && portal->p->q->cmd != CMD_SELECT)
		snprintf(portal->tag, sizeof(portal->tag), "%s %lld", portal->p->command, (long long) es->processed);
	else
		snprintf(portal->tag, sizeof(portal->tag), "%s %lld", portal->p->command, (long long) portal->nrows);
	return SQL_DONE;
}

static SqlRunResult
run_utility_rows(SqlPortal *portal, SqlDest *dest, int64_t max_rows, MgError *err)
{
	int64_t		sent = 0;

	while (portal->upos < portal->nurows)
	{
		bool		full = false;

		if (max_rows > 0 && sent >= max_rows)
			return SQL_SUSPENDED;
		if (dest->row(dest, &portal->p->desc, portal->urows[portal->upos], portal->unulls[portal->upos],
					  &full, err) < 0)
			return SQL_ERROR;
		portal->upos++;
		sent++;
		if (full)
			return SQL_BLOCKED;
	}
	return SQL_DONE;
}

SqlRunResult
sql_portal_run(SqlPortal *portal, SqlDest *dest, int64_t max_rows, MgError *err)
{
	SqlSession *s = portal->session;
	SqlRunResult r;

	switch (portal->state)
	{
		case PORTAL_DONE:
			return SQL_DONE;
		case PORTAL_FAILED:
			mg_error(err, SQLSTATE_INVALID_CURSOR_STATE, "portal cannot be run after an error");
			return SQL_ERROR;
		case PORTAL_NEW:
			if (s->xstate == XACT_FAILED &&
				!(portal->p->kind == PREP_UTILITY && utility_allowed_in_failed(portal->p->ast)))
			{
				mg_error(err, SQLSTATE_IN_FAILED_SQL_TRANSACTION,
						 "current transaction is aborted, commands ignored until end of transaction block");
				return portal_fail(portal);
			}
			if (portal->p->is_write || serializable(s))
			{
				StTxn	   *txn;
				int			rc;

				if (portal->p->is_write && guc_bool(s->gucs, GUC_TRANSACTION_READ_ONLY))
				{
					mg_error(err, SQLSTATE_READ_ONLY_SQL_TRANSACTION, "cannot execute %s in a read-only transaction",
							 portal->p->command);
					return portal_fail(portal);
				}
				if (exec_check_interrupt_session(s, err) < 0)
				{
					session_cancel_lock_wait(s);
					return portal_fail(portal);
				}
				rc = session_write_txn(s, &txn, err);
				if (rc < 0)
					return portal_fail(portal);
				if (rc > 0)
					return SQL_WAIT;
			}
			portal->state = PORTAL_RUNNING;
			if (portal->p->kind == PREP_QUERY)
				s->xact_ran_query = true;
			if (portal->p->kind == PREP_UTILITY &&
				(AST_IS(portal->p->ast, AST_COPY_STMT) || AST_IS(portal->p->ast, AST_EXECUTE_STMT)))
				break;
			if (portal->p->kind == PREP_UTILITY)
			{
				if (utility_run(portal, err) < 0)
				{
					s->dbwait_deadline_us = 0;
					st_cluster_cancel_notify(sql_cluster, &s->dbwait_waiter);
					return portal_fail(portal);
				}
				if (s->utility_retry)
				{
					/* run again from the start at s->wait.wake_at_us */
					s->utility_retry = false;
					portal->state = PORTAL_NEW;
					return SQL_WAIT;
				}
				s->dbwait_deadline_us = 0;
				st_cluster_cancel_notify(sql_cluster, &s->dbwait_waiter);
			}
			else if (portal_start(portal, err) < 0)
				return portal_fail(portal);
			break;
		case PORTAL_RUNNING:
			break;
	}
	if (portal->p->kind == PREP_UTILITY && AST_IS(portal->p->ast, AST_COPY_STMT))
		r = copy_run(portal, dest, err);
	else if (portal->p->kind == PREP_UTILITY && AST_IS(portal->p->ast, AST_EXECUTE_STMT))
	{
		r = execute_run(portal, dest, max_rows, err);
		if (r == SQL_COPY_IN)
			r = SQL_ERROR;
	}
	else if (portal->p->kind == PREP_UTILITY)
		r = run_utility_rows(portal, dest, max_rows, err);
	else
		r = run_rows(portal, dest, max_rows, err);
	if (r == SQL_ERROR)
		return portal_fail(portal);
	if (r == SQL_DONE)
	{
		sql_portal_close(portal);
		portal->state = PORTAL_DONE;
	}
	return r;
}

const char *
sql_portal_tag(const SqlPortal *portal)
{
	return portal->tag;
}

int
sql_portal_copy_data(SqlPortal *portal, const char *buf, size_t len, MgError *err)
{
	if (portal->state != PORTAL_RUNNING)
	{
		mg_error(err, SQLSTATE_PROTOCOL_VIOLATION, "unexpected COPY data");
		return -1;
	}
	if (copy_data(portal, buf, len, err) < 0)
	{
		portal_fail(portal);
		return -1;
	}
	return 0;
}

SqlRunResult
sql_portal_copy_done(SqlPortal *portal, MgError *err)
{
	SqlRunResult r;

	if (portal->state != PORTAL_RUNNING)
	{
		mg_error(err, SQLSTATE_PROTOCOL_VIOLATION, "unexpected COPY done");
		return SQL_ERROR;
	}
	r = copy_done(portal, err);
	if (r == SQL_ERROR)
		return portal_fail(portal);
	sql_portal_close(portal);
	portal->state = PORTAL_DONE;
	return r;
}

void
sql_portal_copy_fail(SqlPortal *portal, const char *message, MgError *err)
{
	mg_error(err, SQLSTATE_QUERY_CANCELED, "COPY from stdin failed: %s", message);
	portal_fail(portal);
}

void
sql_portal_close(SqlPortal *portal)
{
	copy_close(portal);
	if (portal->inner)
		sql_portal_close(portal->inner);
	if (portal->root)
	{
		exec_end(portal->root);
		portal->root = NULL;
	}
}
