/*
 * window.c — analysis of window functions: calls written with OVER, the
 * WINDOW clause, and the windows they run over.
 *
 * Design notes:
 *   - As PostgreSQL's transformWindowFuncCall, a call is analysed where it
 *     appears (target list, ORDER BY, DISTINCT ON): its arguments, then the
 *     function (a window function of the table below, or any aggregate),
 *     then where it stands.  OVER name points at a WINDOW clause entry; any
 *     other OVER (...) becomes a window definition of its own, appended
 *     after the WINDOW clause's entries.  The call's value is a placeholder
 *     VAR (WIN_SLOT_BASE + call index, agg_level set so that the grouping
 *     fix-up leaves it alone); the planner maps it to the WindowAgg row.
 *   - The definitions are analysed once the rest of the SELECT has been
 *     (win_finish), in order, as PostgreSQL's transformWindowDefinitions:
 *     ORDER BY, PARTITION BY, the copy rules of "w AS (w0 ...)" and
 *     "OVER (w ...)", then the frame and its offsets.  Their expressions
 *     are over the same row as the target list, so with GROUP BY they go
 *     through the same grouping fix-up (select.c).
 *   - A call written again in the same query level (same text, from its
 *     name to the end of its OVER clause) is the same call: its placeholder
 *     is reused, so SELECT DISTINCT accepts it in ORDER BY as PostgreSQL
 *     (which compares parse trees) does, and it is computed once.
 *   - RANGE offset PRECEDING/FOLLOWING needs key +/- offset: integers and
 *     floats are done natively by the executor, numeric, date/time and
 *     interval keys through the "+" and "-" operators resolved here over a
 *     two-column row [key, offset].
 *
 * Invariants:
 *   1. ps->win is the WinState of the SELECT being analysed (NULL for
 *      VALUES, a UNION as a whole and DML); each subquery, analysed in a
 *      copy of the ParseState, has its own.
 *   2. Every WinCall.winref indexes the WinInfo's clauses.
 */
#include <string.h>
#include <strings.h>

#include <memgres/sqlstate.h>

#include "../analyze.h"
#include "../plan.h"
#include "../window.h"

typedef struct WinFuncDesc
{
	const char *name;
	WinFuncKind kind;
	int			minargs;
	int			maxargs;
	Oid			rettype;		/* InvalidOid: the first argument's type */
} WinFuncDesc;

static const WinFuncDesc win_funcs[] = {
	{"row_number", WINFUNC_ROW_NUMBER, 0, 0, INT8OID},
	{"rank", WINFUNC_RANK, 0, 0, INT8OID},
	{"dense_rank", WINFUNC_DENSE_RANK, 0, 0, INT8OID},
	{"percent_rank", WINFUNC_PERCENT_RANK, 0, 0, FLOAT8OID},
	{"cume_dist", WINFUNC_CUME_DIST, 0, 0, FLOAT8OID},
	{"ntile", WINFUNC_NTILE, 1, 1, INT4OID},
	{"lag", WINFUNC_LAG, 1, 3, InvalidOid},
	{"lead", WINFUNC_LEAD, 1, 3, InvalidOid},
	{"first_value", WINFUNC_FIRST_VALUE, 1, 1, InvalidOid},
	{"last_value", WINFUNC_LAST_VALUE, 1, 1, InvalidOid},
	{"nth_value", WINFUNC_NTH_VALUE, 2, 2, InvalidOid},
};

static void *
fail_at(ParseState *ps, int location)
{
	pstate_position(ps, location);
	return NULL;
}

/* ---- the text of a call ------------------------------------------------------ */

/* Skips blanks and comments from p; returns the next token's start. */
static const char *
skip_blank(const char *p)
{
	for (;;)
	{
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
			p++;
		if (p[0] == '-' && p[1] == '-')
		{
			while (*p && *p != '\n')
				p++;
			continue;
		}
		if (p[0] == '/' && p[1] == '*')
		{
			int			depth = 0;

			do
			{
				if (p[0] == '/' && p[1] == '*')
					depth++, p += 2;
				else if (p[0] == '*' && p[1] == '/')
					depth--, p += 2;
				else if (*p)
					p++;
				else
					return p;
			} while (depth > 0);
			continue;
		}
		return p;
	}
}

