/*
 * types.h — the SQL type system: the registry of built-in types, their text
 * and binary I/O, comparison, hashing, index-key encoding and casts.
 *
 * Implemented in src/sql/types/.  Every function here is pure with respect
 * to its arguments plus the EvalCtx (which carries the session settings
 * that change I/O: DateStyle, IntervalStyle, TimeZone, extra_float_digits,
 * bytea_output).  Results are allocated in ctx->arena.  Errors are reported
 * through ctx->err with PostgreSQL's SQLSTATE and wording, and the function
 * returns -1 (0 on success).  Thread-safe: no global mutable state once
 * types_init() has run (call it once at start-up, before threads).
 */
#ifndef MEMGRES_TYPES_H
#define MEMGRES_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/arena.h>
#include <memgres/datum.h>
#include <memgres/error.h>
#include <memgres/guc.h>
#include <memgres/strbuf.h>

struct SqlSession;

/*
 * Everything an expression, a function or a type's I/O may need from the
 * running statement.  Owned by the executor (one per running statement or
 * per protocol message); not thread-safe.
 */
typedef struct EvalCtx {
	Arena	   *arena;			/* where results go */
	MgError    *err;			/* where failures go */
	const GucSession *gucs;		/* session settings (never NULL) */
	struct SqlSession *session;	/* NULL outside a session (unit tests) */
	int64_t		txn_timestamp;	/* now(): µs since 2000-01-01 UTC */
	int64_t		stmt_timestamp;	/* statement_timestamp() */
	volatile int *interrupt;	/* non-zero: cancel/timeout requested, or NULL */
} EvalCtx;

typedef int (*TypeInputFn) (EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out);
typedef int (*TypeOutputFn) (EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out);
typedef int (*TypeRecvFn) (EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out);
typedef int (*TypeSendFn) (EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out);
/* <0, 0, >0.  Never fails for valid values; collation is "C" (byte order). */
typedef int (*TypeCmpFn) (Datum a, Datum b);
typedef uint64_t (*TypeHashFn) (Datum a);
/*
 * Appends a memcmp-comparable encoding of a non-NULL value: for any a, b,
 * memcmp order of the encodings equals TypeCmpFn order, and equal values
 * encode identically.  Used by index keys (storage adds NULL and DESC
 * handling, see storage.h).
 */
typedef void (*TypeKeyEncodeFn) (Datum value, StrBuf *out);
/*
 * Applies a typmod to a value (varchar(n) length check, numeric(p,s) rounding ...).
 * Typmods are PostgreSQL's: -1 for none; varchar(n)/char(n): n + 4;
 * numeric(p,s): ((p << 16) | (s & 0x7ff)) + 4 (NUMERIC_TYPMOD in numeric.h);
 * arrays carry their element's typmod.  explicit_cast: a CAST truncates
 * strings where an assignment reports 22001.
 */
typedef int (*TypeModApplyFn) (EvalCtx *ctx, Datum value, int32_t typmod, bool explicit_cast, Datum *out);
/* Parses "(10,2)" style modifiers: integers given in the type name -> typmod. */
typedef int (*TypeModInFn) (EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod);
/* Formats a typmod for format_type(): "(10,2)". */
typedef void (*TypeModOutFn) (int32_t typmod, StrBuf *out);

typedef struct MgType {
	Oid			oid;
	const char *name;			/* pg_type.typname: "int4", "varchar", "_int4" */
	const char *sql_name;		/* format_type() name: "integer", "character varying" */
	int16_t		typlen;			/* bytes, or -1 for Varlena */
	bool		byval;
	char		category;		/* pg_type.typcategory: 'B','N','S','D','T','U','A','I' ... */
	bool		preferred;		/* pg_type.typispreferred */
	char		align;			/* 'c','s','i','d' */
	Oid			elem;			/* arrays: element type; else InvalidOid */
	Oid			array;			/* the array type of this type, or InvalidOid */
	TypeInputFn input;
	TypeOutputFn output;
	TypeRecvFn	recv;			/* NULL: binary format not supported (0A000) */
	TypeSendFn	send;
	TypeCmpFn	cmp;			/* NULL: not orderable */
	TypeHashFn	hash;			/* NULL: not hashable */
	TypeKeyEncodeFn key_encode; /* NULL: not indexable */
	TypeModApplyFn modapply;	/* NULL: typmod ignored */
	TypeModInFn modin;
	TypeModOutFn modout;
} MgType;

/* Once at start-up: calls every register_<module>_types(), each of which
 * calls type_register() on its static MgType entries (not copied). */
void		types_init(void);
void		type_register(const MgType *t);
/* NULL if unknown. */
const MgType *type_by_oid(Oid oid);
/* By pg_type name or SQL alias ("int", "integer", "int4", "double precision",
 * "timestamp with time zone", "varchar" ...), case-insensitive; NULL if unknown. */
const MgType *type_by_name(const char *name);
/* Every registered type, for pg_type; *n receives the count. */
const MgType *const *type_all(int *n);
/* format_type(oid, typmod): "character varying(20)", "numeric(10,2)", "integer[]". */
void		type_format(Oid oid, int32_t typmod, StrBuf *out);

