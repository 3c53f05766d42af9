/*
 * interval.c — the interval type: text input (PostgreSQL's DecodeInterval
 * and ISO 8601 durations), output in the four IntervalStyles, binary I/O,
 * typmods (field ranges and precision), comparison, hashing and keys.
 *
 * Design: a value is a 16-byte Varlena {int64 µs, int32 days, int32
 * months}.  Comparison, hashing and key encoding use PostgreSQL's linear
 * "span" (µs + days * 1 day + months * 30 days, in 128 bits), so that
 * '1 mon' = '30 days' as in PostgreSQL.
 *
 * Invariants:
 *  1. The three fields are kept separately (no normalisation on input).
 *  2. Input accumulates in 64-bit fields and fails with 22015 "interval
 *     field value out of range" on overflow, 22008 "interval out of range"
 *     when the months/days do not fit in 32 bits.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datetime_types.h"

Datum
interval_datum(Arena *a, const Interval *iv)
{
	Varlena    *v = varlena_new(a, 16);

	memcpy(v->data, &iv->time, 8);
	memcpy(v->data + 8, &iv->day, 4);
	memcpy(v->data + 12, &iv->month, 4);
	return PointerGetDatum(v);
}

void
interval_get(Datum d, Interval *out)
{
	const Varlena *v = DatumGetVarlena(d);

	memcpy(&out->time, v->data, 8);
	memcpy(&out->day, v->data + 8, 4);
	memcpy(&out->month, v->data + 12, 4);
}

/* ---------------------------------------------------------------- input */

/* The parts of an interval while it is being parsed (PostgreSQL's pg_itm_in). */
typedef struct ItmIn {
	int64_t		usec;
	int			mday;
	int			mon;
	int			year;
} ItmIn;

enum {
	U_IGNORE = 0, U_AGO, U_INVALID,
	U_MICROSEC, U_MILLISEC, U_SECOND, U_MINUTE, U_HOUR, U_DAY, U_WEEK, U_MONTH,
	U_QUARTER, U_YEAR, U_DECADE, U_CENTURY, U_MILLENNIUM, U_TZ, U_UNKNOWN
};

typedef struct UnitKw {
	const char *token;
	int			unit;
} UnitKw;

/* PostgreSQL's deltatktbl, sorted; tokens are compared on 10 characters. */
static const UnitKw unit_keywords[] = {
	{"@", U_IGNORE}, {"ago", U_AGO}, {"c", U_CENTURY}, {"cent", U_CENTURY},
	{"centuries", U_CENTURY}, {"century", U_CENTURY}, {"d", U_DAY}, {"day", U_DAY},
	{"days", U_DAY}, {"dec", U_DECADE}, {"decade", U_DECADE}, {"decades", U_DECADE},
	{"decs", U_DECADE}, {"h", U_HOUR}, {"hour", U_HOUR}, {"hours", U_HOUR}, {"hr", U_HOUR},
	{"hrs", U_HOUR}, {"invalid", U_INVALID}, {"m", U_MINUTE}, {"microsecon", U_MICROSEC},
	{"mil", U_MILLENNIUM}, {"millennia", U_MILLENNIUM}, {"millennium", U_MILLENNIUM},
	{"millisecon", U_MILLISEC}, {"mils", U_MILLENNIUM}, {"min", U_MINUTE},
	{"mins", U_MINUTE}, {"minute", U_MINUTE}, {"minutes", U_MINUTE}, {"mon", U_MONTH},
	{"mons", U_MONTH}, {"month", U_MONTH}, {"months", U_MONTH}, {"ms", U_MILLISEC},
	{"msec", U_MILLISEC}, {"msecond", U_MILLISEC}, {"mseconds", U_MILLISEC},
	{"msecs", U_MILLISEC}, {"qtr", U_QUARTER}, {"quarter", U_QUARTER}, {"s", U_SECOND},
	{"sec", U_SECOND}, {"second", U_SECOND}, {"seconds", U_SECOND}, {"secs", U_SECOND},
	{"timezone", U_TZ}, {"timezone_h", U_TZ}, {"timezone_m", U_TZ}, {"us", U_MICROSEC},
	{"usec", U_MICROSEC}, {"usecond", U_MICROSEC}, {"useconds", U_MICROSEC},
	{"usecs", U_MICROSEC}, {"w", U_WEEK}, {"week", U_WEEK}, {"weeks", U_WEEK},
	{"y", U_YEAR}, {"year", U_YEAR}, {"years", U_YEAR}, {"yr", U_YEAR}, {"yrs", U_YEAR},
};

static int
decode_units(const char *lower)
{
	char		key[11];

	snprintf(key, sizeof(key), "%s", lower);
	for (size_t i = 0; i < sizeof(unit_keywords) / sizeof(unit_keywords[0]); i++)
		if (strcmp(key, unit_keywords[i].token) == 0)
			return unit_keywords[i].unit;
	return U_UNKNOWN;
}

static bool
adjust_fract_microseconds(double frac, int64_t scale, ItmIn *itm)
{
	int64_t		usec;

	if (frac == 0)
		return true;
	frac *= (double) scale;
	if (isnan(frac) || frac < -9.2e18 || frac > 9.2e18)
		return false;
	usec = (int64_t) frac;
	frac = frac - (double) usec;
	if (frac > 0.5)
		usec++;
	else if (frac < -0.5)
		usec--;
	return !__builtin_add_overflow(itm->usec, usec, &itm->usec);
}

