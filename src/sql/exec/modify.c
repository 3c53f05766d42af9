/*
 * modify.c — the Modify executor node: INSERT, UPDATE and DELETE of the rows
 * its child produces, with ON CONFLICT and RETURNING.
 *
 * Design notes:
 *   - The node pulls one child row, writes it through rowops (constraints,
 *     indexes, foreign keys) and, with RETURNING, yields the projected row;
 *     without RETURNING it keeps going until the child is exhausted.  So a
 *     portal suspended on RETURNING rows resumes mid-statement.
 *   - ON CONFLICT: the insert is tried with conflict reporting; a conflict
 *     on the arbiter index (any unique index when none is named, for DO
 *     NOTHING) skips the row or updates the existing one, a conflict on
 *     another index is raised as the ordinary 23505.
 *
 * Invariants:
 *   1. es->processed counts rows inserted, updated or deleted (skipped
 *      conflicts not included), as PostgreSQL's command tag does.
 */
#include <stdlib.h>
#include <string.h>

#include <memgres/mem.h>

#include <memgres/sqlstate.h>

#include "../catalog.h"
#include "../exec.h"
#include "../rowops.h"

/*
 * Row ids this statement inserted or updated, so ON CONFLICT DO UPDATE can
 * refuse to touch a row twice (PostgreSQL's 21000).  Open addressing.
 */
typedef struct Touched
{
	uint64_t   *slots;
	size_t		cap;
	size_t		n;
} Touched;

static void
touched_add(ExecNode *n, uint64_t rowid)
{
	Touched    *t = n->state;

	if (!t)
		return;
	if ((t->n + 1) * 2 > t->cap)
	{
		size_t		ncap = t->cap ? t->cap * 2 : 64;
		uint64_t   *ns = mg_calloc(ncap, sizeof(uint64_t));

		for (size_t i = 0; i < t->cap; i++)
			if (t->slots[i])
			{
				size_t		j = (t->slots[i] * 0x9E3779B97F4A7C15ULL) & (ncap - 1);

				while (ns[j])
					j = (j + 1) & (ncap - 1);
				ns[j] = t->slots[i];
			}
		free(t->slots);
		t->slots = ns;
		t->cap = ncap;
	}
	{
		size_t		j = (rowid * 0x9E3779B97F4A7C15ULL) & (t->cap - 1);

		while (t->slots[j] && t->slots[j] != rowid)
			j = (j + 1) & (t->cap - 1);
		if (!t->slots[j])
		{
			t->slots[j] = rowid;
			t->n++;
		}
	}
}

static bool
touched_has(ExecNode *n, uint64_t rowid)
{
	Touched    *t = n->state;

	if (!t || t->cap == 0)
		return false;
	for (size_t j = (rowid * 0x9E3779B97F4A7C15ULL) & (t->cap - 1); t->slots[j]; j = (j + 1) & (t->cap - 1))
		if (t->slots[j] == rowid)
			return true;
	return false;
}

void
modify_end(ExecNode *n)
{
	Touched    *t = n->state;

	if (t)
	{
		free(t->slots);
		t->slots = NULL;
	}
}

static void
load_row(const CatTable *t, const StTuple *tup, Datum *v, bool *n)
{
	st_tuple_deform(tup, t->stcols, t->ncols, v, n);
	for (int k = st_tuple_natts(tup); k < t->ncols; k++)
		if (t->cols[k].has_missing)
		{
			v[k] = t->cols[k].missing;
			n[k] = t->cols[k].missing_null;
		}
}

static int
do_insert(ExecState *es, ExecNode *n, RowOps *ro, bool *wrote)
{
	const Plan *p = n->plan;
	const CatTable *t = p->u.modify.rel;
	ExprRow		src = {n->child->values, n->child->nulls};
	const CatIndex *cix = NULL;
	uint64_t	crow = 0;
	int			rc;

	*wrote = false;
	if (p->u.modify.col_exprs)
	{
		for (int i = 0; i < t->ncols; i++)
			if (expr_eval(&n->ctx, &es->rs, p->u.modify.col_exprs[i], &src, &n->raw_values[i], &n->raw_nulls[i]) < 0)
				return -1;
	}
	else
	{
		memcpy(n->raw_values, n->child->values, sizeof(Datum) * (size_t) t->ncols);
		memcpy(n->raw_nulls, n->child->nulls, sizeof(bool) * (size_t) t->ncols);
	}
	rc = rowops_insert_row(ro, t, n->raw_values, n->raw_nulls, &crow,
						   p->u.modify.onconflict ? &cix : NULL, &crow);
	if (rc < 0)
		return -1;
	if (rc == 0)
	{
		if (p->u.modify.onconflict == 2)
			touched_add(n, crow);
		*wrote = true;
		return 0;
	}
	if (p->u.modify.arbiter && cix->oid != p->u.modify.arbiter->oid)
		return rowops_insert_row(ro, t, n->raw_values, n->raw_nulls, NULL, NULL, NULL) < 0 ? -1 : 0;
	if (p->u.modify.onconflict == 1)
		return 0;
	if (touched_has(n, crow))
	{
		mg_error(es->err, SQLSTATE_CARDINALITY_VIOLATION, "ON CONFLICT DO UPDATE command cannot affect row a second time");
		mg_error_hint(es->err, "Ensure that no rows proposed for insertion within the same command have duplicate constrained values.");
		return -1;
	}
	{
		/* DO UPDATE: existing row at 0..n-1, EXCLUDED at n..2n-1. */
		int			w = t->ncols;
		Datum	   *cv = arena_new_array(n->arena, Datum, 2 * w + 1);
		bool	   *cn = arena_new_array(n->arena, bool, 2 * w + 1);
		Datum	   *nv = arena_new_array(n->arena, Datum, w + 1);
		bool	   *nn = arena_new_array(n->arena, bool, w + 1);
		const StTuple *tup = st_get(es->txn, t->oid, crow);
		ExprRow		row = {cv, cn};

		if (!tup)
		{
			mg_error(es->err, SQLSTATE_INTERNAL_ERROR, "conflicting row vanished");
			return -1;
		}
		load_row(t, tup, cv, cn);
		memcpy(cv + w, n->raw_values, sizeof(Datum) * (size_t) w);
		memcpy(cn + w, n->raw_nulls, sizeof(bool) * (size_t) w);
		if (p->u.modify.conflict_where)
		{
			bool		pass;

			if (expr_qual(&n->ctx, &es->rs, p->u.modify.conflict_where, &row, &pass) < 0)
				return -1;
			if (!pass)
				return 0;
		}
		for (int i = 0; i < w; i++)
		{
			if (p->u.modify.conflict_set[i])
			{
				if (expr_eval(&n->ctx, &es->rs, p->u.modify.conflict_set[i], &row, &nv[i], &nn[i]) < 0)
					return -1;
			}
			else
			{
				nv[i] = cv[i];
				nn[i] = cn[i];
			}
		}
		if (session_check_row_unchanged(es->session, t->oid, crow, es->err) < 0 ||
			rowops_update_row(ro, t, crow, cv, cn, nv, nn, 0, &crow) < 0)
			return -1;
		touched_add(n, crow);
		/* RETURNING shows the row as updated (re-read: nv may point into the old tuple). */
		if ((tup = st_get(es->txn, t->oid, crow)))
			load_row(t, tup, n->raw_values, n->raw_nulls);
		*wrote = true;
		return 0;
	}
}

