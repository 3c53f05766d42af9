/*
 * regtypes.c — the OID alias types regnamespace, regrole, regproc and
 * regprocedure: an OID by value whose text form is the schema's, the
 * role's or the function's name (regprocedure: with its argument types).
 *
 * Design notes:
 *   - They live here, not in src/sql/types, because their I/O needs the
 *     session's catalog (schemas) or the cluster's roles; they reach the
 *     session through EvalCtx.session.  Without one, only numeric OIDs are
 *     accepted and printed.
 *   - Registered from register_catalog_funcs() during func_init(), still
 *     at start-up before any thread runs, with their casts to and from oid,
 *     int4 and int8 (binary coercible, as in PostgreSQL).
 *   - Input: digits are an OID; otherwise a name, lower-cased unless
 *     double-quoted; an unknown name fails as PostgreSQL: 3F000 for a schema,
 *     42704 for a role, 42883 for a function (42725 when a regproc name has
 *     several overloads).  Output: the name (quoted when needed), or the
 *     number for an OID that names nothing, '-' for 0.  Functions and
 *     aggregates come from the function registry, all in pg_catalog.
 *
 * Invariants:
 *   1. The MgType and CastDef tables are static and registered once.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "../catalog.h"
#include "../engine.h"
#include "../system.h"

static bool
all_digits(const char *s, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char) s[i]))
			return false;
	return true;
}

/* The name as the user wrote it: "Quoted" kept, others lower-cased; NULL if malformed. */
static char *
parse_name(Arena *a, const char *s, size_t len)
{
	char	   *out = arena_alloc(a, len + 1);
	size_t		n = 0;

	while (len > 0 && isspace((unsigned char) *s))
		s++, len--;
	while (len > 0 && isspace((unsigned char) s[len - 1]))
		len--;
	if (len >= 2 && s[0] == '"' && s[len - 1] == '"')
	{
		for (size_t i = 1; i + 1 < len; i++)
		{
			if (s[i] == '"' && i + 2 < len && s[i + 1] == '"')
				i++;
			out[n++] = s[i];
		}
	}
	else
		for (size_t i = 0; i < len; i++)
			out[n++] = (char) tolower((unsigned char) s[i]);
	out[n] = '\0';
	return n > 0 ? out : NULL;
}

static int
oid_from_digits(EvalCtx *ctx, const char *s, size_t len, Datum *out)
{
	unsigned long v = 0;

	for (size_t i = 0; i < len; i++)
	{
		v = v * 10 + (unsigned long) (s[i] - '0');
		if (v > 0xFFFFFFFFUL)
		{
			mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
					 "value \"%.*s\" is out of range for type oid", (int) len, s);
			return -1;
		}
	}
	*out = ObjectIdGetDatum((Oid) v);
	return 0;
}

/* ---- regnamespace ---- */

static int
regnamespace_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	const CatSchema *sc;
	char	   *name;

	(void) typmod;
	if (all_digits(str, len))
		return oid_from_digits(ctx, str, len, out);
	if (!(name = parse_name(ctx->arena, str, len)))
	{
		mg_error(ctx->err, SQLSTATE_INVALID_NAME, "invalid name syntax");
		return -1;
	}
	if (strcmp(name, "information_schema") == 0)
	{
		*out = ObjectIdGetDatum(SYS_INFO_SCHEMA_NAMESPACE);
		return 0;
	}
	if (ctx->session && (sc = catalog_schema(session_catalog(ctx->session), name)))
	{
		*out = ObjectIdGetDatum(sc->oid);
		return 0;
	}
	mg_error(ctx->err, SQLSTATE_INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", name);
	return -1;
}

static int
regnamespace_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	Oid			oid = DatumGetObjectId(v);
	const Catalog *c;

	(void) typmod;
	if (oid == InvalidOid)
	{
		strbuf_putc(out, '-');
		return 0;
	}
	if (ctx->session)
	{
		c = session_catalog(ctx->session);
		if (oid == SYS_INFO_SCHEMA_NAMESPACE || catalog_schema_by_oid(c, oid))
		{
			system_put_ident(out, system_schema_name(c, oid));
			return 0;
		}
	}
	strbuf_printf(out, "%u", oid);
	return 0;
}

