/*
 * edit.c — building new catalogs for DDL (see catalog.h, "editing").
 *
 * Design notes:
 *   - catalog_edit copies the table pointer array (taking a reference on
 *     each table) and the schema list; a DDL statement then replaces the
 *     tables it changes with modified clones and publishes the result.
 *     Unchanged tables stay shared between the old and new catalog, so DDL
 *     costs O(tables), not O(catalog contents).
 *   - A clone deep-copies everything into a fresh arena, including default
 *     and check expressions (expr_copy), so the old table can be freed
 *     independently.
 *
 * Invariants:
 *   1. An edited Catalog has refcount 1 (its creator) until published;
 *      publishing hands that reference to storage (destroy = catalog_unref).
 */
#include <stdlib.h>
#include <string.h>

#include <memgres/mem.h>

#include "../catalog.h"

Catalog *
catalog_edit(const Catalog *c)
{
	Catalog    *n = mg_calloc(1, sizeof(Catalog));

	n->refcount = 1;
	n->nschemas = c->nschemas;
	n->schemas = mg_calloc((size_t) (c->nschemas > 0 ? c->nschemas : 1), sizeof(CatSchema));
	for (int i = 0; i < c->nschemas; i++)
	{
		n->schemas[i] = c->schemas[i];
		n->schemas[i].name = mg_strdup(c->schemas[i].name);
		n->schemas[i].comment = c->schemas[i].comment ? mg_strdup(c->schemas[i].comment) : NULL;
	}
	n->ntables = c->ntables;
	n->tables = mg_calloc((size_t) (c->ntables > 0 ? c->ntables : 1), sizeof(CatTable *));
	for (int i = 0; i < c->ntables; i++)
	{
		n->tables[i] = c->tables[i];
		cattable_ref(c->tables[i]);
	}
	return n;
}

void
catalog_put_table(Catalog *c, CatTable *t)
{
	for (int i = 0; i < c->ntables; i++)
		if (c->tables[i]->oid == t->oid)
		{
			cattable_unref(c->tables[i]);
			c->tables[i] = t;
			return;
		}
	c->tables = mg_realloc(c->tables, sizeof(CatTable *) * (size_t) (c->ntables + 1));
	c->tables[c->ntables++] = t;
}

void
catalog_remove_table(Catalog *c, Oid oid)
{
	for (int i = 0; i < c->ntables; i++)
		if (c->tables[i]->oid == oid)
		{
			cattable_unref(c->tables[i]);
			memmove(&c->tables[i], &c->tables[i + 1], sizeof(CatTable *) * (size_t) (c->ntables - i - 1));
			c->ntables--;
			return;
		}
}

void
catalog_add_schema(Catalog *c, Oid oid, const char *name, Oid owner)
{
	c->schemas = mg_realloc(c->schemas, sizeof(CatSchema) * (size_t) (c->nschemas + 1));
	memset(&c->schemas[c->nschemas], 0, sizeof(CatSchema));
	c->schemas[c->nschemas].oid = oid;
	c->schemas[c->nschemas].name = mg_strdup(name);
	c->schemas[c->nschemas].owner = owner;
	c->nschemas++;
}

void
catalog_remove_schema(Catalog *c, Oid oid)
{
	for (int i = 0; i < c->nschemas; i++)
		if (c->schemas[i].oid == oid)
		{
			free(c->schemas[i].name);
			free(c->schemas[i].comment);
			memmove(&c->schemas[i], &c->schemas[i + 1], sizeof(CatSchema) * (size_t) (c->nschemas - i - 1));
			c->nschemas--;
			return;
		}
}

static void
catalog_destroy(void *obj)
{
	catalog_unref(obj);
}

int
catalog_publish(StTxn *t, Catalog *c, MgError *err)
{
	return st_set_catalog(t, c, catalog_destroy, err);
}

void
catalog_discard(Catalog *c)
{
	catalog_unref(c);
}

/* ---- tables ---------------------------------------------------------------- */

CatTable *
cattable_new(Oid oid, Oid schema, const char *name, char relkind)
{
	Arena	   *a = arena_create(2048);
	CatTable   *t = arena_new(a, CatTable);

	t->arena = a;
	t->refcount = 1;
	t->oid = oid;
	t->schema = schema;
	t->name = arena_strdup(a, name);
	t->relkind = relkind;
	return t;
}

const CatConstraint *
cattable_constraint(const CatTable *t, const char *name)
{
	for (int i = 0; i < t->ncons; i++)
		if (strcmp(t->cons[i].name, name) == 0)
			return &t->cons[i];
	return NULL;
}

const CatIndex *
cattable_index(const CatTable *t, Oid oid)
{
	for (int i = 0; i < t->nindexes; i++)
		if (t->indexes[i].oid == oid)
			return &t->indexes[i];
	return NULL;
}

