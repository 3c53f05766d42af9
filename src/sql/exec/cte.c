/*
 * cte.c (exec) — the rows of WITH items: a store per item and run, filled
 * on demand, and the scans that read it.
 *
 * Design notes:
 *   - A store lives in the statement run's cache slot of its item, so
 *     every reference (in joins, FROM subqueries, subquery expressions)
 *     shares one computation, as PostgreSQL's CTE scans share one
 *     tuplestore.  It is created by the first scan that reads it and freed
 *     by the PLAN_WITH node of the query owning the item.
 *   - Rows are produced lazily: a scan that has read every stored row asks
 *     the producer for one more.  So a recursion that never ends is fine
 *     under a LIMIT, as in PostgreSQL, and otherwise runs until the
 *     statement is cancelled (every row checks the interrupt flag).
 *   - Recursion (PostgreSQL's RecursiveUnion): the non-recursive term's
 *     rows are stored; then the recursive term runs again and again, each
 *     time over the working table, which is exactly the range of rows the
 *     previous round added to the store, until a round adds none.  UNION
 *     (not ALL) keeps a hash of every stored row and drops a new row equal
 *     to any of them, so the working table holds only new rows.
 *   - The producer runs in an ExecState of its own (a copy of the first
 *     reader's, without outer rows: shared items never read an enclosing
 *     query) and an arena per term or round, freed when it ends.  Rows an
 *     INSERT/UPDATE/DELETE item writes count in that copy, not in the
 *     statement's command tag.
 *   - A data-modifying item is filled from its Modify node's RETURNING
 *     rows as it is read, and run to the end by PLAN_WITH when the
 *     statement's own rows are done.
 *   - An item that reads an enclosing query cannot be shared: each scan of
 *     it fills a store of its own, with the enclosing row as the
 *     producer's outer row, and frees it when the scan ends (cte_scan_end).
 *     While it produces, the store sits in the item's cache slot so that
 *     its working-table scans find it.
 *
 * State of a store:
 *
 *     (none) --first read--> NONREC --term ends--> REC round k --round adds
 *       rows--> REC round k+1 ... --round adds none / not recursive--> DONE
 *
 * Invariants:
 *   1. rows [work_lo, work_hi) are the working table of the running round.
 *   2. A stored row's values live in the store's arena until the store ends.
 */
#include <string.h>

#include <memgres/sqlstate.h>

#include "../catalog.h"
#include "../cte.h"
#include "../exec.h"

typedef struct CteStore
{
	const CteDef *def;
	Arena	   *arena;			/* this struct and the stored rows */
	int			nrows;
	int			cap;
	Datum	  **values;
	bool	  **nulls;
	bool		done;
	bool		busy;			/* producing: a nested request would be a bug */
	bool		started;
	bool		in_rec;			/* running the recursive term */
	int			work_lo;
	int			work_hi;
	ExecState	es;				/* the producer's */
	Arena	   *node_arena;		/* the running term's nodes */
	ExecNode   *node;
	/* UNION: open-addressing table of row index + 1, and each row's hash */
	uint32_t	hcap;
	uint32_t   *htab;
	uint64_t   *hashes;
} CteStore;

static void
store_stop_node(CteStore *st)
{
	if (st->node)
		exec_end(st->node);
	st->node = NULL;
	if (st->node_arena)
		arena_free(st->node_arena);
	st->node_arena = NULL;
}

static void
store_free(CteStore *st)
{
	store_stop_node(st);
	arena_free(st->arena);
}

/*
 * A new store.  An item reading an enclosing query gets that query's row:
 * the reader's enclosing row, or levels_up subquery-expression levels
 * higher, the outer row of that level's run state (as EXPR_OUTERVAR climbs).
 */
