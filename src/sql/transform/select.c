/*
 * select.c — transform of queries and DML: SELECT (with VALUES, set
 * operations, WITH, locking), INSERT (ON CONFLICT, RETURNING), UPDATE,
 * DELETE, and the FROM-clause items they share.
 *
 * Invariants:
 *  1. Nested statements (sub-selects, CTEs, set-operation arms) go through
 *     tx_query_stmt(), which counts depth like expressions do, so a deeply
 *     nested query is bounded by TX_MAX_DEPTH too.
 *  2. The few FROM items memgres does not model (TABLESAMPLE, XMLTABLE) fail
 *     with 0A000 here, never later.
 *  3. SELECT ... INTO reaches tx_select() only where PostgreSQL forbids it
 *     (42601): where it is allowed, tx_top_query() has already turned the
 *     statement into an AstCreateTableAsStmt, as PostgreSQL's
 *     transformOptionalSelectInto does.
 */
#include "transform.h"

#include <memgres/sqlstate.h>

#define NEW(type, tag, loc) tx_new_node(ctx, sizeof(type), (tag), (loc))

static void *
tx_new_node(TxCtx *ctx, size_t size, AstTag tag, int location)
{
	AstNode    *n = ast_new_node(ctx->a, size, tag);

	n->location = location;
	return n;
}

AstAlias *
tx_alias(TxCtx *ctx, Alias *al)
{
	AstAlias   *out;

	if (al == NULL)
		return NULL;
	out = NEW(AstAlias, AST_ALIAS, -1);
	out->aliasname = tx_str(ctx, al->aliasname);
	out->colnames = tx_names(ctx, al->colnames);
	return out;
}

AstRangeVar *
tx_range_var(TxCtx *ctx, RangeVar *rv)
{
	AstRangeVar *out;

	if (rv == NULL)
		return NULL;
	out = NEW(AstRangeVar, AST_RANGE_VAR, rv->location);
	out->catalogname = tx_str(ctx, rv->catalogname);
	out->schemaname = tx_str(ctx, rv->schemaname);
	out->relname = tx_str(ctx, rv->relname);
	out->inh = rv->inh;
	out->relpersistence = rv->relpersistence;
	out->alias = tx_alias(ctx, rv->alias);
	return out;
}

AstList *
tx_target_list(TxCtx *ctx, List *targets)
{
	AstList    *out = NULL;
	ListCell   *lc;

	foreach(lc, targets)
	{
		ResTarget  *rt = lfirst_node(ResTarget, lc);
		AstResTarget *t = NEW(AstResTarget, AST_RES_TARGET, rt->location);

		t->name = tx_str(ctx, rt->name);
		t->indirection = tx_expr_list(ctx, rt->indirection);
		t->val = tx_expr(ctx, rt->val);
		if (tx_failed(ctx))
			return NULL;
		out = ast_list_append(ctx->a, out, t);
	}
	return out;
}

AstIntoClause *
tx_into_clause(TxCtx *ctx, IntoClause *into)
{
	AstIntoClause *out;

	if (into == NULL)
		return NULL;
	if (into->accessMethod != NULL || into->tableSpaceName != NULL)
	{
		tx_unsupported(ctx, into->rel ? into->rel->location : -1,
					   into->accessMethod ? "USING access method" : "TABLESPACE");
		return NULL;
	}
	out = NEW(AstIntoClause, AST_INTO_CLAUSE, -1);
	out->rel = tx_range_var(ctx, into->rel);
	out->col_names = tx_names(ctx, into->colNames);
	out->options = tx_def_elems(ctx, into->options);
	switch (into->onCommit)
	{
		case ONCOMMIT_NOOP:
			out->on_commit = AST_ONCOMMIT_NOOP;
			break;
		case ONCOMMIT_PRESERVE_ROWS:
			out->on_commit = AST_ONCOMMIT_PRESERVE_ROWS;
			break;
		case ONCOMMIT_DELETE_ROWS:
			out->on_commit = AST_ONCOMMIT_DELETE_ROWS;
			break;
		case ONCOMMIT_DROP:
			out->on_commit = AST_ONCOMMIT_DROP;
			break;
	}
	out->skip_data = into->skipData;
	return out;
}

static AstNode *tx_from_item(TxCtx *ctx, Node *n);

