/*
 * catfuncs.c — the catalog functions psql, pg_dump and GUI clients call
 * next to the system catalogs: pg_get_expr, pg_get_indexdef,
 * pg_get_constraintdef, pg_get_function_result/arguments,
 * the pg_*_is_visible functions (NULL for objects memgres does not have),
 * getdatabaseencoding, the size functions,
 * pg_tablespace_location, shobj_description, has_database_privilege,
 * pg_has_role, pg_partition_ancestors, pg_relation_is_publishable, and
 * pg_get_triggerdef / pg_get_statisticsobjdef_columns /
 * pg_get_function_sqlbody / pg_get_viewdef (no such objects exist, and
 * the system views are computed, not defined in SQL: they return NULL).
 *
 * Design notes:
 *   - Every function reads the catalog of the running statement through
 *     the session (EvalCtx.session); outside a session they fail with 0A000.
 *   - An OID that names no object gives NULL, as PostgreSQL's functions do
 *     for a missing catalog row.
 *   - Sizes: memgres keeps rows in memory trees, not pages; the size
 *     functions return 0 for every existing relation and database (see
 *     doc/compatibility.md).
 *   - Privileges: memgres has no GRANTs on databases; has_database_privilege
 *     is true for any existing database, pg_has_role true for a superuser
 *     or the role itself.
 *
 * Invariants:
 *   1. The tables below are static and registered once, from
 *      register_session_funcs().
 */
#include <stdio.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "../catalog.h"
#include "../engine.h"
#include "../system.h"

static SqlSession *
need_session(FnCall *fc, const char *fname)
{
	SqlSession *s = fc->ctx->session;

	if (!s)
		mg_error(fc->ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "%s() is not available outside a session", fname);
	return s;
}

static int
return_null(FnCall *fc)
{
	fc->isnull = true;
	return 0;
}

static int
return_buf(FnCall *fc, StrBuf *sb, Datum *out)
{
	*out = cstring_text_datum(fc->ctx->arena, sb->data);
	return 0;
}

static bool
arg_bool(FnCall *fc, int i)
{
	return i < fc->nargs && !fc->argnull[i] && DatumGetBool(fc->args[i]);
}

/* pg_get_expr(pg_node_tree, relation [, pretty]): adbin and conbin as system.c writes them. */
static int
fn_get_expr(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "pg_get_expr");
	const Varlena *v;
	char		buf[128];
	unsigned	relid,
				conid;
	int			attnum;
	const Catalog *c;
	const CatTable *t = NULL;
	const Expr *e = NULL;
	StrBuf		sb;

	if (!s)
		return -1;
	if (fc->argnull[0] || fc->argnull[1])
		return return_null(fc);
	v = DatumGetVarlena(fc->args[0]);
	snprintf(buf, sizeof(buf), "%.*s", (int) (v->len < 127 ? v->len : 127), v->data);
	c = session_catalog(s);
	if (sscanf(buf, "{DEFAULT :relid %u :attnum %d}", &relid, &attnum) == 2)
	{
		t = catalog_table_by_oid(c, relid);
		if (t && attnum >= 1 && attnum <= t->ncols)
			e = t->cols[attnum - 1].default_expr;
	}
	else if (sscanf(buf, "{CONSTRAINT :conid %u}", &conid) == 1)
	{
		const CatConstraint *con = system_constraint(c, conid, &t);

		e = con ? con->check : NULL;
	}
	if (!e)
		return return_null(fc);
	strbuf_init_arena(&sb, fc->ctx->arena);
	ruleutils_expr(fc->ctx, c, t, e, arg_bool(fc, 2), &sb);
	return return_buf(fc, &sb, out);
}

/* pg_get_indexdef(index [, column, pretty]) */
static int
fn_get_indexdef(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "pg_get_indexdef");
	const Catalog *c;
	const CatTable *t;
	const CatIndex *ix;
	int			column = fc->nargs > 1 ? DatumGetInt32(fc->args[1]) : 0;
	StrBuf		sb;

	if (!s)
		return -1;
	c = session_catalog(s);
	t = system_relation(c, DatumGetObjectId(fc->args[0]), &ix);
	if (!t || !ix)
		return return_null(fc);
	strbuf_init_arena(&sb, fc->ctx->arena);
	ruleutils_indexdef(s, c, t, ix, column, arg_bool(fc, 2), &sb);
	return return_buf(fc, &sb, out);
}

/* pg_get_constraintdef(constraint [, pretty]) */
static int
fn_get_constraintdef(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "pg_get_constraintdef");
	const Catalog *c;
	const CatTable *t;
	const CatConstraint *con;
	StrBuf		sb;

	if (!s)
		return -1;
	c = session_catalog(s);
	con = system_constraint(c, DatumGetObjectId(fc->args[0]), &t);
	if (!con)
		return return_null(fc);
	strbuf_init_arena(&sb, fc->ctx->arena);
	ruleutils_constraintdef(fc->ctx, c, t, con, arg_bool(fc, 1), &sb);
	return return_buf(fc, &sb, out);
}

