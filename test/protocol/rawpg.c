/*
 * rawpg.c — a socket-level PostgreSQL v3 client for protocol tests.
 *
 * Design notes: blocking sockets with poll() for read timeouts; the receive
 * buffer grows to hold the largest message read (tests keep messages
 * small); writes ignore SIGPIPE (set by tap.c) and report EPIPE as -1.
 * Invariants: buf[start..end) holds unread bytes; a RawMsg body points into
 * buf and is valid until the next read.
 */
#include "rawpg.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void
rawbuf_init(RawBuf *b)
{
	memset(b, 0, sizeof(*b));
}

void
rawbuf_free(RawBuf *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

void
rawbuf_reset(RawBuf *b)
{
	b->len = 0;
}

void
rawbuf_bytes(RawBuf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap)
	{
		size_t		cap = b->cap ? b->cap : 256;

		while (cap < b->len + n)
			cap *= 2;
		b->data = realloc(b->data, cap);
		if (b->data == NULL)
			abort();
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

void
rawbuf_byte(RawBuf *b, uint8_t v)
{
	rawbuf_bytes(b, &v, 1);
}

void
rawbuf_int16(RawBuf *b, int16_t v)
{
	uint16_t	n = htons((uint16_t) v);

	rawbuf_bytes(b, &n, 2);
}

void
rawbuf_int32(RawBuf *b, int32_t v)
{
	uint32_t	n = htonl((uint32_t) v);

	rawbuf_bytes(b, &n, 4);
}

void
rawbuf_str(RawBuf *b, const char *s)
{
	rawbuf_bytes(b, s, strlen(s) + 1);
}

void
rawbuf_begin(RawBuf *b, char type)
{
	if (type)
		rawbuf_byte(b, (uint8_t) type);
	b->msg_start = b->len;
	rawbuf_int32(b, 0);
}

void
rawbuf_end(RawBuf *b)
{
	uint32_t	n = htonl((uint32_t) (b->len - b->msg_start));

	memcpy(b->data + b->msg_start, &n, 4);
}

RawConn *
raw_connect(const char *host, int port)
{
	struct sockaddr_in sa;
	RawConn    *c;
	int			fd,
				one = 1;

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t) port);
	if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
		return NULL;
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return NULL;
	if (connect(fd, (struct sockaddr *) &sa, sizeof(sa)) != 0)
	{
		close(fd);
		return NULL;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	c = calloc(1, sizeof(*c));
	c->fd = fd;
	return c;
}

void
raw_close(RawConn *c)
{
	if (c == NULL)
		return;
	if (c->fd >= 0)
		close(c->fd);
	free(c->buf);
	free(c);
}

int
raw_send(RawConn *c, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0)
	{
		ssize_t		n = send(c->fd, p, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t) n;
	}
	return 0;
}

int
raw_send_buf(RawConn *c, const RawBuf *b)
{
	return raw_send(c, b->data, b->len);
}

/* Reads more bytes into the buffer; 1 got some, 0 EOF (or reset), -1
 * timeout, -2 error. */
static int
raw_fill(RawConn *c, int timeout_ms)
{
	struct pollfd pfd = {.fd = c->fd,.events = POLLIN};
	ssize_t		n;
	int			r;

	if (c->start > 0 && c->start == c->end)
		c->start = c->end = 0;
	if (c->end == c->cap)
	{
		if (c->start > 0)
		{
			memmove(c->buf, c->buf + c->start, c->end - c->start);
			c->end -= c->start;
			c->start = 0;
		}
		if (c->end == c->cap)
		{
			c->cap = c->cap ? c->cap * 2 : 65536;
			c->buf = realloc(c->buf, c->cap);
			if (c->buf == NULL)
				abort();
		}
	}
	do
		r = poll(&pfd, 1, timeout_ms);
	while (r < 0 && errno == EINTR);
	if (r == 0)
		return -1;
	if (r < 0)
		return -2;
	n = recv(c->fd, c->buf + c->end, c->cap - c->end, 0);
	if (n < 0 && errno == ECONNRESET)
		return 0;
	if (n < 0)
		return -2;
	if (n == 0)
		return 0;
	c->end += (size_t) n;
	return 1;
}

