/*
 * json_funcs.c — json/jsonb functions and operators: to_json/to_jsonb,
 * json_typeof/jsonb_typeof, json[b]_build_object/array, the -> and ->>
 * field/element operators, and jsonb comparison.
 *
 * Design: SQL values become JSON as PostgreSQL's datum_to_json does:
 * numbers stay bare when their text is a JSON number (NaN/Infinity are
 * quoted), booleans become true/false, date/time values use ISO 8601 with
 * a "T" (XSD style), json/jsonb are embedded as they are, everything else
 * becomes a JSON string of its text output.  json operators work on the
 * parsed text and return the source slice of the value, as PostgreSQL.
 * jsonb functions decode the stored tree into the arena, work on it and
 * re-encode (so results are normalised like any jsonb input).
 *
 * Invariants:
 *  1. Pure: no state outside the FnCall (SRF state lives in srf_arena).
 *  2. Errors carry PostgreSQL's SQLSTATE and wording (22023 for misuse
 *     such as "cannot delete from scalar", 22004 for NULL object keys).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/json.h>

#include "../func/builtins.h"
#include "datetime_types.h"
#include "json_int.h"

/* ---------------------------------------------------------------- datum -> JSON */

static bool
is_json_number(const char *s, size_t len)
{
	size_t		i = 0;

	if (i < len && s[i] == '-')
		i++;
	if (i >= len || !isdigit((unsigned char) s[i]))
		return false;
	if (s[i] == '0')
		i++;
	else
		while (i < len && isdigit((unsigned char) s[i]))
			i++;
	if (i < len && s[i] == '.')
	{
		i++;
		if (i >= len || !isdigit((unsigned char) s[i]))
			return false;
		while (i < len && isdigit((unsigned char) s[i]))
			i++;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E'))
	{
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= len || !isdigit((unsigned char) s[i]))
			return false;
		while (i < len && isdigit((unsigned char) s[i]))
			i++;
	}
	return i == len;
}

/* ISO 8601 text of a date/time value for JSON (PostgreSQL's JsonEncodeDateTime). */
static int
encode_datetime_json(EvalCtx *ctx, Oid type, Datum v, StrBuf *out)
{
	PgTm		tm;
	int32_t		fsec;
	int64_t		ts = DatumGetInt64(v);

	strbuf_putc(out, '"');
	switch (type)
	{
		case DATEOID:
			{
				DateADT		d = DatumGetInt32(v);

				if (DATE_NOT_FINITE(d))
					strbuf_puts(out, d == DATEVAL_NOEND ? "infinity" : "-infinity");
				else
				{
					memset(&tm, 0, sizeof(tm));
					j2date(d + POSTGRES_EPOCH_JDATE, &tm.year, &tm.mon, &tm.mday);
					encode_date_only(&tm, USE_XSD_DATES, DATEORDER_MDY, out);
				}
			}
			break;
		case TIMEOID:
			memset(&tm, 0, sizeof(tm));
			dt2time(ts, &tm.hour, &tm.min, &tm.sec, &fsec);
			encode_time_only(&tm, fsec, false, 0, USE_XSD_DATES, out);
			break;
		default:
			if (TIMESTAMP_NOT_FINITE(ts))
				strbuf_puts(out, ts == DT_NOEND ? "infinity" : "-infinity");
			else
			{
				bool		tz = type == TIMESTAMPTZOID;

				if (timestamp2tm(ts, tz ? tz_session(ctx) : NULL, &tm, &fsec) != 0)
				{
					mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "timestamp out of range");
					return -1;
				}
				encode_date_time(&tm, fsec, tz, (int) -tm.gmtoff, NULL, USE_XSD_DATES, DATEORDER_MDY, out);
			}
			break;
	}
	strbuf_putc(out, '"');
	return 0;
}

/* Appends the JSON text of one SQL value. */
static int
datum_to_json(EvalCtx *ctx, Oid type, Datum v, bool isnull, StrBuf *out)
{
	const MgType *t;
	StrBuf		txt;

	if (isnull)
	{
		strbuf_puts(out, "null");
		return 0;
	}
	switch (type)
	{
		case BOOLOID:
			strbuf_puts(out, DatumGetBool(v) ? "true" : "false");
			return 0;
		case JSONOID:
			return type_output(ctx, type, -1, v, out);
		case JSONBOID:
			json_node_out(jsonb_to_node(ctx->arena, v), true, out);
			return 0;
		case DATEOID:
		case TIMEOID:
		case TIMESTAMPOID:
		case TIMESTAMPTZOID:
			return encode_datetime_json(ctx, type, v, out);
		default:
			break;
	}
	t = type_by_oid(type);
	if (t != NULL && t->elem != InvalidOid)
	{
		/* PostgreSQL's array_to_json: [1,2,3], no spaces */
		Oid			elemtype;
		int			n;
		int			lbound;
		Datum	   *vals;
		bool	   *nulls;

		array_deconstruct(ctx->arena, v, &elemtype, &n, &vals, &nulls, &lbound);
		strbuf_putc(out, '[');
		for (int i = 0; i < n; i++)
		{
			if (i > 0)
				strbuf_putc(out, ',');
			if (datum_to_json(ctx, elemtype, vals[i], nulls[i], out))
				return -1;
		}
		strbuf_putc(out, ']');
		return 0;
	}
	if (type == RECORDOID)
	{
		/* an anonymous record: {"f1":...,"f2":...} as PostgreSQL's composite_to_json */
		int			natts;
		Oid		   *types;
		int32_t    *typmods;
		Datum	   *vals;
		bool	   *nulls;

		record_deconstruct(ctx->arena, v, &natts, &types, &typmods, &vals, &nulls);
		strbuf_putc(out, '{');
		for (int i = 0; i < natts; i++)
		{
			strbuf_printf(out, "%s\"f%d\":", i > 0 ? "," : "", i + 1);
			if (datum_to_json(ctx, types[i], vals[i], nulls[i], out))
				return -1;
		}
		strbuf_putc(out, '}');
		return 0;
	}
	strbuf_init_arena(&txt, ctx->arena);
	if (type_output(ctx, type, -1, v, &txt) != 0)
		return -1;
	if (t != NULL && t->category == 'N' && is_json_number(txt.data, txt.len))
		strbuf_append(out, txt.data, txt.len);
	else
		json_escape(out, txt.data ? txt.data : "", txt.len);
	return 0;
}

static int
text_result(FnCall *fc, const StrBuf *sb, Datum *out)
{
	*out = text_datum(fc->ctx->arena, sb->data ? sb->data : "", sb->len);
	return 0;
}

static int
jsonb_from_text(FnCall *fc, const StrBuf *sb, Datum *out)
{
	JsonNode   *n;

	if (json_parse(fc->ctx, sb->data ? sb->data : "", sb->len, true, &n))
		return -1;
	*out = jsonb_from_node(fc->ctx->arena, n);
	return 0;
}

static int
fn_to_json(FnCall *fc, Datum *out)
{
	StrBuf		sb;

	strbuf_init_arena(&sb, fc->ctx->arena);
	if (datum_to_json(fc->ctx, fc->argtypes[0], fc->args[0], false, &sb))
		return -1;
	return text_result(fc, &sb, out);
}

