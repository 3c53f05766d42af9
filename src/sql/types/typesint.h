/*
 * typesint.h — helpers shared by the files of src/sql/types/ (not a public
 * contract; other layers use <memgres/types.h> and <memgres/numeric.h>).
 */
#ifndef MEMGRES_SQL_TYPES_TYPESINT_H
#define MEMGRES_SQL_TYPES_TYPESINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <memgres/types.h>

/* PostgreSQL's VARHDRSZ, which typmods of varchar/bpchar/numeric include. */
#define TYPMOD_HDRSZ 4

/* Reports 22P02 'invalid input syntax for type NAME: "STR"'. */
int			types_syntax_error(EvalCtx *ctx, const char *tname, const char *s, size_t len);
/* Reports 22003 'value "STR" is out of range for type NAME'. */
int			types_range_error(EvalCtx *ctx, const char *tname, const char *s, size_t len);
/*
 * A binary value of len bytes where want were expected: 08P01 'insufficient
 * data left in message' when short, else 22P03 'incorrect binary data
 * format' (the protocol layer names the parameter).
 */
int			types_binary_error(EvalCtx *ctx, size_t len, size_t want);

/* Checks UTF-8 validity; reports 22021 as PostgreSQL's pg_verifymbstr. */
int			types_verify_utf8(EvalCtx *ctx, const char *s, size_t len);
/* Number of UTF-8 characters in s[0..len). */
size_t		types_utf8_len(const char *s, size_t len);
/* Byte length of the first nchars characters of s[0..len). */
size_t		types_utf8_prefix(const char *s, size_t len, size_t nchars);

/* Big-endian helpers for send/recv and key encodings. */
static inline void
put_be16(StrBuf *out, uint16_t v)
{
	unsigned char b[2] = {(unsigned char) (v >> 8), (unsigned char) v};

	strbuf_append(out, b, 2);
}
static inline void
put_be32(StrBuf *out, uint32_t v)
{
	unsigned char b[4] = {(unsigned char) (v >> 24), (unsigned char) (v >> 16),
	(unsigned char) (v >> 8), (unsigned char) v};

	strbuf_append(out, b, 4);
}
static inline void
put_be64(StrBuf *out, uint64_t v)
{
	put_be32(out, (uint32_t) (v >> 32));
	put_be32(out, (uint32_t) v);
}
static inline uint16_t
get_be16(const char *p)
{
	const unsigned char *b = (const unsigned char *) p;

	return (uint16_t) ((b[0] << 8) | b[1]);
}
static inline uint32_t
get_be32(const char *p)
{
	const unsigned char *b = (const unsigned char *) p;

	return ((uint32_t) b[0] << 24) | ((uint32_t) b[1] << 16) | ((uint32_t) b[2] << 8) | b[3];
}
static inline uint64_t
get_be64(const char *p)
{
	return ((uint64_t) get_be32(p) << 32) | get_be32(p + 4);
}

/* Key encoding of a byte string: 0x00 escaped as 0x00 0xFF, ended by 0x00 0x00. */
void		types_key_bytes(const char *s, size_t len, StrBuf *out);
/* FNV-1a style 64-bit hash of bytes (stable across runs). */
uint64_t	types_hash_bytes(const void *p, size_t len);

/* float.c: float8out/float4out of C values; float8_cmp_internal. */
void		types_float8_out(const GucSession *gucs, double v, StrBuf *out);
void		types_float4_out(const GucSession *gucs, float v, StrBuf *out);
int			types_float8_cmp(double a, double b);

/* text.c: a string of bytes to text/varchar/bpchar/name with dst's length rules. */
int			types_string_coerce(EvalCtx *ctx, Oid dst, const char *s, size_t len, int32_t typmod,
								bool explicit_cast, Datum *out);

/* int.c: oidin, shared with regclass. */
int			types_oid_in(EvalCtx *ctx, const char *str, size_t len, Datum *out);

/* cast.c / numeric.c: the cast tables. */
void		types_register_scalar_casts(void);
void		types_register_numeric_casts(void);
void		types_register_misc_casts(void);

/* array.c: the array types of registered element types; casts between array types. */
void		register_array_types(void);
int			array_coerce(EvalCtx *ctx, Datum value, Oid src_elem, int32_t src_typmod,
						 Oid dst_array, Oid dst_elem, int32_t dst_typmod, bool explicit_cast, Datum *out);

/* The static type descriptors, registered by core.c. */
extern const MgType mg_type_bool, mg_type_int2, mg_type_int4, mg_type_int8, mg_type_oid,
			mg_type_char, mg_type_float4, mg_type_float8, mg_type_text, mg_type_varchar,
			mg_type_bpchar, mg_type_name, mg_type_unknown, mg_type_void, mg_type_bytea,
			mg_type_numeric, mg_type_uuid, mg_type_regclass, mg_type_regtype, mg_type_record,
			mg_type_any, mg_type_anyelement, mg_type_anynonarray, mg_type_trigger, mg_type_anyarray,
			mg_type_cstring;

#endif
