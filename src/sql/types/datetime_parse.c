/*
 * datetime_parse.c — date/time text input: PostgreSQL's ParseDateTime
 * (split into typed fields) and DecodeDateTime / DecodeTimeOnly (interpret
 * the fields), with the same keyword table, field-order rules and errors.
 *
 * Design: fields are copied, lower-cased, into one scratch buffer; each
 * decoded field sets bits in a mask (year, month, day, hour ...) and a
 * field that would set a bit twice is a syntax error, which is what makes
 * PostgreSQL's parser deterministic.  Time zones named in the input are
 * resolved once the date is known (DST depends on it).
 *
 * Invariants:
 *  1. No state survives a call; "now"/"today" read ctx->txn_timestamp.
 *  2. Zone offsets here are seconds WEST of UTC (PostgreSQL's sign).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "datetime_int.h"

#define MAXDATEFIELDS DT_MAXFIELDS
#define MAXDATELEN DT_MAXDATELEN

/* Token kinds (PostgreSQL's datetktbl "type" column). */
enum {
	TK_RESERV, TK_MONTH, TK_YEAR, TK_DAY, TK_IGNORE, TK_AMPM, TK_HOUR, TK_MINUTE,
	TK_SECOND, TK_MILLISECOND, TK_MICROSECOND, TK_DOY, TK_DOW, TK_UNITS, TK_ADBC,
	TK_TZ, TK_DTZ, TK_DYNTZ, TK_DTZMOD, TK_ISOTIME, TK_UNKNOWN
};

/* Mask bits, one per token kind that fills a field. */
#define DTK_M(t) (1 << (t))
#define DTK_DATE_M (DTK_M(TK_YEAR) | DTK_M(TK_MONTH) | DTK_M(TK_DAY))
#define DTK_TIME_M (DTK_M(TK_HOUR) | DTK_M(TK_MINUTE) | DTK_M(TK_SECOND) | \
					DTK_M(TK_MILLISECOND) | DTK_M(TK_MICROSECOND))

/* RESERV values. */
enum { RV_NOW = 100, RV_TODAY, RV_TOMORROW, RV_YESTERDAY, RV_ZULU, RV_EPOCH, RV_LATE, RV_EARLY };
enum { AM = 0, PM = 1, HR24 = 2 };
enum { AD = 0, BC = 1 };
/* UNITS / ISOTIME values. */
enum { UV_JULIAN = 1, UV_TIME = 2 };

typedef struct DtKeyword {
	const char *token;
	int			type;
	int			value;
} DtKeyword;

/* Sorted for bsearch (strcmp order). */
static const DtKeyword dt_keywords[] = {
	{"-infinity", TK_RESERV, RV_EARLY},
	{"ad", TK_ADBC, AD},
	{"allballs", TK_RESERV, RV_ZULU},
	{"am", TK_AMPM, AM},
	{"apr", TK_MONTH, 4},
	{"april", TK_MONTH, 4},
	{"at", TK_IGNORE, 0},
	{"aug", TK_MONTH, 8},
	{"august", TK_MONTH, 8},
	{"bc", TK_ADBC, BC},
	{"d", TK_UNITS, 0},
	{"dec", TK_MONTH, 12},
	{"december", TK_MONTH, 12},
	{"dow", TK_UNITS, 0},
	{"doy", TK_UNITS, 0},
	{"dst", TK_DTZMOD, SECS_PER_HOUR},
	{"epoch", TK_RESERV, RV_EPOCH},
	{"feb", TK_MONTH, 2},
	{"february", TK_MONTH, 2},
	{"fri", TK_DOW, 5},
	{"friday", TK_DOW, 5},
	{"h", TK_UNITS, 0},
	{"infinity", TK_RESERV, RV_LATE},
	{"isodow", TK_UNITS, 0},
	{"isoyear", TK_UNITS, 0},
	{"j", TK_UNITS, UV_JULIAN},
	{"jan", TK_MONTH, 1},
	{"january", TK_MONTH, 1},
	{"jd", TK_UNITS, UV_JULIAN},
	{"jul", TK_MONTH, 7},
	{"julian", TK_UNITS, UV_JULIAN},
	{"july", TK_MONTH, 7},
	{"jun", TK_MONTH, 6},
	{"june", TK_MONTH, 6},
	{"m", TK_UNITS, 0},
	{"mar", TK_MONTH, 3},
	{"march", TK_MONTH, 3},
	{"may", TK_MONTH, 5},
	{"mm", TK_UNITS, 0},
	{"mon", TK_DOW, 1},
	{"monday", TK_DOW, 1},
	{"nov", TK_MONTH, 11},
	{"november", TK_MONTH, 11},
	{"now", TK_RESERV, RV_NOW},
	{"oct", TK_MONTH, 10},
	{"october", TK_MONTH, 10},
	{"on", TK_IGNORE, 0},
	{"pm", TK_AMPM, PM},
	{"s", TK_UNITS, 0},
	{"sat", TK_DOW, 6},
	{"saturday", TK_DOW, 6},
	{"sep", TK_MONTH, 9},
	{"sept", TK_MONTH, 9},
	{"september", TK_MONTH, 9},
	{"sun", TK_DOW, 0},
	{"sunday", TK_DOW, 0},
	{"t", TK_ISOTIME, UV_TIME},
	{"thu", TK_DOW, 4},
	{"thur", TK_DOW, 4},
	{"thurs", TK_DOW, 4},
	{"thursday", TK_DOW, 4},
	{"today", TK_RESERV, RV_TODAY},
	{"tomorrow", TK_RESERV, RV_TOMORROW},
	{"tue", TK_DOW, 2},
	{"tues", TK_DOW, 2},
	{"tuesday", TK_DOW, 2},
	{"wed", TK_DOW, 3},
	{"wednesday", TK_DOW, 3},
	{"weds", TK_DOW, 3},
	{"y", TK_UNITS, 0},
	{"yesterday", TK_RESERV, RV_YESTERDAY},
	{"z", TK_TZ, 0},
	{"zulu", TK_TZ, 0},
};

