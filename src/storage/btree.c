/*
 * btree.c — persistent (copy-on-write) B+trees of byte-string keys.
 *
 * One node format for every tree and level: a 4 KB slotted page.
 *
 *   header (12 bytes) | slots: uint16 offsets, in key order -> ... free ...
 *                     <- heap of entries, growing down from the end
 *   entry: uint16 klen | uint16 vinfo | key bytes | value bytes
 *
 * Values: internal nodes hold an StNode * (8 bytes, unaligned, memcpy'd);
 * row leaves hold the tuple itself (vinfo = its length; entries start
 * 4-aligned so the tuple is 4-aligned) or, past ST_INLINE_MAX, a pointer to
 * a refcounted blob (vinfo = VINFO_BLOB); index leaves hold no value (the
 * row id is the key's last 8 bytes).  Inline tuples make a row cost its
 * bytes plus 14, with no per-row allocation and no per-row refcount: copying
 * a leaf is one pass over 4 KB.
 *
 * Copy-on-write: a node whose refcount is 1, reached from a private parent,
 * belongs to the running writer and is changed in place; otherwise the
 * writer copies it (node_private), retaining what the copy references, and
 * drops its reference to the original.  So a transaction copies a path once
 * and then works in place until something (a savepoint, a cursor, a commit)
 * takes another reference.
 *
 * Internal node entry i holds child i and a separator: a lower bound of the
 * keys in child i, for i >= 1 (slot 0's key is never compared: it acts as
 * minus infinity).  Splits put a new entry at the end of a node into a node
 * of its own (so ascending loads fill pages completely) and otherwise split
 * by bytes in the middle.  A delete that leaves a node under a quarter full
 * merges it with a neighbour when both fit in three quarters of a node; an
 * emptied node is unlinked, and a root with one child is collapsed.
 *
 * Invariants (checked by bt_audit):
 *   1. Keys strictly ascend within a node and across leaves.
 *   2. For internal entry i >= 1: sep_i <= every key in child i, and every
 *      key in child i-1 < sep_i.
 *   3. All leaves are at level 0 and every path has the same length.
 *   4. Slots and entries lie inside the node, without overlap.
 *   5. Every reachable node and blob has refcount >= 1; no node but the
 *      root is empty.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/mem.h>
#include <memgres/sqlstate.h>

#include "stint.h"

struct StNode {
	atomic_uint refcnt;
	uint16_t	nslots;
	uint8_t		level;			/* 0 = leaf */
	uint8_t		kind;			/* StTreeKind */
	uint16_t	heap;			/* offset of the lowest heap byte */
	uint16_t	garbage;		/* dead bytes inside the heap */
	uint16_t	slots[];
};

#define NODE_HDR ((size_t) offsetof(StNode, slots))
#define ENT_HDR 4
#define VINFO_BLOB 0xFFFF

typedef struct StBlob {
	atomic_uint refcnt;
	uint32_t	len;
	uint64_t	data[];			/* the tuple, 8-aligned */
} StBlob;

/* ---- nodes ------------------------------------------------------------- */

static inline size_t
level_size(int level)
{
	return level == 0 ? ST_LEAF_SIZE : ST_INNER_SIZE;
}

static inline size_t
node_size(const StNode *n)
{
	return level_size(n->level);
}

static StNode *
node_new(int level, int kind)
{
	StNode	   *n = st_alloc(level_size(level));

	atomic_init(&n->refcnt, 1);
	n->nslots = 0;
	n->level = (uint8_t) level;
	n->kind = (uint8_t) kind;
	n->heap = (uint16_t) level_size(level);
	n->garbage = 0;
	return n;
}

static inline uint8_t *
ent(const StNode *n, int i)
{
	return (uint8_t *) n + n->slots[i];
}

static inline size_t
ent_klen(const uint8_t *e)
{
	uint16_t	k;

	memcpy(&k, e, 2);
	return k;
}

static inline uint16_t
ent_vinfo(const uint8_t *e)
{
	uint16_t	v;

	memcpy(&v, e + 2, 2);
	return v;
}

static inline const uint8_t *
ent_key(const uint8_t *e)
{
	return e + ENT_HDR;
}

static inline uint8_t *
ent_val(uint8_t *e)
{
	return e + ENT_HDR + ent_klen(e);
}

static inline size_t
vinfo_size(uint16_t vinfo)
{
	return vinfo == VINFO_BLOB ? sizeof(void *) : vinfo;
}

