/*
 * conn.c — one client connection: its state machine, message framing,
 * output buffering and timers.  The start-up phase (TLS negotiation,
 * authentication, session set-up) is login.c's.
 *
 *        conn_new()
 *            |
 *            v               SSLRequest: 'S' + TLS filter / 'N'
 *     CONN_STARTUP <------+  GSSENCRequest: 'N'
 *        |   |  \_________/  CancelRequest: cancel_request(), close
 *        |   |
 *        |   | password method (login_start)
 *        |   v
 *        |  CONN_AUTH  --'p'--> auth_continue() ... (login_password)
 *        |   |
 *        v   v  login_complete(): AuthenticationOk, ParameterStatus,
 *     CONN_READY               BackendKeyData, ReadyForQuery
 *       |    ^
 *       |    | tcop_resume() finished (conn_resume)
 *       v    |
 *     CONN_BUSY   (tcop blocked on output, parked in SQL_WAIT, or yielding)
 *
 *     any state --> CONN_CLOSING (conn_close: flush, then conn_free)
 *
 * All transitions go through conn_set_state(), which checks legality.
 *
 * Input: during the start-up phase and on TLS connections the bufferevent
 * reads.  Once a plain connection is logged in, its own read event takes
 * over: one recv() per readable event into the bufferevent's input buffer,
 * instead of the bufferevent's ioctl(FIONREAD) + readv(), so a round trip
 * is epoll_wait, recv, send.  The event is added or deleted only when the
 * read-ahead crosses c->read_limit (no epoll_ctl per message).
 *
 * Framing: a message is handled only once all its bytes are in the input
 * evbuffer; its header is validated first (pq_check_header) and nothing
 * is reserved for the announced length, so a client announcing 512 MB and
 * sending nothing costs nothing.  Output is built in c->out and handed to
 * the bufferevent once per batch of input (conn_flush); while the socket's
 * output is past CONN_OUTPUT_HWM, the running portal stops (TCOP_BLOCKED)
 * and resumes from the write callback.
 *
 * Invariants:
 *  1. Only the owning worker thread touches a Conn; other threads use the
 *     cancel table (interrupt flag + wake event).
 *  2. c->sql != NULL iff the connection is registered in the cancel table
 *     and counted in server_ctx.sessions.
 *  3. In CONN_BUSY no input is read: the tcop holds a suspended message.
 *  4. An idle connection keeps no output buffer larger than CONN_OUT_KEEP.
 */
#include <arpa/inet.h>
#include <assert.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <openssl/rand.h>

#include <memgres/auth.h>
#include <memgres/conn.h>
#include <memgres/guc.h>
#include <memgres/log.h>
#include <memgres/mem.h>
#include <memgres/protocol.h>
#include <memgres/sql.h>
#include <memgres/sqlstate.h>
#include <memgres/tcop.h>

#include "conn_int.h"

#define CONN_OUTPUT_HWM		(256 * 1024)	/* stop producing rows above this */
#define CONN_OUT_KEEP		(16 * 1024)		/* larger idle output buffers are freed */
#define CONN_MESSAGE_BUDGET 64				/* messages per turn before yielding */
#define CONN_CLOSE_GRACE_S	5				/* a closing connection's output gets this long */
#define CONN_INPUT_HWM		(256 * 1024)	/* unprocessed input read ahead, at most */
#define CONN_CLOSE_POLL_MS	20				/* TLS close: how often to check the output */
#define CONN_READ_CHUNK		(64 * 1024)		/* own reads: at most this much per recv() */

ServerContext server_ctx;

static const char *const conn_state_names[] = {"startup", "auth", "ready", "busy", "closing"};

static void conn_drive(Conn *c);
static void conn_drive_work(Conn *c);
static void conn_read_update(Conn *c);
static void conn_set_read_limit(Conn *c, size_t limit);
static int64_t mono_us(void);
static void conn_handle_result(Conn *c, TcopResult r);

/* ---- state ------------------------------------------------------------------- */

