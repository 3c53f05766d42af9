/*
 * misc.c — uuid, regclass, regtype, record (anonymous rows) and the
 * pseudo-types of function signatures (any, anyelement, anyarray, ...).
 *
 * uuid: 16 bytes in a Varlena; PostgreSQL's string_to_uuid input (optional
 * braces, hyphens after any group of four hex digits), lower-case
 * 8-4-4-4-12 output, raw 16-byte binary form, memcmp order.
 *
 * regclass: an OID by value.  Names are resolved through hooks the SQL
 * layer installs (types_set_catalog_hooks); without them only numeric OIDs
 * are accepted and printed.
 *
 * regtype: an OID by value, named through this registry (format_type).
 *
 * record: output and binary send only (PostgreSQL's record_out/record_send),
 * over a self-contained Varlena built by record_build():
 *   uint32 natts, natts x {Oid type, int32 typmod, uint32 isnull, uint32 pad},
 *   then each non-NULL value: by-value types as an 8-byte Datum, others as
 *   their Varlena (header + bytes); each value padded to 8 bytes.
 *
 * Invariants: the hooks are written once before threads start and only
 * read afterwards.
 */
#include <ctype.h>
#include <string.h>

#include <memgres/types.h>

#include "typesint.h"

/* ---- uuid ---- */

#define UUID_LEN 16

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
uuid_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	Varlena    *v = varlena_new(ctx->arena, UUID_LEN);
	const char *src = str;
	const char *end = str + len;
	bool		braces = false;

	(void) typmod;
	if (src < end && *src == '{')
	{
		src++;
		braces = true;
	}
	for (int i = 0; i < UUID_LEN; i++)
	{
		int			hi, lo;

		if (end - src < 2 || (hi = hexval(src[0])) < 0 || (lo = hexval(src[1])) < 0)
			return types_syntax_error(ctx, "uuid", str, len);
		v->data[i] = (char) ((hi << 4) | lo);
		src += 2;
		if (src < end && *src == '-' && (i % 2) == 1 && i < UUID_LEN - 1)
			src++;
	}
	if (braces)
	{
		if (src >= end || *src != '}')
			return types_syntax_error(ctx, "uuid", str, len);
		src++;
	}
	if (src != end)
		return types_syntax_error(ctx, "uuid", str, len);
	*out = PointerGetDatum(v);
	return 0;
}

static int
uuid_out(EvalCtx *ctx, Datum d, int32_t typmod, StrBuf *out)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *) DatumGetVarlena(d)->data;
	char		buf[37];
	int			n = 0;

	(void) ctx;
	(void) typmod;
	for (int i = 0; i < UUID_LEN; i++)
	{
		if (i == 4 || i == 6 || i == 8 || i == 10)
			buf[n++] = '-';
		buf[n++] = hex[u[i] >> 4];
		buf[n++] = hex[u[i] & 15];
	}
	strbuf_append(out, buf, (size_t) n);
	return 0;
}

static int
uuid_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (len != UUID_LEN)
		return types_binary_error(ctx, len, UUID_LEN);
	*out = text_datum(ctx->arena, buf, len);
	return 0;
}

static int
uuid_send(EvalCtx *ctx, Datum d, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	strbuf_append(out, DatumGetVarlena(d)->data, UUID_LEN);
	return 0;
}

static int
uuid_cmp(Datum a, Datum b)
{
	int			r = memcmp(DatumGetVarlena(a)->data, DatumGetVarlena(b)->data, UUID_LEN);

	return (r > 0) - (r < 0);
}

static uint64_t
uuid_hash(Datum a)
{
	return types_hash_bytes(DatumGetVarlena(a)->data, UUID_LEN);
}

static void
uuid_key(Datum v, StrBuf *out)
{
	strbuf_append(out, DatumGetVarlena(v)->data, UUID_LEN);
}

const MgType mg_type_uuid = {
	.oid = UUIDOID, .name = "uuid", .sql_name = "uuid", .typlen = -1, .byval = false,
	.category = 'U', .align = 'c', .array = UUIDARRAYOID,
	.input = uuid_in, .output = uuid_out, .recv = uuid_recv, .send = uuid_send,
	.cmp = uuid_cmp, .hash = uuid_hash, .key_encode = uuid_key,
};

/* ---- regclass ---- */

static TypeCatalogHooks catalog_hooks;

void
types_set_catalog_hooks(const TypeCatalogHooks *hooks)
{
	catalog_hooks = *hooks;
}

