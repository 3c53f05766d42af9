/*
 * sql.c — the SQL engine's entry points of <memgres/sql.h>: engine start-up,
 * the cluster registry (roles, databases), sessions and transaction control.
 * Statements (parse, prepare, portals) are in exec/portal.c.
 *
 * Design notes:
 *   - The registry of roles and databases is process-wide, guarded by
 *     cluster_lock; readers copy what they need out under the lock.
 *   - Transaction control follows PostgreSQL's xact.c block states, reduced
 *     to the four of engine.h (state diagram there).  COMMIT and ROLLBACK
 *     statements act at once (exec/utility.c calls xact_commit/rollback);
 *     sql_xact_finish_command commits only the implicit transaction.
 *   - Settings changed inside a transaction are recorded (GucSave) on first
 *     change and restored on rollback (all) or commit (SET LOCAL only), as
 *     PostgreSQL's GUC stack does.
 *
 * Invariants:
 *   1. s->guc_saves is empty whenever s->xstate == XACT_NONE.
 *   2. A role or database name is unique in the registry.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <memgres/func.h>
#include <memgres/log.h>
#include <memgres/mem.h>
#include <memgres/sql.h>
#include <memgres/sqlstate.h>
#include <memgres/types.h>

#include "analyze.h"
#include "catalog.h"
#include "engine.h"
#include "func/builtins.h"
#include "ddl.h"
#include "prepare.h"
#include "seqfuncs.h"
#include "system.h"

/* PostgreSQL's epoch (2000-01-01) in Unix seconds. */
#define PG_EPOCH_UNIX 946684800LL

static pthread_mutex_t cluster_lock = PTHREAD_MUTEX_INITIALIZER;
static SqlRole *cluster_roles;
StCluster  *sql_cluster;

/*
 * func_init() calls register_session_funcs() through a weak reference, which
 * alone does not pull exec/session_funcs.o out of the static library; this
 * strong reference does.
 */
static void (*const session_funcs_link) (void) __attribute__((used)) = register_session_funcs;

/* ---- roles ---------------------------------------------------------------- */

int
cluster_role_create(const char *name, const char *password, bool superuser, bool can_login, MgError *err)
{
	SqlRole    *r;

	pthread_mutex_lock(&cluster_lock);
	for (r = cluster_roles; r; r = r->next)
		if (strcmp(r->name, name) == 0)
			break;
	if (r)
	{
		pthread_mutex_unlock(&cluster_lock);
		mg_error(err, SQLSTATE_DUPLICATE_OBJECT, "role \"%s\" already exists", name);
		return -1;
	}
	r = mg_calloc(1, sizeof(SqlRole));
	r->oid = catalog_new_oid();
	r->name = mg_strdup(name);
	r->password = password ? mg_strdup(password) : NULL;
	r->superuser = superuser;
	r->can_login = can_login;
	{
		SqlRole   **p = &cluster_roles;

		while (*p)
			p = &(*p)->next;
		*p = r;
	}
	pthread_mutex_unlock(&cluster_lock);
	return 0;
}

int
cluster_role_alter(const char *name, const char *const *password, const int *superuser, const int *can_login,
				   MgError *err)
{
	SqlRole    *r;

	pthread_mutex_lock(&cluster_lock);
	for (r = cluster_roles; r; r = r->next)
		if (strcmp(r->name, name) == 0)
			break;
	if (!r)
	{
		pthread_mutex_unlock(&cluster_lock);
		mg_error(err, SQLSTATE_UNDEFINED_OBJECT, "role \"%s\" does not exist", name);
		return -1;
	}
	if (password)
	{
		free(r->password);
		r->password = *password ? mg_strdup(*password) : NULL;
	}
	if (superuser)
		r->superuser = *superuser != 0;
	if (can_login)
		r->can_login = *can_login != 0;
	pthread_mutex_unlock(&cluster_lock);
	return 0;
}

