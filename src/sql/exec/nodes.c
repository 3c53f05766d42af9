/*
 * nodes.c — executor nodes that do not touch storage: Result, Values, Agg,
 * Sort, Unique, Limit; the node dispatch and the shared projection step.
 * Scans are in scan.c.
 *
 * Design notes:
 *   - Every node produces a raw row, filters it with plan->qual and projects
 *     it with plan->tlist (finish_row).  Rejected raw rows are discarded by
 *     resetting the node's row arena, so a long filtered scan uses constant
 *     memory.
 *   - Sort materialises its input (values copied into its own arena) and
 *     sorts with the keys' type comparison functions; Unique relies on its
 *     input being a Sort (rows stay valid until the Sort ends) and compares
 *     each row with the previous one.
 *
 * Invariants:
 *   1. A node's output row is valid until its next exec_next call.
 *   2. Unique's child is a Sort (the planner guarantees it).
 */
#include <stdlib.h>
#include <string.h>

#include <memgres/mem.h>
#include <memgres/sqlstate.h>

#include "../cte.h"
#include "../exec.h"
#include "../window.h"

/* ---- common -------------------------------------------------------------- */

void
exec_state_init(ExecState *es, SqlSession *s, Arena *run_arena, MgError *err,
				const Datum *params, const bool *param_nulls, int nparams,
				const Oid *param_types, int ncache)
{
	memset(es, 0, sizeof(*es));
	es->session = s;
	es->err = err;
	es->run_arena = run_arena;
	session_eval_ctx(s, &es->ctx, run_arena, err);
	es->rs.exec = es;
	es->rs.ncache = ncache;
	es->rs.cache = ncache > 0 ? arena_new_array(run_arena, void *, ncache) : NULL;
	es->rs.cache_arena = run_arena;
	es->rs.params = params;
	es->rs.param_nulls = param_nulls;
	es->rs.nparams = nparams;
	es->rs.param_types = param_types;
}

int
exec_check_interrupt(ExecState *es)
{
	int			why = es->session->interrupt;

	if (why == SQL_INT_NONE)
		return 0;
	if (why == SQL_INT_LOCK_TIMEOUT)
		mg_error(es->err, SQLSTATE_LOCK_NOT_AVAILABLE, "canceling statement due to lock timeout");
	else if (why == SQL_INT_STATEMENT_TIMEOUT)
		mg_error(es->err, SQLSTATE_QUERY_CANCELED, "canceling statement due to statement timeout");
	else
		mg_error(es->err, SQLSTATE_QUERY_CANCELED, "canceling statement due to user request");
	return -1;
}

int
exec_check_interrupt_session(SqlSession *s, MgError *err)
{
	ExecState	es = {.session = s, .err = err};

	return exec_check_interrupt(&es);
}

/* Applies qual and tlist to the raw row; *pass false if the qual rejects it. */
int
exec_finish_row(ExecState *es, ExecNode *n, bool *pass)
{
	const Plan *p = n->plan;
	ExprRow		row = {n->raw_values, n->raw_nulls};

	*pass = true;
	if (p->qual && (expr_qual(&n->ctx, &es->rs, p->qual, &row, pass) < 0 || !*pass))
		return mg_error_isset(es->err) ? -1 : 0;
	for (int i = 0; i < p->ntlist; i++)
		if (expr_eval(&n->ctx, &es->rs, p->tlist[i], &row, &n->values[i], &n->nulls[i]) < 0)
			return -1;
	return 0;
}

int
exec_next(ExecState *es, ExecNode *n)
{
	return n->next(es, n);
}

/* ---- Result -------------------------------------------------------------- */

static int
result_next(ExecState *es, ExecNode *n)
{
	bool		pass;

	if (n->state)
		return 0;
	n->state = n;				/* done after one row */
	arena_reset(n->arena);
	if (exec_finish_row(es, n, &pass) < 0)
		return -1;
	return pass ? 1 : 0;
}

/* ---- Values -------------------------------------------------------------- */

typedef struct ValuesState
{
	int			next_row;
} ValuesState;

