/* test_datetime_cases.h — the oracle table of test_datetime (generated). */
#ifndef TEST_DATETIME_CASES_H
#define TEST_DATETIME_CASES_H

#include <stddef.h>

typedef struct DtCase {
	const char *datestyle;
	const char *intervalstyle;
	const char *timezone;
	const char *type;			/* "timestamp(3)", "interval day to second" ... */
	const char *input;
	const char *expected;		/* "OK:text" or "ERR:SQLSTATE:message[:HINT:hint]" */
} DtCase;

/* A function call or an operator applied to literals of the given types. */
typedef struct DtFnCase {
	const char *datestyle;
	const char *timezone;
	char		kind;			/* 'f' function, 'o' operator, 'c' cast to the type named */
	const char *name;
	int			nargs;
	const char *types[8];
	const char *values[8];
	const char *expected;
} DtFnCase;

extern const DtFnCase dt_fcases[];
extern const int dt_nfcases;
extern const DtCase dt_cases[];
extern const int dt_ncases;

#endif
