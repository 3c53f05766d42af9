/*
 * analyze.h — parse analysis: AST -> typed, name-resolved Query (internal).
 *
 * The analyzer resolves every name against the catalog snapshot of the
 * statement, types every expression (PostgreSQL's rules: unknown literals
 * and parameters take the type their context demands, else text), and
 * reports PostgreSQL's errors with the cursor position of the construct.
 *
 * Memory: everything is allocated in ps->a (the SqlPrepared's arena).
 * Errors: functions return NULL/-1 with ps->err set.
 * Threads: the worker owning the session.
 */
#ifndef MEMGRES_SQL_ANALYZE_H
#define MEMGRES_SQL_ANALYZE_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/arena.h>
#include <memgres/error.h>
#include <memgres/sql.h>

#include "ast.h"
#include "expr.h"

struct CatTable;
struct Catalog;
struct Query;

/* One column visible to expressions (the FROM item's columns). */
typedef struct ScopeColumn
{
	const char *name;
	Oid			type;
	int32_t		typmod;
	int			slot;			/* slot in the input row */
	int16_t		attnum;			/* table column number (1-based), 0 if none */
} ScopeColumn;

typedef struct Scope
{
	const char *relname;		/* table name or alias (NULL: none) */
	const char *alias;
	Oid			table_oid;
	int			ncols;
	ScopeColumn *cols;
	/* EXCLUDED in ON CONFLICT DO UPDATE: a second scope at other slots */
	struct Scope *next;
} Scope;

/* An aggregate call found in a target list / HAVING / ORDER BY. */
typedef struct AggCall
{
	const AggDef *def;
	int			nargs;
	Expr	  **args;			/* over the input row */
	Oid			argtypes[FUNC_MAX_ARGS];
	Oid			rettype;
	bool		distinct;
	bool		star;
	Expr	   *filter;			/* FILTER (WHERE ...) or NULL */
	int			slot;			/* output slot in the aggregate row */
} AggCall;

typedef struct ParseState
{
	Arena	   *a;
	MgError    *err;
	SqlSession *session;
	const char *query;			/* the whole query string (for error positions) */
	const struct Catalog *cat;	/* the catalog the statement is analysed against */

	/* parameters: types grow as $n are seen; UNKNOWNOID until the context decides */
	Oid		   *param_types;
	int			nparams;
	int			param_cap;
	bool		params_fixed;	/* types given by the client cannot change */
	Expr	  **param_nodes;	/* every EXPR_PARAM made, for the final fix-up */
	int			nparam_nodes;
	int			param_nodes_cap;

	int			ncache;			/* function cache slots handed out */

	Scope	   *scope;			/* columns visible to expressions, or NULL */

	/* aggregates: collected while transforming when allowed */
	bool		allow_aggs;
	const char *agg_context;	/* "WHERE", "JOIN conditions" ... for the error */
	int			naggs;
	int			aggs_cap;
	AggCall    *aggs;
	bool		in_agg_arg;		/* inside an aggregate's argument */

	/* evaluation context for constant folding at analysis time */
	EvalCtx		ectx;

	/* subqueries: the enclosing query's state, and whether we used its columns */
	struct ParseState *parent;
	bool		correlated;
	bool		keep_unknown;	/* UNION arm: untyped outputs wait for the common type */
	bool		allow_srf;		/* a function in FROM: the next call may be set-returning */
	struct WinState *win;		/* window functions of this SELECT (window.h), or NULL */
	struct CteScope *ctes;		/* WITH items visible here (cte.h), innermost level first */
} ParseState;

void		pstate_init(ParseState *ps, SqlSession *s, Arena *a, const char *query,
						const Oid *param_types, int nparams, MgError *err);
/* Sets err's position from a byte offset in ps->query. */
void		pstate_position(ParseState *ps, int location);
/* After analysing a subquery with sub (a copy of ps): the parameters and
 * cache slots it added belong to the statement, so ps takes them back. */
