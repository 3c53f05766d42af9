/*
 * ast.h — memgres's own syntax tree: what the parser boundary produces and
 * the analyzer consumes.
 *
 * Produced by sql_ast_parse() (src/sql/parse.c + src/sql/transform/), which
 * runs libpg_query's raw parser (the real PostgreSQL 15 grammar) and copies
 * every raw parse node into the structs below.  No PostgreSQL pointer or
 * header ever leaves that boundary; this file includes none.
 *
 * Shape: the tree mirrors PostgreSQL's raw parse tree (parsenodes.h) node
 * for node and field for field, renamed to memgres style, so nothing the
 * grammar says is lost and PostgreSQL's parse analysis can be followed when
 * writing ours.  Differences from PostgreSQL are noted where they occur.
 *
 * Conventions:
 *   1. Every node starts with an AstNode header: a tag (AstTag) and the byte
 *      offset of the construct in the whole query string (-1 if unknown).
 *      Turn it into an error cursor with sql_ast_char_position().
 *   2. Lists are AstList nodes holding AstNode pointers; an empty list is
 *      NULL (PostgreSQL's NIL).  Names (qualified names, column lists) are
 *      lists of AstString nodes.  Use ast_list_length()/ast_list_nth()/
 *      ast_strval(), which accept NULL lists.
 *   3. All nodes, lists and strings live in the Arena given to
 *      sql_ast_parse(); the tree is read-only once returned, so prepared
 *      statements may share it.  Strings are NUL-terminated; identifiers are
 *      already case-folded and dequoted by the grammar (as PostgreSQL).
 *   4. Constructs the grammar accepts but this tree does not model are
 *      rejected at transform time with SQLSTATE 0A000 naming the construct,
 *      so the analyzer never meets a half-described node.
 *
 * Threads: parsing and the tree are per-thread objects (the arena's thread).
 */
#ifndef MEMGRES_SQL_AST_H
#define MEMGRES_SQL_AST_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/arena.h>
#include <memgres/error.h>
#include <memgres/strbuf.h>

typedef enum AstTag
{
	AST_INVALID = 0,

	/* values and lists */
	AST_LIST,
	AST_STRING,					/* an identifier or name part */
	AST_STAR,					/* '*' in a column reference or indirection */

	/* expressions */
	AST_CONST,
	AST_COLUMN_REF,
	AST_PARAM_REF,
	AST_A_EXPR,
	AST_BOOL_EXPR,
	AST_TYPE_CAST,
	AST_TYPE_NAME,
	AST_FUNC_CALL,
	AST_NAMED_ARG,
	AST_NULL_TEST,
	AST_BOOLEAN_TEST,
	AST_CASE_EXPR,
	AST_CASE_WHEN,
	AST_COALESCE_EXPR,
	AST_MINMAX_EXPR,
	AST_SQLVALUE_FUNCTION,
	AST_SUBLINK,
	AST_ARRAY_EXPR,
	AST_INDIRECTION,
	AST_INDICES,
	AST_COLLATE_CLAUSE,
	AST_ROW_EXPR,
	AST_SET_TO_DEFAULT,
	AST_GROUPING_FUNC,
	AST_GROUPING_SET,

	/* clauses */
	AST_RES_TARGET,
	AST_MULTI_ASSIGN_REF,
	AST_SORT_BY,
	AST_WINDOW_DEF,
	AST_RANGE_VAR,
	AST_ALIAS,
	AST_JOIN_EXPR,
	AST_RANGE_SUBSELECT,
	AST_RANGE_FUNCTION,
	AST_WITH_CLAUSE,
	AST_COMMON_TABLE_EXPR,
	AST_LOCKING_CLAUSE,
	AST_INTO_CLAUSE,
	AST_ON_CONFLICT_CLAUSE,
	AST_INFER_CLAUSE,
	AST_COLUMN_DEF,
	AST_CONSTRAINT,
	AST_INDEX_ELEM,
	AST_DEF_ELEM,
	AST_ROLE_SPEC,
	AST_ALTER_TABLE_CMD,

	/* statements */
	AST_SELECT_STMT,
	AST_INSERT_STMT,
	AST_UPDATE_STMT,
	AST_DELETE_STMT,
	AST_CREATE_STMT,
	AST_CREATE_TABLE_AS_STMT,
	AST_DROP_STMT,
	AST_ALTER_TABLE_STMT,
	AST_RENAME_STMT,
	AST_INDEX_STMT,
	AST_CREATE_SEQ_STMT,
	AST_ALTER_SEQ_STMT,
	AST_CREATE_SCHEMA_STMT,
	AST_TRUNCATE_STMT,
	AST_COMMENT_STMT,
	AST_TRANSACTION_STMT,
	AST_VARIABLE_SET_STMT,
	AST_VARIABLE_SHOW_STMT,
	AST_COPY_STMT,
	AST_PREPARE_STMT,
	AST_EXECUTE_STMT,
	AST_DEALLOCATE_STMT,
	AST_EXPLAIN_STMT,
	AST_CREATEDB_STMT,
	AST_DROPDB_STMT,
	AST_ALTER_DATABASE_STMT,
	AST_ALTER_DATABASE_SET_STMT,
	AST_CREATE_ROLE_STMT,
	AST_ALTER_ROLE_STMT,
	AST_DROP_ROLE_STMT,
	AST_VIEW_STMT,
	AST_DISCARD_STMT,
	AST_LOCK_STMT,
	AST_CHECKPOINT_STMT,
	AST_LISTEN_STMT,
	AST_UNLISTEN_STMT,
	AST_NOTIFY_STMT,
	AST_DO_STMT,
	AST_VACUUM_STMT,

	AST_NUM_TAGS
} AstTag;

/* The header of every node. */
typedef struct AstNode
{
	AstTag		tag;
	int			location;		/* byte offset in the query string, -1 if none */
} AstNode;

#define AST_TAG(n) (((const AstNode *) (n))->tag)
#define AST_IS(n, t) ((n) != NULL && AST_TAG(n) == (t))

/* ==== values and lists ================================================ */

typedef struct AstList
{
	AstNode		hdr;
	int			length;
	int			capacity;
	AstNode   **items;
} AstList;

typedef struct AstString
{
	AstNode		hdr;
	char	   *sval;
} AstString;

/* '*': the last field of a ColumnRef, or an element of an indirection. */
typedef struct AstStar
{
	AstNode		hdr;
} AstStar;

/* ==== expressions ===================================================== */

typedef enum AstConstKind
{
	AST_CONST_INTEGER,			/* ival: a literal that fits in int32 */
	AST_CONST_FLOAT,			/* sval: any other numeric literal, as written
								 * ("1.5", "1e10", "12345678901"); the analyzer
								 * makes int8 if it fits, else numeric */
	AST_CONST_STRING,			/* sval: a string literal (type unknown) */
	AST_CONST_BITSTRING,		/* sval: "b0101" or "x1F" as PostgreSQL keeps it */
	AST_CONST_BOOL,				/* bval: TRUE/FALSE keywords (type bool) */
	AST_CONST_NULL				/* NULL keyword */
} AstConstKind;

/* A_Const */
typedef struct AstConst
{
	AstNode		hdr;
	AstConstKind kind;
	int32_t		ival;
	bool		bval;
	char	   *sval;
} AstConst;

