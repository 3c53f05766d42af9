/* test_datetime_cases.h — the oracle table of test_datetime (generated). */
#ifndef TEST_DATETIME_CASES_H
#define TEST_DATETIME_CASES_H

typedef struct DtCase {
	const char *datestyle;
	const char *intervalstyle;
	const char *timezone;
	const char *type;			/* "timestamp(3)", "interval day to second" ... */
	const char *input;
	const char *expected;		/* "OK:text" or "ERR:SQLSTATE:message[:HINT:hint]" */
} DtCase;

extern const DtCase dt_cases[];
extern const int dt_ncases;

#endif