static bool
adjust_fract_days(double frac, int scale, ItmIn *itm)
{
	int			extra_days;

	if (frac == 0)
		return true;
	frac *= scale;
	if (frac < INT_MIN || frac > INT_MAX)
		return false;
	extra_days = (int) frac;
	if (__builtin_add_overflow(itm->mday, extra_days, &itm->mday))
		return false;
	frac -= extra_days;
	return adjust_fract_microseconds(frac, USECS_PER_DAY, itm);
}

static bool
adjust_fract_years(double frac, int scale, ItmIn *itm)
{
	double		m;

	if (frac == 0)
		return true;
	m = rint(frac * scale * MONTHS_PER_YEAR);
	if (m < INT_MIN || m > INT_MAX)
		return false;
	return !__builtin_add_overflow(itm->mon, (int) m, &itm->mon);
}

static bool
adjust_microseconds(int64_t val, double fval, int64_t scale, ItmIn *itm)
{
	int64_t		prod;

	if (__builtin_mul_overflow(val, scale, &prod) ||
		__builtin_add_overflow(itm->usec, prod, &itm->usec))
		return false;
	return adjust_fract_microseconds(fval, scale, itm);
}

static bool
adjust_days(int64_t val, int scale, ItmIn *itm)
{
	int64_t		d;

	if (__builtin_mul_overflow(val, (int64_t) scale, &d) || d < INT_MIN || d > INT_MAX)
		return false;
	return !__builtin_add_overflow(itm->mday, (int) d, &itm->mday);
}

static bool
adjust_months(int64_t val, ItmIn *itm)
{
	if (val < INT_MIN || val > INT_MAX)
		return false;
	return !__builtin_add_overflow(itm->mon, (int) val, &itm->mon);
}

static bool
adjust_years(int64_t val, int scale, ItmIn *itm)
{
	int64_t		y;

	if (__builtin_mul_overflow(val, (int64_t) scale, &y) || y < INT_MIN || y > INT_MAX)
		return false;
	return !__builtin_add_overflow(itm->year, (int) y, &itm->year);
}

/* hh:mm[:ss[.f]] (or mm:ss.f) as µs. */
static int
decode_time_for_interval(const char *str, int range, ItmIn *itm)
{
	char	   *cp;
	int64_t		hour;
	long		min;
	long		sec = 0;
	double		frac = 0;
	int32_t		fsec = 0;

	errno = 0;
	hour = strtoll(str, &cp, 10);
	if (errno == ERANGE)
		return DTERR_FIELD_OVERFLOW;
	if (*cp != ':')
		return DTERR_BAD_FORMAT;
	errno = 0;
	min = strtol(cp + 1, &cp, 10);
	if (errno == ERANGE || min > INT_MAX)
		return DTERR_FIELD_OVERFLOW;
	if (*cp == '\0')
	{
		if (range == (IM_MINUTE | IM_SECOND))
		{
			if (hour > INT_MAX || hour < INT_MIN)
				return DTERR_FIELD_OVERFLOW;
			sec = min;
			min = (long) hour;
			hour = 0;
		}
	}
	else if (*cp == '.')
	{
		char	   *end;

		frac = strtod(cp, &end);
		if (*end != '\0')
			return DTERR_BAD_FORMAT;
		fsec = (int32_t) rint(frac * 1000000);
		if (hour > INT_MAX || hour < INT_MIN)
			return DTERR_FIELD_OVERFLOW;
		sec = min;
		min = (long) hour;
		hour = 0;
	}
	else if (*cp == ':')
	{
		errno = 0;
		sec = strtol(cp + 1, &cp, 10);
		if (errno == ERANGE || sec > INT_MAX)
			return DTERR_FIELD_OVERFLOW;
		if (*cp == '.')
		{
			char	   *end;

			frac = strtod(cp, &end);
			if (*end != '\0')
				return DTERR_BAD_FORMAT;
			fsec = (int32_t) rint(frac * 1000000);
		}
		else if (*cp != '\0')
			return DTERR_BAD_FORMAT;
	}
	else
		return DTERR_BAD_FORMAT;

	if (hour < 0 || min < 0 || min > 59 || sec < 0 || sec > 60 || fsec < 0 || fsec > USECS_PER_SEC)
		return DTERR_FIELD_OVERFLOW;
	itm->usec = fsec;
	if (__builtin_mul_overflow(hour, USECS_PER_HOUR, &hour) ||
		__builtin_add_overflow(itm->usec, hour, &itm->usec) ||
		__builtin_add_overflow(itm->usec, (int64_t) min * USECS_PER_MINUTE, &itm->usec) ||
		__builtin_add_overflow(itm->usec, (int64_t) sec * USECS_PER_SEC, &itm->usec))
		return DTERR_FIELD_OVERFLOW;
	return 0;
}

