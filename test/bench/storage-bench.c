/*
 * storage-bench.c — micro-benchmark of the copy-on-write store with rows
 * shaped like pgbench_accounts (aid int4 primary key, bid int4, abalance
 * int4, filler char(84) blank-padded).
 *
 * Reports: load time of N rows (one transaction, like COPY) with the
 * primary key index, bytes per row (accounted by storage and RSS growth),
 * primary-key point lookups, range scans of 100 rows, pgbench-style update
 * transactions (savepoint, lookup, update, commit), and fork + drop.
 *
 * Usage: storage-bench [rows [lookups]]   (default 1000000 each).  Not run
 * by make check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <memgres/arena.h>
#include <memgres/storage.h>

#define TBL 16384
#define PK 16385

static const StColumn cols[4] = {{4, true}, {4, true}, {4, true}, {-1, false}};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static size_t
rss_bytes(void)
{
	FILE	   *f = fopen("/proc/self/statm", "r");
	long		size = 0,
				rss = 0;

	if (f == NULL)
		return 0;
	if (fscanf(f, "%ld %ld", &size, &rss) != 2)
		rss = 0;
	fclose(f);
	return (size_t) rss * (size_t) sysconf(_SC_PAGESIZE);
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t) (rng % n);
}

static void
aid_key(uint8_t key[5], int32_t aid)
{
	uint32_t	u = (uint32_t) aid ^ 0x80000000u;
	uint8_t		b[4] = {(uint8_t) (u >> 24), (uint8_t) (u >> 16), (uint8_t) (u >> 8), (uint8_t) u};

	/* same bytes idxkey_add_encoded would produce, without a heap buffer */
	key[0] = 0x01;
	memcpy(key + 1, b, 4);
}

static void
die(const MgError *err)
{
	fprintf(stderr, "error: %s\n", err->message ? err->message : "?");
	exit(1);
}

