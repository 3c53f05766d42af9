/*
 * arrays.c — functions, operators and aggregates over one-dimensional
 * arrays: comparison, ||, array_append/prepend/cat, array_length/upper/
 * lower/ndims/dims, cardinality, array_position(s), array_remove,
 * array_replace, @> <@ &&, array_to_string, string_to_array,
 * string_to_table, unnest, array_agg, and the text[] builder the regular
 * expression functions use (regexp_match, regexp_matches,
 * regexp_split_to_array live in pattern.c).
 *
 * Design notes: values are taken apart and built with types.h's
 * array_deconstruct/array_construct; the element type comes from the array
 * value itself, or from fc->argtypes for the element arguments.  Multiple
 * dimensions do not exist in memgres, so every "dimension" argument other
 * than 1 yields NULL, as PostgreSQL does for a dimension an array lacks.
 *
 * Invariants: pure; results in fc->ctx->arena; aggregate state in the
 * aggregate's arena.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "funcint.h"

#define ARGP(i) vl_data(fc->args[i])
#define ARGL(i) vl_len(fc->args[i])

typedef struct ArrView {
	Oid			elemtype;
	int			n;
	Datum	   *values;
	bool	   *nulls;
	int			lbound;
} ArrView;

static void
view(FnCall *fc, Datum a, ArrView *v)
{
	array_deconstruct(fc->ctx->arena, a, &v->elemtype, &v->n, &v->values, &v->nulls, &v->lbound);
}

/* The element type of argument i (an array argument). */
static Oid
arg_elemtype(FnCall *fc, int i)
{
	const MgType *t = fc->argtypes ? type_by_oid(fc->argtypes[i]) : NULL;

	return t ? t->elem : array_elemtype(fc->args[i]);
}

/* ---------------------------------------------------------------- comparison */

static int
array_cmp_op(FnCall *fc, Datum *out, int op)
{
	Oid			t = fc->argtypes ? fc->argtypes[0] : InvalidOid;
	const MgType *ty = type_by_oid(t);
	int			c;
	bool		r;

	if (ty == NULL || ty->cmp == NULL)
		return fc_error(fc, SQLSTATE_UNDEFINED_FUNCTION, "could not identify a comparison function for type %u", t);
	c = ty->cmp(fc->args[0], fc->args[1]);
	r = cmp_op_holds(c, op);
	*out = BoolGetDatum(r);
	return 0;
}

static int array_eq(FnCall *fc, Datum *out) { return array_cmp_op(fc, out, 0); }
static int array_ne(FnCall *fc, Datum *out) { return array_cmp_op(fc, out, 1); }
static int array_lt(FnCall *fc, Datum *out) { return array_cmp_op(fc, out, 2); }
static int array_le(FnCall *fc, Datum *out) { return array_cmp_op(fc, out, 3); }
static int array_gt(FnCall *fc, Datum *out) { return array_cmp_op(fc, out, 4); }
static int array_ge(FnCall *fc, Datum *out) { return array_cmp_op(fc, out, 5); }

/* ---------------------------------------------------------------- construction */

/* array_append / array_prepend / array_cat; NULL arrays count as empty (not strict). */
static int
array_concat(FnCall *fc, Datum *out, int arr0, int arr1, int elem)
{
	Datum	   *vals;
	bool	   *nulls;
	int			n = 0,
				lb = 1;
	Oid			et = InvalidOid;
	ArrView		a[2];
	int			na = 0;
	int			order[2] = {arr0, arr1};

	memset(a, 0, sizeof(a));
	for (int k = 0; k < 2; k++)
	{
		int			i = order[k];

		if (i < 0)
			continue;
		if (fc->argnull && fc->argnull[i])
		{
			a[k].n = 0;
			continue;
		}
		view(fc, fc->args[i], &a[k]);
		et = a[k].elemtype;
		if (na++ == 0)
			lb = a[k].lbound;
	}
	if (elem >= 0)
	{
		Oid			t = fc->argtypes ? fc->argtypes[elem] : et;

		if (et == InvalidOid)
			et = t;
	}
	if (et == InvalidOid)
		et = arg_elemtype(fc, arr0 >= 0 ? arr0 : arr1);
	vals = arena_alloc(fc->ctx->arena, sizeof(Datum) * (size_t) (a[0].n + a[1].n + 1));
	nulls = arena_alloc(fc->ctx->arena, sizeof(bool) * (size_t) (a[0].n + a[1].n + 1));
	if (elem == 0)
	{
		vals[n] = fc->args[0];
		nulls[n++] = fc->argnull && fc->argnull[0];
	}
	for (int k = 0; k < 2; k++)
		for (int j = 0; j < a[k].n; j++)
		{
			vals[n] = a[k].values[j];
			nulls[n++] = a[k].nulls ? a[k].nulls[j] : false;
		}
	if (elem == 1)
	{
		vals[n] = fc->args[1];
		nulls[n++] = fc->argnull && fc->argnull[1];
	}
	if (elem == 0)
		lb = 1;
	*out = array_construct(fc->ctx->arena, et, n, vals, nulls, n > 0 ? lb : 1);
	return 0;
}