static int
values_next(ExecState *es, ExecNode *n)
{
	ValuesState *st = n->state;
	const Plan *p = n->plan;

	for (;;)
	{
		bool		pass;
		Expr	  **row;

		if (st->next_row >= p->u.values.nrows)
			return 0;
		row = p->u.values.rows[st->next_row++];
		arena_reset(n->arena);
		for (int i = 0; i < p->raw_width; i++)
			if (expr_eval(&n->ctx, &es->rs, row[i], NULL, &n->raw_values[i], &n->raw_nulls[i]) < 0)
				return -1;
		if (exec_finish_row(es, n, &pass) < 0)
			return -1;
		if (pass)
			return 1;
	}
}

/* ---- Agg (no grouping: one output row) ------------------------------------ */

typedef struct AggState
{
	bool		done;
	bool		pending;		/* the child's current row begins the next group */
	Datum	   *keys;			/* current group's keys (point into the Sort's rows) */
	bool	   *keynulls;
	Arena	   *agg_arena;
	void	  **states;
	/* DISTINCT aggregates collect their (single) argument values here */
	Datum	  **dvals;
	int		   *dn;
	int		   *dcap;
} AggState;

static TypeCmpFn distinct_cmp;

static int
cmp_datum_qsort(const void *a, const void *b)
{
	return distinct_cmp(*(const Datum *) a, *(const Datum *) b);
}

static int
agg_feed(ExecState *es, ExecNode *n, AggState *st, int i, const Datum *args, const bool *argnull)
{
	const AggCall *ac = &n->plan->u.agg.aggs[i];
	EvalCtx		actx = n->ctx;

	actx.arena = st->agg_arena;
	(void) es;
	return ac->def->trans(&actx, st->states[i], args, argnull);
}

static int
agg_init_states(ExecNode *n, AggState *st)
{
	const Plan *p = n->plan;
	EvalCtx		actx = n->ctx;

	arena_reset(st->agg_arena);
	actx.arena = st->agg_arena;
	for (int i = 0; i < p->u.agg.naggs; i++)
	{
		const AggCall *ac = &p->u.agg.aggs[i];

		st->states[i] = NULL;
		st->dvals[i] = NULL;
		st->dn[i] = 0;
		st->dcap[i] = 0;
		if (ac->def->init && ac->def->init(&actx, ac->argtypes, &st->states[i]) < 0)
			return -1;
	}
	return 0;
}

/* Folds the child's current row into every aggregate. */
static int
agg_accumulate(ExecState *es, ExecNode *n, AggState *st)
{
	const Plan *p = n->plan;
	ExprRow		row = {n->child->values, n->child->nulls};

	arena_reset(n->arena);
	for (int i = 0; i < p->u.agg.naggs; i++)
	{
		const AggCall *ac = &p->u.agg.aggs[i];
		Datum		args[FUNC_MAX_ARGS];
		bool		argnull[FUNC_MAX_ARGS];
		bool		skip = false;

		if (ac->filter)
		{
			bool		ok;

			if (expr_qual(&n->ctx, &es->rs, ac->filter, &row, &ok) < 0)
				return -1;
			if (!ok)
				continue;
		}
		for (int a = 0; a < ac->nargs; a++)
		{
			if (expr_eval(&n->ctx, &es->rs, ac->args[a], &row, &args[a], &argnull[a]) < 0)
				return -1;
			if (argnull[a] && ac->def->strict)
				skip = true;
		}
		if (skip)
			continue;
		if (ac->distinct && ac->nargs == 1)
		{
			if (st->dn[i] == st->dcap[i])
			{
				int			ncap = st->dcap[i] ? st->dcap[i] * 2 : 64;

				st->dvals[i] = arena_realloc(st->agg_arena, st->dvals[i], sizeof(Datum) * st->dcap[i],
											 sizeof(Datum) * ncap);
				st->dcap[i] = ncap;
			}
			st->dvals[i][st->dn[i]++] = datum_copy(st->agg_arena, type_by_oid(ac->argtypes[0]), args[0]);
			continue;
		}
		if (agg_feed(es, n, st, i, args, argnull) < 0)
			return -1;
	}
	return 0;
}

