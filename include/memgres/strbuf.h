/*
 * strbuf.h — a growable byte string (PostgreSQL's StringInfo).
 *
 * Always NUL-terminated after data[len].  Memory comes from the heap, or from
 * an arena when initialised with strbuf_init_arena() (then it is never freed
 * individually).  Not thread-safe.
 */
#ifndef MEMGRES_STRBUF_H
#define MEMGRES_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <memgres/arena.h>

typedef struct StrBuf {
	char	   *data;
	size_t		len;
	size_t		cap;
	Arena	   *arena;		/* NULL: heap */
} StrBuf;

void		strbuf_init(StrBuf *sb);
void		strbuf_init_arena(StrBuf *sb, Arena *a);
void		strbuf_free(StrBuf *sb);	/* heap buffers only */
void		strbuf_reset(StrBuf *sb);	/* len = 0, keeps the allocation */
void		strbuf_reserve(StrBuf *sb, size_t more);
void		strbuf_append(StrBuf *sb, const void *p, size_t n);
void		strbuf_puts(StrBuf *sb, const char *s);
void		strbuf_putc(StrBuf *sb, char c);
void		strbuf_printf(StrBuf *sb, const char *fmt,...) __attribute__((format(printf, 2, 3)));
void		strbuf_vprintf(StrBuf *sb, const char *fmt, va_list ap);
/* Takes the buffer's memory (heap: the caller frees it); sb is reset empty. */
char	   *strbuf_detach(StrBuf *sb);

#endif
