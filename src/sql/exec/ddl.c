/*
 * ddl.c — data definition: CREATE/DROP TABLE, CREATE/DROP INDEX,
 * CREATE/DROP SEQUENCE, CREATE/DROP SCHEMA, TRUNCATE, ALTER TABLE,
 * ALTER ... RENAME, COMMENT ON.
 *
 * Design notes:
 *   - Every statement runs in the session's write transaction: it edits a
 *     copy of the catalog (catalog_edit), changes storage (tables, index
 *     trees, rows for index builds), and publishes the new catalog in the
 *     same transaction, so DDL is transactional like PostgreSQL's.
 *   - Names the system chooses follow PostgreSQL's ChooseRelationName /
 *     ChooseConstraintName: table_col[_col]_{pkey,key,idx,check,fkey,seq},
 *     with a number appended on collision, truncated to 63 bytes.
 *   - DEFAULT and CHECK expressions are analysed once and stored as Expr
 *     trees in the table's arena.
 *
 * Invariants:
 *   1. A failing statement publishes nothing (the edit is discarded; storage
 *      changes are undone by the transaction's rollback).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>

#include "../analyze.h"
#include "../ast.h"
#include "../catalog.h"
#include "../ddl.h"
#include "../engine.h"
#include "../exec.h"
#include "../plan.h"
#include "../rowops.h"
#include "../seqfuncs.h"

#define NAMEDATALEN 64

typedef struct Ddl
{
	SqlSession *s;
	SqlPortal  *portal;
	StTxn	   *txn;
	MgError    *err;
	Arena	   *a;
	const Catalog *old;
	Catalog    *cat;
	EvalCtx		ctx;
} Ddl;

static void
ddl_init(Ddl *d, SqlPortal *portal, MgError *err)
{
	memset(d, 0, sizeof(*d));
	d->s = portal->session;
	d->portal = portal;
	d->txn = d->s->txn;
	d->err = err;
	d->a = portal->a;
	d->old = catalog_of_txn(d->txn);
	session_eval_ctx(d->s, &d->ctx, d->a, err);
}

static Catalog *
ddl_cat(Ddl *d)
{
	if (!d->cat)
		d->cat = catalog_edit(d->old);
	return d->cat;
}

static int
ddl_publish(Ddl *d)
{
	Catalog    *c = d->cat;

	d->cat = NULL;
	if (!c)
		return 0;
	return catalog_publish(d->txn, c, d->err);
}

static void
ddl_abandon(Ddl *d)
{
	if (d->cat)
		catalog_discard(d->cat);
	d->cat = NULL;
}

static const Catalog *
cur(Ddl *d)
{
	return d->cat ? d->cat : d->old;
}

static void
position(Ddl *d, int location)
{
	if (location >= 0 && d->err->position == 0)
		mg_error_position(d->err, sql_ast_char_position(d->portal->p->query, location));
}

/* ---- names --------------------------------------------------------------- */

