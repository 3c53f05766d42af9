/*
 * sql.h — the SQL engine as the traffic cop (src/tcop) sees it.
 *
 * Implemented in src/sql/.  The flow for one statement, as in PostgreSQL:
 *
 *   sql_parse()  ->  SqlStmt list  (raw text -> memgres AST; the only step
 *                                    that touches libpg_query)
 *   sql_prepare() -> SqlPrepared   (analysis + plan; param types resolved;
 *                                    result columns known)
 *   sql_portal_new() -> SqlPortal  (bound parameter values; pins a snapshot
 *                                    or takes the writer lock when run)
 *   sql_portal_run() ... until SQL_DONE   (rows go to an SqlDest)
 *   sql_portal_close()
 *
 * wrapped in the transaction calls sql_xact_*() (PostgreSQL's
 * start_xact_command / finish_xact_command / AbortCurrentTransaction).
 *
 * Threads: an SqlSession and everything made from it belong to the worker
 * thread that owns the connection.  The engine never blocks: where it must
 * wait (writer lock held by another transaction, pg_sleep) it returns
 * SQL_WAIT and the caller parks the connection until sql_session_wait_info()
 * says to resume (see there).
 *
 * Memory: each constructor takes the Arena that bounds the object's life
 * (statement list: message arena; SqlPrepared: the prepared statement's own
 * arena; SqlPortal: the portal's arena).  Objects holding shared resources
 * (pinned versions, locks) must be released with their *_close/_free call
 * before their arena is reset.
 *
 * Errors: every function that can fail takes an MgError * and returns -1,
 * NULL or SQL_ERROR with it set; the session stays usable, and the
 * transaction state (sql_xact_status) says whether the block was aborted.
 */
#ifndef MEMGRES_SQL_H
#define MEMGRES_SQL_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/arena.h>
#include <memgres/datum.h>
#include <memgres/error.h>
#include <memgres/guc.h>
#include <memgres/strbuf.h>

typedef struct SqlSession SqlSession;
typedef struct SqlStmt SqlStmt;
typedef struct SqlPrepared SqlPrepared;
typedef struct SqlPortal SqlPortal;

/* ---- engine and cluster ------------------------------------------------ */

typedef struct SqlEngineConfig {
	const char *superuser;			/* POSTGRES_USER: the bootstrap superuser */
	const char *superuser_password; /* a SCRAM/md5 verifier, or NULL */
	const char *initial_db;			/* POSTGRES_DB, created if missing (NULL: none) */
} SqlEngineConfig;

/* Once at start-up, before workers run: types, functions, the cluster with
 * databases "postgres", "template0", "template1" and the bootstrap role. */
int			sql_engine_init(const SqlEngineConfig *cfg, MgError *err);
void		sql_engine_shutdown(void);

/* Roles, for authentication.  Any thread.  Fills *out (strings malloc'd,
 * freed by sql_role_info_free) and returns 0, or -1 if there is no such role. */
typedef struct SqlRoleInfo {
	char	   *name;
	char	   *password;		/* stored verifier ("SCRAM-SHA-256$...", "md5...") or NULL */
	bool		superuser;
	bool		can_login;
} SqlRoleInfo;
int			sql_role_get(const char *name, SqlRoleInfo *out);
void		sql_role_info_free(SqlRoleInfo *info);
/* Any thread. */
bool		sql_database_exists(const char *name);
/* Applies the database's ALTER DATABASE ... SET settings to g as start-up
 * settings; call before the start-up packet's own, which then win.  Any
 * thread. */
void		sql_database_apply_settings(const char *dbname, GucSession *g);

/* ---- sessions -------------------------------------------------------------- */

typedef void (*SqlNoticeHook) (void *arg, const MgError *notice);

/*
 * Opens a session on a database as a role.  gucs is owned by the caller and
 * outlives the session; SET/RESET statements change it.  Fails with 3D000
 * (no such database) or 28000 (no such role).
 */
SqlSession *sql_session_new(const char *dbname, const char *user, GucSession *gucs,
							int32_t backend_pid, MgError *err);
