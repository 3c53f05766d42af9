/*
 * session_funcs.c — built-in functions that need the session:
 * pg_sleep, current_user / session_user, current_database, current_schema(s),
 * current_setting, set_config, pg_backend_pid, and version() when the core
 * function module does not provide it.
 *
 * Design notes:
 *   - pg_sleep never blocks the worker.  It only moves the session's wake-up
 *     deadline (s->wait.wake_at_us, CLOCK_MONOTONIC) forward by its argument;
 *     the executor notices the deadline after computing the row that called
 *     it, holds that row, and returns SQL_WAIT.  When the portal is run again
 *     after the deadline the held row is delivered.  Consequences (documented
 *     in doc/compatibility.md): the row containing pg_sleep is delivered after
 *     the sleep; functions evaluated in the same row see the time before the
 *     sleep; several pg_sleep calls in one row add up.
 *   - These functions reach the session through EvalCtx.session; outside a
 *     session (unit tests) they fail cleanly.
 *
 * Invariants:
 *   1. The tables below are static and registered once (func_register keeps
 *      pointers to them).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <memgres/func.h>
#include <memgres/guc.h>
#include <memgres/storage.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "../engine.h"
#include "../func/builtins.h"
#include "../catalog.h"
#include "../seqfuncs.h"
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

static char *
text_to_cstring(Arena *a, Datum d)
{
	Varlena    *v = DatumGetVarlena(d);

	return arena_strndup(a, v->data, v->len);
}

static int
fn_pg_sleep(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "pg_sleep");
	double		secs = DatumGetFloat8(fc->args[0]);
	int64_t		now,
				base;

	if (!s)
		return -1;
	*out = 0;
	if (!(secs > 0))
		return 0;
	if (secs > 1e9)
		secs = 1e9;
	now = now_mono_usec();
	base = s->wait.wake_at_us > now ? s->wait.wake_at_us : now;
	s->wait.wake_at_us = base + (int64_t) (secs * 1e6);
	s->wait.lock_wait = false;
	return 0;
}

static int
fn_current_user(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "current_user");

	if (!s)
		return -1;
	*out = cstring_text_datum(fc->ctx->arena, s->user);
	return 0;
}

static int
fn_session_user(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "session_user");

	if (!s)
		return -1;
	*out = cstring_text_datum(fc->ctx->arena, s->session_user);
	return 0;
}

static int
fn_current_database(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "current_database");

	if (!s)
		return -1;
	*out = cstring_text_datum(fc->ctx->arena, s->dbname);
	return 0;
}

static int
fn_current_schema(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "current_schema");
	const char *names[64];
	int			n;

	if (!s)
		return -1;
	n = session_search_path(s, false, names, 64);
	if (n == 0)
	{
		fc->isnull = true;
		return 0;
	}
	*out = cstring_text_datum(fc->ctx->arena, names[0]);
	return 0;
}

/* Quotes an array element the way array_out does (only when needed). */
static void
array_elem_out(StrBuf *sb, const char *s)
{
	bool		quote = s[0] == '\0' || strcasecmp(s, "NULL") == 0;

	for (const char *p = s; *p && !quote; p++)
		if (*p == ',' || *p == '{' || *p == '}' || *p == '"' || *p == '\\' || *p == ' ')
			quote = true;
	if (!quote)
	{
		strbuf_puts(sb, s);
		return;
	}
	strbuf_putc(sb, '"');
	for (const char *p = s; *p; p++)
	{
		if (*p == '"' || *p == '\\')
			strbuf_putc(sb, '\\');
		strbuf_putc(sb, *p);
	}
	strbuf_putc(sb, '"');
}

static int
fn_current_schemas(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "current_schemas");
	const char *names[64];
	int			n;
	StrBuf		sb;

	if (!s)
		return -1;
	n = session_search_path(s, DatumGetBool(fc->args[0]), names, 64);
	strbuf_init_arena(&sb, fc->ctx->arena);
	strbuf_putc(&sb, '{');
	for (int i = 0; i < n; i++)
	{
		if (i)
			strbuf_putc(&sb, ',');
		array_elem_out(&sb, names[i]);
	}
	strbuf_putc(&sb, '}');
	return type_input(fc->ctx, NAMEARRAYOID, -1, sb.data, sb.len, out);
}

