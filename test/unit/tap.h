/*
 * tap.h — minimal TAP output for unit-test programs (header-only).
 *   ok(cond, "description %d", n);  ...  return tap_done();
 */
#ifndef MEMGRES_TEST_TAP_H
#define MEMGRES_TEST_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int	tap_n;
static int	tap_failed;

__attribute__((format(printf, 2, 3), unused))
static int
ok(int cond, const char *fmt,...)
{
	va_list		ap;

	tap_n++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!cond)
		tap_failed++;
	return cond;
}

__attribute__((unused))
static int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