static int
regclass_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	bool		digits = len > 0;

	(void) typmod;
	if (len == 1 && str[0] == '-')
	{
		*out = ObjectIdGetDatum(InvalidOid);
		return 0;
	}
	for (size_t i = 0; i < len; i++)
		if (!(str[i] >= '0' && str[i] <= '9'))
			digits = false;
	if (digits)
		return types_oid_in(ctx, str, len, out);
	if (catalog_hooks.regclass_in != NULL)
	{
		Oid			oid;

		if (catalog_hooks.regclass_in(ctx, str, len, &oid) < 0)
			return -1;
		*out = ObjectIdGetDatum(oid);
		return 0;
	}
	mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
			 "regclass input by name is not available without a catalog");
	return -1;
}

static int
regclass_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	Oid			oid = DatumGetObjectId(v);

	(void) typmod;
	if (oid == InvalidOid)
	{
		strbuf_putc(out, '-');
		return 0;
	}
	if (catalog_hooks.regclass_out != NULL && catalog_hooks.regclass_out(ctx, oid, out))
		return 0;
	strbuf_printf(out, "%u", oid);
	return 0;
}

static int
regclass_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (len != 4)
		return types_binary_error(ctx, len, 4);
	*out = ObjectIdGetDatum(get_be32(buf));
	return 0;
}

static int
regclass_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	put_be32(out, DatumGetObjectId(v));
	return 0;
}

static int
regclass_cmp(Datum a, Datum b)
{
	Oid			x = DatumGetObjectId(a), y = DatumGetObjectId(b);

	return (x > y) - (x < y);
}

static uint64_t
regclass_hash(Datum a)
{
	int64_t		v = DatumGetObjectId(a);

	return types_hash_bytes(&v, sizeof(v));
}

static void
regclass_key(Datum v, StrBuf *out)
{
	put_be32(out, DatumGetObjectId(v));
}

const MgType mg_type_regclass = {
	.oid = REGCLASSOID, .name = "regclass", .sql_name = "regclass", .typlen = 4, .byval = true,
	.category = 'N', .align = 'i', .array = REGCLASSARRAYOID,
	.input = regclass_in, .output = regclass_out, .recv = regclass_recv, .send = regclass_send,
	.cmp = regclass_cmp, .hash = regclass_hash, .key_encode = regclass_key,
};

static int
int8_to_oid_cast(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	int64_t		x = DatumGetInt64(v);

	(void) typmod;
	(void) explicit_cast;
	if (x < INT32_MIN || x > (int64_t) UINT32_MAX)
	{
		mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "OID out of range");
		return -1;
	}
	*out = ObjectIdGetDatum((Oid) x);
	return 0;
}

static int
oid_to_int8_cast(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) ctx;
	(void) typmod;
	(void) explicit_cast;
	*out = Int64GetDatum((int64_t) DatumGetObjectId(v));
	return 0;
}

/* text -> regclass is an implicit cast in PostgreSQL (for 'tab'::text::regclass). */
static int
text_to_regclass(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	Varlena    *t = DatumGetVarlena(v);

	(void) explicit_cast;
	return regclass_in(ctx, t->data, t->len, typmod, out);
}

static const CastDef regclass_casts[] = {
	{TEXTOID, REGCLASSOID, CAST_IMPLICIT, text_to_regclass},
	{VARCHAROID, REGCLASSOID, CAST_IMPLICIT, text_to_regclass},
	{OIDOID, REGTYPEOID, CAST_IMPLICIT, NULL},
	{REGTYPEOID, OIDOID, CAST_IMPLICIT, NULL},
	{INT4OID, REGTYPEOID, CAST_IMPLICIT, NULL},
	{REGTYPEOID, INT4OID, CAST_ASSIGNMENT, NULL},
	{INT8OID, REGTYPEOID, CAST_IMPLICIT, int8_to_oid_cast},
	{REGTYPEOID, INT8OID, CAST_ASSIGNMENT, oid_to_int8_cast},
};

void
types_register_misc_casts(void)
{
	cast_register(regclass_casts, (int) (sizeof(regclass_casts) / sizeof(regclass_casts[0])));
}

/* ---- regtype ---- */

/* A type name as format_type() or a user spells it: "integer", "int4[]", "varchar(10)", "\"char\"". */
static int
regtype_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	char		buf[128];
	size_t		n = 0;
	const MgType *t;
	bool		digits = len > 0;

	(void) typmod;
	if (len == 1 && str[0] == '-')
	{
		*out = ObjectIdGetDatum(InvalidOid);
		return 0;
	}
	for (size_t i = 0; i < len; i++)
		if (!(str[i] >= '0' && str[i] <= '9'))
			digits = false;
	if (digits)
		return types_oid_in(ctx, str, len, out);
	/* drop type modifiers: "numeric(10,2)[]" -> "numeric[]" */
	for (size_t i = 0; i < len && n < sizeof(buf) - 1; i++)
	{
		if (str[i] == '(')
		{
			while (i < len && str[i] != ')')
				i++;
			continue;
		}
		buf[n++] = str[i];
	}
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	if (strcmp(buf, "\"char\"") == 0 || strcmp(buf, "pg_catalog.\"char\"") == 0)
		t = type_by_oid(CHAROID);
	else if (strcmp(buf, "char") == 0 || strcmp(buf, "character") == 0)
		t = type_by_oid(BPCHAROID);
	else
		t = type_by_name(buf);
	if (t == NULL)
	{
		mg_error(ctx->err, SQLSTATE_UNDEFINED_OBJECT, "type \"%.*s\" does not exist", (int) len, str);
		return -1;
	}
	*out = ObjectIdGetDatum(t->oid);
	return 0;
}

