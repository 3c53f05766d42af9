/*
 * mem.h — checked heap allocation.
 *
 * Allocation failure of small process-internal objects is not recoverable in
 * a useful way, so these wrappers abort with a message (like PostgreSQL's
 * palloc raising FATAL in a backend).  Stored data (tree nodes, tuples) is
 * allocated through the storage layer instead, which accounts every byte
 * and fails writes cleanly with SQLSTATE 53200 at the memory limit.
 * Thread-safe.
 */
#ifndef MEMGRES_MEM_H
#define MEMGRES_MEM_H

#include <stddef.h>

void	   *mg_malloc(size_t n);
void	   *mg_calloc(size_t count, size_t n);
void	   *mg_realloc(void *p, size_t n);
char	   *mg_strdup(const char *s);
char	   *mg_strndup(const char *s, size_t n);
__attribute__((noreturn)) void mg_oom(void);

#endif