/* ColumnRef: a.b.c or a.* — fields are AstString, the last may be AstStar. */
typedef struct AstColumnRef
{
	AstNode		hdr;
	AstList    *fields;
} AstColumnRef;

/* ParamRef: $n */
typedef struct AstParamRef
{
	AstNode		hdr;
	int			number;
} AstParamRef;

typedef enum AstAExprKind
{
	AST_AEXPR_OP,				/* normal operator */
	AST_AEXPR_OP_ANY,			/* scalar op ANY (array) */
	AST_AEXPR_OP_ALL,			/* scalar op ALL (array) */
	AST_AEXPR_DISTINCT,			/* IS DISTINCT FROM (name "=") */
	AST_AEXPR_NOT_DISTINCT,		/* IS NOT DISTINCT FROM (name "=") */
	AST_AEXPR_NULLIF,			/* NULLIF (name "=") */
	AST_AEXPR_IN,				/* [NOT] IN (list): name "=" or "<>"; rexpr is an AstList */
	AST_AEXPR_LIKE,				/* [NOT] LIKE: name "~~" or "!~~" */
	AST_AEXPR_ILIKE,			/* [NOT] ILIKE: name "~~*" or "!~~*" */
	AST_AEXPR_SIMILAR,			/* [NOT] SIMILAR TO: name "~" or "!~"; rexpr is
								 * a call to pg_catalog.similar_to_escape() */
	AST_AEXPR_BETWEEN,			/* rexpr is an AstList of two bounds */
	AST_AEXPR_NOT_BETWEEN,
	AST_AEXPR_BETWEEN_SYM,
	AST_AEXPR_NOT_BETWEEN_SYM
} AstAExprKind;

/*
 * A_Expr.  name is the operator name (list of AstString, qualified for
 * OPERATOR(schema.op)).  lexpr is NULL for a prefix operator.  For IN and
 * the BETWEEN kinds, rexpr is an AstList.
 */
typedef struct AstAExpr
{
	AstNode		hdr;
	AstAExprKind kind;
	AstList    *name;
	AstNode    *lexpr;
	AstNode    *rexpr;
} AstAExpr;

typedef enum AstBoolExprType
{
	AST_AND_EXPR,
	AST_OR_EXPR,
	AST_NOT_EXPR
} AstBoolExprType;

typedef struct AstBoolExpr
{
	AstNode		hdr;
	AstBoolExprType boolop;
	AstList    *args;			/* two or more for AND/OR (flattened), one for NOT */
} AstBoolExpr;

/*
 * TypeName.  names is the qualified name as the grammar produced it: SQL
 * keyword types come out as pg_catalog.int4, pg_catalog.varchar,
 * pg_catalog.bpchar, pg_catalog.timestamptz, pg_catalog.interval (with an
 * interval-fields typmod) ...; user-written names as written.
 */
typedef struct AstTypeName
{
	AstNode		hdr;
	AstList    *names;			/* AstString */
	bool		setof;
	bool		pct_type;		/* %TYPE (rejected at transform) */
	AstList    *typmods;		/* expressions (usually AstConst) */
	int32_t		typemod;		/* prespecified typmod, -1 if none */
	AstList    *array_bounds;	/* AstConst integers, -1 for [] */
} AstTypeName;

/* TypeCast: arg::type, CAST(arg AS type), type 'literal'. */
typedef struct AstTypeCast
{
	AstNode		hdr;
	AstNode    *arg;
	AstTypeName *type_name;
} AstTypeCast;

typedef enum AstCoercionForm
{
	AST_COERCE_EXPLICIT_CALL,	/* f(x) */
	AST_COERCE_EXPLICIT_CAST,	/* CAST-like syntax */
	AST_COERCE_IMPLICIT_CAST,
	AST_COERCE_SQL_SYNTAX		/* special SQL syntax: EXTRACT, SUBSTRING(x FROM y), POSITION ... */
} AstCoercionForm;

typedef struct AstWindowDef AstWindowDef;

/* FuncCall */
typedef struct AstFuncCall
{
	AstNode		hdr;
	AstList    *funcname;		/* qualified name, AstString */
	AstList    *args;			/* expressions, possibly AstNamedArg */
	AstList    *agg_order;		/* ORDER BY inside the call (AstSortBy) */
	AstNode    *agg_filter;		/* FILTER (WHERE ...) */
	AstWindowDef *over;			/* OVER (...) or OVER name */
	bool		agg_within_group;	/* WITHIN GROUP (ORDER BY) */
	bool		agg_star;		/* f(*) */
	bool		agg_distinct;	/* f(DISTINCT ...) */
	bool		func_variadic;	/* VARIADIC on the last argument */
	AstCoercionForm funcformat;
} AstFuncCall;

/* NamedArgExpr: name => arg (PostgreSQL's argnumber is analysis-time). */
typedef struct AstNamedArg
{
	AstNode		hdr;
	AstNode    *arg;
	char	   *name;
} AstNamedArg;

typedef struct AstNullTest
{
	AstNode		hdr;
	AstNode    *arg;
	bool		is_not;			/* IS NOT NULL */
} AstNullTest;

typedef enum AstBoolTestType
{
	AST_IS_TRUE,
	AST_IS_NOT_TRUE,
	AST_IS_FALSE,
	AST_IS_NOT_FALSE,
	AST_IS_UNKNOWN,
	AST_IS_NOT_UNKNOWN
} AstBoolTestType;

typedef struct AstBooleanTest
{
	AstNode		hdr;
	AstNode    *arg;
	AstBoolTestType test;
} AstBooleanTest;

/* CASE [arg] WHEN ... THEN ... [ELSE defresult] END */
typedef struct AstCaseExpr
{
	AstNode		hdr;
	AstNode    *arg;			/* NULL for searched CASE */
	AstList    *whens;			/* AstCaseWhen */
	AstNode    *defresult;		/* NULL: no ELSE */
} AstCaseExpr;

typedef struct AstCaseWhen
{
	AstNode		hdr;
	AstNode    *expr;
	AstNode    *result;
} AstCaseWhen;

typedef struct AstCoalesceExpr
{
	AstNode		hdr;
	AstList    *args;
} AstCoalesceExpr;

typedef enum AstMinMaxOp
{
	AST_IS_GREATEST,
	AST_IS_LEAST
} AstMinMaxOp;

typedef struct AstMinMaxExpr
{
	AstNode		hdr;
	AstMinMaxOp op;
	AstList    *args;
} AstMinMaxExpr;

/* Niladic SQL functions (PostgreSQL's SQLValueFunctionOp, same order). */
typedef enum AstSQLValueOp
{
	AST_SVF_CURRENT_DATE,
	AST_SVF_CURRENT_TIME,
	AST_SVF_CURRENT_TIME_N,
	AST_SVF_CURRENT_TIMESTAMP,
	AST_SVF_CURRENT_TIMESTAMP_N,
	AST_SVF_LOCALTIME,
	AST_SVF_LOCALTIME_N,
	AST_SVF_LOCALTIMESTAMP,
	AST_SVF_LOCALTIMESTAMP_N,
	AST_SVF_CURRENT_ROLE,
	AST_SVF_CURRENT_USER,
	AST_SVF_USER,
	AST_SVF_SESSION_USER,
	AST_SVF_CURRENT_CATALOG,
	AST_SVF_CURRENT_SCHEMA
} AstSQLValueOp;

