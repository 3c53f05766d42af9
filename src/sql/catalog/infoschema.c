/*
 * infoschema.c — the rows of the information_schema views computed from
 * the catalog: columns, table_constraints, key_column_usage,
 * constraint_column_usage, referential_constraints, check_constraints,
 * constraint_table_usage, element_types, sequences, table_privileges and
 * column_privileges (also read for role_table_grants and
 * role_column_grants).  schemata, tables, information_schema_catalog_name
 * and character_sets are produced in system.c; views, triggers, routines,
 * parameters, domains, view_table_usage, view_column_usage,
 * user_defined_types and attributes are always empty.
 *
 * Design notes:
 *   - Each producer follows the definition of the view in PostgreSQL 15's
 *     information_schema.sql as a superuser sees it: the same rows, the
 *     same values, NULL where PostgreSQL's view gives NULL.  Only the
 *     user's tables (relkind 'r') are described: the system catalogs have
 *     no constraints in memgres, and their columns (which PostgreSQL's
 *     columns view lists) are left out.
 *   - NOT NULL columns appear, as in PostgreSQL 15, as CHECK constraints
 *     named "<schema oid>_<table oid>_<attnum>_not_null" whose clause is
 *     "<column> IS NOT NULL".
 *   - Columns have the base types of PostgreSQL's domains: name for
 *     sql_identifier, varchar for character_data and yes_or_no, int4 for
 *     cardinal_number, so values print as PostgreSQL prints them.
 *   - Other sessions' temporary tables are left out where PostgreSQL's
 *     view says NOT pg_is_other_temp_schema (tables, columns,
 *     table_constraints, key_column_usage, sequences) and only there.
 *   - Every table is owned by the bootstrap superuser and memgres has no
 *     GRANT, so the privilege views list the owner's full privileges
 *     (acldefault), granted by and to the session's user as pg_tables
 *     names the owner.
 *
 * Invariants: columns are filled in the order of the view's definition in
 * system.c (sysint.h); the catalog read is the statement's snapshot and is
 * not modified.
 */
#include <stdio.h>
#include <string.h>

#include <memgres/error.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "../catalog.h"
#include "../engine.h"
#include "../system.h"
#include "sysint.h"

#define UTF8_MAX_CHAR_LEN 4		/* pg_encoding_max_length(UTF8) */
#define TEXT_OCTET_LENGTH 1073741824	/* PostgreSQL's limit on a varlena */
#define INTERVAL_FULL_RANGE 0x7FFF

static bool
is_user_table(const CatTable *t)
{
	return t->relkind == 'r';
}

static const char *
yes_no(bool b)
{
	return b ? "YES" : "NO";
}

static void
rb_i4_or_null(RowBuf *rb, bool isnull, int32_t v)
{
	if (isnull)
		rb_null(rb);
	else
		rb_i4(rb, v);
}

static const char *
i8_text(Arena *a, int64_t v)
{
	return arena_sprintf(a, "%lld", (long long) v);
}

/* The sequence that implements the identity of column attnum of table relid, or NULL. */
static const CatSequence *
identity_sequence(const Catalog *c, Oid relid, int attnum)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (t->relkind == 'S' && t->seq && t->seq->owned_by_table == relid && t->seq->owned_by_col == attnum)
			return t->seq;
	}
	return NULL;
}

/* format_type(type, NULL): as with typmod -1, but bpchar is "character". */
static const char *
type_name_no_typmod(Arena *a, Oid type)
{
	StrBuf		sb;

	if (type == BPCHAROID)
		return "character";
	strbuf_init_arena(&sb, a);
	type_format(type, -1, &sb);
	return sb.data;
}

