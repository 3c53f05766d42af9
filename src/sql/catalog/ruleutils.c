/*
 * ruleutils.c — the text of catalog objects as PostgreSQL's ruleutils.c
 * prints it: pg_get_expr (DEFAULT and CHECK expressions), pg_get_indexdef
 * and pg_get_constraintdef.
 *
 * Design notes:
 *   - Expressions are printed from the analysed Expr trees the catalog
 *     keeps, following get_rule_expr: operators in parentheses unless
 *     pretty, with pretty deciding parentheses by isSimpleNode's rules;
 *     implicit casts shown only below operators and function arguments
 *     (showimplicit); constants labelled with their type unless they are
 *     integers, booleans or decimal-looking numerics.
 *   - CASE is broken into lines and indented as PostgreSQL's
 *     appendContextKeyword does (always: PRETTYFLAG_INDENT is set even
 *     when not pretty).  Function names are never schema-qualified;
 *     identifiers are quoted as quote_ident does.
 *
 * Invariants:
 *   1. Printing never fails: an expression form it does not know prints
 *      as "?" rather than stopping the whole catalog query.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "../catalog.h"
#include "../engine.h"
#include "../expr.h"
#include "../system.h"

typedef struct Deparse
{
	EvalCtx    *ctx;
	const Catalog *c;
	const CatTable *t;
	bool		pretty;
	int			indent;			/* the current indentation (CASE) */
	StrBuf	   *out;
} Deparse;

/* What a node is, for the parenthesis rules (PostgreSQL's node tags). */
typedef enum NodeClass
{
	NC_SIMPLE,					/* Var, Const, function-like, CASE */
	NC_OP,
	NC_BOOL,
	NC_TEST,					/* NULL test, boolean test, IS DISTINCT, sublinks */
	NC_CAST						/* a shown cast: function-like */
} NodeClass;

static void get_rule_expr(Deparse *d, const Expr *e, bool showimplicit);

#define PRETTY_INDENT_VAR 4

/*
 * PostgreSQL's appendContextKeyword with PRETTYFLAG_INDENT, which its
 * pg_get_expr and pg_get_constraintdef set pretty or not: a keyword starts
 * a new line indented to the current level (trailing spaces removed
 * first), and the level moves by before/after.
 */
static void
context_keyword(Deparse *d, const char *kw, int before, int after)
{
	d->indent += before;
	while (d->out->len > 0 && d->out->data[d->out->len - 1] == ' ')
		d->out->data[--d->out->len] = '\0';
	strbuf_putc(d->out, '\n');
	for (int i = 0; i < (d->indent > 0 ? d->indent : 0); i++)
		strbuf_putc(d->out, ' ');
	d->indent += after;
	if (d->indent < 0)
		d->indent = 0;
	strbuf_puts(d->out, kw);
}

static bool
is_shown_cast(const Expr *e, bool showimplicit)
{
	return e->kind == EXPR_CAST && (e->u.cast.explicit_cast || showimplicit);
}

/* An implicit cast that is not shown prints as its argument: classify that. */
static const Expr *
strip_hidden_casts(const Expr *e, bool showimplicit)
{
	while (e->kind == EXPR_CAST && !is_shown_cast(e, showimplicit))
		e = e->args[0];
	return e;
}

static NodeClass
node_class(const Expr *e)
{
	switch (e->kind)
	{
		case EXPR_FUNC:
			return e->u.func.opname ? NC_OP : NC_SIMPLE;
		case EXPR_IN:
		case EXPR_SCALARARRAY:
			return NC_OP;
		case EXPR_AND:
		case EXPR_OR:
		case EXPR_NOT:
			return NC_BOOL;
		case EXPR_NULLTEST:
		case EXPR_BOOLTEST:
		case EXPR_DISTINCT:
		case EXPR_SUBLINK:
			return NC_TEST;
		case EXPR_CAST:
			return NC_CAST;
		default:
			return NC_SIMPLE;
	}
}

static const char *
simple_binary_op(const Expr *e)
{
	if (e->kind == EXPR_FUNC && e->u.func.opname && e->nargs == 2)
		return e->u.func.opname;
	return NULL;
}