typedef struct AstSQLValueFunction
{
	AstNode		hdr;
	AstSQLValueOp op;
	int32_t		typmod;			/* precision for the _N forms, else -1 */
} AstSQLValueFunction;

typedef enum AstSubLinkType
{
	AST_EXISTS_SUBLINK,			/* EXISTS (sel) */
	AST_ALL_SUBLINK,			/* testexpr op ALL (sel) */
	AST_ANY_SUBLINK,			/* testexpr op ANY (sel), and IN (sel) with no opername */
	AST_ROWCOMPARE_SUBLINK,		/* (a,b) op (sel) */
	AST_EXPR_SUBLINK,			/* (sel) as a scalar */
	AST_MULTIEXPR_SUBLINK,		/* UPDATE SET (a,b) = (sel) */
	AST_ARRAY_SUBLINK			/* ARRAY(sel) */
} AstSubLinkType;

typedef struct AstSubLink
{
	AstNode		hdr;
	AstSubLinkType kind;
	AstNode    *testexpr;		/* left side for ALL/ANY/ROWCOMPARE, else NULL */
	AstList    *opername;		/* operator name, NULL for IN (sel) */
	AstNode    *subselect;		/* an AstSelectStmt */
} AstSubLink;

/* ARRAY[...] (A_ArrayExpr); nested ARRAY[[..],[..]] nests AstArrayExpr. */
typedef struct AstArrayExpr
{
	AstNode		hdr;
	AstList    *elements;
} AstArrayExpr;

/* [lidx:uidx] or [uidx] (A_Indices); either bound of a slice may be NULL. */
typedef struct AstIndices
{
	AstNode		hdr;
	bool		is_slice;
	AstNode    *lidx;
	AstNode    *uidx;
} AstIndices;

/* A_Indirection: arg followed by subscripts (AstIndices), field names (AstString) or AstStar. */
typedef struct AstIndirection
{
	AstNode		hdr;
	AstNode    *arg;
	AstList    *indirection;
} AstIndirection;

/* arg COLLATE name (arg is NULL in a column definition's COLLATE). */
typedef struct AstCollateClause
{
	AstNode		hdr;
	AstNode    *arg;
	AstList    *collname;		/* AstString */
} AstCollateClause;

/* ROW(...) or (a, b, ...) */
typedef struct AstRowExpr
{
	AstNode		hdr;
	AstList    *args;
	bool		explicit_row;	/* written with the ROW keyword */
} AstRowExpr;

/* DEFAULT in INSERT VALUES or UPDATE SET. */
typedef struct AstSetToDefault
{
	AstNode		hdr;
} AstSetToDefault;

/* GROUPING(a, b) */
typedef struct AstGroupingFunc
{
	AstNode		hdr;
	AstList    *args;
} AstGroupingFunc;

typedef enum AstGroupingSetKind
{
	AST_GROUPING_SET_EMPTY,		/* () */
	AST_GROUPING_SET_SIMPLE,
	AST_GROUPING_SET_ROLLUP,
	AST_GROUPING_SET_CUBE,
	AST_GROUPING_SET_SETS
} AstGroupingSetKind;

/* ROLLUP/CUBE/GROUPING SETS/() in GROUP BY. */
typedef struct AstGroupingSet
{
	AstNode		hdr;
	AstGroupingSetKind kind;
	AstList    *content;
} AstGroupingSet;

/* ==== clauses ========================================================== */

/*
 * ResTarget.  In a SELECT target list: val AS name (name NULL if no alias).
 * In INSERT's column list: name plus indirection (a[1], a.f), val NULL.
 * In UPDATE SET: name [indirection] = val.
 */
typedef struct AstResTarget
{
	AstNode		hdr;
	char	   *name;
	AstList    *indirection;	/* AstIndices / AstString */
	AstNode    *val;
} AstResTarget;

/*
 * UPDATE ... SET (a, b) = (row or sub-select): each target column gets one
 * of these as its val; colno is 1-based, ncolumns the number of targets.
 */
typedef struct AstMultiAssignRef
{
	AstNode		hdr;
	AstNode    *source;			/* an AstRowExpr or an AST_MULTIEXPR_SUBLINK */
	int			colno;
	int			ncolumns;
} AstMultiAssignRef;

typedef enum AstSortByDir
{
	AST_SORTBY_DEFAULT,
	AST_SORTBY_ASC,
	AST_SORTBY_DESC,
	AST_SORTBY_USING			/* USING operator (rejected at transform) */
} AstSortByDir;

typedef enum AstSortByNulls
{
	AST_SORTBY_NULLS_DEFAULT,
	AST_SORTBY_NULLS_FIRST,
	AST_SORTBY_NULLS_LAST
} AstSortByNulls;

typedef struct AstSortBy
{
	AstNode		hdr;
	AstNode    *node;			/* expression, or an integer AstConst for ORDER BY 2 */
	AstSortByDir dir;
	AstSortByNulls nulls;
	AstList    *use_op;			/* USING operator name */
} AstSortBy;

/* Frame option bits, PostgreSQL's FRAMEOPTION_* values. */
#define AST_FRAME_NONDEFAULT				0x00001
#define AST_FRAME_RANGE						0x00002
#define AST_FRAME_ROWS						0x00004
#define AST_FRAME_GROUPS					0x00008
#define AST_FRAME_BETWEEN					0x00010
#define AST_FRAME_START_UNBOUNDED_PRECEDING	0x00020
#define AST_FRAME_END_UNBOUNDED_PRECEDING	0x00040
#define AST_FRAME_START_UNBOUNDED_FOLLOWING	0x00080
#define AST_FRAME_END_UNBOUNDED_FOLLOWING	0x00100
#define AST_FRAME_START_CURRENT_ROW			0x00200
#define AST_FRAME_END_CURRENT_ROW			0x00400
#define AST_FRAME_START_OFFSET_PRECEDING	0x00800
#define AST_FRAME_END_OFFSET_PRECEDING		0x01000
#define AST_FRAME_START_OFFSET_FOLLOWING	0x02000
#define AST_FRAME_END_OFFSET_FOLLOWING		0x04000
#define AST_FRAME_EXCLUDE_CURRENT_ROW		0x08000
#define AST_FRAME_EXCLUDE_GROUP				0x10000
#define AST_FRAME_EXCLUDE_TIES				0x20000
#define AST_FRAME_DEFAULTS	(AST_FRAME_RANGE | AST_FRAME_START_UNBOUNDED_PRECEDING | \
							 AST_FRAME_END_CURRENT_ROW)

/* A window: OVER (...), OVER name, or an entry of WINDOW name AS (...). */
struct AstWindowDef
{
	AstNode		hdr;
	char	   *name;			/* WINDOW clause entry name, or OVER name */
	char	   *refname;		/* the window this one copies (w AS (w0 ...)) */
	AstList    *partition_clause;	/* expressions */
	AstList    *order_clause;	/* AstSortBy */
	int			frame_options;	/* AST_FRAME_* */
	AstNode    *start_offset;
	AstNode    *end_offset;
};

typedef struct AstAlias
{
	AstNode		hdr;
	char	   *aliasname;
	AstList    *colnames;		/* AstString, NULL if none */
} AstAlias;

/* RELPERSISTENCE values, as PostgreSQL's. */
#define AST_RELPERSISTENCE_PERMANENT 'p'
#define AST_RELPERSISTENCE_UNLOGGED 'u'
#define AST_RELPERSISTENCE_TEMP 't'

