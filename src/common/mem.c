/* mem.c — checked heap allocation (see mem.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/mem.h>

void
mg_oom(void)
{
	fputs("FATAL:  out of memory\n", stderr);
	abort();
}

void *
mg_malloc(size_t n)
{
	void	   *p = malloc(n ? n : 1);

	if (p == NULL)
		mg_oom();
	return p;
}

void *
mg_calloc(size_t count, size_t n)
{
	void	   *p = calloc(count ? count : 1, n ? n : 1);

	if (p == NULL)
		mg_oom();
	return p;
}

void *
mg_realloc(void *p, size_t n)
{
	void	   *q = realloc(p, n ? n : 1);

	if (q == NULL)
		mg_oom();
	return q;
}

char *
mg_strdup(const char *s)
{
	return mg_strndup(s, strlen(s));
}

char *
mg_strndup(const char *s, size_t n)
{
	char	   *p = mg_malloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
