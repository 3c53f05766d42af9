/*
 * numeric_int.h — the numeric type's internals, shared by numeric.c (the
 * representation, I/O and arithmetic), numeric_trans.c (sqrt, exp, ln,
 * log, power) and numeric_accum.c (sum/avg accumulators).  Not a contract
 * for other subsystems: they use <memgres/numeric.h>.
 *
 * A NumericVar is PostgreSQL's working form: base-10000 digits (weight is
 * the NBASE exponent of digits[0]), a sign and a display scale; its digits
 * live in an arena.  The packed form (the Varlena's data, native-endian,
 * unaligned) is: uint16 sign, int16 weight, uint16 dscale, int16 digits[].
 */
#ifndef MEMGRES_SQL_TYPES_NUMERIC_INT_H
#define MEMGRES_SQL_TYPES_NUMERIC_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <memgres/numeric.h>
#include <memgres/types.h>

#define NBASE		10000
#define HALF_NBASE	5000
#define DEC_DIGITS	4

#define NUMERIC_POS		0x0000
#define NUMERIC_NEG		0x4000
#define NUMERIC_NAN		0xC000
#define NUMERIC_PINF	0xD000
#define NUMERIC_NINF	0xF000

#define NUMERIC_WEIGHT_MAX	32767
#define NUMERIC_DSCALE_MAX	0x3FFF
#define NUMERIC_MAX_RESULT_SCALE (NUMERIC_MAX_PRECISION * 2)

#define NUM_HDR 6

typedef int16_t NumericDigit;

typedef struct NumericVar {
	int			ndigits;
	int			weight;			/* weight of digits[0] in NBASE powers */
	int			sign;
	int			dscale;
	NumericDigit *buf;			/* start of the allocation (spare digit) */
	NumericDigit *digits;
} NumericVar;

/* Reading the packed form. */
static inline uint16_t
pk_sign(Datum d)
{
	uint16_t	s;

	memcpy(&s, DatumGetVarlena(d)->data, 2);
	return s;
}

static inline int
pk_weight(Datum d)
{
	int16_t		w;

	memcpy(&w, DatumGetVarlena(d)->data + 2, 2);
	return w;
}

static inline int
pk_dscale(Datum d)
{
	uint16_t	s;

	memcpy(&s, DatumGetVarlena(d)->data + 4, 2);
	return s;
}

static inline int
pk_ndigits(Datum d)
{
	return (int) ((DatumGetVarlena(d)->len - NUM_HDR) / 2);
}

static inline NumericDigit
pk_digit(Datum d, int i)
{
	NumericDigit v;

	memcpy(&v, DatumGetVarlena(d)->data + NUM_HDR + 2 * i, 2);
	return v;
}

static inline bool
pk_special(Datum d)
{
	return (pk_sign(d) & 0x8000) != 0;
}


/* NumericVar operations (numeric_var.c; nv_from_str in numeric.c).  Results are allocated in the given arena. */
/* digits for ndigits digits plus one spare leading digit, in a */
void		nv_alloc(Arena *a, NumericVar *v, int ndigits);
void		nv_zero(NumericVar *v);
/* unpacks a finite or special packed value (digits copied into a) */
void		nv_from_num(Arena *a, Datum d, NumericVar *v);
void		nv_copy(Arena *a, const NumericVar *src, NumericVar *dst);
void		nv_from_int64(Arena *a, int64_t val, NumericVar *v);
/* drops leading/trailing zero digits; zero becomes positive */
void		nv_strip(NumericVar *v);
/* 22003 "value overflows numeric format"; returns -1 */
int			nv_overflow_error(EvalCtx *ctx);
/* NaN, +Infinity or -Infinity */
Datum		nv_make_special(Arena *a, uint16_t sign);
/* packs (and strips) var; 22003 when it does not fit the format */
int			nv_make_result(EvalCtx *ctx, NumericVar *var, Datum *out);
/* rounds half away from zero to rscale digits after the point (may carry into the spare digit) */
void		nv_round(NumericVar *var, int rscale);
void		nv_trunc(NumericVar *var, int rscale);
int			nv_cmp_abs(const NumericVar *a, const NumericVar *b);
int			nv_cmp(const NumericVar *a, const NumericVar *b);
/* result scale: the larger dscale */
void		nv_add(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result);
void		nv_sub(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result);
/* exact product rounded to rscale */
void		nv_mul(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result, int rscale);
/* v2 != 0; quotient rounded (round) or truncated to rscale */
void		nv_div(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result, int rscale, bool round);
/* v1 - trunc(v1 / v2) * v2; v2 != 0 */
void		nv_mod(Arena *ar, const NumericVar *v1, const NumericVar *v2, NumericVar *result);
/* PostgreSQL's result scale for v1 / v2 */
int			nv_select_div_scale(const NumericVar *v1, const NumericVar *v2);
/* 22012 "division by zero"; returns -1 */
int			nv_div_by_zero(EvalCtx *ctx);
/* parses digits, point and exponent from cp (set_var_from_str); *endp: where parsing stopped */
int			nv_from_str(EvalCtx *ctx, const char *str, size_t len, const char *cp, const char *end, NumericVar *dest, const char **endp);
Datum		nv_nan(EvalCtx *ctx);

#endif