int
cluster_role_drop(const char *name, MgError *err)
{
	SqlRole   **p;

	pthread_mutex_lock(&cluster_lock);
	for (p = &cluster_roles; *p; p = &(*p)->next)
		if (strcmp((*p)->name, name) == 0)
			break;
	if (!*p)
	{
		pthread_mutex_unlock(&cluster_lock);
		mg_error(err, SQLSTATE_UNDEFINED_OBJECT, "role \"%s\" does not exist", name);
		return -1;
	}
	if ((*p)->oid == 10)
	{
		pthread_mutex_unlock(&cluster_lock);
		mg_error(err, SQLSTATE_DEPENDENT_OBJECTS_STILL_EXIST,
				 "cannot drop role %s because it is required by the database system", name);
		return -1;
	}
	{
		SqlRole    *r = *p;

		*p = r->next;
		free(r->name);
		free(r->password);
		free(r);
	}
	pthread_mutex_unlock(&cluster_lock);
	return 0;
}

void
cluster_roles_foreach(void (*fn) (void *arg, Oid oid, const char *name, bool superuser, bool can_login), void *arg)
{
	pthread_mutex_lock(&cluster_lock);
	for (SqlRole *r = cluster_roles; r; r = r->next)
		fn(arg, r->oid, r->name, r->superuser, r->can_login);
	pthread_mutex_unlock(&cluster_lock);
}

/* ---- time ---------------------------------------------------------------- */

int64_t
now_pg_usec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ((int64_t) ts.tv_sec - PG_EPOCH_UNIX) * 1000000 + ts.tv_nsec / 1000;
}

int64_t
now_mono_usec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* ---- cluster registry ---------------------------------------------------- */

/* Caller holds cluster_lock. */
static SqlRole *
role_find_locked(const char *name)
{
	for (SqlRole *r = cluster_roles; r; r = r->next)
		if (strcmp(r->name, name) == 0)
			return r;
	return NULL;
}

/* regclass output names the relation as the session's catalog sees it. */
static bool
regclass_name_hook(EvalCtx *ctx, Oid relid, StrBuf *out)
{
	return sql_regclass_name(ctx->session, relid, out);
}

/* regclass input at execution ('pg_' || 'class')::regclass: the session's catalog. */
static int
regclass_input_hook(EvalCtx *ctx, const char *name, size_t len, Oid *out)
{
	if (!ctx->session)
	{
		mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "regclass input by name is not available without a catalog");
		return -1;
	}
	return regclass_lookup(ctx->session, session_catalog(ctx->session), ctx->arena,
						   arena_strndup(ctx->arena, name, len), out, ctx->err);
}

int
sql_engine_init(const SqlEngineConfig *cfg, MgError *err)
{
	const char *su = (cfg && cfg->superuser && cfg->superuser[0]) ? cfg->superuser : "postgres";
	static const TypeCatalogHooks hooks = {.regclass_in = regclass_input_hook, .regclass_out = regclass_name_hook};
	SqlRole    *r;

	types_init();
	types_set_catalog_hooks(&hooks);
	func_init();
	system_init();
	/* -c max_memory=SIZE: writes past it fail with 53200 (storage enforces it). */
	if (guc_int(&guc_server, GUC_MAX_MEMORY) > 0)
		storage_set_memory_limit((size_t) guc_int(&guc_server, GUC_MAX_MEMORY));

	pthread_mutex_lock(&cluster_lock);
	if (cluster_roles || sql_cluster)
	{
		pthread_mutex_unlock(&cluster_lock);
		mg_error(err, SQLSTATE_INTERNAL_ERROR, "SQL engine initialised twice");
		return -1;
	}
	/* PostgreSQL's bootstrap superuser has OID 10; template1 is 1, template0 4, postgres 5. */
	r = mg_calloc(1, sizeof(SqlRole));
	r->oid = 10;
	r->name = mg_strdup(su);
	r->password = (cfg && cfg->superuser_password) ? mg_strdup(cfg->superuser_password) : NULL;
	r->superuser = true;
	r->can_login = true;
	cluster_roles = r;
	sql_cluster = st_cluster_new();
	pthread_mutex_unlock(&cluster_lock);
	if (st_db_create(sql_cluster, "template1", NULL, err) < 0 ||
		st_db_create(sql_cluster, "template0", "template1", err) < 0 ||
		st_db_create(sql_cluster, "postgres", "template1", err) < 0)
		return -1;
	if (cfg && cfg->initial_db && cfg->initial_db[0] && !sql_database_exists(cfg->initial_db) &&
		st_db_create(sql_cluster, cfg->initial_db, "template1", err) < 0)
		return -1;
	return 0;
}

