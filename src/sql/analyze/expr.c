/*
 * expr.c — analysis of expressions: AST -> typed Expr (see analyze.h).
 *
 * Design notes:
 *   - Follows PostgreSQL's parse_expr.c / parse_coerce.c: string literals
 *     are of type unknown until a context gives them a type, at which point
 *     they are converted by the type's input function at analysis time (so
 *     input errors point at the literal); parameters $n likewise take the
 *     type their first context demands, else text.
 *   - Operators and functions are resolved by func.h; their arguments are
 *     then coerced to the chosen signature with explicit EXPR_CAST nodes, so
 *     the executor never converts implicitly.
 *   - BETWEEN is expanded to comparisons, simple CASE to equality tests
 *     (the operand is shared, evaluated per test, as in PostgreSQL < 9).
 *
 * Invariants:
 *   1. Every Expr returned has a concrete type (UNKNOWNOID only for a
 *      literal or parameter whose context has not decided yet).
 *   2. On error, ps->err is set and the position points at the construct.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>

#include "../analyze.h"
#include "../catalog.h"
#include "../engine.h"
#include "../plan.h"
#include "../system.h"
#include "../window.h"

#define MAX_CALL_ARGS 100

/* ---- state --------------------------------------------------------------- */

void
pstate_init(ParseState *ps, SqlSession *s, Arena *a, const char *query,
			const Oid *param_types, int nparams, MgError *err)
{
	memset(ps, 0, sizeof(*ps));
	ps->a = a;
	ps->err = err;
	ps->session = s;
	ps->query = query;
	if (nparams > 0)
	{
		ps->param_cap = nparams + 4;
		ps->param_types = arena_new_array(a, Oid, ps->param_cap);
		for (int i = 0; i < nparams; i++)
			ps->param_types[i] = param_types[i] ? param_types[i] : UNKNOWNOID;
		ps->nparams = nparams;
	}
	if (s)
	{
		session_eval_ctx(s, &ps->ectx, a, err);
		ps->cat = session_catalog(s);
	}
	else
	{
		ps->ectx.arena = a;
		ps->ectx.err = err;
		ps->ectx.gucs = &guc_server;
	}
}

void
pstate_take_shared(ParseState *ps, const ParseState *sub)
{
	ps->param_types = sub->param_types;
	ps->nparams = sub->nparams;
	ps->param_cap = sub->param_cap;
	ps->param_nodes = sub->param_nodes;
	ps->nparam_nodes = sub->nparam_nodes;
	ps->param_nodes_cap = sub->param_nodes_cap;
	ps->ncache = sub->ncache;
}

void
pstate_position(ParseState *ps, int location)
{
	if (location >= 0 && ps->query && ps->err->position == 0)
		mg_error_position(ps->err, sql_ast_char_position(ps->query, location));
}

void
pstate_finish_params(ParseState *ps)
{
	for (int i = 0; i < ps->nparams; i++)
		if (ps->param_types[i] == UNKNOWNOID || ps->param_types[i] == InvalidOid)
			ps->param_types[i] = TEXTOID;
	for (int i = 0; i < ps->nparam_nodes; i++)
		ps->param_nodes[i]->type = ps->param_types[ps->param_nodes[i]->u.param];
}

const char *
type_display_name(ParseState *ps, Oid type)
{
	StrBuf		sb;

	if (type == UNKNOWNOID)
		return "unknown";
	strbuf_init_arena(&sb, ps->a);
	type_format(type, -1, &sb);
	return sb.data;
}

static Expr *
fail_at(ParseState *ps, int location)
{
	pstate_position(ps, location);
	return NULL;
}

/* ---- coercion ------------------------------------------------------------ */

static bool
can_coerce(Oid from, Oid to, CastContext cc)
{
	if (from == to || from == UNKNOWNOID)
		return true;
	return cast_find(from, to, cc);
}

/*
 * Splits a possibly qualified relation name as PostgreSQL's
 * SplitIdentifierString does: whitespace around the parts is ignored,
 * "quoted" parts keep their case ("" is a quote), unquoted parts are folded
 * to lower case.  Returns the number of parts (up to max; one more means
 * "too many"), or -1 for a malformed name.
 */
static int
split_qualified_name(Arena *a, const char *s, char **parts, int max)
{
	int			n = 0;

	for (;;)
	{
		StrBuf		sb;

		strbuf_init_arena(&sb, a);
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
			s++;
		if (*s == '"')
		{
			for (s++;; s++)
			{
				if (*s == '\0')
					return -1;
				if (*s == '"')
				{
					if (s[1] != '"')
						break;
					s++;
				}
				strbuf_putc(&sb, *s);
			}
			s++;
		}
		else
		{
			for (; *s && *s != '.' && !(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
										 *s == '\f' || *s == '\v'); s++)
				strbuf_putc(&sb, (*s >= 'A' && *s <= 'Z') ? (char) (*s - 'A' + 'a') : *s);
			if (sb.len == 0)
				return -1;
		}
		if (n <= max - 1)
			parts[n] = arena_strndup(a, sb.data, sb.len);
		n++;
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
			s++;
		if (*s == '\0')
			return n > max ? max + 1 : n;
		if (*s != '.')
			return -1;
		s++;
	}
}

/*
 * A relation name as regclass input reads it -> its OID (see analyze.h).
 * Digits are taken as an OID and '-' as OID 0, as PostgreSQL's regclassin.
 */
