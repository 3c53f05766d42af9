/*
 * system.h — virtual system catalogs, the catalog printing functions and
 * the catalog SQL functions and OID alias types (internal; catalog/system.c
 * and sysregistry.c, catalog/ruleutils.c, catalog/catfuncs.c,
 * catalog/regtypes.c).  Failures: none of these fail; unknown OIDs give
 * NULL/false (see each function).
 * The virtual tables are built once at start-up (system_init, main
 * thread) and read-only afterwards, so any thread may use them; the other
 * functions read the Catalog they are given (immutable) and may be called
 * from any thread.  Strings returned point into the catalog or the static
 * tables and live as long as those; text is appended to caller StrBufs.
 */
#ifndef MEMGRES_SQL_SYSTEM_H
#define MEMGRES_SQL_SYSTEM_H

#include <memgres/strbuf.h>

#include "catalog.h"
#include "engine.h"

/* PostgreSQL's OIDs for the built-in objects memgres shows. */
#define SYS_PG_CLASS 1259
#define SYS_HEAP_AM 2
#define SYS_BTREE_AM 403
#define SYS_DEFAULT_COLLATION 100
#define SYS_C_COLLATION 950
#define SYS_POSIX_COLLATION 951
#define SYS_DEFAULT_TABLESPACE 1663
#define SYS_GLOBAL_TABLESPACE 1664
#define SYS_LANG_INTERNAL 12
#define SYS_INFO_SCHEMA_NAMESPACE 13000	/* memgres's own: information_schema is virtual */

/* Rows of a virtual table, allocated in the arena given to system_rows. */
typedef struct SysRows
{
	int			nrows;
	int			cap;
	Datum	  **values;
	bool	  **nulls;
} SysRows;

void		system_init(void);
/* At shutdown (no statement running): frees the virtual tables. */
void		system_shutdown(void);
/* A system catalog by name: schema NULL or "pg_catalog", or "information_schema". NULL if none. */
const CatTable *system_table(const char *schema, const char *name);
const CatTable *system_table_by_oid(Oid oid);
/* The rows of virtual table vt as the catalog c shows them. */
void		system_rows(SqlSession *s, const Catalog *c, const CatTable *vt, Arena *a, SysRows *out);

/* True for the virtual tables that are views in PostgreSQL (pg_roles, pg_tables ...). */
bool		system_is_view(const CatTable *t);
/* A table (user or virtual) or index by OID: the table, and *index for an index; NULL if none. */
const CatTable *system_relation(const Catalog *c, Oid oid, const CatIndex **index);
/* A constraint by OID and its table (*table), or NULL. */
const CatConstraint *system_constraint(const Catalog *c, Oid oid, const CatTable **table);
/* Whether the relation (index if ix) is found by its bare name on s's search path. */
bool		system_relation_visible(SqlSession *s, const Catalog *c, const CatTable *t, const CatIndex *ix);
/* A schema's name ("pg_catalog" and "information_schema" included; "?" if unknown). */
const char *system_schema_name(const Catalog *c, Oid oid);
/* Appends an identifier as quote_ident does: double-quoted unless a plain lower-case non-keyword. */
void		system_put_ident(StrBuf *out, const char *s);
/* pg_type.typstorage ('p', 'm', 'x') and typcollation of a type. */
char		system_type_storage(const MgType *t);
Oid			system_type_collation(Oid type);

/* ---- ruleutils.c: PostgreSQL's pg_get_*def text ---------------------------- */

/*
 * An analysed expression over table t's row (DEFAULT, CHECK) as
 * pg_get_expr prints it; pretty as its third argument (fewer parentheses).
 */
void		ruleutils_expr(EvalCtx *ctx, const Catalog *c, const CatTable *t, const Expr *e, bool pretty,
						   StrBuf *out);
/* pg_get_indexdef(index, column, pretty): column 0 the CREATE INDEX statement, else that key column. */
void		ruleutils_indexdef(SqlSession *s, const Catalog *c, const CatTable *t, const CatIndex *ix, int column,
							   bool pretty, StrBuf *out);
/* pg_get_constraintdef(constraint, pretty). */
void		ruleutils_constraintdef(EvalCtx *ctx, const Catalog *c, const CatTable *t,
									const CatConstraint *con, bool pretty, StrBuf *out);

/* ---- catfuncs.c ------------------------------------------------------------ */

/* Registers pg_get_expr, pg_get_indexdef, the size functions ... (start-up, from register_session_funcs). */
void		register_catalog_funcs(void);

/* ---- regtypes.c ------------------------------------------------------------ */

/* Registers regnamespace and regrole with their casts (start-up, from register_catalog_funcs). */
void		register_catalog_types(void);

#endif
