/*
 * test_libpq_basic.c — connection start-up, simple query, error and notice
 * fields, ParameterStatus, the transaction status byte, Terminate; through
 * libpq as applications see them.
 *
 * Every expectation here was first checked against PostgreSQL 15
 * (MEMGRES_TEST_AGAINST=postgres).  Output: TAP.
 */
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	notice_count;
static char notice_severity[32];
static char notice_sqlstate[8];
static char notice_message[256];

static void
count_notice(void *arg, const PGresult *res)
{
	const char *v;

	notice_count++;
	v = PQresultErrorField(res, PG_DIAG_SEVERITY);
	snprintf(notice_severity, sizeof(notice_severity), "%s", v ? v : "");
	v = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	snprintf(notice_sqlstate, sizeof(notice_sqlstate), "%s", v ? v : "");
	v = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	snprintf(notice_message, sizeof(notice_message), "%s", v ? v : "");
}

static bool
streq(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* Checks one ParameterStatus value reported at start-up or after SET. */
static void
check_param(PGconn *conn, const char *name, const char *expect)
{
	const char *v = PQparameterStatus(conn, name);

	tap_ok(streq(v, expect), "ParameterStatus %s = \"%s\" (got \"%s\")",
		   name, expect, v ? v : "(none)");
}

/* Runs sql, expecting status st and (if tag) command tag `tag`. */
static void
check_exec(PGconn *conn, const char *sql, ExecStatusType st, const char *tag)
{
	PGresult   *res = PQexec(conn, sql);

	tap_ok(PQresultStatus(res) == st && (tag == NULL || streq(PQcmdStatus(res), tag)),
		   "%s -> %s%s%s (got %s \"%s\" %s)", sql, PQresStatus(st),
		   tag ? " tag " : "", tag ? tag : "", PQresStatus(PQresultStatus(res)),
		   PQcmdStatus(res), PQresultErrorMessage(res));
	PQclear(res);
}

/* Runs sql, expecting an error with SQLSTATE `state`; returns the result. */
static PGresult *
expect_error(PGconn *conn, const char *sql, const char *state)
{
	PGresult   *res = PQexec(conn, sql);
	const char *s = PQresultErrorField(res, PG_DIAG_SQLSTATE);

	tap_ok(PQresultStatus(res) == PGRES_FATAL_ERROR && streq(s, state),
		   "%s -> error %s (got %s %s)", sql, state,
		   PQresStatus(PQresultStatus(res)), s ? s : "no SQLSTATE");
	return res;
}

static void
check_txn(PGconn *conn, PGTransactionStatusType want, const char *when)
{
	static const char *names[] = {"IDLE", "ACTIVE", "INTRANS", "INERROR", "UNKNOWN"};
	PGTransactionStatusType got = PQtransactionStatus(conn);

	tap_ok(got == want, "transaction status %s %s (got %s)", names[want], when, names[got]);
}

static void
test_startup(PGconn *conn)
{
	int			v = PQserverVersion(conn);

	tap_ok(v >= 150000 && v < 160000, "server version is 15.x (%d)", v);
	tap_ok(PQprotocolVersion(conn) == 3, "protocol version 3");
	tap_ok(PQbackendPID(conn) != 0, "BackendKeyData gave a process id");
	check_param(conn, "server_encoding", "UTF8");
	check_param(conn, "client_encoding", "UTF8");
	check_param(conn, "DateStyle", "ISO, MDY");
	check_param(conn, "IntervalStyle", "postgres");
	check_param(conn, "integer_datetimes", "on");
	check_param(conn, "standard_conforming_strings", "on");
	check_param(conn, "application_name", "tap_basic");
	check_param(conn, "is_superuser", "on");
	check_param(conn, "session_authorization", "postgres");
	tap_ok(PQparameterStatus(conn, "TimeZone") != NULL, "ParameterStatus TimeZone present");
	tap_ok(PQparameterStatus(conn, "server_version") != NULL &&
		   strncmp(PQparameterStatus(conn, "server_version"), "15", 2) == 0,
		   "ParameterStatus server_version starts with 15 (%s)",
		   PQparameterStatus(conn, "server_version"));
}

static void
test_simple_query(PGconn *conn)
{
	PGresult   *res;
	int			n;

	res = PQexec(conn, "select 1");
	tap_ok(PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 &&
		   PQnfields(res) == 1 && streq(PQgetvalue(res, 0, 0), "1"),
		   "select 1 returns one row with 1");
	tap_ok(PQftype(res, 0) == 23 && streq(PQfname(res, 0), "?column?"),
		   "select 1: column ?column? of type int4 (oid %u, %s)", PQftype(res, 0), PQfname(res, 0));
	tap_ok(streq(PQcmdStatus(res), "SELECT 1"), "command tag SELECT 1 (%s)", PQcmdStatus(res));
	PQclear(res);

	res = PQexec(conn, "select 'a' as x, 2::int8 as y, null::text as z, true as w");
	tap_ok(PQresultStatus(res) == PGRES_TUPLES_OK && PQnfields(res) == 4 &&
		   streq(PQfname(res, 0), "x") && PQftype(res, 0) == 25 &&
		   PQftype(res, 1) == 20 && PQgetisnull(res, 0, 2) && streq(PQgetvalue(res, 0, 3), "t"),
		   "row description names, types and a NULL");
	PQclear(res);

	/* Several statements in one Query: one result each. */
	PQsendQuery(conn, "select 1; select 2, 3; set application_name = 'multi'");
	n = 0;
	while ((res = PQgetResult(conn)) != NULL)
	{
		n++;
		if (n == 2)
			tap_ok(PQnfields(res) == 2 && streq(PQgetvalue(res, 0, 1), "3"),
				   "second statement of a multi-statement query");
		if (n == 3)
			tap_ok(streq(PQcmdStatus(res), "SET"), "third statement: SET");
		PQclear(res);
	}
	tap_ok(n == 3, "three results from three statements (got %d)", n);

	check_exec(conn, "", PGRES_EMPTY_QUERY, NULL);
	check_exec(conn, ";", PGRES_EMPTY_QUERY, NULL);
	check_exec(conn, "   -- only a comment", PGRES_EMPTY_QUERY, NULL);
	check_exec(conn, "set application_name = 'tap_basic'", PGRES_COMMAND_OK, "SET");
	check_exec(conn, "show application_name", PGRES_TUPLES_OK, "SHOW");
}

static void
test_errors(PGconn *conn)
{
	PGresult   *res;
	const char *v;

	res = expect_error(conn, "SELEC 1", "42601");
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_SEVERITY), "ERROR") &&
		   streq(PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED), "ERROR"),
		   "syntax error: severity ERROR (localized and not)");
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY), "syntax error at or near \"SELEC\""),
		   "syntax error: message (%s)", PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY));
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION), "1"),
		   "syntax error: position 1");
	PQclear(res);

	res = expect_error(conn, "select 1 +;", "42601");
	v = PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION);
	tap_ok(streq(v, "11"), "syntax error at ';': position 11 (got %s)", v ? v : "none");
	PQclear(res);

	res = expect_error(conn, "select 1/0", "22012");
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY), "division by zero") &&
		   PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION) == NULL,
		   "division by zero: message, no position");
	PQclear(res);

	res = expect_error(conn, "set no_such_setting = 1", "42704");
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
				 "unrecognized configuration parameter \"no_such_setting\""),
		   "unknown setting: message");
	PQclear(res);

	/* HINT and DETAIL fields. */
	res = expect_error(conn, "select 1 + 'a'::text", "42883");
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY), "operator does not exist: integer + text") &&
		   streq(PQresultErrorField(res, PG_DIAG_MESSAGE_HINT),
				 "No operator matches the given name and argument types. You might need to add explicit type casts.") &&
		   streq(PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION), "10"),
		   "operator error: message, hint and position 10 (%s / %s / %s)",
		   PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
		   PQresultErrorField(res, PG_DIAG_MESSAGE_HINT),
		   PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION));
	PQclear(res);
	res = expect_error(conn, "set datestyle = 'iso, foo'", "22023");
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
				 "invalid value for parameter \"DateStyle\": \"iso, foo\"") &&
		   streq(PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL), "Unrecognized key word: \"foo\"."),
		   "bad DateStyle: message and detail (%s / %s)",
		   PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
		   PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL));
	PQclear(res);

	/* The connection is still usable after errors. */
	tap_ok(tap_query_value(conn, "select 7", "7"), "queries work after errors");
}

