/*
 * array.c — one-dimensional arrays of every registered type: PostgreSQL's
 * array text format (quoting, backslash escapes, NULL, '[lb:ub]=' bounds),
 * its binary format (array_send/array_recv), element typmods, comparison
 * (array_cmp), hashing, key encoding, and casts between array types.
 *
 * Design notes: an array value is a Varlena laid out as
 *   int32 ndim (0 for an empty array, else 1), int32 flags (1: has NULLs),
 *   Oid elemtype, int32 nelems, int32 lbound, int32 pad,
 *   a NULL bitmap of nelems bits (only when flags & 1), padded to 8 bytes,
 *   then each non-NULL element: an 8-byte Datum for by-value types, else
 *   its Varlena (header + bytes) padded to 8 bytes.
 * Multidimensional input is rejected with 0A000.  int2vector and oidvector
 * (catalog columns) share the layout with space-separated text I/O.  Array types are
 * registered after every module's element types (register_array_types()),
 * one descriptor per array OID PostgreSQL defines for a registered element
 * type; their input/recv/typmod functions are thin per-type wrappers, as
 * those callbacks do not receive the type OID.
 *
 * Invariants:
 *  1. Elements of an array value are never NULL-pointers: NULLs live only
 *     in the bitmap.
 *  2. The key encoding of an array is element keys each preceded by 0x01
 *     (0x02 for NULL, which sorts after any value, as array_cmp), then 0x00
 *     and the lower bound; so memcmp order equals array_cmp order.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <memgres/types.h>

#include "typesint.h"

#define ARR_HDR 24
#define ARR_FLAG_HASNULL 1

typedef struct ArrHeader {
	int32_t		ndim;
	int32_t		flags;
	Oid			elemtype;
	int32_t		nelems;
	int32_t		lbound;
	int32_t		pad;
} ArrHeader;

static size_t
pad8(size_t n)
{
	return (n + 7) & ~(size_t) 7;
}

static ArrHeader
arr_header(Datum a)
{
	ArrHeader	h;

	memcpy(&h, DatumGetVarlena(a)->data, sizeof(h));
	return h;
}

Datum
array_construct(Arena *a, Oid elemtype, int n, const Datum *values, const bool *nulls, int lbound)
{
	const MgType *et = type_by_oid(elemtype);
	bool		byval = et == NULL || et->byval;
	bool		hasnull = false;
	size_t		bitmap = 0;
	size_t		size = ARR_HDR;
	ArrHeader	h;
	Varlena    *v;
	char	   *p;

	for (int i = 0; i < n; i++)
		if (nulls != NULL && nulls[i])
			hasnull = true;
	if (hasnull)
		bitmap = pad8(((size_t) n + 7) / 8);
	size += bitmap;
	for (int i = 0; i < n; i++)
	{
		if (nulls != NULL && nulls[i])
			continue;
		size += byval ? 8 : pad8(VARSIZE_TOTAL(DatumGetVarlena(values[i])));
	}
	v = varlena_new(a, size);
	memset(v->data, 0, size);
	h.ndim = n > 0 ? 1 : 0;
	h.flags = hasnull ? ARR_FLAG_HASNULL : 0;
	h.elemtype = elemtype;
	h.nelems = n;
	h.lbound = n > 0 ? lbound : 1;
	h.pad = 0;
	memcpy(v->data, &h, sizeof(h));
	p = v->data + ARR_HDR;
	if (hasnull)
		for (int i = 0; i < n; i++)
			if (nulls[i])
				p[i / 8] = (char) (p[i / 8] | (1 << (i % 8)));
	p += bitmap;
	for (int i = 0; i < n; i++)
	{
		if (nulls != NULL && nulls[i])
			continue;
		if (byval)
		{
			memcpy(p, &values[i], sizeof(Datum));
			p += 8;
		}
		else
		{
			size_t		len = VARSIZE_TOTAL(DatumGetVarlena(values[i]));

			memcpy(p, DatumGetVarlena(values[i]), len);
			p += pad8(len);
		}
	}
	return PointerGetDatum(v);
}

void
array_deconstruct(Arena *a, Datum array, Oid *elemtype, int *n, Datum **values, bool **nulls, int *lbound)
{
	ArrHeader	h = arr_header(array);
	const MgType *et = type_by_oid(h.elemtype);
	bool		byval = et == NULL || et->byval;
	const char *base = DatumGetVarlena(array)->data;
	const char *bitmap = (h.flags & ARR_FLAG_HASNULL) ? base + ARR_HDR : NULL;
	const char *p = base + ARR_HDR + (bitmap ? pad8(((size_t) h.nelems + 7) / 8) : 0);
	Datum	   *vals = arena_alloc0(a, sizeof(Datum) * (size_t) (h.nelems + 1));
	bool	   *nls = arena_alloc0(a, sizeof(bool) * (size_t) (h.nelems + 1));

	for (int i = 0; i < h.nelems; i++)
	{
		if (bitmap != NULL && (bitmap[i / 8] & (1 << (i % 8))))
		{
			nls[i] = true;
			continue;
		}
		if (byval)
		{
			memcpy(&vals[i], p, sizeof(Datum));
			p += 8;
		}
		else
		{
			uint32_t	len;

			memcpy(&len, p, sizeof(len));
			vals[i] = PointerGetDatum(p);
			p += pad8(VARLENA_HDRSZ + len);
		}
	}
	if (elemtype)
		*elemtype = h.elemtype;
	if (n)
		*n = h.nelems;
	if (values)
		*values = vals;
	if (nulls)
		*nulls = nls;
	if (lbound)
		*lbound = h.lbound;
}

int
array_length(Datum array)
{
	return arr_header(array).nelems;
}

Oid
array_elemtype(Datum array)
{
	return arr_header(array).elemtype;
}

/* ---- text input ---- */