static int
regtype_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	Oid			oid = DatumGetObjectId(v);

	(void) ctx;
	(void) typmod;
	if (oid == InvalidOid)
		strbuf_putc(out, '-');
	else if (type_by_oid(oid) == NULL)
		strbuf_printf(out, "%u", oid);
	else if (oid == BPCHAROID)
		strbuf_puts(out, "character");	/* format_type_be(), not format_type(oid, -1) */
	else
		type_format(oid, -1, out);
	return 0;
}

const MgType mg_type_regtype = {
	.oid = REGTYPEOID, .name = "regtype", .sql_name = "regtype", .typlen = 4, .byval = true,
	.category = 'N', .align = 'i', .array = REGTYPEARRAYOID,
	.input = regtype_in, .output = regtype_out, .recv = regclass_recv, .send = regclass_send,
	.cmp = regclass_cmp, .hash = regclass_hash, .key_encode = regclass_key,
};

/* ---- pseudo-types ---- */

/*
 * Types that appear in function signatures and pg_type but hold no values
 * of their own: no I/O, so type_input()/type_output() report PostgreSQL's
 * "cannot accept/display a value of type ..." (0A000).  cstring reads and
 * prints like text.
 */
#define PSEUDO_TYPE(var, oidv, tname, sqlname) \
const MgType var = { \
	.oid = oidv, .name = tname, .sql_name = sqlname, .typlen = 4, .byval = true, \
	.category = 'P', .align = 'i', \
};
PSEUDO_TYPE(mg_type_any, ANYOID, "any", "\"any\"")
PSEUDO_TYPE(mg_type_anyelement, ANYELEMENTOID, "anyelement", "anyelement")
PSEUDO_TYPE(mg_type_anynonarray, ANYNONARRAYOID, "anynonarray", "anynonarray")
PSEUDO_TYPE(mg_type_trigger, TRIGGEROID, "trigger", "trigger")

const MgType mg_type_anyarray = {
	.oid = ANYARRAYOID, .name = "anyarray", .sql_name = "anyarray", .typlen = -1, .byval = false,
	.category = 'P', .align = 'd',
};

static int
cstring_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	if (types_verify_utf8(ctx, str, len) < 0)
		return -1;
	*out = text_datum(ctx->arena, str, len);
	return 0;
}

static int
cstring_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	(void) ctx;
	(void) typmod;
	strbuf_append(out, DatumGetVarlena(v)->data, DatumGetVarlena(v)->len);
	return 0;
}

const MgType mg_type_cstring = {
	.oid = CSTRINGOID, .name = "cstring", .sql_name = "cstring", .typlen = -1, .byval = false,
	.category = 'P', .align = 'c',
	.input = cstring_in, .output = cstring_out, .recv = cstring_in, .send = cstring_out,
};

/* ---- record ---- */

typedef struct RecordAtt {
	Oid			type;
	int32_t		typmod;
	uint32_t	isnull;
	uint32_t	pad;
} RecordAtt;

static size_t
pad8(size_t n)
{
	return (n + 7) & ~(size_t) 7;
}

Datum
record_build(Arena *a, int natts, const Oid *types, const int32_t *typmods,
			 const Datum *values, const bool *nulls)
{
	size_t		size = 8 + sizeof(RecordAtt) * (size_t) natts;
	Varlena    *v;
	char	   *p;

	for (int i = 0; i < natts; i++)
	{
		const MgType *t = type_by_oid(types[i]);

		if (nulls != NULL && nulls[i])
			continue;
		if (t == NULL || t->byval)
			size += 8;
		else
			size += pad8(VARSIZE_TOTAL(DatumGetVarlena(values[i])));
	}
	v = varlena_new(a, size);
	memset(v->data, 0, size);
	p = v->data;
	memcpy(p, &natts, sizeof(uint32_t));
	p += 8;
	for (int i = 0; i < natts; i++)
	{
		RecordAtt	att = {types[i], typmods ? typmods[i] : -1, nulls ? nulls[i] : 0, 0};

		memcpy(p, &att, sizeof(att));
		p += sizeof(att);
	}
	for (int i = 0; i < natts; i++)
	{
		const MgType *t = type_by_oid(types[i]);

		if (nulls != NULL && nulls[i])
			continue;
		if (t == NULL || t->byval)
		{
			memcpy(p, &values[i], sizeof(Datum));
			p += 8;
		}
		else
		{
			size_t		n = VARSIZE_TOTAL(DatumGetVarlena(values[i]));

			memcpy(p, DatumGetVarlena(values[i]), n);
			p += pad8(n);
		}
	}
	return PointerGetDatum(v);
}