static AstNode *
tx_join(TxCtx *ctx, JoinExpr *j)
{
	AstJoinExpr *out = NEW(AstJoinExpr, AST_JOIN_EXPR, -1);

	switch (j->jointype)
	{
		case JOIN_INNER:
			out->jointype = AST_JOIN_INNER;
			break;
		case JOIN_LEFT:
			out->jointype = AST_JOIN_LEFT;
			break;
		case JOIN_FULL:
			out->jointype = AST_JOIN_FULL;
			break;
		case JOIN_RIGHT:
			out->jointype = AST_JOIN_RIGHT;
			break;
		default:
			tx_unsupported(ctx, -1, "this join type");
			return NULL;
	}
	out->is_natural = j->isNatural;
	out->larg = tx_from_item(ctx, j->larg);
	out->rarg = tx_from_item(ctx, j->rarg);
	out->using_clause = tx_names(ctx, j->usingClause);
	out->join_using_alias = tx_alias(ctx, j->join_using_alias);
	out->quals = tx_expr(ctx, j->quals);
	out->alias = tx_alias(ctx, j->alias);
	if (out->larg != NULL)
		out->hdr.location = out->larg->location;
	return &out->hdr;
}

static AstNode *
tx_range_function(TxCtx *ctx, RangeFunction *rf)
{
	AstRangeFunction *out = NEW(AstRangeFunction, AST_RANGE_FUNCTION, -1);
	ListCell   *lc;

	out->lateral = rf->lateral;
	out->ordinality = rf->ordinality;
	out->is_rowsfrom = rf->is_rowsfrom;
	foreach(lc, rf->functions)
	{
		/* each entry is a two-element list: the call, its column definitions */
		List	   *pair = lfirst_node(List, lc);
		AstNode    *fn = tx_expr(ctx, linitial(pair));
		AstList    *defs = NULL;
		ListCell   *lc2;

		foreach(lc2, (List *) lsecond(pair))
			defs = ast_list_append(ctx->a, defs,
								   tx_column_def(ctx, lfirst_node(ColumnDef, lc2)));
		if (tx_failed(ctx))
			return NULL;
		if (out->functions == NULL && fn != NULL)
			out->hdr.location = fn->location;
		out->functions = ast_list_append(ctx->a, out->functions, fn);
		out->func_coldefs = ast_list_append(ctx->a, out->func_coldefs,
											defs ? (void *) defs : (void *) ast_new(ctx->a, AstList, AST_LIST));
	}
	out->alias = tx_alias(ctx, rf->alias);
	foreach(lc, rf->coldeflist)
		out->coldeflist = ast_list_append(ctx->a, out->coldeflist,
										  tx_column_def(ctx, lfirst_node(ColumnDef, lc)));
	return &out->hdr;
}

static AstNode *
tx_from_item(TxCtx *ctx, Node *n)
{
	AstNode    *out = NULL;

	if (n == NULL)
		return NULL;
	if (!tx_enter(ctx))
		return NULL;
	switch (nodeTag(n))
	{
		case T_RangeVar:
			out = (AstNode *) tx_range_var(ctx, (RangeVar *) n);
			break;
		case T_JoinExpr:
			out = tx_join(ctx, (JoinExpr *) n);
			break;
		case T_RangeSubselect:
			{
				RangeSubselect *rs = (RangeSubselect *) n;
				AstRangeSubselect *s = NEW(AstRangeSubselect, AST_RANGE_SUBSELECT, -1);

				s->lateral = rs->lateral;
				s->subquery = tx_query_stmt(ctx, rs->subquery);
				s->alias = tx_alias(ctx, rs->alias);
				if (s->subquery != NULL)
					s->hdr.location = s->subquery->location;
				out = &s->hdr;
				break;
			}
		case T_RangeFunction:
			out = tx_range_function(ctx, (RangeFunction *) n);
			break;
		case T_RangeTableSample:
			tx_unsupported(ctx, ((RangeTableSample *) n)->location, "TABLESAMPLE");
			break;
		case T_RangeTableFunc:
			tx_unsupported(ctx, ((RangeTableFunc *) n)->location, "XMLTABLE");
			break;
		default:
			tx_unsupported(ctx, -1, "this kind of FROM item");
			break;
	}
	tx_leave(ctx);
	return out;
}

