/*
 * iso.h — helpers shared by the multi-session (isolation) test programs:
 * connections that must succeed, statements that must succeed, and waiting
 * on an asynchronous statement with a guard instead of a timing assertion.
 *
 * Built on test/protocol/tap.h (TAP output, MEMGRES_TEST_CONNSTR).  All
 * helpers run on the main thread only, except iso_exec_ok, which touches
 * only its own connection and may be called from worker threads.  Results
 * returned are owned by the caller (PQclear).  Setup failures bail out with
 * a failing TAP line.
 */
#ifndef MEMGRES_TEST_ISO_H
#define MEMGRES_TEST_ISO_H

#include <stdbool.h>
#include <libpq-fe.h>

#include "../protocol/tap.h"

/* Guard for anything that should finish: far beyond any expected wait. */
#define ISO_GUARD_MS 20000
/* Pause that lets a sent statement reach the server and park there. */
#define ISO_SETTLE_MS 300

/* true when running against PostgreSQL (MEMGRES_TEST_AGAINST=postgres). */
bool		iso_against_postgres(void);
/* true when MEMGRES_TEST_PENDING=1: checks of known engine gaps run. */
bool		iso_pending_enabled(void);

/* Connects to dbname (NULL: the default database) or bails. */
PGconn	   *iso_connect(const char *dbname);

/* Runs sql (any number of statements); true when the last result is OK. */
bool		iso_exec_ok(PGconn *conn, const char *sql);
/* Runs sql; bails when it fails (setup statements). */
void		iso_must(PGconn *conn, const char *sql);
/* Runs sql and copies the first value into buf; false on error. */
bool		iso_value(PGconn *conn, const char *sql, char *buf, size_t len);
/* Runs sql; returns its SQLSTATE ("" when it succeeded), static buffer. */
const char *iso_sqlstate(PGconn *conn, const char *sql);

/* Sends sql asynchronously or bails. */
void		iso_send(PGconn *conn, const char *sql);
/* The statement sent on conn has not finished yet (reads what arrived). */
bool		iso_busy(PGconn *conn);
/* Pauses ISO_SETTLE_MS (ordering only, never asserted as a duration). */
void		iso_settle(void);
/*
 * Waits up to ISO_GUARD_MS for the statement sent on conn to finish and
 * returns its first result (the rest are drained); NULL when it is still
 * running at the guard (the connection is then unusable: PQfinish it).
 */
PGresult   *iso_wait(PGconn *conn);
/* iso_wait, then the SQLSTATE of the result ("" for success, "hang" when
 * the guard expired).  Static buffer. */
const char *iso_wait_sqlstate(PGconn *conn);

#endif
