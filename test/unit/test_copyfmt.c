/*
 * test_copyfmt.c — COPY text/CSV formatting and parsing (src/sql/copyfmt.c)
 * against outputs and errors of PostgreSQL 15 (taken from the oracle).
 *
 * Every parse case is run twice: the data in one chunk, and split into
 * one-byte chunks, which must give the same rows and the same error.
 * The binary format's framing (header, tuples, trailer) is checked the
 * same way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/arena.h>
#include <memgres/error.h>
#include <memgres/strbuf.h>

#include "../../src/sql/copyfmt.h"
#include "tap.h"

static const char *const cols3[] = {"a", "b", "c"};

/* Where collect_row writes, and the parser (for binary partial tuples). */
typedef struct Collect
{
	StrBuf	   *sb;
	const CopyFmtParser *p;
	bool		binary;
} Collect;

/*
 * Rows rendered as "N[a|b|c]" with NULL as "<null>"; a binary tuple
 * delivered with only its first k fields (broken framing) as "N partial[..]"
 * with those k.
 */
static int
collect_row(void *arg, int64_t lineno, char **fields, MgError *err)
{
	Collect    *c = arg;
	StrBuf	   *sb = c->sb;
	int			n = c->binary ? copyfmt_parser_binary_fields(c->p) : 3;

	(void) err;
	strbuf_printf(sb, "%lld%s[", (long long) lineno, n < 3 ? " partial" : "");
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			strbuf_putc(sb, '|');
		strbuf_puts(sb, fields[i] ? fields[i] : "<null>");
	}
	strbuf_puts(sb, "]");
	return 0;
}

/* Parses data with the given options; returns rows + error text (caller frees). */
static char *
parse(const char *optsql, const char *data, size_t len, size_t chunk)
{
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	AstStmtList l;
	CopyFmtOptions o;
	CopyFmtParser *p;
	StrBuf		out;
	char		q[512];
	int			rc = 0;
	char	   *res;

	arena_init(&a, 0);
	strbuf_init(&out);
	snprintf(q, sizeof(q), "copy t from stdin %s", optsql);
	if (sql_ast_parse(&a, q, &l, &err) != 0 ||
		copyfmt_options(&a, ((AstCopyStmt *) l.stmts[0].stmt)->options, true, q, &o, &err) != 0 ||
		copyfmt_resolve_columns(&a, &o, "t", cols3, 3, cols3, 3, &err) != 0)
		rc = -1;
	else
	{
		Collect		c;

		p = copyfmt_parser_new(&o, 3, cols3, "t");
		c.sb = &out;
		c.p = p;
		c.binary = o.format == COPYFMT_BINARY;
		for (size_t off = 0; rc == 0 && off < len; off += chunk)
			rc = copyfmt_parser_feed(p, data + off, len - off < chunk ? len - off : chunk,
									 collect_row, &c, &err);
		if (rc == 0)
			rc = copyfmt_parser_finish(p, collect_row, &c, &err);
		copyfmt_parser_free(p);
	}
	if (rc != 0)
	{
		strbuf_printf(&out, " ERROR %s: %s", err.sqlstate, err.message);
		if (err.hint)
			strbuf_printf(&out, " HINT: %s", err.hint);
		if (err.context)
			strbuf_printf(&out, " CONTEXT: %s", err.context);
	}
	mg_error_reset(&err);
	arena_destroy(&a);
	res = strbuf_detach(&out);
	strbuf_free(&out);
	return res;
}

static void
check_parse(const char *what, const char *opts, const char *data, const char *expected)
{
	char	   *whole = parse(opts, data, strlen(data), strlen(data) + 1);
	char	   *bytes = parse(opts, data, strlen(data), 1);

	if (!ok(strcmp(whole, expected) == 0, "parse %s", what))
		printf("# expected: %s\n# actual:   %s\n", expected, whole);
	if (!ok(strcmp(bytes, expected) == 0, "parse %s, one byte per chunk", what))
		printf("# expected: %s\n# actual:   %s\n", expected, bytes);
	free(whole);
	free(bytes);
}

