/*
 * test_raw_protocol.c — what libpq cannot express, over a raw socket:
 * start-up packet limits, protocol version negotiation, SSLRequest and
 * GSSENCRequest answers, message length discipline and unknown message
 * types, the extended protocol message by message (row-limited Execute and
 * PortalSuspended, Describe, Close, Flush, skip-till-Sync), Terminate,
 * clients that vanish mid-message, the memory a server spends on announced
 * lengths, idle connections and a slow reader.
 *
 * Usage: test_raw_protocol [main|limits|tls]
 *   main    the default server of suite-protocol.sh
 *   limits  a server with -c authentication_timeout=1s -c max_connections=8
 *   tls     a server with --ssl-cert/--ssl-key
 *
 * Rules checked for a protocol violation: the server closes the
 * connection, and any ErrorResponse it sends first is FATAL with the
 * SQLSTATE given (PostgreSQL sends nothing for some of them; memgres sends
 * FATAL 08P01).  Memory bounds are read from /proc/PID/status of the server
 * (MEMGRES_TEST_PID); they are skipped with a reason when
 * MEMGRES_TEST_SANITIZED=1 because ASan's quarantine and redzones make RSS
 * meaningless.  Output: TAP.
 */
#include "tap.h"
#include "rawpg.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define PROTO_30 196608
#define PROTO_31 196609
#define SSL_CODE 80877103
#define GSS_CODE 80877104

static bool sanitized;
static int	server_pid;

/*
 * memgres has no GSSAPI and answers GSSENCRequest with 'N', as a
 * PostgreSQL built without GSSAPI does; Debian's PostgreSQL 15 (the oracle)
 * is built with it and answers 'G'.
 */
static char gss_answer = 'N';