void
sql_engine_shutdown(void)
{
	pthread_mutex_lock(&cluster_lock);
	while (cluster_roles)
	{
		SqlRole    *r = cluster_roles;

		cluster_roles = r->next;
		free(r->name);
		free(r->password);
		free(r);
	}
	system_shutdown();
	dbprops_shutdown();
	if (sql_cluster)
		st_cluster_free(sql_cluster);
	sql_cluster = NULL;
	pthread_mutex_unlock(&cluster_lock);
}

int
sql_role_get(const char *name, SqlRoleInfo *out)
{
	SqlRole    *r;
	int			rc = -1;

	memset(out, 0, sizeof(*out));
	pthread_mutex_lock(&cluster_lock);
	r = role_find_locked(name);
	if (r)
	{
		out->name = mg_strdup(r->name);
		out->password = r->password ? mg_strdup(r->password) : NULL;
		out->superuser = r->superuser;
		out->can_login = r->can_login;
		rc = 0;
	}
	pthread_mutex_unlock(&cluster_lock);
	return rc;
}

void
sql_role_info_free(SqlRoleInfo *info)
{
	free(info->name);
	free(info->password);
	memset(info, 0, sizeof(*info));
}

bool
sql_database_exists(const char *name)
{
	StDatabase *db = st_db_open(sql_cluster, name);

	if (!db)
		return false;
	st_db_close(db);
	return true;
}

/* ---- sessions ------------------------------------------------------------ */

static void drop_temp_schema(SqlSession *s);

SqlSession *
sql_session_new(const char *dbname, const char *user, GucSession *gucs,
				int32_t backend_pid, MgError *err)
{
	SqlSession *s;
	Oid			dboid = InvalidOid;
	bool		superuser = false;
	SqlRole    *r;

	pthread_mutex_lock(&cluster_lock);
	r = role_find_locked(user);
	if (r)
		superuser = r->superuser;
	pthread_mutex_unlock(&cluster_lock);
	if (!r)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_INVALID_AUTHORIZATION_SPECIFICATION,
					 "role \"%s\" does not exist", user);
		return NULL;
	}
	{
		StDatabase *db = st_db_open(sql_cluster, dbname);
		Arena	   *a;

		if (!db)
		{
			mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_INVALID_CATALOG_NAME,
						 "database \"%s\" does not exist", dbname);
			return NULL;
		}
		if (dbprops_check_login(dbname, superuser, st_db_handles(db), err) < 0)
		{
			st_db_close(db);
			return NULL;
		}
		dboid = st_db_oid(db);
		a = arena_create(1024);
		s = arena_new(a, SqlSession);
		s->arena = a;
		s->db = db;
	}
	s->dbname = arena_strdup(s->arena, dbname);
	s->dboid = dboid;
	s->user = arena_strdup(s->arena, user);
	s->session_user = s->user;
	s->superuser = superuser;
	s->gucs = gucs;
	s->backend_pid = backend_pid;
	s->xstate = XACT_NONE;
	return s;
}

void
sql_session_free(SqlSession *s)
{
	if (!s)
		return;
	if (s->xstate != XACT_NONE)
		xact_rollback(s);
	if (s->snap)
	{
		/* pinned outside any statement (a catalog lookup between messages) */
		st_txn_end(s->snap);
		s->snap = NULL;
	}
	prepared_free_all(s);
	session_cancel_lock_wait(s);
	st_cluster_cancel_notify(sql_cluster, &s->dbwait_waiter);
	drop_temp_schema(s);
	seq_session_free(s);
	st_db_close(s->db);
	arena_free(s->arena);
}

