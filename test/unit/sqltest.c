/*
 * sqltest.c — the harness shared by the unit tests that drive the SQL engine
 * through <memgres/sql.h> without a server (test_sql, test_datetime_sql):
 * each case runs a query string the way the traffic cop does (parse,
 * start/finish/abort the transaction, prepare, portal run) and compares a
 * text rendering of the result with the expected one.
 *
 * Rendering: rows as "v1|v2" joined by "\n", NULL as "<null>", then the
 * command tag; errors as "ERROR <sqlstate>: <message>"; notices as
 * "<SEVERITY> <sqlstate>: <message>" lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sqltest.h"

int			sqlt_ntests;
int			sqlt_nfailed;
StrBuf		sqlt_out;

void
sqlt_notice_hook(void *arg, const MgError *n)
{
	(void) arg;
	strbuf_printf(&sqlt_out, "%s %s: %s\n", mg_severity_name(n->severity), n->sqlstate, n->message);
}

int
sqlt_dest_row(SqlDest *d, const SqlTupleDesc *desc, const Datum *values, const bool *nulls, bool *full, MgError *err)
{
	GucSession *g = d->arg;
	Arena		a;
	EvalCtx		ctx = {0};

	(void) full;
	arena_init(&a, 256);
	ctx.arena = &a;
	ctx.err = err;
	ctx.gucs = g;
	for (int i = 0; i < desc->ncols; i++)
	{
		if (i)
			strbuf_putc(&sqlt_out, '|');
		if (nulls[i])
			strbuf_puts(&sqlt_out, "<null>");
		else if (type_output(&ctx, desc->cols[i].type_oid, desc->cols[i].typmod, values[i], &sqlt_out) < 0)
		{
			arena_destroy(&a);
			return -1;
		}
	}
	strbuf_putc(&sqlt_out, '\n');
	arena_destroy(&a);
	return 0;
}

/* Runs a simple-Query string; the rendering goes to `out`. */
void
sqlt_run_query(SqlSession *s, GucSession *g, const char *query)
{
	Arena		msg;
	SqlStmt   **stmts;
	int			n;
	MgError		err = MG_ERROR_INIT;
	SqlDest		dest = {.row = sqlt_dest_row, .arg = g};

	arena_init(&msg, 4096);
	if (sql_parse(s, &msg, query, &stmts, &n, &err) < 0)
		goto fail;
	if (n > 1)
		sql_xact_implicit_block_begin(s);
	for (int i = 0; i < n; i++)
	{
		SqlPrepared *p;
		SqlPortal  *portal;
		SqlRunResult r;

		if (sql_xact_start_command(s, &err) < 0)
			goto fail;
		if (!(p = sql_prepare(s, &msg, stmts[i], NULL, 0, &err)))
			goto fail;
		if (!(portal = sql_portal_new(s, &msg, p, NULL, NULL, &err)))
			goto fail;
		do
		{
			r = sql_portal_run(portal, &dest, 0, &err);
			if (r == SQL_WAIT)
			{
				SqlWaitInfo wi;

				sql_session_wait_info(s, &wi);
				if (wi.lock_wait)
				{
					strbuf_puts(&sqlt_out, "WAIT lock\n");
					sql_portal_close(portal);
					goto fail_quiet;
				}
				if (wi.wake_at_us > 0)
					usleep(1000);	/* a timed wait (pg_sleep, DROP DATABASE): do not spin */
			}
		} while (r == SQL_WAIT || r == SQL_BLOCKED);
		if (r == SQL_ERROR)
		{
			sql_portal_close(portal);
			goto fail;
		}
		strbuf_printf(&sqlt_out, "%s\n", sql_portal_tag(portal));
		sql_portal_close(portal);
		if (sql_xact_finish_command(s, &err) < 0)
			goto fail;
	}
	if (n > 1)
		sql_xact_implicit_block_end(s, &err);
	arena_destroy(&msg);
	return;
fail:
	strbuf_printf(&sqlt_out, "ERROR %s: %s\n", err.sqlstate, err.message);
fail_quiet:
	sql_xact_abort_command(s);
	if (n > 1)
		sql_xact_implicit_block_end(s, &err);
	mg_error_reset(&err);
	arena_destroy(&msg);
}

void
sqlt_check(SqlSession *s, GucSession *g, const char *query, const char *expected)
{
	strbuf_reset(&sqlt_out);
	sqlt_run_query(s, g, query);
	sqlt_ntests++;
	if (strcmp(sqlt_out.data, expected) == 0)
		printf("ok %d - %s\n", sqlt_ntests, query);
	else
	{
		sqlt_nfailed++;
		printf("not ok %d - %s\n# expected:\n%s# got:\n%s", sqlt_ntests, query, expected, sqlt_out.data);
	}
}
