/*
 * fork-bench.c — client-side timing of database forks (issue #4), used by
 * test/bench/fork-bench.sh against memgres and PostgreSQL 15 alike.
 *
 *   fork-bench CONNSTR time TEMPLATE REPS
 *       REPS times: CREATE DATABASE fb_tmp TEMPLATE TEMPLATE, then DROP
 *       DATABASE fb_tmp, each timed alone on one connection.  Prints
 *       "create_ms=MEDIAN drop_ms=MEDIAN" (milliseconds, client round trip).
 *   fork-bench CONNSTR cycles TEMPLATE SECONDS
 *       For about SECONDS: CREATE DATABASE fb_cycle TEMPLATE TEMPLATE on the
 *       admin connection, connect to the fork, run 10 single-row INSERTs
 *       into its table t (id int, v text, created by the caller in the
 *       template), disconnect, DROP DATABASE fb_cycle.  Prints
 *       "cycles_per_s=RATE cycles=N drop_retries=R ms_per_cycle: ..." with
 *       the mean time of each phase (create, connect, writes, close+drop).
 *   fork-bench CONNSTR cycles-batched TEMPLATE SECONDS
 *       The same cycle, but the 10 INSERTs go to the server as one batch: a
 *       libpq pipeline of 10 extended-protocol executions and one Sync (one
 *       round trip and one implicit transaction, as a driver's batch API
 *       sends them).
 *
 * Design: the admin connection stays open for the whole run; times are
 * taken around PQexec, so they include one network round trip (loopback)
 * and the client's own parsing of the answer, not just the server's work.
 * DROP DATABASE right after the fork's session closed may meet that
 * session still registered (55006 on memgres; PostgreSQL waits for it):
 * the drop is retried and the retries are counted and printed.
 *
 * Exit status non-zero when any statement fails (other than those retries).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Runs sql; returns its SQLSTATE ("" on success) in a static buffer. */
static const char *
run(PGconn *c, const char *sql)
{
	static char code[8];
	PGresult   *res = PQexec(c, sql);
	ExecStatusType st = PQresultStatus(res);

	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		code[0] = '\0';
	else
	{
		const char *s = PQresultErrorField(res, PG_DIAG_SQLSTATE);

		snprintf(code, sizeof(code), "%s", s ? s : "?????");
		if (strcmp(code, "55006") != 0)
			fprintf(stderr, "fork-bench: %s: %s", sql, PQresultErrorMessage(res));
	}
	PQclear(res);
	return code;
}

static void
must(PGconn *c, const char *sql)
{
	if (run(c, sql)[0] != '\0')
		exit(1);
}

/* DROP DATABASE name, retrying while the fork's last session goes away. */
static long
drop_retrying(PGconn *c, const char *name)
{
	char		sql[128];
	const char *code;
	long		retries = 0;

	snprintf(sql, sizeof(sql), "DROP DATABASE %s", name);
	while (strcmp(code = run(c, sql), "55006") == 0 && retries < 100000)
	{
		retries++;
		usleep(200);
	}
	if (code[0] != '\0')
		exit(1);
	return retries;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return x < y ? -1 : x > y;
}

static int
bench_time(PGconn *c, const char *tmpl, int reps)
{
	double	   *cr = calloc(reps, sizeof(double)),
			   *dr = calloc(reps, sizeof(double));
	char		sql[256];
	int			i;

	run(c, "DROP DATABASE IF EXISTS fb_tmp");
	snprintf(sql, sizeof(sql), "CREATE DATABASE fb_tmp TEMPLATE %s", tmpl);
	for (i = 0; i < reps; i++)
	{
		double		t0 = now_ms();

		must(c, sql);
		cr[i] = now_ms() - t0;
		t0 = now_ms();
		must(c, "DROP DATABASE fb_tmp");
		dr[i] = now_ms() - t0;
	}
	qsort(cr, reps, sizeof(double), cmp_double);
	qsort(dr, reps, sizeof(double), cmp_double);
	printf("create_ms=%.3f drop_ms=%.3f\n", cr[reps / 2], dr[reps / 2]);
	free(cr);
	free(dr);
	return 0;
}

