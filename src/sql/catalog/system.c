/*
 * system.c — system catalogs as virtual, read-only tables computed from the
 * catalog of the running statement: pg_namespace, pg_class, pg_attribute,
 * pg_type, pg_database, pg_roles, pg_tables, pg_indexes, and
 * information_schema.schemata / tables / columns.
 *
 * Design notes:
 *   - Each virtual table is a CatTable (relkind 'v') built once at start-up
 *     and never freed; its rows are produced by system_rows() when a scan
 *     starts, from the same catalog snapshot the statement reads, so they
 *     are consistent with it.  Only a useful subset of PostgreSQL's columns
 *     exists; selecting any other column fails with 42703 as for a table.
 *   - OIDs of the catalogs are PostgreSQL's, so regclass values and joins
 *     written against PostgreSQL keep their meaning.
 *
 * Invariants:
 *   1. The virtual tables are immutable after system_init().
 */
#include <stdio.h>
#include <string.h>

#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>

#include "../catalog.h"
#include "../engine.h"
#include "../system.h"

#define INFO_SCHEMA_NAMESPACE 13000

typedef struct SysCol
{
	const char *name;
	Oid			type;
} SysCol;

typedef struct SysDef
{
	Oid			oid;
	Oid			schema;
	const char *name;
	int			ncols;
	SysCol		cols[16];
} SysDef;

enum
{
	SYS_NAMESPACE, SYS_CLASS, SYS_ATTRIBUTE, SYS_TYPE, SYS_DATABASE, SYS_ROLES, SYS_TABLES, SYS_INDEXES,
	SYS_IS_SCHEMATA, SYS_IS_TABLES, SYS_IS_COLUMNS, SYS_AM, SYS_INDEX, SYS_COUNT
};

