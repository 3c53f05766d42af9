/*
 * guc.c — the settings table, value parsing and canonical display.
 *
 * Design notes:
 *  - One static table (guc_defs, in GucId order) holds every setting with
 *    PostgreSQL 15's default, unit and context.  Values are stored as the
 *    canonical string SHOW prints plus a parsed number, so readers never
 *    parse.  Canonicalisation follows PostgreSQL: integers with units are
 *    shown in the largest unit that divides them ("5s", "64MB"), enums in
 *    their table spelling, DateStyle as "ISO, MDY", TimeZone as the zone
 *    file's own name ("America/New_York").
 *  - guc_server holds server-wide values, set on the main thread before
 *    workers start and read-only afterwards.  Each session holds its own
 *    copies (every string malloc'd and owned by the session), plus the
 *    values RESET restores and a short list of custom dotted settings.
 *
 * Invariants:
 *  1. Every GucValue.str in a live GucSession is non-NULL, malloc'd and
 *     owned by that GucSession.
 *  2. v[id].i agrees with v[id].str for bool/int/enum settings (r for real).
 *  3. Only settings with GUC_REPORT have ids < 64 bits worth of changed_report.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <memgres/guc.h>
#include <memgres/mem.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>

GucSession	guc_server;

static const char *const bool_onoff[] = {NULL};
static const char *const e_bytea_output[] = {"escape", "hex", NULL};
static const char *const e_client_min_messages[] = {"debug5", "debug4", "debug3", "debug2", "debug1",
"log", "notice", "warning", "error", NULL};
static const char *const e_log_min_messages[] = {"debug5", "debug4", "debug3", "debug2", "debug1",
"info", "notice", "warning", "error", "log", "fatal", "panic", NULL};
static const char *const e_isolation[] = {"serializable", "repeatable read", "read committed",
"read uncommitted", NULL};
static const char *const e_intervalstyle[] = {"postgres", "postgres_verbose", "sql_standard", "iso_8601", NULL};
static const char *const e_password_encryption[] = {"md5", "scram-sha-256", NULL};
static const char *const e_synchronous_commit[] = {"local", "remote_write", "remote_apply", "on", "off", NULL};
static const char *const e_backslash_quote[] = {"safe_encoding", "on", "off", NULL};
static const char *const e_constraint_exclusion[] = {"partition", "on", "off", NULL};
static const char *const e_force_parallel_mode[] = {"off", "on", "regress", NULL};
static const char *const e_log_statement[] = {"none", "ddl", "mod", "all", NULL};
static const char *const e_plan_cache_mode[] = {"auto", "force_generic_plan", "force_custom_plan", NULL};
static const char *const e_session_replication_role[] = {"origin", "replica", "local", NULL};
static const char *const e_wal_level[] = {"minimal", "replica", "logical", NULL};
static const char *const e_xmlbinary[] = {"base64", "hex", NULL};
static const char *const e_xmloption[] = {"content", "document", NULL};

#define I32MAX 2147483647LL
#define B(id, name, ctx, flags, boot) {id, name, GUC_BOOL, ctx, flags, boot, 0, 1, bool_onoff, NULL}
#define I(id, name, ctx, flags, boot, lo, hi) {id, name, GUC_INT, ctx, flags, boot, lo, hi, NULL, NULL}
#define R(id, name, ctx, flags, boot) {id, name, GUC_REAL, ctx, flags, boot, 0, 0, NULL, NULL}
#define S(id, name, ctx, flags, boot) {id, name, GUC_STRING, ctx, flags, boot, 0, 0, NULL, NULL}
#define E(id, name, ctx, flags, boot, vals) {id, name, GUC_ENUM, ctx, flags, boot, 0, 0, vals, NULL}

const GucDef guc_defs[GUC_COUNT] = {
	S(GUC_APPLICATION_NAME, "application_name", GUC_CTX_USER, GUC_REPORT, ""),
	I(GUC_AUTHENTICATION_TIMEOUT, "authentication_timeout", GUC_CTX_SIGHUP, GUC_UNIT_S, "60", 1, 600),
	E(GUC_BYTEA_OUTPUT, "bytea_output", GUC_CTX_USER, 0, "hex", e_bytea_output),
	S(GUC_CLIENT_ENCODING, "client_encoding", GUC_CTX_USER, GUC_REPORT, "UTF8"),
	E(GUC_CLIENT_MIN_MESSAGES, "client_min_messages", GUC_CTX_USER, 0, "notice", e_client_min_messages),
	S(GUC_DATESTYLE, "DateStyle", GUC_CTX_USER, GUC_REPORT | GUC_LIST, "ISO, MDY"),
	E(GUC_DEFAULT_TRANSACTION_ISOLATION, "default_transaction_isolation", GUC_CTX_USER, 0,
	  "read committed", e_isolation),
	B(GUC_DEFAULT_TRANSACTION_READ_ONLY, "default_transaction_read_only", GUC_CTX_USER, GUC_REPORT, "off"),
	I(GUC_EXTRA_FLOAT_DIGITS, "extra_float_digits", GUC_CTX_USER, 0, "1", -15, 3),
	S(GUC_HBA_FILE, "hba_file", GUC_CTX_POSTMASTER, 0, ""),
	I(GUC_IDLE_IN_TRANSACTION_SESSION_TIMEOUT, "idle_in_transaction_session_timeout", GUC_CTX_USER,
	  GUC_UNIT_MS, "0", 0, I32MAX),
	B(GUC_INTEGER_DATETIMES, "integer_datetimes", GUC_CTX_INTERNAL, GUC_REPORT, "on"),
	E(GUC_INTERVALSTYLE, "IntervalStyle", GUC_CTX_USER, GUC_REPORT, "postgres", e_intervalstyle),
	B(GUC_IS_SUPERUSER, "is_superuser", GUC_CTX_INTERNAL, GUC_REPORT, "off"),
	S(GUC_LC_COLLATE, "lc_collate", GUC_CTX_INTERNAL, 0, "C.UTF-8"),
	S(GUC_LC_CTYPE, "lc_ctype", GUC_CTX_INTERNAL, 0, "C.UTF-8"),
	S(GUC_LISTEN_ADDRESSES, "listen_addresses", GUC_CTX_POSTMASTER, GUC_LIST, "127.0.0.1"),
	I(GUC_LOCK_TIMEOUT, "lock_timeout", GUC_CTX_USER, GUC_UNIT_MS, "0", 0, I32MAX),
	E(GUC_LOG_MIN_MESSAGES, "log_min_messages", GUC_CTX_SUPERUSER, 0, "warning", e_log_min_messages),
	I(GUC_MAX_CONNECTIONS, "max_connections", GUC_CTX_POSTMASTER, 0, "100", 1, 262143),
	I(GUC_MAX_MEMORY, "max_memory", GUC_CTX_POSTMASTER, GUC_UNIT_BYTES, "0", 0, INT64_MAX),
	I(GUC_MAX_MESSAGE_SIZE, "max_message_size", GUC_CTX_POSTMASTER, GUC_UNIT_BYTES, "1073741823",
	  1024, 1073741823),
	I(GUC_MAX_STARTUP_CONNECTIONS, "max_startup_connections", GUC_CTX_POSTMASTER, 0, "64", 1, 262143),
	E(GUC_PASSWORD_ENCRYPTION, "password_encryption", GUC_CTX_USER, 0, "scram-sha-256", e_password_encryption),
	I(GUC_PORT, "port", GUC_CTX_POSTMASTER, 0, "5432", 1, 65535),
	S(GUC_SEARCH_PATH, "search_path", GUC_CTX_USER, GUC_LIST, "\"$user\", public"),
	S(GUC_SERVER_ENCODING, "server_encoding", GUC_CTX_INTERNAL, GUC_REPORT, "UTF8"),
	S(GUC_SERVER_VERSION, "server_version", GUC_CTX_INTERNAL, GUC_REPORT, "15.0 (memgres 0.1.0)"),
	I(GUC_SERVER_VERSION_NUM, "server_version_num", GUC_CTX_INTERNAL, 0, "150000", 150000, 150000),
	S(GUC_SESSION_AUTHORIZATION, "session_authorization", GUC_CTX_SUPERUSER, GUC_REPORT, ""),
	B(GUC_SSL, "ssl", GUC_CTX_SIGHUP, 0, "off"),
	B(GUC_STANDARD_CONFORMING_STRINGS, "standard_conforming_strings", GUC_CTX_USER, GUC_REPORT, "on"),
	I(GUC_STATEMENT_TIMEOUT, "statement_timeout", GUC_CTX_USER, GUC_UNIT_MS, "0", 0, I32MAX),
	E(GUC_SYNCHRONOUS_COMMIT, "synchronous_commit", GUC_CTX_USER, 0, "on", e_synchronous_commit),
	S(GUC_TIMEZONE, "TimeZone", GUC_CTX_USER, GUC_REPORT, "UTC"),
	E(GUC_TRANSACTION_ISOLATION, "transaction_isolation", GUC_CTX_USER, 0, "read committed", e_isolation),
	B(GUC_TRANSACTION_READ_ONLY, "transaction_read_only", GUC_CTX_USER, 0, "off"),
	S(GUC_UNIX_SOCKET_DIRECTORIES, "unix_socket_directories", GUC_CTX_POSTMASTER, GUC_LIST, "/tmp"),
	B(GUC_IN_HOT_STANDBY, "in_hot_standby", GUC_CTX_INTERNAL, GUC_REPORT, "off"),

	B(GUC_ARRAY_NULLS, "array_nulls", GUC_CTX_USER, 0, "on"),
	E(GUC_BACKSLASH_QUOTE, "backslash_quote", GUC_CTX_USER, 0, "safe_encoding", e_backslash_quote),
	I(GUC_BLOCK_SIZE, "block_size", GUC_CTX_INTERNAL, 0, "8192", 8192, 8192),
	B(GUC_CHECK_FUNCTION_BODIES, "check_function_bodies", GUC_CTX_USER, 0, "on"),
	I(GUC_CLIENT_CONNECTION_CHECK_INTERVAL, "client_connection_check_interval", GUC_CTX_USER, GUC_UNIT_MS,
	  "0", 0, I32MAX),
	E(GUC_CONSTRAINT_EXCLUSION, "constraint_exclusion", GUC_CTX_USER, 0, "partition", e_constraint_exclusion),
	R(GUC_CPU_INDEX_TUPLE_COST, "cpu_index_tuple_cost", GUC_CTX_USER, 0, "0.005"),
	R(GUC_CPU_OPERATOR_COST, "cpu_operator_cost", GUC_CTX_USER, 0, "0.0025"),
	R(GUC_CPU_TUPLE_COST, "cpu_tuple_cost", GUC_CTX_USER, 0, "0.01"),
	R(GUC_CURSOR_TUPLE_FRACTION, "cursor_tuple_fraction", GUC_CTX_USER, 0, "0.1"),
	B(GUC_DATA_CHECKSUMS, "data_checksums", GUC_CTX_INTERNAL, 0, "off"),
	I(GUC_DEADLOCK_TIMEOUT, "deadlock_timeout", GUC_CTX_SUPERUSER, GUC_UNIT_MS, "1000", 1, I32MAX),
	I(GUC_DEFAULT_STATISTICS_TARGET, "default_statistics_target", GUC_CTX_USER, 0, "100", 1, 10000),
	S(GUC_DEFAULT_TABLESPACE, "default_tablespace", GUC_CTX_USER, 0, ""),
	S(GUC_DEFAULT_TEXT_SEARCH_CONFIG, "default_text_search_config", GUC_CTX_USER, 0, "pg_catalog.english"),
	B(GUC_DEFAULT_TRANSACTION_DEFERRABLE, "default_transaction_deferrable", GUC_CTX_USER, 0, "off"),
	I(GUC_EFFECTIVE_CACHE_SIZE, "effective_cache_size", GUC_CTX_USER, GUC_UNIT_KB, "4194304", 8, I32MAX),
	I(GUC_EFFECTIVE_IO_CONCURRENCY, "effective_io_concurrency", GUC_CTX_USER, 0, "1", 0, 1000),
	B(GUC_ENABLE_BITMAPSCAN, "enable_bitmapscan", GUC_CTX_USER, 0, "on"),
	B(GUC_ENABLE_HASHAGG, "enable_hashagg", GUC_CTX_USER, 0, "on"),
	B(GUC_ENABLE_HASHJOIN, "enable_hashjoin", GUC_CTX_USER, 0, "on"),
	B(GUC_ENABLE_INDEXONLYSCAN, "enable_indexonlyscan", GUC_CTX_USER, 0, "on"),
	B(GUC_ENABLE_INDEXSCAN, "enable_indexscan", GUC_CTX_USER, 0, "on"),
	B(GUC_ENABLE_MATERIAL, "enable_material", GUC_CTX_USER, 0, "on"),
	B(GUC_ENABLE_MERGEJOIN, "enable_mergejoin", GUC_CTX_USER, 0, "on"),
	B(GUC_ENABLE_NESTLOOP, "enable_nestloop", GUC_CTX_USER, 0, "on"),
	B(GUC_ENABLE_PARTITION_PRUNING, "enable_partition_pruning", GUC_CTX_USER, 0, "on"),
	B(GUC_ENABLE_SEQSCAN, "enable_seqscan", GUC_CTX_USER, 0, "on"),
	B(GUC_ENABLE_SORT, "enable_sort", GUC_CTX_USER, 0, "on"),
	B(GUC_ESCAPE_STRING_WARNING, "escape_string_warning", GUC_CTX_USER, 0, "on"),
	E(GUC_FORCE_PARALLEL_MODE, "force_parallel_mode", GUC_CTX_USER, 0, "off", e_force_parallel_mode),
	I(GUC_FROM_COLLAPSE_LIMIT, "from_collapse_limit", GUC_CTX_USER, 0, "8", 1, I32MAX),
	B(GUC_FSYNC, "fsync", GUC_CTX_SIGHUP, 0, "on"),
	B(GUC_GEQO, "geqo", GUC_CTX_USER, 0, "on"),
	I(GUC_IDLE_SESSION_TIMEOUT, "idle_session_timeout", GUC_CTX_USER, GUC_UNIT_MS, "0", 0, I32MAX),
	B(GUC_JIT, "jit", GUC_CTX_USER, 0, "on"),
	I(GUC_JOIN_COLLAPSE_LIMIT, "join_collapse_limit", GUC_CTX_USER, 0, "8", 1, I32MAX),
	S(GUC_LC_MESSAGES, "lc_messages", GUC_CTX_SUPERUSER, 0, "C.UTF-8"),
	S(GUC_LC_MONETARY, "lc_monetary", GUC_CTX_USER, 0, "C.UTF-8"),
	S(GUC_LC_NUMERIC, "lc_numeric", GUC_CTX_USER, 0, "C.UTF-8"),
	S(GUC_LC_TIME, "lc_time", GUC_CTX_USER, 0, "C.UTF-8"),
	B(GUC_LO_COMPAT_PRIVILEGES, "lo_compat_privileges", GUC_CTX_SUPERUSER, 0, "off"),
	I(GUC_LOG_MIN_DURATION_STATEMENT, "log_min_duration_statement", GUC_CTX_SUPERUSER, GUC_UNIT_MS,
	  "-1", -1, I32MAX),
	E(GUC_LOG_STATEMENT, "log_statement", GUC_CTX_SUPERUSER, 0, "none", e_log_statement),
	I(GUC_MAINTENANCE_WORK_MEM, "maintenance_work_mem", GUC_CTX_USER, GUC_UNIT_KB, "65536", 1024, I32MAX),
	I(GUC_MAX_FUNCTION_ARGS, "max_function_args", GUC_CTX_INTERNAL, 0, "100", 100, 100),
	I(GUC_MAX_IDENTIFIER_LENGTH, "max_identifier_length", GUC_CTX_INTERNAL, 0, "63", 63, 63),
	I(GUC_MAX_INDEX_KEYS, "max_index_keys", GUC_CTX_INTERNAL, 0, "32", 32, 32),
	I(GUC_MAX_LOCKS_PER_TRANSACTION, "max_locks_per_transaction", GUC_CTX_POSTMASTER, 0, "64", 10, I32MAX),
	I(GUC_MAX_PARALLEL_MAINTENANCE_WORKERS, "max_parallel_maintenance_workers", GUC_CTX_USER, 0, "2", 0, 1024),
	I(GUC_MAX_PARALLEL_WORKERS, "max_parallel_workers", GUC_CTX_USER, 0, "8", 0, 1024),
	I(GUC_MAX_PARALLEL_WORKERS_PER_GATHER, "max_parallel_workers_per_gather", GUC_CTX_USER, 0, "2", 0, 1024),
	I(GUC_MAX_STACK_DEPTH, "max_stack_depth", GUC_CTX_SUPERUSER, GUC_UNIT_KB, "2048", 100, I32MAX),
	I(GUC_MAX_WAL_SIZE, "max_wal_size", GUC_CTX_SIGHUP, GUC_UNIT_KB, "1048576", 2, I32MAX),
	R(GUC_PARALLEL_SETUP_COST, "parallel_setup_cost", GUC_CTX_USER, 0, "1000"),
	R(GUC_PARALLEL_TUPLE_COST, "parallel_tuple_cost", GUC_CTX_USER, 0, "0.1"),
	E(GUC_PLAN_CACHE_MODE, "plan_cache_mode", GUC_CTX_USER, 0, "auto", e_plan_cache_mode),
	B(GUC_QUOTE_ALL_IDENTIFIERS, "quote_all_identifiers", GUC_CTX_USER, 0, "off"),
	R(GUC_RANDOM_PAGE_COST, "random_page_cost", GUC_CTX_USER, 0, "4"),
	B(GUC_ROW_SECURITY, "row_security", GUC_CTX_USER, 0, "on"),
	R(GUC_SEQ_PAGE_COST, "seq_page_cost", GUC_CTX_USER, 0, "1"),
	E(GUC_SESSION_REPLICATION_ROLE, "session_replication_role", GUC_CTX_SUPERUSER, 0, "origin",
	  e_session_replication_role),
	I(GUC_SHARED_BUFFERS, "shared_buffers", GUC_CTX_POSTMASTER, GUC_UNIT_KB, "131072", 128, I32MAX),
	B(GUC_SYNCHRONIZE_SEQSCANS, "synchronize_seqscans", GUC_CTX_USER, 0, "on"),
	I(GUC_TCP_KEEPALIVES_COUNT, "tcp_keepalives_count", GUC_CTX_USER, 0, "0", 0, I32MAX),
	I(GUC_TCP_KEEPALIVES_IDLE, "tcp_keepalives_idle", GUC_CTX_USER, GUC_UNIT_S, "0", 0, I32MAX),
	I(GUC_TCP_KEEPALIVES_INTERVAL, "tcp_keepalives_interval", GUC_CTX_USER, GUC_UNIT_S, "0", 0, I32MAX),
	I(GUC_TEMP_BUFFERS, "temp_buffers", GUC_CTX_USER, GUC_UNIT_KB, "8192", 800, I32MAX),
	S(GUC_TEMP_TABLESPACES, "temp_tablespaces", GUC_CTX_USER, GUC_LIST, ""),
	S(GUC_TIMEZONE_ABBREVIATIONS, "timezone_abbreviations", GUC_CTX_USER, 0, "Default"),
	B(GUC_TRACK_ACTIVITIES, "track_activities", GUC_CTX_SUPERUSER, 0, "on"),
	B(GUC_TRACK_COUNTS, "track_counts", GUC_CTX_SUPERUSER, 0, "on"),
	B(GUC_TRANSACTION_DEFERRABLE, "transaction_deferrable", GUC_CTX_USER, 0, "off"),
	E(GUC_WAL_LEVEL, "wal_level", GUC_CTX_POSTMASTER, 0, "replica", e_wal_level),
	I(GUC_WORK_MEM, "work_mem", GUC_CTX_USER, GUC_UNIT_KB, "4096", 64, I32MAX),
	E(GUC_XMLBINARY, "xmlbinary", GUC_CTX_USER, 0, "base64", e_xmlbinary),
	E(GUC_XMLOPTION, "xmloption", GUC_CTX_USER, 0, "content", e_xmloption),
};

_Static_assert(GUC_IN_HOT_STANDBY < 64, "GUC_REPORT settings need an id below 64");

/* ---- units --------------------------------------------------------------- */

