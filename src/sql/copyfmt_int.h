/*
 * copyfmt_int.h — internal to the COPY format code (copyfmt.c for text and
 * CSV, copyfmt_binary.c for the binary format): the parser's state.
 *
 * Not a contract for anyone else; see copyfmt.h.  Threads: as copyfmt.h.
 */
#ifndef MEMGRES_SQL_COPYFMT_INT_H
#define MEMGRES_SQL_COPYFMT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <memgres/error.h>
#include <memgres/strbuf.h>

#include "copyfmt.h"

typedef enum EolType
{
	EOL_UNKNOWN,
	EOL_NL,
	EOL_CR,
	EOL_CRNL
} EolType;

struct CopyFmtParser
{
	const CopyFmtOptions *o;
	int			ncols;
	char	  **colnames;
	char	   *relname;

	char	   *buf;			/* pending input */
	size_t		len;
	size_t		cap;
	size_t		start;			/* first byte of the current line */
	size_t		scan;			/* next byte to scan */
	bool		in_quote;		/* CSV: inside quotes at scan */
	bool		last_was_esc;	/* CSV: previous byte was an escape inside quotes */
	EolType		eol;
	int64_t		lineno;			/* lines started so far (PostgreSQL's cur_lineno) */
	bool		line_open;		/* lineno already counts the line at start */
	bool		header_pending;
	bool		done;			/* end marker seen or failed */

	StrBuf		attr;			/* de-escaped fields, NUL-separated */
	char	  **fields;			/* ncols + 1 pointers into attr */
	size_t	   *offsets;
	int			maxfields;

	/* binary format */
	bool		bin_header_done;
	bool		bin_trailer_seen;	/* the -1 field count arrived */
	int32_t    *lengths;		/* per field, -1 for NULL (binary only) */
	int			bin_fields;		/* fields present in the delivered tuple */
};

/*
 * Fails the COPY with an error about the current line: CONTEXT "COPY t,
 * line N: \"text\"" when line is given, else "COPY t, line N".  Marks the
 * parser done; returns -1.
 */
int			copyfmt_fail(CopyFmtParser *p, MgError *err, const char *line, size_t linelen,
						 const char *sqlstate, const char *hint, const char *fmt,...)
			__attribute__((format(printf, 7, 8)));

/* copyfmt_binary.c: consumes whole tuples from p->buf[p->start..p->len). */
int			copyfmt_binary_scan(CopyFmtParser *p, bool final, CopyFmtRowFn fn, void *arg, MgError *err);

#endif
