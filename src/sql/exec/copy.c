/*
 * copy.c — COPY table FROM STDIN and COPY table|(query) TO STDOUT in text,
 * CSV and binary formats, on top of copyfmt.h (data format) and rowops
 * (writes).
 *
 * Design notes:
 *   - COPY FROM: the portal answers SQL_COPY_IN after CopyInResponse; each
 *     CopyData chunk goes through the incremental parser, which calls
 *     copy_row per complete line.  A row is converted with the column
 *     types' input functions, completed with column defaults, checked and
 *     inserted like an INSERT (rowops); its memory is one arena reset per
 *     row.  Errors carry PostgreSQL's CONTEXT ("COPY t, line 3" or
 *     "COPY t, line 3, column a: \"x\"").
 *   - COPY TO: the table (or query) is planned like a SELECT and each row
 *     is formatted into CopyData chunks; the destination may ask to stop
 *     between rows (SQL_BLOCKED), as for ordinary rows.
 *   - BINARY: values go through the types' send/receive functions (the
 *     ones the protocol uses for binary columns), with the column's typmod
 *     on the way in; copyfmt frames them.  As PostgreSQL's CopyTo, the
 *     file header travels in the first row's CopyData message (or with
 *     the trailer when there are no rows) and the trailer in a message of
 *     its own.  A field's conversion error carries the binary CONTEXT
 *     "COPY t, line N, column c", which never shows the value.  A tuple
 *     whose framing breaks at field k arrives first with k fields: those
 *     are converted (their errors come first, as in PostgreSQL) and the
 *     row is not stored.
 *
 * Invariants:
 *   1. CopyState.parser is freed by copy_close whatever the outcome.
 *   2. COPY TO BINARY: while bin_header_pending, cs->out holds the file
 *      header and nothing else; it is sent with the next CopyData.
 */
#include <stdio.h>
#include <string.h>

#include <memgres/sqlstate.h>

#include "../analyze.h"
#include "../catalog.h"
#include "../copyfmt.h"
#include "../copy.h"
#include "../exec.h"
#include "../plan.h"
#include "../rowops.h"

typedef struct CopyState
{
	const AstCopyStmt *st;
	CopyFmtOptions opts;
	const CatTable *t;
	int			ncols;
	int		   *colidx;			/* COPY column -> table column index */
	const char **colnames;
	bool	   *given;			/* table column is in the COPY list */
	CopyFmtParser *parser;
	Arena	   *row_arena;
	EvalCtx		ctx;
	RowOps		ro;
	Datum	   *values;
	bool	   *nulls;
	int64_t		count;
	/* COPY TO */
	ExecState  *es;
	ExecNode   *root;
	const Query *q;
	StrBuf		out;
	bool		header_done;
	bool		bin_header_pending;
} CopyState;

static bool
copy_binary(const CopyState *cs)
{
	return cs->opts.format == COPYFMT_BINARY;
}

/*
 * One field of a COPY FROM row into values[col]: the input function for
 * text and CSV, the receive function (len bytes) for BINARY.
 */
static int
copy_field(CopyState *cs, int64_t lineno, const CatColumn *c, const char *field, int32_t len,
		   Datum *value, MgError *err)
{
	if (copy_binary(cs))
	{
		if (type_recv(&cs->ctx, c->type, c->typmod, field, (size_t) len, value) < 0)
		{
			copyfmt_context_column_binary(err, cs->t->name, lineno, c->name);
			return -1;
		}
		return 0;
	}
	if (type_input(&cs->ctx, c->type, c->typmod, field, strlen(field), value) < 0)
	{
		copyfmt_context_column(err, cs->t->name, lineno, c->name, field);
		return -1;
	}
	return 0;
}

static int
copy_row(void *arg, int64_t lineno, char **fields, MgError *err)
{
	CopyState  *cs = arg;
	const CatTable *t = cs->t;
	const int32_t *lengths = NULL;
	int			nfields = cs->ncols;
	ExprRunState rs = {0};

	if (copy_binary(cs))
	{
		lengths = copyfmt_parser_field_lengths(cs->parser);
		nfields = copyfmt_parser_binary_fields(cs->parser);
	}
	arena_reset(cs->row_arena);
	for (int i = 0; i < t->ncols; i++)
	{
		cs->nulls[i] = true;
		cs->values[i] = 0;
	}
	for (int i = 0; i < nfields; i++)
	{
		const CatColumn *c = &t->cols[cs->colidx[i]];

		if (!fields[i])
			continue;
		if (copy_field(cs, lineno, c, fields[i], lengths ? lengths[i] : -1, &cs->values[cs->colidx[i]], err) < 0)
			return -1;
		cs->nulls[cs->colidx[i]] = false;
	}
	if (nfields < cs->ncols)
		return 0;				/* a broken binary tuple: the parser reports it */
	for (int i = 0; i < t->ncols; i++)
	{
		if (cs->given[i] || t->cols[i].dropped || !t->cols[i].default_expr)
			continue;
		if (expr_eval(&cs->ctx, &rs, t->cols[i].default_expr, NULL, &cs->values[i], &cs->nulls[i]) < 0)
			goto fail;
	}
	if (rowops_insert_row(&cs->ro, t, cs->values, cs->nulls, NULL, NULL, NULL) < 0)
		goto fail;
	cs->count++;
	return 0;
fail:
	if (!err->context)
		mg_error_context(err, "COPY %s, line %lld", t->name, (long long) lineno);
	return -1;
}

