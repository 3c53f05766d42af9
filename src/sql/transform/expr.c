/*
 * expr.c — transform of expressions and the small shared pieces (names,
 * type names, constants, generic options).
 *
 * One case per PostgreSQL raw expression node; each copies every field
 * into its memgres counterpart (src/sql/ast.h).  Expression nodes the raw
 * grammar can produce but memgres does not model (XML, CURRENT OF ...)
 * fail with 0A000 naming the construct.
 *
 * Invariants:
 *  1. tx_expr() brackets its work with tx_enter()/tx_leave(), so every
 *     recursion through expressions is depth-bounded (transform.h).
 *  2. Locations are copied unchanged (byte offsets into the query).
 */
#include "transform.h"

#include <string.h>

#include <memgres/sqlstate.h>

#define NEW(type, tag, loc) tx_new_at(ctx, sizeof(type), (tag), (loc))

static void *
tx_new_at(TxCtx *ctx, size_t size, AstTag tag, int location)
{
	AstNode    *n = ast_new_node(ctx->a, size, tag);

	n->location = location;
	return n;
}

char *
tx_str(TxCtx *ctx, const char *s)
{
	return s ? arena_strdup(ctx->a, s) : NULL;
}

AstList *
tx_names(TxCtx *ctx, List *names)
{
	AstList    *out = NULL;
	ListCell   *lc;

	foreach(lc, names)
	{
		Node	   *n = lfirst(lc);

		if (IsA(n, String))
			out = ast_list_append(ctx->a, out, ast_make_string(ctx->a, strVal(n)));
		else if (IsA(n, A_Star))
			out = ast_list_append(ctx->a, out, ast_new(ctx->a, AstStar, AST_STAR));
		else
		{
			tx_fail(ctx, SQLSTATE_SYNTAX_ERROR, -1, "improper qualified name");
			return NULL;
		}
	}
	return out;
}

AstList *
tx_expr_list(TxCtx *ctx, List *exprs)
{
	AstList    *out = NULL;
	ListCell   *lc;

	foreach(lc, exprs)
	{
		out = ast_list_append(ctx->a, out, tx_expr(ctx, lfirst(lc)));
		if (tx_failed(ctx))
			return NULL;
	}
	return out;
}

AstNode *
tx_value(TxCtx *ctx, Node *val, int location)
{
	AstConst   *c = NEW(AstConst, AST_CONST, location);

	if (val == NULL)
	{
		c->kind = AST_CONST_NULL;
		return &c->hdr;
	}
	switch (nodeTag(val))
	{
		case T_Integer:
			c->kind = AST_CONST_INTEGER;
			c->ival = intVal(val);
			break;
		case T_Float:
			c->kind = AST_CONST_FLOAT;
			c->sval = tx_str(ctx, castNode(Float, val)->fval);
			break;
		case T_Boolean:
			c->kind = AST_CONST_BOOL;
			c->bval = boolVal(val);
			break;
		case T_String:
			c->kind = AST_CONST_STRING;
			c->sval = tx_str(ctx, strVal(val));
			break;
		case T_BitString:
			c->kind = AST_CONST_BITSTRING;
			c->sval = tx_str(ctx, castNode(BitString, val)->bsval);
			break;
		default:
			tx_fail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, location,
					"unrecognized value node type %d", (int) nodeTag(val));
			return NULL;
	}
	return &c->hdr;
}

AstTypeName *
tx_type_name(TxCtx *ctx, TypeName *tn)
{
	AstTypeName *t;
	ListCell   *lc;

	if (tn == NULL)
		return NULL;
	if (tn->pct_type)
	{
		tx_unsupported(ctx, tn->location, "%TYPE");
		return NULL;
	}
	t = NEW(AstTypeName, AST_TYPE_NAME, tn->location);
	t->names = tx_names(ctx, tn->names);
	t->setof = tn->setof;
	t->pct_type = tn->pct_type;
	t->typmods = tx_expr_list(ctx, tn->typmods);
	t->typemod = tn->typemod;
	foreach(lc, tn->arrayBounds)
		t->array_bounds = ast_list_append(ctx->a, t->array_bounds,
										  tx_value(ctx, lfirst(lc), -1));
	if (tn->names == NIL && tn->typeOid != InvalidOid)
	{
		/* only built internally by the grammar for a few special forms */
		tx_unsupported(ctx, tn->location, "a type given by OID");
		return NULL;
	}
	return t;
}