static CteStore *
store_new(ExecState *es, const CteDef *d, int levels_up)
{
	Arena	   *a;
	CteStore   *st;
	const ExprRow *outer = es->rs.enclosing ? es->rs.enclosing : es->rs.outer;
	const ExprRunState *up = es->rs.up;

	for (int k = 0; k < levels_up; k++)
	{
		if (!up)
		{
			mg_error(es->err, SQLSTATE_INTERNAL_ERROR, "WITH query \"%s\" has no enclosing row", d->name);
			return NULL;
		}
		outer = up->outer;
		up = up->up;
	}
	a = arena_create(8192);
	st = arena_new(a, CteStore);
	st->arena = a;
	st->def = d;
	st->es = *es;
	st->es.rs.exec = &st->es;
	if (d->correlated)
	{
		st->es.rs.outer = outer;
		st->es.rs.up = up;
	}
	else
	{
		st->es.rs.outer = NULL;
		st->es.rs.up = NULL;
	}
	st->es.rs.enclosing = NULL;
	st->es.rs.enclosing_base = 0;
	return st;
}

static CteStore *
store_get(ExecState *es, const CteDef *d)
{
	CteStore   *st;

	if (d->slot < 0 || d->slot >= es->rs.ncache)
	{
		mg_error(es->err, SQLSTATE_INTERNAL_ERROR, "WITH query \"%s\" has no run-time slot", d->name);
		return NULL;
	}
	if ((st = es->rs.cache[d->slot]))
		return st;
	if (!(st = store_new(es, d, 0)))
		return NULL;
	es->rs.cache[d->slot] = st;
	return st;
}

static int
store_start_node(CteStore *st, const Plan *plan)
{
	st->node_arena = arena_create(8192);
	st->es.run_arena = st->node_arena;
	st->es.ctx.arena = st->node_arena;
	if (!(st->node = exec_start(&st->es, plan)))
	{
		arena_free(st->node_arena);
		st->node_arena = NULL;
		return -1;
	}
	return 0;
}

static uint64_t
row_hash(const CteDef *d, const Datum *v, const bool *nl)
{
	uint64_t	h = 0x84222325u;

	for (int i = 0; i < d->ncols; i++)
		h = h * 0x100000001b3ULL + (nl[i] ? 0x9e3779b97f4a7c15ULL : d->cols[i].mt->hash(v[i]));
	return h;
}

static bool
row_equal(const CteDef *d, const Datum *v, const bool *nl, const Datum *v2, const bool *nl2)
{
	for (int i = 0; i < d->ncols; i++)
	{
		if (nl[i] != nl2[i])
			return false;
		if (!nl[i] && !datum_equal(d->cols[i].mt, v[i], v2[i]))
			return false;
	}
	return true;
}

static void
hash_insert(CteStore *st, uint64_t h, uint32_t idx)
{
	uint32_t	mask = st->hcap - 1;
	uint32_t	b = (uint32_t) h & mask;

	while (st->htab[b])
		b = (b + 1) & mask;
	st->htab[b] = idx + 1;
}

/* True if an equal row is stored already (UNION). */
static bool
hash_seen(CteStore *st, uint64_t h, const Datum *v, const bool *nl)
{
	uint32_t	mask;
	uint32_t	b;

	if (st->hcap == 0)
		return false;
	mask = st->hcap - 1;
	for (b = (uint32_t) h & mask; st->htab[b]; b = (b + 1) & mask)
	{
		uint32_t	i = st->htab[b] - 1;

		if (st->hashes[i] == h && row_equal(st->def, v, nl, st->values[i], st->nulls[i]))
			return true;
	}
	return false;
}