/* _pg_interval_type: the fields of an interval typmod, upper-cased ("DAY TO SECOND(2)"), or NULL. */
static const char *
interval_fields(Arena *a, int32_t typmod)
{
	StrBuf		sb;
	const char *p;
	char	   *r;

	if (typmod < 0 || ((typmod >> 16) & INTERVAL_FULL_RANGE) == INTERVAL_FULL_RANGE)
		return NULL;
	strbuf_init_arena(&sb, a);
	type_format(INTERVALOID, typmod, &sb);
	p = sb.data;
	if (strncmp(p, "interval", 8) != 0)
		return NULL;
	p += 8;
	while (*p == '(' || *p == ')' || (*p >= '0' && *p <= '9'))
		p++;
	if (*p != ' ')
		return NULL;
	r = arena_strdup(a, p + 1);
	for (char *q = r; *q; q++)
		if (*q >= 'a' && *q <= 'z')
			*q = (char) (*q - 'a' + 'A');
	return r;
}

static void
column_row(SqlSession *s, const Catalog *c, RowBuf *rb, const CatTable *t, const CatColumn *col)
{
	const MgType *mt = type_by_oid(col->type);
	bool		array = mt && mt->category == 'A' && mt->elem;
	Oid			ty = col->type;
	int32_t		tm = col->typmod;
	bool		chr = ty == BPCHAROID || ty == VARCHAROID;
	bool		bits = ty == BITOID || ty == VARBITOID;
	bool		ints = ty == INT2OID || ty == INT4OID || ty == INT8OID;
	bool		flts = ty == FLOAT4OID || ty == FLOAT8OID;
	bool		num = ty == NUMERICOID;
	bool		dt = ty == DATEOID || ty == TIMEOID || ty == TIMETZOID || ty == TIMESTAMPOID ||
		ty == TIMESTAMPTZOID || ty == INTERVALOID;
	const CatSequence *seq = col->identity ? identity_sequence(c, t->oid, col->attnum) : NULL;
	Oid			coll = system_type_collation(ty);

	rb_start(rb);
	rb_text(rb, s->dbname);
	rb_text(rb, system_schema_name(c, t->schema));
	rb_text(rb, t->name);
	rb_text(rb, col->name);
	rb_i4(rb, col->attnum);
	rb_text(rb, col->identity ? NULL : col->default_text);
	rb_text(rb, yes_no(!col->notnull));
	rb_text(rb, array ? "ARRAY" : type_name_no_typmod(rb->a, ty));
	/* character_maximum_length, character_octet_length */
	if (chr && tm >= 4)
		rb_i4(rb, tm - 4);
	else if (bits && tm >= 0)
		rb_i4(rb, tm);
	else
		rb_null(rb);
	if (chr || ty == TEXTOID)
		rb_i4(rb, tm < 0 ? TEXT_OCTET_LENGTH : (tm - 4) * UTF8_MAX_CHAR_LEN);
	else
		rb_null(rb);
	/* numeric_precision, numeric_precision_radix, numeric_scale */
	if (ints || flts)
		rb_i4(rb, ty == INT2OID ? 16 : ty == INT4OID ? 32 : ty == INT8OID ? 64 : ty == FLOAT4OID ? 24 : 53);
	else
		rb_i4_or_null(rb, !num || tm < 0, ((tm - 4) >> 16) & 0xFFFF);
	rb_i4_or_null(rb, !(ints || flts || num), num ? 10 : 2);
	rb_i4_or_null(rb, !(ints || (num && tm >= 0)), ints ? 0 : (tm - 4) & 0xFFFF);
	/* datetime_precision, interval_type, interval_precision */
	if (ty == DATEOID)
		rb_i4(rb, 0);
	else
		rb_i4_or_null(rb, !dt, tm < 0 ? 6 : ty != INTERVALOID ? tm : (tm & 0xFFFF) == 0xFFFF ? 6 : (tm & 0xFFFF));
	rb_text(rb, ty == INTERVALOID ? interval_fields(rb->a, tm) : NULL);
	rb_null(rb);				/* interval_precision */
	rb_null(rb);				/* character_set_catalog */
	rb_null(rb);				/* character_set_schema */
	rb_null(rb);				/* character_set_name */
	/* collation: only a collation other than "default" is named */
	if (coll != InvalidOid && coll != SYS_DEFAULT_COLLATION)
	{
		rb_text(rb, s->dbname);
		rb_text(rb, "pg_catalog");
		rb_text(rb, coll == SYS_C_COLLATION ? "C" : "POSIX");
	}
	else
	{
		rb_null(rb);
		rb_null(rb);
		rb_null(rb);
	}
	rb_null(rb);				/* domain_catalog */
	rb_null(rb);				/* domain_schema */
	rb_null(rb);				/* domain_name */
	rb_text(rb, s->dbname);		/* udt_catalog */
	rb_text(rb, "pg_catalog");
	rb_text(rb, mt ? mt->name : NULL);
	rb_null(rb);				/* scope_catalog */
	rb_null(rb);				/* scope_schema */
	rb_null(rb);				/* scope_name */
	rb_null(rb);				/* maximum_cardinality */
	rb_text(rb, arena_sprintf(rb->a, "%d", col->attnum));	/* dtd_identifier */
	rb_text(rb, "NO");			/* is_self_referencing */
	rb_text(rb, yes_no(col->identity != 0));
	rb_text(rb, col->identity == 'a' ? "ALWAYS" : col->identity == 'd' ? "BY DEFAULT" : NULL);
	rb_text(rb, seq ? i8_text(rb->a, seq->start) : NULL);
	rb_text(rb, seq ? i8_text(rb->a, seq->increment) : NULL);
	rb_text(rb, seq ? i8_text(rb->a, seq->max) : NULL);
	rb_text(rb, seq ? i8_text(rb->a, seq->min) : NULL);
	rb_text(rb, yes_no(seq && seq->cycle));
	rb_text(rb, "NEVER");		/* is_generated: memgres has no generated columns */
	rb_null(rb);				/* generation_expression */
	rb_text(rb, "YES");			/* is_updatable */
	rb_end(rb);
}