static int
malformed(EvalCtx *ctx, const char *str, size_t len, const char *detail)
{
	mg_error(ctx->err, SQLSTATE_INVALID_TEXT_REPRESENTATION, "malformed array literal: \"%.*s\"",
			 (int) len, str);
	mg_error_detail(ctx->err, "%s", detail);
	return -1;
}

static bool
arr_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Parses "[lb:ub]=" into lb and ub; returns the position after '=' or NULL with the error set. */
static const char *
parse_dims(EvalCtx *ctx, const char *str, size_t len, const char *p, const char *end, int *lb, int *ub)
{
	long		v[2];

	p++;						/* '[' */
	for (int k = 0; k < 2; k++)
	{
		char	   *e;
		char		buf[32];
		size_t		n = 0;

		while (p < end && arr_isspace(*p))
			p++;
		while (p + n < end && n < sizeof(buf) - 1 && (isdigit((unsigned char) p[n]) || (n == 0 && (p[n] == '-' || p[n] == '+'))))
			n++;
		memcpy(buf, p, n);
		buf[n] = '\0';
		v[k] = strtol(buf, &e, 10);
		if (n == 0 || *e != '\0')
		{
			malformed(ctx, str, len, k == 0 ? "\"[\" must introduce explicitly-specified array dimensions." :
					  "Missing array dimension value.");
			return NULL;
		}
		p += n;
		while (p < end && arr_isspace(*p))
			p++;
		if (k == 0)
		{
			if (p >= end || *p != ':')
			{
				/* "[n]" alone means 1..n */
				if (p < end && *p == ']')
				{
					v[1] = v[0];
					v[0] = 1;
					break;
				}
				malformed(ctx, str, len, "Missing \":\" in array dimensions.");	/* not PostgreSQL's exact case */
				return NULL;
			}
			p++;
		}
	}
	if (p >= end || *p != ']')
	{
		malformed(ctx, str, len, "Missing \"]\" in array dimensions.");
		return NULL;
	}
	p++;
	while (p < end && arr_isspace(*p))
		p++;
	if (p < end && *p == '[')
	{
		mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported");
		return NULL;
	}
	if (p >= end || *p != '=')
	{
		malformed(ctx, str, len, "Missing \"=\" after array dimensions.");
		return NULL;
	}
	p++;
	if (v[1] < v[0] - 1)
	{
		mg_error(ctx->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				 "upper bound cannot be less than lower bound");
		return NULL;
	}
	*lb = (int) v[0];
	*ub = (int) v[1];
	return p;
}

