/*
 * rowops.c — what every row write does besides storing the tuple: index
 * keys and uniqueness (23505), NOT NULL (23502), CHECK (23514) and FOREIGN
 * KEY checks (23503), with PostgreSQL's messages and DETAIL lines.
 *
 * Design notes:
 *   - Index keys are built with storage's idxkey_* from the types'
 *     key_encode; a key containing a NULL is inserted as non-unique (NULLs
 *     never conflict, as PostgreSQL's default NULLS DISTINCT).
 *   - Catalog expressions (CHECK) are evaluated without function caches:
 *     their cache slots belong to no plan.
 *   - Referential actions run through the same functions recursively, so a
 *     cascade re-checks the constraints of the rows it changes.
 *
 * Invariants:
 *   1. On a uniqueness failure nothing of the row's index entries stays
 *      behind; the caller's statement rollback (savepoint or transaction)
 *      removes the tuple.
 */
#include <string.h>

#include <memgres/sqlstate.h>

#include "../catalog.h"
#include "../exec.h"
#include "../rowops.h"

#define MAX_FK_DEPTH 64

/* "(1, null, abc)": the Failing row DETAIL. */
static void
format_row(EvalCtx *ctx, const CatTable *t, const Datum *values, const bool *nulls, StrBuf *sb)
{
	bool		first = true;

	strbuf_putc(sb, '(');
	for (int i = 0; i < t->ncols; i++)
	{
		if (t->cols[i].dropped)
			continue;
		if (!first)
			strbuf_puts(sb, ", ");
		first = false;
		if (nulls[i])
			strbuf_puts(sb, "null");
		else if (type_output(ctx, t->cols[i].type, t->cols[i].typmod, values[i], sb) < 0)
		{
			mg_error_reset(ctx->err);
			strbuf_puts(sb, "?");
		}
	}
	strbuf_putc(sb, ')');
}

/* "(a, b)=(1, 2)" for the columns attnums of a row of t. */
void
rowops_format_key(EvalCtx *ctx, const CatTable *t, const int16_t *attnums, int n,
				  const Datum *values, const bool *nulls, StrBuf *sb)
{
	strbuf_putc(sb, '(');
	for (int i = 0; i < n; i++)
	{
		if (i)
			strbuf_puts(sb, ", ");
		strbuf_puts(sb, t->cols[attnums[i] - 1].name);
	}
	strbuf_puts(sb, ")=(");
	for (int i = 0; i < n; i++)
	{
		int			c = attnums[i] - 1;

		if (i)
			strbuf_puts(sb, ", ");
		if (nulls[c])
			strbuf_puts(sb, "null");
		else if (type_output(ctx, t->cols[c].type, t->cols[c].typmod, values[c], sb) < 0)
		{
			mg_error_reset(ctx->err);
			strbuf_puts(sb, "?");
		}
	}
	strbuf_putc(sb, ')');
}

static const char *
schema_name(SqlSession *s, const CatTable *t)
{
	const CatSchema *sc = catalog_schema_by_oid(session_catalog(s), t->schema);

	return sc ? sc->name : "public";
}

bool
rowops_index_key(const CatTable *t, const CatIndex *ix, const Datum *values, const bool *nulls, StrBuf *key)
{
	bool		hasnull = false;

	strbuf_reset(key);
	for (int k = 0; k < ix->ncols; k++)
	{
		int			c = ix->attnums[k] - 1;

		if (nulls[c])
		{
			idxkey_add_null(key, ix->flags[k]);
			hasnull = true;
		}
		else
			idxkey_add(key, t->cols[c].mt->key_encode, values[c], false, ix->flags[k]);
	}
	return hasnull;
}

static const CatConstraint *
index_constraint(const CatTable *t, const CatIndex *ix)
{
	for (int i = 0; i < t->ncons; i++)
		if (t->cons[i].oid == ix->constraint)
			return &t->cons[i];
	return NULL;
}