int
main(int argc, char **argv)
{
	int			nrows = argc > 1 ? atoi(argv[1]) : 1000000;
	int			nlookups = argc > 2 ? atoi(argv[2]) : 1000000;
	StCluster  *cl = st_cluster_new();
	StDatabase *db;
	StTxn	   *t;
	MgError		err = MG_ERROR_INIT;
	Arena		a;
	Varlena    *filler;
	size_t		mem0,
				rss0;
	double		t0,
				t1;
	uint8_t		key[5];
	uint64_t	rowid;
	volatile int64_t sink = 0;

	arena_init(&a, 0);
	filler = malloc(VARLENA_HDRSZ + 84);
	filler->len = 84;
	memset(filler->data, ' ', 84);

	/* sanity: the key helper matches idxkey_add_encoded */
	{
		StrBuf		sb;
		uint8_t		b[4] = {0x80, 0, 0, 7};

		strbuf_init(&sb);
		idxkey_add_encoded(&sb, b, 4, IDXKEY_FIXED);
		aid_key(key, 7);
		if (sb.len != 5 || memcmp(sb.data, key, 5) != 0)
		{
			fprintf(stderr, "key helper disagrees with idxkey_add_encoded\n");
			return 1;
		}
		strbuf_free(&sb);
	}

	st_db_create(cl, "bench", NULL, &err);
	db = st_db_open(cl, "bench");
	mem0 = storage_memory_used();
	rss0 = rss_bytes();

	/* load */
	t0 = now();
	st_lock_try(db);
	t = st_txn_begin(db);
	if (st_table_create(t, TBL, &err) < 0 || st_index_create(t, TBL, PK, &err) < 0)
		die(&err);
	for (int aid = 1; aid <= nrows; aid++)
	{
		Datum		v[4];
		bool		n[4] = {false, false, false, false};
		StTuple    *tup;
		uint64_t	conflict;

		v[0] = Int32GetDatum(aid);
		v[1] = Int32GetDatum((aid - 1) / 100000 + 1);
		v[2] = Int32GetDatum(0);
		v[3] = PointerGetDatum(filler);
		tup = st_tuple_form(&a, cols, 4, v, n, &err);
		if (st_insert(t, TBL, tup, &rowid, &err) < 0)
			die(&err);
		aid_key(key, aid);
		if (st_index_insert(t, TBL, PK, key, 5, rowid, true, &conflict, &err) != 0)
			die(&err);
		if (aid % 4096 == 0)
			arena_reset(&a);
	}
	st_txn_commit(t, &err);
	t1 = now();
	printf("load %d rows + pk:        %.3f s (%.0f rows/s)\n", nrows, t1 - t0, nrows / (t1 - t0));
	printf("bytes per row (accounted): %.1f\n", (double) (storage_memory_used() - mem0) / nrows);
	printf("bytes per row (RSS):       %.1f\n", (double) (rss_bytes() - rss0) / nrows);

	/* point lookups through the primary key */
	t = st_snapshot_begin(db);
	t0 = now();
	for (int i = 0; i < nlookups; i++)
	{
		int32_t		aid = 1 + (int32_t) rnd((uint32_t) nrows);
		const StTuple *tup;
		bool		isnull;

		aid_key(key, aid);
		if (!st_index_lookup(t, TBL, PK, key, 5, &rowid) || (tup = st_get(t, TBL, rowid)) == NULL)
		{
			fprintf(stderr, "lookup of %d failed\n", aid);
			return 1;
		}
		sink += DatumGetInt32(st_tuple_getattr(tup, cols, 2, &isnull));
	}
	t1 = now();
	printf("pk point lookup + fetch:   %.0f ns\n", (t1 - t0) * 1e9 / nlookups);

	/* range scans: 100 rows from a random aid, through a cursor */
	t0 = now();
	for (int i = 0; i < 10000; i++)
	{
		StCursor	c;
		StKeyBound	lo;
		uint8_t		lokey[5];
		int			got = 0;

		aid_key(lokey, 1 + (int32_t) rnd((uint32_t) nrows));
		lo.key = lokey;
		lo.len = 5;
		lo.inclusive = true;
		st_index_open(&c, t, TBL, PK, &lo, NULL, i % 2 == 1);
		while (got < 100 && st_index_next(&c, &rowid, NULL, NULL))
		{
			const StTuple *tup = st_get(t, TBL, rowid);
			bool		isnull;

			sink += DatumGetInt32(st_tuple_getattr(tup, cols, 0, &isnull));
			got++;
		}
		st_cursor_close(&c);
	}
	t1 = now();
	printf("range scan of 100 rows:    %.1f us (%.0f ns/row)\n", (t1 - t0) * 1e6 / 10000,
		   (t1 - t0) * 1e9 / 10000 / 100);
	st_txn_end(t);

	/* pgbench-style: per transaction a statement savepoint, pk lookup, update */
	t0 = now();
	for (int i = 0; i < 100000; i++)
	{
		int32_t		aid = 1 + (int32_t) rnd((uint32_t) nrows);
		const StTuple *old;
		Datum		v[4];
		bool		n[4];
		int			sp;

		st_lock_try(db);
		t = st_txn_begin(db);
		sp = st_savepoint(t);
		aid_key(key, aid);
		if (!st_index_lookup(t, TBL, PK, key, 5, &rowid))
			return 1;
		old = st_get(t, TBL, rowid);
		st_tuple_deform(old, cols, 4, v, n);
		v[2] = Int32GetDatum(DatumGetInt32(v[2]) + 1);
		if (st_update(t, TBL, rowid, st_tuple_form(&a, cols, 4, v, n, &err), &err) < 0)
			die(&err);
		st_release(t, sp);
		st_txn_commit(t, &err);
		arena_reset(&a);
	}
	t1 = now();
	printf("update txn (1 row):        %.0f ns\n", (t1 - t0) * 1e9 / 100000);

	/*
	 * Updates that move the row (delete + insert under a new row id, index
	 * entry deleted and re-inserted), then the bytes per row that remain:
	 * merging keeps the emptied pages from piling up.
	 */
	{
		int32_t    *where = malloc(sizeof(int32_t) * ((size_t) nrows + 1));
		size_t		m0;

		for (int aid = 1; aid <= nrows; aid++)
			where[aid] = aid;	/* row id of aid: loaded in order */
		t0 = now();
		for (int i = 0; i < 100000; i++)
		{
			int32_t		aid = 1 + (int32_t) rnd((uint32_t) nrows);
			Datum		v[4];
			bool		n[4] = {false, false, false, false};
			uint64_t	conflict;
			int			sp;

			st_lock_try(db);
			t = st_txn_begin(db);
			sp = st_savepoint(t);
			aid_key(key, aid);
			v[0] = Int32GetDatum(aid);
			v[1] = Int32GetDatum(1);
			v[2] = Int32GetDatum(i);
			v[3] = PointerGetDatum(filler);
			if (st_index_delete(t, TBL, PK, key, 5, (uint64_t) where[aid], &err) < 0 ||
				st_delete(t, TBL, (uint64_t) where[aid], &err) < 0 ||
				st_insert(t, TBL, st_tuple_form(&a, cols, 4, v, n, &err), &rowid, &err) < 0 ||
				st_index_insert(t, TBL, PK, key, 5, rowid, true, &conflict, &err) != 0)
				die(&err);
			where[aid] = (int32_t) rowid;
			st_release(t, sp);
			st_txn_commit(t, &err);
			arena_reset(&a);
		}
		t1 = now();
		m0 = storage_memory_used();
		printf("moving update txn (1 row): %.0f ns; then %.1f bytes per row (accounted)\n",
			   (t1 - t0) * 1e9 / 100000, (double) (m0 - mem0) / nrows);
		free(where);
	}

	/* fork + drop */
	{
		size_t		m = storage_memory_used();
		double		tf;

		double		tfork0 = now();

		t0 = tfork0;
		for (int i = 0; i < 1000; i++)
		{
			char		name[32];

			snprintf(name, sizeof(name), "f%d", i);
			st_db_create(cl, name, "bench", &err);
		}
		tf = now();
		printf("fork of %d rows:       %.2f us, %zu bytes of tree memory\n", nrows,
			   (tf - t0) * 1e6 / 1000, storage_memory_used() - m);
		t0 = now();
		for (int i = 0; i < 1000; i++)
		{
			char		name[32];
			StDatabase *f;

			snprintf(name, sizeof(name), "f%d", i);
			f = st_db_open(cl, name);
			st_lock_try(f);
			t = st_txn_begin(f);
			for (int k = 0; k < 10; k++)
			{
				Datum		v[4];
				bool		n[4] = {false, false, false, false};

				v[0] = Int32GetDatum(k);
				v[1] = Int32GetDatum(1);
				v[2] = Int32GetDatum(k);
				v[3] = PointerGetDatum(filler);
				aid_key(key, 1 + (int32_t) rnd((uint32_t) nrows));
				if (!st_index_lookup(t, TBL, PK, key, 5, &rowid) ||
					st_update(t, TBL, rowid, st_tuple_form(&a, cols, 4, v, n, &err), &err) < 0)
					die(&err);
			}
			st_txn_commit(t, &err);
			st_db_close(f);
			st_db_drop(cl, name, false, &err);
			arena_reset(&a);
		}
		t1 = now();
		printf("10 writes + drop per fork: %.2f us (%.0f fork+write+drop cycles/s)\n",
			   (t1 - t0) * 1e6 / 1000, 1000 / (t1 - t0 + (tf - tfork0)));
		printf("memory after drops back to %+ld bytes\n", (long) (storage_memory_used() - m));
	}

	st_db_close(db);
	st_db_drop(cl, "bench", false, &err);
	st_cluster_free(cl);
	arena_destroy(&a);
	free(filler);
	printf("(sink %lld)\n", (long long) sink);
	return storage_memory_used() == 0 ? 0 : 1;
}
