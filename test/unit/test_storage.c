/*
 * test_storage.c — the copy-on-write store against simple reference models.
 *
 * Row trees and index trees are driven by a seeded random mix of inserts,
 * updates, deletes, lookups and range scans in both directions, with many
 * versions alive at once (snapshots kept while later transactions commit),
 * savepoints and rollbacks, and forks; each old version must still read
 * exactly as its model did, and releasing everything must bring the
 * accounted byte counter back to where it started.  Also: tuple format,
 * index key order, the writer lock queue, the memory limit, sequences, and
 * readers scanning pinned versions on other threads while a writer commits.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/arena.h>
#include <memgres/storage.h>

#include "tap.h"

static uint64_t rng_state = 88172645463325252ULL;

static uint64_t
rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static int
rndn(int n)
{
	return (int) (rnd() % (uint64_t) n);
}

/* ---- tuples ------------------------------------------------------------------ */

static const StColumn row_cols[2] = {{4, true}, {-1, false}};

static Varlena *
make_text(Arena *a, int len, char fill)
{
	Varlena    *v = arena_alloc(a, VARLENA_HDRSZ + (size_t) len);

	v->len = (uint32_t) len;
	memset(v->data, fill, (size_t) len);
	return v;
}

static StTuple *
make_row(Arena *a, int32_t val, int len)
{
	Datum		values[2];
	bool		nulls[2] = {false, false};
	MgError		err = MG_ERROR_INIT;

	values[0] = Int32GetDatum(val);
	values[1] = PointerGetDatum(make_text(a, len, (char) ('a' + (val & 15))));
	return st_tuple_form(a, row_cols, 2, values, nulls, &err);
}

static bool
row_matches(const StTuple *t, int32_t val, int len)
{
	Datum		values[2];
	bool		nulls[2];
	const Varlena *v;

	if (t == NULL)
		return false;
	st_tuple_deform(t, row_cols, 2, values, nulls);
	if (nulls[0] || nulls[1] || DatumGetInt32(values[0]) != val)
		return false;
	v = DatumGetVarlena(values[1]);
	if ((int) v->len != len)
		return false;
	for (int i = 0; i < len; i++)
		if (v->data[i] != (char) ('a' + (val & 15)))
			return false;
	return true;
}

static void
test_tuples(void)
{
	Arena		a;
	StColumn	cols[5] = {{4, true}, {8, true}, {-1, false}, {2, true}, {1, true}};
	Datum		v[5],
				out[7];
	bool		n[5] = {false, false, false, false, false},
				on[7];
	MgError		err = MG_ERROR_INIT;
	StTuple    *t;
	StColumn	more[7] = {{4, true}, {8, true}, {-1, false}, {2, true}, {1, true}, {4, true}, {-1, false}};
	bool		isnull;

	arena_init(&a, 0);
	v[0] = Int32GetDatum(-42);
	v[1] = Int64GetDatum(-1234567890123LL);
	v[2] = PointerGetDatum(make_text(&a, 5, 'x'));
	v[3] = Int16GetDatum(-7);
	v[4] = BoolGetDatum(true);
	t = st_tuple_form(&a, cols, 5, v, n, &err);
	st_tuple_deform(t, more, 7, out, on);
	ok(t != NULL && st_tuple_natts(t) == 5, "tuple formed with 5 attributes");
	ok(!on[0] && DatumGetInt32(out[0]) == -42 && DatumGetInt64(out[1]) == -1234567890123LL &&
	   DatumGetVarlena(out[2])->len == 5 && memcmp(DatumGetVarlena(out[2])->data, "xxxxx", 5) == 0 &&
	   DatumGetInt16(out[3]) == -7 && DatumGetBool(out[4]), "deform returns every value");
	ok(on[5] && on[6], "attributes past natts read as NULL (added columns)");
	ok(((uintptr_t) out[2] & 3) == 0, "varlena datum is 4-byte aligned");
	n[1] = n[3] = true;
	t = st_tuple_form(&a, cols, 5, v, n, &err);
	st_tuple_deform(t, cols, 5, out, on);
	ok(!on[0] && on[1] && !on[2] && on[3] && !on[4] &&
	   DatumGetVarlena(out[2])->len == 5 && DatumGetBool(out[4]), "nulls round-trip");
	ok(DatumGetBool(st_tuple_getattr(t, cols, 4, &isnull)) && !isnull, "getattr after nulls");
	st_tuple_getattr(t, cols, 3, &isnull);
	ok(isnull, "getattr of a NULL");
	t = make_row(&a, 7, 84);
	ok(st_tuple_len(t) == 8 + 4 + 4 + 84, "pgbench-like row is %u bytes", st_tuple_len(t));
	arena_destroy(&a);
}

/* ---- index keys ------------------------------------------------------------ */

static void
enc_int4(Datum d, StrBuf *out)
{
	uint32_t	u = (uint32_t) DatumGetInt32(d) ^ 0x80000000u;
	char		b[4] = {(char) (u >> 24), (char) (u >> 16), (char) (u >> 8), (char) u};

	strbuf_append(out, b, 4);
}

static void
enc_bytes(Datum d, StrBuf *out)
{
	const Varlena *v = DatumGetVarlena(d);

	strbuf_append(out, v->data, v->len);
}

typedef struct KeyCase {
	bool		null1;
	int32_t		a;
	bool		null2;
	char		s[6];
	int			slen;
	StrBuf		key;
} KeyCase;

static unsigned kflags1, kflags2;

static int
cmp_nullable(bool an, bool bn, int c, unsigned flags)
{
	if (an || bn)
	{
		if (an && bn)
			return 0;
		return (an ? 1 : -1) * ((flags & IDXKEY_NULLS_FIRST) ? -1 : 1);
	}
	return (flags & IDXKEY_DESC) ? -c : c;
}

static int
model_key_cmp(const KeyCase *x, const KeyCase *y)
{
	int			c = cmp_nullable(x->null1, y->null1, (x->a > y->a) - (x->a < y->a), kflags1);

	if (c != 0)
		return c;
	if (!x->null2 && !y->null2)
	{
		int			m = memcmp(x->s, y->s, (size_t) (x->slen < y->slen ? x->slen : y->slen));

		c = m != 0 ? m : x->slen - y->slen;
		c = (c > 0) - (c < 0);
	}
	return cmp_nullable(x->null2, y->null2, c, kflags2);
}

