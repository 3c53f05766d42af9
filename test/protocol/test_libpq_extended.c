/*
 * test_libpq_extended.c — the extended query protocol through libpq:
 * PQexecParams and PQprepare/PQexecPrepared with binary parameters and
 * binary results for bool, int2/4/8, float4/8, text, varchar, bytea, bit
 * and varbit;
 * text parameters with inferred types; NULLs; PQdescribePrepared
 * (ParameterDescription and RowDescription); Bind errors.
 *
 * Binary values are built here byte by byte in network order, so a test
 * cannot pass by the client and server sharing a bug in a conversion
 * routine.  Output: TAP.
 */
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct BinCase
{
	const char *type;			/* SQL name */
	unsigned	oid;
	const char *bytes;			/* binary value */
	int			len;
	const char *text;			/* its text output */
} BinCase;

static const BinCase cases[] = {
	{"bool", 16, "\x01", 1, "t"},
	{"bool", 16, "\x00", 1, "f"},
	{"int2", 21, "\xcf\xc7", 2, "-12345"},
	{"int4", 23, "\x7f\xff\xff\xff", 4, "2147483647"},
	{"int4", 23, "\xff\xff\xff\xfe", 4, "-2"},
	{"int8", 20, "\x80\x00\x00\x00\x00\x00\x00\x00", 8, "-9223372036854775808"},
	{"int8", 20, "\x00\x00\x00\x02\x54\x0b\xe3\xff", 8, "9999999999"},
	{"float4", 700, "\x3f\xc0\x00\x00", 4, "1.5"},
	{"float8", 701, "\xbf\xc0\x00\x00\x00\x00\x00\x00", 8, "-0.125"},
	{"float8", 701, "\x7f\xf0\x00\x00\x00\x00\x00\x00", 8, "Infinity"},
	{"text", 25, "h\xc3\xa9llo", 6, "h\xc3\xa9llo"},
	{"text", 25, "", 0, ""},
	{"varchar", 1043, "var char", 8, "var char"},
	{"bytea", 17, "\x00\xff\x41", 3, "\\x00ff41"},
	{"bytea", 17, "", 0, "\\x"},
	{"bit", 1560, "\x00\x00\x00\x05\xa8", 5, "10101"},
	{"varbit", 1562, "\x00\x00\x00\x0c\xab\xc0", 6, "101010111100"},
	{"varbit", 1562, "\x00\x00\x00\x00", 4, ""},
};

static bool
streq(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static void
hexdump(char *out, const char *p, int n)
{
	int			i;

	out[0] = '\0';
	for (i = 0; i < n && i < 32; i++)
		sprintf(out + 2 * i, "%02x", (unsigned char) p[i]);
}

/* A binary parameter comes back as the same bytes in binary, and as
 * PostgreSQL's text output in text. */
static void
test_binary_roundtrip(PGconn *conn)
{
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		const BinCase *c = &cases[i];
		Oid			types[1] = {c->oid};
		const char *values[1] = {c->bytes};
		int			lengths[1] = {c->len};
		int			formats[1] = {1};
		PGresult   *res;
		char		got[80],
					want[80];

		res = PQexecParams(conn, "select $1", 1, types, values, lengths, formats, 1);
		hexdump(want, c->bytes, c->len);
		got[0] = '\0';
		if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
			hexdump(got, PQgetvalue(res, 0, 0), PQgetlength(res, 0, 0));
		tap_ok(PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 &&
			   PQfformat(res, 0) == 1 && PQftype(res, 0) == c->oid &&
			   PQgetlength(res, 0, 0) == c->len &&
			   memcmp(PQgetvalue(res, 0, 0), c->bytes, c->len) == 0,
			   "%s binary in, binary out: %s (got %s, type %u) %s", c->type, want, got,
			   PQftype(res, 0), PQresultErrorMessage(res));
		PQclear(res);

		res = PQexecParams(conn, "select $1", 1, types, values, lengths, formats, 0);
		tap_ok(PQresultStatus(res) == PGRES_TUPLES_OK && PQfformat(res, 0) == 0 &&
			   streq(PQgetvalue(res, 0, 0), c->text),
			   "%s binary in, text out: \"%s\" (got \"%s\") %s", c->type, c->text,
			   PQresultStatus(res) == PGRES_TUPLES_OK ? PQgetvalue(res, 0, 0) : "",
			   PQresultErrorMessage(res));
		PQclear(res);

		/* Text in, binary out: the server's input and send functions. */
		values[0] = c->text;
		formats[0] = 0;
		res = PQexecParams(conn, "select $1", 1, types, values, NULL, formats, 1);
		got[0] = '\0';
		if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
			hexdump(got, PQgetvalue(res, 0, 0), PQgetlength(res, 0, 0));
		tap_ok(PQresultStatus(res) == PGRES_TUPLES_OK && PQgetlength(res, 0, 0) == c->len &&
			   memcmp(PQgetvalue(res, 0, 0), c->bytes, c->len) == 0,
			   "%s text in, binary out: %s (got %s) %s", c->type, want, got,
			   PQresultErrorMessage(res));
		PQclear(res);
	}
}

