/*
 * sysfuncs.c — catalog-free system functions clients call: format_type()
 * (from the type registry), pg_size_pretty(), pg_encoding_to_char() and
 * pg_char_to_encoding().
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

/*
 * format_type(type oid, typmod): not strict; a NULL typmod means none.  As
 * in PostgreSQL's format_type_extended, NULL and -1 differ for two types:
 * bpchar without a typmod is "character" but with -1 "bpchar" (a bare
 * character means character(1)), and bit with -1 is quoted for the same
 * reason.
 */
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
	else if (fc->argnull[1] && t == BPCHAROID)
		strbuf_puts(&sb, "character");
	else if (!fc->argnull[1] && typmod < 0 && t == BITOID)
		strbuf_puts(&sb, "\"bit\"");	/* plain bit would read back as bit(1) */
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

/* PostgreSQL's encoding numbers (pg_wchar.h), for pg_encoding_to_char and back. */
static const char *const encoding_names[] = {
	"SQL_ASCII", "EUC_JP", "EUC_CN", "EUC_KR", "EUC_TW", "EUC_JIS_2004", "UTF8", "MULE_INTERNAL",
	"LATIN1", "LATIN2", "LATIN3", "LATIN4", "LATIN5", "LATIN6", "LATIN7", "LATIN8", "LATIN9",
	"LATIN10", "WIN1256", "WIN1258", "WIN866", "WIN874", "KOI8R", "WIN1251", "WIN1252",
	"ISO_8859_5", "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "WIN1250", "WIN1253", "WIN1254",
	"WIN1255", "WIN1257", "KOI8U", "SJIS", "BIG5", "GBK", "UHC", "GB18030", "JOHAB",
	"SHIFT_JIS_2004",
};
#define N_ENCODINGS ((int) (sizeof(encoding_names) / sizeof(encoding_names[0])))

static int
pg_encoding_to_char(FnCall *fc, Datum *out)
{
	int32_t		e = DatumGetInt32(fc->args[0]);

	*out = cstring_text_datum(fc->ctx->arena, (e >= 0 && e < N_ENCODINGS) ? encoding_names[e] : "");
	return 0;
}

/* Names compare ignoring case and anything not alphanumeric ("utf-8" is UTF8). */
static bool
encoding_name_eq(const char *a, size_t alen, const char *b)
{
	size_t		i = 0;

	for (;;)
	{
		while (i < alen && !((a[i] >= '0' && a[i] <= '9') || ((a[i] | 32) >= 'a' && (a[i] | 32) <= 'z')))
			i++;
		while (*b && !((*b >= '0' && *b <= '9') || ((*b | 32) >= 'a' && (*b | 32) <= 'z')))
			b++;
		if (i == alen || *b == '\0')
			return i == alen && *b == '\0';
		if ((a[i] | 32) != (*b | 32))
			return false;
		i++;
		b++;
	}
}

#define FIRST_CLIENT_ONLY_ENCODING 35	/* SJIS */

int
func_encoding_id(const char *name, bool server_only)
{
	size_t		len = strlen(name);

	if (encoding_name_eq(name, len, "unicode"))
		return 6;
	for (int e = 0; e < (server_only ? FIRST_CLIENT_ONLY_ENCODING : N_ENCODINGS); e++)
		if (encoding_name_eq(name, len, encoding_names[e]))
			return e;
	return -1;
}

const char *
func_encoding_name(int id)
{
	return id >= 0 && id < N_ENCODINGS ? encoding_names[id] : NULL;
}

static int
pg_char_to_encoding(FnCall *fc, Datum *out)
{
	const char *name = vl_data(fc->args[0]);
	size_t		len = vl_len(fc->args[0]);

	*out = Int32GetDatum(-1);
	for (int e = 0; e < N_ENCODINGS; e++)
		if (encoding_name_eq(name, len, encoding_names[e]))
			*out = Int32GetDatum(e);
	return 0;
}

static const FuncDef sys_funcs[] = {
	{.name = "format_type", .nargs = 2, .argtypes = {OIDOID, INT4OID}, .rettype = TEXTOID, .strict = false,
	 .volatility = FUNC_STABLE, .fn = format_type_fn},
	{.name = "pg_encoding_to_char", .nargs = 1, .argtypes = {INT4OID}, .rettype = NAMEOID, .strict = true,
	 .volatility = FUNC_STABLE, .fn = pg_encoding_to_char},
	{.name = "pg_char_to_encoding", .nargs = 1, .argtypes = {NAMEOID}, .rettype = INT4OID, .strict = true,
	 .volatility = FUNC_STABLE, .fn = pg_char_to_encoding},
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
