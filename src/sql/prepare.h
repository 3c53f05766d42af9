/*
 * prepare.h — PREPARE / EXECUTE / DEALLOCATE (internal; exec/prepare.c).
 * Errors in err.  Threads: the session's worker.
 */
#ifndef MEMGRES_SQL_PREPARE_H
#define MEMGRES_SQL_PREPARE_H

#include "engine.h"

int			prepare_stmt_run(SqlPortal *portal, MgError *err);
int			deallocate_run(SqlPortal *portal, MgError *err);
/* EXECUTE's result shape and tag come from the named statement. */
int			execute_prepare(SqlSession *s, SqlPrepared *p, MgError *err);
SqlRunResult execute_run(SqlPortal *portal, SqlDest *dest, int64_t max_rows, MgError *err);
/* Drops every SQL-prepared statement of the session. */
void		prepared_free_all(SqlSession *s);

#endif