static int
array_in_elem(EvalCtx *ctx, Oid elemtype, const char *str, size_t len, int32_t typmod, Datum *out)
{
	const MgType *et = type_by_oid(elemtype);
	const char *p = str;
	const char *end = str + len;
	int			lb = 1, ub = 0;
	bool		have_dims = false;
	int			cap = 8, n = 0;
	Datum	   *values;
	bool	   *nulls;
	StrBuf		elem;

	if (et == NULL || et->input == NULL)
		return type_input(ctx, elemtype, typmod, str, len, out);	/* reports the error */
	while (p < end && arr_isspace(*p))
		p++;
	if (p < end && *p == '[')
	{
		p = parse_dims(ctx, str, len, p, end, &lb, &ub);
		if (p == NULL)
			return -1;
		have_dims = true;
		while (p < end && arr_isspace(*p))
			p++;
	}
	if (p >= end || *p != '{')
		return malformed(ctx, str, len, "Array value must start with \"{\" or dimension information.");
	p++;
	values = arena_alloc(ctx->arena, sizeof(Datum) * (size_t) cap);
	nulls = arena_alloc(ctx->arena, sizeof(bool) * (size_t) cap);
	strbuf_init_arena(&elem, ctx->arena);

	while (p < end && arr_isspace(*p))
		p++;
	if (p < end && *p == '}')
		p++;					/* empty array */
	else
	{
		for (;;)
		{
			bool		quoted = false;
			bool		escaped_any = false;
			size_t		lastsig = 0;	/* length up to the last non-blank or escaped char */

			while (p < end && arr_isspace(*p))
				p++;
			if (p >= end)
				return malformed(ctx, str, len, "Unexpected end of input.");
			if (*p == '{')
			{
				if (n > 0)
					return malformed(ctx, str, len, "Unexpected \"{\" character.");
				mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported");
				return -1;
			}
			if (*p == ',' || *p == '}')
				return malformed(ctx, str, len, *p == ',' ? "Unexpected \",\" character." :
								 "Unexpected \"}\" character.");
			strbuf_reset(&elem);
			if (*p == '"')
			{
				quoted = true;
				p++;
				for (;;)
				{
					if (p >= end)
						return malformed(ctx, str, len, "Unexpected end of input.");
					if (*p == '\\')
					{
						if (p + 1 >= end)
							return malformed(ctx, str, len, "Unexpected end of input.");
						strbuf_putc(&elem, p[1]);
						p += 2;
					}
					else if (*p == '"')
					{
						p++;
						break;
					}
					else
						strbuf_putc(&elem, *p++);
				}
				while (p < end && arr_isspace(*p))
					p++;
			}
			else
			{
				while (p < end && *p != ',' && *p != '}')
				{
					if (*p == '"' || *p == '{')
						return malformed(ctx, str, len, *p == '"' ? "Unexpected array element." :
										 "Unexpected \"{\" character.");
					if (*p == '\\')
					{
						if (p + 1 >= end)
							return malformed(ctx, str, len, "Unexpected end of input.");
						strbuf_putc(&elem, p[1]);
						escaped_any = true;
						lastsig = elem.len;
						p += 2;
						continue;
					}
					strbuf_putc(&elem, *p);
					if (!arr_isspace(*p))
						lastsig = elem.len;
					p++;
				}
				/* trailing unquoted blanks are not part of the element */
				elem.len = lastsig;
				elem.data[elem.len] = '\0';
			}
			if (p >= end)
				return malformed(ctx, str, len, "Unexpected end of input.");
			if (*p != ',' && *p != '}')
				return malformed(ctx, str, len, "Unexpected array element.");
			if (n == cap)
			{
				values = arena_realloc(ctx->arena, values, sizeof(Datum) * (size_t) cap, sizeof(Datum) * (size_t) cap * 2);
				nulls = arena_realloc(ctx->arena, nulls, sizeof(bool) * (size_t) cap, sizeof(bool) * (size_t) cap * 2);
				cap *= 2;
			}
			if (!quoted && !escaped_any && elem.len == 4 && strncasecmp(elem.data, "NULL", 4) == 0)
			{
				nulls[n] = true;
				values[n] = 0;
			}
			else
			{
				char	   *copy = arena_strndup(ctx->arena, elem.data, elem.len);

				nulls[n] = false;
				if (et->input(ctx, copy, elem.len, typmod, &values[n]) < 0)
					return -1;
			}
			n++;
			if (*p++ == '}')
				break;
		}
	}
	while (p < end && arr_isspace(*p))
		p++;
	if (p != end)
		return malformed(ctx, str, len, "Junk after closing right brace.");
	if (have_dims && ub - lb + 1 != n)
		return malformed(ctx, str, len, "Specified array dimensions do not match array contents.");
	*out = array_construct(ctx->arena, elemtype, n, values, nulls, lb);
	return 0;
}

