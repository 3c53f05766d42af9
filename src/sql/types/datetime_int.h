/*
 * datetime_int.h — internals shared by the date/time files of src/sql/types
 * (datetime.c, date.c, timestamp.c, interval.c, tz.c, datetime_*.c).  Not a
 * contract for other modules: they use <memgres/datetime.h>.
 */
#ifndef MEMGRES_SQL_TYPES_DATETIME_INT_H
#define MEMGRES_SQL_TYPES_DATETIME_INT_H

#include <memgres/datetime.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

/* DateStyle and IntervalStyle, as PostgreSQL numbers them. */
#define USE_POSTGRES_DATES	0
#define USE_ISO_DATES		1
#define USE_SQL_DATES		2
#define USE_GERMAN_DATES	3
#define USE_XSD_DATES		4

#define DATEORDER_YMD 0
#define DATEORDER_DMY 1
#define DATEORDER_MDY 2

#define INTSTYLE_POSTGRES			0
#define INTSTYLE_POSTGRES_VERBOSE	1
#define INTSTYLE_SQL_STANDARD		2
#define INTSTYLE_ISO_8601			3

typedef struct DateStyle {
	int			style;
	int			order;
} DateStyle;

void		datestyle_get(const EvalCtx *ctx, DateStyle *ds);
int			intervalstyle_get(const EvalCtx *ctx);

/* Parse results (PostgreSQL's DTERR_* and DTK_* codes, the ones we use). */
#define DTERR_BAD_FORMAT		(-1)
#define DTERR_FIELD_OVERFLOW	(-2)
#define DTERR_MD_FIELD_OVERFLOW (-3)
#define DTERR_INTERVAL_OVERFLOW (-4)
#define DTERR_TZDISP_OVERFLOW	(-5)
#define DTERR_BAD_ZONE			(-6)	/* unknown zone name: 22023 */

#define DTK_DATE	2
#define DTK_EPOCH	11
#define DTK_LATE	9
#define DTK_EARLY	10

#define MAX_TIMESTAMP_PRECISION 6
#define MAX_INTERVAL_PRECISION 6
#define MAX_TZDISP_HOUR 15

#define JULIAN_MAXYEAR 5874898
#define JULIAN_MAXMONTH 6
#define IS_VALID_JULIAN(y, m, d) \
	(((y) > JULIAN_MINYEAR || ((y) == JULIAN_MINYEAR && ((m) >= 11))) && \
	 ((y) < JULIAN_MAXYEAR || ((y) == JULIAN_MAXYEAR && ((m) < JULIAN_MAXMONTH))))
#define IS_VALID_DATE(d) \
	((DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE) <= (d) && \
	 (d) < (DATE_END_JULIAN - POSTGRES_EPOCH_JDATE))
#define IS_VALID_TIMESTAMP(t) (MIN_TIMESTAMP <= (t) && (t) < END_TIMESTAMP)

/* The tokenizer shared by date/time and interval input (ParseDateTime). */
#define DT_MAXFIELDS 25
#define DT_MAXDATELEN 128
enum { FT_NUMBER, FT_STRING, FT_DATE, FT_TIME, FT_TZ, FT_SPECIAL };
typedef struct DtFields {
	char		buf[DT_MAXDATELEN * 2 + DT_MAXFIELDS];
	char	   *field[DT_MAXFIELDS];	/* lower-cased, NUL-terminated, in buf */
	int			ftype[DT_MAXFIELDS];
	int			nf;
} DtFields;
int			datetime_tokenize(const char *s, size_t len, DtFields *f);

/*
 * Decodes date/time text as PostgreSQL's ParseDateTime + DecodeDateTime
 * (timeonly: DecodeTimeOnly).  tm receives local fields, *fsec µs,
 * *tz the zone as seconds WEST of UTC (PostgreSQL's sign) when have_tz is
 * set, *dtype DTK_DATE, DTK_EPOCH, DTK_LATE or DTK_EARLY.  Returns 0 or a
 * DTERR_* code; bad_zone receives an unknown zone name (arena) for
 * DTERR_BAD_ZONE.
 */
int			datetime_decode(EvalCtx *ctx, const char *str, size_t len, bool timeonly,
							PgTm *tm, int32_t *fsec, int *tz, bool *have_tz, int *dtype,
							const char **bad_zone);
/* Reports a decode failure as PostgreSQL's DateTimeParseError. */
int			datetime_parse_error(EvalCtx *ctx, int dterr, const char *str, size_t len,
								 const char *datatype, const char *bad_zone);

/* Offset (seconds west, PostgreSQL's sign) of a local time in a zone. */
int			datetime_tz_offset(const TzZone *tz, const PgTm *tm);
void		dt2time(int64_t t, int *hour, int *min, int *sec, int32_t *fsec);
TimestampTz datetime_now_tm(EvalCtx *ctx, PgTm *tm, int32_t *fsec, int *tz);

/* Output. */
void		encode_date_only(const PgTm *tm, int style, int order, StrBuf *out);
void		encode_time_only(const PgTm *tm, int32_t fsec, bool print_tz, int tz, int style, StrBuf *out);
void		encode_date_time(PgTm *tm, int32_t fsec, bool print_tz, int tz, const char *tzn,
							 int style, int order, StrBuf *out);
void		encode_timezone(int tz, int style, StrBuf *out);
void		append_seconds(StrBuf *out, int sec, int32_t fsec, int precision, bool fillzeros);
void		append_zeropad(StrBuf *out, long val, int width);

/* Typmod rounding (precision 0..6; -1 none). */
int			adjust_timestamp_for_typmod(Timestamp *ts, int32_t typmod);
void		adjust_time_for_typmod(TimeADT *t, int32_t typmod);
/* "TIMESTAMP", " WITH TIME ZONE": PostgreSQL's wording of the errors. */
int			typmod_precision_check(EvalCtx *ctx, const int32_t *mods, int nmods, const char *tname,
								   const char *suffix, int32_t *typmod);

extern const char *const months_short[];
extern const char *const months_full[];
extern const char *const days_short[];
extern const char *const days_full[];

/* Time-zone abbreviations (timezonesets/Default). */
typedef struct TzAbbrev {
	const char *abbrev;			/* lower case */
	int			offset;			/* seconds east of UTC */
	bool		isdst;
	const char *zone;			/* dynamic abbreviation: its zone, else NULL */
} TzAbbrev;
const TzAbbrev *tz_abbrev_lookup(const char *lower);

/* Key encoding helper: big-endian with the sign bit flipped. */
void		key_encode_int64(int64_t v, StrBuf *out);
void		key_encode_int32(int32_t v, StrBuf *out);
uint64_t	datetime_hash64(uint64_t v);

#endif