static int
kw_cmp(const void *key, const void *elem)
{
	return strcmp((const char *) key, ((const DtKeyword *) elem)->token);
}

static const DtKeyword *
keyword_lookup(const char *lower)
{
	return bsearch(lower, dt_keywords, sizeof(dt_keywords) / sizeof(dt_keywords[0]),
				   sizeof(DtKeyword), kw_cmp);
}

/* ---------------------------------------------------------------- tokenize */

/* PostgreSQL's ParseDateTime.  Returns 0 or DTERR_BAD_FORMAT. */
int
datetime_tokenize(const char *s, size_t len, DtFields *f)
{
	const char *cp = s;
	const char *end = s + len;
	char	   *bufp = f->buf;
	char	   *bufend = f->buf + sizeof(f->buf) - 1;

#define APPEND_CHAR(c) do { if (bufp >= bufend) return DTERR_BAD_FORMAT; *bufp++ = (c); } while (0)
#define AT(p) ((p) < end ? *(p) : '\0')

	f->nf = 0;
	while (cp < end && *cp)
	{
		int			ftype;

		/* Ignore spaces between fields */
		if (isspace((unsigned char) *cp))
		{
			cp++;
			continue;
		}
		if (f->nf >= MAXDATEFIELDS)
			return DTERR_BAD_FORMAT;
		f->field[f->nf] = bufp;

		if (isdigit((unsigned char) *cp))
		{
			APPEND_CHAR(*cp++);
			while (isdigit((unsigned char) AT(cp)))
				APPEND_CHAR(*cp++);
			if (AT(cp) == ':')
			{
				ftype = FT_TIME;
				APPEND_CHAR(*cp++);
				while (isdigit((unsigned char) AT(cp)) || AT(cp) == ':' || AT(cp) == '.')
					APPEND_CHAR(*cp++);
			}
			else if (AT(cp) == '-' || AT(cp) == '/' || AT(cp) == '.')
			{
				char		delim = *cp;

				APPEND_CHAR(*cp++);
				if (isdigit((unsigned char) AT(cp)))
				{
					ftype = (delim == '.') ? FT_NUMBER : FT_DATE;
					while (isdigit((unsigned char) AT(cp)))
						APPEND_CHAR(*cp++);
					if (AT(cp) == delim)
					{
						ftype = FT_DATE;
						APPEND_CHAR(*cp++);
						while (isdigit((unsigned char) AT(cp)) || AT(cp) == delim)
							APPEND_CHAR(*cp++);
					}
				}
				else
				{
					ftype = FT_DATE;
					while (isalnum((unsigned char) AT(cp)) || AT(cp) == delim)
						APPEND_CHAR((char) tolower((unsigned char) *cp++));
				}
			}
			else
				ftype = FT_NUMBER;
		}
		else if (*cp == '.')
		{
			APPEND_CHAR(*cp++);
			while (isdigit((unsigned char) AT(cp)))
				APPEND_CHAR(*cp++);
			ftype = FT_NUMBER;
		}
		else if (isalpha((unsigned char) *cp))
		{
			bool		is_date;

			ftype = FT_STRING;
			APPEND_CHAR((char) tolower((unsigned char) *cp++));
			while (isalpha((unsigned char) AT(cp)))
				APPEND_CHAR((char) tolower((unsigned char) *cp++));

			/*
			 * Dates can have embedded '-', '/' or '.'; a zone name can too,
			 * and '+', '_', ':' or digits after the first punctuation.  If
			 * the next character is a digit or '+', a known keyword so far
			 * means this is not a zone name.
			 */
			is_date = false;
			if (AT(cp) == '-' || AT(cp) == '/' || AT(cp) == '.')
				is_date = true;
			else if (AT(cp) == '+' || isdigit((unsigned char) AT(cp)))
			{
				*bufp = '\0';
				if (keyword_lookup(f->field[f->nf]) == NULL)
					is_date = true;
			}
			if (is_date)
			{
				ftype = FT_DATE;
				do
				{
					APPEND_CHAR((char) tolower((unsigned char) *cp++));
				} while (AT(cp) == '+' || AT(cp) == '-' || AT(cp) == '/' || AT(cp) == '_' ||
						 AT(cp) == '.' || AT(cp) == ':' || isalnum((unsigned char) AT(cp)));
			}
		}
		else if (*cp == '+' || *cp == '-')
		{
			APPEND_CHAR(*cp++);
			while (isspace((unsigned char) AT(cp)))
				cp++;
			if (isdigit((unsigned char) AT(cp)))
			{
				ftype = FT_TZ;
				APPEND_CHAR(*cp++);
				while (isdigit((unsigned char) AT(cp)) || AT(cp) == ':' || AT(cp) == '.' || AT(cp) == '-')
					APPEND_CHAR(*cp++);
			}
			else if (isalpha((unsigned char) AT(cp)))
			{
				ftype = FT_SPECIAL;
				APPEND_CHAR((char) tolower((unsigned char) *cp++));
				while (isalpha((unsigned char) AT(cp)))
					APPEND_CHAR((char) tolower((unsigned char) *cp++));
			}
			else
				return DTERR_BAD_FORMAT;
		}
		else if (ispunct((unsigned char) *cp))
		{
			cp++;
			continue;
		}
		else
			return DTERR_BAD_FORMAT;

		APPEND_CHAR('\0');
		f->ftype[f->nf] = ftype;
		f->nf++;
	}
	if (cp < end)
		return DTERR_BAD_FORMAT;	/* embedded NUL */
	return 0;
#undef APPEND_CHAR
#undef AT
}