static inline size_t
ent_size_raw(size_t klen, uint16_t vinfo, bool align4)
{
	size_t		s = ENT_HDR + klen + vinfo_size(vinfo);

	return align4 ? (s + 3) & ~(size_t) 3 : s;
}

static inline bool
node_align4(const StNode *n)
{
	return n->level == 0 && n->kind == ST_TREE_ROWS;
}

static inline size_t
ent_size(const StNode *n, const uint8_t *e)
{
	return ent_size_raw(ent_klen(e), ent_vinfo(e), node_align4(n));
}

static inline StNode *
child_get(const StNode *n, int i)
{
	StNode	   *c;

	memcpy(&c, ent_val(ent(n, i)), sizeof(c));
	return c;
}

static inline void
child_set(StNode *n, int i, StNode *c)
{
	memcpy(ent_val(ent(n, i)), &c, sizeof(c));
}

static inline StBlob *
blob_get(uint8_t *e)
{
	StBlob	   *b;

	memcpy(&b, ent_val(e), sizeof(b));
	return b;
}

static void
blob_release(StBlob *b)
{
	if (atomic_fetch_sub_explicit(&b->refcnt, 1, memory_order_acq_rel) == 1)
		st_free(b, sizeof(StBlob) + b->len);
}

static inline size_t
node_free_space(const StNode *n)
{
	return n->heap - NODE_HDR - 2 * (size_t) n->nslots;
}

/* Retains what entry e references (when a copy of it is made). */
static void
ent_retain(const StNode *n, uint8_t *e)
{
	if (n->level > 0)
	{
		StNode	   *c;

		memcpy(&c, ent_val(e), sizeof(c));
		bt_retain(c);
	}
	else if (ent_vinfo(e) == VINFO_BLOB)
		atomic_fetch_add_explicit(&blob_get(e)->refcnt, 1, memory_order_relaxed);
}

static void
ent_release(const StNode *n, uint8_t *e)
{
	if (n->level > 0)
	{
		StNode	   *c;

		memcpy(&c, ent_val(e), sizeof(c));
		bt_release(c);
	}
	else if (ent_vinfo(e) == VINFO_BLOB)
		blob_release(blob_get(e));
}

/*
 * Copying or freeing an internal node touches the refcount of every child,
 * each in its own cache line: issue the loads together so the misses
 * overlap instead of queueing.
 */
static void
prefetch_children(const StNode *n)
{
	for (int i = 0; i < n->nslots; i++)
		__builtin_prefetch(child_get(n, i), 1, 3);
}

void
bt_retain(StNode *n)
{
	atomic_fetch_add_explicit(&n->refcnt, 1, memory_order_relaxed);
}

void
bt_release(StNode *n)
{
	if (n == NULL)
		return;
	if (atomic_fetch_sub_explicit(&n->refcnt, 1, memory_order_acq_rel) != 1)
		return;
	if (n->level > 0)
		prefetch_children(n);
	for (int i = 0; i < n->nslots; i++)
		ent_release(n, ent(n, i));
	st_free(n, node_size(n));
}

/* Appends a raw entry to dst's heap and slot array (dst has room). */
static void
node_append_raw(StNode *dst, const uint8_t *e, size_t size)
{
	dst->heap -= (uint16_t) size;
	memcpy((uint8_t *) dst + dst->heap, e, size);
	dst->slots[dst->nslots++] = dst->heap;
}

/* Rebuilds n's heap without garbage (in place, via a stack copy). */
static void
node_compact(StNode *n)
{
	uint64_t	buf[ST_LEAF_SIZE / 8];
	StNode	   *old = (StNode *) buf;
	int			nslots = n->nslots;

	memcpy(old, n, node_size(n));
	n->nslots = 0;
	n->heap = (uint16_t) node_size(n);
	n->garbage = 0;
	for (int i = 0; i < nslots; i++)
	{
		uint8_t    *e = ent(old, i);

		node_append_raw(n, e, ent_size(old, e));
	}
}

/* A private, compacted copy of n (its references retained). */
static StNode *
node_copy(const StNode *n)
{
	StNode	   *c = node_new(n->level, n->kind);

	if (n->level > 0)
		prefetch_children(n);

	for (int i = 0; i < n->nslots; i++)
	{
		uint8_t    *e = ent(n, i);

		node_append_raw(c, e, ent_size(n, e));
		ent_retain(n, e);
	}
	return c;
}

/* Returns a node the caller may change: n itself or a copy replacing it. */
static StNode *
node_private(StNode *n)
{
	StNode	   *c;

	if (atomic_load_explicit(&n->refcnt, memory_order_acquire) == 1)
		return n;
	c = node_copy(n);
	bt_release(n);
	return c;
}

