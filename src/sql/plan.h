/*
 * plan.h — analysed queries and their plans (internal to src/sql).
 *
 * The analyzer (analyze/select.c, analyze/dml.c) produces a Query: the
 * statement with every name resolved.  The planner (plan/planner.c) turns
 * it into a tree of Plan nodes, choosing an index where one helps.  Plans
 * are read-only once made and live in the SqlPrepared's arena, so several
 * portals may run one plan at once; the executor (exec.h) keeps all per-run
 * state apart.
 *
 * Every Plan node produces rows of `width` columns.  A node first makes its
 * raw row (a table row for scans, nothing for Result, the aggregate values
 * for Agg ...), then keeps it only if `qual` passes, then computes `tlist`
 * over it (no tlist: the raw row is the output).
 */
#ifndef MEMGRES_SQL_PLAN_H
#define MEMGRES_SQL_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/sql.h>
#include <memgres/types.h>

#include "analyze.h"
#include "expr.h"

struct CatTable;
struct CatIndex;

typedef enum CmdType
{
	CMD_SELECT,
	CMD_INSERT,
	CMD_UPDATE,
	CMD_DELETE
} CmdType;

typedef struct SortKey
{
	int			col;			/* column of the sorted row */
	bool		desc;
	bool		nulls_first;
	TypeCmpFn	cmp;
} SortKey;

/* The analysed form of SELECT (and the query part of DML). */
typedef struct Query
{
	CmdType		cmd;
	const struct CatTable *rel; /* the FROM table, or NULL */
	Scope	   *scope;

	int			ntargets;		/* visible columns first, then resjunk sort columns */
	int			nvisible;
	Expr	  **targets;
	SqlColumn  *cols;			/* nvisible result columns */

	Expr	   *where;
	int			naggs;
	AggCall    *aggs;
	Expr	   *having;
	bool		has_aggs;		/* aggregates, GROUP BY or HAVING */
	int			ngroup;			/* GROUP BY expressions over the input row */
	Expr	  **group;
	struct WinInfo *windows;	/* window functions (window.h), or NULL */

	int			nsort;
	SortKey    *sort;
	bool		distinct;
	int			ndistinct;		/* columns compared for DISTINCT / DISTINCT ON */
	int		   *distinct_cols;
	Expr	   *limit_count;	/* NULL: none */
	bool		with_ties;		/* FETCH FIRST n ROWS WITH TIES */
	Expr	   *limit_offset;

	/* VALUES lists as a row source (INSERT ... VALUES): rows of targets */
	int			nvalues;
	Expr	 ***values;

	/* joins: rels[0] joined with rels[1..] left-deep; the raw row is all their columns */
	int			nrels;			/* > 1 for a join */
	const struct CatTable **rels;
	int		   *rel_base;		/* first slot of each rel in the joined row */
	bool	   *rel_left;		/* LEFT JOIN for rels[i], i > 0 */
	Expr	  **rel_on;			/* ON condition of rels[i] (over the joined row), or NULL */

	/* UNION [ALL]: rows of left then right (targets are VARs over the appended row) */
	struct Query *union_left;
	struct Query *union_right;

	/* INSERT / UPDATE / DELETE */
	const struct CatTable *target;
	struct Query *source;		/* INSERT ... SELECT: the query; VALUES: rows are table rows */
	Expr	  **col_exprs;		/* INSERT ... SELECT: per table column, over the source row */
	Expr	  **set_exprs;		/* UPDATE: per table column (NULL: unchanged), over the old row */
	int			nreturning;
	Expr	  **returning;		/* over the new (INSERT/UPDATE) or old (DELETE) row */
	int			onconflict;		/* 0 none, 1 DO NOTHING, 2 DO UPDATE */
	const struct CatIndex *arbiter;	/* NULL: any unique index */
	Expr	  **conflict_set;	/* per column, over [existing row, EXCLUDED row] */
	Expr	   *conflict_where;

	/* WITH items this query owns (their stores end with it): cte.h */
	int			nctes;
	const struct CteDef **ctes;
} Query;