void
infoschema_columns_rows(SqlSession *s, const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (!is_user_table(t) || sys_other_temp_schema(s, c, t->schema))
			continue;
		for (int k = 0; k < t->ncols; k++)
			if (!t->cols[k].dropped)
				column_row(s, c, rb, t, &t->cols[k]);
	}
}

/* PostgreSQL 15's name of the implicit CHECK constraint of a NOT NULL column. */
static const char *
notnull_name(Arena *a, const CatTable *t, const CatColumn *col)
{
	return arena_sprintf(a, "%u_%u_%d_not_null", t->schema, t->oid, col->attnum);
}

static bool
is_key_constraint(const CatConstraint *con)
{
	return con->type == CON_PRIMARY || con->type == CON_UNIQUE || con->type == CON_FOREIGN;
}

/* constraint_catalog, constraint_schema, constraint_name */
static void
constraint_ident(SqlSession *s, const Catalog *c, RowBuf *rb, const CatTable *t, const char *name)
{
	rb_text(rb, s->dbname);
	rb_text(rb, system_schema_name(c, t->schema));
	rb_text(rb, name);
}

/* table_catalog, table_schema, table_name */
static void
table_ident(SqlSession *s, const Catalog *c, RowBuf *rb, const CatTable *t)
{
	rb_text(rb, s->dbname);
	rb_text(rb, system_schema_name(c, t->schema));
	rb_text(rb, t->name);
}

void
infoschema_table_constraints_rows(SqlSession *s, const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (!is_user_table(t) || sys_other_temp_schema(s, c, t->schema))
			continue;
		for (int k = 0; k < t->ncons; k++)
		{
			const CatConstraint *con = &t->cons[k];
			const char *type = con->type == CON_CHECK ? "CHECK" : con->type == CON_FOREIGN ? "FOREIGN KEY" :
				con->type == CON_PRIMARY ? "PRIMARY KEY" : con->type == CON_UNIQUE ? "UNIQUE" : NULL;

			if (!type)
				continue;
			rb_start(rb);
			constraint_ident(s, c, rb, t, con->name);
			table_ident(s, c, rb, t);
			rb_text(rb, type);
			rb_text(rb, "NO");	/* is_deferrable */
			rb_text(rb, "NO");	/* initially_deferred */
			rb_text(rb, "YES");	/* enforced */
			rb_text(rb, con->type == CON_UNIQUE ? "YES" : NULL);	/* nulls_distinct */
			rb_end(rb);
		}
		for (int k = 0; k < t->ncols; k++)
		{
			const CatColumn *col = &t->cols[k];

			if (col->dropped || !col->notnull)
				continue;
			rb_start(rb);
			constraint_ident(s, c, rb, t, notnull_name(rb->a, t, col));
			table_ident(s, c, rb, t);
			rb_text(rb, "CHECK");
			rb_text(rb, "NO");
			rb_text(rb, "NO");
			rb_text(rb, "YES");
			rb_null(rb);
			rb_end(rb);
		}
	}
}

