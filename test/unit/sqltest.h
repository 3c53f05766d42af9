/*
 * sqltest.h — harness for unit tests that run SQL through <memgres/sql.h>
 * in process (see sqltest.c).  Single-threaded test programs only.
 */
#ifndef MEMGRES_TEST_SQLTEST_H
#define MEMGRES_TEST_SQLTEST_H

#include <memgres/guc.h>
#include <memgres/sql.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

extern int	sqlt_ntests;		/* TAP lines printed so far */
extern int	sqlt_nfailed;
extern StrBuf sqlt_out;			/* rendering of the last query (strbuf_init it first) */

/* A notice hook that renders notices into sqlt_out. */
void		sqlt_notice_hook(void *arg, const MgError *n);
/* An SqlDest.row callback (arg: the GucSession) rendering rows into sqlt_out. */
int			sqlt_dest_row(SqlDest *d, const SqlTupleDesc *desc, const Datum *values, const bool *nulls,
						  bool *full, MgError *err);
/* Runs a simple-Query string; its rendering is appended to sqlt_out. */
void		sqlt_run_query(SqlSession *s, GucSession *g, const char *query);
/* Runs query and prints one TAP line comparing its rendering with expected. */
void		sqlt_check(SqlSession *s, GucSession *g, const char *query, const char *expected);

#endif