/* Schema for a new object: the given one, or the first of search_path. */
static const CatSchema *
creation_schema(Ddl *d, const char *schemaname, int location)
{
	const Catalog *c = cur(d);

	if (schemaname)
	{
		const CatSchema *sc = catalog_schema(c, schemaname);

		if (!sc)
		{
			mg_error(d->err, SQLSTATE_INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", schemaname);
			position(d, location);
		}
		return sc;
	}
	{
		Oid			path[8];
		int			n = search_path_oids(d->s, c, false, path, 8);

		if (n == 0)
		{
			mg_error(d->err, SQLSTATE_INVALID_SCHEMA_NAME, "no schema has been selected to create in");
			position(d, location);
			return NULL;
		}
		return catalog_schema_by_oid(c, path[0]);
	}
}

/* Any relation (table, sequence, index) of that name in the schema? */
static bool
relname_taken(const Catalog *c, Oid schema, const char *name)
{
	const CatIndex *ix;

	return catalog_table_in(c, schema, name) || catalog_index_in(c, schema, name, &ix);
}

static char *
choose_name(Ddl *d, Oid schema, const char *table, const char *cols, const char *label, bool relation,
			const CatTable *t)
{
	char		base[NAMEDATALEN * 3];
	char		name[NAMEDATALEN + 16];

	if (cols && cols[0])
		snprintf(base, sizeof(base), "%s_%s", table, cols);
	else
		snprintf(base, sizeof(base), "%s", table);
	for (int pass = 0;; pass++)
	{
		char		suffix[32];
		size_t		room;

		if (pass == 0)
			snprintf(suffix, sizeof(suffix), "_%s", label);
		else
			snprintf(suffix, sizeof(suffix), "_%s%d", label, pass);
		room = NAMEDATALEN - 1 - strlen(suffix);
		snprintf(name, sizeof(name), "%.*s%s", (int) room, base, suffix);
		if (relation ? !relname_taken(cur(d), schema, name) : !(t && cattable_constraint(t, name)))
			return arena_strdup(d->a, name);
	}
}

static const char *
cols_label(Ddl *d, const CatTable *t, const int16_t *attnums, int n)
{
	StrBuf		sb;

	strbuf_init_arena(&sb, d->a);
	for (int i = 0; i < n; i++)
	{
		if (i)
			strbuf_putc(&sb, '_');
		strbuf_puts(&sb, t->cols[attnums[i] - 1].name);
	}
	return sb.data;
}

/* Finds a table (not sequence) by RangeVar; 42P01 unless missing_ok. */
static const CatTable *
find_relation(Ddl *d, const AstRangeVar *rv, bool missing_ok)
{
	ParseState	ps;

	/* Utility statements report a missing relation without a cursor position. */
	pstate_init(&ps, d->s, d->a, NULL, NULL, 0, d->err);
	ps.cat = cur(d);
	return lookup_relation(&ps, rv, missing_ok);
}

/* ---- sequences ----------------------------------------------------------- */

static int
seq_option_int(Ddl *d, const AstDefElem *o, int64_t *out)
{
	const AstConst *c = (const AstConst *) o->arg;
	char	   *end;

	if (!c || !AST_IS(c, AST_CONST))
	{
		mg_error(d->err, SQLSTATE_SYNTAX_ERROR, "%s requires a numeric value", o->defname);
		return -1;
	}
	if (c->kind == AST_CONST_INTEGER)
		*out = c->ival;
	else
	{
		*out = strtoll(c->sval, &end, 10);
		if (*end)
		{
			mg_error(d->err, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid value for %s: \"%s\"", o->defname, c->sval);
			return -1;
		}
	}
	return 0;
}

/* Applies CREATE/ALTER SEQUENCE options (AS, INCREMENT, MIN/MAX, START, CACHE, CYCLE). */
static int
seq_options(Ddl *d, CatSequence *q, const AstList *options, bool creating, bool *restart, int64_t *restart_value)
{
	bool		have_min = false,
				have_max = false,
				have_start = false;
	int64_t		v;

	if (creating)
	{
		q->type = INT8OID;
		q->increment = 1;
		q->cache = 1;
	}
	for (int i = 0; i < ast_list_length(options); i++)
	{
		const AstDefElem *o = (const AstDefElem *) ast_list_nth(options, i);

		if (strcmp(o->defname, "as") == 0)
		{
			Oid			type;
			int32_t		typmod;
			ParseState	ps;

			pstate_init(&ps, d->s, d->a, d->portal->p->query, NULL, 0, d->err);
			if (transform_type_name(&ps, (const AstTypeName *) o->arg, &type, &typmod) < 0)
				return -1;
			if (type != INT2OID && type != INT4OID && type != INT8OID)
			{
				mg_error(d->err, SQLSTATE_INVALID_PARAMETER_VALUE,
						 "sequence type must be smallint, integer, or bigint");
				return -1;
			}
			q->type = type;
		}
		else if (strcmp(o->defname, "increment") == 0)
		{
			if (seq_option_int(d, o, &q->increment) < 0)
				return -1;
			if (q->increment == 0)
			{
				mg_error(d->err, SQLSTATE_INVALID_PARAMETER_VALUE, "INCREMENT must not be zero");
				return -1;
			}
		}
		else if (strcmp(o->defname, "minvalue") == 0)
		{
			if (o->arg && seq_option_int(d, o, &q->min) < 0)
				return -1;
			have_min = o->arg != NULL;
		}
		else if (strcmp(o->defname, "maxvalue") == 0)
		{
			if (o->arg && seq_option_int(d, o, &q->max) < 0)
				return -1;
			have_max = o->arg != NULL;
		}
		else if (strcmp(o->defname, "start") == 0)
		{
			if (seq_option_int(d, o, &q->start) < 0)
				return -1;
			have_start = true;
		}
		else if (strcmp(o->defname, "restart") == 0)
		{
			*restart = true;
			*restart_value = q->start;
			if (o->arg && seq_option_int(d, o, restart_value) < 0)
				return -1;
		}
		else if (strcmp(o->defname, "cache") == 0)
		{
			if (seq_option_int(d, o, &v) < 0)
				return -1;
			q->cache = v;
		}
		else if (strcmp(o->defname, "cycle") == 0)
		{
			const AstConst *c = (const AstConst *) o->arg;

			q->cycle = !c || (c->kind == AST_CONST_BOOL ? c->bval : c->kind == AST_CONST_INTEGER ? c->ival != 0 : true);
		}
		else if (strcmp(o->defname, "owned_by") == 0 || strcmp(o->defname, "sequence_name") == 0)
			continue;			/* handled by the caller */
		else
		{
			mg_error(d->err, SQLSTATE_SYNTAX_ERROR, "option \"%s\" not recognized", o->defname);
			return -1;
		}
	}
	if (creating || !have_min || !have_max)
	{
		int64_t		tmax = q->type == INT2OID ? 32767 : q->type == INT4OID ? 2147483647 : INT64_MAX;
		int64_t		tmin = q->type == INT2OID ? -32768 : q->type == INT4OID ? -2147483647 - 1 : INT64_MIN;

		if (!have_max && (creating || q->max == 0))
			q->max = q->increment > 0 ? tmax : -1;
		if (!have_min && (creating || q->min == 0))
			q->min = q->increment > 0 ? 1 : tmin;
	}
	if (creating && !have_start)
		q->start = q->increment > 0 ? q->min : q->max;
	if (q->min >= q->max)
	{
		mg_error(d->err, SQLSTATE_INVALID_PARAMETER_VALUE, "MINVALUE (%lld) must be less than MAXVALUE (%lld)",
				 (long long) q->min, (long long) q->max);
		return -1;
	}
	if (q->start < q->min)
	{
		mg_error(d->err, SQLSTATE_INVALID_PARAMETER_VALUE, "START value (%lld) cannot be less than MINVALUE (%lld)",
				 (long long) q->start, (long long) q->min);
		return -1;
	}
	if (q->start > q->max)
	{
		mg_error(d->err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "START value (%lld) cannot be greater than MAXVALUE (%lld)",
				 (long long) q->start, (long long) q->max);
		return -1;
	}
	return 0;
}

static CatTable *
make_sequence(Ddl *d, Oid schema, const char *name, const AstList *options, Oid owner_table, int16_t owner_col,
			  Oid coltype)
{
	CatTable   *seq = cattable_new(catalog_new_oid(), schema, name, 'S');
	bool		restart = false;
	int64_t		rv;

	seq->seq = arena_new(seq->arena, CatSequence);
	seq->seq->type = coltype;
	if (seq_options(d, seq->seq, options, true, &restart, &rv) < 0)
	{
		cattable_unref(seq);
		return NULL;
	}
	if (coltype != InvalidOid && !ast_list_length(options))
		seq->seq->type = coltype;
	if (coltype == INT4OID || coltype == INT2OID)
	{
		/* serial / identity: bounds of the column type unless given */
		bool		have_max = false;

		for (int i = 0; i < ast_list_length(options); i++)
			if (strcmp(((const AstDefElem *) ast_list_nth(options, i))->defname, "maxvalue") == 0)
				have_max = true;
		if (!have_max && seq->seq->increment > 0)
			seq->seq->max = coltype == INT2OID ? 32767 : 2147483647;
		seq->seq->type = coltype;
	}
	seq->seq->owned_by_table = owner_table;
	seq->seq->owned_by_col = owner_col;
	cattable_finish(seq);
	seq_reset(d->s->db, seq);
	return seq;
}

/* nextval('seq'::regclass) as a column default. */
static Expr *
nextval_expr(Arena *a, const CatTable *seq)
{
	const FuncDef *const *c;
	int			n;
	Expr	   *arg = expr_const(a, REGCLASSOID, -1, ObjectIdGetDatum(seq->oid), false, -1);
	Expr	   *e = expr_new(a, EXPR_FUNC, INT8OID, 1, -1);

	c = func_candidates("nextval", &n);
	e->args[0] = arg;
	e->u.func.def = c[0];
	e->u.func.argtypes = arena_new_array(a, Oid, 1);
	e->u.func.argtypes[0] = REGCLASSOID;
	e->u.func.cache_slot = -1;
	return e;
}

/* ---- temporary tables -------------------------------------------------------- */

/* The session's pg_temp_<pid> schema, created in this edit if needed. */
static const CatSchema *
temp_schema(Ddl *d)
{
	char		name[64];
	const CatSchema *sc;

	snprintf(name, sizeof(name), "pg_temp_%d", (int) d->s->backend_pid);
	if ((sc = catalog_schema(cur(d), name)))
	{
		d->s->temp_schema = sc->oid;
		return sc;
	}
	catalog_add_schema(ddl_cat(d), catalog_new_oid(), name, 10);
	sc = catalog_schema(cur(d), name);
	d->s->temp_schema = sc->oid;
	return sc;
}

/* ---- CREATE TABLE -------------------------------------------------------- */

typedef struct PendingKey
{
	const AstConstraint *con;
	int			ncols;
	int16_t		attnums[32];
	int			location;
} PendingKey;

static int
column_attnum(Ddl *d, const CatTable *t, const char *name, int location)
{
	const CatColumn *c = cattable_column(t, name);

	if (!c)
	{
		mg_error(d->err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" named in key does not exist", name);
		position(d, location);
		return -1;
	}
	return c->attnum;
}

static bool
serial_type(const AstTypeName *tn, Oid *type)
{
	const char *name = ast_strval(ast_list_nth(tn->names, ast_list_length(tn->names) - 1));

	if (ast_list_length(tn->names) > 1 || tn->array_bounds)
		return false;
	if (strcmp(name, "serial") == 0 || strcmp(name, "serial4") == 0)
		*type = INT4OID;
	else if (strcmp(name, "bigserial") == 0 || strcmp(name, "serial8") == 0)
		*type = INT8OID;
	else if (strcmp(name, "smallserial") == 0 || strcmp(name, "serial2") == 0)
		*type = INT2OID;
	else
		return false;
	return true;
}

/*
 * PostgreSQL's pg_get_expr rendering of a default, for the common forms:
 * constants (numbers bare, others quoted with their type), function calls,
 * operators in parentheses; implicit casts are not shown.
 */
static void
deparse_expr(Ddl *d, const Expr *e, StrBuf *sb)
{
	switch (e->kind)
	{
		case EXPR_CONST:
			{
				StrBuf		v;
				bool		bare;

				if (e->u.c.isnull)
				{
					strbuf_puts(sb, "NULL");
					return;
				}
				if (e->type == REGCLASSOID)
				{
					const CatTable *t = catalog_table_by_oid(cur(d), DatumGetObjectId(e->u.c.value));

					strbuf_printf(sb, "'%s'::regclass", t ? t->name : "?");
					return;
				}
				strbuf_init_arena(&v, d->a);
				if (type_output(&d->ctx, e->type, e->typmod, e->u.c.value, &v) < 0)
				{
					mg_error_reset(d->err);
					strbuf_puts(sb, "?");
					return;
				}
				if (e->type == BOOLOID)
				{
					strbuf_puts(sb, DatumGetBool(e->u.c.value) ? "true" : "false");
					return;
				}
				bare = (e->type == INT4OID || e->type == NUMERICOID || e->type == INT8OID) && v.data[0] != '-';
				if (e->type == INT8OID && bare)
				{
					/* an int8 literal that fits int4 was written as one */
					strbuf_puts(sb, v.data);
					return;
				}
				if (bare)
				{
					strbuf_puts(sb, v.data);
					return;
				}
				strbuf_putc(sb, '\'');
				for (const char *p = v.data; *p; p++)
				{
					if (*p == '\'')
						strbuf_putc(sb, '\'');
					strbuf_putc(sb, *p);
				}
				strbuf_puts(sb, "'::");
				type_format(e->type, -1, sb);
				return;
			}
		case EXPR_CAST:
			if (!e->u.cast.explicit_cast)
			{
				deparse_expr(d, e->args[0], sb);
				return;
			}
			strbuf_putc(sb, '(');
			deparse_expr(d, e->args[0], sb);
			strbuf_puts(sb, ")::");
			type_format(e->type, e->typmod, sb);
			return;
		case EXPR_FUNC:
			if (e->u.func.opname && e->nargs == 2)
			{
				strbuf_putc(sb, '(');
				deparse_expr(d, e->args[0], sb);
				strbuf_printf(sb, " %s ", e->u.func.opname);
				deparse_expr(d, e->args[1], sb);
				strbuf_putc(sb, ')');
				return;
			}
			if (e->u.func.opname)
			{
				strbuf_puts(sb, e->u.func.opname);
				deparse_expr(d, e->args[0], sb);
				return;
			}
			strbuf_printf(sb, "%s(", e->u.func.def->name);
			for (int i = 0; i < e->nargs; i++)
			{
				if (i)
					strbuf_puts(sb, ", ");
				deparse_expr(d, e->args[i], sb);
			}
			strbuf_putc(sb, ')');
			return;
		default:
			strbuf_puts(sb, "?");
			return;
	}
}

static void
set_default_text(Ddl *d, CatTable *t, CatColumn *c)
{
	StrBuf		sb;

	c->default_text = NULL;
	if (!c->default_expr || c->identity)
		return;
	strbuf_init_arena(&sb, d->a);
	deparse_expr(d, c->default_expr, &sb);
	c->default_text = arena_strdup(t->arena, sb.data);
}

/* Analyses a DEFAULT for column c (assignment-coerced to its type). */
static int
set_default(Ddl *d, CatTable *t, CatColumn *c, const AstNode *raw)
{
	ParseState	ps;
	Expr	   *e;

	pstate_init(&ps, d->s, t->arena, d->portal->p->query, NULL, 0, d->err);
	ps.cat = cur(d);
	ps.params_fixed = true;
	ps.agg_context = "DEFAULT expressions";
	if (!(e = transform_expr(&ps, raw)))
		return -1;
	if (!(e = coerce_to(&ps, e, c->type, c->typmod, CAST_ASSIGNMENT, raw->location)))
	{
		mg_error_reset(d->err);
		mg_error(d->err, SQLSTATE_DATATYPE_MISMATCH,
				 "column \"%s\" is of type %s but default expression is of type %s", c->name,
				 type_display_name(&ps, c->type), type_display_name(&ps, transform_expr(&ps, raw)->type));
		mg_error_hint(d->err, "You will need to rewrite or cast the expression.");
		position(d, raw->location);
		return -1;
	}
	c->default_expr = e;
	set_default_text(d, t, c);
	return 0;
}

static int
add_check(Ddl *d, CatTable *t, const AstConstraint *con)
{
	ParseState	ps;
	Expr	   *e;
	CatConstraint *cc;
	const char *name = con->conname;

	cattable_finish(t);
	pstate_init(&ps, d->s, t->arena, d->portal->p->query, NULL, 0, d->err);
	ps.cat = cur(d);
	ps.params_fixed = true;
	ps.agg_context = "check constraints";
	ps.scope = scope_for_table(t->arena, t, NULL, 0);
	if (!(e = transform_expr(&ps, con->raw_expr)) || !(e = coerce_to_bool(&ps, e, "CHECK")))
		return -1;
	if (!name)
	{
		/*
		 * As PostgreSQL (AddRelationNewConstraints), for a column constraint
		 * as for a table one: tab_col_check when the expression uses
		 * exactly one column, else tab_check.
		 */
		bool	   *used = arena_new_array(d->a, bool, t->ncols > 0 ? t->ncols : 1);
		int			var = -1,
					nvars = 0;

		expr_collect_vars(e, used, t->ncols);
		for (int i = 0; i < t->ncols; i++)
			if (used[i])
			{
				var = i;
				nvars++;
			}
		name = choose_name(d, t->schema, t->name, nvars == 1 ? t->cols[var].name : NULL, "check",
						   false, t);
	}
	else if (cattable_constraint(t, name))
	{
		mg_error(d->err, SQLSTATE_DUPLICATE_OBJECT, "constraint \"%s\" for relation \"%s\" already exists",
				 name, t->name);
		return -1;
	}
	cc = cattable_add_constraint(t, catalog_new_oid(), name, CON_CHECK);
	cc->check = e;
	return 0;
}

/* Builds the entries of a new index from the table's rows (23505 on duplicates). */
static int
build_index(Ddl *d, const CatTable *t, const CatIndex *ix, const char *conname)
{
	StCursor	cur_;
	uint64_t	rowid;
	const StTuple *tup;
	Datum	   *v = arena_new_array(d->a, Datum, t->ncols + 1);
	bool	   *n = arena_new_array(d->a, bool, t->ncols + 1);
	RowOps		ro = {.session = d->s, .txn = d->txn, .cat = cur(d), .ctx = &d->ctx};
	int			rc = 0;

	st_scan_open(&cur_, d->txn, t->oid, 0, false);
	while (st_cursor_next(&cur_, &rowid, &tup))
	{
		uint64_t	other;

		st_tuple_deform(tup, t->stcols, t->ncols, v, n);
		for (int k = st_tuple_natts(tup); k < t->ncols; k++)
			if (t->cols[k].has_missing)
			{
				v[k] = t->cols[k].missing;
				n[k] = t->cols[k].missing_null;
			}
		rc = rowops_insert_index(&ro, t, ix, v, n, rowid, &other);
		if (rc == 1)
		{
			StrBuf		detail;

			strbuf_init_arena(&detail, d->a);
			rowops_format_key(&d->ctx, t, ix->attnums, ix->ncols, v, n, &detail);
			mg_error(d->err, SQLSTATE_UNIQUE_VIOLATION, "could not create unique index \"%s\"", ix->name);
			mg_error_detail(d->err, "Key %s is duplicated.", detail.data);
			(void) conname;
			rc = -1;
		}
		if (rc < 0)
			break;
	}
	st_cursor_close(&cur_);
	return rc < 0 ? -1 : 0;
}

/* Adds an index (and its PRIMARY KEY / UNIQUE constraint) to t; creates the tree and fills it. */
static int
add_index(Ddl *d, CatTable *t, const char *name, int ncols, const int16_t *attnums, const unsigned *flags,
		  bool unique, bool primary, bool constraint, bool build, int location)
{
	CatIndex   *ix;
	Oid			oid = catalog_new_oid();
	const char *label = primary ? "pkey" : constraint ? "key" : "idx";

	for (int k = 0; k < ncols; k++)
	{
		const CatColumn *c = &t->cols[attnums[k] - 1];

		if (!c->mt || !c->mt->key_encode)
		{
			ParseState	ps;

			pstate_init(&ps, d->s, d->a, NULL, NULL, 0, d->err);
			mg_error(d->err, SQLSTATE_UNDEFINED_OBJECT,
					 "data type %s has no default operator class for access method \"btree\"",
					 type_display_name(&ps, c->type));
			mg_error_hint(d->err, "You must specify an operator class for the index or define a default operator class for the data type.");
			position(d, location);
			return -1;
		}
	}
	if (primary)
	{
		for (int i = 0; i < t->nindexes; i++)
			if (t->indexes[i].primary)
			{
				mg_error(d->err, SQLSTATE_INVALID_TABLE_DEFINITION, "multiple primary keys for table \"%s\" are not allowed",
						 t->name);
				position(d, location);
				return -1;
			}
	}
	if (!name)
		name = choose_name(d, t->schema, t->name, primary ? NULL : cols_label(d, t, attnums, ncols), label, true, t);
	else if (relname_taken(cur(d), t->schema, name))
	{
		mg_error(d->err, SQLSTATE_DUPLICATE_TABLE, "relation \"%s\" already exists", name);
		position(d, location);
		return -1;
	}
	ix = cattable_add_index(t, oid, name, ncols);
	for (int k = 0; k < ncols; k++)
	{
		ix->attnums[k] = attnums[k];
		ix->flags[k] = (flags ? flags[k] : 0) | (t->cols[attnums[k] - 1].mt->byval ? IDXKEY_FIXED : 0);
	}
	ix->unique = unique;
	ix->primary = primary;
	if (constraint)
	{
		CatConstraint *cc = cattable_add_constraint(t, catalog_new_oid(), name, primary ? CON_PRIMARY : CON_UNIQUE);

		cc->ncols = ncols;
		cc->cols = arena_new_array(t->arena, int16_t, ncols);
		memcpy(cc->cols, attnums, sizeof(int16_t) * (size_t) ncols);
		cc->index = oid;
		ix = &t->indexes[t->nindexes - 1];	/* the constraint array grew, not the index one */
		ix->constraint = cc->oid;
	}
	if (primary)
		for (int k = 0; k < ncols; k++)
			t->cols[attnums[k] - 1].notnull = true;
	if (st_index_create(d->txn, t->oid, oid, d->err) < 0)
		return -1;
	if (build)
	{
		cattable_finish(t);
		if (primary)
		{
			/* Existing rows must satisfy the implied NOT NULL. */
			RowOps		ro = {.session = d->s, .txn = d->txn, .cat = cur(d), .ctx = &d->ctx};
			StCursor	c;
			uint64_t	rowid;
			const StTuple *tup;
			Datum	   *v = arena_new_array(d->a, Datum, t->ncols + 1);
			bool	   *n = arena_new_array(d->a, bool, t->ncols + 1);

			st_scan_open(&c, d->txn, t->oid, 0, false);
			while (st_cursor_next(&c, &rowid, &tup))
			{
				st_tuple_deform(tup, t->stcols, t->ncols, v, n);
				for (int k = 0; k < ncols; k++)
					if (n[attnums[k] - 1])
					{
						st_cursor_close(&c);
						mg_error(d->err, SQLSTATE_NOT_NULL_VIOLATION,
								 "column \"%s\" of relation \"%s\" contains null values",
								 t->cols[attnums[k] - 1].name, t->name);
						return -1;
					}
			}
			st_cursor_close(&c);
			(void) ro;
		}
		if (build_index(d, t, &t->indexes[t->nindexes - 1], name) < 0)
			return -1;
	}
	return 0;
}

static int
add_key(Ddl *d, CatTable *t, const PendingKey *k, bool build)
{
	const AstConstraint *con = k->con;

	return add_index(d, t, con->conname, k->ncols, k->attnums, NULL, true, con->contype == AST_CONSTR_PRIMARY, true,
					 build, k->location);
}

static int
add_foreign_key(Ddl *d, CatTable *t, const PendingKey *k, bool validate)
{
	const AstConstraint *con = k->con;
	const CatTable *ref;
	int16_t		refcols[32];
	int			nref = ast_list_length(con->pk_attrs);
	const CatIndex *rix = NULL;
	CatConstraint *cc;
	const char *name = con->conname;

	if (strcmp(con->pktable->relname, t->name) == 0 && !con->pktable->schemaname)
		ref = t;
	else if (!(ref = find_relation(d, con->pktable, false)))
		return -1;
	if (nref == 0)
	{
		for (int i = 0; i < ref->nindexes; i++)
			if (ref->indexes[i].primary)
				rix = &ref->indexes[i];
		if (!rix)
		{
			mg_error(d->err, SQLSTATE_UNDEFINED_OBJECT, "there is no primary key for referenced table \"%s\"",
					 ref->name);
			return -1;
		}
		nref = rix->ncols;
		memcpy(refcols, rix->attnums, sizeof(int16_t) * (size_t) nref);
	}
	else
	{
		for (int i = 0; i < nref && i < 32; i++)
		{
			const char *cn = ast_strval(ast_list_nth(con->pk_attrs, i));
			const CatColumn *c = cattable_column(ref, cn);

			if (!c)
			{
				mg_error(d->err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" referenced in foreign key constraint does not exist", cn);
				return -1;
			}
			refcols[i] = c->attnum;
		}
	}
	if (nref != k->ncols)
	{
		mg_error(d->err, SQLSTATE_INVALID_FOREIGN_KEY,
				 "number of referencing and referenced columns for foreign key disagree");
		return -1;
	}
	if (!rix)
	{
		/* A unique index on exactly the referenced columns (any order). */
		for (int i = 0; i < ref->nindexes && !rix; i++)
		{
			const CatIndex *ix = &ref->indexes[i];
			int			hit = 0;

			if (!ix->unique || ix->ncols != nref)
				continue;
			for (int a = 0; a < nref; a++)
				for (int b = 0; b < nref; b++)
					if (ix->attnums[a] == refcols[b])
						hit++;
			if (hit == nref)
				rix = ix;
		}
		if (!rix)
		{
			mg_error(d->err, SQLSTATE_INVALID_FOREIGN_KEY,
					 "there is no unique constraint matching given keys for referenced table \"%s\"", ref->name);
			return -1;
		}
	}
	for (int i = 0; i < nref; i++)
	{
		const CatColumn *a = &t->cols[k->attnums[i] - 1];
		const CatColumn *b = &ref->cols[refcols[i] - 1];

		if (a->type != b->type)
		{
			ParseState	ps;

			pstate_init(&ps, d->s, d->a, NULL, NULL, 0, d->err);
			mg_error(d->err, SQLSTATE_DATATYPE_MISMATCH, "foreign key constraint \"%s\" cannot be implemented",
					 name ? name : "?");
			mg_error_detail(d->err, "Key columns \"%s\" and \"%s\" are of incompatible types: %s and %s.",
							a->name, b->name, type_display_name(&ps, a->type), type_display_name(&ps, b->type));
			return -1;
		}
	}
	if (!name)
		name = choose_name(d, t->schema, t->name, cols_label(d, t, k->attnums, k->ncols), "fkey", false, t);
	cc = cattable_add_constraint(t, catalog_new_oid(), name, CON_FOREIGN);
	cc->ncols = k->ncols;
	cc->cols = arena_new_array(t->arena, int16_t, k->ncols);
	memcpy(cc->cols, k->attnums, sizeof(int16_t) * (size_t) k->ncols);
	cc->ref_cols = arena_new_array(t->arena, int16_t, nref);
	memcpy(cc->ref_cols, refcols, sizeof(int16_t) * (size_t) nref);
	cc->ref_table = ref == t ? t->oid : ref->oid;
	cc->ref_index = rix->oid;
	cc->upd_action = con->fk_upd_action ? con->fk_upd_action : 'a';
	cc->del_action = con->fk_del_action ? con->fk_del_action : 'a';
	cc->match_type = con->fk_matchtype ? con->fk_matchtype : 's';
	if (validate)
	{
		/* Existing rows must reference existing keys. */
		RowOps		ro = {.session = d->s, .txn = d->txn, .cat = cur(d), .ctx = &d->ctx};
		StCursor	c;
		uint64_t	rowid;
		const StTuple *tup;
		Datum	   *v = arena_new_array(d->a, Datum, t->ncols + 1);
		bool	   *n = arena_new_array(d->a, bool, t->ncols + 1);
		CatTable	one = *t;

		one.ncons = 1;
		one.cons = cc;
		cattable_finish(t);
		st_scan_open(&c, d->txn, t->oid, 0, false);
		while (st_cursor_next(&c, &rowid, &tup))
		{
			st_tuple_deform(tup, t->stcols, t->ncols, v, n);
			if (rowops_fk_check_insert(&ro, &one, v, n) < 0)
			{
				st_cursor_close(&c);
				return -1;
			}
		}
		st_cursor_close(&c);
	}
	return 0;
}

static int
collect_key(Ddl *d, CatTable *t, const AstConstraint *con, const AstList *names, PendingKey *k)
{
	k->con = con;
	k->ncols = 0;
	k->location = con->hdr.location;
	for (int i = 0; i < ast_list_length(names); i++)
	{
		int			a = column_attnum(d, t, ast_strval(ast_list_nth(names, i)), con->hdr.location);

		if (a < 0)
			return -1;
		if (k->ncols >= 32)
		{
			mg_error(d->err, SQLSTATE_TOO_MANY_COLUMNS, "cannot use more than 32 columns in an index");
			return -1;
		}
		k->attnums[k->ncols++] = (int16_t) a;
	}
	return 0;
}

/* Adds one column definition to t (constraints that need the whole table are queued). */
static int
add_column_def(Ddl *d, CatTable *t, const AstColumnDef *cd, PendingKey *keys, int *nkeys, PendingKey *fks,
			   int *nfks, const AstConstraint **checks, int *nchecks, CatTable ***seqs,
			   int *nseqs)
{
	Oid			type;
	int32_t		typmod = -1;
	bool		serial = serial_type(cd->type_name, &type);
	CatColumn  *c;
	ParseState	ps;
	const AstNode *def = NULL;

	if (cattable_column(t, cd->colname))
	{
		mg_error(d->err, SQLSTATE_DUPLICATE_COLUMN, "column \"%s\" specified more than once", cd->colname);
		return -1;
	}
	pstate_init(&ps, d->s, d->a, d->portal->p->query, NULL, 0, d->err);
	if (!serial && transform_type_name(&ps, cd->type_name, &type, &typmod) < 0)
		return -1;
	c = cattable_add_column(t, cd->colname, type, typmod);
	if (!c->mt)
	{
		mg_error(d->err, SQLSTATE_UNDEFINED_OBJECT, "type with OID %u does not exist", type);
		return -1;
	}
	for (int i = 0; i < ast_list_length(cd->constraints); i++)
	{
		const AstConstraint *con = (const AstConstraint *) ast_list_nth(cd->constraints, i);
		AstList		one = {.hdr = {AST_LIST, -1}, .length = 1, .capacity = 1};
		AstString	nm = {.hdr = {AST_STRING, -1}, .sval = c->name};
		AstNode    *item = &nm.hdr;

		one.items = &item;
		switch (con->contype)
		{
			case AST_CONSTR_NULL:
				break;
			case AST_CONSTR_NOTNULL:
				c->notnull = true;
				break;
			case AST_CONSTR_DEFAULT:
				def = con->raw_expr;
				break;
			case AST_CONSTR_CHECK:
				checks[*nchecks] = con;
				(*nchecks)++;
				break;
			case AST_CONSTR_PRIMARY:
			case AST_CONSTR_UNIQUE:
				{
					PendingKey *k = &keys[(*nkeys)++];

					k->con = con;
					k->ncols = 1;
					k->attnums[0] = c->attnum;
					k->location = con->hdr.location;
					break;
				}
			case AST_CONSTR_FOREIGN:
				{
					PendingKey *k = &fks[(*nfks)++];

					k->con = con;
					k->ncols = 1;
					k->attnums[0] = c->attnum;
					k->location = con->hdr.location;
					break;
				}
			case AST_CONSTR_IDENTITY:
				{
					CatTable   *seq;

					if (type != INT2OID && type != INT4OID && type != INT8OID)
					{
						mg_error(d->err, SQLSTATE_INVALID_PARAMETER_VALUE,
								 "identity column type must be smallint, integer, or bigint");
						return -1;
					}
					seq = make_sequence(d, t->schema, choose_name(d, t->schema, t->name, c->name, "seq", true, t),
										con->options, t->oid, c->attnum, type);
					if (!seq)
						return -1;
					catalog_put_table(ddl_cat(d), seq);
					(*seqs)[(*nseqs)++] = seq;
					c->identity = con->generated_when;
					c->notnull = true;
					c->default_expr = nextval_expr(t->arena, seq);
					if (type != INT8OID)
					{
						ParseState	tps;

						pstate_init(&tps, d->s, t->arena, NULL, NULL, 0, d->err);
						c->default_expr = coerce_to(&tps, c->default_expr, type, -1, CAST_ASSIGNMENT, -1);
					}
					break;
				}
			case AST_CONSTR_GENERATED:
				mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "generated columns are not supported yet");
				position(d, con->hdr.location);
				return -1;
			default:
				break;
		}
		(void) one;
	}
	if (serial)
	{
		CatTable   *seq = make_sequence(d, t->schema, choose_name(d, t->schema, t->name, c->name, "seq", true, t),
										NULL, t->oid, c->attnum, type);
		ParseState	ps2;

		if (!seq)
			return -1;
		catalog_put_table(ddl_cat(d), seq);
		(*seqs)[(*nseqs)++] = seq;
		c->notnull = true;
		pstate_init(&ps2, d->s, t->arena, NULL, NULL, 0, d->err);
		c->default_expr = nextval_expr(t->arena, seq);
		if (type != INT8OID)
			c->default_expr = coerce_to(&ps2, c->default_expr, type, -1, CAST_ASSIGNMENT, -1);
		set_default_text(d, t, c);
	}
	if (def && set_default(d, t, c, def) < 0)
		return -1;
	return 0;
}

