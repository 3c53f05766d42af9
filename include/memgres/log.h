/*
 * log.h — server log lines on stderr in PostgreSQL's style:
 *   2026-11-22 05:00:00.123 UTC [1234] LOG:  database system is ready to accept connections
 *
 * Thread-safe: each line is formatted into a local buffer and written with
 * one write(2).  log_min_messages filters by severity.
 */
#ifndef MEMGRES_LOG_H
#define MEMGRES_LOG_H

#include <memgres/error.h>

extern MgSeverity mg_log_min_severity;	/* default MG_SEV_LOG */

void		mg_log(MgSeverity sev, const char *fmt,...) __attribute__((format(printf, 2, 3)));
/* Logs an MgError (message, then DETAIL/HINT lines as PostgreSQL does). */
void		mg_log_error(const MgError *e);

#define mg_log_info(...)	mg_log(MG_SEV_LOG, __VA_ARGS__)
#define mg_log_warning(...) mg_log(MG_SEV_WARNING, __VA_ARGS__)
#define mg_log_fatal(...)	mg_log(MG_SEV_FATAL, __VA_ARGS__)

#endif
