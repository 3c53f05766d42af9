/*
 * cast.c — the cast registry (pg_cast) and cast_apply(): registered cast
 * functions, binary-coercible casts, length coercion (typmods), casts
 * between one-dimensional arrays element by element, and PostgreSQL's
 * automatic I/O-conversion casts (anything -> a string type in assignment
 * context, a string type -> anything explicitly).  Also the cast functions
 * among bool, the integer and float types, the string types, "char", oid
 * and regclass; numeric's casts live in numeric.c.
 *
 * Design notes: casts are registered at start-up from static tables and
 * found by a linear scan over at most a few hundred entries; fine for the
 * analyzer, which resolves a cast once per plan.
 *
 * Invariants: cast_apply() always applies dst_typmod (when >= 0) after the
 * conversion, so cast functions need not; applying a typmod twice is
 * harmless.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/types.h>

#include "typesint.h"

#define CAST_TABLES_MAX 32

static struct
{
	const CastDef *defs;
	int			n;
}			cast_tables[CAST_TABLES_MAX];
static int	cast_ntables;

void
cast_register(const CastDef *defs, int n)
{
	if (cast_ntables >= CAST_TABLES_MAX)
	{
		fprintf(stderr, "memgres: too many cast tables\n");
		abort();
	}
	cast_tables[cast_ntables].defs = defs;
	cast_tables[cast_ntables].n = n;
	cast_ntables++;
}

static const CastDef *
cast_lookup(Oid src, Oid dst)
{
	for (int t = 0; t < cast_ntables; t++)
		for (int i = 0; i < cast_tables[t].n; i++)
			if (cast_tables[t].defs[i].src == src && cast_tables[t].defs[i].dst == dst)
				return &cast_tables[t].defs[i];
	return NULL;
}

static bool
is_string_type(Oid t)
{
	return t == TEXTOID || t == VARCHAROID || t == BPCHAROID || t == NAMEOID;
}

static bool
is_array_type(const MgType *t)
{
	return t != NULL && t->category == 'A' && t->elem != InvalidOid;
}

bool
cast_find(Oid src, Oid dst, CastContext context)
{
	const CastDef *def;
	const MgType *st, *dt;

	if (src == dst)
		return true;
	if (src == UNKNOWNOID)
		return true;			/* an untyped literal goes through dst's input */
	def = cast_lookup(src, dst);
	if (def != NULL)
		return def->context <= context;
	st = type_by_oid(src);
	dt = type_by_oid(dst);
	if (st == NULL || dt == NULL)
		return false;
	if (is_array_type(st) && is_array_type(dt))
		return cast_find(st->elem, dt->elem, context);
	if (is_string_type(dst) && context >= CAST_ASSIGNMENT)
		return true;
	if (is_string_type(src) && context >= CAST_EXPLICIT)
		return dt->input != NULL;
	return false;
}

static int
apply_typmod(EvalCtx *ctx, Oid dst, int32_t typmod, bool explicit_cast, Datum v, Datum *out)
{
	const MgType *t;

	if (typmod < 0 || (t = type_by_oid(dst)) == NULL || t->modapply == NULL)
	{
		*out = v;
		return 0;
	}
	return t->modapply(ctx, v, typmod, explicit_cast, out);
}