static int
decode_interval(DtFields *f, int range, int style, ItmIn *itm)
{
	bool		force_negative = false;
	bool		is_before = false;
	int			fmask = 0;
	int			tmask;
	int			type = U_IGNORE;
	int			dterr;
	int			i;
	int64_t		val;
	double		fval;

	memset(itm, 0, sizeof(*itm));
	if (style == INTSTYLE_SQL_STANDARD && f->nf > 0 && *f->field[0] == '-')
	{
		force_negative = true;
		for (i = 1; i < f->nf; i++)
		{
			if (*f->field[i] == '-' || *f->field[i] == '+')
			{
				force_negative = false;
				break;
			}
		}
	}

	/* read through list backwards to pick up units before values */
	for (i = f->nf - 1; i >= 0; i--)
	{
		char	   *field = f->field[i];
		char	   *cp;

		tmask = 0;
		switch (f->ftype[i])
		{
			case FT_TIME:
				dterr = decode_time_for_interval(field, range, itm);
				if (dterr)
					return dterr;
				if (force_negative && itm->usec > 0)
					itm->usec = -itm->usec;
				tmask = 1 << U_HOUR | 1 << U_MINUTE | 1 << U_SECOND | 1 << U_MILLISEC | 1 << U_MICROSEC;
				type = U_DAY;
				break;

			case FT_TZ:
				if (strchr(field + 1, ':') != NULL &&
					decode_time_for_interval(field + 1, range, itm) == 0)
				{
					if (*field == '-')
					{
						if (itm->usec == INT64_MIN)
							return DTERR_FIELD_OVERFLOW;
						itm->usec = -itm->usec;
					}
					if (force_negative && itm->usec > 0)
						itm->usec = -itm->usec;
					tmask = 1 << U_HOUR | 1 << U_MINUTE | 1 << U_SECOND | 1 << U_MILLISEC | 1 << U_MICROSEC;
					type = U_DAY;
					break;
				}
				/* FALLTHROUGH */
			case FT_DATE:
			case FT_NUMBER:
				if (type == U_IGNORE)
				{
					switch (range)
					{
						case IM_YEAR:
							type = U_YEAR;
							break;
						case IM_MONTH:
						case IM_YEAR | IM_MONTH:
							type = U_MONTH;
							break;
						case IM_DAY:
							type = U_DAY;
							break;
						case IM_HOUR:
						case IM_DAY | IM_HOUR:
							type = U_HOUR;
							break;
						case IM_MINUTE:
						case IM_HOUR | IM_MINUTE:
						case IM_DAY | IM_HOUR | IM_MINUTE:
							type = U_MINUTE;
							break;
						default:
							type = U_SECOND;
							break;
					}
				}
				errno = 0;
				val = strtoll(field, &cp, 10);
				if (errno == ERANGE)
					return DTERR_FIELD_OVERFLOW;
				if (cp == field && *cp != '.' && !(*cp == '-' || *cp == '+'))
					return DTERR_BAD_FORMAT;
				if (*cp == '-')
				{
					/* SQL "years-months" syntax */
					long		val2;

					errno = 0;
					val2 = strtol(cp + 1, &cp, 10);
					if (errno == ERANGE || val2 < 0 || val2 >= MONTHS_PER_YEAR)
						return DTERR_FIELD_OVERFLOW;
					if (*cp != '\0')
						return DTERR_BAD_FORMAT;
					type = U_MONTH;
					if (*field == '-')
						val2 = -val2;
					if (__builtin_mul_overflow(val, (int64_t) MONTHS_PER_YEAR, &val) ||
						__builtin_add_overflow(val, (int64_t) val2, &val))
						return DTERR_FIELD_OVERFLOW;
					fval = 0;
				}
				else if (*cp == '.')
				{
					char	   *end;

					errno = 0;
					fval = strtod(cp, &end);
					if (*end != '\0' || errno != 0)
						return DTERR_BAD_FORMAT;
					if (*field == '-')
						fval = -fval;
				}
				else if (*cp == '\0')
					fval = 0;
				else
					return DTERR_BAD_FORMAT;

				if (force_negative)
				{
					if (val > 0)
						val = -val;
					if (fval > 0)
						fval = -fval;
				}

				switch (type)
				{
					case U_MICROSEC:
						if (!adjust_microseconds(val, fval, 1, itm))
							return DTERR_FIELD_OVERFLOW;
						tmask = 1 << U_MICROSEC;
						break;
					case U_MILLISEC:
						if (!adjust_microseconds(val, fval, 1000, itm))
							return DTERR_FIELD_OVERFLOW;
						tmask = 1 << U_MILLISEC;
						break;
					case U_SECOND:
						if (!adjust_microseconds(val, fval, USECS_PER_SEC, itm))
							return DTERR_FIELD_OVERFLOW;
						if (fval == 0)
							tmask = 1 << U_SECOND;
						else
							tmask = 1 << U_SECOND | 1 << U_MILLISEC | 1 << U_MICROSEC;
						break;
					case U_MINUTE:
						if (!adjust_microseconds(val, fval, USECS_PER_MINUTE, itm))
							return DTERR_FIELD_OVERFLOW;
						tmask = 1 << U_MINUTE;
						break;
					case U_HOUR:
						if (!adjust_microseconds(val, fval, USECS_PER_HOUR, itm))
							return DTERR_FIELD_OVERFLOW;
						tmask = 1 << U_HOUR;
						type = U_DAY;
						break;
					case U_DAY:
						if (!adjust_days(val, 1, itm) ||
							!adjust_fract_microseconds(fval, USECS_PER_DAY, itm))
							return DTERR_FIELD_OVERFLOW;
						tmask = 1 << U_DAY;
						break;
					case U_WEEK:
						if (!adjust_days(val, 7, itm) || !adjust_fract_days(fval, 7, itm))
							return DTERR_FIELD_OVERFLOW;
						tmask = 1 << U_WEEK;
						break;
					case U_MONTH:
						if (!adjust_months(val, itm) || !adjust_fract_days(fval, DAYS_PER_MONTH, itm))
							return DTERR_FIELD_OVERFLOW;
						tmask = 1 << U_MONTH;
						break;
					case U_YEAR:
						if (!adjust_years(val, 1, itm) || !adjust_fract_years(fval, 1, itm))
							return DTERR_FIELD_OVERFLOW;
						tmask = 1 << U_YEAR;
						break;
					case U_DECADE:
						if (!adjust_years(val, 10, itm) || !adjust_fract_years(fval, 10, itm))
							return DTERR_FIELD_OVERFLOW;
						tmask = 1 << U_DECADE;
						break;
					case U_CENTURY:
						if (!adjust_years(val, 100, itm) || !adjust_fract_years(fval, 100, itm))
							return DTERR_FIELD_OVERFLOW;
						tmask = 1 << U_CENTURY;
						break;
					case U_MILLENNIUM:
						if (!adjust_years(val, 1000, itm) || !adjust_fract_years(fval, 1000, itm))
							return DTERR_FIELD_OVERFLOW;
						tmask = 1 << U_MILLENNIUM;
						break;
					default:
						return DTERR_BAD_FORMAT;
				}
				break;

			case FT_STRING:
			case FT_SPECIAL:
				{
					int			u = decode_units(field);

					if (u == U_IGNORE)
						continue;
					if (u == U_AGO)
					{
						/* a number right before "ago" has no unit: an error */
						is_before = true;
						type = U_UNKNOWN;
						tmask = 0;
						break;
					}
					if (u == U_UNKNOWN || u == U_INVALID || u == U_TZ)
						return DTERR_BAD_FORMAT;
					type = u;
					tmask = 0;
				}
				break;

			default:
				return DTERR_BAD_FORMAT;
		}
		if (tmask & fmask)
			return DTERR_BAD_FORMAT;
		fmask |= tmask;
	}

	if (fmask == 0)
		return DTERR_BAD_FORMAT;

	if (is_before)
	{
		if (itm->usec == INT64_MIN || itm->mday == INT_MIN || itm->mon == INT_MIN || itm->year == INT_MIN)
			return DTERR_FIELD_OVERFLOW;
		itm->usec = -itm->usec;
		itm->mday = -itm->mday;
		itm->mon = -itm->mon;
		itm->year = -itm->year;
	}
	return 0;
}