void
conn_set_state(Conn *c, ConnState to)
{
	bool		legal;

	switch (to)
	{
		case CONN_AUTH:
			legal = c->state == CONN_STARTUP;
			break;
		case CONN_READY:
			legal = c->state == CONN_STARTUP || c->state == CONN_AUTH || c->state == CONN_BUSY;
			break;
		case CONN_BUSY:
			legal = c->state == CONN_READY;
			break;
		case CONN_CLOSING:
			legal = true;
			break;
		default:
			legal = false;
			break;
	}
	if (!legal)
	{
		mg_log(MG_SEV_PANIC, "illegal connection state change %s -> %s",
			   conn_state_names[c->state], conn_state_names[to]);
		abort();
	}
	c->state = to;
}

Conn *
conn_next(Conn *c)
{
	return c->next;
}

void
conn_set_next(Conn *c, Conn *next)
{
	c->next = next;
}

Conn *
conn_prev(Conn *c)
{
	return c->prev;
}

void
conn_set_prev(Conn *c, Conn *prev)
{
	c->prev = prev;
}

/* ---- output -------------------------------------------------------------- */

/* Bytes handed to the bufferevent but not yet to the kernel (TLS: both layers). */
static size_t
conn_unsent(Conn *c)
{
	size_t		n = evbuffer_get_length(bufferevent_get_output(c->bev));
	struct bufferevent *under = bufferevent_get_underlying(c->bev);

	if (under)
		n += evbuffer_get_length(bufferevent_get_output(under));
	return n;
}

static size_t
conn_queued(Conn *c)
{
	return conn_unsent(c) + c->out.len;
}

/*
 * Hands the batch in c->out to the socket.  When nothing is queued in the
 * bufferevent (the usual case: a short answer), one send() writes it
 * directly, which saves the bufferevent's arming and disarming of the write
 * event (two epoll_ctl calls) and a loop turn per round trip; whatever the
 * kernel does not take goes to the bufferevent, after which order is kept
 * because the bypass is used only on an empty queue.
 */
void
conn_flush(Conn *c)
{
	if (c->out.len > 0)
	{
		size_t		off = 0;

		if (!c->tls && evbuffer_get_length(bufferevent_get_output(c->bev)) == 0)
		{
			ssize_t		w = send(bufferevent_getfd(c->bev), c->out.data, c->out.len,
								 MSG_NOSIGNAL | MSG_DONTWAIT);

			if (w > 0)
				off = (size_t) w;
		}
		if (off < c->out.len)
			bufferevent_write(c->bev, c->out.data + off, c->out.len - off);
		strbuf_reset(&c->out);
	}
	if (c->out.cap > CONN_OUT_KEEP)
	{
		strbuf_free(&c->out);
		strbuf_init(&c->out);
	}
}

bool
io_output_full(void *arg)
{
	Conn	   *c = arg;

	return conn_queued(c) > CONN_OUTPUT_HWM;
}

void
send_error(Conn *c, const MgError *e)
{
	pq_error_response(&c->out, e, false);
}

/* Flushes what is queued, stops reading, frees once the output drained. */
static void
conn_close(Conn *c)
{
	struct timeval tv = {CONN_CLOSE_GRACE_S, 0};

	if (c->state == CONN_CLOSING)
		return;
	conn_set_state(c, CONN_CLOSING);
	conn_flush(c);
	bufferevent_disable(c->bev, EV_READ);
	conn_read_update(c);
	bufferevent_setwatermark(c->bev, EV_WRITE, 0, 0);
	c->close_deadline_us = mono_us() + (int64_t) CONN_CLOSE_GRACE_S * 1000000;
	/* free on a later loop turn, not under our callers; poll while output remains */
	tv.tv_sec = 0;
	tv.tv_usec = conn_unsent(c) == 0 ? 0 : CONN_CLOSE_POLL_MS * 1000;
	evtimer_add(c->close_timer, &tv);
}

void
conn_fatal(Conn *c, MgError *e)
{
	if (e->severity < MG_SEV_FATAL)
		e->severity = MG_SEV_FATAL;
	send_error(c, e);
	mg_log_error(e);
	mg_error_reset(e);
	conn_close(c);
}

/* ---- timers and wake-ups -------------------------------------------------- */

static void
auth_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	Conn	   *c = arg;

	(void) fd;
	(void) what;
	if (c->state == CONN_STARTUP || c->state == CONN_AUTH)
	{
		MgError		e = MG_ERROR_INIT;

		mg_error_sev(&e, MG_SEV_FATAL, SQLSTATE_QUERY_CANCELED, "canceling authentication due to timeout");
		if (c->state == CONN_AUTH)
			conn_fatal(c, &e);
		else
		{
			mg_error_reset(&e);
			conn_free(c);
		}
	}
}

