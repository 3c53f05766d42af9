/*
 * datetime_types.h — the date/time MgType entries and the small helpers
 * the date/time files share (private to src/sql/types).
 */
#ifndef MEMGRES_SQL_TYPES_DATETIME_TYPES_H
#define MEMGRES_SQL_TYPES_DATETIME_TYPES_H

#include "datetime_int.h"

extern const MgType date_type;
extern const MgType time_type;
extern const MgType timestamp_type;
extern const MgType timestamptz_type;
extern const MgType interval_type;
extern const MgType timetz_type;

#define TIMETZARRAYOID 1270
extern const CastDef timetz_casts[];
extern const int timetz_ncasts;
int			timetz_cmp_datums(Datum a, Datum b);

/* Binary helpers (big-endian int64, as PostgreSQL's pq_sendint64). */
int			dt_recv_int64(EvalCtx *ctx, const char *buf, size_t len, int64_t *v);
void		dt_send_int64(int64_t v, StrBuf *out);
int			dt_cmp_int64(Datum a, Datum b);
uint64_t	dt_hash_int64(Datum a);
void		dt_key_int64(Datum value, StrBuf *out);
void		dt_precision_modout(int32_t typmod, StrBuf *out);

/* Text encoders with the session's settings. */
void		date_encode(EvalCtx *ctx, DateADT d, StrBuf *out);
void		time_encode(TimeADT t, StrBuf *out);
int			timestamp_encode(EvalCtx *ctx, Timestamp ts, bool with_tz, StrBuf *out);
void		interval_encode(EvalCtx *ctx, const Interval *iv, StrBuf *out);

/* Interval typmods (PostgreSQL's INTERVAL_TYPMOD(precision, range)). */
#define INTERVAL_FULL_RANGE 0x7FFF
#define INTERVAL_FULL_PRECISION 0xFFFF
#define INTERVAL_PRECISION(t) ((t) & 0xFFFF)
#define INTERVAL_RANGE(t) (((t) >> 16) & 0x7FFF)
#define INTERVAL_TYPMOD(p, r) ((((r) & 0x7FFF) << 16) | ((p) & 0xFFFF))
/* Range mask bits (PostgreSQL's datetime.h token numbers). */
#define IM_MONTH	(1 << 1)
#define IM_YEAR		(1 << 2)
#define IM_DAY		(1 << 3)
#define IM_HOUR		(1 << 10)
#define IM_MINUTE	(1 << 11)
#define IM_SECOND	(1 << 12)

int			interval_adjust_typmod(EvalCtx *ctx, Interval *iv, int32_t typmod);

#endif