static int
create_table(Ddl *d, const AstCreateStmt *cs)
{
	const AstRangeVar *rv = cs->relation;
	const CatSchema *sc;
	CatTable   *t;
	int			n = ast_list_length(cs->table_elts);
	PendingKey *keys = arena_new_array(d->a, PendingKey, n * 2 + 1);
	PendingKey *fks = arena_new_array(d->a, PendingKey, n * 2 + 1);
	const AstConstraint **checks = arena_new_array(d->a, const AstConstraint *, n * 2 + 1);
	CatTable  **seqs = arena_new_array(d->a, CatTable *, n + 1);
	int			nkeys = 0,
				nfks = 0,
				nchecks = 0,
				nseqs = 0;

	if (rv->relpersistence == AST_RELPERSISTENCE_TEMP)
	{
		if (cs->on_commit == AST_ONCOMMIT_DELETE_ROWS || cs->on_commit == AST_ONCOMMIT_DROP)
		{
			mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ON COMMIT %s is not supported yet",
					 cs->on_commit == AST_ONCOMMIT_DROP ? "DROP" : "DELETE ROWS");
			return -1;
		}
		if (rv->schemaname)
		{
			mg_error(d->err, SQLSTATE_INVALID_TABLE_DEFINITION, "cannot create temporary relation in non-temporary schema");
			position(d, rv->hdr.location);
			return -1;
		}
		sc = temp_schema(d);
	}
	else if (!(sc = creation_schema(d, rv->schemaname, rv->hdr.location)))
		return -1;
	if (relname_taken(cur(d), sc->oid, rv->relname))
	{
		if (cs->if_not_exists)
		{
			session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_DUPLICATE_TABLE,
						   "relation \"%s\" already exists, skipping", rv->relname);
			return 0;
		}
		mg_error(d->err, SQLSTATE_DUPLICATE_TABLE, "relation \"%s\" already exists", rv->relname);
		return -1;
	}
	t = cattable_new(catalog_new_oid(), sc->oid, rv->relname, 'r');
	for (int i = 0; i < n; i++)
	{
		const AstNode *el = ast_list_nth(cs->table_elts, i);

		if (AST_IS(el, AST_COLUMN_DEF))
		{
			if (add_column_def(d, t, (const AstColumnDef *) el, keys, &nkeys, fks, &nfks, checks,
							   &nchecks, &seqs, &nseqs) < 0)
				goto fail;
		}
		else if (AST_IS(el, AST_CONSTRAINT))
		{
			const AstConstraint *con = (const AstConstraint *) el;

			switch (con->contype)
			{
				case AST_CONSTR_PRIMARY:
				case AST_CONSTR_UNIQUE:
					keys[nkeys].con = con;
					if (collect_key(d, t, con, con->keys, &keys[nkeys]) < 0)
						goto fail;
					nkeys++;
					break;
				case AST_CONSTR_FOREIGN:
					fks[nfks].con = con;
					if (collect_key(d, t, con, con->fk_attrs, &fks[nfks]) < 0)
						goto fail;
					nfks++;
					break;
				case AST_CONSTR_CHECK:
					checks[nchecks++] = con;
					break;
				default:
					mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "this table constraint is not supported yet");
					position(d, con->hdr.location);
					goto fail;
			}
		}
	}
	if (t->ncols > 1600)
	{
		mg_error(d->err, SQLSTATE_TOO_MANY_COLUMNS, "tables can have at most 1600 columns");
		goto fail;
	}
	cattable_finish(t);
	if (st_table_create(d->txn, t->oid, d->err) < 0)
		goto fail;
	for (int i = 0; i < nchecks; i++)
		if (add_check(d, t, checks[i]) < 0)
			goto fail;
	for (int i = 0; i < nkeys; i++)
		if (add_key(d, t, &keys[i], false) < 0)
			goto fail;
	cattable_finish(t);
	/* The table is visible to its own foreign keys (self references). */
	for (int i = 0; i < nfks; i++)
		if (add_foreign_key(d, t, &fks[i], false) < 0)
			goto fail;
	cattable_finish(t);
	catalog_put_table(ddl_cat(d), t);
	return 0;
