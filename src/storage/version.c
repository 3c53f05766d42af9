/*
 * version.c — database versions, tables, transactions, savepoints, cursors.
 *
 * A version is an immutable root once shared: a sorted array of tables
 * (each a refcounted StTable: row tree, next row id, index trees) and a
 * refcounted catalog reference.  A write transaction owns one reference to
 * its working version; it changes in place whatever it alone references
 * (refcount 1 all the way down) and copies the rest, one level at a time:
 * version -> table -> tree path.  A savepoint or a cursor is one more
 * reference, so the next write copies what it touches: savepoints are O(1)
 * and a cursor sees the tree as it was when opened.
 *
 * State of a transaction handle:
 *
 *   st_snapshot_begin -> READ  --st_txn_end------------------> (freed)
 *   st_txn_begin      -> WRITE --st_txn_commit (publish, unlock)-> (freed)
 *                            \--st_txn_end (discard, unlock)----> (freed)
 *
 * Invariants:
 *   1. t->work holds exactly one reference; each t->saves[i] one more.
 *   2. A write transaction's database lock is held from st_txn_begin until
 *      commit or end, and released exactly once.
 *   3. Tables are sorted by oid; a table's indexes are unique by oid.
 *   4. A write operation checks the memory reserve before changing
 *      anything, so a failed write changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/mem.h>
#include <memgres/sqlstate.h>

#include "stint.h"

struct StTxn {
	StDatabase *db;
	bool		write;
	StVersion  *work;
	int			nsaves;
	int			capsaves;
	StVersion **saves;
};

static atomic_uint_fast64_t catalog_counter = 1;

uint64_t
st_next_catalog_version(void)
{
	return atomic_fetch_add(&catalog_counter, 1) + 1;
}

/* ---- refcounted pieces ------------------------------------------------- */

static void
catref_release(StCatRef *c)
{
	if (c == NULL)
		return;
	if (atomic_fetch_sub_explicit(&c->refcnt, 1, memory_order_acq_rel) != 1)
		return;
	if (c->destroy)
		c->destroy(c->obj);
	st_free(c, sizeof(*c));
}

static StTable *
table_new(Oid oid)
{
	StTable    *tb = st_alloc(sizeof(StTable));

	atomic_init(&tb->refcnt, 1);
	tb->oid = oid;
	tb->next_rowid = 1;
	tb->nrows = 0;
	tb->rows = NULL;
	tb->nindexes = 0;
	tb->indexes = NULL;
	return tb;
}

static void
table_release(StTable *tb)
{
	if (atomic_fetch_sub_explicit(&tb->refcnt, 1, memory_order_acq_rel) != 1)
		return;
	bt_release(tb->rows);
	for (int i = 0; i < tb->nindexes; i++)
		bt_release(tb->indexes[i].root);
	st_free(tb->indexes, sizeof(StIndexRoot) * (size_t) tb->nindexes);
	st_free(tb, sizeof(StTable));
}

static StTable *
table_copy(const StTable *tb)
{
	StTable    *c = table_new(tb->oid);

	c->next_rowid = tb->next_rowid;
	c->nrows = tb->nrows;
	c->rows = tb->rows;
	if (c->rows)
		bt_retain(c->rows);
	c->nindexes = tb->nindexes;
	if (tb->nindexes > 0)
	{
		c->indexes = st_alloc(sizeof(StIndexRoot) * (size_t) tb->nindexes);
		memcpy(c->indexes, tb->indexes, sizeof(StIndexRoot) * (size_t) tb->nindexes);
		for (int i = 0; i < tb->nindexes; i++)
			if (c->indexes[i].root)
				bt_retain(c->indexes[i].root);
	}
	return c;
}

StVersion *
st_version_new(void)
{
	StVersion  *v = st_alloc(sizeof(StVersion));

	atomic_init(&v->refcnt, 1);
	v->ntables = 0;
	v->captables = 0;
	v->tables = NULL;
	v->catalog = NULL;
	v->catalog_version = 0;
	return v;
}

void
st_version_retain(StVersion *v)
{
	atomic_fetch_add_explicit(&v->refcnt, 1, memory_order_relaxed);
}