AstRoleSpec *
tx_role_spec(TxCtx *ctx, RoleSpec *r)
{
	AstRoleSpec *out;

	if (r == NULL)
		return NULL;
	out = NEW(AstRoleSpec, AST_ROLE_SPEC, r->location);
	switch (r->roletype)
	{
		case ROLESPEC_CSTRING:
			out->roletype = AST_ROLESPEC_CSTRING;
			break;
		case ROLESPEC_CURRENT_ROLE:
			out->roletype = AST_ROLESPEC_CURRENT_ROLE;
			break;
		case ROLESPEC_CURRENT_USER:
			out->roletype = AST_ROLESPEC_CURRENT_USER;
			break;
		case ROLESPEC_SESSION_USER:
			out->roletype = AST_ROLESPEC_SESSION_USER;
			break;
		case ROLESPEC_PUBLIC:
			out->roletype = AST_ROLESPEC_PUBLIC;
			break;
	}
	out->rolename = tx_str(ctx, r->rolename);
	return out;
}

/* The argument of a DefElem: values, type names, name lists, '*', role specs. */
static AstNode *
tx_def_arg(TxCtx *ctx, Node *arg, int location)
{
	ListCell   *lc;
	AstList    *l = NULL;

	if (arg == NULL)
		return NULL;
	switch (nodeTag(arg))
	{
		case T_Integer:
		case T_Float:
		case T_Boolean:
		case T_String:
		case T_BitString:
			return tx_value(ctx, arg, location);
		case T_TypeName:
			return (AstNode *) tx_type_name(ctx, (TypeName *) arg);
		case T_A_Star:
			return tx_new_at(ctx, sizeof(AstStar), AST_STAR, location);
		case T_RoleSpec:
			return (AstNode *) tx_role_spec(ctx, (RoleSpec *) arg);
		case T_List:
			foreach(lc, (List *) arg)
			{
				Node	   *e = lfirst(lc);

				/* name lists (OWNED BY a.b, FORCE_QUOTE (a, b)) stay names */
				if (IsA(e, String))
					l = ast_list_append(ctx->a, l, ast_make_string(ctx->a, strVal(e)));
				else
					l = ast_list_append(ctx->a, l, tx_def_arg(ctx, e, location));
				if (tx_failed(ctx))
					return NULL;
			}
			if (l == NULL)
				l = ast_new(ctx->a, AstList, AST_LIST);
			return &l->hdr;
		case T_A_Const:
			{
				A_Const    *c = (A_Const *) arg;

				return tx_value(ctx, c->isnull ? NULL : &c->val.node, c->location);
			}
		default:
			return tx_expr(ctx, arg);
	}
}

AstDefElem *
tx_def_elem(TxCtx *ctx, DefElem *d)
{
	AstDefElem *out = NEW(AstDefElem, AST_DEF_ELEM, d->location);

	out->defnamespace = tx_str(ctx, d->defnamespace);
	out->defname = tx_str(ctx, d->defname);
	out->arg = tx_def_arg(ctx, d->arg, d->location);
	switch (d->defaction)
	{
		case DEFELEM_UNSPEC:
			out->defaction = AST_DEFELEM_UNSPEC;
			break;
		case DEFELEM_SET:
			out->defaction = AST_DEFELEM_SET;
			break;
		case DEFELEM_ADD:
			out->defaction = AST_DEFELEM_ADD;
			break;
		case DEFELEM_DROP:
			out->defaction = AST_DEFELEM_DROP;
			break;
	}
	return out;
}