static void
close_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	Conn	   *c = arg;
	struct timeval tv = {0, CONN_CLOSE_POLL_MS * 1000};

	(void) fd;
	(void) what;
	if (conn_unsent(c) > 0 && mono_us() < c->close_deadline_us)
	{
		evtimer_add(c->close_timer, &tv);
		return;
	}
	conn_free(c);
}

static void
conn_resume(Conn *c)
{
	TcopResult	r;

	if (c->state != CONN_BUSY)
		return;
	c->blocked = false;
	evtimer_del(c->wait_timer);
	r = tcop_resume(c->tcop);
	conn_handle_result(c, r);
}

static void
wake_cb(evutil_socket_t fd, short what, void *arg)
{
	Conn	   *c = arg;

	(void) fd;
	(void) what;
	if (c->state == CONN_BUSY)
		conn_resume(c);
	else if (c->state == CONN_READY)
		conn_drive(c);
}

static void
wait_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	Conn	   *c = arg;

	(void) fd;
	(void) what;
	if (c->lock_deadline_us > 0 && mono_us() >= c->lock_deadline_us && c->sql)
		__atomic_store_n(sql_session_interrupt(c->sql), SQL_INT_LOCK_TIMEOUT, __ATOMIC_RELAXED);
	conn_resume(c);
}

/*
 * statement_timeout fires on the main thread's event_base (server_ctx.
 * timer_base), so it interrupts a statement that keeps this worker busy
 * without ever returning to the loop.  Adding a timer to another thread's
 * base wakes that thread (a write to its notify fd, its epoll_wait and
 * read), so the timer is not added and deleted per statement: the worker
 * publishes the running statement's deadline (c->stmt_deadline_us, 0 when
 * none) and adds the timer only when none is pending or the pending one
 * expires after the new deadline.  The callback re-adds itself for a later
 * deadline, does nothing when no statement runs, and claims an expired
 * deadline with a compare-and-swap to 0 before setting the interrupt flag;
 * a worker whose statement ends and finds its deadline already claimed
 * waits for the callback (event_del_block) before the next statement
 * clears the flag, so a late timeout never hits the next statement.  The
 * callback touches only what other threads may: these atomics, the
 * interrupt flag and the wake event.  conn_free() deletes the timer with
 * event_del_block() before the session goes, so the callback never sees
 * a freed connection.
 */
static void
stmt_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	Conn	   *c = arg;

	(void) fd;
	(void) what;
	__atomic_store_n(&c->stmt_pending, false, __ATOMIC_SEQ_CST);
	for (;;)
	{
		int64_t		now = mono_us();
		int64_t		d = __atomic_load_n(&c->stmt_deadline_us, __ATOMIC_SEQ_CST);

		if (d == 0)
			return;				/* no statement runs: the next one re-adds */
		if (now < d)
		{
			struct timeval tv = {(time_t) ((d - now) / 1000000), (suseconds_t) ((d - now) % 1000000)};

			__atomic_store_n(&c->stmt_fire_us, d, __ATOMIC_SEQ_CST);
			__atomic_store_n(&c->stmt_pending, true, __ATOMIC_SEQ_CST);
			evtimer_add(c->stmt_timer, &tv);
			return;
		}
		if (__atomic_compare_exchange_n(&c->stmt_deadline_us, &d, 0, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		{
			__atomic_store_n(sql_session_interrupt(c->sql), SQL_INT_STATEMENT_TIMEOUT, __ATOMIC_RELAXED);
			event_active(c->wake_ev, EV_READ, 0);
			return;
		}
		/* the statement ended or another began meanwhile: look again */
	}
}

void
io_stmt_timer(void *arg, int64_t ms)
{
	Conn	   *c = arg;

	if (ms <= 0)
	{
		/* called after every statement (and more): cheap unless one was timed */
		if (!c->stmt_armed)
			return;
		c->stmt_armed = false;
		if (__atomic_exchange_n(&c->stmt_deadline_us, 0, __ATOMIC_SEQ_CST) == 0)
		{
			/* the callback claimed it: let it finish before anything clears the flag */
			event_del_block(c->stmt_timer);
			__atomic_store_n(&c->stmt_pending, false, __ATOMIC_SEQ_CST);
		}
	}
	else
	{
		int64_t		d = mono_us() + ms * 1000;

		c->stmt_armed = true;
		__atomic_store_n(&c->stmt_deadline_us, d, __ATOMIC_SEQ_CST);
		if (__atomic_exchange_n(&c->stmt_pending, true, __ATOMIC_SEQ_CST) &&
			__atomic_load_n(&c->stmt_fire_us, __ATOMIC_SEQ_CST) <= d)
			return;				/* the pending timer comes first and re-adds itself */
		{
			struct timeval tv = {(time_t) (ms / 1000), (suseconds_t) ((ms % 1000) * 1000)};

			__atomic_store_n(&c->stmt_fire_us, d, __ATOMIC_SEQ_CST);
			evtimer_add(c->stmt_timer, &tv);
		}
	}
}

/* The session sat idle past idle_in_transaction_session_timeout or idle_session_timeout. */
static void
idle_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	Conn	   *c = arg;
	MgError		e = MG_ERROR_INIT;

	(void) fd;
	(void) what;
	if (c->state != CONN_READY || c->sql == NULL)
		return;
	if (sql_xact_status(c->sql) != 'I')
		mg_error_sev(&e, MG_SEV_FATAL, SQLSTATE_IDLE_IN_TRANSACTION_SESSION_TIMEOUT,
					 "terminating connection due to idle-in-transaction timeout");
	else
		mg_error_sev(&e, MG_SEV_FATAL, SQLSTATE_IDLE_SESSION_TIMEOUT,
					 "terminating connection due to idle-session timeout");
	conn_fatal(c, &e);
}