static const SysDef sys_defs[SYS_COUNT] = {
	[SYS_NAMESPACE] = {2615, PG_CATALOG_NAMESPACE, "pg_namespace", 3,
	{{"oid", OIDOID}, {"nspname", NAMEOID}, {"nspowner", OIDOID}}},
	[SYS_CLASS] = {1259, PG_CATALOG_NAMESPACE, "pg_class", 10,
		{{"oid", OIDOID}, {"relname", NAMEOID}, {"relnamespace", OIDOID}, {"relowner", OIDOID},
			{"relkind", CHAROID}, {"relnatts", INT2OID}, {"relhasindex", BOOLOID}, {"relpersistence", CHAROID},
		{"reltuples", FLOAT4OID}, {"relam", OIDOID}}},
	[SYS_AM] = {2601, PG_CATALOG_NAMESPACE, "pg_am", 3,
	{{"oid", OIDOID}, {"amname", NAMEOID}, {"amtype", CHAROID}}},
	[SYS_ATTRIBUTE] = {1249, PG_CATALOG_NAMESPACE, "pg_attribute", 9,
		{{"attrelid", OIDOID}, {"attname", NAMEOID}, {"atttypid", OIDOID}, {"attnum", INT2OID},
			{"attlen", INT2OID}, {"atttypmod", INT4OID}, {"attnotnull", BOOLOID}, {"atthasdef", BOOLOID},
		{"attisdropped", BOOLOID}}},
	[SYS_TYPE] = {1247, PG_CATALOG_NAMESPACE, "pg_type", 9,
		{{"oid", OIDOID}, {"typname", NAMEOID}, {"typnamespace", OIDOID}, {"typlen", INT2OID},
			{"typbyval", BOOLOID}, {"typtype", CHAROID}, {"typcategory", CHAROID}, {"typelem", OIDOID},
		{"typarray", OIDOID}}},
	[SYS_DATABASE] = {1262, PG_CATALOG_NAMESPACE, "pg_database", 11,
		{{"oid", OIDOID}, {"datname", NAMEOID}, {"datdba", OIDOID}, {"encoding", INT4OID},
			{"datistemplate", BOOLOID}, {"datallowconn", BOOLOID}, {"datcollate", TEXTOID}, {"datctype", TEXTOID},
		{"daticulocale", TEXTOID}, {"datlocprovider", CHAROID}, {"datacl", TEXTARRAYOID}}},
	[SYS_INDEX] = {2610, PG_CATALOG_NAMESPACE, "pg_index", 5,
		{{"indexrelid", OIDOID}, {"indrelid", OIDOID}, {"indnatts", INT2OID}, {"indisunique", BOOLOID},
		{"indisprimary", BOOLOID}}},
	[SYS_ROLES] = {12001, PG_CATALOG_NAMESPACE, "pg_roles", 4,
	{{"oid", OIDOID}, {"rolname", NAMEOID}, {"rolsuper", BOOLOID}, {"rolcanlogin", BOOLOID}}},
	[SYS_TABLES] = {12002, PG_CATALOG_NAMESPACE, "pg_tables", 8,
		{{"schemaname", NAMEOID}, {"tablename", NAMEOID}, {"tableowner", NAMEOID}, {"tablespace", NAMEOID},
		{"hasindexes", BOOLOID}, {"hasrules", BOOLOID}, {"hastriggers", BOOLOID}, {"rowsecurity", BOOLOID}}},
	[SYS_INDEXES] = {12003, PG_CATALOG_NAMESPACE, "pg_indexes", 5,
		{{"schemaname", NAMEOID}, {"tablename", NAMEOID}, {"indexname", NAMEOID}, {"tablespace", NAMEOID},
		{"indexdef", TEXTOID}}},
	[SYS_IS_SCHEMATA] = {13001, INFO_SCHEMA_NAMESPACE, "schemata", 3,
	{{"catalog_name", NAMEOID}, {"schema_name", NAMEOID}, {"schema_owner", NAMEOID}}},
	[SYS_IS_TABLES] = {13002, INFO_SCHEMA_NAMESPACE, "tables", 5,
		{{"table_catalog", NAMEOID}, {"table_schema", NAMEOID}, {"table_name", NAMEOID},
		{"table_type", VARCHAROID}, {"is_insertable_into", VARCHAROID}}},
	[SYS_IS_COLUMNS] = {13003, INFO_SCHEMA_NAMESPACE, "columns", 10,
		{{"table_catalog", NAMEOID}, {"table_schema", NAMEOID}, {"table_name", NAMEOID},
			{"column_name", NAMEOID}, {"ordinal_position", INT4OID}, {"column_default", VARCHAROID},
			{"is_nullable", VARCHAROID}, {"data_type", VARCHAROID}, {"character_maximum_length", INT4OID},
		{"is_identity", VARCHAROID}}},
};

static CatTable *sys_tables[SYS_COUNT];

void
system_init(void)
{
	for (int i = 0; i < SYS_COUNT; i++)
	{
		const SysDef *d = &sys_defs[i];
		CatTable   *t = cattable_new(d->oid, d->schema, d->name, 'v');

		t->refcount = 1 << 30;	/* never freed */
		for (int c = 0; c < d->ncols; c++)
			cattable_add_column(t, d->cols[c].name, d->cols[c].type, -1);
		cattable_finish(t);
		sys_tables[i] = t;
	}
}

