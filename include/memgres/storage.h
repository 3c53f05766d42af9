/*
 * storage.h — the copy-on-write store: tuples, row trees, index trees,
 * database versions, databases and forks, transactions, memory accounting.
 *
 * Implemented in src/storage/ (design: doc/storage.md).  Storage knows
 * nothing about SQL or sockets; the SQL layer describes columns with plain
 * numbers and hands over opaque catalog objects.
 *
 * Model
 *   StCluster   databases by name (one per server).
 *   StDatabase  a name, its `committed` head (what the next writer builds
 *               on) and `visible` head (what readers pin; the same until
 *               the WAL exists), a writer lock with a FIFO wait queue and
 *               non-transactional sequence counters.
 *   version     an immutable root: table id (Oid) -> table (row tree +
 *               next row id + index trees), an opaque refcounted catalog
 *               object and a catalog version number.  Never visible here
 *               as a type: it is reached through an StTxn.
 *   StTxn       the one handle the executor reads and writes through.
 *               Either a read-only snapshot (st_snapshot_begin: pins the
 *               visible head, never waits) or a write transaction
 *               (st_txn_begin: requires the writer lock, builds privately on
 *               the committed head; commit publishes it atomically).
 *
 * Row trees map a 64-bit row id (assigned by st_insert, never 0) to an
 * immutable tuple.  Index trees map a key built with the idxkey_* functions
 * plus the row id to that row id; uniqueness is checked by st_index_insert.
 *
 * Threads.  An StTxn belongs to one thread (the connection's worker).  Any
 * number of threads may hold snapshots of the same database and read with no
 * lock at all.  Cluster and database functions are thread-safe.  Wake
 * callbacks of the writer lock run on the releasing thread.
 *
 * Memory.  Tree nodes and tuples are counted in one global byte counter
 * (storage_memory_used).  With a limit set, a write that could pass it fails
 * with SQLSTATE 53200 before changing anything; reads never fail.  Pointers
 * returned by reads (tuples, Datums inside them, index keys) point into
 * stored data:
 *   - through a cursor: valid until st_cursor_close (the cursor pins what it
 *     reads, whatever the transaction writes meanwhile);
 *   - through st_get on a snapshot: valid until st_txn_end;
 *   - through st_get on a write transaction: valid until the next write
 *     (st_insert/update/delete/index_*, DDL, rollback) on that transaction
 *     — except that a row already there when the newest savepoint was
 *     taken (the statement start, with per-statement savepoints) or when
 *     the transaction began stays valid until that savepoint is released
 *     or rolled back (or the transaction ends): writes copy the nodes it
 *     lives in instead of changing them.
 * Never free them.
 *
 * Errors.  Functions taking MgError * return -1 (or NULL) with it set:
 * 53200 out of memory, 54000 index row too large, 42P04/3D000/55006 for
 * databases, 0A000 for writes through a snapshot.  Asking for a table or
 * index that does not exist in the version is a caller bug: reads return
 * "not found", writes fail with XX000.
 */
#ifndef MEMGRES_STORAGE_H
#define MEMGRES_STORAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <memgres/datum.h>
#include <memgres/error.h>
#include <memgres/strbuf.h>

/* ---- memory accounting --------------------------------------------------- */

/* Bytes held by every tree node and tuple of every version alive.  Any thread. */
size_t		storage_memory_used(void);
/* 0: no limit.  Any thread; takes effect for the next write. */
void		storage_set_memory_limit(size_t bytes);
size_t		storage_memory_limit(void);
/*
 * For other layers that keep stored data outside trees (catalog objects):
 * charge fails with 53200 (and charges nothing) if it would pass the limit.
 */
int			storage_memory_charge(size_t bytes, MgError *err);
void		storage_memory_uncharge(size_t bytes);

/* ---- tuples ------------------------------------------------------------------ */

/*
 * How one column is stored, from the type (MgType.typlen/byval).  byval
 * columns keep len (1, 2, 4 or 8) bytes in a fixed slot; every other column
 * is a Varlena (datum.h) copied into the tuple, 4-byte aligned, whatever its
 * typlen.
 */
typedef struct StColumn {
	int16_t		len;			/* byval: 1, 2, 4, 8; otherwise ignored (-1) */
	bool		byval;
} StColumn;

/*
 * An immutable stored row: header, null bitmap (only if some attribute is
 * NULL), then the attributes.  Opaque; its size is st_tuple_len().
 */
