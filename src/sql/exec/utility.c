/*
 * utility.c — statements that are not planned queries: transaction control
 * (BEGIN/COMMIT/ROLLBACK), settings (SET/RESET/SHOW), DISCARD, no-op
 * maintenance commands, and 0A000 for everything not implemented yet.
 *
 * Design notes:
 *   - utility_prepare fixes the result shape (SHOW's one column named after
 *     the setting, SHOW ALL's three) and the command tag, so Describe works
 *     before execution; utility_run does the work and, for SHOW, leaves the
 *     rows in the portal for run_utility_rows (portal.c) to deliver.
 *   - Messages and SQLSTATEs are PostgreSQL's (xact.c, guc.c).
 *
 * Invariants:
 *   1. Every AST statement tag reaches either an implementation or a 0A000
 *      error naming the statement.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <memgres/auth.h>
#include <memgres/func.h>
#include <memgres/mem.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>

#include "../ast.h"
#include "../copy.h"
#include "../ddl.h"
#include "../prepare.h"
#include "../engine.h"
#include "../exec.h"

static const SqlColumn show_all_cols[] = {
	{.name = "name", .type_oid = TEXTOID, .typlen = -1, .typmod = -1},
	{.name = "setting", .type_oid = TEXTOID, .typlen = -1, .typmod = -1},
	{.name = "description", .type_oid = TEXTOID, .typlen = -1, .typmod = -1},
};

bool
utility_allowed_in_failed(const AstNode *ast)
{
	const AstTransactionStmt *t;

	if (!AST_IS(ast, AST_TRANSACTION_STMT))
		return false;
	t = (const AstTransactionStmt *) ast;
	return t->kind == AST_TRANS_COMMIT || t->kind == AST_TRANS_ROLLBACK ||
		t->kind == AST_TRANS_ROLLBACK_TO;
}

/* The statement's name for "... is not supported yet". */
static const char *
stmt_name(const AstNode *ast)
{
	switch (AST_TAG(ast))
	{
		case AST_INSERT_STMT: return "INSERT";
		case AST_UPDATE_STMT: return "UPDATE";
		case AST_DELETE_STMT: return "DELETE";
		case AST_CREATE_STMT: return "CREATE TABLE";
		case AST_CREATE_TABLE_AS_STMT: return "CREATE TABLE AS";
		case AST_DROP_STMT: return "DROP";
		case AST_ALTER_TABLE_STMT: return "ALTER TABLE";
		case AST_RENAME_STMT: return "ALTER ... RENAME";
		case AST_INDEX_STMT: return "CREATE INDEX";
		case AST_CREATE_SEQ_STMT: return "CREATE SEQUENCE";
		case AST_ALTER_SEQ_STMT: return "ALTER SEQUENCE";
		case AST_CREATE_SCHEMA_STMT: return "CREATE SCHEMA";
		case AST_TRUNCATE_STMT: return "TRUNCATE";
		case AST_COMMENT_STMT: return "COMMENT";
		case AST_COPY_STMT: return "COPY";
		case AST_PREPARE_STMT: return "PREPARE";
		case AST_EXECUTE_STMT: return "EXECUTE";
		case AST_DEALLOCATE_STMT: return "DEALLOCATE";
		case AST_EXPLAIN_STMT: return "EXPLAIN";
		case AST_CREATEDB_STMT: return "CREATE DATABASE";
		case AST_DROPDB_STMT: return "DROP DATABASE";
		case AST_ALTER_DATABASE_STMT:
		case AST_ALTER_DATABASE_SET_STMT: return "ALTER DATABASE";
		case AST_CREATE_ROLE_STMT: return "CREATE ROLE";
		case AST_ALTER_ROLE_STMT: return "ALTER ROLE";
		case AST_DROP_ROLE_STMT: return "DROP ROLE";
		case AST_VIEW_STMT: return "CREATE VIEW";
		case AST_LOCK_STMT: return "LOCK";
		case AST_LISTEN_STMT: return "LISTEN";
		case AST_UNLISTEN_STMT: return "UNLISTEN";
		case AST_NOTIFY_STMT: return "NOTIFY";
		case AST_DO_STMT: return "DO";
		default: return ast_tag_name(AST_TAG(ast));
	}
}

/* ---- SET / SHOW ---------------------------------------------------------- */

/* The column title PostgreSQL gives SHOW: the setting's canonical spelling. */
static const char *
show_column_name(Arena *a, const char *name)
{
	static const char *const mixed[] = {"DateStyle", "IntervalStyle", "TimeZone", NULL};

	for (int i = 0; mixed[i]; i++)
		if (strcasecmp(mixed[i], name) == 0)
			return mixed[i];
	{
		const GucDef *d = guc_find(name);

		if (d)
			return d->name;
	}
	{
		char	   *s = arena_strdup(a, name);

		for (char *p = s; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char) (*p - 'A' + 'a');
		return s;
	}
}