/* Binary input given in hex; same two runs as check_parse. */
static void
check_parse_bin(const char *what, const char *hex, const char *expected)
{
	size_t		n = strlen(hex) / 2;
	char	   *data = malloc(n + 1);
	char	   *whole;
	char	   *bytes;

	for (size_t i = 0; i < n; i++)
		sscanf(hex + 2 * i, "%2hhx", (unsigned char *) &data[i]);
	whole = parse("(format binary)", data, n, n + 1);
	bytes = parse("(format binary)", data, n, 1);
	if (!ok(strcmp(whole, expected) == 0, "binary %s", what))
		printf("# expected: %s\n# actual:   %s\n", expected, whole);
	if (!ok(strcmp(bytes, expected) == 0, "binary %s, one byte per chunk", what))
		printf("# expected: %s\n# actual:   %s\n", expected, bytes);
	free(data);
	free(whole);
	free(bytes);
}

#define PGCOPY "5047434f50590aff0d0a00"
#define NOEXT "0000000000000000"

static void
test_binary(void)
{
	static const char *const vals[] = {"a", NULL, "bc"};
	static const int32_t lens[] = {1, -1, 2};
	StrBuf		out;
	char		hex[256] = "";

	/* PostgreSQL 15's bytes for COPY (SELECT 'a'::text, NULL::text, 'bc'::text) TO STDOUT (FORMAT binary) */
	strbuf_init(&out);
	copyfmt_binary_header(&out);
	copyfmt_binary_row(&out, 3, vals, lens);
	copyfmt_binary_trailer(&out);
	for (size_t i = 0; i < out.len && 2 * i + 2 < sizeof(hex); i++)
		snprintf(hex + 2 * i, 3, "%02x", (unsigned char) out.data[i]);
	ok(strcmp(hex, PGCOPY NOEXT "0003" "0000000161" "ffffffff" "000000026263" "ffff") == 0,
	   "binary output as PostgreSQL's");
	strbuf_free(&out);

	check_parse_bin("rows", PGCOPY NOEXT "0003000000016100000000ffffffff" "0003000000026263000000017affffffff" "ffff",
					"1[a||<null>]2[bc|z|<null>]");
	check_parse_bin("no trailer", PGCOPY NOEXT "0003000000016100000000ffffffff", "1[a||<null>]");
	check_parse_bin("header extension skipped", PGCOPY "00000000000000020000", "");
	check_parse_bin("empty input", "", " ERROR 22P04: COPY file signature not recognized");
	check_parse_bin("missing flags", PGCOPY, " ERROR 22P04: invalid COPY file header (missing flags)");
	check_parse_bin("missing length", PGCOPY "00000000", " ERROR 22P04: invalid COPY file header (missing length)");
	check_parse_bin("OIDs", PGCOPY "00010000" "00000000", " ERROR 22P04: invalid COPY file header (WITH OIDS)");
	check_parse_bin("critical flags", PGCOPY "00020000" "00000000",
					" ERROR 22P04: unrecognized critical flags in COPY file header");
	check_parse_bin("truncated field", PGCOPY NOEXT "0003000000016100000000" "00000062",
					"1 partial[a|] ERROR 22P04: unexpected EOF in COPY data CONTEXT: COPY t, line 1, column c");
	check_parse_bin("truncated length", PGCOPY NOEXT "0003" "0000000161" "000000",
					"1 partial[a] ERROR 22P04: unexpected EOF in COPY data CONTEXT: COPY t, line 1, column b");
	check_parse_bin("bad field size", PGCOPY NOEXT "0003fffffffe",
					" ERROR 22P04: invalid field size CONTEXT: COPY t, line 1, column a");
	check_parse_bin("bad field size after two fields", PGCOPY NOEXT "0003" "0000000161" "ffffffff" "80000000",
					"1 partial[a|<null>] ERROR 22P04: invalid field size CONTEXT: COPY t, line 1, column c");
	check_parse_bin("bad field size in the second tuple",
					PGCOPY NOEXT "0003000000016100000000ffffffff" "0003" "0000000178" "fffffff0",
					"1[a||<null>]2 partial[x] ERROR 22P04: invalid field size CONTEXT: COPY t, line 2, column b");
	check_parse_bin("field count", PGCOPY NOEXT "0002",
					" ERROR 22P04: row field count is 2, expected 3 CONTEXT: COPY t, line 1");
	check_parse_bin("data after the trailer", PGCOPY NOEXT "ffff00",
					" ERROR 22P04: received copy data after EOF marker CONTEXT: COPY t, line 1");
}