static bool
streq(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static RawConn *
connect_or_diag(void)
{
	RawConn    *c = raw_connect(tap_host(), tap_port());

	if (c == NULL)
		tap_diag("connect to %s:%d failed: %s", tap_host(), tap_port(), strerror(errno));
	return c;
}

/* A connection that has completed start-up. */
static RawConn *
ready_conn(void)
{
	RawConn    *c = connect_or_diag();

	static int	reported;

	if (c && raw_startup(c, NULL) != 0)
	{
		if (reported++ < 3)
			tap_diag("start-up failed: %s %s", c->last_sqlstate, c->last_message);
		raw_close(c);
		return NULL;
	}
	return c;
}

typedef struct CloseResult
{
	bool		closed;
	bool		saw_error;
	bool		saw_auth;		/* an 'R' message arrived */
	char		severity[16];
	char		sqlstate[6];
	char		message[256];
} CloseResult;

/* Reads until the server closes (or timeout), noting the last error. */
static CloseResult
read_until_closed(RawConn *c, int timeout_ms)
{
	CloseResult r;
	RawMsg		m;
	int			st;

	memset(&r, 0, sizeof(r));
	c->last_sqlstate[0] = '\0';
	for (;;)
	{
		st = raw_read(c, &m, timeout_ms);
		if (st == 1)
		{
			if (m.type == 'E')
			{
				r.saw_error = true;
				snprintf(r.severity, sizeof(r.severity), "%s", c->last_severity);
				snprintf(r.sqlstate, sizeof(r.sqlstate), "%s", c->last_sqlstate);
				snprintf(r.message, sizeof(r.message), "%s", c->last_message);
			}
			if (m.type == 'R')
				r.saw_auth = true;
			continue;
		}
		r.closed = (st == 0 || st == -2);
		return r;
	}
}

/* The violation rule: closed, and an error if any is FATAL `state`.  With
 * must_error, the ErrorResponse is required. */
static void
expect_violation(RawConn *c, const char *state, bool must_error, const char *what)
{
	CloseResult r = read_until_closed(c, 10000);
	bool		good = r.closed;

	if (r.saw_error)
		good = good && streq(r.severity, "FATAL") && streq(r.sqlstate, state);
	else if (must_error)
		good = false;
	tap_ok(good, "%s: connection closed%s%s%s%s (closed=%d error=%s %s %s)", what,
		   must_error ? " with FATAL " : "", must_error ? state : "",
		   must_error ? "" : ", any error FATAL ", must_error ? "" : state,
		   r.closed, r.saw_error ? r.severity : "none", r.sqlstate, r.message);
}

static void
send_int32s(RawConn *c, int n, const int32_t *v)
{
	RawBuf		b;
	int			i;

	rawbuf_init(&b);
	for (i = 0; i < n; i++)
		rawbuf_int32(&b, v[i]);
	raw_send_buf(c, &b);
	rawbuf_free(&b);
}

/* ---- start-up ---- */

static void
test_startup_lengths(void)
{
	RawConn    *c;
	RawBuf		b;
	const char *long_app[] = {"application_name", NULL, NULL};
	char	   *app;

	if ((c = connect_or_diag()))
	{
		int32_t		v[1] = {4};

		send_int32s(c, 1, v);
		expect_violation(c, "08P01", false, "startup packet length 4");
		raw_close(c);
	}
	if ((c = connect_or_diag()))
	{
		int32_t		v[1] = {7};

		send_int32s(c, 1, v);
		raw_send(c, "abc", 3);
		expect_violation(c, "08P01", false, "startup packet length 7");
		raw_close(c);
	}
	if ((c = connect_or_diag()))
	{
		int32_t		v[2] = {10005, PROTO_30};

		send_int32s(c, 2, v);
		expect_violation(c, "08P01", false, "startup packet length 10,005 (over 10,000 + the length word; header only)");
		raw_close(c);
	}
	if ((c = connect_or_diag()))
	{
		int32_t		v[2] = {0x7fffffff, PROTO_30};

		send_int32s(c, 2, v);
		expect_violation(c, "08P01", false, "startup packet length 2^31-1");
		raw_close(c);
	}
	/* A large but legal packet (under 10,000 bytes) is accepted. */
	if ((c = connect_or_diag()))
	{
		app = malloc(8001);
		memset(app, 'a', 8000);
		app[8000] = '\0';
		long_app[1] = app;
		rawbuf_init(&b);
		raw_build_startup(&b, PROTO_30, "postgres", "postgres", long_app);
		raw_send_buf(c, &b);
		tap_ok(b.len > 8000 && b.len <= 10000 && raw_until_ready(c, 'E', 10000) == 0,
			   "startup packet of %zu bytes accepted", b.len);
		rawbuf_free(&b);
		free(app);
		raw_close(c);
	}
	/* No user name. */
	if ((c = connect_or_diag()))
	{
		rawbuf_init(&b);
		rawbuf_begin(&b, 0);
		rawbuf_int32(&b, PROTO_30);
		rawbuf_str(&b, "database");
		rawbuf_str(&b, "postgres");
		rawbuf_byte(&b, 0);
		rawbuf_end(&b);
		raw_send_buf(c, &b);
		rawbuf_free(&b);
		expect_violation(c, "28000", true, "startup packet without a user");
		tap_ok(streq(c->last_message, "no PostgreSQL user name specified in startup packet"),
			   "  message: %s", c->last_message);
		raw_close(c);
	}
}

static void
test_startup_errors(void)
{
	RawConn    *c;
	RawBuf		b;

	if ((c = connect_or_diag()))
	{
		rawbuf_init(&b);
		raw_build_startup(&b, PROTO_30, "postgres", "no_such_db_raw", NULL);
		raw_send_buf(c, &b);
		rawbuf_free(&b);
		expect_violation(c, "3D000", true, "unknown database");
		tap_ok(streq(c->last_message, "database \"no_such_db_raw\" does not exist"),
			   "  message: %s", c->last_message);
		raw_close(c);
	}
	if ((c = connect_or_diag()))
	{
		rawbuf_init(&b);
		raw_build_startup(&b, PROTO_30, "no_such_role_raw", "postgres", NULL);
		raw_send_buf(c, &b);
		rawbuf_free(&b);
		expect_violation(c, "28000", true, "unknown role");
		tap_ok(streq(c->last_message, "role \"no_such_role_raw\" does not exist"),
			   "  message: %s", c->last_message);
		raw_close(c);
	}
	if ((c = connect_or_diag()))
	{
		rawbuf_init(&b);
		raw_build_startup(&b, 4 << 16, "postgres", "postgres", NULL);
		raw_send_buf(c, &b);
		rawbuf_free(&b);
		expect_violation(c, "0A000", true, "protocol 4.0");
		tap_ok(streq(c->last_message, "unsupported frontend protocol 4.0: server supports 3.0 to 3.0"),
			   "  message: %s", c->last_message);
		raw_close(c);
	}
	if ((c = connect_or_diag()))
	{
		rawbuf_init(&b);
		raw_build_startup(&b, 2 << 16, "postgres", "postgres", NULL);
		raw_send_buf(c, &b);
		rawbuf_free(&b);
		/* PostgreSQL 15 answers a 2.0 client in the 2.0 format; only the
		 * close is checked. */
		expect_violation(c, "0A000", false, "protocol 2.0");
		raw_close(c);
	}
}

/* NegotiateProtocolVersion: 'v', int32 newest minor, int32 n, n names. */
static void
check_negotiate(int32_t version, const char *const *opts, int want_minor,
				const char *want_opt, const char *what)
{
	RawConn    *c = connect_or_diag();
	RawBuf		b;
	RawMsg		m;
	bool		saw_v = false,
				good_v = false;
	int			st;

	if (c == NULL)
		return;
	rawbuf_init(&b);
	raw_build_startup(&b, version, "postgres", "postgres", opts);
	raw_send_buf(c, &b);
	rawbuf_free(&b);
	while ((st = raw_read(c, &m, 10000)) == 1 && m.type != 'Z')
	{
		if (m.type == 'v' && m.len >= 8)
		{
			uint32_t	minor,
						n;

			memcpy(&minor, m.body, 4);
			memcpy(&n, m.body + 4, 4);
			minor = ntohl(minor);
			n = ntohl(n);
			saw_v = true;
			good_v = (int) minor == want_minor &&
				(want_opt ? (n == 1 && m.len >= 9 && strcmp(m.body + 8, want_opt) == 0) : n == 0);
			tap_diag("NegotiateProtocolVersion minor %u, %u options%s%s", minor, n,
					 n ? ": " : "", n ? m.body + 8 : "");
		}
		if (m.type == 'E')
			break;
	}
	tap_ok(saw_v && good_v && st == 1 && m.type == 'Z',
		   "%s: NegotiateProtocolVersion (%d%s%s), then ReadyForQuery", what, want_minor,
		   want_opt ? ", " : "", want_opt ? want_opt : "");
	raw_close(c);
}

static void
test_negotiate(void)
{
	static const char *const pq_opt[] = {"_pq_.no_such_option", "1", NULL};

	/* PostgreSQL 15 puts its newest full version number (3.0 = 196608) in
	 * the first field, and libpq reads it that way. */
	check_negotiate(PROTO_31, NULL, PROTO_30, NULL, "protocol 3.1");
	check_negotiate(PROTO_30 + 7, NULL, PROTO_30, NULL, "protocol 3.7");
	check_negotiate(PROTO_31, pq_opt, PROTO_30, "_pq_.no_such_option",
					"protocol 3.1 with _pq_.no_such_option");
	check_negotiate(PROTO_30, pq_opt, PROTO_30, "_pq_.no_such_option",
					"protocol 3.0 with _pq_.no_such_option");
}

/* SSLRequest / GSSENCRequest when the server has no certificate. */
static void
test_ssl_gss_plain(void)
{
	RawConn    *c;
	int32_t		ssl[2] = {8, SSL_CODE},
				gss[2] = {8, GSS_CODE};
	int			a,
				a2;
	CloseResult r;

	if ((c = connect_or_diag()))
	{
		send_int32s(c, 2, ssl);
		a = raw_read_byte(c, 10000);
		tap_ok(a == 'N', "SSLRequest without TLS configured: 'N' (got %d)", a);
		tap_ok(raw_startup(c, NULL) == 0, "then a plaintext start-up works");
		raw_close(c);
	}
	if ((c = connect_or_diag()))
	{
		send_int32s(c, 2, gss);
		a = raw_read_byte(c, 10000);
		tap_ok(a == gss_answer, "GSSENCRequest: '%c' (got %d)", gss_answer, a);
		if (a == 'N')
			tap_ok(raw_startup(c, NULL) == 0, "then a plaintext start-up works");
		raw_close(c);
	}
	/* A second SSLRequest: 'N' again or a close, never a crash. */
	if ((c = connect_or_diag()))
	{
		send_int32s(c, 2, ssl);
		a = raw_read_byte(c, 10000);
		send_int32s(c, 2, ssl);
		a2 = raw_read_byte(c, 10000);
		if (a2 == 'N')
			r.closed = true, r.saw_auth = false;
		else
			r = read_until_closed(c, 10000);
		tap_ok(a == 'N' && (a2 == 'N' || (a2 == 'E' || a2 == -1)) && !r.saw_auth,
			   "second SSLRequest: 'N' or a close (got %d then %d)", a, a2);
		raw_close(c);
	}
	/* GSSENCRequest after SSLRequest. */
	if ((c = connect_or_diag()))
	{
		send_int32s(c, 2, ssl);
		a = raw_read_byte(c, 10000);
		send_int32s(c, 2, gss);
		a2 = raw_read_byte(c, 10000);
		tap_ok(a == 'N' && (a2 == gss_answer || a2 == 'E' || a2 == -1),
			   "GSSENCRequest after SSLRequest: 'N' or a close (got %d then %d)", a, a2);
		raw_close(c);
	}
	tap_ok(tap_server_answers(), "server answers after SSL/GSS requests");
}

/* ---- after start-up: framing ---- */

static void
test_message_lengths(void)
{
	RawConn    *c;
	RawBuf		b;
	static const struct
	{
		char		type;
		uint32_t	len;
		const char *what;
	}			bad[] = {
		{'Q', 3, "Query with length 3"},
		{'Q', 0, "Query with length 0"},
		{'S', 3, "Sync with length 3"},
		{'Q', 0x7fffffff, "Query with length 2^31-1 (over 1 GB)"},
		{'Q', 0xffffffff, "Query with length 2^32-1"},
		{'S', 100000, "Sync with length 100,000"},
		{'H', 100000, "Flush with length 100,000"},
		{'X', 100000, "Terminate with length 100,000"},
		{'E', 1000000, "Execute with length 1,000,000"},
		{'C', 1000000, "Close with length 1,000,000"},
		{'D', 1000000, "Describe with length 1,000,000"},
	};
	size_t		i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		if ((c = ready_conn()) == NULL)
		{
			tap_ok(false, "%s: connect", bad[i].what);
			continue;
		}
		rawbuf_init(&b);
		rawbuf_byte(&b, (uint8_t) bad[i].type);
		rawbuf_int32(&b, (int32_t) bad[i].len);
		raw_send_buf(c, &b);
		rawbuf_free(&b);
		expect_violation(c, "08P01", false, bad[i].what);
		raw_close(c);
	}

	/* Unknown message types: FATAL 08P01, always with the error. */
	{
		static const char types[] = {'y', '\0', '\xff', 'A', 'a'};

		for (i = 0; i < sizeof(types); i++)
		{
			char		want[64];

			if ((c = ready_conn()) == NULL)
				continue;
			rawbuf_init(&b);
			rawbuf_byte(&b, (uint8_t) types[i]);
			rawbuf_int32(&b, 4);
			raw_send_buf(c, &b);
			rawbuf_free(&b);
			snprintf(want, sizeof(want), "message type %d", (unsigned char) types[i]);
			expect_violation(c, "08P01", true, want);
			snprintf(want, sizeof(want), "invalid frontend message type %d", (unsigned char) types[i]);
			tap_ok(streq(c->last_message, want), "  message: %s", c->last_message);
			raw_close(c);
		}
	}
	tap_ok(tap_server_answers(), "server answers after framing violations");
}

