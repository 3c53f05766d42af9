/*
 * bitfuncs.c — operators, functions and aggregates of bit and bit varying:
 * comparisons, & | # ~ << >> ||, length, bit_length, octet_length,
 * position, substring, overlay, get_bit, set_bit, bit_count, and the
 * bit_and/bit_or/bit_xor aggregates, as PostgreSQL 15's varbit.c.
 *
 * Design notes: the value layout is in src/sql/types/bits.h.  As in
 * PostgreSQL the operators are declared on bit (varbit reaches them through
 * the implicit binary coercion) except || and the varbit comparison set;
 * results of bit operators are bit, of || varbit.  Bits are numbered from 0
 * at the left (the high bit of the first byte) for get_bit/set_bit, from 1
 * for position/substring/overlay.  Functions work bit by bit where a shift
 * across byte boundaries would be needed; bit strings are short in practice.
 *
 * Invariants: pure; results in fc->ctx->arena with zero pad bits.
 */
#include "config.h"

#include <string.h>

#include <memgres/func.h>
#include <memgres/sqlstate.h>
#include <memgres/types.h>

#include "../types/bits.h"
#include "funcint.h"

#define ARG(i) (fc->args[i])

/* A new string holding bits [from, from + n) of d. */
static Datum
bits_slice(Arena *a, Datum d, int64_t from, int32_t n)
{
	const unsigned char *src = bits_data(d);
	unsigned char *dst;
	Datum		r = bits_new(a, n, &dst);

	if (from % 8 == 0)
	{
		memcpy(dst, src + from / 8, bits_bytes_for(n));
		bits_clear_pad(dst, n);
		return r;
	}
	for (int32_t i = 0; i < n; i++)
		if (bits_get(src, from + i))
			bits_set(dst, i, 1);
	return r;
}

/* Appends bits of src ([0, n)) at bit offset at of dst (whose bits there are 0). */
static void
bits_put(unsigned char *dst, int64_t at, Datum src)
{
	const unsigned char *s = bits_data(src);
	int32_t		n = bits_len(src);

	if (at % 8 == 0)
	{
		memcpy(dst + at / 8, s, bits_nbytes(src));
		return;
	}
	for (int32_t i = 0; i < n; i++)
		if (bits_get(s, i))
			bits_set(dst, at + i, 1);
}

static Datum
bits_concat(Arena *a, Datum x, Datum y)
{
	unsigned char *data;
	Datum		r = bits_new(a, bits_len(x) + bits_len(y), &data);

	bits_put(data, 0, x);
	bits_put(data, bits_len(x), y);
	return r;
}

/* ---------------------------------------------------------------- comparison */

static int
bit_cmp_op(FnCall *fc, Datum *out, int op)
{
	*out = BoolGetDatum(cmp_op_holds(bits_cmp(ARG(0), ARG(1)), op));
	return 0;
}

static int biteq(FnCall *fc, Datum *out) { return bit_cmp_op(fc, out, 0); }
static int bitne(FnCall *fc, Datum *out) { return bit_cmp_op(fc, out, 1); }
static int bitlt(FnCall *fc, Datum *out) { return bit_cmp_op(fc, out, 2); }
static int bitle(FnCall *fc, Datum *out) { return bit_cmp_op(fc, out, 3); }
static int bitgt(FnCall *fc, Datum *out) { return bit_cmp_op(fc, out, 4); }
static int bitge(FnCall *fc, Datum *out) { return bit_cmp_op(fc, out, 5); }

static int
bitcmp(FnCall *fc, Datum *out)
{
	*out = Int32GetDatum(bits_cmp(ARG(0), ARG(1)));
	return 0;
}

/* ---------------------------------------------------------------- logical operators */

/* AND, OR, XOR (op '&', '|', '#') of two strings of one length, or 22026. */
static int
bits_logic(EvalCtx *ctx, Datum x, Datum y, char op, Datum *out)
{
	int32_t		n = bits_len(x);
	const unsigned char *a = bits_data(x),
			   *b = bits_data(y);
	unsigned char *r;

	if (n != bits_len(y))
	{
		mg_error(ctx->err, SQLSTATE_STRING_DATA_LENGTH_MISMATCH, "cannot %s bit strings of different sizes",
				 op == '&' ? "AND" : op == '|' ? "OR" : "XOR");
		return -1;
	}
	*out = bits_new(ctx->arena, n, &r);
	for (size_t i = 0; i < bits_bytes_for(n); i++)
		r[i] = (unsigned char) (op == '&' ? a[i] & b[i] : op == '|' ? a[i] | b[i] : a[i] ^ b[i]);
	return 0;
}