static bool
ident_needs_quotes(const char *s)
{
	if (!((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
		return true;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return true;
	return false;
}

/* PostgreSQL's flatten_set_variable_args: the value text of SET's arguments. */
static char *
set_args_text(Arena *a, const char *name, const AstList *args, MgError *err)
{
	StrBuf		sb;
	bool		is_list = strcasecmp(name, "search_path") == 0;

	strbuf_init_arena(&sb, a);
	for (int i = 0; i < ast_list_length(args); i++)
	{
		const AstNode *arg = ast_list_nth(args, i);

		if (i)
			strbuf_puts(&sb, ", ");
		if (AST_IS(arg, AST_TYPE_CAST))
			arg = ((const AstTypeCast *) arg)->arg;
		if (!AST_IS(arg, AST_CONST))
		{
			mg_error(err, SQLSTATE_SYNTAX_ERROR, "unsupported SET argument");
			return NULL;
		}
		{
			const AstConst *c = (const AstConst *) arg;

			switch (c->kind)
			{
				case AST_CONST_INTEGER:
					strbuf_printf(&sb, "%d", c->ival);
					break;
				case AST_CONST_BOOL:
					strbuf_puts(&sb, c->bval ? "true" : "false");
					break;
				case AST_CONST_NULL:
					strbuf_puts(&sb, "");
					break;
				default:
					if (is_list && ident_needs_quotes(c->sval))
					{
						strbuf_putc(&sb, '"');
						for (const char *p = c->sval; *p; p++)
						{
							if (*p == '"')
								strbuf_putc(&sb, '"');
							strbuf_putc(&sb, *p);
						}
						strbuf_putc(&sb, '"');
					}
					else
						strbuf_puts(&sb, c->sval);
					break;
			}
		}
	}
	return sb.data;
}

static bool
in_block(SqlSession *s)
{
	return s->xstate == XACT_BLOCK || s->xstate == XACT_FAILED;
}

static int
set_one(SqlSession *s, const char *name, const char *value, bool local, MgError *err)
{
	xact_save_guc(s, name, local);
	return guc_set(s->gucs, name, value, err);
}

/* Transaction modes from BEGIN / SET TRANSACTION options. */
static int
apply_xact_modes(SqlSession *s, const AstList *options, bool session_defaults, MgError *err)
{
	for (int i = 0; i < ast_list_length(options); i++)
	{
		const AstDefElem *d = (const AstDefElem *) ast_list_nth(options, i);
		const AstConst *c = (const AstConst *) d->arg;
		const char *name;
		const char *value;

		if (strcmp(d->defname, "transaction_isolation") == 0)
		{
			name = session_defaults ? "default_transaction_isolation" : "transaction_isolation";
			value = c->sval;
			if (!session_defaults && s->xact_ran_query &&
				strcmp(guc_str(s->gucs, GUC_TRANSACTION_ISOLATION), value) != 0)
			{
				mg_error(err, SQLSTATE_ACTIVE_SQL_TRANSACTION,
						 "SET TRANSACTION ISOLATION LEVEL must be called before any query");
				return -1;
			}
		}
		else if (strcmp(d->defname, "transaction_read_only") == 0)
		{
			bool		ro = c->kind == AST_CONST_BOOL ? c->bval : c->ival != 0;

			name = session_defaults ? "default_transaction_read_only" : "transaction_read_only";
			value = ro ? "on" : "off";
			if (!session_defaults && !ro && s->xact_ran_query && guc_bool(s->gucs, GUC_TRANSACTION_READ_ONLY))
			{
				mg_error(err, SQLSTATE_ACTIVE_SQL_TRANSACTION,
						 "transaction read-write mode must be set before any query");
				return -1;
			}
		}
		else if (strcmp(d->defname, "transaction_deferrable") == 0)
			continue;
		else
		{
			mg_error(err, SQLSTATE_SYNTAX_ERROR, "unrecognized transaction option \"%s\"", d->defname);
			return -1;
		}
		if (set_one(s, name, value, !session_defaults, err) < 0)
			return -1;
	}
	return 0;
}

static int
run_set(SqlPortal *portal, const AstVariableSetStmt *v, MgError *err)
{
	SqlSession *s = portal->session;
	char	   *value;

	if (v->is_local && !in_block(s))
		session_notice(s, MG_SEV_WARNING, SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
					   "SET LOCAL can only be used in transaction blocks");
	switch (v->kind)
	{
		case AST_VAR_SET_VALUE:
			if (!(value = set_args_text(portal->a, v->name, v->args, err)))
				return -1;
			return set_one(s, v->name, value, v->is_local, err);
		case AST_VAR_SET_DEFAULT:
		case AST_VAR_RESET:
			return set_one(s, v->name, NULL, v->is_local, err);
		case AST_VAR_RESET_ALL:
			for (int i = 0; i < GUC_COUNT; i++)
			{
				MgError		e2 = MG_ERROR_INIT;

				if (guc_defs[i].context != GUC_CTX_USER && guc_defs[i].context != GUC_CTX_SUPERUSER)
					continue;
				if (guc_defs[i].id == GUC_TRANSACTION_ISOLATION || guc_defs[i].id == GUC_TRANSACTION_READ_ONLY)
					continue;
				if (set_one(s, guc_defs[i].name, NULL, false, &e2) < 0)
					mg_error_reset(&e2);
			}
			return 0;
		case AST_VAR_SET_MULTI:
			if (strcasecmp(v->name, "TRANSACTION") == 0)
			{
				if (!in_block(s))
				{
					session_notice(s, MG_SEV_WARNING, SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
								   "SET TRANSACTION can only be used in transaction blocks");
					return 0;
				}
				return apply_xact_modes(s, v->args, false, err);
			}
			return apply_xact_modes(s, v->args, true, err);
		case AST_VAR_SET_CURRENT:
			mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "SET FROM CURRENT is not supported");
			return -1;
	}
	return 0;
}

static int
add_text_row(SqlPortal *portal, int ncols, const char *const *vals)
{
	if (portal->nurows % 16 == 0)
	{
		portal->urows = arena_realloc(portal->a, portal->urows, sizeof(Datum *) * portal->nurows,
									  sizeof(Datum *) * (portal->nurows + 16));
		portal->unulls = arena_realloc(portal->a, portal->unulls, sizeof(bool *) * portal->nurows,
									   sizeof(bool *) * (portal->nurows + 16));
	}
	portal->urows[portal->nurows] = arena_new_array(portal->a, Datum, ncols);
	portal->unulls[portal->nurows] = arena_new_array(portal->a, bool, ncols);
	for (int i = 0; i < ncols; i++)
	{
		if (vals[i])
			portal->urows[portal->nurows][i] = cstring_text_datum(portal->a, vals[i]);
		else
			portal->unulls[portal->nurows][i] = true;
	}
	portal->nurows++;
	return 0;
}

static int
cmp_guc_name(const void *a, const void *b)
{
	return strcasecmp((*(const GucDef *const *) a)->name, (*(const GucDef *const *) b)->name);
}

static int
run_show(SqlPortal *portal, const AstVariableShowStmt *v, MgError *err)
{
	SqlSession *s = portal->session;

	if (strcasecmp(v->name, "all") == 0)
	{
		const GucDef *defs[GUC_COUNT];

		for (int i = 0; i < GUC_COUNT; i++)
			defs[i] = &guc_defs[i];
		qsort(defs, GUC_COUNT, sizeof(defs[0]), cmp_guc_name);
		for (int i = 0; i < GUC_COUNT; i++)
		{
			MgError		e2 = MG_ERROR_INIT;
			const char *row[3];

			row[0] = defs[i]->name;
			row[1] = guc_show(s->gucs, defs[i]->name, &e2);
			row[2] = defs[i]->short_desc;
			mg_error_reset(&e2);
			if (row[1])
				add_text_row(portal, 3, row);
		}
		snprintf(portal->tag, sizeof(portal->tag), "SHOW");
		return 0;
	}
	{
		const char *val = guc_show(s->gucs, v->name, err);

		if (!val)
			return -1;
		add_text_row(portal, 1, &val);
		snprintf(portal->tag, sizeof(portal->tag), "SHOW");
	}
	return 0;
}

/* ---- transactions -------------------------------------------------------- */

static int
run_transaction(SqlPortal *portal, const AstTransactionStmt *t, MgError *err)
{
	SqlSession *s = portal->session;
	const char *tag = NULL;

	switch (t->kind)
	{
		case AST_TRANS_BEGIN:
		case AST_TRANS_START:
			tag = t->kind == AST_TRANS_BEGIN ? "BEGIN" : "START TRANSACTION";
			if (in_block(s))
				session_notice(s, MG_SEV_WARNING, SQLSTATE_ACTIVE_SQL_TRANSACTION,
							   "there is already a transaction in progress");
			else
				xact_begin_block(s);
			if (apply_xact_modes(s, t->options, false, err) < 0)
				return -1;
			break;
		case AST_TRANS_COMMIT:
			tag = "COMMIT";
			if (s->xstate == XACT_FAILED)
			{
				tag = "ROLLBACK";
				xact_rollback(s);
			}
			else if (s->xstate == XACT_BLOCK)
				xact_commit(s);
			else
			{
				session_notice(s, MG_SEV_WARNING, SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
							   "there is no transaction in progress");
				/* Inside an implicit block the work so far is committed, as PostgreSQL does. */
				if (s->xstate == XACT_IMPLICIT)
					xact_commit(s);
			}
			if (t->chain)
			{
				mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "COMMIT AND CHAIN is not supported yet");
				return -1;
			}
			break;
		case AST_TRANS_ROLLBACK:
			tag = "ROLLBACK";
			if (in_block(s))
				xact_rollback(s);
			else
			{
				session_notice(s, MG_SEV_WARNING, SQLSTATE_NO_ACTIVE_SQL_TRANSACTION,
							   "there is no transaction in progress");
				if (s->xstate == XACT_IMPLICIT)
					xact_rollback(s);
			}
			if (t->chain)
			{
				mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ROLLBACK AND CHAIN is not supported yet");
				return -1;
			}
			break;
		case AST_TRANS_SAVEPOINT:
		case AST_TRANS_RELEASE:
		case AST_TRANS_ROLLBACK_TO:
			{
				const char *what = t->kind == AST_TRANS_SAVEPOINT ? "SAVEPOINT" :
				t->kind == AST_TRANS_RELEASE ? "RELEASE SAVEPOINT" : "ROLLBACK TO SAVEPOINT";

				if (!in_block(s))
				{
					mg_error(err, SQLSTATE_NO_ACTIVE_SQL_TRANSACTION, "%s can only be used in transaction blocks",
							 what);
					return -1;
				}
				if (t->kind == AST_TRANS_SAVEPOINT)
				{
					tag = "SAVEPOINT";
					xact_savepoint(s, t->savepoint_name);
				}
				else if (t->kind == AST_TRANS_RELEASE)
				{
					tag = "RELEASE";
					if (s->xstate == XACT_FAILED)
					{
						mg_error(err, SQLSTATE_IN_FAILED_SQL_TRANSACTION,
								 "current transaction is aborted, commands ignored until end of transaction block");
						return -1;
					}
					if (xact_release(s, t->savepoint_name, err) < 0)
						return -1;
				}
				else
				{
					tag = "ROLLBACK";
					if (xact_rollback_to(s, t->savepoint_name, err) < 0)
						return -1;
				}
				break;
			}
		case AST_TRANS_PREPARE:
		case AST_TRANS_COMMIT_PREPARED:
		case AST_TRANS_ROLLBACK_PREPARED:
			mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "prepared transactions are not supported");
			return -1;
	}
	snprintf(portal->tag, sizeof(portal->tag), "%s", tag);
	return 0;
}

