/*
 * error.h — errors as values, carrying PostgreSQL's ErrorResponse fields.
 *
 * memgres code never longjmps.  A function that can fail takes an MgError *
 * and returns a failure indicator (-1, NULL or false, as its header says);
 * the error is filled where the failure is understood, with a SQLSTATE from
 * <memgres/sqlstate.h> (never a literal at the call site).
 *
 * Ownership: the strings inside an MgError are malloc'd and belong to it;
 * mg_error_reset() frees them.  An MgError is owned by whoever declared it
 * (usually a connection, or a stack frame) and is not thread-safe.
 */
#ifndef MEMGRES_ERROR_H
#define MEMGRES_ERROR_H

#include <stdarg.h>
#include <stdbool.h>
#include <memgres/sqlstate.h>

typedef enum MgSeverity {
	MG_SEV_NONE = 0,	/* no error recorded */
	MG_SEV_DEBUG,
	MG_SEV_LOG,
	MG_SEV_INFO,
	MG_SEV_NOTICE,
	MG_SEV_WARNING,
	MG_SEV_ERROR,		/* ends the statement */
	MG_SEV_FATAL,		/* ends the session */
	MG_SEV_PANIC		/* ends the server */
} MgSeverity;

typedef struct MgError {
	MgSeverity	severity;
	char		sqlstate[6];
	char	   *message;		/* primary message, always set when severity != NONE */
	char	   *detail;
	char	   *hint;
	char	   *context;
	int			position;		/* 1-based character position in the query, 0 if none */
	char	   *schema_name;	/* the 's','t','c','d','n' fields of ErrorResponse */
	char	   *table_name;
	char	   *column_name;
	char	   *datatype_name;
	char	   *constraint_name;
} MgError;

#define MG_ERROR_INIT {0}

/* Records an ERROR with the given SQLSTATE; replaces anything recorded before. */
void		mg_error(MgError *e, const char *sqlstate, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));
/* Same with an explicit severity (MG_SEV_FATAL for session-ending errors). */
void		mg_error_sev(MgError *e, MgSeverity sev, const char *sqlstate, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));
void		mg_error_v(MgError *e, MgSeverity sev, const char *sqlstate, const char *fmt, va_list ap);

/* Optional fields; each replaces an earlier value.  No-ops on a NULL e. */
void		mg_error_detail(MgError *e, const char *fmt,...) __attribute__((format(printf, 2, 3)));
void		mg_error_hint(MgError *e, const char *fmt,...) __attribute__((format(printf, 2, 3)));
void		mg_error_context(MgError *e, const char *fmt,...) __attribute__((format(printf, 2, 3)));
void		mg_error_position(MgError *e, int position);
/* Sets one of the object-name fields: which is 's','t','c','d' or 'n'. */
void		mg_error_field(MgError *e, char which, const char *value);

static inline bool
mg_error_isset(const MgError *e)
{
	return e->severity != MG_SEV_NONE;
}

/* Moves src into dst (dst's old contents are freed; src is left empty). */
void		mg_error_move(MgError *dst, MgError *src);
/* Frees the strings and clears the error. */
void		mg_error_reset(MgError *e);

/* "ERROR", "FATAL", ... as PostgreSQL spells the severity. */
const char *mg_severity_name(MgSeverity sev);

#endif