static int
fn_to_jsonb(FnCall *fc, Datum *out)
{
	StrBuf		sb;

	strbuf_init_arena(&sb, fc->ctx->arena);
	if (datum_to_json(fc->ctx, fc->argtypes[0], fc->args[0], false, &sb))
		return -1;
	return jsonb_from_text(fc, &sb, out);
}

static int
build_object(FnCall *fc, bool jsonb, Datum *out)
{
	StrBuf		sb;

	if (fc->nargs % 2 != 0)
	{
		mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "argument list must have even number of elements");
		mg_error_hint(fc->ctx->err, "The arguments of %s must consist of alternating keys and values.",
					  jsonb ? "jsonb_build_object()" : "json_build_object()");
		return -1;
	}
	strbuf_init_arena(&sb, fc->ctx->arena);
	strbuf_putc(&sb, '{');
	for (int i = 0; i < fc->nargs; i += 2)
	{
		StrBuf		key;

		if (fc->argnull[i])
		{
			mg_error(fc->ctx->err, SQLSTATE_NULL_VALUE_NOT_ALLOWED, "argument %d cannot be null", i + 1);
			mg_error_hint(fc->ctx->err, "Object keys should be text.");
			return -1;
		}
		if (i > 0)
			strbuf_puts(&sb, ", ");
		strbuf_init_arena(&key, fc->ctx->arena);
		if (type_output(fc->ctx, fc->argtypes[i], -1, fc->args[i], &key) != 0)
			return -1;
		json_escape(&sb, key.data ? key.data : "", key.len);
		strbuf_puts(&sb, " : ");
		if (datum_to_json(fc->ctx, fc->argtypes[i + 1], fc->args[i + 1], fc->argnull[i + 1], &sb))
			return -1;
	}
	strbuf_putc(&sb, '}');
	return jsonb ? jsonb_from_text(fc, &sb, out) : text_result(fc, &sb, out);
}

static int fn_json_build_object(FnCall *fc, Datum *out) { return build_object(fc, false, out); }
static int fn_jsonb_build_object(FnCall *fc, Datum *out) { return build_object(fc, true, out); }

static int
build_array(FnCall *fc, bool jsonb, Datum *out)
{
	StrBuf		sb;

	strbuf_init_arena(&sb, fc->ctx->arena);
	strbuf_putc(&sb, '[');
	for (int i = 0; i < fc->nargs; i++)
	{
		if (i > 0)
			strbuf_puts(&sb, ", ");
		if (datum_to_json(fc->ctx, fc->argtypes[i], fc->args[i], fc->argnull[i], &sb))
			return -1;
	}
	strbuf_putc(&sb, ']');
	return jsonb ? jsonb_from_text(fc, &sb, out) : text_result(fc, &sb, out);
}

static int fn_json_build_array(FnCall *fc, Datum *out) { return build_array(fc, false, out); }
static int fn_jsonb_build_array(FnCall *fc, Datum *out) { return build_array(fc, true, out); }

/* ---------------------------------------------------------------- typeof, operators */

static const char *
type_name_of(const JsonNode *n)
{
	switch (n->type)
	{
		case JSON_NULL:
			return "null";
		case JSON_FALSE:
		case JSON_TRUE:
			return "boolean";
		case JSON_NUMBER:
			return "number";
		case JSON_STRING:
			return "string";
		case JSON_ARRAY:
			return "array";
		default:
			return "object";
	}
}

static JsonNode *
arg_node(FnCall *fc, int i, bool jsonb)
{
	JsonNode   *n;
	const Varlena *v;

	if (jsonb)
		return jsonb_to_node(fc->ctx->arena, fc->args[i]);
	v = DatumGetVarlena(fc->args[i]);
	if (json_parse(fc->ctx, v->data, v->len, false, &n))
		return NULL;
	return n;
}

static int
typeof_common(FnCall *fc, bool jsonb, Datum *out)
{
	JsonNode   *n = arg_node(fc, 0, jsonb);

	if (n == NULL)
		return -1;
	*out = cstring_text_datum(fc->ctx->arena, type_name_of(n));
	return 0;
}

static int fn_json_typeof(FnCall *fc, Datum *out) { return typeof_common(fc, false, out); }
static int fn_jsonb_typeof(FnCall *fc, Datum *out) { return typeof_common(fc, true, out); }

/* The member of an object (last match for json, as PostgreSQL) or array element. */
static JsonNode *
lookup(FnCall *fc, JsonNode *n, bool by_index, bool jsonb)
{
	if (by_index)
	{
		int32_t		idx = DatumGetInt32(fc->args[1]);

		/* a jsonb scalar is stored as a one-element "raw scalar" array */
		if (jsonb && n->type != JSON_ARRAY && n->type != JSON_OBJECT)
			return (idx == 0 || idx == -1) ? n : NULL;
		if (n->type != JSON_ARRAY)
			return NULL;
		if (idx < 0)
			idx += n->n;
		return (idx >= 0 && idx < n->n) ? n->items[idx] : NULL;
	}
	else
	{
		const Varlena *k = DatumGetVarlena(fc->args[1]);
		JsonNode   *found = NULL;

		if (n->type != JSON_OBJECT)
			return NULL;
		for (int i = 0; i < n->n; i++)
			if (n->keylens[i] == k->len && memcmp(n->keys[i], k->data, k->len) == 0)
				found = n->items[i];
		return found;
	}
}

static int
arrow(FnCall *fc, bool jsonb, bool by_index, bool as_text, Datum *out)
{
	JsonNode   *n = arg_node(fc, 0, jsonb);
	JsonNode   *r;
	StrBuf		sb;

	if (n == NULL)
		return -1;
	r = lookup(fc, n, by_index, jsonb);
	if (r == NULL || (as_text && r->type == JSON_NULL))
	{
		fc->isnull = true;
		return 0;
	}
	strbuf_init_arena(&sb, fc->ctx->arena);
	if (as_text && r->type == JSON_STRING)
	{
		if (jsonb)
			strbuf_append(&sb, r->str, r->len);
		else
		{
			/* json keeps "\u0000" escaped in its text; the value is what the parser unescaped */
			strbuf_append(&sb, r->str, r->len);
		}
		return text_result(fc, &sb, out);
	}
	if (jsonb && !as_text)
	{
		*out = jsonb_from_node(fc->ctx->arena, r);
		return 0;
	}
	if (jsonb)
		json_node_out(r, true, &sb);
	else
		strbuf_append(&sb, r->src, r->srclen);
	return text_result(fc, &sb, out);
}

static int fn_json_object_field(FnCall *fc, Datum *out) { return arrow(fc, false, false, false, out); }
static int fn_json_object_field_text(FnCall *fc, Datum *out) { return arrow(fc, false, false, true, out); }
static int fn_json_array_element(FnCall *fc, Datum *out) { return arrow(fc, false, true, false, out); }
static int fn_json_array_element_text(FnCall *fc, Datum *out) { return arrow(fc, false, true, true, out); }
static int fn_jsonb_object_field(FnCall *fc, Datum *out) { return arrow(fc, true, false, false, out); }
static int fn_jsonb_object_field_text(FnCall *fc, Datum *out) { return arrow(fc, true, false, true, out); }
static int fn_jsonb_array_element(FnCall *fc, Datum *out) { return arrow(fc, true, true, false, out); }
static int fn_jsonb_array_element_text(FnCall *fc, Datum *out) { return arrow(fc, true, true, true, out); }

