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
	GUC_IN_HOT_STANDBY,
	/*
	 * Settings PostgreSQL clients SET or SHOW that memgres accepts and
	 * reports but does not act on (planner, memory, logging knobs ...).
	 * Every GUC_REPORT setting must have an id below 64 (changed_report).
	 */
	GUC_ARRAY_NULLS,
	GUC_BACKSLASH_QUOTE,
	GUC_BLOCK_SIZE,
	GUC_CHECK_FUNCTION_BODIES,
	GUC_CLIENT_CONNECTION_CHECK_INTERVAL,
	GUC_CONSTRAINT_EXCLUSION,
	GUC_CPU_INDEX_TUPLE_COST,
	GUC_CPU_OPERATOR_COST,
	GUC_CPU_TUPLE_COST,
	GUC_CURSOR_TUPLE_FRACTION,
	GUC_DATA_CHECKSUMS,
	GUC_DEADLOCK_TIMEOUT,
	GUC_DEFAULT_STATISTICS_TARGET,
	GUC_DEFAULT_TABLESPACE,
	GUC_DEFAULT_TEXT_SEARCH_CONFIG,
	GUC_DEFAULT_TRANSACTION_DEFERRABLE,
	GUC_EFFECTIVE_CACHE_SIZE,
	GUC_EFFECTIVE_IO_CONCURRENCY,
	GUC_ENABLE_BITMAPSCAN,
	GUC_ENABLE_HASHAGG,
	GUC_ENABLE_HASHJOIN,
	GUC_ENABLE_INDEXONLYSCAN,
	GUC_ENABLE_INDEXSCAN,
	GUC_ENABLE_MATERIAL,
	GUC_ENABLE_MERGEJOIN,
	GUC_ENABLE_NESTLOOP,
	GUC_ENABLE_PARTITION_PRUNING,
	GUC_ENABLE_SEQSCAN,
	GUC_ENABLE_SORT,
	GUC_ESCAPE_STRING_WARNING,
	GUC_FORCE_PARALLEL_MODE,
	GUC_FROM_COLLAPSE_LIMIT,
	GUC_FSYNC,
	GUC_GEQO,
	GUC_IDLE_SESSION_TIMEOUT,
	GUC_JIT,
	GUC_JOIN_COLLAPSE_LIMIT,
	GUC_LC_MESSAGES,
	GUC_LC_MONETARY,
	GUC_LC_NUMERIC,
	GUC_LC_TIME,
	GUC_LO_COMPAT_PRIVILEGES,
	GUC_LOG_MIN_DURATION_STATEMENT,
	GUC_LOG_STATEMENT,
	GUC_MAINTENANCE_WORK_MEM,
	GUC_MAX_FUNCTION_ARGS,
	GUC_MAX_IDENTIFIER_LENGTH,
	GUC_MAX_INDEX_KEYS,
	GUC_MAX_LOCKS_PER_TRANSACTION,
	GUC_MAX_PARALLEL_MAINTENANCE_WORKERS,
	GUC_MAX_PARALLEL_WORKERS,
	GUC_MAX_PARALLEL_WORKERS_PER_GATHER,
	GUC_MAX_STACK_DEPTH,
	GUC_MAX_WAL_SIZE,
	GUC_PARALLEL_SETUP_COST,
	GUC_PARALLEL_TUPLE_COST,
	GUC_PLAN_CACHE_MODE,
	GUC_QUOTE_ALL_IDENTIFIERS,
	GUC_RANDOM_PAGE_COST,
	GUC_ROW_SECURITY,
	GUC_SEQ_PAGE_COST,
	GUC_SESSION_REPLICATION_ROLE,
	GUC_SHARED_BUFFERS,
	GUC_SYNCHRONIZE_SEQSCANS,
	GUC_TCP_KEEPALIVES_COUNT,
	GUC_TCP_KEEPALIVES_IDLE,
	GUC_TCP_KEEPALIVES_INTERVAL,
	GUC_TEMP_BUFFERS,
	GUC_TEMP_TABLESPACES,
	GUC_TIMEZONE_ABBREVIATIONS,
	GUC_TRACK_ACTIVITIES,
	GUC_TRACK_COUNTS,
	GUC_TRANSACTION_DEFERRABLE,
	GUC_WAL_LEVEL,
	GUC_WORK_MEM,
	GUC_XMLBINARY,
	GUC_XMLOPTION,
	GUC_COUNT
} GucId;

typedef struct GucDef {
	GucId		id;
	const char *name;		/* as PostgreSQL spells it ("DateStyle"); matched case-insensitively */
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

/* A custom dotted setting ("myapp.x"), as PostgreSQL's placeholders. */
typedef struct GucCustom {
	struct GucCustom *next;
	char	   *name;			/* malloc'd, lower case */
	char	   *value;			/* malloc'd */
	char	   *reset_value;	/* malloc'd: what RESET restores */
} GucCustom;

typedef struct GucSession {
	GucValue	v[GUC_COUNT];
	GucValue	reset[GUC_COUNT];	/* what RESET restores: server value, or the startup packet's */
	GucCustom  *custom;			/* custom dotted settings, newest first */
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

/* A session starts as a copy of the server values (every string its own copy). */
void		guc_session_init(GucSession *s);
void		guc_session_free(GucSession *s);
/* Copies every value of src into dst (dst must be initialised or zeroed;
 * its old values are freed).  For saving/restoring around transactions. */
void		guc_session_copy(GucSession *dst, const GucSession *src);
/*
 * SET name = value.  value NULL means RESET (and SET ... TO DEFAULT);
 * name "all" with value NULL is RESET ALL.  value is the flattened text of
 * the SET arguments, as PostgreSQL's flatten_set_variable_args makes it
 * ("a, \"B c\"" for lists).  Checks context and syntax and reports 42704
 * unknown parameter, 22023 invalid value, 55P02 cannot be changed now,
 * 42501 superuser-only.  Marks GUC_REPORT settings in changed_report.
 * Custom dotted names ("myapp.x") are accepted as PostgreSQL does.
 */
int			guc_set(GucSession *s, const char *name, const char *value, MgError *err);
/* SET as sent in the startup packet or its "options" (-c): as guc_set, but
 * also allows superuser-only settings and makes the value the RESET target. */
int			guc_set_startup(GucSession *s, const char *name, const char *value, MgError *err);
/* Sets an internal setting (is_superuser, session_authorization) without
 * checks, as the server does after authentication; updates the reset value. */
void		guc_session_force(GucSession *s, GucId id, const char *value);
/* SHOW name: the canonical text, or NULL with 42704.  The string belongs
 * to s and is valid until the setting next changes. */
const char *guc_show(GucSession *s, const char *name, MgError *err);
/* The canonical name of a setting ("DateStyle" for "datestyle"), for
 * SHOW's column header; NULL if unknown. */
const char *guc_canonical_name(GucSession *s, const char *name);

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