/* ---------------------------------------------------------------- decode helpers */

static int
strtoint(const char *s, char **endp)
{
	long		v;

	errno = 0;
	v = strtol(s, endp, 10);
	if (errno == ERANGE || v < INT_MIN || v > INT_MAX)
	{
		errno = ERANGE;
		return 0;
	}
	return (int) v;
}

static int
parse_fractional_second(const char *cp, int32_t *fsec)
{
	double		frac;
	char	   *end;

	/* Caller should always pass the start of the fraction part */
	errno = 0;
	frac = strtod(cp, &end);
	if (*end != '\0' || errno != 0)
		return DTERR_BAD_FORMAT;
	*fsec = (int32_t) rint(frac * 1000000);
	return 0;
}

/* Looks a string field up: keyword, then zone abbreviation. */
static int
decode_special(const char *lower, int *val, const TzAbbrev **abbrev)
{
	const TzAbbrev *a = tz_abbrev_lookup(lower);
	const DtKeyword *k;

	*abbrev = NULL;
	if (a != NULL)
	{
		*abbrev = a;
		if (a->zone != NULL)
			return TK_DYNTZ;
		*val = a->offset;
		return a->isdst ? TK_DTZ : TK_TZ;
	}
	k = keyword_lookup(lower);
	if (k == NULL)
		return TK_UNKNOWN;
	*val = k->value;
	return k->type;
}

/* "+hh[:mm[:ss]]" or "+hhmm" -> seconds west in *tzp. */
static int
decode_timezone(const char *str, int *tzp)
{
	int			tz;
	int			hr;
	int			min = 0;
	int			sec = 0;
	char	   *cp;

	if (*str != '+' && *str != '-')
		return DTERR_BAD_FORMAT;
	errno = 0;
	hr = strtoint(str + 1, &cp);
	if (errno == ERANGE)
		return DTERR_TZDISP_OVERFLOW;
	if (*cp == ':')
	{
		errno = 0;
		min = strtoint(cp + 1, &cp);
		if (errno == ERANGE)
			return DTERR_TZDISP_OVERFLOW;
		if (*cp == ':')
		{
			errno = 0;
			sec = strtoint(cp + 1, &cp);
			if (errno == ERANGE)
				return DTERR_TZDISP_OVERFLOW;
		}
	}
	else if (*cp == '\0' && strlen(str) > 3)
	{
		min = hr % 100;
		hr = hr / 100;
	}
	if (hr < 0 || hr > MAX_TZDISP_HOUR)
		return DTERR_TZDISP_OVERFLOW;
	if (min < 0 || min >= 60)
		return DTERR_TZDISP_OVERFLOW;
	if (sec < 0 || sec >= 60)
		return DTERR_TZDISP_OVERFLOW;
	tz = (hr * 60 + min) * 60 + sec;
	if (*str == '-')
		tz = -tz;
	*tzp = -tz;
	if (*cp != '\0')
		return DTERR_BAD_FORMAT;
	return 0;
}

/* hh:mm[:ss[.f]] or mm:ss.f */
static int
decode_time(const char *str, int *tmask, PgTm *tm, int32_t *fsec)
{
	char	   *cp;
	int			r;

	*tmask = DTK_TIME_M;
	errno = 0;
	tm->hour = strtoint(str, &cp);
	if (errno == ERANGE)
		return DTERR_FIELD_OVERFLOW;
	if (*cp != ':')
		return DTERR_BAD_FORMAT;
	errno = 0;
	tm->min = strtoint(cp + 1, &cp);
	if (errno == ERANGE)
		return DTERR_FIELD_OVERFLOW;
	if (*cp == '\0')
	{
		tm->sec = 0;
		*fsec = 0;
	}
	else if (*cp == '.')
	{
		/* always assume mm:ss.sss is MINUTE TO SECOND */
		r = parse_fractional_second(cp, fsec);
		if (r)
			return r;
		tm->sec = tm->min;
		tm->min = tm->hour;
		tm->hour = 0;
	}
	else if (*cp == ':')
	{
		errno = 0;
		tm->sec = strtoint(cp + 1, &cp);
		if (errno == ERANGE)
			return DTERR_FIELD_OVERFLOW;
		if (*cp == '\0')
			*fsec = 0;
		else if (*cp == '.')
		{
			r = parse_fractional_second(cp, fsec);
			if (r)
				return r;
		}
		else
			return DTERR_BAD_FORMAT;
	}
	else
		return DTERR_BAD_FORMAT;

	if (tm->hour < 0 || tm->min < 0 || tm->min > 59 || tm->sec < 0 || tm->sec > 60 ||
		*fsec < 0 || *fsec > USECS_PER_SEC)
		return DTERR_FIELD_OVERFLOW;
	return 0;
}