typedef struct UnitDef {
	const char *name;
	double		mult;			/* in base units */
} UnitDef;

/* Largest first: the display picks the first that divides the value. */
static const UnitDef units_ms[] = {{"d", 86400000.0}, {"h", 3600000.0}, {"min", 60000.0},
{"s", 1000.0}, {"ms", 1.0}, {"us", 0.001}, {NULL, 0}};
static const UnitDef units_s[] = {{"d", 86400.0}, {"h", 3600.0}, {"min", 60.0}, {"s", 1.0},
{"ms", 0.001}, {"us", 0.000001}, {NULL, 0}};
static const UnitDef units_kb[] = {{"TB", 1073741824.0}, {"GB", 1048576.0}, {"MB", 1024.0},
{"kB", 1.0}, {"B", 1.0 / 1024.0}, {NULL, 0}};
static const UnitDef units_b[] = {{"TB", 1099511627776.0}, {"GB", 1073741824.0}, {"MB", 1048576.0},
{"kB", 1024.0}, {"B", 1.0}, {NULL, 0}};

static const UnitDef *
units_of(const GucDef *d)
{
	if (d->flags & GUC_UNIT_MS)
		return units_ms;
	if (d->flags & GUC_UNIT_S)
		return units_s;
	if (d->flags & GUC_UNIT_KB)
		return units_kb;
	if (d->flags & GUC_UNIT_BYTES)
		return units_b;
	return NULL;
}