/* Clients that disappear in the middle of things. */
static void
test_vanishing(void)
{
	int			i;
	RawConn    *c;
	RawBuf		b;

	for (i = 0; i < 30; i++)
	{
		if ((c = connect_or_diag()) == NULL)
			continue;
		rawbuf_init(&b);
		switch (i % 5)
		{
			case 0:				/* half a startup packet */
				raw_build_startup(&b, PROTO_30, "postgres", "postgres", NULL);
				b.len /= 2;
				raw_send_buf(c, &b);
				break;
			case 1:				/* half a Query */
				if (raw_startup(c, NULL) == 0)
				{
					rawbuf_begin(&b, 'Q');
					rawbuf_str(&b, "select 'this query never arrives whole'");
					rawbuf_end(&b);
					b.len -= 10;
					raw_send_buf(c, &b);
				}
				break;
			case 2:				/* inside a transaction block */
				if (raw_startup(c, NULL) == 0)
				{
					rawbuf_begin(&b, 'Q');
					rawbuf_str(&b, "begin");
					rawbuf_end(&b);
					raw_send_buf(c, &b);
					raw_until_ready(c, 'E', 10000);
				}
				break;
			case 3:				/* mid-extended-protocol, before Sync */
				if (raw_startup(c, NULL) == 0)
				{
					rawbuf_begin(&b, 'P');
					rawbuf_str(&b, "vanish");
					rawbuf_str(&b, "select $1::int4");
					rawbuf_int16(&b, 0);
					rawbuf_end(&b);
					rawbuf_begin(&b, 'B');
					rawbuf_str(&b, "");
					rawbuf_str(&b, "vanish");
					rawbuf_int16(&b, 0);
					rawbuf_int16(&b, 1);
					rawbuf_int32(&b, 1);
					rawbuf_bytes(&b, "7", 1);
					rawbuf_int16(&b, 0);
					rawbuf_end(&b);
					raw_send_buf(c, &b);
				}
				break;
			case 4:				/* a header announcing a big message */
				if (raw_startup(c, NULL) == 0)
				{
					rawbuf_byte(&b, 'Q');
					rawbuf_int32(&b, 1 << 20);
					rawbuf_bytes(&b, "select", 6);
					raw_send_buf(c, &b);
				}
				break;
		}
		rawbuf_free(&b);
		raw_close(c);
	}
	tap_ok(tap_server_answers(), "server answers after 30 clients vanished mid-message");
	if (server_pid)
		tap_ok(tap_pid_alive(server_pid), "server process alive");
}