/* ---- databases ----------------------------------------------------------- */

static const char *
defelem_string(const AstDefElem *d)
{
	const AstNode *a = d->arg;

	if (!a)
		return NULL;
	if (AST_IS(a, AST_CONST))
		return ((const AstConst *) a)->sval;
	if (AST_IS(a, AST_STRING))
		return ast_strval(a);
	if (AST_IS(a, AST_TYPE_NAME))
		return ast_strval(ast_list_nth(((const AstTypeName *) a)->names,
									   ast_list_length(((const AstTypeName *) a)->names) - 1));
	return NULL;
}

/* defGetBoolean: true/false/on/off (any case), 1/0, or no argument (true); -1 otherwise. */
static int
defelem_bool(const AstDefElem *d)
{
	const char *v;

	if (!d->arg)
		return 1;
	if (AST_IS(d->arg, AST_CONST) && ((const AstConst *) d->arg)->kind == AST_CONST_INTEGER)
	{
		int32_t		i = ((const AstConst *) d->arg)->ival;

		return i == 0 || i == 1 ? i : -1;
	}
	if (!(v = defelem_string(d)))
		return -1;
	if (strcasecmp(v, "true") == 0 || strcasecmp(v, "on") == 0)
		return 1;
	if (strcasecmp(v, "false") == 0 || strcasecmp(v, "off") == 0)
		return 0;
	return -1;
}

static bool
defelem_is_int(const AstDefElem *d)
{
	return AST_IS(d->arg, AST_CONST) && ((const AstConst *) d->arg)->kind == AST_CONST_INTEGER;
}

/* Sets err's cursor at the option; returns -1. */
static int
defelem_error_at(SqlPortal *portal, const AstDefElem *d, MgError *err)
{
	if (d->hdr.location >= 0)
		mg_error_position(err, sql_ast_char_position(portal->p->query, d->hdr.location));
	return -1;
}

/* The locale rules memgres implements: C.UTF-8, and C/POSIX (the same order for UTF8). */
static bool
locale_is_c(const char *v)
{
	return strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 || strcasecmp(v, "C.UTF-8") == 0 ||
		strcasecmp(v, "C.utf8") == 0;
}

