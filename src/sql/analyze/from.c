/*
 * from.c — name resolution of tables: a RangeVar against the catalog and
 * search_path, and the Scope that makes a table's columns visible.
 *
 * Invariants:
 *   1. Scope slots are indexes into the table's column array (dropped
 *      columns keep their slot and are simply not visible), so a deformed
 *      tuple is the raw row without any remapping.
 */
#include <string.h>

#include <memgres/sqlstate.h>

#include "../analyze.h"
#include "../catalog.h"
#include "../engine.h"
#include "../plan.h"
#include "../system.h"

const CatTable *
lookup_relation(ParseState *ps, const AstRangeVar *rv, bool missing_ok)
{
	const Catalog *c = ps->cat;
	const CatTable *t = NULL;

	if (rv->catalogname && strcmp(rv->catalogname, ps->session->dbname) != 0)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "cross-database references are not implemented: \"%s.%s.%s\"",
				 rv->catalogname, rv->schemaname, rv->relname);
		pstate_position(ps, rv->hdr.location);
		return NULL;
	}
	if (rv->schemaname)
	{
		const CatSchema *sc = catalog_schema(c, rv->schemaname);

		if (sc)
			t = catalog_table_in(c, sc->oid, rv->relname);
	}
	else
	{
		Oid			path[64];
		int			n = search_path_oids(ps->session, c, true, path, 64);

		for (int i = 0; i < n && !t; i++)
			t = catalog_table_in(c, path[i], rv->relname);
	}
	if (!t)
		t = system_table(rv->schemaname, rv->relname);
	if (!t && !missing_ok)
	{
		if (rv->schemaname)
			mg_error(ps->err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s.%s\" does not exist", rv->schemaname, rv->relname);
		else
			mg_error(ps->err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist", rv->relname);
		pstate_position(ps, rv->hdr.location);
	}
	return t;
}

Scope *
scope_for_table(Arena *a, const CatTable *t, const char *alias, int slot_base)
{
	Scope	   *sc = arena_new(a, Scope);
	int			n = 0;

	sc->relname = t->name;
	sc->alias = alias;
	sc->table_oid = t->oid;
	sc->cols = arena_new_array(a, ScopeColumn, t->ncols > 0 ? t->ncols : 1);
	for (int i = 0; i < t->ncols; i++)
	{
		if (t->cols[i].dropped)
			continue;
		sc->cols[n].name = t->cols[i].name;
		sc->cols[n].type = t->cols[i].type;
		sc->cols[n].typmod = t->cols[i].typmod;
		sc->cols[n].slot = slot_base + i;
		sc->cols[n].attnum = t->cols[i].attnum;
		n++;
	}
	sc->ncols = n;
	return sc;
}

int
transform_from_table(ParseState *ps, Query *q, const AstRangeVar *rv)
{
	const CatTable *t = lookup_relation(ps, rv, false);
	Scope	   *sc;

	if (!t)
		return -1;
	if (t->relkind != 'r' && t->relkind != 'v')
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "selecting from sequence \"%s\" is not supported yet",
				 t->name);
		pstate_position(ps, rv->hdr.location);
		return -1;
	}
	sc = scope_for_table(ps->a, t, rv->alias ? rv->alias->aliasname : NULL, 0);
	if (rv->alias && rv->alias->colnames)
	{
		int			n = ast_list_length(rv->alias->colnames);

		if (n > sc->ncols)
		{
			mg_error(ps->err, SQLSTATE_INVALID_COLUMN_REFERENCE,
					 "table \"%s\" has %d columns available but %d columns specified",
					 rv->alias->aliasname, sc->ncols, n);
			pstate_position(ps, rv->hdr.location);
			return -1;
		}
		for (int i = 0; i < n; i++)
			sc->cols[i].name = ast_strval(ast_list_nth(rv->alias->colnames, i));
	}
	q->rel = t;
	q->scope = sc;
	return 0;
}
