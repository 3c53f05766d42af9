/*
 * test_parse.c — unit tests of the parser boundary (sql_ast_parse) and the
 * AST printer.
 *
 * 1. A corpus (test/unit/parse_corpus.txt): each SQL line is parsed and
 *    its AST dump (ast_print) compared with the "=> " lines after it;
 *    error cases compare SQLSTATE, cursor position and message.  Run
 *    with --regen to print the corpus with fresh expected lines (review
 *    the diff before committing it); --dump 'SQL'... prints the AST of
 *    any statement, for debugging.
 * 2. Hand-written checks: statement locations and source text, UTF-8
 *    cursor positions, PostgreSQL's messages for unterminated literals and
 *    comments, the pathological inputs of issue #2 (100,000 parentheses,
 *    deep expressions, a 4 MB literal, 20,000 statements), and parsing on
 *    several threads at once.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/arena.h>
#include <memgres/error.h>
#include <memgres/strbuf.h>

#include "../../src/sql/ast.h"
#include "tap.h"

#ifndef MG_SRCDIR
#define MG_SRCDIR "."
#endif

/* The corpus form of a parse result: one "=> " line per statement, or the error. */
static void
describe(StrBuf *out, const char *sql)
{
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	AstStmtList l;

	arena_init(&a, 0);
	if (sql_ast_parse(&a, sql, &l, &err) != 0)
	{
		strbuf_printf(out, "=> ERROR %s pos=%d: %s\n", err.sqlstate, err.position, err.message);
		mg_error_reset(&err);
	}
	else
	{
		for (int i = 0; i < l.n; i++)
		{
			strbuf_printf(out, "=> [%d,%d] ", l.stmts[i].stmt_location, l.stmts[i].stmt_len);
			ast_print(out, l.stmts[i].stmt);
			strbuf_putc(out, '\n');
		}
		if (l.n == 0)
			strbuf_puts(out, "=> (empty)\n");
	}
	arena_destroy(&a);
}

/* The buffer's string (the caller frees it); sb itself is released. */
static char *
take(StrBuf *sb)
{
	char	   *s = strbuf_detach(sb);

	strbuf_free(sb);
	return s;
}

static char *
read_file(const char *path)
{
	FILE	   *f = fopen(path, "r");
	StrBuf		sb;
	char		buf[4096];
	size_t		n;

	if (f == NULL)
		return NULL;
	strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_append(&sb, buf, n);
	fclose(f);
	return take(&sb);
}

static int
run_corpus(bool regen)
{
	const char *srcdir = getenv("MEMGRES_SRCDIR");
	char		path[4096];
	char	   *text;
	char	   *line;
	char	   *save = NULL;
	StrBuf		expected;
	StrBuf		actual;
	char	   *sql = NULL;

	snprintf(path, sizeof(path), "%s/test/unit/parse_corpus.txt", srcdir ? srcdir : MG_SRCDIR);
	text = read_file(path);
	if (text == NULL)
	{
		ok(0, "read %s", path);
		return -1;
	}
	strbuf_init(&expected);
	strbuf_init(&actual);
	/* a sentinel line flushes the last case */
	for (line = strtok_r(text, "\n", &save);; line = strtok_r(NULL, "\n", &save))
	{
		bool		is_expect = line != NULL && strncmp(line, "=> ", 3) == 0;

		if (!is_expect && sql != NULL)
		{
			strbuf_reset(&actual);
			describe(&actual, sql);
			if (regen)
				printf("%s\n%s", sql, actual.data);
			else if (!ok(strcmp(actual.data, expected.data) == 0, "parse: %.70s", sql))
				printf("# expected:\n%s# actual:\n%s", expected.data, actual.data);
			sql = NULL;
			strbuf_reset(&expected);
		}
		if (line == NULL)
			break;
		if (is_expect)
		{
			strbuf_puts(&expected, line);
			strbuf_putc(&expected, '\n');
		}
		else if (line[0] == '#' || line[0] == '\0')
		{
			if (regen)
				printf("%s\n", line);
		}
		else
			sql = line;
	}
	strbuf_free(&expected);
	strbuf_free(&actual);
	free(text);
	return 0;
}