/* ---------------------------------------------------------------- containment, paths */

static bool
scalar_equal(EvalCtx *ctx, const JsonNode *a, const JsonNode *b)
{
	if (a->type != b->type)
		return false;
	switch (a->type)
	{
		case JSON_STRING:
			return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
		case JSON_NUMBER:
			{
				Datum		x = jsonb_from_node(ctx->arena, (JsonNode *) a);
				Datum		y = jsonb_from_node(ctx->arena, (JsonNode *) b);

				return jsonb_cmp(x, y) == 0;
			}
		default:
			return true;
	}
}

/* PostgreSQL's JsonbDeepContains: does a contain b? */
static bool
deep_contains(EvalCtx *ctx, const JsonNode *a, const JsonNode *b)
{
	if (a->type == JSON_OBJECT && b->type == JSON_OBJECT)
	{
		for (int i = 0; i < b->n; i++)
		{
			const JsonNode *av = NULL;

			for (int j = 0; j < a->n; j++)
				if (a->keylens[j] == b->keylens[i] && memcmp(a->keys[j], b->keys[i], a->keylens[j]) == 0)
					av = a->items[j];
			if (av == NULL)
				return false;
			if (av->type == JSON_OBJECT || av->type == JSON_ARRAY || b->items[i]->type == JSON_OBJECT ||
				b->items[i]->type == JSON_ARRAY)
			{
				if (av->type != b->items[i]->type || !deep_contains(ctx, av, b->items[i]))
					return false;
			}
			else if (!scalar_equal(ctx, av, b->items[i]))
				return false;
		}
		return true;
	}
	if (a->type == JSON_ARRAY && b->type == JSON_ARRAY)
	{
		for (int i = 0; i < b->n; i++)
		{
			const JsonNode *be = b->items[i];
			bool		found = false;

			for (int j = 0; j < a->n && !found; j++)
			{
				const JsonNode *ae = a->items[j];

				if (be->type == JSON_OBJECT || be->type == JSON_ARRAY)
					found = ae->type == be->type && deep_contains(ctx, ae, be);
				else
					found = scalar_equal(ctx, ae, be);
			}
			if (!found)
				return false;
		}
		return true;
	}
	if (a->type == JSON_OBJECT || a->type == JSON_ARRAY || b->type == JSON_OBJECT || b->type == JSON_ARRAY)
		return false;
	return scalar_equal(ctx, a, b);
}

static bool
top_contains(EvalCtx *ctx, JsonNode *a, JsonNode *b)
{
	bool		a_scalar = a->type != JSON_ARRAY && a->type != JSON_OBJECT;
	bool		b_scalar = b->type != JSON_ARRAY && b->type != JSON_OBJECT;

	/* a top-level scalar is a one-element "raw scalar" array in PostgreSQL */
	if (b_scalar && a->type == JSON_ARRAY)
	{
		JsonNode	wrap = {.type = JSON_ARRAY, .n = 1, .items = &b};

		return deep_contains(ctx, a, &wrap);
	}
	if (a_scalar != b_scalar)
		return false;
	return deep_contains(ctx, a, b);
}

static int
fn_jsonb_contains(FnCall *fc, Datum *out)
{
	*out = BoolGetDatum(top_contains(fc->ctx, jsonb_to_node(fc->ctx->arena, fc->args[0]),
									 jsonb_to_node(fc->ctx->arena, fc->args[1])));
	return 0;
}

static int
fn_jsonb_contained(FnCall *fc, Datum *out)
{
	*out = BoolGetDatum(top_contains(fc->ctx, jsonb_to_node(fc->ctx->arena, fc->args[1]),
									 jsonb_to_node(fc->ctx->arena, fc->args[0])));
	return 0;
}

static int
fn_jsonb_exists(FnCall *fc, Datum *out)
{
	JsonNode   *n = jsonb_to_node(fc->ctx->arena, fc->args[0]);
	const Varlena *k = DatumGetVarlena(fc->args[1]);
	bool		found = false;

	if (n->type == JSON_OBJECT)
	{
		for (int i = 0; i < n->n && !found; i++)
			found = n->keylens[i] == k->len && memcmp(n->keys[i], k->data, k->len) == 0;
	}
	else if (n->type == JSON_ARRAY)
	{
		for (int i = 0; i < n->n && !found; i++)
			found = n->items[i]->type == JSON_STRING && n->items[i]->len == k->len &&
				memcmp(n->items[i]->str, k->data, k->len) == 0;
	}
	else if (n->type == JSON_STRING)
		found = n->len == k->len && memcmp(n->str, k->data, k->len) == 0;
	*out = BoolGetDatum(found);
	return 0;
}

static int
array_length_common(FnCall *fc, bool jsonb, Datum *out)
{
	JsonNode   *n = arg_node(fc, 0, jsonb);

	if (n == NULL)
		return -1;
	if (n->type != JSON_ARRAY)
	{
		mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot get array length of a %s",
				 n->type == JSON_OBJECT ? "non-array" : "scalar");
		return -1;
	}
	*out = Int32GetDatum(n->n);
	return 0;
}

static int fn_json_array_length(FnCall *fc, Datum *out) { return array_length_common(fc, false, out); }
static int fn_jsonb_array_length(FnCall *fc, Datum *out) { return array_length_common(fc, true, out); }

/* #> and #>>: follow a text[] path of keys and array indexes. */
static int
path_common(FnCall *fc, bool jsonb, bool as_text, Datum *out)
{
	JsonNode   *n = arg_node(fc, 0, jsonb);
	Oid			elemtype;
	int			np,
				lbound;
	Datum	   *path;
	bool	   *nulls;
	StrBuf		sb;

	if (n == NULL)
		return -1;
	array_deconstruct(fc->ctx->arena, fc->args[1], &elemtype, &np, &path, &nulls, &lbound);
	for (int i = 0; i < np && n != NULL; i++)
	{
		const Varlena *k;
		JsonNode   *next = NULL;

		if (nulls[i])
		{
			fc->isnull = true;
			return 0;
		}
		k = DatumGetVarlena(path[i]);
		if (n->type == JSON_OBJECT)
		{
			for (int j = 0; j < n->n; j++)
				if (n->keylens[j] == k->len && memcmp(n->keys[j], k->data, k->len) == 0)
					next = n->items[j];
		}
		else if (n->type == JSON_ARRAY)
		{
			char		buf[32];
			char	   *end;
			long		idx;

			if (k->len == 0 || k->len >= sizeof(buf))
				next = NULL;
			else
			{
				memcpy(buf, k->data, k->len);
				buf[k->len] = '\0';
				idx = strtol(buf, &end, 10);
				if (*end != '\0')
					next = NULL;
				else
				{
					if (idx < 0)
						idx += n->n;
					next = (idx >= 0 && idx < n->n) ? n->items[idx] : NULL;
				}
			}
		}
		n = next;
	}
	if (n == NULL || (as_text && n->type == JSON_NULL))
	{
		fc->isnull = true;
		return 0;
	}
	strbuf_init_arena(&sb, fc->ctx->arena);
	if (as_text && n->type == JSON_STRING)
		strbuf_append(&sb, n->str, n->len);
	else if (jsonb && !as_text)
	{
		*out = jsonb_from_node(fc->ctx->arena, n);
		return 0;
	}
	else if (jsonb)
		json_node_out(n, jsonb, &sb);
	else
		strbuf_append(&sb, n->src, n->srclen);
	return text_result(fc, &sb, out);
}