static int array_append(FnCall *fc, Datum *out) { return array_concat(fc, out, 0, -1, 1); }
static int array_prepend(FnCall *fc, Datum *out) { return array_concat(fc, out, -1, 1, 0); }

static int
array_cat(FnCall *fc, Datum *out)
{
	if (fc->argnull[0] && fc->argnull[1])
	{
		fc->isnull = true;
		return 0;
	}
	if (fc->argnull[1])
	{
		*out = fc->args[0];
		return 0;
	}
	if (fc->argnull[0])
	{
		*out = fc->args[1];
		return 0;
	}
	return array_concat(fc, out, 0, 1, -1);
}

/* ---------------------------------------------------------------- dimensions */

static int
dim_common(FnCall *fc, Datum *out, int which)
{
	ArrView		v;
	int32_t		dim = DatumGetInt32(fc->args[1]);

	view(fc, fc->args[0], &v);
	if (v.n == 0 || dim != 1)
	{
		fc->isnull = true;
		return 0;
	}
	*out = Int32GetDatum(which == 0 ? v.n : which == 1 ? v.lbound + v.n - 1 : v.lbound);
	return 0;
}

static int array_length_fn(FnCall *fc, Datum *out) { return dim_common(fc, out, 0); }
static int array_upper(FnCall *fc, Datum *out) { return dim_common(fc, out, 1); }
static int array_lower(FnCall *fc, Datum *out) { return dim_common(fc, out, 2); }

static int
cardinality(FnCall *fc, Datum *out)
{
	*out = Int32GetDatum(array_length(fc->args[0]));
	return 0;
}

static int
array_ndims(FnCall *fc, Datum *out)
{
	if (array_length(fc->args[0]) == 0)
	{
		fc->isnull = true;
		return 0;
	}
	*out = Int32GetDatum(1);
	return 0;
}

static int
array_dims(FnCall *fc, Datum *out)
{
	ArrView		v;
	char		buf[48];
	int			n;

	view(fc, fc->args[0], &v);
	if (v.n == 0)
	{
		fc->isnull = true;
		return 0;
	}
	n = snprintf(buf, sizeof(buf), "[%d:%d]", v.lbound, v.lbound + v.n - 1);
	*out = text_datum(fc->ctx->arena, buf, (size_t) n);
	return 0;
}

/* ---------------------------------------------------------------- search */

static bool
elem_equal(const MgType *t, Datum a, Datum b)
{
	return t && t->cmp ? t->cmp(a, b) == 0 : datum_equal(t, a, b);
}

/* array_position(anyarray, anyelement [, start]): not strict (NULL is searchable). */
static int
array_position(FnCall *fc, Datum *out)
{
	ArrView		v;
	const MgType *t;
	bool		findnull = fc->argnull[1];
	int			start = 0;

	if (fc->argnull[0])
	{
		fc->isnull = true;
		return 0;
	}
	view(fc, fc->args[0], &v);
	t = type_by_oid(v.elemtype);
	if (fc->nargs > 2)
	{
		if (fc->argnull[2])
			return fc_error(fc, SQLSTATE_NULL_VALUE_NOT_ALLOWED, "initial position must not be null");
		start = DatumGetInt32(fc->args[2]) - v.lbound;
		if (start < 0)
			start = 0;
	}
	for (int i = start; i < v.n; i++)
	{
		bool		isnull = v.nulls && v.nulls[i];

		if (findnull ? isnull : (!isnull && elem_equal(t, v.values[i], fc->args[1])))
		{
			*out = Int32GetDatum(i + v.lbound);
			return 0;
		}
	}
	fc->isnull = true;
	return 0;
}

