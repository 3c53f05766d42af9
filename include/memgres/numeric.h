/*
 * numeric.h — arbitrary-precision decimal arithmetic (the SQL numeric type)
 * as a C API, with PostgreSQL 15's semantics: base-10000 digits, a display
 * scale carried by every value, PostgreSQL's result-scale rules for each
 * operation, NaN and +/-Infinity.
 *
 * Implemented in src/sql/types/numeric.c.
 *
 * Values are Datums of type NUMERICOID: a pointer to a Varlena whose layout
 * is private to numeric.c (never inspect it; it is also the stored form).
 * Results are allocated in ctx->arena (or the given arena).  Functions that
 * can fail return 0 on success and -1 with ctx->err filled with PostgreSQL's
 * SQLSTATE and wording (22012 division by zero, 22003 value overflows
 * numeric format, 2201E cannot take logarithm of zero, 2201F for power ...).
 * Pure functions of their arguments: any thread may call them, each with its
 * own EvalCtx.
 */
#ifndef MEMGRES_NUMERIC_H
#define MEMGRES_NUMERIC_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/arena.h>
#include <memgres/datum.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

/* PostgreSQL's limits. */
#define NUMERIC_MAX_PRECISION		1000
#define NUMERIC_MAX_DISPLAY_SCALE	1000
#define NUMERIC_MIN_DISPLAY_SCALE	0
#define NUMERIC_MIN_SIG_DIGITS		16

/* typmod of numeric(p,s): ((p << 16) | (s & 0x7ff)) + 4, as PostgreSQL. */
#define NUMERIC_TYPMOD(p, s)	((int32_t) ((((p) << 16) | ((s) & 0x7ff)) + 4))

/* Constructors (never fail). */
Datum		numeric_from_int64(Arena *a, int64_t v);
/* NaN and +/-Infinity map to numeric NaN/Infinity; otherwise the value
 * rounded to DBL_DIG (15) significant digits, as PostgreSQL's float8 -> numeric. */
Datum		numeric_from_double(Arena *a, double v);
Datum		numeric_nan(Arena *a);

/* Text I/O (numeric_in / numeric_out).  typmod -1: none. */
int			numeric_from_str(EvalCtx *ctx, const char *s, size_t len, int32_t typmod, Datum *out);
void		numeric_to_str(Datum v, StrBuf *out);
/* Applies numeric(p,s): rounds to s and reports 22003 "numeric field overflow". */
int			numeric_apply_typmod(EvalCtx *ctx, Datum v, int32_t typmod, Datum *out);

/* Conversions out.  Round half away from zero; 22003 "bigint out of range" /
 * "integer out of range" / "smallint out of range", 0A000 for NaN/Infinity
 * ("cannot convert NaN to bigint", "cannot convert infinity to bigint"). */
int			numeric_to_int64(EvalCtx *ctx, Datum v, int64_t *out);
int			numeric_to_int32(EvalCtx *ctx, Datum v, int32_t *out);
int			numeric_to_int16(EvalCtx *ctx, Datum v, int16_t *out);
double		numeric_to_double(Datum v);	/* NaN, +/-Inf as such; huge -> +/-HUGE_VAL */

/* Predicates and properties. */
bool		numeric_is_nan(Datum v);
bool		numeric_is_inf(Datum v);	/* either sign */
int			numeric_sign_of(Datum v);	/* -1, 0, 1 (NaN: 0) */
int			numeric_dscale(Datum v);	/* display scale (scale()) */

/*
 * Comparison as PostgreSQL's btree order: NaN equals NaN and sorts above
 * everything, +Infinity above every finite value, -Infinity below;
 * 1.0 = 1.00 (scale is not significant).
 */
int			numeric_cmp(Datum a, Datum b);
uint64_t	numeric_hash(Datum a);	/* equal values (1.0, 1.00) hash equal */

/*
 * Arithmetic, with PostgreSQL's result scales:
 *   add/sub: max(dscale a, dscale b); mul: dscale a + dscale b;
 *   div: select_div_scale (at least 16 significant digits, at least the
 *   inputs' scales, at most 1000); mod: max of the scales; div_trunc is
 *   div() (truncated integer quotient, scale 0).
 */
int			numeric_add(EvalCtx *ctx, Datum a, Datum b, Datum *out);
int			numeric_sub(EvalCtx *ctx, Datum a, Datum b, Datum *out);
int			numeric_mul(EvalCtx *ctx, Datum a, Datum b, Datum *out);
int			numeric_div(EvalCtx *ctx, Datum a, Datum b, Datum *out);
int			numeric_div_trunc(EvalCtx *ctx, Datum a, Datum b, Datum *out);
int			numeric_mod(EvalCtx *ctx, Datum a, Datum b, Datum *out);
int			numeric_neg(EvalCtx *ctx, Datum a, Datum *out);
int			numeric_abs(EvalCtx *ctx, Datum a, Datum *out);

/* round/trunc to scale (negative scales allowed, as PostgreSQL), ceil, floor. */
int			numeric_round(EvalCtx *ctx, Datum a, int scale, Datum *out);
int			numeric_trunc(EvalCtx *ctx, Datum a, int scale, Datum *out);
int			numeric_ceil(EvalCtx *ctx, Datum a, Datum *out);
int			numeric_floor(EvalCtx *ctx, Datum a, Datum *out);

/* Transcendental functions at PostgreSQL's precision rules. */
int			numeric_sqrt(EvalCtx *ctx, Datum a, Datum *out);
int			numeric_exp(EvalCtx *ctx, Datum a, Datum *out);
int			numeric_ln(EvalCtx *ctx, Datum a, Datum *out);
int			numeric_log(EvalCtx *ctx, Datum base, Datum a, Datum *out);	/* log(b, x) */
int			numeric_log10(EvalCtx *ctx, Datum a, Datum *out);			/* log(x) */
int			numeric_power(EvalCtx *ctx, Datum a, Datum b, Datum *out);

/*
 * Aggregation helpers for sum()/avg(): an accumulator kept in an arena.
 * numeric_accum_add() adds one value (NaN and infinities handled as
 * PostgreSQL's sum); numeric_accum_sum() gives the sum (scale: the largest
 * input scale); numeric_accum_avg() gives sum / count with division's scale
 * rules.  Both give NULL (*isnull) when no value was added.
 */
typedef struct NumericAccum NumericAccum;
NumericAccum *numeric_accum_new(Arena *a);
int			numeric_accum_add(EvalCtx *ctx, NumericAccum *acc, Datum v);
int			numeric_accum_add_int64(EvalCtx *ctx, NumericAccum *acc, int64_t v);
int			numeric_accum_sum(EvalCtx *ctx, NumericAccum *acc, Datum *out, bool *isnull);
int			numeric_accum_avg(EvalCtx *ctx, NumericAccum *acc, Datum *out, bool *isnull);

#endif