/* Arms the idle timer when the session waits for its client. */
static void
conn_arm_idle(Conn *c)
{
	int64_t		ms;
	struct timeval tv;

	if (c->sql == NULL || c->state != CONN_READY)
		return;
	if (sql_xact_status(c->sql) != 'I')
		ms = guc_int(&c->gucs, GUC_IDLE_IN_TRANSACTION_SESSION_TIMEOUT);
	else
		ms = guc_int(&c->gucs, GUC_IDLE_SESSION_TIMEOUT);
	if (ms <= 0)
		return;
	tv.tv_sec = (time_t) (ms / 1000);
	tv.tv_usec = (suseconds_t) ((ms % 1000) * 1000);
	evtimer_add(c->idle_timer, &tv);
}

/* The engine's wake hook: may run on any thread, so it only queues. */
void
sql_wake_hook(void *arg)
{
	Conn	   *c = arg;

	event_active(c->wake_ev, EV_READ, 0);
}

static int64_t
mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void
conn_handle_result(Conn *c, TcopResult r)
{
	if (r != TCOP_WAIT)
		c->lock_deadline_us = 0;
	switch (r)
	{
		case TCOP_OK:
			if (c->state == CONN_BUSY)
				conn_set_state(c, CONN_READY);
			conn_drive(c);
			return;
		case TCOP_BLOCKED:
			if (c->state == CONN_READY)
				conn_set_state(c, CONN_BUSY);
			conn_flush(c);
			if (io_output_full(c))
				c->blocked = true;	/* the write callback resumes */
			else
				event_active(c->wake_ev, EV_READ, 0);	/* only yielding */
			return;
		case TCOP_WAIT:
			{
				SqlWaitInfo wi;

				if (c->state == CONN_READY)
					conn_set_state(c, CONN_BUSY);
				conn_flush(c);
				tcop_wait_info(c->tcop, &wi);
				if (wi.wake_at_us > 0)
				{
					int64_t		d = wi.wake_at_us - mono_us();
					struct timeval tv;

					if (d < 0)
						d = 0;
					tv.tv_sec = (time_t) (d / 1000000);
					tv.tv_usec = (suseconds_t) (d % 1000000);
					evtimer_add(c->wait_timer, &tv);
				}
				else if (wi.lock_wait && guc_int(&c->gucs, GUC_LOCK_TIMEOUT) > 0)
				{
					/* the wait timer doubles as the lock timeout, counted from the first wait */
					int64_t		d;
					struct timeval tv;

					if (c->lock_deadline_us == 0)
						c->lock_deadline_us = mono_us() + guc_int(&c->gucs, GUC_LOCK_TIMEOUT) * 1000;
					d = c->lock_deadline_us - mono_us();
					if (d < 0)
						d = 0;
					tv.tv_sec = (time_t) (d / 1000000);
					tv.tv_usec = (suseconds_t) (d % 1000000);
					evtimer_add(c->wait_timer, &tv);
				}
				return;
			}
		case TCOP_CLOSE:
			conn_close(c);
			return;
	}
}