/* ---- text output ---- */

static int
array_out(EvalCtx *ctx, Datum a, int32_t typmod, StrBuf *out)
{
	Oid			elemtype;
	int			n, lb;
	Datum	   *values;
	bool	   *nulls;
	StrBuf		elem;

	array_deconstruct(ctx->arena, a, &elemtype, &n, &values, &nulls, &lb);
	if (n > 0 && lb != 1)
		strbuf_printf(out, "[%d:%d]=", lb, lb + n - 1);
	strbuf_putc(out, '{');
	strbuf_init_arena(&elem, ctx->arena);
	for (int i = 0; i < n; i++)
	{
		bool		quote;

		if (i > 0)
			strbuf_putc(out, ',');
		if (nulls[i])
		{
			strbuf_puts(out, "NULL");
			continue;
		}
		strbuf_reset(&elem);
		if (type_output(ctx, elemtype, typmod, values[i], &elem) < 0)
			return -1;
		quote = elem.len == 0 || (elem.len == 4 && strncasecmp(elem.data, "NULL", 4) == 0);
		for (size_t k = 0; k < elem.len && !quote; k++)
		{
			char		c = elem.data[k];

			if (c == '"' || c == '\\' || c == '{' || c == '}' || c == ',' || arr_isspace(c))
				quote = true;
		}
		if (!quote)
		{
			strbuf_append(out, elem.data, elem.len);
			continue;
		}
		strbuf_putc(out, '"');
		for (size_t k = 0; k < elem.len; k++)
		{
			if (elem.data[k] == '"' || elem.data[k] == '\\')
				strbuf_putc(out, '\\');
			strbuf_putc(out, elem.data[k]);
		}
		strbuf_putc(out, '"');
	}
	strbuf_putc(out, '}');
	return 0;
}

/* ---- binary I/O ---- */

static int
array_send(EvalCtx *ctx, Datum a, int32_t typmod, StrBuf *out)
{
	Oid			elemtype;
	int			n, lb;
	Datum	   *values;
	bool	   *nulls;
	bool		hasnull = (arr_header(a).flags & ARR_FLAG_HASNULL) != 0;

	array_deconstruct(ctx->arena, a, &elemtype, &n, &values, &nulls, &lb);
	put_be32(out, n > 0 ? 1 : 0);
	put_be32(out, hasnull ? 1 : 0);
	put_be32(out, elemtype);
	if (n > 0)
	{
		put_be32(out, (uint32_t) n);
		put_be32(out, (uint32_t) lb);
	}
	for (int i = 0; i < n; i++)
	{
		size_t		lenpos;
		uint32_t	elen;

		if (nulls[i])
		{
			put_be32(out, UINT32_MAX);
			continue;
		}
		lenpos = out->len;
		put_be32(out, 0);
		if (type_send(ctx, elemtype, typmod, values[i], out) < 0)
			return -1;
		elen = (uint32_t) (out->len - lenpos - 4);
		out->data[lenpos] = (char) (elen >> 24);
		out->data[lenpos + 1] = (char) (elen >> 16);
		out->data[lenpos + 2] = (char) (elen >> 8);
		out->data[lenpos + 3] = (char) elen;
	}
	return 0;
}

