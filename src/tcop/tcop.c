/*
 * tcop.c — message dispatch and the simple Query protocol (PostgreSQL's
 * postgres.c: PostgresMain's switch and exec_simple_query).
 *
 *   tcop_message()  one complete message -> the handler of its type
 *   simple_start()  Query: parse, then statement by statement
 *   simple_next()   prepare, open a portal, RowDescription, run, CommandComplete
 *   tcop_resume()   continue whatever stopped (output full, wait, yield)
 *   copy_message()  CopyData/CopyDone/CopyFail while a COPY FROM STDIN runs
 *
 * A Query with several statements is one implicit transaction block (as
 * PostgreSQL): the first error ends it, rolls it back, and the remaining
 * statements are skipped.  ReadyForQuery always ends a Query, preceded by
 * ParameterStatus for every reported setting that changed.
 *
 * Invariants:
 *  1. t->run.kind != RUN_NONE exactly while a portal is suspended inside a
 *     message (blocked, waiting, or in COPY FROM STDIN).
 *  2. The interrupt flag is cleared before each statement starts, never
 *     while one runs.
 *  3. stmt_arena holds only the current statement of a Query; it is reset
 *     before the next, so 20,000 statements do not pile up plans.
 */
#include <stdlib.h>
#include <string.h>

#include <memgres/log.h>
#include <memgres/mem.h>
#include <memgres/sqlstate.h>

#include "tcop_int.h"

static TcopResult simple_next(Tcop *t);

Tcop *
tcop_new(SqlSession *sql, GucSession *gucs, const TcopIO *io)
{
	Tcop	   *t = mg_calloc(1, sizeof(Tcop));

	t->sql = sql;
	t->gucs = gucs;
	t->io = *io;
	arena_init(&t->row_arena, 512);
	arena_init(&t->query_arena, 1024);
	arena_init(&t->stmt_arena, 1024);
	dest_init(t);
	sql_session_set_notice_hook(sql, dest_notice_hook, t);
	return t;
}

void
tcop_free(Tcop *t)
{
	tcop_run_reset(t);
	ext_free_all(t);
	arena_destroy(&t->row_arena);
	arena_destroy(&t->query_arena);
	arena_destroy(&t->stmt_arena);
	mg_error_reset(&t->run_err);
	free(t);
}

void
tcop_clear_interrupt(Tcop *t)
{
	__atomic_store_n(sql_session_interrupt(t->sql), SQL_INT_NONE, __ATOMIC_RELAXED);
}

void
tcop_send_error(Tcop *t, MgError *e)
{
	if (!mg_error_isset(e))
		mg_error(e, SQLSTATE_INTERNAL_ERROR, "unknown error");
	pq_error_response(t->io.out, e, false);
	if (e->severity >= MG_SEV_FATAL)
		mg_log_error(e);
}

void
tcop_report_gucs(GucSession *gucs, StrBuf *out)
{
	uint64_t	bits = gucs->changed_report;

	while (bits)
	{
		int			id = __builtin_ctzll(bits);

		bits &= bits - 1;
		pq_parameter_status(out, guc_defs[id].name, guc_str(gucs, (GucId) id));
	}
	gucs->changed_report = 0;
}

static void
ready_for_query(Tcop *t)
{
	tcop_report_gucs(t->gucs, t->io.out);
	pq_ready_for_query(t->io.out, sql_xact_status(t->sql));
}

/* Closes the running portal (if its owner is the simple protocol). */
void
tcop_run_reset(Tcop *t)
{
	if (t->run.kind == RUN_SIMPLE && t->run.portal)
		sql_portal_close(t->run.portal);
	memset(&t->run, 0, sizeof(t->run));
	t->io.stmt_timer(t->io.arg, 0);
}

SqlRunResult
tcop_run_portal(Tcop *t, MgError *err)
{
	int64_t		max_rows = 0;
	SqlRunResult rr;

	if (t->run.max_rows > 0)
	{
		max_rows = t->run.max_rows - t->run.rows;
		if (max_rows <= 0)
			return SQL_SUSPENDED;
	}
	rr = sql_portal_run(t->run.portal, &t->dest, max_rows, &t->run_err);
	if (mg_error_isset(&t->run_err))
		mg_error_move(err, &t->run_err);
	return rr;
}

static void
arm_statement_timer(Tcop *t)
{
	int64_t		ms = guc_int(t->gucs, GUC_STATEMENT_TIMEOUT);

	if (ms > 0)
		t->io.stmt_timer(t->io.arg, ms);
}

/* ---- simple Query ------------------------------------------------------------ */

/* Ends the Query: implicit block, settings, ReadyForQuery. */
static TcopResult
simple_finish(Tcop *t)
{
	MgError		e = MG_ERROR_INIT;

	if (t->nstmts > 1 && sql_xact_implicit_block_end(t->sql, &e) < 0)
	{
		tcop_send_error(t, &e);
		mg_error_reset(&e);
	}
	t->in_simple = false;
	t->stmts = NULL;
	t->nstmts = 0;
	arena_reset(&t->stmt_arena);
	arena_reset(&t->query_arena);
	if (sql_xact_status(t->sql) == 'I')
		ext_drop_portals(t);
	ready_for_query(t);
	return TCOP_OK;
}