static int
iso_number(const char *str, char **endptr, int64_t *ipart, double *fpart)
{
	double		val;

	if (!(isdigit((unsigned char) *str) || *str == '-' || *str == '.'))
		return DTERR_BAD_FORMAT;
	errno = 0;
	val = strtod(str, endptr);
	if (*endptr == str || errno != 0)
		return DTERR_BAD_FORMAT;
	if (isnan(val) || val < -1.0e15 || val > 1.0e15)
		return DTERR_FIELD_OVERFLOW;
	if (val >= 0)
		*ipart = (int64_t) floor(val);
	else
		*ipart = (int64_t) -floor(-val);
	*fpart = val - (double) *ipart;
	return 0;
}

static int
iso_int_width(const char *fieldstart)
{
	if (*fieldstart == '-')
		fieldstart++;
	return (int) strspn(fieldstart, "0123456789");
}

/* PostgreSQL's DecodeISO8601Interval ("P1Y2M3DT4H5M6S", "P0001-02-03T04:05:06"). */
static int
decode_iso8601_interval(char *str, ItmIn *itm)
{
	bool		datepart = true;
	bool		havefield = false;

	memset(itm, 0, sizeof(*itm));
	if (strlen(str) < 2 || str[0] != 'P')
		return DTERR_BAD_FORMAT;
	str++;
	while (*str)
	{
		char	   *fieldstart;
		int64_t		val;
		double		fval;
		char		unit;
		int			dterr;

		if (*str == 'T')
		{
			datepart = false;
			havefield = false;
			str++;
			continue;
		}
		fieldstart = str;
		dterr = iso_number(str, &str, &val, &fval);
		if (dterr)
			return dterr;
		unit = *str++;
		if (datepart)
		{
			switch (unit)
			{
				case 'Y':
					if (!adjust_years(val, 1, itm) || !adjust_fract_years(fval, 1, itm))
						return DTERR_FIELD_OVERFLOW;
					break;
				case 'M':
					if (!adjust_months(val, itm) || !adjust_fract_days(fval, DAYS_PER_MONTH, itm))
						return DTERR_FIELD_OVERFLOW;
					break;
				case 'W':
					if (!adjust_days(val, 7, itm) || !adjust_fract_days(fval, 7, itm))
						return DTERR_FIELD_OVERFLOW;
					break;
				case 'D':
					if (!adjust_days(val, 1, itm) || !adjust_fract_microseconds(fval, USECS_PER_DAY, itm))
						return DTERR_FIELD_OVERFLOW;
					break;
				case 'T':
				case '\0':
					if (iso_int_width(fieldstart) == 8 && !havefield)
					{
						if (!adjust_years(val / 10000, 1, itm) ||
							!adjust_months((val / 100) % 100, itm) ||
							!adjust_days(val % 100, 1, itm) ||
							!adjust_fract_microseconds(fval, USECS_PER_DAY, itm))
							return DTERR_FIELD_OVERFLOW;
						if (unit == '\0')
							return 0;
						datepart = false;
						havefield = false;
						continue;
					}
					/* FALLTHROUGH */
				case '-':
					if (havefield)
						return DTERR_BAD_FORMAT;
					if (!adjust_years(val, 1, itm) || !adjust_fract_years(fval, 1, itm))
						return DTERR_FIELD_OVERFLOW;
					if (unit == '\0')
						return 0;
					if (unit == 'T')
					{
						datepart = false;
						havefield = false;
						continue;
					}
					dterr = iso_number(str, &str, &val, &fval);
					if (dterr)
						return dterr;
					if (!adjust_months(val, itm) || !adjust_fract_days(fval, DAYS_PER_MONTH, itm))
						return DTERR_FIELD_OVERFLOW;
					if (*str == '\0')
						return 0;
					if (*str == 'T')
					{
						datepart = false;
						havefield = false;
						continue;
					}
					if (*str != '-')
						return DTERR_BAD_FORMAT;
					str++;
					dterr = iso_number(str, &str, &val, &fval);
					if (dterr)
						return dterr;
					if (!adjust_days(val, 1, itm) || !adjust_fract_microseconds(fval, USECS_PER_DAY, itm))
						return DTERR_FIELD_OVERFLOW;
					if (*str == '\0')
						return 0;
					if (*str == 'T')
					{
						datepart = false;
						havefield = false;
						continue;
					}
					return DTERR_BAD_FORMAT;
				default:
					return DTERR_BAD_FORMAT;
			}
		}
		else
		{
			switch (unit)
			{
				case 'H':
					if (!adjust_microseconds(val, fval, USECS_PER_HOUR, itm))
						return DTERR_FIELD_OVERFLOW;
					break;
				case 'M':
					if (!adjust_microseconds(val, fval, USECS_PER_MINUTE, itm))
						return DTERR_FIELD_OVERFLOW;
					break;
				case 'S':
					if (!adjust_microseconds(val, fval, USECS_PER_SEC, itm))
						return DTERR_FIELD_OVERFLOW;
					break;
				case '\0':
					if (iso_int_width(fieldstart) == 6 && !havefield)
					{
						if (!adjust_microseconds(val / 10000, 0, USECS_PER_HOUR, itm) ||
							!adjust_microseconds((val / 100) % 100, 0, USECS_PER_MINUTE, itm) ||
							!adjust_microseconds(val % 100, 0, USECS_PER_SEC, itm) ||
							!adjust_fract_microseconds(fval, 1, itm))
							return DTERR_FIELD_OVERFLOW;
						return 0;
					}
					/* FALLTHROUGH */
				case ':':
					if (havefield)
						return DTERR_BAD_FORMAT;
					if (!adjust_microseconds(val, fval, USECS_PER_HOUR, itm))
						return DTERR_FIELD_OVERFLOW;
					if (unit == '\0')
						return 0;
					dterr = iso_number(str, &str, &val, &fval);
					if (dterr)
						return dterr;
					if (!adjust_microseconds(val, fval, USECS_PER_MINUTE, itm))
						return DTERR_FIELD_OVERFLOW;
					if (*str == '\0')
						return 0;
					if (*str != ':')
						return DTERR_BAD_FORMAT;
					str++;
					dterr = iso_number(str, &str, &val, &fval);
					if (dterr)
						return dterr;
					if (!adjust_microseconds(val, fval, USECS_PER_SEC, itm))
						return DTERR_FIELD_OVERFLOW;
					if (*str == '\0')
						return 0;
					return DTERR_BAD_FORMAT;
				default:
					return DTERR_BAD_FORMAT;
			}
		}
		havefield = true;
	}
	return 0;
}