static const CatTable *
copy_table(ParseState *ps, const AstCopyStmt *st)
{
	const char *q = ps->query;
	const CatTable *t;

	ps->query = NULL;			/* no cursor position for a missing table, as PostgreSQL */
	t = lookup_relation(ps, st->relation, false);
	ps->query = q;

	if (!t)
		return NULL;
	if (t->relkind != 'r')
	{
		mg_error(ps->err, SQLSTATE_WRONG_OBJECT_TYPE, "cannot copy %s relation \"%s\"",
				 st->is_from ? "to" : "from", t->name);
		return NULL;
	}
	return t;
}

/* The COPY's columns: the list given, or every live column. */
static int
copy_columns(ParseState *ps, CopyState *cs)
{
	const CatTable *t = cs->t;
	int			n = ast_list_length(cs->st->attlist);
	const char **tnames = arena_new_array(ps->a, const char *, t->ncols + 1);
	int			ntn = 0;

	cs->given = arena_new_array(ps->a, bool, t->ncols + 1);
	for (int i = 0; i < t->ncols; i++)
		if (!t->cols[i].dropped)
			tnames[ntn++] = t->cols[i].name;
	if (n == 0)
	{
		cs->ncols = 0;
		cs->colidx = arena_new_array(ps->a, int, t->ncols + 1);
		cs->colnames = arena_new_array(ps->a, const char *, t->ncols + 1);
		for (int i = 0; i < t->ncols; i++)
			if (!t->cols[i].dropped)
			{
				cs->colnames[cs->ncols] = t->cols[i].name;
				cs->colidx[cs->ncols++] = i;
				cs->given[i] = true;
			}
	}
	else
	{
		cs->ncols = n;
		cs->colidx = arena_new_array(ps->a, int, n);
		cs->colnames = arena_new_array(ps->a, const char *, n);
		for (int i = 0; i < n; i++)
		{
			const char *name = ast_strval(ast_list_nth(cs->st->attlist, i));
			const CatColumn *c = cattable_column(t, name);

			if (!c)
			{
				mg_error(ps->err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
						 name, t->name);
				return -1;
			}
			if (cs->given[c->attnum - 1])
			{
				mg_error(ps->err, SQLSTATE_DUPLICATE_COLUMN, "column \"%s\" specified more than once", name);
				return -1;
			}
			cs->given[c->attnum - 1] = true;
			cs->colidx[i] = c->attnum - 1;
			cs->colnames[i] = c->name;
		}
	}
	return copyfmt_resolve_columns(ps->a, &cs->opts, t->name, tnames, ntn, cs->colnames, cs->ncols, ps->err);
}

static int
copy_from_start(SqlPortal *portal, CopyState *cs, ParseState *ps, SqlDest *dest, MgError *err)
{
	SqlSession *s = portal->session;

	if (!(cs->t = copy_table(ps, cs->st)) || copy_columns(ps, cs) < 0)
		return -1;
	if (cs->st->where_clause)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY FROM ... WHERE is not supported yet");
		return -1;
	}
	cs->row_arena = arena_create(4096);
	session_eval_ctx(s, &cs->ctx, cs->row_arena, err);
	cs->ro.session = s;
	cs->ro.txn = s->txn;
	cs->ro.cat = session_catalog(s);
	cs->ro.ctx = &cs->ctx;
	cs->values = arena_new_array(portal->a, Datum, cs->t->ncols + 1);
	cs->nulls = arena_new_array(portal->a, bool, cs->t->ncols + 1);
	cs->parser = copyfmt_parser_new(&cs->opts, cs->ncols, cs->colnames, cs->t->name);
	if (!dest->copy_in_begin)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY FROM STDIN is not possible here");
		return -1;
	}
	return dest->copy_in_begin(dest, copy_binary(cs), cs->ncols, err);
}