/* PostgreSQL's format_type_be: a type without typmod, bpchar spelled "character". */
static void
format_type_be(Oid type, StrBuf *out)
{
	if (type == BPCHAROID)
		strbuf_puts(out, "character");
	else
		type_format(type, -1, out);
}

/* A function or aggregate by OID, as pg_proc shows it. */
typedef struct ProcInfo
{
	int			nargs;
	const Oid  *argtypes;
	Oid			variadic;
	Oid			rettype;
	bool		retset;
} ProcInfo;

static bool
proc_info(Oid oid, ProcInfo *p)
{
	const FuncDef *f = func_by_oid(oid);
	const AggDef *g;

	if (f)
	{
		*p = (ProcInfo) {f->nargs, f->argtypes, f->variadic, f->rettype, f->retset};
		return true;
	}
	if ((g = agg_by_oid(oid)))
	{
		*p = (ProcInfo) {g->nargs, g->argtypes, InvalidOid, g->rettype, false};
		return true;
	}
	return false;
}

static int
fn_get_function_result(FnCall *fc, Datum *out)
{
	ProcInfo	p;
	StrBuf		sb;

	if (!proc_info(DatumGetObjectId(fc->args[0]), &p))
		return return_null(fc);
	strbuf_init_arena(&sb, fc->ctx->arena);
	if (p.retset)
		strbuf_puts(&sb, "SETOF ");
	format_type_be(p.rettype, &sb);
	return return_buf(fc, &sb, out);
}

/* pg_get_function_arguments and pg_get_function_identity_arguments: no names or defaults to show. */
static int
fn_get_function_arguments(FnCall *fc, Datum *out)
{
	ProcInfo	p;
	StrBuf		sb;

	if (!proc_info(DatumGetObjectId(fc->args[0]), &p))
		return return_null(fc);
	strbuf_init_arena(&sb, fc->ctx->arena);
	for (int i = 0; i < p.nargs; i++)
	{
		if (i)
			strbuf_puts(&sb, ", ");
		format_type_be(p.argtypes[i], &sb);
	}
	if (p.variadic)
	{
		const MgType *vt = type_by_oid(p.variadic);

		if (p.nargs)
			strbuf_puts(&sb, ", ");
		strbuf_puts(&sb, "VARIADIC ");
		type_format(p.variadic == ANYOID ? ANYOID : vt && vt->array ? vt->array : ANYARRAYOID, -1, &sb);
	}
	return return_buf(fc, &sb, out);
}

/* Every built-in function lives in pg_catalog, which is always searched. */
static int
fn_function_is_visible(FnCall *fc, Datum *out)
{
	ProcInfo	p;

	if (!proc_info(DatumGetObjectId(fc->args[0]), &p))
		return return_null(fc);
	*out = BoolGetDatum(true);
	return 0;
}

static int
fn_operator_is_visible(FnCall *fc, Datum *out)
{
	if (!oper_by_oid(DatumGetObjectId(fc->args[0])))
		return return_null(fc);
	*out = BoolGetDatum(true);
	return 0;
}

/* The collations pg_collation lists: default, C and POSIX. */
static int
fn_collation_is_visible(FnCall *fc, Datum *out)
{
	Oid			oid = DatumGetObjectId(fc->args[0]);

	if (oid != SYS_DEFAULT_COLLATION && oid != SYS_C_COLLATION && oid != SYS_POSIX_COLLATION)
		return return_null(fc);
	*out = BoolGetDatum(true);
	return 0;
}

static int
fn_getdatabaseencoding(FnCall *fc, Datum *out)
{
	*out = cstring_text_datum(fc->ctx->arena, "UTF8");
	return 0;
}

static int
fn_type_is_visible(FnCall *fc, Datum *out)
{
	if (!type_by_oid(DatumGetObjectId(fc->args[0])))
		return return_null(fc);
	*out = BoolGetDatum(true);
	return 0;
}

/* The size functions: 0 bytes for an existing relation, NULL for an unknown OID. */
static int
fn_relation_size(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "pg_relation_size");
	const CatIndex *ix;

	if (!s)
		return -1;
	if (!system_relation(session_catalog(s), DatumGetObjectId(fc->args[0]), &ix))
		return return_null(fc);
	*out = Int64GetDatum(0);
	return 0;
}

typedef struct DbFind
{
	Oid			oid;
	bool		found;
} DbFind;