/* The 10 INSERTs as one pipeline: 10 executions, one Sync, one round trip. */
static void
insert_batch(PGconn *f)
{
	PGresult   *res;
	int			i;

	if (!PQenterPipelineMode(f))
	{
		fprintf(stderr, "fork-bench: pipeline mode: %s", PQerrorMessage(f));
		exit(1);
	}
	for (i = 0; i < 10; i++)
	{
		char		id[16];
		const char *params[1] = {id};

		snprintf(id, sizeof(id), "%d", 1000000 + i);
		if (!PQsendQueryParams(f, "INSERT INTO t VALUES ($1, 'cycle write')", 1, NULL, params, NULL, NULL, 0))
		{
			fprintf(stderr, "fork-bench: send: %s", PQerrorMessage(f));
			exit(1);
		}
	}
	if (!PQpipelineSync(f))
	{
		fprintf(stderr, "fork-bench: sync: %s", PQerrorMessage(f));
		exit(1);
	}
	for (i = 0; i < 10; i++)
	{
		res = PQgetResult(f);
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
		{
			fprintf(stderr, "fork-bench: batched INSERT: %s", PQresultErrorMessage(res));
			exit(1);
		}
		PQclear(res);
		res = PQgetResult(f);	/* NULL: the end of this query's results */
		PQclear(res);
	}
	res = PQgetResult(f);
	if (PQresultStatus(res) != PGRES_PIPELINE_SYNC)
	{
		fprintf(stderr, "fork-bench: no pipeline sync: %s", PQerrorMessage(f));
		exit(1);
	}
	PQclear(res);
	PQexitPipelineMode(f);
}

static int
bench_cycles(PGconn *c, const char *connstr, const char *tmpl, double seconds, bool batched)
{
	char		sql[256],
				fork_conn[1024];
	double		t0 = now_ms(),
				elapsed,
				ph[4] = {0, 0, 0, 0},	/* create, connect, writes, close+drop */
				t;
	long		cycles = 0,
				retries = 0;

	run(c, "DROP DATABASE IF EXISTS fb_cycle");
	snprintf(sql, sizeof(sql), "CREATE DATABASE fb_cycle TEMPLATE %s", tmpl);
	snprintf(fork_conn, sizeof(fork_conn), "%s dbname=fb_cycle", connstr);
	do
	{
		PGconn	   *f;
		int			i;

		t = now_ms();
		must(c, sql);
		ph[0] += now_ms() - t;
		t = now_ms();
		f = PQconnectdb(fork_conn);
		ph[1] += now_ms() - t;
		if (PQstatus(f) != CONNECTION_OK)
		{
			fprintf(stderr, "fork-bench: connect to the fork: %s", PQerrorMessage(f));
			return 1;
		}
		t = now_ms();
		if (batched)
			insert_batch(f);
		for (i = 0; i < 10 && !batched; i++)
		{
			char		ins[128];

			snprintf(ins, sizeof(ins), "INSERT INTO t VALUES (%d, 'cycle write')", 1000000 + i);
			must(f, ins);
		}
		ph[2] += now_ms() - t;
		t = now_ms();
		PQfinish(f);
		retries += drop_retrying(c, "fb_cycle");
		ph[3] += now_ms() - t;
		cycles++;
		elapsed = now_ms() - t0;
	} while (elapsed < seconds * 1000.0);
	printf("cycles_per_s=%.1f cycles=%ld drop_retries=%ld ms_per_cycle: create=%.3f connect=%.3f writes=%.3f close_drop=%.3f\n",
		   cycles * 1000.0 / elapsed, cycles, retries, ph[0] / cycles, ph[1] / cycles, ph[2] / cycles, ph[3] / cycles);
	return 0;
}

int
main(int argc, char **argv)
{
	PGconn	   *c;
	int			st;

	if (argc != 5 || (strcmp(argv[2], "time") != 0 && strcmp(argv[2], "cycles") != 0 &&
					  strcmp(argv[2], "cycles-batched") != 0))
	{
		fprintf(stderr, "usage: fork-bench CONNSTR time TEMPLATE REPS | CONNSTR cycles[-batched] TEMPLATE SECONDS\n");
		return 2;
	}
	c = PQconnectdb(argv[1]);
	if (PQstatus(c) != CONNECTION_OK)
	{
		fprintf(stderr, "fork-bench: %s", PQerrorMessage(c));
		return 1;
	}
	if (strcmp(argv[2], "time") == 0)
		st = bench_time(c, argv[3], atoi(argv[4]) > 0 ? atoi(argv[4]) : 1);
	else
		st = bench_cycles(c, argv[1], argv[3], atof(argv[4]), strcmp(argv[2], "cycles-batched") == 0);
	PQfinish(c);
	return st;
}