void		pstate_take_shared(ParseState *ps, const ParseState *sub);
/* Unresolved parameters become text; parameter nodes get their final types. */
void		pstate_finish_params(ParseState *ps);
/*
 * regclass input: a relation name (possibly qualified, "quoted") through
 * s's search_path in cat -> its OID; digits are an OID, '-' is 0.  Fails
 * with PostgreSQL's errors (42P01, 3F000, 42602, 42601, 0A000) in err,
 * unpositioned.  Scratch memory from a.  The session's thread only.
 */
int			regclass_lookup(SqlSession *s, const struct Catalog *cat, Arena *a, const char *str,
							Oid *out, MgError *err);

/* ---- tables (analyze/from.c) ---- */
/* A table by (qualified) name through search_path; 42P01/3F000 unless missing_ok. */
const struct CatTable *lookup_relation(ParseState *ps, const AstRangeVar *rv, bool missing_ok);
/* The columns of a table as a Scope; slot = slot_base + column index. */
Scope	   *scope_for_table(Arena *a, const struct CatTable *t, const char *alias, int slot_base);

/* FROM with one table: sets q->rel and q->scope (analyze/from.c). */
int			transform_from_table(ParseState *ps, struct Query *q, const AstRangeVar *rv);
/* INSERT / UPDATE / DELETE (analyze/dml.c). */
struct Query *analyze_insert(ParseState *ps, const AstInsertStmt *st);
struct Query *analyze_update(ParseState *ps, const AstUpdateStmt *st);
struct Query *analyze_delete(ParseState *ps, const AstDeleteStmt *st);
/* FROM with joins (analyze/from.c): fills q->nrels, rels, scopes, ON conditions. */
int			transform_from_join(ParseState *ps, struct Query *q, const AstList *from);
/*
 * A function in FROM as a relation (analyze/from.c): column 1 the call's
 * result, named colnames[0] or name; WITH ORDINALITY a bigint "ordinality"
 * (or colnames[1]).  Allocated in ps->a.
 */
const struct CatTable *make_function_rel(ParseState *ps, Expr *e, const char *name, const AstList *colnames,
										 bool ordinality);
/* SELECT / VALUES (analyze/select.c). */
struct Query *analyze_select(ParseState *ps, const AstSelectStmt *sel);

/* ---- expressions (analyze/expr.c) ---- */
Expr	   *transform_expr(ParseState *ps, const AstNode *node);
/*
 * Coerces e to type/typmod in the given context (CAST_IMPLICIT for operator
 * and function arguments, CAST_ASSIGNMENT for stored values, CAST_EXPLICIT
 * for CAST).  Unknown literals are converted at analysis time; unknown
 * parameters take the type.  NULL with 42804/42846 when impossible.
 */
Expr	   *coerce_to(ParseState *ps, Expr *e, Oid type, int32_t typmod, CastContext cc, int location);
/* Coerces to boolean for WHERE/HAVING/...: 42804 "argument of %s must be type boolean, not type %s". */
Expr	   *coerce_to_bool(ParseState *ps, Expr *e, const char *construct);
/* PostgreSQL's select_common_type over n expressions; context names the construct ("CASE"). */
Oid			select_common_type(ParseState *ps, Expr **es, int n, const char *context, int location);
/* Resolves a type name; 42704 'type "x" does not exist'. */
int			transform_type_name(ParseState *ps, const AstTypeName *tn, Oid *type, int32_t *typmod);
/* PostgreSQL's FigureColname: the output column name of an expression. */
const char *figure_colname(const AstNode *node);
/* Builds an operator call "name"(l, r) (l NULL for prefix); resolution errors get location. */
Expr	   *make_op(ParseState *ps, const char *name, Expr *l, Expr *r, int location);
/* Folds a constant expression to an EXPR_CONST (errors are reported). */
Expr	   *fold_constant(ParseState *ps, Expr *e);
/* The name of a type for messages ("integer", "text", "character varying"). */
const char *type_display_name(ParseState *ps, Oid type);

#endif
