/*
 * idxkey.c — composing memcmp-comparable multi-column index keys.
 *
 * Segment per column: a marker byte (0x00 NULL-first, 0x01 value, 0x02
 * NULL-last), then for a value its key_encode bytes — escaped (0x00 ->
 * 0x00 0xFF) and terminated (0x00 0x01) unless the type's encoding has a
 * fixed length — inverted for DESC.  The marker is never inverted: it
 * already says where NULLs go.
 *
 * Invariants:
 *   1. For one column, memcmp order of segments is the column's order
 *      (ASC/DESC, NULLS FIRST/LAST).
 *   2. Segments are prefix-free, so the concatenation compares column by
 *      column.
 */
#include "stint.h"

#define KEY_NULL_FIRST	0x00
#define KEY_VALUE		0x01
#define KEY_NULL_LAST	0x02

void
idxkey_add_null(StrBuf *key, unsigned flags)
{
	strbuf_putc(key, (char) ((flags & IDXKEY_NULLS_FIRST) ? KEY_NULL_FIRST : KEY_NULL_LAST));
}

/* Escapes/terminates/inverts key->data[start..] in place (it was just appended). */
static void
finish_segment(StrBuf *key, size_t start, unsigned flags)
{
	if (!(flags & IDXKEY_FIXED))
	{
		size_t		zeros = 0;
		size_t		n = key->len - start;

		for (size_t i = 0; i < n; i++)
			if (key->data[start + i] == 0)
				zeros++;
		strbuf_reserve(key, zeros + 2);
		if (zeros > 0)
		{
			/* Walk backwards, spreading the bytes out. */
			char	   *d = key->data + start;
			size_t		w = n + zeros;

			for (size_t r = n; r-- > 0;)
			{
				if (d[r] == 0)
				{
					d[--w] = (char) 0xFF;
					d[--w] = 0;
				}
				else
					d[--w] = d[r];
			}
			key->len += zeros;
		}
		key->data[key->len++] = 0;
		key->data[key->len++] = 1;
		key->data[key->len] = '\0';
	}
	if (flags & IDXKEY_DESC)
		for (size_t i = start; i < key->len; i++)
			key->data[i] = (char) ~key->data[i];
}

void
idxkey_add_encoded(StrBuf *key, const void *enc, size_t len, unsigned flags)
{
	size_t		start;

	strbuf_putc(key, KEY_VALUE);
	start = key->len;
	strbuf_append(key, enc, len);
	finish_segment(key, start, flags);
}

void
idxkey_add(StrBuf *key, StKeyEncodeFn encode, Datum value, bool isnull, unsigned flags)
{
	size_t		start;

	if (isnull)
	{
		idxkey_add_null(key, flags);
		return;
	}
	strbuf_putc(key, KEY_VALUE);
	start = key->len;
	encode(value, key);
	finish_segment(key, start, flags);
}