AstList *
tx_def_elems(TxCtx *ctx, List *defs)
{
	AstList    *out = NULL;
	ListCell   *lc;

	foreach(lc, defs)
	{
		out = ast_list_append(ctx->a, out, tx_def_elem(ctx, lfirst_node(DefElem, lc)));
		if (tx_failed(ctx))
			return NULL;
	}
	return out;
}

AstObjectType
tx_object_type(ObjectType t)
{
	switch (t)
	{
		case OBJECT_TABLE:
			return AST_OBJECT_TABLE;
		case OBJECT_INDEX:
			return AST_OBJECT_INDEX;
		case OBJECT_SEQUENCE:
			return AST_OBJECT_SEQUENCE;
		case OBJECT_VIEW:
			return AST_OBJECT_VIEW;
		case OBJECT_MATVIEW:
			return AST_OBJECT_MATVIEW;
		case OBJECT_SCHEMA:
			return AST_OBJECT_SCHEMA;
		case OBJECT_DATABASE:
			return AST_OBJECT_DATABASE;
		case OBJECT_ROLE:
			return AST_OBJECT_ROLE;
		case OBJECT_COLUMN:
			return AST_OBJECT_COLUMN;
		case OBJECT_TABCONSTRAINT:
			return AST_OBJECT_TABCONSTRAINT;
		case OBJECT_TYPE:
			return AST_OBJECT_TYPE;
		case OBJECT_DOMAIN:
			return AST_OBJECT_DOMAIN;
		case OBJECT_FUNCTION:
			return AST_OBJECT_FUNCTION;
		case OBJECT_EXTENSION:
			return AST_OBJECT_EXTENSION;
		default:
			return AST_OBJECT_OTHER;
	}
}

/* The object-type words as PostgreSQL's statements spell them. */
const char *
tx_object_type_name(ObjectType t)
{
	switch (t)
	{
		case OBJECT_ACCESS_METHOD:
			return "ACCESS METHOD";
		case OBJECT_AGGREGATE:
			return "AGGREGATE";
		case OBJECT_CAST:
			return "CAST";
		case OBJECT_COLUMN:
			return "COLUMN";
		case OBJECT_COLLATION:
			return "COLLATION";
		case OBJECT_CONVERSION:
			return "CONVERSION";
		case OBJECT_DATABASE:
			return "DATABASE";
		case OBJECT_DOMAIN:
			return "DOMAIN";
		case OBJECT_EVENT_TRIGGER:
			return "EVENT TRIGGER";
		case OBJECT_EXTENSION:
			return "EXTENSION";
		case OBJECT_FDW:
			return "FOREIGN DATA WRAPPER";
		case OBJECT_FOREIGN_SERVER:
			return "SERVER";
		case OBJECT_FOREIGN_TABLE:
			return "FOREIGN TABLE";
		case OBJECT_FUNCTION:
			return "FUNCTION";
		case OBJECT_INDEX:
			return "INDEX";
		case OBJECT_LANGUAGE:
			return "LANGUAGE";
		case OBJECT_LARGEOBJECT:
			return "LARGE OBJECT";
		case OBJECT_MATVIEW:
			return "MATERIALIZED VIEW";
		case OBJECT_OPCLASS:
			return "OPERATOR CLASS";
		case OBJECT_OPERATOR:
			return "OPERATOR";
		case OBJECT_OPFAMILY:
			return "OPERATOR FAMILY";
		case OBJECT_POLICY:
			return "POLICY";
		case OBJECT_PROCEDURE:
			return "PROCEDURE";
		case OBJECT_PUBLICATION:
			return "PUBLICATION";
		case OBJECT_ROLE:
			return "ROLE";
		case OBJECT_ROUTINE:
			return "ROUTINE";
		case OBJECT_RULE:
			return "RULE";
		case OBJECT_SCHEMA:
			return "SCHEMA";
		case OBJECT_SEQUENCE:
			return "SEQUENCE";
		case OBJECT_SUBSCRIPTION:
			return "SUBSCRIPTION";
		case OBJECT_STATISTIC_EXT:
			return "STATISTICS";
		case OBJECT_TABCONSTRAINT:
			return "CONSTRAINT";
		case OBJECT_TABLE:
			return "TABLE";
		case OBJECT_TABLESPACE:
			return "TABLESPACE";
		case OBJECT_TRANSFORM:
			return "TRANSFORM";
		case OBJECT_TRIGGER:
			return "TRIGGER";
		case OBJECT_TSCONFIGURATION:
			return "TEXT SEARCH CONFIGURATION";
		case OBJECT_TSDICTIONARY:
			return "TEXT SEARCH DICTIONARY";
		case OBJECT_TSPARSER:
			return "TEXT SEARCH PARSER";
		case OBJECT_TSTEMPLATE:
			return "TEXT SEARCH TEMPLATE";
		case OBJECT_TYPE:
			return "TYPE";
		case OBJECT_VIEW:
			return "VIEW";
		default:
			return "object";
	}
}

