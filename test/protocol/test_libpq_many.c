/*
 * test_libpq_many.c — N simultaneous connections (default 1000; argv[1]),
 * all open at once, each with a query in flight at the same time; every one
 * answers its own value, and the server is alive afterwards.
 *
 * Connections are opened with PQconnectStart/PQconnectPoll in parallel
 * (bounded to 64 handshakes in flight) so that start-up itself is
 * concurrent.  The suite raises ulimit -n.  Output: TAP.
 */
#include "tap.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IN_FLIGHT 64

typedef struct Slot
{
	PGconn	   *conn;
	PostgresPollingStatusType st;
	bool		done;
} Slot;

/* Opens n connections, at most IN_FLIGHT handshakes at a time; returns
 * the number that reached CONNECTION_OK. */
static int
open_all(Slot *slots, int n, const char *conninfo)
{
	struct pollfd *pfd = calloc(IN_FLIGHT, sizeof(*pfd));
	int		   *idx = calloc(IN_FLIGHT, sizeof(int));
	int			next = 0,
				good = 0,
				active = 0,
				i;
	int64_t		t0 = tap_now_ms();

	while ((next < n || active > 0) && tap_now_ms() - t0 < 120000)
	{
		int			np = 0;

		while (next < n && active < IN_FLIGHT)
		{
			slots[next].conn = PQconnectStart(conninfo);
			slots[next].st = PGRES_POLLING_WRITING;
			if (slots[next].conn == NULL || PQstatus(slots[next].conn) == CONNECTION_BAD)
				slots[next].done = true;
			else
				active++;
			next++;
		}
		for (i = 0; i < next && np < IN_FLIGHT; i++)
		{
			if (slots[i].done)
				continue;
			pfd[np].fd = PQsocket(slots[i].conn);
			pfd[np].events = slots[i].st == PGRES_POLLING_READING ? POLLIN : POLLOUT;
			idx[np++] = i;
		}
		if (np == 0)
			continue;
		poll(pfd, np, 1000);
		for (i = 0; i < np; i++)
		{
			Slot	   *s = &slots[idx[i]];

			if (pfd[i].revents == 0)
				continue;
			s->st = PQconnectPoll(s->conn);
			if (s->st == PGRES_POLLING_OK || s->st == PGRES_POLLING_FAILED)
			{
				s->done = true;
				active--;
				if (s->st == PGRES_POLLING_OK)
					good++;
				else
					tap_diag("connection %d: %s", idx[i], PQerrorMessage(s->conn));
			}
		}
	}
	free(pfd);
	free(idx);
	return good;
}

int
main(int argc, char **argv)
{
	int			n = argc > 1 ? atoi(argv[1]) : 1000;
	Slot	   *slots = calloc(n, sizeof(Slot));
	const char *base = tap_env_required("MEMGRES_TEST_CONNSTR");
	int			i,
				good,
				sent = 0,
				answered = 0;
	int			pid = tap_server_pid();
	int64_t		t0 = tap_now_ms();

	good = open_all(slots, n, base);
	tap_ok(good == n, "%d of %d simultaneous connections established (%lld ms)", good, n,
		   (long long) (tap_now_ms() - t0));

	for (i = 0; i < n; i++)
	{
		char		sql[64];

		if (PQstatus(slots[i].conn) != CONNECTION_OK)
			continue;
		snprintf(sql, sizeof(sql), "select %d + 0", i);
		if (PQsendQuery(slots[i].conn, sql))
			sent++;
	}
	tap_ok(sent == good, "a query in flight on every connection at once (%d)", sent);

	for (i = 0; i < n; i++)
	{
		PGresult   *res;
		char		want[16];
		bool		right = false;

		if (PQstatus(slots[i].conn) != CONNECTION_OK)
			continue;
		snprintf(want, sizeof(want), "%d", i);
		while ((res = PQgetResult(slots[i].conn)) != NULL)
		{
			if (PQresultStatus(res) == PGRES_TUPLES_OK && strcmp(PQgetvalue(res, 0, 0), want) == 0)
				right = true;
			PQclear(res);
		}
		if (right)
			answered++;
	}
	tap_ok(answered == n, "every connection got its own answer (%d of %d)", answered, n);

	for (i = 0; i < n; i++)
		if (slots[i].conn)
			PQfinish(slots[i].conn);
	free(slots);
	if (pid)
		tap_ok(tap_pid_alive(pid), "server process alive after %d connections", n);
	tap_ok(tap_server_answers(), "server answers select 1 afterwards");
	return tap_done();
}
