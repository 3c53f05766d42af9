/*
 * scan.c — the storage-reading executor nodes: sequential scan (row-id
 * order) and index scan (point lookup, key range, or one probe per IN-list
 * value), both through the session's StTxn; and the virtual scan of a
 * system catalog, a function in FROM or a subquery in FROM, whose rows are
 * computed once when the scan starts.
 *
 * Design notes:
 *   - Index bounds are built at the first exec_next from the plan's
 *     IndexQuals evaluated once (parameters and constants).  The scan still
 *     applies the whole WHERE clause as its qual, so bounds only narrow.
 *   - A unique index with every column bound by equality uses
 *     st_index_lookup (no cursor).  IN lists are probed in key order with
 *     duplicates removed, so a row is returned at most once.
 *   - Cursors pin what they read; rows fetched with st_get are deformed at
 *     once (Datums point into the tuple, which stays valid until the next
 *     write of the transaction, i.e. after the consumer is done with it).
 *
 * Invariants:
 *   1. ScanState.open implies the cursor must be closed by scan_end.
 */
#include <stdlib.h>
#include <string.h>

#include <memgres/sqlstate.h>

#include "../catalog.h"
#include "../cte.h"
#include "../exec.h"
#include "../system.h"

typedef struct KeyBuf
{
	char	   *data;
	size_t		len;
} KeyBuf;

typedef struct ScanState
{
	const CatTable *t;
	StCursor	cur;
	bool		open;
	bool		started;
	bool		done;
	/* index scans */
	bool		point;			/* unique lookup: at most one row */
	int			nprobes;		/* IN list: probes left to run */
	int			probe;
	KeyBuf	   *probes;
} ScanState;

/* Fills the raw row from a tuple; columns added later read their missing value. */
static void
deform_row(ExecNode *n, const CatTable *t, const StTuple *tup)
{
	int			natts = st_tuple_natts(tup);

	st_tuple_deform(tup, t->stcols, t->ncols, n->raw_values, n->raw_nulls);
	for (int i = natts; i < t->ncols; i++)
	{
		if (t->cols[i].has_missing)
		{
			n->raw_values[i] = t->cols[i].missing;
			n->raw_nulls[i] = t->cols[i].missing_null;
		}
	}
}

/* Encodes one index column value into key. */
static void
key_add(StrBuf *key, const CatTable *t, const CatIndex *ix, int k, Datum v)
{
	const CatColumn *c = &t->cols[ix->attnums[k] - 1];

	idxkey_add(key, c->mt->key_encode, v, false, ix->flags[k]);
}

static int
eval_value(ExecState *es, ExecNode *n, const Expr *e, Datum *v, bool *isnull)
{
	return expr_eval(&n->ctx, &es->rs, e, NULL, v, isnull);
}

static int
cmp_keybuf(const void *a, const void *b)
{
	const KeyBuf *x = a,
			   *y = b;
	size_t		l = x->len < y->len ? x->len : y->len;
	int			c = memcmp(x->data, y->data, l);

	if (c != 0)
		return c;
	return x->len < y->len ? -1 : x->len > y->len ? 1 : 0;
}

