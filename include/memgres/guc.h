/*
 * guc.h — settings ("GUCs", as PostgreSQL calls them).
 *
 * One static table (src/common/guc.c) defines every setting: name, type,
 * default, context and flags.  Server-wide values are set once at start-up
 * from -c, --config and the environment (main thread, before workers run)
 * and are read-only afterwards.  Each session has a GucSession holding its
 * own copies of the session-settable ones (SET/RESET/SHOW); it is touched
 * only by the worker owning the connection.
 *
 * Values are kept as canonical strings (what SHOW prints) plus a parsed
 * number for int/real/bool/enum settings, so hot readers (statement_timeout,
 * extra_float_digits) do not parse.
 */
#ifndef MEMGRES_GUC_H
#define MEMGRES_GUC_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/error.h>

typedef enum GucType { GUC_BOOL, GUC_INT, GUC_REAL, GUC_STRING, GUC_ENUM } GucType;

typedef enum GucContext {
	GUC_CTX_INTERNAL,		/* read-only: server_version, integer_datetimes ... */
	GUC_CTX_POSTMASTER,		/* set at start-up only: port, max_connections ... */
	GUC_CTX_SIGHUP,			/* start-up or config reload */
	GUC_CTX_SUPERUSER,		/* SET by superusers */
	GUC_CTX_USER			/* SET by anyone */
} GucContext;

#define GUC_REPORT	0x01	/* sent as ParameterStatus when it changes */
#define GUC_UNIT_MS 0x02	/* int in milliseconds; accepts '5s', '1min' ... */
#define GUC_UNIT_S	0x04	/* int in seconds */
#define GUC_UNIT_KB 0x08	/* int in kilobytes; accepts '64MB' ... */
#define GUC_UNIT_BYTES 0x10	/* int64 in bytes; accepts '64MB' ... */
#define GUC_LIST	0x20	/* comma-separated list (search_path) */

/* Identifiers of the settings code reads directly (fast path, no lookup). */
typedef enum GucId {
	GUC_APPLICATION_NAME,
	GUC_AUTHENTICATION_TIMEOUT,
	GUC_BYTEA_OUTPUT,
	GUC_CLIENT_ENCODING,
	GUC_CLIENT_MIN_MESSAGES,
	GUC_DATESTYLE,
	GUC_DEFAULT_TRANSACTION_ISOLATION,
	GUC_DEFAULT_TRANSACTION_READ_ONLY,
	GUC_EXTRA_FLOAT_DIGITS,
	GUC_HBA_FILE,
	GUC_IDLE_IN_TRANSACTION_SESSION_TIMEOUT,
	GUC_INTEGER_DATETIMES,
	GUC_INTERVALSTYLE,
	GUC_IS_SUPERUSER,
	GUC_LC_COLLATE,
	GUC_LC_CTYPE,
	GUC_LISTEN_ADDRESSES,
	GUC_LOCK_TIMEOUT,
	GUC_LOG_MIN_MESSAGES,
	GUC_MAX_CONNECTIONS,
	GUC_MAX_MEMORY,
	GUC_MAX_MESSAGE_SIZE,
	GUC_MAX_STARTUP_CONNECTIONS,
	GUC_PASSWORD_ENCRYPTION,
	GUC_PORT,
	GUC_SEARCH_PATH,
	GUC_SERVER_ENCODING,
	GUC_SERVER_VERSION,
	GUC_SERVER_VERSION_NUM,
	GUC_SESSION_AUTHORIZATION,
	GUC_SSL,
	GUC_STANDARD_CONFORMING_STRINGS,
	GUC_STATEMENT_TIMEOUT,
	GUC_SYNCHRONOUS_COMMIT,
	GUC_TIMEZONE,
	GUC_TRANSACTION_ISOLATION,
	GUC_TRANSACTION_READ_ONLY,
	GUC_UNIX_SOCKET_DIRECTORIES,
	GUC_COUNT
} GucId;

typedef struct GucDef {
	GucId		id;
	const char *name;		/* lower case, as SHOW spells it */
	GucType		type;
	GucContext	context;
	int			flags;
	const char *boot_value;
	int64_t		min, max;	/* GUC_INT bounds */
	const char *const *enum_values;	/* GUC_ENUM: NULL-terminated, lower case */
	const char *short_desc;
} GucDef;

typedef struct GucValue {
	char	   *str;		/* canonical text (malloc'd) */
	int64_t		i;			/* BOOL (0/1), INT, ENUM (index) */
	double		r;			/* REAL */
} GucValue;

typedef struct GucSession {
	GucValue	v[GUC_COUNT];
	uint64_t	changed_report;	/* bit per GucId: GUC_REPORT value changed, not yet sent */
} GucSession;

/* The table, in GucId order; and lookup by (case-insensitive) name. */
extern const GucDef guc_defs[GUC_COUNT];
const GucDef *guc_find(const char *name);

/* Server-wide values (read-only once workers start). */
extern GucSession guc_server;
void		guc_server_init(void);	/* boot values */
/* Sets a server-wide value at start-up (-c, --config, environment). */
int			guc_server_set(const char *name, const char *value, MgError *err);
/* Parses a postgresql.conf-style file into guc_server. */
int			guc_load_file(const char *path, MgError *err);

/* A session starts as a copy of the server values. */
void		guc_session_init(GucSession *s);
void		guc_session_free(GucSession *s);
/*
 * SET name = value (value NULL: RESET).  Checks context and syntax and
 * reports 42704 unknown parameter, 22023 invalid value, 55P02 cannot be
 * changed now.  Marks GUC_REPORT settings in changed_report.
 */
int			guc_set(GucSession *s, const char *name, const char *value, MgError *err);
/* SHOW name: the canonical text, or NULL with 42704. */
const char *guc_show(GucSession *s, const char *name, MgError *err);

/* Fast readers. */
static inline const char *
guc_str(const GucSession *s, GucId id)
{
	return s->v[id].str;
}
static inline int64_t
guc_int(const GucSession *s, GucId id)
{
	return s->v[id].i;
}
static inline bool
guc_bool(const GucSession *s, GucId id)
{
	return s->v[id].i != 0;
}

#endif