/*
 * CREATE DATABASE's options, checked as PostgreSQL's createdb() does (its
 * messages and SQLSTATEs).  memgres keeps every database in UTF8 with the
 * C.UTF-8 rules, which order strings as C does: an encoding other than UTF8,
 * or a locale other than C, POSIX and C.UTF-8, is refused (0A000 where
 * PostgreSQL could have created it).  OWNER, TABLESPACE pg_default,
 * CONNECTION LIMIT, IS_TEMPLATE, ALLOW_CONNECTIONS, STRATEGY and OID are
 * checked and otherwise have no effect (doc/compatibility.md).  Sets *tmpl
 * to the TEMPLATE, if any.
 */
static int
createdb_options(SqlPortal *portal, const AstList *options, bool alter, const char **tmpl, SqlDbProps *props,
				 MgError *err)
{
	enum {OPT_LOCALE = 5, OPT_LC_CTYPE = 7};	/* indexes in known[] */
	static const char *const known[] = {
		"strategy", "tablespace", "owner", "template", "encoding", "locale", "lc_collate", "lc_ctype",
		"icu_locale", "locale_provider", "collation_version", "is_template", "allow_connections",
		"connection_limit", "oid", "location", NULL
	};
	static const char *const alterable[] = {"tablespace", "is_template", "allow_connections", "connection_limit", NULL};
	const AstDefElem *opt[16] = {0};

	for (int i = 0; i < ast_list_length(options); i++)
	{
		const AstDefElem *d = (const AstDefElem *) ast_list_nth(options, i);
		const char *const *names = alter ? alterable : known;
		int			k,
					n;

		for (n = 0; names[n] && strcmp(names[n], d->defname) != 0; n++)
			;
		for (k = 0; known[k] && strcmp(known[k], d->defname) != 0; k++)
			;
		if (!names[n])
		{
			mg_error(err, SQLSTATE_SYNTAX_ERROR, "option \"%s\" not recognized", d->defname);
			return defelem_error_at(portal, d, err);
		}
		if (opt[k])
		{
			mg_error(err, SQLSTATE_SYNTAX_ERROR, "conflicting or redundant options");
			return defelem_error_at(portal, d, err);
		}
		opt[k] = d;
		if (strcmp(d->defname, "location") == 0 && portal->session->notice_hook)
		{
			MgError		w = MG_ERROR_INIT;

			mg_error_sev(&w, MG_SEV_WARNING, SQLSTATE_FEATURE_NOT_SUPPORTED, "LOCATION is not supported anymore");
			mg_error_hint(&w, "Consider using tablespaces instead.");
			defelem_error_at(portal, d, &w);
			portal->session->notice_hook(portal->session->notice_arg, &w);
			mg_error_reset(&w);
		}
	}
	for (int k = 0; known[k]; k++)
	{
		const AstDefElem *d = opt[k];
		const char *name = known[k];
		const char *v;

		if (!d || !d->arg)
			continue;			/* absent, or DEFAULT */
		v = defelem_string(d);
		if (strcmp(name, "template") == 0 && v)
			*tmpl = v;
		else if (strcmp(name, "strategy") == 0 && v && strcasecmp(v, "wal_log") != 0 &&
				 strcasecmp(v, "file_copy") != 0)
		{
			mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid create database strategy \"%s\"", v);
			mg_error_hint(err, "Valid strategies are \"wal_log\" and \"file_copy\".");
			return -1;
		}
		else if (strcmp(name, "owner") == 0 && v)
		{
			SqlRoleInfo ri;

			if (sql_role_get(v, &ri) < 0)
			{
				mg_error(err, SQLSTATE_UNDEFINED_OBJECT, "role \"%s\" does not exist", v);
				return -1;
			}
			sql_role_info_free(&ri);
		}
		else if (strcmp(name, "tablespace") == 0 && v && strcmp(v, "pg_default") != 0)
		{
			if (strcmp(v, "pg_global") == 0)
				mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE, "pg_global cannot be used as default tablespace");
			else
				mg_error(err, SQLSTATE_UNDEFINED_OBJECT, "tablespace \"%s\" does not exist", v);
			return -1;
		}
		else if ((strcmp(name, "is_template") == 0 || strcmp(name, "allow_connections") == 0) &&
				 defelem_bool(d) < 0)
		{
			mg_error(err, SQLSTATE_SYNTAX_ERROR, "%s requires a Boolean value", name);
			return -1;
		}
		else if (strcmp(name, "is_template") == 0)
			props->istemplate = defelem_bool(d) == 1;
		else if (strcmp(name, "allow_connections") == 0)
			props->allowconn = defelem_bool(d) == 1;
		else if ((strcmp(name, "connection_limit") == 0 || strcmp(name, "oid") == 0) && !defelem_is_int(d))
		{
			mg_error(err, SQLSTATE_SYNTAX_ERROR, "%s requires an integer value", name);
			return -1;
		}
		else if (strcmp(name, "connection_limit") == 0 && ((const AstConst *) d->arg)->ival < -1)
		{
			mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid connection limit: %d",
					 ((const AstConst *) d->arg)->ival);
			return -1;
		}
		else if (strcmp(name, "connection_limit") == 0)
			props->connlimit = ((const AstConst *) d->arg)->ival;
		else if (strcmp(name, "oid") == 0 && ((const AstConst *) d->arg)->ival < 16384)
		{
			mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE, "OIDs less than 16384 are reserved for system objects");
			return -1;
		}
		else if (strcmp(name, "encoding") == 0)
		{
			int			enc;

			if (defelem_is_int(d))
			{
				enc = ((const AstConst *) d->arg)->ival;
				if (func_encoding_name(enc) == NULL || func_encoding_id(func_encoding_name(enc), true) < 0)
				{
					mg_error(err, SQLSTATE_UNDEFINED_OBJECT, "%d is not a valid encoding code", enc);
					return defelem_error_at(portal, d, err);
				}
			}
			else if (!v || (enc = func_encoding_id(v, true)) < 0)
			{
				mg_error(err, SQLSTATE_UNDEFINED_OBJECT, "%s is not a valid encoding name", v ? v : "");
				return defelem_error_at(portal, d, err);
			}
			if (enc != 6)
			{
				const AstDefElem *ct = opt[OPT_LC_CTYPE] ? opt[OPT_LC_CTYPE] : opt[OPT_LOCALE];
				const char *ctype = ct && ct->arg ? defelem_string(ct) : NULL;

				if (ctype && (strcmp(ctype, "C") == 0 || strcmp(ctype, "POSIX") == 0))
					mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
							 "encoding \"%s\" is not supported: memgres keeps every database in UTF8",
							 func_encoding_name(enc));
				else
				{
					/* what PostgreSQL says for this cluster's locale */
					mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE, "encoding \"%s\" does not match locale \"%s\"",
							 func_encoding_name(enc), ctype ? ctype : "C.UTF-8");
					mg_error_detail(err, "The chosen LC_CTYPE setting requires encoding \"UTF8\".");
				}
				return -1;
			}
		}
		else if ((strcmp(name, "locale") == 0 || strcmp(name, "lc_collate") == 0 || strcmp(name, "lc_ctype") == 0)
				 && v && !locale_is_c(v))
		{
			mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "locale \"%s\" is not supported: memgres databases use C.UTF-8 (C and POSIX sort the same)", v);
			return -1;
		}
		else if (strcmp(name, "locale_provider") == 0 && v && strcmp(v, "libc") != 0)
		{
			if (strcmp(v, "icu") == 0)
				mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ICU locales are not supported");
			else
				mg_error(err, SQLSTATE_INVALID_PARAMETER_VALUE, "unrecognized locale provider: %s", v);
			return -1;
		}
		else if (strcmp(name, "icu_locale") == 0)
		{
			mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ICU locales are not supported");
			return -1;
		}
	}
	return 0;
}