/* Convenience wrappers that look the type up and report 0A000/42704 if needed. */
int			type_input(EvalCtx *ctx, Oid type, int32_t typmod, const char *str, size_t len, Datum *out);
int			type_output(EvalCtx *ctx, Oid type, int32_t typmod, Datum value, StrBuf *out);
int			type_recv(EvalCtx *ctx, Oid type, int32_t typmod, const char *buf, size_t len, Datum *out);
int			type_send(EvalCtx *ctx, Oid type, int32_t typmod, Datum value, StrBuf *out);
/* Copies a by-reference value into arena a (by-value: returned as is). */
Datum		datum_copy(Arena *a, const MgType *t, Datum value);
/* Stored size of a value (typlen, or Varlena header + len). */
size_t		datum_size(const MgType *t, Datum value);
bool		datum_equal(const MgType *t, Datum a, Datum b);

/* Varlena helpers. */
Varlena    *varlena_new(Arena *a, size_t len);		/* uninitialised data[] */
Datum		text_datum(Arena *a, const char *s, size_t len);	/* text/varchar/bytea */
Datum		cstring_text_datum(Arena *a, const char *s);

/*
 * Casts.  CAST_IMPLICIT < CAST_ASSIGNMENT < CAST_EXPLICIT, as pg_cast's
 * castcontext 'i','a','e'.  cast_find() says whether a cast from src to dst
 * is allowed in the given context; cast_apply() performs one (including
 * the typmod of dst; the I/O-conversion fallback to and from text types is
 * built in, as in PostgreSQL).
 */
typedef enum CastContext { CAST_IMPLICIT, CAST_ASSIGNMENT, CAST_EXPLICIT } CastContext;

/* A cast function: converts value (of the source type) to the target type
 * and applies typmod (-1: none).  NULL fn in a CastDef: binary coercible. */
typedef int (*CastFn) (EvalCtx *ctx, Datum value, int32_t typmod, bool explicit_cast, Datum *out);
typedef struct CastDef {
	Oid			src;
	Oid			dst;
	CastContext context;
	CastFn		fn;
} CastDef;
/* At start-up only (from a register_*_types() function); tables are not copied. */
void		cast_register(const CastDef *defs, int n);

bool		cast_find(Oid src, Oid dst, CastContext context);
int			cast_apply(EvalCtx *ctx, Oid src, int32_t src_typmod, Oid dst, int32_t dst_typmod,
					   bool explicit_cast, Datum value, Datum *out);

/*
 * One-dimensional arrays (src/sql/types/array.c).  An array value is a
 * Varlena whose layout is private to array.c; use these to build and take
 * apart array values.  ndim is 0 for an empty array, else 1; lower bounds
 * other than 1 are kept ('[0:2]={...}' input).
 *
 * array_construct: copies the elements (by-reference ones are copied into
 * a) and returns the array Datum.  elemtype must be registered.
 * array_deconstruct: fills *n and arena-allocated arrays of values (by-reference
 * elements point into the array itself) and null flags (*nulls may be
 * NULL if the caller does not want them; then NULL elements read as 0).
 * Neither fails.
 */
Datum		array_construct(Arena *a, Oid elemtype, int n, const Datum *values, const bool *nulls, int lbound);
void		array_deconstruct(Arena *a, Datum array, Oid *elemtype, int *n, Datum **values, bool **nulls,
							  int *lbound);
int			array_length(Datum array);		/* number of elements */
Oid			array_elemtype(Datum array);

/*
 * Anonymous records (ROW(...) results; type RECORDOID): output and binary
 * send only, as PostgreSQL's record_out/record_send.  record_build copies
 * the column values into a; the result is a self-contained Varlena.
 */
Datum		record_build(Arena *a, int natts, const Oid *types, const int32_t *typmods,
						 const Datum *values, const bool *nulls);
void		record_deconstruct(Arena *a, Datum record, int *natts, Oid **types, int32_t **typmods,
							   Datum **values, bool **nulls);

/*
 * Catalog lookups for regclass I/O, installed by the SQL layer once at
 * start-up (before threads start); until then regclass accepts and prints
 * only numeric OIDs.
 *   regclass_in: a relation name as the user typed it (possibly qualified
 *     and double-quoted) -> its OID, or -1 with 42P01 'relation "x" does not
 *     exist' (or 42602 for a malformed name) in ctx->err.
 *   regclass_out: appends the relation's name (schema-qualified if not
 *     visible on the search_path, quoted as needed) and returns true, or
 *     returns false for an unknown OID (then the number is printed).
 */
typedef struct TypeCatalogHooks {
	int			(*regclass_in) (EvalCtx *ctx, const char *name, size_t len, Oid *out);
	bool		(*regclass_out) (EvalCtx *ctx, Oid relid, StrBuf *out);
} TypeCatalogHooks;
void		types_set_catalog_hooks(const TypeCatalogHooks *hooks);

#endif
