/*
 * copyfmt.c — COPY text/CSV option processing, row formatting and
 * incremental row parsing (contract in copyfmt.h).
 *
 * Design: the parser keeps one pending-input buffer.  Each feed appends
 * the chunk and scans forward from where the last scan stopped, keeping
 * the scan state (inside a CSV quote, after a CSV escape) across chunks,
 * so every input byte is scanned once however the data is split.  Every
 * complete line found is split into fields and handed to the callback;
 * consumed bytes are dropped from the buffer once per feed.  A '\r' or a
 * backslash at the very end of a chunk waits for the next byte, which
 * decides what it means.
 *
 * Line splitting follows PostgreSQL 15's CopyReadLineText: the first line
 * end fixes the newline style (\n, \r or \r\n) and a different one later
 * is an error; in text mode a backslash protects the next byte, and "\."
 * ends the data wherever it appears; in CSV mode newlines inside quotes
 * are data and "\." ends the data only alone at the start of a line.
 * Field splitting follows CopyReadAttributesText/CSV: NULL is recognised
 * on the raw (still escaped, unquoted) field text.
 *
 * Invariants:
 *  1. buf[start..scan) has been scanned and holds no complete line;
 *     scan <= len.  in_quote/last_was_esc describe the state at scan.
 *  2. Once done is set (end marker seen or an error), nothing more is
 *     delivered.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/mem.h>
#include <memgres/sqlstate.h>

#include "copyfmt.h"
#include "copyfmt_int.h"

#define MAX_COPY_DATA_DISPLAY 100

/* ---- option processing ------------------------------------------------- */

static void
opt_error(MgError *err, const char *query, int location, const char *sqlstate,
		  const char *fmt, const char *arg)
{
	mg_error(err, sqlstate, fmt, arg);
	if (query != NULL && location >= 0)
		mg_error_position(err, sql_ast_char_position(query, location));
}

/* PostgreSQL's defGetString: the option's argument as text. */
static const char *
def_string(Arena *a, const AstDefElem *d, const char *query, MgError *err)
{
	const AstNode *arg = d->arg;

	if (arg == NULL)
	{
		opt_error(err, query, d->hdr.location, SQLSTATE_SYNTAX_ERROR, "%s requires a parameter",
				  d->defname);
		return NULL;
	}
	switch (arg->tag)
	{
		case AST_CONST:
			{
				const AstConst *c = (const AstConst *) arg;

				switch (c->kind)
				{
					case AST_CONST_INTEGER:
						return arena_sprintf(a, "%d", (int) c->ival);
					case AST_CONST_BOOL:
						return c->bval ? "true" : "false";
					case AST_CONST_NULL:
						break;
					default:
						return c->sval;
				}
				break;
			}
		case AST_STAR:
			return "*";
		case AST_STRING:
			return ast_strval(arg);
		default:
			break;
	}
	opt_error(err, query, d->hdr.location, SQLSTATE_SYNTAX_ERROR, "%s requires a parameter",
			  d->defname);
	return NULL;
}

/* true/false/on/off (any case), 1/0, a bool constant, or no argument. */
static int
parse_bool_arg(const AstDefElem *d, bool *out)
{
	const AstConst *c = (const AstConst *) d->arg;

	if (d->arg == NULL)
	{
		*out = true;
		return 0;
	}
	if (d->arg->tag != AST_CONST)
		return -1;
	switch (c->kind)
	{
		case AST_CONST_INTEGER:
			if (c->ival != 0 && c->ival != 1)
				return -1;
			*out = c->ival == 1;
			return 0;
		case AST_CONST_BOOL:
			*out = c->bval;
			return 0;
		case AST_CONST_STRING:
		case AST_CONST_FLOAT:
			if (strcasecmp(c->sval, "true") == 0 || strcasecmp(c->sval, "on") == 0)
				*out = true;
			else if (strcasecmp(c->sval, "false") == 0 || strcasecmp(c->sval, "off") == 0)
				*out = false;
			else
				return -1;
			return 0;
		default:
			return -1;
	}
}

/* Encoding names PostgreSQL knows (pg_char_to_encoding), normalised: lower case, alphanumerics only. */
static const char *const pg_encoding_names[] = {
	"abc", "alt", "big5", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255",
	"cp1256", "cp1257", "cp1258", "cp866", "cp874", "cp932", "cp936", "cp949", "cp950",
	"eucchn", "eucjis2004", "eucjp", "euckr", "euctw", "gb18030", "gbk", "iso88591",
	"iso885910", "iso885913", "iso885914", "iso885915", "iso885916", "iso88592",
	"iso88593", "iso88594", "iso88595", "iso88596", "iso88597", "iso88598", "iso88599",
	"johab", "koi8", "koi8r", "koi8u", "latin1", "latin10", "latin2", "latin3", "latin4",
	"latin5", "latin6", "latin7", "latin8", "latin9", "mskanji", "muleinternal",
	"shiftjis", "shiftjis2004", "sjis", "sqlascii", "tcvn", "tcvn5712", "uhc", "unicode",
	"utf8", "vscii", "win", "win1250", "win1251", "win1252", "win1253", "win1254",
	"win1255", "win1256", "win1257", "win1258", "win866", "win874", "win932", "win936",
	"win949", "win950", "windows1250", "windows1251", "windows1252", "windows1253",
	"windows1254", "windows1255", "windows1256", "windows1257", "windows1258",
	"windows866", "windows874", "windows932", "windows936", "windows949", "windows950",
	NULL
};

static const char *
normalise_encoding(const char *name, char *buf, size_t size)
{
	size_t		n = 0;

	for (; *name && n + 1 < size; name++)
		if (isalnum((unsigned char) *name))
			buf[n++] = (char) tolower((unsigned char) *name);
	buf[n] = '\0';
	return buf;
}

