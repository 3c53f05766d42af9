/*
 * func.h — the registry of built-in functions, operators and aggregates.
 *
 * Implemented in src/sql/func/.  The analyzer resolves a call by name and
 * argument types (PostgreSQL's overload rules: exact match, then implicit
 * casts, preferring preferred types of each category, with unknown literals
 * taking the other side's type); the executor calls the chosen FuncDef's fn.
 * Registered once by func_init() at start-up; read-only afterwards, so any
 * thread may read it.  Each FuncDef gets a stable OID (for pg_proc).
 *
 * Function implementations (FuncImpl) report errors through fc->ctx->err
 * with PostgreSQL's SQLSTATE and wording and return -1; results by
 * reference are allocated in fc->ctx->arena.  Non-strict functions must
 * check fc->argnull themselves.
 */
#ifndef MEMGRES_FUNC_H
#define MEMGRES_FUNC_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/datum.h>
#include <memgres/types.h>

#define FUNC_MAX_ARGS 16

typedef struct FnCall {
	EvalCtx    *ctx;			/* arena for the result, err for failures */
	int			nargs;
	const Datum *args;
	const bool *argnull;		/* strict functions never see a NULL argument */
	const Oid  *argtypes;		/* actual argument types (for ANY and polymorphic args) */
	Oid			rettype;		/* resolved result type */
	int32_t		rettypmod;
	void	  **cache;			/* per call site, lives as long as the plan's run (e.g. a compiled regex); may be NULL */
	Arena	   *cache_arena;	/* where *cache is allocated */
	bool		isnull;			/* out: the result is NULL */
	/* Set-returning functions (FuncDef.retset) only; ignored by the others. */
	void	   *srf_state;		/* NULL before the first call; the function's own afterwards */
	Arena	   *srf_arena;		/* lives for the whole scan: where srf_state is allocated */
	bool		srf_done;		/* out: no more rows (this call produced none) */
} FnCall;

/*
 * Calling a set-returning function (FuncDef.retset, e.g. generate_series):
 * the executor sets up one FnCall per scan with srf_state = NULL, srf_done
 * = false and srf_arena an arena that outlives the scan, then calls fn
 * repeatedly with the same FnCall (same args) until it returns with
 * srf_done set; every other return is one row (*out, or isnull).  Errors
 * return -1 as usual.  The argument values must stay valid for the whole
 * scan; fc->ctx->arena may be reset between calls (each row is allocated
 * there); state kept across calls lives in srf_arena.  To stop
 * early (LIMIT), simply stop calling.  A strict SRF with a NULL argument
 * returns no rows; the executor does not call it.
 */

/* Returns 0 (result in *out, or fc->isnull) or -1 (fc->ctx->err set). */
typedef int (*FuncImpl) (FnCall *fc, Datum *out);

typedef enum FuncVolatility { FUNC_IMMUTABLE = 'i', FUNC_STABLE = 's', FUNC_VOLATILE = 'v' } FuncVolatility;

typedef struct FuncDef {
	Oid			oid;			/* assigned by the registry */
	const char *name;			/* lower case: "length", "substr", or for operators "int4pl" */
	int			nargs;			/* fixed count; variadic: the count of fixed ones */
	Oid			argtypes[FUNC_MAX_ARGS];	/* ANYOID, ANYELEMENTOID, ANYARRAYOID allowed */
	Oid			variadic;		/* element type of a VARIADIC last argument, or InvalidOid */
	Oid			rettype;		/* ANYELEMENTOID: same as the polymorphic args */
	bool		strict;			/* NULL in any argument -> NULL, fn not called */
	bool		retset;			/* set-returning (generate_series ...) */
	FuncVolatility volatility;
	FuncImpl	fn;
} FuncDef;

typedef struct OperDef {
	Oid			oid;
	const char *name;			/* "+", "=", "~~", "||" ... */
	Oid			left;			/* InvalidOid for prefix operators */
	Oid			right;
	Oid			result;
	const char *func_name;		/* the FuncDef implementing it (same argument types) */
	const FuncDef *func;		/* resolved by oper_register() */
	const char *negator;		/* "<>" for "=", or NULL */
	const char *commutator;
} OperDef;

/*
 * Aggregates: state lives in the aggregate's arena (one per group): the
 * executor passes the same EvalCtx arena to init, every trans and final,
 * and keeps it until final has run; trans copies whatever it keeps from a
 * row into it.  init creates the state (NULL allowed), trans folds one
 * row's arguments in (for strict aggregates the executor may skip rows with
 * a NULL argument; the built-ins also ignore them themselves), final
 * produces the result (*isnull for NULL), allocated in ctx->arena, and may
 * be called once only.  argtypes given to init are the resolved types.
 * count(*) is nargs 0: trans gets args == NULL.  final_repeatable says
 * final leaves the state as it was, so trans and final may be called again
 * after it (window aggregates over growing frames use one state for all).
 */