static AstSortByDir
tx_sort_dir(SortByDir d)
{
	switch (d)
	{
		case SORTBY_ASC:
			return AST_SORTBY_ASC;
		case SORTBY_DESC:
			return AST_SORTBY_DESC;
		case SORTBY_USING:
			return AST_SORTBY_USING;
		default:
			return AST_SORTBY_DEFAULT;
	}
}

static AstSortByNulls
tx_sort_nulls(SortByNulls n)
{
	switch (n)
	{
		case SORTBY_NULLS_FIRST:
			return AST_SORTBY_NULLS_FIRST;
		case SORTBY_NULLS_LAST:
			return AST_SORTBY_NULLS_LAST;
		default:
			return AST_SORTBY_NULLS_DEFAULT;
	}
}

AstList *
tx_sort_list(TxCtx *ctx, List *sorts)
{
	AstList    *out = NULL;
	ListCell   *lc;

	foreach(lc, sorts)
	{
		SortBy	   *sb = lfirst_node(SortBy, lc);
		AstSortBy  *s = NEW(AstSortBy, AST_SORT_BY, sb->location);

		s->node = tx_expr(ctx, sb->node);
		s->dir = tx_sort_dir(sb->sortby_dir);
		s->nulls = tx_sort_nulls(sb->sortby_nulls);
		s->use_op = tx_names(ctx, sb->useOp);
		if (tx_failed(ctx))
			return NULL;
		out = ast_list_append(ctx->a, out, s);
	}
	return out;
}

/* Index elements and ON CONFLICT targets share IndexElem. */
AstList *
tx_index_elems(TxCtx *ctx, List *elems)
{
	AstList    *out = NULL;
	ListCell   *lc;

	foreach(lc, elems)
	{
		IndexElem  *ie = lfirst_node(IndexElem, lc);
		AstIndexElem *e = NEW(AstIndexElem, AST_INDEX_ELEM, -1);

		if (ie->opclassopts != NIL)
		{
			tx_unsupported(ctx, -1, "operator class options");
			return NULL;
		}
		e->name = tx_str(ctx, ie->name);
		e->expr = tx_expr(ctx, ie->expr);
		e->indexcolname = tx_str(ctx, ie->indexcolname);
		e->collation = tx_names(ctx, ie->collation);
		e->opclass = tx_names(ctx, ie->opclass);
		e->ordering = tx_sort_dir(ie->ordering);
		e->nulls_ordering = tx_sort_nulls(ie->nulls_ordering);
		if (tx_failed(ctx))
			return NULL;
		out = ast_list_append(ctx->a, out, e);
	}
	return out;
}