int
rowops_insert_index(RowOps *ro, const CatTable *t, const CatIndex *ix, const Datum *values,
					const bool *nulls, uint64_t rowid, uint64_t *conflict)
{
	StrBuf		key;
	bool		hasnull;
	uint64_t	other = 0;
	int			rc;

	strbuf_init_arena(&key, ro->ctx->arena);
	hasnull = rowops_index_key(t, ix, values, nulls, &key);
	rc = st_index_insert(ro->txn, t->oid, ix->oid, key.data, key.len, rowid, ix->unique && !hasnull, &other,
						 ro->ctx->err);
	if (rc < 0)
		return -1;
	if (rc == 1)
	{
		StrBuf		detail;
		const CatConstraint *con = index_constraint(t, ix);

		if (conflict)
		{
			*conflict = other;
			return 1;
		}
		strbuf_init_arena(&detail, ro->ctx->arena);
		rowops_format_key(ro->ctx, t, ix->attnums, ix->ncols, values, nulls, &detail);
		mg_error(ro->ctx->err, SQLSTATE_UNIQUE_VIOLATION,
				 "duplicate key value violates unique constraint \"%s\"", con ? con->name : ix->name);
		mg_error_detail(ro->ctx->err, "Key %s already exists.", detail.data);
		mg_error_field(ro->ctx->err, 's', schema_name(ro->session, t));
		mg_error_field(ro->ctx->err, 't', t->name);
		mg_error_field(ro->ctx->err, 'n', con ? con->name : ix->name);
		return -1;
	}
	return 0;
}

int
rowops_delete_index(RowOps *ro, const CatTable *t, const CatIndex *ix, const Datum *values,
					const bool *nulls, uint64_t rowid)
{
	StrBuf		key;

	strbuf_init_arena(&key, ro->ctx->arena);
	rowops_index_key(t, ix, values, nulls, &key);
	return st_index_delete(ro->txn, t->oid, ix->oid, key.data, key.len, rowid, ro->ctx->err);
}

int
rowops_check(RowOps *ro, const CatTable *t, const Datum *values, const bool *nulls)
{
	ExprRunState rs = {0};
	ExprRow		row = {values, nulls};

	for (int i = 0; i < t->ncols; i++)
	{
		if (t->cols[i].notnull && !t->cols[i].dropped && nulls[i])
		{
			StrBuf		detail;

			strbuf_init_arena(&detail, ro->ctx->arena);
			format_row(ro->ctx, t, values, nulls, &detail);
			mg_error(ro->ctx->err, SQLSTATE_NOT_NULL_VIOLATION,
					 "null value in column \"%s\" of relation \"%s\" violates not-null constraint",
					 t->cols[i].name, t->name);
			mg_error_detail(ro->ctx->err, "Failing row contains %s.", detail.data);
			mg_error_field(ro->ctx->err, 's', schema_name(ro->session, t));
			mg_error_field(ro->ctx->err, 't', t->name);
			mg_error_field(ro->ctx->err, 'c', t->cols[i].name);
			return -1;
		}
	}
	for (int i = 0; i < t->ncons; i++)
	{
		const CatConstraint *c = &t->cons[i];
		Datum		v;
		bool		isnull;

		if (c->type != CON_CHECK)
			continue;
		if (expr_eval(ro->ctx, &rs, c->check, &row, &v, &isnull) < 0)
			return -1;
		/* NULL passes a CHECK, as in SQL. */
		if (!isnull && !DatumGetBool(v))
		{
			StrBuf		detail;

			strbuf_init_arena(&detail, ro->ctx->arena);
			format_row(ro->ctx, t, values, nulls, &detail);
			mg_error(ro->ctx->err, SQLSTATE_CHECK_VIOLATION,
					 "new row for relation \"%s\" violates check constraint \"%s\"", t->name, c->name);
			mg_error_detail(ro->ctx->err, "Failing row contains %s.", detail.data);
			mg_error_field(ro->ctx->err, 's', schema_name(ro->session, t));
			mg_error_field(ro->ctx->err, 't', t->name);
			mg_error_field(ro->ctx->err, 'n', c->name);
			return -1;
		}
	}
	return 0;
}

/* ---- foreign keys -------------------------------------------------------- */

/* The referencing row's key in the referenced table's index order. */
static bool
fk_key(const CatTable *ref, const CatIndex *rix, const CatConstraint *c, const Datum *values,
	   const bool *nulls, StrBuf *key)
{
	strbuf_reset(key);
	for (int k = 0; k < rix->ncols; k++)
	{
		int			j;

		/* Column k of the index is ref_cols[j]: use the referencing column j. */
		for (j = 0; j < c->ncols; j++)
			if (c->ref_cols[j] == rix->attnums[k])
				break;
		if (j == c->ncols || nulls[c->cols[j] - 1])
			return false;
		idxkey_add(key, ref->cols[rix->attnums[k] - 1].mt->key_encode, values[c->cols[j] - 1], false,
				   rix->flags[k]);
	}
	return true;
}