/* Opens the cursor (or decides a point lookup / empty result). */
static int
index_begin(ExecState *es, ExecNode *n, ScanState *st)
{
	const Plan *p = n->plan;
	const CatIndex *ix = p->u.scan.index;
	StrBuf		prefix;
	StKeyBound	lo = {0},
				hi = {0};
	bool		have_lo = false,
				have_hi = false;
	int			neq = 0;

	strbuf_init_arena(&prefix, es->run_arena);
	for (int i = 0; i < p->u.scan.nquals; i++)
	{
		const IndexQual *q = &p->u.scan.iquals[i];

		if (q->strategy == IQ_EQ)
		{
			Datum		v;
			bool		isnull;

			if (eval_value(es, n, q->value, &v, &isnull) < 0)
				return -1;
			if (isnull)
			{
				st->done = true;	/* col = NULL is never true */
				return 0;
			}
			key_add(&prefix, st->t, ix, q->keycol, v);
			neq++;
		}
	}
	if (neq == ix->ncols && ix->unique)
	{
		st->point = true;
		st->probes = arena_new(es->run_arena, KeyBuf);
		st->probes[0].data = prefix.data;
		st->probes[0].len = prefix.len;
		st->nprobes = 1;
		return 0;
	}
	for (int i = 0; i < p->u.scan.nquals; i++)
	{
		const IndexQual *q = &p->u.scan.iquals[i];
		bool		desc = (ix->flags[q->keycol] & IDXKEY_DESC) != 0;
		Datum		v;
		bool		isnull;
		StrBuf		key;
		bool		is_low;

		if (q->strategy == IQ_EQ)
			continue;
		if (q->strategy == IQ_IN)
		{
			int			np = 0;

			st->probes = arena_new_array(es->run_arena, KeyBuf, q->nlist);
			for (int k = 0; k < q->nlist; k++)
			{
				if (eval_value(es, n, q->list[k], &v, &isnull) < 0)
					return -1;
				if (isnull)
					continue;
				strbuf_init_arena(&key, es->run_arena);
				strbuf_append(&key, prefix.data, prefix.len);
				key_add(&key, st->t, ix, q->keycol, v);
				st->probes[np].data = key.data;
				st->probes[np].len = key.len;
				np++;
			}
			qsort(st->probes, (size_t) np, sizeof(KeyBuf), cmp_keybuf);
			st->nprobes = 0;
			for (int k = 0; k < np; k++)
				if (k == 0 || cmp_keybuf(&st->probes[k - 1], &st->probes[k]) != 0)
					st->probes[st->nprobes++] = st->probes[k];
			st->probe = 0;
			return 0;
		}
		if (eval_value(es, n, q->value, &v, &isnull) < 0)
			return -1;
		if (isnull)
		{
			st->done = true;
			return 0;
		}
		strbuf_init_arena(&key, es->run_arena);
		strbuf_append(&key, prefix.data, prefix.len);
		key_add(&key, st->t, ix, q->keycol, v);
		is_low = (q->strategy == IQ_GT || q->strategy == IQ_GE) != desc;
		if (is_low)
		{
			lo.key = key.data;
			lo.len = key.len;
			lo.inclusive = q->strategy == IQ_GE || q->strategy == IQ_LE;
			have_lo = true;
		}
		else
		{
			hi.key = key.data;
			hi.len = key.len;
			hi.inclusive = q->strategy == IQ_LE || q->strategy == IQ_GE;
			have_hi = true;
		}
	}
	if (!have_lo && prefix.len > 0)
	{
		lo.key = prefix.data;
		lo.len = prefix.len;
		lo.inclusive = true;
		have_lo = true;
	}
	if (!have_hi && prefix.len > 0)
	{
		hi.key = prefix.data;
		hi.len = prefix.len;
		hi.inclusive = true;
		have_hi = true;
	}
	st_index_open(&st->cur, es->txn, st->t->oid, ix->oid, have_lo ? &lo : NULL, have_hi ? &hi : NULL,
				  n->plan->u.scan.backward);
	st->open = true;
	return 0;
}

/* The next row id of an index scan; false at the end. */
static bool
index_next_rowid(ExecState *es, ExecNode *n, ScanState *st, uint64_t *rowid)
{
	const CatIndex *ix = n->plan->u.scan.index;

	for (;;)
	{
		if (st->open)
		{
			if (st_index_next(&st->cur, rowid, NULL, NULL))
				return true;
			st_cursor_close(&st->cur);
			st->open = false;
		}
		if (st->point)
		{
			if (st->nprobes == 0)
				return false;
			st->nprobes = 0;
			return st_index_lookup(es->txn, st->t->oid, ix->oid, st->probes[0].data, st->probes[0].len, rowid);
		}
		if (st->probe >= st->nprobes)
			return false;
		{
			StKeyBound	b = {.key = st->probes[st->probe].data, .len = st->probes[st->probe].len, .inclusive = true};

			st->probe++;
			st_index_open(&st->cur, es->txn, st->t->oid, ix->oid, &b, &b, false);
			st->open = true;
		}
	}
}

