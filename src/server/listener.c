/*
 * listener.c — the listening sockets (TCP per listen_addresses, and a Unix
 * socket DIR/.s.PGSQL.PORT with its .lock file, as PostgreSQL) on the main
 * thread's event_base, and the hand-off of accepted sockets to workers.
 *
 * Design: accepting is cheap and never blocks, so one thread does it for
 * every socket.  A connection that has not finished logging in counts in
 * server_ctx.startup_conns from accept until login; above
 * max_startup_connections new sockets are closed at once, so slow or
 * malicious clients cannot use up file descriptors and memory.
 *
 * CancelRequests must get through while workers are busy running long
 * statements (a worker reads its connections only between pieces of
 * work).  So a CancelRequest already waiting in a new socket is carried
 * out here, and when every worker is busy the listener waits for a new
 * socket's first packet itself (up to authentication_timeout): a
 * CancelRequest is carried out here, anything else goes to a worker
 * unread.  Otherwise sockets go to a worker at once, as before.
 *
 * Invariants:
 *  1. Only the main thread calls these functions or runs the callbacks.
 *  2. Every lock file written here is removed by listeners_stop().
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <event2/listener.h>

#include <memgres/conn.h>
#include <memgres/guc.h>
#include <memgres/log.h>
#include <memgres/mem.h>
#include <memgres/protocol.h>

#include "server_int.h"

#define MAX_LISTENERS 32

typedef struct Listener {
	struct evconnlistener *l;
	bool		is_unix;
	char	   *socket_path;	/* Unix: the socket and its lock file */
	char	   *lock_path;
} Listener;

static Listener listeners[MAX_LISTENERS];
static int	nlisteners;

/* A socket whose first packet the listener awaits (every worker was busy). */
typedef struct FirstPacket {
	struct FirstPacket *next;
	struct FirstPacket *prev;
	int			fd;
	bool		is_unix;
	socklen_t	addrlen;
	struct sockaddr_storage addr;
	struct event *ev;
} FirstPacket;

static FirstPacket *first_packets;	/* main thread only */

/*
 * Looks at the start of fd's input without consuming it: 1 if it is a
 * whole CancelRequest (then carried out and consumed), 0 if it is
 * something else or incomplete (*incomplete tells which), -1 if the peer
 * is gone.
 */
static int
take_cancel(int fd, bool *incomplete)
{
	unsigned char b[16];
	ssize_t		n = recv(fd, b, sizeof(b), MSG_PEEK | MSG_DONTWAIT);
	uint32_t	len,
				code;

	*incomplete = false;
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
		return -1;
	if (n < 8)
	{
		*incomplete = true;
		return 0;
	}
	len = pq_read_u32((const char *) b);
	code = pq_read_u32((const char *) b + 4);
	if (len != 16 || code != PQ_CANCEL_REQUEST_CODE)
		return 0;
	if (n < 16)
	{
		*incomplete = true;
		return 0;
	}
	if (recv(fd, b, sizeof(b), MSG_DONTWAIT) != 16)
		return -1;
	cancel_request((int32_t) pq_read_u32((const char *) b + 8), (int32_t) pq_read_u32((const char *) b + 12));
	return 1;
}

static void
first_packet_free(FirstPacket *p, bool close_fd)
{
	if (p->prev)
		p->prev->next = p->next;
	else
		first_packets = p->next;
	if (p->next)
		p->next->prev = p->prev;
	event_free(p->ev);
	if (close_fd)
	{
		close(p->fd);
		atomic_fetch_sub(&server_ctx.startup_conns, 1);
	}
	free(p);
}

static void
first_packet_cb(evutil_socket_t fd, short what, void *arg)
{
	FirstPacket *p = arg;
	bool		incomplete;
	int			r;

	(void) fd;
	if (what & EV_TIMEOUT)
	{
		first_packet_free(p, true);
		return;
	}
	r = take_cancel(p->fd, &incomplete);
	if (r != 0)
		first_packet_free(p, true);
	else if (incomplete)
		event_add(p->ev, NULL);	/* keeps its timeout */
	else
	{
		workers_dispatch(p->fd, (struct sockaddr *) &p->addr, p->addrlen, p->is_unix);
		first_packet_free(p, false);
	}
}