static int bitand(FnCall *fc, Datum *out) { return bits_logic(fc->ctx, ARG(0), ARG(1), '&', out); }
static int bitor(FnCall *fc, Datum *out) { return bits_logic(fc->ctx, ARG(0), ARG(1), '|', out); }
static int bitxor(FnCall *fc, Datum *out) { return bits_logic(fc->ctx, ARG(0), ARG(1), '#', out); }

static int
bitnot(FnCall *fc, Datum *out)
{
	int32_t		n = bits_len(ARG(0));
	const unsigned char *a = bits_data(ARG(0));
	unsigned char *r;

	*out = bits_new(fc->ctx->arena, n, &r);
	for (size_t i = 0; i < bits_bytes_for(n); i++)
		r[i] = (unsigned char) ~a[i];
	bits_clear_pad(r, n);
	return 0;
}

/* Shifts left by shift bits (right when negative), zero-filling; length kept. */
static Datum
bits_shift(Arena *a, Datum d, int64_t shift)
{
	int32_t		n = bits_len(d);
	const unsigned char *src = bits_data(d);
	unsigned char *dst;
	Datum		r = bits_new(a, n, &dst);

	for (int32_t i = 0; i < n; i++)
	{
		int64_t		from = i + shift;

		if (from >= 0 && from < n && bits_get(src, from))
			bits_set(dst, i, 1);
	}
	return r;
}

static int
bitshiftleft(FnCall *fc, Datum *out)
{
	*out = bits_shift(fc->ctx->arena, ARG(0), DatumGetInt32(ARG(1)));
	return 0;
}

static int
bitshiftright(FnCall *fc, Datum *out)
{
	*out = bits_shift(fc->ctx->arena, ARG(0), -(int64_t) DatumGetInt32(ARG(1)));
	return 0;
}

static int
bitcat(FnCall *fc, Datum *out)
{
	if ((int64_t) bits_len(ARG(0)) + bits_len(ARG(1)) > BITS_MAXLEN)
		return fc_error(fc, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "bit string length exceeds the maximum allowed (%d)",
						BITS_MAXLEN);
	*out = bits_concat(fc->ctx->arena, ARG(0), ARG(1));
	return 0;
}

/* ---------------------------------------------------------------- length and search */

static int
bitlength(FnCall *fc, Datum *out)
{
	*out = Int32GetDatum(bits_len(ARG(0)));
	return 0;
}

static int
bitoctetlength(FnCall *fc, Datum *out)
{
	*out = Int32GetDatum((int32_t) bits_nbytes(ARG(0)));
	return 0;
}

static int
bit_count(FnCall *fc, Datum *out)
{
	const unsigned char *a = bits_data(ARG(0));
	int64_t		n = 0;

	for (size_t i = 0; i < bits_nbytes(ARG(0)); i++)
		n += __builtin_popcount(a[i]);
	*out = Int64GetDatum(n);
	return 0;
}

/* position(substr IN str): the 1-based start of the first match, 0 if none. */
static int
bitposition(FnCall *fc, Datum *out)
{
	Datum		str = ARG(0),
				sub = ARG(1);
	int32_t		n = bits_len(str),
				m = bits_len(sub);
	const unsigned char *s = bits_data(str),
			   *p = bits_data(sub);

	if (n == 0 || m > n)
	{
		*out = Int32GetDatum(0);
		return 0;
	}
	if (m == 0)
	{
		*out = Int32GetDatum(1);
		return 0;
	}
	for (int32_t i = 0; i + m <= n; i++)
	{
		int32_t		j = 0;

		while (j < m && bits_get(s, i + j) == bits_get(p, j))
			j++;
		if (j == m)
		{
			*out = Int32GetDatum(i + 1);
			return 0;
		}
	}
	*out = Int32GetDatum(0);
	return 0;
}

/* ---------------------------------------------------------------- substring, overlay */

/*
 * PostgreSQL's bitsubstring: bits from position s (1-based) for l bits, or
 * to the end without a length; positions outside the string are dropped.
 */
static int
bits_substring(EvalCtx *ctx, Datum d, int32_t s, int32_t l, bool to_end, Datum *out)
{
	int64_t		bitlen = bits_len(d);
	int64_t		s1 = s < 1 ? 1 : s;
	int64_t		e1;

	if (to_end)
		e1 = bitlen + 1;
	else if (l < 0)
	{
		mg_error(ctx->err, SQLSTATE_SUBSTRING_ERROR, "negative substring length not allowed");
		return -1;
	}
	else
	{
		e1 = (int64_t) s + l;
		if (e1 > bitlen + 1)
			e1 = bitlen + 1;
	}
	if (s1 > bitlen || e1 <= s1)
		*out = bits_slice(ctx->arena, d, 0, 0);
	else
		*out = bits_slice(ctx->arena, d, s1 - 1, (int32_t) (e1 - s1));
	return 0;
}

