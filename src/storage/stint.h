/*
 * stint.h — internals shared by the files of src/storage (not a contract
 * for anyone else; see include/memgres/storage.h).
 *
 * Ownership is by reference count everywhere: a node, blob, table, version
 * or catalog reference is freed when its count reaches zero, on whichever
 * thread drops the last reference.  An object whose count is 1 and which is
 * reached through a chain of objects whose counts are all 1, starting at a
 * write transaction's working version, is private to that transaction and
 * is changed in place; anything else is copied first (st_*_private).
 */
#ifndef MEMGRES_STORAGE_STINT_H
#define MEMGRES_STORAGE_STINT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <memgres/storage.h>

#ifdef MG_DEBUG
#include <assert.h>
#define ST_ASSERT(c) assert(c)
#else
#define ST_ASSERT(c) ((void) 0)
#endif

/* ---- accounting (stmem.c) ---- */
void	   *st_alloc(size_t n);			/* counted; never fails (aborts on OOM) */
void		st_free(void *p, size_t n);
/* Fails with 53200 if n more bytes would pass the limit; allocates nothing. */
int			st_reserve(size_t n, MgError *err);

/* ---- B+tree nodes (btree.c) ---- */

/*
 * Node sizes.  Every entry must be at most half a node (split_point relies
 * on it): inline tuples up to ST_INLINE_MAX, index keys up to
 * IDXKEY_MAX_LEN + 8.  Internal nodes are smaller than leaves because a
 * writer copies the root-to-leaf path once per transaction (and after each
 * savepoint), and copying an internal node touches the refcount of every
 * child, each in its own cache line: perf shows this dominating an update
 * transaction, so fan-out ~90 instead of ~185 halves it for one more level.
 * Even maximal separators leave a fan-out of 2 (leaf separators are
 * truncated, so in practice it is far higher), and ST_CURSOR_MAXDEPTH
 * levels hold any tree that fits in memory.
 */
#define ST_LEAF_SIZE 4096
#define ST_INNER_SIZE 2048
#define ST_NODE_SIZE ST_LEAF_SIZE	/* the larger of the two */

typedef enum StTreeKind {
	ST_TREE_ROWS = 0,			/* key: 8-byte big-endian row id; value: tuple */
	ST_TREE_INDEX = 1			/* key: idxkey || row id (8 bytes BE); no value */
} StTreeKind;

typedef struct StNode StNode;

/* Largest value stored inline in a leaf; longer tuples live in a blob. */
#define ST_INLINE_MAX 960

void		bt_retain(StNode *n);
void		bt_release(StNode *n);	/* NULL allowed */
/* Looks up an exact key; the value (tuple) pointer or NULL. */
const void *bt_get(StNode *root, const uint8_t *key, size_t klen);
/*
 * Inserts or replaces (rows) an entry; *rootp may change.  The caller has
 * made the path's owner private and checked the memory reserve.  Returns
 * true if a new entry was added (false: replaced).
 */
bool		bt_put(StNode **rootp, StTreeKind kind, const uint8_t *key, size_t klen,
				   const void *val, uint32_t vlen);
/* Removes an exact key; false if absent (nothing is copied then). */
bool		bt_delete(StNode **rootp, const uint8_t *key, size_t klen);
/* Height of the tree (0 for empty). */
int			bt_height(StNode *root);
int			bt_audit(StNode *root, StTreeKind kind, MgError *err);

/* Cursor positioning over a pinned root (cursor.c uses these). */
/* pin: retain root (public cursors always do, so they outlive their handle
 * safely; internal scans under a held version need not) */
void		bt_cursor_init(StCursor *c, StNode *root, bool pin);
void		bt_cursor_set_lo(StCursor *c, const void *key, size_t len, bool inclusive);
void		bt_cursor_set_hi(StCursor *c, const void *key, size_t len, bool inclusive);
void		bt_cursor_close(StCursor *c);	/* releases root and bounds */
bool		bt_cursor_step(StCursor *c, const uint8_t **key, size_t *klen, const void **val);
/* The first entry whose key starts with key (index uniqueness probe). */
bool		bt_find_prefix(StNode *root, const uint8_t *key, size_t klen,
						   const uint8_t **found, size_t *foundlen);

/* ---- versions and tables (version.c) ---- */

typedef struct StCatRef {
	atomic_uint refcnt;
	void	   *obj;
	void		(*destroy) (void *obj);
} StCatRef;

typedef struct StIndexRoot {
	Oid			oid;
	StNode	   *root;
} StIndexRoot;

typedef struct StTable {
	atomic_uint refcnt;
	Oid			oid;
	uint64_t	next_rowid;
	uint64_t	nrows;
	StNode	   *rows;
	int			nindexes;
	StIndexRoot *indexes;		/* st_alloc'd, nindexes long */
} StTable;

typedef struct StVersion {
	atomic_uint refcnt;
	int			ntables;
	int			captables;
	StTable   **tables;			/* sorted by oid; st_alloc'd */
	StCatRef   *catalog;		/* NULL: none */
	uint64_t	catalog_version;
} StVersion;

StVersion  *st_version_new(void);
void		st_version_retain(StVersion *v);
void		st_version_release(StVersion *v);
uint64_t	st_next_catalog_version(void);

/* ---- databases (database.c) ---- */

typedef struct StSeqEntry {
	Oid			oid;
	StSeqState	state;
} StSeqEntry;

struct StDatabase {
	atomic_int	refs;			/* handles + 1 while in the cluster */
	StCluster  *cluster;
	char	   *name;			/* under cluster->mu */
	Oid			oid;
	bool		dropped;
	pthread_mutex_t mu;			/* heads, lock queue, sequences */
	StVersion  *committed;
	StVersion  *visible;
	bool		locked;
	StLockWaiter *qhead;
	StLockWaiter *qtail;
	int			nwaiters;
	uint64_t	lock_since_ns;	/* grant time of the current hold */
	uint64_t	lock_acquired;	/* statistics (StDbStats), under mu */
	uint64_t	lock_waited;
	uint64_t	lock_held_ns;
	uint64_t	lock_wait_ns;
	int			nseqs;
	int			capseqs;
	StSeqEntry *seqs;			/* sorted by oid */
};

/* Pins the head: visible (readers) or committed (writers). */
StVersion  *st_db_pin(StDatabase *db, bool committed);
/* Publishes v (the reference passes to the database). */
void		st_db_publish(StDatabase *db, StVersion *v);

#endif