/* array_remove(anyarray, anyelement): not strict. */
static int
array_remove(FnCall *fc, Datum *out)
{
	ArrView		v;
	const MgType *t;
	bool		rmnull = fc->argnull[1];
	int			m = 0;

	if (fc->argnull[0])
	{
		fc->isnull = true;
		return 0;
	}
	view(fc, fc->args[0], &v);
	t = type_by_oid(v.elemtype);
	for (int i = 0; i < v.n; i++)
	{
		bool		isnull = v.nulls && v.nulls[i];

		if (rmnull ? isnull : (!isnull && elem_equal(t, v.values[i], fc->args[1])))
			continue;
		v.values[m] = v.values[i];
		if (v.nulls)
			v.nulls[m] = isnull;
		m++;
	}
	*out = array_construct(fc->ctx->arena, v.elemtype, m, v.values, v.nulls, m > 0 ? v.lbound : 1);
	return 0;
}

/* Every non-NULL element of b equals some element of a; a NULL in b fails. */
static bool
array_contains_all(FnCall *fc, Datum a, Datum b)
{
	ArrView		va,
				vb;
	const MgType *t;

	view(fc, a, &va);
	view(fc, b, &vb);
	t = type_by_oid(va.elemtype);
	for (int i = 0; i < vb.n; i++)
	{
		bool		found = false;

		if (vb.nulls && vb.nulls[i])
			return false;
		for (int j = 0; j < va.n && !found; j++)
			if (!(va.nulls && va.nulls[j]) && elem_equal(t, va.values[j], vb.values[i]))
				found = true;
		if (!found)
			return false;
	}
	return true;
}

static int arraycontains(FnCall *fc, Datum *out) { *out = BoolGetDatum(array_contains_all(fc, fc->args[0], fc->args[1])); return 0; }
static int arraycontained(FnCall *fc, Datum *out) { *out = BoolGetDatum(array_contains_all(fc, fc->args[1], fc->args[0])); return 0; }

static int
arrayoverlap(FnCall *fc, Datum *out)
{
	ArrView		va,
				vb;
	const MgType *t;

	view(fc, fc->args[0], &va);
	view(fc, fc->args[1], &vb);
	t = type_by_oid(va.elemtype);
	*out = BoolGetDatum(false);
	for (int i = 0; i < vb.n; i++)
	{
		if (vb.nulls && vb.nulls[i])
			continue;
		for (int j = 0; j < va.n; j++)
			if (!(va.nulls && va.nulls[j]) && elem_equal(t, va.values[j], vb.values[i]))
			{
				*out = BoolGetDatum(true);
				return 0;
			}
	}
	return 0;
}

/* array_positions(anyarray, anyelement): not strict; NULL finds NULLs. */
static int
array_positions(FnCall *fc, Datum *out)
{
	ArrView		v;
	const MgType *t;
	Datum	   *pos;
	int			n = 0;

	if (fc->argnull[0])
	{
		fc->isnull = true;
		return 0;
	}
	view(fc, fc->args[0], &v);
	t = type_by_oid(v.elemtype);
	pos = arena_alloc(fc->ctx->arena, sizeof(Datum) * (size_t) (v.n + 1));
	for (int i = 0; i < v.n; i++)
	{
		bool		isnull = v.nulls && v.nulls[i];

		if (fc->argnull[1] ? isnull : (!isnull && elem_equal(t, v.values[i], fc->args[1])))
			pos[n++] = Int32GetDatum(i + v.lbound);
	}
	*out = array_construct(fc->ctx->arena, INT4OID, n, pos, NULL, 1);
	return 0;
}

/* array_replace(anyarray, from anyelement, to anyelement): not strict. */
static int
array_replace(FnCall *fc, Datum *out)
{
	ArrView		v;
	const MgType *t;

	if (fc->argnull[0])
	{
		fc->isnull = true;
		return 0;
	}
	view(fc, fc->args[0], &v);
	t = type_by_oid(v.elemtype);
	if (v.nulls == NULL)
		v.nulls = arena_alloc0(fc->ctx->arena, sizeof(bool) * (size_t) (v.n + 1));
	for (int i = 0; i < v.n; i++)
	{
		bool		isnull = v.nulls[i];

		if (fc->argnull[1] ? isnull : (!isnull && elem_equal(t, v.values[i], fc->args[1])))
		{
			v.nulls[i] = fc->argnull[2];
			v.values[i] = fc->argnull[2] ? 0 : fc->args[2];
		}
	}
	*out = array_construct(fc->ctx->arena, v.elemtype, v.n, v.values, v.nulls, v.n > 0 ? v.lbound : 1);
	return 0;
}

