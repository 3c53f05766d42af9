/*
 * registry.c — the registry of built-in types: registration at start-up,
 * lookup by OID and by name (with PostgreSQL's SQL aliases), format_type(),
 * the generic I/O wrappers and the Varlena/datum helpers of types.h.
 *
 * Design notes: types are registered once, before any thread starts, from
 * static MgType tables (not copied).  Lookups by OID go through a direct
 * table for OIDs below TYPE_OID_DIRECT and a linear scan above it (only a
 * handful of types live there); lookups by name scan the registered names
 * and a static alias table.  There are few types, so nothing cleverer is
 * needed.
 *
 * Invariants:
 *  1. After types_init() returns, the registry is never written again, so
 *     every reader may run on any thread without a lock.
 *  2. An OID is registered at most once (a duplicate aborts start-up).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <memgres/log.h>
#include <memgres/types.h>

#include "registry.h"
#include "typesint.h"

#define TYPE_MAX 256
#define TYPE_OID_DIRECT 8192

static const MgType *type_list[TYPE_MAX];
static int	type_count;
static const MgType *type_direct[TYPE_OID_DIRECT];
static bool types_initialised;

void
types_init(void)
{
	if (types_initialised)
		return;
	types_initialised = true;
	register_core_types();
	register_datetime_types();
	register_json_types();
	register_bit_types();
	register_array_types();
}

void
type_register(const MgType *t)
{
	if (type_count >= TYPE_MAX)
	{
		fprintf(stderr, "memgres: too many types registered\n");
		abort();
	}
	if (type_by_oid(t->oid) != NULL)
	{
		fprintf(stderr, "memgres: type OID %u registered twice\n", t->oid);
		abort();
	}
	type_list[type_count++] = t;
	if (t->oid < TYPE_OID_DIRECT)
		type_direct[t->oid] = t;
}

const MgType *
type_by_oid(Oid oid)
{
	if (oid < TYPE_OID_DIRECT)
		return type_direct[oid];
	for (int i = 0; i < type_count; i++)
		if (type_list[i]->oid == oid)
			return type_list[i];
	return NULL;
}

/* SQL spellings the grammar or users use, beyond pg_type names. */
static const struct
{
	const char *alias;
	const char *name;
}			type_aliases[] = {
	{"int", "int4"},
	{"integer", "int4"},
	{"smallint", "int2"},
	{"bigint", "int8"},
	{"real", "float4"},
	{"float", "float8"},
	{"double precision", "float8"},
	{"boolean", "bool"},
	{"decimal", "numeric"},
	{"dec", "numeric"},
	{"character varying", "varchar"},
	{"char varying", "varchar"},
	{"character", "bpchar"},
	{"nchar", "bpchar"},
	{"timestamp with time zone", "timestamptz"},
	{"timestamp without time zone", "timestamp"},
	{"time with time zone", "timetz"},
	{"time without time zone", "time"},
	{"bit varying", "varbit"},
};

static const MgType *
type_by_exact_name(const char *name)
{
	for (int i = 0; i < type_count; i++)
		if (strcasecmp(type_list[i]->name, name) == 0)
			return type_list[i];
	for (size_t i = 0; i < sizeof(type_aliases) / sizeof(type_aliases[0]); i++)
		if (strcasecmp(type_aliases[i].alias, name) == 0)
			return type_by_exact_name(type_aliases[i].name);
	return NULL;
}

const MgType *
type_by_name(const char *name)
{
	size_t		len = strlen(name);
	const MgType *t;

	/* "integer[]": the array type of the element type. */
	if (len > 2 && strcmp(name + len - 2, "[]") == 0)
	{
		char		buf[128];

		if (len - 2 >= sizeof(buf))
			return NULL;
		memcpy(buf, name, len - 2);
		buf[len - 2] = '\0';
		t = type_by_name(buf);
		if (t == NULL || t->array == InvalidOid)
			return NULL;
		return type_by_oid(t->array);
	}
	if (strncasecmp(name, "pg_catalog.", 11) == 0)
		name += 11;
	return type_by_exact_name(name);
}

const MgType *const *
type_all(int *n)
{
	*n = type_count;
	return type_list;
}