static int
array_recv_elem(EvalCtx *ctx, Oid elemtype, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	int32_t		ndim, flags;
	Oid			etype;
	int32_t		n = 0, lb = 1;
	size_t		pos = 12;
	Datum	   *values;
	bool	   *nulls;

	if (len < 12)
		goto insufficient;
	ndim = (int32_t) get_be32(buf);
	flags = (int32_t) get_be32(buf + 4);
	etype = get_be32(buf + 8);
	if (ndim < 0 || ndim > 6)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION, "invalid number of dimensions: %d", ndim);
		return -1;
	}
	if (ndim > 1)
	{
		mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported");
		return -1;
	}
	if (flags != 0 && flags != 1)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION, "invalid array flags");
		return -1;
	}
	if (etype != elemtype)
	{
		StrBuf		a, b;

		strbuf_init(&a);
		strbuf_init(&b);
		type_format(etype, -1, &a);
		type_format(elemtype, -1, &b);
		mg_error(ctx->err, SQLSTATE_DATATYPE_MISMATCH,
				 "binary data has array element type %u (%s) instead of expected %u (%s)",
				 etype, a.data, elemtype, b.data);
		strbuf_free(&a);
		strbuf_free(&b);
		return -1;
	}
	if (ndim == 1)
	{
		if (len < 20)
			goto insufficient;
		n = (int32_t) get_be32(buf + 12);
		lb = (int32_t) get_be32(buf + 16);
		pos = 20;
		if (n < 0 || (size_t) n > len)
		{
			mg_error(ctx->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "array size exceeds the maximum allowed");
			return -1;
		}
	}
	values = arena_alloc0(ctx->arena, sizeof(Datum) * (size_t) (n + 1));
	nulls = arena_alloc0(ctx->arena, sizeof(bool) * (size_t) (n + 1));
	for (int i = 0; i < n; i++)
	{
		int32_t		elen;

		if (len - pos < 4)
			goto insufficient;
		elen = (int32_t) get_be32(buf + pos);
		pos += 4;
		if (elen == -1)
		{
			nulls[i] = true;
			continue;
		}
		if (elen < 0 || (size_t) elen > len - pos)
			goto insufficient;
		if (type_recv(ctx, elemtype, typmod, buf + pos, (size_t) elen, &values[i]) < 0)
			return -1;
		pos += (size_t) elen;
	}
	if (pos != len)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION, "incorrect binary data format in array element");
		return -1;
	}
	*out = array_construct(ctx->arena, elemtype, n, values, nulls, lb);
	return 0;
insufficient:
	mg_error(ctx->err, SQLSTATE_PROTOCOL_VIOLATION, "insufficient data left in message");
	return -1;
}

/* ---- typmod, comparison, hashing, keys ---- */

static int
array_modapply_elem(EvalCtx *ctx, Oid elemtype, Datum a, int32_t typmod, bool explicit_cast, Datum *out)
{
	const MgType *et = type_by_oid(elemtype);
	int			n, lb;
	Datum	   *values;
	bool	   *nulls;

	if (typmod < 0 || et == NULL || et->modapply == NULL)
	{
		*out = a;
		return 0;
	}
	array_deconstruct(ctx->arena, a, NULL, &n, &values, &nulls, &lb);
	for (int i = 0; i < n; i++)
		if (!nulls[i] && et->modapply(ctx, values[i], typmod, explicit_cast, &values[i]) < 0)
			return -1;
	*out = array_construct(ctx->arena, elemtype, n, values, nulls, lb);
	return 0;
}

/*
 * array_cmp without an arena: walks both arrays in place.  Elements, then
 * the number of elements, then the lower bound.
 */
typedef struct ArrIter {
	ArrHeader	h;
	const MgType *et;
	const char *bitmap;
	const char *p;
	int			i;
} ArrIter;

