/*
 * engine.h — internals of the SQL engine shared by sql.c, analyze/, plan/,
 * exec/ and catalog/ (never included outside src/sql).
 *
 * Holds the definitions of the opaque types of <memgres/sql.h> (SqlSession,
 * SqlStmt, SqlPrepared, SqlPortal) and the cluster-wide registry of roles
 * and databases.
 *
 * Threads: the cluster registry is guarded by its own mutex (any thread);
 * an SqlSession and everything hanging off it belong to the worker thread
 * owning the connection.
 */
#ifndef MEMGRES_SQL_ENGINE_H
#define MEMGRES_SQL_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include <memgres/arena.h>
#include <memgres/error.h>
#include <memgres/guc.h>
#include <memgres/sql.h>
#include <memgres/storage.h>
#include <memgres/types.h>

/* ---- cluster: roles and databases ---------------------------------------- */

typedef struct SqlRole
{
	Oid			oid;
	char	   *name;
	char	   *password;		/* verifier or NULL */
	bool		superuser;
	bool		can_login;
	struct SqlRole *next;
} SqlRole;

/*
 * Roles (any thread; cluster-wide, not transactional).  Passwords are
 * verifiers.  create: 42710 if it exists; alter/drop: 42704 if it does not.
 * alter changes only the fields given (NULL pointers leave them).
 */
int			cluster_role_create(const char *name, const char *password, bool superuser, bool can_login,
								MgError *err);
int			cluster_role_alter(const char *name, const char *const *password, const int *superuser,
							   const int *can_login, MgError *err);
int			cluster_role_drop(const char *name, MgError *err);
/* fn is called under the registry mutex and must not call back into it. */
void		cluster_roles_foreach(void (*fn) (void *arg, Oid oid, const char *name, bool superuser, bool can_login),
								  void *arg);

/* The storage cluster holding every database (set once by sql_engine_init). */
extern StCluster *sql_cluster;

/*
 * Per-database properties (exec/dbprops.c; any thread, cluster-wide, not
 * transactional — utility.c defers changes made in a block to COMMIT).
 * Defaults: no connection limit (-1), connections allowed (not for
 * template0), template only for template0/template1, owner the bootstrap
 * role (10), no settings.
 */
typedef struct SqlDbProps
{
	int			connlimit;
	bool		allowconn;
	bool		istemplate;
	Oid			owner;
} SqlDbProps;

void		dbprops_get(const char *dbname, SqlDbProps *out);
void		dbprops_set(const char *dbname, const SqlDbProps *p);
/* ALTER DATABASE SET name = value (value NULL: RESET name; name NULL: RESET ALL). */
void		dbprops_setting(const char *dbname, const char *name, const char *value);
void		dbprops_rename(const char *from, const char *to);
void		dbprops_drop(const char *dbname);
/* fn runs under the registry mutex and must not call back into it. */
void		dbprops_foreach_setting(void (*fn) (void *arg, const char *dbname, const char *name,
												const char *value), void *arg);
/* FATAL 55000 when the database refuses connections, 53300 past its limit
 * (sessions counts this one; superusers are exempt from the limit). */
int			dbprops_check_login(const char *dbname, bool superuser, int sessions, MgError *err);
void		dbprops_shutdown(void);
/* Applies (commit) or forgets the session's queued ALTER DATABASE changes (utility.c). */
void		utility_pending_dbops_finish(SqlSession *s, bool commit);

/* ---- sessions and transactions ------------------------------------------- */

/*
 * Transaction states (PostgreSQL's TBLOCK_*, reduced):
 *
 *   XACT_NONE --sql_xact_start_command--> XACT_IMPLICIT
 *   XACT_IMPLICIT --sql_xact_finish_command (no multi-statement block)--> commit, XACT_NONE
 *   XACT_IMPLICIT --BEGIN (utility_begin)--> XACT_BLOCK
 *   XACT_BLOCK --sql_xact_abort_command--> XACT_FAILED
 *   XACT_BLOCK --COMMIT--> commit, XACT_NONE;   XACT_FAILED --COMMIT/ROLLBACK--> rollback, XACT_NONE
 *   XACT_IMPLICIT --sql_xact_abort_command--> rollback, XACT_NONE
 */
