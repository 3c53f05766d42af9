/*
 * login.c — the start-up phase of a connection: SSLRequest (TLS through an
 * OpenSSL bufferevent filter), GSSENCRequest, CancelRequest, the
 * StartupMessage with protocol negotiation, pg_hba.conf method choice,
 * the password exchange (auth.h) and the session set-up that ends with
 * ReadyForQuery.
 *
 *   login_startup_packet()  dispatch on the packet kind
 *   login_start()           StartupMessage -> hba_match -> trust or auth_begin
 *   login_password()        each 'p' message -> auth_continue
 *   login_complete()        role/database checks, settings from the packet,
 *                           SqlSession, cancel registration, Tcop,
 *                           AuthenticationOk .. ReadyForQuery
 *
 * Invariants:
 *  1. With a password method, the role and database are checked only after
 *     the exchange succeeded, so a failed login reveals nothing.
 *  2. The session counter (max_connections) is taken atomically before the
 *     SqlSession exists and given back on every failure.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <openssl/ssl.h>

#include <memgres/log.h>
#include <memgres/sqlstate.h>

#include "conn_int.h"

/* ---- login --------------------------------------------------------------- */

static void login_fatal(Conn *c, const char *sqlstate, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

static void
login_fatal(Conn *c, const char *sqlstate, const char *fmt,...)
{
	MgError		e = MG_ERROR_INIT;
	va_list		ap;

	va_start(ap, fmt);
	mg_error_v(&e, MG_SEV_FATAL, sqlstate, fmt, ap);
	va_end(ap);
	conn_fatal(c, &e);
}

/* "-c name=value" and "--name=value" words of the startup "options" parameter. */
static int
apply_options(Conn *c, const char *options, MgError *err)
{
	const char *p = options;
	bool		pending_c = false;

	while (*p)
	{
		StrBuf		word;
		char	   *eq;
		char	   *name;
		int			rc = 0;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		strbuf_init(&word);
		while (*p && *p != ' ' && *p != '\t')
		{
			if (*p == '\\' && p[1])
				p++;
			strbuf_putc(&word, *p++);
		}
		if (strcmp(word.data, "-c") == 0)
		{
			pending_c = true;
			strbuf_free(&word);
			continue;
		}
		name = word.data;
		if (!pending_c && strncmp(name, "--", 2) == 0)
			name += 2;
		else if (!pending_c && strncmp(name, "-c", 2) == 0)
			name += 2;
		else if (!pending_c)
		{
			mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION,
						 "invalid command-line argument for server process: %s", word.data);
			mg_error_hint(err, "Try \"memgres --help\" for more information.");
			strbuf_free(&word);
			return -1;
		}
		pending_c = false;
		eq = strchr(name, '=');
		if (eq == NULL)
		{
			mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_SYNTAX_ERROR, "-c %s requires a value", name);
			strbuf_free(&word);
			return -1;
		}
		*eq = '\0';
		for (char *q = name; *q; q++)
			if (*q == '-')
				*q = '_';
		rc = guc_set_startup(&c->gucs, name, eq + 1, err);
		strbuf_free(&word);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static void
send_report_all(Conn *c)
{
	int			i;

	for (i = 0; i < GUC_COUNT; i++)
		if (guc_defs[i].flags & GUC_REPORT)
			pq_parameter_status(&c->out, guc_defs[i].name, guc_str(&c->gucs, (GucId) i));
	c->gucs.changed_report = 0;
}

static void
login_complete(Conn *c)
{
	MgError		e = MG_ERROR_INIT;
	SqlRoleInfo role;
	TcopIO		io;
	int			i;

	memset(&role, 0, sizeof(role));
	if (sql_role_get(c->user, &role) < 0)
	{
		login_fatal(c, SQLSTATE_INVALID_AUTHORIZATION_SPECIFICATION, "role \"%s\" does not exist",
					c->user);
		return;
	}
	if (!role.can_login)
	{
		sql_role_info_free(&role);
		login_fatal(c, SQLSTATE_INVALID_AUTHORIZATION_SPECIFICATION,
					"role \"%s\" is not permitted to log in", c->user);
		return;
	}
	if (!sql_database_exists(c->database))
	{
		sql_role_info_free(&role);
		login_fatal(c, SQLSTATE_INVALID_CATALOG_NAME, "database \"%s\" does not exist",
					c->database);
		return;
	}
	guc_session_init(&c->gucs);
	c->gucs_ready = true;
	guc_session_force(&c->gucs, GUC_IS_SUPERUSER, role.superuser ? "on" : "off");
	guc_session_force(&c->gucs, GUC_SESSION_AUTHORIZATION, role.name);
	sql_role_info_free(&role);
	/* ALTER DATABASE ... SET values first: anything the client sends wins. */
	sql_database_apply_settings(c->database, &c->gucs);
	/* As PostgreSQL: "options" first, then the packet's own settings. */
	{
		const char *options = startup_param(&c->startup, "options");

		if (options && apply_options(c, options, &e) < 0)
			goto fail;
	}
	for (i = 0; i < c->startup.nparams; i++)
	{
		const char *name = c->startup.names[i];
		const char *value = c->startup.values[i];

		if (strcmp(name, "user") == 0 || strcmp(name, "database") == 0 || strcmp(name, "options") == 0 ||
			strcmp(name, "replication") == 0 || strncmp(name, "_pq_.", 5) == 0)
			continue;
		if (guc_set_startup(&c->gucs, name, value, &e) < 0)
			goto fail;
	}
	/* No sessions during shutdown; and the session cap, counted atomically. */
	if (atomic_fetch_add(&server_ctx.sessions, 1) >= guc_int(&guc_server, GUC_MAX_CONNECTIONS))
	{
		atomic_fetch_sub(&server_ctx.sessions, 1);
		mg_error_sev(&e, MG_SEV_FATAL, SQLSTATE_TOO_MANY_CONNECTIONS, "sorry, too many clients already");
		goto fail;
	}
	c->sql = sql_session_new(c->database, c->user, &c->gucs, c->pid, &e);
	if (c->sql == NULL)
	{
		atomic_fetch_sub(&server_ctx.sessions, 1);
		goto fail;
	}
	sql_session_set_wake_hook(c->sql, sql_wake_hook, c);
	cancel_register(c->pid, c->key, sql_session_interrupt(c->sql), c->wake_ev);
	io.out = &c->out;
	io.output_full = io_output_full;
	io.stmt_timer = io_stmt_timer;
	io.arg = c;
	c->tcop = tcop_new(c->sql, &c->gucs, &io);

	pq_put_int8(&c->out, PQ_BE_AUTH);
	pq_put_int32(&c->out, 8);
	pq_put_int32(&c->out, 0);	/* AuthenticationOk */
	send_report_all(c);
	pq_backend_key_data(&c->out, c->pid, c->key);
	pq_ready_for_query(&c->out, sql_xact_status(c->sql));
	evtimer_del(c->auth_timer);
	atomic_fetch_sub(&server_ctx.startup_conns, 1);
	c->counted_startup = false;
	if (c->auth)
	{
		auth_free(c->auth);
		c->auth = NULL;
	}
	conn_set_state(c, CONN_READY);
	return;

fail:
	conn_fatal(c, &e);
}

static HbaConnType
conn_hba_type(Conn *c)
{
	if (c->is_unix)
		return HBA_LOCAL;
	return c->tls ? HBA_HOST_SSL : HBA_HOST_PLAIN;
}

static void
login_start(Conn *c)
{
	const StartupInfo *si = &c->startup;
	const char *unknown[STARTUP_MAX_PARAMS];
	int			nunknown = 0;
	int			i;
	const char *repl;
	AuthMethod	method;

	for (i = 0; i < si->nparams; i++)
		if (strncmp(si->names[i], "_pq_.", 5) == 0)
			unknown[nunknown++] = si->names[i];
	if ((si->protocol & 0xffff) > 0 || nunknown > 0)
		pq_negotiate_version(&c->out, 0, unknown, nunknown);

	c->user = startup_param(si, "user");
	if (c->user == NULL || c->user[0] == '\0')
	{
		login_fatal(c, SQLSTATE_INVALID_AUTHORIZATION_SPECIFICATION,
					"no PostgreSQL user name specified in startup packet");
		return;
	}
	c->database = startup_param(si, "database");
	if (c->database == NULL || c->database[0] == '\0')
		c->database = c->user;
	repl = startup_param(si, "replication");
	if (repl && strcmp(repl, "false") != 0 && strcmp(repl, "0") != 0 && strcmp(repl, "off") != 0)
	{
		login_fatal(c, SQLSTATE_FEATURE_NOT_SUPPORTED, "replication connections are not supported");
		return;
	}
	if (atomic_load(&server_ctx.shutting_down))
	{
		login_fatal(c, SQLSTATE_CANNOT_CONNECT_NOW, "the database system is shutting down");
		return;
	}
	if (atomic_load(&server_ctx.sessions) >= guc_int(&guc_server, GUC_MAX_CONNECTIONS))
	{
		login_fatal(c, SQLSTATE_TOO_MANY_CONNECTIONS, "sorry, too many clients already");
		return;
	}
	method = hba_match(server_ctx.hba, conn_hba_type(c), c->database, c->user,
					   c->is_unix ? NULL : (const struct sockaddr *) &c->addr);
	if (method == AUTH_REJECT || method == AUTH_NO_MATCH)
	{
		login_fatal(c, SQLSTATE_INVALID_AUTHORIZATION_SPECIFICATION,
					method == AUTH_REJECT
					? "pg_hba.conf rejects connection for host \"%s\", user \"%s\", database \"%s\", %s"
					: "no pg_hba.conf entry for host \"%s\", user \"%s\", database \"%s\", %s",
					c->host, c->user, c->database, c->tls ? "SSL encryption" : "no encryption");
		return;
	}
	if (method == AUTH_TRUST)
	{
		login_complete(c);
		return;
	}
	{
		SqlRoleInfo role;
		StrBuf		body;
		bool		have_role = sql_role_get(c->user, &role) == 0;

		strbuf_init(&body);
		c->auth = auth_begin(method, c->user, have_role ? role.password : NULL,
							 c->tls ? server_ctx.tls_endpoint : NULL,
							 c->tls ? server_ctx.tls_endpoint_len : 0, &body);
		if (have_role)
			sql_role_info_free(&role);
		pq_auth_request(&c->out, body.data, body.len);
		strbuf_free(&body);
		conn_set_state(c, CONN_AUTH);
	}
}

void
login_password(Conn *c, const char *body, size_t len)
{
	StrBuf		out;
	MgError		e = MG_ERROR_INIT;
	AuthStep	step;

	strbuf_init(&out);
	step = auth_continue(c->auth, body, len, &out, &e);
	switch (step)
	{
		case AUTH_STEP_CONTINUE:
			pq_auth_request(&c->out, out.data, out.len);
			break;
		case AUTH_STEP_OK:
			if (out.len > 0)
				pq_auth_request(&c->out, out.data, out.len);
			login_complete(c);
			break;
		case AUTH_STEP_FAIL:
			if (!mg_error_isset(&e))
				mg_error(&e, SQLSTATE_INVALID_PASSWORD, "password authentication failed for user \"%s\"",
						 c->user);
			conn_fatal(c, &e);
			break;
	}
	strbuf_free(&out);
}

/* ---- the startup phase ----------------------------------------------------- */

static bool
start_tls(Conn *c)
{
	SSL		   *ssl = SSL_new(server_ctx.ssl_ctx);
	struct bufferevent *tb;

	if (ssl == NULL)
		return false;
	tb = bufferevent_openssl_filter_new(c->base, c->bev, ssl, BUFFEREVENT_SSL_ACCEPTING,
										BEV_OPT_CLOSE_ON_FREE);
	if (tb == NULL)
	{
		SSL_free(ssl);
		return false;
	}
	c->bev = tb;
	c->tls = true;
	conn_setup_bev(c);
	return true;
}

/* Handles one startup-phase packet; false when the connection is gone. */
bool
login_startup_packet(Conn *c, const char *buf, size_t len)
{
	MgError		e = MG_ERROR_INIT;

	if (startup_parse(buf, len, &c->arena, &c->startup, &e) < 0)
	{
		conn_fatal(c, &e);
		return false;
	}
	switch (c->startup.kind)
	{
		case STARTUP_CANCEL_REQUEST:
			cancel_request(c->startup.cancel_pid, c->startup.cancel_key);
			conn_free(c);
			return false;
		case STARTUP_GSSENC_REQUEST:
			pq_put_int8(&c->out, PQ_SSL_NO);
			return true;
		case STARTUP_SSL_REQUEST:
			if (c->tls)
			{
				mg_error_sev(&e, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION,
							 "unsupported frontend protocol 1234.5679: server supports 3.0 to 3.0");
				conn_fatal(c, &e);
				return false;
			}
			if (server_ctx.ssl_ctx == NULL || c->is_unix)
			{
				pq_put_int8(&c->out, PQ_SSL_NO);
				return true;
			}
			/* Bytes sent behind the request were not encrypted: refuse them. */
			if (evbuffer_get_length(bufferevent_get_input(c->bev)) > 4 + len)
			{
				/* Logged, not answered: the client expects TLS bytes now. */
				mg_error_sev(&e, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION,
							 "received unencrypted data after SSL request");
				mg_error_detail(&e, "This could be either a client-software bug or evidence of an attempted "
								"man-in-the-middle attack.");
				mg_log_error(&e);
				mg_error_reset(&e);
				conn_free(c);
				return false;
			}
			evbuffer_drain(bufferevent_get_input(c->bev), 4 + len);
			pq_put_int8(&c->out, PQ_SSL_YES);
			conn_flush(c);
			if (!start_tls(c))
			{
				conn_free(c);
				return false;
			}
			return true;		/* input already drained */
		case STARTUP_MESSAGE:
			evbuffer_drain(bufferevent_get_input(c->bev), 4 + len);
			login_start(c);
			return c->state != CONN_CLOSING;
	}
	return true;
}

