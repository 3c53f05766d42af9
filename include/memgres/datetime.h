/*
 * datetime.h — date/time values, their calendar arithmetic and time zones,
 * for the modules that need them beyond the type registry (the executor for
 * now(), COPY, the catalog's pg_timezone_names, the protocol's TimeZone
 * reporting).
 *
 * Representations (PostgreSQL's, with integer_datetimes):
 *   date         int32 days since 2000-01-01 (Datum by value);
 *                INT32_MIN = -infinity, INT32_MAX = infinity
 *   time         int64 µs since midnight (by value)
 *   timestamp,
 *   timestamptz  int64 µs since 2000-01-01 00:00 (UTC for timestamptz);
 *                INT64_MIN = -infinity, INT64_MAX = infinity
 *   interval     Varlena of 16 bytes: int64 µs, int32 days, int32 months
 *                (unaligned in the Varlena: use interval_get/interval_datum)
 *
 * Implemented in src/sql/types/{datetime,date,timestamp,interval,tz}*.c.
 * Every function is thread-safe; results that need memory go into the
 * arena passed in (the caller owns nothing to free).  Time zones are loaded
 * from the system tzdata (/usr/share/zoneinfo) on first use and cached for
 * the life of the process behind a mutex; a TzZone pointer stays valid
 * until tz_cache_free() (tests only).
 */
#ifndef MEMGRES_DATETIME_H
#define MEMGRES_DATETIME_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/arena.h>
#include <memgres/datum.h>
#include <memgres/types.h>

typedef int32_t DateADT;
typedef int64_t TimeADT;
typedef int64_t Timestamp;
typedef int64_t TimestampTz;

typedef struct Interval {
	int64_t		time;			/* µs */
	int32_t		day;
	int32_t		month;
} Interval;

#define USECS_PER_SEC	INT64_C(1000000)
#define USECS_PER_MINUTE INT64_C(60000000)
#define USECS_PER_HOUR	INT64_C(3600000000)
#define USECS_PER_DAY	INT64_C(86400000000)
#define SECS_PER_DAY	86400
#define SECS_PER_HOUR	3600
#define SECS_PER_MINUTE 60
#define MONTHS_PER_YEAR 12
#define DAYS_PER_MONTH	30

#define POSTGRES_EPOCH_JDATE 2451545	/* date2j(2000, 1, 1) */
#define UNIX_EPOCH_JDATE	2440588		/* date2j(1970, 1, 1) */

#define DT_NOBEGIN		INT64_MIN
#define DT_NOEND		INT64_MAX
#define DATEVAL_NOBEGIN INT32_MIN
#define DATEVAL_NOEND	INT32_MAX
#define TIMESTAMP_NOT_FINITE(t) ((t) == DT_NOBEGIN || (t) == DT_NOEND)
#define DATE_NOT_FINITE(d) ((d) == DATEVAL_NOBEGIN || (d) == DATEVAL_NOEND)

/* Valid ranges, as PostgreSQL's: 4714-11-24 BC .. 5874897-12-31 for dates,
 * 4714-11-24 BC .. 294276-12-31 for timestamps. */
#define JULIAN_MINYEAR	(-4713)
#define DATETIME_MIN_JULIAN 0
#define DATE_END_JULIAN 2147483494
#define TIMESTAMP_END_JULIAN 109203528
#define MIN_TIMESTAMP	INT64_C(-211813488000000000)
#define END_TIMESTAMP	INT64_C(9223371331200000000)

/* A broken-down time, as PostgreSQL's pg_tm: year <= 0 means (1 - year) BC. */
typedef struct PgTm {
	int			year;
	int			mon;			/* 1..12 */
	int			mday;			/* 1..31 */
	int			hour;
	int			min;
	int			sec;
	int			wday;			/* 0 = Sunday */
	int			yday;			/* 1..366 */
	int			isdst;			/* -1 unknown */
	long		gmtoff;			/* seconds east of UTC */
	const char *zone;			/* abbreviation, or NULL */
} PgTm;

/* Calendar (proleptic Gregorian, Julian day numbers). */
int			date2j(int year, int month, int day);
void		j2date(int jd, int *year, int *month, int *day);
int			j2day(int jd);		/* 0 = Sunday */
bool		is_leap_year(int year);
int			days_in_month(int year, int month);

/* timestamp <-> broken-down time (fsec: µs within the second).  tz NULL:
 * no zone conversion.  Returns -1 when out of range. */
struct TzZone;
int			timestamp2tm(Timestamp ts, const struct TzZone *tz, PgTm *tm, int32_t *fsec);
int			tm2timestamp(const PgTm *tm, int32_t fsec, const int *tzoff, Timestamp *out);
int64_t		time2t(int hour, int min, int sec, int32_t fsec);

/* Interval values in Datums. */
Datum		interval_datum(Arena *a, const Interval *iv);
void		interval_get(Datum d, Interval *out);

/* Time zones. */
typedef struct TzZone TzZone;
/* By IANA name ("Europe/Berlin", case-insensitive), fixed offset ("+02",
 * "UTC-3" as POSIX spells it), or a POSIX TZ string ("<+03>-03"); NULL if
 * unknown.  Cached; never freed before tz_cache_free(). */
const TzZone *tz_lookup(const char *name);
/* The zone's canonical name, as SHOW TimeZone prints it. */
const char *tz_name(const TzZone *tz);
/* UTC offset (seconds east) in effect at a UTC instant (seconds since the
 * Unix epoch); *isdst and *abbrev may be NULL. */
long		tz_offset_at_utc(const TzZone *tz, int64_t utc, int *isdst, const char **abbrev);
/* UTC offset for a local wall-clock time (seconds since the Unix epoch as if
 * it were UTC); in a gap or overlap, PostgreSQL's choice. */
long		tz_offset_at_local(const TzZone *tz, int64_t local, int *isdst);
/* The session's TimeZone (ctx->gucs), falling back to UTC. */
const TzZone *tz_session(const EvalCtx *ctx);
/* Frees the cache (tests, at exit; no TzZone may be in use). */
void		tz_cache_free(void);

/* Clock: µs since 2000-01-01 UTC (gettimeofday). */
TimestampTz datetime_now(void);

/*
 * Type I/O entry points (the same functions the type registry uses), for
 * COPY and the executor.  See types.h for the conventions.
 */
int			date_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out);
int			date_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out);
int			time_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out);
int			time_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out);
int			timestamp_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out);
int			timestamp_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out);
int			timestamptz_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out);
int			timestamptz_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out);
int			interval_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out);
int			interval_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out);

#endif
