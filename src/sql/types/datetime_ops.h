/*
 * datetime_ops.h — date/time arithmetic shared by the operator and function
 * files (private to src/sql/types).  All report errors through ctx and
 * return -1; results are range-checked.
 */
#ifndef MEMGRES_SQL_TYPES_DATETIME_OPS_H
#define MEMGRES_SQL_TYPES_DATETIME_OPS_H

#include <memgres/func.h>

#include "datetime_types.h"

int			dt_error(EvalCtx *ctx, const char *msg);	/* 22008 with msg */
int			dt_date2timestamp(EvalCtx *ctx, DateADT d, Timestamp *out);
int			dt_date2timestamptz(EvalCtx *ctx, DateADT d, TimestampTz *out);
int			dt_timestamp2timestamptz_zone(EvalCtx *ctx, Timestamp ts, const TzZone *zone, TimestampTz *out);
int			dt_timestamptz2timestamp_zone(EvalCtx *ctx, TimestampTz ts, const TzZone *zone, Timestamp *out);
/* zone NULL: timestamp without time zone. */
int			dt_timestamp_pl_interval(EvalCtx *ctx, Timestamp ts, const Interval *span,
									 const TzZone *zone, Timestamp *out);
void		dt_justify_hours(Interval *r);
void		dt_justify_days(Interval *r);
void		dt_justify_interval(Interval *r);

extern const CastDef datetime_casts[];
extern const int datetime_ncasts;
extern const FuncDef datetime_op_funcs[];
extern const int datetime_n_op_funcs;
/* The zone named by a text argument, or NULL with 22023 set. */
const TzZone *dt_zone_arg(EvalCtx *ctx, Datum text);

extern const FuncDef datetime_extract_funcs[];	/* datetime_extract.c */
extern const int datetime_n_extract_funcs;
extern const FuncDef datetime_fmt_funcs[];	/* datetime_fmt.c: to_char, to_timestamp, to_date */
extern const int datetime_n_fmt_funcs;
extern const OperDef datetime_opers[];
extern const int datetime_n_opers;

#endif