/* The 1-based position of attnum among the keys of index ix of table t, or 0. */
static int
index_position(const Catalog *c, Oid table, Oid index, int attnum)
{
	const CatTable *t = catalog_table_by_oid(c, table);

	for (int k = 0; t && k < t->nindexes; k++)
		if (t->indexes[k].oid == index)
			for (int j = 0; j < t->indexes[k].ncols; j++)
				if (t->indexes[k].attnums[j] == attnum)
					return j + 1;
	return 0;
}

static const CatColumn *
column_at(const CatTable *t, int attnum)
{
	for (int k = 0; t && k < t->ncols; k++)
		if (t->cols[k].attnum == attnum)
			return t->cols[k].dropped ? NULL : &t->cols[k];
	return NULL;
}

void
infoschema_key_column_usage_rows(SqlSession *s, const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (!is_user_table(t) || sys_other_temp_schema(s, c, t->schema))
			continue;
		for (int k = 0; k < t->ncons; k++)
		{
			const CatConstraint *con = &t->cons[k];

			if (!is_key_constraint(con))
				continue;
			for (int j = 0; j < con->ncols; j++)
			{
				const CatColumn *col = column_at(t, con->cols[j]);
				int			pos;

				if (!col)
					continue;
				rb_start(rb);
				constraint_ident(s, c, rb, t, con->name);
				table_ident(s, c, rb, t);
				rb_text(rb, col->name);
				rb_i4(rb, j + 1);
				pos = con->type == CON_FOREIGN ?
					index_position(c, con->ref_table, con->ref_index, con->ref_cols[j]) : 0;
				rb_i4_or_null(rb, con->type != CON_FOREIGN || pos == 0, pos);
				rb_end(rb);
			}
		}
	}
}

static void
column_usage_row(SqlSession *s, const Catalog *c, RowBuf *rb, const CatTable *t, const CatColumn *col,
				 const CatTable *cont, const CatConstraint *con)
{
	rb_start(rb);
	table_ident(s, c, rb, t);
	rb_text(rb, col->name);
	constraint_ident(s, c, rb, cont, con->name);
	rb_end(rb);
}

void
infoschema_constraint_column_usage_rows(SqlSession *s, const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (!is_user_table(t))
			continue;
		for (int k = 0; k < t->ncons; k++)
		{
			const CatConstraint *con = &t->cons[k];

			if (con->type == CON_CHECK && con->check)
			{
				bool		used[1600] = {false};
				int			ncols = t->ncols < 1600 ? t->ncols : 1600;

				expr_collect_vars(con->check, used, ncols);
				for (int j = 0; j < ncols; j++)
					if (used[j] && !t->cols[j].dropped)
						column_usage_row(s, c, rb, t, &t->cols[j], t, con);
			}
			else if (con->type == CON_FOREIGN)
			{
				const CatTable *ref = catalog_table_by_oid(c, con->ref_table);

				for (int j = 0; j < con->ncols; j++)
				{
					const CatColumn *col = column_at(ref, con->ref_cols[j]);

					if (col)
						column_usage_row(s, c, rb, ref, col, t, con);
				}
			}
			else if (is_key_constraint(con))
				for (int j = 0; j < con->ncols; j++)
				{
					const CatColumn *col = column_at(t, con->cols[j]);

					if (col)
						column_usage_row(s, c, rb, t, col, t, con);
				}
		}
	}
}