static AstList *
tx_from_list(TxCtx *ctx, List *from)
{
	AstList    *out = NULL;
	ListCell   *lc;

	foreach(lc, from)
	{
		out = ast_list_append(ctx->a, out, tx_from_item(ctx, lfirst(lc)));
		if (tx_failed(ctx))
			return NULL;
	}
	return out;
}

static AstWithClause *
tx_with(TxCtx *ctx, WithClause *w)
{
	AstWithClause *out;
	ListCell   *lc;

	if (w == NULL)
		return NULL;
	out = NEW(AstWithClause, AST_WITH_CLAUSE, w->location);
	out->recursive = w->recursive;
	foreach(lc, w->ctes)
	{
		CommonTableExpr *cte = lfirst_node(CommonTableExpr, lc);
		AstCommonTableExpr *c = NEW(AstCommonTableExpr, AST_COMMON_TABLE_EXPR, cte->location);

		if (cte->search_clause != NULL || cte->cycle_clause != NULL)
		{
			tx_unsupported(ctx, cte->location,
						   cte->search_clause ? "SEARCH clause" : "CYCLE clause");
			return NULL;
		}
		c->ctename = tx_str(ctx, cte->ctename);
		c->aliascolnames = tx_names(ctx, cte->aliascolnames);
		c->materialized = cte->ctematerialized == CTEMaterializeAlways ? AST_CTE_MATERIALIZE_ALWAYS :
			cte->ctematerialized == CTEMaterializeNever ? AST_CTE_MATERIALIZE_NEVER :
			AST_CTE_MATERIALIZE_DEFAULT;
		c->ctequery = tx_query_stmt(ctx, cte->ctequery);
		if (tx_failed(ctx))
			return NULL;
		out->ctes = ast_list_append(ctx->a, out->ctes, c);
	}
	return out;
}

static AstList *
tx_locking(TxCtx *ctx, List *locks)
{
	AstList    *out = NULL;
	ListCell   *lc;

	foreach(lc, locks)
	{
		LockingClause *lk = lfirst_node(LockingClause, lc);
		AstLockingClause *l = NEW(AstLockingClause, AST_LOCKING_CLAUSE, -1);
		ListCell   *lc2;

		foreach(lc2, lk->lockedRels)
			l->locked_rels = ast_list_append(ctx->a, l->locked_rels,
											 tx_range_var(ctx, lfirst_node(RangeVar, lc2)));
		switch (lk->strength)
		{
			case LCS_NONE:
				l->strength = AST_LCS_NONE;
				break;
			case LCS_FORKEYSHARE:
				l->strength = AST_LCS_FORKEYSHARE;
				break;
			case LCS_FORSHARE:
				l->strength = AST_LCS_FORSHARE;
				break;
			case LCS_FORNOKEYUPDATE:
				l->strength = AST_LCS_FORNOKEYUPDATE;
				break;
			case LCS_FORUPDATE:
				l->strength = AST_LCS_FORUPDATE;
				break;
		}
		l->wait_policy = lk->waitPolicy == LockWaitSkip ? AST_LOCK_WAIT_SKIP :
			lk->waitPolicy == LockWaitError ? AST_LOCK_WAIT_ERROR : AST_LOCK_WAIT_BLOCK;
		out = ast_list_append(ctx->a, out, l);
	}
	return out;
}