/* ---- regrole ---- */

typedef struct RoleLookup
{
	const char *name;			/* by name, or */
	Oid			oid;			/* by OID */
	bool		found;
	Oid			found_oid;
	char		found_name[128];
} RoleLookup;

static void
role_lookup(void *arg, Oid oid, const char *name, bool superuser, bool can_login)
{
	RoleLookup *rl = arg;

	(void) superuser;
	(void) can_login;
	if (rl->found || (rl->name ? strcmp(name, rl->name) != 0 : oid != rl->oid))
		return;
	rl->found = true;
	rl->found_oid = oid;
	snprintf(rl->found_name, sizeof(rl->found_name), "%s", name);
}

static int
regrole_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	RoleLookup	rl = {0};

	(void) typmod;
	if (all_digits(str, len))
		return oid_from_digits(ctx, str, len, out);
	if (!(rl.name = parse_name(ctx->arena, str, len)))
	{
		mg_error(ctx->err, SQLSTATE_INVALID_NAME, "invalid name syntax");
		return -1;
	}
	cluster_roles_foreach(role_lookup, &rl);
	if (!rl.found)
	{
		mg_error(ctx->err, SQLSTATE_UNDEFINED_OBJECT, "role \"%s\" does not exist", rl.name);
		return -1;
	}
	*out = ObjectIdGetDatum(rl.found_oid);
	return 0;
}

static int
regrole_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	RoleLookup	rl = {.oid = DatumGetObjectId(v)};

	(void) ctx;
	(void) typmod;
	if (rl.oid == InvalidOid)
	{
		strbuf_putc(out, '-');
		return 0;
	}
	cluster_roles_foreach(role_lookup, &rl);
	if (rl.found)
		system_put_ident(out, rl.found_name);
	else
		strbuf_printf(out, "%u", rl.oid);
	return 0;
}

/* ---- regproc, regprocedure ---- */

/* A function or aggregate by OID: its name and argument types. */
static bool
proc_by_oid(Oid oid, const char **name, int *nargs, const Oid **argtypes)
{
	const FuncDef *f = func_by_oid(oid);
	const AggDef *g;

	if (f)
	{
		*name = f->name, *nargs = f->nargs, *argtypes = f->argtypes;
		return true;
	}
	if ((g = agg_by_oid(oid)))
	{
		*name = g->name, *nargs = g->nargs, *argtypes = g->argtypes;
		return true;
	}
	return false;
}

/* "pg_catalog.name" or "name": the bare name, lower-cased unless quoted. */
static char *
proc_name(EvalCtx *ctx, const char *str, size_t len)
{
	char	   *name = parse_name(ctx->arena, str, len);

	if (name && strncmp(name, "pg_catalog.", 11) == 0)
		name += 11;
	if (!name)
		mg_error(ctx->err, SQLSTATE_INVALID_NAME, "invalid name syntax");
	return name;
}

static int
regproc_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	int			nf = 0,
				na = 0;
	const FuncDef *const *fs;
	const AggDef *const *as;
	char	   *name;

	(void) typmod;
	if (all_digits(str, len))
		return oid_from_digits(ctx, str, len, out);
	if (!(name = proc_name(ctx, str, len)))
		return -1;
	fs = func_candidates(name, &nf);
	as = agg_candidates(name, &na);
	if (nf + na == 0)
	{
		mg_error(ctx->err, SQLSTATE_UNDEFINED_FUNCTION, "function \"%s\" does not exist", name);
		return -1;
	}
	if (nf + na > 1)
	{
		mg_error(ctx->err, SQLSTATE_AMBIGUOUS_FUNCTION, "more than one function named \"%s\"", name);
		return -1;
	}
	*out = ObjectIdGetDatum(nf ? fs[0]->oid : as[0]->oid);
	return 0;
}

static int
regproc_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	Oid			oid = DatumGetObjectId(v);
	const char *name;
	const Oid  *argtypes;
	int			nargs;

	(void) ctx;
	(void) typmod;
	if (oid == InvalidOid)
		strbuf_putc(out, '-');
	else if (proc_by_oid(oid, &name, &nargs, &argtypes))
		system_put_ident(out, name);
	else
		strbuf_printf(out, "%u", oid);
	return 0;
}

