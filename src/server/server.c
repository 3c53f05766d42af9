/*
 * server.c — process start-up and shutdown (server_main).
 *
 * Order of start-up, all on the main thread:
 *   settings (boot values, --config file, command line, environment)
 *   -> data directory created and locked (flock)
 *   -> safety check: trust is never offered beyond loopback
 *   -> authentication rules, TLS context, SQL engine
 *   -> listeners on the main event_base, then worker threads
 *   -> "database system is ready to accept connections"
 * Shutdown (SIGINT/SIGTERM): stop accepting, interrupt every running
 * statement, have each worker close its connections (rolling back), join
 * the workers, shut the engine down, remove socket and lock files, exit 0.
 *
 * Invariants:
 *  1. guc_server and server_ctx (but its atomics) are written only before
 *     the first worker starts.
 *  2. The data directory lock is held for the life of the process.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <event2/event.h>
#include <event2/thread.h>
#include <openssl/rand.h>

#include <memgres/auth.h>
#include <memgres/conn.h>
#include <memgres/guc.h>
#include <memgres/log.h>
#include <memgres/mem.h>
#include <memgres/server.h>
#include <memgres/sql.h>

#include "server_int.h"

static int	datadir_fd = -1;

/* mkdir -p with mode 0700 for the last component. */
static int
make_dirs(const char *path)
{
	char	   *copy = mg_strdup(path);
	char	   *p;

	for (p = copy + 1; *p; p++)
	{
		if (*p == '/')
		{
			*p = '\0';
			if (mkdir(copy, 0700) < 0 && errno != EEXIST)
			{
				free(copy);
				return -1;
			}
			*p = '/';
		}
	}
	free(copy);
	if (mkdir(path, 0700) < 0 && errno != EEXIST)
		return -1;
	return 0;
}

static int
datadir_lock(const char *dir, MgError *err)
{
	char		path[4096];
	char		buf[32];
	int			n;

	if (make_dirs(dir) < 0)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR, "could not create data directory \"%s\": %s",
					 dir, strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/memgres.pid", dir);
	datadir_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (datadir_fd < 0)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR, "could not create lock file \"%s\": %s",
					 path, strerror(errno));
		return -1;
	}
	if (flock(datadir_fd, LOCK_EX | LOCK_NB) < 0)
	{
		n = (int) read(datadir_fd, buf, sizeof(buf) - 1);
		buf[n > 0 ? n : 0] = '\0';
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR,
					 "data directory \"%s\" is in use by another memgres server", dir);
		if (atoi(buf) > 0)
			mg_error_hint(err, "Is another memgres (PID %d) running in data directory \"%s\"?", atoi(buf), dir);
		close(datadir_fd);
		datadir_fd = -1;
		return -1;
	}
	n = snprintf(buf, sizeof(buf), "%ld\n", (long) getpid());
	if (ftruncate(datadir_fd, 0) == 0)
		(void) !pwrite(datadir_fd, buf, (size_t) n, 0);
	return 0;
}

static void
signal_cb(evutil_socket_t sig, short what, void *arg)
{
	struct event_base *base = arg;

	(void) what;
	if (atomic_exchange(&server_ctx.shutting_down, true))
		return;
	mg_log(MG_SEV_LOG, "received %s shutdown request", sig == SIGINT ? "fast" : "smart");
	event_base_loopbreak(base);
}

static void
sighup_cb(evutil_socket_t sig, short what, void *arg)
{
	(void) sig;
	(void) what;
	(void) arg;
	mg_log(MG_SEV_LOG, "received SIGHUP; memgres does not reload configuration files, restart it to apply changes");
}

static int
apply_settings(const ServerOptions *o, MgError *err)
{
	int			i;

	if (o->config_file && guc_load_file(o->config_file, err) < 0)
		return -1;
	for (i = 0; i < o->nsettings; i++)
	{
		if (guc_server_set(o->names[i], o->values[i], err) < 0)
		{
			err->severity = MG_SEV_FATAL;
			return -1;
		}
	}
	return 0;
}

static void
fatal(MgError *err)
{
	if (err->severity < MG_SEV_FATAL)
		err->severity = MG_SEV_FATAL;
	mg_log_error(err);
	mg_error_reset(err);
}