static int
bitsubstr(FnCall *fc, Datum *out)
{
	return bits_substring(fc->ctx, ARG(0), DatumGetInt32(ARG(1)), DatumGetInt32(ARG(2)), false, out);
}

static int
bitsubstr_no_len(FnCall *fc, Datum *out)
{
	return bits_substring(fc->ctx, ARG(0), DatumGetInt32(ARG(1)), -1, true, out);
}

/* overlay(t1 placing t2 from sp for sl) = t1[1, sp) || t2 || t1[sp + sl, end]. */
static int
bits_overlay(FnCall *fc, int32_t sp, int32_t sl, Datum *out)
{
	Datum		head,
				tail;

	if (sp <= 0)
		return fc_error(fc, SQLSTATE_SUBSTRING_ERROR, "negative substring length not allowed");
	if ((int64_t) sp + sl > INT32_MAX || (int64_t) sp + sl < INT32_MIN)
		return fc_error(fc, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
	if (bits_substring(fc->ctx, ARG(0), 1, sp - 1, false, &head) < 0 ||
		bits_substring(fc->ctx, ARG(0), sp + sl, -1, true, &tail) < 0)
		return -1;
	*out = bits_concat(fc->ctx->arena, bits_concat(fc->ctx->arena, head, ARG(1)), tail);
	return 0;
}

static int
bitoverlay(FnCall *fc, Datum *out)
{
	return bits_overlay(fc, DatumGetInt32(ARG(2)), DatumGetInt32(ARG(3)), out);
}

static int
bitoverlay_no_len(FnCall *fc, Datum *out)
{
	return bits_overlay(fc, DatumGetInt32(ARG(2)), bits_len(ARG(1)), out);
}

/* ---------------------------------------------------------------- get_bit, set_bit */

static int
bit_index_check(FnCall *fc, int32_t n)
{
	int32_t		len = bits_len(ARG(0));

	if (n < 0 || n >= len)
		return fc_error(fc, SQLSTATE_ARRAY_SUBSCRIPT_ERROR, "bit index %d out of valid range (0..%d)", n, len - 1);
	return 0;
}

static int
bitgetbit(FnCall *fc, Datum *out)
{
	int32_t		n = DatumGetInt32(ARG(1));

	if (bit_index_check(fc, n) < 0)
		return -1;
	*out = Int32GetDatum(bits_get(bits_data(ARG(0)), n));
	return 0;
}

static int
bitsetbit(FnCall *fc, Datum *out)
{
	int32_t		n = DatumGetInt32(ARG(1));
	int32_t		v = DatumGetInt32(ARG(2));
	unsigned char *r;

	if (bit_index_check(fc, n) < 0)
		return -1;
	if (v != 0 && v != 1)
		return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "new bit must be 0 or 1");
	*out = bits_new(fc->ctx->arena, bits_len(ARG(0)), &r);
	memcpy(r, bits_data(ARG(0)), bits_nbytes(ARG(0)));
	bits_set(r, n, v);
	return 0;
}

/* ---------------------------------------------------------------- aggregates */

/* bit_and/bit_or/bit_xor(bit): the running result, NULL until a row. */
typedef struct BitAggState {
	bool		seen;
	Datum		value;			/* in the aggregate's arena */
} BitAggState;

static int
bitagg_init(EvalCtx *ctx, const Oid *argtypes, void **state)
{
	(void) argtypes;
	*state = arena_alloc0(ctx->arena, sizeof(BitAggState));
	return 0;
}

static int
bitagg_trans(EvalCtx *ctx, BitAggState *s, const Datum *args, const bool *argnull, char op)
{
	if (argnull && argnull[0])
		return 0;
	if (!s->seen)
	{
		const MgType *t = type_by_oid(BITOID);

		s->value = datum_copy(ctx->arena, t, args[0]);
		s->seen = true;
		return 0;
	}
	return bits_logic(ctx, s->value, args[0], op, &s->value);
}

static int bitagg_and(EvalCtx *c, void *s, const Datum *a, const bool *n) { return bitagg_trans(c, s, a, n, '&'); }
static int bitagg_or(EvalCtx *c, void *s, const Datum *a, const bool *n) { return bitagg_trans(c, s, a, n, '|'); }
static int bitagg_xor(EvalCtx *c, void *s, const Datum *a, const bool *n) { return bitagg_trans(c, s, a, n, '#'); }

static int
bitagg_final(EvalCtx *ctx, void *state, Oid rettype, Datum *out, bool *isnull)
{
	BitAggState *s = state;

	(void) ctx;
	(void) rettype;
	*isnull = !s->seen;
	*out = s->seen ? s->value : 0;
	return 0;
}

/* ---------------------------------------------------------------- tables */