/* "name(type, ...)": the overload with exactly these argument types. */
static int
regprocedure_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	const char *open = memchr(str, '(', len);
	Oid			types[FUNC_MAX_ARGS];
	int			ntypes = 0,
				n = 0;
	char	   *name;
	const FuncDef *const *fs;
	const AggDef *const *as;

	(void) typmod;
	if (all_digits(str, len))
		return oid_from_digits(ctx, str, len, out);
	if (!open || str[len - 1] != ')')
	{
		mg_error(ctx->err, SQLSTATE_INVALID_TEXT_REPRESENTATION, "expected a left parenthesis");
		return -1;
	}
	if (!(name = proc_name(ctx, str, (size_t) (open - str))))
		return -1;
	for (const char *p = open + 1; p < str + len - 1;)
	{
		const char *end = memchr(p, ',', (size_t) (str + len - 1 - p));
		char	   *tname;
		const MgType *t;

		if (!end)
			end = str + len - 1;
		tname = parse_name(ctx->arena, p, (size_t) (end - p));
		if (tname && ntypes < FUNC_MAX_ARGS)
		{
			if (!(t = type_by_name(tname)))
			{
				mg_error(ctx->err, SQLSTATE_UNDEFINED_OBJECT, "type \"%s\" does not exist", tname);
				return -1;
			}
			types[ntypes++] = t->oid;
		}
		p = end + 1;
	}
	fs = func_candidates(name, &n);
	for (int i = 0; i < n; i++)
		if (fs[i]->nargs == ntypes && !fs[i]->variadic &&
			memcmp(fs[i]->argtypes, types, sizeof(Oid) * (size_t) ntypes) == 0)
		{
			*out = ObjectIdGetDatum(fs[i]->oid);
			return 0;
		}
	as = agg_candidates(name, &n);
	for (int i = 0; i < n; i++)
		if (as[i]->nargs == ntypes && memcmp(as[i]->argtypes, types, sizeof(Oid) * (size_t) ntypes) == 0)
		{
			*out = ObjectIdGetDatum(as[i]->oid);
			return 0;
		}
	mg_error(ctx->err, SQLSTATE_UNDEFINED_FUNCTION, "function \"%.*s\" does not exist", (int) len, str);
	return -1;
}

static int
regprocedure_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	Oid			oid = DatumGetObjectId(v);
	const char *name;
	const Oid  *argtypes;
	int			nargs;

	(void) ctx;
	(void) typmod;
	if (oid == InvalidOid)
	{
		strbuf_putc(out, '-');
		return 0;
	}
	if (!proc_by_oid(oid, &name, &nargs, &argtypes))
	{
		strbuf_printf(out, "%u", oid);
		return 0;
	}
	system_put_ident(out, name);
	strbuf_putc(out, '(');
	for (int i = 0; i < nargs; i++)
	{
		if (i)
			strbuf_putc(out, ',');
		type_format(argtypes[i], -1, out);
	}
	strbuf_putc(out, ')');
	return 0;
}

/* ---- shared: an OID by value ---- */

static int
regoid_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	const unsigned char *p = (const unsigned char *) buf;

	(void) typmod;
	if (len != 4)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "incorrect binary data format");
		return -1;
	}
	*out = ObjectIdGetDatum(((Oid) p[0] << 24) | ((Oid) p[1] << 16) | ((Oid) p[2] << 8) | p[3]);
	return 0;
}

static void
put_oid_be(StrBuf *out, Oid v)
{
	char		b[4] = {(char) (v >> 24), (char) (v >> 16), (char) (v >> 8), (char) v};

	strbuf_append(out, b, 4);
}

static int
regoid_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	put_oid_be(out, DatumGetObjectId(v));
	return 0;
}

static int
regoid_cmp(Datum a, Datum b)
{
	Oid			x = DatumGetObjectId(a),
				y = DatumGetObjectId(b);

	return (x > y) - (x < y);
}

