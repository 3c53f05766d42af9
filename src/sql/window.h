/*
 * window.h — window functions: their analysed form, planning and execution
 * (internal to src/sql).
 *
 * The analyzer (analyze/window.c) turns every call written with OVER into a
 * WinCall and every window it runs over (a WINDOW clause entry, or an OVER
 * (...) of its own) into a WinClause; the call's value in the expression
 * tree is a placeholder EXPR_VAR (agg_level set, slot WIN_SLOT_BASE + call
 * index) that the planner rewrites into a column of the WindowAgg row.
 * Window functions run after grouping (their arguments, PARTITION BY and
 * ORDER BY expressions are over the aggregate row when the query groups)
 * and before DISTINCT, ORDER BY and LIMIT, as in PostgreSQL.
 *
 * Memory: everything analysed lives in the ParseState's arena (the
 * SqlPrepared's); read-only once analysed.  The executor's state lives in
 * the node's own arenas, freed by window_end.
 * Errors: PostgreSQL's messages and SQLSTATEs (42P20, 42809, 0A000, 22013,
 * 22014, 22016 ...), returned through ps->err / es->err.
 * Threads: the worker running the statement.
 */
#ifndef MEMGRES_SQL_WINDOW_H
#define MEMGRES_SQL_WINDOW_H

#include <stdbool.h>

#include <memgres/func.h>
#include <memgres/types.h>

#include "ast.h"
#include "expr.h"

struct ParseState;
struct Query;
struct Plan;
struct ExecState;
struct ExecNode;

/* Placeholder slots of window calls in analysed expressions. */
#define WIN_SLOT_BASE 0x40000000

typedef enum WinFuncKind
{
	WINFUNC_AGG,				/* an aggregate over the frame */
	WINFUNC_ROW_NUMBER,
	WINFUNC_RANK,
	WINFUNC_DENSE_RANK,
	WINFUNC_PERCENT_RANK,
	WINFUNC_CUME_DIST,
	WINFUNC_NTILE,
	WINFUNC_LAG,
	WINFUNC_LEAD,
	WINFUNC_FIRST_VALUE,
	WINFUNC_LAST_VALUE,
	WINFUNC_NTH_VALUE
} WinFuncKind;

typedef struct WinOrderKey
{
	Expr	   *expr;
	bool		desc;
	bool		nulls_first;
	TypeCmpFn	cmp;
} WinOrderKey;

/* How RANGE offset PRECEDING/FOLLOWING compares sort keys. */
typedef enum WinRangeKind
{
	WINRANGE_NONE,
	WINRANGE_INT,				/* int2/int4/int8 keys and offsets, in int64 */
	WINRANGE_FLOAT,				/* float4/float8 keys, float8 offsets */
	WINRANGE_EXPR				/* numeric, date/time, interval: bound_add/bound_sub */
} WinRangeKind;

typedef struct WinClause
{
	const char *name;			/* WINDOW clause name, or NULL */
	int			location;
	int			npart;
	Expr	  **part;
	TypeCmpFn  *partcmp;
	int			norder;
	WinOrderKey *order;
	int			frame;			/* AST_FRAME_* bits */
	Expr	   *start_offset;	/* over no row (constants, parameters) */
	Expr	   *end_offset;
	/* RANGE with an offset: the single ORDER BY key's arithmetic */
	WinRangeKind range;
	Oid			offset_type;	/* WINRANGE_INT: of one offset (each Expr has its own) */
	Expr	   *bound_add;		/* WINRANGE_EXPR: slot 0 key + slot 1 offset */
	Expr	   *bound_sub;		/* slot 0 key - slot 1 offset */
	Expr	   *key_cast;		/* slot 0 key as the bound's type (NULL: same type) */
	TypeCmpFn	bound_cmp;
} WinClause;

typedef struct WinCall
{
	WinFuncKind kind;
	const char *name;
	const AggDef *agg;			/* WINFUNC_AGG */
	int			nargs;
	Expr	  **args;			/* over the window's input row */
	Oid			argtypes[FUNC_MAX_ARGS];
	Oid			rettype;
	Expr	   *filter;			/* FILTER (WHERE ...) of an aggregate, or NULL */
	int			winref;			/* index into WinInfo.clauses */
	int			location;
	int			text_len;		/* bytes of the call's text at location (0: unknown) */
} WinCall;

/* The window functions of one query level. */
typedef struct WinInfo
{
	int			nclauses;
	WinClause  *clauses;
	int			ncalls;
	WinCall    *calls;
} WinInfo;

/* Analysis state of one SELECT level (analyze/window.c). */
typedef struct WinState
{
	bool		allowed;		/* window functions may appear here */
	const char *context;		/* else: where we are, for the 42P20 message */
	bool		in_arg;			/* inside a window call's arguments */
	const AstList *named;		/* the WINDOW clause (AstWindowDef) */
	int			ndefs;			/* named entries first, then each OVER (...) */
	int			defs_cap;
	const AstWindowDef **defs;
	int			ncalls;
	int			calls_cap;
	WinCall    *calls;
	WinInfo    *info;			/* after win_finish: every window, used or not */
} WinState;

/* ---- analysis (analyze/window.c) ---- */
/* Starts the window state of a SELECT with the given WINDOW clause (ps->win). */
void		win_begin(struct ParseState *ps, const AstList *window_clause);
/* A function call written with OVER: the placeholder VAR, or NULL with ps->err set. */
Expr	   *win_transform_call(struct ParseState *ps, const AstFuncCall *f, const char *name);
/* A call without OVER: 42809 if name is a window function taking these arguments. */
int			win_check_plain_call(struct ParseState *ps, const AstFuncCall *f, const char *name,
								 int nargs, const Oid *argtypes);
/* After the target list and ORDER BY: analyses the windows; sets q->windows. */
int			win_finish(struct ParseState *ps, struct Query *q);

/* ---- planning (plan/windowplan.c) ---- */
/* WindowAgg over child (its raw row is the input), projecting q's targets. */
struct Plan *plan_window(Arena *a, const struct Query *q, struct Plan *child, MgError *err);

/* ---- execution (exec/window.c), called by exec_start/exec_end ---- */
int			window_start(struct ExecState *es, struct ExecNode *n);
void		window_end(struct ExecNode *n);

#endif
