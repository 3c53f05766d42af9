/*
 * rowops.h — row writes with their index maintenance and constraint checks
 * (internal to src/sql; implemented in exec/rowops.c).
 *
 * Every function works through ro->txn (a write transaction) and reports
 * PostgreSQL's errors (23502, 23505, 23514, 23503) in ro->ctx->err,
 * returning -1.  Values are a full table row (t->ncols slots, dropped
 * columns NULL).  Scratch memory comes from ro->ctx->arena.
 * Threads: the worker running the statement.
 */
#ifndef MEMGRES_SQL_ROWOPS_H
#define MEMGRES_SQL_ROWOPS_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/storage.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "catalog.h"
#include "engine.h"

typedef struct RowOps
{
	SqlSession *session;
	StTxn	   *txn;
	const Catalog *cat;
	EvalCtx    *ctx;
} RowOps;

/* Builds ix's key for a row; true if a key column is NULL. */
bool		rowops_index_key(const CatTable *t, const CatIndex *ix, const Datum *values, const bool *nulls,
							 StrBuf *key);
/* "(a, b)=(1, 2)" */
void		rowops_format_key(EvalCtx *ctx, const CatTable *t, const int16_t *attnums, int n,
							  const Datum *values, const bool *nulls, StrBuf *sb);
/* Adds the row's entry to ix.  With conflict != NULL a duplicate returns 1 and its row id instead of 23505. */
int			rowops_insert_index(RowOps *ro, const CatTable *t, const CatIndex *ix, const Datum *values,
								const bool *nulls, uint64_t rowid, uint64_t *conflict);
int			rowops_delete_index(RowOps *ro, const CatTable *t, const CatIndex *ix, const Datum *values,
								const bool *nulls, uint64_t rowid);
/* NOT NULL and CHECK constraints. */
int			rowops_check(RowOps *ro, const CatTable *t, const Datum *values, const bool *nulls);
/* The row's foreign keys point at existing rows. */
int			rowops_fk_check_insert(RowOps *ro, const CatTable *t, const Datum *values, const bool *nulls);
/* A referenced row is deleted (nvals NULL) or updated: NO ACTION/RESTRICT errors, CASCADE/SET NULL/SET DEFAULT act. */
int			rowops_fk_parent_change(RowOps *ro, const CatTable *parent, const Datum *ovals, const bool *onulls,
									const Datum *nvals, const bool *nnulls, int depth);

/*
 * Whole rows.  insert: with conflict_ix != NULL a unique conflict undoes the
 * row and returns 1 with the index and the existing row id (ON CONFLICT).
 * The old values given to update/delete may point into the stored tuple.
 */
int			rowops_insert_row(RowOps *ro, const CatTable *t, const Datum *values, const bool *nulls,
							  uint64_t *rowid, const CatIndex **conflict_ix, uint64_t *conflict_rowid);
/* The new version gets a new row id (*newrowid, may be NULL): see exec/rowops.c. */
int			rowops_update_row(RowOps *ro, const CatTable *t, uint64_t rowid, const Datum *ovals,
							  const bool *onulls, const Datum *nvals, const bool *nnulls, int depth,
							  uint64_t *newrowid);
int			rowops_delete_row(RowOps *ro, const CatTable *t, uint64_t rowid, const Datum *values,
							  const bool *nulls, int depth);
/* True if some foreign key references t. */
bool		rowops_is_referenced(const Catalog *cat, const CatTable *t);

#endif
