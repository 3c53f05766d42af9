/*
 * iso.c — helpers of the multi-session test programs (see iso.h).
 *
 * Design: a statement that is expected to wait is sent with PQsendQuery
 * and observed with PQconsumeInput/PQisBusy; one that is expected to
 * finish is collected with a poll() loop bounded by ISO_GUARD_MS, so a
 * server that wrongly blocks fails the check instead of hanging the suite.
 * No check compares elapsed time with a bound.
 *
 * Invariants: every PGresult is cleared here unless returned; a connection
 * whose statement passed the guard is left for the caller to PQfinish.
 */
#include "iso.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool
iso_against_postgres(void)
{
	const char *v = getenv("MEMGRES_TEST_AGAINST");

	return v != NULL && strcmp(v, "postgres") == 0;
}

bool
iso_pending_enabled(void)
{
	const char *v = getenv("MEMGRES_TEST_PENDING");

	return v != NULL && strcmp(v, "1") == 0;
}

PGconn *
iso_connect(const char *dbname)
{
	char		extra[256];
	PGconn	   *conn;

	if (dbname != NULL)
		snprintf(extra, sizeof(extra), "dbname=%s", dbname);
	else
		extra[0] = '\0';
	conn = tap_connect(extra);
	if (PQstatus(conn) != CONNECTION_OK)
		tap_bail("connect to %s: %s", dbname ? dbname : "default database",
				 PQerrorMessage(conn));
	return conn;
}

bool
iso_exec_ok(PGconn *conn, const char *sql)
{
	PGresult   *res = PQexec(conn, sql);
	ExecStatusType st = PQresultStatus(res);
	bool		good = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;

	PQclear(res);
	return good;
}

void
iso_must(PGconn *conn, const char *sql)
{
	PGresult   *res = PQexec(conn, sql);
	ExecStatusType st = PQresultStatus(res);

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
		tap_bail("setup statement failed: %.200s: %s", sql, PQresultErrorMessage(res));
	PQclear(res);
}

bool
iso_value(PGconn *conn, const char *sql, char *buf, size_t len)
{
	PGresult   *res = PQexec(conn, sql);
	bool		good = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) >= 1;

	if (good)
		snprintf(buf, len, "%s", PQgetvalue(res, 0, 0));
	else
	{
		snprintf(buf, len, "<error %s>", PQresultErrorField(res, PG_DIAG_SQLSTATE) ?
				 PQresultErrorField(res, PG_DIAG_SQLSTATE) : "?");
		tap_diag("%.200s -> %s", sql, PQresultErrorMessage(res));
	}
	PQclear(res);
	return good;
}

static const char *
result_sqlstate(PGresult *res)
{
	static char buf[8];
	const char *code;
	ExecStatusType st = PQresultStatus(res);

	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return "";
	code = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	snprintf(buf, sizeof(buf), "%s", code ? code : "none");
	return buf;
}

const char *
iso_sqlstate(PGconn *conn, const char *sql)
{
	PGresult   *res = PQexec(conn, sql);
	const char *code = result_sqlstate(res);

	PQclear(res);
	return code;
}

void
iso_send(PGconn *conn, const char *sql)
{
	if (PQsendQuery(conn, sql) != 1)
		tap_bail("send %.200s: %s", sql, PQerrorMessage(conn));
}

bool
iso_busy(PGconn *conn)
{
	PQconsumeInput(conn);
	return PQisBusy(conn) == 1;
}

void
iso_settle(void)
{
	usleep(ISO_SETTLE_MS * 1000);
}

PGresult *
iso_wait(PGconn *conn)
{
	int64_t		deadline = tap_now_ms() + ISO_GUARD_MS;
	PGresult   *first = NULL,
			   *res;

	while (iso_busy(conn))
	{
		struct pollfd pfd = {.fd = PQsocket(conn),.events = POLLIN};
		int64_t		left = deadline - tap_now_ms();

		if (left <= 0 || PQstatus(conn) == CONNECTION_BAD)
			break;
		poll(&pfd, 1, (int) (left > 200 ? 200 : left));
	}
	if (PQisBusy(conn) && PQstatus(conn) != CONNECTION_BAD)
		return NULL;
	while ((res = PQgetResult(conn)) != NULL)
	{
		if (first == NULL)
			first = res;
		else
			PQclear(res);
	}
	return first;
}

const char *
iso_wait_sqlstate(PGconn *conn)
{
	static char buf[8];
	PGresult   *res = iso_wait(conn);

	if (res == NULL)
		return "hang";
	snprintf(buf, sizeof(buf), "%s", result_sqlstate(res));
	PQclear(res);
	return buf;
}
