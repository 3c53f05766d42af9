/*
 * test_pathological.c — SQL text that stresses the parser: 100,000 nested
 * parentheses, a 4 MB string literal, 20,000 statements in one Query,
 * unterminated quotes, comments and dollar quotes.  Each gets an answer or
 * an error (54001 stack depth limit exceeded where it applies, 42601
 * otherwise), never a crash, and `select 1` works after each.  Output: TAP.
 */
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static PGconn *conn;

static bool
streq(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* After each case: the session (or a new one, if it was closed) answers. */
static void
still_answers(const char *what)
{
	if (PQstatus(conn) != CONNECTION_OK)
	{
		PQfinish(conn);
		conn = tap_connect(NULL);
	}
	tap_ok(tap_query_value(conn, "select 1", "1"), "select 1 works after %s", what);
}

static void
expect_error_in(const char *sql, const char *const *states, const char *what)
{
	PGresult   *res = PQexec(conn, sql);
	const char *st = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	bool		good = false;

	for (; *states; states++)
		if (streq(st, *states))
			good = true;
	tap_ok(PQresultStatus(res) == PGRES_FATAL_ERROR && good, "%s: error %s (%.100s)", what,
		   st ? st : "none", PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) ?
		   PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : PQerrorMessage(conn));
	PQclear(res);
	still_answers(what);
}

static char *
nested(int depth)
{
	char	   *s = malloc(2 * (size_t) depth + 16);
	char	   *p = s;

	p += sprintf(p, "select ");
	memset(p, '(', depth);
	p += depth;
	*p++ = '1';
	memset(p, ')', depth);
	p += depth;
	*p = '\0';
	return s;
}

int
main(void)
{
	static const char *const depth_states[] = {"54001", "42601", NULL};
	static const char *const syntax[] = {"42601", NULL};
	PGresult   *res;
	char	   *sql;
	size_t		i,
				n;

	conn = tap_connect(NULL);
	if (!tap_ok(PQstatus(conn) == CONNECTION_OK, "connect"))
		tap_bail("cannot connect: %s", PQerrorMessage(conn));

	/* Moderate nesting is fine. */
	sql = nested(100);
	tap_ok(tap_query_value(conn, sql, "1"), "100 nested parentheses evaluate to 1");
	free(sql);

	sql = nested(100000);
	expect_error_in(sql, depth_states, "100,000 nested parentheses");
	free(sql);

	/* A 4 MB string literal comes back whole. */
	n = 4 << 20;
	sql = malloc(n + 32);
	strcpy(sql, "select '");
	memset(sql + 8, 'q', n);
	strcpy(sql + 8 + n, "'");
	res = PQexec(conn, sql);
	tap_ok(PQresultStatus(res) == PGRES_TUPLES_OK && PQgetlength(res, 0, 0) == (int) n &&
		   PQgetvalue(res, 0, 0)[0] == 'q' && PQgetvalue(res, 0, 0)[n - 1] == 'q',
		   "a 4 MB string literal returns its 4 MB (%d bytes) %.200s",
		   PQresultStatus(res) == PGRES_TUPLES_OK ? PQgetlength(res, 0, 0) : -1,
		   PQresultErrorMessage(res));
	PQclear(res);
	still_answers("the 4 MB literal");
	/* ... and unterminated, it is an error. */
	sql[8 + n] = '\0';
	expect_error_in(sql, syntax, "an unterminated 4 MB literal");
	free(sql);

	/* 20,000 statements in one Query string: the last one's result. */
	n = 20000;
	sql = malloc(n * 16 + 32);
	sql[0] = '\0';
	{
		char	   *p = sql;

		for (i = 0; i < n; i++)
			p += sprintf(p, "select %zu;", i);
	}
	res = PQexec(conn, sql);
	tap_ok(PQresultStatus(res) == PGRES_TUPLES_OK && streq(PQgetvalue(res, 0, 0), "19999"),
		   "20,000 statements in one Query: the last answers 19999 %s", PQresultErrorMessage(res));
	PQclear(res);
	still_answers("20,000 statements");
	/* ... with an error in the middle: the error, nothing after it. */
	{
		char	   *p = sql;

		for (i = 0; i < n; i++)
			p += sprintf(p, i == n / 2 ? "select 1/0;" : "select %zu;", i);
	}
	res = PQexec(conn, sql);
	tap_ok(PQresultStatus(res) == PGRES_FATAL_ERROR &&
		   streq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "22012"),
		   "20,000 statements with a division by zero in the middle: 22012");
	PQclear(res);
	still_answers("the failing 20,000 statements");
	free(sql);

	expect_error_in("select 'abc", syntax, "unterminated quoted string");
	expect_error_in("select E'abc\\'", syntax, "unterminated E'' string");
	expect_error_in("select \"abc", syntax, "unterminated quoted identifier");
	expect_error_in("select $$abc", syntax, "unterminated dollar-quoted string");
	expect_error_in("select $x$abc$y$", syntax, "dollar quote with a different closing tag");
	expect_error_in("select 1 /* abc", syntax, "unterminated /* comment");
	expect_error_in("select 1 /* a /* b */", syntax, "unterminated nested comment");
	/* Bit strings are a later issue's type: 0A000 until then. */
	expect_error_in("select B'012'", (const char *const[]) {"22P02", "0A000", NULL},
					"invalid binary string literal");
	expect_error_in("select X'abc", syntax, "unterminated hexadecimal string");
	expect_error_in("select '\xc3'", (const char *const[]) {"22021", NULL},
					"invalid UTF-8 in a literal");

	PQfinish(conn);
	tap_ok(tap_server_answers(), "server answers at the end");
	if (tap_server_pid())
		tap_ok(tap_pid_alive(tap_server_pid()), "server process alive");
	return tap_done();
}
