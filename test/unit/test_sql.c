/*
 * test_sql.c — the SQL engine through <memgres/sql.h>, without a server:
 * each case runs a query string the way the traffic cop does (parse,
 * start/finish/abort the transaction, prepare, portal run) and compares a
 * text rendering of the result with the expected one (from PostgreSQL 15).
 *
 * Rendering: rows as "v1|v2" joined by "\n", NULL as "<null>", then the
 * command tag; errors as "ERROR <sqlstate>: <message>"; notices as
 * "WARNING <sqlstate>: <message>" lines first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/guc.h>
#include <memgres/sql.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

static int	ntests;
static int	nfailed;
static StrBuf out;

static void
notice_hook(void *arg, const MgError *n)
{
	(void) arg;
	strbuf_printf(&out, "%s %s: %s\n", mg_severity_name(n->severity), n->sqlstate, n->message);
}

static int
dest_row(SqlDest *d, const SqlTupleDesc *desc, const Datum *values, const bool *nulls, bool *full, MgError *err)
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
			strbuf_putc(&out, '|');
		if (nulls[i])
			strbuf_puts(&out, "<null>");
		else if (type_output(&ctx, desc->cols[i].type_oid, desc->cols[i].typmod, values[i], &out) < 0)
		{
			arena_destroy(&a);
			return -1;
		}
	}
	strbuf_putc(&out, '\n');
	arena_destroy(&a);
	return 0;
}

/* Runs a simple-Query string; the rendering goes to `out`. */
static void
run_query(SqlSession *s, GucSession *g, const char *query)
{
	Arena		msg;
	SqlStmt   **stmts;
	int			n;
	MgError		err = MG_ERROR_INIT;
	SqlDest		dest = {.row = dest_row, .arg = g};

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
					strbuf_puts(&out, "WAIT lock\n");
					sql_portal_close(portal);
					goto fail_quiet;
				}
			}
		} while (r == SQL_WAIT || r == SQL_BLOCKED);
		if (r == SQL_ERROR)
		{
			sql_portal_close(portal);
			goto fail;
		}
		strbuf_printf(&out, "%s\n", sql_portal_tag(portal));
		sql_portal_close(portal);
		if (sql_xact_finish_command(s, &err) < 0)
			goto fail;
	}
	if (n > 1)
		sql_xact_implicit_block_end(s, &err);
	arena_destroy(&msg);
	return;
fail:
	strbuf_printf(&out, "ERROR %s: %s\n", err.sqlstate, err.message);
fail_quiet:
	sql_xact_abort_command(s);
	if (n > 1)
		sql_xact_implicit_block_end(s, &err);
	mg_error_reset(&err);
	arena_destroy(&msg);
}

static void
check(SqlSession *s, GucSession *g, const char *query, const char *expected)
{
	strbuf_reset(&out);
	run_query(s, g, query);
	ntests++;
	if (strcmp(out.data, expected) == 0)
		printf("ok %d - %s\n", ntests, query);
	else
	{
		nfailed++;
		printf("not ok %d - %s\n# expected:\n%s# got:\n%s", ntests, query, expected, out.data);
	}
}

static void
check_status(SqlSession *s, char expected, const char *what)
{
	ntests++;
	if (sql_xact_status(s) == expected)
		printf("ok %d - status %c %s\n", ntests, expected, what);
	else
	{
		nfailed++;
		printf("not ok %d - status %c %s (got %c)\n", ntests, expected, what, sql_xact_status(s));
	}
}