/* Finishes the group: aggregate results (and keys) into the raw row, then HAVING and projection. */
static int
agg_finish(ExecState *es, ExecNode *n, AggState *st, bool *pass)
{
	const Plan *p = n->plan;
	EvalCtx		actx = n->ctx;
	int			ng = p->u.agg.ngroup;

	arena_reset(n->arena);
	actx.arena = st->agg_arena;
	for (int k = 0; k < ng; k++)
	{
		n->raw_values[k] = st->keys[k];
		n->raw_nulls[k] = st->keynulls[k];
	}
	for (int i = 0; i < p->u.agg.naggs; i++)
	{
		const AggCall *ac = &p->u.agg.aggs[i];

		if (ac->distinct && ac->nargs == 1 && st->dn[i] > 0)
		{
			const MgType *t = type_by_oid(ac->argtypes[0]);
			bool		nn = false;

			distinct_cmp = t->cmp;
			qsort(st->dvals[i], (size_t) st->dn[i], sizeof(Datum), cmp_datum_qsort);
			for (int k = 0; k < st->dn[i]; k++)
			{
				if (k > 0 && t->cmp(st->dvals[i][k - 1], st->dvals[i][k]) == 0)
					continue;
				if (agg_feed(es, n, st, i, &st->dvals[i][k], &nn) < 0)
					return -1;
			}
		}
		if (ac->def->final(&actx, st->states[i], ac->rettype, &n->raw_values[ng + i], &n->raw_nulls[ng + i]) < 0)
			return -1;
	}
	return exec_finish_row(es, n, pass);
}

/* The child's current row starts a new group: remember its keys. */
static void
agg_set_keys(ExecNode *n, AggState *st)
{
	const Plan *p = n->plan;

	for (int k = 0; k < p->u.agg.ngroup; k++)
	{
		int			c = p->u.agg.keycols[k];

		st->keynulls[k] = n->child->nulls[c];
		st->keys[k] = n->child->values[c];	/* the Sort below keeps its rows until the end */
	}
}

static bool
agg_same_group(ExecNode *n, AggState *st)
{
	const Plan *p = n->plan;

	for (int k = 0; k < p->u.agg.ngroup; k++)
	{
		int			c = p->u.agg.keycols[k];
		bool		cn = n->child->nulls[c];

		if (cn != st->keynulls[k])
			return false;
		if (!cn && p->u.agg.cmps[k](n->child->values[c], st->keys[k]) != 0)
			return false;
	}
	return true;
}

static int
agg_next(ExecState *es, ExecNode *n)
{
	AggState   *st = n->state;
	const Plan *p = n->plan;
	bool		pass;

	if (p->u.agg.ngroup == 0)
	{
		/* Whole input: exactly one row (before HAVING). */
		if (st->done)
			return 0;
		st->done = true;
		if (agg_init_states(n, st) < 0)
			return -1;
		for (;;)
		{
			int			rc = exec_next(es, n->child);

			if (rc < 0)
				return -1;
			if (rc == 0)
				break;
			if (exec_check_interrupt(es) < 0 || agg_accumulate(es, n, st) < 0)
				return -1;
		}
		if (agg_finish(es, n, st, &pass) < 0)
			return -1;
		return pass ? 1 : 0;
	}
	/* Sorted groups: the row that ended the previous group is pending. */
	for (;;)
	{
		if (st->done)
			return 0;
		if (!st->pending)
		{
			int			rc = exec_next(es, n->child);

			if (rc < 0)
				return -1;
			if (rc == 0)
			{
				st->done = true;
				return 0;
			}
		}
		st->pending = false;
		if (agg_init_states(n, st) < 0)
			return -1;
		agg_set_keys(n, st);
		if (agg_accumulate(es, n, st) < 0)
			return -1;
		for (;;)
		{
			int			rc = exec_next(es, n->child);

			if (rc < 0)
				return -1;
			if (rc == 0)
			{
				st->done = true;
				break;
			}
			if (exec_check_interrupt(es) < 0)
				return -1;
			if (!agg_same_group(n, st))
			{
				st->pending = true;
				break;
			}
			if (agg_accumulate(es, n, st) < 0)
				return -1;
		}
		if (agg_finish(es, n, st, &pass) < 0)
			return -1;
		if (pass)
		{
			st->done = st->done && !st->pending;
			return 1;
		}
	}
}