static const int64_t interval_scales[MAX_INTERVAL_PRECISION + 1] = {
	INT64_C(1000000), INT64_C(100000), INT64_C(10000), INT64_C(1000), INT64_C(100), INT64_C(10), INT64_C(1)
};
static const int64_t interval_offsets[MAX_INTERVAL_PRECISION + 1] = {
	INT64_C(500000), INT64_C(50000), INT64_C(5000), INT64_C(500), INT64_C(50), INT64_C(5), INT64_C(0)
};

int
interval_adjust_typmod(EvalCtx *ctx, Interval *iv, int32_t typmod)
{
	int			range;
	int			precision;

	if (typmod < 0)
		return 0;
	range = INTERVAL_RANGE(typmod);
	precision = INTERVAL_PRECISION(typmod);
	if (range == INTERVAL_FULL_RANGE)
		;
	else if (range == IM_YEAR)
	{
		iv->month = (iv->month / MONTHS_PER_YEAR) * MONTHS_PER_YEAR;
		iv->day = 0;
		iv->time = 0;
	}
	else if (range == IM_MONTH || range == (IM_YEAR | IM_MONTH))
	{
		iv->day = 0;
		iv->time = 0;
	}
	else if (range == IM_DAY)
		iv->time = 0;
	else if (range == IM_HOUR || range == (IM_DAY | IM_HOUR))
		iv->time = (iv->time / USECS_PER_HOUR) * USECS_PER_HOUR;
	else if (range == IM_MINUTE || range == (IM_DAY | IM_HOUR | IM_MINUTE) ||
			 range == (IM_HOUR | IM_MINUTE))
		iv->time = (iv->time / USECS_PER_MINUTE) * USECS_PER_MINUTE;
	if (precision != INTERVAL_FULL_PRECISION)
	{
		if (precision < 0 || precision > MAX_INTERVAL_PRECISION)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
					 "interval(%d) precision must be between %d and %d",
					 precision, 0, MAX_INTERVAL_PRECISION);
			return -1;
		}
		if (iv->time >= 0)
		{
			if (iv->time > INT64_MAX - interval_offsets[precision])
				goto overflow;
			iv->time = ((iv->time + interval_offsets[precision]) / interval_scales[precision]) *
				interval_scales[precision];
		}
		else
		{
			if (-iv->time > INT64_MAX - interval_offsets[precision])
				goto overflow;
			iv->time = -(((-iv->time + interval_offsets[precision]) / interval_scales[precision]) *
						 interval_scales[precision]);
		}
	}
	return 0;