#define FD(N_, FN_, n, a, b, c, d, res) \
	{.name = N_, .nargs = n, .argtypes = {a, b, c, d}, .rettype = res, .strict = true, \
	 .volatility = FUNC_IMMUTABLE, .fn = FN_}
#define B BITOID
#define VB VARBITOID
#define I INT4OID
#define CMP_FUNCS(pfx, t) \
	FD(pfx "eq", biteq, 2, t, t, 0, 0, BOOLOID), FD(pfx "ne", bitne, 2, t, t, 0, 0, BOOLOID), \
	FD(pfx "lt", bitlt, 2, t, t, 0, 0, BOOLOID), FD(pfx "le", bitle, 2, t, t, 0, 0, BOOLOID), \
	FD(pfx "gt", bitgt, 2, t, t, 0, 0, BOOLOID), FD(pfx "ge", bitge, 2, t, t, 0, 0, BOOLOID), \
	FD(pfx "cmp", bitcmp, 2, t, t, 0, 0, I)

static const FuncDef bit_funcs[] = {
	CMP_FUNCS("bit", B),
	CMP_FUNCS("varbit", VB),
	FD("bitand", bitand, 2, B, B, 0, 0, B),
	FD("bitor", bitor, 2, B, B, 0, 0, B),
	FD("bitxor", bitxor, 2, B, B, 0, 0, B),
	FD("bitnot", bitnot, 1, B, 0, 0, 0, B),
	FD("bitshiftleft", bitshiftleft, 2, B, I, 0, 0, B),
	FD("bitshiftright", bitshiftright, 2, B, I, 0, 0, B),
	FD("bitcat", bitcat, 2, VB, VB, 0, 0, VB),
	FD("length", bitlength, 1, B, 0, 0, 0, I),
	FD("bit_length", bitlength, 1, B, 0, 0, 0, I),
	FD("octet_length", bitoctetlength, 1, B, 0, 0, 0, I),
	FD("bit_count", bit_count, 1, B, 0, 0, 0, INT8OID),
	FD("position", bitposition, 2, B, B, 0, 0, I),
	FD("substring", bitsubstr, 3, B, I, I, 0, B),
	FD("substring", bitsubstr_no_len, 2, B, I, 0, 0, B),
	FD("overlay", bitoverlay, 4, B, B, I, I, B),
	FD("overlay", bitoverlay_no_len, 3, B, B, I, 0, B),
	FD("get_bit", bitgetbit, 2, B, I, 0, 0, I),
	FD("set_bit", bitsetbit, 3, B, I, I, 0, B),
};

#define OP(N_, l, r, res, FN_, neg, com) \
	{.name = N_, .left = l, .right = r, .result = res, .func_name = FN_, .negator = neg, .commutator = com}
#define CMP_OPS(pfx, t) \
	OP("=", t, t, BOOLOID, pfx "eq", "<>", "="), OP("<>", t, t, BOOLOID, pfx "ne", "=", "<>"), \
	OP("<", t, t, BOOLOID, pfx "lt", ">=", ">"), OP("<=", t, t, BOOLOID, pfx "le", ">", ">="), \
	OP(">", t, t, BOOLOID, pfx "gt", "<=", "<"), OP(">=", t, t, BOOLOID, pfx "ge", "<", "<=")

static const OperDef bit_opers[] = {
	CMP_OPS("bit", B),
	CMP_OPS("varbit", VB),
	OP("&", B, B, B, "bitand", NULL, "&"),
	OP("|", B, B, B, "bitor", NULL, "|"),
	OP("#", B, B, B, "bitxor", NULL, "#"),
	OP("~", InvalidOid, B, B, "bitnot", NULL, NULL),
	OP("<<", B, I, B, "bitshiftleft", NULL, NULL),
	OP(">>", B, I, B, "bitshiftright", NULL, NULL),
	OP("||", VB, VB, VB, "bitcat", NULL, NULL),
};

#define AGG(N_, T_) \
	{.name = N_, .nargs = 1, .argtypes = {B}, .rettype = B, .strict = true, \
	 .init = bitagg_init, .trans = T_, .final = bitagg_final, .final_repeatable = true}

static const AggDef bit_aggs[] = {
	AGG("bit_and", bitagg_and),
	AGG("bit_or", bitagg_or),
	AGG("bit_xor", bitagg_xor),
};

void
register_bit_funcs(void)
{
	if (type_by_oid(BITOID) == NULL)
		return;
	func_register(bit_funcs, (int) (sizeof(bit_funcs) / sizeof(bit_funcs[0])));
	oper_register(bit_opers, (int) (sizeof(bit_opers) / sizeof(bit_opers[0])));
	agg_register(bit_aggs, (int) (sizeof(bit_aggs) / sizeof(bit_aggs[0])));
}