/* A table name: [catalog.][schema.]relname [*] [AS alias] */
typedef struct AstRangeVar
{
	AstNode		hdr;
	char	   *catalogname;
	char	   *schemaname;
	char	   *relname;
	bool		inh;			/* false for ONLY t */
	char		relpersistence; /* AST_RELPERSISTENCE_* */
	AstAlias   *alias;
} AstRangeVar;

typedef enum AstJoinType
{
	AST_JOIN_INNER,				/* also CROSS JOIN (quals NULL) and comma joins are separate from-list entries */
	AST_JOIN_LEFT,
	AST_JOIN_FULL,
	AST_JOIN_RIGHT
} AstJoinType;

typedef struct AstJoinExpr
{
	AstNode		hdr;
	AstJoinType jointype;
	bool		is_natural;
	AstNode    *larg;
	AstNode    *rarg;
	AstList    *using_clause;	/* AstString column names */
	AstAlias   *join_using_alias;	/* USING (...) AS alias */
	AstNode    *quals;			/* ON expression */
	AstAlias   *alias;
} AstJoinExpr;

/* (SELECT ...) AS alias in FROM */
typedef struct AstRangeSubselect
{
	AstNode		hdr;
	bool		lateral;
	AstNode    *subquery;
	AstAlias   *alias;
} AstRangeSubselect;

/* A function in FROM: f(...) [WITH ORDINALITY] [AS alias(cols)]. */
typedef struct AstRangeFunction
{
	AstNode		hdr;
	bool		lateral;
	bool		ordinality;
	bool		is_rowsfrom;	/* ROWS FROM (...) */
	AstList    *functions;		/* the calls (AstFuncCall or other expressions) */
	AstList    *func_coldefs;	/* parallel to functions: an AstList of AstColumnDef
								 * per function (empty when none) */
	AstAlias   *alias;
	AstList    *coldeflist;		/* AS alias(col type, ...) : AstColumnDef */
} AstRangeFunction;

typedef enum AstCTEMaterialize
{
	AST_CTE_MATERIALIZE_DEFAULT,
	AST_CTE_MATERIALIZE_ALWAYS,
	AST_CTE_MATERIALIZE_NEVER
} AstCTEMaterialize;

typedef struct AstCommonTableExpr
{
	AstNode		hdr;
	char	   *ctename;
	AstList    *aliascolnames;	/* AstString */
	AstCTEMaterialize materialized;
	AstNode    *ctequery;		/* a SELECT/INSERT/UPDATE/DELETE statement */
} AstCommonTableExpr;

typedef struct AstWithClause
{
	AstNode		hdr;
	AstList    *ctes;			/* AstCommonTableExpr */
	bool		recursive;
} AstWithClause;

typedef enum AstLockStrength
{
	AST_LCS_NONE,
	AST_LCS_FORKEYSHARE,
	AST_LCS_FORSHARE,
	AST_LCS_FORNOKEYUPDATE,
	AST_LCS_FORUPDATE
} AstLockStrength;

typedef enum AstLockWaitPolicy
{
	AST_LOCK_WAIT_BLOCK,
	AST_LOCK_WAIT_SKIP,			/* SKIP LOCKED */
	AST_LOCK_WAIT_ERROR			/* NOWAIT */
} AstLockWaitPolicy;

/* FOR UPDATE [OF t, ...] [NOWAIT | SKIP LOCKED] */
typedef struct AstLockingClause
{
	AstNode		hdr;
	AstList    *locked_rels;	/* AstRangeVar, NULL for all */
	AstLockStrength strength;
	AstLockWaitPolicy wait_policy;
} AstLockingClause;

typedef enum AstOnCommitAction
{
	AST_ONCOMMIT_NOOP,
	AST_ONCOMMIT_PRESERVE_ROWS,
	AST_ONCOMMIT_DELETE_ROWS,
	AST_ONCOMMIT_DROP
} AstOnCommitAction;

/* The target of CREATE TABLE AS / SELECT INTO. */
typedef struct AstIntoClause
{
	AstNode		hdr;
	AstRangeVar *rel;
	AstList    *col_names;		/* AstString */
	AstList    *options;		/* AstDefElem (WITH (...)) */
	AstOnCommitAction on_commit;
	bool		skip_data;		/* WITH NO DATA */
} AstIntoClause;

/* ON CONFLICT (cols [WHERE pred]) / ON CONSTRAINT name */
typedef struct AstInferClause
{
	AstNode		hdr;
	AstList    *index_elems;	/* AstIndexElem */
	AstNode    *where_clause;	/* partial-index predicate */
	char	   *conname;		/* ON CONSTRAINT name */
} AstInferClause;

typedef enum AstOnConflictAction
{
	AST_ONCONFLICT_NOTHING,
	AST_ONCONFLICT_UPDATE
} AstOnConflictAction;

typedef struct AstOnConflictClause
{
	AstNode		hdr;
	AstOnConflictAction action;
	AstInferClause *infer;		/* NULL: no target (allowed for DO NOTHING only) */
	AstList    *target_list;	/* DO UPDATE SET: AstResTarget */
	AstNode    *where_clause;	/* DO UPDATE ... WHERE */
} AstOnConflictClause;

typedef enum AstConstrType
{
	AST_CONSTR_NULL,			/* NULL (a no-op marker) */
	AST_CONSTR_NOTNULL,
	AST_CONSTR_DEFAULT,			/* raw_expr */
	AST_CONSTR_IDENTITY,		/* GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)] */
	AST_CONSTR_GENERATED,		/* GENERATED ALWAYS AS (raw_expr) STORED */
	AST_CONSTR_CHECK,
	AST_CONSTR_PRIMARY,
	AST_CONSTR_UNIQUE,
	AST_CONSTR_EXCLUSION,		/* rejected at transform */
	AST_CONSTR_FOREIGN,
	AST_CONSTR_ATTR_DEFERRABLE,	/* attributes following a constraint; the */
	AST_CONSTR_ATTR_NOT_DEFERRABLE, /* transform folds them into the */
	AST_CONSTR_ATTR_DEFERRED,	/* preceding constraint, as PostgreSQL's */
	AST_CONSTR_ATTR_IMMEDIATE	/* transformConstraintAttrs does */
} AstConstrType;

/* Foreign-key actions and match types: PostgreSQL's letters. */
#define AST_FKCONSTR_ACTION_NOACTION 'a'
#define AST_FKCONSTR_ACTION_RESTRICT 'r'
#define AST_FKCONSTR_ACTION_CASCADE 'c'
#define AST_FKCONSTR_ACTION_SETNULL 'n'
#define AST_FKCONSTR_ACTION_SETDEFAULT 'd'
#define AST_FKCONSTR_MATCH_FULL 'f'
#define AST_FKCONSTR_MATCH_PARTIAL 'p'
#define AST_FKCONSTR_MATCH_SIMPLE 's'

/* Identity column kinds. */
#define AST_IDENTITY_ALWAYS 'a'
#define AST_IDENTITY_BY_DEFAULT 'd'

/*
 * A column or table constraint.  Which fields mean something depends on
 * contype; column constraints have keys == NULL (the column is implied).
 */