void
st_version_release(StVersion *v)
{
	if (v == NULL)
		return;
	if (atomic_fetch_sub_explicit(&v->refcnt, 1, memory_order_acq_rel) != 1)
		return;
	for (int i = 0; i < v->ntables; i++)
		table_release(v->tables[i]);
	st_free(v->tables, sizeof(StTable *) * (size_t) v->captables);
	catref_release(v->catalog);
	st_free(v, sizeof(StVersion));
}

static StVersion *
version_copy(const StVersion *v)
{
	StVersion  *c = st_version_new();

	c->ntables = v->ntables;
	c->captables = v->ntables;
	if (v->ntables > 0)
	{
		c->tables = st_alloc(sizeof(StTable *) * (size_t) v->ntables);
		memcpy(c->tables, v->tables, sizeof(StTable *) * (size_t) v->ntables);
		for (int i = 0; i < v->ntables; i++)
			atomic_fetch_add_explicit(&c->tables[i]->refcnt, 1, memory_order_relaxed);
	}
	c->catalog = v->catalog;
	if (c->catalog)
		atomic_fetch_add_explicit(&c->catalog->refcnt, 1, memory_order_relaxed);
	c->catalog_version = v->catalog_version;
	return c;
}

/* Index of table oid in v, or -(insertion point) - 1. */
static int
table_find(const StVersion *v, Oid oid)
{
	int			lo = 0,
				hi = v->ntables;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (v->tables[mid]->oid < oid)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < v->ntables && v->tables[lo]->oid == oid)
		return lo;
	return -lo - 1;
}

static StTable *
table_get(const StVersion *v, Oid oid)
{
	int			i = table_find(v, oid);

	return i >= 0 ? v->tables[i] : NULL;
}

static StIndexRoot *
index_get(StTable *tb, Oid index)
{
	for (int i = 0; i < tb->nindexes; i++)
		if (tb->indexes[i].oid == index)
			return &tb->indexes[i];
	return NULL;
}

/* ---- transaction handles ------------------------------------------------ */

StTxn *
st_snapshot_begin(StDatabase *db)
{
	StTxn	   *t = mg_calloc(1, sizeof(StTxn));

	t->db = db;
	t->write = false;
	t->work = st_db_pin(db, false);
	return t;
}

StTxn *
st_txn_begin(StDatabase *db)
{
	StTxn	   *t = mg_calloc(1, sizeof(StTxn));

	ST_ASSERT(db->locked);
	t->db = db;
	t->write = true;
	t->work = st_db_pin(db, true);
	return t;
}

bool
st_txn_is_write(const StTxn *t)
{
	return t->write;
}

static void
drop_saves(StTxn *t, int keep)
{
	while (t->nsaves > keep)
		st_version_release(t->saves[--t->nsaves]);
}

#ifdef MG_DEBUG
/* The audit is O(n): debug builds run it after commits of small databases. */
#define AUDIT_MAX_ROWS 20000
static void
audit_commit(StTxn *t)
{
	MgError		err = MG_ERROR_INIT;
	uint64_t	rows = 0;

	for (int i = 0; i < t->work->ntables; i++)
		rows += t->work->tables[i]->nrows;
	if (rows > AUDIT_MAX_ROWS)
		return;
	if (st_audit(t, &err) < 0)
	{
		fprintf(stderr, "PANIC:  %s\n", err.message);
		abort();
	}
}
#endif

int
st_txn_commit(StTxn *t, MgError *err)
{
	(void) err;
	if (!t->write)
	{
		st_txn_end(t);
		return 0;
	}
	drop_saves(t, 0);
#ifdef MG_DEBUG
	audit_commit(t);
#endif
	/* (the WAL append goes here, before the new head is published) */
	st_db_publish(t->db, t->work);
	st_lock_release(t->db);
	/* (the WAL flush wait goes here, after the lock is released) */
	free(t->saves);
	free(t);
	return 0;
}

void
st_txn_end(StTxn *t)
{
	drop_saves(t, 0);
	st_version_release(t->work);
	if (t->write)
		st_lock_release(t->db);
	free(t->saves);
	free(t);
}

int
st_savepoint(StTxn *t)
{
	ST_ASSERT(t->write);
	if (t->nsaves == t->capsaves)
	{
		t->capsaves = t->capsaves ? t->capsaves * 2 : 8;
		t->saves = mg_realloc(t->saves, sizeof(StVersion *) * (size_t) t->capsaves);
	}
	st_version_retain(t->work);
	t->saves[t->nsaves++] = t->work;
	return t->nsaves;
}

