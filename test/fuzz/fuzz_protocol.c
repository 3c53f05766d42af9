/*
 * fuzz_protocol.c — a seeded, bounded protocol fuzzer against a running
 * server.  Every case opens a connection, sends random or mutated bytes,
 * half-closes, and reads whatever comes back until the server closes (or a
 * short timeout).  After each category the server's process must still be
 * the same one (MEMGRES_TEST_PID) and a fresh connection must answer
 * `select 1`.
 *
 * Usage: fuzz_protocol [SEED [CASES_PER_CATEGORY]]   (defaults 20261122, 400)
 * The seed is printed, so any failure can be replayed exactly; the
 * generator is a private xorshift64*, independent of the C library.
 *
 * Categories:
 *   startup-random       random bytes as the first packet
 *   startup-mutated      a valid StartupMessage with bit flips, truncation,
 *                        length tweaks, random parameters
 *   startup-requests     SSLRequest/GSSENCRequest/CancelRequest codes with
 *                        random lengths and trailing bytes, repeated
 *   message-random       random bytes after a completed start-up
 *   message-typed        every frontend message type with random bodies and
 *                        correct lengths
 *   message-lengths      every type with random length words (never longer
 *                        than what is sent plus a little, so nothing waits)
 *   extended-mutated     Parse/Bind/Describe/Execute/Close/Sync sequences with
 *                        mutated fields and counts
 *   query-mutated        Query messages from a corpus of valid SQL, mutated
 * Output: TAP (one line per category plus the liveness checks).
 */
#include "../protocol/tap.h"
#include "../protocol/rawpg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static uint64_t rng_state;