AstWindowDef *
tx_window_def(TxCtx *ctx, WindowDef *w)
{
	AstWindowDef *out;

	if (w == NULL)
		return NULL;
	out = NEW(AstWindowDef, AST_WINDOW_DEF, w->location);
	out->name = tx_str(ctx, w->name);
	out->refname = tx_str(ctx, w->refname);
	out->partition_clause = tx_expr_list(ctx, w->partitionClause);
	out->order_clause = tx_sort_list(ctx, w->orderClause);
	/* PostgreSQL's FRAMEOPTION_* bits are copied as they are (same values) */
	out->frame_options = w->frameOptions;
	out->start_offset = tx_expr(ctx, w->startOffset);
	out->end_offset = tx_expr(ctx, w->endOffset);
	return out;
}

static AstAExprKind
tx_aexpr_kind(A_Expr_Kind k)
{
	switch (k)
	{
		case AEXPR_OP:
			return AST_AEXPR_OP;
		case AEXPR_OP_ANY:
			return AST_AEXPR_OP_ANY;
		case AEXPR_OP_ALL:
			return AST_AEXPR_OP_ALL;
		case AEXPR_DISTINCT:
			return AST_AEXPR_DISTINCT;
		case AEXPR_NOT_DISTINCT:
			return AST_AEXPR_NOT_DISTINCT;
		case AEXPR_NULLIF:
			return AST_AEXPR_NULLIF;
		case AEXPR_IN:
			return AST_AEXPR_IN;
		case AEXPR_LIKE:
			return AST_AEXPR_LIKE;
		case AEXPR_ILIKE:
			return AST_AEXPR_ILIKE;
		case AEXPR_SIMILAR:
			return AST_AEXPR_SIMILAR;
		case AEXPR_BETWEEN:
			return AST_AEXPR_BETWEEN;
		case AEXPR_NOT_BETWEEN:
			return AST_AEXPR_NOT_BETWEEN;
		case AEXPR_BETWEEN_SYM:
			return AST_AEXPR_BETWEEN_SYM;
		case AEXPR_NOT_BETWEEN_SYM:
			return AST_AEXPR_NOT_BETWEEN_SYM;
	}
	return AST_AEXPR_OP;
}

static AstNode *
tx_a_expr(TxCtx *ctx, A_Expr *e)
{
	AstAExpr   *out = NEW(AstAExpr, AST_A_EXPR, e->location);

	out->kind = tx_aexpr_kind(e->kind);
	out->name = tx_names(ctx, e->name);
	out->lexpr = tx_expr(ctx, e->lexpr);
	if (e->rexpr != NULL && IsA(e->rexpr, List))
		out->rexpr = (AstNode *) tx_expr_list(ctx, (List *) e->rexpr);
	else
		out->rexpr = tx_expr(ctx, e->rexpr);
	return &out->hdr;
}

static AstNode *
tx_func_call(TxCtx *ctx, FuncCall *f)
{
	AstFuncCall *out = NEW(AstFuncCall, AST_FUNC_CALL, f->location);

	out->funcname = tx_names(ctx, f->funcname);
	out->args = tx_expr_list(ctx, f->args);
	out->agg_order = tx_sort_list(ctx, f->agg_order);
	out->agg_filter = tx_expr(ctx, f->agg_filter);
	out->over = tx_window_def(ctx, f->over);
	out->agg_within_group = f->agg_within_group;
	out->agg_star = f->agg_star;
	out->agg_distinct = f->agg_distinct;
	out->func_variadic = f->func_variadic;
	switch (f->funcformat)
	{
		case COERCE_EXPLICIT_CALL:
			out->funcformat = AST_COERCE_EXPLICIT_CALL;
			break;
		case COERCE_EXPLICIT_CAST:
			out->funcformat = AST_COERCE_EXPLICIT_CAST;
			break;
		case COERCE_IMPLICIT_CAST:
			out->funcformat = AST_COERCE_IMPLICIT_CAST;
			break;
		case COERCE_SQL_SYNTAX:
			out->funcformat = AST_COERCE_SQL_SYNTAX;
			break;
	}
	return &out->hdr;
}

