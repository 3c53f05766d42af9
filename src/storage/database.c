/*
 * database.c — the cluster, databases and forks, the writer lock,
 * non-transactional sequence state.
 *
 * Locking: the cluster mutex guards the name -> database array and the
 * names; each database's mutex guards its two heads, its writer-lock state
 * and wait queue, and its sequences.  Lock order: cluster, then database.
 * Both are held only for a few instructions (a pointer swap, a refcount),
 * never across a tree operation, so readers pin a head and then run with no
 * lock at all.
 *
 * Writer lock (one per database):
 *
 *   FREE --st_lock_acquire/st_lock_try--> HELD
 *   HELD --st_lock_acquire--> HELD + waiter queued (FIFO)
 *   HELD --st_lock_release, queue empty--> FREE
 *   HELD --st_lock_release, queue non-empty--> HELD by the first waiter
 *        (granted = true, then its wake callback, under the database mutex)
 *   queued --st_lock_cancel--> dequeued (returns false)
 *   granted --st_lock_cancel--> returns true: the caller holds the lock
 *
 * Handing the lock over (rather than waking waiters to race for it) makes
 * the queue strictly FIFO: no waiter starves.
 *
 * Invariants:
 *   1. db->committed and db->visible each hold one version reference.
 *   2. db->refs counts open handles, plus one while the cluster lists it.
 *   3. A waiter is in the queue iff w->queued; granted waiters are not.
 *   4. locked is true whenever a transaction or a granted waiter owns the
 *      lock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <memgres/mem.h>
#include <memgres/sqlstate.h>

#include "stint.h"

struct StCluster {
	pthread_mutex_t mu;
	int			ndbs;
	int			capdbs;
	StDatabase **dbs;			/* sorted by name */
	Oid			next_oid;
	StCloseWaiter *close_waiters;	/* fired by the next st_db_close() */
};

#define FIRST_DB_OID 16384

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

StCluster *
st_cluster_new(void)
{
	StCluster  *c = mg_calloc(1, sizeof(StCluster));

	pthread_mutex_init(&c->mu, NULL);
	c->next_oid = FIRST_DB_OID;
	return c;
}

static void
db_unref(StDatabase *db)
{
	if (atomic_fetch_sub_explicit(&db->refs, 1, memory_order_acq_rel) != 1)
		return;
	st_version_release(db->committed);
	st_version_release(db->visible);
	free(db->seqs);
	free(db->name);
	pthread_mutex_destroy(&db->mu);
	free(db);
}

