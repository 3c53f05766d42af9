/*
 * extended.c — the extended query protocol: Parse, Bind, Describe,
 * Execute, Close, Sync (PostgreSQL's exec_parse_message and friends).
 *
 * Design: everything between two Syncs is one implicit transaction block
 * (as PostgreSQL commits at Sync), opened by the first message that needs
 * a transaction.  The first error sends ErrorResponse, aborts the command
 * and sets skip_till_sync: later messages are dropped until Sync, which
 * answers ReadyForQuery.  Statements and portals each own an arena; a
 * portal holds a reference on its statement so closing the statement
 * first is safe.  Portals end with the transaction: when Sync leaves the
 * session idle ('I'), every portal is dropped.
 *
 * Invariants:
 *  1. skip_till_sync is cleared only by Sync.
 *  2. A TcopStmt is freed when it is closed and no portal uses it.
 *  3. Only one Execute runs at a time (t->run); it finishes before the
 *     next message is read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/log.h>
#include <memgres/mem.h>
#include <memgres/sqlstate.h>

#include "tcop_int.h"

/* ---- statements and portals ---------------------------------------------- */

static TcopStmt *
stmt_find(Tcop *t, const char *name)
{
	TcopStmt   *s;

	for (s = t->stmts_list; s; s = s->next)
		if (strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

static TcopPortal *
portal_find(Tcop *t, const char *name)
{
	TcopPortal *p;

	for (p = t->portals; p; p = p->next)
		if (strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

static void
stmt_release(TcopStmt *s)
{
	if (--s->refs > 0)
		return;
	arena_destroy(&s->arena);
	free(s->name);
	free(s);
}

static void
stmt_unlink(Tcop *t, TcopStmt *s)
{
	TcopStmt  **pp;

	for (pp = &t->stmts_list; *pp; pp = &(*pp)->next)
		if (*pp == s)
		{
			*pp = s->next;
			break;
		}
	s->closed = true;
	stmt_release(s);
}

static void
portal_unlink(Tcop *t, TcopPortal *p)
{
	TcopPortal **pp;

	for (pp = &t->portals; *pp; pp = &(*pp)->next)
		if (*pp == p)
		{
			*pp = p->next;
			break;
		}
	if (t->run.kind == RUN_EXECUTE && t->run.tp == p)
		memset(&t->run, 0, sizeof(t->run));
	if (p->portal)
		sql_portal_close(p->portal);
	arena_destroy(&p->arena);
	stmt_release(p->stmt);
	free(p->name);
	free(p);
}

void
ext_drop_portals(Tcop *t)
{
	while (t->portals)
		portal_unlink(t, t->portals);
}

void
ext_free_all(Tcop *t)
{
	ext_drop_portals(t);
	while (t->stmts_list)
		stmt_unlink(t, t->stmts_list);
}

/* ---- errors and transactions ---------------------------------------------- */

TcopResult
ext_fail(Tcop *t, MgError *e)
{
	bool		fatal = e->severity >= MG_SEV_FATAL;

	if (t->run.kind == RUN_EXECUTE)
		memset(&t->run, 0, sizeof(t->run));
	t->io.stmt_timer(t->io.arg, 0);
	tcop_send_error(t, e);
	mg_error_reset(e);
	sql_xact_abort_command(t->sql);
	t->skip_till_sync = true;
	return fatal ? TCOP_CLOSE : TCOP_OK;
}

static int
batch_begin(Tcop *t, MgError *e)
{
	if (!t->in_batch)
	{
		sql_xact_implicit_block_begin(t->sql);
		t->in_batch = true;
	}
	return sql_xact_start_command(t->sql, e);
}

static TcopResult
protocol_error(Tcop *t, MgError *e)
{
	/* malformed messages are errors of the message, as PostgreSQL's pq_getmsg* */
	return ext_fail(t, e);
}

/* ---- Parse ------------------------------------------------------------------ */

TcopResult
ext_parse(Tcop *t, const char *body, size_t len)
{
	MgError		e = MG_ERROR_INIT;
	MsgReader	r;
	const char *name;
	const char *query;
	int16_t		nparams;
	Oid		   *types = NULL;
	TcopStmt   *s;
	SqlStmt   **stmts;
	int			n;
	int			i;

	msg_reader_init(&r, body, len);
	if (msg_get_string(&r, &name, &e) < 0 || msg_get_string(&r, &query, &e) < 0 ||
		msg_get_int16(&r, &nparams, &e) < 0)
		return protocol_error(t, &e);
	if (nparams < 0)
	{
		mg_error(&e, SQLSTATE_PROTOCOL_VIOLATION, "invalid message format");
		return protocol_error(t, &e);
	}
	s = stmt_find(t, name);
	if (s && name[0] != '\0')
	{
		mg_error(&e, SQLSTATE_DUPLICATE_PSTATEMENT, "prepared statement \"%s\" already exists", name);
		return ext_fail(t, &e);
	}
	if (s)
		stmt_unlink(t, s);

	s = mg_calloc(1, sizeof(TcopStmt));
	s->name = mg_strdup(name);
	s->refs = 1;
	arena_init(&s->arena, 1024);
	if (nparams > 0)
	{
		types = arena_new_array(&s->arena, Oid, nparams);
		for (i = 0; i < nparams; i++)
		{
			int32_t		oid;

			if (msg_get_int32(&r, &oid, &e) < 0)
				goto fail;
			types[i] = (Oid) oid;
		}
	}
	if (msg_end(&r, &e) < 0)
		goto fail;
	if (batch_begin(t, &e) < 0)
		goto fail;
	tcop_clear_interrupt(t);
	if (sql_parse(t->sql, &s->arena, arena_strdup(&s->arena, query), &stmts, &n, &e) < 0)
		goto fail;
	if (n > 1)
	{
		mg_error(&e, SQLSTATE_SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
		goto fail;
	}
	if (n == 1)
	{
		s->stmt = stmts[0];
		s->prep = sql_prepare(t->sql, &s->arena, s->stmt, types, nparams, &e);
		if (s->prep == NULL)
			goto fail;
	}
	s->next = t->stmts_list;
	t->stmts_list = s;
	pq_empty_message(t->io.out, PQ_BE_PARSE_COMPLETE);
	return TCOP_OK;

fail:
	stmt_release(s);
	return ext_fail(t, &e);
}

/* ---- Bind -------------------------------------------------------------------- */

static int
read_formats(MsgReader *r, int16_t *n, int16_t **formats, Arena *a, MgError *e)
{
	int			i;

	if (msg_get_int16(r, n, e) < 0)
		return -1;
	if (*n < 0)
	{
		mg_error(e, SQLSTATE_PROTOCOL_VIOLATION, "invalid message format");
		return -1;
	}
	*formats = *n ? arena_new_array(a, int16_t, *n) : NULL;
	for (i = 0; i < *n; i++)
	{
		if (msg_get_int16(r, &(*formats)[i], e) < 0)
			return -1;
		if ((*formats)[i] != 0 && (*formats)[i] != 1)
		{
			mg_error(e, SQLSTATE_INVALID_PARAMETER_VALUE, "unsupported format code: %d", (*formats)[i]);
			return -1;
		}
	}
	return 0;
}

TcopResult
ext_bind(Tcop *t, const char *body, size_t len)
{
	MgError		e = MG_ERROR_INIT;
	MsgReader	r;
	const char *pname;
	const char *sname;
	TcopStmt   *s;
	TcopPortal *p;
	int16_t		nfmt,
				nparams,
				nres;
	int16_t    *fmts,
			   *resfmts;
	Datum	   *values = NULL;
	bool	   *nulls = NULL;
	int			expected;
	const Oid  *ptypes;
	int			i;
	EvalCtx		ctx;

	msg_reader_init(&r, body, len);
	if (msg_get_string(&r, &pname, &e) < 0 || msg_get_string(&r, &sname, &e) < 0)
		return protocol_error(t, &e);
	s = stmt_find(t, sname);
	if (s == NULL)
	{
		if (sname[0])
			mg_error(&e, SQLSTATE_INVALID_SQL_STATEMENT_NAME, "prepared statement \"%s\" does not exist", sname);
		else
			mg_error(&e, SQLSTATE_INVALID_SQL_STATEMENT_NAME, "unnamed prepared statement does not exist");
		return ext_fail(t, &e);
	}
	p = portal_find(t, pname);
	if (p && pname[0])
	{
		mg_error(&e, SQLSTATE_DUPLICATE_CURSOR, "cursor \"%s\" already exists", pname);
		return ext_fail(t, &e);
	}
	if (p)
		portal_unlink(t, p);

	p = mg_calloc(1, sizeof(TcopPortal));
	p->name = mg_strdup(pname);
	arena_init(&p->arena, 1024);
	p->stmt = s;
	s->refs++;

	if (read_formats(&r, &nfmt, &fmts, &p->arena, &e) < 0 || msg_get_int16(&r, &nparams, &e) < 0)
		goto fail;
	expected = s->prep ? sql_prepared_nparams(s->prep) : 0;
	if (nparams != expected)
	{
		mg_error(&e, SQLSTATE_PROTOCOL_VIOLATION,
				 "bind message supplies %d parameters, but prepared statement \"%s\" requires %d",
				 nparams, sname, expected);
		goto fail;
	}
	if (nfmt > 1 && nfmt != nparams)
	{
		mg_error(&e, SQLSTATE_PROTOCOL_VIOLATION, "bind message has %d parameter formats but %d parameters",
				 nfmt, nparams);
		goto fail;
	}
	if (batch_begin(t, &e) < 0)
		goto fail;
	ptypes = s->prep ? sql_prepared_param_types(s->prep) : NULL;
	eval_ctx_init(t, &ctx, &p->arena, &e);
	if (nparams > 0)
	{
		values = arena_new_array(&p->arena, Datum, nparams);
		nulls = arena_new_array(&p->arena, bool, nparams);
	}
	for (i = 0; i < nparams; i++)
	{
		int32_t		plen;
		const char *data;
		int16_t		fmt = nfmt == 0 ? 0 : (nfmt == 1 ? fmts[0] : fmts[i]);
		Oid			type = ptypes ? ptypes[i] : InvalidOid;
		int			rc;

		if (msg_get_int32(&r, &plen, &e) < 0)
			goto fail;
		if (plen == -1)
		{
			nulls[i] = true;
			continue;
		}
		if (plen < 0 || msg_get_bytes(&r, (size_t) plen, &data, &e) < 0)
		{
			if (!mg_error_isset(&e))
				mg_error(&e, SQLSTATE_PROTOCOL_VIOLATION, "invalid message format");
			goto fail;
		}
		if (type == InvalidOid || type == UNKNOWNOID)
			type = TEXTOID;
		if (fmt == 1)
		{
			rc = type_recv(&ctx, type, -1, data, (size_t) plen, &values[i]);
			if (rc < 0 && (!mg_error_isset(&e) ||
						   strcmp(e.sqlstate, SQLSTATE_INVALID_BINARY_REPRESENTATION) == 0))
				mg_error(&e, SQLSTATE_INVALID_BINARY_REPRESENTATION,
						 "incorrect binary data format in bind parameter %d", i + 1);
		}
		else
		{
			char	   *str = arena_strndup(&p->arena, data, (size_t) plen);

			rc = type_input(&ctx, type, -1, str, (size_t) plen, &values[i]);
		}
		if (rc < 0)
		{
			if (fmt == 0 && plen <= 64)
				mg_error_context(&e, "unnamed portal parameter $%d = '%.*s'", i + 1, (int) plen, data);
			else
				mg_error_context(&e, "unnamed portal parameter $%d", i + 1);
			goto fail;
		}
	}
	if (read_formats(&r, &nres, &resfmts, &p->arena, &e) < 0 || msg_end(&r, &e) < 0)
		goto fail;
	{
		const SqlTupleDesc *desc = s->prep ? sql_prepared_result(s->prep) : NULL;
		int			ncols = desc ? desc->ncols : 0;

		if (nres > 1 && nres != ncols)
		{
			mg_error(&e, SQLSTATE_PROTOCOL_VIOLATION, "bind message has %d result formats but query has %d columns",
					 nres, ncols);
			goto fail;
		}
	}
	p->nformats = nres;
	p->formats = resfmts;
	if (s->prep)
	{
		tcop_clear_interrupt(t);
		p->portal = sql_portal_new(t->sql, &p->arena, s->prep, values, nulls, &e);
		if (p->portal == NULL)
			goto fail;
	}
	p->next = t->portals;
	t->portals = p;
	pq_empty_message(t->io.out, PQ_BE_BIND_COMPLETE);
	return TCOP_OK;

fail:
	arena_destroy(&p->arena);
	stmt_release(p->stmt);
	free(p->name);
	free(p);
	return ext_fail(t, &e);
}

/* ---- Describe ------------------------------------------------------------ */

TcopResult
ext_describe(Tcop *t, const char *body, size_t len)
{
	MgError		e = MG_ERROR_INIT;
	MsgReader	r;
	uint8_t		kind;
	const char *name;

	msg_reader_init(&r, body, len);
	if (msg_get_int8(&r, &kind, &e) < 0 || msg_get_string(&r, &name, &e) < 0 || msg_end(&r, &e) < 0)
		return protocol_error(t, &e);
	if (kind == 'S')
	{
		TcopStmt   *s = stmt_find(t, name);
		const SqlTupleDesc *desc;
		size_t		m;
		int			n,
					i;
		const Oid  *types;

		if (s == NULL)
		{
			if (name[0])
				mg_error(&e, SQLSTATE_INVALID_SQL_STATEMENT_NAME, "prepared statement \"%s\" does not exist", name);
			else
				mg_error(&e, SQLSTATE_INVALID_SQL_STATEMENT_NAME, "unnamed prepared statement does not exist");
			return ext_fail(t, &e);
		}
		n = s->prep ? sql_prepared_nparams(s->prep) : 0;
		types = s->prep ? sql_prepared_param_types(s->prep) : NULL;
		m = pq_begin(t->io.out, PQ_BE_PARAMETER_DESCRIPTION);
		pq_put_int16(t->io.out, (int16_t) n);
		for (i = 0; i < n; i++)
			pq_put_int32(t->io.out, (int32_t) (types[i] ? types[i] : TEXTOID));
		pq_end(t->io.out, m);
		desc = s->prep ? sql_prepared_result(s->prep) : NULL;
		if (desc)
			dest_row_description(t, desc, 0, NULL);
		else
			pq_empty_message(t->io.out, PQ_BE_NO_DATA);
		return TCOP_OK;
	}
	if (kind == 'P')
	{
		TcopPortal *p = portal_find(t, name);
		const SqlTupleDesc *desc;

		if (p == NULL)
		{
			mg_error(&e, SQLSTATE_INVALID_CURSOR_NAME, "portal \"%s\" does not exist", name);
			return ext_fail(t, &e);
		}
		desc = p->portal ? sql_portal_result(p->portal) : NULL;
		if (desc)
			dest_row_description(t, desc, p->nformats, p->formats);
		else
			pq_empty_message(t->io.out, PQ_BE_NO_DATA);
		return TCOP_OK;
	}
	mg_error(&e, SQLSTATE_PROTOCOL_VIOLATION, "invalid DESCRIBE message subtype %d", kind);
	return ext_fail(t, &e);
}

/* ---- Execute -------------------------------------------------------------- */

/* Handles the result of running the Execute's portal. */
TcopResult
execute_after_run(Tcop *t, SqlRunResult rr, MgError *e)
{
	TcopPortal *p = t->run.tp;

	switch (rr)
	{
		case SQL_DONE:
			if (t->run.copy_out)
				pq_empty_message(t->io.out, PQ_BE_COPY_DONE);
			p->done = true;
			p->tag = arena_strdup(&p->arena, sql_portal_tag(p->portal));
			if (strncmp(p->tag, "SELECT ", 7) == 0)
			{
				/* as PostgreSQL: the rows this Execute returned, not the portal's total */
				char		tag[32];

				snprintf(tag, sizeof(tag), "SELECT %lld", (long long) t->run.rows);
				pq_command_complete(t->io.out, tag);
				p->tag = arena_strdup(&p->arena, "SELECT 0");
			}
			else
				pq_command_complete(t->io.out, p->tag);
			memset(&t->run, 0, sizeof(t->run));
			t->io.stmt_timer(t->io.arg, 0);
			if (sql_xact_finish_command(t->sql, e) < 0)
				return ext_fail(t, e);
			return TCOP_OK;
		case SQL_SUSPENDED:
			pq_empty_message(t->io.out, PQ_BE_PORTAL_SUSPENDED);
			memset(&t->run, 0, sizeof(t->run));
			t->io.stmt_timer(t->io.arg, 0);
			return TCOP_OK;
		case SQL_BLOCKED:
			return TCOP_BLOCKED;
		case SQL_WAIT:
			return TCOP_WAIT;
		case SQL_COPY_IN:
			return TCOP_OK;
		case SQL_ERROR:
			return ext_fail(t, e);
	}
	return TCOP_OK;
}

TcopResult
ext_continue(Tcop *t)
{
	MgError		e = MG_ERROR_INIT;

	if (t->run.kind != RUN_EXECUTE)
		return TCOP_OK;
	if (t->run.copy_in)
		return TCOP_OK;
	return execute_after_run(t, tcop_run_portal(t, &e), &e);
}

TcopResult
ext_execute(Tcop *t, const char *body, size_t len)
{
	MgError		e = MG_ERROR_INIT;
	MsgReader	r;
	const char *name;
	int32_t		max_rows;
	TcopPortal *p;

	msg_reader_init(&r, body, len);
	if (msg_get_string(&r, &name, &e) < 0 || msg_get_int32(&r, &max_rows, &e) < 0 || msg_end(&r, &e) < 0)
		return protocol_error(t, &e);
	p = portal_find(t, name);
	if (p == NULL)
	{
		mg_error(&e, SQLSTATE_INVALID_CURSOR_NAME, "portal \"%s\" does not exist", name);
		return ext_fail(t, &e);
	}
	if (p->portal == NULL)
	{
		pq_empty_message(t->io.out, PQ_BE_EMPTY_QUERY);
		return TCOP_OK;
	}
	if (p->done)
	{
		/* PostgreSQL answers a finished portal with its tag and no rows */
		pq_command_complete(t->io.out, p->tag);
		return TCOP_OK;
	}
	if (batch_begin(t, &e) < 0)
		return ext_fail(t, &e);
	tcop_clear_interrupt(t);
	{
		int64_t		ms = guc_int(t->gucs, GUC_STATEMENT_TIMEOUT);

		if (ms > 0)
			t->io.stmt_timer(t->io.arg, ms);
	}
	memset(&t->run, 0, sizeof(t->run));
	t->run.kind = RUN_EXECUTE;
	t->run.portal = p->portal;
	t->run.tp = p;
	t->run.max_rows = max_rows > 0 ? max_rows : 0;
	t->run.nformats = p->nformats;
	t->run.formats = p->formats;
	return execute_after_run(t, tcop_run_portal(t, &e), &e);
}

/* ---- Close and Sync ------------------------------------------------------ */

TcopResult
ext_close(Tcop *t, const char *body, size_t len)
{
	MgError		e = MG_ERROR_INIT;
	MsgReader	r;
	uint8_t		kind;
	const char *name;

	msg_reader_init(&r, body, len);
	if (msg_get_int8(&r, &kind, &e) < 0 || msg_get_string(&r, &name, &e) < 0 || msg_end(&r, &e) < 0)
		return protocol_error(t, &e);
	if (kind == 'S')
	{
		TcopStmt   *s = stmt_find(t, name);

		if (s)
			stmt_unlink(t, s);
	}
	else if (kind == 'P')
	{
		TcopPortal *p = portal_find(t, name);

		if (p)
			portal_unlink(t, p);
	}
	else
	{
		mg_error(&e, SQLSTATE_PROTOCOL_VIOLATION, "invalid CLOSE message subtype %d", kind);
		return ext_fail(t, &e);
	}
	pq_empty_message(t->io.out, PQ_BE_CLOSE_COMPLETE);
	return TCOP_OK;
}

TcopResult
ext_sync(Tcop *t)
{
	MgError		e = MG_ERROR_INIT;

	t->skip_till_sync = false;
	if (t->in_batch)
	{
		t->in_batch = false;
		if (sql_xact_implicit_block_end(t->sql, &e) < 0)
		{
			tcop_send_error(t, &e);
			mg_error_reset(&e);
			sql_xact_abort_command(t->sql);
		}
	}
	if (sql_xact_status(t->sql) == 'I')
		ext_drop_portals(t);
	tcop_report_gucs(t->gucs, t->io.out);
	pq_ready_for_query(t->io.out, sql_xact_status(t->sql));
	return TCOP_OK;
}
