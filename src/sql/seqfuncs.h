/*
 * seqfuncs.h — sequence functions and state (internal; exec/seqfuncs.c).
 * Threads: the session's worker (st_seq_* are thread-safe).
 */
#ifndef MEMGRES_SQL_SEQFUNCS_H
#define MEMGRES_SQL_SEQFUNCS_H

#include <memgres/storage.h>

#include "catalog.h"
#include "engine.h"

/* Registers nextval/currval/setval/lastval (called by register_session_funcs). */
void		register_seq_funcs(void);
/* Sets a sequence back to its start (CREATE SEQUENCE, RESTART, TRUNCATE ... RESTART IDENTITY). */
void		seq_reset(StDatabase *db, const CatTable *t);
/* Frees the session's currval memory. */
void		seq_session_free(SqlSession *s);

#endif
