/*
 * copy.h — COPY FROM STDIN / TO STDOUT (internal; exec/copy.c).
 * Called by the portal; errors in err.  Threads: the session's worker.
 */
#ifndef MEMGRES_SQL_COPY_H
#define MEMGRES_SQL_COPY_H

#include "engine.h"

/* Sets the tag and is_write of a COPY statement; false if p->ast is not COPY. */
bool		copy_prepare(SqlPrepared *p);
/* Starts or resumes: SQL_COPY_IN (FROM), SQL_DONE/SQL_BLOCKED (TO), SQL_ERROR. */
SqlRunResult copy_run(SqlPortal *portal, SqlDest *dest, MgError *err);
int			copy_data(SqlPortal *portal, const char *buf, size_t len, MgError *err);
SqlRunResult copy_done(SqlPortal *portal, MgError *err);
/* Releases the parser, executor and arenas (idempotent). */
void		copy_close(SqlPortal *portal);

#endif