int
regclass_lookup(SqlSession *s, const Catalog *cat, Arena *a, const char *str, Oid *out, MgError *err)
{
	const CatTable *t = NULL;
	const CatSchema *sc = NULL;
	char	   *parts[4];
	char	   *schema = NULL;
	char	   *name;
	int			n;

	if (str[0] >= '0' && str[0] <= '9')
	{
		*out = (Oid) strtoul(str, NULL, 10);
		return 0;
	}
	if (strcmp(str, "-") == 0)
	{
		*out = InvalidOid;
		return 0;
	}
	n = split_qualified_name(a, str, parts, 3);
	if (n < 0)
	{
		mg_error(err, SQLSTATE_INVALID_NAME, "invalid name syntax");
		return -1;
	}
	if (n > 3)
	{
		mg_error(err, SQLSTATE_SYNTAX_ERROR, "improper relation name (too many dotted names): %s", str);
		return -1;
	}
	name = parts[n - 1];
	if (n >= 2)
		schema = parts[n - 2];
	if (n == 3 && (!s || strcmp(parts[0], s->dbname) != 0))
	{
		mg_error(err, SQLSTATE_FEATURE_NOT_SUPPORTED, "cross-database references are not implemented: \"%s.%s.%s\"",
				 parts[0], schema, name);
		return -1;
	}
	if (cat && s)
	{
		Oid			path[64];
		int			np = 0;

		if (schema)
		{
			sc = catalog_schema(cat, schema);
			if (sc)
				path[np++] = sc->oid;
		}
		else
			np = search_path_oids(s, cat, true, path, 64);
		for (int i = 0; i < np && !t; i++)
			t = catalog_table_in(cat, path[i], name);
		if (!t)
			t = system_table(schema, name);
		if (!t && schema && !sc)
		{
			mg_error(err, SQLSTATE_INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", schema);
			return -1;
		}
		if (!t)
		{
			const CatIndex *ix;

			for (int i = 0; i < np; i++)
				if (catalog_index_in(cat, path[i], name, &ix))
				{
					*out = ix->oid;
					return 0;
				}
		}
	}
	if (!t)
	{
		if (schema)
			mg_error(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s.%s\" does not exist", schema, name);
		else
			mg_error(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist", name);
		return -1;
	}
	*out = t->oid;
	return 0;
}

/* 'name'::regclass: resolved at analysis time; errors point at the literal. */
static Expr *
regclass_const(ParseState *ps, Expr *e, const char *s)
{
	Oid			oid;

	if (regclass_lookup(ps->session, ps->cat, ps->a, s, &oid, ps->err) < 0)
		return fail_at(ps, e->location);
	return expr_const(ps->a, REGCLASSOID, -1, ObjectIdGetDatum(oid), false, e->location);
}

/* Converts an unknown literal to type at analysis time. */
static Expr *
coerce_unknown_const(ParseState *ps, Expr *e, Oid type, int32_t typmod, bool explicit_cast)
{
	Datum		v;
	const MgType *t;
	Varlena    *s;

	if (e->u.c.isnull)
		return expr_const(ps->a, type, typmod, 0, true, e->location);
	if (type == REGCLASSOID)
	{
		Varlena    *str = DatumGetVarlena(e->u.c.value);

		return regclass_const(ps, e, arena_strndup(ps->a, str->data, str->len));
	}
	t = type_by_oid(type);
	if (!t)
	{
		mg_error(ps->err, SQLSTATE_UNDEFINED_OBJECT, "type with OID %u does not exist", type);
		return fail_at(ps, e->location);
	}
	s = DatumGetVarlena(e->u.c.value);
	/*
	 * As PostgreSQL: input with typmod -1, then the length coercion; except
	 * interval, whose input needs the typmod to read '1' as 1 day in
	 * interval '1' day (the SQL-standard field rules).
	 */
	if (type_input(&ps->ectx, type, type == INTERVALOID ? typmod : -1, s->data, s->len, &v) < 0)
		return fail_at(ps, e->location);
	/* The length coercion runs at execution in PostgreSQL: its errors carry no position. */
	if (typmod >= 0 && t->modapply && t->modapply(&ps->ectx, v, typmod, explicit_cast, &v) < 0)
		return NULL;
	return expr_const(ps->a, type, typmod, v, false, e->location);
}

static Expr *
make_cast(ParseState *ps, Expr *e, Oid type, int32_t typmod, bool explicit_cast, int location)
{
	Expr	   *c = expr_new(ps->a, EXPR_CAST, type, 1, location >= 0 ? location : e->location);

	c->typmod = typmod;
	c->args[0] = e;
	c->u.cast.src = e->type;
	c->u.cast.src_typmod = e->typmod;
	c->u.cast.explicit_cast = explicit_cast;
	return c;
}

Expr *
coerce_to(ParseState *ps, Expr *e, Oid type, int32_t typmod, CastContext cc, int location)
{
	bool		explicit_cast = cc == CAST_EXPLICIT;

	if (type == UNKNOWNOID || type == InvalidOid)
		return e;
	if (e->kind == EXPR_CONST && e->type == UNKNOWNOID)
		return coerce_unknown_const(ps, e, type, typmod, explicit_cast);
	if (e->kind == EXPR_PARAM && e->type == UNKNOWNOID)
	{
		int			n = e->u.param;

		if (ps->param_types[n] == UNKNOWNOID)
			ps->param_types[n] = type;
		e->type = ps->param_types[n];
		if (e->type == type)
			return typmod >= 0 ? make_cast(ps, e, type, typmod, explicit_cast, location) : e;
	}
	if (e->type == type)
	{
		const MgType *t;

		if (typmod < 0 || typmod == e->typmod)
			return e;
		t = type_by_oid(type);
		if (!t || !t->modapply)
			return e;
		return make_cast(ps, e, type, typmod, explicit_cast, location);
	}
	if (e->type == UNKNOWNOID || cast_find(e->type, type, cc))
		return make_cast(ps, e, type, typmod, explicit_cast, location);
	if (explicit_cast)
		mg_error(ps->err, SQLSTATE_CANNOT_COERCE, "cannot cast type %s to %s",
				 type_display_name(ps, e->type), type_display_name(ps, type));
	else
		mg_error(ps->err, SQLSTATE_DATATYPE_MISMATCH, "cannot cast type %s to %s",
				 type_display_name(ps, e->type), type_display_name(ps, type));
	return fail_at(ps, location >= 0 ? location : e->location);
}

Expr *
coerce_to_bool(ParseState *ps, Expr *e, const char *construct)
{
	if (e->type == BOOLOID)
		return e;
	if (e->type == UNKNOWNOID)
		return coerce_to(ps, e, BOOLOID, -1, CAST_IMPLICIT, e->location);
	mg_error(ps->err, SQLSTATE_DATATYPE_MISMATCH, "argument of %s must be type %s, not type %s",
			 construct, "boolean", type_display_name(ps, e->type));
	return fail_at(ps, e->location);
}

Oid
select_common_type(ParseState *ps, Expr **es, int n, const char *context, int location)
{
	Oid			ptype = UNKNOWNOID;
	const MgType *pt = NULL;

	(void) location;
	for (int i = 0; i < n; i++)
	{
		Oid			ntype = es[i]->type;
		const MgType *nt;

		if (ntype == UNKNOWNOID)
			continue;
		if (ptype == UNKNOWNOID)
		{
			ptype = ntype;
			pt = type_by_oid(ptype);
			continue;
		}
		if (ntype == ptype)
			continue;
		nt = type_by_oid(ntype);
		if (!pt || !nt || nt->category != pt->category)
		{
			mg_error(ps->err, SQLSTATE_DATATYPE_MISMATCH, "%s types %s and %s cannot be matched",
					 context, type_display_name(ps, ptype), type_display_name(ps, ntype));
			pstate_position(ps, es[i]->location);
			return InvalidOid;
		}
		if (!pt->preferred && can_coerce(ptype, ntype, CAST_IMPLICIT) &&
			!can_coerce(ntype, ptype, CAST_IMPLICIT))
		{
			ptype = ntype;
			pt = nt;
		}
	}
	if (ptype == UNKNOWNOID)
		ptype = TEXTOID;
	/* Every input must be implicitly coercible to the result. */
	for (int i = 0; i < n; i++)
	{
		if (!can_coerce(es[i]->type, ptype, CAST_IMPLICIT))
		{
			mg_error(ps->err, SQLSTATE_DATATYPE_MISMATCH, "%s could not convert type %s to %s",
					 context, type_display_name(ps, es[i]->type), type_display_name(ps, ptype));
			pstate_position(ps, es[i]->location);
			return InvalidOid;
		}
	}
	return ptype;
}

/* Coerces all n expressions to their common type (in place). */
static Oid
coerce_common(ParseState *ps, Expr **es, int n, const char *context, int location)
{
	Oid			t = select_common_type(ps, es, n, context, location);

	if (t == InvalidOid)
		return InvalidOid;
	for (int i = 0; i < n; i++)
	{
		es[i] = coerce_to(ps, es[i], t, -1, CAST_IMPLICIT, es[i]->location);
		if (!es[i])
			return InvalidOid;
	}
	return t;
}

/* ---- type names ---------------------------------------------------------- */

int
transform_type_name(ParseState *ps, const AstTypeName *tn, Oid *type, int32_t *typmod)
{
	int			n = ast_list_length(tn->names);
	const char *name = ast_strval(ast_list_nth(tn->names, n - 1));
	const MgType *t;
	StrBuf		full;

	if (n > 1)
	{
		const char *schema = ast_strval(ast_list_nth(tn->names, n - 2));

		if (strcmp(schema, "pg_catalog") != 0 && strcmp(schema, "public") != 0)
		{
			strbuf_init_arena(&full, ps->a);
			for (int i = 0; i < n; i++)
			{
				if (i)
					strbuf_putc(&full, '.');
				strbuf_puts(&full, ast_strval(ast_list_nth(tn->names, i)));
			}
			mg_error(ps->err, SQLSTATE_UNDEFINED_OBJECT, "type \"%s\" does not exist", full.data);
			pstate_position(ps, tn->hdr.location);
			return -1;
		}
	}
	t = type_by_name(name);
	if (!t)
	{
		mg_error(ps->err, SQLSTATE_UNDEFINED_OBJECT, "type \"%s\" does not exist", name);
		pstate_position(ps, tn->hdr.location);
		return -1;
	}
	*typmod = tn->typemod;
	if (ast_list_length(tn->typmods) > 0)
	{
		int32_t		mods[8];
		int			nm = ast_list_length(tn->typmods);

		if (!t->modin)
		{
			mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "type modifier is not allowed for type \"%s\"", t->name);
			pstate_position(ps, tn->hdr.location);
			return -1;
		}
		if (nm > 8)
			nm = 8;
		for (int i = 0; i < nm; i++)
		{
			const AstNode *m = ast_list_nth(tn->typmods, i);

			if (!AST_IS(m, AST_CONST) || ((const AstConst *) m)->kind != AST_CONST_INTEGER)
			{
				mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "type modifiers must be simple constants or identifiers");
				pstate_position(ps, tn->hdr.location);
				return -1;
			}
			mods[i] = ((const AstConst *) m)->ival;
		}
		if (t->modin(&ps->ectx, mods, nm, typmod) < 0)
		{
			pstate_position(ps, tn->hdr.location);
			return -1;
		}
	}
	*type = t->oid;
	if (ast_list_length(tn->array_bounds) > 0)
	{
		if (t->array == InvalidOid)
		{
			mg_error(ps->err, SQLSTATE_UNDEFINED_OBJECT, "could not find array type for data type %s",
					 type_display_name(ps, t->oid));
			pstate_position(ps, tn->hdr.location);
			return -1;
		}
		*type = t->array;
	}
	return 0;
}

/* ---- column names (FigureColname) ---------------------------------------- */