/* ---- Sort ---------------------------------------------------------------- */

typedef struct SortRow
{
	Datum	   *values;
	bool	   *nulls;
} SortRow;

typedef struct SortState
{
	bool		loaded;
	Arena	   *sort_arena;
	SortRow    *rows;
	int64_t		nrows;
	int64_t		cap;
	int64_t		pos;
} SortState;

static int
sort_compare(const SortKey *keys, int nkeys, const SortRow *a, const SortRow *b)
{
	for (int k = 0; k < nkeys; k++)
	{
		const SortKey *key = &keys[k];
		bool		an = a->nulls[key->col];
		bool		bn = b->nulls[key->col];
		int			c;

		if (an || bn)
		{
			if (an && bn)
				continue;
			/* NULLs sort as larger than any value unless NULLS FIRST. */
			c = an ? 1 : -1;
			if (key->nulls_first)
				c = -c;
			return c;
		}
		c = key->cmp(a->values[key->col], b->values[key->col]);
		if (c != 0)
			return key->desc ? -c : c;
	}
	return 0;
}

/* Stable merge sort (PostgreSQL's sort is not stable, but stability costs nothing here). */
static void
sort_rows(const SortKey *keys, int nkeys, SortRow *rows, SortRow *tmp, int64_t n)
{
	int64_t		mid;
	int64_t		i,
				j,
				k;

	if (n < 2)
		return;
	if (n <= 8)
	{
		for (i = 1; i < n; i++)
		{
			SortRow		r = rows[i];

			for (j = i; j > 0 && sort_compare(keys, nkeys, &rows[j - 1], &r) > 0; j--)
				rows[j] = rows[j - 1];
			rows[j] = r;
		}
		return;
	}
	mid = n / 2;
	sort_rows(keys, nkeys, rows, tmp, mid);
	sort_rows(keys, nkeys, rows + mid, tmp, n - mid);
	if (sort_compare(keys, nkeys, &rows[mid - 1], &rows[mid]) <= 0)
		return;
	memcpy(tmp, rows, sizeof(SortRow) * (size_t) n);
	for (i = 0, j = mid, k = 0; i < mid && j < n;)
		rows[k++] = sort_compare(keys, nkeys, &tmp[j], &tmp[i]) < 0 ? tmp[j++] : tmp[i++];
	while (i < mid)
		rows[k++] = tmp[i++];
	while (j < n)
		rows[k++] = tmp[j++];
}

/*
 * Top-N: keeps the bound first rows.  When twice the bound have piled up
 * they are sorted and the survivors copied into a fresh arena, so memory
 * stays proportional to the bound whatever the input size.
 */
static void
sort_prune(const Plan *p, const Plan *cp, SortState *st)
{
	int64_t		bound = p->u.sort.bound;
	int			w = cp->width;
	SortRow    *tmp = mg_malloc(sizeof(SortRow) * (size_t) st->nrows);
	Arena	   *na = arena_create(8192);

	sort_rows(p->u.sort.keys, p->u.sort.nkeys, st->rows, tmp, st->nrows);
	free(tmp);
	for (int64_t r = 0; r < bound && r < st->nrows; r++)
	{
		Datum	   *v = arena_alloc(na, sizeof(Datum) * (size_t) (w > 0 ? w : 1));
		bool	   *nn = arena_alloc(na, sizeof(bool) * (size_t) (w > 0 ? w : 1));

		for (int i = 0; i < w; i++)
		{
			nn[i] = st->rows[r].nulls[i];
			v[i] = nn[i] ? 0 : datum_copy(na, type_by_oid(cp->out_types[i]), st->rows[r].values[i]);
		}
		st->rows[r].values = v;
		st->rows[r].nulls = nn;
	}
	if (st->nrows > bound)
		st->nrows = bound;
	arena_free(st->sort_arena);
	st->sort_arena = na;
}

