/*
 * catalog.h — the SQL catalog: schemas, tables, columns, indexes,
 * constraints, sequences (internal to src/sql).
 *
 * A Catalog is an immutable, refcounted object stored in each database
 * version through storage's st_set_catalog().  DDL never changes one in
 * place: it builds a new Catalog that shares the unchanged CatTable objects
 * (each refcounted) and publishes it in the write transaction.  So a reader
 * holding a snapshot, or a prepared plan holding a reference, sees a stable
 * catalog with no locks.
 *
 * Memory: a CatTable owns an Arena with everything it points to (names,
 * columns, default and check expressions as analysed Expr trees).  A Catalog
 * owns its arrays (malloc'd).  Both are freed when their refcount drops to
 * zero, on whatever thread drops it.
 *
 * OIDs: one process-wide counter from 16384 (FirstNormalObjectId), as
 * PostgreSQL allocates user objects.
 */
#ifndef MEMGRES_SQL_CATALOG_H
#define MEMGRES_SQL_CATALOG_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/arena.h>
#include <memgres/sql.h>
#include <memgres/storage.h>
#include <memgres/types.h>

#include "expr.h"

#define PG_CATALOG_NAMESPACE 11
#define PG_PUBLIC_NAMESPACE 2200

typedef struct CatColumn
{
	char	   *name;
	int16_t		attnum;			/* 1-based, stable (dropped columns keep theirs) */
	Oid			type;
	int32_t		typmod;
	const MgType *mt;
	StColumn	st;
	bool		notnull;
	bool		dropped;
	char		identity;		/* 'a' ALWAYS, 'd' BY DEFAULT, 0 none */
	Expr	   *default_expr;	/* analysed DEFAULT (assignment-coerced), or NULL */
	char	   *default_text;	/* its source text for \d and pg_get_expr */
	bool		has_missing;	/* rows written before ADD COLUMN read this value */
	Datum		missing;
	bool		missing_null;
	char	   *comment;
} CatColumn;

typedef struct CatIndex
{
	Oid			oid;
	char	   *name;
	int			ncols;
	int16_t    *attnums;		/* table column numbers (1-based) */
	unsigned   *flags;			/* IDXKEY_DESC / IDXKEY_NULLS_FIRST / IDXKEY_FIXED */
	bool		unique;
	bool		primary;
	Oid			constraint;		/* the PRIMARY KEY/UNIQUE constraint it implements, or 0 */
} CatIndex;

typedef enum ConType
{
	CON_CHECK = 'c',
	CON_UNIQUE = 'u',
	CON_PRIMARY = 'p',
	CON_FOREIGN = 'f',
	CON_NOTNULL = 'n'
} ConType;

typedef struct CatConstraint
{
	Oid			oid;
	char	   *name;
	ConType		type;
	Expr	   *check;			/* CHECK: over the table row */
	char	   *check_text;
	int			ncols;
	int16_t    *cols;			/* UNIQUE/PK/FK: constrained columns */
	Oid			index;			/* UNIQUE/PK: its index */
	/* FOREIGN KEY */
	Oid			ref_table;
	int16_t    *ref_cols;
	Oid			ref_index;		/* the referenced table's unique index */
	char		upd_action;		/* 'a' no action, 'r' restrict, 'c' cascade, 'n' set null, 'd' set default */
	char		del_action;
	char		match_type;
} CatConstraint;

typedef struct CatSequence
{
	Oid			type;			/* int2, int4, int8 */
	int64_t		start;
	int64_t		increment;
	int64_t		min;
	int64_t		max;
	int64_t		cache;
	bool		cycle;
	Oid			owned_by_table;	/* OWNED BY / serial: the column's table, or 0 */
	int16_t		owned_by_col;
} CatSequence;

typedef struct CatTable
{
	int			refcount;		/* atomic */
	Arena	   *arena;
	Oid			oid;
	Oid			schema;
	char	   *name;
	char		relkind;		/* 'r' table, 'S' sequence, 'v' system catalog, 'f' function in FROM,
								 * 'q' subquery in FROM */
	int			ncols;			/* including dropped columns */
	CatColumn  *cols;
	int			nindexes;
	CatIndex   *indexes;
	int			ncons;
	CatConstraint *cons;
	CatSequence *seq;			/* relkind 'S' */
	Expr	   *srf;			/* relkind 'f', a function in FROM (made by the analyzer in the
								 * statement's arena, never stored): the call, over the rows of
								 * the FROM items before it (lateral) */
	bool		srf_ordinality; /* WITH ORDINALITY: the last column numbers the rows */
	const struct Plan *subplan; /* relkind 'q', a subquery in FROM (analyzer-made, like 'f'):
								 * its plan, whose first ncols output columns are the rows */
	char	   *comment;
	StColumn   *stcols;			/* storage layout, ncols entries */
} CatTable;