void
sql_session_set_notice_hook(SqlSession *s, SqlNoticeHook hook, void *arg)
{
	s->notice_hook = hook;
	s->notice_arg = arg;
}

volatile int *
sql_session_interrupt(SqlSession *s)
{
	return &s->interrupt;
}

void
sql_session_set_wake_hook(SqlSession *s, SqlWakeHook hook, void *arg)
{
	s->wake_hook = hook;
	s->wake_arg = arg;
}

void
sql_session_wait_info(SqlSession *s, SqlWaitInfo *out)
{
	*out = s->wait;
}

void
session_notice(SqlSession *s, MgSeverity sev, const char *sqlstate, const char *fmt,...)
{
	MgError		n = MG_ERROR_INIT;
	va_list		ap;

	if (!s->notice_hook)
		return;
	va_start(ap, fmt);
	mg_error_v(&n, sev, sqlstate, fmt, ap);
	va_end(ap);
	s->notice_hook(s->notice_arg, &n);
	mg_error_reset(&n);
}

void
session_eval_ctx(SqlSession *s, EvalCtx *ctx, Arena *a, MgError *err)
{
	ctx->arena = a;
	ctx->err = err;
	ctx->gucs = s->gucs;
	ctx->session = s;
	ctx->txn_timestamp = s->txn_ts;
	ctx->stmt_timestamp = s->stmt_ts;
	ctx->interrupt = &s->interrupt;
}

/* ---- storage access ------------------------------------------------------ */

static bool
xact_read_committed(SqlSession *s)
{
	const char *iso = guc_str(s->gucs, GUC_TRANSACTION_ISOLATION);

	return iso[0] == 'r' && strcmp(iso, "repeatable read") != 0;
}

/*
 * Temporary schemas of sessions that ended while another session held the
 * writer lock: dropped by the next write transaction in that database.
 */
typedef struct TempOrphan
{
	Oid			dboid;
	Oid			schema;
	struct TempOrphan *next;
} TempOrphan;

static pthread_mutex_t orphan_lock = PTHREAD_MUTEX_INITIALIZER;
static TempOrphan *temp_orphans;

static void
drop_orphans(SqlSession *s)
{
	TempOrphan **p;

	pthread_mutex_lock(&orphan_lock);
	p = &temp_orphans;
	while (*p)
	{
		TempOrphan *o = *p;
		MgError		err = MG_ERROR_INIT;

		if (o->dboid != s->dboid || ddl_drop_temp_schema(s, s->txn, o->schema, &err) < 0)
		{
			mg_error_reset(&err);
			p = &o->next;
			continue;
		}
		*p = o->next;
		free(o);
	}
	pthread_mutex_unlock(&orphan_lock);
}

/* At session end: drop the temporary schema now if the lock is free, else leave it to the next writer. */
static void
drop_temp_schema(SqlSession *s)
{
	MgError		err = MG_ERROR_INIT;

	if (!s->temp_schema)
		return;
	if (st_lock_try(s->db))
	{
		StTxn	   *t = st_txn_begin(s->db);

		if (ddl_drop_temp_schema(s, t, s->temp_schema, &err) == 0 && st_txn_commit(t, &err) == 0)
			return;
		mg_error_reset(&err);
		st_txn_rollback(t);
	}
	{
		TempOrphan *o = mg_calloc(1, sizeof(TempOrphan));

		o->dboid = s->dboid;
		o->schema = s->temp_schema;
		pthread_mutex_lock(&orphan_lock);
		o->next = temp_orphans;
		temp_orphans = o;
		pthread_mutex_unlock(&orphan_lock);
	}
}

StTxn *
session_read_txn(SqlSession *s)
{
	if (s->txn)
		return s->txn;
	if (!s->snap)
		s->snap = st_snapshot_begin(s->db);
	return s->snap;
}