static AstNode *
tx_sublink(TxCtx *ctx, SubLink *s)
{
	AstSubLink *out = NEW(AstSubLink, AST_SUBLINK, s->location);

	switch (s->subLinkType)
	{
		case EXISTS_SUBLINK:
			out->kind = AST_EXISTS_SUBLINK;
			break;
		case ALL_SUBLINK:
			out->kind = AST_ALL_SUBLINK;
			break;
		case ANY_SUBLINK:
			out->kind = AST_ANY_SUBLINK;
			break;
		case ROWCOMPARE_SUBLINK:
			out->kind = AST_ROWCOMPARE_SUBLINK;
			break;
		case EXPR_SUBLINK:
			out->kind = AST_EXPR_SUBLINK;
			break;
		case MULTIEXPR_SUBLINK:
			out->kind = AST_MULTIEXPR_SUBLINK;
			break;
		case ARRAY_SUBLINK:
			out->kind = AST_ARRAY_SUBLINK;
			break;
		case CTE_SUBLINK:
			tx_unsupported(ctx, s->location, "this kind of sub-select");
			return NULL;
	}
	out->testexpr = tx_expr(ctx, s->testexpr);
	out->opername = tx_names(ctx, s->operName);
	out->subselect = tx_query_stmt(ctx, s->subselect);
	return &out->hdr;
}

static AstNode *
tx_indirection(TxCtx *ctx, A_Indirection *ind)
{
	AstIndirection *out = NEW(AstIndirection, AST_INDIRECTION, -1);
	ListCell   *lc;

	out->arg = tx_expr(ctx, ind->arg);
	if (out->arg != NULL)
		out->hdr.location = out->arg->location;
	foreach(lc, ind->indirection)
		out->indirection = ast_list_append(ctx->a, out->indirection, tx_expr(ctx, lfirst(lc)));
	return &out->hdr;
}