int
copyfmt_options(Arena *a, const AstList *options, bool is_from, const char *query,
				CopyFmtOptions *out, MgError *err)
{
	bool		format_specified = false;
	bool		freeze_specified = false;
	bool		header_specified = false;
	const char *delim = NULL;
	const char *null_print = NULL;
	const char *quote = NULL;
	const char *escape = NULL;
	bool		force_quote_given = false;
	bool		force_notnull_given = false;
	bool		force_null_given = false;

	memset(out, 0, sizeof(*out));
	out->is_from = is_from;
	out->force_quote_location = -1;

	for (int i = 0; i < ast_list_length(options); i++)
	{
		const AstDefElem *d = (const AstDefElem *) ast_list_nth(options, i);
		const char *name = d->defname;
		int			loc = d->hdr.location;

#define CONFLICT(flag) \
		do { \
			if (flag) \
			{ \
				opt_error(err, query, loc, SQLSTATE_SYNTAX_ERROR, "%s", "conflicting or redundant options"); \
				return -1; \
			} \
			flag = true; \
		} while (0)

		if (strcmp(name, "format") == 0)
		{
			const char *fmt;

			CONFLICT(format_specified);
			if ((fmt = def_string(a, d, query, err)) == NULL)
				return -1;
			if (strcmp(fmt, "text") == 0)
				out->format = COPYFMT_TEXT;
			else if (strcmp(fmt, "csv") == 0)
				out->format = COPYFMT_CSV;
			else if (strcmp(fmt, "binary") == 0)
				out->format = COPYFMT_BINARY;
			else
			{
				opt_error(err, query, loc, SQLSTATE_INVALID_PARAMETER_VALUE,
						  "COPY format \"%s\" not recognized", fmt);
				return -1;
			}
		}
		else if (strcmp(name, "freeze") == 0)
		{
			CONFLICT(freeze_specified);
			if (parse_bool_arg(d, &out->freeze) != 0)
			{
				opt_error(err, query, loc, SQLSTATE_SYNTAX_ERROR, "%s requires a Boolean value", name);
				return -1;
			}
		}
		else if (strcmp(name, "delimiter") == 0 || strcmp(name, "null") == 0 ||
				 strcmp(name, "quote") == 0 || strcmp(name, "escape") == 0 ||
				 strcmp(name, "encoding") == 0)
		{
			const char **slot = strcmp(name, "delimiter") == 0 ? &delim :
				strcmp(name, "null") == 0 ? &null_print :
				strcmp(name, "quote") == 0 ? &quote :
				strcmp(name, "escape") == 0 ? &escape : &out->encoding;
			const char *v;

			if (*slot != NULL)
			{
				opt_error(err, query, loc, SQLSTATE_SYNTAX_ERROR, "%s", "conflicting or redundant options");
				return -1;
			}
			if ((v = def_string(a, d, query, err)) == NULL)
				return -1;
			*slot = v;
			if (slot == &out->encoding)
			{
				char		norm[64];
				bool		known = false;

				normalise_encoding(v, norm, sizeof(norm));
				for (int k = 0; pg_encoding_names[k]; k++)
					if (strcmp(norm, pg_encoding_names[k]) == 0)
						known = true;
				if (!known)
				{
					opt_error(err, query, loc, SQLSTATE_INVALID_PARAMETER_VALUE,
							  "argument to option \"%s\" must be a valid encoding name", name);
					return -1;
				}
				if (strcmp(norm, "utf8") != 0 && strcmp(norm, "unicode") != 0 &&
					strcmp(norm, "sqlascii") != 0)
				{
					opt_error(err, query, loc, SQLSTATE_FEATURE_NOT_SUPPORTED,
							  "COPY with encoding \"%s\" is not supported", v);
					return -1;
				}
			}
		}
		else if (strcmp(name, "header") == 0)
		{
			bool		b;

			CONFLICT(header_specified);
			if (parse_bool_arg(d, &b) == 0)
				out->header = b ? COPYFMT_HEADER_TRUE : COPYFMT_HEADER_FALSE;
			else if (d->arg != NULL && d->arg->tag == AST_CONST &&
					 ((const AstConst *) d->arg)->kind == AST_CONST_STRING &&
					 strcasecmp(((const AstConst *) d->arg)->sval, "match") == 0)
			{
				if (!is_from)
				{
					opt_error(err, query, -1, SQLSTATE_FEATURE_NOT_SUPPORTED,
							  "cannot use \"%s\" with HEADER in COPY TO",
							  ((const AstConst *) d->arg)->sval);
					return -1;
				}
				out->header = COPYFMT_HEADER_MATCH;
			}
			else
			{
				opt_error(err, query, -1, SQLSTATE_SYNTAX_ERROR,
						  "%s requires a Boolean value or \"match\"", name);
				return -1;
			}
		}
		else if (strcmp(name, "force_quote") == 0 || strcmp(name, "force_not_null") == 0 ||
				 strcmp(name, "force_null") == 0)
		{
			bool	   *given = name[6] == 'q' ? &force_quote_given :
				strcmp(name, "force_not_null") == 0 ? &force_notnull_given : &force_null_given;

			CONFLICT(*given);
			if (name[6] == 'q' && d->arg != NULL && d->arg->tag == AST_STAR)
				out->force_quote_all = true;
			else if (d->arg != NULL && d->arg->tag == AST_LIST)
			{
				AstList    *l = (AstList *) d->arg;

				if (name[6] == 'q')
				{
					out->force_quote_names = l;
					out->force_quote_location = loc;
				}
				else if (strcmp(name, "force_not_null") == 0)
					out->force_notnull_names = l;
				else
					out->force_null_names = l;
			}
			else
			{
				opt_error(err, query, loc, SQLSTATE_INVALID_PARAMETER_VALUE,
						  "argument to option \"%s\" must be a list of column names", name);
				return -1;
			}
		}
		else
		{
			opt_error(err, query, loc, SQLSTATE_SYNTAX_ERROR, "option \"%s\" not recognized", name);
			return -1;
		}
#undef CONFLICT
	}

	/* the checks of ProcessCopyOptions, in its order */
	if (out->format == COPYFMT_BINARY && delim != NULL)
	{
		mg_error(err, SQLSTATE_SYNTAX_ERROR, "cannot specify DELIMITER in BINARY mode");
		return -1;
	}
	if (out->format == COPYFMT_BINARY && null_print != NULL)
	{
		mg_error(err, SQLSTATE_SYNTAX_ERROR, "cannot specify NULL in BINARY mode");
		return -1;
	}
	if (delim == NULL)
		delim = out->format == COPYFMT_CSV ? "," : "\t";
	if (null_print == NULL)
		null_print = out->format == COPYFMT_CSV ? "" : "\\N";
	if (out->format == COPYFMT_CSV)
	{
		if (quote == NULL)
			quote = "\"";
		if (escape == NULL)
			escape = quote;
	}
	if (out->format == COPYFMT_BINARY && out->header != COPYFMT_HEADER_FALSE)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "cannot specify HEADER in BINARY mode");
		return -1;
	}
	if (strlen(delim) != 1)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY delimiter must be a single one-byte character");
		return -1;
	}
	if (delim[0] == '\n' || delim[0] == '\r')
	{
		mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE, "COPY delimiter cannot be newline or carriage return");
		return -1;
	}
	if (strchr(null_print, '\r') != NULL || strchr(null_print, '\n') != NULL)
	{
		mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "COPY null representation cannot use newline or carriage return");
		return -1;
	}
	if (out->format != COPYFMT_CSV && strchr("\\.abcdefghijklmnopqrstuvwxyz0123456789", delim[0]) != NULL)
	{
		mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE, "COPY delimiter cannot be \"%s\"", delim);
		return -1;
	}
	if (out->format != COPYFMT_CSV && quote != NULL)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY quote available only in CSV mode");
		return -1;
	}
	if (out->format == COPYFMT_CSV && strlen(quote) != 1)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY quote must be a single one-byte character");
		return -1;
	}
	if (out->format == COPYFMT_CSV && delim[0] == quote[0])
	{
		mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE, "COPY delimiter and quote must be different");
		return -1;
	}
	if (out->format != COPYFMT_CSV && escape != NULL)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY escape available only in CSV mode");
		return -1;
	}
	if (out->format == COPYFMT_CSV && strlen(escape) != 1)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY escape must be a single one-byte character");
		return -1;
	}
	if (out->format != COPYFMT_CSV && force_quote_given)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY force quote available only in CSV mode");
		return -1;
	}
	if (force_quote_given && is_from)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY force quote only available using COPY TO");
		return -1;
	}
	if (out->format != COPYFMT_CSV && force_notnull_given)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY force not null available only in CSV mode");
		return -1;
	}
	if (force_notnull_given && !is_from)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY force not null only available using COPY FROM");
		return -1;
	}
	if (out->format != COPYFMT_CSV && force_null_given)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY force null available only in CSV mode");
		return -1;
	}
	if (force_null_given && !is_from)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY force null only available using COPY FROM");
		return -1;
	}
	if (strchr(null_print, delim[0]) != NULL)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY delimiter must not appear in the NULL specification");
		return -1;
	}
	if (out->format == COPYFMT_CSV && strchr(null_print, quote[0]) != NULL)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "CSV quote character must not appear in the NULL specification");
		return -1;
	}

	out->delim = delim[0];
	out->null_print = arena_strdup(a, null_print);
	out->null_print_len = strlen(null_print);
	out->quote = quote ? quote[0] : '"';
	out->escape = escape ? escape[0] : out->quote;
	return 0;
}