static void
iter_init(ArrIter *it, Datum a)
{
	const char *base = DatumGetVarlena(a)->data;

	it->h = arr_header(a);
	it->et = type_by_oid(it->h.elemtype);
	it->bitmap = (it->h.flags & ARR_FLAG_HASNULL) ? base + ARR_HDR : NULL;
	it->p = base + ARR_HDR + (it->bitmap ? pad8(((size_t) it->h.nelems + 7) / 8) : 0);
	it->i = 0;
}

/* Next element; false at the end. */
static bool
iter_next(ArrIter *it, Datum *v, bool *isnull)
{
	if (it->i >= it->h.nelems)
		return false;
	if (it->bitmap != NULL && (it->bitmap[it->i / 8] & (1 << (it->i % 8))))
	{
		*isnull = true;
		*v = 0;
	}
	else
	{
		*isnull = false;
		if (it->et == NULL || it->et->byval)
		{
			memcpy(v, it->p, sizeof(Datum));
			it->p += 8;
		}
		else
		{
			uint32_t	len;

			memcpy(&len, it->p, sizeof(len));
			*v = PointerGetDatum(it->p);
			it->p += pad8(VARLENA_HDRSZ + len);
		}
	}
	it->i++;
	return true;
}

static int
array_cmp(Datum a, Datum b)
{
	ArrIter		ia, ib;
	Datum		va = 0, vb = 0;
	bool		na = false, nb = false;

	iter_init(&ia, a);
	iter_init(&ib, b);
	for (;;)
	{
		bool		ha = iter_next(&ia, &va, &na);
		bool		hb = iter_next(&ib, &vb, &nb);
		int			c;

		if (!ha || !hb)
		{
			if (ha != hb)
				return ha ? 1 : -1;
			break;
		}
		if (na || nb)
		{
			if (na != nb)
				return na ? 1 : -1;
			continue;
		}
		if (ia.et == NULL || ia.et->cmp == NULL)
			continue;
		c = ia.et->cmp(va, vb);
		if (c != 0)
			return c > 0 ? 1 : -1;
	}
	return (ia.h.lbound > ib.h.lbound) - (ia.h.lbound < ib.h.lbound);
}

static uint64_t
array_hash(Datum a)
{
	ArrIter		it;
	Datum		v;
	bool		isnull;
	uint64_t	h = 0x9e3779b97f4a7c15ULL;

	iter_init(&it, a);
	while (iter_next(&it, &v, &isnull))
	{
		uint64_t	eh = 0;

		if (!isnull && it.et != NULL && it.et->hash != NULL)
			eh = it.et->hash(v);
		h = (h * 31) ^ eh;
	}
	return h;
}

static void
array_key(Datum a, StrBuf *out)
{
	ArrIter		it;
	Datum		v;
	bool		isnull;

	iter_init(&it, a);
	while (iter_next(&it, &v, &isnull))
	{
		if (isnull)
		{
			strbuf_putc(out, 0x02);
			continue;
		}
		strbuf_putc(out, 0x01);
		if (it.et != NULL && it.et->key_encode != NULL)
			it.et->key_encode(v, out);
	}
	strbuf_putc(out, 0x00);
	put_be32(out, (uint32_t) it.h.lbound ^ 0x80000000u);
}

/* ---- casts between array types ---- */

int
array_coerce(EvalCtx *ctx, Datum value, Oid src_elem, int32_t src_typmod,
			 Oid dst_array, Oid dst_elem, int32_t dst_typmod, bool explicit_cast, Datum *out)
{
	int			n, lb;
	Datum	   *values;
	bool	   *nulls;

	(void) dst_array;
	array_deconstruct(ctx->arena, value, NULL, &n, &values, &nulls, &lb);
	for (int i = 0; i < n; i++)
		if (!nulls[i] && cast_apply(ctx, src_elem, src_typmod, dst_elem, dst_typmod, explicit_cast,
									values[i], &values[i]) < 0)
			return -1;
	*out = array_construct(ctx->arena, dst_elem, n, values, nulls, lb);
	return 0;
}

/* ---- int2vector and oidvector ---- */