void
type_format(Oid oid, int32_t typmod, StrBuf *out)
{
	const MgType *t = type_by_oid(oid);
	const char *sp;

	if (t == NULL)
	{
		strbuf_puts(out, "???");
		return;
	}
	if (t->elem != InvalidOid && t->category == 'A' && t->name[0] == '_')
	{
		type_format(t->elem, typmod, out);
		strbuf_puts(out, "[]");
		return;
	}
	/* bpchar without a length is "bpchar", as format_type() says. */
	if (oid == BPCHAROID && typmod < 0)
	{
		strbuf_puts(out, "bpchar");
		return;
	}
	if (typmod < 0 || t->modout == NULL)
	{
		strbuf_puts(out, t->sql_name);
		return;
	}
	/* "timestamp(3) with time zone": the modifier goes after the first word. */
	sp = strchr(t->sql_name, ' ');
	if (sp != NULL && (oid == TIMESTAMPTZOID || oid == TIMETZOID ||
					   oid == TIMESTAMPOID || oid == TIMEOID))
	{
		strbuf_append(out, t->sql_name, (size_t) (sp - t->sql_name));
		t->modout(typmod, out);
		strbuf_puts(out, sp);
		return;
	}
	strbuf_puts(out, t->sql_name);
	t->modout(typmod, out);
}

static const MgType *
type_lookup_or_error(EvalCtx *ctx, Oid type)
{
	const MgType *t = type_by_oid(type);

	if (t == NULL)
		mg_error(ctx->err, SQLSTATE_UNDEFINED_OBJECT, "cache lookup failed for type %u", type);
	return t;
}

int
type_input(EvalCtx *ctx, Oid type, int32_t typmod, const char *str, size_t len, Datum *out)
{
	const MgType *t = type_lookup_or_error(ctx, type);

	if (t == NULL)
		return -1;
	if (t->input == NULL)
	{
		StrBuf		sb;

		strbuf_init(&sb);
		type_format(type, -1, &sb);
		mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "cannot accept a value of type %s", sb.data);
		strbuf_free(&sb);
		return -1;
	}
	return t->input(ctx, str, len, typmod, out);
}

int
type_output(EvalCtx *ctx, Oid type, int32_t typmod, Datum value, StrBuf *out)
{
	const MgType *t = type_lookup_or_error(ctx, type);

	if (t == NULL)
		return -1;
	if (t->output == NULL)
	{
		mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "cannot display a value of type %s", t->name);
		return -1;
	}
	return t->output(ctx, value, typmod, out);
}

int
type_recv(EvalCtx *ctx, Oid type, int32_t typmod, const char *buf, size_t len, Datum *out)
{
	const MgType *t = type_lookup_or_error(ctx, type);

	if (t == NULL)
		return -1;
	if (t->recv == NULL)
	{
		mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "binary input of type %s is not supported", t->name);
		return -1;
	}
	return t->recv(ctx, buf, len, typmod, out);
}

int
type_send(EvalCtx *ctx, Oid type, int32_t typmod, Datum value, StrBuf *out)
{
	const MgType *t = type_lookup_or_error(ctx, type);

	if (t == NULL)
		return -1;
	if (t->send == NULL)
	{
		mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "binary output of type %s is not supported", t->name);
		return -1;
	}
	return t->send(ctx, value, typmod, out);
}

Datum
datum_copy(Arena *a, const MgType *t, Datum value)
{
	Varlena    *v;
	Varlena    *c;

	if (t->byval)
		return value;
	v = DatumGetVarlena(value);
	c = arena_alloc(a, VARSIZE_TOTAL(v));
	memcpy(c, v, VARSIZE_TOTAL(v));
	return PointerGetDatum(c);
}

size_t
datum_size(const MgType *t, Datum value)
{
	if (t->byval)
		return (size_t) t->typlen;
	return VARSIZE_TOTAL(DatumGetVarlena(value));
}

bool
datum_equal(const MgType *t, Datum a, Datum b)
{
	Varlena    *va;
	Varlena    *vb;

	if (t->cmp != NULL)
		return t->cmp(a, b) == 0;
	if (t->byval)
		return a == b;
	va = DatumGetVarlena(a);
	vb = DatumGetVarlena(b);
	return va->len == vb->len && memcmp(va->data, vb->data, va->len) == 0;
}

Varlena *
varlena_new(Arena *a, size_t len)
{
	Varlena    *v = arena_alloc(a, VARLENA_HDRSZ + len);

	v->len = (uint32_t) len;
	return v;
}

Datum
text_datum(Arena *a, const char *s, size_t len)
{
	Varlena    *v = varlena_new(a, len);

	if (len > 0)
		memcpy(v->data, s, len);
	return PointerGetDatum(v);
}

Datum
cstring_text_datum(Arena *a, const char *s)
{
	return text_datum(a, s, strlen(s));
}

/* ---- helpers shared by the type modules (typesint.h) ---- */

int
types_syntax_error(EvalCtx *ctx, const char *tname, const char *s, size_t len)
{
	mg_error(ctx->err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			 "invalid input syntax for type %s: \"%.*s\"", tname, (int) len, s);
	return -1;
}