/* CREATE DATABASE: a fork of the template's committed state, O(1) whatever its size. */
static int
run_createdb(SqlPortal *portal, const AstCreatedbStmt *st, MgError *err)
{
	SqlSession *s = portal->session;
	const char *tmpl = "template1";

	if (in_block(s))
	{
		mg_error(err, SQLSTATE_ACTIVE_SQL_TRANSACTION, "CREATE DATABASE cannot run inside a transaction block");
		return -1;
	}
	SqlDbProps	props;

	dbprops_get(st->dbname, &props);
	if (createdb_options(portal, st->options, false, &tmpl, &props, err) < 0)
		return -1;
	if (st_db_create(sql_cluster, st->dbname, tmpl, err) < 0)
		return -1;
	/* a new database starts from the defaults (a template's properties are not copied) */
	dbprops_drop(st->dbname);
	dbprops_set(st->dbname, &props);
	snprintf(portal->tag, sizeof(portal->tag), "CREATE DATABASE");
	return 0;
}

/*
 * ALTER DATABASE changes: applied at once, or at COMMIT when in a
 * transaction block (PostgreSQL's catalog changes are transactional).
 */
typedef struct PendingDbOp
{
	struct PendingDbOp *next;
	char	   *dbname;
	bool		is_setting;
	SqlDbProps	props;
	char	   *name;			/* setting; NULL with value NULL: RESET ALL */
	char	   *value;			/* NULL: RESET */
} PendingDbOp;

static void
dbop_apply(const PendingDbOp *op)
{
	if (op->is_setting)
		dbprops_setting(op->dbname, op->name, op->value);
	else
		dbprops_set(op->dbname, &op->props);
}

static void
dbop_do(SqlSession *s, const char *dbname, const SqlDbProps *props, const char *name, const char *value)
{
	PendingDbOp op = {.dbname = (char *) dbname, .is_setting = props == NULL,
	.name = (char *) name, .value = (char *) value};

	if (props)
		op.props = *props;
	if (!in_block(s))
	{
		dbop_apply(&op);
		return;
	}
	{
		PendingDbOp *p = mg_calloc(1, sizeof(PendingDbOp)),
				  **tail = (PendingDbOp **) &s->pending_dbops;

		*p = op;
		p->dbname = mg_strdup(dbname);
		p->name = name ? mg_strdup(name) : NULL;
		p->value = value ? mg_strdup(value) : NULL;
		while (*tail)
			tail = &(*tail)->next;
		*tail = p;
	}
}

void
utility_pending_dbops_finish(SqlSession *s, bool commit)
{
	PendingDbOp *op = s->pending_dbops;

	s->pending_dbops = NULL;
	while (op)
	{
		PendingDbOp *next = op->next;

		if (commit)
			dbop_apply(op);
		free(op->dbname);
		free(op->name);
		free(op->value);
		free(op);
		op = next;
	}
}

/* ALTER DATABASE name [WITH] CONNECTION LIMIT n | IS_TEMPLATE b | ALLOW_CONNECTIONS b | TABLESPACE t */
static int
run_alterdb(SqlPortal *portal, const AstAlterDatabaseStmt *st, MgError *err)
{
	SqlDbProps	props;
	const char *tmpl = NULL;

	if (!sql_database_exists(st->dbname))
	{
		mg_error(err, SQLSTATE_INVALID_CATALOG_NAME, "database \"%s\" does not exist", st->dbname);
		return -1;
	}
	dbprops_get(st->dbname, &props);
	if (createdb_options(portal, st->options, true, &tmpl, &props, err) < 0)
		return -1;
	if (!props.allowconn && strcmp(st->dbname, portal->session->dbname) == 0)
	{
		mg_error(err, SQLSTATE_OBJECT_NOT_IN_PREREQUISITE_STATE, "cannot disallow connections for current database");
		return -1;
	}
	dbop_do(portal->session, st->dbname, &props, NULL, NULL);
	snprintf(portal->tag, sizeof(portal->tag), "ALTER DATABASE");
	return 0;
}

