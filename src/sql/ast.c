/*
 * ast.c — construction helpers and tag names for the memgres AST.
 *
 * The AST itself is plain structs (src/sql/ast.h); this file holds the few
 * functions every producer or consumer of it shares.  It includes no
 * PostgreSQL header, so it lives in the main library.
 *
 * Invariants:
 *  1. ast_new_node() returns zeroed memory with tag set and location -1, so
 *     every optional field of a fresh node reads as "absent".
 *  2. Lists grow by doubling inside the arena; items[0..length) are valid.
 */
#include <string.h>

#include "ast.h"

void *
ast_new_node(Arena *a, size_t size, AstTag tag)
{
	AstNode    *n = arena_alloc0(a, size);

	n->tag = tag;
	n->location = -1;
	return n;
}

AstList *
ast_list_append(Arena *a, AstList *l, void *node)
{
	if (l == NULL)
	{
		l = ast_new(a, AstList, AST_LIST);
		l->capacity = 4;
		l->items = arena_alloc(a, sizeof(AstNode *) * (size_t) l->capacity);
	}
	else if (l->length == l->capacity)
	{
		int			newcap = l->capacity * 2;

		l->items = arena_realloc(a, l->items, sizeof(AstNode *) * (size_t) l->capacity,
								 sizeof(AstNode *) * (size_t) newcap);
		l->capacity = newcap;
	}
	l->items[l->length++] = node;
	return l;
}

AstString *
ast_make_string(Arena *a, const char *s)
{
	AstString  *str = ast_new(a, AstString, AST_STRING);

	str->sval = arena_strdup(a, s);
	return str;
}

static const char *const ast_tag_names[AST_NUM_TAGS] = {
	[AST_INVALID] = "Invalid",
	[AST_LIST] = "List",
	[AST_STRING] = "String",
	[AST_STAR] = "A_Star",
	[AST_CONST] = "A_Const",
	[AST_COLUMN_REF] = "ColumnRef",
	[AST_PARAM_REF] = "ParamRef",
	[AST_A_EXPR] = "A_Expr",
	[AST_BOOL_EXPR] = "BoolExpr",
	[AST_TYPE_CAST] = "TypeCast",
	[AST_TYPE_NAME] = "TypeName",
	[AST_FUNC_CALL] = "FuncCall",
	[AST_NAMED_ARG] = "NamedArgExpr",
	[AST_NULL_TEST] = "NullTest",
	[AST_BOOLEAN_TEST] = "BooleanTest",
	[AST_CASE_EXPR] = "CaseExpr",
	[AST_CASE_WHEN] = "CaseWhen",
	[AST_COALESCE_EXPR] = "CoalesceExpr",
	[AST_MINMAX_EXPR] = "MinMaxExpr",
	[AST_SQLVALUE_FUNCTION] = "SQLValueFunction",
	[AST_SUBLINK] = "SubLink",
	[AST_ARRAY_EXPR] = "A_ArrayExpr",
	[AST_INDIRECTION] = "A_Indirection",
	[AST_INDICES] = "A_Indices",
	[AST_COLLATE_CLAUSE] = "CollateClause",
	[AST_ROW_EXPR] = "RowExpr",
	[AST_SET_TO_DEFAULT] = "SetToDefault",
	[AST_GROUPING_FUNC] = "GroupingFunc",
	[AST_GROUPING_SET] = "GroupingSet",
	[AST_RES_TARGET] = "ResTarget",
	[AST_MULTI_ASSIGN_REF] = "MultiAssignRef",
	[AST_SORT_BY] = "SortBy",
	[AST_WINDOW_DEF] = "WindowDef",
	[AST_RANGE_VAR] = "RangeVar",
	[AST_ALIAS] = "Alias",
	[AST_JOIN_EXPR] = "JoinExpr",
	[AST_RANGE_SUBSELECT] = "RangeSubselect",
	[AST_RANGE_FUNCTION] = "RangeFunction",
	[AST_WITH_CLAUSE] = "WithClause",
	[AST_COMMON_TABLE_EXPR] = "CommonTableExpr",
	[AST_LOCKING_CLAUSE] = "LockingClause",
	[AST_INTO_CLAUSE] = "IntoClause",
	[AST_ON_CONFLICT_CLAUSE] = "OnConflictClause",
	[AST_INFER_CLAUSE] = "InferClause",
	[AST_COLUMN_DEF] = "ColumnDef",
	[AST_CONSTRAINT] = "Constraint",
	[AST_INDEX_ELEM] = "IndexElem",
	[AST_DEF_ELEM] = "DefElem",
	[AST_ROLE_SPEC] = "RoleSpec",
	[AST_ALTER_TABLE_CMD] = "AlterTableCmd",
	[AST_SELECT_STMT] = "SelectStmt",
	[AST_INSERT_STMT] = "InsertStmt",
	[AST_UPDATE_STMT] = "UpdateStmt",
	[AST_DELETE_STMT] = "DeleteStmt",
	[AST_CREATE_STMT] = "CreateStmt",
	[AST_CREATE_TABLE_AS_STMT] = "CreateTableAsStmt",
	[AST_DROP_STMT] = "DropStmt",
	[AST_ALTER_TABLE_STMT] = "AlterTableStmt",
	[AST_RENAME_STMT] = "RenameStmt",
	[AST_INDEX_STMT] = "IndexStmt",
	[AST_CREATE_SEQ_STMT] = "CreateSeqStmt",
	[AST_ALTER_SEQ_STMT] = "AlterSeqStmt",
	[AST_CREATE_SCHEMA_STMT] = "CreateSchemaStmt",
	[AST_TRUNCATE_STMT] = "TruncateStmt",
	[AST_COMMENT_STMT] = "CommentStmt",
	[AST_TRANSACTION_STMT] = "TransactionStmt",
	[AST_VARIABLE_SET_STMT] = "VariableSetStmt",
	[AST_VARIABLE_SHOW_STMT] = "VariableShowStmt",
	[AST_COPY_STMT] = "CopyStmt",
	[AST_PREPARE_STMT] = "PrepareStmt",
	[AST_EXECUTE_STMT] = "ExecuteStmt",
	[AST_DEALLOCATE_STMT] = "DeallocateStmt",
	[AST_EXPLAIN_STMT] = "ExplainStmt",
	[AST_CREATEDB_STMT] = "CreatedbStmt",
	[AST_DROPDB_STMT] = "DropdbStmt",
	[AST_ALTER_DATABASE_STMT] = "AlterDatabaseStmt",
	[AST_ALTER_DATABASE_SET_STMT] = "AlterDatabaseSetStmt",
	[AST_CREATE_ROLE_STMT] = "CreateRoleStmt",
	[AST_ALTER_ROLE_STMT] = "AlterRoleStmt",
	[AST_DROP_ROLE_STMT] = "DropRoleStmt",
	[AST_VIEW_STMT] = "ViewStmt",
	[AST_DISCARD_STMT] = "DiscardStmt",
	[AST_LOCK_STMT] = "LockStmt",
	[AST_CHECKPOINT_STMT] = "CheckPointStmt",
	[AST_LISTEN_STMT] = "ListenStmt",
	[AST_UNLISTEN_STMT] = "UnlistenStmt",
	[AST_NOTIFY_STMT] = "NotifyStmt",
	[AST_DO_STMT] = "DoStmt",
	[AST_VACUUM_STMT] = "VacuumStmt",
};

