/*
 * regtypes.c — the OID alias types regnamespace and regrole: an OID by
 * value whose text form is the schema's or the role's name.
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
 *     42704 for a role.  Output: the name (quoted when needed), or the number
 *     for an OID that names nothing, '-' for 0.
 *
 * Invariants:
 *   1. The MgType and CastDef tables are static and registered once.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

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

static const CastDef regtype_casts[] = {
	{OIDOID, REGNAMESPACEOID, CAST_IMPLICIT, NULL},
	{REGNAMESPACEOID, OIDOID, CAST_IMPLICIT, NULL},
	{INT4OID, REGNAMESPACEOID, CAST_IMPLICIT, NULL},
	{REGNAMESPACEOID, INT4OID, CAST_ASSIGNMENT, NULL},
	{OIDOID, REGROLEOID, CAST_IMPLICIT, NULL},
	{REGROLEOID, OIDOID, CAST_IMPLICIT, NULL},
	{INT4OID, REGROLEOID, CAST_IMPLICIT, NULL},
	{REGROLEOID, INT4OID, CAST_ASSIGNMENT, NULL},
};

void
register_catalog_types(void)
{
	if (!type_by_oid(REGNAMESPACEOID))
		type_register(&regnamespace_type);
	if (!type_by_oid(REGROLEOID))
		type_register(&regrole_type);
	cast_register(regtype_casts, (int) (sizeof(regtype_casts) / sizeof(regtype_casts[0])));
}