static int
figure_colname_internal(const AstNode *node, const char **name)
{
	if (!node)
		return 0;
	switch (AST_TAG(node))
	{
		case AST_COLUMN_REF:
			{
				const AstColumnRef *c = (const AstColumnRef *) node;
				int			n = ast_list_length(c->fields);

				for (int i = n - 1; i >= 0; i--)
				{
					const AstNode *f = ast_list_nth(c->fields, i);

					if (AST_IS(f, AST_STRING))
					{
						*name = ast_strval(f);
						return 2;
					}
				}
				return 0;
			}
		case AST_FUNC_CALL:
			{
				const AstFuncCall *f = (const AstFuncCall *) node;

				*name = ast_strval(ast_list_nth(f->funcname, ast_list_length(f->funcname) - 1));
				return 2;
			}
		case AST_A_EXPR:
			{
				const AstAExpr *a = (const AstAExpr *) node;

				if (a->kind == AST_AEXPR_NULLIF)
				{
					*name = "nullif";
					return 2;
				}
				return 0;
			}
		case AST_TYPE_CAST:
			{
				const AstTypeCast *tc = (const AstTypeCast *) node;
				int			s = figure_colname_internal(tc->arg, name);

				if (s <= 1)
				{
					*name = ast_strval(ast_list_nth(tc->type_name->names,
													ast_list_length(tc->type_name->names) - 1));
					return 1;
				}
				return s;
			}
		case AST_CASE_EXPR:
			{
				const AstCaseExpr *c = (const AstCaseExpr *) node;
				int			s = figure_colname_internal(c->defresult, name);

				if (s <= 1)
				{
					*name = "case";
					return 1;
				}
				return s;
			}
		case AST_COALESCE_EXPR:
			*name = "coalesce";
			return 2;
		case AST_MINMAX_EXPR:
			*name = ((const AstMinMaxExpr *) node)->op == AST_IS_GREATEST ? "greatest" : "least";
			return 2;
		case AST_SQLVALUE_FUNCTION:
			{
				static const char *const names[] = {
					"current_date", "current_time", "current_time", "current_timestamp",
					"current_timestamp", "localtime", "localtime", "localtimestamp",
					"localtimestamp", "current_role", "current_user", "user",
					"session_user", "current_catalog", "current_schema"
				};

				*name = names[((const AstSQLValueFunction *) node)->op];
				return 2;
			}
		case AST_ARRAY_EXPR:
			*name = "array";
			return 2;
		case AST_ROW_EXPR:
			*name = "row";
			return 2;
		case AST_SUBLINK:
			{
				const AstSubLink *s = (const AstSubLink *) node;

				if (s->kind == AST_EXISTS_SUBLINK)
				{
					*name = "exists";
					return 2;
				}
				if (s->kind == AST_ARRAY_SUBLINK)
				{
					*name = "array";
					return 2;
				}
				if (s->kind == AST_EXPR_SUBLINK && AST_IS(s->subselect, AST_SELECT_STMT))
				{
					const AstSelectStmt *sel = (const AstSelectStmt *) s->subselect;

					if (ast_list_length(sel->target_list) > 0)
					{
						const AstResTarget *rt = (const AstResTarget *) ast_list_nth(sel->target_list, 0);

						if (rt->name)
						{
							*name = rt->name;
							return 2;
						}
						return figure_colname_internal(rt->val, name);
					}
				}
				return 0;
			}
		case AST_INDIRECTION:
			{
				const AstIndirection *ind = (const AstIndirection *) node;

				for (int i = ast_list_length(ind->indirection) - 1; i >= 0; i--)
				{
					const AstNode *f = ast_list_nth(ind->indirection, i);

					if (AST_IS(f, AST_STRING))
					{
						*name = ast_strval(f);
						return 2;
					}
				}
				return figure_colname_internal(ind->arg, name);
			}
		case AST_COLLATE_CLAUSE:
			return figure_colname_internal(((const AstCollateClause *) node)->arg, name);
		default:
			return 0;
	}
}

const char *
figure_colname(const AstNode *node)
{
	const char *name = NULL;

	if (figure_colname_internal(node, &name) > 0 && name)
		return name;
	return "?column?";
}

/* ---- constants and parameters ------------------------------------------- */

static Expr *
transform_const(ParseState *ps, const AstConst *c)
{
	int			loc = c->hdr.location;

	switch (c->kind)
	{
		case AST_CONST_INTEGER:
			return expr_const(ps->a, INT4OID, -1, Int32GetDatum(c->ival), false, loc);
		case AST_CONST_FLOAT:
			{
				char	   *end;
				long long	v;
				Datum		d;

				errno = 0;
				v = strtoll(c->sval, &end, 10);
				if (errno == 0 && *end == '\0' && end != c->sval)
					return expr_const(ps->a, INT8OID, -1, Int64GetDatum(v), false, loc);
				if (type_input(&ps->ectx, NUMERICOID, -1, c->sval, strlen(c->sval), &d) < 0)
					return fail_at(ps, loc);
				return expr_const(ps->a, NUMERICOID, -1, d, false, loc);
			}
		case AST_CONST_STRING:
			return expr_const(ps->a, UNKNOWNOID, -1, cstring_text_datum(ps->a, c->sval), false, loc);
		case AST_CONST_BOOL:
			return expr_const(ps->a, BOOLOID, -1, BoolGetDatum(c->bval), false, loc);
		case AST_CONST_NULL:
			return expr_const(ps->a, UNKNOWNOID, -1, 0, true, loc);
		case AST_CONST_BITSTRING:
			{
				/* B'...' and X'...' are bit constants; sval keeps the b/x prefix bit_in reads. */
				Datum		d;

				if (type_input(&ps->ectx, BITOID, -1, c->sval, strlen(c->sval), &d) < 0)
					return fail_at(ps, loc);
				return expr_const(ps->a, BITOID, -1, d, false, loc);
			}
	}
	mg_error(ps->err, SQLSTATE_INTERNAL_ERROR, "unrecognized constant kind");
	return NULL;
}

static void
param_node_add(ParseState *ps, Expr *e)
{
	if (ps->nparam_nodes == ps->param_nodes_cap)
	{
		int			ncap = ps->param_nodes_cap ? ps->param_nodes_cap * 2 : 8;

		ps->param_nodes = arena_realloc(ps->a, ps->param_nodes, sizeof(Expr *) * ps->param_nodes_cap,
										sizeof(Expr *) * ncap);
		ps->param_nodes_cap = ncap;
	}
	ps->param_nodes[ps->nparam_nodes++] = e;
}

static Expr *
transform_param(ParseState *ps, const AstParamRef *p)
{
	int			n = p->number;
	Expr	   *e;

	if (n < 1 || n > 65535 || (ps->params_fixed && n > ps->nparams))
	{
		mg_error(ps->err, SQLSTATE_UNDEFINED_PARAMETER, "there is no parameter $%d", n);
		return fail_at(ps, p->hdr.location);
	}
	if (n > ps->nparams)
	{
		if (n > ps->param_cap)
		{
			int			ncap = n + 8;

			ps->param_types = arena_realloc(ps->a, ps->param_types, sizeof(Oid) * ps->param_cap,
											sizeof(Oid) * ncap);
			ps->param_cap = ncap;
		}
		for (int i = ps->nparams; i < n; i++)
			ps->param_types[i] = UNKNOWNOID;
		ps->nparams = n;
	}
	e = expr_new(ps->a, EXPR_PARAM, ps->param_types[n - 1], 0, p->hdr.location);
	e->u.param = n - 1;
	param_node_add(ps, e);
	return e;
}

/* ---- columns ------------------------------------------------------------- */

static Expr *
transform_column_ref(ParseState *ps, const AstColumnRef *c)
{
	int			n = ast_list_length(c->fields);
	const char *colname;
	const char *relname = NULL;
	const AstNode *last = ast_list_nth(c->fields, n - 1);

	if (AST_IS(last, AST_STAR))
	{
		mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "row expansion via \"*\" is not supported here");
		return fail_at(ps, c->hdr.location);
	}
	colname = ast_strval(last);
	if (n >= 2)
		relname = ast_strval(ast_list_nth(c->fields, n - 2));
	if (n > 3)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "cross-database references are not implemented");
		return fail_at(ps, c->hdr.location);
	}
	if (!relname)
	{
		/* Unqualified: the name must be unique among the FROM items. */
		int			hits = 0;

		for (Scope *sc = ps->scope; sc; sc = sc->next)
			for (int i = 0; i < sc->ncols; i++)
				if (strcmp(sc->cols[i].name, colname) == 0)
					hits++;
		if (hits > 1)
		{
			mg_error(ps->err, SQLSTATE_AMBIGUOUS_COLUMN, "column reference \"%s\" is ambiguous", colname);
			return fail_at(ps, c->hdr.location);
		}
	}
	/* The system column tableoid of a table: its OID, a constant of the scan. */
	if (strcmp(colname, "tableoid") == 0)
	{
		const Scope *hit = NULL;
		int			hits = 0;

		for (Scope *sc = ps->scope; sc; sc = sc->next)
		{
			const char *visible = sc->alias ? sc->alias : sc->relname;

			if (sc->table_oid == InvalidOid || (relname && (!visible || strcmp(visible, relname) != 0)))
				continue;
			hit = sc;
			hits++;
		}
		if (hits > 1)
		{
			mg_error(ps->err, SQLSTATE_AMBIGUOUS_COLUMN, "column reference \"%s\" is ambiguous", colname);
			return fail_at(ps, c->hdr.location);
		}
		if (hit)
			return expr_const(ps->a, OIDOID, -1, ObjectIdGetDatum(hit->table_oid), false, c->hdr.location);
	}
	for (Scope *sc = ps->scope; sc; sc = sc->next)
	{
		const char *visible = sc->alias ? sc->alias : sc->relname;

		if (relname && (!visible || strcmp(visible, relname) != 0))
			continue;
		for (int i = 0; i < sc->ncols; i++)
		{
			if (strcmp(sc->cols[i].name, colname) == 0)
			{
				Expr	   *e = expr_new(ps->a, EXPR_VAR, sc->cols[i].type, 0, c->hdr.location);

				e->typmod = sc->cols[i].typmod;
				e->u.var = sc->cols[i].slot;
				return e;
			}
		}
		if (relname)
		{
			mg_error(ps->err, SQLSTATE_UNDEFINED_COLUMN, "column %s.%s does not exist", relname, colname);
			return fail_at(ps, c->hdr.location);
		}
	}
	/* A subquery may use the columns of the queries enclosing it. */
	if (ps->parent)
	{
		for (Scope *sc = ps->parent->scope; sc; sc = sc->next)
		{
			const char *visible = sc->alias ? sc->alias : sc->relname;

			if (relname && (!visible || strcmp(visible, relname) != 0))
				continue;
			for (int i = 0; i < sc->ncols; i++)
				if (strcmp(sc->cols[i].name, colname) == 0)
				{
					Expr	   *e = expr_new(ps->a, EXPR_OUTERVAR, sc->cols[i].type, 0, c->hdr.location);

					e->typmod = sc->cols[i].typmod;
					e->u.var = sc->cols[i].slot;
					ps->correlated = true;
					return e;
				}
		}
		/* two or more levels up: every query in between runs again for each of those rows */
		{
			int			level = 1;

			for (ParseState *up = ps->parent->parent; up; up = up->parent)
			{
				level++;
				for (Scope *sc = up->scope; sc; sc = sc->next)
				{
					const char *visible = sc->alias ? sc->alias : sc->relname;

					if (relname && (!visible || strcmp(visible, relname) != 0))
						continue;
					for (int i = 0; i < sc->ncols; i++)
						if (strcmp(sc->cols[i].name, colname) == 0)
						{
							Expr	   *e = expr_new(ps->a, EXPR_OUTERVAR, sc->cols[i].type, 0, c->hdr.location);

							if (level > 255)
							{
								mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
										 "references to columns more than 255 query levels up are not supported");
								return fail_at(ps, c->hdr.location);
							}
							e->typmod = sc->cols[i].typmod;
							e->u.var = sc->cols[i].slot;
							e->levels_up = (uint8_t) (level - 1);
							for (ParseState *p = ps; p != up; p = p->parent)
								p->correlated = true;
							return e;
						}
				}
			}
		}
	}
	if (relname)
	{
		bool		found = false;

		for (Scope *sc = ps->scope; sc; sc = sc->next)
		{
			const char *visible = sc->alias ? sc->alias : sc->relname;

			if (visible && strcmp(visible, relname) == 0)
				found = true;
			else if (sc->alias && sc->relname && strcmp(sc->relname, relname) == 0)
			{
				mg_error(ps->err, SQLSTATE_UNDEFINED_TABLE,
						 "invalid reference to FROM-clause entry for table \"%s\"", relname);
				mg_error_hint(ps->err, "Perhaps you meant to reference the table alias \"%s\".", sc->alias);
				return fail_at(ps, c->hdr.location);
			}
		}
		if (!found)
		{
			mg_error(ps->err, SQLSTATE_UNDEFINED_TABLE,
					 "missing FROM-clause entry for table \"%s\"", relname);
			return fail_at(ps, c->hdr.location);
		}
	}
	mg_error(ps->err, SQLSTATE_UNDEFINED_COLUMN, "column \"%s\" does not exist", colname);
	return fail_at(ps, c->hdr.location);
}