/* Parses q and checks the error (sqlstate, position, message prefix). */
static void
check_error(const char *what, const char *q, const char *sqlstate, int position, const char *message)
{
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	AstStmtList l;
	int			rc;

	arena_init(&a, 0);
	rc = sql_ast_parse(&a, q, &l, &err);
	ok(rc == -1 && strcmp(err.sqlstate, sqlstate) == 0 &&
	   (position < 0 || err.position == position) &&
	   (message == NULL || (err.message && strcmp(err.message, message) == 0)),
	   "%s: %s at %d", what, sqlstate, position);
	if (rc == 0)
		printf("# parsed without error\n");
	else if (strcmp(err.sqlstate, sqlstate) != 0 || (position >= 0 && err.position != position))
		printf("# got %s at %d: %s\n", err.sqlstate, err.position, err.message);
	mg_error_reset(&err);
	arena_destroy(&a);
}

static char *
repeat(const char *prefix, const char *unit, int n, const char *middle, const char *unit2, const char *suffix)
{
	StrBuf		sb;

	strbuf_init(&sb);
	strbuf_puts(&sb, prefix);
	for (int i = 0; i < n; i++)
		strbuf_puts(&sb, unit);
	strbuf_puts(&sb, middle);
	for (int i = 0; unit2 && i < n; i++)
		strbuf_puts(&sb, unit2);
	strbuf_puts(&sb, suffix);
	return take(&sb);
}

static void
test_statement_text(void)
{
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	AstStmtList l;
	const char *q = "  select 1;\n-- c\nselect 'é' ;; update t set a=2";

	arena_init(&a, 0);
	ok(sql_ast_parse(&a, q, &l, &err) == 0 && l.n == 3, "three statements, empty ones dropped");
	ok(l.n == 3 && strcmp(l.stmts[0].text, "  select 1") == 0 && l.stmts[0].stmt_location == 0,
	   "statement 1 text");
	ok(l.n == 3 && strcmp(l.stmts[1].text, "\n-- c\nselect 'é' ") == 0 && l.stmts[1].stmt_location == 11,
	   "statement 2 starts after the ';', as PostgreSQL's raw parser reports");
	ok(l.n == 3 && strcmp(l.stmts[2].text, " update t set a=2") == 0 &&
	   l.stmts[2].stmt_len == (int) strlen(" update t set a=2"), "last statement's length is computed");
	ok(l.n == 3 && AST_IS(l.stmts[2].stmt, AST_UPDATE_STMT), "third is an UPDATE");
	arena_reset(&a);
	ok(sql_ast_parse(&a, "  ;; -- nothing\n", &l, &err) == 0 && l.n == 0, "empty query gives no statements");
	ok(sql_ast_parse(&a, "", &l, &err) == 0 && l.n == 0, "empty string gives no statements");
	arena_destroy(&a);
}

static void
test_locations(void)
{
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	AstStmtList l;
	const char *q = "select 'éé', x from t";
	AstSelectStmt *s;
	AstResTarget *rt;

	arena_init(&a, 0);
	ok(sql_ast_parse(&a, q, &l, &err) == 0, "parse for locations");
	s = (AstSelectStmt *) l.stmts[0].stmt;
	rt = (AstResTarget *) ast_list_nth(s->target_list, 1);
	ok(rt->val->location == 15, "node location is a byte offset (%d)", rt->val->location);
	ok(sql_ast_char_position(q, rt->val->location) == 14, "char position counts UTF-8 characters");
	ok(sql_ast_char_position(q, -1) == 0, "no location gives no position");
	arena_destroy(&a);
}

