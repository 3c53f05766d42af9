/*
 * expr.h — analysed, typed expressions and their evaluation (internal to src/sql).
 *
 * The analyzer (src/sql/analyze/) turns AST expressions into Expr trees in
 * which every name is resolved: columns are slot numbers in the input row,
 * operators and functions are FuncDef pointers, casts are (source, target)
 * pairs, parameters are indexes.  Nothing is looked up again at run time.
 *
 * An Expr tree is read-only once built and lives in the arena of the
 * SqlPrepared that owns it, so portals of one prepared statement share it.
 * Per-run state (function call caches such as compiled regexes) lives in an
 * ExprRunState, one per running portal, indexed by Expr.func.cache_slot.
 *
 * Evaluation (expr_eval) writes one Datum + null flag; by-reference results
 * are allocated in ctx->arena (normally the per-row arena of the executor).
 * Errors: returns -1 with ctx->err set (SQLSTATE and PostgreSQL's wording).
 * Threads: an ExprRunState belongs to the worker running the portal.
 */
#ifndef MEMGRES_SQL_EXPR_H
#define MEMGRES_SQL_EXPR_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/arena.h>
#include <memgres/datum.h>
#include <memgres/func.h>
#include <memgres/types.h>

typedef enum ExprKind
{
	EXPR_CONST,
	EXPR_PARAM,					/* $n of the portal */
	EXPR_VAR,					/* a column of the input row */
	EXPR_FUNC,					/* function or operator call */
	EXPR_AND,
	EXPR_OR,
	EXPR_NOT,
	EXPR_NULLTEST,				/* IS [NOT] NULL */
	EXPR_BOOLTEST,				/* IS [NOT] TRUE/FALSE/UNKNOWN */
	EXPR_DISTINCT,				/* IS [NOT] DISTINCT FROM: args[0], args[1], fn is "=" */
	EXPR_NULLIF,				/* fn is "=" */
	EXPR_CASE,
	EXPR_COALESCE,
	EXPR_MINMAX,				/* GREATEST / LEAST */
	EXPR_CAST,
	EXPR_IN,					/* x [NOT] IN (list): one "=" per element */
	EXPR_OUTERVAR,				/* a column of the enclosing query's row (correlated subquery) */
	EXPR_ARRAY,					/* ARRAY[args...] (one dimension) */
	EXPR_SCALARARRAY,			/* args[0] op ANY/ALL (args[1], an array) */
	EXPR_SUBLINK				/* (SELECT ...), EXISTS, x op ANY/ALL (SELECT ...), ARRAY(SELECT ...) */
} ExprKind;

typedef enum SublinkKind
{
	SUBLINK_EXISTS, SUBLINK_EXPR, SUBLINK_ANY, SUBLINK_ALL,
	SUBLINK_ARRAY				/* ARRAY(SELECT ...): the column's values as an array */
} SublinkKind;

struct Plan;

typedef enum BoolTestKind
{
	BT_IS_TRUE, BT_IS_NOT_TRUE, BT_IS_FALSE, BT_IS_NOT_FALSE, BT_IS_UNKNOWN, BT_IS_NOT_UNKNOWN
} BoolTestKind;

typedef struct Expr Expr;