static int
scan_next(ExecState *es, ExecNode *n)
{
	ScanState  *st = n->state;
	const Plan *p = n->plan;

	if (!st->started)
	{
		st->started = true;
		if (p->kind == PLAN_SEQSCAN)
		{
			st_scan_open(&st->cur, es->txn, st->t->oid, 0, false);
			st->open = true;
		}
		else if (index_begin(es, n, st) < 0)
			return -1;
	}
	while (!st->done)
	{
		uint64_t	rowid;
		const StTuple *tup;
		bool		pass;

		if (exec_check_interrupt(es) < 0)
			return -1;
		if (p->kind == PLAN_SEQSCAN)
		{
			if (!st_cursor_next(&st->cur, &rowid, &tup))
				break;
		}
		else
		{
			if (!index_next_rowid(es, n, st, &rowid))
				break;
			if (!(tup = st_get(es->txn, st->t->oid, rowid)))
				continue;
		}
		arena_reset(n->arena);
		deform_row(n, st->t, tup);
		n->rowid = rowid;
		if (exec_finish_row(es, n, &pass) < 0)
			return -1;
		if (pass)
			return 1;
	}
	st->done = true;
	if (st->open)
	{
		st_cursor_close(&st->cur);
		st->open = false;
	}
	return 0;
}

/* System catalogs and functions in FROM: rows materialised at the first call. */
typedef struct VirtualState
{
	bool		loaded;
	int			pos;
	SysRows		rows;
} VirtualState;

static void
rows_append(Arena *a, SysRows *rows, Datum *v, bool *nl)
{
	if (rows->nrows == rows->cap)
	{
		int			ncap = rows->cap ? rows->cap * 2 : 16;

		rows->values = arena_realloc(a, rows->values, sizeof(Datum *) * rows->cap, sizeof(Datum *) * ncap);
		rows->nulls = arena_realloc(a, rows->nulls, sizeof(bool *) * rows->cap, sizeof(bool *) * ncap);
		rows->cap = ncap;
	}
	rows->values[rows->nrows] = v;
	rows->nulls[rows->nrows] = nl;
	rows->nrows++;
}

static void
srf_add_row(Arena *a, SysRows *rows, int ncols, Datum value, bool isnull, int64_t ordinal)
{
	Datum	   *v = arena_new_array(a, Datum, ncols);
	bool	   *nl = arena_new_array(a, bool, ncols);

	v[0] = value;
	nl[0] = isnull;
	if (ncols > 1)
	{
		v[1] = Int64GetDatum(ordinal);
		nl[1] = false;
	}
	rows_append(a, rows, v, nl);
}

/*
 * A subquery in FROM: its rows, copied into the run arena.  Its enclosing
 * query's row is the scan's outer row, or, in a join's inner scan, the
 * enclosing row the nested loop keeps apart.
 */
static int
subquery_rows(ExecState *es, const CatTable *t, SysRows *rows)
{
	ExecState	sub = *es;
	ExecNode   *root;
	int			rc;

	memset(rows, 0, sizeof(*rows));
	sub.rs.outer = es->rs.enclosing ? es->rs.enclosing : es->rs.outer;
	sub.rs.enclosing = NULL;
	sub.rs.exec = &sub;
	if (!(root = exec_start(&sub, t->subplan)))
		return -1;
	while ((rc = exec_next(&sub, root)) > 0)
	{
		Datum	   *v = arena_new_array(es->run_arena, Datum, t->ncols > 0 ? t->ncols : 1);
		bool	   *nl = arena_new_array(es->run_arena, bool, t->ncols > 0 ? t->ncols : 1);

		for (int i = 0; i < t->ncols; i++)
		{
			nl[i] = root->nulls[i];
			v[i] = nl[i] ? 0 : datum_copy(es->run_arena, t->cols[i].mt, root->values[i]);
		}
		rows_append(es->run_arena, rows, v, nl);
	}
	exec_end(root);
	return rc < 0 ? -1 : 0;
}

/*
 * A function in FROM: every row it returns, computed when the scan starts
 * with the arguments evaluated over the scan's outer row (the join so far,
 * or the enclosing query's row).  A function that is not set-returning
 * gives one row.  Rows live in the run arena.
 */