static void
test_keys(void)
{
	enum { NK = 60 };
	KeyCase		k[NK];
	int			bad = 0;
	Arena		a;

	arena_init(&a, 0);
	for (int round = 0; round < 8; round++)
	{
		kflags1 = IDXKEY_FIXED | ((round & 1) ? IDXKEY_DESC : 0) | ((round & 2) ? IDXKEY_NULLS_FIRST : 0);
		kflags2 = ((round & 4) ? IDXKEY_DESC : 0) | ((round & 1) ? IDXKEY_NULLS_FIRST : 0);
		for (int i = 0; i < NK; i++)
		{
			Varlena    *v;

			k[i].null1 = rndn(8) == 0;
			k[i].a = (int32_t) (rndn(7) - 3) * (rndn(2) ? 1 : 100000);
			k[i].null2 = rndn(8) == 0;
			k[i].slen = rndn(5);
			for (int j = 0; j < k[i].slen; j++)
				k[i].s[j] = (char) (rndn(3) == 0 ? 0 : (rndn(2) ? 0xFF : 'a' + rndn(2)));
			v = arena_alloc(&a, VARLENA_HDRSZ + 6);
			v->len = (uint32_t) k[i].slen;
			memcpy(v->data, k[i].s, (size_t) k[i].slen);
			strbuf_init(&k[i].key);
			idxkey_add(&k[i].key, enc_int4, Int32GetDatum(k[i].a), k[i].null1, kflags1);
			idxkey_add(&k[i].key, enc_bytes, PointerGetDatum(v), k[i].null2, kflags2);
		}
		for (int i = 0; i < NK; i++)
			for (int j = 0; j < NK; j++)
			{
				int			m = memcmp(k[i].key.data, k[j].key.data,
									   k[i].key.len < k[j].key.len ? k[i].key.len : k[j].key.len);
				int			want = model_key_cmp(&k[i], &k[j]);

				if (m == 0)
					m = (k[i].key.len > k[j].key.len) - (k[i].key.len < k[j].key.len);
				m = (m > 0) - (m < 0);
				if (m != want)
					bad++;
			}
		for (int i = 0; i < NK; i++)
			strbuf_free(&k[i].key);
	}
	arena_destroy(&a);
	ok(bad == 0, "memcmp order of composite keys equals the model's (%d mismatches)", bad);
}

/* ---- row trees vs model ----------------------------------------------------- */

#define MAXROWS 6000
#define TBL 100
#define IDX 101

typedef struct Model {
	int32_t		val[MAXROWS];
	int			len[MAXROWS];
	bool		present[MAXROWS];
	uint64_t	next;
} Model;

static int
check_model(StTxn *t, const Model *m, const char **why)
{
	StCursor	c;
	uint64_t	rowid,
				expect = 1;
	const StTuple *tup;
	uint64_t	count = 0;

	/* full forward scan */
	st_scan_open(&c, t, TBL, 0, false);
	while (st_cursor_next(&c, &rowid, &tup))
	{
		while (expect < m->next && !m->present[expect])
			expect++;
		if (rowid != expect || !row_matches(tup, m->val[rowid], m->len[rowid]))
		{
			*why = "forward scan";
			st_cursor_close(&c);
			return -1;
		}
		expect++;
		count++;
	}
	st_cursor_close(&c);
	while (expect < m->next && !m->present[expect])
		expect++;
	if (expect < m->next)
	{
		*why = "forward scan ended early";
		return -1;
	}
	if (count != st_table_rows(t, TBL))
	{
		*why = "row count";
		return -1;
	}
	/* backward scan from a random point */
	{
		uint64_t	start = m->next > 1 ? 1 + (uint64_t) rndn((int) m->next) : 0;
		uint64_t	e = start == 0 ? m->next - 1 : (start < m->next ? start : m->next - 1);

		st_scan_open(&c, t, TBL, start, true);
		while (st_cursor_next(&c, &rowid, &tup))
		{
			while (e > 0 && !m->present[e])
				e--;
			if (rowid != e || !row_matches(tup, m->val[rowid], m->len[rowid]))
			{
				*why = "backward scan";
				st_cursor_close(&c);
				return -1;
			}
			e--;
		}
		st_cursor_close(&c);
		while (e > 0 && !m->present[e])
			e--;
		if (e != 0)
		{
			*why = "backward scan ended early";
			return -1;
		}
	}
	/* point lookups */
	for (int i = 0; i < 50 && m->next > 1; i++)
	{
		uint64_t	r = 1 + (uint64_t) rndn((int) m->next);
		const StTuple *g = st_get(t, TBL, r);

		if ((r < m->next && m->present[r]) ? !row_matches(g, m->val[r], m->len[r]) : g != NULL)
		{
			*why = "point lookup";
			return -1;
		}
	}
	return 0;
}

static int
random_len(void)
{
	int			r = rndn(100);

	if (r < 2)
		return 1000 + rndn(3000);		/* out-of-line blob */
	if (r < 10)
		return rndn(900);
	return rndn(120);
}

static int
apply_random_op(StTxn *t, Arena *a, Model *m, MgError *err)
{
	int			op = rndn(10);
	uint64_t	rowid;

	if (op < 5 || m->next < 10)
	{
		int32_t		v = (int32_t) rnd();
		int			len = random_len();

		if (m->next >= MAXROWS)
			return 0;
		if (st_insert(t, TBL, make_row(a, v, len), &rowid, err) < 0 || rowid != m->next)
			return -1;
		m->val[rowid] = v;
		m->len[rowid] = len;
		m->present[rowid] = true;
		m->next++;
		return 0;
	}
	rowid = 1 + (uint64_t) rndn((int) m->next - 1);
	if (!m->present[rowid])
		return 0;
	if (op < 8)
	{
		int32_t		v = (int32_t) rnd();
		int			len = random_len();

		if (st_update(t, TBL, rowid, make_row(a, v, len), err) < 0)
			return -1;
		m->val[rowid] = v;
		m->len[rowid] = len;
	}
	else
	{
		if (st_delete(t, TBL, rowid, err) < 0)
			return -1;
		m->present[rowid] = false;
	}
	return 0;
}

static void
lock_or_die(StDatabase *db)
{
	if (!st_lock_try(db))
		abort();
}

static void
test_row_trees(StCluster *cl)
{
	enum { NSNAP = 6 };
	StDatabase *db;
	MgError		err = MG_ERROR_INIT;
	Arena		a;
	Model	   *m = calloc(1, sizeof(Model));
	Model	   *snapm = calloc(NSNAP, sizeof(Model));
	Model	   *last_commit = calloc(1, sizeof(Model));
	StTxn	   *snaps[NSNAP] = {0};
	size_t		base = storage_memory_used();
	int			failures = 0;
	const char *why = "";
	StTxn	   *t;

	arena_init(&a, 0);
	ok(st_db_create(cl, "rows", NULL, &err) == 0, "create database");
	db = st_db_open(cl, "rows");
	lock_or_die(db);
	t = st_txn_begin(db);
	ok(st_table_create(t, TBL, &err) == 0 && st_txn_commit(t, &err) == 0, "create table");
	m->next = 1;
	memcpy(last_commit, m, sizeof(Model));

	for (int round = 0; round < 24; round++)
	{
		int			sp = 0;
		Model	   *saved = NULL;

		lock_or_die(db);
		t = st_txn_begin(db);
		for (int i = 0; i < 250; i++)
		{
			if (i == 120)
			{
				/* a savepoint in the middle; half the rounds roll back to it */
				sp = st_savepoint(t);
				saved = malloc(sizeof(Model));
				memcpy(saved, m, sizeof(Model));
			}
			if (apply_random_op(t, &a, m, &err) < 0)
			{
				failures++;
				why = err.message ? err.message : "op failed";
			}
			arena_reset(&a);
		}
		if (round % 2 == 0)
		{
			st_rollback_to(t, sp);
			memcpy(m, saved, sizeof(Model));
		}
		st_release(t, sp);
		free(saved);
		if (check_model(t, m, &why) < 0)
			failures++;
		if (st_audit(t, &err) < 0)
		{
			failures++;
			why = err.message;
		}
		if (round % 5 == 4)
		{
			/* a rolled-back transaction changes nothing */
			st_txn_end(t);
			memcpy(m, last_commit, sizeof(Model));
			t = st_snapshot_begin(db);
			if (check_model(t, m, &why) < 0)
				failures++;
			st_txn_end(t);
			continue;
		}
		st_txn_commit(t, &err);
		memcpy(last_commit, m, sizeof(Model));
		/* keep a snapshot of this version alive for a while */
		{
			int			s = round % NSNAP;

			if (snaps[s])
			{
				if (check_model(snaps[s], &snapm[s], &why) < 0)
					failures++;
				st_txn_end(snaps[s]);
			}
			snaps[s] = st_snapshot_begin(db);
			memcpy(&snapm[s], m, sizeof(Model));
		}
	}
	for (int s = 0; s < NSNAP; s++)
		if (snaps[s])
		{
			if (check_model(snaps[s], &snapm[s], &why) < 0)
				failures++;
			st_txn_end(snaps[s]);
		}
	ok(failures == 0, "random row operations match the model in every live version (%s)",
	   failures ? why : "ok");
	st_db_close(db);
	ok(st_db_drop(cl, "rows", false, &err) == 0, "drop database");
	ok(storage_memory_used() == base, "dropping releases every byte (%zu -> %zu)",
	   base, storage_memory_used());
	arena_destroy(&a);
	free(m);
	free(snapm);
	free(last_commit);
	mg_error_reset(&err);
}