/* PostgreSQL's isSimpleNode: whether node, under parent, needs no parentheses when pretty. */
static bool
is_simple_node(const Expr *node, const Expr *parent, bool first_arg)
{
	NodeClass	nc = node_class(node);
	NodeClass	pc = parent ? node_class(parent) : NC_SIMPLE;

	if (nc == NC_SIMPLE)
		return true;
	if (nc == NC_CAST)
		return is_simple_node(node->args[0], node, true);
	if (nc == NC_OP && parent && simple_binary_op(parent))
	{
		const char *op = simple_binary_op(node);
		const char *pop = simple_binary_op(parent);
		bool		lo,
					hi,
					plo,
					phi;

		if (!op || strlen(op) != 1 || strlen(pop) != 1)
			return false;
		lo = strchr("+-", *op) != NULL;
		hi = strchr("*/%", *op) != NULL;
		plo = strchr("+-", *pop) != NULL;
		phi = strchr("*/%", *pop) != NULL;
		if (!(lo || hi) || !(plo || phi))
			return false;
		if (hi && plo)
			return true;
		if (lo && phi)
			return false;
		return first_arg;
	}
	if (nc == NC_BOOL && parent && pc == NC_BOOL)
	{
		if (node->kind == EXPR_NOT || node->kind == EXPR_AND)
			return parent->kind == EXPR_AND || parent->kind == EXPR_OR;
		return parent->kind == EXPR_OR;
	}
	if (!parent)
		return false;
	/* function arguments, CASE, COALESCE, GREATEST, ARRAY[] and AND/OR give their own separation */
	switch (parent->kind)
	{
		case EXPR_FUNC:
			return !parent->u.func.opname;
		case EXPR_AND:
		case EXPR_OR:
		case EXPR_NOT:
			return true;
		case EXPR_CASE:
		case EXPR_COALESCE:
		case EXPR_MINMAX:
		case EXPR_ARRAY:
		case EXPR_NULLIF:
			return true;
		default:
			return false;
	}
}

static void
get_rule_expr_paren(Deparse *d, const Expr *e, bool showimplicit, const Expr *parent, bool first_arg)
{
	const Expr *shown = strip_hidden_casts(e, showimplicit);
	bool		paren = d->pretty && !is_simple_node(shown, parent, first_arg);

	if (paren)
		strbuf_putc(d->out, '(');
	get_rule_expr(d, e, showimplicit);
	if (paren)
		strbuf_putc(d->out, ')');
}

static void
put_literal(StrBuf *out, const char *s)
{
	strbuf_putc(out, '\'');
	for (const char *p = s; *p; p++)
	{
		if (*p == '\'' || *p == '\\')
			strbuf_putc(out, *p);
		strbuf_putc(out, *p);
	}
	strbuf_putc(out, '\'');
}

/*
 * get_const_expr with showtype 0 (label when the type is not evident) or -1
 * (never label).  PostgreSQL's constants carry no typmod (a length coercion
 * is a separate, hidden node) except intervals, whose input needs it;
 * memgres folds the coercion into the constant, so the label drops it.
 */
static void
get_const_expr(Deparse *d, const Expr *e, int showtype)
{
	StrBuf		v;
	bool		needlabel = false;
	int32_t		typmod = e->type == INTERVALOID ? e->typmod : -1;

	if (e->u.c.isnull)
	{
		strbuf_puts(d->out, "NULL");
		if (showtype >= 0)
		{
			strbuf_puts(d->out, "::");
			type_format(e->type, typmod, d->out);
		}
		return;
	}
	strbuf_init_arena(&v, d->ctx->arena);
	if (e->type == REGCLASSOID)
	{
		if (!sql_regclass_name(d->ctx->session, DatumGetObjectId(e->u.c.value), &v))
			strbuf_printf(&v, "%u", DatumGetObjectId(e->u.c.value));
	}
	else if (type_output(d->ctx, e->type, e->typmod, e->u.c.value, &v) < 0)
	{
		mg_error_reset(d->ctx->err);
		strbuf_puts(d->out, "?");
		return;
	}
	/* the padding a char(n) column added to its constant: PostgreSQL keeps the literal as written */
	if (e->type == BPCHAROID)
		while (v.len > 0 && v.data[v.len - 1] == ' ')
			v.data[--v.len] = '\0';
	switch (e->type)
	{
		case INT4OID:
			if (v.data[0] != '-')
				strbuf_puts(d->out, v.data);
			else
			{
				put_literal(d->out, v.data);
				needlabel = true;
			}
			break;
		case NUMERICOID:
			if (isdigit((unsigned char) v.data[0]) && strcspn(v.data, "eE.") != strlen(v.data))
				strbuf_puts(d->out, v.data);
			else
			{
				put_literal(d->out, v.data);
				needlabel = true;
			}
			needlabel |= typmod >= 0;
			break;
		case BOOLOID:
			strbuf_puts(d->out, DatumGetBool(e->u.c.value) ? "true" : "false");
			break;
		default:
			put_literal(d->out, v.data);
			needlabel = e->type != UNKNOWNOID;
			break;
	}
	if (needlabel || showtype > 0)
	{
		strbuf_puts(d->out, "::");
		type_format(e->type, typmod, d->out);
	}
}