/* One FORCE_* list to per-column flags. */
static bool *
resolve_list(Arena *a, const AstList *names, const char *option, const char *relname,
			 const char *const *table_cols, int ntable_cols,
			 const char *const *copy_cols, int ncopy_cols, MgError *err)
{
	bool	   *flags = arena_new_array(a, bool, ncopy_cols > 0 ? ncopy_cols : 1);

	for (int i = 0; i < ast_list_length(names); i++)
	{
		const char *name = ast_strval(ast_list_nth(names, i));
		bool		in_table = false;
		bool		in_copy = false;

		for (int k = 0; k < ntable_cols; k++)
			if (strcmp(table_cols[k], name) == 0)
				in_table = true;
		if (!in_table)
		{
			mg_error(err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
					 name, relname);
			return NULL;
		}
		for (int k = 0; k < ncopy_cols; k++)
			if (strcmp(copy_cols[k], name) == 0)
			{
				flags[k] = true;
				in_copy = true;
			}
		if (!in_copy)
		{
			mg_error(err, SQLSTATE_INVALID_COLUMN_REFERENCE, "%s column \"%s\" not referenced by COPY",
					 option, name);
			return NULL;
		}
	}
	return flags;
}

int
copyfmt_resolve_columns(Arena *a, CopyFmtOptions *o, const char *relname,
						const char *const *table_cols, int ntable_cols,
						const char *const *copy_cols, int ncopy_cols, MgError *err)
{
	o->ncols = ncopy_cols;
	if (o->force_quote_all)
	{
		o->force_quote = arena_new_array(a, bool, ncopy_cols > 0 ? ncopy_cols : 1);
		for (int i = 0; i < ncopy_cols; i++)
			o->force_quote[i] = true;
	}
	else if (o->force_quote_names != NULL &&
			 (o->force_quote = resolve_list(a, o->force_quote_names, "FORCE_QUOTE", relname, table_cols,
											ntable_cols, copy_cols, ncopy_cols, err)) == NULL)
		return -1;
	if (o->force_notnull_names != NULL &&
		(o->force_notnull = resolve_list(a, o->force_notnull_names, "FORCE_NOT_NULL", relname,
										 table_cols, ntable_cols, copy_cols, ncopy_cols, err)) == NULL)
		return -1;
	if (o->force_null_names != NULL &&
		(o->force_null = resolve_list(a, o->force_null_names, "FORCE_NULL", relname,
									  table_cols, ntable_cols, copy_cols, ncopy_cols, err)) == NULL)
		return -1;
	return 0;
}