static void
test_parse(void)
{
	check_parse("text rows with escapes", "",
				"1\tx\ty\n2\t\\N\t\\x41\\101\\t\\\\\n",
				"1[1|x|y]2[2|<null>|AA\t\\]");
	check_parse("extra data", "", "1\tx\ty\tz\n",
				" ERROR 22P04: extra data after last expected column CONTEXT: COPY t, line 1: \"1\tx\ty\tz\"");
	check_parse("missing data", "", "1\tabc\tx\n4\tzz\n",
				"1[1|abc|x] ERROR 22P04: missing data for column \"c\" CONTEXT: COPY t, line 2: \"4\tzz\"");
	check_parse("last line without newline", "", "1\t2\t3", "1[1|2|3]");
	check_parse("long fields: delimiters and escapes at every word offset", "",
				"abcdefghijklmnopq\tabcdefg\\hijklmnop\tabcdefghijklmnopqrstuvw\\x41\n"
				"abcdefgh\tabcdefghijklmnop\\N\t\\N\n"
				"ab\\\\cdefghijklmno\tx\ty\n",
				"1[abcdefghijklmnopq|abcdefghijklmnop|abcdefghijklmnopqrstuvwA]"
				"2[abcdefgh|abcdefghijklmnopN|<null>]3[ab\\cdefghijklmno|x|y]");
	check_parse("long fields with a custom delimiter", "(delimiter '|')",
				"0123456789abcdef|0123456789abcdefg|01234567\n",
				"1[0123456789abcdef|0123456789abcdefg|01234567]");
	check_parse("end marker", "", "1\ta\tb\n\\.\nignored\n", "1[1|a|b]");
	check_parse("end marker after data on the line", "", "1\ta\tb\\.\n", "1[1|a|b]");
	check_parse("corrupt end marker", "", "5\ta\tb\n\\.x\n",
				"1[5|a|b] ERROR 22P04: end-of-copy marker corrupt CONTEXT: COPY t, line 2");
	check_parse("CRLF lines", "", "1\t2\t3\r\n4\t5\t6\r\n\\.\r\n", "1[1|2|3]2[4|5|6]");
	check_parse("CR lines", "", "1\t2\t3\r4\t5\t6\r", "1[1|2|3]2[4|5|6]");
	check_parse("mixed newlines", "", "1\t2\t3\n4\t5\t6\r\n",
				"1[1|2|3] ERROR 22P04: literal carriage return found in data "
				"HINT: Use \"\\r\" to represent carriage return. CONTEXT: COPY t, line 2");
	check_parse("escaped newline is data", "", "1\ta\\\nb\tc\n", "1[1|a\nb|c]");
	check_parse("octal NUL is invalid", "", "1\t\\0\tc\n",
				" ERROR 22021: invalid byte sequence for encoding \"UTF8\": 0x00 CONTEXT: COPY t, line 1: \"1\t\\0\tc\"");
	check_parse("invalid UTF-8 input", "", "1\t\xff\tc\n",
				" ERROR 22021: invalid byte sequence for encoding \"UTF8\": 0xff CONTEXT: COPY t, line 1");
	check_parse("UTF-8 split across chunks", "", "1\té\t€\n", "1[1|é|€]");
	check_parse("custom NULL and delimiter", "(delimiter '|', null 'NULL')", "1|NULL|\\N\n", "1[1|<null>|N]");
	check_parse("text header skipped", "(header)", "a\tb\tc\n1\t2\t3\n", "2[1|2|3]");

	check_parse("CSV multi-line field and empties", "(format csv)",
				"1,\"multi\nline\",c\n1,,\"\"\n", "1[1|multi\nline|c]2[1|<null>|]");
	check_parse("CSV unterminated quote", "(format csv)",
				"1,\"multi\nline\",c\n3,\"unterminated\n\\.\n",
				"1[1|multi\nline|c] ERROR 22P04: unterminated CSV quoted field "
				"CONTEXT: COPY t, line 4: \"3,\"unterminated\n\\.\n\"");
	check_parse("CSV doubled quotes", "(format csv)", "\"a\"\"b\",\"x,y\",\"\"\"\"\n", "1[a\"b|x,y|\"]");
	check_parse("CSV escape", "(format csv, escape '\\')", "\"a\\\"b\",\"c\\\\d\",\"e\\f\"\n", "1[a\"b|c\\d|e\\f]");
	check_parse("CSV end marker", "(format csv)", "1,2,3\n\\.\n", "1[1|2|3]");
	check_parse("CSV header match", "(format csv, header match)", "a,b,c\n1,2,3\n", "2[1|2|3]");
	check_parse("CSV header mismatch", "(format csv, header match)", "a,x,c\n1,2,3\n",
				" ERROR 22P04: column name mismatch in header line field 2: got \"x\", expected \"b\" "
				"CONTEXT: COPY t, line 1: \"a,x,c\"");
	check_parse("CSV force_not_null and force_null", "(format csv, force_not_null (a), force_null (b))",
				",\"\",\n", "1[|<null>|<null>]");
	check_parse("CSV quoted NULL string is not NULL", "(format csv, null 'N')", "N,\"N\",x\n", "1[<null>|N|x]");
	check_parse("CSV unquoted newline style mismatch", "(format csv)", "1,2,3\r\n4,5,6\n",
				"1[1|2|3] ERROR 22P04: unquoted newline found in data "
				"HINT: Use quoted CSV field to represent newline. CONTEXT: COPY t, line 2");
}