static const char *
fk_rule(char action)
{
	switch (action)
	{
		case 'c':
			return "CASCADE";
		case 'n':
			return "SET NULL";
		case 'd':
			return "SET DEFAULT";
		case 'r':
			return "RESTRICT";
		default:
			return "NO ACTION";
	}
}

void
infoschema_referential_constraints_rows(SqlSession *s, const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (!is_user_table(t))
			continue;
		for (int k = 0; k < t->ncons; k++)
		{
			const CatConstraint *con = &t->cons[k];
			const CatTable *ref;
			const CatConstraint *uc = NULL;

			if (con->type != CON_FOREIGN)
				continue;
			ref = catalog_table_by_oid(c, con->ref_table);
			for (int j = 0; ref && j < ref->ncons; j++)
				if ((ref->cons[j].type == CON_PRIMARY || ref->cons[j].type == CON_UNIQUE) &&
					ref->cons[j].index == con->ref_index)
					uc = &ref->cons[j];
			rb_start(rb);
			constraint_ident(s, c, rb, t, con->name);
			if (uc)
				constraint_ident(s, c, rb, ref, uc->name);
			else
			{
				rb_null(rb);
				rb_null(rb);
				rb_null(rb);
			}
			rb_text(rb, con->match_type == 'f' ? "FULL" : con->match_type == 'p' ? "PARTIAL" : "NONE");
			rb_text(rb, fk_rule(con->upd_action));
			rb_text(rb, fk_rule(con->del_action));
			rb_end(rb);
		}
	}
}

void
infoschema_check_constraints_rows(SqlSession *s, const Catalog *c, RowBuf *rb)
{
	EvalCtx		ctx;
	MgError		err = {0};

	session_eval_ctx(s, &ctx, rb->a, &err);
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (!is_user_table(t))
			continue;
		for (int k = 0; k < t->ncons; k++)
		{
			const CatConstraint *con = &t->cons[k];
			StrBuf		sb;

			if (con->type != CON_CHECK)
				continue;
			strbuf_init_arena(&sb, rb->a);
			ruleutils_constraintdef(&ctx, c, t, con, false, &sb);
			rb_start(rb);
			constraint_ident(s, c, rb, t, con->name);
			rb_text(rb, sb.len > 6 ? sb.data + 6 : "");	/* without "CHECK " */
			rb_end(rb);
		}
		for (int k = 0; k < t->ncols; k++)
		{
			const CatColumn *col = &t->cols[k];

			if (col->dropped || !col->notnull)
				continue;
			rb_start(rb);
			constraint_ident(s, c, rb, t, notnull_name(rb->a, t, col));
			rb_text(rb, arena_sprintf(rb->a, "%s IS NOT NULL", col->name));
			rb_end(rb);
		}
	}
	mg_error_reset(&err);
}

void
infoschema_constraint_table_usage_rows(SqlSession *s, const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (!is_user_table(t))
			continue;
		for (int k = 0; k < t->ncons; k++)
		{
			const CatConstraint *con = &t->cons[k];
			const CatTable *used = con->type == CON_FOREIGN ? catalog_table_by_oid(c, con->ref_table) :
				(con->type == CON_PRIMARY || con->type == CON_UNIQUE) ? t : NULL;

			if (!used)
				continue;
			rb_start(rb);
			table_ident(s, c, rb, used);
			constraint_ident(s, c, rb, t, con->name);
			rb_end(rb);
		}
	}
}

/*
 * element_types: one row per array column of a user table (PostgreSQL also
 * lists the array arguments and results of functions; memgres's builtin
 * functions are not described).  Only the collation and the element's type
 * are given: PostgreSQL's view leaves lengths and precisions NULL.
 */
