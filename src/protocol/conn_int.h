/*
 * conn_int.h — the connection object shared by the files of src/protocol
 * that drive it: conn.c (state machine, framing, output, timers) and
 * login.c (start-up packets, TLS negotiation, authentication, session
 * set-up).  Not for other layers; see conn.h for those.
 *
 * Threads: a Conn is touched only by the worker that owns it.
 */
#ifndef MEMGRES_CONN_INT_H
#define MEMGRES_CONN_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

#include <event2/bufferevent.h>
#include <event2/event.h>

#include <memgres/arena.h>
#include <memgres/auth.h>
#include <memgres/conn.h>
#include <memgres/guc.h>
#include <memgres/protocol.h>
#include <memgres/sql.h>
#include <memgres/strbuf.h>
#include <memgres/tcop.h>

typedef enum ConnState {
	CONN_STARTUP,
	CONN_AUTH,
	CONN_READY,
	CONN_BUSY,
	CONN_CLOSING
} ConnState;

struct Conn {
	Worker	   *worker;
	struct event_base *base;
	struct bufferevent *bev;
	ConnState	state;
	bool		is_unix;
	bool		tls;
	struct sockaddr_storage addr;
	socklen_t	addrlen;
	char		host[64];		/* "127.0.0.1", "[local]" */
	int32_t		pid;
	int32_t		key;
	bool		counted_startup;
	Arena		arena;			/* connection lifetime: startup strings */
	StartupInfo startup;
	const char *user;
	const char *database;
	AuthExchange *auth;
	GucSession	gucs;
	bool		gucs_ready;
	SqlSession *sql;
	Tcop	   *tcop;
	StrBuf		out;
	bool		blocked;		/* BUSY waiting for the output to drain */
	bool		out_paused;		/* READY but not reading: output past the high-water mark */
	bool		big_input;		/* the read watermark was raised for one large message */
	size_t		read_limit;		/* unprocessed input read ahead, at most */
	struct event *read_ev;		/* plain socket after login: our own recv(), else NULL */
	bool		reading;		/* read_ev is added */
	struct event *auth_timer;
	struct event *stmt_timer;	/* on server_ctx.timer_base (another thread's) */
	/*
	 * statement_timeout without re-arming the other thread's timer per
	 * statement (conn.c, io_stmt_timer): the deadline of the running
	 * statement (0: none) and the pending timer's expiry, both atomic;
	 * stmt_pending: the timer is added (atomic); stmt_armed: the worker
	 * set a deadline for the current statement (worker only).
	 */
	int64_t		stmt_deadline_us;
	int64_t		stmt_fire_us;
	bool		stmt_pending;
	bool		stmt_armed;
	struct event *wait_timer;
	struct event *wake_ev;		/* cancel, wake hook, yield */
	struct event *close_timer;
	struct event *idle_timer;	/* idle_in_transaction / idle_session timeout */
	int64_t		close_deadline_us;
	int64_t		lock_deadline_us;	/* lock_timeout of the current lock wait, or 0 */
	Conn	   *prev;
	Conn	   *next;
};

/* conn.c */
void		conn_set_state(Conn *c, ConnState to);
void		conn_flush(Conn *c);
void		send_error(Conn *c, const MgError *e);
/* Sends e as FATAL (logging it) and closes the connection after the flush. */
void		conn_fatal(Conn *c, MgError *e);
/* Frees at once: only from a callback of the connection's own events. */
void		conn_free(Conn *c);
void		conn_setup_bev(Conn *c);
bool		io_output_full(void *arg);
void		io_stmt_timer(void *arg, int64_t ms);
void		sql_wake_hook(void *arg);

/* login.c */
/* One start-up phase packet (after its length word); false when c is gone or closing. */
bool		login_startup_packet(Conn *c, const char *buf, size_t len);
/* The body of one 'p' message during CONN_AUTH. */
void		login_password(Conn *c, const char *body, size_t len);

#endif
