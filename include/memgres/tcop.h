/*
 * tcop.h — the traffic cop: turns query-protocol messages (simple Query,
 * Parse/Bind/Describe/Execute/Close/Sync/Flush, COPY data) into calls of
 * the SQL engine (sql.h) and their results into protocol messages.
 *
 * Implemented in src/tcop/.  The connection state machine
 * (src/protocol/conn.c) owns one Tcop per logged-in connection and feeds it
 * one complete message at a time; the Tcop appends its answers to io->out
 * and never touches the network itself.
 *
 * A message may not finish at once: the output may pass its high-water
 * mark (TCOP_BLOCKED), the engine may have to wait (TCOP_WAIT: pg_sleep, a
 * lock), or the row/message budget may be spent (TCOP_BLOCKED too).  The
 * caller then stops reading input and calls tcop_resume() when the output
 * drained, the timer expired or the wake hook fired.  Every pointer into
 * the message body is dead once tcop_message returns: the Tcop copies what
 * it keeps.
 *
 * Threads: a Tcop belongs to the worker thread owning the connection.
 * Memory: the Tcop owns its prepared statements and portals (one arena
 * each) and a message arena reset at every message.
 * Failures: SQL errors become ErrorResponse messages (and skip-till-Sync in
 * the extended protocol); a protocol violation becomes FATAL and
 * TCOP_CLOSE.
 */
#ifndef MEMGRES_TCOP_H
#define MEMGRES_TCOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <memgres/guc.h>
#include <memgres/sql.h>
#include <memgres/strbuf.h>

typedef struct Tcop Tcop;

typedef enum TcopResult {
	TCOP_OK,					/* done with the message: read the next one */
	TCOP_BLOCKED,				/* output full or budget spent: resume when drained */
	TCOP_WAIT,					/* parked: see tcop_wait_info(); resume on timer or wake */
	TCOP_CLOSE					/* Terminate, or FATAL queued: flush and close */
} TcopResult;

/* What the connection lends the Tcop. */
typedef struct TcopIO {
	StrBuf	   *out;			/* messages are appended here */
	/* True when queued output is past the high-water mark. */
	bool		(*output_full) (void *arg);
	/* statement_timeout: arm a timer for ms milliseconds, or disarm (ms 0). */
	void		(*stmt_timer) (void *arg, int64_t ms);
	void	   *arg;
} TcopIO;

/* The session stays the caller's (freed after tcop_free). */
Tcop	   *tcop_new(SqlSession *sql, GucSession *gucs, const TcopIO *io);
/* Closes every portal and prepared statement. */
void		tcop_free(Tcop *t);

TcopResult	tcop_message(Tcop *t, char type, const char *body, size_t len);
TcopResult	tcop_resume(Tcop *t);
/* After TCOP_WAIT: what the engine waits for. */
void		tcop_wait_info(Tcop *t, SqlWaitInfo *out);
/* Appends ParameterStatus for every GUC_REPORT setting changed since the last call. */
void		tcop_report_gucs(GucSession *gucs, StrBuf *out);

/* Rows sent before a running portal yields to other connections. */
#define TCOP_ROW_BUDGET 2000

#endif