static int fn_json_extract_path(FnCall *fc, Datum *out) { return path_common(fc, false, false, out); }
static int fn_json_extract_path_text(FnCall *fc, Datum *out) { return path_common(fc, false, true, out); }
static int fn_jsonb_extract_path(FnCall *fc, Datum *out) { return path_common(fc, true, false, out); }
static int fn_jsonb_extract_path_text(FnCall *fc, Datum *out) { return path_common(fc, true, true, out); }

/* ---------------------------------------------------------------- || and - */

static JsonNode *
as_array(EvalCtx *ctx, JsonNode *n)
{
	JsonNode   *w;

	if (n->type == JSON_ARRAY)
		return n;
	w = arena_new(ctx->arena, JsonNode);
	w->type = JSON_ARRAY;
	w->n = 1;
	w->items = arena_alloc(ctx->arena, sizeof(JsonNode *));
	w->items[0] = n;
	return w;
}

/* jsonb || jsonb: objects merge (right wins); anything else concatenates as arrays. */
static int
fn_jsonb_concat(FnCall *fc, Datum *out)
{
	Arena	   *a = fc->ctx->arena;
	JsonNode   *l = jsonb_to_node(a, fc->args[0]);
	JsonNode   *r = jsonb_to_node(a, fc->args[1]);
	JsonNode   *res = arena_new(a, JsonNode);

	if (l->type == JSON_OBJECT && r->type == JSON_OBJECT)
	{
		/* the encoder sorts and keeps the last of duplicate keys */
		res->type = JSON_OBJECT;
		res->n = l->n + r->n;
		res->items = arena_alloc(a, sizeof(JsonNode *) * (size_t) (res->n + 1));
		res->keys = arena_alloc(a, sizeof(char *) * (size_t) (res->n + 1));
		res->keylens = arena_alloc(a, sizeof(size_t) * (size_t) (res->n + 1));
		for (int i = 0; i < res->n; i++)
		{
			const JsonNode *src = i < l->n ? l : r;
			int			j = i < l->n ? i : i - l->n;

			res->items[i] = src->items[j];
			res->keys[i] = src->keys[j];
			res->keylens[i] = src->keylens[j];
		}
	}
	else
	{
		l = as_array(fc->ctx, l);
		r = as_array(fc->ctx, r);
		res->type = JSON_ARRAY;
		res->n = l->n + r->n;
		res->items = arena_alloc(a, sizeof(JsonNode *) * (size_t) (res->n + 1));
		for (int i = 0; i < res->n; i++)
			res->items[i] = i < l->n ? l->items[i] : r->items[i - l->n];
	}
	*out = jsonb_from_node(a, res);
	return 0;
}

static int
fn_jsonb_delete_key(FnCall *fc, Datum *out)
{
	Arena	   *a = fc->ctx->arena;
	JsonNode   *n = jsonb_to_node(a, fc->args[0]);
	const Varlena *k = DatumGetVarlena(fc->args[1]);
	int			j = 0;

	if (n->type != JSON_OBJECT && n->type != JSON_ARRAY)
	{
		mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot delete from scalar");
		return -1;
	}
	for (int i = 0; i < n->n; i++)
	{
		bool		match = n->type == JSON_OBJECT ?
			(n->keylens[i] == k->len && memcmp(n->keys[i], k->data, k->len) == 0) :
			(n->items[i]->type == JSON_STRING && n->items[i]->len == k->len &&
			 memcmp(n->items[i]->str, k->data, k->len) == 0);

		if (match)
			continue;
		n->items[j] = n->items[i];
		if (n->type == JSON_OBJECT)
		{
			n->keys[j] = n->keys[i];
			n->keylens[j] = n->keylens[i];
		}
		j++;
	}
	n->n = j;
	*out = jsonb_from_node(a, n);
	return 0;
}

static int
fn_jsonb_delete_idx(FnCall *fc, Datum *out)
{
	Arena	   *a = fc->ctx->arena;
	JsonNode   *n = jsonb_to_node(a, fc->args[0]);
	int32_t		idx = DatumGetInt32(fc->args[1]);

	if (n->type == JSON_OBJECT)
	{
		mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot delete from object using integer index");
		return -1;
	}
	if (n->type != JSON_ARRAY)
	{
		mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot delete from scalar");
		return -1;
	}
	if (idx < 0)
		idx += n->n;
	if (idx >= 0 && idx < n->n)
	{
		for (int i = idx; i + 1 < n->n; i++)
			n->items[i] = n->items[i + 1];
		n->n--;
	}
	*out = jsonb_from_node(a, n);
	return 0;
}

/* ---------------------------------------------------------------- pretty, strip_nulls, set */

static void
pretty_indent(StrBuf *out, int level)
{
	strbuf_putc(out, '\n');
	for (int i = 0; i < level; i++)
		strbuf_puts(out, "    ");
}

/* PostgreSQL's JsonbToCStringIndent layout. */
static void
pretty(const JsonNode *n, int level, bool emit_indent, StrBuf *out)
{
	bool		obj = n->type == JSON_OBJECT;

	if (!obj && n->type != JSON_ARRAY)
	{
		json_node_out(n, true, out);
		return;
	}
	if (emit_indent)
		pretty_indent(out, level);
	strbuf_putc(out, obj ? '{' : '[');
	for (int i = 0; i < n->n; i++)
	{
		const JsonNode *v = n->items[i];
		bool		container = v->type == JSON_OBJECT || v->type == JSON_ARRAY;

		if (i > 0)
			strbuf_putc(out, ',');
		if (obj)
		{
			pretty_indent(out, level + 1);
			json_escape(out, n->keys[i], n->keylens[i]);
			strbuf_puts(out, ": ");
			pretty(v, level + 1, false, out);
		}
		else if (container)
			pretty(v, level + 1, true, out);
		else
		{
			pretty_indent(out, level + 1);
			json_node_out(v, true, out);
		}
	}
	pretty_indent(out, level);
	strbuf_putc(out, obj ? '}' : ']');
}

static int
fn_jsonb_pretty(FnCall *fc, Datum *out)
{
	StrBuf		sb;

	strbuf_init_arena(&sb, fc->ctx->arena);
	pretty(jsonb_to_node(fc->ctx->arena, fc->args[0]), 0, false, &sb);
	return text_result(fc, &sb, out);
}

static void
strip_nulls(JsonNode *n)
{
	int			j = 0;

	if (n->type == JSON_ARRAY)
	{
		for (int i = 0; i < n->n; i++)
			strip_nulls(n->items[i]);
		return;
	}
	if (n->type != JSON_OBJECT)
		return;
	for (int i = 0; i < n->n; i++)
	{
		if (n->items[i]->type == JSON_NULL)
			continue;
		strip_nulls(n->items[i]);
		n->items[j] = n->items[i];
		n->keys[j] = n->keys[i];
		n->keylens[j] = n->keylens[i];
		j++;
	}
	n->n = j;
}

