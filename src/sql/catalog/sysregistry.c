/*
 * sysregistry.c — the virtual system catalogs computed from the
 * process-wide registries rather than from a database's catalog: pg_type
 * (types), pg_proc (functions and aggregates), pg_operator, pg_settings
 * (the setting table and the session's values), and the fixed rows of
 * pg_collation, pg_tablespace, pg_language and pg_am.
 *
 * Design notes: OIDs are PostgreSQL's where the registries keep them
 * (types, functions, operators) and for the fixed rows; every object is
 * in pg_catalog and owned by the bootstrap superuser.  Columns are filled
 * in the order system.c's definitions give (sysint.h).
 *
 * Invariants: the registries are read-only once start-up is over, so these
 * producers take no lock.
 */
#include <stdio.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/guc.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "../catalog.h"
#include "../engine.h"
#include "../system.h"
#include "sysint.h"

void
registry_type_rows(RowBuf *rb)
{
	int			n;
	const MgType *const *all = type_all(&n);

	for (int i = 0; i < n; i++)
	{
		const MgType *t = all[i];

		rb_start(rb);
		rb_oid(rb, t->oid);
		rb_text(rb, t->name);
		rb_oid(rb, PG_CATALOG_NAMESPACE);
		rb_oid(rb, BOOTSTRAP_SUPERUSER);
		rb_i2(rb, t->typlen);
		rb_bool(rb, t->byval);
		rb_char(rb, t->category == 'P' ? 'p' : 'b');
		rb_char(rb, t->category);
		rb_bool(rb, t->preferred);
		rb_bool(rb, true);		/* typisdefined */
		rb_char(rb, ',');
		rb_oid(rb, InvalidOid);	/* typrelid */
		rb_oid(rb, t->elem);
		rb_oid(rb, t->array);
		rb_char(rb, t->align ? t->align : 'i');
		rb_char(rb, system_type_storage(t));
		rb_bool(rb, false);		/* typnotnull */
		rb_oid(rb, InvalidOid);	/* typbasetype */
		rb_i4(rb, -1);			/* typtypmod */
		rb_i4(rb, 0);			/* typndims */
		rb_oid(rb, system_type_collation(t->oid));
		rb_null(rb);			/* typdefault */
		rb_null(rb);			/* typacl */
		rb_end(rb);
	}
}

static void
proc_row(RowBuf *rb, Oid oid, const char *name, char kind, int nargs, const Oid *argtypes, Oid variadic,
		 Oid rettype, bool strict, bool retset, char volatility)
{
	Datum		args[FUNC_MAX_ARGS + 1];
	int			n = 0;

	for (; n < nargs && n < FUNC_MAX_ARGS; n++)
		args[n] = ObjectIdGetDatum(argtypes[n]);
	if (variadic)
	{
		const MgType *vt = type_by_oid(variadic);

		args[n++] = ObjectIdGetDatum(variadic == ANYOID ? ANYOID : vt && vt->array ? vt->array : ANYARRAYOID);
	}
	rb_start(rb);
	rb_oid(rb, oid);
	rb_text(rb, name);
	rb_oid(rb, PG_CATALOG_NAMESPACE);
	rb_oid(rb, BOOTSTRAP_SUPERUSER);
	rb_oid(rb, SYS_LANG_INTERNAL);
	rb_f4(rb, 1);				/* procost */
	rb_f4(rb, retset ? 1000 : 0);
	rb_oid(rb, variadic);
	rb_char(rb, kind);
	rb_bool(rb, false);			/* prosecdef */
	rb_bool(rb, false);			/* proleakproof */
	rb_bool(rb, strict);
	rb_bool(rb, retset);
	rb_char(rb, volatility);
	rb_char(rb, 's');			/* proparallel */
	rb_i2(rb, n);
	rb_i2(rb, 0);				/* pronargdefaults */
	rb_oid(rb, rettype);
	rb_array(rb, OIDOID, n, args, 0);
	rb_null(rb);				/* proallargtypes */
	rb_null(rb);				/* proargmodes */
	rb_null(rb);				/* proargnames */
	rb_text(rb, name);			/* prosrc: the internal function */
	rb_null(rb);				/* proacl */
	rb_end(rb);
}

void
registry_proc_rows(RowBuf *rb)
{
	int			n;
	const FuncDef *const *funcs = func_all(&n);
	const AggDef *const *aggs;

	for (int i = 0; i < n; i++)
	{
		const FuncDef *f = funcs[i];

		proc_row(rb, f->oid, f->name, 'f', f->nargs, f->argtypes, f->variadic, f->rettype, f->strict,
				 f->retset, (char) f->volatility);
	}
	aggs = agg_all(&n);
	for (int i = 0; i < n; i++)
	{
		const AggDef *g = aggs[i];

		proc_row(rb, g->oid, g->name, 'a', g->nargs, g->argtypes, InvalidOid,
				 g->rettype, false, false, 'i');
	}
}