/* ---- index trees vs model ----------------------------------------------- */

typedef struct IdxEnt {
	int32_t		k;
	uint64_t	rowid;
} IdxEnt;

static int
idxent_cmp(const void *x, const void *y)
{
	const IdxEnt *a = x,
			   *b = y;

	if (a->k != b->k)
		return a->k < b->k ? -1 : 1;
	return (a->rowid > b->rowid) - (a->rowid < b->rowid);
}

static void
int_key(StrBuf *sb, int32_t k)
{
	strbuf_reset(sb);
	idxkey_add(sb, enc_int4, Int32GetDatum(k), false, IDXKEY_FIXED);
}

static void
test_index_trees(StCluster *cl)
{
	enum { NE = 5000 };
	IdxEnt	   *model = malloc(sizeof(IdxEnt) * NE);
	int			n = 0;
	StDatabase *db;
	MgError		err = MG_ERROR_INIT;
	StTxn	   *t;
	StrBuf		kb,
				lob,
				hib;
	int			failures = 0,
				dupfail = 0;
	size_t		base = storage_memory_used();

	strbuf_init(&kb);
	strbuf_init(&lob);
	strbuf_init(&hib);
	st_db_create(cl, "idx", NULL, &err);
	db = st_db_open(cl, "idx");
	lock_or_die(db);
	t = st_txn_begin(db);
	st_table_create(t, TBL, &err);
	st_index_create(t, TBL, IDX, &err);
	st_index_create(t, TBL, IDX + 1, &err);		/* unique */
	for (int step = 0; step < 12000; step++)
	{
		int			op = rndn(10);

		if ((op < 6 && n < NE) || n == 0)
		{
			IdxEnt		e = {(int32_t) (rndn(2000) - 1000), (uint64_t) step + 1};

			int_key(&kb, e.k);
			if (st_index_insert(t, TBL, IDX, kb.data, kb.len, e.rowid, false, NULL, &err) != 0)
				failures++;
			model[n++] = e;
		}
		else
		{
			int			i = rndn(n);

			int_key(&kb, model[i].k);
			if (st_index_delete(t, TBL, IDX, kb.data, kb.len, model[i].rowid, &err) != 0)
				failures++;
			model[i] = model[--n];
		}
		if (step % 3000 == 2999)
		{
			st_txn_commit(t, &err);
			lock_or_die(db);
			t = st_txn_begin(db);
		}
	}
	qsort(model, (size_t) n, sizeof(IdxEnt), idxent_cmp);
	for (int q = 0; q < 300; q++)
	{
		int32_t		lo = (int32_t) (rndn(2400) - 1200),
					hi = lo + rndn(300);
		bool		loi = rndn(2),
					hii = rndn(2),
					back = rndn(2),
					nolo = rndn(10) == 0,
					nohi = rndn(10) == 0;
		StKeyBound	lb,
					hb;
		StCursor	c;
		uint64_t	rowid;
		const void *key;
		size_t		klen;
		int			first = -1,
					last = -1,
					got = 0;
		bool		bad = false;

		int_key(&lob, lo);
		lb.key = lob.data;
		lb.len = lob.len;
		lb.inclusive = loi;
		strbuf_reset(&hib);
		idxkey_add(&hib, enc_int4, Int32GetDatum(hi), false, IDXKEY_FIXED);
		hb.key = hib.data;
		hb.len = hib.len;
		hb.inclusive = hii;
		for (int i = 0; i < n; i++)
		{
			bool		in = (nolo || model[i].k > lo || (loi && model[i].k == lo)) &&
				(nohi || model[i].k < hi || (hii && model[i].k == hi));

			if (in)
			{
				if (first < 0)
					first = i;
				last = i;
			}
		}
		st_index_open(&c, t, TBL, IDX, nolo ? NULL : &lb, nohi ? NULL : &hb, back);
		while (st_index_next(&c, &rowid, &key, &klen))
		{
			int			i = back ? last - got : first + got;

			int_key(&kb, model[i < 0 ? 0 : i].k);
			if (first < 0 || i < first || i > last || model[i].rowid != rowid ||
				klen != kb.len || memcmp(key, kb.data, klen) != 0)
				bad = true;
			got++;
		}
		st_cursor_close(&c);
		if (bad || got != (first < 0 ? 0 : last - first + 1))
			failures++;
	}
	ok(failures == 0, "index range scans (both directions, open/closed bounds) match the model");

	/* unique index: duplicates refused, reported with the holder's row id */
	for (int i = 0; i < 500; i++)
	{
		uint64_t	conflict = 0;
		int			r;

		int_key(&kb, i % 300);
		r = st_index_insert(t, TBL, IDX + 1, kb.data, kb.len, (uint64_t) i + 1, true, &conflict, &err);
		if ((i < 300 && r != 0) || (i >= 300 && (r != 1 || conflict != (uint64_t) (i % 300) + 1)))
			dupfail++;
	}
	ok(dupfail == 0, "unique index refuses duplicates and names the conflicting row");

	/*
	 * Uniqueness probes across many leaves: a key whose entry opens a leaf
	 * is found too (the probe's one-descent fast path falls back to a
	 * cursor there), and an absent key never conflicts.
	 */
	dupfail = 0;
	st_index_create(t, TBL, IDX + 2, &err);
	for (int pass = 0; pass < 4; pass++)
		for (int i = 0; i < 20000; i++)
		{
			int			k = 2 * i + (pass >= 2);
			uint64_t	conflict = 0;
			int			r;

			int_key(&kb, k);
			r = st_index_insert(t, TBL, IDX + 2, kb.data, kb.len, (uint64_t) k + 1, true, &conflict, &err);
			if (pass % 2 == 0 ? r != 0 : (r != 1 || conflict != (uint64_t) k + 1))
				dupfail++;
		}
	ok(dupfail == 0, "unique probes over 40000 keys: every present key conflicts, no absent one does");
	ok(st_audit(t, &err) == 0, "audit of index trees");
	st_txn_commit(t, &err);
	st_db_close(db);
	st_db_drop(cl, "idx", false, &err);
	ok(storage_memory_used() == base, "index trees released exactly");
	strbuf_free(&kb);
	strbuf_free(&lob);
	strbuf_free(&hib);
	free(model);
	mg_error_reset(&err);
}