static void
test_expressions(PGconn *conn)
{
	Oid			types[2] = {23, 23};
	const char *values[2] = {"\x00\x00\x00\x28", "\x00\x00\x00\x02"};
	int			lengths[2] = {4, 4};
	int			formats[2] = {1, 1};
	const char *tv[2];
	PGresult   *res;

	res = PQexecParams(conn, "select $1 + $2, $1 * $2", 2, types, values, lengths, formats, 1);
	tap_ok(PQresultStatus(res) == PGRES_TUPLES_OK && PQgetlength(res, 0, 0) == 4 &&
		   memcmp(PQgetvalue(res, 0, 0), "\x00\x00\x00\x2a", 4) == 0 &&
		   memcmp(PQgetvalue(res, 0, 1), "\x00\x00\x00\x50", 4) == 0,
		   "binary int4 parameters in an expression: 40+2, 40*2 %s", PQresultErrorMessage(res));
	PQclear(res);

	/* Types inferred from the context, text format. */
	tv[0] = "41";
	res = PQexecParams(conn, "select $1 + 1", 1, NULL, tv, NULL, NULL, 0);
	tap_ok(PQresultStatus(res) == PGRES_TUPLES_OK && streq(PQgetvalue(res, 0, 0), "42") &&
		   PQftype(res, 0) == 23, "inferred int4 parameter: $1 + 1 = 42 %s",
		   PQresultErrorMessage(res));
	PQclear(res);

	tv[0] = "abc";
	res = PQexecParams(conn, "select $1 || 'def'", 1, NULL, tv, NULL, NULL, 0);
	tap_ok(PQresultStatus(res) == PGRES_TUPLES_OK && streq(PQgetvalue(res, 0, 0), "abcdef") &&
		   PQftype(res, 0) == 25, "inferred text parameter: $1 || 'def' %s",
		   PQresultErrorMessage(res));
	PQclear(res);

	/* NULL parameters. */
	tv[0] = NULL;
	res = PQexecParams(conn, "select $1::int4 is null, $1::int4", 1, NULL, tv, NULL, NULL, 1);
	tap_ok(PQresultStatus(res) == PGRES_TUPLES_OK &&
		   memcmp(PQgetvalue(res, 0, 0), "\x01", 1) == 0 && PQgetisnull(res, 0, 1),
		   "NULL parameter is NULL %s", PQresultErrorMessage(res));
	PQclear(res);

	/* Mixed result formats: text for column 0, binary for column 1. */
	{
		int			rf[2] = {0, 1};
		PGresult   *r2;

		/* libpq's PQexecParams has one resultFormat; use a prepared
		 * statement described and executed twice instead. */
		r2 = PQexecParams(conn, "select 7::int2, 'x'::text", 0, NULL, NULL, NULL, NULL, 1);
		tap_ok(PQresultStatus(r2) == PGRES_TUPLES_OK && PQfformat(r2, 0) == 1 &&
			   memcmp(PQgetvalue(r2, 0, 0), "\x00\x07", 2) == 0 &&
			   streq(PQgetvalue(r2, 0, 1), "x"),
			   "binary results without parameters %s", PQresultErrorMessage(r2));
		PQclear(r2);
		(void) rf;
	}
}