/* p at '(': returns just past its matching ')', skipping literals; NULL if none. */
static const char *
skip_parens(const char *p)
{
	int			depth = 0;

	while (*p)
	{
		const char *b = skip_blank(p);

		if (b != p)
		{
			p = b;
			continue;
		}
		if (*p == '(')
			depth++, p++;
		else if (*p == ')')
		{
			p++;
			if (--depth == 0)
				return p;
		}
		else if (*p == '\'' || *p == '"')
		{
			char		qc = *p;
			bool		esc = qc == '\'' && (p[-1] == 'E' || p[-1] == 'e');	/* p follows a '(' */

			for (p++; *p; p++)
			{
				if (esc && *p == '\\' && p[1])
					p++;
				else if (*p == qc)
				{
					if (p[1] != qc)
						break;
					p++;
				}
			}
			if (!*p)
				return NULL;
			p++;
		}
		else if (*p == '$' && (p[1] == '$' || ((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z') || p[1] == '_')))
		{
			const char *t = p + 1;
			const char *end;
			size_t		tl;

			while (*t && *t != '$' && ((*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z') ||
									   (*t >= '0' && *t <= '9') || *t == '_'))
				t++;
			if (*t != '$')
			{
				p++;			/* a parameter-like $name: not a quote */
				continue;
			}
			tl = (size_t) (t - p + 1);
			for (end = t + 1; *end && strncmp(end, p, tl) != 0; end++)
				;
			if (!*end)
				return NULL;
			p = end + tl;
		}
		else
			p++;
	}
	return NULL;
}

static bool
word_at(const char *p, const char *w)
{
	size_t		n = strlen(w);

	return strncasecmp(p, w, n) == 0 &&
		!((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z') || (p[n] >= '0' && p[n] <= '9') ||
		  p[n] == '_' || p[n] == '$');
}

/*
 * The length of the text of the window call at byte loc of the query:
 * name(args) [FILTER (...)] OVER name-or-(...); 0 if it cannot be told.
 * Two calls of one query level written alike are the same call, as
 * PostgreSQL's parser finds them equal, so they share one result.
 */
static int
call_text_len(const char *query, int loc)
{
	const char *s,
			   *p;

	if (!query || loc < 0)
		return 0;
	s = query + loc;
	if (!(p = strchr(s, '(')) || !(p = skip_parens(p)))
		return 0;
	p = skip_blank(p);
	if (word_at(p, "filter"))
	{
		p = skip_blank(p + 6);
		if (*p != '(' || !(p = skip_parens(p)))
			return 0;
		p = skip_blank(p);
	}
	if (!word_at(p, "over"))
		return 0;
	p = skip_blank(p + 4);
	if (*p == '(')
	{
		if (!(p = skip_parens(p)))
			return 0;
	}
	else if (*p == '"')
	{
		for (p++; *p && !(*p == '"' && p[1] != '"'); p += *p == '"' ? 2 : 1)
			;
		if (!*p)
			return 0;
		p++;
	}
	else
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
			   *p == '_' || *p == '$' || (unsigned char) *p >= 0x80)
			p++;
	return (int) (p - s);
}

static const WinFuncDesc *
win_lookup(const char *name)
{
	for (size_t i = 0; i < sizeof(win_funcs) / sizeof(win_funcs[0]); i++)
		if (strcmp(win_funcs[i].name, name) == 0)
			return &win_funcs[i];
	return NULL;
}

void
win_begin(ParseState *ps, const AstList *window_clause)
{
	WinState   *w = arena_new(ps->a, WinState);
	int			n = ast_list_length(window_clause);

	w->named = window_clause;
	w->defs_cap = n + 4;
	w->defs = arena_new_array(ps->a, const AstWindowDef *, w->defs_cap);
	for (int i = 0; i < n; i++)
		w->defs[w->ndefs++] = (const AstWindowDef *) ast_list_nth(window_clause, i);
	ps->win = w;
}

/* rank, dense_rank, percent_rank and cume_dist with arguments: the hypothetical-set aggregates. */
static bool
hypothetical_call(const WinFuncDesc *d, int nargs)
{
	return d && nargs > 0 && (d->kind == WINFUNC_RANK || d->kind == WINFUNC_DENSE_RANK ||
							  d->kind == WINFUNC_PERCENT_RANK || d->kind == WINFUNC_CUME_DIST);
}

int
win_check_plain_call(ParseState *ps, const AstFuncCall *f, const char *name, int nargs, const Oid *argtypes)
{
	const WinFuncDesc *d = win_lookup(name);

	(void) argtypes;
	if (hypothetical_call(d, nargs))
	{
		if (f->agg_within_group)
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ordered-set aggregate %s is not supported yet", name);
		else
			mg_error(ps->err, SQLSTATE_WRONG_OBJECT_TYPE, "WITHIN GROUP is required for ordered-set aggregate %s",
					 name);
		pstate_position(ps, f->hdr.location);
		return -1;
	}
	if (!d || nargs < d->minargs || nargs > d->maxargs)
		return 0;
	mg_error(ps->err, SQLSTATE_WRONG_OBJECT_TYPE, "window function %s requires an OVER clause", name);
	pstate_position(ps, f->hdr.location);
	return -1;
}

/* No overload of d takes these arguments: the resolver words the error. */
static int
no_such_window_function(ParseState *ps, const WinFuncDesc *d, Expr **args, int nargs, int loc)
{
	Oid			types[FUNC_MAX_ARGS];
	Oid			resolved[FUNC_MAX_ARGS];

	for (int i = 0; i < nargs; i++)
		types[i] = args[i]->type;
	if (!func_resolve(d->name, nargs, types, resolved, ps->err))
		return (fail_at(ps, loc), -1);
	mg_error(ps->err, SQLSTATE_UNDEFINED_FUNCTION, "function %s does not exist", d->name);
	return (fail_at(ps, loc), -1);
}

/* An integer parameter: int4 or what casts to it implicitly, else no such function. */
static int
win_int_arg(ParseState *ps, const WinFuncDesc *d, Expr **args, int nargs, int k, int loc)
{
	Oid			t = args[k]->type;

	if (t != UNKNOWNOID && t != INT4OID && !cast_find(t, INT4OID, CAST_IMPLICIT))
		return no_such_window_function(ps, d, args, nargs, loc);
	return (args[k] = coerce_to(ps, args[k], INT4OID, -1, CAST_IMPLICIT, loc)) ? 0 : -1;
}

/* The arguments of a window function proper, coerced as its pg_proc entry says. */
static int
win_coerce_args(ParseState *ps, const WinFuncDesc *d, WinCall *wc, Expr **args, int nargs, int loc)
{

	if (nargs < d->minargs || nargs > d->maxargs)
		return no_such_window_function(ps, d, args, nargs, loc);
	switch (d->kind)
	{
		case WINFUNC_NTILE:
			if (win_int_arg(ps, d, args, nargs, 0, loc) < 0)
				return -1;
			break;
		case WINFUNC_LAG:
		case WINFUNC_LEAD:
			if (nargs == 3)
			{
				Expr	   *pair[2] = {args[0], args[2]};
				MgError		scratch = MG_ERROR_INIT;
				MgError    *save = ps->err;
				Oid			t;

				/* anycompatible: no common type means no such function */
				ps->err = &scratch;
				t = select_common_type(ps, pair, 2, d->name, loc);
				ps->err = save;
				mg_error_reset(&scratch);
				if (t == InvalidOid)
					return no_such_window_function(ps, d, args, nargs, loc);
				if (t == UNKNOWNOID)
					t = TEXTOID;
				if (!(args[0] = coerce_to(ps, args[0], t, -1, CAST_IMPLICIT, loc)) ||
					!(args[2] = coerce_to(ps, args[2], t, -1, CAST_IMPLICIT, loc)))
					return -1;
			}
			if (nargs >= 2 && win_int_arg(ps, d, args, nargs, 1, loc) < 0)
				return -1;
			break;
		case WINFUNC_NTH_VALUE:
			if (win_int_arg(ps, d, args, nargs, 1, loc) < 0)
				return -1;
			break;
		default:
			break;
	}
	if (nargs > 0 && args[0]->type == UNKNOWNOID && d->rettype == InvalidOid)
	{
		/* anyelement from an untyped literal alone (lag/lead's default resolves it above) */
		mg_error(ps->err, SQLSTATE_DATATYPE_MISMATCH,
				 "could not determine polymorphic type because input has type unknown");
		return -1;
	}
	wc->rettype = d->rettype != InvalidOid ? d->rettype : args[0]->type;
	return 0;
}

static int
win_add_def(ParseState *ps, const AstWindowDef *def)
{
	WinState   *w = ps->win;

	if (w->ndefs == w->defs_cap)
	{
		int			ncap = w->defs_cap * 2;

		w->defs = arena_realloc(ps->a, w->defs, sizeof(*w->defs) * w->defs_cap, sizeof(*w->defs) * ncap);
		w->defs_cap = ncap;
	}
	w->defs[w->ndefs] = def;
	return w->ndefs++;
}

Expr *
win_transform_call(ParseState *ps, const AstFuncCall *f, const char *name)
{
	const WinFuncDesc *d = win_lookup(name);
	int			nargs = ast_list_length(f->args);
	int			loc = f->hdr.location;
	Expr	   *args[FUNC_MAX_ARGS];
	WinState   *w = ps->win;
	bool		save_in_arg = w ? w->in_arg : false;
	WinCall		wc;
	Expr	   *e;
	int			nagg = 0;

	memset(&wc, 0, sizeof(wc));
	if (nargs > FUNC_MAX_ARGS)
	{
		mg_error(ps->err, SQLSTATE_TOO_MANY_ARGUMENTS, "cannot pass more than %d arguments to a function",
				 FUNC_MAX_ARGS);
		return fail_at(ps, loc);
	}
	if (w)
		w->in_arg = true;
	for (int i = 0; i < nargs; i++)
	{
		const AstNode *an = ast_list_nth(f->args, i);

		if (AST_IS(an, AST_NAMED_ARG))
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "named function arguments are not supported yet");
			args[i] = NULL;
		}
		else
			args[i] = transform_expr(ps, an);
		if (!args[i])
		{
			if (w)
				w->in_arg = save_in_arg;
			if (AST_IS(an, AST_NAMED_ARG))
				return fail_at(ps, an->location);
			return NULL;
		}
	}
	if (w)
		w->in_arg = save_in_arg;

	/* which function */
	if (hypothetical_call(d, nargs))
	{
		if (f->agg_within_group)
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "OVER is not supported for ordered-set aggregate %s",
					 name);
		else
			mg_error(ps->err, SQLSTATE_WRONG_OBJECT_TYPE, "WITHIN GROUP is required for ordered-set aggregate %s",
					 name);
		return fail_at(ps, loc);
	}
	if (d)
	{
		wc.kind = d->kind;
		if (win_coerce_args(ps, d, &wc, args, nargs, loc) < 0)
			return NULL;
	}
	else if (agg_candidates(name, &nagg), nagg > 0)
	{
		Oid			argtypes[FUNC_MAX_ARGS];
		Oid			resolved[FUNC_MAX_ARGS];

		for (int i = 0; i < nargs; i++)
			argtypes[i] = args[i]->type;
		wc.kind = WINFUNC_AGG;
		if (!(wc.agg = agg_resolve(name, nargs, argtypes, resolved, ps->err)))
			return fail_at(ps, loc);
		for (int i = 0; i < nargs; i++)
			if (!(args[i] = coerce_to(ps, args[i], resolved[i], -1, CAST_IMPLICIT, loc)))
				return NULL;
		for (int i = 0; i < nargs; i++)
			wc.argtypes[i] = args[i]->type;
		wc.rettype = agg_result_type(wc.agg, wc.argtypes);
	}
	else
	{
		Oid			argtypes[FUNC_MAX_ARGS];
		Oid			resolved[FUNC_MAX_ARGS];

		for (int i = 0; i < nargs; i++)
			argtypes[i] = args[i]->type;
		if (!func_resolve(name, nargs, argtypes, resolved, ps->err))
			return fail_at(ps, loc);
		mg_error(ps->err, SQLSTATE_WRONG_OBJECT_TYPE,
				 "OVER specified, but %s is not a window function nor an aggregate function", name);
		return fail_at(ps, loc);
	}
	if (f->agg_distinct)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "DISTINCT is not implemented for window functions");
		return fail_at(ps, loc);
	}
	if (f->agg_order || f->agg_within_group)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "aggregate ORDER BY is not implemented for window functions");
		return fail_at(ps, loc);
	}
	if (f->agg_filter && wc.kind != WINFUNC_AGG)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "FILTER is not implemented for non-aggregate window functions");
		return fail_at(ps, loc);
	}

	/* where it stands */
	if (!ps->allow_aggs || !w || !w->allowed)
	{
		const char *where = !ps->allow_aggs ? ps->agg_context : w ? w->context : NULL;

		mg_error(ps->err, SQLSTATE_WINDOWING_ERROR, "window functions are not allowed in %s",
				 where ? where : "this context");
		return fail_at(ps, loc);
	}
	if (ps->in_agg_arg)
	{
		mg_error(ps->err, SQLSTATE_GROUPING_ERROR, "aggregate function calls cannot contain window function calls");
		return fail_at(ps, loc);
	}
	if (w->in_arg)
	{
		mg_error(ps->err, SQLSTATE_WINDOWING_ERROR, "window function calls cannot be nested");
		return fail_at(ps, loc);
	}

	if (f->agg_filter)
	{
		bool		save = ps->allow_aggs;
		const char *save_ctx = ps->agg_context;
		Expr	   *flt;

		ps->allow_aggs = false;
		ps->agg_context = "FILTER";
		flt = transform_expr(ps, f->agg_filter);
		ps->allow_aggs = save;
		ps->agg_context = save_ctx;
		if (!flt || !(flt = coerce_to_bool(ps, flt, "FILTER")))
			return NULL;
		wc.filter = flt;
	}

	/* the same call again: its result */
	wc.text_len = call_text_len(ps->query, loc);
	for (int k = 0; k < w->ncalls && wc.text_len > 0; k++)
		if (w->calls[k].text_len == wc.text_len &&
			memcmp(ps->query + w->calls[k].location, ps->query + loc, (size_t) wc.text_len) == 0)
		{
			e = expr_new(ps->a, EXPR_VAR, w->calls[k].rettype, 0, loc);
			e->agg_level = true;
			e->u.var = WIN_SLOT_BASE + k;
			return e;
		}

	/* which window */
	if (f->over->name)
	{
		int			k;

		for (k = 0; k < ast_list_length(w->named); k++)
			if (w->defs[k]->name && strcmp(w->defs[k]->name, f->over->name) == 0)
				break;
		if (k == ast_list_length(w->named))
		{
			mg_error(ps->err, SQLSTATE_UNDEFINED_OBJECT, "window \"%s\" does not exist", f->over->name);
			return fail_at(ps, f->over->hdr.location);
		}
		wc.winref = k;
	}
	else
		wc.winref = win_add_def(ps, f->over);

	wc.name = arena_strdup(ps->a, name);
	wc.nargs = nargs;
	wc.args = arena_new_array(ps->a, Expr *, nargs > 0 ? nargs : 1);
	for (int i = 0; i < nargs; i++)
	{
		wc.args[i] = args[i];
		wc.argtypes[i] = args[i]->type;
	}
	wc.location = loc;
	if (w->ncalls == w->calls_cap)
	{
		int			ncap = w->calls_cap ? w->calls_cap * 2 : 4;

		w->calls = arena_realloc(ps->a, w->calls, sizeof(WinCall) * w->calls_cap, sizeof(WinCall) * ncap);
		w->calls_cap = ncap;
	}
	w->calls[w->ncalls] = wc;
	e = expr_new(ps->a, EXPR_VAR, wc.rettype, 0, loc);
	e->agg_level = true;
	e->u.var = WIN_SLOT_BASE + w->ncalls;
	w->ncalls++;
	return e;
}