static TcopResult
simple_fail(Tcop *t, MgError *e)
{
	bool		fatal = e->severity >= MG_SEV_FATAL;

	tcop_run_reset(t);
	tcop_send_error(t, e);
	mg_error_reset(e);
	sql_xact_abort_command(t->sql);
	if (fatal)
		return TCOP_CLOSE;
	return simple_finish(t);
}

static TcopResult
simple_start(Tcop *t, const char *body, size_t len)
{
	MgError		e = MG_ERROR_INIT;
	char	   *query;
	MsgReader	r;
	const char *q;

	msg_reader_init(&r, body, len);
	if (msg_get_string(&r, &q, &e) < 0 || msg_end(&r, &e) < 0)
	{
		e.severity = MG_SEV_FATAL;
		tcop_send_error(t, &e);
		mg_error_reset(&e);
		return TCOP_CLOSE;
	}
	arena_reset(&t->query_arena);
	query = arena_strndup(&t->query_arena, q, strlen(q));
	tcop_clear_interrupt(t);
	if (sql_parse(t->sql, &t->query_arena, query, &t->stmts, &t->nstmts, &e) < 0)
	{
		t->nstmts = 0;
		return simple_fail(t, &e);
	}
	if (t->nstmts == 0)
	{
		pq_empty_message(t->io.out, PQ_BE_EMPTY_QUERY);
		return simple_finish(t);
	}
	t->in_simple = true;
	t->cur = 0;
	if (t->nstmts > 1)
		sql_xact_implicit_block_begin(t->sql);
	return simple_next(t);
}

/* Handles the end of a run of a simple-Query statement. */
static TcopResult
simple_after_run(Tcop *t, SqlRunResult rr, MgError *e)
{
	switch (rr)
	{
		case SQL_DONE:
		case SQL_SUSPENDED:	/* cannot happen without a row limit */
			if (t->run.copy_out)
				pq_empty_message(t->io.out, PQ_BE_COPY_DONE);
			pq_command_complete(t->io.out, sql_portal_tag(t->run.portal));
			tcop_run_reset(t);
			if (sql_xact_finish_command(t->sql, e) < 0)
				return simple_fail(t, e);
			t->cur++;
			return TCOP_OK;
		case SQL_BLOCKED:
			return TCOP_BLOCKED;
		case SQL_WAIT:
			return TCOP_WAIT;
		case SQL_COPY_IN:
			return TCOP_OK;		/* now expecting CopyData */
		case SQL_ERROR:
			return simple_fail(t, e);
	}
	return TCOP_OK;
}

/* Runs statements from t->cur until the Query ends or something stops it. */
static TcopResult
simple_next(Tcop *t)
{
	MgError		e = MG_ERROR_INIT;

	while (t->cur < t->nstmts)
	{
		SqlPrepared *p;
		SqlRunResult rr;
		TcopResult	tr;

		if (t->run.kind == RUN_NONE)
		{
			const SqlTupleDesc *desc;

			arena_reset(&t->stmt_arena);
			tcop_clear_interrupt(t);
			if (sql_xact_start_command(t->sql, &e) < 0)
				return simple_fail(t, &e);
			arm_statement_timer(t);
			p = sql_prepare(t->sql, &t->stmt_arena, t->stmts[t->cur], NULL, SQL_NO_PARAMS, &e);
			if (p == NULL)
				return simple_fail(t, &e);
			if (sql_prepared_nparams(p) > 0)
			{
				/* a simple Query carries no parameter values */
				mg_error(&e, SQLSTATE_UNDEFINED_PARAMETER, "there is no parameter $1");
				return simple_fail(t, &e);
			}
			t->run.kind = RUN_SIMPLE;
			t->run.portal = sql_portal_new(t->sql, &t->stmt_arena, p, NULL, NULL, &e);
			if (t->run.portal == NULL)
				return simple_fail(t, &e);
			desc = sql_portal_result(t->run.portal);
			if (desc)
				dest_row_description(t, desc, 0, NULL);
		}
		if (t->run.copy_in)
			return TCOP_OK;		/* waiting for CopyData */
		rr = tcop_run_portal(t, &e);
		tr = simple_after_run(t, rr, &e);
		if (tr != TCOP_OK || !t->in_simple)
			return tr;
		if (t->run.kind != RUN_NONE && t->run.copy_in)
			return TCOP_OK;
	}
	return simple_finish(t);
}

/* ---- COPY FROM STDIN input ---------------------------------------------------- */

static TcopResult
copy_finish(Tcop *t, SqlRunResult rr, MgError *e)
{
	t->run.copy_in = false;
	if (t->run.kind == RUN_SIMPLE)
	{
		TcopResult	tr = simple_after_run(t, rr, e);

		if (tr != TCOP_OK || !t->in_simple)
			return tr;
		return simple_next(t);
	}
	/* an Execute */
	return execute_after_run(t, rr, e);
}