static void
test_notices(PGconn *conn)
{
	PQsetNoticeReceiver(conn, count_notice, NULL);
	notice_count = 0;
	check_exec(conn, "rollback", PGRES_COMMAND_OK, "ROLLBACK");
	tap_ok(notice_count == 1 && streq(notice_severity, "WARNING") &&
		   streq(notice_sqlstate, "25P01") &&
		   streq(notice_message, "there is no transaction in progress"),
		   "NoticeResponse: WARNING 25P01 there is no transaction in progress (%d: %s %s %s)",
		   notice_count, notice_severity, notice_sqlstate, notice_message);
	notice_count = 0;
	check_exec(conn, "select 1", PGRES_TUPLES_OK, "SELECT 1");
	tap_ok(notice_count == 0, "no notice for a plain select");
}

static void
test_parameter_status(PGconn *conn)
{
	check_exec(conn, "set application_name = 'changed by set'", PGRES_COMMAND_OK, "SET");
	check_param(conn, "application_name", "changed by set");
	check_exec(conn, "set TimeZone = 'Europe/Berlin'", PGRES_COMMAND_OK, "SET");
	check_param(conn, "TimeZone", "Europe/Berlin");
	check_exec(conn, "set datestyle = 'German'", PGRES_COMMAND_OK, "SET");
	check_param(conn, "DateStyle", "German, DMY");
	check_exec(conn, "reset datestyle", PGRES_COMMAND_OK, "RESET");
	check_param(conn, "DateStyle", "ISO, MDY");
	/* A rolled-back SET reports the old value again. */
	check_exec(conn, "begin", PGRES_COMMAND_OK, "BEGIN");
	check_exec(conn, "set application_name = 'inside'", PGRES_COMMAND_OK, "SET");
	check_param(conn, "application_name", "inside");
	check_exec(conn, "rollback", PGRES_COMMAND_OK, "ROLLBACK");
	check_param(conn, "application_name", "changed by set");
}