#define COPY_FILE_HINT "Anyone can COPY to stdout or from stdin. psql's \\copy command also works for anyone."

int
copyfmt_check_target(const AstCopyStmt *st, bool superuser, MgError *err)
{
	if (st->filename == NULL)
		return 0;
	if (!superuser)
	{
		if (st->is_program)
			mg_error(err, SQLSTATE_INSUFFICIENT_PRIVILEGE,
					 "must be superuser or have privileges of the pg_execute_server_program role "
					 "to COPY to or from an external program");
		else if (st->is_from)
			mg_error(err, SQLSTATE_INSUFFICIENT_PRIVILEGE,
					 "must be superuser or have privileges of the pg_read_server_files role "
					 "to COPY from a file");
		else
			mg_error(err, SQLSTATE_INSUFFICIENT_PRIVILEGE,
					 "must be superuser or have privileges of the pg_write_server_files role "
					 "to COPY to a file");
	}
	else if (st->is_program)
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "COPY to or from an external program is not supported");
	else
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY %s a file is not supported",
				 st->is_from ? "from" : "to");
	mg_error_hint(err, COPY_FILE_HINT);
	return -1;
}

/* ---- COPY TO ----------------------------------------------------------- */

/* CopyAttributeOutText */
static void
out_text(const CopyFmtOptions *o, StrBuf *out, const char *s)
{
	const char *start = s;

	for (; *s; s++)
	{
		unsigned char c = (unsigned char) *s;
		char		esc = 0;

		if (c < 0x20)
		{
			switch (c)
			{
				case '\b':
					esc = 'b';
					break;
				case '\f':
					esc = 'f';
					break;
				case '\n':
					esc = 'n';
					break;
				case '\r':
					esc = 'r';
					break;
				case '\t':
					esc = 't';
					break;
				case '\v':
					esc = 'v';
					break;
				default:
					if (c == (unsigned char) o->delim)
						esc = (char) c;
					break;
			}
		}
		else if (c == '\\' || c == (unsigned char) o->delim)
			esc = (char) c;
		if (esc != 0)
		{
			strbuf_append(out, start, (size_t) (s - start));
			strbuf_putc(out, '\\');
			strbuf_putc(out, esc);
			start = s + 1;
		}
	}
	strbuf_append(out, start, (size_t) (s - start));
}

/* CopyAttributeOutCSV */
static void
out_csv(const CopyFmtOptions *o, StrBuf *out, const char *s, bool use_quote, bool single_attr)
{
	if (!use_quote && strcmp(s, o->null_print) == 0)
		use_quote = true;
	if (!use_quote)
	{
		if (single_attr && strcmp(s, "\\.") == 0)
			use_quote = true;
		else
			for (const char *p = s; *p; p++)
				if (*p == o->delim || *p == o->quote || *p == '\n' || *p == '\r')
				{
					use_quote = true;
					break;
				}
	}
	if (!use_quote)
	{
		strbuf_puts(out, s);
		return;
	}
	strbuf_putc(out, o->quote);
	for (const char *p = s; *p; p++)
	{
		if (*p == o->quote || *p == o->escape)
			strbuf_putc(out, o->escape);
		strbuf_putc(out, *p);
	}
	strbuf_putc(out, o->quote);
}

void
copyfmt_format_row(const CopyFmtOptions *o, StrBuf *out, int ncols, const char *const *values)
{
	for (int i = 0; i < ncols; i++)
	{
		if (i > 0)
			strbuf_putc(out, o->delim);
		if (values[i] == NULL)
			strbuf_append(out, o->null_print, o->null_print_len);
		else if (o->format == COPYFMT_CSV)
			out_csv(o, out, values[i], o->force_quote != NULL && o->force_quote[i], ncols == 1);
		else
			out_text(o, out, values[i]);
	}
	strbuf_putc(out, '\n');
}

void
copyfmt_format_header(const CopyFmtOptions *o, StrBuf *out, int ncols, const char *const *names)
{
	for (int i = 0; i < ncols; i++)
	{
		if (i > 0)
			strbuf_putc(out, o->delim);
		if (o->format == COPYFMT_CSV)
			out_csv(o, out, names[i], false, ncols == 1);
		else
			out_text(o, out, names[i]);
	}
	strbuf_putc(out, '\n');
}

/* ---- COPY FROM --------------------------------------------------------- */

CopyFmtParser *
copyfmt_parser_new(const CopyFmtOptions *o, int ncols, const char *const *colnames, const char *relname)
{
	CopyFmtParser *p = mg_malloc(sizeof(CopyFmtParser));

	memset(p, 0, sizeof(*p));
	p->o = o;
	p->ncols = ncols;
	p->colnames = mg_malloc(sizeof(char *) * (size_t) (ncols > 0 ? ncols : 1));
	for (int i = 0; i < ncols; i++)
		p->colnames[i] = mg_strdup(colnames[i]);
	p->relname = mg_strdup(relname ? relname : "");
	p->header_pending = o->header != COPYFMT_HEADER_FALSE;
	strbuf_init(&p->attr);
	p->maxfields = ncols + 1;
	p->fields = mg_malloc(sizeof(char *) * (size_t) p->maxfields);
	p->offsets = mg_malloc(sizeof(size_t) * (size_t) p->maxfields);
	p->lengths = mg_malloc(sizeof(int32_t) * (size_t) p->maxfields);
	return p;
}