/* ---- operators ----------------------------------------------------------- */

static const char *
op_name(const AstList *name)
{
	return ast_strval(ast_list_nth(name, ast_list_length(name) - 1));
}

Expr *
make_op(ParseState *ps, const char *name, Expr *l, Expr *r, int location)
{
	const OperDef *op;
	Oid			rl = InvalidOid,
				rr = InvalidOid;
	Expr	   *e;
	int			nargs = l ? 2 : 1;

	op = oper_resolve(name, l ? l->type : InvalidOid, r->type, &rl, &rr, ps->err);
	if (!op)
		return fail_at(ps, location);
	if (!op->func)
	{
		mg_error(ps->err, SQLSTATE_INTERNAL_ERROR, "operator %s has no implementation", name);
		return fail_at(ps, location);
	}
	if (l && !(l = coerce_to(ps, l, rl, -1, CAST_IMPLICIT, location)))
		return NULL;
	if (!(r = coerce_to(ps, r, rr, -1, CAST_IMPLICIT, location)))
		return NULL;
	e = expr_new(ps->a, EXPR_FUNC, op->result, nargs, location);
	if (l)
	{
		e->args[0] = l;
		e->args[1] = r;
	}
	else
		e->args[0] = r;
	e->u.func.def = op->func;
	e->u.func.argtypes = arena_new_array(ps->a, Oid, 2);
	for (int i = 0; i < nargs; i++)
		e->u.func.argtypes[i] = e->args[i]->type;
	e->u.func.cache_slot = ps->ncache++;
	e->u.func.opname = arena_strdup(ps->a, name);
	if (e->type == ANYELEMENTOID || e->type == ANYOID || e->type == ANYARRAYOID)
		e->type = func_result_type(op->func, nargs, e->u.func.argtypes);
	return e;
}

/* Resolves "=" between two expressions, for DISTINCT/NULLIF/IN; both are coerced. */
static const FuncDef *
resolve_eq(ParseState *ps, Expr **l, Expr **r, Oid argtypes[2], int location)
{
	Expr	   *op = make_op(ps, "=", *l, *r, location);

	if (!op)
		return NULL;
	if (op->type != BOOLOID)
	{
		mg_error(ps->err, SQLSTATE_DATATYPE_MISMATCH, "operator = must return type boolean");
		pstate_position(ps, location);
		return NULL;
	}
	*l = op->args[0];
	*r = op->args[1];
	argtypes[0] = (*l)->type;
	argtypes[1] = (*r)->type;
	return op->u.func.def;
}

static Expr *
transform_in(ParseState *ps, const AstAExpr *a)
{
	const AstList *list = (const AstList *) a->rexpr;
	int			n = ast_list_length(list);
	Expr	   *e = expr_new(ps->a, EXPR_IN, BOOLOID, n + 1, a->hdr.location);
	bool		isnot = strcmp(op_name(a->name), "<>") == 0;

	if (!(e->args[0] = transform_expr(ps, a->lexpr)))
		return NULL;
	for (int i = 0; i < n; i++)
		if (!(e->args[i + 1] = transform_expr(ps, ast_list_nth(list, i))))
			return NULL;
	if (coerce_common(ps, e->args, n + 1, "IN", a->hdr.location) == InvalidOid)
		return NULL;
	e->u.in.isnot = isnot;
	e->u.in.eq = arena_new_array(ps->a, const FuncDef *, n);
	e->u.in.argtypes = arena_alloc0(ps->a, sizeof(Oid[2]) * n);
	for (int i = 0; i < n; i++)
	{
		Expr	   *l = e->args[0];
		Expr	   *r = e->args[i + 1];

		if (!(e->u.in.eq[i] = resolve_eq(ps, &l, &r, e->u.in.argtypes[i], a->hdr.location)))
			return NULL;
		e->args[i + 1] = r;
		if (l != e->args[0])
		{
			/* The common type should make "=" exact; anything else is unexpected. */
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "IN list with mixed comparison types is not supported");
			return fail_at(ps, a->hdr.location);
		}
	}
	return e;
}

static Expr *
make_bool(ParseState *ps, ExprKind kind, Expr *l, Expr *r, int location)
{
	Expr	   *e = expr_new(ps->a, kind, BOOLOID, 2, location);

	e->args[0] = l;
	e->args[1] = r;
	return e;
}

static Expr *
transform_between(ParseState *ps, const AstAExpr *a)
{
	const AstList *bounds = (const AstList *) a->rexpr;
	Expr	   *x,
			   *lo,
			   *hi;
	int			loc = a->hdr.location;

	if (!(x = transform_expr(ps, a->lexpr)) ||
		!(lo = transform_expr(ps, ast_list_nth(bounds, 0))) ||
		!(hi = transform_expr(ps, ast_list_nth(bounds, 1))))
		return NULL;
	switch (a->kind)
	{
		case AST_AEXPR_BETWEEN:
			{
				Expr	   *c1 = make_op(ps, ">=", x, lo, loc);
				Expr	   *c2 = c1 ? make_op(ps, "<=", x, hi, loc) : NULL;

				return c2 ? make_bool(ps, EXPR_AND, c1, c2, loc) : NULL;
			}
		case AST_AEXPR_NOT_BETWEEN:
			{
				Expr	   *c1 = make_op(ps, "<", x, lo, loc);
				Expr	   *c2 = c1 ? make_op(ps, ">", x, hi, loc) : NULL;

				return c2 ? make_bool(ps, EXPR_OR, c1, c2, loc) : NULL;
			}
		case AST_AEXPR_BETWEEN_SYM:
		case AST_AEXPR_NOT_BETWEEN_SYM:
			{
				bool		neg = a->kind == AST_AEXPR_NOT_BETWEEN_SYM;
				Expr	   *c1 = make_op(ps, neg ? "<" : ">=", x, lo, loc);
				Expr	   *c2 = c1 ? make_op(ps, neg ? ">" : "<=", x, hi, loc) : NULL;
				Expr	   *c3 = c2 ? make_op(ps, neg ? "<" : ">=", x, hi, loc) : NULL;
				Expr	   *c4 = c3 ? make_op(ps, neg ? ">" : "<=", x, lo, loc) : NULL;

				if (!c4)
					return NULL;
				if (neg)
					return make_bool(ps, EXPR_AND, make_bool(ps, EXPR_OR, c1, c2, loc),
									 make_bool(ps, EXPR_OR, c3, c4, loc), loc);
				return make_bool(ps, EXPR_OR, make_bool(ps, EXPR_AND, c1, c2, loc),
								 make_bool(ps, EXPR_AND, c3, c4, loc), loc);
			}
		default:
			break;
	}
	return NULL;
}