const char *
ast_tag_name(AstTag tag)
{
	if ((int) tag < 0 || tag >= AST_NUM_TAGS || ast_tag_names[tag] == NULL)
		return "?";
	return ast_tag_names[tag];
}

int
sql_ast_char_position(const char *query, int byte_offset)
{
	int			pos = 0;

	if (byte_offset < 0)
		return 0;
	for (int i = 0; i < byte_offset && query[i] != '\0'; i++)
	{
		/* count every byte that does not continue a UTF-8 sequence */
		if (((unsigned char) query[i] & 0xC0) != 0x80)
			pos++;
	}
	return pos + 1;
}

static int
leftmost(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

int
ast_expr_location(const AstNode *n)
{
	if (n == NULL)
		return -1;
	switch (AST_TAG(n))
	{
		case AST_TYPE_CAST:
			return leftmost(n->location, ast_expr_location(((const AstTypeCast *) n)->arg));
		case AST_A_EXPR:
			return leftmost(n->location, ast_expr_location(((const AstAExpr *) n)->lexpr));
		case AST_BOOL_EXPR:
			{
				const AstList *args = ((const AstBoolExpr *) n)->args;

				return leftmost(n->location, ast_list_length(args) > 0 ? ast_expr_location(ast_list_nth(args, 0)) : -1);
			}
		case AST_NULL_TEST:
			return leftmost(n->location, ast_expr_location(((const AstNullTest *) n)->arg));
		case AST_BOOLEAN_TEST:
			return leftmost(n->location, ast_expr_location(((const AstBooleanTest *) n)->arg));
		case AST_COLLATE_CLAUSE:
			return leftmost(n->location, ast_expr_location(((const AstCollateClause *) n)->arg));
		case AST_INDIRECTION:
			return leftmost(n->location, ast_expr_location(((const AstIndirection *) n)->arg));
		case AST_SUBLINK:
			return leftmost(n->location, ast_expr_location(((const AstSubLink *) n)->testexpr));
		default:
			return n->location;
	}
}