static char *
format(const char *optsql, const char *const rows[][3], int nrows, bool header)
{
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	AstStmtList l;
	CopyFmtOptions o;
	StrBuf		out;
	char		q[512];
	char	   *res;

	arena_init(&a, 0);
	strbuf_init(&out);
	snprintf(q, sizeof(q), "copy t to stdout %s", optsql);
	if (sql_ast_parse(&a, q, &l, &err) != 0 ||
		copyfmt_options(&a, ((AstCopyStmt *) l.stmts[0].stmt)->options, false, q, &o, &err) != 0 ||
		copyfmt_resolve_columns(&a, &o, "t", cols3, 3, cols3, 3, &err) != 0)
		strbuf_printf(&out, "ERROR %s: %s", err.sqlstate, err.message);
	else
	{
		if (header)
			copyfmt_format_header(&o, &out, 3, cols3);
		for (int i = 0; i < nrows; i++)
			copyfmt_format_row(&o, &out, 3, rows[i]);
	}
	mg_error_reset(&err);
	arena_destroy(&a);
	res = strbuf_detach(&out);
	strbuf_free(&out);
	return res;
}

static void
check_format(const char *what, const char *opts, bool header, const char *expected)
{
	static const char *const rows[][3] = {
		{"1", "x", "y"}, {"2", NULL, "AA\t\\"}, {"1", NULL, ""}, {"q\"o", "a,b", "l1\nl2\r"}
	};
	char	   *s = format(opts, rows, 4, header);

	if (!ok(strcmp(s, expected) == 0, "format %s", what))
		printf("# expected: %s\n# actual:   %s\n", expected, s);
	free(s);
}

static void
test_format(void)
{
	check_format("text", "", false,
				 "1\tx\ty\n2\t\\N\tAA\\t\\\\\n1\t\\N\t\nq\"o\ta,b\tl1\\nl2\\r\n");
	check_format("CSV", "(format csv)", false,
				 "1,x,y\n2,,AA\t\\\n1,,\"\"\n\"q\"\"o\",\"a,b\",\"l1\nl2\r\"\n");
	check_format("CSV force_quote *", "(format csv, force_quote *)", false,
				 "\"1\",\"x\",\"y\"\n\"2\",,\"AA\t\\\"\n\"1\",,\"\"\n\"q\"\"o\",\"a,b\",\"l1\nl2\r\"\n");
	check_format("CSV header, NULL and delimiter", "(format csv, header, null 'NULL', delimiter ';')", true,
				 "a;b;c\n1;x;y\n2;NULL;AA\t\\\n1;NULL;\n\"q\"\"o\";a,b;\"l1\nl2\r\"\n");
	check_format("text header", "(header)", true,
				 "a\tb\tc\n1\tx\ty\n2\t\\N\tAA\\t\\\\\n1\t\\N\t\nq\"o\ta,b\tl1\\nl2\\r\n");
}