static void
test_errors(void)
{
	/* PostgreSQL 15's answers, from the oracle */
	check_error("end of input", "select 'é' + ", "42601", 14, "syntax error at end of input");
	check_error("unterminated quote", "select 'éé' + 'ab", "42601", 15,
				"unterminated quoted string at or near \"'ab\"");
	check_error("unterminated comment", "select 1 /* abc", "42601", 10,
				"unterminated /* comment at or near \"/* abc\"");
	check_error("unterminated dollar quote", "select $$abc", "42601", 8,
				"unterminated dollar-quoted string at or near \"$$abc\"");
	check_error("unterminated identifier", "select \"abc", "42601", 8,
				"unterminated quoted identifier at or near \"\"abc\"");
	check_error("trailing junk", "select 123abc", "42601", 8,
				"trailing junk after numeric literal at or near \"123abc\"");
	check_error("trailing junk exponent", "select 1.5e+x", "42601", 8,
				"trailing junk after numeric literal at or near \"1.5e+\"");
	check_error("LIMIT #,#", "select 1 limit 1,2", "42601", 10, "LIMIT #,# syntax is not supported");
	check_error("misplaced DEFERRABLE", "create table t (a int deferrable)", "42601", 23,
				"misplaced DEFERRABLE clause");
	check_error("syntax error", "select 'a' 'b'", "42601", 12, "syntax error at or near \"'b'\"");
	check_error("unsupported statement", "create function f() returns int as 'select 1' language sql",
				"0A000", -1, "CREATE FUNCTION is not supported");
	check_error("SELECT INTO in a sub-select", "select * from (select 1 into y) s", "42601", 30,
				"SELECT ... INTO is not allowed here");
	check_error("INTO on a later set-operation arm", "select 1 union select 2 into z", "42601", 30,
				"INTO is only allowed on first SELECT of UNION/INTERSECT/EXCEPT");
	check_error("inherits", "create table c (a int) inherits (p)", "0A000", 14, "INHERITS is not supported");
}

/* The truncation NOTICEs of one query, joined by '|'. */
static void
check_notices(const char *what, const char *q, int rc_expected, const char *expected)
{
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	AstStmtList l;
	StrBuf		sb;
	int			rc;

	arena_init(&a, 0);
	strbuf_init(&sb);
	rc = sql_ast_parse(&a, q, &l, &err);
	for (int i = 0; i < l.nnotices; i++)
		strbuf_printf(&sb, "%s%s", i ? "|" : "", l.notices[i]);
	if (!ok(rc == rc_expected && strcmp(sb.data, expected) == 0, "notices: %s", what))
		printf("# rc %d, notices: %s\n", rc, sb.data);
	strbuf_free(&sb);
	mg_error_reset(&err);
	arena_destroy(&a);
}