/* ---------------------------------------------------------------- text conversion */

/* array_to_string(anyarray, delim [, null_string]); NULL elements are skipped without null_string. */
static int
array_to_string(FnCall *fc, Datum *out)
{
	ArrView		v;
	StrBuf		sb;
	bool		have_nullstr = fc->nargs > 2 && !fc->argnull[2];
	bool		first = true;

	if (fc->argnull[0] || fc->argnull[1])
	{
		fc->isnull = true;
		return 0;
	}
	view(fc, fc->args[0], &v);
	strbuf_init_arena(&sb, fc->ctx->arena);
	for (int i = 0; i < v.n; i++)
	{
		bool		isnull = v.nulls && v.nulls[i];

		if (isnull && !have_nullstr)
			continue;
		if (!first)
			strbuf_append(&sb, ARGP(1), ARGL(1));
		first = false;
		if (isnull)
			strbuf_append(&sb, ARGP(2), ARGL(2));
		else if (type_output(fc->ctx, v.elemtype, -1, v.values[i], &sb) < 0)
			return -1;
	}
	*out = text_datum(fc->ctx->arena, sb.data, sb.len);
	return 0;
}

Datum
func_text_array(Arena *a, int n, const Datum *values, const bool *nulls)
{
	return array_construct(a, TEXTOID, n, values, nulls, 1);
}

/* string_to_array(text, delim [, null_string]): not strict in the delimiter. */
static int
string_to_array(FnCall *fc, Datum *out)
{
	const char *s,
			   *end;
	Datum	   *vals;
	bool	   *nulls;
	int			n = 0;
	size_t		cap;
	bool		have_null = fc->nargs > 2 && !fc->argnull[2];

	if (fc->argnull[0])
	{
		fc->isnull = true;
		return 0;
	}
	s = ARGP(0);
	end = s + ARGL(0);
	if (s == end)
	{
		*out = func_text_array(fc->ctx->arena, 0, NULL, NULL);
		return 0;
	}
	cap = ARGL(0) + 1;
	vals = arena_alloc(fc->ctx->arena, sizeof(Datum) * cap);
	nulls = arena_alloc(fc->ctx->arena, sizeof(bool) * cap);
#define PUSH(p, len) do { \
		nulls[n] = have_null && (len) == ARGL(2) && memcmp((p), ARGP(2), (len)) == 0; \
		vals[n++] = text_datum(fc->ctx->arena, (p), (len)); \
	} while (0)
	if (fc->argnull[1])
	{
		/* each character on its own */
		while (s < end)
		{
			size_t		m = (size_t) utf8_seqlen((unsigned char) *s);

			if (m > (size_t) (end - s))
				m = (size_t) (end - s);
			PUSH(s, m);
			s += m;
		}
	}
	else if (ARGL(1) == 0)
		PUSH(s, ARGL(0));
	else
	{
		for (;;)
		{
			const char *p = memmem(s, (size_t) (end - s), ARGP(1), ARGL(1));

			if (p == NULL)
			{
				PUSH(s, (size_t) (end - s));
				break;
			}
			PUSH(s, (size_t) (p - s));
			s = p + ARGL(1);
		}
	}
#undef PUSH
	*out = func_text_array(fc->ctx->arena, n, vals, nulls);
	return 0;
}

/* ---------------------------------------------------------------- unnest */

typedef struct UnnestState {
	ArrView		v;
	int			next;
} UnnestState;

static int
unnest(FnCall *fc, Datum *out)
{
	UnnestState *s = fc->srf_state;

	if (s == NULL)
	{
		Arena	   *a = fc->srf_arena ? fc->srf_arena : fc->ctx->arena;

		s = arena_new(a, UnnestState);
		array_deconstruct(a, fc->args[0], &s->v.elemtype, &s->v.n, &s->v.values, &s->v.nulls, &s->v.lbound);
		fc->srf_state = s;
	}
	if (s->next >= s->v.n)
	{
		fc->srf_done = true;
		return 0;
	}
	fc->isnull = s->v.nulls && s->v.nulls[s->next];
	*out = fc->isnull ? 0 : s->v.values[s->next];
	s->next++;
	return 0;
}