static void
check_option_error(const char *opts, bool is_from, const char *expected)
{
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	AstStmtList l;
	CopyFmtOptions o;
	char		q[512];
	char		got[512] = "no error";
	static const char *const cols1[] = {"a"};

	arena_init(&a, 0);
	snprintf(q, sizeof(q), "copy t %s %s", is_from ? "from stdin" : "to stdout", opts);
	if (sql_ast_parse(&a, q, &l, &err) != 0 ||
		copyfmt_options(&a, ((AstCopyStmt *) l.stmts[0].stmt)->options, is_from, q, &o, &err) != 0 ||
		copyfmt_resolve_columns(&a, &o, "t", cols3, 3, cols1, 1, &err) != 0)
	{
		if (err.position > 0)
			snprintf(got, sizeof(got), "%s: %s (pos %d)", err.sqlstate, err.message, err.position);
		else
			snprintf(got, sizeof(got), "%s: %s", err.sqlstate, err.message);
	}
	if (!ok(strcmp(got, expected) == 0, "options %s", opts))
		printf("# expected: %s\n# actual:   %s\n", expected, got);
	mg_error_reset(&err);
	arena_destroy(&a);
}

static void
test_options(void)
{
	check_option_error("(format csv, force_quote (a))", true, "0A000: COPY force quote only available using COPY TO");
	check_option_error("(format text, quote '\"')", false, "0A000: COPY quote available only in CSV mode");
	check_option_error("(delimiter 'ab')", false, "0A000: COPY delimiter must be a single one-byte character");
	check_option_error("(format csv, delimiter '\"')", false, "22023: COPY delimiter and quote must be different");
	check_option_error("(format xml)", false, "22023: COPY format \"xml\" not recognized (pos 19)");
	check_option_error("(foo 1)", false, "42601: option \"foo\" not recognized (pos 19)");
	check_option_error("(format csv, format csv)", false, "42601: conflicting or redundant options (pos 31)");
	check_option_error("(format csv, force_quote (zz))", false, "42703: column \"zz\" of relation \"t\" does not exist");
	check_option_error("(format csv, force_quote (b))", false, "42P10: FORCE_QUOTE column \"b\" not referenced by COPY");
	check_option_error("(header match)", false, "0A000: cannot use \"match\" with HEADER in COPY TO");
	check_option_error("(header 'x')", false, "42601: header requires a Boolean value or \"match\"");
	check_option_error("(delimiter 'a')", false, "22023: COPY delimiter cannot be \"a\"");
	check_option_error("(delimiter E'\\n')", false, "22023: COPY delimiter cannot be newline or carriage return");
	check_option_error("(null E'\\r')", false, "22023: COPY null representation cannot use newline or carriage return");
	check_option_error("(format csv, escape 'ab')", false, "0A000: COPY escape must be a single one-byte character");
	check_option_error("(escape 'a')", false, "0A000: COPY escape available only in CSV mode");
	check_option_error("(format csv, quote '')", false, "0A000: COPY quote must be a single one-byte character");
	check_option_error("(delimiter ',', null 'a,b')", false, "0A000: COPY delimiter must not appear in the NULL specification");
	check_option_error("(format csv, null 'a\"')", false, "0A000: CSV quote character must not appear in the NULL specification");
	check_option_error("(format binary, delimiter ',')", false, "42601: cannot specify DELIMITER in BINARY mode");
	check_option_error("(format binary, null 'x')", false, "42601: cannot specify NULL in BINARY mode");
	check_option_error("(format binary, header)", false, "0A000: cannot specify HEADER in BINARY mode");
	check_option_error("(force_not_null (a))", false, "0A000: COPY force not null available only in CSV mode");
	check_option_error("(format csv, force_not_null (a))", false, "0A000: COPY force not null only available using COPY FROM");
	check_option_error("(format csv, force_null (a))", false, "0A000: COPY force null only available using COPY FROM");
	check_option_error("(force_null (a))", true, "0A000: COPY force null available only in CSV mode");
	check_option_error("(format csv, force_quote 1)", false,
					   "22023: argument to option \"force_quote\" must be a list of column names (pos 31)");
	check_option_error("(encoding 'foo')", false,
					   "22023: argument to option \"encoding\" must be a valid encoding name (pos 19)");
	check_option_error("(freeze, header, format csv, encoding 'UTF8')", false, "no error");
	check_option_error("with csv header delimiter as ';' force quote a", false, "no error");
}