static void
await_first_packet(struct event_base *base, int fd, const struct sockaddr *addr, socklen_t addrlen, bool is_unix)
{
	FirstPacket *p = mg_calloc(1, sizeof(FirstPacket));
	struct timeval tv = {(time_t) guc_int(&guc_server, GUC_AUTHENTICATION_TIMEOUT), 0};

	p->fd = fd;
	p->is_unix = is_unix;
	if (addrlen > sizeof(p->addr))
		addrlen = sizeof(p->addr);
	memcpy(&p->addr, addr, addrlen);
	p->addrlen = addrlen;
	p->ev = event_new(base, fd, EV_READ, first_packet_cb, p);
	p->next = first_packets;
	if (first_packets)
		first_packets->prev = p;
	first_packets = p;
	event_add(p->ev, &tv);
}

static void
accept_cb(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *addr, int addrlen, void *arg)
{
	Listener   *li = arg;
	bool		incomplete;
	int			r;

	(void) l;
	if (atomic_load(&server_ctx.shutting_down))
	{
		close(fd);
		return;
	}
	if (atomic_fetch_add(&server_ctx.startup_conns, 1) >= guc_int(&guc_server, GUC_MAX_STARTUP_CONNECTIONS))
	{
		atomic_fetch_sub(&server_ctx.startup_conns, 1);
		mg_log(MG_SEV_LOG, "too many connections still authenticating (max_startup_connections = %lld); "
			   "closing the new one", (long long) guc_int(&guc_server, GUC_MAX_STARTUP_CONNECTIONS));
		close(fd);
		return;
	}
	if ((r = take_cancel(fd, &incomplete)) != 0)
	{
		close(fd);
		atomic_fetch_sub(&server_ctx.startup_conns, 1);
	}
	else if (workers_all_busy())
		await_first_packet(evconnlistener_get_base(l), fd, addr, (socklen_t) addrlen, li->is_unix);
	else
		workers_dispatch(fd, addr, (socklen_t) addrlen, li->is_unix);
}

static struct event *accept_pause_ev;

static void
accept_resume_cb(evutil_socket_t fd, short what, void *arg)
{
	int			i;

	(void) fd;
	(void) what;
	(void) arg;
	for (i = 0; i < nlisteners; i++)
		evconnlistener_enable(listeners[i].l);
}

/*
 * Out of file descriptors: the pending connection stays queued and the
 * socket stays readable, so pause accepting for a moment instead of
 * spinning (PostgreSQL's postmaster sleeps the same way).
 */
static void
accept_error_cb(struct evconnlistener *l, void *arg)
{
	int			e = EVUTIL_SOCKET_ERROR();
	struct timeval tv = {0, 100 * 1000};
	int			i;

	(void) l;
	(void) arg;
	mg_log(MG_SEV_LOG, "could not accept new connection: %s", evutil_socket_error_to_string(e));
	if (e == EMFILE || e == ENFILE || e == ENOBUFS || e == ENOMEM)
	{
		for (i = 0; i < nlisteners; i++)
			evconnlistener_disable(listeners[i].l);
		if (accept_pause_ev == NULL)
			accept_pause_ev = evtimer_new(evconnlistener_get_base(l), accept_resume_cb, NULL);
		evtimer_add(accept_pause_ev, &tv);
	}
}

static Listener *
add_listener(struct event_base *base, int fd, bool is_unix)
{
	Listener   *li = &listeners[nlisteners];

	evutil_make_socket_nonblocking(fd);
	li->l = evconnlistener_new(base, accept_cb, li, LEV_OPT_CLOSE_ON_FREE, 0, fd);
	if (li->l == NULL)
	{
		close(fd);
		return NULL;
	}
	evconnlistener_set_error_cb(li->l, accept_error_cb);
	li->is_unix = is_unix;
	nlisteners++;
	return li;
}