typedef enum XactState
{
	XACT_NONE,
	XACT_IMPLICIT,
	XACT_BLOCK,
	XACT_FAILED
} XactState;

/* A setting changed inside a transaction, restored at its end. */
typedef struct GucSave
{
	char	   *name;
	char	   *old_value;		/* malloc'd */
	bool		local;			/* SET LOCAL: restored at commit too */
	struct GucSave *next;
} GucSave;

/* A SAVEPOINT: storage level in the write transaction (0: taken before it began). */
typedef struct SqlSavepoint
{
	char	   *name;
	int			level;
	struct SqlSavepoint *next;	/* older savepoints */
} SqlSavepoint;

/* currval memory: the last value nextval gave this session, per sequence. */
typedef struct SeqLast
{
	Oid			oid;
	int64_t		value;
	struct SeqLast *next;
} SeqLast;

/* A statement prepared with SQL PREPARE. */
typedef struct SqlNamedPrepared
{
	char	   *name;
	Arena	   *arena;
	SqlPrepared *prep;
	struct SqlNamedPrepared *next;
} SqlNamedPrepared;

struct SqlSession
{
	Arena	   *arena;			/* session lifetime */
	char	   *dbname;
	Oid			dboid;
	StDatabase *db;
	char	   *user;
	char	   *session_user;
	bool		superuser;
	GucSession *gucs;
	int32_t		backend_pid;

	SqlNoticeHook notice_hook;
	void	   *notice_arg;
	SqlWakeHook wake_hook;
	void	   *wake_arg;
	volatile int interrupt;
	SqlWaitInfo wait;

	XactState	xstate;
	bool		implicit_block;
	int64_t		txn_ts;			/* µs since 2000-01-01 UTC */
	int64_t		stmt_ts;
	GucSave    *guc_saves;
	StTxn	   *txn;			/* write transaction: holds the writer lock until commit */
	StTxn	   *snap;			/* read snapshot (statement or transaction) */
	StTxn	   *write_base;		/* REPEATABLE READ: the head the write transaction began on */
	StLockWaiter lockw;			/* queued for the writer lock */
	SqlSavepoint *savepoints;	/* newest first */
	bool		xact_ran_query; /* a query ran in this transaction (SET TRANSACTION is then too late) */
	char	   *pending_rename_from;	/* ALTER DATABASE ... RENAME in a block: done at COMMIT */
	char	   *pending_rename_to;
	struct PendingDbOp *pending_dbops;	/* ALTER DATABASE in a block: done at COMMIT */
	bool		lock_queued;
	int64_t		dbwait_deadline_us; /* DROP DATABASE waiting for other sessions to go: give up then */
	StCloseWaiter dbwait_waiter;	/* ... and woken when any database handle closes */
	bool		utility_retry;	/* the utility statement asks to run again at wait.wake_at_us */

	SqlNamedPrepared *prepared;	/* SQL PREPARE */
	SeqLast    *seq_last;
	Oid			seq_lastval_oid;
	Oid			temp_schema;	/* pg_temp_<pid> once the session made a temporary table */
};

/* Sends a NOTICE/WARNING through the session's hook (no-op without one). */
void		session_notice(SqlSession *s, MgSeverity sev, const char *sqlstate, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));
/* Fills an EvalCtx for statements of this session. */
void		session_eval_ctx(SqlSession *s, EvalCtx *ctx, Arena *a, MgError *err);
/* Current time in µs since 2000-01-01 UTC, and CLOCK_MONOTONIC µs. */
int64_t		now_pg_usec(void);
int64_t		now_mono_usec(void);