/* ---- extended protocol, message by message ---- */

static void
msg_parse(RawBuf *b, const char *stmt, const char *sql)
{
	rawbuf_begin(b, 'P');
	rawbuf_str(b, stmt);
	rawbuf_str(b, sql);
	rawbuf_int16(b, 0);
	rawbuf_end(b);
}

static void
msg_bind(RawBuf *b, const char *portal, const char *stmt)
{
	rawbuf_begin(b, 'B');
	rawbuf_str(b, portal);
	rawbuf_str(b, stmt);
	rawbuf_int16(b, 0);
	rawbuf_int16(b, 0);
	rawbuf_int16(b, 0);
	rawbuf_end(b);
}

static void
msg_execute(RawBuf *b, const char *portal, int32_t max_rows)
{
	rawbuf_begin(b, 'E');
	rawbuf_str(b, portal);
	rawbuf_int32(b, max_rows);
	rawbuf_end(b);
}

static void
msg_simple(RawBuf *b, char type, char sub, const char *name)
{
	rawbuf_begin(b, type);
	if (sub)
		rawbuf_byte(b, (uint8_t) sub);
	if (name)
		rawbuf_str(b, name);
	rawbuf_end(b);
}

/* Reads messages up to and including one of type `until` (or 'Z'),
 * appending their types to seq (and the tag of each CommandComplete). */
