/*
 * dbprops.c — what PostgreSQL keeps per database in pg_database and
 * pg_db_role_setting, beside the data: the connection limit, whether the
 * database accepts connections, whether it is a template, its owner, and
 * the settings of ALTER DATABASE name SET, applied when a session starts.
 *
 * Design notes:
 *   - One cluster-wide registry keyed by database name, under its own
 *     mutex, holding an entry only for databases whose properties differ
 *     from the defaults (no limit, connections allowed, not a template
 *     unless named template0/template1, owned by the bootstrap role, no
 *     settings).  Creating a database, even as a fork, gives it the
 *     defaults, as in PostgreSQL (a template's settings and flags are not
 *     copied); renaming carries the entry; dropping removes it.
 *   - Settings are stored as ALTER DATABASE flattened them ("name",
 *     "value"), validated when set, and applied at session start as
 *     start-up settings, before the start-up packet's own: a client's
 *     setting wins, and RESET returns to the database's value, as with
 *     PostgreSQL's PGC_S_DATABASE.
 *   - Not transactional by itself: the statements in utility.c queue their
 *     changes in the session (dbprops_queue) when inside a transaction
 *     block, and apply them at COMMIT.
 *
 * Invariants:
 *   1. props, and every entry's fields, are touched only under props_lock.
 *   2. An entry's names are unique (compared ignoring case).
 *   3. Every entry differs from the defaults: a test suite's thousands of
 *      forks add nothing here, and logins scan a short list.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <memgres/mem.h>
#include <memgres/sqlstate.h>

#include "../engine.h"

typedef struct DbProps
{
	struct DbProps *next;
	char	   *dbname;
	SqlDbProps	p;
	int			nsettings;
	char	  **names;
	char	  **values;
} DbProps;

static pthread_mutex_t props_lock = PTHREAD_MUTEX_INITIALIZER;
static DbProps *props;

static void
defaults(const char *dbname, SqlDbProps *out)
{
	out->connlimit = -1;
	out->allowconn = strcmp(dbname, "template0") != 0;
	out->istemplate = strcmp(dbname, "template0") == 0 || strcmp(dbname, "template1") == 0;
	out->owner = 10;
}

static DbProps *
find_locked(const char *dbname)
{
	for (DbProps *d = props; d; d = d->next)
		if (strcmp(d->dbname, dbname) == 0)
			return d;
	return NULL;
}

static DbProps *
get_locked(const char *dbname)
{
	DbProps    *d = find_locked(dbname);

	if (d)
		return d;
	d = mg_calloc(1, sizeof(DbProps));
	d->dbname = mg_strdup(dbname);
	defaults(dbname, &d->p);
	d->next = props;
	props = d;
	return d;
}

static void
entry_free(DbProps *d)
{
	for (int i = 0; i < d->nsettings; i++)
	{
		free(d->names[i]);
		free(d->values[i]);
	}
	free(d->names);
	free(d->values);
	free(d->dbname);
	free(d);
}

void
dbprops_get(const char *dbname, SqlDbProps *out)
{
	DbProps    *d;

	pthread_mutex_lock(&props_lock);
	d = find_locked(dbname);
	if (d)
		*out = d->p;
	else
		defaults(dbname, out);
	pthread_mutex_unlock(&props_lock);
}

/* Takes d off the list and frees it.  props_lock held. */
static void
unlink_locked(DbProps *d)
{
	for (DbProps **pp = &props; *pp; pp = &(*pp)->next)
		if (*pp == d)
		{
			*pp = d->next;
			entry_free(d);
			return;
		}
}

static bool
props_equal(const SqlDbProps *a, const SqlDbProps *b)
{
	return a->connlimit == b->connlimit && a->allowconn == b->allowconn && a->istemplate == b->istemplate &&
		a->owner == b->owner;
}

/* Drops d if it says nothing the defaults do not (invariant 3).  props_lock held. */
static void
drop_if_default(DbProps *d)
{
	SqlDbProps	def;

	defaults(d->dbname, &def);
	if (d->nsettings == 0 && props_equal(&d->p, &def))
		unlink_locked(d);
}