fail:
	cattable_unref(t);
	return -1;
}

/* ---- CREATE TABLE AS ------------------------------------------------------- */

static int
create_table_as(Ddl *d, const AstCreateTableAsStmt *cs)
{
	const AstIntoClause *into = cs->into;
	const AstRangeVar *rv = into->rel;
	const CatSchema *sc;
	ParseState	ps;
	Query	   *q;
	Plan	   *plan;
	CatTable   *t;
	int			ncolnames = ast_list_length(into->col_names);
	ExecState  *es;
	ExecNode   *root;
	RowOps		ro;
	int64_t		count = 0;
	int			rc;

	if (cs->objtype != AST_OBJECT_TABLE || !AST_IS(cs->query, AST_SELECT_STMT))
	{
		mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "this form of CREATE ... AS is not supported yet");
		return -1;
	}
	if (rv->relpersistence == AST_RELPERSISTENCE_TEMP)
		sc = temp_schema(d);
	else if (!(sc = creation_schema(d, rv->schemaname, rv->hdr.location)))
		return -1;
	if (relname_taken(cur(d), sc->oid, rv->relname))
	{
		if (cs->if_not_exists)
		{
			session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_DUPLICATE_TABLE,
						   "relation \"%s\" already exists, skipping", rv->relname);
			snprintf(d->portal->tag, sizeof(d->portal->tag), "CREATE TABLE AS");
			return 1;
		}
		mg_error(d->err, SQLSTATE_DUPLICATE_TABLE, "relation \"%s\" already exists", rv->relname);
		return -1;
	}
	pstate_init(&ps, d->s, d->a, d->portal->p->query, NULL, 0, d->err);
	if (!(q = analyze_select(&ps, (const AstSelectStmt *) cs->query)))
		return -1;
	if (ps.nparams > 0)
	{
		mg_error(d->err, SQLSTATE_UNDEFINED_PARAMETER, "there is no parameter $1");
		return -1;
	}
	if (ncolnames > q->nvisible)
	{
		mg_error(d->err, SQLSTATE_SYNTAX_ERROR, "too many column names were specified");
		return -1;
	}
	t = cattable_new(catalog_new_oid(), sc->oid, rv->relname, 'r');
	for (int i = 0; i < q->nvisible; i++)
	{
		const char *name = i < ncolnames ? ast_strval(ast_list_nth(into->col_names, i)) : q->cols[i].name;

		if (cattable_column(t, name))
		{
			mg_error(d->err, SQLSTATE_DUPLICATE_COLUMN, "column \"%s\" specified more than once", name);
			cattable_unref(t);
			return -1;
		}
		cattable_add_column(t, name, q->targets[i]->type, q->targets[i]->typmod);
	}
	cattable_finish(t);
	if (st_table_create(d->txn, t->oid, d->err) < 0)
	{
		cattable_unref(t);
		return -1;
	}
	catalog_put_table(ddl_cat(d), t);
	if (into->skip_data)
	{
		snprintf(d->portal->tag, sizeof(d->portal->tag), "CREATE TABLE AS");
		return 1;
	}
	pstate_finish_params(&ps);
	if (!(plan = plan_select(d->a, q, d->err)))
		return -1;
	es = arena_new(d->a, ExecState);
	exec_state_init(es, d->s, d->a, d->err, NULL, NULL, 0, NULL, ps.ncache);
	es->txn = d->txn;
	if (!(root = exec_start(es, plan)))
		return -1;
	ro.session = d->s;
	ro.txn = d->txn;
	ro.cat = cur(d);
	ro.ctx = &d->ctx;
	while ((rc = exec_next(es, root)) > 0)
	{
		if (rowops_insert_row(&ro, t, root->values, root->nulls, NULL, NULL, NULL) < 0)
		{
			rc = -1;
			break;
		}
		count++;
	}
	exec_end(root);
	if (rc < 0)
		return -1;
	snprintf(d->portal->tag, sizeof(d->portal->tag), "SELECT %lld", (long long) count);
	return 1;
}

/* ---- DROP ---------------------------------------------------------------- */

static const char *
object_kind_name(AstObjectType k)
{
	switch (k)
	{
		case AST_OBJECT_TABLE: return "table";
		case AST_OBJECT_INDEX: return "index";
		case AST_OBJECT_SEQUENCE: return "sequence";
		case AST_OBJECT_VIEW: return "view";
		case AST_OBJECT_SCHEMA: return "schema";
		default: return "object";
	}
}

static AstRangeVar *
rangevar_of(Ddl *d, const AstList *names)
{
	AstRangeVar *rv = arena_new(d->a, AstRangeVar);
	int			n = ast_list_length(names);

	rv->hdr.tag = AST_RANGE_VAR;
	rv->hdr.location = -1;
	rv->relname = (char *) ast_strval(ast_list_nth(names, n - 1));
	if (n >= 2)
		rv->schemaname = (char *) ast_strval(ast_list_nth(names, n - 2));
	if (n >= 3)
		rv->catalogname = (char *) ast_strval(ast_list_nth(names, n - 3));
	return rv;
}

/*
 * Removes a table (and what it owns) from the edit.  Foreign keys of other
 * tables into it (tables in `dropping` excepted) need CASCADE, which drops
 * those constraints; `deps` collects their descriptions for the caller's
 * error DETAIL or NOTICE, as PostgreSQL lists dependent objects.
 */
static int
drop_table_obj(Ddl *d, const CatTable *t, bool cascade, const Oid *dropping, int ndropping, StrBuf *deps,
			   int *ndeps)
{
	Catalog    *c = ddl_cat(d);
	Oid			toid = t->oid;
	char		relkind = t->relkind;

	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *o = c->tables[i];
		bool		skip = o->oid == toid;

		for (int k = 0; k < ndropping; k++)
			if (dropping[k] == o->oid)
				skip = true;
		if (skip)
			continue;
		for (int k = 0; k < o->ncons; k++)
		{
			const CatConstraint *con = &o->cons[k];

			if (con->type != CON_FOREIGN || con->ref_table != toid)
				continue;
			if (*ndeps > 0)
				strbuf_putc(deps, '\n');
			strbuf_printf(deps, "%sconstraint %s on table %s%s", cascade ? "drop cascades to " : "", con->name,
						  o->name, cascade ? "" : "");
			if (!cascade)
				strbuf_printf(deps, " depends on table %s", t->name);
			(*ndeps)++;
			if (cascade)
			{
				CatTable   *nt = cattable_clone(o);

				cattable_remove_constraint(nt, con->oid);
				catalog_put_table(c, nt);
				i = -1;			/* the array entry changed: rescan */
				break;
			}
		}
	}
	if (!cascade && *ndeps > 0)
		return 0;
	/* Sequences owned by its columns go with it. */
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *o = c->tables[i];

		if (o->relkind == 'S' && o->seq->owned_by_table == toid)
		{
			st_seq_drop(d->s->db, o->oid);
			catalog_remove_table(c, o->oid);
			i--;
		}
	}
	if (relkind == 'r' && st_table_drop(d->txn, toid, d->err) < 0)
		return -1;
	if (relkind == 'S')
		st_seq_drop(d->s->db, toid);
	catalog_remove_table(c, toid);
	return 0;
}

