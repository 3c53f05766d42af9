/*
 * test_shutdown.c — SIGINT to the server while a session sleeps in
 * pg_sleep(30): the running statement ends (an error or a closed
 * connection, never its normal result) well before the 30 s are up, and
 * the server then refuses new connections.  suite-protocol.sh checks that
 * the process exits with status 0.  Output: TAP.
 */
#include "tap.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define HANG_GUARD_MS 20000

int
main(void)
{
	PGconn	   *conn = tap_connect(NULL);
	int			pid = tap_server_pid();
	int64_t		t0;
	PGresult   *res;
	bool		ended = false,
				normal = false;
	char		state[8] = "";
	PGconn	   *late;

	if (!tap_ok(PQstatus(conn) == CONNECTION_OK && pid > 0, "connect (server pid %d)", pid))
		tap_bail("cannot connect: %s", PQerrorMessage(conn));
	PQsendQuery(conn, "select pg_sleep(30)");
	usleep(300000);
	t0 = tap_now_ms();
	tap_ok(kill(pid, SIGINT) == 0, "SIGINT sent to the server");
	while (tap_now_ms() - t0 < HANG_GUARD_MS)
	{
		struct pollfd pfd = {.fd = PQsocket(conn),.events = POLLIN};

		if (PQconsumeInput(conn) == 0 || !PQisBusy(conn))
		{
			ended = true;
			break;
		}
		poll(&pfd, 1, 200);
	}
	while (ended && (res = PQgetResult(conn)) != NULL)
	{
		if (PQresultStatus(res) == PGRES_TUPLES_OK)
			normal = true;
		if (PQresultErrorField(res, PG_DIAG_SQLSTATE))
			snprintf(state, sizeof(state), "%s", PQresultErrorField(res, PG_DIAG_SQLSTATE));
		tap_diag("session saw: %s %s", PQresStatus(PQresultStatus(res)), PQresultErrorMessage(res));
		PQclear(res);
	}
	tap_ok(ended && !normal, "the sleeping statement ended without its result after %lld ms (%s)",
		   (long long) (tap_now_ms() - t0), *state ? state : "connection closed");
	PQfinish(conn);

	/* No new sessions once shutting down (give the process a moment to go). */
	{
		int			i;
		bool		refused = false;

		for (i = 0; i < 100 && !refused; i++)
		{
			late = tap_connect("connect_timeout=2");
			refused = PQstatus(late) != CONNECTION_OK;
			PQfinish(late);
			if (!refused)
				usleep(200000);
		}
		tap_ok(refused, "new connections are refused after the shutdown");
	}
	return tap_done();
}