/* ---- searching ------------------------------------------------------------ */

/* memcmp order, 8 bytes at a time (keys are short: row ids, index keys). */
static inline int
bytes_cmp(const uint8_t *a, const uint8_t *b, size_t n)
{
	while (n >= 8)
	{
		uint64_t	x,
					y;

		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		if (x != y)
		{
			x = __builtin_bswap64(x);
			y = __builtin_bswap64(y);
			return x < y ? -1 : 1;
		}
		a += 8;
		b += 8;
		n -= 8;
	}
	for (; n > 0; n--, a++, b++)
		if (*a != *b)
			return *a < *b ? -1 : 1;
	return 0;
}

static inline int
key_cmp(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	int			c = bytes_cmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return alen < blen ? -1 : (alen > blen ? 1 : 0);
}

/* First slot whose key is >= key (leaf), setting *found on equality. */
static int
lower_bound(const StNode *n, const uint8_t *key, size_t klen, bool *found)
{
	int			lo = 0,
				hi = n->nslots;

	/* appends (ascending row ids and keys) end past the last entry */
	if (hi > 0 && key_cmp(ent_key(ent(n, hi - 1)), ent_klen(ent(n, hi - 1)), key, klen) < 0)
	{
		*found = false;
		return hi;
	}
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;
		const uint8_t *e = ent(n, mid);

		if (key_cmp(ent_key(e), ent_klen(e), key, klen) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < n->nslots &&
		key_cmp(ent_key(ent(n, lo)), ent_klen(ent(n, lo)), key, klen) == 0;
	return lo;
}

/* The child of internal node n whose range holds key. */
static int
child_index(const StNode *n, const uint8_t *key, size_t klen)
{
	int			lo = 1,
				hi = n->nslots;

	/* appends (ascending row ids and keys) go to the last child */
	if (hi > 1 && key_cmp(ent_key(ent(n, hi - 1)), ent_klen(ent(n, hi - 1)), key, klen) <= 0)
		return hi - 1;
	/* find the first separator > key among slots 1..n-1 */
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;
		const uint8_t *e = ent(n, mid);

		if (key_cmp(ent_key(e), ent_klen(e), key, klen) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

const void *
bt_get(StNode *root, const uint8_t *key, size_t klen)
{
	StNode	   *n = root;
	bool		found;
	int			pos;
	uint8_t    *e;

	if (n == NULL)
		return NULL;
	while (n->level > 0)
		n = child_get(n, child_index(n, key, klen));
	pos = lower_bound(n, key, klen, &found);
	if (!found)
		return NULL;
	e = ent(n, pos);
	if (ent_vinfo(e) == VINFO_BLOB)
		return blob_get(e)->data;
	return ent_val(e);
}

int
bt_height(StNode *root)
{
	return root == NULL ? 0 : root->level + 1;
}

/* ---- inserting ---------------------------------------------------------- */

/* Removes slot pos from n (the entry's references are the caller's business). */
static void
node_remove_slot(StNode *n, int pos)
{
	n->garbage += (uint16_t) ent_size(n, ent(n, pos));
	memmove(&n->slots[pos], &n->slots[pos + 1], sizeof(uint16_t) * (size_t) (n->nslots - pos - 1));
	n->nslots--;
}

/*
 * Writes an entry at slot pos if it fits (compacting if that helps).
 * value == NULL with vinfo == sizeof(void *) is not used; the value bytes
 * are copied as given (a child pointer, a blob pointer or a tuple).
 */
static bool
node_try_insert(StNode *n, int pos, const uint8_t *key, size_t klen,
				const void *val, uint16_t vinfo)
{
	size_t		size = ent_size_raw(klen, vinfo, node_align4(n));
	uint8_t    *e;
	uint16_t	k16 = (uint16_t) klen;

	if (node_free_space(n) < size + 2)
	{
		if (node_free_space(n) + n->garbage < size + 2)
			return false;
		node_compact(n);
	}
	n->heap -= (uint16_t) size;
	e = (uint8_t *) n + n->heap;
	memcpy(e, &k16, 2);
	memcpy(e + 2, &vinfo, 2);
	memcpy(e + ENT_HDR, key, klen);
	memcpy(e + ENT_HDR + klen, val, vinfo_size(vinfo));
	memmove(&n->slots[pos + 1], &n->slots[pos], sizeof(uint16_t) * (size_t) (n->nslots - pos));
	n->slots[pos] = n->heap;
	n->nslots++;
	return true;
}

/*
 * How many of the n + 1 entries go left when an entry of newsize bytes goes
 * in at pos.  Over the n + 1 entries (the new one included), take the first
 * cut where the left half reaches half the bytes, or the cut before it if
 * the left would then overflow: with every entry at most half a node one
 * of the two always fits both sides (if neither did, the total would exceed
 * 1.5 nodes, but it is at most one node plus one entry).
 */
static int
split_point(const StNode *n, int pos, size_t newsize)
{
	size_t		cap = node_size(n) - NODE_HDR;
	size_t		total = (size_t) node_size(n) - n->heap - n->garbage + 2 * (size_t) n->nslots + newsize + 2;
	size_t		left = 0;
	int			s = 0;				/* entries of the n + 1 on the left */

	while (s < n->nslots && left < total / 2)
	{
		int			old = s < pos ? s : s - 1;

		left += 2 + (s == pos ? newsize : ent_size(n, ent(n, old)));
		s++;
	}
	if (left > cap && s > 1)
		s--;
	if (s < 1)
		s = 1;
	return s;
}

/*
 * Inserts at pos, splitting n when full: then *right receives the new right
 * sibling (whose first key is the separator for the parent).
 */
static void
node_insert(StNode *n, int pos, const uint8_t *key, size_t klen, const void *val,
			uint16_t vinfo, StNode **right)
{
	StNode	   *r;
	int			split;			/* old entries staying in n */
	bool		new_left;
	bool		ok;

	*right = NULL;
	if (node_try_insert(n, pos, key, klen, val, vinfo))
		return;

	if (pos == n->nslots)
	{
		split = n->nslots;		/* appending: keep n full, start a new node */
		new_left = false;
	}
	else
	{
		int			s = split_point(n, pos, ent_size_raw(klen, vinfo, node_align4(n)));

		new_left = pos < s;
		split = new_left ? s - 1 : s;
	}
	r = node_new(n->level, n->kind);
	for (int i = split; i < n->nslots; i++)
	{
		uint8_t    *e = ent(n, i);

		node_append_raw(r, e, ent_size(n, e));
	}
	for (int i = split; i < n->nslots; i++)
		n->garbage += (uint16_t) ent_size(n, ent(n, i));
	n->nslots = (uint16_t) split;
	node_compact(n);
	if (new_left)
		ok = node_try_insert(n, pos, key, klen, val, vinfo);
	else
		ok = node_try_insert(r, pos - split, key, klen, val, vinfo);
	ST_ASSERT(ok);
	(void) ok;
	*right = r;
}

/*
 * The separator for a split: right's first key, cut (for leaves) to the
 * shortest prefix still greater than left's last key.  A prefix of right's
 * first key bounds right from below and stays above everything in left,
 * and short separators keep the fan-out of internal nodes high when keys
 * are long.
 */
static size_t
separator_len(const StNode *left, const StNode *right)
{
	const uint8_t *r = ent(right, 0);
	const uint8_t *l;
	size_t		rlen = ent_klen(r),
				llen,
				i = 0;

	if (right->level > 0 || left->nslots == 0)
		return rlen;
	l = ent(left, left->nslots - 1);
	llen = ent_klen(l);
	while (i < llen && i < rlen && ent_key(l)[i] == ent_key(r)[i])
		i++;
	return i + 1 <= rlen ? i + 1 : rlen;
}

typedef struct PutArgs {
	const uint8_t *key;
	size_t		klen;
	const void *val;			/* what goes into the entry */
	uint16_t	vinfo;
	bool		added;
} PutArgs;

/* Inserts into the private subtree n; *right as for node_insert. */
static void
put_rec(StNode *n, PutArgs *a, StNode **right)
{
	if (n->level == 0)
	{
		bool		found;
		int			pos = lower_bound(n, a->key, a->klen, &found);

		if (found)
		{
			ent_release(n, ent(n, pos));
			node_remove_slot(n, pos);
		}
		a->added = !found;
		node_insert(n, pos, a->key, a->klen, a->val, a->vinfo, right);
	}
	else
	{
		int			i = child_index(n, a->key, a->klen);
		StNode	   *c = node_private(child_get(n, i));
		StNode	   *cr;

		child_set(n, i, c);
		put_rec(c, a, &cr);
		*right = NULL;
		if (cr != NULL)
			node_insert(n, i + 1, ent_key(ent(cr, 0)), separator_len(c, cr), &cr, sizeof(cr), right);
	}
}

bool
bt_put(StNode **rootp, StTreeKind kind, const uint8_t *key, size_t klen,
	   const void *val, uint32_t vlen)
{
	PutArgs		a;
	StNode	   *root = *rootp;
	StNode	   *right;
	StBlob	   *blob = NULL;
	uint64_t	local[ST_INLINE_MAX / 8 + 1];

	a.key = key;
	a.klen = klen;
	if (kind == ST_TREE_ROWS && vlen > ST_INLINE_MAX)
	{
		blob = st_alloc(sizeof(StBlob) + vlen);
		atomic_init(&blob->refcnt, 1);
		blob->len = vlen;
		memcpy(blob->data, val, vlen);
		a.val = &blob;
		a.vinfo = VINFO_BLOB;
	}
	else
	{
		/* val may point into this very tree (a tuple read earlier): copy it
		 * out before any compaction can move it */
		if (vlen > 0)
			memcpy(local, val, vlen);
		a.val = local;
		a.vinfo = (uint16_t) vlen;
	}
	a.added = false;

	if (root == NULL)
		root = node_new(0, kind);
	else
		root = node_private(root);
	put_rec(root, &a, &right);
	if (right != NULL)
	{
		StNode	   *nr = node_new(root->level + 1, kind);
		uint8_t    *first = ent(right, 0);
		bool		ok;

		ok = node_try_insert(nr, 0, (const uint8_t *) "", 0, &root, sizeof(root));
		ok = ok && node_try_insert(nr, 1, ent_key(first), separator_len(root, right), &right, sizeof(right));
		ST_ASSERT(ok);
		(void) ok;
		root = nr;
	}
	*rootp = root;
	return a.added;
}

/* ---- deleting --------------------------------------------------------------- */

/* Bytes a node's entries and slots take. */
static inline size_t
node_used(const StNode *n)
{
	return node_size(n) - n->heap - n->garbage + 2 * (size_t) n->nslots;
}

/*
 * Merges child i of the private internal node n with a neighbour when the
 * two fit in three quarters of a node (so a merge is not undone by the next
 * insert).  The right node's entries move into the left one; in internal
 * children the right node's first separator (never compared there) becomes
 * the parent's separator for it, a valid lower bound of its keys.  Keeps
 * tables that shrink, or whose rows move (delete + insert), from holding
 * nearly empty pages.
 */
static bool
merge_fits(const StNode *n, int l)
{
	const StNode *left = child_get(n, l);
	const StNode *right = child_get(n, l + 1);
	size_t		need = node_used(left) + node_used(right);

	if (left->level > 0)
		need += ent_klen(ent(n, l + 1)) - ent_klen(ent(right, 0));
	return need <= (node_size(left) - NODE_HDR) * 3 / 4;
}

/* Moves child l + 1 of n into child l (merge_fits said they fit). */
static void
merge_children(StNode *n, int l)
{
	int			r = l + 1;
	StNode	   *left = node_private(child_get(n, l));
	StNode	   *right;
	const uint8_t *sep = ent(n, r);

	child_set(n, l, left);
	right = node_private(child_get(n, r));
	child_set(n, r, right);
	node_compact(left);
	for (int j = 0; j < right->nslots; j++)
	{
		uint8_t    *e = ent(right, j);

		if (j == 0 && right->level > 0)
		{
			bool		ok = node_try_insert(left, left->nslots, ent_key(sep), ent_klen(sep),
											 ent_val(e), ent_vinfo(e));

			ST_ASSERT(ok);
			(void) ok;
		}
		else
			node_append_raw(left, e, ent_size(right, e));
	}
	/* the references moved with the entries: free right without releasing */
	st_free(right, node_size(right));
	node_remove_slot(n, r);
}

static void
maybe_merge(StNode *n, int i)
{
	if (i > 0 && merge_fits(n, i - 1))
		merge_children(n, i - 1);
	else if (i + 1 < n->nslots && merge_fits(n, i))
		merge_children(n, i);
}

/* Deletes from the private subtree n; returns true if n became empty. */
static bool
del_rec(StNode *n, const uint8_t *key, size_t klen)
{
	if (n->level == 0)
	{
		bool		found;
		int			pos = lower_bound(n, key, klen, &found);

		if (found)
		{
			ent_release(n, ent(n, pos));
			node_remove_slot(n, pos);
		}
	}
	else
	{
		int			i = child_index(n, key, klen);
		StNode	   *c = node_private(child_get(n, i));

		child_set(n, i, c);
		if (del_rec(c, key, klen))
		{
			bt_release(c);
			node_remove_slot(n, i);
		}
		else if (n->nslots > 1 && node_used(c) < node_size(c) / 4)
			maybe_merge(n, i);
	}
	return n->nslots == 0;
}

bool
bt_delete(StNode **rootp, const uint8_t *key, size_t klen)
{
	StNode	   *root = *rootp;

	if (bt_get(root, key, klen) == NULL)
		return false;
	root = node_private(root);
	if (del_rec(root, key, klen))
	{
		bt_release(root);
		root = NULL;
	}
	while (root != NULL && root->level > 0 && root->nslots == 1)
	{
		StNode	   *c = child_get(root, 0);

		bt_retain(c);
		bt_release(root);
		root = c;
	}
	*rootp = root;
	return true;
}

/* ---- cursors ---------------------------------------------------------------- */

void
bt_cursor_init(StCursor *c, StNode *root, bool pin)
{
	memset(c, 0, sizeof(*c));
	c->root = root;
	c->pinned = pin && root != NULL;
	if (c->pinned)
		bt_retain(root);
	if (root == NULL)
		c->done = true;
}

static uint8_t *
bound_copy(uint8_t *inl, size_t inlsize, const void *key, size_t len)
{
	uint8_t    *p = len <= inlsize ? inl : mg_malloc(len);

	memcpy(p, key, len);
	return p;
}

void
bt_cursor_set_lo(StCursor *c, const void *key, size_t len, bool inclusive)
{
	c->has_lo = true;
	c->lo_incl = inclusive;
	c->lolen = len;
	c->lo = bound_copy(c->lobuf, sizeof(c->lobuf), key, len);
}

void
bt_cursor_set_hi(StCursor *c, const void *key, size_t len, bool inclusive)
{
	c->has_hi = true;
	c->hi_incl = inclusive;
	c->hilen = len;
	c->hi = bound_copy(c->hibuf, sizeof(c->hibuf), key, len);
}

void
bt_cursor_close(StCursor *c)
{
	if (c->pinned)
		bt_release(c->root);
	c->pinned = false;
	c->root = NULL;
	c->done = true;
	if (c->lo != NULL && c->lo != c->lobuf)
		free(c->lo);
	if (c->hi != NULL && c->hi != c->hibuf)
		free(c->hi);
	c->lo = c->hi = NULL;
}

/*
 * Compares entry key e with bound b as a prefix: 0 when e starts with b.
 */
static inline int
prefix_cmp(const uint8_t *e, size_t elen, const uint8_t *b, size_t blen)
{
	int			c = bytes_cmp(e, b, elen < blen ? elen : blen);

	if (c != 0)
		return c;
	return elen >= blen ? 0 : -1;
}

/* Is e past the low bound's start, i.e. inside [lo, ...)? */
static inline bool
after_lo(const StCursor *c, const uint8_t *e, size_t elen)
{
	int			r;

	if (!c->has_lo)
		return true;
	r = prefix_cmp(e, elen, c->lo, c->lolen);
	return c->lo_incl ? r >= 0 : r > 0;
}

/* Is e beyond the high bound? */
static inline bool
past_hi(const StCursor *c, const uint8_t *e, size_t elen)
{
	int			r;

	if (!c->has_hi)
		return false;
	r = prefix_cmp(e, elen, c->hi, c->hilen);
	return c->hi_incl ? r > 0 : r >= 0;
}

/* Unreachable for trees that fit in memory (see stint.h); never corrupt. */
static void
depth_overflow(void)
{
	fputs("PANIC:  storage tree deeper than ST_CURSOR_MAXDEPTH\n", stderr);
	abort();
}

/* Positions at the first entry satisfying after_lo (may be one past a leaf). */
static void
seek_first(StCursor *c)
{
	StNode	   *n = c->root;
	int			d = 0;

	for (;;)
	{
		int			lo = (n->level > 0) ? 1 : 0,
					hi = n->nslots;

		while (lo < hi)
		{
			int			mid = (lo + hi) / 2;
			const uint8_t *e = ent(n, mid);

			if (!after_lo(c, ent_key(e), ent_klen(e)))
				lo = mid + 1;
			else
				hi = mid;
		}
		c->path[d] = n;
		if (n->level == 0)
		{
			c->pos[d] = lo;
			break;
		}
		c->pos[d] = lo - 1;
		n = child_get(n, lo - 1);
		d++;
		if (d >= ST_CURSOR_MAXDEPTH)
			depth_overflow();
	}
	c->depth = d + 1;
}

/* Positions at the last entry not past_hi (may be -1 in a leaf). */
static void
seek_last(StCursor *c)
{
	StNode	   *n = c->root;
	int			d = 0;

	for (;;)
	{
		int			lo = (n->level > 0) ? 1 : 0,
					hi = n->nslots;

		while (lo < hi)
		{
			int			mid = (lo + hi) / 2;
			const uint8_t *e = ent(n, mid);

			if (!past_hi(c, ent_key(e), ent_klen(e)))
				lo = mid + 1;
			else
				hi = mid;
		}
		c->path[d] = n;
		if (n->level == 0)
		{
			c->pos[d] = lo - 1;
			break;
		}
		c->pos[d] = lo > 0 ? lo - 1 : 0;
		n = child_get(n, c->pos[d]);
		d++;
		if (d >= ST_CURSOR_MAXDEPTH)
			depth_overflow();
	}
	c->depth = d + 1;
}

/* Moves to the next leaf position that exists; false at the end. */
static bool
fix_forward(StCursor *c)
{
	int			d = c->depth - 1;

	while (c->pos[d] >= c->path[d]->nslots)
	{
		/* climb until a node has a next child */
		int			u = d - 1;

		while (u >= 0 && c->pos[u] + 1 >= c->path[u]->nslots)
			u--;
		if (u < 0)
			return false;
		c->pos[u]++;
		for (int k = u + 1; k <= d; k++)
		{
			c->path[k] = child_get(c->path[k - 1], c->pos[k - 1]);
			c->pos[k] = 0;
		}
	}
	return true;
}

static bool
fix_backward(StCursor *c)
{
	int			d = c->depth - 1;

	while (c->pos[d] < 0)
	{
		int			u = d - 1;

		while (u >= 0 && c->pos[u] == 0)
			u--;
		if (u < 0)
			return false;
		c->pos[u]--;
		for (int k = u + 1; k <= d; k++)
		{
			c->path[k] = child_get(c->path[k - 1], c->pos[k - 1]);
			c->pos[k] = c->path[k]->nslots - 1;
		}
	}
	return true;
}

bool
bt_cursor_step(StCursor *c, const uint8_t **key, size_t *klen, const void **val)
{
	int			d;
	uint8_t    *e;

	if (c->done)
		return false;
	if (!c->started)
	{
		c->started = true;
		if (c->backward)
			seek_last(c);
		else
			seek_first(c);
	}
	else
		c->pos[c->depth - 1] += c->backward ? -1 : 1;
	if (!(c->backward ? fix_backward(c) : fix_forward(c)))
	{
		c->done = true;
		return false;
	}
	d = c->depth - 1;
	e = ent(c->path[d], c->pos[d]);
	if (c->backward ? !after_lo(c, ent_key(e), ent_klen(e)) : past_hi(c, ent_key(e), ent_klen(e)))
	{
		c->done = true;
		return false;
	}
	*key = ent_key(e);
	*klen = ent_klen(e);
	if (val != NULL)
		*val = ent_vinfo(e) == VINFO_BLOB ? (const void *) blob_get(e)->data : (const void *) ent_val(e);
	return true;
}

/* ---- audit ---------------------------------------------------------------- */

typedef struct AuditState {
	MgError    *err;
	int			leaf_level_seen;
	const uint8_t *last;
	size_t		lastlen;
	bool		have_last;
} AuditState;

static int
audit_fail(AuditState *s, const char *what, const StNode *n)
{
	mg_error(s->err, SQLSTATE_INTERNAL_ERROR, "storage audit: %s (node %p, level %d, %d slots)",
			 what, (const void *) n, n->level, n->nslots);
	return -1;
}

static int
audit_node(AuditState *s, const StNode *n, int kind, bool is_root,
		   const uint8_t *lo, size_t lolen, const uint8_t *hi, size_t hilen)
{
	size_t		used = 0;

	if (atomic_load(&n->refcnt) < 1)
		return audit_fail(s, "refcount below 1", n);
	if (n->kind != kind)
		return audit_fail(s, "wrong tree kind", n);
	if (n->nslots == 0 && !is_root)
		return audit_fail(s, "empty non-root node", n);
	if (NODE_HDR + 2 * (size_t) n->nslots > n->heap || n->heap > node_size(n))
		return audit_fail(s, "slot array overlaps heap", n);
	for (int i = 0; i < n->nslots; i++)
	{
		const uint8_t *e = ent(n, i);
		size_t		sz;

		if (n->slots[i] < n->heap || (size_t) n->slots[i] + ENT_HDR > node_size(n))
			return audit_fail(s, "slot outside heap", n);
		sz = ent_size(n, e);
		if ((size_t) n->slots[i] + sz > node_size(n))
			return audit_fail(s, "entry past node end", n);
		used += sz;
		if (i > 0 && (n->level == 0 || i > 1) &&
			key_cmp(ent_key(ent(n, i - 1)), ent_klen(ent(n, i - 1)), ent_key(e), ent_klen(e)) >= 0)
			return audit_fail(s, "keys out of order", n);
	}
	if (used + n->garbage != node_size(n) - n->heap)
		return audit_fail(s, "heap accounting wrong", n);
	if (n->level == 0)
	{
		if (s->leaf_level_seen < 0)
			s->leaf_level_seen = 1;
		for (int i = 0; i < n->nslots; i++)
		{
			const uint8_t *e = ent(n, i);
			const uint8_t *k = ent_key(e);
			size_t		kl = ent_klen(e);

			if (lo != NULL && key_cmp(k, kl, lo, lolen) < 0)
				return audit_fail(s, "key below separator", n);
			if (hi != NULL && key_cmp(k, kl, hi, hilen) >= 0)
				return audit_fail(s, "key not below next separator", n);
			if (s->have_last && key_cmp(s->last, s->lastlen, k, kl) >= 0)
				return audit_fail(s, "keys out of order across leaves", n);
			s->last = k;
			s->lastlen = kl;
			s->have_last = true;
			if (ent_vinfo(e) == VINFO_BLOB && atomic_load(&blob_get((uint8_t *) e)->refcnt) < 1)
				return audit_fail(s, "blob refcount below 1", n);
		}
		return 0;
	}
	for (int i = 0; i < n->nslots; i++)
	{
		const uint8_t *e = ent(n, i);
		StNode	   *c = child_get(n, i);
		const uint8_t *clo = lo,
				   *chi = hi;
		size_t		clolen = lolen,
					chilen = hilen;

		if (c->level + 1 != n->level)
			return audit_fail(s, "child level mismatch", n);
		if (i > 0)
		{
			clo = ent_key(e);
			clolen = ent_klen(e);
			if (lo != NULL && key_cmp(clo, clolen, lo, lolen) < 0)
				return audit_fail(s, "separator below parent bound", n);
		}
		if (i + 1 < n->nslots)
		{
			chi = ent_key(ent(n, i + 1));
			chilen = ent_klen(ent(n, i + 1));
		}
		if (audit_node(s, c, kind, false, clo, clolen, chi, chilen) < 0)
			return -1;
	}
	return 0;
}

int
bt_audit(StNode *root, StTreeKind kind, MgError *err)
{
	AuditState	s = {err, -1, NULL, 0, false};

	if (root == NULL)
		return 0;
	return audit_node(&s, root, (int) kind, true, NULL, 0, NULL, 0);
}

/* ---- prefix probe -------------------------------------------------------- */

bool
bt_find_prefix(StNode *root, const uint8_t *key, size_t klen,
			   const uint8_t **found, size_t *foundlen)
{
	StCursor	c;
	bool		ok;
	const StNode *n = root;
	int			pos;
	bool		exact;
	bool		rightmost = true;

	if (root == NULL)
		return false;

	/*
	 * Fast path: one descent as bt_get.  Every entry left of the chosen leaf
	 * is below key, so the leaf's first entry >= key is the first in the
	 * tree; entries starting with key follow key directly, so that entry has
	 * the prefix or none has.  Only when key is above the whole leaf may the
	 * answer be the next leaf's first entry: the cursor below finds it
	 * (unless the leaf is the last one, as for ascending keys).
	 */
	while (n->level > 0)
	{
		int			ci = child_index(n, key, klen);

		rightmost = rightmost && ci == n->nslots - 1;
		n = child_get(n, ci);
	}
	pos = lower_bound(n, key, klen, &exact);
	if (pos >= n->nslots && rightmost)
		return false;			/* key is above the whole tree (appends) */
	if (pos < n->nslots)
	{
		const uint8_t *e = ent(n, pos);

		if (ent_klen(e) < klen || memcmp(ent_key(e), key, klen) != 0)
			return false;
		*found = ent_key(e);
		*foundlen = ent_klen(e);
		return true;
	}

	/* a cursor on the stack that borrows root and key: nothing to free */
	memset(&c, 0, sizeof(c));
	c.root = root;
	c.has_lo = c.has_hi = true;
	c.lo_incl = c.hi_incl = true;
	c.lo = c.hi = (uint8_t *) key;
	c.lolen = c.hilen = klen;
	ok = bt_cursor_step(&c, found, foundlen, NULL);
	return ok;
}
