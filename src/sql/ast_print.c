/*
 * ast_print.c — a deterministic text dump of the memgres AST, for unit
 * tests and debugging.
 *
 * Format: "{Tag field=value ...}" with fields in struct order; fields at
 * their zero value (NULL, false, 0) are omitted so dumps stay short, lists
 * print as "(a b c)", strings are double-quoted with C escapes for quote,
 * backslash, newline and tab, locations are omitted (they are tested
 * separately).  The output is one line.
 *
 * Invariant: every tag in AstTag has a case here (the default prints
 * "{?}" so a missing one shows up in the parse tests).
 */
#include <string.h>

#include "ast.h"

static void print_node(StrBuf *sb, const AstNode *n);

static void
p_quoted(StrBuf *sb, const char *s)
{
	strbuf_putc(sb, '"');
	for (; *s; s++)
	{
		if (*s == '\n')
			strbuf_puts(sb, "\\n");
		else if (*s == '\t')
			strbuf_puts(sb, "\\t");
		else
		{
			if (*s == '"' || *s == '\\')
				strbuf_putc(sb, '\\');
			strbuf_putc(sb, *s);
		}
	}
	strbuf_putc(sb, '"');
}

static void
p_str(StrBuf *sb, const char *name, const char *s)
{
	if (s == NULL)
		return;
	strbuf_printf(sb, " %s=", name);
	p_quoted(sb, s);
}

static void
p_int(StrBuf *sb, const char *name, long v)
{
	if (v != 0)
		strbuf_printf(sb, " %s=%ld", name, v);
}

static void
p_char(StrBuf *sb, const char *name, char c)
{
	if (c != 0)
		strbuf_printf(sb, " %s=%c", name, c);
}

static void
p_bool(StrBuf *sb, const char *name, bool b)
{
	if (b)
		strbuf_printf(sb, " %s", name);
}

static void
p_node(StrBuf *sb, const char *name, const void *n)
{
	if (n == NULL)
		return;
	strbuf_printf(sb, " %s=", name);
	print_node(sb, n);
}

#define S(f) p_str(sb, #f, x->f)
#define I(f) p_int(sb, #f, (long) x->f)
#define C(f) p_char(sb, #f, x->f)
#define B(f) p_bool(sb, #f, x->f)
#define N(f) p_node(sb, #f, x->f)
#define CASE(tag, type) case tag: { const type *x = (const type *) n; (void) x;
#define END break; }