typedef struct AstConstraint
{
	AstNode		hdr;
	AstConstrType contype;
	char	   *conname;		/* CONSTRAINT name, or NULL */
	bool		deferrable;
	bool		initdeferred;
	bool		is_no_inherit;
	AstNode    *raw_expr;		/* CHECK, DEFAULT, GENERATED expression */
	char		generated_when; /* IDENTITY/GENERATED: AST_IDENTITY_* */
	bool		nulls_not_distinct; /* UNIQUE NULLS NOT DISTINCT */
	AstList    *keys;			/* PRIMARY/UNIQUE: column names (AstString) */
	AstList    *including;		/* INCLUDE (...) */
	char	   *indexname;		/* USING INDEX name (rejected) */
	char	   *access_method;
	AstNode    *where_clause;	/* partial constraint predicate */
	AstList    *options;		/* IDENTITY: sequence options (AstDefElem); WITH (...) */
	/* FOREIGN KEY */
	AstRangeVar *pktable;
	AstList    *fk_attrs;		/* referencing columns (AstString), NULL for a column constraint */
	AstList    *pk_attrs;		/* referenced columns, NULL: the primary key */
	char		fk_matchtype;	/* AST_FKCONSTR_MATCH_* */
	char		fk_upd_action;	/* AST_FKCONSTR_ACTION_* */
	char		fk_del_action;
	AstList    *fk_del_set_cols;	/* ON DELETE SET NULL (cols) */
	bool		skip_validation;	/* NOT VALID */
	bool		initially_valid;
} AstConstraint;

/* One column of CREATE TABLE / ALTER TABLE ADD COLUMN. */
typedef struct AstColumnDef
{
	AstNode		hdr;
	char	   *colname;
	AstTypeName *type_name;
	AstCollateClause *coll_clause;	/* COLLATE name (arg NULL) */
	AstList    *constraints;	/* AstConstraint, in written order; attribute
								 * entries (DEFERRABLE...) already folded */
	char		storage;		/* STORAGE x, 0 if none */
	char	   *compression;
} AstColumnDef;

/* One column or expression of an index, or of an ON CONFLICT target. */
typedef struct AstIndexElem
{
	AstNode		hdr;
	char	   *name;			/* column name, or NULL */
	AstNode    *expr;			/* expression, or NULL */
	char	   *indexcolname;
	AstList    *collation;		/* AstString */
	AstList    *opclass;		/* AstString */
	AstSortByDir ordering;
	AstSortByNulls nulls_ordering;
} AstIndexElem;

typedef enum AstDefElemAction
{
	AST_DEFELEM_UNSPEC,
	AST_DEFELEM_SET,
	AST_DEFELEM_ADD,
	AST_DEFELEM_DROP
} AstDefElemAction;

/*
 * A generic "name [= value]" option (sequence options, COPY options,
 * transaction modes, role options, EXPLAIN options ...).  arg is an
 * AstConst (integer, float text, string, bool), an AstTypeName (AS type),
 * an AstList of AstString (OWNED BY a.b; OWNED BY NONE is ("none");
 * FORCE_QUOTE (a, b)) or of AstRoleSpec (IN ROLE a), an AstStar
 * (FORCE_QUOTE *), or NULL (a bare keyword: FREEZE, ANALYZE, NO MINVALUE).
 * Values are exactly what PostgreSQL's grammar stores: COPY's "HEADER
 * true" is the string "true" but old-style "CSV HEADER" is bool true.
 */
typedef struct AstDefElem
{
	AstNode		hdr;
	char	   *defnamespace;
	char	   *defname;
	AstNode    *arg;
	AstDefElemAction defaction;
} AstDefElem;

typedef enum AstRoleSpecType
{
	AST_ROLESPEC_CSTRING,		/* a role name */
	AST_ROLESPEC_CURRENT_ROLE,
	AST_ROLESPEC_CURRENT_USER,
	AST_ROLESPEC_SESSION_USER,
	AST_ROLESPEC_PUBLIC
} AstRoleSpecType;

typedef struct AstRoleSpec
{
	AstNode		hdr;
	AstRoleSpecType roletype;
	char	   *rolename;		/* CSTRING only */
} AstRoleSpec;

/* ==== statements: queries ============================================= */

typedef enum AstSetOperation
{
	AST_SETOP_NONE,
	AST_SETOP_UNION,
	AST_SETOP_INTERSECT,
	AST_SETOP_EXCEPT
} AstSetOperation;

typedef enum AstLimitOption
{
	AST_LIMIT_OPTION_DEFAULT,	/* no limit clause */
	AST_LIMIT_OPTION_COUNT,		/* LIMIT n / FETCH FIRST n ROWS ONLY */
	AST_LIMIT_OPTION_WITH_TIES	/* FETCH FIRST n ROWS WITH TIES */
} AstLimitOption;

/*
 * SELECT, VALUES, and set operations.
 *
 * A leaf SELECT has op == AST_SETOP_NONE and uses the target..window
 * fields; a VALUES list has values_lists set instead.  A set operation
 * has larg/rarg (each an AstSelectStmt) and only the sort/limit/locking/
 * with fields at top level.
 *
 * Difference from PostgreSQL: plain DISTINCT is the flag `distinct` with
 * distinct_on NULL (PostgreSQL encodes it as a list holding one NIL).
 */
typedef struct AstSelectStmt
{
	AstNode		hdr;
	bool		distinct;		/* DISTINCT or DISTINCT ON */
	AstList    *distinct_on;	/* DISTINCT ON expressions, NULL otherwise */
	AstIntoClause *into_clause; /* always NULL: SELECT INTO becomes AstCreateTableAsStmt,
								 * or 42601 where PostgreSQL does not allow it */
	AstList    *target_list;	/* AstResTarget */
	AstList    *from_clause;	/* AstRangeVar / AstJoinExpr / AstRangeSubselect / AstRangeFunction */
	AstNode    *where_clause;
	AstList    *group_clause;	/* expressions and AstGroupingSet */
	bool		group_distinct; /* GROUP BY DISTINCT */
	AstNode    *having_clause;
	AstList    *window_clause;	/* AstWindowDef (named) */
	AstList    *values_lists;	/* VALUES: an AstList per row */

	AstList    *sort_clause;	/* AstSortBy */
	AstNode    *limit_offset;
	AstNode    *limit_count;	/* LIMIT ALL is a NULL constant, as the grammar makes it */
	AstLimitOption limit_option;
	AstList    *locking_clause; /* AstLockingClause */
	AstWithClause *with_clause;

	AstSetOperation op;
	bool		all;			/* UNION ALL ... */
	struct AstSelectStmt *larg;
	struct AstSelectStmt *rarg;
} AstSelectStmt;

typedef enum AstOverridingKind
{
	AST_OVERRIDING_NOT_SET,
	AST_OVERRIDING_USER_VALUE,
	AST_OVERRIDING_SYSTEM_VALUE
} AstOverridingKind;

typedef struct AstInsertStmt
{
	AstNode		hdr;
	AstRangeVar *relation;		/* alias: INSERT INTO t AS x */
	AstList    *cols;			/* AstResTarget (name + indirection), NULL: all */
	AstSelectStmt *select_stmt; /* VALUES or a query; NULL for DEFAULT VALUES */
	AstOnConflictClause *on_conflict;
	AstList    *returning_list; /* AstResTarget */
	AstWithClause *with_clause;
	AstOverridingKind override;
} AstInsertStmt;

