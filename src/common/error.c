/*
 * error.c — MgError construction.
 *
 * Invariants:
 *  1. message != NULL iff severity != MG_SEV_NONE.
 *  2. Every string field is either NULL or malloc'd and owned by the MgError.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/error.h>
#include <memgres/mem.h>

static char *
vformat(const char *fmt, va_list ap)
{
	char	   *s = NULL;

	if (vasprintf(&s, fmt, ap) < 0)
		mg_oom();
	return s;
}

static void
replace(char **slot, char *value)
{
	free(*slot);
	*slot = value;
}

void
mg_error_v(MgError *e, MgSeverity sev, const char *sqlstate, const char *fmt, va_list ap)
{
	if (e == NULL)
		return;
	mg_error_reset(e);
	e->severity = sev;
	memcpy(e->sqlstate, sqlstate, 5);
	e->sqlstate[5] = '\0';
	e->message = vformat(fmt, ap);
}

void
mg_error(MgError *e, const char *sqlstate, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	mg_error_v(e, MG_SEV_ERROR, sqlstate, fmt, ap);
	va_end(ap);
}

void
mg_error_sev(MgError *e, MgSeverity sev, const char *sqlstate, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	mg_error_v(e, sev, sqlstate, fmt, ap);
	va_end(ap);
}

#define DEFINE_FIELD_SETTER(fn, field) \
void \
fn(MgError *e, const char *fmt,...) \
{ \
	va_list		ap; \
	if (e == NULL) \
		return; \
	va_start(ap, fmt); \
	replace(&e->field, vformat(fmt, ap)); \
	va_end(ap); \
}

DEFINE_FIELD_SETTER(mg_error_detail, detail)
DEFINE_FIELD_SETTER(mg_error_hint, hint)
DEFINE_FIELD_SETTER(mg_error_context, context)

void
mg_error_position(MgError *e, int position)
{
	if (e != NULL)
		e->position = position;
}

void
mg_error_field(MgError *e, char which, const char *value)
{
	char	  **slot;

	if (e == NULL)
		return;
	switch (which)
	{
		case 's': slot = &e->schema_name; break;
		case 't': slot = &e->table_name; break;
		case 'c': slot = &e->column_name; break;
		case 'd': slot = &e->datatype_name; break;
		case 'n': slot = &e->constraint_name; break;
		default: return;
	}
	replace(slot, value ? mg_strdup(value) : NULL);
}

void
mg_error_reset(MgError *e)
{
	free(e->message);
	free(e->detail);
	free(e->hint);
	free(e->context);
	free(e->schema_name);
	free(e->table_name);
	free(e->column_name);
	free(e->datatype_name);
	free(e->constraint_name);
	memset(e, 0, sizeof(*e));
}

void
mg_error_move(MgError *dst, MgError *src)
{
	if (dst == src)
		return;
	mg_error_reset(dst);
	*dst = *src;
	memset(src, 0, sizeof(*src));
}

const char *
mg_severity_name(MgSeverity sev)
{
	switch (sev)
	{
		case MG_SEV_DEBUG: return "DEBUG";
		case MG_SEV_LOG: return "LOG";
		case MG_SEV_INFO: return "INFO";
		case MG_SEV_NOTICE: return "NOTICE";
		case MG_SEV_WARNING: return "WARNING";
		case MG_SEV_ERROR: return "ERROR";
		case MG_SEV_FATAL: return "FATAL";
		case MG_SEV_PANIC: return "PANIC";
		case MG_SEV_NONE: break;
	}
	return "ERROR";
}
