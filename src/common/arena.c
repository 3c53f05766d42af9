/*
 * arena.c — bump allocation in chained blocks.
 *
 * Design: blocks double in size up to 64 KB; a request larger than a quarter
 * of the ordinary block size gets a block of its own (chained behind the
 * head so the head keeps serving small requests).  arena_reset() keeps the
 * first (smallest, oldest) block so a per-message arena that is reset every
 * loop turn costs no malloc in the steady state.
 *
 * Invariants:
 *  1. head->... ptr <= end, both inside the head block's payload.
 *  2. The oldest block in the chain is the one kept by arena_reset().
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/arena.h>
#include <memgres/mem.h>

#define ARENA_ALIGN 16
#define ARENA_MAX_BLOCK (64 * 1024)

struct ArenaBlock {
	ArenaBlock *next;		/* older block */
	size_t		size;		/* payload bytes */
	/* malloc returns 16-byte aligned memory; so is the payload */
	char		data[] __attribute__((aligned(ARENA_ALIGN)));
};

_Static_assert(offsetof(ArenaBlock, data) % ARENA_ALIGN == 0, "arena payload alignment");

static size_t
align_up(size_t n)
{
	return (n + ARENA_ALIGN - 1) & ~(size_t) (ARENA_ALIGN - 1);
}

static ArenaBlock *
block_new(Arena *a, size_t size)
{
	ArenaBlock *b = mg_malloc(sizeof(ArenaBlock) + size);

	b->size = size;
	a->total += size;
	return b;
}

void
arena_init(Arena *a, size_t first_block)
{
	memset(a, 0, sizeof(*a));
	a->block_size = first_block ? align_up(first_block) : 1024;
}

Arena *
arena_create(size_t first_block)
{
	Arena	   *a = mg_malloc(sizeof(Arena));

	arena_init(a, first_block);
	return a;
}

void
arena_destroy(Arena *a)
{
	ArenaBlock *b = a->head;

	while (b)
	{
		ArenaBlock *next = b->next;

		free(b);
		b = next;
	}
	a->head = NULL;
	a->ptr = a->end = NULL;
	a->total = 0;
}

void
arena_free(Arena *a)
{
	if (a == NULL)
		return;
	arena_destroy(a);
	free(a);
}

void
arena_reset(Arena *a)
{
	ArenaBlock *b = a->head;

	if (b == NULL)
		return;
	while (b->next)
	{
		ArenaBlock *next = b->next;

		a->total -= b->size;
		free(b);
		b = next;
	}
	a->head = b;
	a->ptr = b->data;
	a->end = b->data + b->size;
	a->block_size = b->size;
}

void *
arena_alloc(Arena *a, size_t n)
{
	void	   *p;

	n = align_up(n ? n : 1);
	if ((size_t) (a->end - a->ptr) < n || a->head == NULL)
	{
		ArenaBlock *b;

		if (a->head != NULL && n > a->block_size / 4)
		{
			/* Oversized request: its own block, behind the head. */
			b = block_new(a, n);
			b->next = a->head->next;
			a->head->next = b;
			return b->data;
		}
		while (a->block_size < n)
			a->block_size *= 2;
		b = block_new(a, a->block_size);
		b->next = a->head;
		a->head = b;
		a->ptr = b->data;
		a->end = b->data + b->size;
		if (a->block_size < ARENA_MAX_BLOCK)
			a->block_size *= 2;
	}
	p = a->ptr;
	a->ptr += n;
	return p;
}

void *
arena_alloc0(Arena *a, size_t n)
{
	void	   *p = arena_alloc(a, n);

	memset(p, 0, n);
	return p;
}

void *
arena_realloc(Arena *a, void *p, size_t oldn, size_t newn)
{
	void	   *q;

	if (newn <= oldn)
		return p;
	q = arena_alloc(a, newn);
	if (p != NULL && oldn > 0)
		memcpy(q, p, oldn);
	return q;
}

char *
arena_strndup(Arena *a, const char *s, size_t n)
{
	char	   *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(Arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_vsprintf(Arena *a, const char *fmt, va_list ap)
{
	va_list		ap2;
	char		small[256];
	int			n;
	char	   *p;

	va_copy(ap2, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n < 0)
		n = 0;
	p = arena_alloc(a, (size_t) n + 1);
	if ((size_t) n < sizeof(small))
		memcpy(p, small, (size_t) n + 1);
	else
		vsnprintf(p, (size_t) n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

char *
arena_sprintf(Arena *a, const char *fmt,...)
{
	va_list		ap;
	char	   *p;

	va_start(ap, fmt);
	p = arena_vsprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