/* Reports collected dependents: 2BP01 without CASCADE, NOTICE with it. */
static int
report_deps(Ddl *d, bool cascade, const char *kind, const char *name, StrBuf *deps, int ndeps)
{
	if (ndeps == 0)
		return 0;
	if (!cascade)
	{
		mg_error(d->err, SQLSTATE_DEPENDENT_OBJECTS_STILL_EXIST,
				 "cannot drop %s %s because other objects depend on it", kind, name);
		mg_error_detail(d->err, "%s", deps->data);
		mg_error_hint(d->err, "Use DROP ... CASCADE to drop the dependent objects too.");
		return -1;
	}
	if (ndeps == 1)
		session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION, "%s", deps->data);
	else
	{
		MgError		n = MG_ERROR_INIT;

		mg_error_sev(&n, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION, "drop cascades to %d other objects", ndeps);
		mg_error_detail(&n, "%s", deps->data);
		if (d->s->notice_hook)
			d->s->notice_hook(d->s->notice_arg, &n);
		mg_error_reset(&n);
	}
	return 0;
}

static int
drop_stmt(Ddl *d, const AstDropStmt *ds)
{
	bool		cascade = ds->behavior == AST_DROP_CASCADE;
	int			nobj = ast_list_length(ds->objects);
	Oid		   *dropping = arena_new_array(d->a, Oid, nobj + 1);

	/* Objects dropped together may depend on each other without CASCADE. */
	for (int i = 0; i < nobj && (ds->remove_type == AST_OBJECT_TABLE || ds->remove_type == AST_OBJECT_SEQUENCE); i++)
	{
		const CatTable *t = find_relation(d, rangevar_of(d, (const AstList *) ast_list_nth(ds->objects, i)), true);

		mg_error_reset(d->err);
		dropping[i] = t ? t->oid : InvalidOid;
	}
	for (int i = 0; i < nobj; i++)
	{
		const AstList *names = (const AstList *) ast_list_nth(ds->objects, i);

		switch (ds->remove_type)
		{
			case AST_OBJECT_TABLE:
			case AST_OBJECT_SEQUENCE:
				{
					AstRangeVar *rv = rangevar_of(d, names);
					const CatTable *t = find_relation(d, rv, true);
					char		want = ds->remove_type == AST_OBJECT_TABLE ? 'r' : 'S';

					if (mg_error_isset(d->err))
						return -1;
					if (!t || t->relkind != want)
					{
						if (t)
						{
							mg_error(d->err, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a %s", rv->relname,
									 object_kind_name(ds->remove_type));
							mg_error_hint(d->err, "Use DROP %s to remove a %s.",
										  t->relkind == 'S' ? "SEQUENCE" : "TABLE",
										  t->relkind == 'S' ? "sequence" : "table");
							return -1;
						}
						if (ds->missing_ok)
						{
							session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION,
										   "%s \"%s\" does not exist, skipping", object_kind_name(ds->remove_type),
										   rv->relname);
							continue;
						}
						mg_error(d->err, SQLSTATE_UNDEFINED_TABLE, "%s \"%s\" does not exist",
								 object_kind_name(ds->remove_type), rv->relname);
						return -1;
					}
					{
						StrBuf		deps;
						int			ndeps = 0;
						const char *tname = arena_strdup(d->a, t->name);

						strbuf_init_arena(&deps, d->a);
						if (drop_table_obj(d, t, cascade, dropping, nobj, &deps, &ndeps) < 0 ||
							report_deps(d, cascade, "table", tname, &deps, ndeps) < 0)
							return -1;
					}
					break;
				}
			case AST_OBJECT_INDEX:
				{
					AstRangeVar *rv = rangevar_of(d, names);
					const CatIndex *ix = NULL;
					const CatTable *t = NULL;
					Oid			path[64];
					int			np;

					if (rv->schemaname)
					{
						const CatSchema *sc = catalog_schema(cur(d), rv->schemaname);

						if (sc)
							t = catalog_index_in(cur(d), sc->oid, rv->relname, &ix);
					}
					else
					{
						np = search_path_oids(d->s, cur(d), true, path, 64);
						for (int k = 0; k < np && !t; k++)
							t = catalog_index_in(cur(d), path[k], rv->relname, &ix);
					}
					if (!t)
					{
						if (ds->missing_ok)
						{
							session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION,
										   "index \"%s\" does not exist, skipping", rv->relname);
							continue;
						}
						mg_error(d->err, SQLSTATE_UNDEFINED_OBJECT, "index \"%s\" does not exist", rv->relname);
						return -1;
					}
					if (ix->constraint)
					{
						const CatConstraint *con = NULL;

						for (int k = 0; k < t->ncons; k++)
							if (t->cons[k].oid == ix->constraint)
								con = &t->cons[k];
						mg_error(d->err, SQLSTATE_DEPENDENT_OBJECTS_STILL_EXIST,
								 "cannot drop index %s because constraint %s on table %s requires it",
								 ix->name, con ? con->name : ix->name, t->name);
						mg_error_hint(d->err, "You can drop constraint %s on table %s instead.",
									  con ? con->name : ix->name, t->name);
						return -1;
					}
					{
						CatTable   *nt = cattable_clone(t);
						Oid			ixoid = ix->oid;

						if (st_index_drop(d->txn, t->oid, ixoid, d->err) < 0)
						{
							cattable_unref(nt);
							return -1;
						}
						cattable_remove_index(nt, ixoid);
						catalog_put_table(ddl_cat(d), nt);
					}
					break;
				}
			case AST_OBJECT_SCHEMA:
				{
					const char *name = ast_strval(ast_list_nth(names, 0));
					const CatSchema *sc = catalog_schema(cur(d), name);
					Catalog    *c;

					if (!sc)
					{
						if (ds->missing_ok)
						{
							session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION,
										   "schema \"%s\" does not exist, skipping", name);
							continue;
						}
						mg_error(d->err, SQLSTATE_UNDEFINED_SCHEMA, "schema \"%s\" does not exist", name);
						return -1;
					}
					if (sc->oid == PG_CATALOG_NAMESPACE)
					{
						mg_error(d->err, SQLSTATE_DEPENDENT_OBJECTS_STILL_EXIST,
								 "cannot drop schema %s because it is required by the database system", name);
						return -1;
					}
					c = ddl_cat(d);
					sc = catalog_schema(c, name);
					{
						Oid			soid = sc->oid;
						StrBuf		deps;
						int			ndeps = 0;

						strbuf_init_arena(&deps, d->a);
						for (int k = 0; k < c->ntables; k++)
						{
							const CatTable *t = c->tables[k];

							if (t->schema != soid || (t->relkind == 'S' && t->seq->owned_by_table))
								continue;
							if (ndeps++ > 0)
								strbuf_putc(&deps, '\n');
							strbuf_printf(&deps, "%s%s %s.%s%s", cascade ? "drop cascades to " : "",
										  t->relkind == 'S' ? "sequence" : "table", name, t->name,
										  cascade ? "" : " depends on schema ");
							if (!cascade)
								strbuf_puts(&deps, name);
						}
						if (report_deps(d, cascade, "schema", name, &deps, ndeps) < 0)
							return -1;
						for (int k = 0; k < c->ntables; k++)
						{
							const CatTable *t = c->tables[k];
							StrBuf		more;
							int			nmore = 0;

							if (t->schema != soid)
								continue;
							strbuf_init_arena(&more, d->a);
							if (drop_table_obj(d, t, true, NULL, 0, &more, &nmore) < 0)
								return -1;
							k = -1;
						}
						catalog_remove_schema(c, soid);
					}
					break;
				}
			default:
				mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "DROP %s is not supported yet",
						 object_kind_name(ds->remove_type));
				return -1;
		}
	}
	return 0;
}

/* ---- CREATE INDEX -------------------------------------------------------- */

static int
create_index(Ddl *d, const AstIndexStmt *is)
{
	const CatTable *t = find_relation(d, is->relation, false);
	int			n = ast_list_length(is->index_params);
	int16_t		attnums[32];
	unsigned	flags[32];
	CatTable   *nt;

	if (!t)
		return -1;
	if (t->relkind != 'r')
	{
		mg_error(d->err, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a table", t->name);
		return -1;
	}
	if (strcmp(is->access_method, "btree") != 0)
	{
		mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "access method \"%s\" is not supported yet", is->access_method);
		return -1;
	}
	if (is->where_clause || is->index_including_params)
	{
		mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s indexes are not supported yet",
				 is->where_clause ? "partial" : "INCLUDE");
		return -1;
	}
	if (n > 32)
	{
		mg_error(d->err, SQLSTATE_TOO_MANY_COLUMNS, "cannot use more than 32 columns in an index");
		return -1;
	}
	if (is->idxname && relname_taken(cur(d), t->schema, is->idxname))
	{
		if (is->if_not_exists)
		{
			session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_DUPLICATE_TABLE,
						   "relation \"%s\" already exists, skipping", is->idxname);
			return 0;
		}
		mg_error(d->err, SQLSTATE_DUPLICATE_TABLE, "relation \"%s\" already exists", is->idxname);
		return -1;
	}
	for (int i = 0; i < n; i++)
	{
		const AstIndexElem *el = (const AstIndexElem *) ast_list_nth(is->index_params, i);
		const CatColumn *c;

		if (!el->name)
		{
			mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "indexes on expressions are not supported yet");
			position(d, el->hdr.location);
			return -1;
		}
		if (!(c = cattable_column(t, el->name)))
		{
			mg_error(d->err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" does not exist", el->name);
			position(d, el->hdr.location);
			return -1;
		}
		attnums[i] = c->attnum;
		flags[i] = 0;
		if (el->ordering == AST_SORTBY_DESC)
			flags[i] |= IDXKEY_DESC;
		if (el->nulls_ordering == AST_SORTBY_NULLS_FIRST ||
			(el->nulls_ordering == AST_SORTBY_NULLS_DEFAULT && el->ordering == AST_SORTBY_DESC))
			flags[i] |= IDXKEY_NULLS_FIRST;
	}
	nt = cattable_clone(t);
	if (add_index(d, nt, is->idxname, n, attnums, flags, is->unique, false, false, true, is->hdr.location) < 0)
	{
		cattable_unref(nt);
		return -1;
	}
	cattable_finish(nt);
	catalog_put_table(ddl_cat(d), nt);
	return 0;
}

/* ---- TRUNCATE ------------------------------------------------------------ */

static int
truncate_stmt(Ddl *d, const AstTruncateStmt *ts)
{
	int			n = ast_list_length(ts->relations);
	const CatTable **tabs = arena_new_array(d->a, const CatTable *, n + 64);
	int			nt = 0;

	for (int i = 0; i < n; i++)
	{
		const CatTable *t = find_relation(d, (const AstRangeVar *) ast_list_nth(ts->relations, i), false);

		if (!t)
			return -1;
		if (t->relkind != 'r')
		{
			mg_error(d->err, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a table", t->name);
			return -1;
		}
		tabs[nt++] = t;
	}
	/* Tables referencing a truncated one must be truncated too (CASCADE) or be in the list. */
	for (int i = 0; i < nt; i++)
	{
		const Catalog *c = cur(d);

		for (int k = 0; k < c->ntables; k++)
		{
			const CatTable *o = c->tables[k];
			bool		listed = false;

			for (int j = 0; j < nt; j++)
				if (tabs[j]->oid == o->oid)
					listed = true;
			if (listed)
				continue;
			for (int m = 0; m < o->ncons; m++)
			{
				if (o->cons[m].type != CON_FOREIGN || o->cons[m].ref_table != tabs[i]->oid)
					continue;
				if (ts->behavior != AST_DROP_CASCADE)
				{
					mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
							 "cannot truncate a table referenced in a foreign key constraint");
					mg_error_detail(d->err, "Table \"%s\" references \"%s\".", o->name, tabs[i]->name);
					mg_error_hint(d->err, "Truncate table \"%s\" at the same time, or use TRUNCATE ... CASCADE.",
								  o->name);
					return -1;
				}
				session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION,
							   "truncate cascades to table \"%s\"", o->name);
				tabs[nt++] = o;
				break;
			}
		}
	}
	for (int i = 0; i < nt; i++)
	{
		if (st_table_truncate(d->txn, tabs[i]->oid, d->err) < 0)
			return -1;
		if (ts->restart_seqs)
		{
			const Catalog *c = cur(d);

			for (int k = 0; k < c->ntables; k++)
				if (c->tables[k]->relkind == 'S' && c->tables[k]->seq->owned_by_table == tabs[i]->oid)
					seq_reset(d->s->db, c->tables[k]);
		}
	}
	return 0;
}