typedef enum PlanKind
{
	PLAN_RESULT,				/* one empty row */
	PLAN_VALUES,				/* rows of expressions */
	PLAN_SEQSCAN,
	PLAN_INDEXSCAN,
	PLAN_VIRTUAL,				/* a system catalog's or a FROM function's rows, computed at run time */
	PLAN_APPEND,				/* child's rows, then child2's */
	PLAN_NESTLOOP,				/* for each child row, child2 run with it as the outer row */
	PLAN_AGG,					/* whole-input aggregation: one row */
	PLAN_WINDOW,				/* window functions over the child's rows (window.h) */
	PLAN_SORT,
	PLAN_UNIQUE,
	PLAN_LIMIT,
	PLAN_MODIFY,				/* INSERT/UPDATE/DELETE over the child's rows */
	PLAN_WITH,					/* the child's rows; frees its WITH items' stores at the end */
	PLAN_CTESCAN				/* only as a 'q' relation's subplan: a WITH item's rows */
} PlanKind;

/* An index condition: column k of the index compared with a run-time value. */
typedef struct IndexQual
{
	int			keycol;			/* index column (0-based) */
	int			strategy;		/* IQ_EQ, IQ_LT, IQ_LE, IQ_GT, IQ_GE, IQ_IN */
	Expr	   *value;			/* over no input row (constants, params) */
	int			nlist;			/* IQ_IN: list values */
	Expr	  **list;
} IndexQual;

enum
{
	IQ_EQ, IQ_LT, IQ_LE, IQ_GT, IQ_GE, IQ_IN
};

typedef struct Plan Plan;

struct Plan
{
	PlanKind	kind;
	Plan	   *child;
	Plan	   *child2;			/* APPEND, NESTLOOP (inner) */
	bool		left_join;		/* NESTLOOP: emit unmatched outer rows with NULLs */
	int			width;			/* output columns */
	int			raw_width;		/* raw row columns (before tlist) */
	Oid		   *out_types;		/* width entries: the output column types */
	Expr	   *qual;
	int			ntlist;
	Expr	  **tlist;
	union
	{
		struct
		{
			int			nrows;
			Expr	 ***rows;
		}			values;
		struct
		{
			const struct CatTable *rel;
			const struct CatIndex *index;	/* INDEXSCAN */
			Expr	   *srf;	/* VIRTUAL over a function in FROM: the call, over the outer row */
			int			nquals;
			IndexQual  *iquals;
			bool		backward;
			bool		ordered;	/* delivers the query's ORDER BY: no Sort needed */
		}			scan;
		struct
		{
			int			naggs;
			AggCall    *aggs;
			int			ngroup;	/* > 0: sorted input, one row per group */
			int		   *keycols;	/* the group keys' columns in the input row */
			TypeCmpFn  *cmps;
		}			agg;
		struct
		{
			int			nkeys;
			SortKey    *keys;
			int64_t		bound;	/* > 0: only the first rows are needed (top-N); 0: all */
		}			sort;
		struct
		{
			int			ncols;
			int		   *cols;
			TypeCmpFn  *cmps;
		}			unique;
		struct
		{
			Expr	   *count;
			Expr	   *offset;
			int			nties;	/* WITH TIES: sort keys that make a tie, else 0 */
			const SortKey *ties;
		}			limit;
		struct
		{
			const struct WinInfo *info;
			int			input_width;	/* the child's row; window results follow */
		}			window;
		struct
		{
			CmdType		cmd;
			const struct CatTable *rel;
			Expr	  **col_exprs;
			Expr	  **set_exprs;
			int			onconflict;
			const struct CatIndex *arbiter;
			Expr	  **conflict_set;
			Expr	   *conflict_where;
		}			modify;
		struct
		{
			int			nctes;
			const struct CteDef **ctes;
		}			with;
		struct
		{
			const struct CteDef *def;
			bool		worktable;	/* the working table of a recursive term */
			int			levels_up;	/* an item reading an enclosing query: how many
									 * subquery-expression levels below its WITH
									 * the reference is */
		}			cte;
	}			u;
};

/* The access path for q->rel: SeqScan or IndexScan (indexpath.c). */
Plan	   *plan_scan(Arena *a, const Query *q, MgError *err);
/* Builds the plan of INSERT/UPDATE/DELETE (arena a). */
Plan	   *plan_modify(Arena *a, const Query *q, MgError *err);
/* Builds the plan of a SELECT query (arena a). */
Plan	   *plan_select(Arena *a, const Query *q, MgError *err);

#endif