overflow:
	mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "interval out of range");
	return -1;
}

int
interval_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	DtFields	f;
	ItmIn		itm;
	Interval	iv;
	int			range = typmod >= 0 ? INTERVAL_RANGE(typmod) : INTERVAL_FULL_RANGE;
	int			dterr;
	int64_t		months;

	dterr = (len >= DT_MAXDATELEN) ? DTERR_BAD_FORMAT : datetime_tokenize(str, len, &f);
	if (dterr == 0)
		dterr = f.nf > 0 ? decode_interval(&f, range, intervalstyle_get(ctx), &itm) : DTERR_BAD_FORMAT;
	if (dterr == DTERR_BAD_FORMAT)
	{
		char	   *copy = arena_strndup(ctx->arena, str, len);

		dterr = (strlen(copy) == len) ? decode_iso8601_interval(copy, &itm) : DTERR_BAD_FORMAT;
	}
	if (dterr != 0)
	{
		if (dterr == DTERR_FIELD_OVERFLOW)
			dterr = DTERR_INTERVAL_OVERFLOW;
		return datetime_parse_error(ctx, dterr, str, len, "interval", NULL);
	}
	months = (int64_t) itm.year * MONTHS_PER_YEAR + itm.mon;
	if (months < INT32_MIN || months > INT32_MAX)
	{
		mg_error(ctx->err, SQLSTATE_DATETIME_VALUE_OUT_OF_RANGE, "interval out of range");
		return -1;
	}
	iv.month = (int32_t) months;
	iv.day = itm.mday;
	iv.time = itm.usec;
	if (interval_adjust_typmod(ctx, &iv, typmod) != 0)
		return -1;
	*out = interval_datum(ctx->arena, &iv);
	return 0;
}

/* ---------------------------------------------------------------- output */

static void
add_iso_part(StrBuf *out, int64_t value, char units)
{
	if (value != 0)
		strbuf_printf(out, "%lld%c", (long long) value, units);
}

static void
add_postgres_part(StrBuf *out, int64_t value, const char *units, bool *is_zero, bool *is_before)
{
	if (value == 0)
		return;
	strbuf_printf(out, "%s%s%lld %s%s", (!*is_zero) ? " " : "",
				  (*is_before && value > 0) ? "+" : "", (long long) value, units,
				  (value != 1) ? "s" : "");
	*is_before = (value < 0);
	*is_zero = false;
}

static void
add_verbose_part(StrBuf *out, int64_t value, const char *units, bool *is_zero, bool *is_before)
{
	if (value == 0)
		return;
	if (*is_zero)
	{
		*is_before = (value < 0);
		value = value < 0 ? -value : value;
	}
	else if (*is_before)
		value = -value;
	strbuf_printf(out, " %lld %s%s", (long long) value, units, (value == 1) ? "" : "s");
	*is_zero = false;
}

#define ABS64(x) ((x) < 0 ? -(x) : (x))