typedef struct StTuple StTuple;

/*
 * Builds a tuple of ncols attributes in arena memory (values[i] ignored where
 * nulls[i]).  The result is only a value to pass to st_insert/st_update,
 * which copy it.  Fails (NULL) with 54000 past 1 GB or 54011 past 1600
 * attributes.
 */
StTuple    *st_tuple_form(Arena *a, const StColumn *cols, int ncols,
						  const Datum *values, const bool *nulls, MgError *err);
uint32_t	st_tuple_len(const StTuple *t);
/* Attributes stored in the tuple (the table may have gained columns since). */
int			st_tuple_natts(const StTuple *t);
/*
 * Extracts the first ncols attributes.  By-reference Datums point INTO the
 * tuple (no copy).  Attributes at or past st_tuple_natts() — columns added
 * by ALTER TABLE ADD COLUMN after the row was written — come back NULL: the
 * caller substitutes the column's missing value if it has one.
 */
void		st_tuple_deform(const StTuple *t, const StColumn *cols, int ncols,
							Datum *values, bool *nulls);
/* One attribute (0-based); walks the attributes before it. */
Datum		st_tuple_getattr(const StTuple *t, const StColumn *cols, int attno, bool *isnull);

/* ---- index keys ----------------------------------------------------------- */

/*
 * A multi-column index key is the concatenation of one segment per column:
 *   marker byte: 0x00 NULL sorting first, 0x01 value, 0x02 NULL sorting last;
 *   then for a value: the type's key_encode bytes, with 0x00 escaped as
 *   0x00 0xFF and a 0x00 0x01 terminator (omitted for IDXKEY_FIXED types,
 *   whose encoding always has the same length), all bytes inverted for DESC.
 * So memcmp order of keys is the index order, and keys of the same index are
 * prefix-free per column: a key built from the first k columns is a prefix
 * of every full key whose first k columns are equal (range scans use this).
 */
#define IDXKEY_DESC			0x01	/* descending column */
#define IDXKEY_NULLS_FIRST	0x02	/* NULLs before values (PostgreSQL's default for DESC) */
#define IDXKEY_FIXED		0x04	/* key_encode output has one fixed length */

/* The types layer's MgType.key_encode (types.h), without depending on it. */
typedef void (*StKeyEncodeFn) (Datum value, StrBuf *out);

/* Appends one column's segment to key (a heap or arena StrBuf). */
void		idxkey_add(StrBuf *key, StKeyEncodeFn encode, Datum value, bool isnull,
					   unsigned flags);
/* Same from bytes already produced by key_encode. */
void		idxkey_add_encoded(StrBuf *key, const void *enc, size_t len, unsigned flags);
void		idxkey_add_null(StrBuf *key, unsigned flags);
/* Longest key st_index_insert accepts (bytes, excluding the row id). */
#define IDXKEY_MAX_LEN 900

/* ---- cluster and databases ---------------------------------------------- */

typedef struct StCluster StCluster;
typedef struct StDatabase StDatabase;

/* One per server.  st_cluster_free requires every handle closed. */
StCluster  *st_cluster_new(void);
void		st_cluster_free(StCluster *c);

/*
 * Creates an empty database, or (template != NULL) a fork of the template's
 * committed head: O(1), allowed while the template is being written, and the
 * template's sequence counters are copied.  Fails with 42P04 ("database
 * \"%s\" already exists") or 3D000 ("template database \"%s\" does not
 * exist").  Any thread.
 */
int			st_db_create(StCluster *c, const char *name, const char *template_name,
						 MgError *err);
/*
 * Removes a database from the cluster.  Unless force, fails with 55006 when
 * other handles are open (the caller holds none; PostgreSQL's "is being
 * accessed by other users" with the count in DETAIL).  Memory held only by
 * the database is released when the last handle closes (at once if none).
 * 3D000 if it does not exist.
 */
int			st_db_drop(StCluster *c, const char *name, bool force, MgError *err);
/* 3D000 if old does not exist, 42P04 if new does. */
int			st_db_rename(StCluster *c, const char *oldname, const char *newname,
						 MgError *err);