/* ALTER DATABASE name SET param = value | TO DEFAULT | FROM CURRENT, RESET param | ALL */
static int
run_alterdb_set(SqlPortal *portal, const AstAlterDatabaseSetStmt *st, MgError *err)
{
	SqlSession *s = portal->session;
	const AstVariableSetStmt *v = st->setstmt;
	const char *value = NULL;

	if (!sql_database_exists(st->dbname))
	{
		mg_error(err, SQLSTATE_INVALID_CATALOG_NAME, "database \"%s\" does not exist", st->dbname);
		return -1;
	}
	switch (v->kind)
	{
		case AST_VAR_SET_VALUE:
		case AST_VAR_SET_CURRENT:
			{
				GucSession	check;
				int			rc;

				if (v->kind == AST_VAR_SET_VALUE)
					value = set_args_text(portal->a, v->name, v->args, err);
				else if ((value = guc_show(s->gucs, v->name, err)))
					value = arena_strdup(portal->a, value);
				if (!value)
					return -1;
				/* checked as SET would check it, without changing this session */
				memset(&check, 0, sizeof(check));
				guc_session_copy(&check, s->gucs);
				rc = guc_set(&check, v->name, value, err);
				guc_session_free(&check);
				if (rc < 0)
					return -1;
				break;
			}
		case AST_VAR_SET_DEFAULT:
		case AST_VAR_RESET:
			break;
		case AST_VAR_RESET_ALL:
			dbop_do(s, st->dbname, NULL, NULL, NULL);
			snprintf(portal->tag, sizeof(portal->tag), "ALTER DATABASE");
			return 0;
		case AST_VAR_SET_MULTI:
			mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ALTER DATABASE SET TRANSACTION is not supported");
			return -1;
	}
	{
		const char *canon = guc_canonical_name(s->gucs, v->name);

		dbop_do(s, st->dbname, NULL, canon ? canon : v->name, value);
	}
	snprintf(portal->tag, sizeof(portal->tag), "ALTER DATABASE");
	return 0;
}

/*
 * DROP DATABASE met other sessions (55006).  PostgreSQL waits up to 5 s for
 * them to go (a client that just disconnected may not be processed yet);
 * so does this, without blocking the worker: the error is dropped and the
 * statement asks to be run again (s->utility_retry, SQL_WAIT) when any
 * database handle closes (s->dbwait_waiter, registered before st_db_drop
 * looked, so no close is missed), or after 100 ms at the latest; until 5 s
 * after the first try, when the 55006 stands.  The portal clears the
 * deadline and the waiter when the statement ends either way.
 */
static void
dbwait_wake(void *arg)
{
	SqlSession *s = arg;

	if (s->wake_hook)
		s->wake_hook(s->wake_arg);
}

static int
dbwait_retry(SqlSession *s, MgError *err)
{
	int64_t		now = now_mono_usec();

	if (strcmp(err->sqlstate, SQLSTATE_OBJECT_IN_USE) != 0)
		goto fail;
	if (s->dbwait_deadline_us == 0)
		s->dbwait_deadline_us = now + 5 * 1000000;
	if (now >= s->dbwait_deadline_us)
		goto fail;
	mg_error_reset(err);
	s->wait.wake_at_us = now + 100 * 1000;
	if (s->wait.wake_at_us > s->dbwait_deadline_us)
		s->wait.wake_at_us = s->dbwait_deadline_us;
	s->wait.lock_wait = false;
	s->utility_retry = true;
	return 0;
fail:
	st_cluster_cancel_notify(sql_cluster, &s->dbwait_waiter);
	return -1;
}

static int
run_dropdb(SqlPortal *portal, const AstDropdbStmt *st, MgError *err)
{
	SqlSession *s = portal->session;
	bool		force = false;

	if (in_block(s))
	{
		mg_error(err, SQLSTATE_ACTIVE_SQL_TRANSACTION, "DROP DATABASE cannot run inside a transaction block");
		return -1;
	}
	for (int i = 0; i < ast_list_length(st->options); i++)
		if (strcmp(((const AstDefElem *) ast_list_nth(st->options, i))->defname, "force") == 0)
			force = true;
	if (strcmp(st->dbname, s->dbname) == 0)
	{
		mg_error(err, SQLSTATE_OBJECT_IN_USE, "cannot drop the currently open database");
		return -1;
	}
	if (!sql_database_exists(st->dbname))
	{
		if (st->missing_ok)
		{
			session_notice(s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION,
						   "database \"%s\" does not exist, skipping", st->dbname);
			snprintf(portal->tag, sizeof(portal->tag), "DROP DATABASE");
			return 0;
		}
		mg_error(err, SQLSTATE_INVALID_CATALOG_NAME, "database \"%s\" does not exist", st->dbname);
		return -1;
	}
	{
		SqlDbProps	props;

		dbprops_get(st->dbname, &props);
		if (props.istemplate)
		{
			mg_error(err, SQLSTATE_WRONG_OBJECT_TYPE, "cannot drop a template database");
			return -1;
		}
	}
	if (s->dbwait_deadline_us && exec_check_interrupt_session(s, err) < 0)
		return -1;
	s->dbwait_waiter.fn = dbwait_wake;
	s->dbwait_waiter.arg = s;
	st_cluster_notify_on_close(sql_cluster, &s->dbwait_waiter);
	if (st_db_drop(sql_cluster, st->dbname, force, err) < 0)
		return dbwait_retry(s, err);
	st_cluster_cancel_notify(sql_cluster, &s->dbwait_waiter);
	dbprops_drop(st->dbname);
	snprintf(portal->tag, sizeof(portal->tag), "DROP DATABASE");
	return 0;
}

static int
run_renamedb(SqlPortal *portal, const AstRenameStmt *st, MgError *err)
{
	SqlSession *s = portal->session;

	if (strcmp(st->subname, s->dbname) == 0)
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "current database cannot be renamed");
		return -1;
	}
	if (in_block(s))
	{
		/* Transactional as in PostgreSQL: checked now, applied at COMMIT. */
		if (!sql_database_exists(st->subname))
		{
			mg_error(err, SQLSTATE_INVALID_CATALOG_NAME, "database \"%s\" does not exist", st->subname);
			return -1;
		}
		if (sql_database_exists(st->newname))
		{
			mg_error(err, SQLSTATE_DUPLICATE_DATABASE, "database \"%s\" already exists", st->newname);
			return -1;
		}
		if (s->pending_rename_from)
		{
			mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "a second database rename in one transaction is not supported yet");
			return -1;
		}
		s->pending_rename_from = mg_strdup(st->subname);
		s->pending_rename_to = mg_strdup(st->newname);
		snprintf(portal->tag, sizeof(portal->tag), "ALTER DATABASE");
		return 0;
	}
	if (st_db_rename(sql_cluster, st->subname, st->newname, err) < 0)
		return -1;
	dbprops_rename(st->subname, st->newname);
	snprintf(portal->tag, sizeof(portal->tag), "ALTER DATABASE");
	return 0;
}

/* ---- roles ----------------------------------------------------------------- */