/* Transaction control used by the utility statements (exec/utility.c). */
void		xact_begin_block(SqlSession *s);
void		xact_commit(SqlSession *s);
void		xact_rollback(SqlSession *s);
/*
 * Storage access of the running statement.  session_read_txn: the write
 * transaction if the session has one, else a snapshot (taken now unless the
 * statement or, under REPEATABLE READ, the transaction already has one).
 * session_write_txn: the write transaction, taking the writer lock first;
 * returns 1 if the lock is held by another session (the caller returns
 * SQL_WAIT; s->wait says lock_wait), 0 with *out set, -1 with err set.
 */
StTxn	   *session_read_txn(SqlSession *s);
int			session_write_txn(SqlSession *s, StTxn **out, MgError *err);
/* Gives up a queued lock wait (cancel, timeout, disconnect). */
void		session_cancel_lock_wait(SqlSession *s);
/*
 * REPEATABLE READ lost-update check before an UPDATE or DELETE of a row:
 * -1 with 40001 in err if another transaction changed or deleted the row
 * since the transaction's snapshot, else 0.  Session thread only.
 */
int			session_check_row_unchanged(SqlSession *s, Oid table, uint64_t rowid, MgError *err);
/* The catalog the running statement sees. */
const struct Catalog *session_catalog(SqlSession *s);
/* SAVEPOINT / RELEASE / ROLLBACK TO (exec/utility.c calls them; errors 3B001). */
void		xact_savepoint(SqlSession *s, const char *name);
int			xact_release(SqlSession *s, const char *name, MgError *err);
int			xact_rollback_to(SqlSession *s, const char *name, MgError *err);
/* Records a setting's old value before SET/SET LOCAL inside a transaction. */
void		xact_save_guc(SqlSession *s, const char *name, bool local);

/* ---- statements, prepared statements, portals ----------------------------- */

struct AstNode;
struct Query;
struct Plan;
struct Catalog;
struct ExecNode;

struct SqlStmt
{
	const struct AstNode *ast;
	const char *query;			/* the whole query string (error positions) */
	const char *text;			/* this statement's source text */
};

typedef enum PrepKind
{
	PREP_QUERY,					/* SELECT / VALUES (and DML, exec/modify.c) */
	PREP_UTILITY				/* everything run by exec/utility.c */
} PrepKind;

struct SqlPrepared
{
	Arena	   *a;
	SqlSession *session;
	PrepKind	kind;
	const struct AstNode *ast;	/* utility statements: parsed again into a */
	const char *query;			/* text the AST's locations refer to */
	const char *text;			/* statement source (copy in a) */
	const char *command;		/* command tag word(s) */
	int			nparams;
	Oid		   *param_types;
	bool		has_result;
	SqlTupleDesc desc;
	struct Query *q;
	struct Plan *plan;
	int			ncache;			/* function cache slots of the plan */
	uint64_t	catalog_version;	/* of the catalog the plan was made against */
	bool		is_write;		/* needs the writer lock */
};

typedef enum PortalState
{
	PORTAL_NEW,
	PORTAL_RUNNING,
	PORTAL_DONE,
	PORTAL_FAILED
} PortalState;

struct SqlPortal
{
	SqlSession *session;
	Arena	   *a;
	SqlPrepared *p;
	Datum	   *params;
	bool	   *param_nulls;
	PortalState state;
	struct ExecNode *root;
	void	   *es;				/* ExecState (exec.h) */
	bool		row_pending;	/* a row computed but not yet delivered (pg_sleep) */
	int64_t		nrows;
	char		tag[64];
	void	   *copy;			/* COPY state (exec/copy.c) */
	SqlPortal  *inner;			/* EXECUTE: the portal of the prepared statement */
	/* rows made by a utility statement (SHOW ...) */
	int			nurows;
	int			upos;
	Datum	  **urows;
	bool	  **unulls;
};

/* exec/utility.c: prepares (result shape, tag) and runs utility statements. */
int			utility_prepare(SqlSession *s, SqlPrepared *p, MgError *err);
int			utility_run(SqlPortal *portal, MgError *err);
/* True for statements allowed in an aborted transaction block. */
bool		utility_allowed_in_failed(const struct AstNode *ast);

#endif