static void
check_target(const char *q, bool superuser, const char *expected)
{
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	AstStmtList l;
	char		got[512] = "no error";

	arena_init(&a, 0);
	if (sql_ast_parse(&a, q, &l, &err) != 0 ||
		copyfmt_check_target((AstCopyStmt *) l.stmts[0].stmt, superuser, &err) != 0)
		snprintf(got, sizeof(got), "%s: %s HINT: %s", err.sqlstate, err.message, err.hint ? err.hint : "");
	if (!ok(strcmp(got, expected) == 0, "target of %s (%s)", q, superuser ? "superuser" : "role"))
		printf("# expected: %s\n# actual:   %s\n", expected, got);
	mg_error_reset(&err);
	arena_destroy(&a);
}

static void
test_target(void)
{
	const char *hint = " HINT: Anyone can COPY to stdout or from stdin. psql's \\copy command also works for anyone.";
	char		buf[512];

	check_target("copy t from stdin", false, "no error");
	check_target("copy t to stdout", true, "no error");
	snprintf(buf, sizeof(buf), "42501: must be superuser or have privileges of the pg_read_server_files role to COPY from a file%s", hint);
	check_target("copy t from '/tmp/x'", false, buf);
	snprintf(buf, sizeof(buf), "42501: must be superuser or have privileges of the pg_write_server_files role to COPY to a file%s", hint);
	check_target("copy (select 1) to '/tmp/x'", false, buf);
	snprintf(buf, sizeof(buf), "42501: must be superuser or have privileges of the pg_execute_server_program role to COPY to or from an external program%s", hint);
	check_target("copy t to program 'cat'", false, buf);
	snprintf(buf, sizeof(buf), "0A000: COPY from a file is not supported%s", hint);
	check_target("copy t from '/tmp/x'", true, buf);
}

/* ---- round trip: format random rows, parse them back in random chunks ---- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint32_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t) rng_state;
}

#define RT_ROWS 2000

typedef struct RoundTrip
{
	char	   *values[RT_ROWS][3];
	int			next;
	int			mismatches;
} RoundTrip;

static int
rt_row(void *arg, int64_t lineno, char **fields, MgError *err)
{
	RoundTrip  *rt = arg;

	(void) lineno;
	(void) err;
	for (int i = 0; i < 3; i++)
	{
		const char *want = rt->next < RT_ROWS ? rt->values[rt->next][i] : "<beyond>";

		if ((want == NULL) != (fields[i] == NULL) ||
			(want != NULL && strcmp(want, fields[i]) != 0))
			rt->mismatches++;
	}
	rt->next++;
	return 0;
}

static void
test_round_trip(const char *optsql)
{
	static const char *const pieces[] = {
		"a", "xyz", "\t", "\t", "\n", "\r", "\\", "\"", ",", ";", "|", "\\.", "N", "\\N",
		"é", "€", "  ", "0", "\v", "\b"
	};
	RoundTrip  *rt = calloc(1, sizeof(RoundTrip));
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	AstStmtList l;
	CopyFmtOptions o;
	StrBuf		data;
	CopyFmtParser *p;
	char		q[256];
	int			rc = 0;

	arena_init(&a, 0);
	strbuf_init(&data);
	snprintf(q, sizeof(q), "copy t from stdin %s", optsql);
	if (sql_ast_parse(&a, q, &l, &err) != 0 ||
		copyfmt_options(&a, ((AstCopyStmt *) l.stmts[0].stmt)->options, true, q, &o, &err) != 0)
	{
		ok(0, "round trip options %s: %s", optsql, err.message);
		goto done;
	}
	for (int r = 0; r < RT_ROWS; r++)
		for (int c = 0; c < 3; c++)
		{
			StrBuf		v;
			int			n = (int) (rng() % 5);

			if (rng() % 7 == 0)
			{
				rt->values[r][c] = NULL;
				continue;
			}
			strbuf_init(&v);
			for (int k = 0; k < n; k++)
				strbuf_puts(&v, pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))]);
			rt->values[r][c] = strbuf_detach(&v);
			strbuf_free(&v);
		}
	for (int r = 0; r < RT_ROWS; r++)
		copyfmt_format_row(&o, &data, 3, (const char *const *) rt->values[r]);
	strbuf_puts(&data, "\\.\n");

	p = copyfmt_parser_new(&o, 3, cols3, "t");
	for (size_t off = 0; rc == 0 && off < data.len;)
	{
		size_t		chunk = 1 + rng() % 64;

		if (chunk > data.len - off)
			chunk = data.len - off;
		rc = copyfmt_parser_feed(p, data.data + off, chunk, rt_row, rt, &err);
		off += chunk;
	}
	if (rc == 0)
		rc = copyfmt_parser_finish(p, rt_row, rt, &err);
	copyfmt_parser_free(p);
	ok(rc == 0 && rt->next == RT_ROWS && rt->mismatches == 0,
	   "round trip %s: %d rows back, %d mismatches%s%s", optsql, rt->next, rt->mismatches,
	   rc ? ", error: " : "", rc ? err.message : "");
done:
	for (int r = 0; r < RT_ROWS; r++)
		for (int c = 0; c < 3; c++)
			free(rt->values[r][c]);
	free(rt);
	strbuf_free(&data);
	mg_error_reset(&err);
	arena_destroy(&a);
}

/* Random input never crashes the parser: it delivers rows or fails with a SQLSTATE. */
static int
count_row(void *arg, int64_t lineno, char **fields, MgError *err)
{
	(void) lineno;
	(void) fields;
	(void) err;
	(*(int *) arg)++;
	return 0;
}