static const char *
base_unit_name(const GucDef *d)
{
	if (d->flags & GUC_UNIT_MS)
		return "ms";
	if (d->flags & GUC_UNIT_S)
		return "s";
	if (d->flags & GUC_UNIT_KB)
		return "kB";
	if (d->flags & GUC_UNIT_BYTES)
		return "B";
	return NULL;
}

static const char *
unit_hint(const GucDef *d)
{
	if (d->flags & (GUC_UNIT_MS | GUC_UNIT_S))
		return "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";
	return "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".";
}

static void
format_int(const GucDef *d, int64_t v, StrBuf *out)
{
	const UnitDef *u = units_of(d);

	if (u == NULL || v <= 0)
	{
		strbuf_printf(out, "%lld", (long long) v);
		return;
	}
	for (; u->name; u++)
	{
		double		n;

		if (u->mult < 1.0)
			continue;
		n = (double) v / u->mult;
		if (n == floor(n))
		{
			strbuf_printf(out, "%lld%s", (long long) n, u->name);
			return;
		}
	}
	strbuf_printf(out, "%lld%s", (long long) v, base_unit_name(d));
}

/* ---- parsing ------------------------------------------------------------- */

static void
err_invalid(MgError *err, const GucDef *d, const char *name, const char *value)
{
	mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid value for parameter \"%s\": \"%s\"",
			 d ? d->name : name, value);
}