int
rowops_fk_check_insert(RowOps *ro, const CatTable *t, const Datum *values, const bool *nulls)
{
	const Catalog *cat = ro->cat;

	for (int i = 0; i < t->ncons; i++)
	{
		const CatConstraint *c = &t->cons[i];
		const CatTable *ref;
		const CatIndex *rix;
		StrBuf		key;
		uint64_t	rowid;

		if (c->type != CON_FOREIGN)
			continue;
		ref = catalog_table_by_oid(cat, c->ref_table);
		if (!ref || !(rix = cattable_index(ref, c->ref_index)))
			continue;
		strbuf_init_arena(&key, ro->ctx->arena);
		/* MATCH SIMPLE: a NULL in any referencing column passes. */
		if (!fk_key(ref, rix, c, values, nulls, &key))
			continue;
		if (!st_index_lookup(ro->txn, ref->oid, rix->oid, key.data, key.len, &rowid))
		{
			StrBuf		detail;

			strbuf_init_arena(&detail, ro->ctx->arena);
			rowops_format_key(ro->ctx, t, c->cols, c->ncols, values, nulls, &detail);
			mg_error(ro->ctx->err, SQLSTATE_FOREIGN_KEY_VIOLATION,
					 "insert or update on table \"%s\" violates foreign key constraint \"%s\"", t->name, c->name);
			mg_error_detail(ro->ctx->err, "Key %s is not present in table \"%s\".", detail.data, ref->name);
			mg_error_field(ro->ctx->err, 's', schema_name(ro->session, t));
			mg_error_field(ro->ctx->err, 't', t->name);
			mg_error_field(ro->ctx->err, 'n', c->name);
			return -1;
		}
	}
	return 0;
}

/* Does the referencing row (cvals) point at the referenced row (pvals)? */
static bool
fk_matches(const CatTable *child, const CatConstraint *c, const CatTable *parent,
		   const Datum *cvals, const bool *cnulls, const Datum *pvals, const bool *pnulls)
{
	for (int j = 0; j < c->ncols; j++)
	{
		int			ci = c->cols[j] - 1;
		int			pi = c->ref_cols[j] - 1;

		if (cnulls[ci] || pnulls[pi])
			return false;
		if (parent->cols[pi].mt->cmp(pvals[pi], cvals[ci]) != 0)
			return false;
		(void) child;
	}
	return true;
}

/* Same key in the referencing columns of old and new parent rows? */
static bool
parent_key_unchanged(const CatConstraint *c, const CatTable *parent, const Datum *ov, const bool *on,
					 const Datum *nv, const bool *nn)
{
	for (int j = 0; j < c->ncols; j++)
	{
		int			pi = c->ref_cols[j] - 1;

		if (on[pi] != nn[pi])
			return false;
		if (!on[pi] && parent->cols[pi].mt->cmp(ov[pi], nv[pi]) != 0)
			return false;
	}
	return true;
}