typedef struct AggDef {
	Oid			oid;
	const char *name;			/* "count", "sum", "avg", "min", "max", "string_agg" ... */
	int			nargs;			/* 0 for count(*) */
	Oid			argtypes[FUNC_MAX_ARGS];
	Oid			rettype;		/* ANYELEMENTOID: the argument type */
	bool		strict;
	int			(*init) (EvalCtx *ctx, const Oid *argtypes, void **state);
	int			(*trans) (EvalCtx *ctx, void *state, const Datum *args, const bool *argnull);
	int			(*final) (EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull);
	bool		final_repeatable;
} AggDef;

void		func_init(void);		/* after types_init(): calls every register_*() below */

/*
 * Registration, at start-up only (one thread, before any lookup).  Each
 * function module keeps tables (const is fine) and exposes one
 * register_<module>_funcs() that func_init() calls.  The registry copies
 * each table once into memory it keeps for the life of the process, assigns
 * OIDs there (an entry's own oid if non-zero, else PostgreSQL 15's OID for
 * the same signature, else a stable hash-derived OID in 12000..16383) and
 * resolves OperDef.func; lookups return pointers to those copies.
 * Register an operator after its implementing function: oper_register()
 * aborts at start-up if OperDef.func_name with the operator's argument
 * types is not registered.  A name and signature already registered is
 * skipped: the first registration wins (func_init's module order).
 */
void		func_register(const FuncDef *defs, int n);
void		oper_register(const OperDef *defs, int n);
void		agg_register(const AggDef *defs, int n);

/* All overloads of a name (lower case), or NULL/0; used by the analyzer's resolution. */
const FuncDef *const *func_candidates(const char *name, int *n);
const OperDef *const *oper_candidates(const char *name, int *n);
const AggDef *const *agg_candidates(const char *name, int *n);
const FuncDef *func_by_oid(Oid oid);
const OperDef *oper_by_oid(Oid oid);
const AggDef *agg_by_oid(Oid oid);
/* Every function (pg_proc), operator (pg_operator), aggregate (pg_aggregate). */
const FuncDef *const *func_all(int *n);
const OperDef *const *oper_all(int *n);
const AggDef *const *agg_all(int *n);

/*
 * Resolution (PostgreSQL's parse_func.c/parse_oper.c rules: exact match;
 * binary_oper_exact for an operator with one unknown side; candidates
 * reachable by implicit casts with polymorphic positions consistent;
 * func_select_candidate's most-exact-matches, preferred-type and
 * unknown-category steps; a variadic candidate needs at least one variadic
 * argument).  argtypes may contain UNKNOWNOID for untyped literals.
 * Returns the chosen candidate and fills resolved[] with the type each
 * argument must be coerced to: the declared type; for "any" the actual
 * type, unknown included (as PostgreSQL: pg_typeof('x') is unknown; an
 * unknown value reads as its text); for polymorphic positions the actual
 * type (an unknown literal there becomes text when nothing else decides).  A prefix operator has left == InvalidOid (and *resolved_left is
 * set to InvalidOid).  On failure returns NULL with err (may be NULL) set:
 * 42883 "function f(integer) does not exist" / "operator does not exist:
 * integer + text", or 42725 "... is not unique", with PostgreSQL's HINTs.
 * Any thread; allocation only on the heap, freed before returning.
 */
const FuncDef *func_resolve(const char *name, int nargs, const Oid *argtypes, Oid *resolved, MgError *err);
const OperDef *oper_resolve(const char *name, Oid left, Oid right, Oid *resolved_left, Oid *resolved_right, MgError *err);
const AggDef *agg_resolve(const char *name, int nargs, const Oid *argtypes, Oid *resolved, MgError *err);

/*
 * The concrete result type of a resolved call: rettype, or for a
 * polymorphic one (ANYELEMENTOID, ANYARRAYOID) the type implied by the
 * resolved argument types (nargs and resolved as filled by func_resolve;
 * for an operator use its func with its one or two resolved types).
 */
Oid			func_result_type(const FuncDef *f, int nargs, const Oid *resolved);
Oid			agg_result_type(const AggDef *a, const Oid *resolved);

/*
 * PostgreSQL's encoding numbers (pg_wchar.h).  func_encoding_id: the number
 * of an encoding name, compared ignoring case and non-alphanumerics
 * ("utf-8", "Unicode" are UTF8), or -1; server_only refuses client-only
 * encodings (SJIS ...) as pg_valid_server_encoding does.
 * func_encoding_name: the canonical name, or NULL.  Any thread.
 */
int			func_encoding_id(const char *name, bool server_only);
const char *func_encoding_name(int id);

/*
 * PostgreSQL's quote_identifier (src/sql/func/strfuncs.c): appends s[0..len)
 * as is if it is a plain lower-case identifier and not a reserved keyword,
 * else double-quoted with quotes doubled.  Pure; any thread.
 */
void		func_quote_ident(const char *s, size_t len, StrBuf *out);

#endif