/*
 * PostgreSQL's catalog vectors (pg_index.indkey, pg_proc.proargtypes):
 * arrays of int2/oid with space-separated text I/O and array binary I/O.
 */
static int
vector_in(EvalCtx *ctx, Oid elemtype, const char *str, size_t len, Datum *out)
{
	const MgType *et = type_by_oid(elemtype);
	int			cap = 8, n = 0;
	Datum	   *values = arena_alloc(ctx->arena, sizeof(Datum) * (size_t) cap);
	size_t		i = 0;

	for (;;)
	{
		size_t		start;

		while (i < len && str[i] == ' ')
			i++;
		if (i >= len)
			break;
		start = i;
		while (i < len && str[i] != ' ')
			i++;
		if (n == cap)
		{
			values = arena_realloc(ctx->arena, values, sizeof(Datum) * (size_t) cap, sizeof(Datum) * (size_t) cap * 2);
			cap *= 2;
		}
		if (et->input(ctx, str + start, i - start, -1, &values[n]) < 0)
			return -1;
		n++;
	}
	*out = array_construct(ctx->arena, elemtype, n, values, NULL, 0);
	return 0;
}

static int
vector_out(EvalCtx *ctx, Datum a, int32_t typmod, StrBuf *out)
{
	Oid			elemtype;
	int			n;
	Datum	   *values;

	(void) typmod;
	array_deconstruct(ctx->arena, a, &elemtype, &n, &values, NULL, NULL);
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			strbuf_putc(out, ' ');
		if (type_output(ctx, elemtype, -1, values[i], out) < 0)
			return -1;
	}
	return 0;
}

static int
int2vector_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	return vector_in(ctx, INT2OID, str, len, out);
}

static int
oidvector_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	(void) typmod;
	return vector_in(ctx, OIDOID, str, len, out);
}

static int
int2vector_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	return array_recv_elem(ctx, INT2OID, buf, len, typmod, out);
}

static int
oidvector_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	return array_recv_elem(ctx, OIDOID, buf, len, typmod, out);
}

static const MgType int2vector_type = {
	.oid = INT2VECTOROID, .name = "int2vector", .sql_name = "int2vector", .typlen = -1,
	.category = 'A', .align = 'i', .elem = INT2OID, .array = INT2VECTORARRAYOID,
	.input = int2vector_in, .output = vector_out, .recv = int2vector_recv, .send = array_send,
	.cmp = array_cmp, .hash = array_hash, .key_encode = array_key,
};
static const MgType oidvector_type = {
	.oid = OIDVECTOROID, .name = "oidvector", .sql_name = "oidvector", .typlen = -1,
	.category = 'A', .align = 'i', .elem = OIDOID, .array = OIDVECTORARRAYOID,
	.input = oidvector_in, .output = vector_out, .recv = oidvector_recv, .send = array_send,
	.cmp = array_cmp, .hash = array_hash, .key_encode = array_key,
};

/* ---- the array types ---- */

#define ARRAY_TYPE(tname, sqlname, arrayoid, elemoid) \
static int \
tname##_arr_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out) \
{ \
	return array_in_elem(ctx, elemoid, str, len, typmod, out); \
} \
static int \
tname##_arr_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out) \
{ \
	return array_recv_elem(ctx, elemoid, buf, len, typmod, out); \
} \
static int \
tname##_arr_modapply(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out) \
{ \
	return array_modapply_elem(ctx, elemoid, v, typmod, explicit_cast, out); \
} \
static const MgType tname##_array_type = { \
	.oid = arrayoid, .name = "_" #tname, .sql_name = sqlname "[]", .typlen = -1, .byval = false, \
	.category = 'A', .align = 'd', .elem = elemoid, \
	.input = tname##_arr_in, .output = array_out, .recv = tname##_arr_recv, .send = array_send, \
	.cmp = array_cmp, .hash = array_hash, .key_encode = array_key, \
	.modapply = tname##_arr_modapply, \
};

