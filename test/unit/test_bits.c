/*
 * test_bits.c — bit and bit varying against a model: random bit strings
 * (built to share prefixes and trailing zeros, where the order is subtle)
 * checked for text and binary round trips, comparison and key-encoding
 * order against PostgreSQL's bit_cmp rule written over the text form (pad
 * both to whole bytes with zeros, compare, then the shorter first), equal
 * hashes for equal values, and the binary input's errors and pad clearing;
 * and a few inputs with typmods as PostgreSQL 15 reads them.
 */
#include "test_types_common.h"

#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>

#define NVALS 160

/* 'input'::type as PostgreSQL 15 answers it. */
static const IoCase io_cases[] = {
	{"bit(4)", "101", "1010", NULL, NULL, NULL},
	{"bit(3)", "b10101", "101", NULL, NULL, NULL},
	{"bit(4)", "X1F", "0001", NULL, NULL, NULL},
	{"bit", "x0a", "00001010", NULL, NULL, NULL},
	{"varbit(3)", "10101", "101", NULL, NULL, NULL},
	{"varbit(8)", "B0", "0", NULL, NULL, NULL},
	{"varbit", "xA5", "10100101", NULL, NULL, NULL},
	{"bit", "1012", NULL, "22P02", "\"2\" is not a valid binary digit", NULL},
	{"varbit", "x1G", NULL, "22P02", "\"G\" is not a valid hexadecimal digit", NULL},
	{"varbit", "b1\xc3\xa9", NULL, "22P02", "\"\xc3\xa9\" is not a valid binary digit", NULL},
};

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t
next_rand(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dULL;
}