/* ---- deep trees --------------------------------------------------------------- */

/* Enough small entries for three levels; random deletes unlink emptied nodes. */
static void
test_deep_trees(StCluster *cl)
{
	enum { N = 45000 };
	static const StColumn one[1] = {{4, true}};
	MgError		err = MG_ERROR_INIT;
	Arena		a;
	StDatabase *db;
	StTxn	   *t;
	StrBuf		kb;
	bool	   *alive = calloc(N + 1, 1);
	uint64_t	rowid,
				count = 0,
				want = 0,
				prev = UINT64_MAX;
	int			bad = 0;
	StCursor	c;
	const StTuple *tup;
	size_t		base = storage_memory_used();

	arena_init(&a, 0);
	strbuf_init(&kb);
	st_db_create(cl, "deep", NULL, &err);
	db = st_db_open(cl, "deep");
	lock_or_die(db);
	t = st_txn_begin(db);
	st_table_create(t, TBL, &err);
	st_index_create(t, TBL, IDX, &err);
	for (int i = 1; i <= N; i++)
	{
		Datum		v = Int32GetDatum(i);
		bool		nul = false;

		st_insert(t, TBL, st_tuple_form(&a, one, 1, &v, &nul, &err), &rowid, &err);
		/* keys in a scrambled order so splits happen everywhere */
		int_key(&kb, (int32_t) (((uint32_t) i * 2654435761u) % 1000003u));
		st_index_insert(t, TBL, IDX, kb.data, kb.len, rowid, false, NULL, &err);
		alive[i] = true;
		if (i % 1000 == 0)
			arena_reset(&a);
	}
	st_txn_commit(t, &err);
	lock_or_die(db);
	t = st_txn_begin(db);
	for (int i = 0; i < N / 2; i++)
	{
		int			r = 1 + rndn(N);

		if (!alive[r])
			continue;
		st_delete(t, TBL, (uint64_t) r, &err);
		int_key(&kb, (int32_t) (((uint32_t) r * 2654435761u) % 1000003u));
		st_index_delete(t, TBL, IDX, kb.data, kb.len, (uint64_t) r, &err);
		alive[r] = false;
	}
	for (int i = 1; i <= N; i++)
		want += alive[i];
	ok(st_audit(t, &err) == 0, "audit of three-level trees after random deletes");
	st_scan_open(&c, t, TBL, 0, true);
	while (st_cursor_next(&c, &rowid, &tup))
	{
		bool		isnull;

		if (rowid >= prev || !alive[rowid] ||
			DatumGetInt32(st_tuple_getattr(tup, one, 0, &isnull)) != (int32_t) rowid)
			bad++;
		prev = rowid;
		count++;
	}
	st_cursor_close(&c);
	ok(bad == 0 && count == want && st_table_rows(t, TBL) == want,
	   "backward scan of a deep tree sees exactly the live rows (%llu)", (unsigned long long) count);
	count = 0;
	st_index_open(&c, t, TBL, IDX, NULL, NULL, false);
	while (st_index_next(&c, &rowid, NULL, NULL))
		count += alive[rowid];
	st_cursor_close(&c);
	ok(count == want, "index scan sees exactly the live entries");
	int_key(&kb, (int32_t) ((5u * 2654435761u) % 1000003u));
	ok(st_index_lookup(t, TBL, IDX, kb.data, kb.len, &rowid) == alive[5] && (!alive[5] || rowid == 5),
	   "index point lookup");
	st_txn_end(t);
	st_db_close(db);
	st_db_drop(cl, "deep", false, &err);
	ok(storage_memory_used() == base, "deep trees released exactly");
	strbuf_free(&kb);
	free(alive);
	arena_destroy(&a);
}

/* ---- shrinking tables give their pages back ------------------------------ */

static void
test_merge(StCluster *cl)
{
	enum { N = 20000 };
	static const StColumn one[1] = {{4, true}};
	MgError		err = MG_ERROR_INIT;
	Arena		a;
	StDatabase *db;
	StTxn	   *t;
	StrBuf		kb;
	uint64_t	rowid;
	size_t		base = storage_memory_used(),
				full,
				sparse;

	arena_init(&a, 0);
	strbuf_init(&kb);
	st_db_create(cl, "merge", NULL, &err);
	db = st_db_open(cl, "merge");
	lock_or_die(db);
	t = st_txn_begin(db);
	st_table_create(t, TBL, &err);
	st_index_create(t, TBL, IDX, &err);
	for (int i = 1; i <= N; i++)
	{
		Datum		v = Int32GetDatum(i);
		bool		nul = false;

		st_insert(t, TBL, st_tuple_form(&a, one, 1, &v, &nul, &err), &rowid, &err);
		int_key(&kb, i);
		st_index_insert(t, TBL, IDX, kb.data, kb.len, rowid, false, NULL, &err);
		if (i % 1000 == 0)
			arena_reset(&a);
	}
	st_txn_commit(t, &err);
	full = storage_memory_used() - base;
	lock_or_die(db);
	t = st_txn_begin(db);
	for (int i = 1; i <= N; i++)
		if (i % 10 != 0)
		{
			st_delete(t, TBL, (uint64_t) i, &err);
			int_key(&kb, i);
			st_index_delete(t, TBL, IDX, kb.data, kb.len, (uint64_t) i, &err);
		}
	ok(st_audit(t, &err) == 0 && st_table_rows(t, TBL) == N / 10, "audit after deleting 90%%");
	st_txn_commit(t, &err);
	sparse = storage_memory_used() - base;
	ok(sparse < full / 3, "underfull pages merge: %zu bytes for all rows, %zu for a tenth", full, sparse);
	t = st_snapshot_begin(db);
	{
		StCursor	c;
		const StTuple *tup;
		uint64_t	n = 0;
		bool		good = true;

		st_scan_open(&c, t, TBL, 0, false);
		while (st_cursor_next(&c, &rowid, &tup))
		{
			n++;
			good = good && rowid % 10 == 0;
		}
		st_cursor_close(&c);
		ok(good && n == N / 10, "the survivors are all there");
	}
	st_txn_end(t);
	st_db_close(db);
	st_db_drop(cl, "merge", false, &err);
	ok(storage_memory_used() == base, "released");
	strbuf_free(&kb);
	arena_destroy(&a);
}

/* ---- entries near the size limits -------------------------------------- */