typedef struct CatSchema
{
	Oid			oid;
	char	   *name;
	Oid			owner;
	char	   *comment;
} CatSchema;

typedef struct Catalog
{
	int			refcount;		/* atomic */
	int			nschemas;
	CatSchema  *schemas;		/* malloc'd strings */
	int			ntables;
	CatTable  **tables;
} Catalog;

/* The catalog of a new database: schemas pg_catalog and public. */
const Catalog *catalog_default(void);
void		catalog_ref(const Catalog *c);
void		catalog_unref(const Catalog *c);
void		cattable_ref(const CatTable *t);
void		cattable_unref(const CatTable *t);
Oid			catalog_new_oid(void);

/* The catalog of a storage transaction (the default one if none stored). */
const Catalog *catalog_of_txn(StTxn *t);

/* Lookups (NULL if absent). */
const CatSchema *catalog_schema(const Catalog *c, const char *name);
const CatSchema *catalog_schema_by_oid(const Catalog *c, Oid oid);
const CatTable *catalog_table_in(const Catalog *c, Oid schema, const char *name);
const CatTable *catalog_table_by_oid(const Catalog *c, Oid oid);
/* An index by name in a schema: its table and the index. */
const CatTable *catalog_index_in(const Catalog *c, Oid schema, const char *name, const CatIndex **idx);

/*
 * The effective search path of a session: the schemas named by search_path
 * that exist ("$user" is the session user's schema if it exists), with
 * pg_catalog first when include_implicit (PostgreSQL's current_schemas(true)).
 * Fills up to max names and returns the count.  Names point into the
 * catalog or the session and are valid during the statement.
 */
int			session_search_path(SqlSession *s, bool include_implicit, const char **names, int max);
/* The same over an explicit catalog, returning schema OIDs (pg_catalog first if implicit). */
int			search_path_oids(SqlSession *s, const Catalog *c, bool include_implicit, Oid *oids, int max);

/* Column by name (not dropped), or NULL. */
const CatColumn *cattable_column(const CatTable *t, const char *name);
/* Constraint by name, or NULL. */
const CatConstraint *cattable_constraint(const CatTable *t, const char *name);
/* Index by oid, or NULL. */
const CatIndex *cattable_index(const CatTable *t, Oid oid);

/* ---- editing (catalog/edit.c): DDL builds a new catalog ------------------ */

/* A private, modifiable copy of c (tables shared by reference). */
Catalog    *catalog_edit(const Catalog *c);
/* Adds or replaces (same oid) a table; the catalog takes over the caller's reference. */
void		catalog_put_table(Catalog *c, CatTable *t);
void		catalog_remove_table(Catalog *c, Oid oid);
void		catalog_add_schema(Catalog *c, Oid oid, const char *name, Oid owner);
void		catalog_remove_schema(Catalog *c, Oid oid);
/* Stores c as the transaction's catalog (takes it over, even on failure). */
int			catalog_publish(StTxn *t, Catalog *c, MgError *err);
/* Discards an unpublished edit. */
void		catalog_discard(Catalog *c);

/* A new empty table (refcount 1) with its own arena. */
CatTable   *cattable_new(Oid oid, Oid schema, const char *name, char relkind);
/* A deep, modifiable copy (refcount 1). */
CatTable   *cattable_clone(const CatTable *t);
/* Appends a column (name copied); returns it for the caller to fill. */
CatColumn  *cattable_add_column(CatTable *t, const char *name, Oid type, int32_t typmod);
CatIndex   *cattable_add_index(CatTable *t, Oid oid, const char *name, int ncols);
CatConstraint *cattable_add_constraint(CatTable *t, Oid oid, const char *name, ConType type);
void		cattable_remove_index(CatTable *t, Oid oid);
void		cattable_remove_constraint(CatTable *t, Oid oid);
/* Recomputes the storage layout after columns change. */
void		cattable_finish(CatTable *t);

#endif