static int
fn_jsonb_strip_nulls(FnCall *fc, Datum *out)
{
	JsonNode   *n = jsonb_to_node(fc->ctx->arena, fc->args[0]);

	strip_nulls(n);
	*out = jsonb_from_node(fc->ctx->arena, n);
	return 0;
}

static int
fn_json_strip_nulls(FnCall *fc, Datum *out)
{
	JsonNode   *n = arg_node(fc, 0, false);
	StrBuf		sb;

	if (n == NULL)
		return -1;
	strip_nulls(n);
	strbuf_init_arena(&sb, fc->ctx->arena);
	json_node_out(n, false, &sb);
	return text_result(fc, &sb, out);
}

/* Inserts item at position pos of a container's arrays (arena growth). */
static void
node_insert(Arena *a, JsonNode *n, int pos, JsonNode *item, const char *key, size_t keylen)
{
	JsonNode  **items = arena_alloc(a, sizeof(JsonNode *) * (size_t) (n->n + 1));
	const char **keys = NULL;
	size_t	   *keylens = NULL;

	if (n->type == JSON_OBJECT)
	{
		keys = arena_alloc(a, sizeof(char *) * (size_t) (n->n + 1));
		keylens = arena_alloc(a, sizeof(size_t) * (size_t) (n->n + 1));
	}
	for (int i = 0, j = 0; i <= n->n; i++)
	{
		if (i == pos)
		{
			items[i] = item;
			if (keys)
			{
				keys[i] = key;
				keylens[i] = keylen;
			}
			continue;
		}
		items[i] = n->items[j];
		if (keys)
		{
			keys[i] = n->keys[j];
			keylens[i] = n->keylens[j];
		}
		j++;
	}
	n->items = items;
	n->keys = keys;
	n->keylens = keylens;
	n->n++;
}

/* PostgreSQL's setPath for jsonb_set(target, path, new, create_missing). */
static int
set_path(FnCall *fc, JsonNode *n, Datum *path, bool *nulls, int np, int level, JsonNode *newval, bool create)
{
	const Varlena *k;

	if (nulls[level])
	{
		mg_error(fc->ctx->err, SQLSTATE_NULL_VALUE_NOT_ALLOWED, "path element at position %d is null", level + 1);
		return -1;
	}
	k = DatumGetVarlena(path[level]);
	if (n->type == JSON_OBJECT)
	{
		for (int i = 0; i < n->n; i++)
			if (n->keylens[i] == k->len && memcmp(n->keys[i], k->data, k->len) == 0)
			{
				if (level == np - 1)
				{
					n->items[i] = newval;
					return 0;
				}
				return set_path(fc, n->items[i], path, nulls, np, level + 1, newval, create);
			}
		if (create && level == np - 1)
			node_insert(fc->ctx->arena, n, n->n, newval, arena_strndup(fc->ctx->arena, k->data, k->len), k->len);
		return 0;
	}
	if (n->type == JSON_ARRAY)
	{
		char		buf[32];
		char	   *end;
		long		idx;

		if (k->len == 0 || k->len >= sizeof(buf))
			end = buf;
		else
		{
			memcpy(buf, k->data, k->len);
			buf[k->len] = '\0';
		}
		idx = (k->len == 0 || k->len >= sizeof(buf)) ? 0 : strtol(buf, &end, 10);
		if (k->len == 0 || k->len >= sizeof(buf) || *end != '\0')
		{
			mg_error(fc->ctx->err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					 "path element at position %d is not an integer: \"%.*s\"", level + 1, (int) k->len, k->data);
			return -1;
		}
		if (idx < 0)
		{
			if (-idx > n->n)
				idx = INT32_MIN;	/* before the start */
			else
				idx += n->n;
		}
		if (idx >= 0 && idx < n->n)
		{
			if (level == np - 1)
			{
				n->items[idx] = newval;
				return 0;
			}
			return set_path(fc, n->items[idx], path, nulls, np, level + 1, newval, create);
		}
		if (create && level == np - 1)
			node_insert(fc->ctx->arena, n, idx < 0 ? 0 : n->n, newval, NULL, 0);
		return 0;
	}
	return 0;
}

static int
fn_jsonb_set(FnCall *fc, Datum *out)
{
	JsonNode   *n = jsonb_to_node(fc->ctx->arena, fc->args[0]);
	JsonNode   *newval = jsonb_to_node(fc->ctx->arena, fc->args[2]);
	bool		create = fc->nargs > 3 ? DatumGetBool(fc->args[3]) : true;
	Oid			elemtype;
	int			np,
				lbound;
	Datum	   *path;
	bool	   *nulls;

	if (n->type != JSON_OBJECT && n->type != JSON_ARRAY)
	{
		mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot set path in scalar");
		return -1;
	}
	array_deconstruct(fc->ctx->arena, fc->args[1], &elemtype, &np, &path, &nulls, &lbound);
	if (np > 0 && set_path(fc, n, path, nulls, np, 0, newval, create))
		return -1;
	*out = jsonb_from_node(fc->ctx->arena, n);
	return 0;
}

/* ?| and ?&: any / all of the text[] keys exist (jsonb_exists semantics). */
static bool
key_exists(const JsonNode *n, const char *k, size_t klen)
{
	if (n->type == JSON_OBJECT)
	{
		for (int i = 0; i < n->n; i++)
			if (n->keylens[i] == klen && memcmp(n->keys[i], k, klen) == 0)
				return true;
	}
	else if (n->type == JSON_ARRAY)
	{
		for (int i = 0; i < n->n; i++)
			if (n->items[i]->type == JSON_STRING && n->items[i]->len == klen &&
				memcmp(n->items[i]->str, k, klen) == 0)
				return true;
	}
	else if (n->type == JSON_STRING)
		return n->len == klen && memcmp(n->str, k, klen) == 0;
	return false;
}

static int
exists_many(FnCall *fc, bool all, Datum *out)
{
	JsonNode   *n = jsonb_to_node(fc->ctx->arena, fc->args[0]);
	Oid			elemtype;
	int			nk,
				lbound;
	Datum	   *keys;
	bool	   *nulls;
	bool		result = all;

	array_deconstruct(fc->ctx->arena, fc->args[1], &elemtype, &nk, &keys, &nulls, &lbound);
	for (int i = 0; i < nk; i++)
	{
		bool		e;

		if (nulls[i])
			continue;
		e = key_exists(n, DatumGetVarlena(keys[i])->data, DatumGetVarlena(keys[i])->len);
		if (all && !e)
			result = false;
		if (!all && e)
			result = true;
	}
	*out = BoolGetDatum(result);
	return 0;
}

static int fn_jsonb_exists_any(FnCall *fc, Datum *out) { return exists_many(fc, false, out); }
static int fn_jsonb_exists_all(FnCall *fc, Datum *out) { return exists_many(fc, true, out); }