/*
 * A one-shot notification for a caller waiting for database handles to go
 * (DROP DATABASE waiting out sessions that are closing).  The waiter is
 * owned by the caller; after st_cluster_notify_on_close() its fn(arg) is
 * called once, from the thread of the next st_db_close() on any database,
 * under the cluster mutex (fn must only queue a wake-up), and the waiter is
 * unlinked.  st_cluster_cancel_notify() unlinks it if it has not fired;
 * after it returns fn is never called.  Register before the check the wait
 * is about (st_db_drop), so no close between the two is missed.
 */
typedef struct StCloseWaiter {
	void		(*fn) (void *arg);
	void	   *arg;
	struct StCloseWaiter *next;
	bool		linked;
} StCloseWaiter;
void		st_cluster_notify_on_close(StCluster *c, StCloseWaiter *w);
void		st_cluster_cancel_notify(StCluster *c, StCloseWaiter *w);

/* Opens a handle (refcounted; one per session).  NULL if no such database. */
StDatabase *st_db_open(StCluster *c, const char *name);
void		st_db_close(StDatabase *db);
/* The name at the time of the call, copied into buf (NUL-terminated). */
void		st_db_name(StDatabase *db, char *buf, size_t bufsize);
/* An OID assigned at creation (16384, 16385, ...), stable across renames. */
Oid			st_db_oid(StDatabase *db);
/* True once dropped: the handle still works but nothing can reach it. */
bool		st_db_dropped(StDatabase *db);
/* Other open handles (sessions) on it. */
int			st_db_handles(StDatabase *db);
/* Calls fn for each database, in name order, under the cluster mutex
 * (fn must not call back into the cluster). */
void		st_cluster_foreach(StCluster *c, void (*fn) (void *arg, const char *name, Oid oid),
							   void *arg);

/* ---- writer lock ------------------------------------------------------------- */

/*
 * One write transaction per database.  Acquisition never blocks a thread:
 * st_lock_acquire either takes the lock (ST_LOCK_ACQUIRED) or enqueues the
 * caller's waiter at the tail of a FIFO queue (ST_LOCK_WAIT).  On release,
 * the lock is HANDED to the first waiter (w->granted becomes true before its
 * wake callback runs), so no one starves and no one retries.  The wake
 * callback runs on the releasing thread under the database's internal mutex
 * (so it never races with st_lock_cancel); it must only schedule a wake-up
 * (event_active) and return, never call back into storage.
 *
 * A waiting caller that gives up (lock_timeout, cancel, disconnect) calls
 * st_lock_cancel: it returns true if the lock was granted meanwhile, in
 * which case the caller now holds it and must release it (or use it).
 * The waiter struct is caller memory and must stay put while queued.
 */
typedef struct StLockWaiter {
	void		(*wake) (void *arg);
	void	   *arg;
	bool		granted;		/* read with st_lock_granted() */
	/* private */
	struct StLockWaiter *next;
	struct StLockWaiter *prev;
	bool		queued;
	uint64_t	queued_ns;		/* when it joined the queue (statistics) */
} StLockWaiter;

typedef enum StLockResult {
	ST_LOCK_ACQUIRED = 0,
	ST_LOCK_WAIT = 1
} StLockResult;

StLockResult st_lock_acquire(StDatabase *db, StLockWaiter *w);
/* Non-queuing variant: true if taken. */
bool		st_lock_try(StDatabase *db);
bool		st_lock_granted(StLockWaiter *w);
bool		st_lock_cancel(StDatabase *db, StLockWaiter *w);
/* Hands the lock to the next waiter or frees it.  st_txn_commit/rollback call it. */
void		st_lock_release(StDatabase *db);

/*
 * Per-database statistics, counted since the database was created (a fork
 * starts from zero): how often the writer lock was taken and how long it
 * was held and waited for, in total.  Holding time runs from the grant
 * (st_lock_acquire, st_lock_try, or the hand-over in st_lock_release) to
 * st_lock_release; waiting time from joining the queue to the grant or to
 * st_lock_cancel.
 */
typedef struct StDbStats {
	Oid			oid;
	const char *name;			/* valid during the st_cluster_stats callback;
								 * NULL from st_db_stats */
	int			sessions;		/* open handles */
	uint64_t	lock_acquired;	/* grants */
	uint64_t	lock_waited;	/* grants and cancels that had to queue */
	uint64_t	lock_held_us;	/* total, including a current hold */
	uint64_t	lock_wait_us;	/* total of finished waits */
	int			lock_waiters;	/* queued now */
} StDbStats;

void		st_db_stats(StDatabase *db, StDbStats *out);
/* Calls fn for each database in name order, under the cluster mutex (fn
 * must not call back into the cluster). */