static int
modify_next(ExecState *es, ExecNode *n)
{
	const Plan *p = n->plan;
	const CatTable *t = p->u.modify.rel;
	RowOps		ro = {.session = es->session, .txn = es->txn, .cat = session_catalog(es->session), .ctx = &n->ctx};

	for (;;)
	{
		int			rc = exec_next(es, n->child);
		bool		wrote = true;
		bool		pass;

		if (rc <= 0)
			return rc;
		arena_reset(n->arena);
		switch (p->u.modify.cmd)
		{
			case CMD_INSERT:
				if (do_insert(es, n, &ro, &wrote) < 0)
					return -1;
				break;
			case CMD_UPDATE:
				{
					ExprRow		old = {n->child->values, n->child->nulls};
					uint64_t	rowid = n->child->rowid;

					if (touched_has(n, rowid))
					{
						wrote = false;
						break;
					}
					for (int i = 0; i < t->ncols; i++)
					{
						if (p->u.modify.set_exprs[i])
						{
							if (expr_eval(&n->ctx, &es->rs, p->u.modify.set_exprs[i], &old, &n->raw_values[i],
										  &n->raw_nulls[i]) < 0)
								return -1;
						}
						else
						{
							n->raw_values[i] = n->child->values[i];
							n->raw_nulls[i] = n->child->nulls[i];
						}
					}
					if (session_check_row_unchanged(es->session, t->oid, rowid, es->err) < 0)
						return -1;
					if (rowops_update_row(&ro, t, rowid, n->child->values, n->child->nulls, n->raw_values,
										  n->raw_nulls, 0, &rowid) < 0)
						return -1;
					touched_add(n, rowid);
					if (p->ntlist > 0)
					{
						const StTuple *tup = st_get(es->txn, t->oid, rowid);

						if (tup)
							load_row(t, tup, n->raw_values, n->raw_nulls);
					}
					break;
				}
			case CMD_DELETE:
				if (session_check_row_unchanged(es->session, t->oid, n->child->rowid, es->err) < 0)
					return -1;
				if (p->ntlist > 0)
				{
					/* RETURNING reads the old row after it is gone: keep a copy. */
					for (int i = 0; i < t->ncols; i++)
					{
						n->raw_nulls[i] = n->child->nulls[i];
						n->raw_values[i] = n->raw_nulls[i] ? 0 :
							datum_copy(n->arena, t->cols[i].mt, n->child->values[i]);
					}
				}
				if (rowops_delete_row(&ro, t, n->child->rowid, n->child->values, n->child->nulls, 0) < 0)
					return -1;
				break;
			case CMD_SELECT:
				break;
		}
		if (!wrote)
			continue;
		es->processed++;
		if (p->ntlist > 0)
		{
			if (exec_finish_row(es, n, &pass) < 0)
				return -1;
			return 1;
		}
	}
}

/*
 * An index scan probing an IN list opens a fresh cursor per value, which
 * could meet rows this UPDATE already moved to a new row id (and key).
 */
static bool
probes_see_own_writes(const Plan *child)
{
	if (child->kind != PLAN_INDEXSCAN)
		return false;
	for (int i = 0; i < child->u.scan.nquals; i++)
		if (child->u.scan.iquals[i].strategy == IQ_IN)
			return true;
	return false;
}

int
modify_start(ExecState *es, ExecNode *n)
{
	if (n->plan->u.modify.onconflict == 2 ||
		(n->plan->u.modify.cmd == CMD_UPDATE && probes_see_own_writes(n->plan->child)))
		n->state = arena_new(es->run_arena, Touched);
	n->next = modify_next;
	return 0;
}
