/*
 * sysfuncs.c — catalog-free system functions clients call: format_type()
 * (from the type registry) and pg_size_pretty().
 *
 * Design notes: pg_size_pretty follows PostgreSQL 15's unit table: bytes
 * below 10 kB, then kB, MB, GB, TB and PB, each kept while the value stays
 * below 20 * 1024 - 1 of it, rounded half away from zero using one extra bit.
 *
 * Invariants: pure; results in fc->ctx->arena.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/numeric.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "funcint.h"

/* format_type(type oid, typmod): not strict; a NULL typmod means none. */
static int
format_type_fn(FnCall *fc, Datum *out)
{
	Oid			t;
	int32_t		typmod = -1;
	StrBuf		sb;

	if (fc->argnull[0])
	{
		fc->isnull = true;
		return 0;
	}
	t = DatumGetObjectId(fc->args[0]);
	if (!fc->argnull[1])
		typmod = DatumGetInt32(fc->args[1]);
	strbuf_init_arena(&sb, fc->ctx->arena);
	if (type_by_oid(t) == NULL)
		strbuf_puts(&sb, "???");
	else
		type_format(t, typmod, &sb);
	*out = text_datum(fc->ctx->arena, sb.data, sb.len);
	return 0;
}

typedef struct SizeUnit {
	const char *name;
	int64_t		limit;
	bool		round;
	int			unitbits;
} SizeUnit;

static const SizeUnit size_units[] = {
	{"bytes", 10 * 1024, false, 0},
	{"kB", 20 * 1024 - 1, true, 10},
	{"MB", 20 * 1024 - 1, true, 20},
	{"GB", 20 * 1024 - 1, true, 30},
	{"TB", 20 * 1024 - 1, true, 40},
	{"PB", 20 * 1024 - 1, true, 50},
	{NULL, 0, false, 0},
};

static int64_t
half_rounded(int64_t x)
{
	return (x + (x < 0 ? -1 : 1)) / 2;
}

static int64_t
abs64(int64_t x)
{
	return x < 0 ? (x == INT64_MIN ? INT64_MAX : -x) : x;
}

static void
size_pretty(int64_t size, char *buf, size_t bufsz)
{
	for (const SizeUnit *u = size_units; u->name != NULL; u++)
	{
		int			bits;

		if (u[1].name == NULL || abs64(size) < u->limit)
		{
			if (u->round)
				size = half_rounded(size);
			snprintf(buf, bufsz, "%lld %s", (long long) size, u->name);
			return;
		}
		bits = u[1].unitbits - u->unitbits - (u[1].round ? 1 : 0) + (u->round ? 1 : 0);
		size /= ((int64_t) 1) << bits;
	}
}

static int
pg_size_pretty_int8(FnCall *fc, Datum *out)
{
	char		buf[64];

	size_pretty(DatumGetInt64(fc->args[0]), buf, sizeof(buf));
	*out = cstring_text_datum(fc->ctx->arena, buf);
	return 0;
}

/* The numeric form: exact for sizes that fit in bigint, which covers every real one. */
static int
pg_size_pretty_numeric(FnCall *fc, Datum *out)
{
	int64_t		v;
	char		buf[64];

	if (numeric_to_int64(fc->ctx, fc->args[0], &v) < 0)
		return -1;
	size_pretty(v, buf, sizeof(buf));
	*out = cstring_text_datum(fc->ctx->arena, buf);
	return 0;
}

static const FuncDef sys_funcs[] = {
	{.name = "format_type", .nargs = 2, .argtypes = {OIDOID, INT4OID}, .rettype = TEXTOID, .strict = false,
	 .volatility = FUNC_STABLE, .fn = format_type_fn},
	{.name = "pg_size_pretty", .nargs = 1, .argtypes = {INT8OID}, .rettype = TEXTOID, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = pg_size_pretty_int8},
	{.name = "pg_size_pretty", .nargs = 1, .argtypes = {NUMERICOID}, .rettype = TEXTOID, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = pg_size_pretty_numeric},
};

void
register_sys_funcs(void)
{
	func_register(sys_funcs, (int) (sizeof(sys_funcs) / sizeof(sys_funcs[0])));
}