int
rowops_fk_parent_change(RowOps *ro, const CatTable *parent, const Datum *ovals, const bool *onulls,
						const Datum *nvals, const bool *nnulls, int depth)
{
	const Catalog *cat = ro->cat;

	if (depth > MAX_FK_DEPTH)
	{
		mg_error(ro->ctx->err, SQLSTATE_STATEMENT_TOO_COMPLEX, "foreign key cascade is too deep");
		return -1;
	}
	for (int ti = 0; ti < cat->ntables; ti++)
	{
		const CatTable *child = cat->tables[ti];

		for (int i = 0; i < child->ncons; i++)
		{
			const CatConstraint *c = &child->cons[i];
			char		action = nvals ? c->upd_action : c->del_action;
			StCursor	cur;
			uint64_t	rowid;
			const StTuple *tup;
			Datum	   *cv;
			bool	   *cn;

			if (c->type != CON_FOREIGN || c->ref_table != parent->oid)
				continue;
			if (nvals && parent_key_unchanged(c, parent, ovals, onulls, nvals, nnulls))
				continue;
			cv = arena_new_array(ro->ctx->arena, Datum, child->ncols + 1);
			cn = arena_new_array(ro->ctx->arena, bool, child->ncols + 1);
			st_scan_open(&cur, ro->txn, child->oid, 0, false);
			while (st_cursor_next(&cur, &rowid, &tup))
			{
				st_tuple_deform(tup, child->stcols, child->ncols, cv, cn);
				for (int k = st_tuple_natts(tup); k < child->ncols; k++)
					if (child->cols[k].has_missing)
					{
						cv[k] = child->cols[k].missing;
						cn[k] = child->cols[k].missing_null;
					}
				if (!fk_matches(child, c, parent, cv, cn, ovals, onulls))
					continue;
				if (action == 'a' || action == 'r')
				{
					StrBuf		detail;
					int16_t    *pk = c->ref_cols;

					st_cursor_close(&cur);
					strbuf_init_arena(&detail, ro->ctx->arena);
					rowops_format_key(ro->ctx, parent, pk, c->ncols, ovals, onulls, &detail);
					mg_error(ro->ctx->err, SQLSTATE_FOREIGN_KEY_VIOLATION,
							 "update or delete on table \"%s\" violates foreign key constraint \"%s\" on table \"%s\"",
							 parent->name, c->name, child->name);
					mg_error_detail(ro->ctx->err, "Key %s is still referenced from table \"%s\".",
									detail.data, child->name);
					mg_error_field(ro->ctx->err, 's', schema_name(ro->session, child));
					mg_error_field(ro->ctx->err, 't', child->name);
					mg_error_field(ro->ctx->err, 'n', c->name);
					return -1;
				}
				{
					/* CASCADE / SET NULL / SET DEFAULT: change the child row. */
					Datum	   *nv = arena_new_array(ro->ctx->arena, Datum, child->ncols + 1);
					bool	   *nn = arena_new_array(ro->ctx->arena, bool, child->ncols + 1);
					int			rc;

					memcpy(nv, cv, sizeof(Datum) * (size_t) child->ncols);
					memcpy(nn, cn, sizeof(bool) * (size_t) child->ncols);
					if (action == 'c' && !nvals)
						rc = rowops_delete_row(ro, child, rowid, cv, cn, depth + 1);
					else
					{
						for (int j = 0; j < c->ncols; j++)
						{
							int			ci = c->cols[j] - 1;

							if (action == 'c')
							{
								nv[ci] = nvals[c->ref_cols[j] - 1];
								nn[ci] = nnulls[c->ref_cols[j] - 1];
							}
							else if (action == 'n' || !child->cols[ci].default_expr)
							{
								nv[ci] = 0;
								nn[ci] = true;
							}
							else
							{
								ExprRunState rs = {0};

								if (expr_eval(ro->ctx, &rs, child->cols[ci].default_expr, NULL, &nv[ci], &nn[ci]) < 0)
								{
									st_cursor_close(&cur);
									return -1;
								}
							}
						}
						rc = rowops_update_row(ro, child, rowid, cv, cn, nv, nn, depth + 1, NULL);
					}
					if (rc < 0)
					{
						st_cursor_close(&cur);
						return -1;
					}
				}
			}
			st_cursor_close(&cur);
		}
	}
	return 0;
}

/* ---- whole-row operations ------------------------------------------------ */

bool
rowops_is_referenced(const Catalog *cat, const CatTable *t)
{
	for (int i = 0; i < cat->ntables; i++)
		for (int k = 0; k < cat->tables[i]->ncons; k++)
			if (cat->tables[i]->cons[k].type == CON_FOREIGN && cat->tables[i]->cons[k].ref_table == t->oid)
				return true;
	return false;
}

/* Copies a row's by-reference values (they may point into a tuple about to change). */
static void
copy_row(EvalCtx *ctx, const CatTable *t, const Datum *in, const bool *nulls, Datum **out)
{
	Datum	   *v = arena_new_array(ctx->arena, Datum, t->ncols + 1);

	for (int i = 0; i < t->ncols; i++)
		v[i] = nulls[i] || !t->cols[i].mt ? in[i] : datum_copy(ctx->arena, t->cols[i].mt, in[i]);
	*out = v;
}