static AstNode *
tx_expr_inner(TxCtx *ctx, Node *n)
{
	switch (nodeTag(n))
	{
		case T_ColumnRef:
			{
				ColumnRef  *cr = (ColumnRef *) n;
				AstColumnRef *out = NEW(AstColumnRef, AST_COLUMN_REF, cr->location);

				out->fields = tx_names(ctx, cr->fields);
				return &out->hdr;
			}
		case T_ParamRef:
			{
				ParamRef   *pr = (ParamRef *) n;
				AstParamRef *out = NEW(AstParamRef, AST_PARAM_REF, pr->location);

				out->number = pr->number;
				return &out->hdr;
			}
		case T_A_Const:
			{
				A_Const    *c = (A_Const *) n;

				return tx_value(ctx, c->isnull ? NULL : &c->val.node, c->location);
			}
		case T_Integer:
		case T_Float:
		case T_String:
		case T_Boolean:
		case T_BitString:
			return tx_value(ctx, n, -1);
		case T_A_Star:
			return tx_new_at(ctx, sizeof(AstStar), AST_STAR, -1);
		case T_A_Expr:
			return tx_a_expr(ctx, (A_Expr *) n);
		case T_BoolExpr:
			{
				BoolExpr   *b = (BoolExpr *) n;
				AstBoolExpr *out = NEW(AstBoolExpr, AST_BOOL_EXPR, b->location);

				out->boolop = b->boolop == AND_EXPR ? AST_AND_EXPR :
					b->boolop == OR_EXPR ? AST_OR_EXPR : AST_NOT_EXPR;
				out->args = tx_expr_list(ctx, b->args);
				return &out->hdr;
			}
		case T_TypeCast:
			{
				TypeCast   *tc = (TypeCast *) n;
				AstTypeCast *out = NEW(AstTypeCast, AST_TYPE_CAST, tc->location);

				out->arg = tx_expr(ctx, tc->arg);
				out->type_name = tx_type_name(ctx, tc->typeName);
				return &out->hdr;
			}
		case T_FuncCall:
			return tx_func_call(ctx, (FuncCall *) n);
		case T_NamedArgExpr:
			{
				NamedArgExpr *na = (NamedArgExpr *) n;
				AstNamedArg *out = NEW(AstNamedArg, AST_NAMED_ARG, na->location);

				out->arg = tx_expr(ctx, (Node *) na->arg);
				out->name = tx_str(ctx, na->name);
				return &out->hdr;
			}
		case T_NullTest:
			{
				NullTest   *nt = (NullTest *) n;
				AstNullTest *out = NEW(AstNullTest, AST_NULL_TEST, nt->location);

				out->arg = tx_expr(ctx, (Node *) nt->arg);
				out->is_not = nt->nulltesttype == IS_NOT_NULL;
				return &out->hdr;
			}
		case T_BooleanTest:
			{
				BooleanTest *bt = (BooleanTest *) n;
				AstBooleanTest *out = NEW(AstBooleanTest, AST_BOOLEAN_TEST, bt->location);

				out->arg = tx_expr(ctx, (Node *) bt->arg);
				switch (bt->booltesttype)
				{
					case IS_TRUE:
						out->test = AST_IS_TRUE;
						break;
					case IS_NOT_TRUE:
						out->test = AST_IS_NOT_TRUE;
						break;
					case IS_FALSE:
						out->test = AST_IS_FALSE;
						break;
					case IS_NOT_FALSE:
						out->test = AST_IS_NOT_FALSE;
						break;
					case IS_UNKNOWN:
						out->test = AST_IS_UNKNOWN;
						break;
					case IS_NOT_UNKNOWN:
						out->test = AST_IS_NOT_UNKNOWN;
						break;
				}
				return &out->hdr;
			}
		case T_CaseExpr:
			{
				CaseExpr   *ce = (CaseExpr *) n;
				AstCaseExpr *out = NEW(AstCaseExpr, AST_CASE_EXPR, ce->location);

				out->arg = tx_expr(ctx, (Node *) ce->arg);
				out->whens = tx_expr_list(ctx, ce->args);
				out->defresult = tx_expr(ctx, (Node *) ce->defresult);
				return &out->hdr;
			}
		case T_CaseWhen:
			{
				CaseWhen   *cw = (CaseWhen *) n;
				AstCaseWhen *out = NEW(AstCaseWhen, AST_CASE_WHEN, cw->location);

				out->expr = tx_expr(ctx, (Node *) cw->expr);
				out->result = tx_expr(ctx, (Node *) cw->result);
				return &out->hdr;
			}
		case T_CoalesceExpr:
			{
				CoalesceExpr *ce = (CoalesceExpr *) n;
				AstCoalesceExpr *out = NEW(AstCoalesceExpr, AST_COALESCE_EXPR, ce->location);

				out->args = tx_expr_list(ctx, ce->args);
				return &out->hdr;
			}
		case T_MinMaxExpr:
			{
				MinMaxExpr *mm = (MinMaxExpr *) n;
				AstMinMaxExpr *out = NEW(AstMinMaxExpr, AST_MINMAX_EXPR, mm->location);

				out->op = mm->op == IS_GREATEST ? AST_IS_GREATEST : AST_IS_LEAST;
				out->args = tx_expr_list(ctx, mm->args);
				return &out->hdr;
			}
		case T_SQLValueFunction:
			{
				SQLValueFunction *sv = (SQLValueFunction *) n;
				AstSQLValueFunction *out = NEW(AstSQLValueFunction, AST_SQLVALUE_FUNCTION,
											   sv->location);

				/* same order as PostgreSQL's SQLValueFunctionOp */
				out->op = (AstSQLValueOp) sv->op;
				out->typmod = sv->typmod;
				return &out->hdr;
			}
		case T_SubLink:
			return tx_sublink(ctx, (SubLink *) n);
		case T_A_ArrayExpr:
			{
				A_ArrayExpr *ae = (A_ArrayExpr *) n;
				AstArrayExpr *out = NEW(AstArrayExpr, AST_ARRAY_EXPR, ae->location);

				out->elements = tx_expr_list(ctx, ae->elements);
				return &out->hdr;
			}
		case T_A_Indices:
			{
				A_Indices  *ai = (A_Indices *) n;
				AstIndices *out = NEW(AstIndices, AST_INDICES, -1);

				out->is_slice = ai->is_slice;
				out->lidx = tx_expr(ctx, ai->lidx);
				out->uidx = tx_expr(ctx, ai->uidx);
				return &out->hdr;
			}
		case T_A_Indirection:
			return tx_indirection(ctx, (A_Indirection *) n);
		case T_CollateClause:
			{
				CollateClause *cc = (CollateClause *) n;
				AstCollateClause *out = NEW(AstCollateClause, AST_COLLATE_CLAUSE, cc->location);

				out->arg = tx_expr(ctx, cc->arg);
				out->collname = tx_names(ctx, cc->collname);
				return &out->hdr;
			}
		case T_RowExpr:
			{
				RowExpr    *re = (RowExpr *) n;
				AstRowExpr *out = NEW(AstRowExpr, AST_ROW_EXPR, re->location);

				out->args = tx_expr_list(ctx, re->args);
				out->explicit_row = re->row_format == COERCE_EXPLICIT_CALL;
				return &out->hdr;
			}
		case T_SetToDefault:
			return tx_new_at(ctx, sizeof(AstSetToDefault), AST_SET_TO_DEFAULT,
							 ((SetToDefault *) n)->location);
		case T_GroupingFunc:
			{
				GroupingFunc *gf = (GroupingFunc *) n;
				AstGroupingFunc *out = NEW(AstGroupingFunc, AST_GROUPING_FUNC, gf->location);

				out->args = tx_expr_list(ctx, gf->args);
				return &out->hdr;
			}
		case T_GroupingSet:
			{
				GroupingSet *gs = (GroupingSet *) n;
				AstGroupingSet *out = NEW(AstGroupingSet, AST_GROUPING_SET, gs->location);

				switch (gs->kind)
				{
					case GROUPING_SET_EMPTY:
						out->kind = AST_GROUPING_SET_EMPTY;
						break;
					case GROUPING_SET_SIMPLE:
						out->kind = AST_GROUPING_SET_SIMPLE;
						break;
					case GROUPING_SET_ROLLUP:
						out->kind = AST_GROUPING_SET_ROLLUP;
						break;
					case GROUPING_SET_CUBE:
						out->kind = AST_GROUPING_SET_CUBE;
						break;
					case GROUPING_SET_SETS:
						out->kind = AST_GROUPING_SET_SETS;
						break;
				}
				out->content = tx_expr_list(ctx, gs->content);
				return &out->hdr;
			}
		case T_MultiAssignRef:
			{
				MultiAssignRef *mr = (MultiAssignRef *) n;
				AstMultiAssignRef *out = NEW(AstMultiAssignRef, AST_MULTI_ASSIGN_REF, -1);

				out->source = tx_expr(ctx, mr->source);
				out->colno = mr->colno;
				out->ncolumns = mr->ncolumns;
				return &out->hdr;
			}
		case T_SelectStmt:
			return tx_query_stmt(ctx, n);
		case T_List:
			return (AstNode *) tx_expr_list(ctx, (List *) n);
		case T_XmlExpr:
		case T_XmlSerialize:
			tx_unsupported(ctx, -1, "XML");
			return NULL;
		case T_CurrentOfExpr:
			tx_unsupported(ctx, -1, "WHERE CURRENT OF");
			return NULL;
		default:
			tx_fail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
					"expression node type %d is not supported", (int) nodeTag(n));
			return NULL;
	}
}

AstNode *
tx_expr(TxCtx *ctx, Node *n)
{
	AstNode    *out;

	if (n == NULL)
		return NULL;
	if (!tx_enter(ctx))
		return NULL;
	out = tx_expr_inner(ctx, n);
	tx_leave(ctx);
	return out;
}
