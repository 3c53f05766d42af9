/*
 * cancel.c — the table of logged-in connections that CancelRequests (which
 * arrive on a fresh connection, usually on another worker) look up by
 * BackendKeyData.
 *
 * Design: a fixed hash of buckets keyed by pid, under one mutex.  An entry
 * holds only what another thread may touch: the session's interrupt flag
 * (written with an atomic store) and the connection's wake event (passed to
 * event_active, which is thread-safe once evthread_use_pthreads() ran).
 *
 * Invariants:
 *  1. A connection unregisters (under the mutex) before its session or its
 *     wake event is freed, so a cancel never touches freed memory.
 *  2. A wrong key changes nothing and reveals nothing.
 */
#include <pthread.h>
#include <stdlib.h>

#include <event2/event.h>
#include <openssl/crypto.h>

#include <memgres/conn.h>
#include <memgres/mem.h>
#include <memgres/sql.h>

#define CANCEL_BUCKETS 1024

typedef struct CancelEntry {
	struct CancelEntry *next;
	int32_t		pid;
	int32_t		key;
	volatile int *interrupt;
	struct event *wake;
} CancelEntry;

static pthread_mutex_t cancel_lock = PTHREAD_MUTEX_INITIALIZER;
static CancelEntry *cancel_buckets[CANCEL_BUCKETS];

static unsigned
bucket_of(int32_t pid)
{
	return (unsigned) pid % CANCEL_BUCKETS;
}

void
cancel_register(int32_t pid, int32_t key, volatile int *interrupt, struct event *wake)
{
	CancelEntry *e = mg_malloc(sizeof(CancelEntry));

	e->pid = pid;
	e->key = key;
	e->interrupt = interrupt;
	e->wake = wake;
	pthread_mutex_lock(&cancel_lock);
	e->next = cancel_buckets[bucket_of(pid)];
	cancel_buckets[bucket_of(pid)] = e;
	pthread_mutex_unlock(&cancel_lock);
}

void
cancel_unregister(int32_t pid)
{
	CancelEntry **pp;

	pthread_mutex_lock(&cancel_lock);
	for (pp = &cancel_buckets[bucket_of(pid)]; *pp; pp = &(*pp)->next)
	{
		if ((*pp)->pid == pid)
		{
			CancelEntry *e = *pp;

			*pp = e->next;
			free(e);
			break;
		}
	}
	pthread_mutex_unlock(&cancel_lock);
}

static void
interrupt_entry(CancelEntry *e)
{
	__atomic_store_n(e->interrupt, SQL_INT_CANCEL, __ATOMIC_RELAXED);
	event_active(e->wake, EV_READ, 0);
}

void
cancel_request(int32_t pid, int32_t key)
{
	CancelEntry *e;

	pthread_mutex_lock(&cancel_lock);
	for (e = cancel_buckets[bucket_of(pid)]; e; e = e->next)
	{
		if (e->pid == pid)
		{
			if (CRYPTO_memcmp(&e->key, &key, sizeof(key)) == 0)
				interrupt_entry(e);
			break;
		}
	}
	pthread_mutex_unlock(&cancel_lock);
}

void
cancel_all(void)
{
	int			i;
	CancelEntry *e;

	pthread_mutex_lock(&cancel_lock);
	for (i = 0; i < CANCEL_BUCKETS; i++)
		for (e = cancel_buckets[i]; e; e = e->next)
			interrupt_entry(e);
	pthread_mutex_unlock(&cancel_lock);
}