int
raw_read_byte(RawConn *c, int timeout_ms)
{
	int			r;

	while (c->end - c->start < 1)
		if ((r = raw_fill(c, timeout_ms)) <= 0)
			return -1;
	return (unsigned char) c->buf[c->start++];
}

const char *
raw_error_field(const RawMsg *m, char code)
{
	const char *p = m->body,
			   *end = m->body + m->len;

	while (p < end && *p)
	{
		char		f = *p++;
		const char *v = p;

		p += strnlen(p, (size_t) (end - p)) + 1;
		if (f == code)
			return v;
	}
	return NULL;
}

int
raw_read(RawConn *c, RawMsg *m, int timeout_ms)
{
	uint32_t	len;
	int			r;

	for (;;)
	{
		if (c->end - c->start >= 5)
		{
			memcpy(&len, c->buf + c->start + 1, 4);
			len = ntohl(len);
			if (len < 4)
				return -2;
			if (c->end - c->start >= (size_t) len + 1)
				break;
		}
		if ((r = raw_fill(c, timeout_ms)) <= 0)
			return r;
	}
	m->type = c->buf[c->start];
	m->len = len - 4;
	m->body = c->buf + c->start + 5;
	c->start += (size_t) len + 1;
	if (m->type == 'E')
	{
		const char *v;

		snprintf(c->last_sqlstate, sizeof(c->last_sqlstate), "%s",
				 (v = raw_error_field(m, 'C')) ? v : "");
		snprintf(c->last_severity, sizeof(c->last_severity), "%s",
				 (v = raw_error_field(m, 'V')) ? v : "");
		snprintf(c->last_message, sizeof(c->last_message), "%s",
				 (v = raw_error_field(m, 'M')) ? v : "");
	}
	else if (m->type == 'Z' && m->len >= 1)
		c->txn_status = m->body[0];
	else if (m->type == 'K' && m->len >= 8)
	{
		uint32_t	a,
					b;

		memcpy(&a, m->body, 4);
		memcpy(&b, m->body + 4, 4);
		c->pid = (int) ntohl(a);
		c->secret = (int) ntohl(b);
	}
	return 1;
}

void
raw_build_startup(RawBuf *b, int32_t version, const char *user,
				  const char *database, const char *const *extra)
{
	rawbuf_begin(b, 0);
	rawbuf_int32(b, version);
	rawbuf_str(b, "user");
	rawbuf_str(b, user);
	if (database)
	{
		rawbuf_str(b, "database");
		rawbuf_str(b, database);
	}
	for (; extra && extra[0] && extra[1]; extra += 2)
	{
		rawbuf_str(b, extra[0]);
		rawbuf_str(b, extra[1]);
	}
	rawbuf_byte(b, 0);
	rawbuf_end(b);
}

int
raw_until_ready(RawConn *c, char count_type, int timeout_ms)
{
	RawMsg		m;
	int			n = 0;

	for (;;)
	{
		if (raw_read(c, &m, timeout_ms) != 1)
			return -1;
		if (m.type == count_type)
			n++;
		if (m.type == 'Z')
			return n;
	}
}

int
raw_startup(RawConn *c, const char *database)
{
	RawBuf		b;
	int			r;

	rawbuf_init(&b);
	raw_build_startup(&b, 196608, "postgres", database ? database : "postgres", NULL);
	r = raw_send_buf(c, &b);
	rawbuf_free(&b);
	if (r < 0)
		return -1;
	c->last_sqlstate[0] = '\0';
	if (raw_until_ready(c, 'E', 10000) != 0)
		return -1;
	return 0;
}

int
raw_wait_closed(RawConn *c, int timeout_ms)
{
	RawMsg		m;
	int64_t		deadline_left = timeout_ms;
	int			r;

	for (;;)
	{
		r = raw_read(c, &m, (int) deadline_left);
		if (r == 0 || r == -2)
			return 1;
		if (r == -1)
			return 0;
	}
}