static int
fn_current_setting(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "current_setting");
	char	   *name;
	const char *v;
	bool		missing_ok = fc->nargs > 1 && DatumGetBool(fc->args[1]);

	if (!s)
		return -1;
	name = text_to_cstring(fc->ctx->arena, fc->args[0]);
	v = guc_show(s->gucs, name, fc->ctx->err);
	if (!v)
	{
		if (missing_ok)
		{
			mg_error_reset(fc->ctx->err);
			fc->isnull = true;
			return 0;
		}
		return -1;
	}
	*out = cstring_text_datum(fc->ctx->arena, v);
	return 0;
}

static int
fn_set_config(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "set_config");
	char	   *name;
	char	   *value;
	bool		local;
	const char *v;

	if (!s)
		return -1;
	if (fc->argnull[0])
	{
		mg_error(fc->ctx->err, SQLSTATE_NULL_VALUE_NOT_ALLOWED,
				 "SET requires parameter name");
		return -1;
	}
	name = text_to_cstring(fc->ctx->arena, fc->args[0]);
	value = fc->argnull[1] ? NULL : text_to_cstring(fc->ctx->arena, fc->args[1]);
	local = !fc->argnull[2] && DatumGetBool(fc->args[2]);
	/* Outside a block, is_local lasts until the implicit transaction ends. */
	xact_save_guc(s, name, local);
	if (guc_set(s->gucs, name, value, fc->ctx->err) < 0)
		return -1;
	v = guc_show(s->gucs, name, fc->ctx->err);
	if (!v)
		return -1;
	*out = cstring_text_datum(fc->ctx->arena, v);
	return 0;
}

static int
fn_pg_backend_pid(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "pg_backend_pid");

	if (!s)
		return -1;
	*out = Int32GetDatum(s->backend_pid);
	return 0;
}

static int
fn_version(FnCall *fc, Datum *out)
{
	char		buf[256];

	snprintf(buf, sizeof(buf),
			 "PostgreSQL %s on x86_64-pc-linux-gnu, compiled by memgres, 64-bit",
			 guc_str(fc->ctx->gucs, GUC_SERVER_VERSION));
	*out = cstring_text_datum(fc->ctx->arena, buf);
	return 0;
}

/* obj_description(oid, catalog): comments of tables/sequences ('pg_class') and schemas ('pg_namespace'). */
static int
fn_obj_description(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "obj_description");
	Oid			oid = DatumGetObjectId(fc->args[0]);
	const char *cat = fc->nargs > 1 ? text_to_cstring(fc->ctx->arena, fc->args[1]) : "pg_class";
	const char *comment = NULL;

	if (!s)
		return -1;
	if (strcmp(cat, "pg_class") == 0)
	{
		const CatTable *t = catalog_table_by_oid(session_catalog(s), oid);

		comment = t ? t->comment : NULL;
	}
	else if (strcmp(cat, "pg_namespace") == 0)
	{
		const CatSchema *sc = catalog_schema_by_oid(session_catalog(s), oid);

		comment = sc ? sc->comment : NULL;
	}
	if (!comment)
	{
		fc->isnull = true;
		return 0;
	}
	*out = cstring_text_datum(fc->ctx->arena, comment);
	return 0;
}

static int
fn_col_description(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "col_description");
	const CatTable *t;
	int32_t		attnum = DatumGetInt32(fc->args[1]);

	if (!s)
		return -1;
	t = catalog_table_by_oid(session_catalog(s), DatumGetObjectId(fc->args[0]));
	if (!t || attnum < 1 || attnum > t->ncols || !t->cols[attnum - 1].comment)
	{
		fc->isnull = true;
		return 0;
	}
	*out = cstring_text_datum(fc->ctx->arena, t->cols[attnum - 1].comment);
	return 0;
}

typedef struct RoleFind
{
	Oid			oid;
	bool		found;
	char		name[64];
} RoleFind;

static void
role_find(void *arg, Oid oid, const char *name, bool superuser, bool can_login)
{
	RoleFind   *rf = arg;

	(void) superuser;
	(void) can_login;
	if (oid == rf->oid && !rf->found)
	{
		rf->found = true;
		snprintf(rf->name, sizeof(rf->name), "%s", name);
	}
}

/* pg_get_userbyid(oid): the role's name ("unknown (OID=n)" as PostgreSQL for others). */
static int
fn_get_userbyid(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "pg_get_userbyid");
	Oid			oid = DatumGetObjectId(fc->args[0]);
	char		buf[64];

	if (!s)
		return -1;
	{
		RoleFind	rf = {.oid = oid};

		cluster_roles_foreach(role_find, &rf);
		if (rf.found)
		{
			*out = cstring_text_datum(fc->ctx->arena, rf.name);
			return 0;
		}
	}
	if (oid == 6171)
	{
		*out = cstring_text_datum(fc->ctx->arena, "pg_database_owner");
		return 0;
	}
	snprintf(buf, sizeof(buf), "unknown (OID=%u)", oid);
	*out = cstring_text_datum(fc->ctx->arena, buf);
	return 0;
}

