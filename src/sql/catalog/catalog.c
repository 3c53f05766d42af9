/*
 * catalog.c — catalog objects: refcounting, the default catalog, lookups,
 * OID allocation and the session's search path (see catalog.h).
 *
 * Design notes:
 *   - Catalogs and tables are immutable once published; refcounts are
 *     atomic because the last reference may go on any thread (storage
 *     destroys versions wherever they are released).
 *   - The default catalog (pg_catalog + public, no tables) is a static
 *     object that is never freed; its refcount operations are no-ops.
 *
 * Invariants:
 *   1. A Catalog holds one reference on each of its tables.
 *   2. Schema and table names are unique within a catalog (per schema).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <memgres/mem.h>

#include "../catalog.h"
#include "../engine.h"

static CatSchema default_schemas[] = {
	{.oid = PG_CATALOG_NAMESPACE, .name = "pg_catalog", .owner = 10},
	{.oid = PG_PUBLIC_NAMESPACE, .name = "public", .owner = 6171},	/* pg_database_owner, as in PostgreSQL 15 */
};

static Catalog default_catalog = {
	.refcount = -1,				/* static: never freed */
	.nschemas = 2,
	.schemas = default_schemas,
};

static uint32_t next_oid = 16384;

Oid
catalog_new_oid(void)
{
	return __atomic_fetch_add(&next_oid, 1, __ATOMIC_RELAXED);
}

const Catalog *
catalog_default(void)
{
	return &default_catalog;
}

void
cattable_ref(const CatTable *t)
{
	__atomic_fetch_add(&((CatTable *) t)->refcount, 1, __ATOMIC_RELAXED);
}

void
cattable_unref(const CatTable *t)
{
	CatTable   *tt = (CatTable *) t;

	if (__atomic_sub_fetch(&tt->refcount, 1, __ATOMIC_ACQ_REL) == 0)
		arena_free(tt->arena);	/* the table struct itself lives in its arena */
}

void
catalog_ref(const Catalog *c)
{
	if (c->refcount < 0)
		return;
	__atomic_fetch_add(&((Catalog *) c)->refcount, 1, __ATOMIC_RELAXED);
}

void
catalog_unref(const Catalog *c)
{
	Catalog    *cc = (Catalog *) c;

	if (c->refcount < 0)
		return;
	if (__atomic_sub_fetch(&cc->refcount, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	for (int i = 0; i < cc->ntables; i++)
		cattable_unref(cc->tables[i]);
	for (int i = 0; i < cc->nschemas; i++)
	{
		free(cc->schemas[i].name);
		free(cc->schemas[i].comment);
	}
	free(cc->schemas);
	free(cc->tables);
	free(cc);
}

const Catalog *
catalog_of_txn(StTxn *t)
{
	const Catalog *c = st_catalog(t);

	return c ? c : &default_catalog;
}

const CatSchema *
catalog_schema(const Catalog *c, const char *name)
{
	for (int i = 0; i < c->nschemas; i++)
		if (strcmp(c->schemas[i].name, name) == 0)
			return &c->schemas[i];
	return NULL;
}

const CatSchema *
catalog_schema_by_oid(const Catalog *c, Oid oid)
{
	for (int i = 0; i < c->nschemas; i++)
		if (c->schemas[i].oid == oid)
			return &c->schemas[i];
	return NULL;
}

const CatTable *
catalog_table_in(const Catalog *c, Oid schema, const char *name)
{
	for (int i = 0; i < c->ntables; i++)
		if (c->tables[i]->schema == schema && strcmp(c->tables[i]->name, name) == 0)
			return c->tables[i];
	return NULL;
}

const CatTable *
catalog_table_by_oid(const Catalog *c, Oid oid)
{
	for (int i = 0; i < c->ntables; i++)
		if (c->tables[i]->oid == oid)
			return c->tables[i];
	return NULL;
}

const CatTable *
catalog_index_in(const Catalog *c, Oid schema, const char *name, const CatIndex **idx)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (t->schema != schema)
			continue;
		for (int k = 0; k < t->nindexes; k++)
			if (strcmp(t->indexes[k].name, name) == 0)
			{
				*idx = &t->indexes[k];
				return t;
			}
	}
	return NULL;
}