/* PostgreSQL's order over '0'/'1' strings, independent of the byte layout. */
static int
model_cmp(const char *a, const char *b)
{
	size_t		la = strlen(a),
				lb = strlen(b);
	size_t		pa = (la + 7) / 8 * 8,
				pb = (lb + 7) / 8 * 8;
	size_t		n = pa < pb ? pa : pb;

	for (size_t i = 0; i < n; i++)
	{
		char		ca = i < la ? a[i] : '0';
		char		cb = i < lb ? b[i] : '0';

		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	return (la > lb) - (la < lb);
}

static int
sign(int c)
{
	return (c > 0) - (c < 0);
}

static int
key_cmp(const StrBuf *a, const StrBuf *b)
{
	size_t		n = a->len < b->len ? a->len : b->len;
	int			c = memcmp(a->data, b->data, n);

	if (c != 0)
		return sign(c);
	return (a->len > b->len) - (a->len < b->len);
}

static void
random_bits(char *out)
{
	static const char *const stems[] = {"", "1", "10", "0000000", "11111111", "101010101"};
	size_t		n = 0;
	const char *stem = stems[next_rand() % 6];
	size_t		extra = next_rand() % 12;

	while (*stem)
		out[n++] = *stem++;
	for (size_t i = 0; i < extra; i++)
		out[n++] = (next_rand() % 3 == 0) ? '1' : '0';
	out[n] = '\0';
}

static void
test_model(TestCtx *t, const MgType *ty)
{
	char		text[NVALS][32];
	Datum		vals[NVALS];
	StrBuf		keys[NVALS];
	int			io_bad = 0,
				order_bad = 0,
				key_bad = 0,
				hash_bad = 0;

	for (int i = 0; i < NVALS; i++)
	{
		StrBuf		out,
					bin;
		Datum		back;

		random_bits(text[i]);
		strbuf_init_arena(&out, &t->arena);
		strbuf_init_arena(&bin, &t->arena);
		if (ty->input(&t->ctx, text[i], strlen(text[i]), -1, &vals[i]) < 0 ||
			ty->output(&t->ctx, vals[i], -1, &out) < 0 || strcmp(out.data ? out.data : "", text[i]) != 0 ||
			ty->send(&t->ctx, vals[i], -1, &bin) < 0 ||
			ty->recv(&t->ctx, bin.data, bin.len, -1, &back) < 0 || ty->cmp(back, vals[i]) != 0)
			io_bad++;
		strbuf_init_arena(&keys[i], &t->arena);
		ty->key_encode(vals[i], &keys[i]);
	}
	for (int i = 0; i < NVALS; i++)
		for (int j = 0; j < NVALS; j++)
		{
			int			want = model_cmp(text[i], text[j]);

			if (sign(ty->cmp(vals[i], vals[j])) != want)
				order_bad++;
			if (key_cmp(&keys[i], &keys[j]) != want)
				key_bad++;
			if (want == 0 && ty->hash(vals[i]) != ty->hash(vals[j]))
				hash_bad++;
		}
	tap_ok(io_bad == 0, "%s: text and binary round trips of %d random values (%d bad)", ty->name, NVALS, io_bad);
	tap_ok(order_bad == 0, "%s: cmp agrees with the model on every pair (%d bad)", ty->name, order_bad);
	tap_ok(key_bad == 0, "%s: key encodings sort as the model on every pair (%d bad)", ty->name, key_bad);
	tap_ok(hash_bad == 0, "%s: equal values hash equal (%d bad)", ty->name, hash_bad);
}

static void
test_recv(TestCtx *t)
{
	const MgType *bit = type_by_oid(BITOID);
	const MgType *varbit = type_by_oid(VARBITOID);
	Datum		d;
	StrBuf		out;

	strbuf_init_arena(&out, &t->arena);
	tap_ok(bit->recv(&t->ctx, "\x00\x00\x00\x03\xff", 5, -1, &d) == 0 && bit->output(&t->ctx, d, -1, &out) == 0 &&
		   strcmp(out.data, "111") == 0, "bit recv clears the pad bits: 3 bits from 0xff read as 111");
	mg_error_reset(&t->err);
	tap_ok(bit->recv(&t->ctx, "\xff\xff\xff\xff", 4, -1, &d) < 0 &&
		   strcmp(t->err.sqlstate, SQLSTATE_INVALID_BINARY_REPRESENTATION) == 0 &&
		   strcmp(t->err.message, "invalid length in external bit string") == 0,
		   "bit recv of a negative length: 22P03 invalid length in external bit string");
	mg_error_reset(&t->err);
	tap_ok(varbit->recv(&t->ctx, "\x00\x00\x00\x09\xff", 5, -1, &d) < 0 &&
		   strcmp(t->err.sqlstate, SQLSTATE_PROTOCOL_VIOLATION) == 0,
		   "varbit recv of 9 bits in one byte: 08P01 insufficient data");
	mg_error_reset(&t->err);
	tap_ok(bit->recv(&t->ctx, "\x00\x00\x00\x03\xe0", 5, 4, &d) < 0 &&
		   strcmp(t->err.sqlstate, SQLSTATE_STRING_DATA_LENGTH_MISMATCH) == 0 &&
		   strcmp(t->err.message, "bit string length 3 does not match type bit(4)") == 0,
		   "bit(4) recv of 3 bits: 22026");
	mg_error_reset(&t->err);
	tap_ok(varbit->recv(&t->ctx, "\x00\x00\x00\x03\xe0", 5, 2, &d) < 0 &&
		   strcmp(t->err.sqlstate, SQLSTATE_STRING_DATA_RIGHT_TRUNCATION) == 0 &&
		   strcmp(t->err.message, "bit string too long for type bit varying(2)") == 0,
		   "varbit(2) recv of 3 bits: 22001");
	mg_error_reset(&t->err);
}

int
main(void)
{
	TestCtx		t;

	types_init();
	test_ctx_init(&t);
	for (size_t i = 0; i < sizeof(io_cases) / sizeof(io_cases[0]); i++)
		test_io_case(&t, &io_cases[i]);
	test_model(&t, type_by_oid(BITOID));
	test_model(&t, type_by_oid(VARBITOID));
	test_recv(&t);
	test_ctx_free(&t);
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}