void
infoschema_element_types_rows(SqlSession *s, const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (!is_user_table(t))
			continue;
		for (int k = 0; k < t->ncols; k++)
		{
			const CatColumn *col = &t->cols[k];
			const MgType *mt = type_by_oid(col->type);
			const MgType *et;
			Oid			coll;

			if (col->dropped || !mt || mt->category != 'A' || !mt->elem || !(et = type_by_oid(mt->elem)))
				continue;
			coll = system_type_collation(col->type);
			rb_start(rb);
			table_ident(s, c, rb, t);
			rb_text(rb, "TABLE");
			rb_text(rb, arena_sprintf(rb->a, "%d", col->attnum));	/* collection_type_identifier */
			rb_text(rb, type_name_no_typmod(rb->a, et->oid));
			for (int n = 0; n < 5; n++)
				rb_null(rb);	/* character_maximum_length .. character_set_name */
			if (coll != InvalidOid && coll != SYS_DEFAULT_COLLATION)
			{
				rb_text(rb, s->dbname);
				rb_text(rb, "pg_catalog");
				rb_text(rb, coll == SYS_C_COLLATION ? "C" : "POSIX");
			}
			else
				for (int n = 0; n < 3; n++)
					rb_null(rb);
			for (int n = 0; n < 7; n++)
				rb_null(rb);	/* numeric_precision .. domain_default */
			rb_text(rb, s->dbname);
			rb_text(rb, "pg_catalog");
			rb_text(rb, et->name);
			for (int n = 0; n < 4; n++)
				rb_null(rb);	/* scope_*, maximum_cardinality */
			rb_text(rb, arena_sprintf(rb->a, "a%d", col->attnum));
			rb_end(rb);
		}
	}
}

/* Whether the sequence implements an identity column (PostgreSQL's view leaves those out). */
static bool
is_identity_sequence(const Catalog *c, const CatSequence *q)
{
	const CatTable *owner = q->owned_by_table ? catalog_table_by_oid(c, q->owned_by_table) : NULL;
	const CatColumn *col = column_at(owner, q->owned_by_col);

	return col && col->identity;
}

void
infoschema_sequences_rows(SqlSession *s, const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];
		const CatSequence *q = t->seq;

		if (t->relkind != 'S' || !q || is_identity_sequence(c, q) || sys_other_temp_schema(s, c, t->schema))
			continue;
		rb_start(rb);
		rb_text(rb, s->dbname);
		rb_text(rb, system_schema_name(c, t->schema));
		rb_text(rb, t->name);
		rb_text(rb, type_name_no_typmod(rb->a, q->type));
		rb_i4(rb, q->type == INT2OID ? 16 : q->type == INT4OID ? 32 : 64);
		rb_i4(rb, 2);
		rb_i4(rb, 0);
		rb_text(rb, i8_text(rb->a, q->start));
		rb_text(rb, i8_text(rb->a, q->min));
		rb_text(rb, i8_text(rb->a, q->max));
		rb_text(rb, i8_text(rb->a, q->increment));
		rb_text(rb, yes_no(q->cycle));
		rb_end(rb);
	}
}

void
infoschema_privileges_rows(SqlSession *s, const Catalog *c, RowBuf *rb, bool columns)
{
	static const char *const table_privs[] = {
		"INSERT", "SELECT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"
	};
	static const char *const column_privs[] = {"INSERT", "SELECT", "UPDATE", "REFERENCES"};

	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (!is_user_table(t))
			continue;
		if (!columns)
			for (size_t p = 0; p < sizeof(table_privs) / sizeof(table_privs[0]); p++)
			{
				rb_start(rb);
				rb_text(rb, s->user);	/* grantor */
				rb_text(rb, s->user);	/* grantee */
				table_ident(s, c, rb, t);
				rb_text(rb, table_privs[p]);
				rb_text(rb, "YES");	/* is_grantable: the owner's own privileges */
				rb_text(rb, yes_no(strcmp(table_privs[p], "SELECT") == 0));	/* with_hierarchy */
				rb_end(rb);
			}
		else
			for (int k = 0; k < t->ncols; k++)
			{
				if (t->cols[k].dropped)
					continue;
				for (size_t p = 0; p < sizeof(column_privs) / sizeof(column_privs[0]); p++)
				{
					rb_start(rb);
					rb_text(rb, s->user);
					rb_text(rb, s->user);
					table_ident(s, c, rb, t);
					rb_text(rb, t->cols[k].name);
					rb_text(rb, column_privs[p]);
					rb_text(rb, "YES");
					rb_end(rb);
				}
			}
	}
}