/* #-: deletes the element a text[] path names (PostgreSQL's jsonb_delete_path). */
static int
delete_path(FnCall *fc, JsonNode *n, Datum *path, bool *nulls, int np, int level)
{
	const Varlena *k;
	int			idx = -1;

	if (nulls[level])
	{
		mg_error(fc->ctx->err, SQLSTATE_NULL_VALUE_NOT_ALLOWED, "path element at position %d is null", level + 1);
		return -1;
	}
	k = DatumGetVarlena(path[level]);
	if (n->type == JSON_OBJECT)
	{
		for (int i = 0; i < n->n; i++)
			if (n->keylens[i] == k->len && memcmp(n->keys[i], k->data, k->len) == 0)
				idx = i;
	}
	else if (n->type == JSON_ARRAY)
	{
		char		buf[32];
		char	   *end = buf;
		long		v = 0;

		if (k->len > 0 && k->len < sizeof(buf))
		{
			memcpy(buf, k->data, k->len);
			buf[k->len] = '\0';
			v = strtol(buf, &end, 10);
		}
		if (k->len == 0 || k->len >= sizeof(buf) || *end != '\0')
		{
			mg_error(fc->ctx->err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					 "path element at position %d is not an integer: \"%.*s\"", level + 1, (int) k->len, k->data);
			return -1;
		}
		if (v < 0)
			v += n->n;
		if (v >= 0 && v < n->n)
			idx = (int) v;
	}
	if (idx < 0)
		return 0;
	if (level < np - 1)
		return delete_path(fc, n->items[idx], path, nulls, np, level + 1);
	for (int i = idx; i + 1 < n->n; i++)
	{
		n->items[i] = n->items[i + 1];
		if (n->type == JSON_OBJECT)
		{
			n->keys[i] = n->keys[i + 1];
			n->keylens[i] = n->keylens[i + 1];
		}
	}
	n->n--;
	return 0;
}

static int
fn_jsonb_delete_path(FnCall *fc, Datum *out)
{
	JsonNode   *n = jsonb_to_node(fc->ctx->arena, fc->args[0]);
	Oid			elemtype;
	int			np,
				lbound;
	Datum	   *path;
	bool	   *nulls;

	if (n->type != JSON_OBJECT && n->type != JSON_ARRAY)
	{
		mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot delete path in scalar");
		return -1;
	}
	array_deconstruct(fc->ctx->arena, fc->args[1], &elemtype, &np, &path, &nulls, &lbound);
	if (np > 0 && delete_path(fc, n, path, nulls, np, 0))
		return -1;
	*out = jsonb_from_node(fc->ctx->arena, n);
	return 0;
}

/* ---------------------------------------------------------------- set-returning */

typedef struct ElemIter {
	JsonNode   *node;
	int			pos;
} ElemIter;

/* json[b]_array_elements[_text] and json[b]_object_keys (func.h's SRF protocol). */
static int
elements_common(FnCall *fc, bool jsonb, bool as_text, bool keys, Datum *out)
{
	ElemIter   *it = fc->srf_state;
	JsonNode   *e;

	if (it == NULL)
	{
		Arena	   *a = fc->srf_arena ? fc->srf_arena : fc->ctx->arena;
		EvalCtx		sctx = *fc->ctx;
		JsonNode   *n;

		sctx.arena = a;
		if (jsonb)
			n = jsonb_to_node(a, fc->args[0]);
		else
		{
			const Varlena *v = DatumGetVarlena(fc->args[0]);

			if (json_parse(&sctx, v->data, v->len, false, &n))
				return -1;
		}
		if (keys && n->type != JSON_OBJECT)
		{
			mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot call %s on %s",
					 jsonb ? "jsonb_object_keys" : "json_object_keys",
					 n->type == JSON_ARRAY ? "an array" : "a scalar");
			return -1;
		}
		if (!keys && n->type != JSON_ARRAY)
		{
			if (jsonb)
				mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot extract elements from %s",
						 n->type == JSON_OBJECT ? "an object" : "a scalar");
			else
				mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot extract elements from %s",
						 n->type == JSON_OBJECT ? "an object" : "a scalar");
			return -1;
		}
		it = arena_new(a, ElemIter);
		it->node = n;
		fc->srf_state = it;
	}
	if (it->pos >= it->node->n)
	{
		fc->srf_done = true;
		return 0;
	}
	if (keys)
	{
		int			i = it->pos++;

		*out = text_datum(fc->ctx->arena, it->node->keys[i], it->node->keylens[i]);
		return 0;
	}
	e = it->node->items[it->pos++];
	if (as_text)
	{
		StrBuf		sb;

		if (e->type == JSON_NULL)
		{
			fc->isnull = true;
			return 0;
		}
		strbuf_init_arena(&sb, fc->ctx->arena);
		if (e->type == JSON_STRING)
			strbuf_append(&sb, e->str, e->len);
		else if (jsonb)
			json_node_out(e, true, &sb);
		else
			strbuf_append(&sb, e->src, e->srclen);
		return text_result(fc, &sb, out);
	}
	if (jsonb)
		*out = jsonb_from_node(fc->ctx->arena, e);
	else
		*out = text_datum(fc->ctx->arena, e->src, e->srclen);
	return 0;
}

static int fn_json_array_elements(FnCall *fc, Datum *out) { return elements_common(fc, false, false, false, out); }
static int fn_json_array_elements_text(FnCall *fc, Datum *out) { return elements_common(fc, false, true, false, out); }
static int fn_jsonb_array_elements(FnCall *fc, Datum *out) { return elements_common(fc, true, false, false, out); }
static int fn_jsonb_array_elements_text(FnCall *fc, Datum *out) { return elements_common(fc, true, true, false, out); }
static int fn_json_object_keys(FnCall *fc, Datum *out) { return elements_common(fc, false, false, true, out); }
static int fn_jsonb_object_keys(FnCall *fc, Datum *out) { return elements_common(fc, true, false, true, out); }

/* ---------------------------------------------------------------- aggregates */

typedef struct JsonAgg {
	StrBuf		buf;			/* in the aggregate's arena */
	Oid			types[2];
	int64_t		count;
} JsonAgg;

static int
jagg_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	JsonAgg    *a = arena_new(ctx->arena, JsonAgg);

	strbuf_init_arena(&a->buf, ctx->arena);
	a->types[0] = argtypes[0];
	a->types[1] = argtypes[1];
	*state = a;
	return 0;
}

/* json_agg(x): "[a, b]" as PostgreSQL prints it. */
static int
jagg_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	JsonAgg    *a = state;
	StrBuf		tmp;

	strbuf_init_arena(&tmp, ctx->arena);
	if (datum_to_json(ctx, a->types[0], args[0], argnull[0], &tmp))
		return -1;
	strbuf_puts(&a->buf, a->count == 0 ? "[" : ", ");
	strbuf_append(&a->buf, tmp.data, tmp.len);
	a->count++;
	return 0;
}

/* json_object_agg(k, v): "{ "k" : v, ... }" as PostgreSQL prints it. */
static int
jobjagg_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	JsonAgg    *a = state;
	StrBuf		key;
	StrBuf		val;

	if (argnull[0])
	{
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "field name must not be null");
		return -1;
	}
	strbuf_init_arena(&key, ctx->arena);
	strbuf_init_arena(&val, ctx->arena);
	if (type_output(ctx, a->types[0], -1, args[0], &key) ||
		datum_to_json(ctx, a->types[1], args[1], argnull[1], &val))
		return -1;
	strbuf_puts(&a->buf, a->count == 0 ? "{ " : ", ");
	json_escape(&a->buf, key.data ? key.data : "", key.len);
	strbuf_puts(&a->buf, " : ");
	strbuf_append(&a->buf, val.data, val.len);
	a->count++;
	return 0;
}