static uint64_t
rnd(void)
{
	uint64_t	x = rng_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static uint32_t
rnd_below(uint32_t n)
{
	return n ? (uint32_t) (rnd() % n) : 0;
}

static void
rnd_bytes(RawBuf *b, size_t n)
{
	size_t		i;

	for (i = 0; i < n; i++)
		rawbuf_byte(b, (uint8_t) rnd());
}

/* A random "interesting" 32-bit value for length and count fields. */
static int32_t
rnd_int32(void)
{
	static const int32_t special[] = {0, 1, -1, 2, 3, 4, 5, 7, 8, 255, 256, 65535, 65536,
		10000, 10001, 0x7fffffff, (int32_t) 0x80000000, 0x3fffffff, 0x40000000};

	if (rnd_below(3) == 0)
		return (int32_t) rnd();
	return special[rnd_below(sizeof(special) / sizeof(special[0]))];
}

static void
mutate(RawBuf *b, size_t from)
{
	int			n = 1 + (int) rnd_below(4),
				i;

	for (i = 0; i < n && b->len > from; i++)
	{
		size_t		pos = from + rnd_below((uint32_t) (b->len - from));

		switch (rnd_below(5))
		{
			case 0:				/* bit flip */
				b->data[pos] ^= (char) (1 << rnd_below(8));
				break;
			case 1:				/* random byte */
				b->data[pos] = (char) rnd();
				break;
			case 2:				/* truncate */
				b->len = pos;
				break;
			case 3:				/* NUL */
				b->data[pos] = '\0';
				break;
			case 4:				/* an interesting int32 */
				if (pos + 4 <= b->len)
				{
					int32_t		v = rnd_int32();

					memcpy(b->data + pos, &v, 4);
				}
				break;
		}
	}
}

/* Sends b on a fresh connection (after a start-up when `ready`), half-closes,
 * and reads until the server closes.  Returns false if the connection could
 * not even be made. */
static bool
run_case(RawBuf *b, bool ready)
{
	RawConn    *c = raw_connect(tap_host(), tap_port());

	if (c == NULL)
		return false;
	if (ready && raw_startup(c, NULL) != 0)
	{
		raw_close(c);
		return false;
	}
	raw_send_buf(c, b);
	shutdown(c->fd, SHUT_WR);
	raw_wait_closed(c, 3000);
	raw_close(c);
	return true;
}

static void
build_startup(RawBuf *b)
{
	const char *extra[7] = {NULL};
	int			n = 0;

	if (rnd_below(2))
	{
		extra[n++] = "application_name";
		extra[n++] = rnd_below(2) ? "fuzz" : "";
	}
	if (rnd_below(2))
	{
		extra[n++] = rnd_below(2) ? "client_encoding" : "_pq_.fuzz";
		extra[n++] = rnd_below(2) ? "UTF8" : "no-such-encoding";
	}
	if (rnd_below(3) == 0)
	{
		extra[n++] = "options";
		extra[n++] = "-c statement_timeout=0";
	}
	raw_build_startup(b, rnd_below(4) ? 196608 : 196608 + (int32_t) rnd_below(3),
					  "postgres", rnd_below(4) ? "postgres" : "nodb", extra);
}

static const char *const corpus[] = {
	"select 1", "select $1::int4", "select 'a' || 'b'", "begin", "commit", "rollback",
	"set application_name = 'fuzz'", "show timezone", "select 1; select 2",
	"select true and false", "select 1.5::float8 * 2", "select null::text",
	"reset all", "select $1, $2", "", ";", "select (((1)))", "select 'it''s'",
	"select E'\\x41'", "select $$x$$", "select 1/0",
};

static void
build_query_mutated(RawBuf *b)
{
	size_t		start = b->len;

	rawbuf_begin(b, 'Q');
	rawbuf_str(b, corpus[rnd_below(sizeof(corpus) / sizeof(corpus[0]))]);
	rawbuf_end(b);
	mutate(b, start + 5);
}

static void
build_typed(RawBuf *b)
{
	static const char types[] = "QPBEDCSHXFdcfp";
	char		t = types[rnd_below(sizeof(types) - 1)];

	rawbuf_begin(b, t);
	rnd_bytes(b, rnd_below(64));
	rawbuf_end(b);
}

static void
build_lengths(RawBuf *b)
{
	static const char types[] = "QPBEDCSHXFdcfp?\x01z";
	size_t		body = rnd_below(32);

	rawbuf_byte(b, (uint8_t) types[rnd_below(sizeof(types) - 1)]);
	rawbuf_int32(b, rnd_below(2) ? (int32_t) (body + 4 - rnd_below(6)) : rnd_int32());
	rnd_bytes(b, body);
}

static void
build_extended(RawBuf *b)
{
	size_t		start = b->len;
	int			nparams = (int) rnd_below(3),
				i;

	rawbuf_begin(b, 'P');
	rawbuf_str(b, rnd_below(2) ? "" : "fz");
	rawbuf_str(b, nparams ? "select $1::int4, $2::text" : "select 1");
	rawbuf_int16(b, (int16_t) nparams);
	for (i = 0; i < nparams; i++)
		rawbuf_int32(b, rnd_below(2) ? 23 : (int32_t) rnd_below(2000));
	rawbuf_end(b);
	rawbuf_begin(b, 'B');
	rawbuf_str(b, "");
	rawbuf_str(b, rnd_below(2) ? "" : "fz");
	rawbuf_int16(b, (int16_t) rnd_below(3));
	rawbuf_int16(b, 1);
	rawbuf_int16(b, (int16_t) rnd_below(3));
	rawbuf_int16(b, (int16_t) rnd_below(4));
	for (i = 0; i < 2; i++)
	{
		int32_t		len = rnd_below(4) ? 4 : rnd_int32();

		rawbuf_int32(b, len);
		rnd_bytes(b, 4);
	}
	rawbuf_int16(b, (int16_t) rnd_below(3));
	rawbuf_int16(b, (int16_t) rnd_below(3));
	rawbuf_end(b);
	rawbuf_begin(b, 'D');
	rawbuf_byte(b, rnd_below(2) ? 'P' : 'S');
	rawbuf_str(b, "");
	rawbuf_end(b);
	rawbuf_begin(b, 'E');
	rawbuf_str(b, "");
	rawbuf_int32(b, rnd_below(2) ? 0 : rnd_int32());
	rawbuf_end(b);
	rawbuf_begin(b, 'C');
	rawbuf_byte(b, rnd_below(2) ? 'P' : (uint8_t) rnd());
	rawbuf_str(b, "fz");
	rawbuf_end(b);
	rawbuf_begin(b, 'S');
	rawbuf_end(b);
	mutate(b, start);
}

static void
build_requests(RawBuf *b)
{
	static const int32_t codes[] = {80877103, 80877104, 80877102};
	int			n = 1 + (int) rnd_below(3),
				i;

	for (i = 0; i < n; i++)
	{
		int32_t		code = codes[rnd_below(3)];

		if (code == 80877102)
		{
			rawbuf_int32(b, rnd_below(2) ? 16 : rnd_int32());
			rawbuf_int32(b, code);
			rnd_bytes(b, rnd_below(12));
		}
		else
		{
			rawbuf_int32(b, rnd_below(3) ? 8 : rnd_int32());
			rawbuf_int32(b, code);
			if (rnd_below(3) == 0)
				rnd_bytes(b, rnd_below(16));
		}
	}
	if (rnd_below(2))
		build_startup(b);
}

typedef struct Category
{
	const char *name;
	bool		ready;			/* after a completed start-up */
	void		(*build) (RawBuf *b);
	bool		mutate_after;
} Category;

static void
build_startup_random(RawBuf *b)
{
	rnd_bytes(b, 1 + rnd_below(64));
}

static void
build_message_random(RawBuf *b)
{
	rnd_bytes(b, 1 + rnd_below(128));
}

static const Category categories[] = {
	{"startup-random", false, build_startup_random, false},
	{"startup-mutated", false, build_startup, true},
	{"startup-requests", false, build_requests, false},
	{"message-random", true, build_message_random, false},
	{"message-typed", true, build_typed, false},
	{"message-lengths", true, build_lengths, false},
	{"extended-mutated", true, build_extended, false},
	{"query-mutated", true, build_query_mutated, false},
};

int
main(int argc, char **argv)
{
	uint64_t	seed = argc > 1 ? strtoull(argv[1], NULL, 10) : 20261122;
	int			per = argc > 2 ? atoi(argv[2]) : 400;
	int			pid = tap_server_pid();
	size_t		k;

	tap_diag("seed %llu, %d cases per category", (unsigned long long) seed, per);
	for (k = 0; k < sizeof(categories) / sizeof(categories[0]); k++)
	{
		const Category *cat = &categories[k];
		int			i,
					made = 0;
		RawBuf		b;

		rng_state = seed * 0x9E3779B97F4A7C15ULL + k + 1;
		rawbuf_init(&b);
		for (i = 0; i < per; i++)
		{
			rawbuf_reset(&b);
			cat->build(&b);
			if (cat->mutate_after)
				mutate(&b, 0);
			if (run_case(&b, cat->ready))
				made++;
		}
		rawbuf_free(&b);
		tap_ok(made == per, "%s: %d of %d cases ran (a connection, and a start-up where needed)",
			   cat->name, made, per);
		if (pid)
			tap_ok(tap_pid_alive(pid), "%s: server process %d still alive", cat->name, pid);
		tap_ok(tap_server_answers(), "%s: select 1 answers afterwards", cat->name);
	}
	return tap_done();
}
