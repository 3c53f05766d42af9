/*
 * transform.h — internal to the parser boundary: PostgreSQL raw parse
 * nodes -> memgres AST.
 *
 * Included only by src/sql/parse.c and the files of src/sql/transform/, which are
 * compiled with PostgreSQL's server headers (PG_QUERY_CFLAGS).  Nothing
 * declared here may be used elsewhere: PostgreSQL types appear in it.
 *
 * Conventions shared by the transform files:
 *  1. Every tx_* function takes the TxCtx and a raw node (possibly NULL)
 *     and returns the memgres node (NULL for NULL input).  On failure it
 *     records the error in ctx->err with tx_fail() and returns NULL; callers
 *     may carry on building (the partial tree is thrown away) but must not
 *     dereference a result after a failure: check tx_failed() before that.
 *  2. Recursion is bounded: tx_enter() counts depth and fails with 54001
 *     beyond TX_MAX_DEPTH, so deep left-nested expressions (1+1+...+1)
 *     cannot exhaust the thread's stack.
 *  3. Only the first error is kept (tx_fail is a no-op once one is set).
 *
 * Threads: a TxCtx lives on one thread's stack for one sql_ast_parse call.
 */
#ifndef MEMGRES_SQL_TRANSFORM_H
#define MEMGRES_SQL_TRANSFORM_H

#include "postgres.h"
#include "nodes/parsenodes.h"
#include "nodes/pg_list.h"

#include <memgres/arena.h>
#include <memgres/error.h>

#include "../ast.h"

/*
 * Nesting limit of the transform.  PostgreSQL 15 with its default
 * max_stack_depth (2 MB) accepts a left-nested chain of 4,000 additions
 * (1+1+...) and fails at 4,500 with 54001; its limit depends on the node
 * type (stack frame sizes), ours counts levels, so the two agree on the
 * common chains and differ only near the edge for others.  The analyzer
 * and executor may rely on trees no deeper than this (plus a few levels
 * per statement), which fits comfortably in a worker thread's stack.
 */
#define TX_MAX_DEPTH 4200

/*
 * libpg_query 15-4.0 orders LimitOption as DEFAULT, COUNT, WITH_TIES, unlike
 * the PostgreSQL 15 server headers (COUNT, WITH_TIES, DEFAULT); the value
 * it actually stores for FETCH ... WITH TIES (checked by test_parse).
 */
#define PGQ_LIMIT_OPTION_WITH_TIES 2

typedef struct TxCtx
{
	Arena	   *a;
	MgError    *err;
	const char *query;			/* the whole query string, for positions */
	int			depth;
	bool		in_setop;		/* tx_select() is transforming an arm of a set operation */
} TxCtx;

/* Records an error (first one wins); location is a byte offset or -1. */
void		tx_fail(TxCtx *ctx, const char *sqlstate, int location, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));
/* 0A000 "<what> is not supported" at location. */
void		tx_unsupported(TxCtx *ctx, int location, const char *what);
/* Records the 54001 stack-depth error. */
void		tx_fail_depth(TxCtx *ctx);

static inline bool
tx_failed(const TxCtx *ctx)
{
	return mg_error_isset(ctx->err);
}

/* Depth accounting around recursive calls: if (!tx_enter(ctx)) return NULL; ... tx_leave(ctx); */
static inline bool
tx_enter(TxCtx *ctx)
{
	if (tx_failed(ctx))
		return false;
	if (++ctx->depth > TX_MAX_DEPTH)
	{
		ctx->depth--;
		tx_fail_depth(ctx);
		return false;
	}
	return true;
}

static inline void
tx_leave(TxCtx *ctx)
{
	ctx->depth--;
}

/* Small helpers (transform_common in expr.c). */
char	   *tx_str(TxCtx *ctx, const char *s);	/* arena copy, NULL stays NULL */
AstList    *tx_names(TxCtx *ctx, List *names);	/* list of String -> AstList of AstString */
AstList    *tx_expr_list(TxCtx *ctx, List *exprs);
AstTypeName *tx_type_name(TxCtx *ctx, TypeName *tn);
AstNode    *tx_value(TxCtx *ctx, Node *val, int location);	/* Integer/Float/String/Boolean -> AstConst */
AstList    *tx_def_elems(TxCtx *ctx, List *defs);
AstDefElem *tx_def_elem(TxCtx *ctx, DefElem *d);
AstRoleSpec *tx_role_spec(TxCtx *ctx, RoleSpec *r);
AstObjectType tx_object_type(ObjectType t);
const char *tx_object_type_name(ObjectType t);

/* expr.c: any expression, including sub-selects. */
AstNode    *tx_expr(TxCtx *ctx, Node *n);
AstList    *tx_sort_list(TxCtx *ctx, List *sorts);
AstWindowDef *tx_window_def(TxCtx *ctx, WindowDef *w);

/* select.c: queries and DML, their clauses. */
AstSelectStmt *tx_select(TxCtx *ctx, SelectStmt *s);
AstNode    *tx_insert(TxCtx *ctx, InsertStmt *s);
AstNode    *tx_update(TxCtx *ctx, UpdateStmt *s);
AstNode    *tx_delete(TxCtx *ctx, DeleteStmt *s);
AstRangeVar *tx_range_var(TxCtx *ctx, RangeVar *rv);
AstAlias   *tx_alias(TxCtx *ctx, Alias *al);
AstList    *tx_target_list(TxCtx *ctx, List *targets);
AstList    *tx_index_elems(TxCtx *ctx, List *elems);
AstIntoClause *tx_into_clause(TxCtx *ctx, IntoClause *into);
/* A statement that may appear inside another (CTE, PREPARE, EXPLAIN, COPY (...)). */
AstNode    *tx_query_stmt(TxCtx *ctx, Node *n);
/* A statement where SELECT ... INTO is allowed (top level, EXPLAIN, PREPARE): it becomes CREATE TABLE AS. */
AstNode    *tx_top_query(TxCtx *ctx, Node *n);

/* ddl.c: CREATE/ALTER/DROP of tables, indexes, sequences, schemas, views. */
AstNode    *tx_ddl_stmt(TxCtx *ctx, Node *n);
AstColumnDef *tx_column_def(TxCtx *ctx, ColumnDef *cd);
AstConstraint *tx_constraint(TxCtx *ctx, Constraint *c);

/* utility.c: everything else; and the statement dispatcher. */
AstNode    *tx_utility_stmt(TxCtx *ctx, Node *n);
/* Any top-level statement. */
AstNode    *tx_statement(TxCtx *ctx, Node *n);

#endif