/* ---- CREATE SCHEMA / SEQUENCE -------------------------------------------- */

static int
create_schema(Ddl *d, const AstCreateSchemaStmt *cs)
{
	const char *name = cs->schemaname;

	if (!name)
		name = cs->authrole && cs->authrole->rolename ? cs->authrole->rolename : d->s->user;
	if (strncmp(name, "pg_", 3) == 0)
	{
		mg_error(d->err, SQLSTATE_RESERVED_NAME, "unacceptable schema name \"%s\"", name);
		mg_error_detail(d->err, "The prefix \"pg_\" is reserved for system schemas.");
		return -1;
	}
	if (catalog_schema(cur(d), name))
	{
		if (cs->if_not_exists)
		{
			session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_DUPLICATE_SCHEMA,
						   "schema \"%s\" already exists, skipping", name);
			return 0;
		}
		mg_error(d->err, SQLSTATE_DUPLICATE_SCHEMA, "schema \"%s\" already exists", name);
		return -1;
	}
	catalog_add_schema(ddl_cat(d), catalog_new_oid(), name, 10);
	return 0;
}

/* OWNED BY t.col (or NONE) of a sequence's options. */
static int
seq_owned_by(Ddl *d, CatTable *seq, const AstList *options)
{
	for (int i = 0; i < ast_list_length(options); i++)
	{
		const AstDefElem *o = (const AstDefElem *) ast_list_nth(options, i);
		const AstList *names;
		int			n;
		AstList		tbl;
		const CatTable *t;
		const CatColumn *c;

		if (strcmp(o->defname, "owned_by") != 0)
			continue;
		names = (const AstList *) o->arg;
		n = ast_list_length(names);
		if (n == 1 && strcmp(ast_strval(ast_list_nth(names, 0)), "none") == 0)
		{
			seq->seq->owned_by_table = 0;
			seq->seq->owned_by_col = 0;
			continue;
		}
		if (n < 2)
		{
			mg_error(d->err, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid OWNED BY option");
			mg_error_hint(d->err, "Specify OWNED BY table.column or OWNED BY NONE.");
			return -1;
		}
		tbl = *names;
		tbl.length = n - 1;
		if (!(t = find_relation(d, rangevar_of(d, &tbl), false)))
			return -1;
		if (!(c = cattable_column(t, ast_strval(ast_list_nth(names, n - 1)))))
		{
			mg_error(d->err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
					 ast_strval(ast_list_nth(names, n - 1)), t->name);
			return -1;
		}
		seq->seq->owned_by_table = t->oid;
		seq->seq->owned_by_col = c->attnum;
	}
	return 0;
}

static int
create_sequence(Ddl *d, const AstCreateSeqStmt *cs)
{
	const CatSchema *sc = creation_schema(d, cs->sequence->schemaname, cs->sequence->hdr.location);
	CatTable   *seq;

	if (!sc)
		return -1;
	if (relname_taken(cur(d), sc->oid, cs->sequence->relname))
	{
		if (cs->if_not_exists)
		{
			session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_DUPLICATE_TABLE,
						   "relation \"%s\" already exists, skipping", cs->sequence->relname);
			return 0;
		}
		mg_error(d->err, SQLSTATE_DUPLICATE_TABLE, "relation \"%s\" already exists", cs->sequence->relname);
		return -1;
	}
	if (!(seq = make_sequence(d, sc->oid, cs->sequence->relname, cs->options, 0, 0, InvalidOid)))
		return -1;
	if (seq_owned_by(d, seq, cs->options) < 0)
	{
		cattable_unref(seq);
		return -1;
	}
	catalog_put_table(ddl_cat(d), seq);
	return 0;
}

static int
alter_sequence(Ddl *d, const AstAlterSeqStmt *as)
{
	const CatTable *t = find_relation(d, as->sequence, as->missing_ok);
	CatTable   *nt;
	bool		restart = false;
	int64_t		rv = 0;

	if (!t)
	{
		if (mg_error_isset(d->err))
			return -1;
		session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION,
					   "relation \"%s\" does not exist, skipping", as->sequence->relname);
		return 0;
	}
	if (t->relkind != 'S')
	{
		mg_error(d->err, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", t->name);
		return -1;
	}
	nt = cattable_clone(t);
	if (seq_options(d, nt->seq, as->options, false, &restart, &rv) < 0 || seq_owned_by(d, nt, as->options) < 0)
	{
		cattable_unref(nt);
		return -1;
	}
	if (restart)
	{
		StSeqState	st = {.last_value = rv, .is_called = false, .log_cnt = 1};

		st_seq_set(d->s->db, nt->oid, &st);
	}
	catalog_put_table(ddl_cat(d), nt);
	return 0;
}

/* ---- ALTER TABLE --------------------------------------------------------- */

static CatColumn *
alter_column(Ddl *d, CatTable *t, const char *name)
{
	for (int i = 0; i < t->ncols; i++)
		if (!t->cols[i].dropped && strcmp(t->cols[i].name, name) == 0)
			return &t->cols[i];
	mg_error(d->err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist", name, t->name);
	return NULL;
}

static bool
expr_uses_column(const Expr *e, int slot)
{
	if (!e)
		return false;
	if (e->kind == EXPR_VAR && e->u.var == slot)
		return true;
	for (int i = 0; i < e->nargs; i++)
		if (expr_uses_column(e->args[i], slot))
			return true;
	if (e->kind == EXPR_CASE)
	{
		for (int i = 0; i < e->u.kase.nwhen; i++)
			if (expr_uses_column(e->u.kase.when[i], slot) || expr_uses_column(e->u.kase.then[i], slot))
				return true;
		return expr_uses_column(e->u.kase.defresult, slot);
	}
	return false;
}

/* ALTER COLUMN ... TYPE: every row is rewritten through the conversion; indexes on the column are rebuilt. */
static int
alter_column_type(Ddl *d, CatTable *t, const AstAlterTableCmd *cmd)
{
	const AstColumnDef *cd = (const AstColumnDef *) cmd->def;
	CatColumn  *c = alter_column(d, t, cmd->name);
	ParseState	ps;
	Oid			type;
	int32_t		typmod;
	Expr	   *conv;
	int			slot;
	StColumn   *oldst;
	StCursor	cr;
	uint64_t	rowid;
	const StTuple *tup;
	Datum	   *v;
	bool	   *n;
	const Catalog *cat = cur(d);

	if (!c)
		return -1;
	slot = c->attnum - 1;
	for (int i = 0; i < t->ncons; i++)
		if ((t->cons[i].type == CON_CHECK && expr_uses_column(t->cons[i].check, slot)) ||
			t->cons[i].type == CON_FOREIGN)
			for (int k = 0; k < t->cons[i].ncols || t->cons[i].type == CON_CHECK; k++)
			{
				if (t->cons[i].type == CON_CHECK || t->cons[i].cols[k] == c->attnum)
				{
					mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
							 "altering the type of a column used by constraint \"%s\" is not supported yet",
							 t->cons[i].name);
					return -1;
				}
			}
	for (int i = 0; i < cat->ntables; i++)
		for (int k = 0; k < cat->tables[i]->ncons; k++)
		{
			const CatConstraint *fk = &cat->tables[i]->cons[k];

			if (fk->type == CON_FOREIGN && fk->ref_table == t->oid)
				for (int j = 0; j < fk->ncols; j++)
					if (fk->ref_cols[j] == c->attnum)
					{
						mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
								 "altering the type of a column used by constraint \"%s\" is not supported yet", fk->name);
						return -1;
					}
		}
	pstate_init(&ps, d->s, t->arena, d->portal->p->query, NULL, 0, d->err);
	ps.cat = cat;
	ps.params_fixed = true;
	if (transform_type_name(&ps, cd->type_name, &type, &typmod) < 0)
		return -1;
	ps.scope = scope_for_table(d->a, t, NULL, 0);
	if (cmd->using_expr)
	{
		ps.agg_context = "transform expressions";
		if (!(conv = transform_expr(&ps, cmd->using_expr)))
			return -1;
	}
	else
	{
		conv = expr_new(d->a, EXPR_VAR, c->type, 0, -1);
		conv->typmod = c->typmod;
		conv->u.var = slot;
	}
	{
		Expr	   *cc = coerce_to(&ps, conv, type, typmod, CAST_ASSIGNMENT, -1);

		if (!cc)
		{
			StrBuf		tn;

			mg_error_reset(d->err);
			strbuf_init_arena(&tn, d->a);
			type_format(type, -1, &tn);
			mg_error(d->err, SQLSTATE_DATATYPE_MISMATCH, "column \"%s\" cannot be cast automatically to type %s",
					 c->name, tn.data);
			mg_error_hint(d->err, "You might need to specify \"USING %s::%s\".", c->name, tn.data);
			return -1;
		}
		conv = cc;
	}
	if (c->default_expr)
	{
		Expr	   *od = expr_copy(t->arena, c->default_expr);
		Expr	   *nd;

		/* PostgreSQL strips the implicit coercions of the old default first. */
		while (od->kind == EXPR_CAST && !od->u.cast.explicit_cast)
			od = od->args[0];
		nd = coerce_to(&ps, od, type, typmod, CAST_ASSIGNMENT, -1);

		if (!nd)
		{
			mg_error_reset(d->err);
			mg_error(d->err, SQLSTATE_DATATYPE_MISMATCH, "default for column \"%s\" cannot be cast automatically to type %s",
					 c->name, type_display_name(&ps, type));
			return -1;
		}
		c->default_expr = nd;
		set_default_text(d, t, c);
	}
	/* Rewrite: read with the old layout (and old missing values), write with the new one. */
	oldst = arena_new_array(d->a, StColumn, t->ncols + 1);
	memcpy(oldst, t->stcols, sizeof(StColumn) * (size_t) t->ncols);
	bool		had_missing = c->has_missing;
	Datum		old_missing = c->missing;
	bool		old_missing_null = c->missing_null;

	c->type = type;
	c->typmod = typmod;
	c->mt = type_by_oid(type);
	c->has_missing = false;
	cattable_finish(t);
	v = arena_new_array(d->a, Datum, t->ncols + 1);
	n = arena_new_array(d->a, bool, t->ncols + 1);
	st_scan_open(&cr, d->txn, t->oid, 0, false);
	while (st_cursor_next(&cr, &rowid, &tup))
	{
		ExprRunState rs = {0};
		ExprRow		row = {v, n};
		Datum		nv;
		bool		nn;
		StTuple    *nt;

		st_tuple_deform(tup, oldst, t->ncols, v, n);
		for (int k = st_tuple_natts(tup); k < t->ncols; k++)
		{
			if (k == slot && had_missing)
			{
				v[k] = old_missing;
				n[k] = old_missing_null;
			}
			else if (t->cols[k].has_missing)
			{
				v[k] = t->cols[k].missing;
				n[k] = t->cols[k].missing_null;
			}
		}
		if (expr_eval(&d->ctx, &rs, conv, &row, &nv, &nn) < 0 ||
			(c->notnull && nn && (mg_error(d->err, SQLSTATE_NOT_NULL_VIOLATION,
										   "column \"%s\" of relation \"%s\" contains null values", c->name,
										   t->name), true)))
		{
			st_cursor_close(&cr);
			return -1;
		}
		v[slot] = nv;
		n[slot] = nn;
		if (!(nt = st_tuple_form(d->a, t->stcols, t->ncols, v, n, d->err)) ||
			st_update(d->txn, t->oid, rowid, nt, d->err) < 0)
		{
			st_cursor_close(&cr);
			return -1;
		}
	}
	st_cursor_close(&cr);
	for (int i = 0; i < t->nindexes; i++)
	{
		CatIndex   *ix = &t->indexes[i];
		bool		uses = false;

		for (int k = 0; k < ix->ncols; k++)
			if (ix->attnums[k] == c->attnum)
			{
				uses = true;
				ix->flags[k] = (ix->flags[k] & ~(unsigned) IDXKEY_FIXED) | (c->mt->byval ? IDXKEY_FIXED : 0);
			}
		if (!uses)
			continue;
		if (!c->mt->key_encode)
		{
			mg_error(d->err, SQLSTATE_UNDEFINED_OBJECT,
					 "data type %s has no default operator class for access method \"btree\"",
					 type_display_name(&ps, type));
			return -1;
		}
		if (st_index_drop(d->txn, t->oid, ix->oid, d->err) < 0 ||
			st_index_create(d->txn, t->oid, ix->oid, d->err) < 0 ||
			build_index(d, t, ix, ix->name) < 0)
			return -1;
	}
	return 0;
}