const struct Catalog *
session_catalog(SqlSession *s)
{
	return catalog_of_txn(session_read_txn(s));
}

static void
lock_wake(void *arg)
{
	SqlSession *s = arg;

	if (s->wake_hook)
		s->wake_hook(s->wake_arg);
}

int
session_write_txn(SqlSession *s, StTxn **out, MgError *err)
{
	(void) err;
	if (s->txn)
	{
		*out = s->txn;
		return 0;
	}
	if (s->lock_queued)
	{
		if (!st_lock_granted(&s->lockw))
		{
			s->wait.wake_at_us = 0;
			s->wait.lock_wait = true;
			return 1;
		}
		s->lock_queued = false;
	}
	else
	{
		memset(&s->lockw, 0, sizeof(s->lockw));
		s->lockw.wake = lock_wake;
		s->lockw.arg = s;
		if (st_lock_acquire(s->db, &s->lockw) == ST_LOCK_WAIT)
		{
			s->lock_queued = true;
			s->wait.wake_at_us = 0;
			s->wait.lock_wait = true;
			return 1;
		}
	}
	s->wait.lock_wait = false;
	/* The write transaction sees everything; a statement snapshot is no longer needed. */
	if (s->snap && xact_read_committed(s))
	{
		st_txn_end(s->snap);
		s->snap = NULL;
	}
	s->txn = st_txn_begin(s->db);
	/* REPEATABLE READ keeps its snapshot: remember the head the writes start from. */
	if (s->snap)
		s->write_base = st_snapshot_begin(s->db);
	*out = s->txn;
	if (temp_orphans)
		drop_orphans(s);
	return 0;
}

/* Ends the write transaction's base snapshot (with the write transaction). */
static void
write_base_end(SqlSession *s)
{
	if (s->write_base)
	{
		st_txn_end(s->write_base);
		s->write_base = NULL;
	}
}

static bool
tuple_same(const StTuple *a, const StTuple *b)
{
	if (a == b)
		return true;
	if (!a || !b || st_tuple_len(a) != st_tuple_len(b))
		return false;
	return memcmp(a, b, st_tuple_len(a)) == 0;
}

/*
 * The row as the transaction's snapshot saw it must be the row the write
 * transaction began on; rows the transaction changed itself are compared in
 * the base, so they pass.  Without a base (READ COMMITTED, or the writes
 * began before any snapshot) there is nothing to check.
 */
int
session_check_row_unchanged(SqlSession *s, Oid table, uint64_t rowid, MgError *err)
{
	const StTuple *seen;
	const StTuple *base;

	if (!s->write_base || !s->snap)
		return 0;
	seen = st_get(s->snap, table, rowid);
	base = st_get(s->write_base, table, rowid);
	if (tuple_same(seen, base))
		return 0;
	mg_error(err, SQLSTATE_T_R_SERIALIZATION_FAILURE,
			 base ? "could not serialize access due to concurrent update"
			 : "could not serialize access due to concurrent delete");
	return -1;
}

void
session_cancel_lock_wait(SqlSession *s)
{
	if (!s->lock_queued)
		return;
	s->lock_queued = false;
	s->wait.lock_wait = false;
	if (st_lock_cancel(s->db, &s->lockw))
		st_lock_release(s->db);
}

/* ---- transactions -------------------------------------------------------- */

char
sql_xact_status(SqlSession *s)
{
	switch (s->xstate)
	{
		case XACT_BLOCK:
			return 'T';
		case XACT_FAILED:
			return 'E';
		default:
			return 'I';
	}
}