/* Rolls back whatever is open and releases everything the session holds. */
void		sql_session_free(SqlSession *s);
void		sql_session_set_notice_hook(SqlSession *s, SqlNoticeHook hook, void *arg);
/*
 * The flag that cancel requests and timeouts set (from any thread, with a
 * relaxed atomic store); a running statement checks it and fails with
 * 57014.  The caller clears it before each statement.
 */
volatile int *sql_session_interrupt(SqlSession *s);
typedef enum SqlInterrupt {
	SQL_INT_NONE = 0,
	SQL_INT_CANCEL = 1,				/* "canceling statement due to user request" */
	SQL_INT_STATEMENT_TIMEOUT = 2,	/* "canceling statement due to statement timeout" */
	SQL_INT_LOCK_TIMEOUT = 3		/* 55P03 "canceling statement due to lock timeout" */
} SqlInterrupt;

/* ---- transactions ---------------------------------------------------------- */

/* 'I' idle, 'T' in a block, 'E' in a failed block: the ReadyForQuery byte. */
char		sql_xact_status(SqlSession *s);
/* Before each statement: starts an implicit transaction if none is open. */
int			sql_xact_start_command(SqlSession *s, MgError *err);
/*
 * After each statement: commits the implicit transaction unless an explicit
 * block or an implicit multi-statement block (see below) is open.
 */
int			sql_xact_finish_command(SqlSession *s, MgError *err);
/* After an error: rolls back an implicit transaction, or marks an explicit block failed ('E'). */
void		sql_xact_abort_command(SqlSession *s);
/*
 * A simple-Query message with several statements runs as one implicit block
 * (PostgreSQL's "implicit transaction block"): begin before the first,
 * end after the last (commit if all succeeded, otherwise roll back).
 */
void		sql_xact_implicit_block_begin(SqlSession *s);
int			sql_xact_implicit_block_end(SqlSession *s, MgError *err);

/* ---- statements ------------------------------------------------------------ */

/*
 * Parses a query string (one or many statements).  Allocates in a.  An empty
 * string gives *n = 0.  Syntax errors: 42601 with the cursor position.
 */
int			sql_parse(SqlSession *s, Arena *a, const char *query, SqlStmt ***stmts, int *n, MgError *err);
/* The source text of one statement (for logs and pg_stat_activity). */
const char *sql_stmt_text(const SqlStmt *st);

typedef struct SqlColumn {
	const char *name;
	Oid			table_oid;		/* 0 unless a plain column of a table */
	int16_t		attnum;			/* 0 unless a plain column of a table */
	Oid			type_oid;
	int16_t		typlen;
	int32_t		typmod;
} SqlColumn;

typedef struct SqlTupleDesc {
	int			ncols;
	const SqlColumn *cols;
} SqlTupleDesc;

/*
 * Analyses and plans a statement.  param_types[i] may be 0 (infer it);
 * more parameters than given may be referenced (their types are inferred).
 * nparams SQL_NO_PARAMS (a simple Query): no parameter may be referenced;
 * a reference fails with 42P02 at its position, as PostgreSQL's analysis
 * with fixed parameters.
 * The result lives in a (which must outlive it); it is re-planned
 * transparently when DDL changes what it depends on.
 */
#define SQL_NO_PARAMS (-1)
SqlPrepared *sql_prepare(SqlSession *s, Arena *a, const SqlStmt *st,
						 const Oid *param_types, int nparams, MgError *err);
int			sql_prepared_nparams(const SqlPrepared *p);
const Oid  *sql_prepared_param_types(const SqlPrepared *p);
/* NULL if the statement returns no rows (then Describe answers NoData). */
const SqlTupleDesc *sql_prepared_result(const SqlPrepared *p);
/* The command tag word(s) for the statement: "SELECT", "INSERT", "SET" ... */
const char *sql_prepared_command(const SqlPrepared *p);

/* ---- portals ----------------------------------------------------------------- */

/*
 * Where results go.  The tcop implements it over the connection's output
 * buffer.  Every callback returns 0, or -1 with err set (the statement fails).
 */
