/*
 * test_libpq_pipeline.c — libpq pipeline mode: 100 statements queued before
 * one Sync, the 51st failing; the 49 after it are skipped
 * (PGRES_PIPELINE_ABORTED) up to the Sync, and work resumes after it.
 * Also a pipelined Parse followed by many Bind/Execute of that statement.
 * Output: TAP.
 */
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NQUERIES 100
#define FAILING 50				/* 0-based index of the failing statement */

static bool
streq(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* Reads the result of one queued statement and the NULL that ends it. */
static PGresult *
next_result(PGconn *conn)
{
	PGresult   *res = PQgetResult(conn),
			   *end;

	if (res != NULL && PQresultStatus(res) != PGRES_PIPELINE_SYNC)
	{
		end = PQgetResult(conn);
		if (end != NULL)
		{
			tap_diag("unexpected extra result %s", PQresStatus(PQresultStatus(end)));
			PQclear(end);
		}
	}
	return res;
}

static void
test_failing_pipeline(PGconn *conn)
{
	int			i,
				ok_before = 0,
				aborted = 0;
	char		buf[32];
	const char *values[1];
	PGresult   *res;

	for (i = 0; i < NQUERIES; i++)
	{
		snprintf(buf, sizeof(buf), "%d", i);
		values[0] = buf;
		if (i == FAILING)
			PQsendQueryParams(conn, "select $1::int4 / 0", 1, NULL, values, NULL, NULL, 0);
		else
			PQsendQueryParams(conn, "select $1::int4", 1, NULL, values, NULL, NULL, 0);
	}
	tap_ok(PQpipelineSync(conn) == 1, "queued %d statements and a Sync", NQUERIES);

	for (i = 0; i < FAILING; i++)
	{
		res = next_result(conn);
		snprintf(buf, sizeof(buf), "%d", i);
		if (PQresultStatus(res) == PGRES_TUPLES_OK && streq(PQgetvalue(res, 0, 0), buf))
			ok_before++;
		else
			tap_diag("statement %d: %s %s", i, PQresStatus(PQresultStatus(res)),
					 PQresultErrorMessage(res));
		PQclear(res);
	}
	tap_ok(ok_before == FAILING, "the %d statements before the failing one answered in order (%d)",
		   FAILING, ok_before);

	res = next_result(conn);
	tap_ok(PQresultStatus(res) == PGRES_FATAL_ERROR &&
		   streq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "22012"),
		   "statement %d fails with 22012 (%s)", FAILING, PQresStatus(PQresultStatus(res)));
	PQclear(res);

	for (i = FAILING + 1; i < NQUERIES; i++)
	{
		res = next_result(conn);
		if (PQresultStatus(res) == PGRES_PIPELINE_ABORTED)
			aborted++;
		PQclear(res);
	}
	tap_ok(aborted == NQUERIES - FAILING - 1, "the %d statements after it are skipped until Sync (%d)",
		   NQUERIES - FAILING - 1, aborted);

	res = PQgetResult(conn);
	tap_ok(PQresultStatus(res) == PGRES_PIPELINE_SYNC, "then the Sync's ReadyForQuery");
	PQclear(res);
	tap_ok(PQtransactionStatus(conn) == PQTRANS_IDLE, "idle after the Sync");

	/* Work resumes after the Sync. */
	for (i = 0; i < 10; i++)
	{
		snprintf(buf, sizeof(buf), "%d", 1000 + i);
		values[0] = buf;
		PQsendQueryParams(conn, "select $1::int4 + 1", 1, NULL, values, NULL, NULL, 0);
	}
	PQpipelineSync(conn);
	ok_before = 0;
	for (i = 0; i < 10; i++)
	{
		res = next_result(conn);
		snprintf(buf, sizeof(buf), "%d", 1001 + i);
		if (PQresultStatus(res) == PGRES_TUPLES_OK && streq(PQgetvalue(res, 0, 0), buf))
			ok_before++;
		PQclear(res);
	}
	res = PQgetResult(conn);
	tap_ok(ok_before == 10 && PQresultStatus(res) == PGRES_PIPELINE_SYNC,
		   "10 statements after the Sync all answer (%d)", ok_before);
	PQclear(res);
}

static void
test_prepared_pipeline(PGconn *conn)
{
	int			i,
				good = 0;
	char		buf[32],
				want[32];
	const char *values[1];
	PGresult   *res;

	PQsendPrepare(conn, "pp", "select $1::int8 * 3", 1, NULL);
	for (i = 0; i < NQUERIES; i++)
	{
		snprintf(buf, sizeof(buf), "%d", i);
		values[0] = buf;
		PQsendQueryPrepared(conn, "pp", 1, values, NULL, NULL, 0);
	}
	PQpipelineSync(conn);
	res = next_result(conn);
	tap_ok(PQresultStatus(res) == PGRES_COMMAND_OK, "pipelined Parse of pp");
	PQclear(res);
	for (i = 0; i < NQUERIES; i++)
	{
		res = next_result(conn);
		snprintf(want, sizeof(want), "%d", 3 * i);
		if (PQresultStatus(res) == PGRES_TUPLES_OK && streq(PQgetvalue(res, 0, 0), want))
			good++;
		PQclear(res);
	}
	tap_ok(good == NQUERIES, "%d pipelined executions of pp answer in order (%d)", NQUERIES, good);
	res = PQgetResult(conn);
	tap_ok(PQresultStatus(res) == PGRES_PIPELINE_SYNC, "then ReadyForQuery");
	PQclear(res);

	/* A transaction inside a pipeline: the error aborts the block. */
	PQsendQueryParams(conn, "begin", 0, NULL, NULL, NULL, NULL, 0);
	PQsendQueryParams(conn, "select 1/0", 0, NULL, NULL, NULL, NULL, 0);
	PQpipelineSync(conn);
	res = next_result(conn);
	PQclear(res);
	res = next_result(conn);
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "22012"), "error inside a pipelined block");
	PQclear(res);
	res = PQgetResult(conn);
	PQclear(res);
	tap_ok(PQtransactionStatus(conn) == PQTRANS_INERROR, "block aborted after the Sync");
	PQsendQueryParams(conn, "rollback", 0, NULL, NULL, NULL, NULL, 0);
	PQpipelineSync(conn);
	res = next_result(conn);
	tap_ok(PQresultStatus(res) == PGRES_COMMAND_OK && streq(PQcmdStatus(res), "ROLLBACK"), "rollback");
	PQclear(res);
	res = PQgetResult(conn);
	PQclear(res);
	tap_ok(PQtransactionStatus(conn) == PQTRANS_IDLE, "idle after rollback");
}

int
main(void)
{
	PGconn	   *conn = tap_connect(NULL);

	if (!tap_ok(PQstatus(conn) == CONNECTION_OK, "connect"))
		tap_bail("cannot connect: %s", PQerrorMessage(conn));
	if (!tap_ok(PQenterPipelineMode(conn) == 1, "enter pipeline mode"))
		tap_bail("no pipeline mode: %s", PQerrorMessage(conn));
	test_failing_pipeline(conn);
	test_prepared_pipeline(conn);
	tap_ok(PQexitPipelineMode(conn) == 1, "exit pipeline mode");
	tap_ok(tap_query_value(conn, "select 'after pipeline'", "after pipeline"),
		   "ordinary query after the pipeline");
	PQfinish(conn);
	return tap_done();
}