/* ARRAY[a, b, ...]: the elements' common type; nested arrays are not supported yet. */
static Expr *
transform_array(ParseState *ps, const AstArrayExpr *ae, Oid want_array)
{
	int			n = ast_list_length(ae->elements);
	Expr	   *e = expr_new(ps->a, EXPR_ARRAY, InvalidOid, n, ae->hdr.location);
	Oid			elem;
	const MgType *et;

	for (int i = 0; i < n; i++)
	{
		const AstNode *el = ast_list_nth(ae->elements, i);

		if (AST_IS(el, AST_ARRAY_EXPR))
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported yet");
			return fail_at(ps, el->location);
		}
		if (!(e->args[i] = transform_expr(ps, el)))
			return NULL;
	}
	if (want_array != InvalidOid && type_by_oid(want_array) && type_by_oid(want_array)->elem)
		elem = type_by_oid(want_array)->elem;
	else if (n == 0)
	{
		mg_error(ps->err, SQLSTATE_INDETERMINATE_DATATYPE, "cannot determine type of empty array");
		mg_error_hint(ps->err, "Explicitly cast to the desired type, for example ARRAY[]::integer[].");
		return fail_at(ps, ae->hdr.location);
	}
	else if ((elem = select_common_type(ps, e->args, n, "ARRAY", ae->hdr.location)) == InvalidOid)
		return NULL;
	et = type_by_oid(elem);
	if (!et || et->array == InvalidOid)
	{
		mg_error(ps->err, SQLSTATE_UNDEFINED_OBJECT, "could not find array type for data type %s",
				 type_display_name(ps, elem));
		return fail_at(ps, ae->hdr.location);
	}
	for (int i = 0; i < n; i++)
		if (!(e->args[i] = coerce_to(ps, e->args[i], elem, -1, want_array ? CAST_EXPLICIT : CAST_IMPLICIT,
									 e->args[i]->location)))
			return NULL;
	e->type = et->array;
	return e;
}

/* x op ANY (array) / x op ALL (array) */
static Expr *
transform_scalararray(ParseState *ps, const AstAExpr *a)
{
	int			loc = a->hdr.location;
	Expr	   *l,
			   *r,
			   *op,
			   *elem,
			   *e;
	const MgType *at;

	if (!(l = transform_expr(ps, a->lexpr)) || !(r = transform_expr(ps, a->rexpr)))
		return NULL;
	if (r->type == UNKNOWNOID)
	{
		/* An untyped literal or parameter: an array of the left side's type. */
		const MgType *lt = type_by_oid(l->type == UNKNOWNOID ? TEXTOID : l->type);

		if (!lt || !lt->array || !(r = coerce_to(ps, r, lt->array, -1, CAST_IMPLICIT, loc)))
			return NULL;
	}
	at = type_by_oid(r->type);
	if (!at || at->elem == InvalidOid)
	{
		mg_error(ps->err, SQLSTATE_WRONG_OBJECT_TYPE, "op ANY/ALL (array) requires array on right side");
		return fail_at(ps, loc);
	}
	elem = expr_new(ps->a, EXPR_VAR, at->elem, 0, loc);
	if (!(op = make_op(ps, op_name(a->name), l, elem, loc)))
		return NULL;
	if (op->type != BOOLOID)
	{
		mg_error(ps->err, SQLSTATE_WRONG_OBJECT_TYPE, "op ANY/ALL (array) requires operator to yield boolean");
		return fail_at(ps, loc);
	}
	if (op->args[1] != elem)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "op ANY/ALL (array) with an element conversion is not supported yet");
		return fail_at(ps, loc);
	}
	e = expr_new(ps->a, EXPR_SCALARARRAY, BOOLOID, 2, loc);
	e->args[0] = op->args[0];
	e->args[1] = r;
	e->u.scalararray.op = op->u.func.def;
	e->u.scalararray.argtypes[0] = op->u.func.argtypes[0];
	e->u.scalararray.argtypes[1] = op->u.func.argtypes[1];
	e->u.scalararray.all = a->kind == AST_AEXPR_OP_ALL;
	return e;
}

static Expr *
transform_aexpr(ParseState *ps, const AstAExpr *a)
{
	int			loc = a->hdr.location;
	Expr	   *l = NULL,
			   *r = NULL;

	switch (a->kind)
	{
		case AST_AEXPR_OP:
		case AST_AEXPR_LIKE:
		case AST_AEXPR_ILIKE:
		case AST_AEXPR_SIMILAR:
			if (a->lexpr && !(l = transform_expr(ps, a->lexpr)))
				return NULL;
			if (!(r = transform_expr(ps, a->rexpr)))
				return NULL;
			return make_op(ps, op_name(a->name), l, r, loc);
		case AST_AEXPR_DISTINCT:
		case AST_AEXPR_NOT_DISTINCT:
			{
				Expr	   *e = expr_new(ps->a, EXPR_DISTINCT, BOOLOID, 2, loc);

				if (!(l = transform_expr(ps, a->lexpr)) || !(r = transform_expr(ps, a->rexpr)))
					return NULL;
				if (!(e->u.distinct.eq = resolve_eq(ps, &l, &r, e->u.distinct.argtypes, loc)))
					return NULL;
				e->args[0] = l;
				e->args[1] = r;
				e->u.distinct.isnot = a->kind == AST_AEXPR_NOT_DISTINCT;
				return e;
			}
		case AST_AEXPR_NULLIF:
			{
				Expr	   *e;

				if (!(l = transform_expr(ps, a->lexpr)) || !(r = transform_expr(ps, a->rexpr)))
					return NULL;
				e = expr_new(ps->a, EXPR_NULLIF, UNKNOWNOID, 2, loc);
				if (!(e->u.nullif.eq = resolve_eq(ps, &l, &r, e->u.nullif.argtypes, loc)))
					return NULL;
				e->args[0] = l;
				e->args[1] = r;
				e->type = l->type;
				e->typmod = l->typmod;
				return e;
			}
		case AST_AEXPR_IN:
			return transform_in(ps, a);
		case AST_AEXPR_BETWEEN:
		case AST_AEXPR_NOT_BETWEEN:
		case AST_AEXPR_BETWEEN_SYM:
		case AST_AEXPR_NOT_BETWEEN_SYM:
			return transform_between(ps, a);
		case AST_AEXPR_OP_ANY:
		case AST_AEXPR_OP_ALL:
			return transform_scalararray(ps, a);
	}
	mg_error(ps->err, SQLSTATE_INTERNAL_ERROR, "unrecognized A_Expr kind");
	return fail_at(ps, loc);
}

static Expr *
transform_bool_expr(ParseState *ps, const AstBoolExpr *b)
{
	int			n = ast_list_length(b->args);
	ExprKind	kind = b->boolop == AST_AND_EXPR ? EXPR_AND : b->boolop == AST_OR_EXPR ? EXPR_OR : EXPR_NOT;
	const char *construct = kind == EXPR_AND ? "AND" : kind == EXPR_OR ? "OR" : "NOT";
	Expr	   *e = expr_new(ps->a, kind, BOOLOID, n, b->hdr.location);

	for (int i = 0; i < n; i++)
	{
		Expr	   *arg = transform_expr(ps, ast_list_nth(b->args, i));

		if (!arg || !(arg = coerce_to_bool(ps, arg, construct)))
			return NULL;
		e->args[i] = arg;
	}
	return e;
}

/* ---- casts --------------------------------------------------------------- */

static Expr *
transform_type_cast(ParseState *ps, const AstTypeCast *tc)
{
	Expr	   *arg;
	Oid			type;
	int32_t		typmod;
	int			loc = tc->hdr.location;

	if (transform_type_name(ps, tc->type_name, &type, &typmod) < 0)
		return NULL;
	/* ARRAY[...]::t[] types the elements (and makes an empty ARRAY[] possible). */
	if (AST_IS(tc->arg, AST_ARRAY_EXPR))
		arg = transform_array(ps, (const AstArrayExpr *) tc->arg, type);
	else
		arg = transform_expr(ps, tc->arg);
	if (!arg)
		return NULL;
	/* PostgreSQL points a failing literal conversion at the literal itself. */
	if (arg->kind == EXPR_CONST && arg->type == UNKNOWNOID)
		loc = arg->location;
	return coerce_to(ps, arg, type, typmod, CAST_EXPLICIT, loc);
}

/* ---- function calls ------------------------------------------------------ */