static void
test_prepared(PGconn *conn)
{
	PGresult   *res;
	Oid			types2[2] = {23, 25};
	const char *values[1];
	int			lengths[1],
				formats[1];
	int			i,
				good;

	res = PQprepare(conn, "s1", "select $1::int8 * 2 as doubled", 0, NULL);
	tap_ok(PQresultStatus(res) == PGRES_COMMAND_OK, "PQprepare s1 %s", PQresultErrorMessage(res));
	PQclear(res);

	res = PQdescribePrepared(conn, "s1");
	tap_ok(PQresultStatus(res) == PGRES_COMMAND_OK && PQnparams(res) == 1 &&
		   PQparamtype(res, 0) == 20 && PQnfields(res) == 1 && PQftype(res, 0) == 20 &&
		   streq(PQfname(res, 0), "doubled"),
		   "describe s1: one int8 parameter, one int8 column 'doubled' (params %d type %u, fields %d) %s",
		   PQnparams(res), PQnparams(res) ? PQparamtype(res, 0) : 0, PQnfields(res),
		   PQresultErrorMessage(res));
	PQclear(res);

	good = 0;
	for (i = 0; i < 10; i++)
	{
		char		v[8] = {0, 0, 0, 0, 0, 0, 0, (char) i};
		char		want[8] = {0, 0, 0, 0, 0, 0, 0, (char) (2 * i)};

		values[0] = v;
		lengths[0] = 8;
		formats[0] = 1;
		res = PQexecPrepared(conn, "s1", 1, values, lengths, formats, 1);
		if (PQresultStatus(res) == PGRES_TUPLES_OK && PQgetlength(res, 0, 0) == 8 &&
			memcmp(PQgetvalue(res, 0, 0), want, 8) == 0)
			good++;
		else
			tap_diag("execute s1 (%d): %s", i, PQresultErrorMessage(res));
		PQclear(res);
	}
	tap_ok(good == 10, "PQexecPrepared s1 ten times with binary int8 in and out (%d good)", good);

	res = PQprepare(conn, "s2", "select $1, $2", 2, types2);
	PQclear(res);
	res = PQdescribePrepared(conn, "s2");
	tap_ok(PQresultStatus(res) == PGRES_COMMAND_OK && PQnparams(res) == 2 &&
		   PQparamtype(res, 0) == 23 && PQparamtype(res, 1) == 25 && PQnfields(res) == 2 &&
		   PQftype(res, 0) == 23 && PQftype(res, 1) == 25,
		   "describe s2: declared parameter types int4, text and matching columns");
	PQclear(res);

	res = PQprepare(conn, "s3", "set application_name = 'from s3'", 0, NULL);
	PQclear(res);
	res = PQdescribePrepared(conn, "s3");
	tap_ok(PQresultStatus(res) == PGRES_COMMAND_OK && PQnparams(res) == 0 && PQnfields(res) == 0,
		   "describe of a utility statement: no parameters, NoData");
	PQclear(res);
	res = PQexecPrepared(conn, "s3", 0, NULL, NULL, NULL, 0);
	tap_ok(PQresultStatus(res) == PGRES_COMMAND_OK && streq(PQcmdStatus(res), "SET") &&
		   streq(PQparameterStatus(conn, "application_name"), "from s3"),
		   "executing a prepared SET reports the new application_name");
	PQclear(res);

	res = PQprepare(conn, "s1", "select 1", 0, NULL);
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "42P05") &&
		   streq(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
				 "prepared statement \"s1\" already exists"),
		   "preparing s1 again: 42P05");
	PQclear(res);

	res = PQexecPrepared(conn, "nope", 0, NULL, NULL, NULL, 0);
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "26000") &&
		   streq(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
				 "prepared statement \"nope\" does not exist"),
		   "executing an unknown statement: 26000");
	PQclear(res);

	res = PQprepare(conn, "bad", "selec 1", 0, NULL);
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "42601") &&
		   streq(PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION), "1"),
		   "Parse of a syntax error: 42601 at position 1");
	PQclear(res);
}

static void
test_bind_errors(PGconn *conn)
{
	Oid			types[1] = {23};
	const char *values[2] = {"\x00\x00\x00\x01\x00", "1"};
	int			lengths[2] = {5, 1};
	int			formats[2] = {1, 0};
	PGresult   *res;

	res = PQexecParams(conn, "select $1", 1, types, values, lengths, formats, 0);
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "22P03") &&
		   streq(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
				 "incorrect binary data format in bind parameter 1"),
		   "5-byte binary int4: 22P03 (%s)", PQresultErrorMessage(res));
	PQclear(res);

	values[0] = "12x";
	formats[0] = 0;
	res = PQexecParams(conn, "select $1", 1, types, values, NULL, formats, 0);
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "22P02") &&
		   streq(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
				 "invalid input syntax for type integer: \"12x\""),
		   "bad text int4 parameter: 22P02 (%s)", PQresultErrorMessage(res));
	PQclear(res);

	values[0] = "1";
	res = PQexecParams(conn, "select $1::int4", 2, NULL, values, NULL, NULL, 0);
	tap_ok(streq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "08P01") &&
		   streq(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY),
				 "bind message supplies 2 parameters, but prepared statement \"\" requires 1"),
		   "two parameters for one placeholder: 08P01 (%s)", PQresultErrorMessage(res));
	PQclear(res);

	tap_ok(tap_query_value(conn, "select 'still fine'", "still fine"),
		   "connection usable after Bind errors");
}

int
main(void)
{
	PGconn	   *conn = tap_connect(NULL);

	if (!tap_ok(PQstatus(conn) == CONNECTION_OK, "connect"))
		tap_bail("cannot connect: %s", PQerrorMessage(conn));
	test_binary_roundtrip(conn);
	test_expressions(conn);
	test_prepared(conn);
	test_bind_errors(conn);
	PQfinish(conn);
	return tap_done();
}