/* get_coercion_expr: arg::type, the argument parenthesised unless pretty. */
static void
get_coercion_expr(Deparse *d, const Expr *e)
{
	const Expr *arg = e->args[0];

	if (arg->kind == EXPR_CONST && arg->type == e->type && arg->typmod == -1)
		get_const_expr(d, arg, -1);
	else
	{
		if (!d->pretty)
			strbuf_putc(d->out, '(');
		get_rule_expr_paren(d, arg, false, e, true);
		if (!d->pretty)
			strbuf_putc(d->out, ')');
	}
	strbuf_puts(d->out, "::");
	type_format(e->type, e->typmod, d->out);
}

static void
open_paren(Deparse *d)
{
	if (!d->pretty)
		strbuf_putc(d->out, '(');
}

static void
close_paren(Deparse *d)
{
	if (!d->pretty)
		strbuf_putc(d->out, ')');
}

static void
get_oper_expr(Deparse *d, const Expr *e)
{
	open_paren(d);
	if (e->nargs == 2)
	{
		get_rule_expr_paren(d, e->args[0], true, e, true);
		strbuf_printf(d->out, " %s ", e->u.func.opname);
		get_rule_expr_paren(d, e->args[1], true, e, false);
	}
	else
	{
		strbuf_printf(d->out, "%s ", e->u.func.opname);
		get_rule_expr_paren(d, e->args[0], true, e, true);
	}
	close_paren(d);
}

static void
get_bool_expr(Deparse *d, const Expr *e)
{
	if (e->kind == EXPR_NOT)
	{
		open_paren(d);
		strbuf_puts(d->out, "NOT ");
		get_rule_expr_paren(d, e->args[0], false, e, true);
		close_paren(d);
		return;
	}
	open_paren(d);
	for (int i = 0; i < e->nargs; i++)
	{
		if (i)
			strbuf_puts(d->out, e->kind == EXPR_AND ? " AND " : " OR ");
		get_rule_expr_paren(d, e->args[i], false, e, i == 0);
	}
	close_paren(d);
}

/* The operator a function implements, by its symbol ("=" for int4eq); the function's name if none. */
static const char *
operator_symbol(const FuncDef *f)
{
	int			n;
	const OperDef *const *ops = oper_all(&n);

	for (int i = 0; i < n; i++)
		if (ops[i]->func == f)
			return ops[i]->name;
	return f->name;
}

static void
get_list(Deparse *d, const Expr *parent, Expr *const *args, int n)
{
	for (int i = 0; i < n; i++)
	{
		if (i)
			strbuf_puts(d->out, ", ");
		get_rule_expr_paren(d, args[i], true, parent, i == 0);
	}
}