static void
test_garbage(const char *optsql)
{
	static const char alphabet[] = "ab1,;\t\n\r\\.\"'|N\xc3\xa9\xff\0PGCOPY\377";
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	AstStmtList l;
	CopyFmtOptions o;
	char		q[256];
	int			bad = 0;
	int			rows = 0;

	arena_init(&a, 0);
	snprintf(q, sizeof(q), "copy t from stdin %s", optsql);
	if (sql_ast_parse(&a, q, &l, &err) != 0 ||
		copyfmt_options(&a, ((AstCopyStmt *) l.stmts[0].stmt)->options, true, q, &o, &err) != 0)
	{
		ok(0, "garbage options %s", optsql);
		arena_destroy(&a);
		return;
	}
	for (int iter = 0; iter < 300; iter++)
	{
		char		data[300];
		size_t		n = rng() % sizeof(data);
		CopyFmtParser *p = copyfmt_parser_new(&o, 3, cols3, "t");
		int			rc = 0;

		for (size_t i = 0; i < n; i++)
			data[i] = alphabet[rng() % (sizeof(alphabet) - 1)];
		if (o.format == COPYFMT_BINARY && n >= 19 && rng() % 2)
			memcpy(data, "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0", 19);
		for (size_t off = 0; rc == 0 && off < n;)
		{
			size_t		chunk = 1 + rng() % 40;

			if (chunk > n - off)
				chunk = n - off;
			rc = copyfmt_parser_feed(p, data + off, chunk, count_row, &rows, &err);
			off += chunk;
		}
		if (rc == 0)
			rc = copyfmt_parser_finish(p, count_row, &rows, &err);
		if (rc != 0 && (!mg_error_isset(&err) || strlen(err.sqlstate) != 5))
			bad++;
		mg_error_reset(&err);
		copyfmt_parser_free(p);
	}
	ok(bad == 0, "300 random inputs %s: rows or clean errors (%d rows)", optsql, rows);
	arena_destroy(&a);
}

int
main(void)
{
	test_garbage("");
	test_garbage("(format csv)");
	test_garbage("(format csv, escape '\\', header match)");
	test_garbage("(format binary)");
	test_round_trip("");
	test_round_trip("(delimiter '|', null 'NULL')");
	test_round_trip("(format csv)");
	test_round_trip("(format csv, delimiter ';', quote '|', escape '\\')");
	test_round_trip("(format csv, null '\\N')");
	test_target();
	test_binary();
	test_parse();
	test_format();
	test_options();
	return tap_done();
}
