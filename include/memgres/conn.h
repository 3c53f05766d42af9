/*
 * conn.h — what the server layer (src/server) and the protocol layer
 * (src/protocol) share: the server-wide context fixed at start-up, worker
 * threads as connections see them, and the connection entry points.
 *
 * Threads:
 *  - ServerContext is written by the main thread before any worker starts
 *    and read-only afterwards, except the atomic counters.
 *  - A Conn belongs to the worker whose event_base it was created on; only
 *    that thread touches it.  Other threads reach a connection only through
 *    the cancel table (cancel.c: under its mutex, an atomic store to the
 *    interrupt flag and event_active on the connection's wake event).
 * Failures: conn_new() cannot fail (it closes the socket on error).
 */
#ifndef MEMGRES_CONN_H
#define MEMGRES_CONN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include <event2/event.h>
#include <openssl/ssl.h>

#include <memgres/auth.h>

typedef struct ServerContext {
	HbaRules   *hba;				/* read-only after start-up */
	SSL_CTX    *ssl_ctx;			/* NULL: TLS off (SSLRequest answered 'N') */
	unsigned char tls_endpoint[64];	/* tls-server-end-point hash of our certificate */
	size_t		tls_endpoint_len;
	atomic_int	startup_conns;		/* connections not yet logged in */
	atomic_int	sessions;			/* logged-in connections */
	atomic_int	next_pid;			/* BackendKeyData process ids */
	atomic_bool shutting_down;
	/* The main thread's event_base, which also runs statement_timeout
	 * timers (they must fire while a worker is busy in a statement). */
	struct event_base *timer_base;
} ServerContext;

extern ServerContext server_ctx;

typedef struct Worker Worker;
typedef struct Conn Conn;

/* ---- src/server/worker.c ---- */
/* Adds / removes a connection to the worker's list (worker thread only). */
void		worker_attach(Worker *w, Conn *c);
void		worker_detach(Worker *w, Conn *c);
/* A connection of w starts / ends its work on w's thread (nests).  While a
 * statement runs, the listener sees w as busy and does not wait for w to
 * read a CancelRequest (listener.c). */
void		worker_busy_begin(Worker *w);
void		worker_busy_end(Worker *w);

/* ---- src/protocol/conn.c ---- */
/* Takes over fd (a freshly accepted socket) on the calling worker's base. */
Conn	   *conn_new(Worker *w, struct event_base *base, int fd, const struct sockaddr *addr,
					 socklen_t addrlen, bool is_unix);
/* Server shutdown: FATAL 57P01 to the client, roll back, free (worker thread). */
void		conn_terminate(Conn *c);
/* The next connection in a worker's list (worker thread only). */
Conn	   *conn_next(Conn *c);
void		conn_set_next(Conn *c, Conn *next);
Conn	   *conn_prev(Conn *c);
void		conn_set_prev(Conn *c, Conn *prev);

/* ---- src/protocol/cancel.c ---- */
/* Registers a logged-in connection (interrupt: its session's flag; wake: an
 * event on its worker's base).  Any thread may then cancel it. */
void		cancel_register(int32_t pid, int32_t key, volatile int *interrupt, struct event *wake);
void		cancel_unregister(int32_t pid);
/* A CancelRequest: sets the flag and wakes the target if pid and key match; nothing otherwise. */
void		cancel_request(int32_t pid, int32_t key);
/* Shutdown: interrupts every registered connection. */
void		cancel_all(void);

/* ---- src/server/tls.c ---- */
/* Builds server_ctx.ssl_ctx from cert and key files (TLS >= 1.2, no
 * compression, no renegotiation; a key readable by group/others refused). */
int			tls_init(const char *cert_file, const char *key_file, MgError *err);
void		tls_shutdown(void);

#endif