AstSelectStmt *
tx_select(TxCtx *ctx, SelectStmt *s)
{
	AstSelectStmt *out = NEW(AstSelectStmt, AST_SELECT_STMT, -1);
	ListCell   *lc;
	bool		in_setop = ctx->in_setop;

	/* sub-selects inside this one are not arms of a set operation */
	ctx->in_setop = false;

	/*
	 * INTO where PostgreSQL does not allow it (where it does, tx_top_query()
	 * has already made the statement a CREATE TABLE AS): the leftmost SELECT
	 * of the whole set operation, or a plain SELECT, is "not allowed here";
	 * any other arm of a set operation is transformSetOperationTree's error.
	 */
	if (s->op != SETOP_NONE && !in_setop)
	{
		SelectStmt *leftmost = s->larg;

		while (leftmost != NULL && leftmost->op != SETOP_NONE)
			leftmost = leftmost->larg;
		if (leftmost != NULL && leftmost->intoClause != NULL)
		{
			tx_fail(ctx, SQLSTATE_SYNTAX_ERROR,
					leftmost->intoClause->rel ? leftmost->intoClause->rel->location : -1,
					"SELECT ... INTO is not allowed here");
			return NULL;
		}
	}
	if (s->intoClause != NULL)
	{
		tx_fail(ctx, SQLSTATE_SYNTAX_ERROR, s->intoClause->rel ? s->intoClause->rel->location : -1,
				in_setop ? "INTO is only allowed on first SELECT of UNION/INTERSECT/EXCEPT" :
				"SELECT ... INTO is not allowed here");
		return NULL;
	}
	if (s->distinctClause != NIL)
	{
		out->distinct = true;
		/* plain DISTINCT is a list holding one NIL */
		if (linitial(s->distinctClause) != NULL)
			out->distinct_on = tx_expr_list(ctx, s->distinctClause);
	}
	out->target_list = tx_target_list(ctx, s->targetList);
	out->from_clause = tx_from_list(ctx, s->fromClause);
	out->where_clause = tx_expr(ctx, s->whereClause);
	out->group_clause = tx_expr_list(ctx, s->groupClause);
	out->group_distinct = s->groupDistinct;
	out->having_clause = tx_expr(ctx, s->havingClause);
	foreach(lc, s->windowClause)
		out->window_clause = ast_list_append(ctx->a, out->window_clause,
											 tx_window_def(ctx, lfirst_node(WindowDef, lc)));
	foreach(lc, s->valuesLists)
	{
		AstList    *row = tx_expr_list(ctx, lfirst_node(List, lc));

		if (tx_failed(ctx))
			return NULL;
		out->values_lists = ast_list_append(ctx->a, out->values_lists,
											row ? (void *) row : (void *) ast_new(ctx->a, AstList, AST_LIST));
	}
	out->sort_clause = tx_sort_list(ctx, s->sortClause);
	out->limit_offset = tx_expr(ctx, s->limitOffset);
	out->limit_count = tx_expr(ctx, s->limitCount);
	if ((int) s->limitOption == PGQ_LIMIT_OPTION_WITH_TIES)
		out->limit_option = AST_LIMIT_OPTION_WITH_TIES;
	else if (s->limitCount != NULL || s->limitOffset != NULL)
		out->limit_option = AST_LIMIT_OPTION_COUNT;
	else
		out->limit_option = AST_LIMIT_OPTION_DEFAULT;
	out->locking_clause = tx_locking(ctx, s->lockingClause);
	out->with_clause = tx_with(ctx, s->withClause);
	switch (s->op)
	{
		case SETOP_NONE:
			out->op = AST_SETOP_NONE;
			break;
		case SETOP_UNION:
			out->op = AST_SETOP_UNION;
			break;
		case SETOP_INTERSECT:
			out->op = AST_SETOP_INTERSECT;
			break;
		case SETOP_EXCEPT:
			out->op = AST_SETOP_EXCEPT;
			break;
	}
	out->all = s->all;
	ctx->in_setop = s->op != SETOP_NONE;
	if (s->larg != NULL)
		out->larg = (AstSelectStmt *) tx_query_stmt(ctx, (Node *) s->larg);
	ctx->in_setop = s->op != SETOP_NONE;
	if (s->rarg != NULL)
		out->rarg = (AstSelectStmt *) tx_query_stmt(ctx, (Node *) s->rarg);
	ctx->in_setop = false;
	return out;
}

