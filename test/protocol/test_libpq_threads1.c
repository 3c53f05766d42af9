/*
 * test_libpq_threads1.c — run against a server started with --threads 1:
 * while one connection sleeps in pg_sleep(5), other connections on the same
 * (only) worker connect and run SELECT 1.  The assertion is about order,
 * not time: every SELECT 1 completes while the sleeper is still busy.
 * Then a statement that keeps the only worker computing (no pg_sleep, no
 * output for minutes) is cancelled: the CancelRequest must get through
 * although the worker cannot read it (the listener carries it out), so the
 * statement ends with 57014 well before it would finish (guard 60 s).
 * Output: TAP.
 */
#include "tap.h"

#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* True when the sleeper's statement has not finished. */
static bool
still_busy(PGconn *sleeper)
{
	PQconsumeInput(sleeper);
	return PQisBusy(sleeper) == 1;
}

int
main(void)
{
	PGconn	   *sleeper = tap_connect("application_name=sleeper");
	PGresult   *res;
	int64_t		t0;
	int			i,
				before = 0,
				rounds = 5;

	if (!tap_ok(PQstatus(sleeper) == CONNECTION_OK, "sleeper connects"))
		tap_bail("cannot connect: %s", PQerrorMessage(sleeper));
	t0 = tap_now_ms();
	tap_ok(PQsendQuery(sleeper, "select pg_sleep(5), 'woke'") == 1, "sleeper sends pg_sleep(5)");
	usleep(300000);				/* let it start sleeping */

	for (i = 0; i < rounds; i++)
	{
		PGconn	   *other = tap_connect("application_name=other");
		bool		answered = PQstatus(other) == CONNECTION_OK &&
			tap_query_value(other, "select 1", "1");
		bool		busy = still_busy(sleeper);

		tap_ok(answered && busy,
			   "round %d: a new connection's SELECT 1 answered while the sleeper is busy (at %lld ms)",
			   i + 1, (long long) (tap_now_ms() - t0));
		if (answered && busy)
			before++;
		PQfinish(other);
		usleep(400000);
	}
	tap_ok(before == rounds, "all %d SELECT 1 finished before the sleeper", rounds);

	res = PQgetResult(sleeper);
	tap_ok(PQresultStatus(res) == PGRES_TUPLES_OK && strcmp(PQgetvalue(res, 0, 1), "woke") == 0,
		   "the sleeper then completes normally after %lld ms", (long long) (tap_now_ms() - t0));
	PQclear(res);
	while ((res = PQgetResult(sleeper)) != NULL)
		PQclear(res);

	/* a CPU-bound statement on the only worker, cancelled */
	{
		PGcancel   *cancel = PQgetCancel(sleeper);
		char		errbuf[256];
		char		state[8] = "none";
		bool		done = false;
		struct pollfd pfd = {.fd = PQsocket(sleeper), .events = POLLIN};

		tap_ok(PQsendQuery(sleeper, "select count(*) from generate_series(1, 100000000000)") == 1,
			   "a statement that computes for minutes starts");
		usleep(300000);			/* let it occupy the worker */
		tap_ok(still_busy(sleeper) && PQcancel(cancel, errbuf, sizeof(errbuf)) == 1,
			   "PQcancel is sent while it runs (%s)", errbuf);
		t0 = tap_now_ms();
		while (!done && tap_now_ms() - t0 < 60000)
		{
			poll(&pfd, 1, 1000);
			PQconsumeInput(sleeper);
			if (PQisBusy(sleeper))
				continue;
			while ((res = PQgetResult(sleeper)) != NULL)
			{
				if (PQresultStatus(res) == PGRES_FATAL_ERROR)
					snprintf(state, sizeof(state), "%s", PQresultErrorField(res, PG_DIAG_SQLSTATE) ?
							 PQresultErrorField(res, PG_DIAG_SQLSTATE) : "error");
				PQclear(res);
			}
			done = true;
		}
		tap_ok(done && strcmp(state, "57014") == 0,
			   "the cancel reaches a busy worker's statement: %s after %lld ms (guard 60 s)", state,
			   (long long) (tap_now_ms() - t0));
		PQfreeCancel(cancel);
	}
	PQfinish(sleeper);
	return tap_done();
}