static int
sort_load(ExecState *es, ExecNode *n, SortState *st)
{
	const Plan *p = n->plan;
	const Plan *cp = n->child->plan;
	int			w = cp->width;

	for (;;)
	{
		int			rc = exec_next(es, n->child);
		SortRow    *r;

		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
		if (exec_check_interrupt(es) < 0)
			return -1;
		if (st->nrows == st->cap)
		{
			int64_t		ncap = st->cap ? st->cap * 2 : 256;
			SortRow    *nr = mg_realloc(st->rows, sizeof(SortRow) * (size_t) ncap);

			st->rows = nr;
			st->cap = ncap;
		}
		if (p->u.sort.bound > 0 && st->nrows >= 2 * p->u.sort.bound)
			sort_prune(p, cp, st);
		r = &st->rows[st->nrows++];
		r->values = arena_alloc(st->sort_arena, sizeof(Datum) * (size_t) (w > 0 ? w : 1));
		r->nulls = arena_alloc(st->sort_arena, sizeof(bool) * (size_t) (w > 0 ? w : 1));
		for (int i = 0; i < w; i++)
		{
			r->nulls[i] = n->child->nulls[i];
			r->values[i] = r->nulls[i] ? 0 :
				datum_copy(st->sort_arena, type_by_oid(cp->out_types[i]), n->child->values[i]);
		}
	}
	if (st->nrows > 1)
	{
		SortRow    *tmp = malloc(sizeof(SortRow) * (size_t) st->nrows);

		if (!tmp)
			mg_oom();
		sort_rows(p->u.sort.keys, p->u.sort.nkeys, st->rows, tmp, st->nrows);
		free(tmp);
	}
	if (p->u.sort.bound > 0 && st->nrows > p->u.sort.bound)
		st->nrows = p->u.sort.bound;
	st->loaded = true;
	return 0;
}

static int
sort_next(ExecState *es, ExecNode *n)
{
	SortState  *st = n->state;
	SortRow    *r;

	if (!st->loaded && sort_load(es, n, st) < 0)
		return -1;
	if (st->pos >= st->nrows)
		return 0;
	r = &st->rows[st->pos++];
	memcpy(n->values, r->values, sizeof(Datum) * (size_t) n->plan->width);
	memcpy(n->nulls, r->nulls, sizeof(bool) * (size_t) n->plan->width);
	return 1;
}

/* ---- Unique -------------------------------------------------------------- */

typedef struct UniqueState
{
	bool		have_prev;
	Datum	   *prev_values;	/* point into the Sort's rows */
	bool	   *prev_nulls;
} UniqueState;

static int
unique_next(ExecState *es, ExecNode *n)
{
	UniqueState *st = n->state;
	const Plan *p = n->plan;

	for (;;)
	{
		int			rc = exec_next(es, n->child);
		bool		same = st->have_prev;

		if (rc <= 0)
			return rc;
		for (int k = 0; k < p->u.unique.ncols && same; k++)
		{
			int			c = p->u.unique.cols[k];
			bool		an = n->child->nulls[c],
						bn = st->prev_nulls[c];

			if (an != bn)
				same = false;
			else if (!an && p->u.unique.cmps[k](n->child->values[c], st->prev_values[c]) != 0)
				same = false;
		}
		memcpy(st->prev_values, n->child->values, sizeof(Datum) * (size_t) p->width);
		memcpy(st->prev_nulls, n->child->nulls, sizeof(bool) * (size_t) p->width);
		st->have_prev = true;
		if (!same)
		{
			memcpy(n->values, n->child->values, sizeof(Datum) * (size_t) p->width);
			memcpy(n->nulls, n->child->nulls, sizeof(bool) * (size_t) p->width);
			return 1;
		}
	}
}

/* ---- Limit --------------------------------------------------------------- */