typedef struct AstUpdateStmt
{
	AstNode		hdr;
	AstRangeVar *relation;
	AstList    *target_list;	/* AstResTarget: name [indirection] = val;
								 * (a,b) = ... gives one per column with an
								 * AstMultiAssignRef val */
	AstNode    *where_clause;
	AstList    *from_clause;
	AstList    *returning_list;
	AstWithClause *with_clause;
} AstUpdateStmt;

typedef struct AstDeleteStmt
{
	AstNode		hdr;
	AstRangeVar *relation;
	AstList    *using_clause;
	AstNode    *where_clause;
	AstList    *returning_list;
	AstWithClause *with_clause;
} AstDeleteStmt;

/* ==== statements: DDL ================================================= */

/*
 * CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name (elements).
 * INHERITS, PARTITION BY/OF, OF type, LIKE and USING method are rejected
 * at transform (0A000).  relpersistence is on relation.
 */
typedef struct AstCreateStmt
{
	AstNode		hdr;
	AstRangeVar *relation;
	AstList    *table_elts;		/* AstColumnDef and AstConstraint (table constraints) */
	AstList    *options;		/* WITH (storage parameters): AstDefElem, e.g.
								 * fillfactor as pgbench -i writes it */
	char	   *tablespacename; /* TABLESPACE name, or NULL */
	AstOnCommitAction on_commit;
	bool		if_not_exists;
} AstCreateStmt;

typedef enum AstObjectType
{
	AST_OBJECT_TABLE,
	AST_OBJECT_INDEX,
	AST_OBJECT_SEQUENCE,
	AST_OBJECT_VIEW,
	AST_OBJECT_MATVIEW,
	AST_OBJECT_SCHEMA,
	AST_OBJECT_DATABASE,
	AST_OBJECT_ROLE,
	AST_OBJECT_COLUMN,
	AST_OBJECT_TABCONSTRAINT,
	AST_OBJECT_TYPE,
	AST_OBJECT_DOMAIN,
	AST_OBJECT_FUNCTION,
	AST_OBJECT_EXTENSION,
	AST_OBJECT_OTHER			/* anything else (statements naming it are rejected) */
} AstObjectType;

typedef enum AstDropBehavior
{
	AST_DROP_RESTRICT,
	AST_DROP_CASCADE
} AstDropBehavior;

/*
 * CREATE TABLE ... AS query, and SELECT ... INTO at top level (or under
 * EXPLAIN/PREPARE), which the transform turns into this statement with
 * is_select_into set and the INTO removed from the query, as PostgreSQL's
 * analysis does.  CREATE MATERIALIZED VIEW is rejected.
 */
typedef struct AstCreateTableAsStmt
{
	AstNode		hdr;
	AstNode    *query;			/* AstSelectStmt (or EXECUTE: rejected) */
	AstIntoClause *into;
	AstObjectType objtype;		/* AST_OBJECT_TABLE */
	bool		is_select_into;
	bool		if_not_exists;
} AstCreateTableAsStmt;

/*
 * DROP objtype [IF EXISTS] name, ... [CASCADE|RESTRICT].
 * objects: one AstList of AstString (a qualified name) per object; for
 * SCHEMA, DATABASE-like single names, a one-element list.
 */
typedef struct AstDropStmt
{
	AstNode		hdr;
	AstList    *objects;
	AstObjectType remove_type;
	AstDropBehavior behavior;
	bool		missing_ok;
	bool		concurrent;
} AstDropStmt;

/* ALTER TABLE subcommands memgres models; everything else is rejected at transform. */
typedef enum AstAlterTableType
{
	AST_AT_ADD_COLUMN,			/* def: AstColumnDef; missing_ok = IF NOT EXISTS */
	AST_AT_COLUMN_DEFAULT,		/* name; def: expression, or NULL for DROP DEFAULT */
	AST_AT_DROP_NOT_NULL,		/* name */
	AST_AT_SET_NOT_NULL,		/* name */
	AST_AT_DROP_EXPRESSION,		/* name; missing_ok */
	AST_AT_SET_STATISTICS,		/* name or num; def: integer AstConst (accepted, no effect) */
	AST_AT_SET_STORAGE,			/* name; def: AstString */
	AST_AT_DROP_COLUMN,			/* name; behavior; missing_ok */
	AST_AT_ADD_CONSTRAINT,		/* def: AstConstraint */
	AST_AT_ALTER_CONSTRAINT,	/* def: AstConstraint (conname, deferrable, initdeferred) */
	AST_AT_VALIDATE_CONSTRAINT, /* name */
	AST_AT_DROP_CONSTRAINT,		/* name; behavior; missing_ok */
	AST_AT_ALTER_COLUMN_TYPE,	/* name; def: AstColumnDef (type_name,
								 * coll_clause); using_expr: USING expression */
	AST_AT_CHANGE_OWNER,		/* newowner */
	AST_AT_ADD_IDENTITY,		/* name; def: AstConstraint (IDENTITY) */
	AST_AT_SET_IDENTITY,		/* name; def: AstList of AstDefElem */
	AST_AT_DROP_IDENTITY,		/* name; missing_ok */
	AST_AT_SET_LOGGED,
	AST_AT_SET_UNLOGGED
} AstAlterTableType;

typedef struct AstAlterTableCmd
{
	AstNode		hdr;
	AstAlterTableType subtype;
	char	   *name;			/* column or constraint name */
	int16_t		num;			/* column number (ALTER COLUMN 3 SET STATISTICS) */
	AstRoleSpec *newowner;
	AstNode    *def;			/* see AstAlterTableType */
	AstNode    *using_expr;		/* ALTER COLUMN TYPE ... USING expr */
	AstDropBehavior behavior;
	bool		missing_ok;
} AstAlterTableCmd;

typedef struct AstAlterTableStmt
{
	AstNode		hdr;
	AstRangeVar *relation;
	AstList    *cmds;			/* AstAlterTableCmd */
	AstObjectType objtype;		/* TABLE, INDEX, SEQUENCE, VIEW: ALTER <objtype> */
	bool		missing_ok;		/* IF EXISTS */
} AstAlterTableStmt;

/*
 * ALTER ... RENAME.  rename_type is what is renamed: TABLE/INDEX/SEQUENCE/
 * VIEW (relation, newname), COLUMN (relation, subname -> newname),
 * TABCONSTRAINT (relation, subname), SCHEMA/DATABASE/ROLE (subname ->
 * newname).  relation_type is the ALTER <type> keyword for columns.
 */
typedef struct AstRenameStmt
{
	AstNode		hdr;
	AstObjectType rename_type;
	AstObjectType relation_type;	/* meaningful for COLUMN and TABCONSTRAINT only */
	AstRangeVar *relation;
	char	   *subname;
	char	   *newname;
	AstDropBehavior behavior;
	bool		missing_ok;
} AstRenameStmt;

typedef struct AstIndexStmt
{
	AstNode		hdr;
	char	   *idxname;		/* NULL: name chosen by the system */
	AstRangeVar *relation;
	char	   *access_method;	/* "btree" unless USING given */
	AstList    *index_params;	/* AstIndexElem */
	AstList    *index_including_params; /* INCLUDE: AstIndexElem */
	AstList    *options;		/* WITH (...) : AstDefElem */
	AstNode    *where_clause;	/* partial index predicate */
	bool		unique;
	bool		nulls_not_distinct;
	bool		concurrent;
	bool		if_not_exists;
} AstIndexStmt;

