/*
 * tuple.c — the stored row format.
 *
 *   0  uint32 len        total bytes, header included
 *   4  uint16 natts      attributes stored (later-added columns read NULL)
 *   6  uint8  flags      TUP_HASNULLS
 *   7  uint8  hoff       offset of the first attribute (multiple of 4)
 *   8  null bitmap       only with TUP_HASNULLS: bit i set = attribute i NULL
 *  hoff attributes       byval: len bytes, aligned to min(len, 4);
 *                        otherwise a Varlena (4-byte len + bytes), aligned 4.
 *
 * Design notes: a tuple is stored 4-byte aligned (in a leaf or a blob), so
 * a by-reference Datum is a properly aligned Varlena pointer into it.
 * 8-byte values are only 4-aligned and are read with memcpy.  The format
 * never pads to 8, which keeps a pgbench_accounts row at 104 bytes.
 *
 * Invariants:
 *   1. st_tuple_len(t) == bytes written by st_tuple_form.
 *   2. byval 2- and 4-byte values come back sign-extended (Int16GetDatum,
 *      Int32GetDatum); callers read byval Datums through DatumGetX only.
 */
#include <string.h>

#include <memgres/sqlstate.h>

#include "stint.h"

struct StTuple {
	uint32_t	len;
	uint16_t	natts;
	uint8_t		flags;
	uint8_t		hoff;
};

#define TUP_HASNULLS 0x01
#define ST_TUPLE_MAXATTS 1600
#define TUP_MAXLEN ((size_t) 1 << 30)

static inline size_t
att_align(size_t off, const StColumn *col)
{
	size_t		a = col->byval ? (size_t) (col->len < 4 ? col->len : 4) : 4;

	return (off + a - 1) & ~(a - 1);
}

StTuple *
st_tuple_form(Arena *a, const StColumn *cols, int ncols, const Datum *values,
			  const bool *nulls, MgError *err)
{
	bool		hasnulls = false;
	size_t		hoff;
	size_t		len;
	StTuple    *t;
	char	   *base;

	if (ncols > ST_TUPLE_MAXATTS)
	{
		/* the SQL layer enforces PostgreSQL's 1600 first; this keeps hoff in a byte */
		mg_error(err, SQLSTATE_TOO_MANY_COLUMNS, "tables can have at most %d columns",
				 ST_TUPLE_MAXATTS);
		return NULL;
	}
	for (int i = 0; i < ncols; i++)
		if (nulls[i])
			hasnulls = true;
	hoff = sizeof(StTuple) + (hasnulls ? ((size_t) ncols + 7) / 8 : 0);
	hoff = (hoff + 3) & ~(size_t) 3;
	len = hoff;
	for (int i = 0; i < ncols; i++)
	{
		if (nulls[i])
			continue;
		len = att_align(len, &cols[i]);
		if (cols[i].byval)
			len += (size_t) cols[i].len;
		else
			len += VARSIZE_TOTAL(DatumGetVarlena(values[i]));
		if (len > TUP_MAXLEN)
		{
			mg_error(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					 "row is too big: size %zu, maximum size %zu", len, TUP_MAXLEN);
			return NULL;
		}
	}
	t = arena_alloc0(a, len);
	base = (char *) t;
	t->len = (uint32_t) len;
	t->natts = (uint16_t) ncols;
	t->flags = hasnulls ? TUP_HASNULLS : 0;
	t->hoff = (uint8_t) hoff;
	if (hasnulls)
		for (int i = 0; i < ncols; i++)
			if (nulls[i])
				base[sizeof(StTuple) + i / 8] |= (char) (1 << (i % 8));
	len = hoff;
	for (int i = 0; i < ncols; i++)
	{
		if (nulls[i])
			continue;
		len = att_align(len, &cols[i]);
		if (cols[i].byval)
		{
			switch (cols[i].len)
			{
				case 1:
					base[len] = (char) values[i];
					break;
				case 2:
					{
						int16_t		v = (int16_t) values[i];

						memcpy(base + len, &v, 2);
						break;
					}
				case 4:
					{
						uint32_t	v = (uint32_t) values[i];

						memcpy(base + len, &v, 4);
						break;
					}
				default:
					{
						uint64_t	v = (uint64_t) values[i];

						memcpy(base + len, &v, 8);
						break;
					}
			}
			len += (size_t) cols[i].len;
		}
		else
		{
			const Varlena *v = DatumGetVarlena(values[i]);

			memcpy(base + len, v, VARSIZE_TOTAL(v));
			len += VARSIZE_TOTAL(v);
		}
	}
	return t;
}

uint32_t
st_tuple_len(const StTuple *t)
{
	return t->len;
}

int
st_tuple_natts(const StTuple *t)
{
	return t->natts;
}

static inline bool
att_isnull(const StTuple *t, int i)
{
	const uint8_t *bits = (const uint8_t *) t + sizeof(StTuple);

	return (t->flags & TUP_HASNULLS) && (bits[i / 8] & (1 << (i % 8)));
}

static Datum
att_fetch(const char *p, const StColumn *col)
{
	if (!col->byval)
		return PointerGetDatum(p);
	switch (col->len)
	{
		case 1:
			return (Datum) (uint8_t) *p;
		case 2:
			{
				int16_t		v;

				memcpy(&v, p, 2);
				return Int16GetDatum(v);
			}
		case 4:
			{
				int32_t		v;

				memcpy(&v, p, 4);
				return Int32GetDatum(v);
			}
		default:
			{
				uint64_t	v;

				memcpy(&v, p, 8);
				return (Datum) v;
			}
	}
}

static inline size_t
att_size(const char *p, const StColumn *col)
{
	uint32_t	vlen;

	if (col->byval)
		return (size_t) col->len;
	memcpy(&vlen, p, 4);
	return VARLENA_HDRSZ + vlen;
}

void
st_tuple_deform(const StTuple *t, const StColumn *cols, int ncols, Datum *values, bool *nulls)
{
	const char *base = (const char *) t;
	size_t		off = t->hoff;

	for (int i = 0; i < ncols; i++)
	{
		if (i >= t->natts || att_isnull(t, i))
		{
			values[i] = 0;
			nulls[i] = true;
			continue;
		}
		off = att_align(off, &cols[i]);
		values[i] = att_fetch(base + off, &cols[i]);
		nulls[i] = false;
		off += att_size(base + off, &cols[i]);
	}
}

Datum
st_tuple_getattr(const StTuple *t, const StColumn *cols, int attno, bool *isnull)
{
	const char *base = (const char *) t;
	size_t		off = t->hoff;

	if (attno >= t->natts || att_isnull(t, attno))
	{
		*isnull = true;
		return 0;
	}
	for (int i = 0; i < attno; i++)
	{
		if (att_isnull(t, i))
			continue;
		off = att_align(off, &cols[i]);
		off += att_size(base + off, &cols[i]);
	}
	off = att_align(off, &cols[attno]);
	*isnull = false;
	return att_fetch(base + off, &cols[attno]);
}
