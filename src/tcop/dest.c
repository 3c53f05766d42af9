/*
 * dest.c — where results go: the SqlDest the engine writes rows and COPY
 * data to, turned into RowDescription, DataRow, CopyOutResponse/CopyData
 * and CopyInResponse messages in the connection's output buffer; and the
 * notice hook (NoticeResponse, filtered by client_min_messages).
 *
 * Design: a DataRow is written straight into the output buffer, each value
 * converted in place (type_output/type_send append to the same StrBuf, the
 * length word patched afterwards), so a row costs no allocation beyond the
 * output buffer's growth.  The dest asks the executor to stop (*full) when
 * the output passes the connection's high-water mark or the row budget of
 * this turn is spent.
 *
 * Invariants:
 *  1. A failed conversion leaves no partial DataRow in the buffer.
 *  2. row_arena is reset after every row.
 */
#include <string.h>

#include <memgres/log.h>

#include "tcop_int.h"

void
eval_ctx_init(Tcop *t, EvalCtx *ctx, Arena *a, MgError *err)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->arena = a;
	ctx->err = err;
	ctx->gucs = t->gucs;
	ctx->session = t->sql;
	ctx->interrupt = sql_session_interrupt(t->sql);
}

static int16_t
format_of(int nformats, const int16_t *formats, int i)
{
	if (nformats == 0 || formats == NULL)
		return 0;
	if (nformats == 1)
		return formats[0];
	return i < nformats ? formats[i] : 0;
}

void
dest_row_description(Tcop *t, const SqlTupleDesc *desc, int nformats, const int16_t *formats)
{
	StrBuf	   *out = t->io.out;
	size_t		m = pq_begin(out, PQ_BE_ROW_DESCRIPTION);
	int			i;

	pq_put_int16(out, (int16_t) desc->ncols);
	for (i = 0; i < desc->ncols; i++)
	{
		const SqlColumn *c = &desc->cols[i];

		pq_put_string(out, c->name ? c->name : "?column?");
		pq_put_int32(out, (int32_t) c->table_oid);
		pq_put_int16(out, c->attnum);
		pq_put_int32(out, (int32_t) c->type_oid);
		pq_put_int16(out, c->typlen);
		pq_put_int32(out, c->typmod);
		pq_put_int16(out, format_of(nformats, formats, i));
	}
	pq_end(out, m);
}

static void
check_full(Tcop *t, bool *full)
{
	if (t->turn_rows >= TCOP_ROW_BUDGET || t->io.output_full(t->io.arg))
		*full = true;
}

static int
dest_row(SqlDest *d, const SqlTupleDesc *desc, const Datum *values, const bool *nulls,
		 bool *full, MgError *err)
{
	Tcop	   *t = d->arg;
	StrBuf	   *out = t->io.out;
	size_t		m = pq_begin(out, PQ_BE_DATA_ROW);
	EvalCtx		ctx;
	int			i;

	eval_ctx_init(t, &ctx, &t->row_arena, err);
	pq_put_int16(out, (int16_t) desc->ncols);
	for (i = 0; i < desc->ncols; i++)
	{
		const SqlColumn *c = &desc->cols[i];
		size_t		lenpos;
		int			rc;
		uint32_t	vlen;
		unsigned char *p;

		if (nulls && nulls[i])
		{
			pq_put_int32(out, -1);
			continue;
		}
		lenpos = out->len;
		pq_put_int32(out, 0);
		if (format_of(t->run.nformats, t->run.formats, i) == 1)
			rc = type_send(&ctx, c->type_oid, c->typmod, values[i], out);
		else
			rc = type_output(&ctx, c->type_oid, c->typmod, values[i], out);
		if (rc < 0)
		{
			out->len = m;
			out->data[m] = '\0';
			arena_reset(&t->row_arena);
			return -1;
		}
		vlen = (uint32_t) (out->len - lenpos - 4);
		p = (unsigned char *) out->data + lenpos;
		p[0] = (unsigned char) (vlen >> 24);
		p[1] = (unsigned char) (vlen >> 16);
		p[2] = (unsigned char) (vlen >> 8);
		p[3] = (unsigned char) vlen;
	}
	pq_end(out, m);
	arena_reset(&t->row_arena);
	t->run.rows++;
	t->turn_rows++;
	check_full(t, full);
	return 0;
}

static void
copy_response(Tcop *t, char type, bool binary, int ncols)
{
	StrBuf	   *out = t->io.out;
	size_t		m = pq_begin(out, type);
	int			i;

	pq_put_int8(out, binary ? 1 : 0);
	pq_put_int16(out, (int16_t) ncols);
	for (i = 0; i < ncols; i++)
		pq_put_int16(out, binary ? 1 : 0);
	pq_end(out, m);
}

static int
dest_copy_out_begin(SqlDest *d, bool binary, int ncols, MgError *err)
{
	Tcop	   *t = d->arg;

	(void) err;
	copy_response(t, PQ_BE_COPY_OUT, binary, ncols);
	t->run.copy_out = true;
	return 0;
}

static int
dest_copy_out_data(SqlDest *d, const char *buf, size_t len, bool *full, MgError *err)
{
	Tcop	   *t = d->arg;
	size_t		m = pq_begin(t->io.out, PQ_BE_COPY_DATA);

	(void) err;
	pq_put_bytes(t->io.out, buf, len);
	pq_end(t->io.out, m);
	t->turn_rows++;
	check_full(t, full);
	return 0;
}

static int
dest_copy_in_begin(SqlDest *d, bool binary, int ncols, MgError *err)
{
	Tcop	   *t = d->arg;

	(void) err;
	copy_response(t, PQ_BE_COPY_IN, binary, ncols);
	t->run.copy_in = true;
	return 0;
}

void
dest_init(Tcop *t)
{
	t->dest.row = dest_row;
	t->dest.copy_out_begin = dest_copy_out_begin;
	t->dest.copy_out_data = dest_copy_out_data;
	t->dest.copy_in_begin = dest_copy_in_begin;
	t->dest.arg = t;
}

/* client_min_messages order: debug5..debug1, log, notice, warning, error. */
static int
client_level(MgSeverity sev)
{
	switch (sev)
	{
		case MG_SEV_DEBUG:
			return 4;
		case MG_SEV_LOG:
			return 5;
		case MG_SEV_INFO:
			return 100;			/* always sent */
		case MG_SEV_NOTICE:
			return 6;
		case MG_SEV_WARNING:
			return 7;
		default:
			return 8;
	}
}

void
dest_notice_hook(void *arg, const MgError *notice)
{
	Tcop	   *t = arg;

	if (client_level(notice->severity) < guc_int(t->gucs, GUC_CLIENT_MIN_MESSAGES))
		return;
	pq_error_response(t->io.out, notice, true);
}