/* Sequence options are AstDefElem: as, increment, minvalue, maxvalue, start, restart, cache, cycle, owned_by, sequence_name. */
typedef struct AstCreateSeqStmt
{
	AstNode		hdr;
	AstRangeVar *sequence;
	AstList    *options;
	bool		if_not_exists;
} AstCreateSeqStmt;

typedef struct AstAlterSeqStmt
{
	AstNode		hdr;
	AstRangeVar *sequence;
	AstList    *options;
	bool		missing_ok;
} AstAlterSeqStmt;

/* CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]; elements rejected. */
typedef struct AstCreateSchemaStmt
{
	AstNode		hdr;
	char	   *schemaname;		/* NULL: the role's name */
	AstRoleSpec *authrole;
	bool		if_not_exists;
} AstCreateSchemaStmt;

typedef struct AstTruncateStmt
{
	AstNode		hdr;
	AstList    *relations;		/* AstRangeVar */
	bool		restart_seqs;	/* RESTART IDENTITY */
	AstDropBehavior behavior;
} AstTruncateStmt;

/*
 * COMMENT ON objtype object IS 'text' (comment NULL for IS NULL).
 * object: an AstList of AstString (qualified name; for COLUMN the last
 * element is the column); for TABCONSTRAINT the list is the table name
 * followed by the constraint name.
 */
typedef struct AstCommentStmt
{
	AstNode		hdr;
	AstObjectType objtype;
	AstList    *object;
	char	   *comment;
} AstCommentStmt;

/* CREATE [OR REPLACE] [TEMP] VIEW name [(cols)] AS query [WITH CHECK OPTION] */
typedef struct AstViewStmt
{
	AstNode		hdr;
	AstRangeVar *view;
	AstList    *aliases;		/* AstString */
	AstNode    *query;			/* AstSelectStmt */
	bool		replace;
	AstList    *options;		/* AstDefElem */
	int			with_check_option;	/* 0 none, 1 local, 2 cascaded */
} AstViewStmt;

/* ==== statements: utility ============================================= */

typedef enum AstTransactionKind
{
	AST_TRANS_BEGIN,			/* BEGIN */
	AST_TRANS_START,			/* START TRANSACTION */
	AST_TRANS_COMMIT,			/* COMMIT / END */
	AST_TRANS_ROLLBACK,			/* ROLLBACK / ABORT */
	AST_TRANS_SAVEPOINT,
	AST_TRANS_RELEASE,
	AST_TRANS_ROLLBACK_TO,
	AST_TRANS_PREPARE,			/* PREPARE TRANSACTION (gid) */
	AST_TRANS_COMMIT_PREPARED,
	AST_TRANS_ROLLBACK_PREPARED
} AstTransactionKind;

/*
 * options: AstDefElem named "transaction_isolation" (string arg: "read
 * committed", "repeatable read", "serializable", "read uncommitted"),
 * "transaction_read_only" and "transaction_deferrable" (integer 0/1), as
 * PostgreSQL's grammar builds them.
 */
typedef struct AstTransactionStmt
{
	AstNode		hdr;
	AstTransactionKind kind;
	AstList    *options;
	char	   *savepoint_name;
	char	   *gid;
	bool		chain;			/* AND CHAIN */
} AstTransactionStmt;

typedef enum AstVariableSetKind
{
	AST_VAR_SET_VALUE,			/* SET var = value (args) */
	AST_VAR_SET_DEFAULT,		/* SET var TO DEFAULT */
	AST_VAR_SET_CURRENT,		/* SET var FROM CURRENT (rejected) */
	AST_VAR_SET_MULTI,			/* SET TRANSACTION / SESSION CHARACTERISTICS: name
								 * "TRANSACTION" or "SESSION CHARACTERISTICS",
								 * args are AstDefElem as in AstTransactionStmt */
	AST_VAR_RESET,				/* RESET var */
	AST_VAR_RESET_ALL			/* RESET ALL */
} AstVariableSetKind;

/*
 * SET [LOCAL|SESSION] name {TO|=} value, ...  The grammar maps special
 * forms to names: SET TIME ZONE -> "timezone" (an interval value gives an
 * AstTypeCast arg; LOCAL/DEFAULT gives SET_DEFAULT), SET NAMES ->
 * "client_encoding", SET SCHEMA 'x' -> "search_path", SET SESSION
 * AUTHORIZATION -> "session_authorization", SET ROLE -> "role", SET XML
 * OPTION -> "xmloption".  args are AstConst (string, integer, float) or
 * AstTypeCast (interval 'x'); identifiers given as values are strings.
 */
typedef struct AstVariableSetStmt
{
	AstNode		hdr;
	AstVariableSetKind kind;
	char	   *name;
	AstList    *args;
	bool		is_local;
} AstVariableSetStmt;

/* SHOW name / SHOW ALL ("all"); SHOW TIME ZONE is "timezone", etc. */
typedef struct AstVariableShowStmt
{
	AstNode		hdr;
	char	   *name;
} AstVariableShowStmt;

/*
 * COPY table [(cols)] FROM STDIN / TO STDOUT [WITH (options)] [WHERE ...]
 * COPY (query) TO STDOUT.  Files and PROGRAM are kept (filename,
 * is_program) so the engine can answer as PostgreSQL does for them.
 * Options are AstDefElem with PostgreSQL's names: format (string), freeze,
 * delimiter, null, default, header (bool, or string "match"), quote,
 * escape, force_quote (AstList of AstString or AstStar), force_not_null,
 * force_null, encoding.  The old syntax (BINARY, CSV HEADER, DELIMITER
 * AS ...) is normalised to these by the grammar.
 */
typedef struct AstCopyStmt
{
	AstNode		hdr;
	AstRangeVar *relation;
	AstNode    *query;			/* AstSelectStmt (or DML with RETURNING) */
	AstList    *attlist;		/* AstString */
	bool		is_from;
	bool		is_program;
	char	   *filename;		/* NULL: STDIN/STDOUT */
	AstList    *options;
	AstNode    *where_clause;
} AstCopyStmt;

typedef struct AstPrepareStmt
{
	AstNode		hdr;
	char	   *name;
	AstList    *argtypes;		/* AstTypeName */
	AstNode    *query;
} AstPrepareStmt;

typedef struct AstExecuteStmt
{
	AstNode		hdr;
	char	   *name;
	AstList    *params;			/* expressions */
} AstExecuteStmt;

typedef struct AstDeallocateStmt
{
	AstNode		hdr;
	char	   *name;			/* NULL: DEALLOCATE ALL */
} AstDeallocateStmt;

/* EXPLAIN [(options)] statement; options are AstDefElem (analyze, verbose, costs, format...). */
typedef struct AstExplainStmt
{
	AstNode		hdr;
	AstNode    *query;
	AstList    *options;
} AstExplainStmt;

/* CREATE DATABASE name [WITH] options (owner, template, encoding, ...: AstDefElem). */
typedef struct AstCreatedbStmt
{
	AstNode		hdr;
	char	   *dbname;
	AstList    *options;
} AstCreatedbStmt;

typedef struct AstDropdbStmt
{
	AstNode		hdr;
	char	   *dbname;
	bool		missing_ok;
	AstList    *options;		/* (FORCE) */
} AstDropdbStmt;