typedef struct LimitState
{
	bool		started;
	int64_t		count;			/* -1: no limit */
	int64_t		offset;
	int64_t		returned;
	Datum	   *last;			/* WITH TIES: the last counted row (copied) */
	bool	   *lastnull;
} LimitState;

/* WITH TIES: does the child's current row tie with the last counted one? */
static bool
limit_ties(ExecNode *n, LimitState *st)
{
	const Plan *p = n->plan;

	for (int k = 0; k < p->u.limit.nties; k++)
	{
		int			c = p->u.limit.ties[k].col;
		bool		an = n->child->nulls[c];

		if (an != st->lastnull[c])
			return false;
		if (!an && p->u.limit.ties[k].cmp(n->child->values[c], st->last[c]) != 0)
			return false;
	}
	return true;
}

static int
limit_eval(ExecState *es, ExecNode *n, const Expr *e, int64_t *out, bool is_offset)
{
	Datum		v;
	bool		isnull;

	if (!e)
		return 0;
	if (expr_eval(&n->ctx, &es->rs, e, NULL, &v, &isnull) < 0)
		return -1;
	if (isnull)
		return 0;
	if (DatumGetInt64(v) < 0)
	{
		if (is_offset)
			mg_error(es->err, SQLSTATE_INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE, "OFFSET must not be negative");
		else
			mg_error(es->err, SQLSTATE_INVALID_ROW_COUNT_IN_LIMIT_CLAUSE, "LIMIT must not be negative");
		return -1;
	}
	*out = DatumGetInt64(v);
	return 0;
}

static int
limit_next(ExecState *es, ExecNode *n)
{
	LimitState *st = n->state;

	if (!st->started)
	{
		st->started = true;
		st->count = -1;
		st->offset = 0;
		if (limit_eval(es, n, n->plan->u.limit.count, &st->count, false) < 0 ||
			limit_eval(es, n, n->plan->u.limit.offset, &st->offset, true) < 0)
			return -1;
		for (int64_t i = 0; i < st->offset; i++)
		{
			int			rc = exec_next(es, n->child);

			if (rc <= 0)
				return rc;
		}
	}
	if (st->count >= 0 && st->returned >= st->count)
	{
		int			rc;

		if (n->plan->u.limit.nties == 0 || !st->last)
			return 0;
		if ((rc = exec_next(es, n->child)) <= 0)
			return rc;
		if (!limit_ties(n, st))
		{
			st->last = NULL;
			return 0;
		}
		memcpy(n->values, n->child->values, sizeof(Datum) * (size_t) n->plan->width);
		memcpy(n->nulls, n->child->nulls, sizeof(bool) * (size_t) n->plan->width);
		return 1;
	}
	{
		int			rc = exec_next(es, n->child);

		if (rc <= 0)
			return rc;
	}
	st->returned++;
	if (n->plan->u.limit.nties > 0 && st->returned == st->count)
	{
		int			w = n->plan->width;

		st->last = arena_new_array(es->run_arena, Datum, w + 1);
		st->lastnull = arena_new_array(es->run_arena, bool, w + 1);
		for (int i = 0; i < w; i++)
		{
			st->lastnull[i] = n->child->nulls[i];
			if (!st->lastnull[i])
				st->last[i] = datum_copy(es->run_arena, type_by_oid(n->child->plan->out_types[i]), n->child->values[i]);
		}
	}
	memcpy(n->values, n->child->values, sizeof(Datum) * (size_t) n->plan->width);
	memcpy(n->nulls, n->child->nulls, sizeof(bool) * (size_t) n->plan->width);
	return 1;
}

/* ---- Append (UNION ALL) ---------------------------------------------------- */

typedef struct AppendState
{
	ExecNode   *second;
	bool		on_second;
} AppendState;

static int
append_next(ExecState *es, ExecNode *n)
{
	AppendState *st = n->state;
	ExecNode   *c = st->on_second ? st->second : n->child;
	int			rc = exec_next(es, c);

	if (rc == 0 && !st->on_second)
	{
		st->on_second = true;
		c = st->second;
		rc = exec_next(es, c);
	}
	if (rc <= 0)
		return rc;
	memcpy(n->values, c->values, sizeof(Datum) * (size_t) n->plan->width);
	memcpy(n->nulls, c->nulls, sizeof(bool) * (size_t) n->plan->width);
	return 1;
}

