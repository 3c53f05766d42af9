/*
 * copyfmt.h — COPY's text and CSV data formats: option processing, row
 * formatting (COPY TO) and incremental row parsing (COPY FROM), with
 * PostgreSQL 15's exact rules and messages (commands/copy.c,
 * copyfromparse.c, copyto.c).
 *
 * Pure data handling: no catalog, no types.  Values are text: the engine
 * converts each column string with the column type's input function (COPY
 * FROM) or produces it with the output function (COPY TO).  For the BINARY
 * format only the framing is here (file header, tuples of length-prefixed
 * fields, trailer); values are the types' binary send/receive forms.
 *
 * Typical use, COPY FROM STDIN:
 *   copyfmt_options(arena, stmt->options, true, query, &opts, err);
 *   copyfmt_resolve_columns(&opts, relname, tablecols, n, copycols, m, err);
 *   p = copyfmt_parser_new(&opts, m, copycols, relname);
 *   for each CopyData: copyfmt_parser_feed(p, buf, len, row_fn, arg, err);
 *   at CopyDone:      copyfmt_parser_finish(p, row_fn, arg, err);
 *   copyfmt_parser_free(p);
 * and COPY TO STDOUT: copyfmt_format_header() once if opts.header, then
 * copyfmt_format_row() per row into the output buffer.
 *
 * Errors: functions return 0 or -1 with err set (SQLSTATE and wording as
 * PostgreSQL's).  Parser errors carry PostgreSQL's CONTEXT line
 * ("COPY t, line 3: \"...\"" or "COPY t, line 3").  Errors returned by the
 * row callback are passed through unchanged (the callback adds its own
 * context, e.g. "COPY t, line 3, column a: \"x\""; see
 * copyfmt_context_column()).
 *
 * Memory: CopyFmtOptions points into the arena given to copyfmt_options();
 * a CopyParser is malloc'd and owns its buffers (copyfmt_parser_free).
 * Threads: every object belongs to the thread using it.
 */
#ifndef MEMGRES_SQL_COPYFMT_H
#define MEMGRES_SQL_COPYFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <memgres/arena.h>
#include <memgres/error.h>
#include <memgres/strbuf.h>

#include "ast.h"

typedef enum CopyFmtFormat
{
	COPYFMT_TEXT,
	COPYFMT_CSV,
	COPYFMT_BINARY
} CopyFmtFormat;

typedef enum CopyFmtHeader
{
	COPYFMT_HEADER_FALSE,
	COPYFMT_HEADER_TRUE,		/* COPY TO: write the column names; FROM: skip line 1 */
	COPYFMT_HEADER_MATCH		/* COPY FROM only: line 1 must name the columns */
} CopyFmtHeader;

typedef struct CopyFmtOptions
{
	CopyFmtFormat format;
	bool		is_from;
	bool		freeze;
	CopyFmtHeader header;
	char		delim;			/* default tab (text), ',' (CSV) */
	const char *null_print;		/* default "\N" (text), "" (CSV) */
	size_t		null_print_len;
	char		quote;			/* CSV only; default '"' */
	char		escape;			/* CSV only; default = quote */
	const char *encoding;		/* ENCODING option as given, or NULL */

	/* FORCE_* column lists as written (AstString names), before resolution */
	AstList    *force_quote_names;
	bool		force_quote_all;	/* FORCE_QUOTE * */
	AstList    *force_notnull_names;
	AstList    *force_null_names;
	int			force_quote_location;	/* for error positions */

	/*
	 * After copyfmt_resolve_columns(): one flag per column of the COPY's
	 * column list (NULL when the option was not given).
	 */
	int			ncols;
	bool	   *force_quote;
	bool	   *force_notnull;
	bool	   *force_null;
} CopyFmtOptions;

/*
 * Validates a COPY statement's options (AstDefElem list) the way
 * PostgreSQL's ProcessCopyOptions does and fills *out with defaults
 * applied.  query (may be NULL) is the statement text, for error
 * positions.  Allocates in a.
 */
int			copyfmt_options(Arena *a, const AstList *options, bool is_from, const char *query,
							CopyFmtOptions *out, MgError *err);

/*
 * Resolves the FORCE_* column lists against the table's columns
 * (42703 "column "x" of relation "t" does not exist") and the COPY's column
 * list (42P10 "FORCE_QUOTE column "x" not referenced by COPY"), filling the
 * per-column flags.  copy_cols are the COPY's columns in order.
 */
int			copyfmt_resolve_columns(Arena *a, CopyFmtOptions *o, const char *relname,
									const char *const *table_cols, int ntable_cols,
									const char *const *copy_cols, int ncopy_cols, MgError *err);