int
rowops_insert_row(RowOps *ro, const CatTable *t, const Datum *values, const bool *nulls, uint64_t *rowid_out,
				  const CatIndex **conflict_ix, uint64_t *conflict_rowid)
{
	StTuple    *tup;
	uint64_t	rowid;

	if (rowops_check(ro, t, values, nulls) < 0)
		return -1;
	if (!(tup = st_tuple_form(ro->ctx->arena, t->stcols, t->ncols, values, nulls, ro->ctx->err)))
		return -1;
	if (st_insert(ro->txn, t->oid, tup, &rowid, ro->ctx->err) < 0)
		return -1;
	for (int i = 0; i < t->nindexes; i++)
	{
		uint64_t	other;
		int			rc = rowops_insert_index(ro, t, &t->indexes[i], values, nulls, rowid,
											 conflict_ix ? &other : NULL);

		if (rc < 0)
			return -1;
		if (rc == 1)
		{
			/* ON CONFLICT: undo what this row added so far. */
			for (int k = 0; k < i; k++)
				if (rowops_delete_index(ro, t, &t->indexes[k], values, nulls, rowid) < 0)
					return -1;
			if (st_delete(ro->txn, t->oid, rowid, ro->ctx->err) < 0)
				return -1;
			*conflict_ix = &t->indexes[i];
			*conflict_rowid = other;
			return 1;
		}
	}
	if (rowops_fk_check_insert(ro, t, values, nulls) < 0)
		return -1;
	if (rowid_out)
		*rowid_out = rowid;
	return 0;
}

int
rowops_delete_row(RowOps *ro, const CatTable *t, uint64_t rowid, const Datum *values, const bool *nulls, int depth)
{
	bool		referenced = rowops_is_referenced(ro->cat, t);
	Datum	   *copy;

	if (referenced)
	{
		copy_row(ro->ctx, t, values, nulls, &copy);
		values = copy;
	}
	for (int i = 0; i < t->nindexes; i++)
		if (rowops_delete_index(ro, t, &t->indexes[i], values, nulls, rowid) < 0)
			return -1;
	if (st_delete(ro->txn, t->oid, rowid, ro->ctx->err) < 0)
		return -1;
	if (!referenced)
		return 0;
	return rowops_fk_parent_change(ro, t, values, nulls, NULL, NULL, depth);
}

/*
 * An update stores the new version under a new row id and removes the old
 * one, as PostgreSQL's heap puts a new tuple version after the existing
 * ones: an unordered scan then returns updated rows last, as PostgreSQL
 * does for tables that fit in a page.
 */
int
rowops_update_row(RowOps *ro, const CatTable *t, uint64_t rowid, const Datum *ovals, const bool *onulls,
				  const Datum *nvals, const bool *nnulls, int depth, uint64_t *newrowid)
{
	StTuple    *tup;
	int			nix = t->nindexes;
	bool		referenced = rowops_is_referenced(ro->cat, t);
	StrBuf	   *oldkeys;
	uint64_t	nrow;

	if (rowops_check(ro, t, nvals, nnulls) < 0)
		return -1;
	/* Everything that reads the old values happens before the old tuple goes. */
	if (referenced)
	{
		Datum	   *copy;

		copy_row(ro->ctx, t, ovals, onulls, &copy);
		ovals = copy;
	}
	if (!(tup = st_tuple_form(ro->ctx->arena, t->stcols, t->ncols, nvals, nnulls, ro->ctx->err)))
		return -1;
	{
		Datum	   *nv = arena_new_array(ro->ctx->arena, Datum, t->ncols + 1);
		bool	   *nn = arena_new_array(ro->ctx->arena, bool, t->ncols + 1);

		st_tuple_deform(tup, t->stcols, t->ncols, nv, nn);
		nvals = nv;
		nnulls = nn;
	}
	oldkeys = arena_new_array(ro->ctx->arena, StrBuf, nix > 0 ? nix : 1);
	for (int i = 0; i < nix; i++)
	{
		strbuf_init_arena(&oldkeys[i], ro->ctx->arena);
		rowops_index_key(t, &t->indexes[i], ovals, onulls, &oldkeys[i]);
	}
	for (int i = 0; i < nix; i++)
		if (st_index_delete(ro->txn, t->oid, t->indexes[i].oid, oldkeys[i].data, oldkeys[i].len, rowid,
							ro->ctx->err) < 0)
			return -1;
	if (st_delete(ro->txn, t->oid, rowid, ro->ctx->err) < 0)
		return -1;
	if (st_insert(ro->txn, t->oid, tup, &nrow, ro->ctx->err) < 0)
		return -1;
	for (int i = 0; i < nix; i++)
		if (rowops_insert_index(ro, t, &t->indexes[i], nvals, nnulls, nrow, NULL) < 0)
			return -1;
	if (newrowid)
		*newrowid = nrow;
	if (rowops_fk_check_insert(ro, t, nvals, nnulls) < 0)
		return -1;
	if (!referenced)
		return 0;
	return rowops_fk_parent_change(ro, t, ovals, onulls, nvals, nnulls, depth);
}