static Expr *
transform_agg_call(ParseState *ps, const AstFuncCall *f, const char *name, int nargs, Expr **args)
{
	Oid			argtypes[FUNC_MAX_ARGS];
	Oid			resolved[FUNC_MAX_ARGS];
	const AggDef *def;
	AggCall    *ac;
	Expr	   *e;
	int			loc = f->hdr.location;

	if (!ps->allow_aggs)
	{
		mg_error(ps->err, SQLSTATE_GROUPING_ERROR, "aggregate functions are not allowed in %s",
				 ps->agg_context ? ps->agg_context : "this context");
		return fail_at(ps, loc);
	}
	if (ps->in_agg_arg)
	{
		mg_error(ps->err, SQLSTATE_GROUPING_ERROR, "aggregate function calls cannot be nested");
		return fail_at(ps, loc);
	}
	if (f->agg_order || f->agg_within_group)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ordered aggregates are not supported yet");
		return fail_at(ps, loc);
	}
	if (nargs > FUNC_MAX_ARGS)
	{
		mg_error(ps->err, SQLSTATE_TOO_MANY_ARGUMENTS, "too many arguments");
		return fail_at(ps, loc);
	}
	for (int i = 0; i < nargs; i++)
		argtypes[i] = args[i]->type;
	def = agg_resolve(name, nargs, argtypes, resolved, ps->err);
	if (!def)
		return fail_at(ps, loc);
	if (ps->naggs == ps->aggs_cap)
	{
		int			ncap = ps->aggs_cap ? ps->aggs_cap * 2 : 4;

		ps->aggs = arena_realloc(ps->a, ps->aggs, sizeof(AggCall) * ps->aggs_cap, sizeof(AggCall) * ncap);
		ps->aggs_cap = ncap;
	}
	ac = &ps->aggs[ps->naggs];
	memset(ac, 0, sizeof(*ac));
	ac->def = def;
	ac->nargs = nargs;
	ac->args = arena_new_array(ps->a, Expr *, nargs > 0 ? nargs : 1);
	for (int i = 0; i < nargs; i++)
	{
		if (!(ac->args[i] = coerce_to(ps, args[i], resolved[i], -1, CAST_IMPLICIT, loc)))
			return NULL;
		ac->argtypes[i] = ac->args[i]->type;
	}
	ac->rettype = agg_result_type(def, ac->argtypes);
	ac->distinct = f->agg_distinct;
	ac->star = f->agg_star;
	ac->slot = ps->naggs;
	if (f->agg_filter)
	{
		Expr	   *flt;
		bool		save = ps->allow_aggs;

		ps->allow_aggs = false;
		ps->agg_context = "FILTER";
		flt = transform_expr(ps, f->agg_filter);
		ps->allow_aggs = save;
		if (!flt || !(flt = coerce_to_bool(ps, flt, "FILTER")))
			return NULL;
		ac->filter = flt;
	}
	ps->naggs++;
	/* The aggregate's value is a slot of the aggregate output row (marked by EXPR_VAR). */
	e = expr_new(ps->a, EXPR_VAR, ac->rettype, 0, loc);
	e->u.var = -1 - ac->slot;	/* fixed up by the planner: aggregate rows come after group keys */
	return e;
}

static Expr *
transform_func_call(ParseState *ps, const AstFuncCall *f)
{
	int			nname = ast_list_length(f->funcname);
	const char *name = ast_strval(ast_list_nth(f->funcname, nname - 1));
	int			nargs = ast_list_length(f->args);
	Expr	   *args[MAX_CALL_ARGS];
	Oid			argtypes[MAX_CALL_ARGS];
	Oid			resolved[MAX_CALL_ARGS];
	const FuncDef *def;
	Expr	   *e;
	int			loc = f->hdr.location;
	int			nagg = 0;
	bool		save_in_agg = ps->in_agg_arg;
	bool		allow_srf = ps->allow_srf;	/* only this call, not its arguments */

	ps->allow_srf = false;
	if (nname > 1)
	{
		const char *schema = ast_strval(ast_list_nth(f->funcname, nname - 2));

		if (strcmp(schema, "pg_catalog") != 0 && strcmp(schema, "public") != 0)
		{
			mg_error(ps->err, SQLSTATE_INVALID_SCHEMA_NAME, "schema \"%s\" does not exist", schema);
			return fail_at(ps, loc);
		}
	}
	if (nargs > MAX_CALL_ARGS)
	{
		mg_error(ps->err, SQLSTATE_TOO_MANY_ARGUMENTS, "cannot pass more than %d arguments to a function",
				 MAX_CALL_ARGS);
		return fail_at(ps, loc);
	}
	if (f->over)
		return win_transform_call(ps, f, name);
	agg_candidates(name, &nagg);
	if (nagg > 0)
		ps->in_agg_arg = true;
	for (int i = 0; i < nargs; i++)
	{
		const AstNode *an = ast_list_nth(f->args, i);

		if (AST_IS(an, AST_NAMED_ARG))
		{
			ps->in_agg_arg = save_in_agg;
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "named function arguments are not supported yet");
			return fail_at(ps, an->location);
		}
		if (!(args[i] = transform_expr(ps, an)))
		{
			ps->in_agg_arg = save_in_agg;
			return NULL;
		}
		argtypes[i] = args[i]->type;
	}
	ps->in_agg_arg = save_in_agg;
	if (nagg > 0)
		return transform_agg_call(ps, f, name, nargs, args);
	if (f->agg_star || f->agg_distinct || f->agg_filter || f->agg_order)
	{
		const char *what = f->agg_star ? "*" : f->agg_distinct ? "DISTINCT" : f->agg_filter ? "FILTER" : "ORDER BY";

		mg_error(ps->err, SQLSTATE_WRONG_OBJECT_TYPE,
				 "%s specified, but %s is not an aggregate function", what, name);
		return fail_at(ps, loc);
	}
	if (win_check_plain_call(ps, f, name, nargs, argtypes) < 0)
		return NULL;
	def = func_resolve(name, nargs, argtypes, resolved, ps->err);
	if (!def)
		return fail_at(ps, loc);
	if (def->retset && !allow_srf)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "set-returning functions are not supported yet");
		return fail_at(ps, loc);
	}
	e = expr_new(ps->a, EXPR_FUNC, def->rettype, nargs, loc);
	e->u.func.def = def;
	e->u.func.argtypes = arena_new_array(ps->a, Oid, nargs > 0 ? nargs : 1);
	for (int i = 0; i < nargs; i++)
	{
		Oid			want = resolved[i];

		if (want == ANYOID)
			want = args[i]->type == UNKNOWNOID ? TEXTOID : args[i]->type;
		if (!(e->args[i] = coerce_to(ps, args[i], want, -1, CAST_IMPLICIT, loc)))
			return NULL;
		e->u.func.argtypes[i] = e->args[i]->type;
	}
	e->type = func_result_type(def, nargs, e->u.func.argtypes);
	e->u.func.cache_slot = ps->ncache++;
	return e;
}

/* A call of a function by name with already-analysed arguments (SQL value functions). */
static Expr *
make_func_call(ParseState *ps, const char *name, int nargs, Expr **args, int location)
{
	Oid			argtypes[FUNC_MAX_ARGS] = {0};
	Oid			resolved[FUNC_MAX_ARGS] = {0};
	const FuncDef *def;
	Expr	   *e;

	for (int i = 0; i < nargs; i++)
		argtypes[i] = args[i]->type;
	def = func_resolve(name, nargs, argtypes, resolved, ps->err);
	if (!def)
		return fail_at(ps, location);
	e = expr_new(ps->a, EXPR_FUNC, def->rettype, nargs, location);
	e->u.func.def = def;
	e->u.func.argtypes = arena_new_array(ps->a, Oid, nargs > 0 ? nargs : 1);
	for (int i = 0; i < nargs; i++)
	{
		if (!(e->args[i] = coerce_to(ps, args[i], resolved[i], -1, CAST_IMPLICIT, location)))
			return NULL;
		e->u.func.argtypes[i] = e->args[i]->type;
	}
	e->type = func_result_type(def, nargs, e->u.func.argtypes);
	e->u.func.cache_slot = ps->ncache++;
	return e;
}

static Expr *
transform_sql_value_call(ParseState *ps, const AstSQLValueFunction *v)
{
	int			loc = v->hdr.location;
	Expr	   *now;
	Oid			target = InvalidOid;

	switch (v->op)
	{
		case AST_SVF_CURRENT_ROLE:
		case AST_SVF_CURRENT_USER:
		case AST_SVF_USER:
			return make_func_call(ps, "current_user", 0, NULL, loc);
		case AST_SVF_SESSION_USER:
			return make_func_call(ps, "session_user", 0, NULL, loc);
		case AST_SVF_CURRENT_CATALOG:
			return make_func_call(ps, "current_database", 0, NULL, loc);
		case AST_SVF_CURRENT_SCHEMA:
			return make_func_call(ps, "current_schema", 0, NULL, loc);
		case AST_SVF_CURRENT_DATE:
			target = DATEOID;
			break;
		case AST_SVF_CURRENT_TIME:
		case AST_SVF_CURRENT_TIME_N:
			target = TIMETZOID;
			break;
		case AST_SVF_CURRENT_TIMESTAMP:
		case AST_SVF_CURRENT_TIMESTAMP_N:
			target = TIMESTAMPTZOID;
			break;
		case AST_SVF_LOCALTIME:
		case AST_SVF_LOCALTIME_N:
			target = TIMEOID;
			break;
		case AST_SVF_LOCALTIMESTAMP:
		case AST_SVF_LOCALTIMESTAMP_N:
			target = TIMESTAMPOID;
			break;
	}
	if (!(now = make_func_call(ps, "now", 0, NULL, loc)))
		return NULL;
	if (target == TIMESTAMPTZOID && v->typmod < 0)
		return now;
	if (!type_by_oid(target))
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "type %s is not supported yet",
				 target == TIMETZOID ? "time with time zone" : "this");
		return fail_at(ps, loc);
	}
	return coerce_to(ps, now, target, v->typmod, CAST_EXPLICIT, loc);
}