typedef struct SqlDest SqlDest;
struct SqlDest {
	/*
	 * One result row; values are valid only during the call.  *full set to
	 * true asks the executor to stop after this row and return SQL_BLOCKED
	 * (output backpressure or a fairness budget); the portal resumes where it
	 * stopped on the next sql_portal_run().
	 */
	int			(*row) (SqlDest *d, const SqlTupleDesc *desc, const Datum *values, const bool *nulls,
						bool *full, MgError *err);
	/* COPY ... TO STDOUT: the CopyOutResponse, then raw data chunks. */
	int			(*copy_out_begin) (SqlDest *d, bool binary, int ncols, MgError *err);
	int			(*copy_out_data) (SqlDest *d, const char *buf, size_t len, bool *full, MgError *err);
	/* COPY ... FROM STDIN: the CopyInResponse; data then arrives via sql_portal_copy_*. */
	int			(*copy_in_begin) (SqlDest *d, bool binary, int ncols, MgError *err);
	void	   *arg;
};

SqlPortal  *sql_portal_new(SqlSession *s, Arena *a, SqlPrepared *p,
						   const Datum *params, const bool *param_nulls, MgError *err);
const SqlTupleDesc *sql_portal_result(const SqlPortal *portal);

typedef enum SqlRunResult {
	SQL_DONE,			/* finished: sql_portal_tag() is the CommandComplete tag */
	SQL_SUSPENDED,		/* max_rows reached (PortalSuspended) */
	SQL_BLOCKED,		/* the dest asked to stop; call again when output drains */
	SQL_WAIT,			/* must wait: park; sql_session_wait_info() says for what */
	SQL_COPY_IN,		/* CopyInResponse sent: feed sql_portal_copy_data/_done/_fail */
	SQL_ERROR			/* err set; the portal cannot run again */
} SqlRunResult;

/* Runs (or resumes) a portal.  max_rows <= 0: no limit. */
SqlRunResult sql_portal_run(SqlPortal *portal, SqlDest *dest, int64_t max_rows, MgError *err);
/* "SELECT 3", "INSERT 0 1", "UPDATE 5", "BEGIN" ... valid after SQL_DONE. */
const char *sql_portal_tag(const SqlPortal *portal);
/* COPY FROM STDIN input; copy_done returns SQL_DONE or SQL_ERROR. */
int			sql_portal_copy_data(SqlPortal *portal, const char *buf, size_t len, MgError *err);
SqlRunResult sql_portal_copy_done(SqlPortal *portal, MgError *err);
void		sql_portal_copy_fail(SqlPortal *portal, const char *message, MgError *err);
/* Releases what the portal holds (pinned snapshot, row iterators). Idempotent. */
void		sql_portal_close(SqlPortal *portal);

/*
 * After SQL_WAIT.  pg_sleep: wake_at_us is a CLOCK_MONOTONIC deadline in µs.
 * Lock waits: wake_at_us is 0 and the engine calls the wake hook (from the
 * thread that releases the lock) when the session may retry; the caller
 * then calls sql_portal_run() again.  The hook must only queue a wake-up
 * (event_active on the owning worker), never touch the session.
 */
typedef void (*SqlWakeHook) (void *arg);
void		sql_session_set_wake_hook(SqlSession *s, SqlWakeHook hook, void *arg);
typedef struct SqlWaitInfo {
	int64_t		wake_at_us;		/* 0: woken by the hook */
	bool		lock_wait;		/* waiting for a lock: lock_timeout applies */
} SqlWaitInfo;
void		sql_session_wait_info(SqlSession *s, SqlWaitInfo *out);

/* ---- catalog lookups for other modules ------------------------------------- */

/*
 * regclass output: appends the relation's name as PostgreSQL's regclassout
 * does (schema-qualified when not visible through search_path, quoted when
 * needed) and returns true; false if the session sees no relation with that
 * OID (the caller prints the number).  s may be NULL (then false).  Called
 * on the session's worker, during a statement.
 */
bool		sql_regclass_name(SqlSession *s, Oid oid, StrBuf *out);

#endif