/* PostgreSQL's parse_bool_with_len. */
static bool
parse_bool(const char *v, bool *out)
{
	size_t		len = strlen(v);

	if (len == 0)
		return false;
	switch (tolower((unsigned char) v[0]))
	{
		case 't':
			if (strncasecmp(v, "true", len) == 0 && len <= 4)
				return *out = true, true;
			break;
		case 'f':
			if (strncasecmp(v, "false", len) == 0 && len <= 5)
				return *out = false, true;
			break;
		case 'y':
			if (strncasecmp(v, "yes", len) == 0 && len <= 3)
				return *out = true, true;
			break;
		case 'n':
			if (strncasecmp(v, "no", len) == 0 && len <= 2)
				return *out = false, true;
			break;
		case 'o':
			if (len >= 2 && len <= 2 && strncasecmp(v, "on", len) == 0)
				return *out = true, true;
			if (len >= 2 && len <= 3 && strncasecmp(v, "off", len) == 0)
				return *out = false, true;
			break;
		case '1':
			if (len == 1)
				return *out = true, true;
			break;
		case '0':
			if (len == 1)
				return *out = false, true;
			break;
	}
	return false;
}

static int
parse_int_value(const GucDef *d, const char *value, int64_t *out, MgError *err)
{
	const char *p = value;
	char	   *end;
	double		num;
	const UnitDef *u = units_of(d);

	while (isspace((unsigned char) *p))
		p++;
	errno = 0;
	if (u == NULL)
	{
		long long	v;

		if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
			v = strtoll(p, &end, 16);
		else
			v = strtoll(p, &end, 10);
		if (end == p || errno == ERANGE)
			goto invalid;
		while (isspace((unsigned char) *end))
			end++;
		if (*end != '\0')
			goto invalid;
		num = (double) v;
	}
	else
	{
		num = strtod(p, &end);
		if (end == p || errno == ERANGE || !isfinite(num))
			goto invalid;
		while (isspace((unsigned char) *end))
			end++;
		if (*end != '\0')
		{
			const UnitDef *k;
			const char *ue = end;
			size_t		ulen;

			while (*ue && !isspace((unsigned char) *ue))
				ue++;
			ulen = (size_t) (ue - end);
			for (k = u; k->name; k++)
				if (strlen(k->name) == ulen && strncmp(k->name, end, ulen) == 0)
					break;
			while (isspace((unsigned char) *ue))
				ue++;
			if (k->name == NULL || *ue != '\0')
			{
				err_invalid(err, d, d->name, value);
				mg_error_hint(err, "%s", unit_hint(d));
				return -1;
			}
			num *= k->mult;
		}
		num = rint(num);
	}
	if (num < (double) d->min || num > (double) d->max)
	{
		const char *bu = base_unit_name(d);

		mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "%g%s%s is outside the valid range for parameter \"%s\" (%lld .. %lld)",
				 num, bu ? " " : "", bu ? bu : "", d->name, (long long) d->min, (long long) d->max);
		return -1;
	}
	*out = (int64_t) num;
	return 0;