/* ---- NestLoop ------------------------------------------------------------------ */

typedef struct NestState
{
	ExecState	sub;			/* inner runs: the outer row as rs.outer */
	Arena	   *inner_arena;	/* reset per outer row */
	ExecNode   *inner;
	bool		have_outer;
	bool		matched;
	ExprRow		outer_row;
} NestState;

static int
nest_next(ExecState *es, ExecNode *n)
{
	NestState  *st = n->state;
	const Plan *p = n->plan;
	int			ow = p->child->width;
	int			iw = p->raw_width - ow;	/* width is the projection when a tlist sits on top */

	for (;;)
	{
		int			rc;
		bool		pass;

		if (!st->have_outer)
		{
			if ((rc = exec_next(es, n->child)) <= 0)
				return rc;
			st->outer_row.values = n->child->values;
			st->outer_row.nulls = n->child->nulls;
			arena_reset(st->inner_arena);
			st->sub.run_arena = st->inner_arena;
			if (!(st->inner = exec_start(&st->sub, p->child2)))
				return -1;
			st->have_outer = true;
			st->matched = false;
		}
		if (exec_check_interrupt(es) < 0)
			return -1;
		rc = exec_next(&st->sub, st->inner);
		if (rc < 0)
			return -1;
		arena_reset(n->arena);
		memcpy(n->raw_values, n->child->values, sizeof(Datum) * (size_t) ow);
		memcpy(n->raw_nulls, n->child->nulls, sizeof(bool) * (size_t) ow);
		if (rc > 0)
		{
			st->matched = true;
			memcpy(n->raw_values + ow, st->inner->values, sizeof(Datum) * (size_t) iw);
			memcpy(n->raw_nulls + ow, st->inner->nulls, sizeof(bool) * (size_t) iw);
		}
		else
		{
			exec_end(st->inner);
			st->inner = NULL;
			st->have_outer = false;
			if (!p->left_join || st->matched)
				continue;
			for (int i = 0; i < iw; i++)
			{
				n->raw_values[ow + i] = 0;
				n->raw_nulls[ow + i] = true;
			}
		}
		if (exec_finish_row(es, n, &pass) < 0)
			return -1;
		if (pass)
			return 1;
	}
}

/* ---- building and tearing down ------------------------------------------- */