void
st_cluster_free(StCluster *c)
{
	for (int i = 0; i < c->ndbs; i++)
	{
		c->dbs[i]->dropped = true;
		db_unref(c->dbs[i]);
	}
	free(c->dbs);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

/* Index of name, or -(insertion point) - 1.  Cluster mutex held. */
static int
db_find(StCluster *c, const char *name)
{
	int			lo = 0,
				hi = c->ndbs;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;
		int			r = strcmp(c->dbs[mid]->name, name);

		if (r == 0)
			return mid;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -lo - 1;
}

static void
db_insert_at(StCluster *c, int pos, StDatabase *db)
{
	if (c->ndbs == c->capdbs)
	{
		c->capdbs = c->capdbs ? c->capdbs * 2 : 16;
		c->dbs = mg_realloc(c->dbs, sizeof(StDatabase *) * (size_t) c->capdbs);
	}
	memmove(&c->dbs[pos + 1], &c->dbs[pos], sizeof(StDatabase *) * (size_t) (c->ndbs - pos));
	c->dbs[pos] = db;
	c->ndbs++;
}

static void
db_remove_at(StCluster *c, int pos)
{
	memmove(&c->dbs[pos], &c->dbs[pos + 1], sizeof(StDatabase *) * (size_t) (c->ndbs - pos - 1));
	c->ndbs--;
}

int
st_db_create(StCluster *c, const char *name, const char *template_name, MgError *err)
{
	StDatabase *db;
	int			pos;

	pthread_mutex_lock(&c->mu);
	pos = db_find(c, name);
	if (pos >= 0)
	{
		pthread_mutex_unlock(&c->mu);
		mg_error(err, SQLSTATE_DUPLICATE_DATABASE, "database \"%s\" already exists", name);
		return -1;
	}
	db = mg_calloc(1, sizeof(StDatabase));
	atomic_init(&db->refs, 1);
	db->cluster = c;
	db->name = mg_strdup(name);
	db->oid = c->next_oid++;
	pthread_mutex_init(&db->mu, NULL);
	if (template_name != NULL)
	{
		int			tpos = db_find(c, template_name);
		StDatabase *tmpl;

		if (tpos < 0)
		{
			c->next_oid--;
			pthread_mutex_unlock(&c->mu);
			db_unref(db);
			mg_error(err, SQLSTATE_UNDEFINED_DATABASE, "template database \"%s\" does not exist",
					 template_name);
			return -1;
		}
		tmpl = c->dbs[tpos];
		pthread_mutex_lock(&tmpl->mu);
		db->committed = tmpl->committed;
		st_version_retain(db->committed);
		if (tmpl->nseqs > 0)
		{
			db->seqs = mg_malloc(sizeof(StSeqEntry) * (size_t) tmpl->nseqs);
			memcpy(db->seqs, tmpl->seqs, sizeof(StSeqEntry) * (size_t) tmpl->nseqs);
			db->nseqs = db->capseqs = tmpl->nseqs;
		}
		pthread_mutex_unlock(&tmpl->mu);
	}
	else
		db->committed = st_version_new();
	db->visible = db->committed;
	st_version_retain(db->visible);
	db_insert_at(c, -pos - 1, db);
	pthread_mutex_unlock(&c->mu);
	return 0;
}

int
st_db_drop(StCluster *c, const char *name, bool force, MgError *err)
{
	StDatabase *db;
	int			pos;
	int			others;

	pthread_mutex_lock(&c->mu);
	pos = db_find(c, name);
	if (pos < 0)
	{
		pthread_mutex_unlock(&c->mu);
		mg_error(err, SQLSTATE_UNDEFINED_DATABASE, "database \"%s\" does not exist", name);
		return -1;
	}
	db = c->dbs[pos];
	others = atomic_load(&db->refs) - 1;
	if (others > 0 && !force)
	{
		pthread_mutex_unlock(&c->mu);
		mg_error(err, SQLSTATE_OBJECT_IN_USE, "database \"%s\" is being accessed by other users",
				 name);
		if (others == 1)
			mg_error_detail(err, "There is 1 other session using the database.");
		else
			mg_error_detail(err, "There are %d other sessions using the database.", others);
		return -1;
	}
	db_remove_at(c, pos);
	db->dropped = true;
	pthread_mutex_unlock(&c->mu);
	db_unref(db);
	return 0;
}

int
st_db_rename(StCluster *c, const char *oldname, const char *newname, MgError *err)
{
	StDatabase *db;
	int			pos;

	pthread_mutex_lock(&c->mu);
	pos = db_find(c, oldname);
	if (pos < 0)
	{
		pthread_mutex_unlock(&c->mu);
		mg_error(err, SQLSTATE_UNDEFINED_DATABASE, "database \"%s\" does not exist", oldname);
		return -1;
	}
	if (db_find(c, newname) >= 0)
	{
		pthread_mutex_unlock(&c->mu);
		mg_error(err, SQLSTATE_DUPLICATE_DATABASE, "database \"%s\" already exists", newname);
		return -1;
	}
	db = c->dbs[pos];
	db_remove_at(c, pos);
	free(db->name);
	db->name = mg_strdup(newname);
	db_insert_at(c, -db_find(c, newname) - 1, db);
	pthread_mutex_unlock(&c->mu);
	return 0;
}

StDatabase *
st_db_open(StCluster *c, const char *name)
{
	StDatabase *db = NULL;
	int			pos;

	pthread_mutex_lock(&c->mu);
	pos = db_find(c, name);
	if (pos >= 0)
	{
		db = c->dbs[pos];
		atomic_fetch_add(&db->refs, 1);
	}
	pthread_mutex_unlock(&c->mu);
	return db;
}

void
st_db_close(StDatabase *db)
{
	StCluster  *c = db->cluster;

	db_unref(db);
	pthread_mutex_lock(&c->mu);
	while (c->close_waiters)
	{
		StCloseWaiter *w = c->close_waiters;

		c->close_waiters = w->next;
		w->next = NULL;
		w->linked = false;
		w->fn(w->arg);
	}
	pthread_mutex_unlock(&c->mu);
}

void
st_cluster_notify_on_close(StCluster *c, StCloseWaiter *w)
{
	pthread_mutex_lock(&c->mu);
	if (!w->linked)
	{
		w->next = c->close_waiters;
		c->close_waiters = w;
		w->linked = true;
	}
	pthread_mutex_unlock(&c->mu);
}

void
st_cluster_cancel_notify(StCluster *c, StCloseWaiter *w)
{
	pthread_mutex_lock(&c->mu);
	if (w->linked)
	{
		StCloseWaiter **pp = &c->close_waiters;

		while (*pp && *pp != w)
			pp = &(*pp)->next;
		if (*pp)
			*pp = w->next;
		w->next = NULL;
		w->linked = false;
	}
	pthread_mutex_unlock(&c->mu);
}

void
st_db_name(StDatabase *db, char *buf, size_t bufsize)
{
	pthread_mutex_lock(&db->cluster->mu);
	snprintf(buf, bufsize, "%s", db->name);
	pthread_mutex_unlock(&db->cluster->mu);
}

Oid
st_db_oid(StDatabase *db)
{
	return db->oid;
}

bool
st_db_dropped(StDatabase *db)
{
	bool		d;

	pthread_mutex_lock(&db->cluster->mu);
	d = db->dropped;
	pthread_mutex_unlock(&db->cluster->mu);
	return d;
}

int
st_db_handles(StDatabase *db)
{
	int			n;

	pthread_mutex_lock(&db->cluster->mu);
	n = atomic_load(&db->refs) - (db->dropped ? 0 : 1);
	pthread_mutex_unlock(&db->cluster->mu);
	return n;
}

void
st_cluster_foreach(StCluster *c, void (*fn) (void *arg, const char *name, Oid oid), void *arg)
{
	pthread_mutex_lock(&c->mu);
	for (int i = 0; i < c->ndbs; i++)
		fn(arg, c->dbs[i]->name, c->dbs[i]->oid);
	pthread_mutex_unlock(&c->mu);
}

/* db->mu held (and the cluster mutex, for sessions to be exact). */
static void
db_stats_locked(StDatabase *db, StDbStats *out)
{
	uint64_t	held = db->lock_held_ns;

	if (db->locked)
		held += now_ns() - db->lock_since_ns;
	out->oid = db->oid;
	out->sessions = atomic_load(&db->refs) - (db->dropped ? 0 : 1);
	out->lock_acquired = db->lock_acquired;
	out->lock_waited = db->lock_waited;
	out->lock_held_us = held / 1000;
	out->lock_wait_us = db->lock_wait_ns / 1000;
	out->lock_waiters = db->nwaiters;
}

void
st_db_stats(StDatabase *db, StDbStats *out)
{
	pthread_mutex_lock(&db->cluster->mu);
	pthread_mutex_lock(&db->mu);
	db_stats_locked(db, out);
	pthread_mutex_unlock(&db->mu);
	pthread_mutex_unlock(&db->cluster->mu);
	out->name = NULL;
}

void
st_cluster_stats(StCluster *c, void (*fn) (void *arg, const StDbStats *st), void *arg)
{
	pthread_mutex_lock(&c->mu);
	for (int i = 0; i < c->ndbs; i++)
	{
		StDatabase *db = c->dbs[i];
		StDbStats	st;

		pthread_mutex_lock(&db->mu);
		db_stats_locked(db, &st);
		pthread_mutex_unlock(&db->mu);
		st.name = db->name;
		fn(arg, &st);
	}
	pthread_mutex_unlock(&c->mu);
}

/* ---- heads ------------------------------------------------------------------ */

StVersion *
st_db_pin(StDatabase *db, bool committed)
{
	StVersion  *v;

	pthread_mutex_lock(&db->mu);
	v = committed ? db->committed : db->visible;
	st_version_retain(v);
	pthread_mutex_unlock(&db->mu);
	return v;
}

void
st_db_publish(StDatabase *db, StVersion *v)
{
	StVersion  *oldc,
			   *oldv;

	st_version_retain(v);
	pthread_mutex_lock(&db->mu);
	oldc = db->committed;
	oldv = db->visible;
	db->committed = v;
	db->visible = v;
	pthread_mutex_unlock(&db->mu);
	st_version_release(oldc);
	st_version_release(oldv);
}

/* ---- writer lock ------------------------------------------------------------ */

/* The lock becomes held at t.  db->mu held. */
static void
lock_granted(StDatabase *db, uint64_t t)
{
	db->lock_acquired++;
	db->lock_since_ns = t;
}

StLockResult
st_lock_acquire(StDatabase *db, StLockWaiter *w)
{
	StLockResult r = ST_LOCK_ACQUIRED;

	pthread_mutex_lock(&db->mu);
	__atomic_store_n(&w->granted, false, __ATOMIC_RELAXED);
	if (!db->locked)
	{
		db->locked = true;
		lock_granted(db, now_ns());
	}
	else
	{
		w->next = NULL;
		w->prev = db->qtail;
		if (db->qtail)
			db->qtail->next = w;
		else
			db->qhead = w;
		db->qtail = w;
		w->queued = true;
		w->queued_ns = now_ns();
		db->nwaiters++;
		r = ST_LOCK_WAIT;
	}
	pthread_mutex_unlock(&db->mu);
	return r;
}

bool
st_lock_try(StDatabase *db)
{
	bool		ok = false;

	pthread_mutex_lock(&db->mu);
	if (!db->locked)
	{
		ok = db->locked = true;
		lock_granted(db, now_ns());
	}
	pthread_mutex_unlock(&db->mu);
	return ok;
}

bool
st_lock_granted(StLockWaiter *w)
{
	return __atomic_load_n(&w->granted, __ATOMIC_ACQUIRE);
}

/* Takes w off the queue; its wait ends at t.  db->mu held. */
static void
queue_unlink(StDatabase *db, StLockWaiter *w, uint64_t t)
{
	if (w->prev)
		w->prev->next = w->next;
	else
		db->qhead = w->next;
	if (w->next)
		w->next->prev = w->prev;
	else
		db->qtail = w->prev;
	w->next = w->prev = NULL;
	w->queued = false;
	db->nwaiters--;
	db->lock_waited++;
	db->lock_wait_ns += t - w->queued_ns;
}

bool
st_lock_cancel(StDatabase *db, StLockWaiter *w)
{
	bool		granted;

	pthread_mutex_lock(&db->mu);
	if (w->queued)
		queue_unlink(db, w, now_ns());
	granted = __atomic_load_n(&w->granted, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&db->mu);
	return granted;
}

void
st_lock_release(StDatabase *db)
{
	StLockWaiter *w;
	uint64_t	t;

	pthread_mutex_lock(&db->mu);
	ST_ASSERT(db->locked);
	t = now_ns();
	db->lock_held_ns += t - db->lock_since_ns;
	w = db->qhead;
	if (w != NULL)
	{
		queue_unlink(db, w, t);
		lock_granted(db, t);
		__atomic_store_n(&w->granted, true, __ATOMIC_RELEASE);
		/* under the mutex, so a concurrent st_lock_cancel cannot free w first */
		if (w->wake)
			w->wake(w->arg);
	}
	else
		db->locked = false;
	pthread_mutex_unlock(&db->mu);
}

/* ---- sequences ------------------------------------------------------------- */

/* Index of seq or -(insertion point) - 1.  db->mu held. */
static int
seq_find(StDatabase *db, Oid seq)
{
	int			lo = 0,
				hi = db->nseqs;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (db->seqs[mid].oid < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < db->nseqs && db->seqs[lo].oid == seq)
		return lo;
	return -lo - 1;
}

static StSeqState *
seq_get_or_add(StDatabase *db, Oid seq)
{
	int			i = seq_find(db, seq);

	if (i >= 0)
		return &db->seqs[i].state;
	i = -i - 1;
	if (db->nseqs == db->capseqs)
	{
		db->capseqs = db->capseqs ? db->capseqs * 2 : 8;
		db->seqs = mg_realloc(db->seqs, sizeof(StSeqEntry) * (size_t) db->capseqs);
	}
	memmove(&db->seqs[i + 1], &db->seqs[i], sizeof(StSeqEntry) * (size_t) (db->nseqs - i));
	db->nseqs++;
	memset(&db->seqs[i], 0, sizeof(StSeqEntry));
	db->seqs[i].oid = seq;
	return &db->seqs[i].state;
}

int
st_seq_update(StDatabase *db, Oid seq, int (*fn) (void *arg, StSeqState *state, MgError *err),
			  void *arg, MgError *err)
{
	int			r;

	pthread_mutex_lock(&db->mu);
	r = fn(arg, seq_get_or_add(db, seq), err);
	pthread_mutex_unlock(&db->mu);
	return r;
}

bool
st_seq_get(StDatabase *db, Oid seq, StSeqState *out)
{
	int			i;

	pthread_mutex_lock(&db->mu);
	i = seq_find(db, seq);
	if (i >= 0)
		*out = db->seqs[i].state;
	pthread_mutex_unlock(&db->mu);
	return i >= 0;
}

void
st_seq_set(StDatabase *db, Oid seq, const StSeqState *state)
{
	pthread_mutex_lock(&db->mu);
	*seq_get_or_add(db, seq) = *state;
	pthread_mutex_unlock(&db->mu);
}

void
st_seq_drop(StDatabase *db, Oid seq)
{
	int			i;

	pthread_mutex_lock(&db->mu);
	i = seq_find(db, seq);
	if (i >= 0)
	{
		memmove(&db->seqs[i], &db->seqs[i + 1], sizeof(StSeqEntry) * (size_t) (db->nseqs - i - 1));
		db->nseqs--;
	}
	pthread_mutex_unlock(&db->mu);
}