invalid:
	err_invalid(err, d, d->name, value);
	return -1;
}

static void
enum_hint(const GucDef *d, MgError *err)
{
	StrBuf		sb;
	int			i;

	strbuf_init(&sb);
	for (i = 0; d->enum_values[i]; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", d->enum_values[i]);
	mg_error_hint(err, "Available values: %s.", sb.data);
	strbuf_free(&sb);
}

/* DateStyle: PostgreSQL's check_datestyle. */
static int
canon_datestyle(const GucDef *d, const char *value, const char *current, StrBuf *out, MgError *err)
{
	static const char *const styles[] = {"ISO", "SQL", "Postgres", "German"};
	static const char *const orders[] = {"DMY", "MDY", "YMD"};
	int			style = 0,
				order = 1;
	bool		have_style = false,
				have_order = false;
	char	   *copy = mg_strdup(value);
	char	   *save = NULL;
	char	   *tok;

	/* Start from the current setting, as PostgreSQL does. */
	if (current)
	{
		int			i;

		for (i = 0; i < 4; i++)
			if (strncasecmp(current, styles[i], strlen(styles[i])) == 0)
				style = i;
		for (i = 0; i < 3; i++)
			if (strstr(current, orders[i]))
				order = i;
	}
	for (tok = strtok_r(copy, ", \t", &save); tok; tok = strtok_r(NULL, ", \t", &save))
	{
		int			ns = -1,
					no = -1;

		if (strcasecmp(tok, "ISO") == 0)
			ns = 0;
		else if (strcasecmp(tok, "SQL") == 0)
			ns = 1;
		else if (strncasecmp(tok, "POSTGRES", 8) == 0)
			ns = 2;
		else if (strcasecmp(tok, "GERMAN") == 0)
			ns = 3;
		else if (strcasecmp(tok, "YMD") == 0)
			no = 2;
		else if (strcasecmp(tok, "DMY") == 0 || strncasecmp(tok, "EURO", 4) == 0)
			no = 0;
		else if (strcasecmp(tok, "MDY") == 0 || strcasecmp(tok, "US") == 0 ||
				 strncasecmp(tok, "NONEURO", 7) == 0)
			no = 1;
		else if (strcasecmp(tok, "DEFAULT") == 0)
		{
			ns = 0;
			no = 1;
			if (have_style && style != ns)
				goto conflict;
			if (have_order && order != no)
				goto conflict;
			style = ns;
			order = no;
			have_style = have_order = true;
			continue;
		}
		else
		{
			err_invalid(err, d, d->name, value);
			mg_error_detail(err, "Unrecognized key word: \"%s\".", tok);
			free(copy);
			return -1;
		}
		if (ns >= 0)
		{
			if (have_style && style != ns)
				goto conflict;
			style = ns;
			have_style = true;
			if (ns == 3 && !have_order)
				order = 0;
		}
		else
		{
			if (have_order && order != no)
				goto conflict;
			order = no;
			have_order = true;
		}
	}
	free(copy);
	strbuf_printf(out, "%s, %s", styles[style], orders[order]);
	return 0;

conflict:
	free(copy);
	err_invalid(err, d, d->name, value);
	mg_error_detail(err, "Conflicting \"datestyle\" specifications.");
	return -1;
}

/* Finds a zone file case-insensitively; appends its real spelling. */
static bool
find_zone_file(const char *name, StrBuf *out)
{
	const char *tzdir = getenv("TZDIR");
	StrBuf		path;
	const char *p = name;
	bool		found = false;

	if (tzdir == NULL || tzdir[0] == '\0')
		tzdir = "/usr/share/zoneinfo";
	if (name[0] == '\0' || name[0] == '/' || strlen(name) > 200)
		return false;
	strbuf_init(&path);
	strbuf_puts(&path, tzdir);
	while (*p)
	{
		const char *slash = strchr(p, '/');
		size_t		len = slash ? (size_t) (slash - p) : strlen(p);
		DIR		   *dir;
		struct dirent *de;
		bool		matched = false;

		if (len == 0 || (len <= 2 && p[0] == '.'))
			goto done;
		dir = opendir(path.data);
		if (dir == NULL)
			goto done;
		while ((de = readdir(dir)) != NULL)
		{
			if (strlen(de->d_name) == len && strncasecmp(de->d_name, p, len) == 0)
			{
				strbuf_putc(&path, '/');
				strbuf_puts(&path, de->d_name);
				if (out->len > 0)
					strbuf_putc(out, '/');
				strbuf_puts(out, de->d_name);
				matched = true;
				break;
			}
		}
		closedir(dir);
		if (!matched)
			goto done;
		p += len;
		if (*p == '/')
			p++;
	}
	{
		struct stat st;

		found = stat(path.data, &st) == 0 && S_ISREG(st.st_mode);
	}
done:
	strbuf_free(&path);
	return found;
}

/*
 * TimeZone: a zone name ("utc" -> "UTC"), or a number of hours east of
 * UTC as SET TIME ZONE 5 gives (shown POSIX-style, "<+05>-05").
 */
static int
canon_timezone(const GucDef *d, const char *value, StrBuf *out, MgError *err)
{
	char	   *end;
	double		hours;

	errno = 0;
	hours = strtod(value, &end);
	if (end != value && *end == '\0' && errno == 0 && fabs(hours) < 168.0)
	{
		long		secs = lround(hours * 3600.0);
		long		a = labs(secs);
		char		off[32];

		if (a % 3600 == 0)
			snprintf(off, sizeof(off), "%02ld", a / 3600);
		else if (a % 60 == 0)
			snprintf(off, sizeof(off), "%02ld:%02ld", a / 3600, (a / 60) % 60);
		else
			snprintf(off, sizeof(off), "%02ld:%02ld:%02ld", a / 3600, (a / 60) % 60, a % 60);
		strbuf_printf(out, "<%c%s>%c%s", secs < 0 ? '-' : '+', off, secs < 0 ? '+' : '-', off);
		return 0;
	}
	if (find_zone_file(value, out))
		return 0;
	strbuf_reset(out);
	err_invalid(err, d, d->name, value);
	return -1;
}

static int
canon_encoding(const GucDef *d, const char *value, StrBuf *out, MgError *err)
{
	static const char *const known[] = {"sqlascii", "latin1", "latin2", "latin3", "latin4", "latin5",
		"latin6", "latin7", "latin8", "latin9", "latin10", "win1250", "win1251", "win1252", "win1253",
		"win1254", "win1255", "win1256", "win1257", "win1258", "win866", "win874", "koi8r", "koi8u",
		"eucjp", "euccn", "euckr", "euctw", "eucjis2004", "sjis", "big5", "gbk", "gb18030", "uhc",
		"johab", "iso88595", "iso88596", "iso88597", "iso88598", "shiftjis2004", "mule_internal",
		"muleinternal", "windows1252", "iso88591", NULL};
	char		norm[64];
	size_t		n = 0;
	const char *p;
	int			i;

	for (p = value; *p && n < sizeof(norm) - 1; p++)
		if (*p != '-' && *p != '_')
			norm[n++] = (char) tolower((unsigned char) *p);
	norm[n] = '\0';
	if (strcmp(norm, "utf8") == 0 || strcmp(norm, "unicode") == 0)
	{
		strbuf_puts(out, "UTF8");
		return 0;
	}
	/* SQL_ASCII means "no conversion", which a UTF8 server can honour as is */
	if (strcmp(norm, "sqlascii") == 0 && d->id == GUC_CLIENT_ENCODING)
	{
		strbuf_puts(out, "SQL_ASCII");
		return 0;
	}
	for (i = 0; known[i]; i++)
		if (strcmp(norm, known[i]) == 0)
		{
			mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "conversion between %s and UTF8 is not supported",
					 value);
			return -1;
		}
	err_invalid(err, d, d->name, value);
	return -1;
}