/* Run-together dates and times: 20011225, 040506, 040506.789, 2001.360 ... */
static int
decode_number_field(int len, char *str, int fmask, int *tmask, PgTm *tm, int32_t *fsec,
					bool *is2digits)
{
	char	   *cp;

	if ((cp = strchr(str, '.')) != NULL)
	{
		double		frac;
		char	   *end;

		errno = 0;
		frac = strtod(cp, &end);
		if (*end != '\0' || errno != 0)
			return DTERR_BAD_FORMAT;
		*fsec = (int32_t) rint(frac * 1000000);
		*cp = '\0';
		len = (int) strlen(str);
	}
	else if ((fmask & DTK_DATE_M) != DTK_DATE_M)
	{
		if (len >= 6)
		{
			*tmask = DTK_DATE_M;
			tm->mday = atoi(str + (len - 2));
			str[len - 2] = '\0';
			tm->mon = atoi(str + (len - 4));
			str[len - 4] = '\0';
			tm->year = atoi(str);
			if ((len - 4) == 2)
				*is2digits = true;
			return 0;
		}
	}
	if ((fmask & DTK_TIME_M) != DTK_TIME_M)
	{
		if (len == 6)
		{
			*tmask = DTK_TIME_M;
			tm->sec = atoi(str + 4);
			str[4] = '\0';
			tm->min = atoi(str + 2);
			str[2] = '\0';
			tm->hour = atoi(str);
			return 0;
		}
		else if (len == 4)
		{
			*tmask = DTK_TIME_M;
			tm->sec = 0;
			tm->min = atoi(str + 2);
			str[2] = '\0';
			tm->hour = atoi(str);
			return 0;
		}
	}
	return DTERR_BAD_FORMAT;
}

static int
decode_number(int flen, char *str, bool have_text_month, int fmask, int *tmask,
			  PgTm *tm, int32_t *fsec, bool *is2digits, int date_order)
{
	int			val;
	char	   *cp;

	*tmask = 0;
	errno = 0;
	val = strtoint(str, &cp);
	if (errno == ERANGE)
		return DTERR_FIELD_OVERFLOW;
	if (cp == str)
		return DTERR_BAD_FORMAT;
	if (*cp == '.')
	{
		/* More than two digits before the point: a date or run-together time. */
		if (cp - str > 2)
			return decode_number_field(flen, str, (fmask | DTK_DATE_M), tmask, tm, fsec, is2digits);
		if (parse_fractional_second(cp, fsec))
			return DTERR_BAD_FORMAT;
	}
	else if (*cp != '\0')
		return DTERR_BAD_FORMAT;

	/* Special case for day of year */
	if (flen == 3 && (fmask & DTK_DATE_M) == DTK_M(TK_YEAR) && val >= 1 && val <= 366)
	{
		*tmask = (DTK_M(TK_DOY) | DTK_M(TK_MONTH) | DTK_M(TK_DAY));
		tm->yday = val;
		return 0;
	}

	switch (fmask & DTK_DATE_M)
	{
		case 0:
			if (flen >= 3 || date_order == DATEORDER_YMD)
			{
				*tmask = DTK_M(TK_YEAR);
				tm->year = val;
			}
			else if (date_order == DATEORDER_DMY)
			{
				*tmask = DTK_M(TK_DAY);
				tm->mday = val;
			}
			else
			{
				*tmask = DTK_M(TK_MONTH);
				tm->mon = val;
			}
			break;
		case (DTK_M(TK_YEAR)):
			*tmask = DTK_M(TK_MONTH);
			tm->mon = val;
			break;
		case (DTK_M(TK_MONTH)):
			if (have_text_month)
			{
				if (flen >= 3 || date_order == DATEORDER_YMD)
				{
					*tmask = DTK_M(TK_YEAR);
					tm->year = val;
				}
				else
				{
					*tmask = DTK_M(TK_DAY);
					tm->mday = val;
				}
			}
			else
			{
				*tmask = DTK_M(TK_DAY);
				tm->mday = val;
			}
			break;
		case (DTK_M(TK_YEAR) | DTK_M(TK_MONTH)):
			if (have_text_month)
			{
				if (flen >= 3 && *is2digits)
				{
					*tmask = DTK_M(TK_DAY);
					tm->mday = tm->year;
					tm->year = val;
					*is2digits = false;
				}
				else
				{
					*tmask = DTK_M(TK_DAY);
					tm->mday = val;
				}
			}
			else
			{
				*tmask = DTK_M(TK_DAY);
				tm->mday = val;
			}
			break;
		case (DTK_M(TK_DAY)):
			*tmask = DTK_M(TK_MONTH);
			tm->mon = val;
			break;
		case (DTK_M(TK_MONTH) | DTK_M(TK_DAY)):
			*tmask = DTK_M(TK_YEAR);
			tm->year = val;
			break;
		case (DTK_M(TK_YEAR) | DTK_M(TK_MONTH) | DTK_M(TK_DAY)):
			return decode_number_field(flen, str, fmask, tmask, tm, fsec, is2digits);
		default:
			return DTERR_BAD_FORMAT;
	}
	if (*tmask == DTK_M(TK_YEAR))
		*is2digits = (flen <= 2);
	return 0;
}