int
types_range_error(EvalCtx *ctx, const char *tname, const char *s, size_t len)
{
	mg_error(ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			 "value \"%.*s\" is out of range for type %s", (int) len, s, tname);
	return -1;
}

int
types_binary_error(EvalCtx *ctx, size_t len, size_t want)
{
	if (len < want)
		mg_error(ctx->err, SQLSTATE_PROTOCOL_VIOLATION, "insufficient data left in message");
	else
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION, "incorrect binary data format");
	return -1;
}

/* Length of the UTF-8 sequence starting with byte c, 0 if c cannot start one. */
static int
utf8_seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if ((c & 0xe0) == 0xc0)
		return 2;
	if ((c & 0xf0) == 0xe0)
		return 3;
	if ((c & 0xf8) == 0xf0)
		return 4;
	return 0;
}

static bool
utf8_valid_seq(const unsigned char *p, int n)
{
	for (int i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return false;
	switch (n)
	{
		case 2:
			return p[0] >= 0xc2;
		case 3:
			if (p[0] == 0xe0 && p[1] < 0xa0)
				return false;
			if (p[0] == 0xed && p[1] > 0x9f)
				return false;	/* surrogates */
			return true;
		case 4:
			if (p[0] == 0xf0 && p[1] < 0x90)
				return false;
			if (p[0] > 0xf4 || (p[0] == 0xf4 && p[1] > 0x8f))
				return false;
			return true;
		default:
			return true;
	}
}

/*
 * True if the eight bytes at p are all ASCII and none is NUL (the common case
 * of every string input function; checked a word at a time).
 */
static inline bool
utf8_word_plain(const unsigned char *p)
{
	uint64_t	w;

	memcpy(&w, p, 8);
	return (w & UINT64_C(0x8080808080808080)) == 0 &&
		((w - UINT64_C(0x0101010101010101)) & ~w & UINT64_C(0x8080808080808080)) == 0;
}

int
types_verify_utf8(EvalCtx *ctx, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;

	while (i < len)
	{
		int			n;

		while (i + 8 <= len && utf8_word_plain(p + i))
			i += 8;
		if (i >= len)
			break;
		if (p[i] != 0 && p[i] < 0x80)
		{
			i++;
			continue;
		}
		n = utf8_seq_len(p[i]);
		if (p[i] == 0 || n == 0 || i + (size_t) n > len || !utf8_valid_seq(p + i, n))
		{
			StrBuf		hex;
			size_t		avail = len - i;

			strbuf_init(&hex);
			if (n == 0)
				n = 1;
			for (size_t k = 0; k < (size_t) n && k < avail; k++)
				strbuf_printf(&hex, "%s0x%02x", k ? " " : "", p[i + k]);
			if (i + (size_t) n > len)
				mg_error(ctx->err, SQLSTATE_CHARACTER_NOT_IN_REPERTOIRE,
						 "incomplete multibyte character for encoding \"UTF8\": %s", hex.data);
			else
				mg_error(ctx->err, SQLSTATE_CHARACTER_NOT_IN_REPERTOIRE,
						 "invalid byte sequence for encoding \"UTF8\": %s", hex.data);
			strbuf_free(&hex);
			return -1;
		}
		i += (size_t) n;
	}
	return 0;
}

size_t
types_utf8_len(const char *s, size_t len)
{
	size_t		n = 0;
	size_t		i = 0;

	/* a word of ASCII bytes counts eight characters */
	for (; i + 8 <= len; i += 8)
	{
		uint64_t	w;

		memcpy(&w, s + i, 8);
		if ((w & UINT64_C(0x8080808080808080)) != 0)
			break;
		n += 8;
	}
	for (; i < len; i++)
		if (((unsigned char) s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

size_t
types_utf8_prefix(const char *s, size_t len, size_t nchars)
{
	size_t		i = 0;

	while (i < len && nchars > 0)
	{
		int			n = utf8_seq_len((unsigned char) s[i]);

		i += n ? (size_t) n : 1;
		nchars--;
	}
	return i > len ? len : i;
}

void
types_key_bytes(const char *s, size_t len, StrBuf *out)
{
	size_t		start = 0;

	for (size_t i = 0; i < len; i++)
	{
		if (s[i] == '\0')
		{
			strbuf_append(out, s + start, i - start);
			strbuf_append(out, "\0\xff", 2);
			start = i + 1;
		}
	}
	strbuf_append(out, s + start, len - start);
	strbuf_append(out, "\0\0", 2);
}

uint64_t
types_hash_bytes(const void *p, size_t len)
{
	const unsigned char *b = p;
	uint64_t	h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < len; i++)
	{
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	/* final avalanche (splitmix64) so low bits are usable as bucket indexes */
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h;
}