/*
 * The first check of PostgreSQL's DoCopy: COPY to or from a server file or
 * program.  A role without the privilege gets PostgreSQL's 42501 ("must be
 * superuser or have privileges of the pg_read_server_files role to COPY
 * from a file" ...); a superuser gets 0A000, because memgres never touches
 * server-side files or programs (a deliberate difference).  Returns 0 for
 * STDIN/STDOUT.
 */
int			copyfmt_check_target(const AstCopyStmt *st, bool superuser, MgError *err);

/* ---- COPY TO ---------------------------------------------------------- */

/*
 * Appends one data line (with its newline) to out.  values[i] NULL is SQL
 * NULL.  Text: PostgreSQL's backslash escapes; CSV: quoting when needed or
 * forced (o->force_quote may be NULL).
 */
void		copyfmt_format_row(const CopyFmtOptions *o, StrBuf *out, int ncols,
							   const char *const *values);
/* Appends the header line (column names) as PostgreSQL writes it. */
void		copyfmt_format_header(const CopyFmtOptions *o, StrBuf *out, int ncols,
								  const char *const *names);

/* ---- COPY FROM -------------------------------------------------------- */

/*
 * Called once per data row.  fields has exactly ncols entries, each a
 * NUL-terminated string or NULL for SQL NULL; they are valid only during
 * the call.  lineno is the 1-based line number PostgreSQL reports.
 * Returns 0, or -1 with err set to stop the COPY.
 */
typedef int (*CopyFmtRowFn) (void *arg, int64_t lineno, char **fields, MgError *err);

typedef struct CopyFmtParser CopyFmtParser;

/*
 * A parser for one COPY FROM.  colnames (ncols entries, copied) name the
 * COPY's columns for "missing data for column" messages; relname names the
 * table in CONTEXT lines.  o must outlive the parser.
 */
CopyFmtParser *copyfmt_parser_new(const CopyFmtOptions *o, int ncols, const char *const *colnames,
								  const char *relname);
void		copyfmt_parser_free(CopyFmtParser *p);

/*
 * Feeds one chunk of CopyData (lines may be split anywhere across chunks);
 * calls fn for every complete row.  After the end-of-data marker ("\.")
 * further data is ignored.  Returns 0 or -1 (err set; the COPY has failed).
 */
int			copyfmt_parser_feed(CopyFmtParser *p, const char *buf, size_t len,
								CopyFmtRowFn fn, void *arg, MgError *err);
/* At CopyDone: parses a last line that has no newline.  Returns 0 or -1. */
int			copyfmt_parser_finish(CopyFmtParser *p, CopyFmtRowFn fn, void *arg, MgError *err);
/* The line number being processed (for the engine's own error contexts). */
int64_t		copyfmt_parser_lineno(const CopyFmtParser *p);

/* ---- BINARY format ------------------------------------------------------ */

/* COPY TO: the 19-byte file header, one tuple, the trailer. */
void		copyfmt_binary_header(StrBuf *out);
/* values[i] NULL is SQL NULL; otherwise lengths[i] bytes of the send form. */
void		copyfmt_binary_row(StrBuf *out, int ncols, const char *const *values,
							   const int32_t *lengths);
void		copyfmt_binary_trailer(StrBuf *out);

/*
 * COPY FROM in binary: the parser (same calls as for text) checks the
 * header and delivers each tuple to the row callback; fields are the raw
 * bytes (NUL-terminated for convenience, but may contain NULs) and this
 * gives their lengths (-1 for NULL), valid during the callback.
 */
const int32_t *copyfmt_parser_field_lengths(const CopyFmtParser *p);
/*
 * BINARY only, during the row callback: how many leading fields of the
 * tuple are present; ncols for a whole tuple.  When a tuple's framing
 * breaks at field k (an invalid field size, or the data ends inside it)
 * the parser first calls the callback with the k fields before it (the
 * others NULL) and this returns k: the callback converts those fields and
 * must not store the row, so that their conversion errors come first, as
 * in PostgreSQL.  If it returns 0 the parser then reports the framing
 * error.
 */
int			copyfmt_parser_binary_fields(const CopyFmtParser *p);

/*
 * Sets err's context to PostgreSQL's form for an error converting one
 * column: "COPY t, line 3, column a: \"value\"" (value NULL:
 * "COPY t, line 3, column a: null input"), truncating long values as
 * PostgreSQL does.
 */
void		copyfmt_context_column(MgError *err, const char *relname, int64_t lineno,
								   const char *colname, const char *value);
/* The binary format's form, which never shows the value: "COPY t, line 3, column a". */
void		copyfmt_context_column_binary(MgError *err, const char *relname, int64_t lineno,
										  const char *colname);

#endif