/* ALTER DATABASE name [WITH] options (ALTER DATABASE ... RENAME is an AstRenameStmt). */
typedef struct AstAlterDatabaseStmt
{
	AstNode		hdr;
	char	   *dbname;
	AstList    *options;
} AstAlterDatabaseStmt;

/* ALTER DATABASE name SET/RESET ... */
typedef struct AstAlterDatabaseSetStmt
{
	AstNode		hdr;
	char	   *dbname;
	AstVariableSetStmt *setstmt;
} AstAlterDatabaseSetStmt;

typedef enum AstRoleStmtType
{
	AST_ROLESTMT_ROLE,
	AST_ROLESTMT_USER,
	AST_ROLESTMT_GROUP
} AstRoleStmtType;

/*
 * Role options are AstDefElem as PostgreSQL's grammar names them:
 * password (string, or no arg for PASSWORD NULL), superuser, createdb,
 * createrole, inherit, canlogin, replication, bypassrls (bool consts),
 * connectionlimit (integer), validUntil (string), addroleto/rolemembers/
 * adminmembers (AstList of AstRoleSpec), sysid.
 */
typedef struct AstCreateRoleStmt
{
	AstNode		hdr;
	AstRoleStmtType stmt_type;
	char	   *role;
	AstList    *options;
} AstCreateRoleStmt;

typedef struct AstAlterRoleStmt
{
	AstNode		hdr;
	AstRoleSpec *role;
	AstList    *options;
	int			action;			/* +1 add members, -1 drop members (GROUP forms) */
} AstAlterRoleStmt;

typedef struct AstDropRoleStmt
{
	AstNode		hdr;
	AstList    *roles;			/* AstRoleSpec */
	bool		missing_ok;
} AstDropRoleStmt;

typedef enum AstDiscardMode
{
	AST_DISCARD_ALL,
	AST_DISCARD_PLANS,
	AST_DISCARD_SEQUENCES,
	AST_DISCARD_TEMP
} AstDiscardMode;

typedef struct AstDiscardStmt
{
	AstNode		hdr;
	AstDiscardMode target;
} AstDiscardStmt;

/* LOCK [TABLE] names [IN mode MODE] [NOWAIT]; mode is PostgreSQL's lock number 1..8. */
typedef struct AstLockStmt
{
	AstNode		hdr;
	AstList    *relations;		/* AstRangeVar */
	int			mode;
	bool		nowait;
} AstLockStmt;

typedef struct AstCheckPointStmt
{
	AstNode		hdr;
} AstCheckPointStmt;

typedef struct AstListenStmt
{
	AstNode		hdr;
	char	   *conditionname;
} AstListenStmt;

typedef struct AstUnlistenStmt
{
	AstNode		hdr;
	char	   *conditionname;	/* NULL: UNLISTEN * */
} AstUnlistenStmt;

typedef struct AstNotifyStmt
{
	AstNode		hdr;
	char	   *conditionname;
	char	   *payload;		/* NULL if none */
} AstNotifyStmt;

/* DO [LANGUAGE x] 'code'; args are AstDefElem "as" and "language". */
typedef struct AstDoStmt
{
	AstNode		hdr;
	AstList    *args;
} AstDoStmt;

/* VACUUM / ANALYZE [(options)] [tables [(cols)]]; accepted so pgbench -i works. */
typedef struct AstVacuumStmt
{
	AstNode		hdr;
	AstList    *options;		/* AstDefElem */
	AstList    *rels;			/* AstRangeVar (column lists dropped) */
	bool		is_vacuumcmd;	/* VACUUM, else ANALYZE */
} AstVacuumStmt;

/* ==== the parser entry point ========================================== */

/* One statement of a query string. */
typedef struct AstRawStmt
{
	AstNode    *stmt;			/* an AST_*_STMT node */
	int			stmt_location;	/* byte offset of the statement in the query */
	int			stmt_len;		/* its length in bytes (never 0: the last
								 * statement's length is computed) */
	const char *text;			/* NUL-terminated copy of that source text,
								 * leading whitespace and comments kept as
								 * PostgreSQL's raw parser reports them */
} AstRawStmt;

typedef struct AstStmtList
{
	int			n;
	AstRawStmt *stmts;			/* n entries */

	/*
	 * NOTICEs PostgreSQL's scanner raises while reading the query, in order
	 * (SQLSTATE 42622, "identifier \"...\" will be truncated to \"...\"").
	 * PostgreSQL sends them before anything else the query produces, also
	 * when the parse then fails.  Set on success and on failure.
	 */
	int			nnotices;
	const char **notices;
} AstStmtList;

/*
 * Parses query (one or several ';'-separated statements) into memgres
 * ASTs allocated in a.  An empty or all-comment string gives out->n = 0.
 *
 * Returns 0, or -1 with err set:
 *   42601 syntax errors with PostgreSQL's exact message and err->position
 *         (1-based character position; UTF-8 aware);
 *   54001 "stack depth limit exceeded" (with PostgreSQL's hint) for input
 *         nested too deeply for the grammar or the transform;
 *   0A000 for constructs the grammar accepts but memgres does not model,
 *         naming the construct, with a position where one is known.
 * Other SQLSTATEs the raw parser itself raises (22P02 bad escapes,
 * 42P10/42601 grammar checks, 54000 too long identifiers ...) pass through
 * with PostgreSQL's wording.
 *
 * Threads: any thread; libpg_query keeps its state in thread-local
 * storage.  Memory: everything in a; nothing of the parser's remains after
 * the call.
 */
int			sql_ast_parse(Arena *a, const char *query, AstStmtList *out, MgError *err);

/*
 * Converts a byte offset in query (as in AstNode.location) to the 1-based
 * character position PostgreSQL reports in an error cursor (counting UTF-8
 * characters).  A negative offset gives 0 (no position).
 */
int			sql_ast_char_position(const char *query, int byte_offset);

/* ==== helpers ========================================================= */

static inline int
ast_list_length(const AstList *l)
{
	return l ? l->length : 0;
}

static inline AstNode *
ast_list_nth(const AstList *l, int i)
{
	return l->items[i];
}

/* The text of an AstString node (names in lists). */
static inline const char *
ast_strval(const AstNode *n)
{
	return ((const struct AstString *) n)->sval;
}

/* Allocates a zeroed node of the given struct with its tag set and location -1. */
void	   *ast_new_node(Arena *a, size_t size, AstTag tag);
#define ast_new(a, type, tag) ((type *) ast_new_node((a), sizeof(type), (tag)))

/* Appends a node to a list; l may be NULL (a new list is made).  Returns the list. */
AstList    *ast_list_append(Arena *a, AstList *l, void *node);
AstString  *ast_make_string(Arena *a, const char *s);

/* The name of a tag ("SelectStmt", "A_Expr" ...), for messages and debugging. */
/*
 * The leftmost byte offset of a raw expression (-1 if none), as
 * PostgreSQL's exprLocation gives it for error cursors: x::t, a + b,
 * a AND b, x IS NULL, x COLLATE c, x[1] and x = ANY (...) point at their
 * left operand, not at the operator.
 */
int			ast_expr_location(const AstNode *n);
const char *ast_tag_name(AstTag tag);

/*
 * Appends a readable, deterministic dump of a tree to sb (one line, nested
 * parentheses, PostgreSQL-like field names; locations omitted).  For tests
 * and debugging.  Never fails; NULL prints as "<>".
 */
void		ast_print(StrBuf *sb, const AstNode *node);

#endif