static void
print_node(StrBuf *sb, const AstNode *n)
{
	if (n == NULL)
	{
		strbuf_puts(sb, "<>");
		return;
	}
	if (n->tag == AST_LIST)
	{
		const AstList *l = (const AstList *) n;

		strbuf_putc(sb, '(');
		for (int i = 0; i < l->length; i++)
		{
			if (i > 0)
				strbuf_putc(sb, ' ');
			print_node(sb, l->items[i]);
		}
		strbuf_putc(sb, ')');
		return;
	}
	if (n->tag == AST_STRING)
	{
		p_quoted(sb, ((const AstString *) n)->sval);
		return;
	}
	strbuf_printf(sb, "{%s", ast_tag_name(n->tag));
	switch (n->tag)
	{
		CASE(AST_STAR, AstStar) END
		CASE(AST_CONST, AstConst)
			switch (x->kind)
			{
				case AST_CONST_INTEGER:
					strbuf_printf(sb, " int=%d", (int) x->ival);
					break;
				case AST_CONST_FLOAT:
					p_str(sb, "float", x->sval);
					break;
				case AST_CONST_STRING:
					p_str(sb, "str", x->sval);
					break;
				case AST_CONST_BITSTRING:
					p_str(sb, "bits", x->sval);
					break;
				case AST_CONST_BOOL:
					strbuf_printf(sb, " bool=%s", x->bval ? "true" : "false");
					break;
				case AST_CONST_NULL:
					strbuf_puts(sb, " null");
					break;
			}
		END
		CASE(AST_COLUMN_REF, AstColumnRef) N(fields); END
		CASE(AST_PARAM_REF, AstParamRef) I(number); END
		CASE(AST_A_EXPR, AstAExpr)
			static const char *const kinds[] = {"op", "any", "all", "distinct", "not_distinct",
				"nullif", "in", "like", "ilike", "similar", "between", "not_between",
				"between_sym", "not_between_sym"};
			strbuf_printf(sb, " %s", kinds[x->kind]);
			N(name); N(lexpr); N(rexpr);
		END
		CASE(AST_BOOL_EXPR, AstBoolExpr)
			strbuf_puts(sb, x->boolop == AST_AND_EXPR ? " and" : x->boolop == AST_OR_EXPR ? " or" : " not");
			N(args);
		END
		CASE(AST_TYPE_CAST, AstTypeCast) N(arg); N(type_name); END
		CASE(AST_TYPE_NAME, AstTypeName)
			N(names); B(setof); N(typmods);
			if (x->typemod != -1)
				I(typemod);
			N(array_bounds);
		END
		CASE(AST_FUNC_CALL, AstFuncCall)
			N(funcname); N(args); N(agg_order); N(agg_filter); N(over);
			B(agg_within_group); B(agg_star); B(agg_distinct); B(func_variadic);
			I(funcformat);
		END
		CASE(AST_NAMED_ARG, AstNamedArg) S(name); N(arg); END
		CASE(AST_NULL_TEST, AstNullTest) N(arg); B(is_not); END
		CASE(AST_BOOLEAN_TEST, AstBooleanTest) N(arg); I(test); END
		CASE(AST_CASE_EXPR, AstCaseExpr) N(arg); N(whens); N(defresult); END
		CASE(AST_CASE_WHEN, AstCaseWhen) N(expr); N(result); END
		CASE(AST_COALESCE_EXPR, AstCoalesceExpr) N(args); END
		CASE(AST_MINMAX_EXPR, AstMinMaxExpr)
			strbuf_puts(sb, x->op == AST_IS_GREATEST ? " greatest" : " least");
			N(args);
		END
		CASE(AST_SQLVALUE_FUNCTION, AstSQLValueFunction)
			I(op);
			if (x->typmod != -1)
				I(typmod);
		END
		CASE(AST_SUBLINK, AstSubLink) I(kind); N(testexpr); N(opername); N(subselect); END
		CASE(AST_ARRAY_EXPR, AstArrayExpr) N(elements); END
		CASE(AST_INDIRECTION, AstIndirection) N(arg); N(indirection); END
		CASE(AST_INDICES, AstIndices) B(is_slice); N(lidx); N(uidx); END
		CASE(AST_COLLATE_CLAUSE, AstCollateClause) N(arg); N(collname); END
		CASE(AST_ROW_EXPR, AstRowExpr) N(args); B(explicit_row); END
		CASE(AST_SET_TO_DEFAULT, AstSetToDefault) END
		CASE(AST_GROUPING_FUNC, AstGroupingFunc) N(args); END
		CASE(AST_GROUPING_SET, AstGroupingSet) I(kind); N(content); END
		CASE(AST_RES_TARGET, AstResTarget) S(name); N(indirection); N(val); END
		CASE(AST_MULTI_ASSIGN_REF, AstMultiAssignRef) N(source); I(colno); I(ncolumns); END
		CASE(AST_SORT_BY, AstSortBy) N(node); I(dir); I(nulls); N(use_op); END
		CASE(AST_WINDOW_DEF, AstWindowDef)
			S(name); S(refname); N(partition_clause); N(order_clause);
			I(frame_options); N(start_offset); N(end_offset);
		END
		CASE(AST_RANGE_VAR, AstRangeVar)
			S(catalogname); S(schemaname); S(relname);
			if (!x->inh)
				strbuf_puts(sb, " only");
			if (x->relpersistence != AST_RELPERSISTENCE_PERMANENT)
				C(relpersistence);
			N(alias);
		END
		CASE(AST_ALIAS, AstAlias) S(aliasname); N(colnames); END
		CASE(AST_JOIN_EXPR, AstJoinExpr)
			I(jointype); B(is_natural); N(larg); N(rarg); N(using_clause);
			N(join_using_alias); N(quals); N(alias);
		END
		CASE(AST_RANGE_SUBSELECT, AstRangeSubselect) B(lateral); N(subquery); N(alias); END
		CASE(AST_RANGE_FUNCTION, AstRangeFunction)
			B(lateral); B(ordinality); B(is_rowsfrom); N(functions); N(alias); N(coldeflist);
		END
		CASE(AST_WITH_CLAUSE, AstWithClause) N(ctes); B(recursive); END
		CASE(AST_COMMON_TABLE_EXPR, AstCommonTableExpr)
			S(ctename); N(aliascolnames); I(materialized); N(ctequery);
		END
		CASE(AST_LOCKING_CLAUSE, AstLockingClause) N(locked_rels); I(strength); I(wait_policy); END
		CASE(AST_INTO_CLAUSE, AstIntoClause) N(rel); N(col_names); N(options); I(on_commit); B(skip_data); END
		CASE(AST_ON_CONFLICT_CLAUSE, AstOnConflictClause)
			strbuf_puts(sb, x->action == AST_ONCONFLICT_UPDATE ? " update" : " nothing");
			N(infer); N(target_list); N(where_clause);
		END
		CASE(AST_INFER_CLAUSE, AstInferClause) N(index_elems); N(where_clause); S(conname); END
		CASE(AST_COLUMN_DEF, AstColumnDef)
			S(colname); N(type_name); N(coll_clause); N(constraints); C(storage); S(compression);
		END
		CASE(AST_CONSTRAINT, AstConstraint)
			static const char *const types[] = {"null", "notnull", "default", "identity",
				"generated", "check", "primary", "unique", "exclusion", "foreign",
				"deferrable", "not_deferrable", "deferred", "immediate"};
			strbuf_printf(sb, " %s", types[x->contype]);
			S(conname); B(deferrable); B(initdeferred); B(is_no_inherit); N(raw_expr);
			C(generated_when); B(nulls_not_distinct); N(keys); N(including);
			S(access_method); N(where_clause); N(options); N(pktable); N(fk_attrs);
			N(pk_attrs);
			if (x->contype == AST_CONSTR_FOREIGN)
			{
				C(fk_matchtype); C(fk_upd_action); C(fk_del_action);
			}
			N(fk_del_set_cols); B(skip_validation);
		END
		CASE(AST_INDEX_ELEM, AstIndexElem)
			S(name); N(expr); S(indexcolname); N(collation); N(opclass); I(ordering); I(nulls_ordering);
		END
		CASE(AST_DEF_ELEM, AstDefElem) S(defnamespace); S(defname); N(arg); I(defaction); END
		CASE(AST_ROLE_SPEC, AstRoleSpec) I(roletype); S(rolename); END
		CASE(AST_ALTER_TABLE_CMD, AstAlterTableCmd)
			I(subtype); S(name); I(num); N(newowner); N(def); N(using_expr); I(behavior); B(missing_ok);
		END
		CASE(AST_SELECT_STMT, AstSelectStmt)
			B(distinct); N(distinct_on); N(into_clause); N(target_list); N(from_clause);
			N(where_clause); N(group_clause); B(group_distinct); N(having_clause);
			N(window_clause); N(values_lists); N(sort_clause); N(limit_offset);
			N(limit_count); I(limit_option); N(locking_clause); N(with_clause); I(op);
			B(all); N(larg); N(rarg);
		END
		CASE(AST_INSERT_STMT, AstInsertStmt)
			N(relation); N(cols); N(select_stmt); N(on_conflict); N(returning_list);
			N(with_clause); I(override);
		END
		CASE(AST_UPDATE_STMT, AstUpdateStmt)
			N(relation); N(target_list); N(where_clause); N(from_clause); N(returning_list); N(with_clause);
		END
		CASE(AST_DELETE_STMT, AstDeleteStmt)
			N(relation); N(using_clause); N(where_clause); N(returning_list); N(with_clause);
		END
		CASE(AST_CREATE_STMT, AstCreateStmt)
			N(relation); N(table_elts); N(options); S(tablespacename); I(on_commit); B(if_not_exists);
		END
		CASE(AST_CREATE_TABLE_AS_STMT, AstCreateTableAsStmt)
			N(query); N(into); B(is_select_into); B(if_not_exists);
		END
		CASE(AST_DROP_STMT, AstDropStmt)
			N(objects); I(remove_type); I(behavior); B(missing_ok); B(concurrent);
		END
		CASE(AST_ALTER_TABLE_STMT, AstAlterTableStmt) N(relation); N(cmds); I(objtype); B(missing_ok); END
		CASE(AST_RENAME_STMT, AstRenameStmt)
			I(rename_type); I(relation_type); N(relation); S(subname); S(newname); B(missing_ok);
		END
		CASE(AST_INDEX_STMT, AstIndexStmt)
			S(idxname); N(relation); S(access_method); N(index_params);
			N(index_including_params); N(options); N(where_clause); B(unique);
			B(nulls_not_distinct); B(concurrent); B(if_not_exists);
		END
		CASE(AST_CREATE_SEQ_STMT, AstCreateSeqStmt) N(sequence); N(options); B(if_not_exists); END
		CASE(AST_ALTER_SEQ_STMT, AstAlterSeqStmt) N(sequence); N(options); B(missing_ok); END
		CASE(AST_CREATE_SCHEMA_STMT, AstCreateSchemaStmt) S(schemaname); N(authrole); B(if_not_exists); END
		CASE(AST_TRUNCATE_STMT, AstTruncateStmt) N(relations); B(restart_seqs); I(behavior); END
		CASE(AST_COMMENT_STMT, AstCommentStmt) I(objtype); N(object); S(comment); END
		CASE(AST_TRANSACTION_STMT, AstTransactionStmt)
			I(kind); N(options); S(savepoint_name); S(gid); B(chain);
		END
		CASE(AST_VARIABLE_SET_STMT, AstVariableSetStmt) I(kind); S(name); N(args); B(is_local); END
		CASE(AST_VARIABLE_SHOW_STMT, AstVariableShowStmt) S(name); END
		CASE(AST_COPY_STMT, AstCopyStmt)
			N(relation); N(query); N(attlist); B(is_from); B(is_program); S(filename);
			N(options); N(where_clause);
		END
		CASE(AST_PREPARE_STMT, AstPrepareStmt) S(name); N(argtypes); N(query); END
		CASE(AST_EXECUTE_STMT, AstExecuteStmt) S(name); N(params); END
		CASE(AST_DEALLOCATE_STMT, AstDeallocateStmt) S(name); END
		CASE(AST_EXPLAIN_STMT, AstExplainStmt) N(query); N(options); END
		CASE(AST_CREATEDB_STMT, AstCreatedbStmt) S(dbname); N(options); END
		CASE(AST_DROPDB_STMT, AstDropdbStmt) S(dbname); B(missing_ok); N(options); END
		CASE(AST_ALTER_DATABASE_STMT, AstAlterDatabaseStmt) S(dbname); N(options); END
		CASE(AST_ALTER_DATABASE_SET_STMT, AstAlterDatabaseSetStmt) S(dbname); N(setstmt); END
		CASE(AST_CREATE_ROLE_STMT, AstCreateRoleStmt) I(stmt_type); S(role); N(options); END
		CASE(AST_ALTER_ROLE_STMT, AstAlterRoleStmt) N(role); N(options); I(action); END
		CASE(AST_DROP_ROLE_STMT, AstDropRoleStmt) N(roles); B(missing_ok); END
		CASE(AST_VIEW_STMT, AstViewStmt)
			N(view); N(aliases); N(query); B(replace); N(options); I(with_check_option);
		END
		CASE(AST_DISCARD_STMT, AstDiscardStmt) I(target); END
		CASE(AST_LOCK_STMT, AstLockStmt) N(relations); I(mode); B(nowait); END
		CASE(AST_CHECKPOINT_STMT, AstCheckPointStmt) END
		CASE(AST_LISTEN_STMT, AstListenStmt) S(conditionname); END
		CASE(AST_UNLISTEN_STMT, AstUnlistenStmt) S(conditionname); END
		CASE(AST_NOTIFY_STMT, AstNotifyStmt) S(conditionname); S(payload); END
		CASE(AST_DO_STMT, AstDoStmt) N(args); END
		CASE(AST_VACUUM_STMT, AstVacuumStmt) N(options); N(rels); B(is_vacuumcmd); END
		default:
			strbuf_puts(sb, " ?");
			break;
	}
	strbuf_putc(sb, '}');
}

void
ast_print(StrBuf *sb, const AstNode *node)
{
	print_node(sb, node);
}