static int
jagg_finish(EvalCtx *ctx, JsonAgg *a, bool jsonb, const char *close, Datum *out, bool *isnull)
{
	JsonNode   *n;

	if (a->count == 0)
	{
		*isnull = true;
		return 0;
	}
	strbuf_puts(&a->buf, close);
	if (!jsonb)
	{
		*out = text_datum(ctx->arena, a->buf.data, a->buf.len);
		return 0;
	}
	if (json_parse(ctx, a->buf.data, a->buf.len, true, &n))
		return -1;
	*out = jsonb_from_node(ctx->arena, n);
	return 0;
}

static int jagg_final(EvalCtx *ctx, void *st, Oid rt, Datum *out, bool *isnull) { (void) rt; return jagg_finish(ctx, st, false, "]", out, isnull); }
static int jbagg_final(EvalCtx *ctx, void *st, Oid rt, Datum *out, bool *isnull) { (void) rt; return jagg_finish(ctx, st, true, "]", out, isnull); }
static int jobjagg_final(EvalCtx *ctx, void *st, Oid rt, Datum *out, bool *isnull) { (void) rt; return jagg_finish(ctx, st, false, " }", out, isnull); }
static int jbobjagg_final(EvalCtx *ctx, void *st, Oid rt, Datum *out, bool *isnull) { (void) rt; return jagg_finish(ctx, st, true, " }", out, isnull); }

static const AggDef json_aggs[] = {
	{.name = "json_agg", .nargs = 1, .argtypes = {ANYELEMENTOID}, .rettype = JSONOID, .strict = false,
	 .init = jagg_init, .trans = jagg_trans, .final = jagg_final},
	{.name = "jsonb_agg", .nargs = 1, .argtypes = {ANYELEMENTOID}, .rettype = JSONBOID, .strict = false,
	 .init = jagg_init, .trans = jagg_trans, .final = jbagg_final},
	{.name = "json_object_agg", .nargs = 2, .argtypes = {ANYOID, ANYOID}, .rettype = JSONOID, .strict = false,
	 .init = jagg_init, .trans = jobjagg_trans, .final = jobjagg_final},
	{.name = "jsonb_object_agg", .nargs = 2, .argtypes = {ANYOID, ANYOID}, .rettype = JSONBOID, .strict = false,
	 .init = jagg_init, .trans = jobjagg_trans, .final = jbobjagg_final},
};

#define JCMP(name, expr) \
static int name(FnCall *fc, Datum *out) { int c = jsonb_cmp(fc->args[0], fc->args[1]); *out = BoolGetDatum(expr); return 0; }
JCMP(jsonb_eq, c == 0)
JCMP(jsonb_ne, c != 0)
JCMP(jsonb_lt, c < 0)
JCMP(jsonb_le, c <= 0)
JCMP(jsonb_gt, c > 0)
JCMP(jsonb_ge, c >= 0)

static int
jsonb_cmp_fn(FnCall *fc, Datum *out)
{
	*out = Int32GetDatum(jsonb_cmp(fc->args[0], fc->args[1]));
	return 0;
}

#define F2(n, a, b, r, f) \
	{.name = n, .nargs = 2, .argtypes = {a, b}, .rettype = r, .strict = true, .volatility = FUNC_IMMUTABLE, .fn = f}
#define F1(n, a, r, vol, f) \
	{.name = n, .nargs = 1, .argtypes = {a}, .rettype = r, .strict = true, .volatility = vol, .fn = f}
#define FV(n, r, f) \
	{.name = n, .nargs = 0, .variadic = ANYOID, .rettype = r, .strict = false, .volatility = FUNC_STABLE, .fn = f}
#define F0(n, r, f) \
	{.name = n, .nargs = 0, .rettype = r, .strict = false, .volatility = FUNC_STABLE, .fn = f}