static int
decode_date(char *str, int fmask, int *tmask, bool *is2digits, PgTm *tm, int date_order)
{
	int32_t		fsec;
	int			nf = 0;
	int			i;
	int			len;
	int			dterr;
	bool		have_text_month = false;
	int			type;
	int			val;
	int			dmask = 0;
	char	   *field[MAXDATEFIELDS];
	const TzAbbrev *ab;

	*tmask = 0;
	while (*str != '\0' && nf < MAXDATEFIELDS)
	{
		while (*str != '\0' && !isalnum((unsigned char) *str))
			str++;
		if (*str == '\0')
			return DTERR_BAD_FORMAT;
		field[nf] = str;
		if (isdigit((unsigned char) *str))
		{
			while (isdigit((unsigned char) *str))
				str++;
		}
		else if (isalpha((unsigned char) *str))
		{
			while (isalpha((unsigned char) *str))
				str++;
		}
		if (*str != '\0')
			*str++ = '\0';
		nf++;
	}

	/* look first for text fields, since that will be unambiguous month */
	for (i = 0; i < nf; i++)
	{
		if (isalpha((unsigned char) *field[i]))
		{
			type = decode_special(field[i], &val, &ab);
			if (type == TK_IGNORE)
				continue;
			dmask = DTK_M(type);
			if (type != TK_MONTH)
				return DTERR_BAD_FORMAT;
			tm->mon = val;
			have_text_month = true;
			if (fmask & dmask)
				return DTERR_BAD_FORMAT;
			fmask |= dmask;
			*tmask |= dmask;
			field[i] = NULL;
		}
	}

	for (i = 0; i < nf; i++)
	{
		if (field[i] == NULL)
			continue;
		if ((len = (int) strlen(field[i])) <= 0)
			return DTERR_BAD_FORMAT;
		dterr = decode_number(len, field[i], have_text_month, fmask, &dmask, tm, &fsec,
							  is2digits, date_order);
		if (dterr)
			return dterr;
		if (fmask & dmask)
			return DTERR_BAD_FORMAT;
		fmask |= dmask;
		*tmask |= dmask;
	}

	if ((fmask & ~(DTK_M(TK_DOY) | DTK_M(TK_TZ))) != DTK_DATE_M)
		return DTERR_BAD_FORMAT;
	return 0;
}

static int
validate_date(int fmask, bool isjulian, bool is2digits, bool bc, PgTm *tm)
{
	if (fmask & DTK_M(TK_YEAR))
	{
		if (isjulian)
		{
			/* tm_year is correct and should not be touched */
		}
		else if (bc)
		{
			if (tm->year <= 0)
				return DTERR_FIELD_OVERFLOW;
			tm->year = -(tm->year - 1);
		}
		else if (is2digits)
		{
			if (tm->year < 0)
				return DTERR_FIELD_OVERFLOW;
			if (tm->year < 70)
				tm->year += 2000;
			else if (tm->year < 100)
				tm->year += 1900;
		}
		else
		{
			if (tm->year <= 0)
				return DTERR_FIELD_OVERFLOW;
		}
	}
	if (fmask & DTK_M(TK_DOY))
		j2date(date2j(tm->year, 1, 1) + tm->yday - 1, &tm->year, &tm->mon, &tm->mday);
	if (fmask & DTK_M(TK_MONTH))
	{
		if (tm->mon < 1 || tm->mon > MONTHS_PER_YEAR)
			return DTERR_MD_FIELD_OVERFLOW;
	}
	if (fmask & DTK_M(TK_DAY))
	{
		if (tm->mday < 1 || tm->mday > 31)
			return DTERR_MD_FIELD_OVERFLOW;
	}
	if ((fmask & DTK_DATE_M) == DTK_DATE_M)
	{
		if (tm->mday > days_in_month(tm->year, tm->mon))
			return DTERR_FIELD_OVERFLOW;
	}
	return 0;
}

static bool
time_overflows(int hour, int min, int sec, int32_t fsec)
{
	if (hour < 0 || hour > 24 || min < 0 || min > 59 || sec < 0 || sec > 60 ||
		fsec < 0 || fsec > USECS_PER_SEC)
		return true;
	if (time2t(hour, min, sec, fsec) > USECS_PER_DAY)
		return true;
	return false;
}

/* ---------------------------------------------------------------- decode */