static void
test_big_entries(StCluster *cl)
{
	MgError		err = MG_ERROR_INIT;
	Arena		a;
	StDatabase *db;
	StTxn	   *t;
	uint8_t		key[IDXKEY_MAX_LEN + 1];
	uint64_t	rowid,
				n = 0;
	int			fails = 0;
	StCursor	c;
	const void *k;
	size_t		klen,
				prevlen = 0;
	uint8_t		prev[IDXKEY_MAX_LEN];
	bool		ordered = true;
	size_t		base = storage_memory_used();

	arena_init(&a, 0);
	st_db_create(cl, "big", NULL, &err);
	db = st_db_open(cl, "big");
	lock_or_die(db);
	t = st_txn_begin(db);
	st_table_create(t, TBL, &err);
	st_index_create(t, TBL, IDX, &err);
	for (int i = 0; i < 3000; i++)
	{
		/* keys from 1 to IDXKEY_MAX_LEN bytes, many of them long */
		size_t		len = rndn(3) ? IDXKEY_MAX_LEN - (size_t) rndn(40) : 1 + (size_t) rndn(IDXKEY_MAX_LEN);

		for (size_t j = 0; j < len; j++)
			key[j] = (uint8_t) (j < 3 ? rndn(256) : rndn(2));
		if (st_index_insert(t, TBL, IDX, key, len, (uint64_t) i + 1, false, NULL, &err) != 0)
			fails++;
		/* tuples just under and over the inline limit */
		if (st_insert(t, TBL, make_row(&a, i, 940 + rndn(40)), &rowid, &err) < 0)
			fails++;
		arena_reset(&a);
	}
	ok(st_index_insert(t, TBL, IDX, key, IDXKEY_MAX_LEN + 1, 1, false, NULL, &err) < 0 &&
	   strcmp(err.sqlstate, "54000") == 0, "an index key past the maximum fails with 54000");
	mg_error_reset(&err);
	ok(fails == 0 && st_audit(t, &err) == 0, "keys and tuples at the size limits split correctly");
	st_index_open(&c, t, TBL, IDX, NULL, NULL, false);
	while (st_index_next(&c, &rowid, &k, &klen))
	{
		int			r = memcmp(prev, k, prevlen < klen ? prevlen : klen);

		if (n > 0 && (r > 0 || (r == 0 && prevlen > klen)))
			ordered = false;
		memcpy(prev, k, klen);
		prevlen = klen;
		n++;
	}
	st_cursor_close(&c);
	ok(ordered && n == 3000, "long keys come back in order");
	st_txn_end(t);
	st_db_close(db);
	st_db_drop(cl, "big", false, &err);
	ok(storage_memory_used() == base, "released");
	arena_destroy(&a);
}

/* ---- transaction semantics ------------------------------------------------ */

static int destroyed;

static void
cat_destroy(void *obj)
{
	destroyed++;
	free(obj);
}

static int32_t
val_of(StTxn *t, uint64_t rowid)
{
	const StTuple *tup = st_get(t, TBL, rowid);
	bool		isnull;

	return tup ? DatumGetInt32(st_tuple_getattr(tup, row_cols, 0, &isnull)) : -1;
}

static int32_t
val_of_tuple(const StTuple *tup)
{
	bool		isnull;

	return DatumGetInt32(st_tuple_getattr(tup, row_cols, 0, &isnull));
}

static void
test_txn_semantics(StCluster *cl)
{
	MgError		err = MG_ERROR_INIT;
	Arena		a;
	StDatabase *db;
	StTxn	   *t,
			   *snap;
	uint64_t	rowid;
	int			s1,
				s2,
				s3;
	StCursor	c;
	const StTuple *tup;
	int			seen = 0,
				stale = 0;
	size_t		base = storage_memory_used();
	uint64_t	cv;

	arena_init(&a, 0);
	st_db_create(cl, "sem", NULL, &err);
	db = st_db_open(cl, "sem");
	lock_or_die(db);
	t = st_txn_begin(db);
	ok(st_catalog(t) == NULL, "a new database has no catalog object");
	st_table_create(t, TBL, &err);
	for (int i = 1; i <= 300; i++)
		st_insert(t, TBL, make_row(&a, i, 10), &rowid, &err);
	st_set_catalog(t, malloc(16), cat_destroy, &err);
	cv = st_catalog_version(t);
	st_txn_commit(t, &err);

	/* nested savepoints */
	lock_or_die(db);
	t = st_txn_begin(db);
	st_update(t, TBL, 1, make_row(&a, 1001, 10), &err);
	s1 = st_savepoint(t);
	st_update(t, TBL, 1, make_row(&a, 1002, 10), &err);
	s2 = st_savepoint(t);
	st_update(t, TBL, 1, make_row(&a, 1003, 10), &err);
	st_delete(t, TBL, 2, &err);
	s3 = st_savepoint(t);
	st_insert(t, TBL, make_row(&a, 5, 10), &rowid, &err);
	ok(s1 == 1 && s2 == 2 && s3 == 3 && val_of(t, 1) == 1003 && val_of(t, 2) == -1,
	   "changes visible inside the transaction");
	st_rollback_to(t, s2);
	ok(val_of(t, 1) == 1002 && val_of(t, 2) == 2 && st_get(t, TBL, rowid) == NULL,
	   "rollback to an outer savepoint undoes everything after it");
	st_update(t, TBL, 1, make_row(&a, 1004, 10), &err);
	st_rollback_to(t, s2);
	ok(val_of(t, 1) == 1002, "the savepoint survives ROLLBACK TO and can be used again");
	st_release(t, s1);
	ok(val_of(t, 1) == 1002, "release keeps the changes");

	/* readers see the last commit while a writer works */
	snap = st_snapshot_begin(db);
	ok(val_of(snap, 1) == 1 && st_catalog_version(snap) == cv, "a snapshot sees the committed state");

	/* a cursor opened before writes does not see them, and stays valid */
	st_scan_open(&c, t, TBL, 0, false);
	while (st_cursor_next(&c, &rowid, &tup))
	{
		bool		isnull;
		int32_t		v = DatumGetInt32(st_tuple_getattr(tup, row_cols, 0, &isnull));

		if (rowid > 1 && v != (int32_t) rowid)
			stale++;
		/* rewrite the row and insert new ones under the open cursor */
		st_update(t, TBL, rowid, make_row(&a, v + 100000, 10), &err);
		if (seen < 50)
			st_insert(t, TBL, make_row(&a, 0, 10), &rowid, &err);
		seen++;
	}
	st_cursor_close(&c);
	ok(seen == 300 && stale == 0, "a scan does not see its statement's own writes (%d rows)", seen);
	ok(st_table_rows(t, TBL) == 350 && val_of(t, 3) == 100003, "the writes are there afterwards");

	/* a tuple read from the transaction can be written back (it is copied first) */
	tup = st_get(t, TBL, 3);
	for (int i = 0; i < 200; i++)
		st_insert(t, TBL, tup = st_get(t, TBL, 3), &rowid, &err);
	ok(val_of(t, rowid) == 100003 && st_audit(t, &err) == 0, "reinserting a stored tuple");

	st_set_catalog(t, malloc(16), cat_destroy, &err);
	ok(st_catalog_version(t) != cv, "setting the catalog changes the catalog version");
	st_txn_commit(t, &err);
	ok(val_of(snap, 1) == 1 && st_table_rows(snap, TBL) == 300, "an older snapshot is unchanged by the commit");
	ok(destroyed == 0, "the old catalog lives while a snapshot holds it");
	st_txn_end(snap);
	ok(destroyed == 1, "and is destroyed with the last version holding it");

	/* rows read after a savepoint stay put while the statement writes */
	lock_or_die(db);
	t = st_txn_begin(db);
	{
		int			sp = st_savepoint(t);
		const StTuple *held = st_get(t, TBL, 3);
		int32_t		v3 = val_of(t, 3);
		bool		same = true;

		for (int i = 0; i < 400; i++)
		{
			st_update(t, TBL, 3 + (uint64_t) (i % 5), make_row(&a, -i, 10 + i % 7), &err);
			st_insert(t, TBL, make_row(&a, i, 30), &rowid, &err);
			same = same && row_matches(held, v3, 10);
		}
		st_rollback_to(t, sp);
		st_release(t, sp);
		ok(same, "a tuple read after a savepoint is unchanged by the writes that follow");
	}
	st_txn_end(t);

	/* a cursor outlives the snapshot it was opened on, and later commits */
	snap = st_snapshot_begin(db);
	st_scan_open(&c, snap, TBL, 0, false);
	st_txn_end(snap);
	lock_or_die(db);
	t = st_txn_begin(db);
	for (uint64_t r = 1; r <= 300; r++)
		st_delete(t, TBL, r, &err);
	st_txn_commit(t, &err);
	seen = 0;
	while (st_cursor_next(&c, &rowid, &tup))
		seen += row_matches(tup, val_of_tuple(tup), 10) ? 1 : 0;
	st_cursor_close(&c);
	ok(seen == 550, "a cursor outlives its snapshot and later commits (%d rows)", seen);

	/* DDL: index drop, truncate, table drop */
	lock_or_die(db);
	t = st_txn_begin(db);
	st_index_create(t, TBL, IDX, &err);
	{
		StrBuf		kb;

		strbuf_init(&kb);
		for (int i = 1; i <= 100; i++)
		{
			int_key(&kb, i);
			st_index_insert(t, TBL, IDX, kb.data, kb.len, (uint64_t) i, true, NULL, &err);
		}
		strbuf_free(&kb);
	}
	st_table_truncate(t, TBL, &err);
	ok(st_table_rows(t, TBL) == 0 && st_get(t, TBL, 1) == NULL, "truncate empties the table");
	st_index_open(&c, t, TBL, IDX, NULL, NULL, false);
	ok(!st_index_next(&c, &rowid, NULL, NULL), "truncate empties its indexes");
	st_cursor_close(&c);
	st_insert(t, TBL, make_row(&a, 9, 1), &rowid, &err);
	ok(rowid == 551, "row ids keep counting after truncate");
	ok(st_index_drop(t, TBL, IDX, &err) == 0 && st_table_drop(t, TBL, &err) == 0 &&
	   !st_table_exists(t, TBL), "drop index and table");
	ok(st_insert(t, TBL, make_row(&a, 9, 1), &rowid, &err) < 0 && strcmp(err.sqlstate, "XX000") == 0,
	   "writing a dropped table is an internal error");
	mg_error_reset(&err);
	st_txn_commit(t, &err);
	snap = st_snapshot_begin(db);
	ok(st_insert(snap, TBL, make_row(&a, 9, 1), &rowid, &err) < 0, "a snapshot refuses writes");
	mg_error_reset(&err);
	st_txn_end(snap);
	st_db_close(db);
	st_db_drop(cl, "sem", false, &err);
	ok(destroyed == 2 && storage_memory_used() == base, "everything released");
	arena_destroy(&a);
}

