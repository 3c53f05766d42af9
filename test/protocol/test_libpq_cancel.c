/*
 * test_libpq_cancel.c — CancelRequest: a running pg_sleep(30) is cancelled
 * with 57014 (libpq's PQcancel and a raw CancelRequest), inside a block the
 * cancel aborts the block, and a CancelRequest with a wrong secret does
 * nothing.
 *
 * Timing: the elapsed time is reported in the TAP descriptions; the only
 * time assertion is a generous hang guard (20 s).  A cancel that arrives
 * before the statement started is legitimately ignored, so the cancel is
 * re-sent every second until the statement ends.  Output: TAP.
 */
#include "tap.h"
#include "rawpg.h"

#include <arpa/inet.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define HANG_GUARD_MS 20000

static bool
streq(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* Sends "select pg_sleep(30)" on conn and cancels it; returns the result. */
static PGresult *
sleep_and_cancel(PGconn *conn, int64_t *elapsed_ms, int *attempts)
{
	PGcancel   *cancel = PQgetCancel(conn);
	int64_t		t0 = tap_now_ms(),
				last = 0;
	char		errbuf[256];
	PGresult   *res;

	*attempts = 0;
	PQsendQuery(conn, "select pg_sleep(30)");
	for (;;)
	{
		struct pollfd pfd = {.fd = PQsocket(conn),.events = POLLIN};
		int64_t		now = tap_now_ms();

		PQconsumeInput(conn);
		if (!PQisBusy(conn))
			break;
		if (now - t0 > HANG_GUARD_MS)
			break;
		if (now - last >= 1000 || last == 0)
		{
			if (last == 0)
				usleep(100000);	/* let the statement start */
			PQcancel(cancel, errbuf, sizeof(errbuf));
			(*attempts)++;
			last = tap_now_ms();
		}
		poll(&pfd, 1, 100);
	}
	*elapsed_ms = tap_now_ms() - t0;
	PQfreeCancel(cancel);
	if (PQisBusy(conn))
		return NULL;
	res = PQgetResult(conn);
	/* drain to the end of the query */
	{
		PGresult   *r;

		while ((r = PQgetResult(conn)) != NULL)
			PQclear(r);
	}
	return res;
}

static void
test_libpq_cancel(PGconn *conn)
{
	int64_t		ms;
	int			attempts;
	PGresult   *res;

	res = sleep_and_cancel(conn, &ms, &attempts);
	tap_ok(res != NULL && PQresultStatus(res) == PGRES_FATAL_ERROR &&
		   streq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "57014") &&
		   streq(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
				 "canceling statement due to user request"),
		   "pg_sleep(30) cancelled with 57014 after %lld ms (%d cancel requests)",
		   (long long) ms, attempts);
	tap_ok(ms < HANG_GUARD_MS, "cancel did not hang (guard %d ms)", HANG_GUARD_MS);
	PQclear(res);
	tap_ok(tap_query_value(conn, "select 'usable'", "usable"), "connection usable after cancel");

	PQclear(PQexec(conn, "begin"));
	res = sleep_and_cancel(conn, &ms, &attempts);
	tap_ok(res != NULL && streq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "57014"),
		   "cancel inside a block: 57014 after %lld ms", (long long) ms);
	PQclear(res);
	tap_ok(PQtransactionStatus(conn) == PQTRANS_INERROR, "the block is aborted");
	PQclear(PQexec(conn, "rollback"));
	tap_ok(PQtransactionStatus(conn) == PQTRANS_IDLE, "idle after rollback");
}

static int
send_cancel_request(int pid, int secret)
{
	RawConn    *c = raw_connect(tap_host(), tap_port());
	RawBuf		b;
	int			r;

	if (c == NULL)
		return -1;
	rawbuf_init(&b);
	rawbuf_int32(&b, 16);
	rawbuf_int32(&b, 80877102);
	rawbuf_int32(&b, pid);
	rawbuf_int32(&b, secret);
	r = raw_send_buf(c, &b);
	rawbuf_free(&b);
	/* The server closes a cancel connection without answering. */
	if (r == 0)
		r = raw_wait_closed(c, 5000) == 1 ? 0 : -1;
	raw_close(c);
	return r;
}

static void
test_raw_cancel(void)
{
	RawConn    *c = raw_connect(tap_host(), tap_port());
	RawBuf		q;
	int			rows,
				r,
				attempts = 0;
	int64_t		t0;

	if (!tap_ok(c != NULL && raw_startup(c, NULL) == 0, "raw connection"))
		return;
	tap_ok(c->pid != 0, "BackendKeyData received (pid %d)", c->pid);

	/* A wrong secret: the statement runs to completion. */
	rawbuf_init(&q);
	rawbuf_begin(&q, 'Q');
	rawbuf_str(&q, "select pg_sleep(1.5), 'slept'");
	rawbuf_end(&q);
	raw_send_buf(c, &q);
	usleep(200000);
	tap_ok(send_cancel_request(c->pid, c->secret ^ 0x5a5a5a5a) == 0,
		   "CancelRequest with a wrong secret: connection closed without an answer");
	/* A CancelRequest naming another process id: also nothing. */
	send_cancel_request(c->pid + 1, c->secret);
	c->last_sqlstate[0] = '\0';
	rows = raw_until_ready(c, 'D', 10000);
	tap_ok(rows == 1 && c->last_sqlstate[0] == '\0',
		   "the statement completed normally (rows %d, error '%s')", rows, c->last_sqlstate);

	/* The right secret: 57014. */
	rawbuf_reset(&q);
	rawbuf_begin(&q, 'Q');
	rawbuf_str(&q, "select pg_sleep(30)");
	rawbuf_end(&q);
	c->last_sqlstate[0] = '\0';
	raw_send_buf(c, &q);
	t0 = tap_now_ms();
	for (;;)
	{
		if (attempts == 0)
			usleep(100000);		/* let the statement start */
		send_cancel_request(c->pid, c->secret);
		attempts++;
		r = raw_until_ready(c, 'E', 1000);
		if (r >= 0 || tap_now_ms() - t0 > HANG_GUARD_MS)
			break;
	}
	tap_ok(r == 1 && strcmp(c->last_sqlstate, "57014") == 0,
		   "raw CancelRequest: 57014 after %lld ms (%d requests)",
		   (long long) (tap_now_ms() - t0), attempts);
	rawbuf_free(&q);
	raw_close(c);
}

int
main(void)
{
	PGconn	   *conn = tap_connect(NULL);

	if (!tap_ok(PQstatus(conn) == CONNECTION_OK, "connect"))
		tap_bail("cannot connect: %s", PQerrorMessage(conn));
	test_libpq_cancel(conn);
	PQfinish(conn);
	test_raw_cancel();
	tap_ok(tap_server_answers(), "server answers afterwards");
	return tap_done();
}