/* The operator named name over (left, right), or 0. */
static Oid
operator_oid(const char *name, Oid left, Oid right)
{
	int			n = 0;
	const OperDef *const *ops = name ? oper_candidates(name, &n) : NULL;

	for (int i = 0; i < n; i++)
		if (ops[i]->left == left && ops[i]->right == right)
			return ops[i]->oid;
	return InvalidOid;
}

void
registry_operator_rows(RowBuf *rb)
{
	int			n;
	const OperDef *const *ops = oper_all(&n);

	for (int i = 0; i < n; i++)
	{
		const OperDef *o = ops[i];

		rb_start(rb);
		rb_oid(rb, o->oid);
		rb_text(rb, o->name);
		rb_oid(rb, PG_CATALOG_NAMESPACE);
		rb_oid(rb, BOOTSTRAP_SUPERUSER);
		rb_char(rb, o->left ? 'b' : 'l');
		rb_bool(rb, false);		/* oprcanmerge: no merge joins */
		rb_bool(rb, false);		/* oprcanhash: no hash joins */
		rb_oid(rb, o->left);
		rb_oid(rb, o->right);
		rb_oid(rb, o->result);
		rb_oid(rb, operator_oid(o->commutator, o->right, o->left));
		rb_oid(rb, operator_oid(o->negator, o->left, o->right));
		rb_oid(rb, o->func ? o->func->oid : InvalidOid);
		rb_oid(rb, InvalidOid);	/* oprrest */
		rb_oid(rb, InvalidOid);	/* oprjoin */
		rb_end(rb);
	}
}

/* A setting's value as pg_settings shows it: integers with a unit in that unit, without a suffix. */
static const char *
setting_text(Arena *a, const GucDef *d, const GucValue *v)
{
	if (d->type == GUC_INT && (d->flags & (GUC_UNIT_MS | GUC_UNIT_S | GUC_UNIT_KB | GUC_UNIT_BYTES)))
		return arena_sprintf(a, "%lld", (long long) v->i);
	return v->str;
}

/*
 * pg_settings: every built-in setting and the session's custom ones, with
 * the session's values.  memgres keeps no categories, descriptions beyond
 * the short one, or sources beyond default / command line / session.
 */
void
registry_settings_rows(SqlSession *s, RowBuf *rb)
{
	static const char *const contexts[] = {
		[GUC_CTX_INTERNAL] = "internal", [GUC_CTX_POSTMASTER] = "postmaster", [GUC_CTX_SIGHUP] = "sighup",
		[GUC_CTX_SUPERUSER] = "superuser", [GUC_CTX_USER] = "user",
	};
	static const char *const vartypes[] = {
		[GUC_BOOL] = "bool", [GUC_INT] = "integer", [GUC_REAL] = "real", [GUC_STRING] = "string",
		[GUC_ENUM] = "enum",
	};

	for (int i = 0; i < GUC_COUNT; i++)
	{
		const GucDef *d = &guc_defs[i];
		const GucValue *v = &s->gucs->v[i];
		const char *value = setting_text(rb->a, d, v);
		const char *server = setting_text(rb->a, d, &guc_server.v[i]);
		const char *unit = (d->flags & GUC_UNIT_MS) ? "ms" : (d->flags & GUC_UNIT_S) ? "s" :
			(d->flags & GUC_UNIT_KB) ? "kB" : (d->flags & GUC_UNIT_BYTES) ? "B" : NULL;

		rb_start(rb);
		rb_text(rb, d->name);
		rb_text(rb, value);
		rb_text(rb, d->type == GUC_INT ? unit : NULL);
		rb_null(rb);			/* category */
		rb_text(rb, d->short_desc);
		rb_null(rb);			/* extra_desc */
		rb_text(rb, contexts[d->context]);
		rb_text(rb, vartypes[d->type]);
		rb_text(rb, strcmp(value ? value : "", server ? server : "") != 0 ? "session" :
				strcmp(guc_server.v[i].str ? guc_server.v[i].str : "", d->boot_value ? d->boot_value : "") != 0 ?
				"command line" : "default");
		if (d->type == GUC_INT)
		{
			rb_text(rb, arena_sprintf(rb->a, "%lld", (long long) d->min));
			rb_text(rb, arena_sprintf(rb->a, "%lld", (long long) d->max));
		}
		else
		{
			rb_null(rb);
			rb_null(rb);
		}
		if (d->type == GUC_ENUM && d->enum_values)
		{
			Datum		vals[64];
			int			n = 0;

			for (; d->enum_values[n] && n < 64; n++)
				vals[n] = cstring_text_datum(rb->a, d->enum_values[n]);
			rb_array(rb, TEXTOID, n, vals, 1);
		}
		else
			rb_null(rb);
		rb_text(rb, d->boot_value);
		rb_text(rb, setting_text(rb->a, d, &s->gucs->reset[i]));
		rb_null(rb);			/* sourcefile */
		rb_null(rb);			/* sourceline */
		rb_bool(rb, false);		/* pending_restart */
		rb_end(rb);
	}
	for (const GucCustom *g = s->gucs->custom; g; g = g->next)
	{
		rb_start(rb);
		rb_text(rb, g->name);
		rb_text(rb, g->value);
		rb_null(rb);
		rb_null(rb);
		rb_null(rb);
		rb_null(rb);
		rb_text(rb, "user");
		rb_text(rb, "string");
		rb_text(rb, "session");
		rb_null(rb);
		rb_null(rb);
		rb_null(rb);
		rb_null(rb);
		rb_text(rb, g->reset_value);
		rb_null(rb);
		rb_null(rb);
		rb_bool(rb, false);
		rb_end(rb);
	}
}