static Expr *
transform_sql_value(ParseState *ps, const AstSQLValueFunction *v)
{
	static const char *const keywords[] = {
		[AST_SVF_CURRENT_ROLE] = "CURRENT_ROLE", [AST_SVF_CURRENT_USER] = "CURRENT_USER",
		[AST_SVF_USER] = "USER", [AST_SVF_SESSION_USER] = "SESSION_USER",
		[AST_SVF_CURRENT_CATALOG] = "CURRENT_CATALOG", [AST_SVF_CURRENT_SCHEMA] = "CURRENT_SCHEMA",
		[AST_SVF_CURRENT_DATE] = "CURRENT_DATE", [AST_SVF_CURRENT_TIME] = "CURRENT_TIME",
		[AST_SVF_CURRENT_TIME_N] = "CURRENT_TIME", [AST_SVF_CURRENT_TIMESTAMP] = "CURRENT_TIMESTAMP",
		[AST_SVF_CURRENT_TIMESTAMP_N] = "CURRENT_TIMESTAMP", [AST_SVF_LOCALTIME] = "LOCALTIME",
		[AST_SVF_LOCALTIME_N] = "LOCALTIME", [AST_SVF_LOCALTIMESTAMP] = "LOCALTIMESTAMP",
		[AST_SVF_LOCALTIMESTAMP_N] = "LOCALTIMESTAMP",
	};
	Expr	   *e = transform_sql_value_call(ps, v);

	/* the keyword with its precision, as PostgreSQL's ruleutils prints a SQLValueFunction */
	if (e && (size_t) v->op < sizeof(keywords) / sizeof(keywords[0]) && keywords[v->op])
		e->sql_syntax = v->typmod >= 0 ? arena_sprintf(ps->a, "%s(%d)", keywords[v->op], v->typmod)
			: keywords[v->op];
	return e;
}

/* ---- conditional expressions --------------------------------------------- */

static Expr *
transform_case(ParseState *ps, const AstCaseExpr *c)
{
	int			n = ast_list_length(c->whens);
	Expr	   *e = expr_new(ps->a, EXPR_CASE, UNKNOWNOID, 0, c->hdr.location);
	Expr	   *arg = NULL;
	Expr	  **results = arena_new_array(ps->a, Expr *, n + 1);
	Oid			t;

	if (c->arg && !(arg = transform_expr(ps, c->arg)))
		return NULL;
	e->u.kase.nwhen = n;
	e->u.kase.when = arena_new_array(ps->a, Expr *, n);
	e->u.kase.then = arena_new_array(ps->a, Expr *, n);
	for (int i = 0; i < n; i++)
	{
		const AstCaseWhen *w = (const AstCaseWhen *) ast_list_nth(c->whens, i);
		Expr	   *cond = transform_expr(ps, w->expr);

		if (!cond)
			return NULL;
		if (arg)
		{
			if (!(cond = make_op(ps, "=", arg, cond, w->expr->location)))
				return NULL;
			/* The operand's coercion (an unknown literal resolved) applies to every test. */
			arg = cond->args[0];
		}
		if (!(cond = coerce_to_bool(ps, cond, "CASE/WHEN")))
			return NULL;
		e->u.kase.when[i] = cond;
		if (!(results[i] = transform_expr(ps, w->result)))
			return NULL;
	}
	if (c->defresult)
	{
		if (!(results[n] = transform_expr(ps, c->defresult)))
			return NULL;
	}
	else
		results[n] = expr_const(ps->a, UNKNOWNOID, -1, 0, true, -1);
	if ((t = coerce_common(ps, results, n + 1, "CASE", c->hdr.location)) == InvalidOid)
		return NULL;
	for (int i = 0; i < n; i++)
		e->u.kase.then[i] = results[i];
	e->u.kase.defresult = results[n];
	e->u.kase.arg = arg;		/* for printing only: each test already compares with it */
	e->type = t;
	return e;
}

static Expr *
transform_list_expr(ParseState *ps, ExprKind kind, const AstList *args, const char *context, int location)
{
	int			n = ast_list_length(args);
	Expr	   *e = expr_new(ps->a, kind, UNKNOWNOID, n, location);
	Oid			t;

	for (int i = 0; i < n; i++)
		if (!(e->args[i] = transform_expr(ps, ast_list_nth(args, i))))
			return NULL;
	if ((t = coerce_common(ps, e->args, n, context, location)) == InvalidOid)
		return NULL;
	e->type = t;
	if (kind == EXPR_MINMAX)
	{
		const MgType *mt = type_by_oid(t);

		if (!mt || !mt->cmp)
		{
			mg_error(ps->err, SQLSTATE_UNDEFINED_FUNCTION, "could not identify a comparison function for type %s",
					 type_display_name(ps, t));
			return fail_at(ps, location);
		}
		e->u.minmax.cmp = mt->cmp;
	}
	return e;
}

/* ---- subqueries ------------------------------------------------------------ */

static Expr *
transform_sublink(ParseState *ps, const AstSubLink *sl)
{
	ParseState	sub;
	struct Query *q;
	Expr	   *e;
	int			loc = sl->hdr.location;
	SublinkKind kind;
	Oid			coltype;

	switch (sl->kind)
	{
		case AST_EXISTS_SUBLINK:
			kind = SUBLINK_EXISTS;
			break;
		case AST_EXPR_SUBLINK:
			kind = SUBLINK_EXPR;
			break;
		case AST_ANY_SUBLINK:
			kind = SUBLINK_ANY;
			break;
		case AST_ALL_SUBLINK:
			kind = SUBLINK_ALL;
			break;
		case AST_ARRAY_SUBLINK:
			kind = SUBLINK_ARRAY;
			break;
		default:
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "this kind of subquery is not supported yet");
			return fail_at(ps, loc);
	}
	/*
	 * The subquery shares parameters and cache slots with this statement.
	 * Nested subqueries see their immediate enclosing query only: a sublink
	 * runs with the row of the query that evaluates it as its outer row.
	 */
	sub = *ps;
	sub.parent = ps;
	sub.correlated = false;
	sub.keep_unknown = false;
	sub.scope = NULL;
	sub.naggs = 0;
	sub.aggs = NULL;
	sub.aggs_cap = 0;
	sub.in_agg_arg = false;
	q = analyze_select(&sub, (const AstSelectStmt *) sl->subselect);
	pstate_take_shared(ps, &sub);
	if (!q)
		return NULL;
	if (kind != SUBLINK_EXISTS && q->nvisible != 1)
	{
		mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, q->nvisible > 1 ? "subquery has too many columns" :
				 "subquery must return only one column");
		return fail_at(ps, loc);
	}
	coltype = kind == SUBLINK_EXISTS ? BOOLOID : q->targets[0]->type;
	e = expr_new(ps->a, EXPR_SUBLINK, kind == SUBLINK_EXPR ? coltype : BOOLOID,
				 kind == SUBLINK_ANY || kind == SUBLINK_ALL ? 1 : 0, loc);
	if (kind == SUBLINK_EXPR)
		e->typmod = q->targets[0]->typmod;
	if (kind == SUBLINK_ARRAY)
	{
		const MgType *ct = type_by_oid(coltype);

		if (coltype == UNKNOWNOID)
			ct = type_by_oid(coltype = TEXTOID);
		if (!ct || !ct->array)
		{
			mg_error(ps->err, SQLSTATE_UNDEFINED_OBJECT, "could not find array type for data type %s",
					 type_display_name(ps, coltype));
			return fail_at(ps, loc);
		}
		e->type = ct->array;
		e->typmod = q->targets[0]->typmod;
	}
	e->u.sublink.kind = kind;
	e->u.sublink.correlated = sub.correlated;
	e->u.sublink.coltype = coltype;
	e->u.sublink.cache_slot = ps->ncache++;
	if (kind == SUBLINK_ANY || kind == SUBLINK_ALL)
	{
		const char *opname = sl->opername ? op_name(sl->opername) : "=";
		Expr	   *test = transform_expr(ps, sl->testexpr);
		Expr	   *col = expr_new(ps->a, EXPR_VAR, coltype, 0, loc);
		Expr	   *op;

		if (!test)
			return NULL;
		col->u.var = 0;
		if (!(op = make_op(ps, opname, test, col, loc)))
			return NULL;
		if (op->type != BOOLOID)
		{
			mg_error(ps->err, SQLSTATE_DATATYPE_MISMATCH, "op ANY/ALL (array) requires operator to yield boolean");
			return fail_at(ps, loc);
		}
		e->args[0] = op->args[0];
		e->u.sublink.op = op->u.func.def;
		e->u.sublink.argtypes[0] = op->u.func.argtypes[0];
		e->u.sublink.argtypes[1] = op->u.func.argtypes[1];
	}
	if (!(e->u.sublink.plan = plan_select(ps->a, q, ps->err)))
		return NULL;
	return e;
}

/* ---- subscripts ------------------------------------------------------------ */