/* string_to_table(text, delim [, null_string]): string_to_array's pieces as rows. */
static int
string_to_table(FnCall *fc, Datum *out)
{
	UnnestState *s = fc->srf_state;

	if (s == NULL)
	{
		Arena	   *a = fc->srf_arena ? fc->srf_arena : fc->ctx->arena;
		EvalCtx		sctx = *fc->ctx;
		FnCall		sub = *fc;
		Datum		arr = 0;

		sctx.arena = a;
		sub.ctx = &sctx;
		sub.isnull = false;
		if (string_to_array(&sub, &arr) < 0)
			return -1;
		s = arena_new(a, UnnestState);
		if (!sub.isnull)
			array_deconstruct(a, arr, &s->v.elemtype, &s->v.n, &s->v.values, &s->v.nulls, &s->v.lbound);
		fc->srf_state = s;
	}
	return unnest(fc, out);
}

/* ---------------------------------------------------------------- array_agg */

typedef struct ArrayAggState {
	Oid			elemtype;
	const MgType *type;
	int			n;
	int			cap;
	Datum	   *values;
	bool	   *nulls;
	Arena	   *arena;
} ArrayAggState;

static int
array_agg_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	ArrayAggState *s = arena_new(ctx->arena, ArrayAggState);

	s->elemtype = argtypes[0];
	s->type = type_by_oid(argtypes[0]);
	s->arena = ctx->arena;
	if (s->type == NULL || s->type->array == InvalidOid)
	{
		mg_error(ctx->err, SQLSTATE_UNDEFINED_OBJECT, "could not find array type for data type %u", argtypes[0]);
		return -1;
	}
	*state = s;
	return 0;
}

/* Not strict: NULL elements are kept. */
static int
array_agg_trans(EvalCtx *ctx, void *state, const Datum *args, const bool *argnull)
{
	ArrayAggState *s = state;

	if (s->n == s->cap)
	{
		int			ncap = s->cap ? s->cap * 2 : 16;

		s->values = arena_realloc(ctx->arena, s->values, sizeof(Datum) * (size_t) s->cap, sizeof(Datum) * (size_t) ncap);
		s->nulls = arena_realloc(ctx->arena, s->nulls, sizeof(bool) * (size_t) s->cap, sizeof(bool) * (size_t) ncap);
		s->cap = ncap;
	}
	s->nulls[s->n] = argnull && argnull[0];
	s->values[s->n] = s->nulls[s->n] ? 0 : datum_copy(ctx->arena, s->type, args[0]);
	s->n++;
	return 0;
}

static int
array_agg_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	ArrayAggState *s = state;

	*isnull = s->n == 0;
	if (s->n > 0)
		*out = array_construct(ctx->arena, s->elemtype, s->n, s->values, s->nulls, 1);
	return 0;
}

/* ---------------------------------------------------------------- tables */

#define A ANYARRAYOID
#define E ANYELEMENTOID
#define FD(N_, FN_, n, a, b, c, res, st) \
	{.name = N_, .nargs = n, .argtypes = {a, b, c}, .rettype = res, .strict = st, .volatility = FUNC_IMMUTABLE, .fn = FN_}