static int
listen_tcp(struct event_base *base, const char *item, int port, MgError *err)
{
	struct addrinfo hints;
	struct addrinfo *res = NULL,
			   *ai;
	char		portstr[16];
	int			rc;
	int			added = 0;
	bool		all = strcmp(item, "*") == 0;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	snprintf(portstr, sizeof(portstr), "%d", port);
	rc = getaddrinfo(all ? NULL : item, portstr, &hints, &res);
	if (rc != 0)
	{
		mg_log(MG_SEV_WARNING, "could not translate host name \"%s\", service \"%s\" to address: %s",
			   item, portstr, gai_strerror(rc));
		return 0;
	}
	for (ai = res; ai && nlisteners < MAX_LISTENERS; ai = ai->ai_next)
	{
		int			fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		int			one = 1;
		char		host[INET6_ADDRSTRLEN] = "";
		const char *family = ai->ai_family == AF_INET6 ? "IPv6" : "IPv4";

		if (ai->ai_family == AF_INET)
			inet_ntop(AF_INET, &((struct sockaddr_in *) ai->ai_addr)->sin_addr, host, sizeof(host));
		else if (ai->ai_family == AF_INET6)
			inet_ntop(AF_INET6, &((struct sockaddr_in6 *) ai->ai_addr)->sin6_addr, host, sizeof(host));
		if (fd < 0)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (ai->ai_family == AF_INET6)
			setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0)
		{
			MgError		e = MG_ERROR_INIT;
			int			bind_errno = errno;

			mg_error_sev(&e, MG_SEV_LOG, SQLSTATE_CONFIG_FILE_ERROR, "could not bind %s address \"%s\": %s",
						 family, host, strerror(bind_errno));
			if (bind_errno == EADDRINUSE)
				mg_error_hint(&e, "Is another postmaster already running on port %d? "
							  "If not, wait a few seconds and retry.", port);
			mg_log_error(&e);
			mg_error_reset(&e);
			close(fd);
			continue;
		}
		if (listen(fd, 1024) < 0)
		{
			mg_log(MG_SEV_LOG, "could not listen on %s address \"%s\": %s", family, host, strerror(errno));
			close(fd);
			continue;
		}
		if (add_listener(base, fd, false))
		{
			mg_log(MG_SEV_LOG, "listening on %s address \"%s\", port %d", family, host, port);
			added++;
		}
	}
	freeaddrinfo(res);
	(void) err;
	return added;
}

static int
listen_unix(struct event_base *base, const char *dir, int port, MgError *err)
{
	struct sockaddr_un sun;
	char		path[sizeof(sun.sun_path) + 64];
	char		lock[sizeof(path) + 8];
	char		buf[32];
	int			fd;
	int			lfd;
	ssize_t		n;
	Listener   *li;

	snprintf(path, sizeof(path), "%s/.s.PGSQL.%d", dir, port);
	if (strlen(path) >= sizeof(sun.sun_path))
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_INVALID_PARAMETER_VALUE,
					 "Unix-domain socket path \"%s\" is too long (maximum %d bytes)", path,
					 (int) sizeof(sun.sun_path) - 1);
		return -1;
	}
	snprintf(lock, sizeof(lock), "%s.lock", path);
	/* A lock file naming a live process means another server owns the socket. */
	lfd = open(lock, O_RDONLY);
	if (lfd >= 0)
	{
		n = read(lfd, buf, sizeof(buf) - 1);
		close(lfd);
		if (n > 0)
		{
			long		pid;

			buf[n] = '\0';
			pid = strtol(buf, NULL, 10);
			if (pid > 0 && pid != (long) getpid() && (kill((pid_t) pid, 0) == 0 || errno == EPERM))
			{
				mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR, "lock file \"%s\" already exists", lock);
				mg_error_hint(err, "Is another postmaster (PID %ld) using socket file \"%s\"?", pid, path);
				return -1;
			}
		}
	}
	lfd = open(lock, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (lfd < 0)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR, "could not create lock file \"%s\": %s",
					 lock, strerror(errno));
		return -1;
	}
	n = snprintf(buf, sizeof(buf), "%ld\n", (long) getpid());
	(void) !write(lfd, buf, (size_t) n);
	close(lfd);
	unlink(path);

	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, path);
	if (fd < 0 || bind(fd, (struct sockaddr *) &sun, sizeof(sun)) < 0 || listen(fd, 1024) < 0)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR, "could not create Unix socket \"%s\": %s",
					 path, strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(lock);
		return -1;
	}
	chmod(path, 0777);
	li = add_listener(base, fd, true);
	if (li == NULL)
	{
		unlink(lock);
		unlink(path);
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_INTERNAL_ERROR, "could not listen on \"%s\"", path);
		return -1;
	}
	li->socket_path = mg_strdup(path);
	li->lock_path = mg_strdup(lock);
	mg_log(MG_SEV_LOG, "listening on Unix socket \"%s\"", path);
	return 0;
}