int
cast_apply(EvalCtx *ctx, Oid src, int32_t src_typmod, Oid dst, int32_t dst_typmod,
		   bool explicit_cast, Datum value, Datum *out)
{
	const CastDef *def;
	const MgType *st, *dt;
	Datum		v;

	if (src == dst)
		return apply_typmod(ctx, dst, dst_typmod, explicit_cast, value, out);

	def = cast_lookup(src, dst);
	if (def != NULL)
	{
		if (def->fn == NULL)
			v = value;
		else if (def->fn(ctx, value, dst_typmod, explicit_cast, &v) < 0)
			return -1;
		return apply_typmod(ctx, dst, dst_typmod, explicit_cast, v, out);
	}

	st = type_by_oid(src);
	dt = type_by_oid(dst);
	if (st == NULL || dt == NULL)
	{
		mg_error(ctx->err, SQLSTATE_UNDEFINED_OBJECT, "cache lookup failed for type %u",
				 st == NULL ? src : dst);
		return -1;
	}
	if (is_array_type(st) && is_array_type(dt))
		return array_coerce(ctx, value, st->elem, src_typmod, dst, dt->elem, dst_typmod,
							explicit_cast, out);

	/* I/O conversion: to a string type through src's output function ... */
	if (is_string_type(dst))
	{
		StrBuf		sb;

		strbuf_init_arena(&sb, ctx->arena);
		if (st->output == NULL)
			return type_output(ctx, src, src_typmod, value, &sb);	/* reports the error */
		if (st->output(ctx, value, src_typmod, &sb) < 0)
			return -1;
		return types_string_coerce(ctx, dst, sb.data, sb.len, dst_typmod, explicit_cast, out);
	}
	/* ... and from a string type (or an untyped literal) through dst's input. */
	if (is_string_type(src) || src == UNKNOWNOID)
	{
		Varlena    *t = DatumGetVarlena(value);
		size_t		len = t->len;

		/* char(n) loses its padding on the way out, as bpchar's rtrim */
		if (src == BPCHAROID)
			while (len > 0 && t->data[len - 1] == ' ')
				len--;
		if (type_input(ctx, dst, -1, t->data, len, &v) < 0)
			return -1;
		return apply_typmod(ctx, dst, dst_typmod, explicit_cast, v, out);
	}
	{
		StrBuf		a, b;

		strbuf_init(&a);
		strbuf_init(&b);
		type_format(src, -1, &a);
		type_format(dst, -1, &b);
		mg_error(ctx->err, SQLSTATE_CANNOT_COERCE, "cannot cast type %s to %s", a.data, b.data);
		strbuf_free(&a);
		strbuf_free(&b);
	}
	return -1;
}

/* ---- cast functions among the built-in scalar types ---- */

static int
range_error(EvalCtx *ctx, const char *tname)
{
	mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range", tname);
	return -1;
}

#define UNUSED_CAST_ARGS (void) typmod; (void) explicit_cast

static int
int4_to_int2(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	int32_t		x = DatumGetInt32(v);

	UNUSED_CAST_ARGS;
	if (x < INT16_MIN || x > INT16_MAX)
		return range_error(ctx, "smallint");
	*out = Int16GetDatum((int16_t) x);
	return 0;
}

static int
int8_to_int2(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	int64_t		x = DatumGetInt64(v);

	UNUSED_CAST_ARGS;
	if (x < INT16_MIN || x > INT16_MAX)
		return range_error(ctx, "smallint");
	*out = Int16GetDatum((int16_t) x);
	return 0;
}

static int
int8_to_int4(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	int64_t		x = DatumGetInt64(v);

	UNUSED_CAST_ARGS;
	if (x < INT32_MIN || x > INT32_MAX)
		return range_error(ctx, "integer");
	*out = Int32GetDatum((int32_t) x);
	return 0;
}

static int
int2_to_int4(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) ctx;
	UNUSED_CAST_ARGS;
	*out = Int32GetDatum(DatumGetInt16(v));
	return 0;
}

static int
int2_to_int8(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) ctx;
	UNUSED_CAST_ARGS;
	*out = Int64GetDatum(DatumGetInt16(v));
	return 0;
}

static int
int4_to_int8(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) ctx;
	UNUSED_CAST_ARGS;
	*out = Int64GetDatum(DatumGetInt32(v));
	return 0;
}

#define INT_TO_FLOAT(fname, getter, ftype, maker) \
static int \
fname(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out) \
{ \
	(void) ctx; \
	UNUSED_CAST_ARGS; \
	*out = maker((ftype) getter(v)); \
	return 0; \
}
INT_TO_FLOAT(int2_to_float4, DatumGetInt16, float, Float4GetDatum)
INT_TO_FLOAT(int4_to_float4, DatumGetInt32, float, Float4GetDatum)
INT_TO_FLOAT(int8_to_float4, DatumGetInt64, float, Float4GetDatum)
INT_TO_FLOAT(int2_to_float8, DatumGetInt16, double, Float8GetDatum)
INT_TO_FLOAT(int4_to_float8, DatumGetInt32, double, Float8GetDatum)
INT_TO_FLOAT(int8_to_float8, DatumGetInt64, double, Float8GetDatum)