static int
srf_rows(ExecState *es, const CatTable *t, const Expr *e, SysRows *rows)
{
	EvalCtx		ctx = es->ctx;
	Datum		args[FUNC_MAX_ARGS];
	bool		nulls[FUNC_MAX_ARGS];
	FnCall		fc;
	int64_t		ordinal = 0;

	ctx.arena = es->run_arena;
	memset(rows, 0, sizeof(*rows));
	if (e->kind != EXPR_FUNC || !e->u.func.def->retset || e->nargs > FUNC_MAX_ARGS)
	{
		Datum		v;
		bool		isnull;

		if (expr_eval(&ctx, &es->rs, e, NULL, &v, &isnull) < 0)
			return -1;
		srf_add_row(es->run_arena, rows, t->ncols, v, isnull, 1);
		return 0;
	}
	for (int i = 0; i < e->nargs; i++)
	{
		if (expr_eval(&ctx, &es->rs, e->args[i], NULL, &args[i], &nulls[i]) < 0)
			return -1;
		if (nulls[i] && e->u.func.def->strict)
			return 0;			/* a strict set-returning function of NULL: no rows */
	}
	memset(&fc, 0, sizeof(fc));
	fc.ctx = &ctx;
	fc.nargs = e->nargs;
	fc.args = args;
	fc.argnull = nulls;
	fc.argtypes = e->u.func.argtypes;
	fc.rettype = e->type;
	fc.rettypmod = e->typmod;
	fc.cache_arena = es->run_arena;
	fc.srf_arena = es->run_arena;
	for (;;)
	{
		Datum		v = 0;

		if (exec_check_interrupt(es) < 0)
			return -1;
		fc.isnull = false;
		if (e->u.func.def->fn(&fc, &v) < 0)
			return -1;
		if (fc.srf_done)
			return 0;
		srf_add_row(es->run_arena, rows, t->ncols, v, fc.isnull, ++ordinal);
	}
}

static int
virtual_next(ExecState *es, ExecNode *n)
{
	VirtualState *st = n->state;
	const CatTable *t = n->plan->u.scan.rel;

	if (!st->loaded)
	{
		if (n->plan->u.scan.srf)
		{
			if (srf_rows(es, t, n->plan->u.scan.srf, &st->rows) < 0)
				return -1;
		}
		else if (t->subplan)
		{
			if (subquery_rows(es, t, &st->rows) < 0)
				return -1;
		}
		else
			system_rows(es->session, catalog_of_txn(es->txn), t, es->run_arena, &st->rows);
		st->loaded = true;
	}
	while (st->pos < st->rows.nrows)
	{
		bool		pass;

		arena_reset(n->arena);
		memcpy(n->raw_values, st->rows.values[st->pos], sizeof(Datum) * (size_t) t->ncols);
		memcpy(n->raw_nulls, st->rows.nulls[st->pos], sizeof(bool) * (size_t) t->ncols);
		st->pos++;
		if (exec_finish_row(es, n, &pass) < 0)
			return -1;
		if (pass)
			return 1;
	}
	return 0;
}

int
scan_start(ExecState *es, ExecNode *n)
{
	if (n->plan->kind == PLAN_VIRTUAL && n->plan->u.scan.rel->subplan &&
		n->plan->u.scan.rel->subplan->kind == PLAN_CTESCAN)
		return cte_scan_start(es, n);
	if (n->plan->kind == PLAN_VIRTUAL)
	{
		n->state = arena_new(es->run_arena, VirtualState);
		n->next = virtual_next;
		return 0;
	}
	ScanState  *st = arena_new(es->run_arena, ScanState);

	st->t = n->plan->u.scan.rel;
	n->state = st;
	n->next = scan_next;
	return 0;
}

void
scan_end(ExecNode *n)
{
	ScanState  *st = n->state;

	if (n->plan->kind == PLAN_VIRTUAL && n->plan->u.scan.rel->subplan &&
		n->plan->u.scan.rel->subplan->kind == PLAN_CTESCAN)
		cte_scan_end(n);
	if (n->plan->kind == PLAN_VIRTUAL)
		return;
	if (st && st->open)
	{
		st_cursor_close(&st->cur);
		st->open = false;
	}
}
