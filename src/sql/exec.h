/*
 * exec.h — the executor: pull-based (Volcano) iterators over Plan trees
 * (internal to src/sql).
 *
 * exec_start() builds an ExecNode tree mirroring the read-only Plan; all
 * run-time state lives in the ExecNodes and the ExecState, so one Plan may
 * run in several portals at once.  exec_next() returns the next output row
 * of a node (1), end of data (0) or an error (-1, es->err set).
 *
 * Memory: each node that computes values owns a row arena, reset at the
 * start of each of its exec_next calls; so a node's output row is valid
 * until the next call on that node.  Nodes that keep rows across calls
 * (Sort, Unique, Agg) copy them into their own arenas.  Everything is freed
 * by exec_end(), which also closes storage cursors.
 *
 * Threads: the worker running the portal.
 */
#ifndef MEMGRES_SQL_EXEC_H
#define MEMGRES_SQL_EXEC_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/storage.h>

#include "engine.h"
#include "plan.h"

typedef struct ExecState
{
	SqlSession *session;
	MgError    *err;
	Arena	   *run_arena;		/* lives as long as the run */
	EvalCtx		ctx;			/* base context (arena: run_arena) */
	ExprRunState rs;
	StTxn	   *txn;			/* what scans read (snapshot or write transaction) */
	uint32_t	ticks;			/* interrupt check counter */
	int64_t		processed;		/* rows written by a Modify node */
} ExecState;

typedef struct ExecNode ExecNode;

struct ExecNode
{
	const Plan *plan;
	ExecNode   *child;
	Arena	   *arena;			/* row arena */
	EvalCtx		ctx;			/* arena: the row arena */
	int			(*next) (ExecState *es, ExecNode *n);
	Datum	   *values;			/* output row */
	bool	   *nulls;
	Datum	   *raw_values;		/* raw row before tlist */
	bool	   *raw_nulls;
	void	   *state;			/* node kind specific */
	uint64_t	rowid;			/* scans: the row id of the current row */
};

/* Builds the run-time tree.  NULL with es->err set on failure. */
ExecNode   *exec_start(ExecState *es, const Plan *plan);
int			exec_next(ExecState *es, ExecNode *n);
/* Releases cursors and arenas of the tree (not es->run_arena). */
void		exec_end(ExecNode *n);

/* Applies plan->qual and plan->tlist to n's raw row; *pass false if rejected. */
int			exec_finish_row(ExecState *es, ExecNode *n, bool *pass);
/* Modify (modify.c), called by exec_start. */
int			modify_start(ExecState *es, ExecNode *n);
void		modify_end(ExecNode *n);
/* Scans (scan.c), called by exec_start/exec_end. */
int			scan_start(ExecState *es, ExecNode *n);
void		scan_end(ExecNode *n);
/* Checks the session's interrupt flag: -1 with 57014/55P03 if set. */
int			exec_check_interrupt(ExecState *es);
/* The same for code without an ExecState. */
int			exec_check_interrupt_session(SqlSession *s, MgError *err);
void		exec_state_init(ExecState *es, SqlSession *s, Arena *run_arena, MgError *err,
							const Datum *params, const bool *param_nulls, int nparams,
							const Oid *param_types, int ncache);

#endif
