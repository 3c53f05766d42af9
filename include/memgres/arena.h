/*
 * arena.h — region allocation tied to a lifetime (PostgreSQL's memory
 * contexts, simplified).
 *
 * An Arena hands out memory by bumping a pointer through malloc'd blocks;
 * nothing is freed individually.  arena_reset() frees everything at once,
 * which is how error paths clean up.  Lifetimes used in memgres: session,
 * message (reset every protocol-loop turn), transaction, portal/prepared
 * statement, query, row.
 *
 * Ownership: the Arena owns its blocks.  Not thread-safe: an arena belongs
 * to one thread (normally the worker owning the connection).
 * Allocation never fails (aborts on OOM, like mg_malloc).
 */
#ifndef MEMGRES_ARENA_H
#define MEMGRES_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct Arena {
	ArenaBlock *head;		/* current block; older ones chained behind */
	char	   *ptr;		/* next free byte in head */
	char	   *end;		/* end of head */
	size_t		block_size;	/* size of the next ordinary block */
	size_t		total;		/* bytes held in blocks, for stats */
} Arena;

/* Initialises an arena; first_block is the size of the first block (0: 1 KB). */
void		arena_init(Arena *a, size_t first_block);
Arena	   *arena_create(size_t first_block);
/* Frees every block but the first, which is kept for reuse. */
void		arena_reset(Arena *a);
/* Frees everything (arena_init() may be called again). */
void		arena_destroy(Arena *a);
void		arena_free(Arena *a);	/* arena_destroy + free of an arena_create'd arena */

void	   *arena_alloc(Arena *a, size_t n);	/* 16-byte aligned */
void	   *arena_alloc0(Arena *a, size_t n);	/* zeroed */
void	   *arena_realloc(Arena *a, void *p, size_t oldn, size_t newn);
char	   *arena_strdup(Arena *a, const char *s);
char	   *arena_strndup(Arena *a, const char *s, size_t n);
char	   *arena_sprintf(Arena *a, const char *fmt,...) __attribute__((format(printf, 2, 3)));
char	   *arena_vsprintf(Arena *a, const char *fmt, va_list ap);

#define arena_new(a, type) ((type *) arena_alloc0((a), sizeof(type)))
#define arena_new_array(a, type, n) ((type *) arena_alloc0((a), sizeof(type) * (size_t) (n)))

#endif