static void
read_seq(RawConn *c, char until, char *seq, size_t cap)
{
	RawMsg		m;
	size_t		n = strlen(seq);

	while (raw_read(c, &m, 10000) == 1)
	{
		if (n + 1 < cap)
		{
			seq[n++] = m.type;
			seq[n] = '\0';
		}
		if (m.type == 'C')
			n += snprintf(seq + n, cap - n, "(%.*s)", (int) m.len - 1, m.body), n = strlen(seq);
		if (m.type == until || m.type == 'Z')
			return;
	}
	n += snprintf(seq + n, cap - n, "<eof>");
}

/* Sends b (then resets it) and checks the message types up to as many
 * ReadyForQuery as `want` holds. */
static void
expect_seq(RawConn *c, RawBuf *b, const char *want, const char *what)
{
	char		seq[512] = "";
	const char *p;

	raw_send_buf(c, b);
	rawbuf_reset(b);
	for (p = want; *p; p++)
		if (*p == 'Z')
			read_seq(c, 'Z', seq, sizeof(seq));
	tap_ok(streq(seq, want), "%s: %s (got %s)", what, want, seq);
}

static void
expect_seq_until(RawConn *c, RawBuf *b, char until, const char *want, const char *what)
{
	char		seq[512] = "";

	raw_send_buf(c, b);
	rawbuf_reset(b);
	read_seq(c, until, seq, sizeof(seq));
	tap_ok(streq(seq, want), "%s: %s (got %s)", what, want, seq);
}