static uint64_t
regoid_hash(Datum a)
{
	uint64_t	h = DatumGetObjectId(a);

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

static void
regoid_key(Datum v, StrBuf *out)
{
	put_oid_be(out, DatumGetObjectId(v));
}

static const MgType regnamespace_type = {
	.oid = REGNAMESPACEOID, .name = "regnamespace", .sql_name = "regnamespace", .typlen = 4, .byval = true,
	.category = 'N', .align = 'i', .array = InvalidOid,
	.input = regnamespace_in, .output = regnamespace_out, .recv = regoid_recv, .send = regoid_send,
	.cmp = regoid_cmp, .hash = regoid_hash, .key_encode = regoid_key,
};

static const MgType regrole_type = {
	.oid = REGROLEOID, .name = "regrole", .sql_name = "regrole", .typlen = 4, .byval = true,
	.category = 'N', .align = 'i', .array = InvalidOid,
	.input = regrole_in, .output = regrole_out, .recv = regoid_recv, .send = regoid_send,
	.cmp = regoid_cmp, .hash = regoid_hash, .key_encode = regoid_key,
};

static const MgType regproc_type = {
	.oid = REGPROCOID, .name = "regproc", .sql_name = "regproc", .typlen = 4, .byval = true,
	.category = 'N', .align = 'i', .array = InvalidOid,
	.input = regproc_in, .output = regproc_out, .recv = regoid_recv, .send = regoid_send,
	.cmp = regoid_cmp, .hash = regoid_hash, .key_encode = regoid_key,
};

static const MgType regprocedure_type = {
	.oid = REGPROCEDUREOID, .name = "regprocedure", .sql_name = "regprocedure", .typlen = 4, .byval = true,
	.category = 'N', .align = 'i', .array = InvalidOid,
	.input = regprocedure_in, .output = regprocedure_out, .recv = regoid_recv, .send = regoid_send,
	.cmp = regoid_cmp, .hash = regoid_hash, .key_encode = regoid_key,
};

static const CastDef regtype_casts[] = {
	{OIDOID, REGNAMESPACEOID, CAST_IMPLICIT, NULL},
	{REGNAMESPACEOID, OIDOID, CAST_IMPLICIT, NULL},
	{INT4OID, REGNAMESPACEOID, CAST_IMPLICIT, NULL},
	{REGNAMESPACEOID, INT4OID, CAST_ASSIGNMENT, NULL},
	{OIDOID, REGROLEOID, CAST_IMPLICIT, NULL},
	{REGROLEOID, OIDOID, CAST_IMPLICIT, NULL},
	{INT4OID, REGROLEOID, CAST_IMPLICIT, NULL},
	{REGROLEOID, INT4OID, CAST_ASSIGNMENT, NULL},
	{OIDOID, REGPROCOID, CAST_IMPLICIT, NULL},
	{REGPROCOID, OIDOID, CAST_IMPLICIT, NULL},
	{INT4OID, REGPROCOID, CAST_IMPLICIT, NULL},
	{REGPROCOID, INT4OID, CAST_ASSIGNMENT, NULL},
	{REGPROCOID, REGPROCEDUREOID, CAST_IMPLICIT, NULL},
	{REGPROCEDUREOID, REGPROCOID, CAST_IMPLICIT, NULL},
	{OIDOID, REGPROCEDUREOID, CAST_IMPLICIT, NULL},
	{REGPROCEDUREOID, OIDOID, CAST_IMPLICIT, NULL},
	{INT4OID, REGPROCEDUREOID, CAST_IMPLICIT, NULL},
	{REGPROCEDUREOID, INT4OID, CAST_ASSIGNMENT, NULL},
};

void
register_catalog_types(void)
{
	if (!type_by_oid(REGNAMESPACEOID))
		type_register(&regnamespace_type);
	if (!type_by_oid(REGROLEOID))
		type_register(&regrole_type);
	if (!type_by_oid(REGPROCOID))
		type_register(&regproc_type);
	if (!type_by_oid(REGPROCEDUREOID))
		type_register(&regprocedure_type);
	cast_register(regtype_casts, (int) (sizeof(regtype_casts) / sizeof(regtype_casts[0])));
}