void
dbprops_set(const char *dbname, const SqlDbProps *p)
{
	DbProps    *d;

	pthread_mutex_lock(&props_lock);
	d = get_locked(dbname);
	d->p = *p;
	drop_if_default(d);
	pthread_mutex_unlock(&props_lock);
}

void
dbprops_setting(const char *dbname, const char *name, const char *value)
{
	DbProps    *d;
	int			i;

	pthread_mutex_lock(&props_lock);
	d = name || value ? get_locked(dbname) : find_locked(dbname);
	if (d && name == NULL)
	{
		/* RESET ALL */
		for (i = 0; i < d->nsettings; i++)
		{
			free(d->names[i]);
			free(d->values[i]);
		}
		d->nsettings = 0;
	}
	else if (d)
	{
		for (i = 0; i < d->nsettings && strcasecmp(d->names[i], name) != 0; i++)
			;
		if (i < d->nsettings)
		{
			free(d->values[i]);
			if (value)
				d->values[i] = mg_strdup(value);
			else
			{
				free(d->names[i]);
				memmove(d->names + i, d->names + i + 1, sizeof(char *) * (size_t) (d->nsettings - i - 1));
				memmove(d->values + i, d->values + i + 1, sizeof(char *) * (size_t) (d->nsettings - i - 1));
				d->nsettings--;
			}
		}
		else if (value)
		{
			d->names = mg_realloc(d->names, sizeof(char *) * (size_t) (d->nsettings + 1));
			d->values = mg_realloc(d->values, sizeof(char *) * (size_t) (d->nsettings + 1));
			d->names[d->nsettings] = mg_strdup(name);
			d->values[d->nsettings] = mg_strdup(value);
			d->nsettings++;
		}
	}
	if (d)
		drop_if_default(d);
	pthread_mutex_unlock(&props_lock);
}

void
dbprops_rename(const char *from, const char *to)
{
	DbProps    *d;

	pthread_mutex_lock(&props_lock);
	d = find_locked(from);
	if (d)
	{
		free(d->dbname);
		d->dbname = mg_strdup(to);
	}
	pthread_mutex_unlock(&props_lock);
}

void
dbprops_drop(const char *dbname)
{
	DbProps    *d;

	pthread_mutex_lock(&props_lock);
	if ((d = find_locked(dbname)))
		unlink_locked(d);
	pthread_mutex_unlock(&props_lock);
}

void
dbprops_foreach_setting(void (*fn) (void *arg, const char *dbname, const char *name, const char *value),
						void *arg)
{
	pthread_mutex_lock(&props_lock);
	for (DbProps *d = props; d; d = d->next)
		for (int i = 0; i < d->nsettings; i++)
			fn(arg, d->dbname, d->names[i], d->values[i]);
	pthread_mutex_unlock(&props_lock);
}

void
dbprops_shutdown(void)
{
	pthread_mutex_lock(&props_lock);
	while (props)
	{
		DbProps    *d = props;

		props = d->next;
		entry_free(d);
	}
	pthread_mutex_unlock(&props_lock);
}

int
dbprops_check_login(const char *dbname, bool superuser, int sessions, MgError *err)
{
	SqlDbProps	p;

	dbprops_get(dbname, &p);
	if (!p.allowconn)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_OBJECT_NOT_IN_PREREQUISITE_STATE,
					 "database \"%s\" is not currently accepting connections", dbname);
		return -1;
	}
	if (p.connlimit >= 0 && !superuser && sessions > p.connlimit)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_TOO_MANY_CONNECTIONS,
					 "too many connections for database \"%s\"", dbname);
		return -1;
	}
	return 0;
}

void
sql_database_apply_settings(const char *dbname, GucSession *g)
{
	DbProps    *d;

	pthread_mutex_lock(&props_lock);
	d = find_locked(dbname);
	for (int i = 0; d && i < d->nsettings; i++)
	{
		MgError		e = MG_ERROR_INIT;

		/* validated by ALTER DATABASE; a value that no longer applies is skipped */
		if (guc_set_startup(g, d->names[i], d->values[i], &e) < 0)
			mg_error_reset(&e);
	}
	pthread_mutex_unlock(&props_lock);
}