void
interval_encode(EvalCtx *ctx, const Interval *iv, StrBuf *out)
{
	int			year = iv->month / MONTHS_PER_YEAR;
	int			mon = iv->month % MONTHS_PER_YEAR;
	int64_t		mday = iv->day;
	int64_t		time = iv->time;
	int64_t		hour;
	int			min;
	int			sec;
	int			fsec;
	bool		is_before = false;
	bool		is_zero = true;

	hour = time / USECS_PER_HOUR;
	time -= hour * USECS_PER_HOUR;
	min = (int) (time / USECS_PER_MINUTE);
	time -= (int64_t) min * USECS_PER_MINUTE;
	sec = (int) (time / USECS_PER_SEC);
	fsec = (int) (time - (int64_t) sec * USECS_PER_SEC);

	switch (intervalstyle_get(ctx))
	{
		case INTSTYLE_SQL_STANDARD:
			{
				bool		has_negative = year < 0 || mon < 0 || mday < 0 || hour < 0 ||
					min < 0 || sec < 0 || fsec < 0;
				bool		has_positive = year > 0 || mon > 0 || mday > 0 || hour > 0 ||
					min > 0 || sec > 0 || fsec > 0;
				bool		has_year_month = year != 0 || mon != 0;
				bool		has_day_time = mday != 0 || hour != 0 || min != 0 || sec != 0 || fsec != 0;
				bool		has_day = mday != 0;
				bool		sql_standard_value = !(has_negative && has_positive) &&
					!(has_year_month && has_day_time);

				if (has_negative && sql_standard_value)
				{
					strbuf_putc(out, '-');
					year = -year;
					mon = -mon;
					mday = -mday;
					hour = -hour;
					min = -min;
					sec = -sec;
					fsec = -fsec;
				}
				if (!has_negative && !has_positive)
					strbuf_putc(out, '0');
				else if (!sql_standard_value)
				{
					char		year_sign = (year < 0 || mon < 0) ? '-' : '+';
					char		day_sign = (mday < 0) ? '-' : '+';
					char		sec_sign = (hour < 0 || min < 0 || sec < 0 || fsec < 0) ? '-' : '+';

					strbuf_printf(out, "%c%d-%d %c%lld %c%lld:%02d:", year_sign, abs(year), abs(mon),
								  day_sign, (long long) ABS64(mday), sec_sign,
								  (long long) ABS64(hour), abs(min));
					append_seconds(out, sec, fsec, MAX_INTERVAL_PRECISION, true);
				}
				else if (has_year_month)
					strbuf_printf(out, "%d-%d", year, mon);
				else if (has_day)
				{
					strbuf_printf(out, "%lld %lld:%02d:", (long long) mday, (long long) hour, min);
					append_seconds(out, sec, fsec, MAX_INTERVAL_PRECISION, true);
				}
				else
				{
					strbuf_printf(out, "%lld:%02d:", (long long) hour, min);
					append_seconds(out, sec, fsec, MAX_INTERVAL_PRECISION, true);
				}
			}
			break;

		case INTSTYLE_ISO_8601:
			if (year == 0 && mon == 0 && mday == 0 && hour == 0 && min == 0 && sec == 0 && fsec == 0)
			{
				strbuf_puts(out, "PT0S");
				break;
			}
			strbuf_putc(out, 'P');
			add_iso_part(out, year, 'Y');
			add_iso_part(out, mon, 'M');
			add_iso_part(out, mday, 'D');
			if (hour != 0 || min != 0 || sec != 0 || fsec != 0)
				strbuf_putc(out, 'T');
			add_iso_part(out, hour, 'H');
			add_iso_part(out, min, 'M');
			if (sec != 0 || fsec != 0)
			{
				if (sec < 0 || fsec < 0)
					strbuf_putc(out, '-');
				append_seconds(out, sec, fsec, MAX_INTERVAL_PRECISION, false);
				strbuf_putc(out, 'S');
			}
			break;

		case INTSTYLE_POSTGRES:
			add_postgres_part(out, year, "year", &is_zero, &is_before);
			add_postgres_part(out, mon, "mon", &is_zero, &is_before);
			add_postgres_part(out, mday, "day", &is_zero, &is_before);
			if (is_zero || hour != 0 || min != 0 || sec != 0 || fsec != 0)
			{
				bool		minus = (hour < 0 || min < 0 || sec < 0 || fsec < 0);

				strbuf_printf(out, "%s%s%02lld:%02d:", is_zero ? "" : " ",
							  (minus ? "-" : (is_before ? "+" : "")),
							  (long long) ABS64(hour), abs(min));
				append_seconds(out, sec, fsec, MAX_INTERVAL_PRECISION, true);
			}
			break;

		default:
			strbuf_putc(out, '@');
			add_verbose_part(out, year, "year", &is_zero, &is_before);
			add_verbose_part(out, mon, "mon", &is_zero, &is_before);
			add_verbose_part(out, mday, "day", &is_zero, &is_before);
			add_verbose_part(out, hour, "hour", &is_zero, &is_before);
			add_verbose_part(out, min, "min", &is_zero, &is_before);
			if (sec != 0 || fsec != 0)
			{
				strbuf_putc(out, ' ');
				if (sec < 0 || (sec == 0 && fsec < 0))
				{
					if (is_zero)
						is_before = true;
					else if (!is_before)
						strbuf_putc(out, '-');
				}
				else if (is_before)
					strbuf_putc(out, '-');
				append_seconds(out, sec, fsec, MAX_INTERVAL_PRECISION, false);
				strbuf_printf(out, " sec%s", (abs(sec) != 1 || fsec != 0) ? "s" : "");
				is_zero = false;
			}
			if (is_zero)
				strbuf_puts(out, " 0");
			if (is_before)
				strbuf_puts(out, " ago");
			break;
	}
}

int
interval_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	Interval	iv;

	(void) typmod;
	interval_get(value, &iv);
	interval_encode(ctx, &iv, out);
	return 0;
}

/* ---------------------------------------------------------------- binary, order */

static int
interval_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	Interval	iv;
	int64_t		t;
	uint32_t	d = 0;
	uint32_t	m = 0;

	if (len != 16)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION, "incorrect binary data format");
		return -1;
	}
	if (dt_recv_int64(ctx, buf, 8, &t))
		return -1;
	for (int i = 0; i < 4; i++)
	{
		d = (d << 8) | (unsigned char) buf[8 + i];
		m = (m << 8) | (unsigned char) buf[12 + i];
	}
	iv.time = t;
	iv.day = (int32_t) d;
	iv.month = (int32_t) m;
	if (interval_adjust_typmod(ctx, &iv, typmod) != 0)
		return -1;
	*out = interval_datum(ctx->arena, &iv);
	return 0;
}