/* Role options: PASSWORD (hashed per password_encryption), SUPERUSER, LOGIN; the rest accepted. */
static int
role_options(SqlSession *s, const char *role, const AstList *options, char **password, bool *have_password,
			 int *superuser, bool *have_super, int *login, bool *have_login, Arena *a, MgError *err)
{
	for (int i = 0; i < ast_list_length(options); i++)
	{
		const AstDefElem *d = (const AstDefElem *) ast_list_nth(options, i);
		const AstConst *c = AST_IS(d->arg, AST_CONST) ? (const AstConst *) d->arg : NULL;

		if (strcmp(d->defname, "password") == 0)
		{
			*have_password = true;
			*password = NULL;
			if (c && c->kind == AST_CONST_STRING)
			{
				char	   *v = auth_make_verifier(c->sval, role, guc_str(s->gucs, GUC_PASSWORD_ENCRYPTION));

				if (!v)
				{
					mg_error(err, SQLSTATE_INTERNAL_ERROR, "could not compute the password verifier");
					return -1;
				}
				*password = arena_strdup(a, v);
				free(v);
			}
		}
		else if (strcmp(d->defname, "superuser") == 0)
		{
			*have_super = true;
			*superuser = !c || (c->kind == AST_CONST_BOOL ? c->bval : c->ival != 0);
		}
		else if (strcmp(d->defname, "canlogin") == 0)
		{
			*have_login = true;
			*login = !c || (c->kind == AST_CONST_BOOL ? c->bval : c->ival != 0);
		}
	}
	return 0;
}

static int
run_create_role(SqlPortal *portal, const AstCreateRoleStmt *st, MgError *err)
{
	SqlSession *s = portal->session;
	char	   *password = NULL;
	bool		hp = false,
				hs = false,
				hl = false;
	int			su = 0,
				login = st->stmt_type == AST_ROLESTMT_USER;

	if (!s->superuser)
	{
		mg_error(err, SQLSTATE_INSUFFICIENT_PRIVILEGE, "permission denied to create role");
		return -1;
	}
	if (strncmp(st->role, "pg_", 3) == 0)
	{
		mg_error(err, SQLSTATE_RESERVED_NAME, "role name \"%s\" is reserved", st->role);
		mg_error_detail(err, "Role names starting with \"pg_\" are reserved.");
		return -1;
	}
	if (role_options(s, st->role, st->options, &password, &hp, &su, &hs, &login, &hl, portal->a, err) < 0)
		return -1;
	if (cluster_role_create(st->role, password, su != 0, login != 0, err) < 0)
		return -1;
	snprintf(portal->tag, sizeof(portal->tag), "CREATE ROLE");
	return 0;
}

static int
run_alter_role(SqlPortal *portal, const AstAlterRoleStmt *st, MgError *err)
{
	SqlSession *s = portal->session;
	const char *name = st->role->roletype == AST_ROLESPEC_CSTRING ? st->role->rolename : s->user;
	char	   *password = NULL;
	bool		hp = false,
				hs = false,
				hl = false;
	int			su = 0,
				login = 0;

	if (!s->superuser)
	{
		mg_error(err, SQLSTATE_INSUFFICIENT_PRIVILEGE, "permission denied");
		return -1;
	}
	if (role_options(s, name, st->options, &password, &hp, &su, &hs, &login, &hl, portal->a, err) < 0)
		return -1;
	if (cluster_role_alter(name, hp ? (const char *const *) &password : NULL, hs ? &su : NULL, hl ? &login : NULL,
						   err) < 0)
		return -1;
	snprintf(portal->tag, sizeof(portal->tag), "ALTER ROLE");
	return 0;
}

static int
run_drop_role(SqlPortal *portal, const AstDropRoleStmt *st, MgError *err)
{
	SqlSession *s = portal->session;

	if (!s->superuser)
	{
		mg_error(err, SQLSTATE_INSUFFICIENT_PRIVILEGE, "permission denied to drop role");
		return -1;
	}
	for (int i = 0; i < ast_list_length(st->roles); i++)
	{
		const AstRoleSpec *r = (const AstRoleSpec *) ast_list_nth(st->roles, i);
		const char *name = r->roletype == AST_ROLESPEC_CSTRING ? r->rolename : s->user;
		MgError		e2 = MG_ERROR_INIT;

		if (strcmp(name, s->user) == 0 || strcmp(name, s->session_user) == 0)
		{
			mg_error(err, SQLSTATE_OBJECT_IN_USE, "current user cannot be dropped");
			return -1;
		}
		if (cluster_role_drop(name, &e2) < 0)
		{
			if (st->missing_ok && strcmp(e2.sqlstate, SQLSTATE_UNDEFINED_OBJECT) == 0)
			{
				mg_error_reset(&e2);
				session_notice(s, MG_SEV_NOTICE, SQLSTATE_SUCCESSFUL_COMPLETION,
							   "role \"%s\" does not exist, skipping", name);
				continue;
			}
			mg_error_move(err, &e2);
			return -1;
		}
	}
	snprintf(portal->tag, sizeof(portal->tag), "DROP ROLE");
	return 0;
}

/* ---- entry points -------------------------------------------------------- */