static void
test_extended(void)
{
	RawConn    *c = ready_conn();
	RawBuf		b;

	if (!tap_ok(c != NULL, "raw connection for the extended protocol"))
		return;
	rawbuf_init(&b);

	/* Row-limited Execute: PortalSuspended, then resume; an exhausted
	 * portal answers SELECT 0. */
	msg_parse(&b, "s5", "values (1), (2), (3), (4), (5)");
	msg_bind(&b, "p5", "s5");
	msg_simple(&b, 'D', 'P', "p5");
	msg_execute(&b, "p5", 2);
	msg_execute(&b, "p5", 2);
	msg_execute(&b, "p5", 2);
	msg_execute(&b, "p5", 2);
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "12TDDsDDsDC(SELECT 1)C(SELECT 0)Z",
			   "Execute max 2 over 5 rows: suspended twice, then the rest");

	/* The same with a one-row literal select. */
	msg_parse(&b, "", "select 42");
	msg_bind(&b, "", "");
	msg_execute(&b, "", 1);
	msg_execute(&b, "", 1);
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "12DsC(SELECT 0)Z", "Execute max 1 of select 42");

	/* Limit 0 means all rows; a named portal survives until Sync only
	 * outside a transaction block. */
	msg_parse(&b, "", "values (1), (2), (3)");
	msg_bind(&b, "", "");
	msg_execute(&b, "", 0);
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "12DDDC(SELECT 3)Z", "Execute max 0 returns every row");

	/* Portals inside a block survive Sync; resume after a Sync. */
	rawbuf_begin(&b, 'Q');
	rawbuf_str(&b, "begin");
	rawbuf_end(&b);
	msg_parse(&b, "s6", "values (1), (2), (3), (4)");
	msg_bind(&b, "p6", "s6");
	msg_execute(&b, "p6", 3);
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "C(BEGIN)Z12DDDsZ", "in a block: Execute max 3 of 4, Sync");
	msg_execute(&b, "p6", 3);
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "DC(SELECT 1)Z", "resumed after the Sync: the last row");
	rawbuf_begin(&b, 'Q');
	rawbuf_str(&b, "commit");
	rawbuf_end(&b);
	expect_seq(c, &b, "C(COMMIT)Z", "commit");

	/* Flush delivers without a Sync. */
	msg_parse(&b, "f1", "select 2");
	msg_simple(&b, 'H', 0, NULL);
	expect_seq_until(c, &b, '1', "1", "Parse then Flush: ParseComplete arrives before any Sync");
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "Z", "then Sync: ReadyForQuery");

	/* Describe of a statement: ParameterDescription and RowDescription. */
	msg_parse(&b, "d1", "select $1::int4 + 1 as a, 'x'::text as b");
	msg_simple(&b, 'D', 'S', "d1");
	msg_parse(&b, "d2", "set application_name = 'x'");
	msg_simple(&b, 'D', 'S', "d2");
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "1tT1tnZ", "Describe S: ParameterDescription + RowDescription / NoData");

	/* Errors skip everything up to Sync. */
	msg_parse(&b, "", "selec 1");
	msg_bind(&b, "", "");
	msg_execute(&b, "", 0);
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "EZ", "Parse error: the Bind and Execute after it are skipped");
	tap_ok(streq(c->last_sqlstate, "42601"), "  the error is 42601 (%s)", c->last_sqlstate);
	msg_bind(&b, "", "no_such_statement");
	msg_execute(&b, "", 0);
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "EZ", "Bind to an unknown statement: error, skip to Sync");
	tap_ok(streq(c->last_sqlstate, "26000"), "  the error is 26000 (%s)", c->last_sqlstate);
	msg_execute(&b, "no_such_portal", 0);
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "EZ", "Execute of an unknown portal: error");
	tap_ok(streq(c->last_sqlstate, "34000") &&
		   streq(c->last_message, "portal \"no_such_portal\" does not exist"),
		   "  the error is 34000 (%s %s)", c->last_sqlstate, c->last_message);
	msg_simple(&b, 'D', 'S', "no_such_statement");
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "EZ", "Describe of an unknown statement: error");
	tap_ok(streq(c->last_sqlstate, "26000"), "  the error is 26000 (%s)", c->last_sqlstate);

	/* Close: statements and portals; closing what does not exist is fine. */
	msg_simple(&b, 'C', 'S', "s5");
	msg_simple(&b, 'C', 'S', "never_existed");
	msg_simple(&b, 'C', 'P', "never_existed");
	msg_bind(&b, "", "s5");
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "333EZ", "Close S/P (also of unknown names), then Bind to the closed statement fails");

	/* An empty query through the extended protocol. */
	msg_parse(&b, "", "");
	msg_bind(&b, "", "");
	msg_execute(&b, "", 0);
	msg_simple(&b, 'S', 0, NULL);
	expect_seq(c, &b, "12IZ", "empty query: EmptyQueryResponse");

	/* Terminate closes without an error. */
	msg_simple(&b, 'X', 0, NULL);
	raw_send_buf(c, &b);
	rawbuf_reset(&b);
	{
		CloseResult r = read_until_closed(c, 10000);

		tap_ok(r.closed && !r.saw_error, "Terminate: closed without an error");
	}
	raw_close(c);
	rawbuf_free(&b);
}

/* ---- memory ---- */

/* RSS of the server after things settle: the lowest of a few samples. */
static long
settled_rss(void)
{
	long		best = -1,
				v;
	int			i;

	for (i = 0; i < 5; i++)
	{
		usleep(200000);
		v = tap_rss_kb(server_pid);
		if (v >= 0 && (best < 0 || v < best))
			best = v;
	}
	return best;
}

/* A memory bound: checked unless the server is a sanitizer build or its
 * process is unknown. */
static void
rss_bound(long delta_kb, long bound_kb, const char *what)
{
	if (server_pid == 0)
		tap_ok(true, "%s # SKIP server pid unknown", what);
	else if (sanitized)
	{
		tap_ok(true, "%s: grew %ld kB # SKIP RSS is not meaningful under ASan", what, delta_kb);
	}
	else
		tap_ok(delta_kb <= bound_kb, "%s: grew %ld kB (bound %ld kB)", what, delta_kb, bound_kb);
}

static void
test_announced_lengths(void)
{
	RawConn    *c[16];
	long		before,
				after;
	int			i,
				n = 0;
	char		body[1000];

	before = settled_rss();
	memset(body, 'x', sizeof(body));
	for (i = 0; i < 16; i++)
	{
		RawBuf		b;

		if ((c[n] = ready_conn()) == NULL)
			continue;
		rawbuf_init(&b);
		rawbuf_byte(&b, 'Q');
		rawbuf_int32(&b, (512 << 20) + 4);
		rawbuf_bytes(&b, "select '", 8);
		rawbuf_bytes(&b, body, sizeof(body));
		raw_send_buf(c[n], &b);
		rawbuf_free(&b);
		n++;
	}
	tap_ok(n == 16, "16 clients each announced a 512 MB Query (%d)", n);
	after = settled_rss();
	rss_bound(after - before, 8192, "server memory with 16 x 512 MB announced");
	for (i = 0; i < n; i++)
		raw_close(c[i]);
	tap_ok(tap_server_answers(), "server answers after the announcing clients left");
}

