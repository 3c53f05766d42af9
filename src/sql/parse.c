/*
 * parse.c — the parser boundary: libpg_query's raw parser (the PostgreSQL 15
 * grammar) in, memgres AST (src/sql/ast.h) out.
 *
 * This file and src/sql/transform/ are the only memgres code compiled with
 * PostgreSQL's headers.  sql_ast_parse() enters a libpg_query memory
 * context, runs pg_query_raw_parse(), hands each RawStmt to the transform
 * (which copies everything into the caller's arena), then deletes the
 * context, so no PostgreSQL pointer or allocation survives the call.
 *
 * Errors: libpg_query reports an error message and a cursor position but
 * no SQLSTATE and no hint, so both are recovered from the message,
 * following the errcode()s and errhint()s of PostgreSQL 15's scan.l and
 * gram.y (almost all are 42601).  The cursor libpg_query reports already
 * counts UTF-8 characters, as PostgreSQL's does; node locations, in
 * contrast, are byte offsets and are converted (sql_ast_char_position).
 *
 * Known difference of libpg_query 15-4.0 from the PostgreSQL 15 headers we
 * compile against: its LimitOption enum is ordered DEFAULT, COUNT,
 * WITH_TIES (PostgreSQL 16's order); see PGQ_LIMIT_OPTION_WITH_TIES.
 *
 * Threads: libpg_query keeps its memory contexts and error state in
 * thread-local storage (its TopMemoryContext is per thread and freed at
 * thread exit), so this runs on any worker thread concurrently.  Its
 * check_stack_depth() never fires (libpg_query 15-4.0's stack_is_too_deep()
 * is compiled to "return false"; it is only called from copyObject and the
 * tree walkers anyway), so stack safety rests on two bounds: the grammar
 * cannot nest deeper than bison's stack of 10,000 entries (deeper input is
 * "memory exhausted", 42601, exactly as PostgreSQL answers; bison's stack
 * is heap-allocated), and the transform bounds its own recursion
 * (transform.h, TX_MAX_DEPTH), measured at well under 256 KB of stack at
 * the limit.
 *
 * Notices: libpg_query silently truncates identifiers of 64 bytes or more;
 * the NOTICE PostgreSQL raises for each is recovered by rescanning the
 * query text (scan_truncated_identifiers) and returned in out->notices.
 *
 * Invariants:
 *  1. Every path out of sql_ast_parse() passes pg_query_exit_memory_context().
 *  2. out's statements are only filled on success (on failure err is set and
 *     out->n = 0); its notices are filled either way.
 */
#include "postgres.h"
#include "nodes/parsenodes.h"
#include "nodes/pg_list.h"
#include "pg_query.h"
#include "pg_query_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/arena.h>
#include <memgres/error.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>

#include "ast.h"
#include "transform/transform.h"

#define STACK_DEPTH_HINT \
	"Increase the configuration parameter \"max_stack_depth\" (currently 2048kB), " \
	"after ensuring the platform's stack depth limit is adequate."

void
tx_fail(TxCtx *ctx, const char *sqlstate, int location, const char *fmt,...)
{
	va_list		ap;

	if (tx_failed(ctx))
		return;
	va_start(ap, fmt);
	mg_error_v(ctx->err, MG_SEV_ERROR, sqlstate, fmt, ap);
	va_end(ap);
	if (location >= 0)
		mg_error_position(ctx->err, sql_ast_char_position(ctx->query, location));
}

void
tx_unsupported(TxCtx *ctx, int location, const char *what)
{
	tx_fail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, location, "%s is not supported", what);
}

void
tx_fail_depth(TxCtx *ctx)
{
	if (tx_failed(ctx))
		return;
	mg_error(ctx->err, SQLSTATE_STATEMENT_TOO_COMPLEX, "stack depth limit exceeded");
	mg_error_hint(ctx->err, STACK_DEPTH_HINT);
}

/*
 * The SQLSTATE PostgreSQL attaches to a raw-parser error message
 * (errcode()s of scan.l and gram.y; everything unlisted is a syntax error).
 */