static const FuncDef json_funcs[] = {
	F1("to_json", ANYELEMENTOID, JSONOID, FUNC_STABLE, fn_to_json),
	F1("to_jsonb", ANYELEMENTOID, JSONBOID, FUNC_STABLE, fn_to_jsonb),
	F1("json_typeof", JSONOID, TEXTOID, FUNC_IMMUTABLE, fn_json_typeof),
	F1("jsonb_typeof", JSONBOID, TEXTOID, FUNC_IMMUTABLE, fn_jsonb_typeof),
	FV("json_build_object", JSONOID, fn_json_build_object),
	F0("json_build_object", JSONOID, fn_json_build_object),
	FV("jsonb_build_object", JSONBOID, fn_jsonb_build_object),
	F0("jsonb_build_object", JSONBOID, fn_jsonb_build_object),
	FV("json_build_array", JSONOID, fn_json_build_array),
	F0("json_build_array", JSONOID, fn_json_build_array),
	FV("jsonb_build_array", JSONBOID, fn_jsonb_build_array),
	F0("jsonb_build_array", JSONBOID, fn_jsonb_build_array),
	F2("json_object_field", JSONOID, TEXTOID, JSONOID, fn_json_object_field),
	F2("json_object_field_text", JSONOID, TEXTOID, TEXTOID, fn_json_object_field_text),
	F2("json_array_element", JSONOID, INT4OID, JSONOID, fn_json_array_element),
	F2("json_array_element_text", JSONOID, INT4OID, TEXTOID, fn_json_array_element_text),
	F2("jsonb_object_field", JSONBOID, TEXTOID, JSONBOID, fn_jsonb_object_field),
	F2("jsonb_object_field_text", JSONBOID, TEXTOID, TEXTOID, fn_jsonb_object_field_text),
	F2("jsonb_array_element", JSONBOID, INT4OID, JSONBOID, fn_jsonb_array_element),
	F2("jsonb_array_element_text", JSONBOID, INT4OID, TEXTOID, fn_jsonb_array_element_text),
	F2("jsonb_eq", JSONBOID, JSONBOID, BOOLOID, jsonb_eq),
	F2("jsonb_ne", JSONBOID, JSONBOID, BOOLOID, jsonb_ne),
	F2("jsonb_lt", JSONBOID, JSONBOID, BOOLOID, jsonb_lt),
	F2("jsonb_le", JSONBOID, JSONBOID, BOOLOID, jsonb_le),
	F2("jsonb_gt", JSONBOID, JSONBOID, BOOLOID, jsonb_gt),
	F2("jsonb_ge", JSONBOID, JSONBOID, BOOLOID, jsonb_ge),
	F2("jsonb_cmp", JSONBOID, JSONBOID, INT4OID, jsonb_cmp_fn),
	F2("jsonb_contains", JSONBOID, JSONBOID, BOOLOID, fn_jsonb_contains),
	F2("jsonb_contained", JSONBOID, JSONBOID, BOOLOID, fn_jsonb_contained),
	F2("jsonb_exists", JSONBOID, TEXTOID, BOOLOID, fn_jsonb_exists),
	F1("json_array_length", JSONOID, INT4OID, FUNC_IMMUTABLE, fn_json_array_length),
	F2("jsonb_concat", JSONBOID, JSONBOID, JSONBOID, fn_jsonb_concat),
	F2("jsonb_exists_any", JSONBOID, TEXTARRAYOID, BOOLOID, fn_jsonb_exists_any),
	F2("jsonb_exists_all", JSONBOID, TEXTARRAYOID, BOOLOID, fn_jsonb_exists_all),
	F2("jsonb_delete_path", JSONBOID, TEXTARRAYOID, JSONBOID, fn_jsonb_delete_path),
	F1("row_to_json", RECORDOID, JSONOID, FUNC_STABLE, fn_to_json),
	F1("jsonb_pretty", JSONBOID, TEXTOID, FUNC_IMMUTABLE, fn_jsonb_pretty),
	F1("jsonb_strip_nulls", JSONBOID, JSONBOID, FUNC_IMMUTABLE, fn_jsonb_strip_nulls),
	F1("json_strip_nulls", JSONOID, JSONOID, FUNC_IMMUTABLE, fn_json_strip_nulls),
	{.name = "jsonb_set", .nargs = 3, .argtypes = {JSONBOID, TEXTARRAYOID, JSONBOID}, .rettype = JSONBOID,
	 .strict = true, .volatility = FUNC_IMMUTABLE, .fn = fn_jsonb_set},
	{.name = "jsonb_set", .nargs = 4, .argtypes = {JSONBOID, TEXTARRAYOID, JSONBOID, BOOLOID}, .rettype = JSONBOID,
	 .strict = true, .volatility = FUNC_IMMUTABLE, .fn = fn_jsonb_set},
	F2("jsonb_delete", JSONBOID, TEXTOID, JSONBOID, fn_jsonb_delete_key),
	F2("jsonb_delete", JSONBOID, INT4OID, JSONBOID, fn_jsonb_delete_idx),
#define SRF1(n, a, r, f) {.name = n, .nargs = 1, .argtypes = {a}, .rettype = r, .strict = true, \
	.retset = true, .volatility = FUNC_IMMUTABLE, .fn = f}
	SRF1("json_array_elements", JSONOID, JSONOID, fn_json_array_elements),
	SRF1("json_array_elements_text", JSONOID, TEXTOID, fn_json_array_elements_text),
	SRF1("jsonb_array_elements", JSONBOID, JSONBOID, fn_jsonb_array_elements),
	SRF1("jsonb_array_elements_text", JSONBOID, TEXTOID, fn_jsonb_array_elements_text),
	SRF1("json_object_keys", JSONOID, TEXTOID, fn_json_object_keys),
	SRF1("jsonb_object_keys", JSONBOID, TEXTOID, fn_jsonb_object_keys),
	F1("jsonb_array_length", JSONBOID, INT4OID, FUNC_IMMUTABLE, fn_jsonb_array_length),
	F2("json_extract_path_op", JSONOID, TEXTARRAYOID, JSONOID, fn_json_extract_path),
	F2("json_extract_path_text_op", JSONOID, TEXTARRAYOID, TEXTOID, fn_json_extract_path_text),
	F2("jsonb_extract_path_op", JSONBOID, TEXTARRAYOID, JSONBOID, fn_jsonb_extract_path),
	F2("jsonb_extract_path_text_op", JSONBOID, TEXTARRAYOID, TEXTOID, fn_jsonb_extract_path_text),
};

#define OP(N_, l, r, res, FN_, neg, com) \
	{.name = N_, .left = l, .right = r, .result = res, .func_name = FN_, .negator = neg, .commutator = com}

static const OperDef json_opers[] = {
	OP("->", JSONOID, TEXTOID, JSONOID, "json_object_field", NULL, NULL),
	OP("->>", JSONOID, TEXTOID, TEXTOID, "json_object_field_text", NULL, NULL),
	OP("->", JSONOID, INT4OID, JSONOID, "json_array_element", NULL, NULL),
	OP("->>", JSONOID, INT4OID, TEXTOID, "json_array_element_text", NULL, NULL),
	OP("->", JSONBOID, TEXTOID, JSONBOID, "jsonb_object_field", NULL, NULL),
	OP("->>", JSONBOID, TEXTOID, TEXTOID, "jsonb_object_field_text", NULL, NULL),
	OP("->", JSONBOID, INT4OID, JSONBOID, "jsonb_array_element", NULL, NULL),
	OP("->>", JSONBOID, INT4OID, TEXTOID, "jsonb_array_element_text", NULL, NULL),
	OP("||", JSONBOID, JSONBOID, JSONBOID, "jsonb_concat", NULL, NULL),
	OP("?|", JSONBOID, TEXTARRAYOID, BOOLOID, "jsonb_exists_any", NULL, NULL),
	OP("?&", JSONBOID, TEXTARRAYOID, BOOLOID, "jsonb_exists_all", NULL, NULL),
	OP("#-", JSONBOID, TEXTARRAYOID, JSONBOID, "jsonb_delete_path", NULL, NULL),
	OP("-", JSONBOID, TEXTOID, JSONBOID, "jsonb_delete", NULL, NULL),
	OP("-", JSONBOID, INT4OID, JSONBOID, "jsonb_delete", NULL, NULL),
	OP("@>", JSONBOID, JSONBOID, BOOLOID, "jsonb_contains", NULL, "<@"),
	OP("<@", JSONBOID, JSONBOID, BOOLOID, "jsonb_contained", NULL, "@>"),
	OP("?", JSONBOID, TEXTOID, BOOLOID, "jsonb_exists", NULL, NULL),
	OP("#>", JSONOID, TEXTARRAYOID, JSONOID, "json_extract_path_op", NULL, NULL),
	OP("#>>", JSONOID, TEXTARRAYOID, TEXTOID, "json_extract_path_text_op", NULL, NULL),
	OP("#>", JSONBOID, TEXTARRAYOID, JSONBOID, "jsonb_extract_path_op", NULL, NULL),
	OP("#>>", JSONBOID, TEXTARRAYOID, TEXTOID, "jsonb_extract_path_text_op", NULL, NULL),
	OP("=", JSONBOID, JSONBOID, BOOLOID, "jsonb_eq", "<>", "="),
	OP("<>", JSONBOID, JSONBOID, BOOLOID, "jsonb_ne", "=", "<>"),
	OP("<", JSONBOID, JSONBOID, BOOLOID, "jsonb_lt", ">=", ">"),
	OP("<=", JSONBOID, JSONBOID, BOOLOID, "jsonb_le", ">", ">="),
	OP(">", JSONBOID, JSONBOID, BOOLOID, "jsonb_gt", "<=", "<"),
	OP(">=", JSONBOID, JSONBOID, BOOLOID, "jsonb_ge", "<", "<="),
};

void
register_json_funcs(void)
{
	func_register(json_funcs, (int) (sizeof(json_funcs) / sizeof(json_funcs[0])));
	oper_register(json_opers, (int) (sizeof(json_opers) / sizeof(json_opers[0])));
	agg_register(json_aggs, (int) (sizeof(json_aggs) / sizeof(json_aggs[0])));
}
