/*
 * stmem.c — accounting of every byte the store holds.
 *
 * Design: one global atomic counter of the bytes requested for tree nodes,
 * tuple blobs, tables and versions (malloc's own per-chunk overhead is not
 * counted; doc/storage.md compares the figure with RSS).  The limit is
 * checked once per write operation against a worst-case reserve
 * (st_reserve), before anything changes, so an operation never fails half
 * way and a failed write leaves the tree exactly as it was.
 *
 * Invariants:
 *   1. used == sum of sizes passed to st_alloc minus those passed to st_free.
 *   2. Reads never call st_reserve, so they keep working at the limit.
 */
#include <stdlib.h>

#include <memgres/mem.h>
#include <memgres/sqlstate.h>

#include "stint.h"

static atomic_size_t mem_used;
static atomic_size_t mem_limit;

size_t
storage_memory_used(void)
{
	return atomic_load_explicit(&mem_used, memory_order_relaxed);
}

void
storage_set_memory_limit(size_t bytes)
{
	atomic_store_explicit(&mem_limit, bytes, memory_order_relaxed);
}

size_t
storage_memory_limit(void)
{
	return atomic_load_explicit(&mem_limit, memory_order_relaxed);
}

void *
st_alloc(size_t n)
{
	atomic_fetch_add_explicit(&mem_used, n, memory_order_relaxed);
	return mg_malloc(n);
}

void
st_free(void *p, size_t n)
{
	if (p == NULL)
		return;
	atomic_fetch_sub_explicit(&mem_used, n, memory_order_relaxed);
	free(p);
}

int
st_reserve(size_t n, MgError *err)
{
	size_t		limit = storage_memory_limit();
	size_t		used = storage_memory_used();

	if (limit == 0 || used + n <= limit)
		return 0;
	mg_error(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	mg_error_detail(err, "Failed on request of size %zu: %zu of max_memory %zu bytes in use.",
					n, used, limit);
	return -1;
}

int
storage_memory_charge(size_t bytes, MgError *err)
{
	if (st_reserve(bytes, err) < 0)
		return -1;
	atomic_fetch_add_explicit(&mem_used, bytes, memory_order_relaxed);
	return 0;
}

void
storage_memory_uncharge(size_t bytes)
{
	atomic_fetch_sub_explicit(&mem_used, bytes, memory_order_relaxed);
}