static int
interval_send(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	Interval	iv;
	uint32_t	d;
	uint32_t	m;
	unsigned char b[8];

	(void) ctx;
	(void) typmod;
	interval_get(value, &iv);
	dt_send_int64(iv.time, out);
	d = (uint32_t) iv.day;
	m = (uint32_t) iv.month;
	for (int i = 0; i < 4; i++)
	{
		b[i] = (unsigned char) (d >> (24 - 8 * i));
		b[4 + i] = (unsigned char) (m >> (24 - 8 * i));
	}
	strbuf_append(out, b, 8);
	return 0;
}

static __int128
interval_span(Datum d)
{
	Interval	iv;

	interval_get(d, &iv);
	return (__int128) iv.time + (__int128) iv.day * USECS_PER_DAY +
		(__int128) iv.month * DAYS_PER_MONTH * USECS_PER_DAY;
}

static int
interval_cmp(Datum a, Datum b)
{
	__int128	x = interval_span(a);
	__int128	y = interval_span(b);

	return (x > y) - (x < y);
}

static uint64_t
interval_hash(Datum a)
{
	__int128	s = interval_span(a);

	return datetime_hash64((uint64_t) s ^ datetime_hash64((uint64_t) (s >> 64)));
}

static void
interval_key(Datum value, StrBuf *out)
{
	__int128	s = interval_span(value);

	key_encode_int64((int64_t) (s >> 64), out);
	key_encode_int64((int64_t) ((uint64_t) s ^ (UINT64_C(1) << 63)), out);
}

static int
interval_modapply(EvalCtx *ctx, Datum value, int32_t typmod, bool explicit_cast, Datum *out)
{
	Interval	iv;

	(void) explicit_cast;
	interval_get(value, &iv);
	if (interval_adjust_typmod(ctx, &iv, typmod) != 0)
		return -1;
	*out = interval_datum(ctx->arena, &iv);
	return 0;
}

static int
interval_modin(EvalCtx *ctx, const int32_t *mods, int nmods, int32_t *typmod)
{
	if (nmods > 0)
	{
		switch (mods[0])
		{
			case IM_YEAR:
			case IM_MONTH:
			case IM_DAY:
			case IM_HOUR:
			case IM_MINUTE:
			case IM_SECOND:
			case IM_YEAR | IM_MONTH:
			case IM_DAY | IM_HOUR:
			case IM_DAY | IM_HOUR | IM_MINUTE:
			case IM_DAY | IM_HOUR | IM_MINUTE | IM_SECOND:
			case IM_HOUR | IM_MINUTE:
			case IM_HOUR | IM_MINUTE | IM_SECOND:
			case IM_MINUTE | IM_SECOND:
			case INTERVAL_FULL_RANGE:
				break;
			default:
				mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid INTERVAL type modifier");
				return -1;
		}
	}
	if (nmods == 1)
		*typmod = mods[0] != INTERVAL_FULL_RANGE ?
			INTERVAL_TYPMOD(INTERVAL_FULL_PRECISION, mods[0]) : -1;
	else if (nmods == 2)
	{
		if (mods[1] < 0)
		{
			mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
					 "INTERVAL(%d) precision must not be negative", mods[1]);
			return -1;
		}
		*typmod = INTERVAL_TYPMOD(mods[1] > MAX_INTERVAL_PRECISION ? MAX_INTERVAL_PRECISION : mods[1],
								  mods[0]);
	}
	else
	{
		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid INTERVAL type modifier");
		return -1;
	}
	return 0;
}

static void
interval_modout(int32_t typmod, StrBuf *out)
{
	int			range;
	int			precision;
	const char *f;

	if (typmod < 0)
		return;
	range = INTERVAL_RANGE(typmod);
	precision = INTERVAL_PRECISION(typmod);
	switch (range)
	{
		case IM_YEAR: f = " year"; break;
		case IM_MONTH: f = " month"; break;
		case IM_DAY: f = " day"; break;
		case IM_HOUR: f = " hour"; break;
		case IM_MINUTE: f = " minute"; break;
		case IM_SECOND: f = " second"; break;
		case IM_YEAR | IM_MONTH: f = " year to month"; break;
		case IM_DAY | IM_HOUR: f = " day to hour"; break;
		case IM_DAY | IM_HOUR | IM_MINUTE: f = " day to minute"; break;
		case IM_DAY | IM_HOUR | IM_MINUTE | IM_SECOND: f = " day to second"; break;
		case IM_HOUR | IM_MINUTE: f = " hour to minute"; break;
		case IM_HOUR | IM_MINUTE | IM_SECOND: f = " hour to second"; break;
		case IM_MINUTE | IM_SECOND: f = " minute to second"; break;
		default: f = ""; break;
	}
	strbuf_puts(out, f);
	if (precision != INTERVAL_FULL_PRECISION)
		strbuf_printf(out, "(%d)", precision);
}

const MgType interval_type = {
	.oid = INTERVALOID, .name = "interval", .sql_name = "interval", .typlen = -1,
	.byval = false, .category = 'T', .preferred = true, .align = 'd', .elem = InvalidOid,
	.array = INTERVALARRAYOID, .input = interval_in, .output = interval_out,
	.recv = interval_recv, .send = interval_send, .cmp = interval_cmp, .hash = interval_hash,
	.key_encode = interval_key, .modapply = interval_modapply, .modin = interval_modin,
	.modout = interval_modout,
};