struct Expr
{
	ExprKind	kind;
	Oid			type;			/* result type */
	int32_t		typmod;			/* -1 if none */
	int			location;		/* byte offset in the query, -1 if none */
	bool		agg_level;		/* VAR: already a slot of the aggregate row (analysis only) */
	uint8_t		levels_up;		/* OUTERVAR: queries beyond the enclosing one (0: its row) */
	const char *sql_syntax;		/* static text: the SQL keyword this call was written as
								 * ("CURRENT_DATE" ...), for pg_get_expr; else NULL */
	int			nargs;
	Expr	  **args;			/* operands (FUNC, AND, OR, NOT, COALESCE, MINMAX, IN: args[0] is the probe) */
	union
	{
		struct
		{
			Datum		value;
			bool		isnull;
		}			c;			/* CONST */
		int			param;		/* PARAM: 0-based */
		int			var;		/* VAR: slot in the input row (aggregate results are slots too) */
		struct
		{
			const FuncDef *def;
			Oid		   *argtypes;	/* actual argument types after coercion */
			int			cache_slot;
			const char *opname;	/* operators: "=", "<" ...; NULL for function calls */
		}			func;
		struct
		{
			bool		isnot;
		}			nulltest;
		BoolTestKind booltest;
		struct
		{
			const FuncDef *eq;	/* "=" between the two (coerced) operand types */
			Oid			argtypes[2];
			bool		isnot;	/* IS NOT DISTINCT FROM */
		}			distinct;
		struct
		{
			const FuncDef *eq;
			Oid			argtypes[2];
		}			nullif;
		struct
		{
			Expr	   *arg;	/* simple CASE: the operand, else NULL */
			int			nwhen;
			Expr	  **when;	/* conditions (simple CASE: already arg = value) */
			Expr	  **then;
			Expr	   *defresult;	/* never NULL: a NULL constant if omitted */
		}			kase;
		struct
		{
			TypeCmpFn	cmp;
			bool		greatest;
		}			minmax;
		struct
		{
			Oid			src;
			int32_t		src_typmod;
			bool		explicit_cast;
		}			cast;
		struct
		{
			const FuncDef **eq;	/* one per list element (args[1..]) */
			Oid		  (*argtypes)[2];
			bool		isnot;
		}			in;
		struct
		{
			const FuncDef *op;
			Oid			argtypes[2];
			bool		all;
		}			scalararray;
		struct
		{
			SublinkKind kind;
			const struct Plan *plan;
			bool		correlated; /* uses EXPR_OUTERVARs: run again per row */
			int			cache_slot; /* run-time state (exec/sublink.c) */
			const FuncDef *op;	/* ANY/ALL: the comparison, args[0] op column */
			Oid			argtypes[2];
			Oid			coltype;	/* the subquery column's type */
		}			sublink;
	}			u;
};

/* Per-run state of the expressions of one plan. */
typedef struct ExprRow ExprRow;

typedef struct ExprRunState
{
	void	   *exec;			/* the ExecState running the plan (sublinks), or NULL */
	const ExprRow *outer;		/* the enclosing query's row, inside a correlated subquery;
								 * in a join's inner scan the join so far */
	const ExprRow *enclosing;	/* in a join's inner scan inside a correlated subquery: the
								 * enclosing query's row, read by OUTERVARs from enclosing_base on */
	int			enclosing_base;
	const struct ExprRunState *up;	/* in a subquery: the run state of the query evaluating it,
									 * whose outer row is one more level up */
	int			ncache;
	void	  **cache;			/* FnCall.cache slots */
	Arena	   *cache_arena;	/* lives as long as the run */
	const Datum *params;
	const bool *param_nulls;
	int			nparams;
	const Oid  *param_types;
} ExprRunState;

/* The input row of an expression: column values by slot. */
struct ExprRow
{
	const Datum *values;
	const bool *nulls;
};

/* Evaluates e against row (may be NULL for expressions without columns). */
int			expr_eval(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row,
					  Datum *out, bool *isnull);
/* Evaluates a boolean qualification: true only if non-NULL and true. */
int			expr_qual(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row, bool *pass);

/* Evaluates a sublink (exec/sublink.c). */
int			exec_sublink(EvalCtx *ctx, ExprRunState *rs, const Expr *e, const ExprRow *row,
						 Datum *out, bool *isnull);

/* Constructors (arena a). */
Expr	   *expr_const(Arena *a, Oid type, int32_t typmod, Datum value, bool isnull, int location);
Expr	   *expr_new(Arena *a, ExprKind kind, Oid type, int nargs, int location);
/* True if e contains no VAR, PARAM or non-immutable function. */
bool		expr_is_constant(const Expr *e);
/* True if e references a column of the input row. */
bool		expr_has_vars(const Expr *e);
/* Deep copy into a (constants' by-reference values included). */
Expr	   *expr_copy(Arena *a, const Expr *e);
/* Marks used[v] for every column EXPR_VAR v (0 <= v < ncols) in e, CASE arms
 * included, sublinks not (as PostgreSQL's pull_var_clause). */
void		expr_collect_vars(const Expr *e, bool *used, int ncols);

#endif