static void
test_idle_connections(void)
{
	enum
	{
		N = 500
	};
	RawConn   **c = calloc(N, sizeof(RawConn *));
	long		before,
				after,
				r1,
				r2;
	int			i,
				n = 0,
				round,
				good;

	/* Warm up allocator caches and thread arenas. */
	for (i = 0; i < 50; i++)
		raw_close(ready_conn());
	before = settled_rss();
	for (i = 0; i < N; i++)
		if ((c[n] = ready_conn()) != NULL)
			n++;
	tap_ok(n == N, "%d idle connections open (%d)", N, n);
	after = settled_rss();
	if (n > 0)
		rss_bound((after - before) / n, 64, "server memory per idle connection");
	for (i = 0; i < n; i++)
		raw_close(c[i]);
	free(c);

	/* Connect/close 500 times, twice: the second round must not grow. */
	r1 = r2 = 0;
	for (round = 0; round < 2; round++)
	{
		good = 0;
		for (i = 0; i < N; i++)
		{
			RawConn    *x = ready_conn();

			if (x)
				good++;
			raw_close(x);
		}
		tap_ok(good == N, "connect/close round %d: %d of %d started", round + 1, good, N);
		if (round == 0)
			r1 = settled_rss();
		else
			r2 = settled_rss();
	}
	rss_bound(r2 - r1, 1024, "server memory growth over the second 500 connect/close round");
}

/* A client that sends queries with large results and never reads. */
static void
test_slow_reader(void)
{
	enum
	{
		LITERAL = 256 * 1024,
		CAP_MB = 96
	};
	RawConn    *c = ready_conn();
	RawBuf		q;
	long		before,
				after;
	size_t		sent = 0,
				off;
	int			flags;

	if (!tap_ok(c != NULL, "slow reader connects"))
		return;
	before = settled_rss();
	rawbuf_init(&q);
	rawbuf_begin(&q, 'Q');
	rawbuf_bytes(&q, "select '", 8);
	{
		char	   *lit = malloc(LITERAL);

		memset(lit, 'r', LITERAL);
		rawbuf_bytes(&q, lit, LITERAL);
		free(lit);
	}
	rawbuf_str(&q, "'");
	rawbuf_end(&q);
	flags = fcntl(c->fd, F_GETFL);
	fcntl(c->fd, F_SETFL, flags | O_NONBLOCK);
	off = 0;
	while (sent < (size_t) CAP_MB << 20)
	{
		ssize_t		w = send(c->fd, q.data + off, q.len - off, MSG_NOSIGNAL);

		if (w > 0)
		{
			sent += (size_t) w;
			off = (off + (size_t) w) % q.len;
			continue;
		}
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		{
			struct pollfd pfd = {.fd = c->fd,.events = POLLOUT};

			if (poll(&pfd, 1, 3000) == 1)
				continue;
			break;				/* the server stopped reading: good */
		}
		break;
	}
	after = settled_rss();
	tap_diag("slow reader: sent %zu MB of queries producing results it never reads", sent >> 20);
	rss_bound(after - before, 32768, "server memory with a slow reader");
	rawbuf_free(&q);
	raw_close(c);
	tap_ok(tap_server_answers(), "server answers after the slow reader left");
}

/* ---- limits mode: authentication_timeout=1s, max_connections=8 ---- */

static void
test_auth_timeout(void)
{
	RawConn    *c;
	int64_t		t0;
	CloseResult r;

	if ((c = connect_or_diag()))
	{
		t0 = tap_now_ms();
		r = read_until_closed(c, 15000);
		tap_ok(r.closed && !r.saw_auth,
			   "silent client closed by authentication_timeout=1s after %lld ms (guard 15 s)",
			   (long long) (tap_now_ms() - t0));
		raw_close(c);
	}
	if ((c = connect_or_diag()))
	{
		RawBuf		b;

		rawbuf_init(&b);
		raw_build_startup(&b, PROTO_30, "postgres", "postgres", NULL);
		raw_send(c, b.data, 10);
		rawbuf_free(&b);
		t0 = tap_now_ms();
		r = read_until_closed(c, 15000);
		tap_ok(r.closed && !r.saw_auth,
			   "client stuck in mid-startup packet closed after %lld ms (guard 15 s)",
			   (long long) (tap_now_ms() - t0));
		raw_close(c);
	}
}

