/*
 * sysint.h — internals shared by the files that compute the virtual system
 * catalogs (catalog/system.c, catalog/sysregistry.c, catalog/infoschema.c):
 * the row builder, the producers of the catalogs read from the process-wide
 * registries and those of the information_schema views.
 *
 * A RowBuf fills one row of a virtual table column by column, in the
 * order of the table's definition (rb_* appends to the next column; rb_end
 * checks every column was given and appends the row to the SysRows).  All
 * memory comes from the RowBuf's arena (the scan's run arena).  Only the
 * thread running the scan uses a RowBuf.
 */
#ifndef MEMGRES_SQL_CATALOG_SYSINT_H
#define MEMGRES_SQL_CATALOG_SYSINT_H

#include <assert.h>
#include <string.h>

#include <memgres/arena.h>
#include <memgres/types.h>

#include "../engine.h"
#include "../system.h"

#define BOOTSTRAP_SUPERUSER 10

typedef struct RowBuf
{
	SysRows    *out;
	Arena	   *a;
	int			ncols;
	int			next;			/* the column the next rb_* call fills */
	Datum	   *v;
	bool	   *n;
} RowBuf;

static inline void
rb_start(RowBuf *rb)
{
	rb->v = arena_new_array(rb->a, Datum, rb->ncols);
	rb->n = arena_new_array(rb->a, bool, rb->ncols);
	rb->next = 0;
	for (int i = 0; i < rb->ncols; i++)
		rb->n[i] = true;
}

static inline void
rb_val(RowBuf *rb, Datum d)
{
	assert(rb->next < rb->ncols);
	rb->v[rb->next] = d;
	rb->n[rb->next] = false;
	rb->next++;
}

static inline void
rb_null(RowBuf *rb)
{
	assert(rb->next < rb->ncols);
	rb->next++;
}

/* text, name and varchar values alike: NULL s gives NULL */
static inline void
rb_text(RowBuf *rb, const char *s)
{
	if (!s)
		rb_null(rb);
	else
		rb_val(rb, cstring_text_datum(rb->a, s));
}

static inline void
rb_oid(RowBuf *rb, Oid o)
{
	rb_val(rb, ObjectIdGetDatum(o));
}

static inline void
rb_bool(RowBuf *rb, bool b)
{
	rb_val(rb, BoolGetDatum(b));
}

static inline void
rb_char(RowBuf *rb, char c)
{
	rb_val(rb, (Datum) (unsigned char) c);
}

static inline void
rb_i2(RowBuf *rb, int v)
{
	rb_val(rb, Int16GetDatum((int16_t) v));
}

static inline void
rb_i4(RowBuf *rb, int32_t v)
{
	rb_val(rb, Int32GetDatum(v));
}

static inline void
rb_i8(RowBuf *rb, int64_t v)
{
	rb_val(rb, Int64GetDatum(v));
}

static inline void
rb_f4(RowBuf *rb, float v)
{
	rb_val(rb, Float4GetDatum(v));
}

/* A one-dimensional array (lower bound lb: 0 for int2vector/oidvector, 1 for arrays) of n elements. */
static inline void
rb_array(RowBuf *rb, Oid elemtype, int n, const Datum *values, int lb)
{
	rb_val(rb, array_construct(rb->a, elemtype, n, values, NULL, lb));
}

static inline void
rb_end(RowBuf *rb)
{
	SysRows    *o = rb->out;

	assert(rb->next == rb->ncols);
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

/* Whether schema is another session's temporary schema (pg_is_other_temp_schema). */
static inline bool
sys_other_temp_schema(const SqlSession *s, const Catalog *c, Oid schema)
{
	return schema != s->temp_schema && strncmp(system_schema_name(c, schema), "pg_temp_", 8) == 0;
}

/* The catalogs computed from the registries (sysregistry.c). */
void		registry_type_rows(RowBuf *rb);
void		registry_proc_rows(RowBuf *rb);
void		registry_operator_rows(RowBuf *rb);
void		registry_settings_rows(SqlSession *s, RowBuf *rb);
void		registry_collation_rows(RowBuf *rb);
void		registry_tablespace_rows(RowBuf *rb);
void		registry_language_rows(RowBuf *rb);
void		registry_am_rows(RowBuf *rb);

/*
 * The information_schema views computed from the catalog (infoschema.c):
 * rows as PostgreSQL 15's views show them to a superuser.
 */
void		infoschema_columns_rows(SqlSession *s, const Catalog *c, RowBuf *rb);
void		infoschema_table_constraints_rows(SqlSession *s, const Catalog *c, RowBuf *rb);
void		infoschema_key_column_usage_rows(SqlSession *s, const Catalog *c, RowBuf *rb);
void		infoschema_constraint_column_usage_rows(SqlSession *s, const Catalog *c, RowBuf *rb);
void		infoschema_referential_constraints_rows(SqlSession *s, const Catalog *c, RowBuf *rb);
void		infoschema_check_constraints_rows(SqlSession *s, const Catalog *c, RowBuf *rb);
void		infoschema_constraint_table_usage_rows(SqlSession *s, const Catalog *c, RowBuf *rb);
/* element_types: the element type of every array column */
void		infoschema_element_types_rows(SqlSession *s, const Catalog *c, RowBuf *rb);
void		infoschema_sequences_rows(SqlSession *s, const Catalog *c, RowBuf *rb);
/* table_privileges, or column_privileges when columns: the owner's privileges on every table */
void		infoschema_privileges_rows(SqlSession *s, const Catalog *c, RowBuf *rb, bool columns);

#endif