/*
 * Parses value for d into a canonical GucValue (str malloc'd).  current is
 * the value being replaced (DateStyle starts from it).
 */
static int
parse_value(const GucDef *d, const char *value, const char *current, GucValue *out, MgError *err)
{
	StrBuf		sb;

	strbuf_init(&sb);
	out->i = 0;
	out->r = 0;
	switch (d->type)
	{
		case GUC_BOOL:
			{
				bool		b;

				if (!parse_bool(value, &b))
				{
					mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE, "parameter \"%s\" requires a Boolean value",
							 d->name);
					goto fail;
				}
				if (d->id == GUC_STANDARD_CONFORMING_STRINGS && !b)
				{
					mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
							 "standard_conforming_strings = off is not supported");
					goto fail;
				}
				out->i = b;
				strbuf_puts(&sb, b ? "on" : "off");
				break;
			}
		case GUC_INT:
			if (parse_int_value(d, value, &out->i, err) < 0)
				goto fail;
			format_int(d, out->i, &sb);
			break;
		case GUC_REAL:
			{
				char	   *end;
				const char *p = value;

				while (isspace((unsigned char) *p))
					p++;
				errno = 0;
				out->r = strtod(p, &end);
				while (end != p && isspace((unsigned char) *end))
					end++;
				if (end == p || *end != '\0' || errno == ERANGE || !isfinite(out->r))
				{
					err_invalid(err, d, d->name, value);
					goto fail;
				}
				if (out->r < 0)
				{
					mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE,
							 "%g is outside the valid range for parameter \"%s\" (0 .. 1.79769e+308)",
							 out->r, d->name);
					goto fail;
				}
				strbuf_printf(&sb, "%g", out->r);
				break;
			}
		case GUC_ENUM:
			{
				int			i;
				bool		b;

				/* PostgreSQL's hidden alias: "debug" is debug2 */
				if (strcasecmp(value, "debug") == 0 &&
					(d->id == GUC_CLIENT_MIN_MESSAGES || d->id == GUC_LOG_MIN_MESSAGES))
					value = "debug2";
				for (i = 0; d->enum_values[i]; i++)
					if (strcasecmp(value, d->enum_values[i]) == 0)
						break;
				/* on/off style enums also take the other boolean spellings */
				if (d->enum_values[i] == NULL && parse_bool(value, &b))
				{
					for (i = 0; d->enum_values[i]; i++)
						if (strcmp(d->enum_values[i], b ? "on" : "off") == 0)
							break;
				}
				if (d->enum_values[i] == NULL)
				{
					err_invalid(err, d, d->name, value);
					enum_hint(d, err);
					goto fail;
				}
				out->i = i;
				strbuf_puts(&sb, d->enum_values[i]);
				break;
			}
		case GUC_STRING:
			if (d->id == GUC_DATESTYLE)
			{
				if (canon_datestyle(d, value, current, &sb, err) < 0)
					goto fail;
			}
			else if (d->id == GUC_TIMEZONE)
			{
				if (canon_timezone(d, value, &sb, err) < 0)
					goto fail;
			}
			else if (d->id == GUC_CLIENT_ENCODING || d->id == GUC_SERVER_ENCODING)
			{
				if (canon_encoding(d, value, &sb, err) < 0)
					goto fail;
			}
			else if (d->id == GUC_APPLICATION_NAME)
			{
				/* as PostgreSQL: printable ASCII only, at most NAMEDATALEN - 1 bytes */
				const unsigned char *p;

				for (p = (const unsigned char *) value; *p && sb.len < 63; p++)
					strbuf_putc(&sb, (*p < 32 || *p > 126) ? '?' : (char) *p);
			}
			else
				strbuf_puts(&sb, value);
			break;
	}
	out->str = strbuf_detach(&sb);
	strbuf_free(&sb);
	return 0;

fail:
	strbuf_free(&sb);
	return -1;
}

/* ---- lookup -------------------------------------------------------------- */

const GucDef *
guc_find(const char *name)
{
	int			i;

	for (i = 0; i < GUC_COUNT; i++)
		if (strcasecmp(guc_defs[i].name, name) == 0)
			return &guc_defs[i];
	/* PostgreSQL's aliases */
	if (strcasecmp(name, "timezone") == 0)
		return &guc_defs[GUC_TIMEZONE];
	return NULL;
}

static bool
is_custom_name(const char *name)
{
	const char *dot = strchr(name, '.');

	return dot != NULL && dot != name && dot[1] != '\0';
}

static GucCustom *
custom_find(GucCustom *list, const char *name)
{
	for (; list; list = list->next)
		if (strcasecmp(list->name, name) == 0)
			return list;
	return NULL;
}

static char *
lower_dup(const char *s)
{
	char	   *d = mg_strdup(s);
	char	   *p;

	for (p = d; *p; p++)
		*p = (char) tolower((unsigned char) *p);
	return d;
}

static GucCustom *
custom_add(GucCustom **list, const char *name)
{
	GucCustom  *c = mg_calloc(1, sizeof(GucCustom));

	c->name = lower_dup(name);
	c->value = mg_strdup("");
	c->reset_value = mg_strdup("");
	c->next = *list;
	*list = c;
	return c;
}