void
copyfmt_parser_free(CopyFmtParser *p)
{
	if (p == NULL)
		return;
	for (int i = 0; i < p->ncols; i++)
		free(p->colnames[i]);
	free(p->colnames);
	free(p->relname);
	free(p->buf);
	strbuf_free(&p->attr);
	free(p->fields);
	free(p->offsets);
	free(p->lengths);
	free(p);
}

int64_t
copyfmt_parser_lineno(const CopyFmtParser *p)
{
	return p->lineno;
}

const int32_t *
copyfmt_parser_field_lengths(const CopyFmtParser *p)
{
	return p->lengths;
}

void
copyfmt_context_column_binary(MgError *err, const char *relname, int64_t lineno, const char *colname)
{
	mg_error_context(err, "COPY %s, line %lld, column %s", relname, (long long) lineno, colname);
}

/* limit_printout_length(): at most 100 bytes (whole UTF-8 characters), then "...". */
static char *
printout(const char *s, size_t len)
{
	size_t		n = len;
	char	   *out;

	if (n > MAX_COPY_DATA_DISPLAY)
	{
		n = MAX_COPY_DATA_DISPLAY;
		while (n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80)
			n--;
	}
	out = mg_malloc(n + 4);
	memcpy(out, s, n);
	if (n < len)
		memcpy(out + n, "...", 4);
	else
		out[n] = '\0';
	return out;
}

void
copyfmt_context_column(MgError *err, const char *relname, int64_t lineno, const char *colname,
					   const char *value)
{
	if (value == NULL)
		mg_error_context(err, "COPY %s, line %lld, column %s: null input", relname,
						 (long long) lineno, colname);
	else
	{
		char	   *v = printout(value, strlen(value));

		mg_error_context(err, "COPY %s, line %lld, column %s: \"%s\"", relname, (long long) lineno,
						 colname, v);
		free(v);
	}
}

/*
 * Fails the COPY with an error about the current line.  line != NULL adds
 * PostgreSQL's CONTEXT with the line's text, otherwise just its number.
 */
int
copyfmt_fail(CopyFmtParser *p, MgError *err, const char *line, size_t linelen, const char *sqlstate,
			 const char *hint, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	mg_error_v(err, MG_SEV_ERROR, sqlstate, fmt, ap);
	va_end(ap);
	if (hint != NULL)
		mg_error_hint(err, "%s", hint);
	if (line != NULL)
	{
		char	   *v = printout(line, linelen);

		mg_error_context(err, "COPY %s, line %lld: \"%s\"", p->relname, (long long) p->lineno, v);
		free(v);
	}
	else
		mg_error_context(err, "COPY %s, line %lld", p->relname, (long long) p->lineno);
	p->done = true;
	return -1;
}