int
server_main(int argc, char **argv)
{
	ServerOptions opts;
	MgError		err = MG_ERROR_INIT;
	SqlEngineConfig ecfg;
	const char *password = getenv("POSTGRES_PASSWORD");
	const char *user = getenv("POSTGRES_USER");
	const char *db = getenv("POSTGRES_DB");
	char	   *verifier = NULL;
	struct event_base *base = NULL;
	struct event *sigint_ev = NULL,
			   *sigterm_ev = NULL,
			   *sighup_ev = NULL;
	int			threads;
	int			rc;
	int			status = 1;
	bool		engine_up = false;
	bool		workers_up = false;

	rc = options_parse(argc, argv, &opts);
	if (rc != 0)
		return rc > 0 ? 0 : 1;
	if (evthread_use_pthreads() != 0)
	{
		fprintf(stderr, "memgres: libevent has no pthreads support\n");
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	guc_server_init();
	if (apply_settings(&opts, &err) < 0)
	{
		fatal(&err);
		goto out;
	}
	if (user == NULL || user[0] == '\0')
		user = "postgres";
	if (password && password[0] == '\0')
		password = NULL;
	atomic_init(&server_ctx.next_pid, (int) (getpid() % 100000) * 10 + 1);

	if (!opts.in_memory && datadir_lock(opts.data_dir, &err) < 0)
	{
		fatal(&err);
		goto out;
	}

	/* Trust is never the default beyond loopback. */
	if (password == NULL && guc_str(&guc_server, GUC_HBA_FILE)[0] == '\0' &&
		!listen_is_loopback_only(guc_str(&guc_server, GUC_LISTEN_ADDRESSES)))
	{
		mg_error_sev(&err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR,
					 "refusing to listen on \"%s\" without a password",
					 guc_str(&guc_server, GUC_LISTEN_ADDRESSES));
		mg_error_detail(&err, "Without POSTGRES_PASSWORD every client would be trusted, and this address "
						"accepts connections from other machines.");
		mg_error_hint(&err, "Set POSTGRES_PASSWORD (TCP clients then authenticate with SCRAM-SHA-256), "
					  "listen on 127.0.0.1 only, or give rules with -c hba_file=FILE.");
		fatal(&err);
		goto out;
	}
	if (guc_str(&guc_server, GUC_HBA_FILE)[0] != '\0')
	{
		server_ctx.hba = hba_load_file(guc_str(&guc_server, GUC_HBA_FILE), &err);
		if (server_ctx.hba == NULL)
		{
			fatal(&err);
			goto out;
		}
	}
	else
		server_ctx.hba = hba_default(password != NULL);

	if (opts.ssl_cert)
	{
		if (tls_init(opts.ssl_cert, opts.ssl_key, &err) < 0)
		{
			fatal(&err);
			goto out;
		}
		guc_server_set("ssl", "on", &err);
	}

	if (password)
	{
		/* As PostgreSQL stores a password: per password_encryption (md5 or SCRAM). */
		verifier = auth_make_verifier(password, user,
									  guc_str(&guc_server, GUC_PASSWORD_ENCRYPTION));
		if (verifier == NULL)
		{
			mg_error_sev(&err, MG_SEV_FATAL, SQLSTATE_INTERNAL_ERROR, "could not hash POSTGRES_PASSWORD");
			fatal(&err);
			goto out;
		}
	}
	ecfg.superuser = user;
	ecfg.superuser_password = verifier;
	ecfg.initial_db = (db && db[0]) ? db : NULL;
	if (sql_engine_init(&ecfg, &err) < 0)
	{
		fatal(&err);
		goto out;
	}
	engine_up = true;

	base = event_base_new();
	if (base == NULL || listeners_start(base, &err) < 0)
	{
		if (!mg_error_isset(&err))
			mg_error_sev(&err, MG_SEV_FATAL, SQLSTATE_INTERNAL_ERROR, "could not create event base");
		fatal(&err);
		goto out;
	}
	server_ctx.timer_base = base;
	threads = opts.threads > 0 ? opts.threads : (int) sysconf(_SC_NPROCESSORS_ONLN);
	if (threads < 1)
		threads = 1;
	if (workers_start(threads, &err) < 0)
	{
		fatal(&err);
		listeners_stop();
		goto out;
	}
	workers_up = true;
	sigint_ev = evsignal_new(base, SIGINT, signal_cb, base);
	sigterm_ev = evsignal_new(base, SIGTERM, signal_cb, base);
	evsignal_add(sigint_ev, NULL);
	evsignal_add(sigterm_ev, NULL);
	sighup_ev = evsignal_new(base, SIGHUP, sighup_cb, NULL);
	evsignal_add(sighup_ev, NULL);
	mg_log(MG_SEV_LOG, "starting memgres 0.1.0 (PostgreSQL 15 protocol) with %d worker thread%s%s", threads,
		   threads == 1 ? "" : "s", opts.in_memory ? ", in memory" : "");
	mg_log(MG_SEV_LOG, "database system is ready to accept connections");

	event_base_dispatch(base);

	atomic_store(&server_ctx.shutting_down, true);
	listeners_stop();
	cancel_all();
	workers_stop();
	workers_up = false;
	status = 0;

out:
	if (workers_up)
	{
		cancel_all();
		workers_stop();
	}
	if (sigint_ev)
		event_free(sigint_ev);
	if (sigterm_ev)
		event_free(sigterm_ev);
	if (sighup_ev)
		event_free(sighup_ev);
	server_ctx.timer_base = NULL;
	if (base)
		event_base_free(base);
	if (engine_up)
		sql_engine_shutdown();
	if (server_ctx.hba)
		hba_free(server_ctx.hba);
	server_ctx.hba = NULL;
	tls_shutdown();
	free(verifier);
	options_free(&opts);
	if (datadir_fd >= 0)
	{
		close(datadir_fd);
		datadir_fd = -1;
	}
	guc_session_free(&guc_server);
	if (status == 0)
		mg_log(MG_SEV_LOG, "database system is shut down");
	return status;
}