static int
alter_cmd(Ddl *d, CatTable *t, const AstAlterTableCmd *cmd)
{
	switch (cmd->subtype)
	{
		case AST_AT_ADD_COLUMN:
			{
				const AstColumnDef *cd = (const AstColumnDef *) cmd->def;
				PendingKey	keys[4],
							fks[4];
				const AstConstraint *checks[8];
				CatTable   *seqbuf[4];
				CatTable  **seqs = seqbuf;
				int			nk = 0,
							nf = 0,
							nc = 0,
							ns = 0;
				CatColumn  *c;

				if (cattable_column(t, cd->colname))
				{
					if (cmd->missing_ok)
					{
						session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_DUPLICATE_COLUMN,
									   "column \"%s\" of relation \"%s\" already exists, skipping", cd->colname,
									   t->name);
						return 0;
					}
					mg_error(d->err, SQLSTATE_DUPLICATE_COLUMN, "column \"%s\" of relation \"%s\" already exists",
							 cd->colname, t->name);
					return -1;
				}
				if (ast_list_length(cd->constraints) > 4)
				{
					mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "too many constraints on one added column");
					return -1;
				}
				if (add_column_def(d, t, cd, keys, &nk, fks, &nf, checks, &nc, &seqs, &ns) < 0)
					return -1;
				c = &t->cols[t->ncols - 1];
				/* Existing rows read the default as it is now (PostgreSQL's "missing value"). */
				if (c->default_expr)
				{
					ExprRunState rs = {0};
					Datum		v;
					bool		isnull;

					if (expr_eval(&d->ctx, &rs, c->default_expr, NULL, &v, &isnull) < 0)
						return -1;
					c->has_missing = true;
					c->missing_null = isnull;
					c->missing = isnull ? 0 : datum_copy(t->arena, c->mt, v);
					if (c->default_expr->kind == EXPR_FUNC && c->default_expr->u.func.def->volatility == FUNC_VOLATILE &&
						st_table_rows(d->txn, t->oid) > 0)
					{
						mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
								 "adding a column with a volatile default to a non-empty table is not supported yet");
						return -1;
					}
				}
				if (c->notnull && (!c->has_missing || c->missing_null) && st_table_rows(d->txn, t->oid) > 0)
				{
					mg_error(d->err, SQLSTATE_NOT_NULL_VIOLATION, "column \"%s\" of relation \"%s\" contains null values",
							 c->name, t->name);
					return -1;
				}
				cattable_finish(t);
				for (int i = 0; i < nc; i++)
					if (add_check(d, t, checks[i]) < 0)
						return -1;
				for (int i = 0; i < nk; i++)
					if (add_key(d, t, &keys[i], true) < 0)
						return -1;
				for (int i = 0; i < nf; i++)
					if (add_foreign_key(d, t, &fks[i], true) < 0)
						return -1;
				return 0;
			}
		case AST_AT_COLUMN_DEFAULT:
			{
				CatColumn  *c = alter_column(d, t, cmd->name);

				if (!c)
					return -1;
				c->default_expr = NULL;
				c->default_text = NULL;
				if (cmd->def)
					return set_default(d, t, c, cmd->def);
				return 0;
			}
		case AST_AT_SET_NOT_NULL:
			{
				CatColumn  *c = alter_column(d, t, cmd->name);
				StCursor	cr;
				uint64_t	rowid;
				const StTuple *tup;

				if (!c)
					return -1;
				st_scan_open(&cr, d->txn, t->oid, 0, false);
				while (st_cursor_next(&cr, &rowid, &tup))
				{
					bool		isnull;

					st_tuple_getattr(tup, t->stcols, c->attnum - 1, &isnull);
					if (c->attnum - 1 >= st_tuple_natts(tup))
						isnull = !c->has_missing || c->missing_null;
					if (isnull)
					{
						st_cursor_close(&cr);
						mg_error(d->err, SQLSTATE_NOT_NULL_VIOLATION,
								 "column \"%s\" of relation \"%s\" contains null values", c->name, t->name);
						return -1;
					}
				}
				st_cursor_close(&cr);
				c->notnull = true;
				return 0;
			}
		case AST_AT_DROP_NOT_NULL:
			{
				CatColumn  *c = alter_column(d, t, cmd->name);

				if (!c)
					return -1;
				for (int i = 0; i < t->nindexes; i++)
					if (t->indexes[i].primary)
						for (int k = 0; k < t->indexes[i].ncols; k++)
							if (t->indexes[i].attnums[k] == c->attnum)
							{
								mg_error(d->err, SQLSTATE_INVALID_TABLE_DEFINITION,
										 "column \"%s\" is in a primary key", c->name);
								return -1;
							}
				c->notnull = false;
				return 0;
			}
		case AST_AT_ADD_CONSTRAINT:
			{
				const AstConstraint *con = (const AstConstraint *) cmd->def;
				PendingKey	k;

				if (con->conname && cattable_constraint(t, con->conname))
				{
					mg_error(d->err, SQLSTATE_DUPLICATE_OBJECT, "constraint \"%s\" for relation \"%s\" already exists",
							 con->conname, t->name);
					return -1;
				}
				switch (con->contype)
				{
					case AST_CONSTR_PRIMARY:
					case AST_CONSTR_UNIQUE:
						if (collect_key(d, t, con, con->keys, &k) < 0)
							return -1;
						return add_key(d, t, &k, true);
					case AST_CONSTR_FOREIGN:
						if (collect_key(d, t, con, con->fk_attrs, &k) < 0)
							return -1;
						return add_foreign_key(d, t, &k, !con->skip_validation);
					case AST_CONSTR_CHECK:
						{
							StCursor	cr;
							uint64_t	rowid;
							const StTuple *tup;
							RowOps		ro = {.session = d->s, .txn = d->txn, .cat = cur(d), .ctx = &d->ctx};
							Datum	   *v = arena_new_array(d->a, Datum, t->ncols + 1);
							bool	   *n = arena_new_array(d->a, bool, t->ncols + 1);
							CatTable	one;

							if (add_check(d, t, con) < 0)
								return -1;
							one = *t;
							one.ncons = 1;
							one.cons = &t->cons[t->ncons - 1];
							for (int i = 0; i < t->ncols; i++)
								if (one.cols[i].notnull)
								{
									/* only the new CHECK is verified here */
									break;
								}
							st_scan_open(&cr, d->txn, t->oid, 0, false);
							while (st_cursor_next(&cr, &rowid, &tup))
							{
								ExprRunState rs = {0};
								ExprRow		row;
								Datum		r;
								bool		rn;

								st_tuple_deform(tup, t->stcols, t->ncols, v, n);
								row.values = v;
								row.nulls = n;
								if (expr_eval(&d->ctx, &rs, one.cons->check, &row, &r, &rn) < 0)
								{
									st_cursor_close(&cr);
									return -1;
								}
								if (!rn && !DatumGetBool(r))
								{
									st_cursor_close(&cr);
									mg_error(d->err, SQLSTATE_CHECK_VIOLATION,
											 "check constraint \"%s\" of relation \"%s\" is violated by some row",
											 one.cons->name, t->name);
									return -1;
								}
							}
							st_cursor_close(&cr);
							(void) ro;
							return 0;
						}
					default:
						mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "this constraint type is not supported yet");
						return -1;
				}
			}
		case AST_AT_DROP_CONSTRAINT:
			{
				const CatConstraint *con = cattable_constraint(t, cmd->name);

				if (!con)
				{
					if (cmd->missing_ok)
					{
						session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION,
									   "constraint \"%s\" of relation \"%s\" does not exist, skipping", cmd->name,
									   t->name);
						return 0;
					}
					mg_error(d->err, SQLSTATE_UNDEFINED_OBJECT, "constraint \"%s\" of relation \"%s\" does not exist",
							 cmd->name, t->name);
					return -1;
				}
				if (con->type == CON_PRIMARY || con->type == CON_UNIQUE)
				{
					const Catalog *c = cur(d);
					Oid			ixoid = con->index;

					for (int i = 0; i < c->ntables; i++)
						for (int k = 0; k < c->tables[i]->ncons; k++)
							if (c->tables[i]->cons[k].type == CON_FOREIGN && c->tables[i]->cons[k].ref_index == ixoid &&
								c->tables[i]->oid != t->oid)
							{
								if (cmd->behavior != AST_DROP_CASCADE)
								{
									mg_error(d->err, SQLSTATE_DEPENDENT_OBJECTS_STILL_EXIST,
											 "cannot drop constraint %s on table %s because other objects depend on it",
											 con->name, t->name);
									mg_error_detail(d->err, "constraint %s on table %s depends on index %s",
													c->tables[i]->cons[k].name, c->tables[i]->name, con->name);
									mg_error_hint(d->err, "Use DROP ... CASCADE to drop the dependent objects too.");
									return -1;
								}
								{
									CatTable   *o = cattable_clone(c->tables[i]);

									session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION,
												   "drop cascades to constraint %s on table %s",
												   c->tables[i]->cons[k].name, c->tables[i]->name);
									cattable_remove_constraint(o, c->tables[i]->cons[k].oid);
									catalog_put_table(ddl_cat(d), o);
									c = cur(d);
									i = -1;
									break;
								}
							}
					if (st_index_drop(d->txn, t->oid, ixoid, d->err) < 0)
						return -1;
					cattable_remove_index(t, ixoid);
				}
				cattable_remove_constraint(t, con->oid);
				return 0;
			}
		case AST_AT_DROP_COLUMN:
			{
				CatColumn  *c = NULL;

				for (int i = 0; i < t->ncols; i++)
					if (!t->cols[i].dropped && strcmp(t->cols[i].name, cmd->name) == 0)
						c = &t->cols[i];
				if (!c)
				{
					if (cmd->missing_ok)
					{
						session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION,
									   "column \"%s\" of relation \"%s\" does not exist, skipping", cmd->name, t->name);
						return 0;
					}
					mg_error(d->err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
							 cmd->name, t->name);
					return -1;
				}
				/* Indexes and constraints on the column go with it. */
				for (int i = 0; i < t->ncons; i++)
				{
					bool		uses = false;

					for (int k = 0; k < t->cons[i].ncols; k++)
						if (t->cons[i].cols[k] == c->attnum)
							uses = true;
					if (uses)
					{
						if (t->cons[i].index && st_index_drop(d->txn, t->oid, t->cons[i].index, d->err) < 0)
							return -1;
						if (t->cons[i].index)
							cattable_remove_index(t, t->cons[i].index);
						cattable_remove_constraint(t, t->cons[i].oid);
						i = -1;
					}
				}
				for (int i = 0; i < t->nindexes; i++)
					for (int k = 0; k < t->indexes[i].ncols; k++)
						if (t->indexes[i].attnums[k] == c->attnum)
						{
							if (st_index_drop(d->txn, t->oid, t->indexes[i].oid, d->err) < 0)
								return -1;
							cattable_remove_index(t, t->indexes[i].oid);
							i = -1;
							break;
						}
				c->dropped = true;
				c->notnull = false;
				c->default_expr = NULL;
				c->name = arena_sprintf(t->arena, "........pg.dropped.%d........", c->attnum);
				return 0;
			}
		case AST_AT_ALTER_COLUMN_TYPE:
			return alter_column_type(d, t, cmd);
		case AST_AT_SET_STATISTICS:
		case AST_AT_SET_STORAGE:
		case AST_AT_CHANGE_OWNER:
		case AST_AT_SET_LOGGED:
		case AST_AT_SET_UNLOGGED:
			return 0;			/* no effect in memory; accepted as PostgreSQL does */
		default:
			mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "this form of ALTER TABLE is not supported yet");
			return -1;
	}
}