void
st_rollback_to(StTxn *t, int level)
{
	StVersion  *v;

	ST_ASSERT(level >= 1 && level <= t->nsaves);
	drop_saves(t, level);
	v = t->saves[level - 1];
	st_version_retain(v);
	st_version_release(t->work);
	t->work = v;
}

void
st_release(StTxn *t, int level)
{
	ST_ASSERT(level >= 1 && level <= t->nsaves);
	drop_saves(t, level - 1);
}

/* ---- write helpers -------------------------------------------------------- */

static int
check_write(StTxn *t, size_t extra, MgError *err)
{
	if (!t->write)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "writes through a read-only storage snapshot are not supported");
		return -1;
	}
	/* worst case: every level copied and split, plus a new root, plus the
	 * version and table copies */
	return st_reserve((size_t) 40 * ST_NODE_SIZE + extra +
					  sizeof(StTable *) * (size_t) t->work->ntables, err);
}

static StVersion *
work_private(StTxn *t)
{
	StVersion  *v = t->work;

	if (atomic_load_explicit(&v->refcnt, memory_order_acquire) == 1)
		return v;
	t->work = version_copy(v);
	st_version_release(v);
	return t->work;
}

static int
no_table(Oid table, MgError *err)
{
	mg_error(err, SQLSTATE_INTERNAL_ERROR, "storage: table %u does not exist", table);
	return -1;
}

/* The table, made private, or NULL (error set). */
static StTable *
table_private(StTxn *t, Oid table, MgError *err)
{
	StVersion  *v;
	StTable    *tb;
	int			i;

	if (table_get(t->work, table) == NULL)
	{
		no_table(table, err);
		return NULL;
	}
	v = work_private(t);
	i = table_find(v, table);
	tb = v->tables[i];
	if (atomic_load_explicit(&tb->refcnt, memory_order_acquire) != 1)
	{
		v->tables[i] = table_copy(tb);
		table_release(tb);
		tb = v->tables[i];
	}
	return tb;
}

static inline void
rowid_key(uint64_t rowid, uint8_t key[8])
{
	for (int i = 7; i >= 0; i--)
	{
		key[i] = (uint8_t) rowid;
		rowid >>= 8;
	}
}

static inline uint64_t
key_rowid(const uint8_t *key)
{
	uint64_t	r = 0;

	for (int i = 0; i < 8; i++)
		r = (r << 8) | key[i];
	return r;
}

/* ---- catalog ----------------------------------------------------------------- */

void *
st_catalog(StTxn *t)
{
	return t->work->catalog ? t->work->catalog->obj : NULL;
}

uint64_t
st_catalog_version(StTxn *t)
{
	return t->work->catalog_version;
}

int
st_set_catalog(StTxn *t, void *obj, void (*destroy) (void *obj), MgError *err)
{
	StVersion  *v;
	StCatRef   *c;

	if (check_write(t, sizeof(StCatRef), err) < 0)
	{
		if (destroy)
			destroy(obj);
		return -1;
	}
	v = work_private(t);
	c = st_alloc(sizeof(StCatRef));
	atomic_init(&c->refcnt, 1);
	c->obj = obj;
	c->destroy = destroy;
	catref_release(v->catalog);
	v->catalog = c;
	v->catalog_version = st_next_catalog_version();
	return 0;
}

/* ---- DDL ---------------------------------------------------------------------- */

int
st_table_create(StTxn *t, Oid table, MgError *err)
{
	StVersion  *v;
	int			i;

	if (check_write(t, sizeof(StTable) + sizeof(StTable *) * 2 * (size_t) (t->work->ntables + 1), err) < 0)
		return -1;
	i = table_find(t->work, table);
	if (i >= 0)
	{
		mg_error(err, SQLSTATE_INTERNAL_ERROR, "storage: table %u already exists", table);
		return -1;
	}
	i = -i - 1;
	v = work_private(t);
	if (v->ntables == v->captables)
	{
		int			cap = v->captables ? v->captables * 2 : 8;
		StTable   **n = st_alloc(sizeof(StTable *) * (size_t) cap);

		if (v->ntables)
			memcpy(n, v->tables, sizeof(StTable *) * (size_t) v->ntables);
		st_free(v->tables, sizeof(StTable *) * (size_t) v->captables);
		v->tables = n;
		v->captables = cap;
	}
	memmove(&v->tables[i + 1], &v->tables[i], sizeof(StTable *) * (size_t) (v->ntables - i));
	v->tables[i] = table_new(table);
	v->ntables++;
	return 0;
}

