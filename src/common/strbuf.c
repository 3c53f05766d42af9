/* strbuf.c — growable byte strings (see strbuf.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/mem.h>
#include <memgres/strbuf.h>

void
strbuf_init(StrBuf *sb)
{
	sb->cap = 64;
	sb->len = 0;
	sb->arena = NULL;
	sb->data = mg_malloc(sb->cap);
	sb->data[0] = '\0';
}

void
strbuf_init_arena(StrBuf *sb, Arena *a)
{
	sb->cap = 64;
	sb->len = 0;
	sb->arena = a;
	sb->data = arena_alloc(a, sb->cap);
	sb->data[0] = '\0';
}

void
strbuf_free(StrBuf *sb)
{
	if (sb->arena == NULL)
		free(sb->data);
	sb->data = NULL;
	sb->len = sb->cap = 0;
}

void
strbuf_reset(StrBuf *sb)
{
	sb->len = 0;
	sb->data[0] = '\0';
}

void
strbuf_reserve(StrBuf *sb, size_t more)
{
	size_t		need = sb->len + more + 1;
	size_t		cap = sb->cap;

	if (need <= cap)
		return;
	while (cap < need)
		cap *= 2;
	if (sb->arena)
		sb->data = arena_realloc(sb->arena, sb->data, sb->len + 1, cap);
	else
		sb->data = mg_realloc(sb->data, cap);
	sb->cap = cap;
}

void
strbuf_append(StrBuf *sb, const void *p, size_t n)
{
	strbuf_reserve(sb, n);
	memcpy(sb->data + sb->len, p, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void
strbuf_puts(StrBuf *sb, const char *s)
{
	strbuf_append(sb, s, strlen(s));
}

void
strbuf_putc(StrBuf *sb, char c)
{
	strbuf_reserve(sb, 1);
	sb->data[sb->len++] = c;
	sb->data[sb->len] = '\0';
}

void
strbuf_vprintf(StrBuf *sb, const char *fmt, va_list ap)
{
	for (;;)
	{
		va_list		ap2;
		size_t		avail = sb->cap - sb->len;
		int			n;

		va_copy(ap2, ap);
		n = vsnprintf(sb->data + sb->len, avail, fmt, ap2);
		va_end(ap2);
		if (n < 0)
			return;
		if ((size_t) n < avail)
		{
			sb->len += (size_t) n;
			return;
		}
		strbuf_reserve(sb, (size_t) n);
	}
}

void
strbuf_printf(StrBuf *sb, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
}

char *
strbuf_detach(StrBuf *sb)
{
	char	   *p = sb->data;

	if (sb->arena)
		strbuf_init_arena(sb, sb->arena);
	else
		strbuf_init(sb);
	return p;
}