/* pg_table_is_visible(oid): the relation is found first by its name through search_path. */
static int
fn_table_is_visible(FnCall *fc, Datum *out)
{
	SqlSession *s = need_session(fc, "pg_table_is_visible");
	const Catalog *c;
	const CatTable *t;
	const CatIndex *ix;

	if (!s)
		return -1;
	c = session_catalog(s);
	if (!(t = system_relation(c, DatumGetObjectId(fc->args[0]), &ix)))
	{
		fc->isnull = true;
		return 0;
	}
	*out = BoolGetDatum(system_relation_visible(s, c, t, ix));
	return 0;
}

/* memgres_memory_used(): bytes held by stored rows and trees of every database. */
static int
fn_memory_used(FnCall *fc, Datum *out)
{
	(void) fc;
	*out = Int64GetDatum((int64_t) storage_memory_used());
	return 0;
}

/* memgres_memory_limit(): max_memory in bytes, 0 for none. */
static int
fn_memory_limit(FnCall *fc, Datum *out)
{
	(void) fc;
	*out = Int64GetDatum((int64_t) storage_memory_limit());
	return 0;
}

static const FuncDef session_funcs[] = {
	{.name = "pg_get_userbyid", .nargs = 1, .argtypes = {OIDOID}, .rettype = NAMEOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_get_userbyid},
	{.name = "pg_table_is_visible", .nargs = 1, .argtypes = {OIDOID}, .rettype = BOOLOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_table_is_visible},
	{.name = "memgres_memory_used", .nargs = 0, .rettype = INT8OID,
	 .strict = true, .volatility = FUNC_VOLATILE, .fn = fn_memory_used},
	{.name = "memgres_memory_limit", .nargs = 0, .rettype = INT8OID,
	 .strict = true, .volatility = FUNC_VOLATILE, .fn = fn_memory_limit},
	{.name = "obj_description", .nargs = 2, .argtypes = {OIDOID, NAMEOID}, .rettype = TEXTOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_obj_description},
	{.name = "obj_description", .nargs = 1, .argtypes = {OIDOID}, .rettype = TEXTOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_obj_description},
	{.name = "col_description", .nargs = 2, .argtypes = {OIDOID, INT4OID}, .rettype = TEXTOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_col_description},
	{.name = "pg_sleep", .nargs = 1, .argtypes = {FLOAT8OID}, .rettype = VOIDOID,
	 .strict = true, .volatility = FUNC_VOLATILE, .fn = fn_pg_sleep},
	{.name = "current_user", .nargs = 0, .rettype = NAMEOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_current_user},
	{.name = "session_user", .nargs = 0, .rettype = NAMEOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_session_user},
	{.name = "current_database", .nargs = 0, .rettype = NAMEOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_current_database},
	{.name = "current_schema", .nargs = 0, .rettype = NAMEOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_current_schema},
	{.name = "current_schemas", .nargs = 1, .argtypes = {BOOLOID}, .rettype = NAMEARRAYOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_current_schemas},
	{.name = "current_setting", .nargs = 1, .argtypes = {TEXTOID}, .rettype = TEXTOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_current_setting},
	{.name = "current_setting", .nargs = 2, .argtypes = {TEXTOID, BOOLOID}, .rettype = TEXTOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_current_setting},
	{.name = "set_config", .nargs = 3, .argtypes = {TEXTOID, TEXTOID, BOOLOID}, .rettype = TEXTOID,
	 .strict = false, .volatility = FUNC_VOLATILE, .fn = fn_set_config},
	{.name = "pg_backend_pid", .nargs = 0, .rettype = INT4OID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_pg_backend_pid},
};

static const FuncDef version_func[] = {
	{.name = "version", .nargs = 0, .rettype = TEXTOID,
	 .strict = true, .volatility = FUNC_STABLE, .fn = fn_version},
};

void
register_session_funcs(void)
{
	int			n = 0;

	func_register(session_funcs, (int) (sizeof(session_funcs) / sizeof(session_funcs[0])));
	if (!func_candidates("version", &n) || n == 0)
		func_register(version_func, 1);
	register_seq_funcs();
	register_catalog_funcs();
}
