/*
 * system.h — virtual system catalogs (internal; catalog/system.c).
 * Built once at start-up (system_init, main thread); read-only afterwards,
 * so any thread may use them.
 */
#ifndef MEMGRES_SQL_SYSTEM_H
#define MEMGRES_SQL_SYSTEM_H

#include "catalog.h"
#include "engine.h"

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

#endif