/* arr[i]: the element at subscript i (lower bounds kept), NULL outside the array. */
static int
array_subscript_fn(FnCall *fc, Datum *out)
{
	Oid			elemtype;
	int			n,
				lbound;
	Datum	   *values;
	bool	   *nulls;
	int64_t		i = DatumGetInt32(fc->args[1]);

	array_deconstruct(fc->ctx->arena, fc->args[0], &elemtype, &n, &values, &nulls, &lbound);
	if (i < lbound || i - lbound >= n || nulls[i - lbound])
	{
		fc->isnull = true;
		return 0;
	}
	*out = values[i - lbound];
	return 0;
}

/* arr[l:u]: the elements between the subscripts, clamped to the array, as an array from 1 ('{}' if none). */
static int
array_slice_fn(FnCall *fc, Datum *out)
{
	Oid			elemtype;
	int			n,
				lbound;
	Datum	   *values;
	bool	   *nulls;
	int64_t		lo = DatumGetInt32(fc->args[1]);
	int64_t		hi = DatumGetInt32(fc->args[2]);

	array_deconstruct(fc->ctx->arena, fc->args[0], &elemtype, &n, &values, &nulls, &lbound);
	if (lo < lbound)
		lo = lbound;
	if (hi > (int64_t) lbound + n - 1)
		hi = (int64_t) lbound + n - 1;
	if (lo > hi)
	{
		*out = array_construct(fc->ctx->arena, elemtype, 0, NULL, NULL, 1);
		return 0;
	}
	*out = array_construct(fc->ctx->arena, elemtype, (int) (hi - lo + 1), values + (lo - lbound),
						   nulls + (lo - lbound), 1);
	return 0;
}

static const FuncDef array_slice_def = {
	.name = "array_slice", .nargs = 3, .argtypes = {ANYARRAYOID, INT4OID, INT4OID}, .rettype = ANYARRAYOID,
	.strict = true, .volatility = FUNC_IMMUTABLE, .fn = array_slice_fn,
};

/* A subscript expression as int4; an omitted slice bound is the given extreme. */
static Expr *
transform_subscript(ParseState *ps, const AstNode *node, int32_t omitted, int location)
{
	Expr	   *idx;

	if (!node)
		return expr_const(ps->a, INT4OID, -1, Int32GetDatum(omitted), false, location);
	if (!(idx = transform_expr(ps, node)))
		return NULL;
	if (!(idx = coerce_to(ps, idx, INT4OID, -1, CAST_IMPLICIT, node->location)))
	{
		mg_error_reset(ps->err);
		mg_error(ps->err, SQLSTATE_DATATYPE_MISMATCH, "array subscript must have type integer");
		return fail_at(ps, node->location);
	}
	return idx;
}

/* Not in the registry: subscripting is syntax, not a function PostgreSQL lists in pg_proc. */
static const FuncDef array_subscript_def = {
	.name = "array_subscript", .nargs = 2, .argtypes = {ANYARRAYOID, INT4OID}, .rettype = ANYELEMENTOID,
	.strict = true, .volatility = FUNC_IMMUTABLE, .fn = array_subscript_fn,
};

/* expr[i], expr[l:u] ...: subscripts and slices of one-dimensional arrays; field selection is not supported. */
static Expr *
transform_indirection(ParseState *ps, const AstIndirection *ind)
{
	Expr	   *e = transform_expr(ps, ind->arg);

	if (!e)
		return NULL;
	for (int k = 0; k < ast_list_length(ind->indirection); k++)
	{
		const AstNode *sub = ast_list_nth(ind->indirection, k);
		const MgType *mt = type_by_oid(e->type);
		const AstIndices *ai = (const AstIndices *) sub;
		Expr	   *call;
		bool		slice;

		if (!AST_IS(sub, AST_INDICES))
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "field selection is not supported yet");
			return fail_at(ps, sub->location);
		}
		if (!mt || mt->category != 'A' || !mt->elem)
		{
			mg_error(ps->err, SQLSTATE_DATATYPE_MISMATCH,
					 "cannot subscript type %s because it does not support subscripting",
					 type_display_name(ps, e->type));
			return fail_at(ps, ind->hdr.location);
		}
		slice = ai->is_slice;
		call = expr_new(ps->a, EXPR_FUNC, slice ? e->type : mt->elem, slice ? 3 : 2, ind->hdr.location);
		call->typmod = e->typmod;
		call->args[0] = e;
		if (slice)
		{
			if (!(call->args[1] = transform_subscript(ps, ai->lidx, INT32_MIN, sub->location)) ||
				!(call->args[2] = transform_subscript(ps, ai->uidx, INT32_MAX, sub->location)))
				return NULL;
		}
		else if (!(call->args[1] = transform_subscript(ps, ai->uidx, 0, sub->location)))
			return NULL;
		call->u.func.def = slice ? &array_slice_def : &array_subscript_def;
		call->u.func.argtypes = arena_new_array(ps->a, Oid, 3);
		call->u.func.argtypes[0] = e->type;
		call->u.func.argtypes[1] = INT4OID;
		call->u.func.argtypes[2] = INT4OID;
		call->u.func.cache_slot = ps->ncache++;
		e = call;
	}
	return e;
}

/* ---- entry --------------------------------------------------------------- */

static Expr *
unsupported(ParseState *ps, const AstNode *node, const char *what)
{
	mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s is not supported yet", what);
	return fail_at(ps, node->location);
}

Expr *
transform_expr(ParseState *ps, const AstNode *node)
{
	switch (AST_TAG(node))
	{
		case AST_CONST:
			return transform_const(ps, (const AstConst *) node);
		case AST_PARAM_REF:
			return transform_param(ps, (const AstParamRef *) node);
		case AST_COLUMN_REF:
			return transform_column_ref(ps, (const AstColumnRef *) node);
		case AST_A_EXPR:
			return transform_aexpr(ps, (const AstAExpr *) node);
		case AST_BOOL_EXPR:
			return transform_bool_expr(ps, (const AstBoolExpr *) node);
		case AST_TYPE_CAST:
			return transform_type_cast(ps, (const AstTypeCast *) node);
		case AST_FUNC_CALL:
			return transform_func_call(ps, (const AstFuncCall *) node);
		case AST_NULL_TEST:
			{
				const AstNullTest *nt = (const AstNullTest *) node;
				Expr	   *e = expr_new(ps->a, EXPR_NULLTEST, BOOLOID, 1, node->location);

				if (!(e->args[0] = transform_expr(ps, nt->arg)))
					return NULL;
				e->u.nulltest.isnot = nt->is_not;
				return e;
			}
		case AST_BOOLEAN_TEST:
			{
				const AstBooleanTest *bt = (const AstBooleanTest *) node;
				Expr	   *e = expr_new(ps->a, EXPR_BOOLTEST, BOOLOID, 1, node->location);
				static const char *const names[] = {
					"IS TRUE", "IS NOT TRUE", "IS FALSE", "IS NOT FALSE", "IS UNKNOWN", "IS NOT UNKNOWN"
				};

				if (!(e->args[0] = transform_expr(ps, bt->arg)) ||
					!(e->args[0] = coerce_to_bool(ps, e->args[0], names[bt->test])))
					return NULL;
				e->u.booltest = (BoolTestKind) bt->test;
				return e;
			}
		case AST_CASE_EXPR:
			return transform_case(ps, (const AstCaseExpr *) node);
		case AST_COALESCE_EXPR:
			return transform_list_expr(ps, EXPR_COALESCE, ((const AstCoalesceExpr *) node)->args,
									   "COALESCE", node->location);
		case AST_MINMAX_EXPR:
			{
				const AstMinMaxExpr *mm = (const AstMinMaxExpr *) node;
				Expr	   *e = transform_list_expr(ps, EXPR_MINMAX, mm->args,
													mm->op == AST_IS_GREATEST ? "GREATEST" : "LEAST",
													node->location);

				if (e)
					e->u.minmax.greatest = mm->op == AST_IS_GREATEST;
				return e;
			}
		case AST_SQLVALUE_FUNCTION:
			return transform_sql_value(ps, (const AstSQLValueFunction *) node);
		case AST_COLLATE_CLAUSE:
			return transform_expr(ps, ((const AstCollateClause *) node)->arg);
		case AST_SET_TO_DEFAULT:
			mg_error(ps->err, SQLSTATE_SYNTAX_ERROR, "DEFAULT is not allowed in this context");
			return fail_at(ps, node->location);
		case AST_SUBLINK:
			return transform_sublink(ps, (const AstSubLink *) node);
		case AST_ARRAY_EXPR:
			return transform_array(ps, (const AstArrayExpr *) node, InvalidOid);
		case AST_ROW_EXPR:
			return unsupported(ps, node, "row constructors");
		case AST_INDIRECTION:
			return transform_indirection(ps, (const AstIndirection *) node);
		case AST_GROUPING_FUNC:
			return unsupported(ps, node, "GROUPING");
		default:
			break;
	}
	mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "expression %s is not supported",
			 ast_tag_name(AST_TAG(node)));
	return fail_at(ps, node->location);
}

Expr *
fold_constant(ParseState *ps, Expr *e)
{
	Datum		v;
	bool		isnull;

	if (e->kind == EXPR_CONST || !expr_is_constant(e))
		return e;
	if (expr_eval(&ps->ectx, NULL, e, NULL, &v, &isnull) < 0)
		return fail_at(ps, e->location);
	return expr_const(ps->a, e->type, e->typmod, v, isnull, e->location);
}