int
datetime_decode(EvalCtx *ctx, const char *str, size_t len, bool timeonly,
				PgTm *tm, int32_t *fsec, int *tzp, bool *have_tz, int *dtype,
				const char **bad_zone)
{
	DtFields	f;
	DateStyle	ds;
	int			fmask = 0;
	int			tmask;
	int			type;
	int			ptype = 0;
	int			i;
	int			val;
	int			dterr;
	int			mer = HR24;
	bool		have_text_month = false;
	bool		isjulian = false;
	bool		is2digits = false;
	bool		bc = false;
	const TzZone *named_tz = NULL;
	const TzZone *dyn_tz = NULL;
	const TzAbbrev *ab;
	int			tz = 0;

	if (len >= MAXDATELEN)
		return DTERR_BAD_FORMAT;
	dterr = datetime_tokenize(str, len, &f);
	if (dterr)
		return dterr;
	if (f.nf == 0)
		return DTERR_BAD_FORMAT;
	datestyle_get(ctx, &ds);

	*dtype = DTK_DATE;
	memset(tm, 0, sizeof(*tm));
	tm->isdst = -1;
	*fsec = 0;
	*have_tz = false;

	for (i = 0; i < f.nf; i++)
	{
		char	   *field = f.field[i];

		tmask = 0;
		switch (f.ftype[i])
		{
			case FT_DATE:
				if (ptype == UV_JULIAN)
				{
					/* "J2451187-..."?  PostgreSQL only takes a number here. */
					return DTERR_BAD_FORMAT;
				}
				else if (timeonly && i == 0 && f.nf >= 2 &&
						 (f.ftype[f.nf - 1] == FT_DATE || f.ftype[1] == FT_TIME))
				{
					/* DecodeTimeOnly: a leading date is accepted and ignored */
					dterr = decode_date(field, fmask, &tmask, &is2digits, tm, ds.order);
					if (dterr)
						return dterr;
				}
				else if (timeonly || ((fmask & DTK_DATE_M) == DTK_DATE_M) || ptype != 0)
				{
					if (isdigit((unsigned char) *field) || ptype != 0)
					{
						char	   *cp;

						if (ptype != 0)
						{
							if (ptype != UV_TIME)
								return DTERR_BAD_FORMAT;
							ptype = 0;
						}
						if ((fmask & DTK_TIME_M) == DTK_TIME_M)
							return DTERR_BAD_FORMAT;
						if ((cp = strchr(field, '-')) == NULL)
							return DTERR_BAD_FORMAT;
						dterr = decode_timezone(cp, &tz);
						if (dterr)
							return dterr;
						*cp = '\0';
						dterr = decode_number_field((int) strlen(field), field,
													timeonly ? (fmask | DTK_DATE_M) : fmask,
													&tmask, tm, fsec, &is2digits);
						if (dterr)
							return dterr;
						tmask |= DTK_M(TK_TZ);
					}
					else
					{
						named_tz = tz_lookup(field);
						if (named_tz == NULL)
						{
							*bad_zone = arena_strdup(ctx->arena, field);
							return DTERR_BAD_ZONE;
						}
						tmask = DTK_M(TK_TZ);
					}
				}
				else
				{
					dterr = decode_date(field, fmask, &tmask, &is2digits, tm, ds.order);
					if (dterr)
						return dterr;
				}
				break;

			case FT_TIME:
				if (ptype != 0)
				{
					if (ptype != UV_TIME)
						return DTERR_BAD_FORMAT;
					ptype = 0;
				}
				dterr = decode_time(field, &tmask, tm, fsec);
				if (dterr)
					return dterr;
				if (time_overflows(tm->hour, tm->min, tm->sec, *fsec))
					return DTERR_FIELD_OVERFLOW;
				break;

			case FT_TZ:
				dterr = decode_timezone(field, &tz);
				if (dterr)
					return dterr;
				tmask = DTK_M(TK_TZ);
				break;

			case FT_NUMBER:
				if (ptype != 0)
				{
					char	   *cp;
					int			value;

					errno = 0;
					value = strtoint(field, &cp);
					if (errno == ERANGE)
						return DTERR_FIELD_OVERFLOW;
					if (*cp == '.')
					{
						if (ptype != UV_JULIAN && ptype != UV_TIME)
							return DTERR_BAD_FORMAT;
					}
					else if (*cp != '\0')
						return DTERR_BAD_FORMAT;
					if (ptype == UV_JULIAN)
					{
						if (value < 0)
							return DTERR_FIELD_OVERFLOW;
						tmask = DTK_DATE_M;
						j2date(value, &tm->year, &tm->mon, &tm->mday);
						isjulian = true;
						if (*cp == '.')
						{
							double		time = strtod(cp, &cp);

							if (*cp != '\0')
								return DTERR_BAD_FORMAT;
							dt2time((int64_t) (time * USECS_PER_DAY), &tm->hour, &tm->min, &tm->sec, fsec);
							tmask |= DTK_TIME_M;
						}
					}
					else if (ptype == UV_TIME)
					{
						dterr = decode_number_field((int) strlen(field), field, (fmask | DTK_DATE_M),
													&tmask, tm, fsec, &is2digits);
						if (dterr)
							return dterr;
						if (tmask != DTK_TIME_M)
							return DTERR_BAD_FORMAT;
					}
					else
						return DTERR_BAD_FORMAT;
					ptype = 0;
					*dtype = DTK_DATE;
				}
				else if (timeonly)
				{
					int			flen = (int) strlen(field);
					char	   *cp = strchr(field, '.');

					if (cp != NULL)
					{
						if (i == 0 && f.nf >= 2 && f.ftype[f.nf - 1] == FT_DATE)
							dterr = decode_date(field, fmask, &tmask, &is2digits, tm, ds.order);
						else if (flen - (int) strlen(cp) > 2)
							dterr = decode_number_field(flen, field, (fmask | DTK_DATE_M), &tmask, tm,
														fsec, &is2digits);
						else
							dterr = DTERR_BAD_FORMAT;
					}
					else if (flen > 4)
						dterr = decode_number_field(flen, field, (fmask | DTK_DATE_M), &tmask, tm,
													fsec, &is2digits);
					else
						dterr = decode_number(flen, field, false, (fmask | DTK_DATE_M), &tmask, tm,
											  fsec, &is2digits, ds.order);
					if (dterr)
						return dterr;
				}
				else
				{
					int			flen = (int) strlen(field);
					char	   *cp = strchr(field, '.');

					if (cp != NULL && !(fmask & DTK_DATE_M))
					{
						dterr = decode_date(field, fmask, &tmask, &is2digits, tm, ds.order);
						if (dterr)
							return dterr;
					}
					else if (cp != NULL && flen - (int) strlen(cp) > 2)
					{
						dterr = decode_number_field(flen, field, fmask, &tmask, tm, fsec, &is2digits);
						if (dterr)
							return dterr;
					}
					else if (flen >= 6 && (!(fmask & DTK_DATE_M) || !(fmask & DTK_TIME_M)))
					{
						dterr = decode_number_field(flen, field, fmask, &tmask, tm, fsec, &is2digits);
						if (dterr)
							return dterr;
					}
					else
					{
						dterr = decode_number(flen, field, have_text_month, fmask, &tmask, tm, fsec,
											  &is2digits, ds.order);
						if (dterr)
							return dterr;
					}
				}
				break;

			case FT_STRING:
			case FT_SPECIAL:
				type = decode_special(field, &val, &ab);
				if (type == TK_IGNORE)
					continue;
				tmask = DTK_M(type);
				switch (type)
				{
					case TK_RESERV:
						switch (val)
						{
							case RV_NOW:
								tmask = (DTK_DATE_M | DTK_TIME_M | DTK_M(TK_TZ));
								*dtype = DTK_DATE;
								datetime_now_tm(ctx, tm, fsec, &tz);
								break;
							case RV_YESTERDAY:
							case RV_TODAY:
							case RV_TOMORROW:
								{
									PgTm		cur;
									int32_t		cfsec;
									int			ctz;
									int			delta = val == RV_YESTERDAY ? -1 : val == RV_TOMORROW ? 1 : 0;

									tmask = DTK_DATE_M;
									*dtype = DTK_DATE;
									datetime_now_tm(ctx, &cur, &cfsec, &ctz);
									j2date(date2j(cur.year, cur.mon, cur.mday) + delta,
										   &tm->year, &tm->mon, &tm->mday);
								}
								break;
							case RV_ZULU:
								tmask = (DTK_TIME_M | DTK_M(TK_TZ));
								*dtype = DTK_DATE;
								tm->hour = 0;
								tm->min = 0;
								tm->sec = 0;
								tz = 0;
								break;
							case RV_EPOCH:
								tmask = (DTK_DATE_M | DTK_TIME_M | DTK_M(TK_TZ));
								*dtype = DTK_EPOCH;
								break;
							case RV_LATE:
								tmask = (DTK_DATE_M | DTK_TIME_M | DTK_M(TK_TZ));
								*dtype = DTK_LATE;
								break;
							case RV_EARLY:
								tmask = (DTK_DATE_M | DTK_TIME_M | DTK_M(TK_TZ));
								*dtype = DTK_EARLY;
								break;
						}
						break;
					case TK_MONTH:
						if ((fmask & DTK_M(TK_MONTH)) && !have_text_month &&
							!(fmask & DTK_M(TK_DAY)) && tm->mon >= 1 && tm->mon <= 31)
						{
							tm->mday = tm->mon;
							tmask = DTK_M(TK_DAY);
						}
						have_text_month = true;
						tm->mon = val;
						break;
					case TK_DTZMOD:
						tmask |= DTK_M(TK_DTZ);
						tm->isdst = 1;
						tz -= val;
						break;
					case TK_DTZ:
						tmask |= DTK_M(TK_TZ);
						tm->isdst = 1;
						tz = -val;
						break;
					case TK_TZ:
						tm->isdst = 0;
						tz = -val;
						break;
					case TK_DYNTZ:
						tmask |= DTK_M(TK_TZ);
						dyn_tz = tz_lookup(ab->zone);
						if (dyn_tz == NULL)
							return DTERR_BAD_FORMAT;
						break;
					case TK_AMPM:
						mer = val;
						break;
					case TK_ADBC:
						bc = (val == BC);
						break;
					case TK_DOW:
						tm->wday = val;
						break;
					case TK_UNITS:
						if (val == 0)
							return DTERR_BAD_FORMAT;
						tmask = 0;
						ptype = val;
						break;
					case TK_ISOTIME:
						tmask = 0;
						if (!timeonly && (fmask & DTK_DATE_M) != DTK_DATE_M)
							return DTERR_BAD_FORMAT;
						if (i >= f.nf - 1 ||
							(f.ftype[i + 1] != FT_NUMBER && f.ftype[i + 1] != FT_TIME &&
							 f.ftype[i + 1] != FT_DATE))
							return DTERR_BAD_FORMAT;
						ptype = val;
						break;
					case TK_UNKNOWN:
						named_tz = tz_lookup(field);
						if (named_tz == NULL)
							return DTERR_BAD_FORMAT;
						tmask = DTK_M(TK_TZ);
						break;
					default:
						return DTERR_BAD_FORMAT;
				}
				break;

			default:
				return DTERR_BAD_FORMAT;
		}

		if (tmask & fmask)
			return DTERR_BAD_FORMAT;
		fmask |= tmask;
	}

	/* a UNITS or "t" label with nothing after it */
	if (ptype != 0)
		return DTERR_BAD_FORMAT;

	if (*dtype == DTK_DATE)
	{
		dterr = validate_date(fmask, isjulian, is2digits, bc, tm);
		if (dterr)
			return dterr;
	}

	if (mer != HR24 && tm->hour > 12)
		return DTERR_FIELD_OVERFLOW;
	if (mer == AM && tm->hour == 12)
		tm->hour = 0;
	else if (mer == PM && tm->hour != 12)
		tm->hour += 12;

	if (timeonly)
	{
		if (*dtype != DTK_DATE)
			return DTERR_BAD_FORMAT;
		if (tm->hour < 0 || tm->min < 0 || tm->min > 59 || tm->sec < 0 || tm->sec > 60 ||
			tm->hour > 24 || *fsec < 0 || *fsec > USECS_PER_SEC ||
			(tm->hour == 24 && (tm->min > 0 || tm->sec > 0 || *fsec > 0)))
			return DTERR_FIELD_OVERFLOW;
		if ((fmask & DTK_TIME_M) != DTK_TIME_M)
			return DTERR_BAD_FORMAT;
		if (named_tz != NULL || dyn_tz != NULL)
		{
			/* a zone name needs a date to know its offset (PostgreSQL's rule) */
			if ((fmask & DTK_DATE_M) != DTK_DATE_M)
				return DTERR_BAD_FORMAT;
			tz = datetime_tz_offset(named_tz ? named_tz : dyn_tz, tm);
		}
		*tzp = tz;
		*have_tz = (fmask & DTK_M(TK_TZ)) != 0;
		return 0;
	}

	if (*dtype == DTK_DATE)
	{
		if ((fmask & DTK_DATE_M) != DTK_DATE_M)
			return DTERR_BAD_FORMAT;
		if (named_tz != NULL)
		{
			if (fmask & DTK_M(TK_DTZMOD))
				return DTERR_BAD_FORMAT;
			tz = datetime_tz_offset(named_tz, tm);
		}
		if (dyn_tz != NULL)
			tz = datetime_tz_offset(dyn_tz, tm);
		if (!(fmask & DTK_M(TK_TZ)))
		{
			if (fmask & DTK_M(TK_DTZMOD))
				return DTERR_BAD_FORMAT;
			tz = datetime_tz_offset(tz_session(ctx), tm);
		}
		else
			*have_tz = true;
	}
	*tzp = tz;
	return 0;
}