static char *
next_item(char **cursor)
{
	char	   *p = *cursor;
	char	   *item;
	char	   *end;

	while (*p == ' ' || *p == '\t' || *p == ',')
		p++;
	if (*p == '\0')
		return NULL;
	item = p;
	while (*p && *p != ',')
		p++;
	if (*p)
		*p++ = '\0';
	*cursor = p;
	end = item + strlen(item);
	while (end > item && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	if (item[0] == '"' && end > item + 1 && end[-1] == '"')
	{
		end[-1] = '\0';
		item++;
	}
	return item;
}

int
listeners_start(struct event_base *base, MgError *err)
{
	int			port = (int) guc_int(&guc_server, GUC_PORT);
	char	   *addrs = mg_strdup(guc_str(&guc_server, GUC_LISTEN_ADDRESSES));
	char	   *dirs = mg_strdup(guc_str(&guc_server, GUC_UNIX_SOCKET_DIRECTORIES));
	char	   *cur;
	char	   *item;
	int			tcp = 0;
	bool		want_tcp = false;

	for (cur = addrs; (item = next_item(&cur)) != NULL;)
	{
		want_tcp = true;
		tcp += listen_tcp(base, item, port, err);
	}
	if (want_tcp && tcp == 0)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR, "could not create any TCP/IP sockets");
		goto fail;
	}
	for (cur = dirs; (item = next_item(&cur)) != NULL;)
	{
		if (nlisteners >= MAX_LISTENERS)
			break;
		if (listen_unix(base, item, port, err) < 0)
			goto fail;
	}
	if (nlisteners == 0)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR, "no socket created for listening");
		goto fail;
	}
	free(addrs);
	free(dirs);
	return 0;

fail:
	free(addrs);
	free(dirs);
	listeners_stop();
	return -1;
}

void
listeners_stop(void)
{
	int			i;

	if (accept_pause_ev)
	{
		event_free(accept_pause_ev);
		accept_pause_ev = NULL;
	}
	while (first_packets)
		first_packet_free(first_packets, true);

	for (i = 0; i < nlisteners; i++)
	{
		Listener   *li = &listeners[i];

		evconnlistener_free(li->l);
		if (li->socket_path)
		{
			unlink(li->socket_path);
			unlink(li->lock_path);
			free(li->socket_path);
			free(li->lock_path);
		}
		memset(li, 0, sizeof(*li));
	}
	nlisteners = 0;
}

bool
listen_is_loopback_only(const char *addrs)
{
	char	   *copy = mg_strdup(addrs);
	char	   *cur = copy;
	char	   *item;
	bool		loopback = true;

	while (loopback && (item = next_item(&cur)) != NULL)
	{
		struct addrinfo hints;
		struct addrinfo *res = NULL,
				   *ai;

		if (strcmp(item, "*") == 0)
		{
			loopback = false;
			break;
		}
		memset(&hints, 0, sizeof(hints));
		hints.ai_socktype = SOCK_STREAM;
		if (getaddrinfo(item, NULL, &hints, &res) != 0)
			continue;			/* not listened on either */
		for (ai = res; ai; ai = ai->ai_next)
		{
			if (ai->ai_family == AF_INET)
			{
				uint32_t	a = ntohl(((struct sockaddr_in *) ai->ai_addr)->sin_addr.s_addr);

				if ((a >> 24) != 127)
					loopback = false;
			}
			else if (ai->ai_family == AF_INET6)
			{
				if (!IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *) ai->ai_addr)->sin6_addr))
					loopback = false;
			}
		}
		freeaddrinfo(res);
	}
	free(copy);
	return loopback;
}