/* ---- I/O callbacks ------------------------------------------------------- */

static void
read_cb(struct bufferevent *bev, void *arg)
{
	(void) bev;
	conn_drive(arg);
}

static void
write_cb(struct bufferevent *bev, void *arg)
{
	Conn	   *c = arg;

	(void) bev;
	if (c->state == CONN_CLOSING)
		return;					/* close_timeout_cb frees it */
	if (c->state == CONN_BUSY && c->blocked)
		conn_resume(c);
	else if (c->state == CONN_READY && c->out_paused)
	{
		c->out_paused = false;
		conn_drive(c);
	}
}

static void
event_cb(struct bufferevent *bev, short what, void *arg)
{
	Conn	   *c = arg;

	(void) bev;
	if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR | BEV_EVENT_TIMEOUT))
	{
		/* The client went away: nothing to tell it. */
		conn_free(c);
	}
}

void
conn_setup_bev(Conn *c)
{
	bufferevent_setcb(c->bev, read_cb, write_cb, event_cb, c);
	bufferevent_setwatermark(c->bev, EV_WRITE, CONN_OUTPUT_HWM / 4, 0);
	c->read_limit = CONN_INPUT_HWM;
	bufferevent_setwatermark(c->bev, EV_READ, 0, CONN_INPUT_HWM);
	bufferevent_enable(c->bev, EV_READ | EV_WRITE);
}

/* ---- own reading (plain connections after login) ------------------------- */

static void
conn_set_read_limit(Conn *c, size_t limit)
{
	c->read_limit = limit;
	if (c->read_ev)
		conn_read_update(c);
	else
		bufferevent_setwatermark(c->bev, EV_READ, 0, limit);
}

/* Adds or deletes the read event as the read-ahead and the state demand. */
static void
conn_read_update(Conn *c)
{
	bool		want;

	if (c->read_ev == NULL)
		return;
	want = c->state != CONN_CLOSING &&
		evbuffer_get_length(bufferevent_get_input(c->bev)) < c->read_limit;
	if (want == c->reading)
		return;
	if (want)
		event_add(c->read_ev, NULL);
	else
		event_del(c->read_ev);
	c->reading = want;
}

/*
 * One recv() into a buffer on the (large) worker stack, appended to the
 * input buffer: reserving the chunk in the evbuffer instead would allocate
 * and free a 64 kB chain per round trip.  End of file or an error means the
 * client went away: nothing to tell it (as event_cb).
 */
static void
conn_read_cb(evutil_socket_t fd, short what, void *arg)
{
	Conn	   *c = arg;
	struct evbuffer *in = bufferevent_get_input(c->bev);
	size_t		have = evbuffer_get_length(in);
	size_t		want = have < c->read_limit ? c->read_limit - have : 0;
	char		buf[CONN_READ_CHUNK];
	ssize_t		n;

	(void) what;
	if (want == 0)
	{
		conn_read_update(c);
		return;
	}
	if (want > sizeof(buf))
		want = sizeof(buf);
	n = recv(fd, buf, want, 0);
	if (n <= 0)
	{
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
			return;
		conn_free(c);
		return;
	}
	if (evbuffer_add(in, buf, (size_t) n) < 0)
		mg_oom();
	if (c->state == CONN_READY)
		conn_drive(c);			/* updates the read event at its end */
	else
		conn_read_update(c);
}

/* A plain connection that finished its login: read it with one recv() per event. */
static void
conn_take_reading(Conn *c)
{
	if (c->read_ev || c->tls || c->state != CONN_READY)
		return;
	c->read_ev = event_new(c->base, bufferevent_getfd(c->bev), EV_READ | EV_PERSIST, conn_read_cb, c);
	if (c->read_ev == NULL)
		mg_oom();
	bufferevent_disable(c->bev, EV_READ);
	bufferevent_setwatermark(c->bev, EV_READ, 0, 0);
	/* the bufferevent keeps its input's end frozen outside its own reads */
	evbuffer_unfreeze(bufferevent_get_input(c->bev), 0);
	c->reading = false;
}