int
st_table_drop(StTxn *t, Oid table, MgError *err)
{
	StVersion  *v;
	int			i;

	if (check_write(t, 0, err) < 0)
		return -1;
	if (table_find(t->work, table) < 0)
		return no_table(table, err);
	v = work_private(t);
	i = table_find(v, table);
	table_release(v->tables[i]);
	memmove(&v->tables[i], &v->tables[i + 1], sizeof(StTable *) * (size_t) (v->ntables - i - 1));
	v->ntables--;
	return 0;
}

int
st_table_truncate(StTxn *t, Oid table, MgError *err)
{
	StTable    *tb;

	if (check_write(t, 0, err) < 0 || (tb = table_private(t, table, err)) == NULL)
		return -1;
	bt_release(tb->rows);
	tb->rows = NULL;
	tb->nrows = 0;
	for (int i = 0; i < tb->nindexes; i++)
	{
		bt_release(tb->indexes[i].root);
		tb->indexes[i].root = NULL;
	}
	return 0;
}

bool
st_table_exists(StTxn *t, Oid table)
{
	return table_get(t->work, table) != NULL;
}

uint64_t
st_table_rows(StTxn *t, Oid table)
{
	StTable    *tb = table_get(t->work, table);

	return tb ? tb->nrows : 0;
}

int
st_index_create(StTxn *t, Oid table, Oid index, MgError *err)
{
	StTable    *tb;
	StIndexRoot *n;

	if (check_write(t, sizeof(StIndexRoot) * 64, err) < 0 ||
		(tb = table_private(t, table, err)) == NULL)
		return -1;
	if (index_get(tb, index) != NULL)
	{
		mg_error(err, SQLSTATE_INTERNAL_ERROR, "storage: index %u already exists", index);
		return -1;
	}
	n = st_alloc(sizeof(StIndexRoot) * (size_t) (tb->nindexes + 1));
	if (tb->nindexes)
		memcpy(n, tb->indexes, sizeof(StIndexRoot) * (size_t) tb->nindexes);
	n[tb->nindexes].oid = index;
	n[tb->nindexes].root = NULL;
	st_free(tb->indexes, sizeof(StIndexRoot) * (size_t) tb->nindexes);
	tb->indexes = n;
	tb->nindexes++;
	return 0;
}

int
st_index_drop(StTxn *t, Oid table, Oid index, MgError *err)
{
	StTable    *tb;
	StIndexRoot *ix;
	StIndexRoot *n = NULL;
	int			j = 0;

	if (check_write(t, 0, err) < 0 || (tb = table_private(t, table, err)) == NULL)
		return -1;
	if ((ix = index_get(tb, index)) == NULL)
	{
		mg_error(err, SQLSTATE_INTERNAL_ERROR, "storage: index %u does not exist", index);
		return -1;
	}
	bt_release(ix->root);
	if (tb->nindexes > 1)
		n = st_alloc(sizeof(StIndexRoot) * (size_t) (tb->nindexes - 1));
	for (int i = 0; i < tb->nindexes; i++)
		if (tb->indexes[i].oid != index)
			n[j++] = tb->indexes[i];
	st_free(tb->indexes, sizeof(StIndexRoot) * (size_t) tb->nindexes);
	tb->indexes = n;
	tb->nindexes--;
	return 0;
}

/* ---- rows -------------------------------------------------------------------- */

const StTuple *
st_get(StTxn *t, Oid table, uint64_t rowid)
{
	StTable    *tb = table_get(t->work, table);
	uint8_t		key[8];

	if (tb == NULL)
		return NULL;
	rowid_key(rowid, key);
	return bt_get(tb->rows, key, 8);
}

int
st_insert(StTxn *t, Oid table, const StTuple *tup, uint64_t *rowid, MgError *err)
{
	StTable    *tb;
	uint8_t		key[8];

	if (check_write(t, st_tuple_len(tup), err) < 0 || (tb = table_private(t, table, err)) == NULL)
		return -1;
	*rowid = tb->next_rowid++;
	rowid_key(*rowid, key);
	bt_put(&tb->rows, ST_TREE_ROWS, key, 8, tup, st_tuple_len(tup));
	tb->nrows++;
	return 0;
}