static void
get_rule_expr(Deparse *d, const Expr *e, bool showimplicit)
{
	static const char *const booltests[] = {
		[BT_IS_TRUE] = " IS TRUE", [BT_IS_NOT_TRUE] = " IS NOT TRUE",
		[BT_IS_FALSE] = " IS FALSE", [BT_IS_NOT_FALSE] = " IS NOT FALSE",
		[BT_IS_UNKNOWN] = " IS UNKNOWN", [BT_IS_NOT_UNKNOWN] = " IS NOT UNKNOWN",
	};

	if (e->sql_syntax)
	{
		strbuf_puts(d->out, e->sql_syntax);
		return;
	}
	switch (e->kind)
	{
		case EXPR_CONST:
			get_const_expr(d, e, 0);
			return;
		case EXPR_VAR:
			if (d->t && e->u.var >= 0 && e->u.var < d->t->ncols)
				system_put_ident(d->out, d->t->cols[e->u.var].name);
			else
				strbuf_puts(d->out, "?");
			return;
		case EXPR_FUNC:
			if (e->u.func.opname)
			{
				get_oper_expr(d, e);
				return;
			}
			system_put_ident(d->out, e->u.func.def->name);
			strbuf_putc(d->out, '(');
			get_list(d, e, e->args, e->nargs);
			strbuf_putc(d->out, ')');
			return;
		case EXPR_CAST:
			if (!is_shown_cast(e, showimplicit))
			{
				get_rule_expr_paren(d, e->args[0], false, e, true);
				return;
			}
			get_coercion_expr(d, e);
			return;
		case EXPR_AND:
		case EXPR_OR:
		case EXPR_NOT:
			get_bool_expr(d, e);
			return;
		case EXPR_NULLTEST:
			open_paren(d);
			get_rule_expr_paren(d, e->args[0], true, e, true);
			strbuf_puts(d->out, e->u.nulltest.isnot ? " IS NOT NULL" : " IS NULL");
			close_paren(d);
			return;
		case EXPR_BOOLTEST:
			open_paren(d);
			get_rule_expr_paren(d, e->args[0], false, e, true);
			strbuf_puts(d->out, booltests[e->u.booltest]);
			close_paren(d);
			return;
		case EXPR_DISTINCT:
			open_paren(d);
			get_rule_expr_paren(d, e->args[0], true, e, true);
			strbuf_puts(d->out, e->u.distinct.isnot ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ");
			get_rule_expr_paren(d, e->args[1], true, e, false);
			close_paren(d);
			return;
		case EXPR_NULLIF:
			strbuf_puts(d->out, "NULLIF(");
			get_list(d, e, e->args, 2);
			strbuf_putc(d->out, ')');
			return;
		case EXPR_COALESCE:
			strbuf_puts(d->out, "COALESCE(");
			get_list(d, e, e->args, e->nargs);
			strbuf_putc(d->out, ')');
			return;
		case EXPR_MINMAX:
			strbuf_puts(d->out, e->u.minmax.greatest ? "GREATEST(" : "LEAST(");
			get_list(d, e, e->args, e->nargs);
			strbuf_putc(d->out, ')');
			return;
		case EXPR_ARRAY:
			strbuf_puts(d->out, "ARRAY[");
			get_list(d, e, e->args, e->nargs);
			strbuf_putc(d->out, ']');
			if (e->nargs == 0)
			{
				/* an empty array takes its type from a cast */
				strbuf_puts(d->out, "::");
				type_format(e->type, -1, d->out);
			}
			return;
		case EXPR_IN:
			/* PostgreSQL stores x IN (a, b) as x = ANY (ARRAY[a, b]) */
			open_paren(d);
			get_rule_expr_paren(d, e->args[0], true, e, true);
			strbuf_puts(d->out, e->u.in.isnot ? " <> ALL (ARRAY[" : " = ANY (ARRAY[");
			get_list(d, e, e->args + 1, e->nargs - 1);
			strbuf_puts(d->out, "])");
			close_paren(d);
			return;
		case EXPR_SCALARARRAY:
			open_paren(d);
			get_rule_expr_paren(d, e->args[0], true, e, true);
			strbuf_printf(d->out, " %s %s (", e->u.scalararray.op ? operator_symbol(e->u.scalararray.op) : "=",
						  e->u.scalararray.all ? "ALL" : "ANY");
			get_rule_expr_paren(d, e->args[1], true, e, false);
			strbuf_putc(d->out, ')');
			close_paren(d);
			return;
		case EXPR_CASE:
			context_keyword(d, "CASE", 0, PRETTY_INDENT_VAR);
			if (e->u.kase.arg)
			{
				strbuf_putc(d->out, ' ');
				get_rule_expr(d, e->u.kase.arg, true);
			}
			for (int i = 0; i < e->u.kase.nwhen; i++)
			{
				const Expr *w = e->u.kase.when[i];

				context_keyword(d, "WHEN ", 0, 0);
				/* a simple CASE keeps its operand in each condition: show the value only */
				if (e->u.kase.arg && w->kind == EXPR_FUNC && w->nargs == 2)
					w = w->args[1];
				get_rule_expr(d, w, false);
				strbuf_puts(d->out, " THEN ");
				get_rule_expr(d, e->u.kase.then[i], true);
			}
			context_keyword(d, "ELSE ", 0, 0);
			get_rule_expr(d, e->u.kase.defresult, true);
			context_keyword(d, "END", -PRETTY_INDENT_VAR, 0);
			return;
		default:
			strbuf_puts(d->out, "?");
			return;
	}
}

void
ruleutils_expr(EvalCtx *ctx, const Catalog *c, const CatTable *t, const Expr *e, bool pretty, StrBuf *out)
{
	Deparse		d = {.ctx = ctx, .c = c, .t = t, .pretty = pretty, .out = out};

	get_rule_expr(&d, e, false);
}

static void
put_relation_name(SqlSession *s, const Catalog *c, const CatTable *t, bool qualify, StrBuf *out)
{
	if (qualify || !system_relation_visible(s, c, t, NULL))
	{
		system_put_ident(out, system_schema_name(c, t->schema));
		strbuf_putc(out, '.');
	}
	system_put_ident(out, t->name);
}

static void
put_column_list(const CatTable *t, int n, const int16_t *attnums, StrBuf *out)
{
	for (int k = 0; k < n; k++)
	{
		if (k)
			strbuf_puts(out, ", ");
		if (attnums[k] >= 1 && attnums[k] <= t->ncols)
			system_put_ident(out, t->cols[attnums[k] - 1].name);
	}
}

void
ruleutils_indexdef(SqlSession *s, const Catalog *c, const CatTable *t, const CatIndex *ix, int column,
				   bool pretty, StrBuf *out)
{
	(void) pretty;
	if (column > 0)
	{
		if (column <= ix->ncols)
			system_put_ident(out, t->cols[ix->attnums[column - 1] - 1].name);
		return;
	}
	strbuf_puts(out, ix->unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
	system_put_ident(out, ix->name);
	strbuf_puts(out, " ON ");
	put_relation_name(s, c, t, true, out);
	strbuf_puts(out, " USING btree (");
	for (int k = 0; k < ix->ncols; k++)
	{
		if (k)
			strbuf_puts(out, ", ");
		system_put_ident(out, t->cols[ix->attnums[k] - 1].name);
		if (ix->flags[k] & IDXKEY_DESC)
			strbuf_puts(out, (ix->flags[k] & IDXKEY_NULLS_FIRST) ? " DESC" : " DESC NULLS LAST");
		else if (ix->flags[k] & IDXKEY_NULLS_FIRST)
			strbuf_puts(out, " NULLS FIRST");
	}
	strbuf_putc(out, ')');
}

static const char *
fk_action(char a)
{
	switch (a)
	{
		case 'r':
			return "RESTRICT";
		case 'c':
			return "CASCADE";
		case 'n':
			return "SET NULL";
		case 'd':
			return "SET DEFAULT";
		default:
			return NULL;
	}
}

void
ruleutils_constraintdef(EvalCtx *ctx, const Catalog *c, const CatTable *t, const CatConstraint *con,
						bool pretty, StrBuf *out)
{
	switch (con->type)
	{
		case CON_PRIMARY:
		case CON_UNIQUE:
			strbuf_puts(out, con->type == CON_PRIMARY ? "PRIMARY KEY (" : "UNIQUE (");
			put_column_list(t, con->ncols, con->cols, out);
			strbuf_putc(out, ')');
			break;
		case CON_FOREIGN:
			{
				const CatTable *ref = catalog_table_by_oid(c, con->ref_table);

				strbuf_puts(out, "FOREIGN KEY (");
				put_column_list(t, con->ncols, con->cols, out);
				strbuf_puts(out, ") REFERENCES ");
				if (ref)
				{
					put_relation_name(ctx->session, c, ref, false, out);
					strbuf_putc(out, '(');
					put_column_list(ref, con->ncols, con->ref_cols, out);
					strbuf_putc(out, ')');
				}
				if (con->match_type == 'f')
					strbuf_puts(out, " MATCH FULL");
				else if (con->match_type == 'p')
					strbuf_puts(out, " MATCH PARTIAL");
				if (fk_action(con->upd_action))
					strbuf_printf(out, " ON UPDATE %s", fk_action(con->upd_action));
				if (fk_action(con->del_action))
					strbuf_printf(out, " ON DELETE %s", fk_action(con->del_action));
				break;
			}
		case CON_CHECK:
			strbuf_puts(out, "CHECK (");
			if (con->check)
				ruleutils_expr(ctx, c, t, con->check, pretty, out);
			strbuf_putc(out, ')');
			break;
		case CON_NOTNULL:
			strbuf_puts(out, "NOT NULL");
			break;
	}
}