static const FuncDef array_funcs[] = {
	FD("array_eq", array_eq, 2, A, A, 0, BOOLOID, true),
	FD("array_ne", array_ne, 2, A, A, 0, BOOLOID, true),
	FD("array_lt", array_lt, 2, A, A, 0, BOOLOID, true),
	FD("array_le", array_le, 2, A, A, 0, BOOLOID, true),
	FD("array_gt", array_gt, 2, A, A, 0, BOOLOID, true),
	FD("array_ge", array_ge, 2, A, A, 0, BOOLOID, true),
	FD("array_append", array_append, 2, A, E, 0, A, false),
	FD("array_prepend", array_prepend, 2, E, A, 0, A, false),
	FD("array_cat", array_cat, 2, A, A, 0, A, false),
	FD("array_length", array_length_fn, 2, A, INT4OID, 0, INT4OID, true),
	FD("array_upper", array_upper, 2, A, INT4OID, 0, INT4OID, true),
	FD("array_lower", array_lower, 2, A, INT4OID, 0, INT4OID, true),
	FD("array_ndims", array_ndims, 1, A, 0, 0, INT4OID, true),
	FD("array_dims", array_dims, 1, A, 0, 0, TEXTOID, true),
	FD("cardinality", cardinality, 1, A, 0, 0, INT4OID, true),
	FD("array_position", array_position, 2, A, E, 0, INT4OID, false),
	FD("array_position", array_position, 3, A, E, INT4OID, INT4OID, false),
	FD("array_remove", array_remove, 2, A, E, 0, A, false),
	FD("array_positions", array_positions, 2, A, E, 0, INT4ARRAYOID, false),
	FD("array_replace", array_replace, 3, A, E, E, A, false),
	FD("arraycontains", arraycontains, 2, A, A, 0, BOOLOID, true),
	FD("arraycontained", arraycontained, 2, A, A, 0, BOOLOID, true),
	FD("arrayoverlap", arrayoverlap, 2, A, A, 0, BOOLOID, true),
	{.name = "array_to_string", .nargs = 2, .argtypes = {A, TEXTOID}, .rettype = TEXTOID, .strict = true,
	 .volatility = FUNC_STABLE, .fn = array_to_string},
	{.name = "array_to_string", .nargs = 3, .argtypes = {A, TEXTOID, TEXTOID}, .rettype = TEXTOID, .strict = false,
	 .volatility = FUNC_STABLE, .fn = array_to_string},
	FD("string_to_array", string_to_array, 2, TEXTOID, TEXTOID, 0, TEXTARRAYOID, false),
	FD("string_to_array", string_to_array, 3, TEXTOID, TEXTOID, TEXTOID, TEXTARRAYOID, false),
	{.name = "string_to_table", .nargs = 2, .argtypes = {TEXTOID, TEXTOID}, .rettype = TEXTOID, .strict = false,
	 .retset = true, .volatility = FUNC_IMMUTABLE, .fn = string_to_table},
	{.name = "string_to_table", .nargs = 3, .argtypes = {TEXTOID, TEXTOID, TEXTOID}, .rettype = TEXTOID,
	 .strict = false, .retset = true, .volatility = FUNC_IMMUTABLE, .fn = string_to_table},
	{.name = "unnest", .nargs = 1, .argtypes = {A}, .rettype = E, .strict = true, .retset = true,
	 .volatility = FUNC_IMMUTABLE, .fn = unnest},
};

#define OP(N_, l, r, res, FN_, neg, com) \
	{.name = N_, .left = l, .right = r, .result = res, .func_name = FN_, .negator = neg, .commutator = com}

static const OperDef array_opers[] = {
	OP("=", A, A, BOOLOID, "array_eq", "<>", "="),
	OP("<>", A, A, BOOLOID, "array_ne", "=", "<>"),
	OP("<", A, A, BOOLOID, "array_lt", ">=", ">"),
	OP("<=", A, A, BOOLOID, "array_le", ">", ">="),
	OP(">", A, A, BOOLOID, "array_gt", "<=", "<"),
	OP(">=", A, A, BOOLOID, "array_ge", "<", "<="),
	OP("||", A, E, A, "array_append", NULL, NULL),
	OP("||", E, A, A, "array_prepend", NULL, NULL),
	OP("||", A, A, A, "array_cat", NULL, NULL),
	OP("@>", A, A, BOOLOID, "arraycontains", NULL, "<@"),
	OP("<@", A, A, BOOLOID, "arraycontained", NULL, "@>"),
	OP("&&", A, A, BOOLOID, "arrayoverlap", NULL, "&&"),
};

/* array_agg(anyarray) builds a two-dimensional array, which memgres does not have. */
static int
array_agg_array_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "array_agg of arrays (multidimensional arrays) is not supported");
	return -1;
}

static const AggDef array_aggs[] = {
	{.name = "array_agg", .nargs = 1, .argtypes = {ANYARRAYOID}, .rettype = ANYARRAYOID, .strict = false,
	 .init = array_agg_array_init, .trans = array_agg_trans, .final = array_agg_final,
	 .final_repeatable = true},
	{.name = "array_agg", .nargs = 1, .argtypes = {ANYNONARRAYOID}, .rettype = ANYARRAYOID, .strict = false,
	 .init = array_agg_init, .trans = array_agg_trans, .final = array_agg_final,
	 .final_repeatable = true},
};

void
register_array_funcs(void)
{
	func_register(array_funcs, (int) (sizeof(array_funcs) / sizeof(array_funcs[0])));
	oper_register(array_opers, (int) (sizeof(array_opers) / sizeof(array_opers[0])));
	agg_register(array_aggs, (int) (sizeof(array_aggs) / sizeof(array_aggs[0])));
}