static int
no_row(Oid table, uint64_t rowid, MgError *err)
{
	mg_error(err, SQLSTATE_INTERNAL_ERROR, "storage: row %llu of table %u does not exist",
			 (unsigned long long) rowid, table);
	return -1;
}

int
st_update(StTxn *t, Oid table, uint64_t rowid, const StTuple *tup, MgError *err)
{
	StTable    *tb;
	uint8_t		key[8];

	if (check_write(t, st_tuple_len(tup), err) < 0)
		return -1;
	if (st_get(t, table, rowid) == NULL)
		return table_get(t->work, table) ? no_row(table, rowid, err) : no_table(table, err);
	if ((tb = table_private(t, table, err)) == NULL)
		return -1;
	rowid_key(rowid, key);
	bt_put(&tb->rows, ST_TREE_ROWS, key, 8, tup, st_tuple_len(tup));
	return 0;
}

int
st_delete(StTxn *t, Oid table, uint64_t rowid, MgError *err)
{
	StTable    *tb;
	uint8_t		key[8];

	if (check_write(t, 0, err) < 0)
		return -1;
	if (st_get(t, table, rowid) == NULL)
		return table_get(t->work, table) ? no_row(table, rowid, err) : no_table(table, err);
	if ((tb = table_private(t, table, err)) == NULL)
		return -1;
	rowid_key(rowid, key);
	bt_delete(&tb->rows, key, 8);
	tb->nrows--;
	return 0;
}

/* ---- index entries --------------------------------------------------------- */

static int
index_key_check(size_t keylen, MgError *err)
{
	if (keylen <= IDXKEY_MAX_LEN)
		return 0;
	mg_error(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			 "index row size %zu exceeds maximum %d for index", keylen + 8, IDXKEY_MAX_LEN + 8);
	mg_error_hint(err, "Values larger than 1/4 of a buffer page cannot be indexed.");
	return -1;
}

static StIndexRoot *
index_private(StTxn *t, Oid table, Oid index, MgError *err)
{
	StTable    *tb = table_private(t, table, err);
	StIndexRoot *ix;

	if (tb == NULL)
		return NULL;
	if ((ix = index_get(tb, index)) == NULL)
		mg_error(err, SQLSTATE_INTERNAL_ERROR, "storage: index %u does not exist", index);
	return ix;
}

int
st_index_insert(StTxn *t, Oid table, Oid index, const void *key, size_t keylen,
				uint64_t rowid, bool unique, uint64_t *conflict, MgError *err)
{
	uint8_t		full[IDXKEY_MAX_LEN + 8];
	StIndexRoot *ix;

	if (check_write(t, keylen + 8, err) < 0 || index_key_check(keylen, err) < 0)
		return -1;
	if (unique)
	{
		StTable    *tb = table_get(t->work, table);
		StIndexRoot *rix = tb ? index_get(tb, index) : NULL;
		const uint8_t *found;
		size_t		flen;

		if (rix && bt_find_prefix(rix->root, key, keylen, &found, &flen) && flen == keylen + 8)
		{
			if (conflict)
				*conflict = key_rowid(found + keylen);
			return 1;
		}
	}
	if ((ix = index_private(t, table, index, err)) == NULL)
		return -1;
	memcpy(full, key, keylen);
	rowid_key(rowid, full + keylen);
	bt_put(&ix->root, ST_TREE_INDEX, full, keylen + 8, NULL, 0);
	return 0;
}

int
st_index_delete(StTxn *t, Oid table, Oid index, const void *key, size_t keylen,
				uint64_t rowid, MgError *err)
{
	uint8_t		full[IDXKEY_MAX_LEN + 8];
	StTable    *tb;
	StIndexRoot *ix;

	if (check_write(t, 0, err) < 0 || index_key_check(keylen, err) < 0)
		return -1;
	memcpy(full, key, keylen);
	rowid_key(rowid, full + keylen);
	tb = table_get(t->work, table);
	ix = tb ? index_get(tb, index) : NULL;
	if (ix == NULL || bt_get(ix->root, full, keylen + 8) == NULL)
		return 0;
	if ((ix = index_private(t, table, index, err)) == NULL)
		return -1;
	bt_delete(&ix->root, full, keylen + 8);
	return 0;
}