AstNode *
tx_insert(TxCtx *ctx, InsertStmt *s)
{
	AstInsertStmt *out = NEW(AstInsertStmt, AST_INSERT_STMT, -1);

	out->relation = tx_range_var(ctx, s->relation);
	out->cols = tx_target_list(ctx, s->cols);
	if (s->selectStmt != NULL)
		out->select_stmt = (AstSelectStmt *) tx_query_stmt(ctx, s->selectStmt);
	if (s->onConflictClause != NULL)
	{
		OnConflictClause *oc = s->onConflictClause;
		AstOnConflictClause *c = NEW(AstOnConflictClause, AST_ON_CONFLICT_CLAUSE, oc->location);

		c->action = oc->action == ONCONFLICT_UPDATE ? AST_ONCONFLICT_UPDATE : AST_ONCONFLICT_NOTHING;
		if (oc->infer != NULL)
		{
			AstInferClause *ic = NEW(AstInferClause, AST_INFER_CLAUSE, oc->infer->location);

			ic->index_elems = tx_index_elems(ctx, oc->infer->indexElems);
			ic->where_clause = tx_expr(ctx, oc->infer->whereClause);
			ic->conname = tx_str(ctx, oc->infer->conname);
			c->infer = ic;
		}
		c->target_list = tx_target_list(ctx, oc->targetList);
		c->where_clause = tx_expr(ctx, oc->whereClause);
		out->on_conflict = c;
	}
	out->returning_list = tx_target_list(ctx, s->returningList);
	out->with_clause = tx_with(ctx, s->withClause);
	out->override = s->override == OVERRIDING_USER_VALUE ? AST_OVERRIDING_USER_VALUE :
		s->override == OVERRIDING_SYSTEM_VALUE ? AST_OVERRIDING_SYSTEM_VALUE :
		AST_OVERRIDING_NOT_SET;
	return &out->hdr;
}

AstNode *
tx_update(TxCtx *ctx, UpdateStmt *s)
{
	AstUpdateStmt *out = NEW(AstUpdateStmt, AST_UPDATE_STMT, -1);

	out->relation = tx_range_var(ctx, s->relation);
	out->target_list = tx_target_list(ctx, s->targetList);
	out->where_clause = tx_expr(ctx, s->whereClause);
	out->from_clause = tx_from_list(ctx, s->fromClause);
	out->returning_list = tx_target_list(ctx, s->returningList);
	out->with_clause = tx_with(ctx, s->withClause);
	return &out->hdr;
}

AstNode *
tx_delete(TxCtx *ctx, DeleteStmt *s)
{
	AstDeleteStmt *out = NEW(AstDeleteStmt, AST_DELETE_STMT, -1);

	out->relation = tx_range_var(ctx, s->relation);
	out->using_clause = tx_from_list(ctx, s->usingClause);
	out->where_clause = tx_expr(ctx, s->whereClause);
	out->returning_list = tx_target_list(ctx, s->returningList);
	out->with_clause = tx_with(ctx, s->withClause);
	return &out->hdr;
}

AstNode *
tx_top_query(TxCtx *ctx, Node *n)
{
	SelectStmt *leaf;
	AstCreateTableAsStmt *ctas;
	IntoClause *into;

	if (n == NULL || !IsA(n, SelectStmt))
		return tx_query_stmt(ctx, n);
	/* INTO belongs to the leftmost SELECT of a set operation */
	for (leaf = (SelectStmt *) n; leaf->op != SETOP_NONE; leaf = leaf->larg)
		;
	if (leaf->intoClause == NULL)
		return tx_query_stmt(ctx, n);
	into = leaf->intoClause;
	leaf->intoClause = NULL;
	ctas = NEW(AstCreateTableAsStmt, AST_CREATE_TABLE_AS_STMT, -1);
	ctas->into = tx_into_clause(ctx, into);
	ctas->query = tx_query_stmt(ctx, n);
	ctas->objtype = AST_OBJECT_TABLE;
	ctas->is_select_into = true;
	return &ctas->hdr;
}

AstNode *
tx_query_stmt(TxCtx *ctx, Node *n)
{
	AstNode    *out = NULL;

	if (n == NULL)
		return NULL;
	if (!tx_enter(ctx))
		return NULL;
	switch (nodeTag(n))
	{
		case T_SelectStmt:
			out = (AstNode *) tx_select(ctx, (SelectStmt *) n);
			break;
		case T_InsertStmt:
			out = tx_insert(ctx, (InsertStmt *) n);
			break;
		case T_UpdateStmt:
			out = tx_update(ctx, (UpdateStmt *) n);
			break;
		case T_DeleteStmt:
			out = tx_delete(ctx, (DeleteStmt *) n);
			break;
		default:
			/* PREPARE/EXPLAIN/COPY bodies that are not plain queries */
			out = tx_statement(ctx, n);
			break;
	}
	tx_leave(ctx);
	return out;
}