static TcopResult
copy_message(Tcop *t, char type, const char *body, size_t len)
{
	MgError		e = MG_ERROR_INIT;

	switch (type)
	{
		case PQ_MSG_COPY_DATA:
			if (sql_portal_copy_data(t->run.portal, body, len, &t->run_err) < 0)
			{
				mg_error_move(&e, &t->run_err);
				/* the error ends the COPY; later CopyData is ignored */
				return copy_finish(t, SQL_ERROR, &e);
			}
			return TCOP_OK;
		case PQ_MSG_COPY_DONE:
			{
				SqlRunResult rr = sql_portal_copy_done(t->run.portal, &t->run_err);

				mg_error_move(&e, &t->run_err);
				return copy_finish(t, rr, &e);
			}
		case PQ_MSG_COPY_FAIL:
			{
				MsgReader	r;
				const char *msg = "";

				msg_reader_init(&r, body, len);
				if (msg_get_string(&r, &msg, &e) < 0)
					mg_error_reset(&e);
				sql_portal_copy_fail(t->run.portal, msg, &t->run_err);
				mg_error_move(&e, &t->run_err);
				if (!mg_error_isset(&e))
					mg_error(&e, SQLSTATE_QUERY_CANCELED, "COPY from stdin failed: %s", msg);
				return copy_finish(t, SQL_ERROR, &e);
			}
		case PQ_MSG_FLUSH:
		case PQ_MSG_SYNC:
			return TCOP_OK;		/* ignored during COPY, as PostgreSQL */
		default:
			mg_error(&e, SQLSTATE_PROTOCOL_VIOLATION, "unexpected message type 0x%02X during COPY from stdin",
					 (unsigned) (unsigned char) type);
			sql_portal_copy_fail(t->run.portal, "unexpected message", NULL);
			return copy_finish(t, SQL_ERROR, &e);
	}
}

/* ---- dispatch ------------------------------------------------------------------ */

TcopResult
tcop_message(Tcop *t, char type, const char *body, size_t len)
{
	t->turn_rows = 0;
	if (t->run.copy_in)
		return copy_message(t, type, body, len);
	if (type == PQ_MSG_TERMINATE)
		return TCOP_CLOSE;
	if (t->skip_till_sync && type != PQ_MSG_SYNC)
		return TCOP_OK;
	switch (type)
	{
		case PQ_MSG_QUERY:
			return simple_start(t, body, len);
		case PQ_MSG_PARSE:
			return ext_parse(t, body, len);
		case PQ_MSG_BIND:
			return ext_bind(t, body, len);
		case PQ_MSG_DESCRIBE:
			return ext_describe(t, body, len);
		case PQ_MSG_EXECUTE:
			return ext_execute(t, body, len);
		case PQ_MSG_CLOSE:
			return ext_close(t, body, len);
		case PQ_MSG_SYNC:
			return ext_sync(t);
		case PQ_MSG_FLUSH:
			return TCOP_OK;		/* the connection flushes after every batch */
		case PQ_MSG_COPY_DATA:
		case PQ_MSG_COPY_DONE:
		case PQ_MSG_COPY_FAIL:
			return TCOP_OK;		/* outside COPY: ignored, as PostgreSQL */
		case PQ_MSG_FUNCTION_CALL:
			{
				MgError		e = MG_ERROR_INIT;

				mg_error(&e, SQLSTATE_FEATURE_NOT_SUPPORTED, "the function call protocol is not supported");
				tcop_send_error(t, &e);
				mg_error_reset(&e);
				ready_for_query(t);
				return TCOP_OK;
			}
		default:
			{
				MgError		e = MG_ERROR_INIT;

				mg_error_sev(&e, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION, "invalid frontend message type %d",
							 (int) (unsigned char) type);
				tcop_send_error(t, &e);
				mg_error_reset(&e);
				return TCOP_CLOSE;
			}
	}
}

TcopResult
tcop_resume(Tcop *t)
{
	MgError		e = MG_ERROR_INIT;

	t->turn_rows = 0;
	switch (t->run.kind)
	{
		case RUN_NONE:
			if (t->in_simple)
				return simple_next(t);
			return TCOP_OK;
		case RUN_SIMPLE:
			{
				SqlRunResult rr;
				TcopResult	tr;

				if (t->run.copy_in)
					return TCOP_OK;
				rr = tcop_run_portal(t, &e);
				tr = simple_after_run(t, rr, &e);
				if (tr != TCOP_OK || !t->in_simple)
					return tr;
				if (t->run.kind != RUN_NONE && t->run.copy_in)
					return TCOP_OK;
				return simple_next(t);
			}
		case RUN_EXECUTE:
			return ext_continue(t);
	}
	return TCOP_OK;
}

void
tcop_wait_info(Tcop *t, SqlWaitInfo *out)
{
	sql_session_wait_info(t->sql, out);
}