/* COPY t TO: the query SELECT cols FROM t. */
static Query *
table_query(ParseState *ps, CopyState *cs)
{
	Query	   *q = arena_new(ps->a, Query);

	q->cmd = CMD_SELECT;
	q->rel = cs->t;
	q->scope = scope_for_table(ps->a, cs->t, NULL, 0);
	q->ntargets = q->nvisible = cs->ncols;
	q->targets = arena_new_array(ps->a, Expr *, cs->ncols + 1);
	for (int i = 0; i < cs->ncols; i++)
	{
		const CatColumn *c = &cs->t->cols[cs->colidx[i]];
		Expr	   *e = expr_new(ps->a, EXPR_VAR, c->type, 0, -1);

		e->typmod = c->typmod;
		e->u.var = cs->colidx[i];
		q->targets[i] = e;
	}
	return q;
}

static int
copy_to_start(SqlPortal *portal, CopyState *cs, ParseState *ps, SqlDest *dest, MgError *err)
{
	const Query *q;
	Plan	   *plan;

	if (cs->st->query)
	{
		const char **names;
		Query	   *qq;

		if (!AST_IS(cs->st->query, AST_SELECT_STMT))
		{
			mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY (INSERT/UPDATE/DELETE ... RETURNING) TO is not supported yet");
			return -1;
		}
		if (!(qq = analyze_select(ps, (const AstSelectStmt *) cs->st->query)))
			return -1;
		q = qq;
		cs->ncols = q->nvisible;
		names = arena_new_array(ps->a, const char *, cs->ncols + 1);
		for (int i = 0; i < cs->ncols; i++)
			names[i] = q->cols[i].name;
		cs->colnames = names;
		if (copyfmt_resolve_columns(ps->a, &cs->opts, "query", names, cs->ncols, names, cs->ncols, err) < 0)
			return -1;
	}
	else
	{
		if (!(cs->t = copy_table(ps, cs->st)) || copy_columns(ps, cs) < 0)
			return -1;
		q = table_query(ps, cs);
	}
	pstate_finish_params(ps);
	if (!(plan = plan_select(portal->a, q, err)))
		return -1;
	cs->q = q;
	cs->es = arena_new(portal->a, ExecState);
	exec_state_init(cs->es, portal->session, portal->a, err, NULL, NULL, 0, NULL, ps->ncache);
	cs->es->txn = session_read_txn(portal->session);
	if (!(cs->root = exec_start(cs->es, plan)))
		return -1;
	strbuf_init_arena(&cs->out, portal->a);
	cs->row_arena = arena_create(4096);
	session_eval_ctx(portal->session, &cs->ctx, cs->row_arena, err);
	if (!dest->copy_out_begin)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COPY TO STDOUT is not possible here");
		return -1;
	}
	return dest->copy_out_begin(dest, copy_binary(cs), cs->ncols, err);
}

/* One row of COPY TO in text or CSV into cs->out. */
static int
format_text_row(CopyState *cs)
{
	const char **vals = arena_new_array(cs->row_arena, const char *, cs->ncols + 1);

	for (int i = 0; i < cs->ncols; i++)
	{
		StrBuf		sb;

		if (cs->root->nulls[i])
			continue;
		strbuf_init_arena(&sb, cs->row_arena);
		if (type_output(&cs->ctx, cs->q->targets[i]->type, cs->q->targets[i]->typmod, cs->root->values[i], &sb) < 0)
			return -1;
		vals[i] = sb.data;
	}
	copyfmt_format_row(&cs->opts, &cs->out, cs->ncols, vals);
	return 0;
}

/* One row of COPY TO in binary: each value's send form, appended to cs->out. */
static int
format_binary_row(CopyState *cs)
{
	const char **vals = arena_new_array(cs->row_arena, const char *, cs->ncols + 1);
	int32_t    *lens = arena_new_array(cs->row_arena, int32_t, cs->ncols + 1);
	size_t	   *offs = arena_new_array(cs->row_arena, size_t, cs->ncols + 1);
	StrBuf		sb;

	/* all values into one buffer first: it may move while it grows */
	strbuf_init_arena(&sb, cs->row_arena);
	for (int i = 0; i < cs->ncols; i++)
	{
		offs[i] = sb.len;
		if (cs->root->nulls[i])
			continue;
		if (type_send(&cs->ctx, cs->q->targets[i]->type, cs->q->targets[i]->typmod, cs->root->values[i], &sb) < 0)
			return -1;
		lens[i] = (int32_t) (sb.len - offs[i]);
	}
	for (int i = 0; i < cs->ncols; i++)
		vals[i] = cs->root->nulls[i] ? NULL : sb.data + offs[i];
	copyfmt_binary_row(&cs->out, cs->ncols, vals, lens);
	return 0;
}

