/*
 * worker.c — worker threads, each running its own event_base, and the
 * hand-off of accepted sockets from the listener (memcached's thread.c).
 *
 * Design: the listener pushes an accepted socket onto the chosen worker's
 * queue (under the worker's mutex) and activates the worker's notify event
 * (event_active is thread-safe after evthread_use_pthreads()).  Workers
 * are chosen round robin, passing over any that has been running one
 * piece of work (a statement) for over 1 ms: its new connections would
 * wait for it.  The worker
 * drains its queue on its own thread and creates the connections there, so
 * a connection is born, lives and dies on one thread.  Workers run on
 * large stacks because parsing and analysis recurse.
 *
 * Invariants:
 *  1. Worker.queue and Worker.stop are touched only under Worker.lock.
 *  2. Worker.conns (the list of its connections) is touched only by the
 *     worker's own thread.
 *  3. After workers_stop() returns, no worker thread runs and every
 *     connection has been closed (sessions rolled back).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <event2/event.h>

#include <memgres/conn.h>
#include <memgres/log.h>
#include <memgres/mem.h>

#include "server_int.h"

#define WORKER_STACK_SIZE (16 * 1024 * 1024)

typedef struct QueueItem {
	struct QueueItem *next;
	int			fd;
	bool		is_unix;
	socklen_t	addrlen;
	struct sockaddr_storage addr;
} QueueItem;

struct Worker {
	int			id;
	_Atomic int64_t busy_since_us;	/* 0 when idle; written by the worker, read by the listener */
	int			busy_depth;		/* worker thread only */
	pthread_t	thread;
	struct event_base *base;
	struct event *notify;
	pthread_mutex_t lock;
	QueueItem  *head;
	QueueItem  *tail;
	bool		stop;
	Conn	   *conns;
};

static Worker *workers;
static int	nworkers;
static unsigned next_worker;	/* listener thread only */

void
worker_attach(Worker *w, Conn *c)
{
	conn_set_prev(c, NULL);
	conn_set_next(c, w->conns);
	if (w->conns)
		conn_set_prev(w->conns, c);
	w->conns = c;
}

void
worker_detach(Worker *w, Conn *c)
{
	Conn	   *prev = conn_prev(c);
	Conn	   *next = conn_next(c);

	if (prev)
		conn_set_next(prev, next);
	else
		w->conns = next;
	if (next)
		conn_set_prev(next, prev);
}

static int64_t
mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void
worker_busy_begin(Worker *w)
{
	if (w->busy_depth++ == 0)
		atomic_store_explicit(&w->busy_since_us, mono_us(), memory_order_relaxed);
}

void
worker_busy_end(Worker *w)
{
	if (--w->busy_depth == 0)
		atomic_store_explicit(&w->busy_since_us, 0, memory_order_relaxed);
}

#define WORKER_BUSY_US 1000

static bool
worker_is_busy(Worker *w, int64_t now)
{
	int64_t		since = atomic_load_explicit(&w->busy_since_us, memory_order_relaxed);

	return since != 0 && now - since > WORKER_BUSY_US;
}

bool
workers_all_busy(void)
{
	int64_t		now = mono_us();

	for (int i = 0; i < nworkers; i++)
		if (!worker_is_busy(&workers[i], now))
			return false;
	return true;
}

static void
notify_cb(evutil_socket_t fd, short what, void *arg)
{
	Worker	   *w = arg;
	QueueItem  *items;
	bool		stop;

	(void) fd;
	(void) what;
	pthread_mutex_lock(&w->lock);
	items = w->head;
	w->head = w->tail = NULL;
	stop = w->stop;
	pthread_mutex_unlock(&w->lock);
	while (items)
	{
		QueueItem  *next = items->next;

		if (stop)
		{
			close(items->fd);
			atomic_fetch_sub(&server_ctx.startup_conns, 1);
		}
		else
			conn_new(w, w->base, items->fd, (struct sockaddr *) &items->addr, items->addrlen,
					 items->is_unix);
		free(items);
		items = next;
	}
	if (stop)
	{
		while (w->conns)
			conn_terminate(w->conns);
		event_base_loopbreak(w->base);
	}
}

static void *
worker_main(void *arg)
{
	Worker	   *w = arg;

	event_base_loop(w->base, EVLOOP_NO_EXIT_ON_EMPTY);
	return NULL;
}

int
workers_start(int n, MgError *err)
{
	pthread_attr_t attr;
	int			i;

	nworkers = n;
	workers = mg_calloc((size_t) n, sizeof(Worker));
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, WORKER_STACK_SIZE);
	for (i = 0; i < n; i++)
	{
		Worker	   *w = &workers[i];

		w->id = i;
		pthread_mutex_init(&w->lock, NULL);
		w->base = event_base_new();
		if (w->base == NULL)
		{
			mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_INTERNAL_ERROR, "could not create event base");
			return -1;
		}
		w->notify = event_new(w->base, -1, EV_PERSIST, notify_cb, w);
		/* a persistent event with no fd keeps the loop alive while idle */
		event_add(w->notify, NULL);
		if (pthread_create(&w->thread, &attr, worker_main, w) != 0)
		{
			mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_INTERNAL_ERROR, "could not start worker thread %d", i);
			return -1;
		}
	}
	pthread_attr_destroy(&attr);
	return 0;
}

/* Round robin over the workers, passing over those stuck in long work. */
void
workers_dispatch(int fd, const struct sockaddr *addr, socklen_t addrlen, bool is_unix)
{
	int64_t		now = mono_us();
	Worker	   *w = &workers[next_worker++ % (unsigned) nworkers];
	QueueItem  *item = mg_calloc(1, sizeof(QueueItem));

	for (int i = 1; i < nworkers && worker_is_busy(w, now); i++)
		w = &workers[next_worker++ % (unsigned) nworkers];

	item->fd = fd;
	item->is_unix = is_unix;
	if (addrlen > sizeof(item->addr))
		addrlen = sizeof(item->addr);
	memcpy(&item->addr, addr, addrlen);
	item->addrlen = addrlen;
	pthread_mutex_lock(&w->lock);
	if (w->tail)
		w->tail->next = item;
	else
		w->head = item;
	w->tail = item;
	pthread_mutex_unlock(&w->lock);
	event_active(w->notify, EV_READ, 0);
}

void
workers_stop(void)
{
	int			i;

	for (i = 0; i < nworkers; i++)
	{
		Worker	   *w = &workers[i];

		pthread_mutex_lock(&w->lock);
		w->stop = true;
		pthread_mutex_unlock(&w->lock);
		event_active(w->notify, EV_READ, 0);
	}
	for (i = 0; i < nworkers; i++)
	{
		Worker	   *w = &workers[i];

		pthread_join(w->thread, NULL);
		event_free(w->notify);
		event_base_free(w->base);
		pthread_mutex_destroy(&w->lock);
	}
	free(workers);
	workers = NULL;
	nworkers = 0;
}