/* Copies the producer's current row into the store (UNION: unless seen). */
static bool
store_append(CteStore *st, const Datum *v, const bool *nl)
{
	const CteDef *d = st->def;
	int			n = d->ncols > 0 ? d->ncols : 1;
	bool		dedup = d->recursive && !d->union_all;
	uint64_t	h = 0;
	Datum	   *cv;
	bool	   *cn;

	if (dedup)
	{
		h = row_hash(d, v, nl);
		if (hash_seen(st, h, v, nl))
			return false;
	}
	if (st->nrows == st->cap)
	{
		int			ncap = st->cap ? st->cap * 2 : 64;

		st->values = arena_realloc(st->arena, st->values, sizeof(Datum *) * st->cap, sizeof(Datum *) * ncap);
		st->nulls = arena_realloc(st->arena, st->nulls, sizeof(bool *) * st->cap, sizeof(bool *) * ncap);
		if (dedup)
			st->hashes = arena_realloc(st->arena, st->hashes, sizeof(uint64_t) * st->cap, sizeof(uint64_t) * ncap);
		st->cap = ncap;
	}
	cv = arena_new_array(st->arena, Datum, n);
	cn = arena_new_array(st->arena, bool, n);
	for (int i = 0; i < d->ncols; i++)
	{
		cn[i] = nl[i];
		cv[i] = nl[i] ? 0 : datum_copy(st->arena, d->cols[i].mt, v[i]);
	}
	st->values[st->nrows] = cv;
	st->nulls[st->nrows] = cn;
	if (dedup)
	{
		st->hashes[st->nrows] = h;
		if ((uint32_t) (st->nrows + 1) * 2 > st->hcap)
		{
			uint32_t	ncap = st->hcap ? st->hcap * 2 : 128;

			st->htab = arena_alloc0(st->arena, sizeof(uint32_t) * ncap);
			st->hcap = ncap;
			for (int i = 0; i < st->nrows; i++)
				hash_insert(st, st->hashes[i], (uint32_t) i);
		}
		hash_insert(st, h, (uint32_t) st->nrows);
	}
	st->nrows++;
	return true;
}

/* Produces rows until one is stored (1) or the item has no more (0). */
static int
store_fill(CteStore *st)
{
	const CteDef *d = st->def;

	void	   *shared = NULL;
	int			rc;

	if (st->busy)
	{
		mg_error(st->es.err, SQLSTATE_INTERNAL_ERROR, "WITH query \"%s\" read itself while producing", d->name);
		return -1;
	}
	st->busy = true;
	if (d->correlated)
	{
		/* A scan's own store: its working-table scans find it in the slot meanwhile. */
		shared = st->es.rs.cache[d->slot];
		st->es.rs.cache[d->slot] = st;
	}
	for (;;)
	{
		if (st->done)
			break;
		if (!st->node)
		{
			if (!st->started)
			{
				st->started = true;
				if (store_start_node(st, d->plan) < 0)
					goto fail;
			}
			else
				break;
		}
		if (exec_check_interrupt(&st->es) < 0)
			goto fail;
		rc = exec_next(&st->es, st->node);
		if (rc < 0)
			goto fail;
		if (rc > 0)
		{
			if (store_append(st, st->node->values, st->node->nulls))
			{
				rc = 1;
				goto out;
			}
			continue;
		}
		/* The term or round ended: start the next round over what it added. */
		store_stop_node(st);
		if (!d->recursive)
		{
			st->done = true;
			break;
		}
		if (!st->in_rec)
		{
			st->in_rec = true;
			st->work_lo = 0;
		}
		else
			st->work_lo = st->work_hi;
		st->work_hi = st->nrows;
		if (st->work_lo == st->work_hi)
		{
			st->done = true;
			break;
		}
		if (store_start_node(st, d->rec_plan) < 0)
			goto fail;
	}
	rc = 0;
	goto out;
fail:
	rc = -1;
out:
	if (d->correlated)
		st->es.rs.cache[d->slot] = shared;
	st->busy = false;
	return rc;
}

/* ---- scans of an item (a 'q' relation whose subplan is PLAN_CTESCAN) ---- */

typedef struct CteScanState
{
	const CteDef *def;
	bool		worktable;
	CteStore   *st;
	CteStore   *own;			/* an item reading an enclosing query: this scan's store */
	int			levels_up;		/* ... and where its enclosing row is */
	int			pos;
	int			end;			/* working table: its end */
} CteScanState;