/* Clears cs->out for the next message, keeping a pending binary header. */
static void
copy_out_reset(CopyState *cs)
{
	if (cs->bin_header_pending)
		cs->bin_header_pending = false;
	else
		strbuf_reset(&cs->out);
}

bool
copy_prepare(SqlPrepared *p)
{
	const AstCopyStmt *st = (const AstCopyStmt *) p->ast;

	if (!AST_IS(p->ast, AST_COPY_STMT))
		return false;
	p->command = "COPY";
	p->is_write = st->is_from;
	return true;
}

SqlRunResult
copy_run(SqlPortal *portal, SqlDest *dest, MgError *err)
{
	CopyState  *cs = portal->copy;
	SqlSession *s = portal->session;

	if (!cs)
	{
		ParseState	ps;

		cs = arena_new(portal->a, CopyState);
		portal->copy = cs;
		cs->st = (const AstCopyStmt *) portal->p->ast;
		if (copyfmt_check_target(cs->st, s->superuser, err) < 0)
			return SQL_ERROR;
		if (copyfmt_options(portal->a, cs->st->options, cs->st->is_from, portal->p->query, &cs->opts, err) < 0)
			return SQL_ERROR;
		pstate_init(&ps, s, portal->a, portal->p->query, NULL, 0, err);
		if (cs->st->is_from)
		{
			if (copy_from_start(portal, cs, &ps, dest, err) < 0)
				return SQL_ERROR;
			return SQL_COPY_IN;
		}
		if (copy_to_start(portal, cs, &ps, dest, err) < 0)
			return SQL_ERROR;
		if (copy_binary(cs))
		{
			strbuf_reset(&cs->out);
			copyfmt_binary_header(&cs->out);
			cs->bin_header_pending = true;
		}
		if (cs->opts.header == COPYFMT_HEADER_TRUE && !cs->header_done)
		{
			bool		full = false;

			strbuf_reset(&cs->out);
			copyfmt_format_header(&cs->opts, &cs->out, cs->ncols, cs->colnames);
			cs->header_done = true;
			if (dest->copy_out_data(dest, cs->out.data, cs->out.len, &full, err) < 0)
				return SQL_ERROR;
		}
	}
	if (cs->st->is_from)
		return SQL_COPY_IN;
	for (;;)
	{
		int			rc = exec_next(cs->es, cs->root);
		bool		full = false;

		if (rc < 0)
			return SQL_ERROR;
		if (rc == 0)
			break;
		arena_reset(cs->row_arena);
		copy_out_reset(cs);
		if ((copy_binary(cs) ? format_binary_row(cs) : format_text_row(cs)) < 0)
			return SQL_ERROR;
		cs->count++;
		if (dest->copy_out_data(dest, cs->out.data, cs->out.len, &full, err) < 0)
			return SQL_ERROR;
		if (full)
			return SQL_BLOCKED;
	}
	if (copy_binary(cs))
	{
		bool		full = false;

		copy_out_reset(cs);
		copyfmt_binary_trailer(&cs->out);
		if (dest->copy_out_data(dest, cs->out.data, cs->out.len, &full, err) < 0)
			return SQL_ERROR;
	}
	snprintf(portal->tag, sizeof(portal->tag), "COPY %lld", (long long) cs->count);
	return SQL_DONE;
}

int
copy_data(SqlPortal *portal, const char *buf, size_t len, MgError *err)
{
	CopyState  *cs = portal->copy;

	if (!cs || !cs->parser)
	{
		mg_error(err, SQLSTATE_PROTOCOL_VIOLATION, "unexpected COPY data");
		return -1;
	}
	if (exec_check_interrupt_session(portal->session, err) < 0)
		return -1;
	return copyfmt_parser_feed(cs->parser, buf, len, copy_row, cs, err);
}

SqlRunResult
copy_done(SqlPortal *portal, MgError *err)
{
	CopyState  *cs = portal->copy;

	if (!cs || !cs->parser)
	{
		mg_error(err, SQLSTATE_PROTOCOL_VIOLATION, "unexpected COPY done");
		return SQL_ERROR;
	}
	if (copyfmt_parser_finish(cs->parser, copy_row, cs, err) < 0)
		return SQL_ERROR;
	snprintf(portal->tag, sizeof(portal->tag), "COPY %lld", (long long) cs->count);
	return SQL_DONE;
}

void
copy_close(SqlPortal *portal)
{
	CopyState  *cs = portal->copy;

	if (!cs)
		return;
	if (cs->parser)
		copyfmt_parser_free(cs->parser);
	cs->parser = NULL;
	if (cs->root)
		exec_end(cs->root);
	cs->root = NULL;
	if (cs->row_arena)
		arena_free(cs->row_arena);
	cs->row_arena = NULL;
}