void		st_cluster_stats(StCluster *c, void (*fn) (void *arg, const StDbStats *st),
							 void *arg);

/* ---- transactions and snapshots -------------------------------------------- */

typedef struct StTxn StTxn;

/* A read-only snapshot of the visible head.  Never fails, never waits. */
StTxn	   *st_snapshot_begin(StDatabase *db);
/*
 * A write transaction on the committed head.  The caller must hold the
 * writer lock (st_lock_acquire); the transaction owns it from here and
 * st_txn_commit/st_txn_rollback release it.
 */
StTxn	   *st_txn_begin(StDatabase *db);
bool		st_txn_is_write(const StTxn *t);
/*
 * Publishes the working version as the database's committed (and, until the
 * WAL exists, visible) head, atomically, then releases the writer lock.
 * Frees the handle.  (The WAL append goes before the publish; the flush wait
 * after the release.)  Never fails today; returns 0.
 */
int			st_txn_commit(StTxn *t, MgError *err);
/* Discards the working version (write) or unpins (snapshot); frees the handle. */
void		st_txn_end(StTxn *t);
#define st_txn_rollback(t) st_txn_end(t)

/*
 * Savepoints: O(1), a saved working version.  st_savepoint returns its level
 * (1, 2, ...).  st_rollback_to(level) restores that state and keeps the
 * savepoint (PostgreSQL's ROLLBACK TO); st_release(level) forgets it and
 * every later one, keeping the changes.  The SQL layer takes one per
 * statement for statement atomicity.  Write transactions only.
 */
int			st_savepoint(StTxn *t);
void		st_rollback_to(StTxn *t, int level);
void		st_release(StTxn *t, int level);

/* ---- catalog object -------------------------------------------------------- */

/*
 * Each version carries one opaque catalog object from the SQL layer, shared
 * by refcount between versions and forks; destroy(obj) runs when the last
 * version holding it goes (any thread).  A new database has none (NULL).
 * The catalog version changes (to a new, cluster-wide unique number)
 * whenever st_set_catalog is called, so plans can be checked against it.
 */
void	   *st_catalog(StTxn *t);
uint64_t	st_catalog_version(StTxn *t);
/* Write transactions only; takes ownership of obj (even on failure). */
int			st_set_catalog(StTxn *t, void *obj, void (*destroy) (void *obj), MgError *err);

/* ---- tables and indexes (DDL; write transactions) ------------------------ */

int			st_table_create(StTxn *t, Oid table, MgError *err);
int			st_table_drop(StTxn *t, Oid table, MgError *err);
/* Empties the row tree and every index tree (keeps the indexes). */
int			st_table_truncate(StTxn *t, Oid table, MgError *err);
bool		st_table_exists(StTxn *t, Oid table);
/* Rows in the table (counted by the tree; O(1)). */
uint64_t	st_table_rows(StTxn *t, Oid table);
/* Creates an empty index; the caller fills it with st_index_insert. */
int			st_index_create(StTxn *t, Oid table, Oid index, MgError *err);
int			st_index_drop(StTxn *t, Oid table, Oid index, MgError *err);

/* ---- rows ------------------------------------------------------------------ */

/* NULL if there is no such row (or table). */
const StTuple *st_get(StTxn *t, Oid table, uint64_t rowid);
/* Copies tup into the table under a new row id (*rowid). */
int			st_insert(StTxn *t, Oid table, const StTuple *tup, uint64_t *rowid, MgError *err);
/* Replaces the row (the row id stays).  XX000 if it does not exist. */
int			st_update(StTxn *t, Oid table, uint64_t rowid, const StTuple *tup, MgError *err);
int			st_delete(StTxn *t, Oid table, uint64_t rowid, MgError *err);

/* ---- index entries ------------------------------------------------------- */

/*
 * Adds (key, rowid).  With unique: if an entry with the same key exists,
 * nothing is added, *conflict receives its row id and the result is 1
 * (the SQL layer reports 23505 with its own DETAIL).  The SQL layer passes
 * unique = false for keys containing a NULL (NULLs never conflict).
 * 0 on success, -1 on error (54000 if keylen > IDXKEY_MAX_LEN).
 */
int			st_index_insert(StTxn *t, Oid table, Oid index, const void *key, size_t keylen,
							uint64_t rowid, bool unique, uint64_t *conflict, MgError *err);