static void
xact_start(SqlSession *s)
{
	const char *dflt = guc_str(s->gucs, GUC_DEFAULT_TRANSACTION_ISOLATION);
	MgError		err = MG_ERROR_INIT;

	s->xstate = XACT_IMPLICIT;
	s->xact_ran_query = false;
	s->txn_ts = now_pg_usec();
	s->stmt_ts = s->txn_ts;
	/* Each transaction starts with the session's default modes. */
	if (strcmp(guc_str(s->gucs, GUC_TRANSACTION_ISOLATION), dflt) != 0)
		guc_set(s->gucs, "transaction_isolation", dflt, &err);
	if (guc_bool(s->gucs, GUC_TRANSACTION_READ_ONLY) != guc_bool(s->gucs, GUC_DEFAULT_TRANSACTION_READ_ONLY))
		guc_set(s->gucs, "transaction_read_only",
				guc_bool(s->gucs, GUC_DEFAULT_TRANSACTION_READ_ONLY) ? "on" : "off", &err);
	mg_error_reset(&err);
}

int
sql_xact_start_command(SqlSession *s, MgError *err)
{
	(void) err;
	if (s->xstate == XACT_NONE)
	{
		/* A snapshot pinned between statements (Parse, Describe) is stale now. */
		if (s->snap)
		{
			st_txn_end(s->snap);
			s->snap = NULL;
		}
		xact_start(s);
	}
	else
		s->stmt_ts = now_pg_usec();
	s->wait.wake_at_us = 0;
	s->wait.lock_wait = false;
	return 0;
}

/* Ends the statement's snapshot under READ COMMITTED. */
static void
end_statement_snapshot(SqlSession *s)
{
	if (s->snap && xact_read_committed(s))
	{
		st_txn_end(s->snap);
		s->snap = NULL;
	}
}

int
sql_xact_finish_command(SqlSession *s, MgError *err)
{
	(void) err;
	if (s->xstate == XACT_IMPLICIT && !s->implicit_block)
		xact_commit(s);
	else
		end_statement_snapshot(s);
	return 0;
}

/* Discards the transaction's storage work and releases the writer lock. */
static void
xact_release_storage(SqlSession *s, bool commit)
{
	MgError		err = MG_ERROR_INIT;

	session_cancel_lock_wait(s);
	if (s->txn)
	{
		if (commit)
		{
			if (st_txn_commit(s->txn, &err) < 0)
			{
				mg_log_error(&err);
				mg_error_reset(&err);
			}
		}
		else
			st_txn_rollback(s->txn);
		s->txn = NULL;
	}
	write_base_end(s);
	if (s->snap)
	{
		st_txn_end(s->snap);
		s->snap = NULL;
	}
}

void
sql_xact_abort_command(SqlSession *s)
{
	switch (s->xstate)
	{
		case XACT_IMPLICIT:
			xact_rollback(s);
			break;
		case XACT_BLOCK:
			/*
			 * Without savepoints the block's work can be discarded (and the
			 * writer lock released) at once; with them, ROLLBACK TO needs it.
			 */
			if (!s->savepoints)
				xact_release_storage(s, false);
			else
				session_cancel_lock_wait(s);
			s->xstate = XACT_FAILED;
			break;
		default:
			session_cancel_lock_wait(s);
			break;
	}
}

void
sql_xact_implicit_block_begin(SqlSession *s)
{
	s->implicit_block = true;
}

int
sql_xact_implicit_block_end(SqlSession *s, MgError *err)
{
	(void) err;
	s->implicit_block = false;
	if (s->xstate == XACT_IMPLICIT)
		xact_commit(s);
	return 0;
}

void
xact_begin_block(SqlSession *s)
{
	if (s->xstate == XACT_NONE)
		xact_start(s);
	s->xstate = XACT_BLOCK;
}

void
xact_save_guc(SqlSession *s, const char *name, bool local)
{
	GucSave    *g;
	const char *old;
	MgError		err = MG_ERROR_INIT;

	if (s->xstate == XACT_NONE)
		return;
	for (g = s->guc_saves; g; g = g->next)
		if (strcasecmp(g->name, name) == 0)
		{
			/* A later plain SET makes the value survive commit. */
			if (!local)
				g->local = false;
			return;
		}
	old = guc_show(s->gucs, name, &err);
	if (!old)
	{
		mg_error_reset(&err);
		return;
	}
	g = mg_calloc(1, sizeof(GucSave));
	g->name = mg_strdup(name);
	g->old_value = mg_strdup(old);
	g->local = local;
	g->next = s->guc_saves;
	s->guc_saves = g;
}