static void
custom_free_all(GucCustom *c)
{
	while (c)
	{
		GucCustom  *next = c->next;

		free(c->name);
		free(c->value);
		free(c->reset_value);
		free(c);
		c = next;
	}
}

static GucCustom *
custom_copy_all(const GucCustom *src)
{
	GucCustom  *head = NULL,
			  **tail = &head;

	for (; src; src = src->next)
	{
		GucCustom  *c = mg_calloc(1, sizeof(GucCustom));

		c->name = mg_strdup(src->name);
		c->value = mg_strdup(src->value);
		c->reset_value = mg_strdup(src->reset_value);
		*tail = c;
		tail = &c->next;
	}
	return head;
}

/*
 * Session slots borrow the server's string when they hold the server's
 * value (most of them, most of the time): guc_server's strings never change
 * once sessions exist, so an idle session costs no string copies.
 */
static bool
server_owned(int id, const char *p)
{
	return p != NULL && (p == guc_server.v[id].str || p == guc_server.reset[id].str);
}

static void
session_assign(GucValue *dst, int id, const GucValue *src)
{
	char	   *str = server_owned(id, src->str) ? src->str : mg_strdup(src->str);

	if (!server_owned(id, dst->str))
		free(dst->str);
	dst->str = str;
	dst->i = src->i;
	dst->r = src->r;
}

static void
value_assign(GucValue *dst, const GucValue *src)
{
	char	   *s = mg_strdup(src->str);

	free(dst->str);
	dst->str = s;
	dst->i = src->i;
	dst->r = src->r;
}

/* ---- server-wide values ---------------------------------------------------- */

void
guc_server_init(void)
{
	int			i;
	const char *tz = getenv("TZ");

	for (i = 0; i < GUC_COUNT; i++)
	{
		MgError		err = MG_ERROR_INIT;
		GucValue	v = {0};

		if (parse_value(&guc_defs[i], guc_defs[i].boot_value, NULL, &v, &err) < 0)
		{
			/* a boot value that does not parse is a bug in the table */
			fprintf(stderr, "memgres: bad boot value for %s: %s\n", guc_defs[i].name, err.message);
			abort();
		}
		free(guc_server.v[i].str);
		guc_server.v[i] = v;
		value_assign(&guc_server.reset[i], &v);
	}
	if (tz && tz[0])
	{
		MgError		err = MG_ERROR_INIT;

		if (tz[0] == ':')
			tz++;
		if (guc_server_set("TimeZone", tz, &err) < 0)
			mg_error_reset(&err);
	}
	guc_server.changed_report = 0;
}

int
guc_server_set(const char *name, const char *value, MgError *err)
{
	const GucDef *d = guc_find(name);
	GucValue	v = {0};

	if (d == NULL)
	{
		GucCustom  *c;

		if (!is_custom_name(name))
		{
			mg_error(err, SQLSTATE_UNDEFINED_OBJECT, "unrecognized configuration parameter \"%s\"", name);
			return -1;
		}
		c = custom_find(guc_server.custom, name);
		if (c == NULL)
			c = custom_add(&guc_server.custom, name);
		free(c->value);
		free(c->reset_value);
		c->value = mg_strdup(value);
		c->reset_value = mg_strdup(value);
		return 0;
	}
	if (d->context == GUC_CTX_INTERNAL)
	{
		mg_error(err, SQLSTATE_CANT_CHANGE_RUNTIME_PARAM, "parameter \"%s\" cannot be changed", d->name);
		return -1;
	}
	if (parse_value(d, value, guc_server.v[d->id].str, &v, err) < 0)
		return -1;
	free(guc_server.v[d->id].str);
	guc_server.v[d->id] = v;
	value_assign(&guc_server.reset[d->id], &v);
	return 0;
}

static char *
trim(char *s)
{
	char	   *e;

	while (isspace((unsigned char) *s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char) e[-1]))
		*--e = '\0';
	return s;
}

/*
 * postgresql.conf syntax: "name = value" or "name value", '#' comments,
 * values optionally single-quoted ('' or \' inside), include directives
 * not supported.
 */
int
guc_load_file(const char *path, MgError *err)
{
	FILE	   *f = fopen(path, "r");
	char		line[8192];
	int			lineno = 0;

	if (f == NULL)
	{
		mg_error(err, SQLSTATE_CONFIG_FILE_ERROR, "could not open configuration file \"%s\": %s",
				 path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f))
	{
		char	   *p,
				   *name,
				   *val;
		StrBuf		sb;
		int			rc;

		lineno++;
		p = trim(line);
		if (*p == '\0' || *p == '#')
			continue;
		name = p;
		while (*p && (isalnum((unsigned char) *p) || *p == '_' || *p == '.'))
			p++;
		if (p == name)
			goto syntax;
		if (*p && !isspace((unsigned char) *p) && *p != '=')
			goto syntax;
		if (*p)
			*p++ = '\0';
		while (isspace((unsigned char) *p) || *p == '=')
			p++;
		strbuf_init(&sb);
		if (*p == '\'')
		{
			p++;
			for (;;)
			{
				if (*p == '\0')
				{
					strbuf_free(&sb);
					goto syntax;
				}
				if (*p == '\'' && p[1] == '\'')
				{
					strbuf_putc(&sb, '\'');
					p += 2;
				}
				else if (*p == '\\' && p[1])
				{
					strbuf_putc(&sb, p[1]);
					p += 2;
				}
				else if (*p == '\'')
				{
					p++;
					break;
				}
				else
					strbuf_putc(&sb, *p++);
			}
			p = trim(p);
			if (*p != '\0' && *p != '#')
			{
				strbuf_free(&sb);
				goto syntax;
			}
		}
		else
		{
			val = p;
			while (*p && *p != '#' && !isspace((unsigned char) *p))
				p++;
			*p = '\0';
			strbuf_puts(&sb, val);
		}
		if (strcasecmp(name, "include") == 0 || strcasecmp(name, "include_if_exists") == 0 ||
			strcasecmp(name, "include_dir") == 0)
		{
			strbuf_free(&sb);
			fclose(f);
			mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "configuration file directive \"%s\" is not supported (file \"%s\", line %d)",
					 name, path, lineno);
			return -1;
		}
		rc = guc_server_set(name, sb.data, err);
		strbuf_free(&sb);
		if (rc < 0)
		{
			/* mg_error_sev frees the old message: format from a copy */
			char	   *msg = mg_strdup(err->message);
			char		state[6];

			memcpy(state, err->sqlstate, sizeof(state));
			mg_error_sev(err, MG_SEV_FATAL, state, "%s (file \"%s\", line %d)", msg, path, lineno);
			free(msg);
			fclose(f);
			return -1;
		}
		continue;
syntax:
		fclose(f);
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR,
					 "syntax error in file \"%s\" line %d, near token \"%s\"", path, lineno, trim(name));
		return -1;
	}
	fclose(f);
	return 0;
}

