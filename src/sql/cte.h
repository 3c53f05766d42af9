/*
 * cte.h — WITH queries (common table expressions), internal to src/sql.
 *
 * Analysis (analyze/cte.c) turns each WITH item into a CteDef: its
 * columns, its plan(s), and a cache slot of the statement where its rows
 * are kept while a portal runs.  A reference to the item in FROM becomes a
 * relation of kind 'q' whose subplan is a PLAN_CTESCAN over the CteDef (an
 * item that reads an enclosing query is computed again by each scan).
 *
 * Execution (exec/cte.c) fills a CteStore lazily: a scan that has read
 * every stored row asks the item's plan for one more, so
 * WITH RECURSIVE ... SELECT ... LIMIT n stops an endless recursion.  The
 * PLAN_WITH node at the top of the query that owns the WITH frees the
 * stores of its items when it ends.
 *
 * Memory: CteDefs and plans live in ps->a (the SqlPrepared's arena);
 * stores in arenas of their own, freed by the owning PLAN_WITH node.
 * Errors: analysis returns NULL/-1 with ps->err set; execution -1 with
 * es->err set.  Threads: the worker owning the session.
 */
#ifndef MEMGRES_SQL_CTE_H
#define MEMGRES_SQL_CTE_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/types.h>

#include "analyze.h"

struct Plan;
struct Query;
struct CatTable;
struct ExecState;
struct ExecNode;

typedef struct CteDef
{
	const char *name;
	int			ncols;
	struct CatColumn *cols;		/* name, type, typmod, mt of each column */
	int			slot;			/* run-time cache slot of the CteStore */
	int			depth;			/* query level of the WITH (parent links) */
	bool		correlated;		/* reads an enclosing query: computed per scan, never shared */
	bool		dml;			/* INSERT/UPDATE/DELETE: runs to completion once, rows are RETURNING's */
	bool		returning;		/* dml with a RETURNING list (else it cannot be read) */
	bool		recursive;		/* plan UNION [ALL] rec_plan, iterated */
	bool		union_all;
	const struct Plan *plan;	/* the query, or the non-recursive term */
	const struct Plan *rec_plan;	/* the recursive term (reads the working table) */
	const struct Plan *scan_plan;	/* PLAN_CTESCAN over the stored rows */
	const struct Plan *work_plan;	/* PLAN_CTESCAN over the working table */
} CteDef;

typedef enum CteItemState
{
	CTE_HIDDEN,					/* not yet visible (non-recursive WITH, later item) */
	CTE_FORWARD,				/* WITH RECURSIVE: a later item not analysed yet */
	CTE_NONREC_TERM,			/* analysing its non-recursive term */
	CTE_NOT_UNION,				/* WITH RECURSIVE item that is not a UNION */
	CTE_REC_TERM,				/* analysing its recursive term */
	CTE_READY
} CteItemState;

typedef struct CteItem
{
	const AstCommonTableExpr *ast;
	CteDef	   *def;
	CteItemState state;
	int			nrefs;			/* CTE_REC_TERM: references seen */
	int			ref_depth;		/* ... the query level of the first one */
	int			ref_location;
	bool		forward_hit;	/* a reference to a CTE_FORWARD item was refused */
} CteItem;

/* The WITH items of one query level; up: the enclosing levels. */
typedef struct CteScope
{
	struct CteScope *up;
	bool		recursive;
	bool		blocked;		/* an item read a CTE_FORWARD item of this level */
	bool		allow_dml;		/* the WITH of a top-level INSERT/UPDATE/DELETE */
	int			nitems;
	CteItem    *items;
} CteScope;

/* Saved analysis state around one WITH clause. */
typedef struct CteLevel
{
	CteScope   *saved;
	CteScope   *scope;			/* NULL: the statement had no WITH */
} CteLevel;

/*
 * Analyses a WITH clause (NULL: nothing to do) and makes its items visible
 * to the rest of the statement: ps->ctes points at them until cte_end.
 * allow_dml: the clause belongs to a top-level INSERT/UPDATE/DELETE, whose
 * items may modify data (elsewhere 0A000).
 */
int			cte_begin(ParseState *ps, const AstWithClause *with, bool allow_dml, CteLevel *lvl);
/* Ends the scope: q (may be NULL after an error) records the items it owns. */
struct Query *cte_end(ParseState *ps, CteLevel *lvl, struct Query *q);
/*
 * A table name in FROM that may name a WITH item.  Returns the relation of
 * the reference, or NULL: *found false when rv names no WITH item (the
 * caller looks up a table), else an error is set.  q is the query whose
 * FROM holds the reference; nullable: the reference is the nullable side
 * of an outer join.
 */
const struct CatTable *cte_lookup(ParseState *ps, const struct Query *q, const AstRangeVar *rv,
								  bool nullable, bool *found);

/* PLAN_WITH on top of a query that owns WITH items (plan/cte.c). */
struct Plan *plan_with(Arena *a, const struct Query *q, struct Plan *top);

/* Executor (exec/cte.c), called by exec_start / exec_end / scan_start. */
int			cte_with_start(struct ExecState *es, struct ExecNode *n);
void		cte_with_end(struct ExecNode *n);
int			cte_scan_start(struct ExecState *es, struct ExecNode *n);
void		cte_scan_end(struct ExecNode *n);

#endif