/* ---- forks -------------------------------------------------------------------- */

static int64_t
sum_rows(StDatabase *db)
{
	StTxn	   *t = st_snapshot_begin(db);
	StCursor	c;
	uint64_t	rowid;
	const StTuple *tup;
	int64_t		s = 0;
	bool		isnull;

	st_scan_open(&c, t, TBL, 0, false);
	while (st_cursor_next(&c, &rowid, &tup))
		s += DatumGetInt32(st_tuple_getattr(tup, row_cols, 0, &isnull));
	st_cursor_close(&c);
	st_txn_end(t);
	return s;
}

static void
test_forks(StCluster *cl)
{
	MgError		err = MG_ERROR_INIT;
	Arena		a;
	StDatabase *src,
			   *f1,
			   *f2;
	StTxn	   *t;
	uint64_t	rowid;
	size_t		base = storage_memory_used();
	size_t		before_fork;
	StSeqState	st;

	arena_init(&a, 0);
	st_db_create(cl, "seed", NULL, &err);
	src = st_db_open(cl, "seed");
	lock_or_die(src);
	t = st_txn_begin(src);
	st_table_create(t, TBL, &err);
	for (int i = 0; i < 3000; i++)
		st_insert(t, TBL, make_row(&a, 1, 50), &rowid, &err);
	st_txn_commit(t, &err);
	st.last_value = 41;
	st.is_called = true;
	st.log_cnt = 0;
	st_seq_set(src, 7, &st);

	/* fork while a writer is busy on the template: the fork gets the last commit */
	lock_or_die(src);
	t = st_txn_begin(src);
	st_insert(t, TBL, make_row(&a, 1000, 5), &rowid, &err);
	before_fork = storage_memory_used();
	ok(st_db_create(cl, "fork1", "seed", &err) == 0, "fork while the template is being written");
	ok(storage_memory_used() == before_fork, "a fork allocates no tree memory");
	st_txn_commit(t, &err);
	st_db_create(cl, "fork2", "fork1", &err);
	f1 = st_db_open(cl, "fork1");
	f2 = st_db_open(cl, "fork2");
	ok(sum_rows(src) == 4000 && sum_rows(f1) == 3000 && sum_rows(f2) == 3000,
	   "fork holds the template's committed state");
	ok(st_seq_get(f1, 7, &st) && st.last_value == 41, "fork copies sequence state");

	lock_or_die(f1);
	t = st_txn_begin(f1);
	for (uint64_t r = 1; r <= 3000; r += 7)
		st_update(t, TBL, r, make_row(&a, 2, 50), &err);
	st_txn_commit(t, &err);
	lock_or_die(f2);
	t = st_txn_begin(f2);
	st_delete(t, TBL, 1, &err);
	st_txn_commit(t, &err);
	ok(sum_rows(src) == 4000 && sum_rows(f1) == 3000 + 429 && sum_rows(f2) == 2999,
	   "forks diverge independently");
	ok(st_db_drop(cl, "fork1", false, &err) < 0 && strcmp(err.sqlstate, "55006") == 0,
	   "drop of a database in use fails with 55006");
	mg_error_reset(&err);
	ok(st_db_rename(cl, "fork2", "renamed", &err) == 0 && st_db_open(cl, "fork2") == NULL,
	   "rename");
	ok(st_db_create(cl, "seed", NULL, &err) < 0 && strcmp(err.sqlstate, "42P04") == 0,
	   "duplicate database 42P04");
	mg_error_reset(&err);
	ok(st_db_create(cl, "x", "nope", &err) < 0 && strcmp(err.sqlstate, "3D000") == 0,
	   "missing template 3D000");
	mg_error_reset(&err);
	st_db_close(f1);
	st_db_close(f2);
	st_db_close(src);
	{
		size_t		m0 = storage_memory_used();

		st_db_drop(cl, "fork1", false, &err);
		ok(storage_memory_used() < m0 && storage_memory_used() > base,
		   "dropping a fork frees only what it alone held");
	}
	st_db_drop(cl, "renamed", false, &err);
	st_db_drop(cl, "seed", false, &err);
	ok(storage_memory_used() == base, "dropping every fork releases every byte");
	arena_destroy(&a);
}