/* ---- sessions -------------------------------------------------------------- */

void
guc_session_init(GucSession *s)
{
	int			i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < GUC_COUNT; i++)
	{
		session_assign(&s->v[i], i, &guc_server.v[i]);
		session_assign(&s->reset[i], i, &guc_server.v[i]);
	}
	s->custom = custom_copy_all(guc_server.custom);
}

void
guc_session_free(GucSession *s)
{
	int			i;

	for (i = 0; i < GUC_COUNT; i++)
	{
		/* guc_server itself owns all of its strings */
		if (s == &guc_server || !server_owned(i, s->v[i].str))
			free(s->v[i].str);
		if (s == &guc_server || !server_owned(i, s->reset[i].str))
			free(s->reset[i].str);
		s->v[i].str = s->reset[i].str = NULL;
	}
	custom_free_all(s->custom);
	s->custom = NULL;
}

void
guc_session_copy(GucSession *dst, const GucSession *src)
{
	int			i;

	for (i = 0; i < GUC_COUNT; i++)
	{
		session_assign(&dst->v[i], i, &src->v[i]);
		session_assign(&dst->reset[i], i, &src->reset[i]);
	}
	custom_free_all(dst->custom);
	dst->custom = custom_copy_all(src->custom);
	dst->changed_report = src->changed_report;
}

static void
session_store(GucSession *s, const GucDef *d, const GucValue *v)
{
	if ((d->flags & GUC_REPORT) && strcmp(s->v[d->id].str, v->str) != 0)
		s->changed_report |= UINT64_C(1) << d->id;
	session_assign(&s->v[d->id], d->id, v);
}

static int
check_context(GucSession *s, const GucDef *d, bool startup, MgError *err)
{
	switch (d->context)
	{
		case GUC_CTX_INTERNAL:
			mg_error(err, SQLSTATE_CANT_CHANGE_RUNTIME_PARAM, "parameter \"%s\" cannot be changed", d->name);
			return -1;
		case GUC_CTX_POSTMASTER:
			mg_error(err, SQLSTATE_CANT_CHANGE_RUNTIME_PARAM,
					 "parameter \"%s\" cannot be changed without restarting the server", d->name);
			return -1;
		case GUC_CTX_SIGHUP:
			mg_error(err, SQLSTATE_CANT_CHANGE_RUNTIME_PARAM, "parameter \"%s\" cannot be changed now", d->name);
			return -1;
		case GUC_CTX_SUPERUSER:
			if (!startup && !guc_bool(s, GUC_IS_SUPERUSER))
			{
				mg_error(err, SQLSTATE_INSUFFICIENT_PRIVILEGE, "permission denied to set parameter \"%s\"",
						 d->name);
				return -1;
			}
			return 0;
		case GUC_CTX_USER:
			return 0;
	}
	return 0;
}

static void
reset_all(GucSession *s)
{
	int			i;
	GucCustom  *c;

	for (i = 0; i < GUC_COUNT; i++)
	{
		const GucDef *d = &guc_defs[i];

		if (d->context != GUC_CTX_USER && d->context != GUC_CTX_SUPERUSER)
			continue;
		if (d->context == GUC_CTX_SUPERUSER && !guc_bool(s, GUC_IS_SUPERUSER))
			continue;
		/* session_authorization is reset only by RESET SESSION AUTHORIZATION */
		if (d->id == GUC_SESSION_AUTHORIZATION || d->id == GUC_TRANSACTION_ISOLATION ||
			d->id == GUC_TRANSACTION_READ_ONLY || d->id == GUC_TRANSACTION_DEFERRABLE)
			continue;
		session_store(s, d, &s->reset[i]);
	}
	for (c = s->custom; c; c = c->next)
	{
		free(c->value);
		c->value = mg_strdup(c->reset_value);
	}
}

static int
session_set(GucSession *s, const char *name, const char *value, bool startup, MgError *err)
{
	const GucDef *d;
	GucValue	v = {0};

	if (value == NULL && strcasecmp(name, "all") == 0)
	{
		reset_all(s);
		return 0;
	}
	d = guc_find(name);
	if (d == NULL)
	{
		GucCustom  *c;

		if (!is_custom_name(name))
		{
			mg_error(err, SQLSTATE_UNDEFINED_OBJECT, "unrecognized configuration parameter \"%s\"", name);
			return -1;
		}
		c = custom_find(s->custom, name);
		if (c == NULL)
			c = custom_add(&s->custom, name);
		free(c->value);
		c->value = mg_strdup(value ? value : c->reset_value);
		if (startup)
		{
			free(c->reset_value);
			c->reset_value = mg_strdup(c->value);
		}
		return 0;
	}
	if (check_context(s, d, startup, err) < 0)
		return -1;
	if (value == NULL)
	{
		session_store(s, d, &s->reset[d->id]);
		return 0;
	}
	if (parse_value(d, value, s->v[d->id].str, &v, err) < 0)
		return -1;
	session_store(s, d, &v);
	if (startup)
		session_assign(&s->reset[d->id], d->id, &v);
	free(v.str);
	return 0;
}

int
guc_set(GucSession *s, const char *name, const char *value, MgError *err)
{
	return session_set(s, name, value, false, err);
}

int
guc_set_startup(GucSession *s, const char *name, const char *value, MgError *err)
{
	return session_set(s, name, value, true, err);
}

void
guc_session_force(GucSession *s, GucId id, const char *value)
{
	const GucDef *d = &guc_defs[id];
	MgError		err = MG_ERROR_INIT;
	GucValue	v = {0};

	if (parse_value(d, value, s->v[id].str, &v, &err) < 0)
	{
		mg_error_reset(&err);
		return;
	}
	session_store(s, d, &v);
	session_assign(&s->reset[id], id, &v);
	free(v.str);
}

const char *
guc_show(GucSession *s, const char *name, MgError *err)
{
	const GucDef *d = guc_find(name);
	GucCustom  *c;

	if (d)
		return s->v[d->id].str;
	c = custom_find(s->custom, name);
	if (c)
		return c->value;
	mg_error(err, SQLSTATE_UNDEFINED_OBJECT, "unrecognized configuration parameter \"%s\"", name);
	return NULL;
}

const char *
guc_canonical_name(GucSession *s, const char *name)
{
	const GucDef *d = guc_find(name);
	GucCustom  *c;

	if (d)
		return d->name;
	c = custom_find(s->custom, name);
	return c ? c->name : NULL;
}