static const char *
raw_error_sqlstate(const char *msg)
{
	if (strcmp(msg, "stack depth limit exceeded") == 0)
		return SQLSTATE_STATEMENT_TOO_COMPLEX;
	if (strcmp(msg, "out of memory") == 0)
		return SQLSTATE_OUT_OF_MEMORY;
	if (strstr(msg, "not yet implemented") != NULL ||
		strstr(msg, "is not implemented") != NULL ||
		strstr(msg, "unsafe use of string constant with Unicode escapes") != NULL ||
		(strstr(msg, "not supported") != NULL && strncmp(msg, "LIMIT #,#", 9) != 0) ||
		strstr(msg, "cannot be marked") != NULL)
		return SQLSTATE_FEATURE_NOT_SUPPORTED;
	if (strncmp(msg, "unsafe use of \\'", 16) == 0)
		return SQLSTATE_NONSTANDARD_USE_OF_ESCAPE_CHARACTER;
	if (strncmp(msg, "frame ", 6) == 0)
		return SQLSTATE_WINDOWING_ERROR;
	if (strncmp(msg, "precision for type float", 24) == 0)
		return SQLSTATE_INVALID_PARAMETER_VALUE;
	return SQLSTATE_SYNTAX_ERROR;
}

#define TRAILING_JUNK "trailing junk after numeric literal at or near \""

/*
 * libpg_query's scanner quotes only the first junk character ("123a");
 * PostgreSQL's quotes the whole token, a number running into an identifier
 * ("123abc").  Rebuilds PostgreSQL's message from the query text at the
 * cursor (a 1-based character position).  Returns a malloc'd message, or
 * NULL to keep libpg_query's.
 */
static char *
trailing_junk_message(const char *query, int cursorpos)
{
	const char *p = query;
	const char *end;
	char	   *msg;

	for (int chars = 1; *p != '\0' && chars < cursorpos; p++)
		if (((unsigned char) p[1] & 0xC0) != 0x80)
			chars++;
	end = p;
	while (*end == '.' || (*end >= '0' && *end <= '9'))
		end++;
	if ((*end == 'e' || *end == 'E') && (end[1] == '+' || end[1] == '-'))
		end += 2;				/* scan.l's realfail: the junk ends at the sign */
	else
		while (*end == '_' || *end == '$' || (*end >= '0' && *end <= '9') ||
			   (*end >= 'a' && *end <= 'z') || (*end >= 'A' && *end <= 'Z') ||
			   (unsigned char) *end >= 0x80)
			end++;
	if (end == p)
		return NULL;
	if (asprintf(&msg, "%s%.*s\"", TRAILING_JUNK, (int) (end - p), p) < 0)
		return NULL;
	return msg;
}

static void
raw_error_to_mg(const char *query, const PgQueryError *pe, MgError *err)
{
	const char *msg = pe->message ? pe->message : "syntax error";

	char	   *fixed = NULL;

	if (strncmp(msg, TRAILING_JUNK, strlen(TRAILING_JUNK)) == 0 && pe->cursorpos > 0)
		fixed = trailing_junk_message(query, pe->cursorpos);
	mg_error(err, raw_error_sqlstate(msg), "%s", fixed ? fixed : msg);
	free(fixed);
	if (strcmp(msg, "stack depth limit exceeded") == 0)
		mg_error_hint(err, STACK_DEPTH_HINT);
	else if (strncmp(msg, "LIMIT #,#", 9) == 0)
		mg_error_hint(err, "Use separate LIMIT and OFFSET clauses.");
	else if (strcmp(msg, "invalid Unicode escape") == 0)
		mg_error_hint(err, "Unicode escapes must be \\XXXX or \\+XXXXXX.");
	else if (strcmp(msg, "subquery in FROM must have an alias") == 0)
		mg_error_hint(err, "For example, FROM (SELECT ...) [AS] foo.");
	else if (strncmp(msg, "unsafe use of \\' in a string literal", 36) == 0)
		mg_error_hint(err, "Use '' to write quotes in strings. \\' is insecure in client-only encodings.");
	if (pe->cursorpos > 0)
		mg_error_position(err, pe->cursorpos);
}