static void
db_find(void *arg, const char *name, Oid oid)
{
	DbFind	   *f = arg;

	(void) name;
	if (oid == f->oid)
		f->found = true;
}

/* pg_database_size(name) / (oid): 0 bytes; 3D000 for an unknown database as PostgreSQL. */
static int
fn_database_size(FnCall *fc, Datum *out)
{
	if (fc->argtypes[0] == OIDOID)
	{
		DbFind		f = {.oid = DatumGetObjectId(fc->args[0])};

		st_cluster_foreach(sql_cluster, db_find, &f);
		if (!f.found)
			return return_null(fc);
	}
	else
	{
		const Varlena *v = DatumGetVarlena(fc->args[0]);
		char	   *name = arena_strndup(fc->ctx->arena, v->data, v->len);

		if (!sql_database_exists(name))
		{
			mg_error(fc->ctx->err, SQLSTATE_UNDEFINED_DATABASE, "database \"%s\" does not exist", name);
			return -1;
		}
	}
	*out = Int64GetDatum(0);
	return 0;
}

/* Tablespaces other than pg_default and pg_global do not exist: the location is always the data directory. */
static int
fn_tablespace_location(FnCall *fc, Datum *out)
{
	(void) fc;
	*out = cstring_text_datum(fc->ctx->arena, "");
	return 0;
}

/*
 * NULL: for objects memgres never has (shared comments, triggers, extended
 * statistics, SQL function bodies, view definitions, text search objects).
 */
static int
fn_null(FnCall *fc, Datum *out)
{
	(void) out;
	return return_null(fc);
}

/* Databases have no ACLs in memgres: any existing database grants every privilege. */
static int
fn_has_database_privilege(FnCall *fc, Datum *out)
{
	int			dbarg = fc->nargs - 2;

	if (fc->argtypes[dbarg] == OIDOID)
	{
		DbFind		f = {.oid = DatumGetObjectId(fc->args[dbarg])};

		st_cluster_foreach(sql_cluster, db_find, &f);
		if (!f.found)
			return return_null(fc);
	}
	else
	{
		const Varlena *v = DatumGetVarlena(fc->args[dbarg]);
		char	   *name = arena_strndup(fc->ctx->arena, v->data, v->len);

		if (!sql_database_exists(name))
		{
			mg_error(fc->ctx->err, SQLSTATE_UNDEFINED_DATABASE, "database \"%s\" does not exist", name);
			return -1;
		}
	}
	*out = BoolGetDatum(true);
	return 0;
}

/* pg_has_role(role, privilege): a superuser has every role's privileges; others only their own. */
static int
fn_pg_has_role(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "pg_has_role");
	const Varlena *v;

	if (!s)
		return -1;
	v = DatumGetVarlena(fc->args[0]);
	*out = BoolGetDatum(s->superuser || (strlen(s->user) == (size_t) v->len &&
										 memcmp(s->user, v->data, v->len) == 0));
	return 0;
}

/* pg_partition_ancestors(regclass): memgres has no partitioning, so no rows. */
static int
fn_partition_ancestors(FnCall *fc, Datum *out)
{
	(void) out;
	fc->srf_done = true;
	return 0;
}

/* pg_relation_is_publishable(regclass): a permanent user table. */
static int
fn_relation_is_publishable(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "pg_relation_is_publishable");
	const CatTable *t;
	const CatIndex *ix;

	if (!s)
		return -1;
	t = system_relation(session_catalog(s), DatumGetObjectId(fc->args[0]), &ix);
	if (!t)
		return return_null(fc);
	*out = BoolGetDatum(!ix && t->relkind == 'r' && t->oid >= 16384 && t->schema != PG_CATALOG_NAMESPACE);
	return 0;
}

#define CF(NAME, N, ARGS, RET, FN) \
	{.name = NAME, .nargs = N, .argtypes = ARGS, .rettype = RET, .strict = true, \
	 .volatility = FUNC_STABLE, .fn = FN}
#define A1(a) {a}
#define A2(a, b) {a, b}
#define A3(a, b, c) {a, b, c}