/* ---- window definitions ---------------------------------------------------- */

static int
first_var_location(const Expr *e)
{
	if (!e)
		return -1;
	if (e->kind == EXPR_VAR || e->kind == EXPR_OUTERVAR)
		return e->location;
	for (int i = 0; i < e->nargs; i++)
	{
		int			l = first_var_location(e->args[i]);

		if (l != -2)
			return l;
	}
	if (e->kind == EXPR_CASE)
	{
		for (int i = 0; i < e->u.kase.nwhen; i++)
		{
			int			l = first_var_location(e->u.kase.when[i]);

			if (l == -2)
				l = first_var_location(e->u.kase.then[i]);
			if (l != -2)
				return l;
		}
		return first_var_location(e->u.kase.defresult);
	}
	return -2;					/* none */
}

static Expr *
win_offset(ParseState *ps, const AstNode *node, const char *mode)
{
	Expr	   *e;
	int			vloc;

	ps->allow_aggs = false;
	ps->agg_context = strcmp(mode, "ROWS") == 0 ? "window ROWS" :
		strcmp(mode, "GROUPS") == 0 ? "window GROUPS" : "window RANGE";
	if (!(e = transform_expr(ps, node)))
		return NULL;
	if (strcmp(mode, "RANGE") != 0 &&
		!(e = coerce_to(ps, e, INT8OID, -1, CAST_ASSIGNMENT, node->location)))
		return NULL;
	if ((vloc = first_var_location(e)) != -2)
	{
		mg_error(ps->err, SQLSTATE_INVALID_COLUMN_REFERENCE, "argument of %s must not contain variables", mode);
		return fail_at(ps, vloc >= 0 ? vloc : node->location);
	}
	return e;
}

