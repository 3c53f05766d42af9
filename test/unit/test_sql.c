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

#include "sqltest.h"

static void
check_status(SqlSession *s, char expected, const char *what)
{
	sqlt_ntests++;
	if (sql_xact_status(s) == expected)
		printf("ok %d - status %c %s\n", sqlt_ntests, expected, what);
	else
	{
		sqlt_nfailed++;
		printf("not ok %d - status %c %s (got %c)\n", sqlt_ntests, expected, what, sql_xact_status(s));
	}
}

int
main(void)
{
	SqlEngineConfig cfg = {.superuser = "postgres", .initial_db = "app"};
	MgError		err = MG_ERROR_INIT;
	GucSession	g;
	SqlSession *s;

	strbuf_init(&sqlt_out);
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
	sql_session_set_notice_hook(s, sqlt_notice_hook, NULL);

	/* cluster */
	sqlt_ntests++;
	printf("%s %d - databases exist\n",
		   sql_database_exists("postgres") && sql_database_exists("template1") &&
		   sql_database_exists("template0") && sql_database_exists("app") &&
		   !sql_database_exists("nope") ? "ok" : "not ok", sqlt_ntests);

	/* expressions without FROM */
	sqlt_check(s, &g, "select 1", "1\nSELECT 1\n");
	sqlt_check(s, &g, "select 1 + 2 * 3, 'a' || 'b', 7 / 2, -5 % 3", "7|ab|3|-2\nSELECT 1\n");
	sqlt_check(s, &g, "select 1/0", "ERROR 22012: division by zero\n");
	sqlt_check(s, &g, "select '12'::int + 1, cast('3' as bigint), 2::text", "13|3|2\nSELECT 1\n");
	sqlt_check(s, &g, "select 'abc'::int", "ERROR 22P02: invalid input syntax for type integer: \"abc\"\n");
	sqlt_check(s, &g, "select null is null, 1 is not null, null::int is distinct from 1, 2 is not distinct from 2",
		  "t|t|t|t\nSELECT 1\n");
	sqlt_check(s, &g, "select true and null, false and null, true or null, not null::bool",
		  "<null>|f|t|<null>\nSELECT 1\n");
	sqlt_check(s, &g, "select case when 1 > 2 then 'x' when 2 > 1 then 'y' end, case 3 when 1 then 'a' else 'z' end",
		  "y|z\nSELECT 1\n");
	sqlt_check(s, &g, "select coalesce(null, 2, 3), nullif(1, 1), nullif(1, 2), greatest(1, 5, 3), least(4, null, 2)",
		  "2|<null>|1|5|2\nSELECT 1\n");
	sqlt_check(s, &g, "select 2 in (1, 2), 3 in (1, 2), null::int in (1), 3 not in (1, null), 5 between 1 and 10",
		  "t|f|<null>|<null>|t\nSELECT 1\n");
	sqlt_check(s, &g, "select 5 not between 1 and 3, 5 between symmetric 10 and 1", "t|t\nSELECT 1\n");
	sqlt_check(s, &g, "select case when true then 1 else 'x' end",
		  "ERROR 22P02: invalid input syntax for type integer: \"x\"\n");
	sqlt_check(s, &g, "select nosuch", "ERROR 42703: column \"nosuch\" does not exist\n");
	sqlt_check(s, &g, "select nosuch(1)", "ERROR 42883: function nosuch(integer) does not exist\n");
	sqlt_check(s, &g, "select 1 where false", "SELECT 0\n");
	sqlt_check(s, &g, "select 1 where 1", "ERROR 42804: argument of WHERE must be type boolean, not type integer\n");
	sqlt_check(s, &g, "select current_user, session_user, current_database(), current_schema()",
		  "postgres|postgres|postgres|public\nSELECT 1\n");
	sqlt_check(s, &g, "select pg_backend_pid()", "4242\nSELECT 1\n");
	sqlt_check(s, &g, "select pg_sleep(0)", "\nSELECT 1\n");
	sqlt_check(s, &g, "select count(*), sum(1), max(2)", "1|1|2\nSELECT 1\n");
	sqlt_check(s, &g, "values (1, 'a'), (2, 'b') order by 1 desc", "2|b\n1|a\nSELECT 2\n");

	/* settings */
	sqlt_check(s, &g, "show search_path", "\"$user\", public\nSHOW\n");
	sqlt_check(s, &g, "set search_path = public, \"$user\"", "SET\n");
	sqlt_check(s, &g, "show search_path", "public, \"$user\"\nSHOW\n");
	sqlt_check(s, &g, "reset search_path", "RESET\n");
	sqlt_check(s, &g, "select current_setting('search_path')", "\"$user\", public\nSELECT 1\n");
	sqlt_check(s, &g, "show nosuch", "ERROR 42704: unrecognized configuration parameter \"nosuch\"\n");
	sqlt_check(s, &g, "set local statement_timeout = '5s'",
		  "WARNING 25P01: SET LOCAL can only be used in transaction blocks\nSET\n");
	sqlt_check(s, &g, "show statement_timeout", "0\nSHOW\n");

	/* transactions */
	sqlt_check(s, &g, "commit", "WARNING 25P01: there is no transaction in progress\nCOMMIT\n");
	sqlt_check(s, &g, "rollback", "WARNING 25P01: there is no transaction in progress\nROLLBACK\n");
	sqlt_check(s, &g, "begin", "BEGIN\n");
	check_status(s, 'T', "after BEGIN");
	sqlt_check(s, &g, "begin", "WARNING 25001: there is already a transaction in progress\nBEGIN\n");
	sqlt_check(s, &g, "set statement_timeout = '7s'", "SET\n");
	sqlt_check(s, &g, "select 1/0", "ERROR 22012: division by zero\n");
	check_status(s, 'E', "after an error in a block");
	sqlt_check(s, &g, "select 1",
		  "ERROR 25P02: current transaction is aborted, commands ignored until end of transaction block\n");
	sqlt_check(s, &g, "commit", "ROLLBACK\n");
	check_status(s, 'I', "after COMMIT of a failed block");
	sqlt_check(s, &g, "show statement_timeout", "0\nSHOW\n");
	sqlt_check(s, &g, "begin; set local statement_timeout = '9s'; show statement_timeout; commit; show statement_timeout",
		  "BEGIN\nSET\n9s\nSHOW\nCOMMIT\n0\nSHOW\n");
	sqlt_check(s, &g, "start transaction isolation level repeatable read; show transaction_isolation; end",
		  "START TRANSACTION\nrepeatable read\nSHOW\nCOMMIT\n");
	sqlt_check(s, &g, "show transaction_isolation", "read committed\nSHOW\n");
	sqlt_check(s, &g, "select 1; commit; select 2",
		  "1\nSELECT 1\nWARNING 25P01: there is no transaction in progress\nCOMMIT\n2\nSELECT 1\n");

	/* tables */
	sqlt_check(s, &g, "create table t (a int primary key, b text not null default 'x', c numeric check (c > 0))",
		  "CREATE TABLE\n");
	sqlt_check(s, &g, "create table t (a int)", "ERROR 42P07: relation \"t\" already exists\n");
	sqlt_check(s, &g, "create table if not exists t (a int)",
		  "NOTICE 42P07: relation \"t\" already exists, skipping\nCREATE TABLE\n");
	sqlt_check(s, &g, "insert into t values (1, 'one', 1.5), (2, 'two', 2)", "INSERT 0 2\n");
	sqlt_check(s, &g, "insert into t (a) values (3) returning a, b, c", "3|x|<null>\nINSERT 0 1\n");
	sqlt_check(s, &g, "insert into t values (1, 'dup', 1)",
		  "ERROR 23505: duplicate key value violates unique constraint \"t_pkey\"\n");
	sqlt_check(s, &g, "insert into t values (4, null, 1)",
		  "ERROR 23502: null value in column \"b\" of relation \"t\" violates not-null constraint\n");
	sqlt_check(s, &g, "insert into t values (4, 'y', -1)",
		  "ERROR 23514: new row for relation \"t\" violates check constraint \"t_c_check\"\n");
	sqlt_check(s, &g, "select a, b from t order by a desc", "3|x\n2|two\n1|one\nSELECT 3\n");
	sqlt_check(s, &g, "select * from t where a = 2", "2|two|2\nSELECT 1\n");
	sqlt_check(s, &g, "select b from t where a in (3, 1, 3) order by b", "one\nx\nSELECT 2\n");
	sqlt_check(s, &g, "select a from t where a > 1 and a <= 3 order by a", "2\n3\nSELECT 2\n");
	sqlt_check(s, &g, "select count(*), sum(a), max(b), min(c), avg(a) from t", "3|6|x|1.5|2.0000000000000000\nSELECT 1\n");
	sqlt_check(s, &g, "update t set b = b || '!' where a >= 2 returning a, b", "2|two!\n3|x!\nUPDATE 2\n");
	sqlt_check(s, &g, "update t set a = 1 where a = 2",
		  "ERROR 23505: duplicate key value violates unique constraint \"t_pkey\"\n");
	sqlt_check(s, &g, "delete from t where a = 3 returning *", "3|x!|<null>\nDELETE 1\n");
	sqlt_check(s, &g, "insert into t values (1, 'again', 9) on conflict (a) do update set b = excluded.b returning b",
		  "again\nINSERT 0 1\n");
	sqlt_check(s, &g, "insert into t values (1, 'no', 9) on conflict do nothing", "INSERT 0 0\n");
	sqlt_check(s, &g, "select a, b from t order by 1", "1|again\n2|two!\nSELECT 2\n");
	sqlt_check(s, &g, "select distinct b is null from t", "f\nSELECT 1\n");
	sqlt_check(s, &g, "select a from t order by a limit 1 offset 1", "2\nSELECT 1\n");
	sqlt_check(s, &g, "select nosuch from t", "ERROR 42703: column \"nosuch\" does not exist\n");
	sqlt_check(s, &g, "select * from nosuch", "ERROR 42P01: relation \"nosuch\" does not exist\n");
	sqlt_check(s, &g, "create table s (id serial primary key, t_a int references t (a) on delete cascade)",
		  "CREATE TABLE\n");
	sqlt_check(s, &g, "insert into s (t_a) values (1), (2), (1) returning id", "1\n2\n3\nINSERT 0 3\n");
	sqlt_check(s, &g, "insert into s (t_a) values (7)",
		  "ERROR 23503: insert or update on table \"s\" violates foreign key constraint \"s_t_a_fkey\"\n");
	sqlt_check(s, &g, "delete from t where a = 1", "DELETE 1\n");
	sqlt_check(s, &g, "select id, t_a from s", "2|2\nSELECT 1\n");
	sqlt_check(s, &g, "drop table t", "ERROR 2BP01: cannot drop table t because other objects depend on it\n");
	sqlt_check(s, &g, "begin; insert into s (t_a) values (2); select count(*) from s; rollback; select count(*) from s",
		  "BEGIN\nINSERT 0 1\n2\nSELECT 1\nROLLBACK\n1\nSELECT 1\n");
	sqlt_check(s, &g, "select nextval('s_id_seq')", "6\nSELECT 1\n");
	sqlt_check(s, &g, "create index on s (t_a)", "CREATE INDEX\n");
	sqlt_check(s, &g, "select id from s where t_a = 2", "2\nSELECT 1\n");
	sqlt_check(s, &g, "truncate s", "TRUNCATE TABLE\n");
	sqlt_check(s, &g, "drop table s, t", "DROP TABLE\n");
	sqlt_check(s, &g, "drop table if exists t", "NOTICE 00000: table \"t\" does not exist, skipping\nDROP TABLE\n");

	/* prepared statements and re-planning after DDL */
	sqlt_check(s, &g, "create table p (a int, b text)", "CREATE TABLE\n");
	sqlt_check(s, &g, "prepare ins (int, text) as insert into p values ($1, $2)", "PREPARE\n");
	sqlt_check(s, &g, "execute ins (1, 'x')", "INSERT 0 1\n");
	sqlt_check(s, &g, "execute ins ('2', 'y')", "INSERT 0 1\n");
	sqlt_check(s, &g, "prepare sel as select b from p where a = $1", "PREPARE\n");
	sqlt_check(s, &g, "execute sel (2)", "y\nSELECT 1\n");
	sqlt_check(s, &g, "create index p_a on p (a)", "CREATE INDEX\n");
	sqlt_check(s, &g, "execute sel (1)", "x\nSELECT 1\n");
	sqlt_check(s, &g, "execute nosuch", "ERROR 26000: prepared statement \"nosuch\" does not exist\n");
	sqlt_check(s, &g, "prepare sel as select 1", "ERROR 42P05: prepared statement \"sel\" already exists\n");
	sqlt_check(s, &g, "deallocate sel", "DEALLOCATE\n");
	sqlt_check(s, &g, "deallocate all", "DEALLOCATE ALL\n");
	sqlt_check(s, &g, "alter table p add column c int default 7", "ALTER TABLE\n");
	sqlt_check(s, &g, "select * from p order by a", "1|x|7\n2|y|7\nSELECT 2\n");
	sqlt_check(s, &g, "alter table p add primary key (a)", "ALTER TABLE\n");
	sqlt_check(s, &g, "insert into p values (1, 'z')",
		  "ERROR 23505: duplicate key value violates unique constraint \"p_pkey\"\n");
	sqlt_check(s, &g, "alter table p drop column b", "ALTER TABLE\n");
	sqlt_check(s, &g, "select * from p order by a desc", "2|7\n1|7\nSELECT 2\n");
	sqlt_check(s, &g, "drop table p", "DROP TABLE\n");

	/* savepoints */
	sqlt_check(s, &g, "create table sp (a int primary key)", "CREATE TABLE\n");
	sqlt_check(s, &g, "savepoint x", "ERROR 25P01: SAVEPOINT can only be used in transaction blocks\n");
	sqlt_check(s, &g, "begin; insert into sp values (1); savepoint a; insert into sp values (2); rollback to a; "
		  "insert into sp values (3); savepoint b; insert into sp values (3)",
		  "BEGIN\nINSERT 0 1\nSAVEPOINT\nINSERT 0 1\nROLLBACK\nINSERT 0 1\nSAVEPOINT\n"
		  "ERROR 23505: duplicate key value violates unique constraint \"sp_pkey\"\n");
	check_status(s, 'E', "after an error with savepoints");
	sqlt_check(s, &g, "rollback to b", "ROLLBACK\n");
	check_status(s, 'T', "after ROLLBACK TO");
	sqlt_check(s, &g, "release a", "RELEASE\n");
	sqlt_check(s, &g, "rollback to a", "ERROR 3B001: savepoint \"a\" does not exist\n");
	sqlt_check(s, &g, "rollback", "ROLLBACK\n");
	sqlt_check(s, &g, "begin; savepoint s0; insert into sp values (5); rollback to s0; commit; select count(*) from sp",
		  "BEGIN\nSAVEPOINT\nINSERT 0 1\nROLLBACK\nCOMMIT\n0\nSELECT 1\n");
	sqlt_check(s, &g, "begin; insert into sp values (1); savepoint q; insert into sp values (2); release q; commit; "
		  "select a from sp order by a", "BEGIN\nINSERT 0 1\nSAVEPOINT\nINSERT 0 1\nRELEASE\nCOMMIT\n1\n2\nSELECT 2\n");
	sqlt_check(s, &g, "drop table sp", "DROP TABLE\n");

	/* databases: O(1) forks that diverge */
	sqlt_check(s, &g, "create table f (a int)", "CREATE TABLE\n");
	sqlt_check(s, &g, "insert into f values (1), (2)", "INSERT 0 2\n");
	sqlt_check(s, &g, "create database fork1 template postgres", "CREATE DATABASE\n");
	sqlt_check(s, &g, "create database fork1", "ERROR 42P04: database \"fork1\" already exists\n");
	sqlt_check(s, &g, "create database fork2 template nosuch", "ERROR 3D000: template database \"nosuch\" does not exist\n");
	/* CREATE DATABASE options memgres refuses where PostgreSQL could accept them (doc/compatibility.md) */
	sqlt_check(s, &g, "create database fork2 encoding 'SQL_ASCII' template template0 locale 'C'",
			   "ERROR 0A000: encoding \"SQL_ASCII\" is not supported: memgres keeps every database in UTF8\n");
	sqlt_check(s, &g, "create database fork2 locale 'en_US.UTF-8' template template0",
			   "ERROR 0A000: locale \"en_US.UTF-8\" is not supported: memgres databases use C.UTF-8 (C and POSIX sort the same)\n");
	sqlt_check(s, &g, "create database fork2 locale_provider icu icu_locale 'en'",
			   "ERROR 0A000: ICU locales are not supported\n");
	sqlt_check(s, &g, "create database fork2 lc_collate 'C' lc_ctype 'POSIX' owner postgres connection limit 3 "
			   "is_template false allow_connections on strategy file_copy oid 20000 tablespace pg_default",
			   "CREATE DATABASE\n");
	sqlt_check(s, &g, "drop database fork2", "DROP DATABASE\n");
	{
		GucSession	g2;
		SqlSession *s2;

		guc_session_init(&g2);
		s2 = sql_session_new("fork1", "postgres", &g2, 4243, &err);
		sql_session_set_notice_hook(s2, sqlt_notice_hook, NULL);
		sqlt_check(s2, &g2, "select sum(a) from f", "3\nSELECT 1\n");
		sqlt_check(s2, &g2, "insert into f values (10)", "INSERT 0 1\n");
		sqlt_check(s2, &g2, "select sum(a), current_database() from f", "13|fork1\nSELECT 1\n");
		sqlt_check(s, &g, "select sum(a) from f", "3\nSELECT 1\n");
		sqlt_check(s, &g, "drop database fork1",
			  "ERROR 55006: database \"fork1\" is being accessed by other users\n");
		sqlt_check(s2, &g2, "drop database fork1", "ERROR 55006: cannot drop the currently open database\n");
		sql_session_free(s2);
		guc_session_free(&g2);
	}
	sqlt_check(s, &g, "drop database fork1", "DROP DATABASE\n");
	sqlt_check(s, &g, "drop database if exists fork1",
		  "NOTICE 00000: database \"fork1\" does not exist, skipping\nDROP DATABASE\n");
	sqlt_check(s, &g, "drop table f", "DROP TABLE\n");

	/* pg_sleep: the row is held until the deadline, the portal says SQL_WAIT */
	{
		Arena		msg;
		SqlStmt   **stmts;
		int			n;
		SqlPrepared *p;
		SqlPortal  *portal;
		SqlDest		dest = {.row = sqlt_dest_row, .arg = &g};
		SqlWaitInfo wi;
		SqlRunResult r;

		arena_init(&msg, 1024);
		strbuf_reset(&sqlt_out);
		sql_parse(s, &msg, "select 1 as a, pg_sleep(0.2), 2 as b", &stmts, &n, &err);
		sql_xact_start_command(s, &err);
		p = sql_prepare(s, &msg, stmts[0], NULL, 0, &err);
		portal = sql_portal_new(s, &msg, p, NULL, NULL, &err);
		r = sql_portal_run(portal, &dest, 0, &err);
		sql_session_wait_info(s, &wi);
		sqlt_ntests++;
		printf("%s %d - pg_sleep parks the portal with a deadline and no row sent\n",
			   r == SQL_WAIT && wi.wake_at_us > 0 && !wi.lock_wait && sqlt_out.len == 0 ? "ok" : "not ok", sqlt_ntests);
		while ((r = sql_portal_run(portal, &dest, 0, &err)) == SQL_WAIT)
			;
		sqlt_ntests++;
		printf("%s %d - the held row goes out after the deadline\n",
			   r == SQL_DONE && strcmp(sqlt_out.data, "1||2\n") == 0 ? "ok" : "not ok", sqlt_ntests);
		sql_portal_close(portal);
		sql_xact_finish_command(s, &err);
		arena_destroy(&msg);
	}

	/* isolation between two sessions of one database */
	sqlt_check(s, &g, "select current_schemas(true)", "{pg_catalog,public}\nSELECT 1\n");
	sqlt_check(s, &g, "create table iso (a int)", "CREATE TABLE\n");
	{
		GucSession	g2;
		SqlSession *s2;

		guc_session_init(&g2);
		s2 = sql_session_new("postgres", "postgres", &g2, 4244, &err);
		sql_session_set_notice_hook(s2, sqlt_notice_hook, NULL);
		sqlt_check(s, &g, "begin isolation level repeatable read", "BEGIN\n");
		sqlt_check(s, &g, "select count(*) from iso", "0\nSELECT 1\n");
		sqlt_check(s2, &g2, "insert into iso values (1)", "INSERT 0 1\n");
		sqlt_check(s, &g, "select count(*) from iso", "0\nSELECT 1\n");
		sqlt_check(s, &g, "commit", "COMMIT\n");
		sqlt_check(s, &g, "begin", "BEGIN\n");
		sqlt_check(s, &g, "select count(*) from iso", "1\nSELECT 1\n");
		sqlt_check(s2, &g2, "insert into iso values (2)", "INSERT 0 1\n");
		sqlt_check(s, &g, "select count(*) from iso", "2\nSELECT 1\n");
		/* s writes: it holds the writer lock until COMMIT; s2's write must wait */
		sqlt_check(s, &g, "insert into iso values (3)", "INSERT 0 1\n");
		sqlt_check(s2, &g2, "insert into iso values (4)", "WAIT lock\n");
		sqlt_check(s2, &g2, "select count(*) from iso", "2\nSELECT 1\n");
		sqlt_check(s, &g, "commit", "COMMIT\n");
		sqlt_check(s2, &g2, "insert into iso values (4)", "INSERT 0 1\n");
		sqlt_check(s, &g, "select count(*) from iso", "4\nSELECT 1\n");
		sqlt_check(s, &g, "begin read only", "BEGIN\n");
		sqlt_check(s, &g, "insert into iso values (5)",
			  "ERROR 25006: cannot execute INSERT in a read-only transaction\n");
		sqlt_check(s, &g, "rollback", "ROLLBACK\n");
		sql_session_free(s2);
		guc_session_free(&g2);
	}
	sqlt_check(s, &g, "drop table iso", "DROP TABLE\n");

	/* regclass names for the types module */
	{
		StrBuf		sb;

		strbuf_init(&sb);
		sqlt_ntests++;
		printf("%s %d - sql_regclass_name finds pg_class\n",
			   sql_regclass_name(s, 1259, &sb) && strcmp(sb.data, "pg_class") == 0 ? "ok" : "not ok", sqlt_ntests);
		strbuf_reset(&sb);
		sqlt_ntests++;
		printf("%s %d - sql_regclass_name knows no OID 1\n", !sql_regclass_name(s, 1, &sb) ? "ok" : "not ok", sqlt_ntests);
		strbuf_free(&sb);
	}

	sql_session_free(s);
	guc_session_free(&g);
	sql_engine_shutdown();
	strbuf_free(&sqlt_out);
	printf("1..%d\n", sqlt_ntests);
	return sqlt_nfailed ? 1 : 0;
}