int
datetime_parse_error(EvalCtx *ctx, int dterr, const char *str, size_t len,
					 const char *datatype, const char *bad_zone)
{
	int			n = (int) len;

	switch (dterr)
	{
		case DTERR_FIELD_OVERFLOW:
			mg_error(ctx->err, SQLSTATE_DATETIME_FIELD_OVERFLOW,
					 "date/time field value out of range: \"%.*s\"", n, str);
			break;
		case DTERR_MD_FIELD_OVERFLOW:
			mg_error(ctx->err, SQLSTATE_DATETIME_FIELD_OVERFLOW,
					 "date/time field value out of range: \"%.*s\"", n, str);
			mg_error_hint(ctx->err, "Perhaps you need a different \"datestyle\" setting.");
			break;
		case DTERR_INTERVAL_OVERFLOW:
			mg_error(ctx->err, SQLSTATE_INTERVAL_FIELD_OVERFLOW,
					 "interval field value out of range: \"%.*s\"", n, str);
			break;
		case DTERR_TZDISP_OVERFLOW:
			mg_error(ctx->err, SQLSTATE_INVALID_TIME_ZONE_DISPLACEMENT_VALUE,
					 "time zone displacement out of range: \"%.*s\"", n, str);
			break;
		case DTERR_BAD_ZONE:
			mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
					 "time zone \"%s\" not recognized", bad_zone ? bad_zone : "");
			break;
		default:
			mg_error(ctx->err, SQLSTATE_INVALID_DATETIME_FORMAT,
					 "invalid input syntax for type %s: \"%.*s\"", datatype, n, str);
			break;
	}
	return -1;
}