/* ---- creation and teardown ---------------------------------------------- */

Conn *
conn_new(Worker *w, struct event_base *base, int fd, const struct sockaddr *addr,
		 socklen_t addrlen, bool is_unix)
{
	Conn	   *c = mg_calloc(1, sizeof(Conn));
	struct timeval tv;

	c->worker = w;
	c->base = base;
	c->is_unix = is_unix;
	c->state = CONN_STARTUP;
	c->counted_startup = true;	/* the listener counted it */
	c->pid = atomic_fetch_add(&server_ctx.next_pid, 1) & 0x7fffffff;
	if (RAND_bytes((unsigned char *) &c->key, sizeof(c->key)) != 1)
		c->key = (int32_t) random();
	if (addrlen > sizeof(c->addr))
		addrlen = sizeof(c->addr);
	memcpy(&c->addr, addr, addrlen);
	c->addrlen = addrlen;
	if (is_unix)
		strcpy(c->host, "[local]");
	else if (addr->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *) addr)->sin_addr, c->host, sizeof(c->host));
	else if (addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *) addr)->sin6_addr, c->host, sizeof(c->host));
	if (!is_unix)
	{
		int			one = 1;

		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
	}
	arena_init(&c->arena, 512);
	strbuf_init(&c->out);
	c->bev = bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
	c->auth_timer = evtimer_new(base, auth_timeout_cb, c);
	c->stmt_timer = evtimer_new(server_ctx.timer_base ? server_ctx.timer_base : base, stmt_timer_cb, c);
	c->wait_timer = evtimer_new(base, wait_timer_cb, c);
	c->close_timer = evtimer_new(base, close_timeout_cb, c);
	c->idle_timer = evtimer_new(base, idle_timeout_cb, c);
	c->wake_ev = event_new(base, -1, 0, wake_cb, c);
	if (!c->bev || !c->auth_timer || !c->stmt_timer || !c->wait_timer || !c->close_timer || !c->wake_ev ||
		!c->idle_timer)
		mg_oom();
	worker_attach(w, c);
	conn_setup_bev(c);
	tv.tv_sec = (time_t) guc_int(&guc_server, GUC_AUTHENTICATION_TIMEOUT);
	tv.tv_usec = 0;
	evtimer_add(c->auth_timer, &tv);
	return c;
}

void
conn_free(Conn *c)
{
	if (c->sql)
	{
		cancel_unregister(c->pid);
		atomic_fetch_sub(&server_ctx.sessions, 1);
	}
	if (c->counted_startup)
		atomic_fetch_sub(&server_ctx.startup_conns, 1);
	event_del_block(c->stmt_timer);
	if (c->tcop)
		tcop_free(c->tcop);
	/*
	 * The session first: freeing it cancels its writer-lock wait and its
	 * DROP DATABASE close waiter, after which no other thread can call the
	 * wake hook (event_active on wake_ev) any more.
	 */
	if (c->sql)
		sql_session_free(c->sql);
	event_free(c->auth_timer);
	event_free(c->stmt_timer);
	event_free(c->wait_timer);
	event_free(c->close_timer);
	event_free(c->idle_timer);
	event_free(c->wake_ev);
	if (c->read_ev)
		event_free(c->read_ev);
	if (c->gucs_ready)
		guc_session_free(&c->gucs);
	if (c->auth)
		auth_free(c->auth);
	bufferevent_free(c->bev);
	strbuf_free(&c->out);
	arena_destroy(&c->arena);
	worker_detach(c->worker, c);
	free(c);
}

void
conn_terminate(Conn *c)
{
	if (c->state == CONN_READY || c->state == CONN_BUSY || c->state == CONN_AUTH)
	{
		MgError		e = MG_ERROR_INIT;

		mg_error_sev(&e, MG_SEV_FATAL, SQLSTATE_ADMIN_SHUTDOWN,
					 "terminating connection due to administrator command");
		send_error(c, &e);
		mg_error_reset(&e);
		conn_flush(c);
		/* best effort, without waiting: the process is going away */
		if (!c->tls)
		{
			struct evbuffer *out = bufferevent_get_output(c->bev);

			/* the bufferevent keeps its output frozen for its own writes */
			evbuffer_unfreeze(out, 1);
			evbuffer_write(out, bufferevent_getfd(c->bev));
		}
	}
	conn_free(c);
}