int
utility_prepare(SqlSession *s, SqlPrepared *p, MgError *err)
{
	const AstNode *ast = p->ast;

	switch (AST_TAG(ast))
	{
		case AST_TRANSACTION_STMT:
			{
				const AstTransactionStmt *t = (const AstTransactionStmt *) ast;
				static const char *const tags[] = {
					"BEGIN", "START TRANSACTION", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
					"ROLLBACK", "PREPARE TRANSACTION", "COMMIT PREPARED", "ROLLBACK PREPARED"
				};

				p->command = tags[t->kind];
				return 0;
			}
		case AST_VARIABLE_SET_STMT:
			p->command = ((const AstVariableSetStmt *) ast)->kind == AST_VAR_RESET ||
				((const AstVariableSetStmt *) ast)->kind == AST_VAR_RESET_ALL ? "RESET" : "SET";
			return 0;
		case AST_VARIABLE_SHOW_STMT:
			{
				const AstVariableShowStmt *v = (const AstVariableShowStmt *) ast;

				p->command = "SHOW";
				p->has_result = true;
				if (strcasecmp(v->name, "all") == 0)
				{
					p->desc.ncols = 3;
					p->desc.cols = show_all_cols;
				}
				else
				{
					SqlColumn  *c = arena_new(p->a, SqlColumn);
					MgError		e2 = MG_ERROR_INIT;

					/* Unknown settings fail here, as PostgreSQL's Describe does. */
					if (!guc_show(s->gucs, v->name, &e2))
					{
						mg_error_move(err, &e2);
						return -1;
					}
					c->name = show_column_name(p->a, v->name);
					c->type_oid = TEXTOID;
					c->typlen = -1;
					c->typmod = -1;
					p->desc.ncols = 1;
					p->desc.cols = c;
				}
				return 0;
			}
		case AST_DISCARD_STMT:
			p->command = "DISCARD";
			return 0;
		case AST_PREPARE_STMT:
			p->command = "PREPARE";
			return 0;
		case AST_CREATEDB_STMT:
			p->command = "CREATE DATABASE";
			return 0;
		case AST_CREATE_ROLE_STMT:
			p->command = "CREATE ROLE";
			return 0;
		case AST_ALTER_ROLE_STMT:
			p->command = "ALTER ROLE";
			return 0;
		case AST_DROP_ROLE_STMT:
			p->command = "DROP ROLE";
			return 0;
		case AST_DROPDB_STMT:
			p->command = "DROP DATABASE";
			return 0;
		case AST_ALTER_DATABASE_STMT:
		case AST_ALTER_DATABASE_SET_STMT:
			p->command = "ALTER DATABASE";
			return 0;
		case AST_RENAME_STMT:
			if (((const AstRenameStmt *) ast)->rename_type == AST_OBJECT_DATABASE)
			{
				p->command = "ALTER DATABASE";
				return 0;
			}
			break;
		case AST_DEALLOCATE_STMT:
			p->command = "DEALLOCATE";
			return 0;
		case AST_EXECUTE_STMT:
			return execute_prepare(s, p, err);
		case AST_CHECKPOINT_STMT:
			p->command = "CHECKPOINT";
			return 0;
		case AST_VACUUM_STMT:
			p->command = ((const AstVacuumStmt *) ast)->is_vacuumcmd ? "VACUUM" : "ANALYZE";
			return 0;
		default:
			break;
	}
	if (ddl_prepare(p) || copy_prepare(p))
		return 0;
	mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s is not supported yet", stmt_name(ast));
	return -1;
}

int
utility_run(SqlPortal *portal, MgError *err)
{
	const AstNode *ast = portal->p->ast;
	SqlSession *s = portal->session;

	switch (AST_TAG(ast))
	{
		case AST_TRANSACTION_STMT:
			return run_transaction(portal, (const AstTransactionStmt *) ast, err);
		case AST_VARIABLE_SET_STMT:
			if (run_set(portal, (const AstVariableSetStmt *) ast, err) < 0)
				return -1;
			snprintf(portal->tag, sizeof(portal->tag), "%s", portal->p->command);
			return 0;
		case AST_VARIABLE_SHOW_STMT:
			return run_show(portal, (const AstVariableShowStmt *) ast, err);
		case AST_DISCARD_STMT:
			{
				const AstDiscardStmt *d = (const AstDiscardStmt *) ast;

				if (d->target == AST_DISCARD_ALL)
				{
					AstVariableSetStmt reset = {.kind = AST_VAR_RESET_ALL, .name = "all"};

					if (in_block(s))
					{
						mg_error(err, SQLSTATE_ACTIVE_SQL_TRANSACTION,
								 "DISCARD ALL cannot run inside a transaction block");
						return -1;
					}
					prepared_free_all(s);
					if (run_set(portal, &reset, err) < 0)
						return -1;
				}
				snprintf(portal->tag, sizeof(portal->tag), "DISCARD %s",
						 d->target == AST_DISCARD_ALL ? "ALL" : d->target == AST_DISCARD_PLANS ? "PLANS" :
						 d->target == AST_DISCARD_SEQUENCES ? "SEQUENCES" : "TEMP");
				return 0;
			}
		case AST_PREPARE_STMT:
			return prepare_stmt_run(portal, err);
		case AST_CREATEDB_STMT:
			return run_createdb(portal, (const AstCreatedbStmt *) ast, err);
		case AST_CREATE_ROLE_STMT:
			return run_create_role(portal, (const AstCreateRoleStmt *) ast, err);
		case AST_ALTER_ROLE_STMT:
			return run_alter_role(portal, (const AstAlterRoleStmt *) ast, err);
		case AST_DROP_ROLE_STMT:
			return run_drop_role(portal, (const AstDropRoleStmt *) ast, err);
		case AST_DROPDB_STMT:
			return run_dropdb(portal, (const AstDropdbStmt *) ast, err);
		case AST_ALTER_DATABASE_STMT:
			return run_alterdb(portal, (const AstAlterDatabaseStmt *) ast, err);
		case AST_ALTER_DATABASE_SET_STMT:
			return run_alterdb_set(portal, (const AstAlterDatabaseSetStmt *) ast, err);
		case AST_RENAME_STMT:
			if (((const AstRenameStmt *) ast)->rename_type == AST_OBJECT_DATABASE)
				return run_renamedb(portal, (const AstRenameStmt *) ast, err);
			break;
		case AST_DEALLOCATE_STMT:
			return deallocate_run(portal, err);
		case AST_CHECKPOINT_STMT:
			if (!s->superuser)
			{
				mg_error(err, SQLSTATE_INSUFFICIENT_PRIVILEGE, "must be superuser to do CHECKPOINT");
				return -1;
			}
			snprintf(portal->tag, sizeof(portal->tag), "CHECKPOINT");
			return 0;
		case AST_VACUUM_STMT:
			if (((const AstVacuumStmt *) ast)->is_vacuumcmd && in_block(s))
			{
				mg_error(err, SQLSTATE_ACTIVE_SQL_TRANSACTION, "VACUUM cannot run inside a transaction block");
				return -1;
			}
			/* Nothing to reclaim or analyse: versions free themselves. */
			snprintf(portal->tag, sizeof(portal->tag), "%s", portal->p->command);
			return 0;
		default:
			break;
	}
	if (ddl_prepare(portal->p))
		return ddl_run(portal, err);
	mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s is not supported yet", stmt_name(ast));
	return -1;
}
