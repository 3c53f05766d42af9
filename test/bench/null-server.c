/*
 * null-server.c — a v3 protocol responder that does no work, for
 * test/bench/fork-bench.sh: the fastest possible answer to the messages of
 * a fork cycle, so the benchmark can show which part of a cycle's time is
 * the server's and which part is the machine's (kernel, hypervisor
 * wake-ups, libpq).
 *
 *   null-server PORT [SOCKETDIR]
 *
 * Listens on 127.0.0.1:PORT (and SOCKETDIR/.s.PGSQL.PORT) until killed.
 * One thread, one epoll loop.  It answers 'N' to SSLRequest and
 * GSSENCRequest, any StartupMessage with AuthenticationOk, a few
 * ParameterStatus, BackendKeyData and ReadyForQuery; every Query with a
 * CommandComplete named after its first word and ReadyForQuery; Parse,
 * Bind, Describe, Execute, Close and Sync with ParseComplete, BindComplete,
 * NoData, "INSERT 0 1", CloseComplete and ReadyForQuery.  It checks nothing
 * and stores nothing: it is not a server for anything but this benchmark.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define MAXBUF 65536

typedef struct Client {
	int			fd;
	bool		started;
	size_t		len;
	unsigned char buf[MAXBUF];
} Client;

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

/* Appends one message (type, body) to out. */
static size_t
msg(unsigned char *out, char type, const void *body, size_t len)
{
	out[0] = type;
	put32(out + 1, (uint32_t) len + 4);
	memcpy(out + 5, body, len);
	return len + 5;
}

static size_t
param(unsigned char *out, const char *name, const char *value)
{
	char		b[256];
	size_t		n = strlen(name) + 1,
				m = strlen(value) + 1;

	memcpy(b, name, n);
	memcpy(b + n, value, m);
	return msg(out, 'S', b, n + m);
}

/* Handles complete packets in c->buf; returns false to close. */
static bool
serve(Client *c)
{
	unsigned char out[4096];
	size_t		o = 0,
				off = 0;

	for (;;)
	{
		size_t		avail = c->len - off;
		unsigned char *p = c->buf + off;
		uint32_t	len;

		if (!c->started)
		{
			if (avail < 8)
				break;
			len = get32(p);
			if (len < 8 || len > MAXBUF)
				return false;
			if (avail < len)
				break;
			if (get32(p + 4) == 80877103 || get32(p + 4) == 80877104)
				out[o++] = 'N'; /* SSLRequest, GSSENCRequest */
			else
			{
				static const unsigned char auth_ok[4] = {0, 0, 0, 0};
				unsigned char key[8] = {0, 0, 0, 1, 0, 0, 0, 2};

				o += msg(out + o, 'R', auth_ok, 4);
				o += param(out + o, "server_version", "15.0");
				o += param(out + o, "server_encoding", "UTF8");
				o += param(out + o, "client_encoding", "UTF8");
				o += param(out + o, "DateStyle", "ISO, MDY");
				o += param(out + o, "integer_datetimes", "on");
				o += param(out + o, "standard_conforming_strings", "on");
				o += msg(out + o, 'K', key, 8);
				o += msg(out + o, 'Z', "I", 1);
				c->started = true;
			}
			off += len;
			continue;
		}
		if (avail < 5)
			break;
		len = get32(p + 1);
		if (len < 4 || len + 1 > MAXBUF)
			return false;
		if (avail < len + 1)
			break;
		if (p[0] == 'X')
			return false;
		/* extended protocol: every statement is an INSERT without result rows */
		if (p[0] == 'P')
			o += msg(out + o, '1', "", 0);
		else if (p[0] == 'B')
			o += msg(out + o, '2', "", 0);
		else if (p[0] == 'D')
			o += msg(out + o, 'n', "", 0);
		else if (p[0] == 'E')
			o += msg(out + o, 'C', "INSERT 0 1", 11);
		else if (p[0] == 'C')
			o += msg(out + o, '3', "", 0);
		else if (p[0] == 'S')
			o += msg(out + o, 'Z', "I", 1);
		else if (p[0] == 'Q')
		{
			char		tag[64];
			const char *q = (const char *) p + 5;
			size_t		n = strcspn(q, " ;");

			if (strncasecmp(q, "INSERT", 6) == 0)
				snprintf(tag, sizeof(tag), "INSERT 0 1");
			else if (strncasecmp(q, "CREATE", 6) == 0 || strncasecmp(q, "DROP", 4) == 0)
				snprintf(tag, sizeof(tag), "%.*s DATABASE", (int) n, q);
			else
				snprintf(tag, sizeof(tag), "%.*s", (int) (n < 32 ? n : 32), q);
			o += msg(out + o, 'C', tag, strlen(tag) + 1);
			o += msg(out + o, 'Z', "I", 1);
		}
		off += len + 1;
		if (o > sizeof(out) - 512)
			break;
	}
	memmove(c->buf, c->buf + off, c->len - off);
	c->len -= off;
	return o == 0 || send(c->fd, out, o, MSG_NOSIGNAL) == (ssize_t) o;
}

static int
listen_on(int fd, const struct sockaddr *a, socklen_t alen)
{
	int			one = 1;

	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, a, alen) < 0 || listen(fd, 128) < 0)
	{
		perror("null-server: bind/listen");
		exit(1);
	}
	return fd;
}

int
main(int argc, char **argv)
{
	int			ep = epoll_create1(0);
	int			lfd[2] = {-1, -1};
	struct epoll_event ev;

	if (argc < 2)
	{
		fprintf(stderr, "usage: null-server PORT [SOCKETDIR]\n");
		return 2;
	}
	{
		struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1]))};

		a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		lfd[0] = listen_on(socket(AF_INET, SOCK_STREAM, 0), (struct sockaddr *) &a, sizeof(a));
	}
	if (argc > 2)
	{
		struct sockaddr_un u = {.sun_family = AF_UNIX};

		snprintf(u.sun_path, sizeof(u.sun_path), "%s/.s.PGSQL.%s", argv[2], argv[1]);
		unlink(u.sun_path);
		lfd[1] = listen_on(socket(AF_UNIX, SOCK_STREAM, 0), (struct sockaddr *) &u, sizeof(u));
	}
	for (int i = 0; i < 2; i++)
		if (lfd[i] >= 0)
		{
			ev.events = EPOLLIN;
			ev.data.ptr = NULL;
			ev.data.u64 = (uint64_t) i;
			epoll_ctl(ep, EPOLL_CTL_ADD, lfd[i], &ev);
		}
	for (;;)
	{
		struct epoll_event evs[64];
		int			n = epoll_wait(ep, evs, 64, -1);

		for (int i = 0; i < n; i++)
		{
			if (evs[i].data.u64 < 2)
			{
				int			fd = accept(lfd[evs[i].data.u64], NULL, NULL),
							one = 1;
				Client	   *c;

				if (fd < 0)
					continue;
				if (evs[i].data.u64 == 0)
					setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
				c = calloc(1, sizeof(Client));
				c->fd = fd;
				ev.events = EPOLLIN;
				ev.data.ptr = c;
				epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
				continue;
			}
			{
				Client	   *c = evs[i].data.ptr;
				ssize_t		r = recv(c->fd, c->buf + c->len, MAXBUF - c->len, 0);

				if (r > 0)
					c->len += (size_t) r;
				if ((r <= 0 && errno != EAGAIN) || !serve(c))
				{
					close(c->fd);
					free(c);
				}
			}
		}
	}
}