/* ---- writer lock -------------------------------------------------------------- */

static int wakes[4];

static void
wake_fn(void *arg)
{
	wakes[(intptr_t) arg]++;
}

static void
stats_cb(void *arg, const StDbStats *st)
{
	int		   *seen = arg;

	if (strcmp(st->name, "lockdb") == 0 && st->lock_acquired == 5 && st->lock_waited == 4)
		*seen |= 1;
	if (strcmp(st->name, "lockfork") == 0 && st->lock_acquired == 0 && st->lock_held_us == 0 &&
		st->sessions == 0)
		*seen |= 2;
}

static void
test_lock(StCluster *cl)
{
	MgError		err = MG_ERROR_INIT;
	StDatabase *db;
	StLockWaiter w[3];

	st_db_create(cl, "lockdb", NULL, &err);
	db = st_db_open(cl, "lockdb");
	memset(w, 0, sizeof(w));
	for (int i = 0; i < 3; i++)
	{
		w[i].wake = wake_fn;
		w[i].arg = (void *) (intptr_t) i;
	}
	ok(st_lock_acquire(db, &w[0]) == ST_LOCK_ACQUIRED, "first acquires");
	ok(st_lock_acquire(db, &w[1]) == ST_LOCK_WAIT && st_lock_acquire(db, &w[2]) == ST_LOCK_WAIT,
	   "others queue");
	ok(!st_lock_try(db), "try fails while held");
	st_lock_release(db);
	ok(st_lock_granted(&w[1]) && wakes[1] == 1 && !st_lock_granted(&w[2]), "release hands over FIFO");
	ok(!st_lock_cancel(db, &w[2]), "a queued waiter cancels");
	st_lock_release(db);
	ok(wakes[2] == 0 && st_lock_try(db), "cancelled waiter is skipped; lock free");
	ok(st_lock_acquire(db, &w[2]) == ST_LOCK_WAIT, "queued again");
	st_lock_release(db);
	ok(st_lock_cancel(db, &w[2]), "cancel after grant reports ownership");
	st_lock_release(db);
	ok(st_lock_try(db), "lock free at the end");
	{
		StDbStats	st;

		st_db_stats(db, &st);
		ok(st.lock_acquired == 5 && st.lock_waited == 3 && st.lock_waiters == 0 && st.sessions == 1,
		   "lock statistics: 5 grants, 3 waits, none queued, one session (got %llu %llu %d %d)",
		   (unsigned long long) st.lock_acquired, (unsigned long long) st.lock_waited,
		   st.lock_waiters, st.sessions);
		ok(st_lock_acquire(db, &w[0]) == ST_LOCK_WAIT, "queued for the statistics");
		st_db_stats(db, &st);
		ok(st.lock_waiters == 1 && st.lock_acquired == 5, "a queued waiter is counted");
		ok(st_lock_cancel(db, &w[0]) == false, "and cancelled");
	}
	st_lock_release(db);
	{
		StDbStats	st;
		int			seen = 0;

		st_db_create(cl, "lockfork", "lockdb", &err);
		st_cluster_stats(cl, stats_cb, &seen);
		ok(seen == 3, "st_cluster_stats: the database has its counts and its fork starts at zero");
		st_db_stats(db, &st);
		ok(st.lock_acquired == 5 && st.lock_waited == 4 && st.lock_waiters == 0,
		   "a cancelled wait counts as a wait, not a grant");
		st_db_drop(cl, "lockfork", false, &err);
	}
	st_db_close(db);
	st_db_drop(cl, "lockdb", false, &err);
}

/* ---- memory limit ---------------------------------------------------------- */

static void
test_limit(StCluster *cl)
{
	MgError		err = MG_ERROR_INIT;
	Arena		a;
	StDatabase *db;
	StTxn	   *t;
	uint64_t	rowid;
	int			r = 0,
				n = 0;

	arena_init(&a, 0);
	st_db_create(cl, "limited", NULL, &err);
	db = st_db_open(cl, "limited");
	lock_or_die(db);
	t = st_txn_begin(db);
	st_table_create(t, TBL, &err);
	storage_set_memory_limit(storage_memory_used() + 1024 * 1024);
	while ((r = st_insert(t, TBL, make_row(&a, 1, 100), &rowid, &err)) == 0 && n < 100000)
		n++;
	ok(r < 0 && strcmp(err.sqlstate, "53200") == 0 && strcmp(err.message, "out of memory") == 0,
	   "a write past max_memory fails with 53200 after %d rows", n);
	ok(st_table_rows(t, TBL) == (uint64_t) n && st_audit(t, &err) == 0, "failed write changed nothing");
	ok(st_get(t, TBL, 1) != NULL, "reads keep working at the limit");
	storage_set_memory_limit(0);
	st_txn_end(t);
	st_db_close(db);
	st_db_drop(cl, "limited", false, &err);
	mg_error_reset(&err);
	arena_destroy(&a);
}

/* ---- readers on other threads --------------------------------------------- */

typedef struct ReaderArg {
	StDatabase *db;
	atomic_int *stop;
	int			bad;
	int			scans;
} ReaderArg;

static void *
reader_main(void *p)
{
	ReaderArg  *ra = p;

	while (!atomic_load(ra->stop) || ra->scans < 5)
	{
		/* every committed version holds 500 rows summing to 500 * k */
		int64_t		s = 0;
		uint64_t	n = 0,
					rowid;
		StTxn	   *t = st_snapshot_begin(ra->db);
		StCursor	c;
		const StTuple *tup;
		bool		isnull;

		st_scan_open(&c, t, TBL, 0, false);
		while (st_cursor_next(&c, &rowid, &tup))
		{
			s += DatumGetInt32(st_tuple_getattr(tup, row_cols, 0, &isnull));
			n++;
		}
		st_cursor_close(&c);
		st_txn_end(t);
		if (n != 500 || s % 500 != 0)
			ra->bad++;
		ra->scans++;
	}
	return NULL;
}