/*
 * Identifier truncation notices.  libpg_query truncates identifiers of 64
 * bytes or more to 63 as PostgreSQL does, but drops the NOTICE its scanner
 * raises, so the query text is scanned again here for such identifiers:
 * a small lexer that knows just enough of scan.l (comments, the string
 * forms, dollar quotes, quoted identifiers, numbers) never to mistake the
 * inside of a literal or comment for an identifier.  Only tokens starting
 * before limit (just past the error position when the parse failed) are
 * considered, as PostgreSQL's scanner stops there.  NAMEDATALEN (64) comes
 * from PostgreSQL's headers.
 */

static bool
ident_start(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
}

static bool
ident_cont(unsigned char c)
{
	return ident_start(c) || (c >= '0' && c <= '9') || c == '$';
}

/* pg_mbcliplen for UTF-8: at most limit bytes, never splitting a character. */
static size_t
clip_utf8(const char *s, size_t len, size_t limit)
{
	size_t		n = len < limit ? len : limit;

	while (n > 0 && n < len && ((unsigned char) s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

static void
add_truncation_notice(Arena *a, AstStmtList *out, int *cap, const char *ident, size_t len)
{
	size_t		clipped = clip_utf8(ident, len, NAMEDATALEN - 1);

	if (out->nnotices == *cap)
	{
		int			newcap = *cap ? *cap * 2 : 4;

		out->notices = arena_realloc(a, (void *) out->notices, sizeof(char *) * (size_t) *cap,
									 sizeof(char *) * (size_t) newcap);
		*cap = newcap;
	}
	out->notices[out->nnotices++] =
		arena_sprintf(a, "identifier \"%.*s\" will be truncated to \"%.*s\"",
					  (int) len, ident, (int) clipped, ident);
}

static void
scan_truncated_identifiers(Arena *a, const char *q, size_t limit, AstStmtList *out)
{
	size_t		i = 0;
	int			cap = 0;

	while (i < limit)
	{
		unsigned char c = (unsigned char) q[i];

		if (c == '-' && q[i + 1] == '-')
		{
			while (q[i] != '\0' && q[i] != '\n' && q[i] != '\r')
				i++;
		}
		else if (c == '/' && q[i + 1] == '*')
		{
			int			depth = 1;

			for (i += 2; q[i] != '\0' && depth > 0; i++)
			{
				if (q[i] == '/' && q[i + 1] == '*')
					depth++, i++;
				else if (q[i] == '*' && q[i + 1] == '/')
					depth--, i++;
			}
		}
		else if (c == '\'')
		{
			/* a standard string (standard_conforming_strings is on) */
			for (i++; q[i] != '\0'; i++)
				if (q[i] == '\'')
				{
					if (q[i + 1] == '\'')
						i++;
					else
						break;
				}
			i++;
		}
		else if (c == '"')
		{
			StrBuf		id;

			strbuf_init_arena(&id, a);
			for (i++; q[i] != '\0'; i++)
			{
				if (q[i] == '"')
				{
					if (q[i + 1] != '"')
						break;
					i++;
				}
				strbuf_putc(&id, q[i]);
			}
			i++;
			if (id.len >= NAMEDATALEN)
				add_truncation_notice(a, out, &cap, id.data, id.len);
		}
		else if (c == '$' && (q[i + 1] == '$' || ident_start((unsigned char) q[i + 1])))
		{
			/* a dollar quote $tag$ ... $tag$ (tags have no '$' and no digits first) */
			size_t		t = i + 1;
			size_t		taglen;
			const char *end;

			while (q[t] != '\0' && q[t] != '$' && ident_cont((unsigned char) q[t]))
				t++;
			if (q[t] != '$')
			{
				i = t;
				continue;
			}
			taglen = t + 1 - i;
			end = strstr(q + t + 1, arena_strndup(a, q + i, taglen));
			i = end ? (size_t) (end - q) + taglen : strlen(q);
		}
		else if (c >= '0' && c <= '9')
		{
			while (q[i] != '\0' && (ident_cont((unsigned char) q[i]) || q[i] == '.'))
				i++;
		}
		else if (ident_start(c))
		{
			size_t		start = i;

			while (q[i] != '\0' && ident_cont((unsigned char) q[i]))
				i++;
			if (q[i] == '\'' && i - start == 1 && strchr("eEbBxXnN", q[start]) != NULL)
			{
				/* E'...' (backslash escapes) and B'', X'', N'' strings */
				bool		escapes = q[start] == 'e' || q[start] == 'E';

				for (i++; q[i] != '\0'; i++)
				{
					if (escapes && q[i] == '\\')
						i++;
					else if (q[i] == '\'')
					{
						if (q[i + 1] != '\'')
							break;
						i++;
					}
				}
				i++;
			}
			else if (q[i] == '&' && i - start == 1 && (q[start] == 'u' || q[start] == 'U') &&
					 (q[i + 1] == '\'' || q[i + 1] == '"'))
			{
				/* U&'...' and U&"...": skipped (escapes change the length) */
				char		quote = q[i + 1];

				for (i += 2; q[i] != '\0'; i++)
					if (q[i] == quote)
					{
						if (q[i + 1] != quote)
							break;
						i++;
					}
				i++;
			}
			else if (i - start >= NAMEDATALEN)
			{
				char	   *id = arena_strndup(a, q + start, i - start);

				for (char *p = id; *p; p++)
					if (*p >= 'A' && *p <= 'Z')
						*p = (char) (*p - 'A' + 'a');
				add_truncation_notice(a, out, &cap, id, i - start);
			}
		}
		else
			i++;
	}
}

/* Byte offset of a 1-based character position. */
static size_t
char_position_offset(const char *q, int position)
{
	size_t		i = 0;

	for (int chars = 1; q[i] != '\0' && chars < position; i++)
		if (((unsigned char) q[i + 1] & 0xC0) != 0x80)
			chars++;
	return i;
}

int
sql_ast_parse(Arena *a, const char *query, AstStmtList *out, MgError *err)
{
	MemoryContext mctx;
	PgQueryInternalParsetreeAndError r;
	TxCtx		ctx = {.a = a, .err = err, .query = query, .depth = 0};
	size_t		qlen = strlen(query);
	int			rc = -1;
	int			n;
	ListCell   *lc;

	out->n = 0;
	out->stmts = NULL;
	out->nnotices = 0;
	out->notices = NULL;

	mctx = pg_query_enter_memory_context();
	r = pg_query_raw_parse(query);
	if (r.error != NULL)
	{
		raw_error_to_mg(query, r.error, err);
		pg_query_free_error(r.error);
		goto done;
	}

	n = list_length(r.tree);
	out->stmts = arena_new_array(a, AstRawStmt, n > 0 ? n : 1);
	foreach(lc, r.tree)
	{
		RawStmt    *rs = lfirst_node(RawStmt, lc);
		AstRawStmt *as = &out->stmts[out->n];
		int			loc = rs->stmt_location >= 0 ? rs->stmt_location : 0;
		int			len = rs->stmt_len > 0 ? rs->stmt_len : (int) (qlen - (size_t) loc);

		as->stmt = tx_statement(&ctx, rs->stmt);
		if (tx_failed(&ctx))
			goto done;
		as->stmt_location = loc;
		as->stmt_len = len;
		as->text = arena_strndup(a, query + loc, (size_t) len);
		out->n++;
	}
	rc = 0;

done:
	if (r.stderr_buffer != NULL)
		free(r.stderr_buffer);
	pg_query_exit_memory_context(mctx);
	if (rc != 0)
	{
		out->n = 0;
		out->stmts = NULL;
	}
	/* cheap test first: only a quoted identifier or a 64-byte run can need a notice */
	if (qlen >= NAMEDATALEN)
	{
		bool		maybe = strchr(query, '"') != NULL;
		size_t		run = 0;

		for (size_t i = 0; i < qlen && !maybe; i++)
		{
			run = ident_cont((unsigned char) query[i]) ? run + 1 : 0;
			maybe = run >= NAMEDATALEN;
		}
		if (maybe)
		{
			size_t		limit = qlen;

			if (rc != 0 && err->position > 0)
				limit = char_position_offset(query, err->position) + 1;
			scan_truncated_identifiers(a, query, limit < qlen ? limit : qlen, out);
		}
	}
	return rc;
}