/* ---- cursors -------------------------------------------------------------------- */

void
st_scan_open(StCursor *c, StTxn *t, Oid table, uint64_t start_rowid, bool backward)
{
	StTable    *tb = table_get(t->work, table);

	bt_cursor_init(c, tb ? tb->rows : NULL, true);
	c->backward = backward;
	c->is_index = false;
	if (start_rowid != 0)
	{
		uint8_t		key[8];

		rowid_key(start_rowid, key);
		if (backward)
			bt_cursor_set_hi(c, key, 8, true);
		else
			bt_cursor_set_lo(c, key, 8, true);
	}
}

void
st_index_open(StCursor *c, StTxn *t, Oid table, Oid index,
			  const StKeyBound *lo, const StKeyBound *hi, bool backward)
{
	StTable    *tb = table_get(t->work, table);
	StIndexRoot *ix = tb ? index_get(tb, index) : NULL;

	bt_cursor_init(c, ix ? ix->root : NULL, true);
	c->backward = backward;
	c->is_index = true;
	if (lo && lo->key)
		bt_cursor_set_lo(c, lo->key, lo->len, lo->inclusive);
	if (hi && hi->key)
		bt_cursor_set_hi(c, hi->key, hi->len, hi->inclusive);
}

bool
st_cursor_next(StCursor *c, uint64_t *rowid, const StTuple **tup)
{
	const uint8_t *key;
	size_t		klen;
	const void *val;

	ST_ASSERT(!c->is_index);
	if (!bt_cursor_step(c, &key, &klen, &val))
		return false;
	*rowid = key_rowid(key);
	if (tup)
		*tup = val;
	return true;
}

bool
st_index_next(StCursor *c, uint64_t *rowid, const void **key, size_t *keylen)
{
	const uint8_t *k;
	size_t		klen;

	ST_ASSERT(c->is_index);
	if (!bt_cursor_step(c, &k, &klen, NULL))
		return false;
	*rowid = key_rowid(k + klen - 8);
	if (key)
		*key = k;
	if (keylen)
		*keylen = klen - 8;
	return true;
}

void
st_cursor_close(StCursor *c)
{
	bt_cursor_close(c);
}

bool
st_index_lookup(StTxn *t, Oid table, Oid index, const void *key, size_t keylen, uint64_t *rowid)
{
	StTable    *tb = table_get(t->work, table);
	StIndexRoot *ix = tb ? index_get(tb, index) : NULL;
	const uint8_t *found;
	size_t		flen;

	if (ix == NULL || !bt_find_prefix(ix->root, key, keylen, &found, &flen))
		return false;
	*rowid = key_rowid(found + flen - 8);
	return true;
}

/* ---- audit ------------------------------------------------------------------------ */

int
st_audit(StTxn *t, MgError *err)
{
	const StVersion *v = t->work;

	if (atomic_load(&v->refcnt) < 1)
	{
		mg_error(err, SQLSTATE_INTERNAL_ERROR, "storage audit: version refcount below 1");
		return -1;
	}
	for (int i = 0; i < v->ntables; i++)
	{
		StTable    *tb = v->tables[i];
		StCursor	c;
		uint64_t	n = 0,
					rowid,
					last = 0;
		const StTuple *tup;

		if (i > 0 && v->tables[i - 1]->oid >= tb->oid)
		{
			mg_error(err, SQLSTATE_INTERNAL_ERROR, "storage audit: tables out of order");
			return -1;
		}
		if (bt_audit(tb->rows, ST_TREE_ROWS, err) < 0)
			return -1;
		bt_cursor_init(&c, tb->rows, false);
		while (st_cursor_next(&c, &rowid, &tup))
		{
			n++;
			last = rowid;
		}
		st_cursor_close(&c);
		if (n != tb->nrows || (n > 0 && last >= tb->next_rowid))
		{
			mg_error(err, SQLSTATE_INTERNAL_ERROR,
					 "storage audit: table %u counts %llu rows, holds %llu", tb->oid,
					 (unsigned long long) tb->nrows, (unsigned long long) n);
			return -1;
		}
		for (int j = 0; j < tb->nindexes; j++)
			if (bt_audit(tb->indexes[j].root, ST_TREE_INDEX, err) < 0)
				return -1;
	}
	return 0;
}