ARRAY_TYPE(bool, "boolean", BOOLARRAYOID, BOOLOID)
ARRAY_TYPE(bytea, "bytea", BYTEAARRAYOID, BYTEAOID)
ARRAY_TYPE(char, "\"char\"", CHARARRAYOID, CHAROID)
ARRAY_TYPE(name, "name", NAMEARRAYOID, NAMEOID)
ARRAY_TYPE(int2, "smallint", INT2ARRAYOID, INT2OID)
ARRAY_TYPE(int4, "integer", INT4ARRAYOID, INT4OID)
ARRAY_TYPE(text, "text", TEXTARRAYOID, TEXTOID)
ARRAY_TYPE(oid, "oid", OIDARRAYOID, OIDOID)
ARRAY_TYPE(bpchar, "character", BPCHARARRAYOID, BPCHAROID)
ARRAY_TYPE(varchar, "character varying", VARCHARARRAYOID, VARCHAROID)
ARRAY_TYPE(int8, "bigint", INT8ARRAYOID, INT8OID)
ARRAY_TYPE(float4, "real", FLOAT4ARRAYOID, FLOAT4OID)
ARRAY_TYPE(float8, "double precision", FLOAT8ARRAYOID, FLOAT8OID)
ARRAY_TYPE(timestamp, "timestamp without time zone", TIMESTAMPARRAYOID, TIMESTAMPOID)
ARRAY_TYPE(date, "date", DATEARRAYOID, DATEOID)
ARRAY_TYPE(time, "time without time zone", TIMEARRAYOID, TIMEOID)
ARRAY_TYPE(timestamptz, "timestamp with time zone", TIMESTAMPTZARRAYOID, TIMESTAMPTZOID)
ARRAY_TYPE(interval, "interval", INTERVALARRAYOID, INTERVALOID)
ARRAY_TYPE(numeric, "numeric", NUMERICARRAYOID, NUMERICOID)
ARRAY_TYPE(uuid, "uuid", UUIDARRAYOID, UUIDOID)
ARRAY_TYPE(json, "json", JSONARRAYOID, JSONOID)
ARRAY_TYPE(jsonb, "jsonb", JSONBARRAYOID, JSONBOID)
ARRAY_TYPE(regclass, "regclass", REGCLASSARRAYOID, REGCLASSOID)
ARRAY_TYPE(regtype, "regtype", REGTYPEARRAYOID, REGTYPEOID)
ARRAY_TYPE(timetz, "time with time zone", TIMETZARRAYOID, TIMETZOID)
ARRAY_TYPE(int2vector, "int2vector", INT2VECTORARRAYOID, INT2VECTOROID)
ARRAY_TYPE(oidvector, "oidvector", OIDVECTORARRAYOID, OIDVECTOROID)
ARRAY_TYPE(bit, "bit", BITARRAYOID, BITOID)
ARRAY_TYPE(varbit, "bit varying", VARBITARRAYOID, VARBITOID)

static const MgType *const array_types[] = {
	&bool_array_type, &bytea_array_type, &char_array_type, &name_array_type, &int2_array_type,
	&int4_array_type, &text_array_type, &oid_array_type, &bpchar_array_type, &varchar_array_type,
	&int8_array_type, &float4_array_type, &float8_array_type, &timestamp_array_type,
	&date_array_type, &time_array_type, &timestamptz_array_type, &interval_array_type,
	&numeric_array_type, &uuid_array_type, &json_array_type, &jsonb_array_type,
	&regclass_array_type, &regtype_array_type, &timetz_array_type, &int2vector_array_type, &oidvector_array_type,
	&bit_array_type, &varbit_array_type,
};

/*
 * Registers the array type of every registered element type that does not
 * have one yet; types_init() calls it after all modules registered theirs.
 */
void
register_array_types(void)
{
	if (type_by_oid(INT2VECTOROID) == NULL)
		type_register(&int2vector_type);
	if (type_by_oid(OIDVECTOROID) == NULL)
		type_register(&oidvector_type);
	for (size_t i = 0; i < sizeof(array_types) / sizeof(array_types[0]); i++)
	{
		const MgType *t = array_types[i];

		if (type_by_oid(t->elem) != NULL && type_by_oid(t->oid) == NULL)
			type_register(t);
	}
}