static int
cte_scan_next(ExecState *es, ExecNode *n)
{
	CteScanState *s = n->state;
	const CatTable *t = n->plan->u.scan.rel;

	if (!s->st)
	{
		if (s->def->correlated && !s->worktable)
			s->st = s->own = store_new(es, s->def, s->levels_up);	/* this scan's outer row only */
		else
			s->st = store_get(es, s->def);
		if (!s->st)
			return -1;
		if (s->worktable)
		{
			s->pos = s->st->work_lo;
			s->end = s->st->work_hi;
		}
	}
	for (;;)
	{
		CteStore   *st = s->st;
		bool		pass;

		if (exec_check_interrupt(es) < 0)
			return -1;
		if (s->worktable ? s->pos >= s->end : s->pos >= st->nrows)
		{
			int			rc;

			if (s->worktable || st->done)
				return 0;
			if ((rc = store_fill(st)) < 0)
				return -1;
			if (rc == 0)
				return 0;
		}
		arena_reset(n->arena);
		memcpy(n->raw_values, st->values[s->pos], sizeof(Datum) * (size_t) t->ncols);
		memcpy(n->raw_nulls, st->nulls[s->pos], sizeof(bool) * (size_t) t->ncols);
		s->pos++;
		if (exec_finish_row(es, n, &pass) < 0)
			return -1;
		if (pass)
			return 1;
	}
}

int
cte_scan_start(ExecState *es, ExecNode *n)
{
	const Plan *sp = n->plan->u.scan.rel->subplan;
	CteScanState *s = arena_new(es->run_arena, CteScanState);

	s->def = sp->u.cte.def;
	s->worktable = sp->u.cte.worktable;
	s->levels_up = sp->u.cte.levels_up;
	n->state = s;
	n->next = cte_scan_next;
	return 0;
}

void
cte_scan_end(ExecNode *n)
{
	CteScanState *s = n->state;

	if (s && s->own)
	{
		store_free(s->own);
		s->own = NULL;
		s->st = NULL;
	}
}

/* ---- PLAN_WITH ------------------------------------------------------------ */

typedef struct WithState
{
	void	  **cache;			/* the run's cache slots, where the stores are */
	int			ncache;
} WithState;

/*
 * Data-modifying items run to completion once, read or not, when the
 * statement's own rows are done (PostgreSQL runs them at the end too).
 */
static int
finish_dml_items(ExecState *es, ExecNode *n)
{
	for (int i = 0; i < n->plan->u.with.nctes; i++)
	{
		const CteDef *d = n->plan->u.with.ctes[i];
		CteStore   *st;
		int			rc;

		if (!d->dml)
			continue;
		if (!(st = store_get(es, d)))
			return -1;
		while ((rc = store_fill(st)) > 0)
			;
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int
with_next(ExecState *es, ExecNode *n)
{
	int			rc = exec_next(es, n->child);

	if (rc > 0)
		n->rowid = n->child->rowid;
	else if (rc == 0 && finish_dml_items(es, n) < 0)
		return -1;
	return rc;
}

int
cte_with_start(ExecState *es, ExecNode *n)
{
	WithState  *w = arena_new(es->run_arena, WithState);

	w->cache = es->rs.cache;
	w->ncache = es->rs.ncache;
	n->state = w;
	n->values = n->child->values;
	n->nulls = n->child->nulls;
	n->next = with_next;
	return 0;
}

void
cte_with_end(ExecNode *n)
{
	WithState  *w = n->state;

	if (!w)
		return;
	for (int i = 0; i < n->plan->u.with.nctes; i++)
	{
		int			slot = n->plan->u.with.ctes[i]->slot;

		if (slot < 0 || slot >= w->ncache || !w->cache[slot])
			continue;
		store_free(w->cache[slot]);
		w->cache[slot] = NULL;
	}
}