static void
test_transaction_status(PGconn *conn)
{
	PGresult   *res;

	check_txn(conn, PQTRANS_IDLE, "at start");
	check_exec(conn, "begin", PGRES_COMMAND_OK, "BEGIN");
	check_txn(conn, PQTRANS_INTRANS, "after BEGIN");
	check_exec(conn, "select 1", PGRES_TUPLES_OK, "SELECT 1");
	check_txn(conn, PQTRANS_INTRANS, "after a select in the block");
	PQclear(expect_error(conn, "select 1/0", "22012"));
	check_txn(conn, PQTRANS_INERROR, "after an error in the block");
	res = expect_error(conn, "select 1", "25P02");
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
				 "current transaction is aborted, commands ignored until end of transaction block"),
		   "25P02 message");
	PQclear(res);
	check_txn(conn, PQTRANS_INERROR, "still aborted");
	check_exec(conn, "rollback", PGRES_COMMAND_OK, "ROLLBACK");
	check_txn(conn, PQTRANS_IDLE, "after ROLLBACK");

	check_exec(conn, "begin", PGRES_COMMAND_OK, "BEGIN");
	PQclear(expect_error(conn, "select 1/0", "22012"));
	check_exec(conn, "commit", PGRES_COMMAND_OK, "ROLLBACK");
	check_txn(conn, PQTRANS_IDLE, "after COMMIT of an aborted block");

	check_exec(conn, "start transaction", PGRES_COMMAND_OK, "START TRANSACTION");
	check_exec(conn, "commit", PGRES_COMMAND_OK, "COMMIT");
	check_txn(conn, PQTRANS_IDLE, "after COMMIT");
	/* An error outside a block leaves the session idle. */
	PQclear(expect_error(conn, "select 1/0", "22012"));
	check_txn(conn, PQTRANS_IDLE, "after an error outside a block");
	/* An implicit block: the error rolls back, the session is idle. */
	PQclear(expect_error(conn, "select 1; select 1/0; select 2", "22012"));
	check_txn(conn, PQTRANS_IDLE, "after a failing multi-statement query");
	/* BEGIN inside a multi-statement query leaves the block open. */
	check_exec(conn, "select 1; begin; select 2", PGRES_TUPLES_OK, "SELECT 1");
	check_txn(conn, PQTRANS_INTRANS, "after 'select 1; begin; select 2'");
	check_exec(conn, "commit", PGRES_COMMAND_OK, "COMMIT");
}

static void
test_connect_failures(void)
{
	PGconn	   *c;

	c = tap_connect("dbname=no_such_database_xyz");
	tap_ok(PQstatus(c) == CONNECTION_BAD &&
		   strstr(PQerrorMessage(c), "database \"no_such_database_xyz\" does not exist") != NULL,
		   "unknown database refused with PostgreSQL's message");
	PQfinish(c);
	c = tap_connect("user=no_such_role_xyz");
	tap_ok(PQstatus(c) == CONNECTION_BAD &&
		   strstr(PQerrorMessage(c), "role \"no_such_role_xyz\" does not exist") != NULL,
		   "unknown role refused with PostgreSQL's message");
	PQfinish(c);
}

int
main(void)
{
	PGconn	   *conn = tap_connect("application_name=tap_basic");

	if (!tap_ok(PQstatus(conn) == CONNECTION_OK, "connect"))
		tap_bail("cannot connect: %s", PQerrorMessage(conn));
	test_startup(conn);
	test_simple_query(conn);
	test_errors(conn);
	test_notices(conn);
	test_parameter_status(conn);
	test_transaction_status(conn);
	PQfinish(conn);				/* sends Terminate */
	test_connect_failures();
	tap_ok(tap_server_answers(), "server answers after Terminate");
	if (tap_server_pid())
		tap_ok(tap_pid_alive(tap_server_pid()), "server process alive");
	return tap_done();
}
