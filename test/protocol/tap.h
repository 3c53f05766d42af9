/*
 * tap.h — TAP output and connection helpers shared by the protocol test
 * programs (test/protocol, test/fuzz).
 *
 * Every program prints "ok N - description" / "not ok N - description"
 * lines, "# ..." diagnostics, and ends with tap_done(), whose value is the
 * process exit status (non-zero when any check failed).  Single-threaded
 * use only; the counters are process globals owned by the main thread.
 *
 * The server under test is described by the environment that
 * test/protocol/suite-protocol.sh sets:
 *   MEMGRES_TEST_CONNSTR  libpq connection string (required)
 *   MEMGRES_TEST_HOST     host for raw sockets (default 127.0.0.1)
 *   MEMGRES_TEST_PORT     port for raw sockets (required by raw tests)
 *   MEMGRES_TEST_PID      server process id (RSS and liveness checks)
 */
#ifndef MEMGRES_TEST_TAP_H
#define MEMGRES_TEST_TAP_H

#include <stdbool.h>
#include <stdint.h>
#include <libpq-fe.h>

/* Prints one TAP line; returns cond so callers can chain diagnostics. */
bool		tap_ok(bool cond, const char *fmt,...) __attribute__((format(printf, 2, 3)));
void		tap_diag(const char *fmt,...) __attribute__((format(printf, 1, 2)));
/* Prints the plan line; returns the exit status for main(). */
int			tap_done(void);
/* Aborts the program with a failing TAP line (for setup failures). */
void		tap_bail(const char *fmt,...) __attribute__((format(printf, 1, 2), noreturn));

/* Environment accessors; tap_env_required bails when unset. */
const char *tap_env_required(const char *name);
const char *tap_host(void);
int			tap_port(void);
int			tap_server_pid(void);		/* 0 when unknown */

/*
 * tap_connect: PQconnectdb(MEMGRES_TEST_CONNSTR + " " + extra).  Returns
 * the connection even when it failed (check PQstatus); the caller
 * PQfinishes it.
 */
PGconn	   *tap_connect(const char *extra);

/* Runs sql on conn; true when it yields PGRES_TUPLES_OK with value expect
 * in row 0, column 0 ("select 1" -> "1").  Clears the result. */
bool		tap_query_value(PGconn *conn, const char *sql, const char *expect);

/* A fresh connection answers "select 1" with 1. */
bool		tap_server_answers(void);

/* Server RSS in kB from /proc/PID/status (-1 when unknown). */
long		tap_rss_kb(int pid);
/* The server process still exists. */
bool		tap_pid_alive(int pid);

/* Monotonic clock in milliseconds. */
int64_t		tap_now_ms(void);

#endif