static void
test_max_connections(void)
{
	RawConn    *c[8],
			   *extra;
	int			i,
				n = 0;
	RawBuf		b;
	CloseResult r;

	for (i = 0; i < 8; i++)
		if ((c[n] = ready_conn()) != NULL)
			n++;
	tap_ok(n == 8, "max_connections=8: 8 sessions open (%d)", n);
	if ((extra = connect_or_diag()))
	{
		rawbuf_init(&b);
		raw_build_startup(&b, PROTO_30, "postgres", "postgres", NULL);
		raw_send_buf(extra, &b);
		rawbuf_free(&b);
		r = read_until_closed(extra, 10000);
		tap_ok(r.closed && r.saw_error && streq(r.severity, "FATAL") && streq(r.sqlstate, "53300") &&
			   streq(r.message, "sorry, too many clients already"),
			   "the 9th: FATAL 53300 sorry, too many clients already (%s %s %s)",
			   r.severity, r.sqlstate, r.message);
		raw_close(extra);
	}
	raw_close(c[--n]);
	/* The slot frees when the server has seen the close. */
	{
		int			tries;
		bool		good = false;

		for (tries = 0; tries < 50 && !good; tries++)
		{
			RawConn    *x = ready_conn();

			good = x != NULL;
			raw_close(x);
			if (!good)
				usleep(200000);
		}
		tap_ok(good, "after one session leaves, a new one is accepted");
	}
	for (i = 0; i < n; i++)
		raw_close(c[i]);
}

/* ---- tls mode: the server has a certificate ---- */

static void
test_tls_raw(void)
{
	RawConn    *c;
	int32_t		ssl[2] = {8, SSL_CODE};
	RawBuf		b;
	CloseResult r;
	int			a;

	/*
	 * Plaintext pipelined behind the SSLRequest: a protocol violation.
	 * memgres closes at once; PostgreSQL 15 waits for a ClientHello that
	 * never comes and closes at authentication_timeout (5 s in the suite).
	 */
	if ((c = connect_or_diag()))
	{
		rawbuf_init(&b);
		rawbuf_int32(&b, 8);
		rawbuf_int32(&b, SSL_CODE);
		raw_build_startup(&b, PROTO_30, "postgres", "postgres", NULL);
		raw_send_buf(c, &b);
		rawbuf_free(&b);
		a = raw_read_byte(c, 10000);
		if (a == 'S')
			r = read_until_closed(c, 20000);
		else
			r.closed = (a == -1), r.saw_auth = false, r.saw_error = false;
		/* Answering 'S' first (PostgreSQL) or closing at once are both safe. */
		tap_ok((a == 'S' || a == -1) && r.closed && !r.saw_auth &&
			   (!r.saw_error || streq(r.sqlstate, "08P01")),
			   "plaintext buffered behind SSLRequest: closed unauthenticated (first byte %d, error %s %s)",
			   a, r.saw_error ? r.sqlstate : "", r.saw_error ? r.message : "");
		raw_close(c);
	}
	/* 'S', then the client goes away instead of a handshake. */
	if ((c = connect_or_diag()))
	{
		send_int32s(c, 2, ssl);
		a = raw_read_byte(c, 10000);
		tap_ok(a == 'S', "SSLRequest with TLS configured: 'S' (got %d)", a);
		raw_close(c);
	}
	/* Garbage instead of a TLS ClientHello. */
	if ((c = connect_or_diag()))
	{
		send_int32s(c, 2, ssl);
		a = raw_read_byte(c, 10000);
		raw_send(c, "this is not a TLS handshake at all\n", 35);
		r = read_until_closed(c, 20000);
		tap_ok(a == 'S' && r.closed && !r.saw_auth, "garbage instead of a ClientHello: closed");
		raw_close(c);
	}
	tap_ok(tap_server_answers(), "server answers after the TLS violations");
}

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "main";

	sanitized = getenv("MEMGRES_TEST_SANITIZED") && atoi(getenv("MEMGRES_TEST_SANITIZED"));
	server_pid = tap_server_pid();
	if (getenv("MEMGRES_TEST_AGAINST") && strcmp(getenv("MEMGRES_TEST_AGAINST"), "postgres") == 0)
		gss_answer = 'G';
	if (strcmp(mode, "main") == 0)
	{
		test_startup_lengths();
		test_startup_errors();
		test_negotiate();
		test_ssl_gss_plain();
		test_message_lengths();
		test_vanishing();
		test_extended();
		test_announced_lengths();
		test_idle_connections();
		test_slow_reader();
	}
	else if (strcmp(mode, "limits") == 0)
	{
		test_auth_timeout();
		test_max_connections();
	}
	else if (strcmp(mode, "tls") == 0)
		test_tls_raw();
	else
		tap_bail("unknown mode %s", mode);
	tap_ok(tap_server_answers(), "server answers at the end (%s)", mode);
	return tap_done();
}