static int
alter_table(Ddl *d, const AstAlterTableStmt *as)
{
	const CatTable *t = find_relation(d, as->relation, as->missing_ok);
	CatTable   *nt;

	if (!t)
	{
		if (mg_error_isset(d->err))
			return -1;
		session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION,
					   "relation \"%s\" does not exist, skipping", as->relation->relname);
		return 0;
	}
	if (t->relkind == 'S' && as->objtype != AST_OBJECT_SEQUENCE)
	{
		mg_error(d->err, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a table", t->name);
		return -1;
	}
	nt = cattable_clone(t);
	for (int i = 0; i < ast_list_length(as->cmds); i++)
	{
		if (alter_cmd(d, nt, (const AstAlterTableCmd *) ast_list_nth(as->cmds, i)) < 0)
		{
			cattable_unref(nt);
			return -1;
		}
	}
	cattable_finish(nt);
	catalog_put_table(ddl_cat(d), nt);
	return 0;
}

static int
rename_stmt(Ddl *d, const AstRenameStmt *rs)
{
	switch (rs->rename_type)
	{
		case AST_OBJECT_TABLE:
		case AST_OBJECT_SEQUENCE:
		case AST_OBJECT_COLUMN:
		case AST_OBJECT_TABCONSTRAINT:
			{
				const CatTable *t = find_relation(d, rs->relation, rs->missing_ok);
				CatTable   *nt;

				if (!t)
				{
					if (mg_error_isset(d->err))
						return -1;
					session_notice(d->s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION,
								   "relation \"%s\" does not exist, skipping", rs->relation->relname);
					return 0;
				}
				nt = cattable_clone(t);
				if (rs->rename_type == AST_OBJECT_COLUMN)
				{
					CatColumn  *c = alter_column(d, nt, rs->subname);

					if (!c)
					{
						mg_error(d->err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" does not exist", rs->subname);
						goto fail;
					}
					if (cattable_column(nt, rs->newname))
					{
						mg_error(d->err, SQLSTATE_DUPLICATE_COLUMN, "column \"%s\" of relation \"%s\" already exists",
								 rs->newname, t->name);
						goto fail;
					}
					c->name = arena_strdup(nt->arena, rs->newname);
				}
				else if (rs->rename_type == AST_OBJECT_TABCONSTRAINT)
				{
					CatConstraint *c = (CatConstraint *) cattable_constraint(nt, rs->subname);

					if (!c)
					{
						mg_error(d->err, SQLSTATE_UNDEFINED_OBJECT, "constraint \"%s\" for table \"%s\" does not exist",
								 rs->subname, t->name);
						goto fail;
					}
					c->name = arena_strdup(nt->arena, rs->newname);
				}
				else
				{
					if (relname_taken(cur(d), t->schema, rs->newname))
					{
						mg_error(d->err, SQLSTATE_DUPLICATE_TABLE, "relation \"%s\" already exists", rs->newname);
						goto fail;
					}
					nt->name = arena_strdup(nt->arena, rs->newname);
				}
				cattable_finish(nt);
				catalog_put_table(ddl_cat(d), nt);
				return 0;
fail:
				cattable_unref(nt);
				return -1;
			}
		case AST_OBJECT_SCHEMA:
			{
				Catalog    *c;
				CatSchema  *sc;

				if (!catalog_schema(cur(d), rs->subname))
				{
					mg_error(d->err, SQLSTATE_UNDEFINED_SCHEMA, "schema \"%s\" does not exist", rs->subname);
					return -1;
				}
				if (catalog_schema(cur(d), rs->newname))
				{
					mg_error(d->err, SQLSTATE_DUPLICATE_SCHEMA, "schema \"%s\" already exists", rs->newname);
					return -1;
				}
				c = ddl_cat(d);
				sc = (CatSchema *) catalog_schema(c, rs->subname);
				free(sc->name);
				sc->name = strdup(rs->newname);
				return 0;
			}
		default:
			mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ALTER ... RENAME of this object is not supported yet");
			return -1;
	}
}

static int
comment_stmt(Ddl *d, const AstCommentStmt *cs)
{
	int			n = ast_list_length(cs->object);

	switch (cs->objtype)
	{
		case AST_OBJECT_TABLE:
		case AST_OBJECT_COLUMN:
		case AST_OBJECT_SEQUENCE:
			{
				AstList		tbl = *cs->object;
				const CatTable *t;
				CatTable   *nt;

				if (cs->objtype == AST_OBJECT_COLUMN)
				{
					if (n < 2)
					{
						mg_error(d->err, SQLSTATE_SYNTAX_ERROR, "column name must be qualified");
						return -1;
					}
					tbl.length = n - 1;
				}
				if (!(t = find_relation(d, rangevar_of(d, &tbl), false)))
					return -1;
				nt = cattable_clone(t);
				if (cs->objtype == AST_OBJECT_COLUMN)
				{
					CatColumn  *c = alter_column(d, nt, ast_strval(ast_list_nth(cs->object, n - 1)));

					if (!c)
					{
						cattable_unref(nt);
						return -1;
					}
					c->comment = cs->comment ? arena_strdup(nt->arena, cs->comment) : NULL;
				}
				else
					nt->comment = cs->comment ? arena_strdup(nt->arena, cs->comment) : NULL;
				catalog_put_table(ddl_cat(d), nt);
				return 0;
			}
		case AST_OBJECT_SCHEMA:
			{
				const char *name = ast_strval(ast_list_nth(cs->object, 0));
				CatSchema  *sc;

				if (!catalog_schema(cur(d), name))
				{
					mg_error(d->err, SQLSTATE_UNDEFINED_SCHEMA, "schema \"%s\" does not exist", name);
					return -1;
				}
				sc = (CatSchema *) catalog_schema(ddl_cat(d), name);
				free(sc->comment);
				sc->comment = cs->comment ? strdup(cs->comment) : NULL;
				return 0;
			}
		default:
			mg_error(d->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COMMENT ON this object is not supported yet");
			return -1;
	}
}

/*
 * Drops a session's temporary schema and everything in it, in txn (session
 * end, or the next writer of the database when the lock was busy then).
 * Notices are not sent: the session may be gone.
 */
int
ddl_drop_temp_schema(SqlSession *s, StTxn *txn, Oid schema, MgError *err)
{
	Ddl			d;
	Arena	   *a = arena_create(1024);
	SqlNoticeHook hook = s->notice_hook;
	Catalog    *c;
	int			rc = 0;

	memset(&d, 0, sizeof(d));
	d.s = s;
	d.txn = txn;
	d.err = err;
	d.a = a;
	d.old = catalog_of_txn(txn);
	session_eval_ctx(s, &d.ctx, a, err);
	s->notice_hook = NULL;
	if (catalog_schema_by_oid(d.old, schema))
	{
		c = ddl_cat(&d);
		for (int k = 0; k < c->ntables && rc == 0; k++)
		{
			StrBuf		deps;
			int			ndeps = 0;

			if (c->tables[k]->schema != schema)
				continue;
			strbuf_init_arena(&deps, a);
			rc = drop_table_obj(&d, c->tables[k], true, NULL, 0, &deps, &ndeps);
			k = -1;
		}
		if (rc == 0)
		{
			catalog_remove_schema(c, schema);
			rc = ddl_publish(&d);
		}
		else
			ddl_abandon(&d);
	}
	s->notice_hook = hook;
	arena_free(a);
	return rc;
}

/* ---- entry points -------------------------------------------------------- */

bool
ddl_prepare(SqlPrepared *p)
{
	const AstNode *ast = p->ast;

	switch (AST_TAG(ast))
	{
		case AST_CREATE_STMT:
			p->command = "CREATE TABLE";
			break;
		case AST_CREATE_TABLE_AS_STMT:
			p->command = ((const AstCreateTableAsStmt *) ast)->is_select_into ? "SELECT" : "CREATE TABLE AS";
			break;
		case AST_DROP_STMT:
			{
				static const char *const tags[] = {
					[AST_OBJECT_TABLE] = "DROP TABLE", [AST_OBJECT_INDEX] = "DROP INDEX",
					[AST_OBJECT_SEQUENCE] = "DROP SEQUENCE", [AST_OBJECT_VIEW] = "DROP VIEW",
					[AST_OBJECT_SCHEMA] = "DROP SCHEMA",
				};
				AstObjectType k = ((const AstDropStmt *) ast)->remove_type;

				p->command = (k <= AST_OBJECT_SCHEMA && tags[k]) ? tags[k] : "DROP";
				break;
			}
		case AST_INDEX_STMT:
			p->command = "CREATE INDEX";
			break;
		case AST_TRUNCATE_STMT:
			p->command = "TRUNCATE TABLE";
			break;
		case AST_CREATE_SCHEMA_STMT:
			p->command = "CREATE SCHEMA";
			break;
		case AST_CREATE_SEQ_STMT:
			p->command = "CREATE SEQUENCE";
			break;
		case AST_ALTER_SEQ_STMT:
			p->command = "ALTER SEQUENCE";
			break;
		case AST_ALTER_TABLE_STMT:
			p->command = ((const AstAlterTableStmt *) ast)->objtype == AST_OBJECT_SEQUENCE ? "ALTER SEQUENCE" :
				((const AstAlterTableStmt *) ast)->objtype == AST_OBJECT_INDEX ? "ALTER INDEX" : "ALTER TABLE";
			break;
		case AST_RENAME_STMT:
			{
				const AstRenameStmt *r = (const AstRenameStmt *) ast;
				AstObjectType k = r->rename_type == AST_OBJECT_COLUMN || r->rename_type == AST_OBJECT_TABCONSTRAINT ?
				r->relation_type : r->rename_type;

				p->command = k == AST_OBJECT_SEQUENCE ? "ALTER SEQUENCE" : k == AST_OBJECT_SCHEMA ? "ALTER SCHEMA" :
					k == AST_OBJECT_INDEX ? "ALTER INDEX" : "ALTER TABLE";
				break;
			}
		case AST_COMMENT_STMT:
			p->command = "COMMENT";
			break;
		default:
			return false;
	}
	p->is_write = true;
	return true;
}

int
ddl_run(SqlPortal *portal, MgError *err)
{
	const AstNode *ast = portal->p->ast;
	Ddl			d;
	int			rc = -1;

	ddl_init(&d, portal, err);
	switch (AST_TAG(ast))
	{
		case AST_CREATE_STMT:
			rc = create_table(&d, (const AstCreateStmt *) ast);
			break;
		case AST_CREATE_TABLE_AS_STMT:
			rc = create_table_as(&d, (const AstCreateTableAsStmt *) ast);
			break;
		case AST_DROP_STMT:
			rc = drop_stmt(&d, (const AstDropStmt *) ast);
			break;
		case AST_INDEX_STMT:
			rc = create_index(&d, (const AstIndexStmt *) ast);
			break;
		case AST_TRUNCATE_STMT:
			rc = truncate_stmt(&d, (const AstTruncateStmt *) ast);
			break;
		case AST_CREATE_SCHEMA_STMT:
			rc = create_schema(&d, (const AstCreateSchemaStmt *) ast);
			break;
		case AST_CREATE_SEQ_STMT:
			rc = create_sequence(&d, (const AstCreateSeqStmt *) ast);
			break;
		case AST_ALTER_SEQ_STMT:
			rc = alter_sequence(&d, (const AstAlterSeqStmt *) ast);
			break;
		case AST_ALTER_TABLE_STMT:
			rc = alter_table(&d, (const AstAlterTableStmt *) ast);
			break;
		case AST_RENAME_STMT:
			rc = rename_stmt(&d, (const AstRenameStmt *) ast);
			break;
		case AST_COMMENT_STMT:
			rc = comment_stmt(&d, (const AstCommentStmt *) ast);
			break;
		default:
			mg_error(err, SQLSTATE_INTERNAL_ERROR, "not a DDL statement");
			break;
	}
	{
		/* rc 1: the statement set its own tag */
		bool		own_tag = rc == 1;

		if (rc >= 0)
			rc = ddl_publish(&d);
		else
			ddl_abandon(&d);
		if (rc == 0 && !own_tag)
			snprintf(portal->tag, sizeof(portal->tag), "%s", portal->p->command);
	}
	return rc;
}