/* Removes (key, rowid); no-op if absent. */
int			st_index_delete(StTxn *t, Oid table, Oid index, const void *key, size_t keylen,
							uint64_t rowid, MgError *err);

/* ---- cursors: resumable scans -------------------------------------------- */

/*
 * A cursor sees the tree it scans as it was when opened, so it is unaffected
 * by later writes of the same transaction (a statement never sees its own
 * changes through a scan it opened before them) and every pointer it returns
 * stays valid until st_cursor_close, even past the end of the StTxn it
 * was opened on (it pins the tree root).  Cursors may be kept between
 * protocol messages (portals).  The struct
 * is caller memory; treat the fields as private.
 */
#define ST_CURSOR_MAXDEPTH 32

typedef struct StKeyBound {
	const void *key;			/* NULL: unbounded */
	size_t		len;
	bool		inclusive;
} StKeyBound;

typedef struct StCursor {
	struct StNode *root;		/* pinned */
	bool		pinned;
	int			depth;
	struct StNode *path[ST_CURSOR_MAXDEPTH];
	int			pos[ST_CURSOR_MAXDEPTH];
	bool		backward;
	bool		started;
	bool		done;
	bool		is_index;
	bool		has_lo, has_hi, lo_incl, hi_incl;
	uint8_t    *lo;				/* copies of the bounds: in lobuf/hibuf */
	uint8_t    *hi;				/* when short, else malloc'd */
	size_t		lolen, hilen;
	uint8_t		lobuf[32], hibuf[32];
} StCursor;

/*
 * Row scan in row-id order from start_rowid (inclusive; 0 = from the start),
 * forward; backward scans from start_rowid downwards (0 = from the end).
 * A missing table scans as empty.
 */
void		st_scan_open(StCursor *c, StTxn *t, Oid table, uint64_t start_rowid, bool backward);
/*
 * Index range scan.  A bound is a key prefix (idxkey_* of the first k
 * columns); an entry is inside an inclusive bound when its first len bytes
 * compare equal to it.  lo/hi may be NULL (unbounded).  backward walks from
 * hi down to lo.
 */
void		st_index_open(StCursor *c, StTxn *t, Oid table, Oid index,
						  const StKeyBound *lo, const StKeyBound *hi, bool backward);
/*
 * Next row of a row scan: false at the end.  *tup points into the pinned tree.
 */
bool		st_cursor_next(StCursor *c, uint64_t *rowid, const StTuple **tup);
/*
 * Point lookup: the row id of the first entry whose key starts with key
 * (for a unique index: the one entry), or false.  No cursor needed.
 */
bool		st_index_lookup(StTxn *t, Oid table, Oid index, const void *key, size_t keylen,
							uint64_t *rowid);
/*
 * Next entry of an index scan: false at the end.  *key (without the row id)
 * points into the pinned tree; key/keylen may be NULL.
 */
bool		st_index_next(StCursor *c, uint64_t *rowid, const void **key, size_t *keylen);
void		st_cursor_close(StCursor *c);

/* ---- sequences (non-transactional) --------------------------------------- */

/*
 * Sequence state lives outside versions, per database, under a mutex:
 * nextval is never rolled back.  A fork copies the template's states.
 * st_seq_update runs fn under the mutex with the state (creating it with
 * last_value 0 / is_called false if absent): the SQL layer implements
 * nextval/setval's rules inside fn (return -1 with err set to fail; the state
 * is then left as fn left it).  Any thread.
 */
typedef struct StSeqState {
	int64_t		last_value;
	bool		is_called;
	int64_t		log_cnt;		/* free for the SQL layer */
} StSeqState;

int			st_seq_update(StDatabase *db, Oid seq,
						  int (*fn) (void *arg, StSeqState *state, MgError *err),
						  void *arg, MgError *err);
/* false if the sequence has no state yet. */
bool		st_seq_get(StDatabase *db, Oid seq, StSeqState *out);
void		st_seq_set(StDatabase *db, Oid seq, const StSeqState *state);
void		st_seq_drop(StDatabase *db, Oid seq);

/* ---- checking ------------------------------------------------------------- */

/*
 * Structural check of everything the transaction can see (key order,
 * separator bounds, counts, slot bounds, refcounts >= 1).  Returns 0, or -1
 * with a description in err (XX000).  Debug builds run it after every commit.
 */
int			st_audit(StTxn *t, MgError *err);

#endif
