/*
 * tap.c — TAP output and connection helpers for the protocol tests.
 *
 * Design notes: output is line-buffered stdout so that a crash of the
 * program still leaves every finished line in the log; diagnostics are
 * prefixed with "# " per line as TAP requires.  See tap.h for the
 * environment that describes the server under test.
 */
#include "tap.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int	tap_count;
static int	tap_failed;

static void
tap_vline(bool cond, const char *fmt, va_list ap)
{
	static bool setup;
	char		desc[2048],
			   *p;

	if (!setup)
	{
		setvbuf(stdout, NULL, _IOLBF, 0);
		signal(SIGPIPE, SIG_IGN);
		setup = true;
	}
	tap_count++;
	if (!cond)
		tap_failed++;
	/* One line per test: newlines in the description become spaces. */
	vsnprintf(desc, sizeof(desc), fmt, ap);
	for (p = desc; *p; p++)
		if (*p == '\n')
			*p = ' ';
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_count, desc);
}

bool
tap_ok(bool cond, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	tap_vline(cond, fmt, ap);
	va_end(ap);
	return cond;
}

void
tap_diag(const char *fmt,...)
{
	char		buf[4096];
	char	   *line,
			   *save = NULL;
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		printf("# %s\n", line);
	fflush(stdout);
}

int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	if (tap_failed)
		printf("# %d of %d failed\n", tap_failed, tap_count);
	fflush(stdout);
	return tap_failed ? 1 : 0;
}

void
tap_bail(const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	tap_vline(false, fmt, ap);
	va_end(ap);
	tap_done();
	exit(1);
}

const char *
tap_env_required(const char *name)
{
	const char *v = getenv(name);

	if (v == NULL || *v == '\0')
		tap_bail("environment variable %s is set (run through suite-protocol.sh)", name);
	return v;
}

const char *
tap_host(void)
{
	const char *v = getenv("MEMGRES_TEST_HOST");

	return v && *v ? v : "127.0.0.1";
}

int
tap_port(void)
{
	return atoi(tap_env_required("MEMGRES_TEST_PORT"));
}

int
tap_server_pid(void)
{
	const char *v = getenv("MEMGRES_TEST_PID");

	return v ? atoi(v) : 0;
}

PGconn *
tap_connect(const char *extra)
{
	const char *base = tap_env_required("MEMGRES_TEST_CONNSTR");
	char	   *s;
	PGconn	   *conn;

	if (extra == NULL)
		extra = "";
	s = malloc(strlen(base) + strlen(extra) + 2);
	sprintf(s, "%s %s", base, extra);
	conn = PQconnectdb(s);
	free(s);
	return conn;
}

bool
tap_query_value(PGconn *conn, const char *sql, const char *expect)
{
	PGresult   *res = PQexec(conn, sql);
	bool		good;

	good = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) >= 1 &&
		PQnfields(res) >= 1 && strcmp(PQgetvalue(res, 0, 0), expect) == 0;
	if (!good)
		tap_diag("%.200s -> %s %.300s", sql, PQresStatus(PQresultStatus(res)),
				 PQresultErrorMessage(res));
	PQclear(res);
	return good;
}

bool
tap_server_answers(void)
{
	PGconn	   *conn = tap_connect(NULL);
	bool		good = false;

	if (PQstatus(conn) == CONNECTION_OK)
		good = tap_query_value(conn, "select 1", "1");
	else
		tap_diag("connect: %s", PQerrorMessage(conn));
	PQfinish(conn);
	return good;
}

long
tap_rss_kb(int pid)
{
	char		path[64],
				line[256];
	FILE	   *f;
	long		kb = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "VmRSS:", 6) == 0)
			kb = atol(line + 6);
	fclose(f);
	return kb;
}

bool
tap_pid_alive(int pid)
{
	return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM);
}

int64_t
tap_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