static char *
dup_or_null(Arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

static int16_t *
dup_attnums(Arena *a, const int16_t *v, int n)
{
	int16_t    *r;

	if (!v)
		return NULL;
	r = arena_alloc(a, sizeof(int16_t) * (size_t) (n > 0 ? n : 1));
	memcpy(r, v, sizeof(int16_t) * (size_t) n);
	return r;
}

CatColumn *
cattable_add_column(CatTable *t, const char *name, Oid type, int32_t typmod)
{
	CatColumn  *c;

	t->cols = arena_realloc(t->arena, t->cols, sizeof(CatColumn) * (size_t) t->ncols,
							sizeof(CatColumn) * (size_t) (t->ncols + 1));
	c = &t->cols[t->ncols];
	memset(c, 0, sizeof(*c));
	c->name = arena_strdup(t->arena, name);
	c->attnum = (int16_t) (t->ncols + 1);
	c->type = type;
	c->typmod = typmod;
	c->mt = type_by_oid(type);
	t->ncols++;
	return c;
}

CatIndex *
cattable_add_index(CatTable *t, Oid oid, const char *name, int ncols)
{
	CatIndex   *ix;

	t->indexes = arena_realloc(t->arena, t->indexes, sizeof(CatIndex) * (size_t) t->nindexes,
							   sizeof(CatIndex) * (size_t) (t->nindexes + 1));
	ix = &t->indexes[t->nindexes++];
	memset(ix, 0, sizeof(*ix));
	ix->oid = oid;
	ix->name = arena_strdup(t->arena, name);
	ix->ncols = ncols;
	ix->attnums = arena_new_array(t->arena, int16_t, ncols);
	ix->flags = arena_new_array(t->arena, unsigned, ncols);
	return ix;
}

CatConstraint *
cattable_add_constraint(CatTable *t, Oid oid, const char *name, ConType type)
{
	CatConstraint *c;

	t->cons = arena_realloc(t->arena, t->cons, sizeof(CatConstraint) * (size_t) t->ncons,
							sizeof(CatConstraint) * (size_t) (t->ncons + 1));
	c = &t->cons[t->ncons++];
	memset(c, 0, sizeof(*c));
	c->oid = oid;
	c->name = arena_strdup(t->arena, name);
	c->type = type;
	return c;
}

void
cattable_remove_index(CatTable *t, Oid oid)
{
	for (int i = 0; i < t->nindexes; i++)
		if (t->indexes[i].oid == oid)
		{
			memmove(&t->indexes[i], &t->indexes[i + 1], sizeof(CatIndex) * (size_t) (t->nindexes - i - 1));
			t->nindexes--;
			return;
		}
}

void
cattable_remove_constraint(CatTable *t, Oid oid)
{
	for (int i = 0; i < t->ncons; i++)
		if (t->cons[i].oid == oid)
		{
			memmove(&t->cons[i], &t->cons[i + 1], sizeof(CatConstraint) * (size_t) (t->ncons - i - 1));
			t->ncons--;
			return;
		}
}

void
cattable_finish(CatTable *t)
{
	t->stcols = arena_new_array(t->arena, StColumn, t->ncols > 0 ? t->ncols : 1);
	for (int i = 0; i < t->ncols; i++)
	{
		const MgType *mt = t->cols[i].mt;

		t->stcols[i].byval = mt && mt->byval;
		t->stcols[i].len = (int16_t) (mt && mt->byval ? mt->typlen : -1);
	}
}

CatTable *
cattable_clone(const CatTable *t)
{
	CatTable   *n = cattable_new(t->oid, t->schema, t->name, t->relkind);
	Arena	   *a = n->arena;

	n->comment = dup_or_null(a, t->comment);
	n->ncols = t->ncols;
	n->cols = arena_new_array(a, CatColumn, t->ncols > 0 ? t->ncols : 1);
	for (int i = 0; i < t->ncols; i++)
	{
		CatColumn  *c = &n->cols[i];

		*c = t->cols[i];
		c->name = arena_strdup(a, t->cols[i].name);
		c->default_expr = expr_copy(a, t->cols[i].default_expr);
		c->default_text = dup_or_null(a, t->cols[i].default_text);
		c->comment = dup_or_null(a, t->cols[i].comment);
		if (c->has_missing && !c->missing_null && c->mt)
			c->missing = datum_copy(a, c->mt, t->cols[i].missing);
	}
	n->nindexes = t->nindexes;
	n->indexes = arena_new_array(a, CatIndex, t->nindexes > 0 ? t->nindexes : 1);
	for (int i = 0; i < t->nindexes; i++)
	{
		CatIndex   *ix = &n->indexes[i];

		*ix = t->indexes[i];
		ix->name = arena_strdup(a, t->indexes[i].name);
		ix->attnums = dup_attnums(a, t->indexes[i].attnums, ix->ncols);
		ix->flags = arena_new_array(a, unsigned, ix->ncols > 0 ? ix->ncols : 1);
		memcpy(ix->flags, t->indexes[i].flags, sizeof(unsigned) * (size_t) ix->ncols);
	}
	n->ncons = t->ncons;
	n->cons = arena_new_array(a, CatConstraint, t->ncons > 0 ? t->ncons : 1);
	for (int i = 0; i < t->ncons; i++)
	{
		CatConstraint *c = &n->cons[i];

		*c = t->cons[i];
		c->name = arena_strdup(a, t->cons[i].name);
		c->check = expr_copy(a, t->cons[i].check);
		c->check_text = dup_or_null(a, t->cons[i].check_text);
		c->cols = dup_attnums(a, t->cons[i].cols, c->ncols);
		c->ref_cols = dup_attnums(a, t->cons[i].ref_cols, c->ncols);
	}
	if (t->seq)
	{
		n->seq = arena_new(a, CatSequence);
		*n->seq = *t->seq;
	}
	cattable_finish(n);
	return n;
}