/* rint() then a range check, as PostgreSQL's dtoi4 and friends. */
static int
double_to_int(EvalCtx *ctx, double d, Oid dst, Datum *out)
{
	d = rint(d);
	switch (dst)
	{
		case INT2OID:
			if (isnan(d) || !(d >= (double) INT16_MIN && d < -(double) INT16_MIN))
				return range_error(ctx, "smallint");
			*out = Int16GetDatum((int16_t) d);
			return 0;
		case INT4OID:
			if (isnan(d) || !(d >= (double) INT32_MIN && d < -(double) INT32_MIN))
				return range_error(ctx, "integer");
			*out = Int32GetDatum((int32_t) d);
			return 0;
		default:
			if (isnan(d) || !(d >= (double) INT64_MIN && d < -(double) INT64_MIN))
				return range_error(ctx, "bigint");
			*out = Int64GetDatum((int64_t) d);
			return 0;
	}
}

/* float4 rounds in single precision first (rintf), as ftoi4. */
#define FLOAT_TO_INT(fname, expr, dst) \
static int \
fname(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out) \
{ \
	UNUSED_CAST_ARGS; \
	return double_to_int(ctx, (expr), dst, out); \
}
FLOAT_TO_INT(float4_to_int2, rintf(DatumGetFloat4(v)), INT2OID)
FLOAT_TO_INT(float4_to_int4, rintf(DatumGetFloat4(v)), INT4OID)
FLOAT_TO_INT(float4_to_int8, rintf(DatumGetFloat4(v)), INT8OID)
FLOAT_TO_INT(float8_to_int2, DatumGetFloat8(v), INT2OID)
FLOAT_TO_INT(float8_to_int4, DatumGetFloat8(v), INT4OID)
FLOAT_TO_INT(float8_to_int8, DatumGetFloat8(v), INT8OID)

static int
float4_to_float8(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) ctx;
	UNUSED_CAST_ARGS;
	*out = Float8GetDatum((double) DatumGetFloat4(v));
	return 0;
}

static int
float8_to_float4(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	double		d = DatumGetFloat8(v);
	float		f = (float) d;

	UNUSED_CAST_ARGS;
	if (isinf(f) && !isinf(d))
	{
		mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
		return -1;
	}
	if (f == 0.0f && d != 0.0)
	{
		mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
		return -1;
	}
	*out = Float4GetDatum(f);
	return 0;
}

static int
int4_to_bool(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) ctx;
	UNUSED_CAST_ARGS;
	*out = BoolGetDatum(DatumGetInt32(v) != 0);
	return 0;
}

static int
bool_to_int4(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) ctx;
	UNUSED_CAST_ARGS;
	*out = Int32GetDatum(DatumGetBool(v) ? 1 : 0);
	return 0;
}

/* booltext: 'true'/'false', unlike boolout's 't'/'f'. */
static int
bool_to_string(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out, Oid dst)
{
	const char *s = DatumGetBool(v) ? "true" : "false";

	return types_string_coerce(ctx, dst, s, strlen(s), typmod, explicit_cast, out);
}

static int
bool_to_text(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	return bool_to_string(ctx, v, typmod, explicit_cast, out, TEXTOID);
}

static int
bool_to_varchar(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	return bool_to_string(ctx, v, typmod, explicit_cast, out, VARCHAROID);
}

static int
bool_to_bpchar(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	return bool_to_string(ctx, v, typmod, explicit_cast, out, BPCHAROID);
}