/* RANGE offset: picks the offset type for the key type and prepares the arithmetic. */
static int
win_range_offset(ParseState *ps, WinClause *c, Expr **offp, const AstNode *node)
{
	Oid			key = c->order[0].expr->type;
	Oid			cands[3];
	int			ncand = 0;
	Expr	   *off = *offp;
	Oid			t = off->type;
	Oid			chosen = InvalidOid;

	if (key == INT2OID || key == INT4OID)
	{
		cands[ncand++] = INT8OID;
		cands[ncand++] = INT4OID;
		cands[ncand++] = INT2OID;
		c->range = WINRANGE_INT;
	}
	else if (key == INT8OID)
	{
		cands[ncand++] = INT8OID;
		c->range = WINRANGE_INT;
	}
	else if (key == FLOAT4OID || key == FLOAT8OID)
	{
		cands[ncand++] = FLOAT8OID;
		c->range = WINRANGE_FLOAT;
	}
	else if (key == NUMERICOID)
	{
		cands[ncand++] = NUMERICOID;
		c->range = WINRANGE_EXPR;
	}
	else if (key == DATEOID || key == TIMESTAMPOID || key == TIMESTAMPTZOID || key == TIMEOID ||
			 key == TIMETZOID || key == INTERVALOID)
	{
		cands[ncand++] = INTERVALOID;
		c->range = WINRANGE_EXPR;
	}
	else
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "RANGE with offset PRECEDING/FOLLOWING is not supported for column type %s",
				 type_display_name(ps, key));
		return (fail_at(ps, node->location), -1);
	}
	for (int i = 0; i < ncand; i++)
		if (cands[i] == (t == UNKNOWNOID ? key : t))
			chosen = cands[i];
	for (int i = 0; i < ncand && chosen == InvalidOid; i++)
		if (t == UNKNOWNOID || cast_find(t, cands[i], CAST_IMPLICIT))
			chosen = cands[i];
	if (chosen == InvalidOid)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				 "RANGE with offset PRECEDING/FOLLOWING is not supported for column type %s and offset type %s",
				 type_display_name(ps, key), type_display_name(ps, t));
		mg_error_hint(ps->err, "Cast the offset value to an appropriate type.");
		return (fail_at(ps, node->location), -1);
	}
	if (!(off = coerce_to(ps, off, chosen, -1, CAST_ASSIGNMENT, node->location)))
		return -1;
	*offp = off;
	c->offset_type = chosen;	/* integers: each offset's own type is its Expr's */
	if (c->range == WINRANGE_EXPR && !c->bound_add)
	{
		Expr	   *kv = expr_new(ps->a, EXPR_VAR, key, 0, -1);
		Expr	   *ov = expr_new(ps->a, EXPR_VAR, chosen, 0, -1);
		const MgType *bt;

		kv->typmod = ov->typmod = -1;
		kv->u.var = 0;
		ov->u.var = 1;
		if (!(c->bound_add = make_op(ps, "+", kv, ov, node->location)) ||
			!(c->bound_sub = make_op(ps, "-", kv, ov, node->location)))
			return -1;
		if (c->bound_add->type != key &&
			!(c->key_cast = coerce_to(ps, kv, c->bound_add->type, -1, CAST_IMPLICIT, node->location)))
			return -1;
		bt = type_by_oid(c->bound_add->type);
		if (!bt || !bt->cmp || c->bound_sub->type != c->bound_add->type)
		{
			mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "RANGE with offset PRECEDING/FOLLOWING is not supported for column type %s",
					 type_display_name(ps, key));
			return (fail_at(ps, node->location), -1);
		}
		c->bound_cmp = bt->cmp;
	}
	return 0;
}