static bool
needs_quotes(const char *s)
{
	if (!((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
		return true;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '$'))
			return true;
	return false;
}

static void
put_ident(StrBuf *out, const char *s)
{
	if (!needs_quotes(s))
	{
		strbuf_puts(out, s);
		return;
	}
	strbuf_putc(out, '"');
	for (const char *p = s; *p; p++)
	{
		if (*p == '"')
			strbuf_putc(out, '"');
		strbuf_putc(out, *p);
	}
	strbuf_putc(out, '"');
}

bool
sql_regclass_name(SqlSession *s, Oid oid, StrBuf *out)
{
	const Catalog *c;
	const CatTable *t;
	const char *name = NULL;
	Oid			schema = InvalidOid;
	Oid			path[64];
	int			n;
	bool		visible = false;

	if (!s)
		return false;
	c = session_catalog(s);
	if ((t = catalog_table_by_oid(c, oid)) || (t = system_table_by_oid(oid)))
	{
		name = t->name;
		schema = t->schema;
	}
	else
	{
		for (int i = 0; i < c->ntables && !name; i++)
			for (int k = 0; k < c->tables[i]->nindexes; k++)
				if (c->tables[i]->indexes[k].oid == oid)
				{
					name = c->tables[i]->indexes[k].name;
					schema = c->tables[i]->schema;
				}
	}
	if (!name)
		return false;
	n = search_path_oids(s, c, true, path, 64);
	for (int i = 0; i < n; i++)
	{
		const CatIndex *ix;

		if (path[i] == schema)
		{
			visible = true;
			break;
		}
		if (catalog_table_in(c, path[i], name) || catalog_index_in(c, path[i], name, &ix))
			break;				/* shadowed by an earlier schema */
	}
	if (!visible)
	{
		const CatSchema *sc = catalog_schema_by_oid(c, schema);

		put_ident(out, sc ? sc->name : schema == PG_CATALOG_NAMESPACE ? "pg_catalog" : "information_schema");
		strbuf_putc(out, '.');
	}
	put_ident(out, name);
	return true;
}

void
system_shutdown(void)
{
	for (int i = 0; i < SYS_COUNT; i++)
	{
		if (sys_tables[i])
			arena_free(sys_tables[i]->arena);
		sys_tables[i] = NULL;
	}
}

const CatTable *
system_table(const char *schema, const char *name)
{
	Oid			ns;

	if (!schema || strcmp(schema, "pg_catalog") == 0)
		ns = PG_CATALOG_NAMESPACE;
	else if (strcmp(schema, "information_schema") == 0)
		ns = INFO_SCHEMA_NAMESPACE;
	else
		return NULL;
	for (int i = 0; i < SYS_COUNT; i++)
		if (sys_tables[i] && sys_defs[i].schema == ns && strcmp(sys_defs[i].name, name) == 0)
			return sys_tables[i];
	return NULL;
}

const CatTable *
system_table_by_oid(Oid oid)
{
	for (int i = 0; i < SYS_COUNT; i++)
		if (sys_tables[i] && sys_tables[i]->oid == oid)
			return sys_tables[i];
	return NULL;
}

/* ---- rows ------------------------------------------------------------------ */

typedef struct RowBuf
{
	SysRows    *out;
	Arena	   *a;
	int			ncols;
	Datum	   *v;
	bool	   *n;
} RowBuf;

static void
rb_start(RowBuf *rb)
{
	rb->v = arena_new_array(rb->a, Datum, rb->ncols);
	rb->n = arena_new_array(rb->a, bool, rb->ncols);
	for (int i = 0; i < rb->ncols; i++)
		rb->n[i] = true;
}

static void
rb_text(RowBuf *rb, int c, const char *s)
{
	if (!s)
		return;
	rb->v[c] = cstring_text_datum(rb->a, s);
	rb->n[c] = false;
}

static void
rb_val(RowBuf *rb, int c, Datum d)
{
	rb->v[c] = d;
	rb->n[c] = false;
}

static void
rb_end(RowBuf *rb)
{
	SysRows    *o = rb->out;

	if (o->nrows == o->cap)
	{
		int			ncap = o->cap ? o->cap * 2 : 32;

		o->values = arena_realloc(rb->a, o->values, sizeof(Datum *) * o->cap, sizeof(Datum *) * ncap);
		o->nulls = arena_realloc(rb->a, o->nulls, sizeof(bool *) * o->cap, sizeof(bool *) * ncap);
		o->cap = ncap;
	}
	o->values[o->nrows] = rb->v;
	o->nulls[o->nrows] = rb->n;
	o->nrows++;
}

static const char *
schema_name_of(const Catalog *c, Oid oid)
{
	const CatSchema *sc;

	if (oid == INFO_SCHEMA_NAMESPACE)
		return "information_schema";
	sc = catalog_schema_by_oid(c, oid);
	return sc ? sc->name : "?";
}

static const char *
type_name_of(Arena *a, Oid type, int32_t typmod)
{
	StrBuf		sb;

	strbuf_init_arena(&sb, a);
	type_format(type, typmod, &sb);
	return sb.data;
}

/* CREATE [UNIQUE] INDEX name ON schema.table USING btree (a, b DESC) */
static const char *
index_def(Arena *a, const Catalog *c, const CatTable *t, const CatIndex *ix)
{
	StrBuf		sb;

	strbuf_init_arena(&sb, a);
	strbuf_printf(&sb, "CREATE %sINDEX %s ON %s.%s USING btree (", ix->unique ? "UNIQUE " : "", ix->name,
				  schema_name_of(c, t->schema), t->name);
	for (int k = 0; k < ix->ncols; k++)
	{
		if (k)
			strbuf_puts(&sb, ", ");
		strbuf_puts(&sb, t->cols[ix->attnums[k] - 1].name);
		if (ix->flags[k] & IDXKEY_DESC)
			strbuf_puts(&sb, (ix->flags[k] & IDXKEY_NULLS_FIRST) ? " DESC" : " DESC NULLS LAST");
		else if (ix->flags[k] & IDXKEY_NULLS_FIRST)
			strbuf_puts(&sb, " NULLS FIRST");
	}
	strbuf_putc(&sb, ')');
	return sb.data;
}

typedef struct DbArg
{
	RowBuf	   *rb;
} DbArg;

static void
db_row(void *arg, const char *name, Oid oid)
{
	RowBuf	   *rb = ((DbArg *) arg)->rb;

	rb_start(rb);
	rb_val(rb, 0, ObjectIdGetDatum(oid));
	rb_text(rb, 1, name);
	rb_val(rb, 2, ObjectIdGetDatum(10));
	rb_val(rb, 3, Int32GetDatum(6));
	rb_val(rb, 4, BoolGetDatum(strncmp(name, "template", 8) == 0));
	rb_val(rb, 5, BoolGetDatum(strcmp(name, "template0") != 0));
	rb_text(rb, 6, "C.UTF-8");
	rb_text(rb, 7, "C.UTF-8");
	rb_val(rb, 9, (Datum) 'c');
	rb_end(rb);
}

static void
role_row(void *arg, Oid oid, const char *name, bool superuser, bool can_login)
{
	RowBuf	   *rb = arg;

	rb_start(rb);
	rb_val(rb, 0, ObjectIdGetDatum(oid));
	rb_text(rb, 1, name);
	rb_val(rb, 2, BoolGetDatum(superuser));
	rb_val(rb, 3, BoolGetDatum(can_login));
	rb_end(rb);
}

void
system_rows(SqlSession *s, const Catalog *c, const CatTable *vt, Arena *a, SysRows *out)
{
	RowBuf		rb = {.out = out, .a = a, .ncols = vt->ncols};
	int			which = -1;

	memset(out, 0, sizeof(*out));
	for (int i = 0; i < SYS_COUNT; i++)
		if (sys_tables[i] == vt)
			which = i;
	switch (which)
	{
		case SYS_NAMESPACE:
		case SYS_IS_SCHEMATA:
			for (int i = 0; i <= c->nschemas; i++)
			{
				Oid			oid = i < c->nschemas ? c->schemas[i].oid : INFO_SCHEMA_NAMESPACE;
				const char *name = i < c->nschemas ? c->schemas[i].name : "information_schema";

				rb_start(&rb);
				if (which == SYS_NAMESPACE)
				{
					rb_val(&rb, 0, ObjectIdGetDatum(oid));
					rb_text(&rb, 1, name);
					rb_val(&rb, 2, ObjectIdGetDatum(i < c->nschemas ? c->schemas[i].owner : 10));
				}
				else
				{
					rb_text(&rb, 0, s->dbname);
					rb_text(&rb, 1, name);
					rb_text(&rb, 2, s->user);
				}
				rb_end(&rb);
			}
			break;
		case SYS_CLASS:
			for (int i = 0; i < c->ntables + SYS_COUNT; i++)
			{
				const CatTable *t = i < c->ntables ? c->tables[i] : sys_tables[i - c->ntables];

				rb_start(&rb);
				rb_val(&rb, 0, ObjectIdGetDatum(t->oid));
				rb_text(&rb, 1, t->name);
				rb_val(&rb, 2, ObjectIdGetDatum(t->schema));
				rb_val(&rb, 3, ObjectIdGetDatum(10));
				rb_val(&rb, 4, (Datum) (t->relkind == 'v' && t->oid < 12000 ? 'r' : t->relkind));
				rb_val(&rb, 5, Int16GetDatum((int16_t) t->ncols));
				rb_val(&rb, 6, BoolGetDatum(t->nindexes > 0));
				rb_val(&rb, 7, (Datum) 'p');
				rb_val(&rb, 8, Float4GetDatum(-1));
				rb_val(&rb, 9, ObjectIdGetDatum(t->relkind == 'S' ? 0 : 2));
				rb_end(&rb);
				for (int k = 0; k < t->nindexes; k++)
				{
					rb_start(&rb);
					rb_val(&rb, 0, ObjectIdGetDatum(t->indexes[k].oid));
					rb_text(&rb, 1, t->indexes[k].name);
					rb_val(&rb, 2, ObjectIdGetDatum(t->schema));
					rb_val(&rb, 3, ObjectIdGetDatum(10));
					rb_val(&rb, 4, (Datum) 'i');
					rb_val(&rb, 5, Int16GetDatum((int16_t) t->indexes[k].ncols));
					rb_val(&rb, 6, BoolGetDatum(false));
					rb_val(&rb, 7, (Datum) 'p');
					rb_val(&rb, 8, Float4GetDatum(-1));
					rb_val(&rb, 9, ObjectIdGetDatum(403));
					rb_end(&rb);
				}
			}
			break;
		case SYS_INDEX:
			for (int i = 0; i < c->ntables; i++)
				for (int k = 0; k < c->tables[i]->nindexes; k++)
				{
					const CatIndex *ix = &c->tables[i]->indexes[k];

					rb_start(&rb);
					rb_val(&rb, 0, ObjectIdGetDatum(ix->oid));
					rb_val(&rb, 1, ObjectIdGetDatum(c->tables[i]->oid));
					rb_val(&rb, 2, Int16GetDatum((int16_t) ix->ncols));
					rb_val(&rb, 3, BoolGetDatum(ix->unique));
					rb_val(&rb, 4, BoolGetDatum(ix->primary));
					rb_end(&rb);
				}
			break;
		case SYS_AM:
			{
				static const struct
				{
					Oid			oid;
					const char *name;
					char		type;
				}			ams[] = {{2, "heap", 't'}, {403, "btree", 'i'}};

				for (int i = 0; i < 2; i++)
				{
					rb_start(&rb);
					rb_val(&rb, 0, ObjectIdGetDatum(ams[i].oid));
					rb_text(&rb, 1, ams[i].name);
					rb_val(&rb, 2, (Datum) ams[i].type);
					rb_end(&rb);
				}
				break;
			}
		case SYS_ATTRIBUTE:
			for (int i = 0; i < c->ntables; i++)
			{
				const CatTable *t = c->tables[i];

				for (int k = 0; k < t->ncols; k++)
				{
					const CatColumn *col = &t->cols[k];

					rb_start(&rb);
					rb_val(&rb, 0, ObjectIdGetDatum(t->oid));
					rb_text(&rb, 1, col->name);
					rb_val(&rb, 2, ObjectIdGetDatum(col->dropped ? 0 : col->type));
					rb_val(&rb, 3, Int16GetDatum(col->attnum));
					rb_val(&rb, 4, Int16GetDatum(col->mt ? col->mt->typlen : -1));
					rb_val(&rb, 5, Int32GetDatum(col->typmod));
					rb_val(&rb, 6, BoolGetDatum(col->notnull));
					rb_val(&rb, 7, BoolGetDatum(col->default_expr != NULL));
					rb_val(&rb, 8, BoolGetDatum(col->dropped));
					rb_end(&rb);
				}
			}
			break;
		case SYS_TYPE:
			{
				int			n;
				const MgType *const *all = type_all(&n);

				for (int i = 0; i < n; i++)
				{
					const MgType *t = all[i];

					rb_start(&rb);
					rb_val(&rb, 0, ObjectIdGetDatum(t->oid));
					rb_text(&rb, 1, t->name);
					rb_val(&rb, 2, ObjectIdGetDatum(PG_CATALOG_NAMESPACE));
					rb_val(&rb, 3, Int16GetDatum(t->typlen));
					rb_val(&rb, 4, BoolGetDatum(t->byval));
					rb_val(&rb, 5, (Datum) (t->category == 'P' ? 'p' : 'b'));
					rb_val(&rb, 6, (Datum) (unsigned char) t->category);
					rb_val(&rb, 7, ObjectIdGetDatum(t->elem));
					rb_val(&rb, 8, ObjectIdGetDatum(t->array));
					rb_end(&rb);
				}
				break;
			}
		case SYS_DATABASE:
			{
				DbArg		da = {.rb = &rb};

				st_cluster_foreach(sql_cluster, db_row, &da);
				break;
			}
		case SYS_ROLES:
			cluster_roles_foreach(role_row, &rb);
			break;
		case SYS_TABLES:
		case SYS_IS_TABLES:
			for (int i = 0; i < c->ntables + SYS_COUNT; i++)
			{
				const CatTable *t = i < c->ntables ? c->tables[i] : sys_tables[i - c->ntables];

				if (t->relkind == 'S' || (which == SYS_TABLES && t->relkind == 'v' && t->oid >= 12000))
					continue;
				rb_start(&rb);
				if (which == SYS_TABLES)
				{
					rb_text(&rb, 0, schema_name_of(c, t->schema));
					rb_text(&rb, 1, t->name);
					rb_text(&rb, 2, s->user);
					rb_val(&rb, 4, BoolGetDatum(t->nindexes > 0));
					rb_val(&rb, 5, BoolGetDatum(false));
					rb_val(&rb, 6, BoolGetDatum(false));
					rb_val(&rb, 7, BoolGetDatum(false));
				}
				else
				{
					bool		view = t->relkind == 'v' && t->oid >= 12000;

					rb_text(&rb, 0, s->dbname);
					rb_text(&rb, 1, schema_name_of(c, t->schema));
					rb_text(&rb, 2, t->name);
					rb_text(&rb, 3, view ? "VIEW" : "BASE TABLE");
					rb_text(&rb, 4, view ? "NO" : "YES");
				}
				rb_end(&rb);
			}
			break;
		case SYS_INDEXES:
			for (int i = 0; i < c->ntables; i++)
			{
				const CatTable *t = c->tables[i];

				for (int k = 0; k < t->nindexes; k++)
				{
					rb_start(&rb);
					rb_text(&rb, 0, schema_name_of(c, t->schema));
					rb_text(&rb, 1, t->name);
					rb_text(&rb, 2, t->indexes[k].name);
					rb_text(&rb, 4, index_def(a, c, t, &t->indexes[k]));
					rb_end(&rb);
				}
			}
			break;
		case SYS_IS_COLUMNS:
			for (int i = 0; i < c->ntables; i++)
			{
				const CatTable *t = c->tables[i];
				int			pos = 0;

				if (t->relkind != 'r')
					continue;
				for (int k = 0; k < t->ncols; k++)
				{
					const CatColumn *col = &t->cols[k];

					if (col->dropped)
						continue;
					pos++;
					rb_start(&rb);
					rb_text(&rb, 0, s->dbname);
					rb_text(&rb, 1, schema_name_of(c, t->schema));
					rb_text(&rb, 2, t->name);
					rb_text(&rb, 3, col->name);
					rb_val(&rb, 4, Int32GetDatum(pos));
					rb_text(&rb, 5, col->default_text);
					rb_text(&rb, 6, col->notnull ? "NO" : "YES");
					rb_text(&rb, 7, type_name_of(a, col->type, -1));
					if ((col->type == VARCHAROID || col->type == BPCHAROID) && col->typmod >= 4)
						rb_val(&rb, 8, Int32GetDatum(col->typmod - 4));
					rb_text(&rb, 9, col->identity ? "YES" : "NO");
					rb_end(&rb);
				}
			}
			break;
		default:
			break;
	}
}
