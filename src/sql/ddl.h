/*
 * ddl.h — data definition statements (internal; exec/ddl.c).
 * Run in the session's write transaction; errors in err, -1.
 */
#ifndef MEMGRES_SQL_DDL_H
#define MEMGRES_SQL_DDL_H

#include "engine.h"

/* Sets the command tag and is_write for a DDL statement; false if p->ast is not one. */
bool		ddl_prepare(SqlPrepared *p);
int			ddl_run(SqlPortal *portal, MgError *err);
/* Drops a temporary schema and its tables in txn (no notices). */
int			ddl_drop_temp_schema(SqlSession *s, StTxn *txn, Oid schema, MgError *err);

#endif