/* Among the string types: char(n)'s padding is dropped on the way to text/varchar/name. */
static int
string_to(EvalCtx *ctx, Datum v, Oid src, Oid dst, int32_t typmod, bool explicit_cast, Datum *out)
{
	Varlena    *t = DatumGetVarlena(v);
	size_t		len = t->len;

	if (src == BPCHAROID)
		while (len > 0 && t->data[len - 1] == ' ')
			len--;
	return types_string_coerce(ctx, dst, t->data, len, typmod, explicit_cast, out);
}

#define STRING_CAST(fname, src, dst) \
static int \
fname(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out) \
{ \
	return string_to(ctx, v, src, dst, typmod, explicit_cast, out); \
}
STRING_CAST(bpchar_to_text, BPCHAROID, TEXTOID)
STRING_CAST(bpchar_to_varchar, BPCHAROID, VARCHAROID)
STRING_CAST(bpchar_to_name, BPCHAROID, NAMEOID)
STRING_CAST(text_to_bpchar, TEXTOID, BPCHAROID)
STRING_CAST(text_to_name, TEXTOID, NAMEOID)
STRING_CAST(text_to_varchar, TEXTOID, VARCHAROID)
STRING_CAST(varchar_to_bpchar, VARCHAROID, BPCHAROID)
STRING_CAST(varchar_to_name, VARCHAROID, NAMEOID)
STRING_CAST(name_to_bpchar, NAMEOID, BPCHAROID)
STRING_CAST(name_to_varchar, NAMEOID, VARCHAROID)

static int
char_to_text(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	unsigned char c = (unsigned char) v;

	UNUSED_CAST_ARGS;
	*out = text_datum(ctx->arena, (const char *) &c, c != 0 ? 1 : 0);
	return 0;
}

static int
text_to_char(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	Varlena    *t = DatumGetVarlena(v);

	(void) ctx;
	UNUSED_CAST_ARGS;
	*out = (Datum) (unsigned char) (t->len > 0 ? t->data[0] : 0);
	return 0;
}

static int
int8_to_oid(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	int64_t		x = DatumGetInt64(v);

	UNUSED_CAST_ARGS;
	if (x < INT32_MIN || x > (int64_t) UINT32_MAX)
	{
		mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "OID out of range");
		return -1;
	}
	*out = ObjectIdGetDatum((Oid) x);
	return 0;
}

static int
int2_to_oid(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) ctx;
	UNUSED_CAST_ARGS;
	*out = ObjectIdGetDatum((Oid) (int32_t) DatumGetInt16(v));
	return 0;
}

static int
int4_to_oid(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) ctx;
	UNUSED_CAST_ARGS;
	*out = ObjectIdGetDatum((Oid) DatumGetInt32(v));
	return 0;
}

static int
oid_to_int4(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) ctx;
	UNUSED_CAST_ARGS;
	*out = Int32GetDatum((int32_t) DatumGetObjectId(v));
	return 0;
}

static int
oid_to_int8(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	(void) ctx;
	UNUSED_CAST_ARGS;
	*out = Int64GetDatum((int64_t) DatumGetObjectId(v));
	return 0;
}