int
main(void)
{
	SqlEngineConfig cfg = {.superuser = "postgres", .initial_db = "app"};
	MgError		err = MG_ERROR_INIT;
	GucSession	g;
	SqlSession *s;

	strbuf_init(&out);
	guc_server_init();
	if (sql_engine_init(&cfg, &err) < 0)
	{
		printf("not ok 1 - sql_engine_init: %s\n", err.message);
		return 1;
	}
	guc_session_init(&g);
	s = sql_session_new("postgres", "postgres", &g, 4242, &err);
	if (!s)
	{
		printf("not ok 1 - session: %s\n", err.message);
		return 1;
	}
	sql_session_set_notice_hook(s, notice_hook, NULL);

	/* cluster */
	ntests++;
	printf("%s %d - databases exist\n",
		   sql_database_exists("postgres") && sql_database_exists("template1") &&
		   sql_database_exists("template0") && sql_database_exists("app") &&
		   !sql_database_exists("nope") ? "ok" : "not ok", ntests);

	/* expressions without FROM */
	check(s, &g, "select 1", "1\nSELECT 1\n");
	check(s, &g, "select 1 + 2 * 3, 'a' || 'b', 7 / 2, -5 % 3", "7|ab|3|-2\nSELECT 1\n");
	check(s, &g, "select 1/0", "ERROR 22012: division by zero\n");
	check(s, &g, "select '12'::int + 1, cast('3' as bigint), 2::text", "13|3|2\nSELECT 1\n");
	check(s, &g, "select 'abc'::int", "ERROR 22P02: invalid input syntax for type integer: \"abc\"\n");
	check(s, &g, "select null is null, 1 is not null, null::int is distinct from 1, 2 is not distinct from 2",
		  "t|t|t|t\nSELECT 1\n");
	check(s, &g, "select true and null, false and null, true or null, not null::bool",
		  "<null>|f|t|<null>\nSELECT 1\n");
	check(s, &g, "select case when 1 > 2 then 'x' when 2 > 1 then 'y' end, case 3 when 1 then 'a' else 'z' end",
		  "y|z\nSELECT 1\n");
	check(s, &g, "select coalesce(null, 2, 3), nullif(1, 1), nullif(1, 2), greatest(1, 5, 3), least(4, null, 2)",
		  "2|<null>|1|5|2\nSELECT 1\n");
	check(s, &g, "select 2 in (1, 2), 3 in (1, 2), null::int in (1), 3 not in (1, null), 5 between 1 and 10",
		  "t|f|<null>|<null>|t\nSELECT 1\n");
	check(s, &g, "select 5 not between 1 and 3, 5 between symmetric 10 and 1", "t|t\nSELECT 1\n");
	check(s, &g, "select case when true then 1 else 'x' end",
		  "ERROR 22P02: invalid input syntax for type integer: \"x\"\n");
	check(s, &g, "select nosuch", "ERROR 42703: column \"nosuch\" does not exist\n");
	check(s, &g, "select nosuch(1)", "ERROR 42883: function nosuch(integer) does not exist\n");
	check(s, &g, "select 1 where false", "SELECT 0\n");
	check(s, &g, "select 1 where 1", "ERROR 42804: argument of WHERE must be type boolean, not type integer\n");
	check(s, &g, "select current_user, session_user, current_database(), current_schema()",
		  "postgres|postgres|postgres|public\nSELECT 1\n");
	check(s, &g, "select pg_backend_pid()", "4242\nSELECT 1\n");
	check(s, &g, "select pg_sleep(0)", "\nSELECT 1\n");
	check(s, &g, "select count(*), sum(1), max(2)", "1|1|2\nSELECT 1\n");
	check(s, &g, "values (1, 'a'), (2, 'b') order by 1 desc", "2|b\n1|a\nSELECT 2\n");

	/* settings */
	check(s, &g, "show search_path", "\"$user\", public\nSHOW\n");
	check(s, &g, "set search_path = public, \"$user\"", "SET\n");
	check(s, &g, "show search_path", "public, \"$user\"\nSHOW\n");
	check(s, &g, "reset search_path", "RESET\n");
	check(s, &g, "select current_setting('search_path')", "\"$user\", public\nSELECT 1\n");
	check(s, &g, "show nosuch", "ERROR 42704: unrecognized configuration parameter \"nosuch\"\n");
	check(s, &g, "set local statement_timeout = '5s'",
		  "WARNING 25P01: SET LOCAL can only be used in transaction blocks\nSET\n");
	check(s, &g, "show statement_timeout", "0\nSHOW\n");

	/* transactions */
	check(s, &g, "commit", "WARNING 25P01: there is no transaction in progress\nCOMMIT\n");
	check(s, &g, "rollback", "WARNING 25P01: there is no transaction in progress\nROLLBACK\n");
	check(s, &g, "begin", "BEGIN\n");
	check_status(s, 'T', "after BEGIN");
	check(s, &g, "begin", "WARNING 25001: there is already a transaction in progress\nBEGIN\n");
	check(s, &g, "set statement_timeout = '7s'", "SET\n");
	check(s, &g, "select 1/0", "ERROR 22012: division by zero\n");
	check_status(s, 'E', "after an error in a block");
	check(s, &g, "select 1",
		  "ERROR 25P02: current transaction is aborted, commands ignored until end of transaction block\n");
	check(s, &g, "commit", "ROLLBACK\n");
	check_status(s, 'I', "after COMMIT of a failed block");
	check(s, &g, "show statement_timeout", "0\nSHOW\n");
	check(s, &g, "begin; set local statement_timeout = '9s'; show statement_timeout; commit; show statement_timeout",
		  "BEGIN\nSET\n9s\nSHOW\nCOMMIT\n0\nSHOW\n");
	check(s, &g, "start transaction isolation level repeatable read; show transaction_isolation; end",
		  "START TRANSACTION\nrepeatable read\nSHOW\nCOMMIT\n");
	check(s, &g, "show transaction_isolation", "read committed\nSHOW\n");
	check(s, &g, "select 1; commit; select 2",
		  "1\nSELECT 1\nWARNING 25P01: there is no transaction in progress\nCOMMIT\n2\nSELECT 1\n");

	sql_session_free(s);
	guc_session_free(&g);
	sql_engine_shutdown();
	strbuf_free(&out);
	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