void
record_deconstruct(Arena *a, Datum record, int *natts, Oid **types, int32_t **typmods,
				   Datum **values, bool **nulls)
{
	const char *p = DatumGetVarlena(record)->data;
	uint32_t	n;
	const char *vp;

	memcpy(&n, p, sizeof(n));
	*natts = (int) n;
	*types = arena_alloc(a, sizeof(Oid) * (n + 1));
	*typmods = arena_alloc(a, sizeof(int32_t) * (n + 1));
	*values = arena_alloc0(a, sizeof(Datum) * (n + 1));
	*nulls = arena_alloc(a, sizeof(bool) * (n + 1));
	vp = p + 8 + sizeof(RecordAtt) * n;
	for (uint32_t i = 0; i < n; i++)
	{
		RecordAtt	att;
		const MgType *t;

		memcpy(&att, p + 8 + sizeof(RecordAtt) * i, sizeof(att));
		(*types)[i] = att.type;
		(*typmods)[i] = att.typmod;
		(*nulls)[i] = att.isnull != 0;
		if (att.isnull)
			continue;
		t = type_by_oid(att.type);
		if (t == NULL || t->byval)
		{
			memcpy(&(*values)[i], vp, sizeof(Datum));
			vp += 8;
		}
		else
		{
			Varlena    *inner = (Varlena *) vp;
			uint32_t	len;

			memcpy(&len, vp, sizeof(len));
			(*values)[i] = PointerGetDatum(inner);
			vp += pad8(VARLENA_HDRSZ + len);
		}
	}
}

static int
record_out(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	int			natts;
	Oid		   *types;
	int32_t    *typmods;
	Datum	   *values;
	bool	   *nulls;
	StrBuf		col;

	(void) typmod;
	record_deconstruct(ctx->arena, v, &natts, &types, &typmods, &values, &nulls);
	strbuf_init_arena(&col, ctx->arena);
	strbuf_putc(out, '(');
	for (int i = 0; i < natts; i++)
	{
		bool		quote;

		if (i > 0)
			strbuf_putc(out, ',');
		if (nulls[i])
			continue;
		strbuf_reset(&col);
		if (type_output(ctx, types[i], typmods[i], values[i], &col) < 0)
			return -1;
		quote = col.len == 0;
		for (size_t k = 0; k < col.len && !quote; k++)
		{
			char		c = col.data[k];

			if (c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || isspace((unsigned char) c))
				quote = true;
		}
		if (quote)
			strbuf_putc(out, '"');
		for (size_t k = 0; k < col.len; k++)
		{
			char		c = col.data[k];

			if (c == '"' || c == '\\')
				strbuf_putc(out, c);
			strbuf_putc(out, c);
		}
		if (quote)
			strbuf_putc(out, '"');
	}
	strbuf_putc(out, ')');
	return 0;
}

static int
record_send(EvalCtx *ctx, Datum v, int32_t typmod, StrBuf *out)
{
	int			natts;
	Oid		   *types;
	int32_t    *typmods;
	Datum	   *values;
	bool	   *nulls;

	(void) typmod;
	record_deconstruct(ctx->arena, v, &natts, &types, &typmods, &values, &nulls);
	put_be32(out, (uint32_t) natts);
	for (int i = 0; i < natts; i++)
	{
		size_t		lenpos;

		put_be32(out, types[i]);
		if (nulls[i])
		{
			put_be32(out, UINT32_MAX);
			continue;
		}
		lenpos = out->len;
		put_be32(out, 0);
		if (type_send(ctx, types[i], typmods[i], values[i], out) < 0)
			return -1;
		{
			uint32_t	n = (uint32_t) (out->len - lenpos - 4);
			unsigned char b[4] = {(unsigned char) (n >> 24), (unsigned char) (n >> 16),
			(unsigned char) (n >> 8), (unsigned char) n};

			memcpy(out->data + lenpos, b, 4);
		}
	}
	return 0;
}

static int
record_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	(void) str;
	(void) len;
	(void) typmod;
	(void) out;
	mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "input of anonymous composite types is not implemented");
	return -1;
}

const MgType mg_type_record = {
	.oid = RECORDOID, .name = "record", .sql_name = "record", .typlen = -1, .byval = false,
	.category = 'P', .align = 'd',
	.input = record_in, .output = record_out, .send = record_send,
};