const CatColumn *
cattable_column(const CatTable *t, const char *name)
{
	for (int i = 0; i < t->ncols; i++)
		if (!t->cols[i].dropped && strcmp(t->cols[i].name, name) == 0)
			return &t->cols[i];
	return NULL;
}

/* ---- search path ----------------------------------------------------------- */

/*
 * Splits search_path into names: comma-separated, blanks trimmed, double
 * quotes removed ("" inside quotes is one quote), unquoted names lower-cased.
 */
static int
split_search_path(Arena *a, const char *path, char **names, int max)
{
	int			n = 0;
	const char *p = path;

	while (*p && n < max)
	{
		StrBuf		sb;

		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (!*p)
			break;
		strbuf_init_arena(&sb, a);
		if (*p == '"')
		{
			p++;
			while (*p)
			{
				if (*p == '"')
				{
					if (p[1] == '"')
					{
						strbuf_putc(&sb, '"');
						p += 2;
						continue;
					}
					p++;
					break;
				}
				strbuf_putc(&sb, *p++);
			}
		}
		else
		{
			while (*p && *p != ',' && *p != ' ' && *p != '\t')
			{
				char		ch = *p++;

				if (ch >= 'A' && ch <= 'Z')
					ch = (char) (ch - 'A' + 'a');
				strbuf_putc(&sb, ch);
			}
		}
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == ',')
			p++;
		names[n++] = sb.data;
	}
	return n;
}

static int
resolve_path(SqlSession *s, const Catalog *c, bool include_implicit, const CatSchema **out, int max)
{
	char	   *names[64];
	int			nn;
	int			n = 0;
	bool		have_catalog = false;
	Arena		tmp;

	arena_init(&tmp, 512);
	if (include_implicit && s->temp_schema && n < max)
	{
		/* The session's temporary schema is searched first, as PostgreSQL's pg_temp. */
		const CatSchema *ts = catalog_schema_by_oid(c, s->temp_schema);

		if (ts && out != NULL)
			out[n++] = ts;
	}
	nn = split_search_path(&tmp, guc_str(s->gucs, GUC_SEARCH_PATH), names, 64);
	for (int i = 0; i < nn; i++)
		if (strcmp(names[i], "pg_catalog") == 0)
			have_catalog = true;
	if (include_implicit && !have_catalog && n < max)
		out[n++] = catalog_schema(c, "pg_catalog");
	for (int i = 0; i < nn && n < max; i++)
	{
		const char *name = strcmp(names[i], "$user") == 0 ? s->user : names[i];
		const CatSchema *sc = catalog_schema(c, name);
		bool		dup = false;

		if (!sc)
			continue;
		for (int k = 0; k < n; k++)
			if (out[k] == sc)
				dup = true;
		if (!dup)
			out[n++] = sc;
	}
	arena_destroy(&tmp);
	return n;
}

int
search_path_oids(SqlSession *s, const Catalog *c, bool include_implicit, Oid *oids, int max)
{
	const CatSchema *sc[64];
	int			n = resolve_path(s, c, include_implicit, sc, max < 64 ? max : 64);

	for (int i = 0; i < n; i++)
		oids[i] = sc[i]->oid;
	return n;
}

int
session_search_path(SqlSession *s, bool include_implicit, const char **names, int max)
{
	const Catalog *c = session_catalog(s);
	const CatSchema *sc[64];
	Oid			temp = s->temp_schema;
	int			n;

	s->temp_schema = InvalidOid;	/* current_schemas() does not list pg_temp */
	n = resolve_path(s, c, include_implicit, sc, max < 64 ? max : 64);
	s->temp_schema = temp;
	for (int i = 0; i < n; i++)
		names[i] = sc[i]->name;
	return n;
}