static const FuncDef catalog_funcs[] = {
	CF("pg_get_expr", 2, A2(TEXTOID, OIDOID), TEXTOID, fn_get_expr),
	CF("pg_get_expr", 3, A3(TEXTOID, OIDOID, BOOLOID), TEXTOID, fn_get_expr),
	CF("pg_get_indexdef", 1, A1(OIDOID), TEXTOID, fn_get_indexdef),
	CF("pg_get_indexdef", 3, A3(OIDOID, INT4OID, BOOLOID), TEXTOID, fn_get_indexdef),
	CF("pg_get_constraintdef", 1, A1(OIDOID), TEXTOID, fn_get_constraintdef),
	CF("pg_get_constraintdef", 2, A2(OIDOID, BOOLOID), TEXTOID, fn_get_constraintdef),
	CF("pg_get_function_result", 1, A1(OIDOID), TEXTOID, fn_get_function_result),
	CF("pg_get_function_arguments", 1, A1(OIDOID), TEXTOID, fn_get_function_arguments),
	CF("pg_get_function_identity_arguments", 1, A1(OIDOID), TEXTOID, fn_get_function_arguments),
	CF("pg_function_is_visible", 1, A1(OIDOID), BOOLOID, fn_function_is_visible),
	CF("pg_type_is_visible", 1, A1(OIDOID), BOOLOID, fn_type_is_visible),
	CF("pg_operator_is_visible", 1, A1(OIDOID), BOOLOID, fn_operator_is_visible),
	CF("pg_collation_is_visible", 1, A1(OIDOID), BOOLOID, fn_collation_is_visible),
	CF("pg_conversion_is_visible", 1, A1(OIDOID), BOOLOID, fn_null),
	CF("pg_statistics_obj_is_visible", 1, A1(OIDOID), BOOLOID, fn_null),
	CF("pg_ts_config_is_visible", 1, A1(OIDOID), BOOLOID, fn_null),
	CF("pg_ts_dict_is_visible", 1, A1(OIDOID), BOOLOID, fn_null),
	CF("pg_ts_parser_is_visible", 1, A1(OIDOID), BOOLOID, fn_null),
	CF("pg_ts_template_is_visible", 1, A1(OIDOID), BOOLOID, fn_null),
	{.name = "getdatabaseencoding", .nargs = 0, .rettype = NAMEOID, .strict = true,
	 .volatility = FUNC_STABLE, .fn = fn_getdatabaseencoding},
	CF("pg_relation_size", 1, A1(REGCLASSOID), INT8OID, fn_relation_size),
	CF("pg_relation_size", 2, A2(REGCLASSOID, TEXTOID), INT8OID, fn_relation_size),
	CF("pg_table_size", 1, A1(REGCLASSOID), INT8OID, fn_relation_size),
	CF("pg_indexes_size", 1, A1(REGCLASSOID), INT8OID, fn_relation_size),
	CF("pg_total_relation_size", 1, A1(REGCLASSOID), INT8OID, fn_relation_size),
	CF("pg_database_size", 1, A1(NAMEOID), INT8OID, fn_database_size),
	CF("pg_database_size", 1, A1(OIDOID), INT8OID, fn_database_size),
	CF("pg_tablespace_location", 1, A1(OIDOID), TEXTOID, fn_tablespace_location),
	CF("shobj_description", 2, A2(OIDOID, NAMEOID), TEXTOID, fn_null),
	CF("pg_get_triggerdef", 1, A1(OIDOID), TEXTOID, fn_null),
	CF("pg_get_triggerdef", 2, A2(OIDOID, BOOLOID), TEXTOID, fn_null),
	CF("pg_get_statisticsobjdef_columns", 1, A1(OIDOID), TEXTOID, fn_null),
	CF("pg_get_function_sqlbody", 1, A1(OIDOID), TEXTOID, fn_null),
	CF("pg_get_viewdef", 1, A1(OIDOID), TEXTOID, fn_null),
	CF("pg_get_viewdef", 2, A2(OIDOID, BOOLOID), TEXTOID, fn_null),
	CF("pg_get_viewdef", 2, A2(OIDOID, INT4OID), TEXTOID, fn_null),
	CF("pg_get_viewdef", 1, A1(TEXTOID), TEXTOID, fn_null),
	CF("pg_get_viewdef", 2, A2(TEXTOID, BOOLOID), TEXTOID, fn_null),
	CF("has_database_privilege", 2, A2(TEXTOID, TEXTOID), BOOLOID, fn_has_database_privilege),
	CF("has_database_privilege", 2, A2(OIDOID, TEXTOID), BOOLOID, fn_has_database_privilege),
	CF("has_database_privilege", 3, A3(NAMEOID, TEXTOID, TEXTOID), BOOLOID, fn_has_database_privilege),
	CF("pg_has_role", 2, A2(NAMEOID, TEXTOID), BOOLOID, fn_pg_has_role),
	{.name = "pg_partition_ancestors", .nargs = 1, .argtypes = {REGCLASSOID}, .rettype = REGCLASSOID,
	 .strict = true, .retset = true, .volatility = FUNC_VOLATILE, .fn = fn_partition_ancestors},
	CF("pg_relation_is_publishable", 1, A1(REGCLASSOID), BOOLOID, fn_relation_is_publishable),
};

void
register_catalog_funcs(void)
{
	register_catalog_types();
	func_register(catalog_funcs, (int) (sizeof(catalog_funcs) / sizeof(catalog_funcs[0])));
}