static const CastDef scalar_casts[] = {
	{INT2OID, INT4OID, CAST_IMPLICIT, int2_to_int4},
	{INT2OID, INT8OID, CAST_IMPLICIT, int2_to_int8},
	{INT2OID, FLOAT4OID, CAST_IMPLICIT, int2_to_float4},
	{INT2OID, FLOAT8OID, CAST_IMPLICIT, int2_to_float8},
	{INT4OID, INT2OID, CAST_ASSIGNMENT, int4_to_int2},
	{INT4OID, INT8OID, CAST_IMPLICIT, int4_to_int8},
	{INT4OID, FLOAT4OID, CAST_IMPLICIT, int4_to_float4},
	{INT4OID, FLOAT8OID, CAST_IMPLICIT, int4_to_float8},
	{INT8OID, INT2OID, CAST_ASSIGNMENT, int8_to_int2},
	{INT8OID, INT4OID, CAST_ASSIGNMENT, int8_to_int4},
	{INT8OID, FLOAT4OID, CAST_IMPLICIT, int8_to_float4},
	{INT8OID, FLOAT8OID, CAST_IMPLICIT, int8_to_float8},
	{FLOAT4OID, INT2OID, CAST_ASSIGNMENT, float4_to_int2},
	{FLOAT4OID, INT4OID, CAST_ASSIGNMENT, float4_to_int4},
	{FLOAT4OID, INT8OID, CAST_ASSIGNMENT, float4_to_int8},
	{FLOAT4OID, FLOAT8OID, CAST_IMPLICIT, float4_to_float8},
	{FLOAT8OID, INT2OID, CAST_ASSIGNMENT, float8_to_int2},
	{FLOAT8OID, INT4OID, CAST_ASSIGNMENT, float8_to_int4},
	{FLOAT8OID, INT8OID, CAST_ASSIGNMENT, float8_to_int8},
	{FLOAT8OID, FLOAT4OID, CAST_ASSIGNMENT, float8_to_float4},
	{INT4OID, BOOLOID, CAST_EXPLICIT, int4_to_bool},
	{BOOLOID, INT4OID, CAST_EXPLICIT, bool_to_int4},
	{BOOLOID, TEXTOID, CAST_ASSIGNMENT, bool_to_text},
	{BOOLOID, VARCHAROID, CAST_ASSIGNMENT, bool_to_varchar},
	{BOOLOID, BPCHAROID, CAST_ASSIGNMENT, bool_to_bpchar},
	{TEXTOID, BPCHAROID, CAST_IMPLICIT, text_to_bpchar},
	{TEXTOID, VARCHAROID, CAST_IMPLICIT, text_to_varchar},
	{TEXTOID, NAMEOID, CAST_IMPLICIT, text_to_name},
	{BPCHAROID, TEXTOID, CAST_IMPLICIT, bpchar_to_text},
	{BPCHAROID, VARCHAROID, CAST_IMPLICIT, bpchar_to_varchar},
	{BPCHAROID, NAMEOID, CAST_IMPLICIT, bpchar_to_name},
	{VARCHAROID, TEXTOID, CAST_IMPLICIT, NULL},
	{VARCHAROID, BPCHAROID, CAST_IMPLICIT, varchar_to_bpchar},
	{VARCHAROID, NAMEOID, CAST_IMPLICIT, varchar_to_name},
	{NAMEOID, TEXTOID, CAST_IMPLICIT, NULL},
	{NAMEOID, BPCHAROID, CAST_ASSIGNMENT, name_to_bpchar},
	{NAMEOID, VARCHAROID, CAST_ASSIGNMENT, name_to_varchar},
	{CHAROID, TEXTOID, CAST_IMPLICIT, char_to_text},
	{TEXTOID, CHAROID, CAST_ASSIGNMENT, text_to_char},
	{INT2OID, OIDOID, CAST_IMPLICIT, int2_to_oid},
	{INT4OID, OIDOID, CAST_IMPLICIT, int4_to_oid},
	{INT8OID, OIDOID, CAST_IMPLICIT, int8_to_oid},
	{OIDOID, INT4OID, CAST_ASSIGNMENT, oid_to_int4},
	{OIDOID, INT8OID, CAST_ASSIGNMENT, oid_to_int8},
	{OIDOID, REGCLASSOID, CAST_IMPLICIT, NULL},
	{REGCLASSOID, OIDOID, CAST_IMPLICIT, NULL},
	{INT2OID, REGCLASSOID, CAST_IMPLICIT, int2_to_oid},
	{INT4OID, REGCLASSOID, CAST_IMPLICIT, int4_to_oid},
	{INT8OID, REGCLASSOID, CAST_IMPLICIT, int8_to_oid},
	{REGCLASSOID, INT4OID, CAST_ASSIGNMENT, oid_to_int4},
	{REGCLASSOID, INT8OID, CAST_ASSIGNMENT, oid_to_int8},
};

void
types_register_scalar_casts(void)
{
	cast_register(scalar_casts, (int) (sizeof(scalar_casts) / sizeof(scalar_casts[0])));
}