/* Length of the valid UTF-8 prefix of s[0..len); len if all valid. */
static size_t
utf8_valid_prefix(const unsigned char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c;
		size_t		n;
		uint32_t	cp;

		/* fast path: eight ASCII bytes, none of them NUL */
		while (i + 8 <= len)
		{
			uint64_t	w;

			memcpy(&w, s + i, 8);
			if ((w & UINT64_C(0x8080808080808080)) != 0 ||
				((w - UINT64_C(0x0101010101010101)) & ~w & UINT64_C(0x8080808080808080)) != 0)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		c = s[i];
		if (c < 0x80)
		{
			if (c == 0)
				return i;
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 2, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 3, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 4, cp = c & 0x07;
		else
			return i;
		if (i + n > len)
			return i;
		for (size_t k = 1; k < n; k++)
		{
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
			(n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
			return i;
		i += n;
	}
	return len;
}

/* PostgreSQL's report_invalid_encoding() message for the bytes at s. */
static int
fail_encoding(CopyFmtParser *p, MgError *err, const unsigned char *s, size_t avail,
			  const char *line, size_t linelen)
{
	char		bytes[8 * 5 + 1];
	/* pg_utf_mblen() */
	size_t		n = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 1;
	size_t		off = 0;

	if (n > avail)
		n = avail;
	for (size_t k = 0; k < n; k++)
		off += (size_t) snprintf(bytes + off, sizeof(bytes) - off, k > 0 ? " 0x%02x" : "0x%02x", s[k]);
	return copyfmt_fail(p, err, line, linelen, SQLSTATE_CHARACTER_NOT_IN_REPERTOIRE, NULL,
				"invalid byte sequence for encoding \"%s\": %s", "UTF8", bytes);
}

static void
add_field(CopyFmtParser *p, int *nf, bool is_null)
{
	if (*nf >= p->maxfields)
	{
		p->maxfields *= 2;
		p->fields = mg_realloc(p->fields, sizeof(char *) * (size_t) p->maxfields);
		p->offsets = mg_realloc(p->offsets, sizeof(size_t) * (size_t) p->maxfields);
		p->lengths = mg_realloc(p->lengths, sizeof(int32_t) * (size_t) p->maxfields);
	}
	/* offsets now; pointers once attr stops moving (it may grow) */
	p->offsets[*nf] = is_null ? (size_t) -1 : p->attr.len;
	(*nf)++;
}

static int
hexval(char c)
{
	return isdigit((unsigned char) c) ? c - '0' : (tolower((unsigned char) c) - 'a' + 10);
}

/*
 * Room for the de-escaped fields of a line of len bytes: never longer than
 * the input, plus one NUL per field (at most len + 1 fields).
 */
static char *
attr_reserve(CopyFmtParser *p, size_t len)
{
	strbuf_reset(&p->attr);
	strbuf_reserve(&p->attr, 2 * len + 2);
	return p->attr.data;
}

/* True if one of the eight bytes of w is b (exact: no false positives). */
static inline bool
word_has_byte(uint64_t w, char b)
{
	uint64_t	v = w ^ (UINT64_C(0x0101010101010101) * (unsigned char) b);

	return ((v - UINT64_C(0x0101010101010101)) & ~v & UINT64_C(0x8080808080808080)) != 0;
}

/* CopyReadAttributesText: split and de-escape.  Returns the field count, or -1. */
static int
split_text(CopyFmtParser *p, const char *line, size_t len, MgError *err)
{
	const CopyFmtOptions *o = p->o;
	const char	delim = o->delim;
	const char *cur = line;
	const char *end = line + len;
	char	   *base = attr_reserve(p, len);
	char	   *out = base;
	int			nf = 0;

	for (;;)
	{
		const char *start = cur;
		const char *fend;
		bool		found_delim = false;
		bool		saw_non_ascii = false;
		char	   *out_start = out;

		for (;;)
		{
			char		c;

			/* runs without a delimiter or backslash are copied a word at a time */
			while (end - cur >= 8)
			{
				uint64_t	w;

				memcpy(&w, cur, 8);
				if (word_has_byte(w, delim) || word_has_byte(w, '\\'))
					break;
				memcpy(out, &w, 8);
				out += 8;
				cur += 8;
			}
			fend = cur;
			if (cur >= end)
				break;
			c = *cur++;
			if (c == delim)
			{
				found_delim = true;
				break;
			}
			if (c == '\\')
			{
				if (cur >= end)
					break;
				c = *cur++;
				switch (c)
				{
					case '0':
					case '1':
					case '2':
					case '3':
					case '4':
					case '5':
					case '6':
					case '7':
						{
							int			val = c - '0';

							if (cur < end && *cur >= '0' && *cur <= '7')
							{
								val = (val << 3) + (*cur++ - '0');
								if (cur < end && *cur >= '0' && *cur <= '7')
									val = (val << 3) + (*cur++ - '0');
							}
							c = (char) (val & 0377);
							if (c == '\0' || (unsigned char) c >= 0x80)
								saw_non_ascii = true;
							break;
						}
					case 'x':
						if (cur < end && isxdigit((unsigned char) *cur))
						{
							int			val = hexval(*cur++);

							if (cur < end && isxdigit((unsigned char) *cur))
								val = (val << 4) + hexval(*cur++);
							c = (char) (val & 0xff);
							if (c == '\0' || (unsigned char) c >= 0x80)
								saw_non_ascii = true;
						}
						break;
					case 'b':
						c = '\b';
						break;
					case 'f':
						c = '\f';
						break;
					case 'n':
						c = '\n';
						break;
					case 'r':
						c = '\r';
						break;
					case 't':
						c = '\t';
						break;
					case 'v':
						c = '\v';
						break;
					default:
						/* any other character after a backslash stands for itself */
						break;
				}
			}
			*out++ = c;
		}
		if ((size_t) (fend - start) == o->null_print_len &&
			memcmp(start, o->null_print, o->null_print_len) == 0)
		{
			out = out_start;
			add_field(p, &nf, true);
		}
		else
		{
			if (saw_non_ascii)
			{
				const unsigned char *f = (const unsigned char *) out_start;
				size_t		flen = (size_t) (out - out_start);
				size_t		ok = utf8_valid_prefix(f, flen);

				if (ok < flen)
					return fail_encoding(p, err, f + ok, flen - ok, line, len);
			}
			*out++ = '\0';
			add_field(p, &nf, false);
			p->offsets[nf - 1] = (size_t) (out_start - base);
		}
		if (!found_delim)
			break;
	}
	p->attr.len = (size_t) (out - base);
	return nf;
}

/* CopyReadAttributesCSV.  Returns the field count, or -1. */
static int
split_csv(CopyFmtParser *p, const char *line, size_t len, MgError *err)
{
	const CopyFmtOptions *o = p->o;
	const char	delim = o->delim;
	const char	quote = o->quote;
	const char	escape = o->escape;
	const char *cur = line;
	const char *end = line + len;
	char	   *base = attr_reserve(p, len);
	char	   *out = base;
	int			nf = 0;

	for (;;)
	{
		const char *start = cur;
		const char *fend = cur;
		bool		found_delim = false;
		bool		saw_quote = false;
		char	   *out_start = out;

		for (;;)
		{
			/* outside quotes */
			for (;;)
			{
				char		c;

				fend = cur;
				if (cur >= end)
					goto endfield;
				c = *cur++;
				if (c == delim)
				{
					found_delim = true;
					goto endfield;
				}
				if (c == quote)
				{
					saw_quote = true;
					break;
				}
				*out++ = c;
			}
			/* inside quotes */
			for (;;)
			{
				char		c;

				fend = cur;
				if (cur >= end)
					return copyfmt_fail(p, err, line, len, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
								"unterminated CSV quoted field");
				c = *cur++;
				if (c == escape && cur < end && (*cur == escape || *cur == quote))
				{
					*out++ = *cur++;
					continue;
				}
				if (c == quote)
					break;
				*out++ = c;
			}
		}
endfield:
		if (!saw_quote && (size_t) (fend - start) == o->null_print_len &&
			memcmp(start, o->null_print, o->null_print_len) == 0)
		{
			out = out_start;
			add_field(p, &nf, true);
		}
		else
		{
			*out++ = '\0';
			add_field(p, &nf, false);
			p->offsets[nf - 1] = (size_t) (out_start - base);
		}
		if (!found_delim)
			break;
	}
	p->attr.len = (size_t) (out - base);
	return nf;
}

/* One complete line (without its newline): header handling, splitting, the callback. */
static int
process_line(CopyFmtParser *p, const char *line, size_t len, CopyFmtRowFn fn, void *arg, MgError *err)
{
	const CopyFmtOptions *o = p->o;
	size_t		valid = utf8_valid_prefix((const unsigned char *) line, len);
	int			nf;

	if (valid < len)
		return fail_encoding(p, err, (const unsigned char *) line + valid, len - valid, NULL, 0);
	if (p->ncols == 0 && !p->header_pending)
	{
		if (len != 0)
			return copyfmt_fail(p, err, line, len, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
						"extra data after last expected column");
		if (fn(arg, p->lineno, p->fields, err) != 0)
		{
			p->done = true;
			return -1;
		}
		return 0;
	}
	nf = o->format == COPYFMT_CSV ? split_csv(p, line, len, err) : split_text(p, line, len, err);
	if (nf < 0)
		return -1;
	for (int i = 0; i < nf; i++)
		p->fields[i] = p->offsets[i] == (size_t) -1 ? NULL : p->attr.data + p->offsets[i];

	if (p->header_pending)
	{
		p->header_pending = false;
		if (o->header != COPYFMT_HEADER_MATCH)
			return 0;
		if (nf != p->ncols)
			return copyfmt_fail(p, err, line, len, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
						"wrong number of fields in header line: got %d, expected %d", nf, p->ncols);
		for (int i = 0; i < nf; i++)
		{
			if (p->fields[i] == NULL)
				return copyfmt_fail(p, err, line, len, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
							"column name mismatch in header line field %d: got null value (\"%s\"), expected \"%s\"",
							i + 1, o->null_print, p->colnames[i]);
			if (strcmp(p->fields[i], p->colnames[i]) != 0)
				return copyfmt_fail(p, err, line, len, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
							"column name mismatch in header line field %d: got \"%s\", expected \"%s\"",
							i + 1, p->fields[i], p->colnames[i]);
		}
		return 0;
	}
	if (nf > p->ncols)
		return copyfmt_fail(p, err, line, len, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
					"extra data after last expected column");
	if (nf < p->ncols)
		return copyfmt_fail(p, err, line, len, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
					"missing data for column \"%s\"", p->colnames[nf]);
	if (o->format == COPYFMT_CSV)
	{
		for (int i = 0; i < nf; i++)
		{
			if (p->fields[i] == NULL && o->force_notnull && o->force_notnull[i])
				p->fields[i] = (char *) "";
			else if (p->fields[i] != NULL && o->force_null && o->force_null[i] &&
					 strcmp(p->fields[i], o->null_print) == 0)
				p->fields[i] = NULL;
		}
	}
	if (fn(arg, p->lineno, p->fields, err) != 0)
	{
		p->done = true;
		return -1;
	}
	return 0;
}

/*
 * Scans buf[scan..len) for complete lines and processes them.  final:
 * there is no more input (bytes past the end read as '\0', as
 * PostgreSQL's reader sees EOF).
 */
static int
scan_lines(CopyFmtParser *p, bool final, CopyFmtRowFn fn, void *arg, MgError *err)
{
	const CopyFmtOptions *o = p->o;
	bool		csv = o->format == COPYFMT_CSV;
	/* an escape equal to the quote needs no special handling: quotes just toggle */
	char		escapec = o->escape == o->quote ? '\0' : o->escape;
	size_t		i = p->scan;

	while (!p->done)
	{
		size_t		line_end = 0;
		size_t		next = 0;
		bool		have_line = false;
		bool		end_marker = false;

		if (!p->line_open)
		{
			p->lineno++;
			p->line_open = true;
		}

		/*
		 * Fast path for the common line: find the newline with memchr and
		 * take the line at once when nothing in it needs the careful scan
		 * below (no '\r', no backslash, no CSV quote, and the newline style
		 * is \n).
		 */
		if (i == p->start && i < p->len && !p->in_quote &&
			(p->eol == EOL_NL || p->eol == EOL_UNKNOWN))
		{
			const char *b = p->buf + i;
			const char *nl = memchr(b, '\n', p->len - i);

			if (nl != NULL)
			{
				size_t		n = (size_t) (nl - b);

				if (memchr(b, '\r', n) == NULL &&
					(csv ? memchr(b, o->quote, n) == NULL && (n == 0 || b[0] != '\\') :
					 memchr(b, '\\', n) == NULL))
				{
					p->eol = EOL_NL;
					if (process_line(p, b, n, fn, arg, err) != 0)
						return -1;
					p->start = i + n + 1;
					p->line_open = false;
					i = p->start;
					continue;
				}
			}
		}
		for (; i < p->len; i++)
		{
			char		c = p->buf[i];
			bool		save_in_quote = p->in_quote;
			bool		save_last_esc = p->last_was_esc;
			int64_t		save_lineno = p->lineno;

#define LOOKAHEAD(k) (i + (k) < p->len ? p->buf[i + (k)] : '\0')
#define NEED(k) \
			do { \
				if (i + (k) >= p->len && !final) \
				{ \
					p->in_quote = save_in_quote; \
					p->last_was_esc = save_last_esc; \
					p->lineno = save_lineno; \
					goto wait; \
				} \
			} while (0)

			if (csv)
			{
				if (p->in_quote && c == escapec)
					p->last_was_esc = !p->last_was_esc;
				if (c == o->quote && !p->last_was_esc)
					p->in_quote = !p->in_quote;
				if (c != escapec)
					p->last_was_esc = false;
				if (p->in_quote && c == (p->eol == EOL_NL ? '\n' : '\r'))
					p->lineno++;
			}
			if (c == '\r' && (!csv || !p->in_quote))
			{
				if (p->eol == EOL_UNKNOWN || p->eol == EOL_CRNL)
				{
					NEED(1);
					if (LOOKAHEAD(1) == '\n')
					{
						p->eol = EOL_CRNL;
						line_end = i;
						next = i + 2;
						have_line = true;
						break;
					}
					if (p->eol == EOL_CRNL)
						return copyfmt_fail(p, err, NULL, 0, SQLSTATE_BAD_COPY_FILE_FORMAT,
									csv ? "Use quoted CSV field to represent carriage return." :
									"Use \"\\r\" to represent carriage return.",
									csv ? "unquoted carriage return found in data" :
									"literal carriage return found in data");
					p->eol = EOL_CR;
				}
				else if (p->eol == EOL_NL)
					return copyfmt_fail(p, err, NULL, 0, SQLSTATE_BAD_COPY_FILE_FORMAT,
								csv ? "Use quoted CSV field to represent carriage return." :
								"Use \"\\r\" to represent carriage return.",
								csv ? "unquoted carriage return found in data" :
								"literal carriage return found in data");
				line_end = i;
				next = i + 1;
				have_line = true;
				break;
			}
			if (c == '\n' && (!csv || !p->in_quote))
			{
				if (p->eol == EOL_CR || p->eol == EOL_CRNL)
					return copyfmt_fail(p, err, NULL, 0, SQLSTATE_BAD_COPY_FILE_FORMAT,
								csv ? "Use quoted CSV field to represent newline." :
								"Use \"\\n\" to represent newline.",
								csv ? "unquoted newline found in data" : "literal newline found in data");
				p->eol = EOL_NL;
				line_end = i;
				next = i + 1;
				have_line = true;
				break;
			}
			if (c == '\\' && (!csv || i == p->start))
			{
				char		c2;

				NEED(1);
				if (i + 1 >= p->len)
					continue;	/* EOF right after a backslash: it is data */
				c2 = p->buf[i + 1];
				if (c2 == '.')
				{
					size_t		k = 2;
					char		c3;

					if (p->eol == EOL_CRNL)
					{
						NEED(2);
						c3 = LOOKAHEAD(2);
						if (c3 == '\n')
						{
							if (!csv)
								return copyfmt_fail(p, err, NULL, 0, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
											"end-of-copy marker does not match previous newline style");
							goto not_marker;
						}
						if (c3 != '\r')
						{
							if (!csv)
								return copyfmt_fail(p, err, NULL, 0, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
											"end-of-copy marker corrupt");
							goto not_marker;
						}
						k = 3;
					}
					NEED(k);
					c3 = LOOKAHEAD(k);
					if (c3 != '\r' && c3 != '\n')
					{
						if (!csv)
							return copyfmt_fail(p, err, NULL, 0, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
										"end-of-copy marker corrupt");
						goto not_marker;
					}
					if ((p->eol == EOL_NL && c3 != '\n') || (p->eol == EOL_CRNL && c3 != '\n') ||
						(p->eol == EOL_CR && c3 != '\r'))
						return copyfmt_fail(p, err, NULL, 0, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
									"end-of-copy marker does not match previous newline style");
					/* the data before "\." on this line is the last row */
					line_end = i;
					next = p->len;
					have_line = true;
					end_marker = true;
					break;
				}
		not_marker:
				if (!csv)
					i++;		/* a backslash protects the next byte */
			}
#undef NEED
#undef LOOKAHEAD
		}
		if (!have_line)
		{
			if (!final)
				goto wait;
			/* end of input: whatever is left is the last line */
			if (p->start < p->len)
			{
				line_end = p->len;
				next = p->len;
				have_line = true;
			}
			else
			{
				p->lineno--;	/* no line was started after all */
				p->line_open = false;
				break;
			}
		}
		if (have_line)
		{
			if (!(end_marker && line_end == p->start) &&
				process_line(p, p->buf + p->start, line_end - p->start, fn, arg, err) != 0)
				return -1;
			p->start = next;
			p->line_open = false;
			i = next;
			if (end_marker)
				p->done = true;
		}
		if (final && p->start >= p->len)
			break;
	}
	p->scan = p->start;
	return 0;

wait:
	p->scan = i;
	return 0;
}

int
copyfmt_parser_feed(CopyFmtParser *p, const char *data, size_t n, CopyFmtRowFn fn, void *arg,
					MgError *err)
{
	if (p->done || n == 0)
		return 0;
	/* drop consumed bytes, then append */
	if (p->start > 0)
	{
		memmove(p->buf, p->buf + p->start, p->len - p->start);
		p->len -= p->start;
		p->scan -= p->start;
		p->start = 0;
	}
	if (p->len + n > p->cap)
	{
		size_t		cap = p->cap ? p->cap : 8192;

		while (cap < p->len + n)
			cap *= 2;
		p->buf = mg_realloc(p->buf, cap);
		p->cap = cap;
	}
	memcpy(p->buf + p->len, data, n);
	p->len += n;
	if (p->o->format == COPYFMT_BINARY)
		return copyfmt_binary_scan(p, false, fn, arg, err);
	return scan_lines(p, false, fn, arg, err);
}

int
copyfmt_parser_finish(CopyFmtParser *p, CopyFmtRowFn fn, void *arg, MgError *err)
{
	if (p->done)
		return 0;
	if (p->o->format == COPYFMT_BINARY)
		return copyfmt_binary_scan(p, true, fn, arg, err);
	return scan_lines(p, true, fn, arg, err);
}