ExecNode *
exec_start(ExecState *es, const Plan *plan)
{
	ExecNode   *n = arena_new(es->run_arena, ExecNode);
	int			w = plan->width > 0 ? plan->width : 1;
	int			rw = plan->raw_width > 0 ? plan->raw_width : 1;

	n->plan = plan;
	if (plan->child && !(n->child = exec_start(es, plan->child)))
		return NULL;
	n->arena = arena_create(1024);
	n->ctx = es->ctx;
	n->ctx.arena = n->arena;
	n->raw_values = arena_new_array(es->run_arena, Datum, rw);
	n->raw_nulls = arena_new_array(es->run_arena, bool, rw);
	if (plan->ntlist > 0 || plan->kind == PLAN_MODIFY || plan->kind == PLAN_APPEND || plan->kind == PLAN_SORT || plan->kind == PLAN_UNIQUE || plan->kind == PLAN_LIMIT)
	{
		n->values = arena_new_array(es->run_arena, Datum, w);
		n->nulls = arena_new_array(es->run_arena, bool, w);
	}
	else
	{
		n->values = n->raw_values;
		n->nulls = n->raw_nulls;
	}
	switch (plan->kind)
	{
		case PLAN_RESULT:
			n->next = result_next;
			break;
		case PLAN_VALUES:
			n->next = values_next;
			n->state = arena_new(es->run_arena, ValuesState);
			break;
		case PLAN_AGG:
			{
				AggState   *st = arena_new(es->run_arena, AggState);
				int			na = plan->u.agg.naggs > 0 ? plan->u.agg.naggs : 1;

				st->agg_arena = arena_create(1024);
				st->states = arena_new_array(es->run_arena, void *, na);
				st->dvals = arena_new_array(es->run_arena, Datum *, na);
				st->dn = arena_new_array(es->run_arena, int, na);
				st->dcap = arena_new_array(es->run_arena, int, na);
				st->keys = arena_new_array(es->run_arena, Datum, plan->u.agg.ngroup + 1);
				st->keynulls = arena_new_array(es->run_arena, bool, plan->u.agg.ngroup + 1);
				n->state = st;
				n->next = agg_next;
				break;
			}
		case PLAN_SORT:
			{
				SortState  *st = arena_new(es->run_arena, SortState);

				st->sort_arena = arena_create(8192);
				n->state = st;
				n->next = sort_next;
				break;
			}
		case PLAN_UNIQUE:
			{
				UniqueState *st = arena_new(es->run_arena, UniqueState);

				st->prev_values = arena_new_array(es->run_arena, Datum, w);
				st->prev_nulls = arena_new_array(es->run_arena, bool, w);
				n->state = st;
				n->next = unique_next;
				break;
			}
		case PLAN_LIMIT:
			n->state = arena_new(es->run_arena, LimitState);
			n->next = limit_next;
			break;
		case PLAN_SEQSCAN:
		case PLAN_INDEXSCAN:
		case PLAN_VIRTUAL:
			if (scan_start(es, n) < 0)
				return NULL;
			break;
		case PLAN_MODIFY:
			if (modify_start(es, n) < 0)
				return NULL;
			break;
		case PLAN_WINDOW:
			if (window_start(es, n) < 0)
				return NULL;
			break;
		case PLAN_WITH:
			if (cte_with_start(es, n) < 0)
				return NULL;
			break;
		case PLAN_CTESCAN:
			mg_error(es->err, SQLSTATE_INTERNAL_ERROR, "a WITH query scan outside a relation");
			return NULL;
		case PLAN_NESTLOOP:
			{
				NestState  *st = arena_new(es->run_arena, NestState);

				st->sub = *es;
				st->sub.rs.enclosing = es->rs.outer;
				st->sub.rs.enclosing_base = plan->child->width;
				st->sub.rs.outer = &st->outer_row;
				st->sub.rs.exec = &st->sub;
				st->inner_arena = arena_create(4096);
				n->state = st;
				n->next = nest_next;
				break;
			}
		case PLAN_APPEND:
			{
				AppendState *st = arena_new(es->run_arena, AppendState);

				if (!(st->second = exec_start(es, plan->child2)))
					return NULL;
				n->state = st;
				n->next = append_next;
				break;
			}
	}
	return n;
}

void
exec_end(ExecNode *n)
{
	if (!n)
		return;
	exec_end(n->child);
	if (n->plan->kind == PLAN_APPEND && n->state)
		exec_end(((AppendState *) n->state)->second);
	if (n->plan->kind == PLAN_NESTLOOP && n->state)
	{
		NestState  *st = n->state;

		if (st->inner)
			exec_end(st->inner);
		st->inner = NULL;
		if (st->inner_arena)
			arena_free(st->inner_arena);
		st->inner_arena = NULL;
	}
	switch (n->plan->kind)
	{
		case PLAN_AGG:
			arena_free(((AggState *) n->state)->agg_arena);
			break;
		case PLAN_SORT:
			{
				SortState  *st = n->state;

				free(st->rows);
				arena_free(st->sort_arena);
				break;
			}
		case PLAN_SEQSCAN:
		case PLAN_INDEXSCAN:
		case PLAN_VIRTUAL:
			scan_end(n);
			break;
		case PLAN_MODIFY:
			modify_end(n);
			break;
		case PLAN_WINDOW:
			window_end(n);
			break;
		case PLAN_WITH:
			cte_with_end(n);
			break;
		default:
			break;
	}
	arena_free(n->arena);
	n->arena = NULL;
}