/* Restores saved settings: all (rollback) or only SET LOCAL ones (commit). */
static void
xact_restore_gucs(SqlSession *s, bool all)
{
	while (s->guc_saves)
	{
		GucSave    *g = s->guc_saves;

		s->guc_saves = g->next;
		if (all || g->local)
		{
			MgError		err = MG_ERROR_INIT;

			if (guc_set(s->gucs, g->name, g->old_value, &err) < 0)
			{
				mg_log_error(&err);
				mg_error_reset(&err);
			}
		}
		free(g->name);
		free(g->old_value);
		free(g);
	}
}

/* ---- savepoints ----------------------------------------------------------- */

static void
savepoints_free(SqlSession *s, SqlSavepoint *upto)
{
	while (s->savepoints && s->savepoints != upto)
	{
		SqlSavepoint *sp = s->savepoints;

		s->savepoints = sp->next;
		free(sp->name);
		free(sp);
	}
}

void
xact_savepoint(SqlSession *s, const char *name)
{
	SqlSavepoint *sp = mg_calloc(1, sizeof(SqlSavepoint));

	sp->name = mg_strdup(name);
	sp->level = s->txn ? st_savepoint(s->txn) : 0;
	sp->next = s->savepoints;
	s->savepoints = sp;
}

static SqlSavepoint *
savepoint_find(SqlSession *s, const char *name, MgError *err)
{
	for (SqlSavepoint *sp = s->savepoints; sp; sp = sp->next)
		if (strcmp(sp->name, name) == 0)
			return sp;
	mg_error(err, SQLSTATE_S_E_INVALID_SPECIFICATION, "savepoint \"%s\" does not exist", name);
	return NULL;
}

int
xact_release(SqlSession *s, const char *name, MgError *err)
{
	SqlSavepoint *sp = savepoint_find(s, name, err);

	if (!sp)
		return -1;
	if (sp->level > 0 && s->txn)
		st_release(s->txn, sp->level);
	savepoints_free(s, sp->next);
	return 0;
}

int
xact_rollback_to(SqlSession *s, const char *name, MgError *err)
{
	SqlSavepoint *sp = savepoint_find(s, name, err);

	if (!sp)
		return -1;
	savepoints_free(s, sp);
	if (s->txn)
	{
		if (sp->level > 0)
			st_rollback_to(s->txn, sp->level);
		else
		{
			/* The write transaction began after the savepoint: undo all of it. */
			st_txn_rollback(s->txn);
			s->txn = NULL;
			write_base_end(s);
		}
	}
	s->xstate = XACT_BLOCK;
	return 0;
}

/* Transactional database rename: applied at commit, forgotten at rollback. */
static void
pending_rename_finish(SqlSession *s, bool commit)
{
	if (!s->pending_rename_from)
		return;
	if (commit)
	{
		MgError		err = MG_ERROR_INIT;

		if (st_db_rename(sql_cluster, s->pending_rename_from, s->pending_rename_to, &err) < 0)
		{
			mg_log_error(&err);
			mg_error_reset(&err);
		}
		else
			dbprops_rename(s->pending_rename_from, s->pending_rename_to);
	}
	free(s->pending_rename_from);
	free(s->pending_rename_to);
	s->pending_rename_from = s->pending_rename_to = NULL;
}

void
xact_commit(SqlSession *s)
{
	savepoints_free(s, NULL);
	xact_release_storage(s, true);
	pending_rename_finish(s, true);
	utility_pending_dbops_finish(s, true);
	xact_restore_gucs(s, false);
	s->xstate = XACT_NONE;
}

void
xact_rollback(SqlSession *s)
{
	savepoints_free(s, NULL);
	xact_release_storage(s, false);
	pending_rename_finish(s, false);
	utility_pending_dbops_finish(s, false);
	xact_restore_gucs(s, true);
	s->xstate = XACT_NONE;
}
