/*
 * bits.h — the value layout of bit(n) and bit varying(n), shared by the
 * type (src/sql/types/bit.c) and its functions (src/sql/func/bitfuncs.c).
 * Not a contract for other subsystems: they go through <memgres/types.h>.
 *
 * A bit string is a Varlena whose data[] holds the length in bits as a
 * native int32, then (bitlen + 7) / 8 bytes, the first bit in the high bit
 * of the first byte.  The unused low bits of the last byte (the pad) are
 * always zero, so equal strings are equal byte for byte, as PostgreSQL's
 * VarBit.  bit and varbit share the layout; only their typmod rules differ.
 *
 * Memory: bits_new() allocates in the given arena, zero-filled; every other
 * helper reads only.  Pure and thread-safe.
 */
#ifndef MEMGRES_SQL_TYPES_BITS_H
#define MEMGRES_SQL_TYPES_BITS_H

#include <stdint.h>
#include <string.h>

#include <memgres/arena.h>
#include <memgres/datum.h>

/* PostgreSQL's VARBITMAXLEN: the longest bit string a value may hold. */
#define BITS_MAXLEN (INT32_MAX - 7)
/* The largest typmod bit(n)/varbit(n) accept: MaxAttrSize * 8. */
#define BITS_MAX_TYPMOD 83886080
#define BITS_HDRSZ ((size_t) sizeof(int32_t))

static inline size_t
bits_bytes_for(int32_t bitlen)
{
	return ((size_t) bitlen + 7) / 8;
}

static inline int32_t
bits_len(Datum d)
{
	int32_t		n;

	memcpy(&n, DatumGetVarlena(d)->data, sizeof(n));
	return n;
}

static inline size_t
bits_nbytes(Datum d)
{
	return bits_bytes_for(bits_len(d));
}

static inline const unsigned char *
bits_data(Datum d)
{
	return (const unsigned char *) DatumGetVarlena(d)->data + BITS_HDRSZ;
}

/* A zero-filled bit string of bitlen bits in a; write its bytes through *data. */
static inline Datum
bits_new(Arena *a, int32_t bitlen, unsigned char **data)
{
	size_t		nbytes = bits_bytes_for(bitlen);
	Varlena    *v = arena_alloc(a, VARLENA_HDRSZ + BITS_HDRSZ + nbytes);

	v->len = (uint32_t) (BITS_HDRSZ + nbytes);
	memcpy(v->data, &bitlen, sizeof(bitlen));
	memset(v->data + BITS_HDRSZ, 0, nbytes);
	*data = (unsigned char *) v->data + BITS_HDRSZ;
	return PointerGetDatum(v);
}

/* Clears the pad bits of the last byte of a bitlen-bit string. */
static inline void
bits_clear_pad(unsigned char *data, int32_t bitlen)
{
	int			pad = (int) (bits_bytes_for(bitlen) * 8 - (size_t) bitlen);

	if (pad > 0)
		data[bits_bytes_for(bitlen) - 1] &= (unsigned char) (0xFF << pad);
}

static inline int
bits_get(const unsigned char *data, int64_t i)
{
	return (data[i / 8] >> (7 - i % 8)) & 1;
}

static inline void
bits_set(unsigned char *data, int64_t i, int bit)
{
	unsigned char m = (unsigned char) (0x80 >> (i % 8));

	if (bit)
		data[i / 8] |= m;
	else
		data[i / 8] &= (unsigned char) ~m;
}

/* PostgreSQL's bit_cmp: bytes in memcmp order over the shorter, then the bit length. */
int			bits_cmp(Datum a, Datum b);

#endif