/* ---- the input loop -------------------------------------------------------- */

/* Runs what the connection's input allows; the worker counts as busy meanwhile. */
static void
conn_drive(Conn *c)
{
	Worker	   *w = c->worker;

	worker_busy_begin(w);
	conn_drive_work(c);			/* may free c */
	worker_busy_end(w);
}

static void
conn_drive_work(Conn *c)
{
	struct evbuffer *in;
	int			handled = 0;

	if (c->state == CONN_CLOSING || c->state == CONN_BUSY)
		return;
	evtimer_del(c->idle_timer);
	in = bufferevent_get_input(c->bev);
	for (;;)
	{
		size_t		avail = evbuffer_get_length(in);
		unsigned char hdr[5];

		if (c->state == CONN_STARTUP)
		{
			uint32_t	len;
			const char *buf;
			bool		keep;
			StartupKind kind;

			if (avail < 4)
				break;
			evbuffer_copyout(in, hdr, 4);
			len = pq_read_u32((const char *) hdr);
			if (len < PQ_STARTUP_MIN_LEN || len > PQ_STARTUP_MAX_LEN)
			{
				mg_log(MG_SEV_LOG, "invalid length of startup packet");
				conn_free(c);
				return;
			}
			if (avail < len)
				break;
			buf = (const char *) evbuffer_pullup(in, len);
			keep = login_startup_packet(c, buf + 4, len - 4);
			if (!keep)
				return;
			kind = c->startup.kind;
			if (kind == STARTUP_GSSENC_REQUEST || (kind == STARTUP_SSL_REQUEST && !c->tls))
				evbuffer_drain(in, len);
			in = bufferevent_get_input(c->bev);	/* TLS replaced the bufferevent */
			if (kind == STARTUP_SSL_REQUEST && c->tls)
				break;
			continue;
		}
		if (c->state != CONN_READY && c->state != CONN_AUTH)
			break;
		if (avail < 5)
			break;
		if (io_output_full(c))
		{
			/* the client is not reading: stop reading it until the output drains */
			c->out_paused = true;
			break;
		}
		evbuffer_copyout(in, hdr, 5);
		{
			char		type = (char) hdr[0];
			uint32_t	len = pq_read_u32((const char *) hdr + 1);
			MgError		e = MG_ERROR_INIT;
			const char *msg;
			TcopResult	r;

			if (pq_check_header(type, len, guc_int(&guc_server, GUC_MAX_MESSAGE_SIZE),
								c->state == CONN_AUTH, &e) < 0)
			{
				conn_fatal(c, &e);
				return;
			}
			if (avail < (size_t) len + 1)
			{
				/* let exactly this message's bytes in, as they arrive */
				if ((size_t) len + 1 > CONN_INPUT_HWM)
				{
					c->big_input = true;
					conn_set_read_limit(c, (size_t) len + 1);
				}
				break;
			}
			if (c->big_input)
			{
				c->big_input = false;
				conn_set_read_limit(c, CONN_INPUT_HWM);
			}
			msg = (const char *) evbuffer_pullup(in, (ssize_t) len + 1);
			if (c->state == CONN_AUTH)
			{
				login_password(c, msg + 5, len - 4);
				if (c->state == CONN_CLOSING)
					return;
				evbuffer_drain(in, (size_t) len + 1);
				continue;
			}
			r = tcop_message(c->tcop, type, msg + 5, len - 4);
			evbuffer_drain(in, (size_t) len + 1);
			if (r != TCOP_OK)
			{
				conn_handle_result(c, r);
				return;
			}
		}
		if (++handled >= CONN_MESSAGE_BUDGET && evbuffer_get_length(in) > 0)
		{
			/* yield to the other connections of this worker */
			conn_flush(c);
			event_active(c->wake_ev, EV_READ, 0);
			conn_take_reading(c);
			conn_read_update(c);
			return;
		}
	}
	conn_flush(c);
	conn_arm_idle(c);
	conn_take_reading(c);
	conn_read_update(c);
}