static void
test_notices(void)
{
	/* PostgreSQL 15's NOTICEs for the same queries */
	check_notices("quoted and unquoted",
				  "select 1 as \"Quoted_Identifier_That_Is_Way_Too_Long_For_PostgreSQL_Names_Really_Yes\", "
				  "2 as ABCDEFGHIJabcdefghijABCDEFGHIJabcdefghijABCDEFGHIJabcdefghijXYZW_ok", 0,
				  "identifier \"Quoted_Identifier_That_Is_Way_Too_Long_For_PostgreSQL_Names_Really_Yes\" "
				  "will be truncated to \"Quoted_Identifier_That_Is_Way_Too_Long_For_PostgreSQL_Names_Rea\"|"
				  "identifier \"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijxyzw_ok\" "
				  "will be truncated to \"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijxyz\"");
	check_notices("before a syntax error",
				  "select aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa from", -1,
				  "identifier \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" "
				  "will be truncated to \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"");
	check_notices("not in literals and comments",
				  "select 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', "
				  "E'\\'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', "
				  "$q$ cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc $q$ "
				  "/* dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd */ "
				  "-- eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", 0, "");
	check_notices("clipped at a character boundary",
				  "select 1 as ééééééééééééééééééééééééééééééééé", 0,
				  "identifier \"ééééééééééééééééééééééééééééééééé\" will be truncated to \"ééééééééééééééééééééééééééééééé\"");
	check_notices("63 bytes is not truncated",
				  "select 1 as abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc", 0, "");
}

static void
test_pathological(void)
{
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	AstStmtList l;
	char	   *q;
	int			rc;

	q = repeat("select ", "(", 100000, "1", ")", "");
	check_error("100,000 nested parentheses", q, "42601", 10004, "memory exhausted at or near \"(\"");
	free(q);

	q = repeat("select ", "(", 9000, "1", ")", "");
	arena_init(&a, 0);
	ok(sql_ast_parse(&a, q, &l, &err) == 0, "9,000 nested parentheses parse (as PostgreSQL)");
	arena_destroy(&a);
	free(q);

	q = repeat("select 1", "+1", 100000, "", NULL, "");
	check_error("a 100,000-term expression", q, "54001", -1, "stack depth limit exceeded");
	free(q);
	q = repeat("select 1", "+1", 4500, "", NULL, "");
	check_error("a 4,500-term expression", q, "54001", -1, "stack depth limit exceeded");
	free(q);
	q = repeat("select 1", "+1", 4000, "", NULL, "");
	arena_init(&a, 0);
	ok(sql_ast_parse(&a, q, &l, &err) == 0, "a 4,000-term expression parses (as PostgreSQL)");
	arena_destroy(&a);
	free(q);

	q = repeat("select ", "array[", 5000, "1", "]", "");
	check_error("5,000 nested ARRAY[", q, "42601", 29996, "memory exhausted at or near \"array\"");
	free(q);

	q = repeat("select 1 where ", "not ", 9000, "true", NULL, "");
	check_error("9,000 NOTs", q, "54001", -1, NULL);
	free(q);

	/* a 4 MB literal */
	q = malloc(4 * 1024 * 1024 + 32);
	strcpy(q, "select '");
	memset(q + 8, 'x', 4 * 1024 * 1024);
	strcpy(q + 8 + 4 * 1024 * 1024, "'");
	arena_init(&a, 0);
	rc = sql_ast_parse(&a, q, &l, &err);
	ok(rc == 0 && l.n == 1, "a 4 MB string literal parses");
	if (rc == 0)
	{
		AstResTarget *rt = (AstResTarget *) ast_list_nth(((AstSelectStmt *) l.stmts[0].stmt)->target_list, 0);

		ok(strlen(((AstConst *) rt->val)->sval) == 4 * 1024 * 1024, "and keeps all of it");
	}
	arena_destroy(&a);
	q[strlen(q) - 1] = '\0';
	check_error("unterminated 4 MB literal", q, "42601", 8, NULL);
	free(q);

	q = repeat("", "select 1;", 20000, "", NULL, "");
	arena_init(&a, 0);
	rc = sql_ast_parse(&a, q, &l, &err);
	ok(rc == 0 && l.n == 20000, "20,000 statements in one string");
	ok(rc == 0 && l.stmts[19999].stmt_location == 19999 * 9, "the last one's location");
	arena_destroy(&a);
	free(q);
	mg_error_reset(&err);
}

#define NTHREADS 4

static void *
parse_thread(void *arg)
{
	long		failures = 0;

	(void) arg;
	for (int i = 0; i < 300; i++)
	{
		Arena		a;
		MgError		err = MG_ERROR_INIT;
		AstStmtList l;
		StrBuf		sb;

		arena_init(&a, 0);
		if (sql_ast_parse(&a, "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2",
						  &l, &err) != 0 || l.n != 1)
			failures++;
		else
		{
			strbuf_init(&sb);
			ast_print(&sb, l.stmts[0].stmt);
			if (strstr(sb.data, "pgbench_accounts") == NULL)
				failures++;
			strbuf_free(&sb);
		}
		if (sql_ast_parse(&a, "select (", &l, &err) == 0 || strcmp(err.sqlstate, "42601") != 0)
			failures++;
		mg_error_reset(&err);
		arena_destroy(&a);
	}
	return (void *) failures;
}

static void
test_threads(void)
{
	pthread_t	th[NTHREADS];
	long		failures = 0;

	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&th[i], NULL, parse_thread, NULL);
	for (int i = 0; i < NTHREADS; i++)
	{
		void	   *r;

		pthread_join(th[i], &r);
		failures += (long) r;
	}
	ok(failures == 0, "concurrent parsing on %d threads (%ld failures)", NTHREADS, failures);
}