void
registry_collation_rows(RowBuf *rb)
{
	static const struct
	{
		Oid			oid;
		const char *name;
		char		provider;
		int			encoding;
		const char *locale;
	}			colls[] = {
		{SYS_DEFAULT_COLLATION, "default", 'd', -1, NULL},
		{SYS_C_COLLATION, "C", 'c', -1, "C"},
		{SYS_POSIX_COLLATION, "POSIX", 'c', -1, "POSIX"},
	};

	for (size_t i = 0; i < sizeof(colls) / sizeof(colls[0]); i++)
	{
		rb_start(rb);
		rb_oid(rb, colls[i].oid);
		rb_text(rb, colls[i].name);
		rb_oid(rb, PG_CATALOG_NAMESPACE);
		rb_oid(rb, BOOTSTRAP_SUPERUSER);
		rb_char(rb, colls[i].provider);
		rb_bool(rb, true);
		rb_i4(rb, colls[i].encoding);
		rb_text(rb, colls[i].locale);
		rb_text(rb, colls[i].locale);
		rb_null(rb);
		rb_end(rb);
	}
}

void
registry_tablespace_rows(RowBuf *rb)
{
	static const struct
	{
		Oid			oid;
		const char *name;
	}			spcs[] = {{SYS_DEFAULT_TABLESPACE, "pg_default"}, {SYS_GLOBAL_TABLESPACE, "pg_global"}};

	for (size_t i = 0; i < sizeof(spcs) / sizeof(spcs[0]); i++)
	{
		rb_start(rb);
		rb_oid(rb, spcs[i].oid);
		rb_text(rb, spcs[i].name);
		rb_oid(rb, BOOTSTRAP_SUPERUSER);
		rb_null(rb);
		rb_null(rb);
		rb_end(rb);
	}
}

/* The languages every PostgreSQL database has, less plpgsql (memgres runs no procedural language). */
void
registry_language_rows(RowBuf *rb)
{
	static const struct
	{
		Oid			oid;
		const char *name;
		bool		trusted;
	}			langs[] = {{SYS_LANG_INTERNAL, "internal", false}, {13, "c", false}, {14, "sql", true}};

	for (size_t i = 0; i < sizeof(langs) / sizeof(langs[0]); i++)
	{
		rb_start(rb);
		rb_oid(rb, langs[i].oid);
		rb_text(rb, langs[i].name);
		rb_oid(rb, BOOTSTRAP_SUPERUSER);
		rb_bool(rb, false);		/* lanispl */
		rb_bool(rb, langs[i].trusted);
		rb_oid(rb, InvalidOid);	/* lanplcallfoid */
		rb_oid(rb, InvalidOid);	/* laninline */
		rb_oid(rb, InvalidOid);	/* lanvalidator */
		rb_null(rb);			/* lanacl */
		rb_end(rb);
	}
}

void
registry_am_rows(RowBuf *rb)
{
	static const struct
	{
		Oid			oid;
		const char *name;
		char		type;
	}			ams[] = {{SYS_HEAP_AM, "heap", 't'}, {SYS_BTREE_AM, "btree", 'i'}};

	for (size_t i = 0; i < sizeof(ams) / sizeof(ams[0]); i++)
	{
		rb_start(rb);
		rb_oid(rb, ams[i].oid);
		rb_text(rb, ams[i].name);
		rb_char(rb, ams[i].type);
		rb_end(rb);
	}
}