static void
test_threads(StCluster *cl)
{
	MgError		err = MG_ERROR_INIT;
	Arena		a;
	StDatabase *db;
	StTxn	   *t;
	uint64_t	rowid;
	pthread_t	th[2];
	ReaderArg	ra[2];
	atomic_int	stop = 0;

	arena_init(&a, 0);
	st_db_create(cl, "mt", NULL, &err);
	db = st_db_open(cl, "mt");
	lock_or_die(db);
	t = st_txn_begin(db);
	st_table_create(t, TBL, &err);
	for (int i = 0; i < 500; i++)
		st_insert(t, TBL, make_row(&a, 0, 20), &rowid, &err);
	st_txn_commit(t, &err);
	for (int i = 0; i < 2; i++)
	{
		ra[i].db = st_db_open(cl, "mt");
		ra[i].stop = &stop;
		ra[i].bad = 0;
		ra[i].scans = 0;
		pthread_create(&th[i], NULL, reader_main, &ra[i]);
	}
	for (int k = 1; k <= 300; k++)
	{
		lock_or_die(db);
		t = st_txn_begin(db);
		for (uint64_t r = 1; r <= 500; r += 1 + (uint64_t) rndn(40))
			st_update(t, TBL, r, make_row(&a, k, 20), &err);
		/* make every row k so the sum is 500 * k */
		for (uint64_t r = 1; r <= 500; r++)
			st_update(t, TBL, r, make_row(&a, k, 20), &err);
		st_txn_commit(t, &err);
		arena_reset(&a);
	}
	atomic_store(&stop, 1);
	for (int i = 0; i < 2; i++)
	{
		pthread_join(th[i], NULL);
		st_db_close(ra[i].db);
	}
	ok(ra[0].bad == 0 && ra[1].bad == 0,
	   "readers on pinned versions see whole commits only (%d and %d scans)", ra[0].scans, ra[1].scans);
	st_db_close(db);
	st_db_drop(cl, "mt", false, &err);
	arena_destroy(&a);
}

/* ---- writers queueing on the lock from several threads ---------------------- */

typedef struct WriterArg {
	StDatabase *db;
	int			id;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool		woken;
	int			errors;
} WriterArg;

static void
writer_wake(void *p)
{
	WriterArg  *wa = p;

	pthread_mutex_lock(&wa->mu);
	wa->woken = true;
	pthread_cond_signal(&wa->cv);
	pthread_mutex_unlock(&wa->mu);
}

static void *
writer_main(void *p)
{
	WriterArg  *wa = p;
	Arena		a;
	MgError		err = MG_ERROR_INIT;

	arena_init(&a, 0);
	for (int i = 0; i < 300; i++)
	{
		StLockWaiter w;
		StTxn	   *t;
		int			sp;

		memset(&w, 0, sizeof(w));
		w.wake = writer_wake;
		w.arg = wa;
		wa->woken = false;
		if (st_lock_acquire(wa->db, &w) == ST_LOCK_WAIT)
		{
			/* park until the releasing thread hands the lock over */
			pthread_mutex_lock(&wa->mu);
			while (!wa->woken)
				pthread_cond_wait(&wa->cv, &wa->mu);
			pthread_mutex_unlock(&wa->mu);
			if (!st_lock_granted(&w))
				wa->errors++;
		}
		t = st_txn_begin(wa->db);
		sp = st_savepoint(t);
		/* row 1 is shared by everyone, row 2 + id is this writer's own */
		st_update(t, TBL, 1, make_row(&a, val_of(t, 1) + 1, 8), &err);
		st_release(t, sp);
		sp = st_savepoint(t);
		st_update(t, TBL, 2 + (uint64_t) wa->id, make_row(&a, val_of(t, 2 + (uint64_t) wa->id) + 1, 8), &err);
		st_release(t, sp);
		st_txn_commit(t, &err);
		arena_reset(&a);
	}
	arena_destroy(&a);
	return NULL;
}

static void
test_writer_threads(StCluster *cl)
{
	enum { NW = 4 };
	MgError		err = MG_ERROR_INIT;
	Arena		a;
	StDatabase *db;
	StTxn	   *t;
	uint64_t	rowid;
	pthread_t	th[NW];
	WriterArg	wa[NW];
	int			errors = 0;
	bool		own = true;

	arena_init(&a, 0);
	st_db_create(cl, "counter", NULL, &err);
	db = st_db_open(cl, "counter");
	lock_or_die(db);
	t = st_txn_begin(db);
	st_table_create(t, TBL, &err);
	for (int i = 0; i < NW + 1; i++)
		st_insert(t, TBL, make_row(&a, 0, 8), &rowid, &err);
	st_txn_commit(t, &err);
	for (int i = 0; i < NW; i++)
	{
		wa[i].db = db;
		wa[i].id = i;
		wa[i].errors = 0;
		pthread_mutex_init(&wa[i].mu, NULL);
		pthread_cond_init(&wa[i].cv, NULL);
		pthread_create(&th[i], NULL, writer_main, &wa[i]);
	}
	for (int i = 0; i < NW; i++)
	{
		pthread_join(th[i], NULL);
		errors += wa[i].errors;
		pthread_mutex_destroy(&wa[i].mu);
		pthread_cond_destroy(&wa[i].cv);
	}
	t = st_snapshot_begin(db);
	for (int i = 0; i < NW; i++)
		own = own && val_of(t, 2 + (uint64_t) i) == 300;
	ok(errors == 0 && val_of(t, 1) == NW * 300 && own,
	   "%d threads x 300 transactions through the lock queue: shared row %d", NW, val_of(t, 1));
	st_txn_end(t);
	ok(st_lock_try(db), "the lock is free afterwards");
	st_lock_release(db);
	st_db_close(db);
	st_db_drop(cl, "counter", false, &err);
	arena_destroy(&a);
}

/* ---- sequences ------------------------------------------------------------------ */

static int
seq_next(void *arg, StSeqState *s, MgError *err)
{
	(void) err;
	s->last_value = s->is_called ? s->last_value + 1 : 1;
	s->is_called = true;
	*(int64_t *) arg = s->last_value;
	return 0;
}

static void
test_sequences(StCluster *cl)
{
	MgError		err = MG_ERROR_INIT;
	StDatabase *db;
	StTxn	   *t;
	int64_t		v = 0;
	StSeqState	st;

	st_db_create(cl, "seqs", NULL, &err);
	db = st_db_open(cl, "seqs");
	lock_or_die(db);
	t = st_txn_begin(db);
	st_seq_update(db, 5, seq_next, &v, &err);
	st_seq_update(db, 5, seq_next, &v, &err);
	st_txn_end(t);				/* rollback */
	st_seq_update(db, 5, seq_next, &v, &err);
	ok(v == 3, "nextval is not rolled back");
	st_seq_drop(db, 5);
	ok(!st_seq_get(db, 5, &st), "sequence state dropped");
	st_db_close(db);
	st_db_drop(cl, "seqs", false, &err);
}

int
main(void)
{
	StCluster  *cl = st_cluster_new();
	size_t		base = storage_memory_used();
	const char *seed = getenv("STORAGE_TEST_SEED");

	/* the runs are deterministic; another seed explores other shapes */
	if (seed != NULL && strtoull(seed, NULL, 10) != 0)
		rng_state = strtoull(seed, NULL, 10);
	printf("# seed %llu\n", (unsigned long long) rng_state);

	test_tuples();
	test_keys();
	test_row_trees(cl);
	test_index_trees(cl);
	test_deep_trees(cl);
	test_big_entries(cl);
	test_merge(cl);
	test_txn_semantics(cl);
	test_forks(cl);
	test_lock(cl);
	test_limit(cl);
	test_threads(cl);
	test_writer_threads(cl);
	test_sequences(cl);
	st_cluster_free(cl);
	ok(storage_memory_used() == base, "accounted memory back to its start (%zu)", storage_memory_used());
	return tap_done();
}