static int
win_sort_key(ParseState *ps, const AstSortBy *sb, WinOrderKey *k)
{
	Expr	   *e = transform_expr(ps, sb->node);
	const MgType *t;

	if (!e)
		return -1;
	if (e->type == UNKNOWNOID && !(e = coerce_to(ps, e, TEXTOID, -1, CAST_IMPLICIT, sb->node->location)))
		return -1;
	t = type_by_oid(e->type);
	if (!t || !t->cmp)
	{
		mg_error(ps->err, SQLSTATE_UNDEFINED_FUNCTION, "could not identify an ordering operator for type %s",
				 type_display_name(ps, e->type));
		return (fail_at(ps, sb->node->location), -1);
	}
	if (sb->dir == AST_SORTBY_USING)
	{
		mg_error(ps->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "ORDER BY USING is not supported");
		return (fail_at(ps, sb->hdr.location), -1);
	}
	k->expr = e;
	k->desc = sb->dir == AST_SORTBY_DESC;
	k->nulls_first = sb->nulls == AST_SORTBY_NULLS_DEFAULT ? k->desc : sb->nulls == AST_SORTBY_NULLS_FIRST;
	k->cmp = t->cmp;
	return 0;
}

static int
win_transform_def(ParseState *ps, WinClause *all, int index)
{
	WinState   *w = ps->win;
	WinClause  *out = &all[index];
	const AstWindowDef *def = w->defs[index];
	const WinClause *ref = NULL;
	int			norder = ast_list_length(def->order_clause);
	int			npart = ast_list_length(def->partition_clause);
	WinOrderKey *order = arena_new_array(ps->a, WinOrderKey, norder > 0 ? norder : 1);
	Expr	  **part = arena_new_array(ps->a, Expr *, npart > 0 ? npart : 1);
	TypeCmpFn  *partcmp = arena_new_array(ps->a, TypeCmpFn, npart > 0 ? npart : 1);
	int			loc = def->hdr.location;

	if (def->name)
		for (int i = 0; i < index; i++)
			if (all[i].name && strcmp(all[i].name, def->name) == 0)
			{
				mg_error(ps->err, SQLSTATE_WINDOWING_ERROR, "window \"%s\" is already defined", def->name);
				return (fail_at(ps, loc), -1);
			}
	if (def->refname)
	{
		for (int i = 0; i < index && !ref; i++)
			if (all[i].name && strcmp(all[i].name, def->refname) == 0)
				ref = &all[i];
		if (!ref)
		{
			mg_error(ps->err, SQLSTATE_UNDEFINED_OBJECT, "window \"%s\" does not exist", def->refname);
			return (fail_at(ps, loc), -1);
		}
	}
	ps->allow_aggs = true;
	w->allowed = false;
	w->context = "window definitions";
	for (int i = 0; i < norder; i++)
		if (win_sort_key(ps, (const AstSortBy *) ast_list_nth(def->order_clause, i), &order[i]) < 0)
			return -1;
	for (int i = 0; i < npart; i++)
	{
		const AstNode *pn = ast_list_nth(def->partition_clause, i);
		const MgType *t;

		if (!(part[i] = transform_expr(ps, pn)))
			return -1;
		if (part[i]->type == UNKNOWNOID &&
			!(part[i] = coerce_to(ps, part[i], TEXTOID, -1, CAST_IMPLICIT, pn->location)))
			return -1;
		t = type_by_oid(part[i]->type);
		if (!t || !t->cmp)
		{
			mg_error(ps->err, SQLSTATE_UNDEFINED_FUNCTION, "could not identify an ordering operator for type %s",
					 type_display_name(ps, part[i]->type));
			return (fail_at(ps, pn->location), -1);
		}
		partcmp[i] = t->cmp;
	}
	out->name = def->name;
	out->location = loc;
	if (ref)
	{
		if (npart > 0)
		{
			mg_error(ps->err, SQLSTATE_WINDOWING_ERROR, "cannot override PARTITION BY clause of window \"%s\"",
					 def->refname);
			return (fail_at(ps, loc), -1);
		}
		out->npart = ref->npart;
		out->part = ref->part;
		out->partcmp = ref->partcmp;
		if (norder > 0 && ref->norder > 0)
		{
			mg_error(ps->err, SQLSTATE_WINDOWING_ERROR, "cannot override ORDER BY clause of window \"%s\"",
					 def->refname);
			return (fail_at(ps, loc), -1);
		}
		if (norder == 0)
		{
			norder = ref->norder;
			order = ref->order;
		}
		if (ref->frame != AST_FRAME_DEFAULTS)
		{
			mg_error(ps->err, SQLSTATE_WINDOWING_ERROR, "cannot copy window \"%s\" because it has a frame clause",
					 def->refname);
			if (!def->name && ast_list_length(def->order_clause) == 0 && def->frame_options == AST_FRAME_DEFAULTS)
				mg_error_hint(ps->err, "Omit the parentheses in this OVER clause.");
			return (fail_at(ps, loc), -1);
		}
	}
	else
	{
		out->npart = npart;
		out->part = part;
		out->partcmp = partcmp;
	}
	out->norder = norder;
	out->order = order;
	out->frame = def->frame_options;
	if ((out->frame & AST_FRAME_RANGE) &&
		(out->frame & (AST_FRAME_START_OFFSET_PRECEDING | AST_FRAME_START_OFFSET_FOLLOWING |
					   AST_FRAME_END_OFFSET_PRECEDING | AST_FRAME_END_OFFSET_FOLLOWING)) &&
		out->norder != 1)
	{
		mg_error(ps->err, SQLSTATE_WINDOWING_ERROR,
				 "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column");
		return (fail_at(ps, loc), -1);
	}
	if ((out->frame & AST_FRAME_GROUPS) && out->norder == 0)
	{
		mg_error(ps->err, SQLSTATE_WINDOWING_ERROR, "GROUPS mode requires an ORDER BY clause");
		return (fail_at(ps, loc), -1);
	}
	{
		const char *mode = (out->frame & AST_FRAME_ROWS) ? "ROWS" :
			(out->frame & AST_FRAME_GROUPS) ? "GROUPS" : "RANGE";

		if (def->start_offset)
		{
			if (!(out->start_offset = win_offset(ps, def->start_offset, mode)))
				return -1;
			if (strcmp(mode, "RANGE") == 0 &&
				win_range_offset(ps, out, &out->start_offset, def->start_offset) < 0)
				return -1;
		}
		if (def->end_offset)
		{
			if (!(out->end_offset = win_offset(ps, def->end_offset, mode)))
				return -1;
			if (strcmp(mode, "RANGE") == 0 &&
				win_range_offset(ps, out, &out->end_offset, def->end_offset) < 0)
				return -1;
		}
	}
	return 0;
}

int
win_finish(ParseState *ps, Query *q)
{
	WinState   *w = ps->win;
	WinInfo    *info;
	bool		save_aggs = ps->allow_aggs;
	const char *save_ctx = ps->agg_context;

	if (!w || w->ndefs == 0)
		return 0;
	info = arena_new(ps->a, WinInfo);
	info->nclauses = w->ndefs;
	info->clauses = arena_new_array(ps->a, WinClause, w->ndefs);
	for (int i = 0; i < w->ndefs; i++)
		if (win_transform_def(ps, info->clauses, i) < 0)
			return -1;
	ps->allow_aggs = save_aggs;
	ps->agg_context = save_ctx;
	w->allowed = false;
	info->ncalls = w->ncalls;
	info->calls = w->calls;
	w->info = info;
	if (w->ncalls > 0)
		q->windows = info;
	return 0;
}