/*
 * Mutation fuzzing: corpus statements with random bytes replaced, inserted
 * or deleted must parse or fail cleanly (an error with a SQLSTATE), never
 * crash; run under the sanitizer build this also checks memory safety.
 */
static void
test_mutations(void)
{
	static const char *const seeds[] = {
		"SELECT a, b + 1 AS c FROM s.t AS x WHERE a IN (1, 2) AND b IS NOT NULL ORDER BY 1 DESC LIMIT 3",
		"INSERT INTO t (a, b) VALUES (1, 'x'), (2, DEFAULT) ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b RETURNING *",
		"UPDATE t SET (a, b) = (SELECT 1, 2), c = c[1] + 1 FROM u WHERE t.id = u.id",
		"CREATE TABLE t (id serial PRIMARY KEY, a int REFERENCES u ON DELETE CASCADE, b text CHECK (b <> ''))",
		"ALTER TABLE t ADD COLUMN x int DEFAULT 1, ALTER COLUMN y TYPE bigint USING y::bigint",
		"COPY t (a, b) FROM STDIN WITH (FORMAT csv, HEADER, FORCE_NULL (a))",
		"SELECT CASE WHEN a THEN 1 ELSE 2 END, COALESCE(a, b), EXISTS (SELECT 1), ARRAY[1, 2], x::int[]",
		"WITH w AS (SELECT 1) SELECT count(*) FILTER (WHERE a > 0) OVER (PARTITION BY b) FROM w",
	};
	static const char bytes[] = "()[],;'\"$*+-=<>:.0123456789abcdefghijklmnopqrstuvwxyz \t\n";
	uint64_t	state = 0x2545F4914F6CDD1DULL;
	int			crashes_avoided = 0;
	int			bad = 0;

	for (int iter = 0; iter < 3000; iter++)
	{
		const char *seed = seeds[iter % (sizeof(seeds) / sizeof(seeds[0]))];
		char		q[512];
		size_t		len = strlen(seed);
		int			nmut;
		Arena		a;
		MgError		err = MG_ERROR_INIT;
		AstStmtList l;

		memcpy(q, seed, len + 1);
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		nmut = 1 + (int) (state % 4);
		for (int m = 0; m < nmut; m++)
		{
			size_t		pos;
			char		c;

			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			pos = (size_t) (state >> 8) % (len + 1);
			c = bytes[(state >> 40) % (sizeof(bytes) - 1)];
			switch (state % 3)
			{
				case 0:
					if (pos < len)
						q[pos] = c;
					break;
				case 1:
					if (len + 1 < sizeof(q))
					{
						memmove(q + pos + 1, q + pos, len - pos + 1);
						q[pos] = c;
						len++;
					}
					break;
				default:
					if (pos < len)
					{
						memmove(q + pos, q + pos + 1, len - pos);
						len--;
					}
					break;
			}
		}
		arena_init(&a, 0);
		if (sql_ast_parse(&a, q, &l, &err) == 0)
		{
			StrBuf		sb;

			strbuf_init(&sb);
			for (int i = 0; i < l.n; i++)
				ast_print(&sb, l.stmts[i].stmt);
			strbuf_free(&sb);
			crashes_avoided++;
		}
		else if (!mg_error_isset(&err) || strlen(err.sqlstate) != 5)
			bad++;
		mg_error_reset(&err);
		arena_destroy(&a);
	}
	ok(bad == 0, "3,000 mutated statements parse or fail with a SQLSTATE (%d parsed)", crashes_avoided);
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--regen") == 0)
		return run_corpus(true) == 0 ? 0 : 1;
	if (argc > 2 && strcmp(argv[1], "--dump") == 0)
	{
		/* debugging aid: test_parse --dump 'SQL' prints the corpus form */
		StrBuf		sb;

		strbuf_init(&sb);
		for (int i = 2; i < argc; i++)
			describe(&sb, argv[i]);
		fputs(sb.data, stdout);
		strbuf_free(&sb);
		return 0;
	}
	run_corpus(false);
	test_statement_text();
	test_locations();
	test_errors();
	test_notices();
	test_pathological();
	test_threads();
	test_mutations();
	return tap_done();
}
