/*
 * utility.c — the statement dispatcher and the transform of utility
 * statements: transactions, SET/SHOW, COPY, PREPARE/EXECUTE/DEALLOCATE,
 * EXPLAIN, databases, roles, DISCARD, LOCK, CHECKPOINT, LISTEN/NOTIFY,
 * DO, VACUUM/ANALYZE.
 *
 * Every other statement the grammar accepts fails here with 0A000 naming
 * it by its PostgreSQL command tag ("CREATE FUNCTION is not supported").
 *
 * Invariants:
 *  1. tx_statement() is the only entry from parse.c; it counts depth, so
 *     statements nested in statements (EXPLAIN EXPLAIN ..., PREPARE) are
 *     bounded like expressions.
 */
#include "transform.h"

#include <memgres/sqlstate.h>

#define NEW(type, tag, loc) tx_new_util(ctx, sizeof(type), (tag), (loc))

static void *
tx_new_util(TxCtx *ctx, size_t size, AstTag tag, int location)
{
	AstNode    *n = ast_new_node(ctx->a, size, tag);

	n->location = location;
	return n;
}

static AstNode *
tx_transaction(TxCtx *ctx, TransactionStmt *s)
{
	AstTransactionStmt *out = NEW(AstTransactionStmt, AST_TRANSACTION_STMT, -1);

	switch (s->kind)
	{
		case TRANS_STMT_BEGIN:
			out->kind = AST_TRANS_BEGIN;
			break;
		case TRANS_STMT_START:
			out->kind = AST_TRANS_START;
			break;
		case TRANS_STMT_COMMIT:
			out->kind = AST_TRANS_COMMIT;
			break;
		case TRANS_STMT_ROLLBACK:
			out->kind = AST_TRANS_ROLLBACK;
			break;
		case TRANS_STMT_SAVEPOINT:
			out->kind = AST_TRANS_SAVEPOINT;
			break;
		case TRANS_STMT_RELEASE:
			out->kind = AST_TRANS_RELEASE;
			break;
		case TRANS_STMT_ROLLBACK_TO:
			out->kind = AST_TRANS_ROLLBACK_TO;
			break;
		case TRANS_STMT_PREPARE:
			out->kind = AST_TRANS_PREPARE;
			break;
		case TRANS_STMT_COMMIT_PREPARED:
			out->kind = AST_TRANS_COMMIT_PREPARED;
			break;
		case TRANS_STMT_ROLLBACK_PREPARED:
			out->kind = AST_TRANS_ROLLBACK_PREPARED;
			break;
	}
	out->options = tx_def_elems(ctx, s->options);
	out->savepoint_name = tx_str(ctx, s->savepoint_name);
	out->gid = tx_str(ctx, s->gid);
	out->chain = s->chain;
	return &out->hdr;
}

static AstVariableSetStmt *
tx_variable_set(TxCtx *ctx, VariableSetStmt *s)
{
	AstVariableSetStmt *out = NEW(AstVariableSetStmt, AST_VARIABLE_SET_STMT, -1);

	switch (s->kind)
	{
		case VAR_SET_VALUE:
			out->kind = AST_VAR_SET_VALUE;
			break;
		case VAR_SET_DEFAULT:
			out->kind = AST_VAR_SET_DEFAULT;
			break;
		case VAR_SET_CURRENT:
			out->kind = AST_VAR_SET_CURRENT;
			break;
		case VAR_SET_MULTI:
			out->kind = AST_VAR_SET_MULTI;
			break;
		case VAR_RESET:
			out->kind = AST_VAR_RESET;
			break;
		case VAR_RESET_ALL:
			out->kind = AST_VAR_RESET_ALL;
			break;
	}
	out->name = tx_str(ctx, s->name);
	if (s->kind == VAR_SET_MULTI)
		out->args = tx_def_elems(ctx, s->args);
	else
		out->args = tx_expr_list(ctx, s->args);
	out->is_local = s->is_local;
	return out;
}

static AstNode *
tx_copy(TxCtx *ctx, CopyStmt *s)
{
	AstCopyStmt *out = NEW(AstCopyStmt, AST_COPY_STMT, -1);

	out->relation = tx_range_var(ctx, s->relation);
	out->query = tx_query_stmt(ctx, s->query);
	out->attlist = tx_names(ctx, s->attlist);
	out->is_from = s->is_from;
	out->is_program = s->is_program;
	out->filename = tx_str(ctx, s->filename);
	out->options = tx_def_elems(ctx, s->options);
	out->where_clause = tx_expr(ctx, s->whereClause);
	return &out->hdr;
}

static AstNode *
tx_vacuum(TxCtx *ctx, VacuumStmt *s)
{
	AstVacuumStmt *out = NEW(AstVacuumStmt, AST_VACUUM_STMT, -1);
	ListCell   *lc;

	out->options = tx_def_elems(ctx, s->options);
	foreach(lc, s->rels)
	{
		VacuumRelation *vr = lfirst_node(VacuumRelation, lc);

		out->rels = ast_list_append(ctx->a, out->rels, tx_range_var(ctx, vr->relation));
	}
	out->is_vacuumcmd = s->is_vacuumcmd;
	return &out->hdr;
}

static AstNode *
tx_role_stmt(TxCtx *ctx, Node *n)
{
	switch (nodeTag(n))
	{
		case T_CreateRoleStmt:
			{
				CreateRoleStmt *s = (CreateRoleStmt *) n;
				AstCreateRoleStmt *out = NEW(AstCreateRoleStmt, AST_CREATE_ROLE_STMT, -1);

				out->stmt_type = s->stmt_type == ROLESTMT_USER ? AST_ROLESTMT_USER :
					s->stmt_type == ROLESTMT_GROUP ? AST_ROLESTMT_GROUP : AST_ROLESTMT_ROLE;
				out->role = tx_str(ctx, s->role);
				out->options = tx_def_elems(ctx, s->options);
				return &out->hdr;
			}
		case T_AlterRoleStmt:
			{
				AlterRoleStmt *s = (AlterRoleStmt *) n;
				AstAlterRoleStmt *out = NEW(AstAlterRoleStmt, AST_ALTER_ROLE_STMT, -1);

				out->role = tx_role_spec(ctx, s->role);
				out->options = tx_def_elems(ctx, s->options);
				out->action = s->action;
				return &out->hdr;
			}
		case T_DropRoleStmt:
			{
				DropRoleStmt *s = (DropRoleStmt *) n;
				AstDropRoleStmt *out = NEW(AstDropRoleStmt, AST_DROP_ROLE_STMT, -1);
				ListCell   *lc;

				foreach(lc, s->roles)
					out->roles = ast_list_append(ctx->a, out->roles,
												 tx_role_spec(ctx, lfirst_node(RoleSpec, lc)));
				out->missing_ok = s->missing_ok;
				return &out->hdr;
			}
		default:
			return NULL;
	}
}

static AstNode *
tx_database_stmt(TxCtx *ctx, Node *n)
{
	switch (nodeTag(n))
	{
		case T_CreatedbStmt:
			{
				CreatedbStmt *s = (CreatedbStmt *) n;
				AstCreatedbStmt *out = NEW(AstCreatedbStmt, AST_CREATEDB_STMT, -1);

				out->dbname = tx_str(ctx, s->dbname);
				out->options = tx_def_elems(ctx, s->options);
				return &out->hdr;
			}
		case T_DropdbStmt:
			{
				DropdbStmt *s = (DropdbStmt *) n;
				AstDropdbStmt *out = NEW(AstDropdbStmt, AST_DROPDB_STMT, -1);

				out->dbname = tx_str(ctx, s->dbname);
				out->missing_ok = s->missing_ok;
				out->options = tx_def_elems(ctx, s->options);
				return &out->hdr;
			}
		case T_AlterDatabaseStmt:
			{
				AlterDatabaseStmt *s = (AlterDatabaseStmt *) n;
				AstAlterDatabaseStmt *out = NEW(AstAlterDatabaseStmt, AST_ALTER_DATABASE_STMT, -1);

				out->dbname = tx_str(ctx, s->dbname);
				out->options = tx_def_elems(ctx, s->options);
				return &out->hdr;
			}
		case T_AlterDatabaseSetStmt:
			{
				AlterDatabaseSetStmt *s = (AlterDatabaseSetStmt *) n;
				AstAlterDatabaseSetStmt *out = NEW(AstAlterDatabaseSetStmt,
												   AST_ALTER_DATABASE_SET_STMT, -1);

				out->dbname = tx_str(ctx, s->dbname);
				out->setstmt = tx_variable_set(ctx, s->setstmt);
				return &out->hdr;
			}
		default:
			return NULL;
	}
}

/* PostgreSQL's command tag for statements memgres rejects. */
static const char *
unsupported_stmt_name(Node *n)
{
	switch (nodeTag(n))
	{
		case T_CreateFunctionStmt:
			return ((CreateFunctionStmt *) n)->is_procedure ? "CREATE PROCEDURE" : "CREATE FUNCTION";
		case T_AlterFunctionStmt:
			return "ALTER FUNCTION";
		case T_CallStmt:
			return "CALL";
		case T_CreateTrigStmt:
			return "CREATE TRIGGER";
		case T_CreateEventTrigStmt:
			return "CREATE EVENT TRIGGER";
		case T_AlterEventTrigStmt:
			return "ALTER EVENT TRIGGER";
		case T_GrantStmt:
			return ((GrantStmt *) n)->is_grant ? "GRANT" : "REVOKE";
		case T_GrantRoleStmt:
			return ((GrantRoleStmt *) n)->is_grant ? "GRANT ROLE" : "REVOKE ROLE";
		case T_AlterDefaultPrivilegesStmt:
			return "ALTER DEFAULT PRIVILEGES";
		case T_CreateExtensionStmt:
			return "CREATE EXTENSION";
		case T_AlterExtensionStmt:
		case T_AlterExtensionContentsStmt:
			return "ALTER EXTENSION";
		case T_CompositeTypeStmt:
		case T_CreateEnumStmt:
		case T_CreateRangeStmt:
			return "CREATE TYPE";
		case T_AlterEnumStmt:
			return "ALTER TYPE";
		case T_CreateDomainStmt:
			return "CREATE DOMAIN";
		case T_AlterDomainStmt:
			return "ALTER DOMAIN";
		case T_DefineStmt:
			switch (((DefineStmt *) n)->kind)
			{
				case OBJECT_AGGREGATE:
					return "CREATE AGGREGATE";
				case OBJECT_OPERATOR:
					return "CREATE OPERATOR";
				case OBJECT_COLLATION:
					return "CREATE COLLATION";
				case OBJECT_TSPARSER:
					return "CREATE TEXT SEARCH PARSER";
				case OBJECT_TSDICTIONARY:
					return "CREATE TEXT SEARCH DICTIONARY";
				case OBJECT_TSTEMPLATE:
					return "CREATE TEXT SEARCH TEMPLATE";
				case OBJECT_TSCONFIGURATION:
					return "CREATE TEXT SEARCH CONFIGURATION";
				default:
					return "CREATE TYPE";
			}
		case T_DeclareCursorStmt:
			return "DECLARE CURSOR";
		case T_FetchStmt:
			return ((FetchStmt *) n)->ismove ? "MOVE" : "FETCH";
		case T_ClosePortalStmt:
			return "CLOSE CURSOR";
		case T_ClusterStmt:
			return "CLUSTER";
		case T_ReindexStmt:
			return "REINDEX";
		case T_RefreshMatViewStmt:
			return "REFRESH MATERIALIZED VIEW";
		case T_AlterOwnerStmt:
			return "ALTER ... OWNER TO";
		case T_AlterObjectSchemaStmt:
			return "ALTER ... SET SCHEMA";
		case T_AlterObjectDependsStmt:
			return "ALTER ... DEPENDS ON EXTENSION";
		case T_AlterRoleSetStmt:
			return "ALTER ROLE ... SET";
		case T_AlterDatabaseRefreshCollStmt:
			return "ALTER DATABASE ... REFRESH COLLATION VERSION";
		case T_AlterSystemStmt:
			return "ALTER SYSTEM";
		case T_AlterTableMoveAllStmt:
			return "ALTER TABLE ... ALL IN TABLESPACE";
		case T_AlterTableSpaceOptionsStmt:
			return "ALTER TABLESPACE";
		case T_CreateTableSpaceStmt:
			return "CREATE TABLESPACE";
		case T_DropTableSpaceStmt:
			return "DROP TABLESPACE";
		case T_CreatePolicyStmt:
			return "CREATE POLICY";
		case T_AlterPolicyStmt:
			return "ALTER POLICY";
		case T_RuleStmt:
			return "CREATE RULE";
		case T_SecLabelStmt:
			return "SECURITY LABEL";
		case T_ImportForeignSchemaStmt:
			return "IMPORT FOREIGN SCHEMA";
		case T_CreateForeignTableStmt:
			return "CREATE FOREIGN TABLE";
		case T_CreateFdwStmt:
			return "CREATE FOREIGN DATA WRAPPER";
		case T_AlterFdwStmt:
			return "ALTER FOREIGN DATA WRAPPER";
		case T_CreateForeignServerStmt:
			return "CREATE SERVER";
		case T_AlterForeignServerStmt:
			return "ALTER SERVER";
		case T_CreateUserMappingStmt:
			return "CREATE USER MAPPING";
		case T_AlterUserMappingStmt:
			return "ALTER USER MAPPING";
		case T_DropUserMappingStmt:
			return "DROP USER MAPPING";
		case T_CreatePublicationStmt:
			return "CREATE PUBLICATION";
		case T_AlterPublicationStmt:
			return "ALTER PUBLICATION";
		case T_CreateSubscriptionStmt:
			return "CREATE SUBSCRIPTION";
		case T_AlterSubscriptionStmt:
			return "ALTER SUBSCRIPTION";
		case T_DropSubscriptionStmt:
			return "DROP SUBSCRIPTION";
		case T_CreateCastStmt:
			return "CREATE CAST";
		case T_CreateConversionStmt:
			return "CREATE CONVERSION";
		case T_CreateOpClassStmt:
			return "CREATE OPERATOR CLASS";
		case T_CreateOpFamilyStmt:
			return "CREATE OPERATOR FAMILY";
		case T_AlterOpFamilyStmt:
			return "ALTER OPERATOR FAMILY";
		case T_AlterOperatorStmt:
			return "ALTER OPERATOR";
		case T_AlterTypeStmt:
			return "ALTER TYPE";
		case T_CreatePLangStmt:
			return "CREATE LANGUAGE";
		case T_CreateAmStmt:
			return "CREATE ACCESS METHOD";
		case T_CreateTransformStmt:
			return "CREATE TRANSFORM";
		case T_CreateStatsStmt:
			return "CREATE STATISTICS";
		case T_AlterStatsStmt:
			return "ALTER STATISTICS";
		case T_AlterCollationStmt:
			return "ALTER COLLATION";
		case T_AlterTSDictionaryStmt:
			return "ALTER TEXT SEARCH DICTIONARY";
		case T_AlterTSConfigurationStmt:
			return "ALTER TEXT SEARCH CONFIGURATION";
		case T_DropOwnedStmt:
			return "DROP OWNED";
		case T_ReassignOwnedStmt:
			return "REASSIGN OWNED";
		case T_LoadStmt:
			return "LOAD";
		case T_ConstraintsSetStmt:
			return "SET CONSTRAINTS";
		case T_MergeStmt:
			return "MERGE";
		default:
			return "this statement";
	}
}

static AstNode *
tx_statement_inner(TxCtx *ctx, Node *n)
{
	AstNode    *out;

	switch (nodeTag(n))
	{
		case T_SelectStmt:
			return tx_top_query(ctx, n);
		case T_InsertStmt:
		case T_UpdateStmt:
		case T_DeleteStmt:
			return tx_query_stmt(ctx, n);

		case T_CreateStmt:
		case T_CreateTableAsStmt:
		case T_DropStmt:
		case T_AlterTableStmt:
		case T_RenameStmt:
		case T_IndexStmt:
		case T_CreateSeqStmt:
		case T_AlterSeqStmt:
		case T_CreateSchemaStmt:
		case T_TruncateStmt:
		case T_CommentStmt:
		case T_ViewStmt:
			return tx_ddl_stmt(ctx, n);

		case T_TransactionStmt:
			return tx_transaction(ctx, (TransactionStmt *) n);
		case T_VariableSetStmt:
			return (AstNode *) tx_variable_set(ctx, (VariableSetStmt *) n);
		case T_VariableShowStmt:
			{
				AstVariableShowStmt *s = NEW(AstVariableShowStmt, AST_VARIABLE_SHOW_STMT, -1);

				s->name = tx_str(ctx, ((VariableShowStmt *) n)->name);
				return &s->hdr;
			}
		case T_CopyStmt:
			return tx_copy(ctx, (CopyStmt *) n);
		case T_PrepareStmt:
			{
				PrepareStmt *p = (PrepareStmt *) n;
				AstPrepareStmt *s = NEW(AstPrepareStmt, AST_PREPARE_STMT, -1);
				ListCell   *lc;

				s->name = tx_str(ctx, p->name);
				foreach(lc, p->argtypes)
					s->argtypes = ast_list_append(ctx->a, s->argtypes,
												  tx_type_name(ctx, lfirst_node(TypeName, lc)));
				s->query = tx_top_query(ctx, p->query);
				return &s->hdr;
			}
		case T_ExecuteStmt:
			{
				ExecuteStmt *e = (ExecuteStmt *) n;
				AstExecuteStmt *s = NEW(AstExecuteStmt, AST_EXECUTE_STMT, -1);

				s->name = tx_str(ctx, e->name);
				s->params = tx_expr_list(ctx, e->params);
				return &s->hdr;
			}
		case T_DeallocateStmt:
			{
				AstDeallocateStmt *s = NEW(AstDeallocateStmt, AST_DEALLOCATE_STMT, -1);

				s->name = tx_str(ctx, ((DeallocateStmt *) n)->name);
				return &s->hdr;
			}
		case T_ExplainStmt:
			{
				ExplainStmt *e = (ExplainStmt *) n;
				AstExplainStmt *s = NEW(AstExplainStmt, AST_EXPLAIN_STMT, -1);

				s->query = tx_top_query(ctx, e->query);
				s->options = tx_def_elems(ctx, e->options);
				return &s->hdr;
			}
		case T_CreatedbStmt:
		case T_DropdbStmt:
		case T_AlterDatabaseStmt:
		case T_AlterDatabaseSetStmt:
			return tx_database_stmt(ctx, n);
		case T_CreateRoleStmt:
		case T_AlterRoleStmt:
		case T_DropRoleStmt:
			return tx_role_stmt(ctx, n);
		case T_DiscardStmt:
			{
				AstDiscardStmt *s = NEW(AstDiscardStmt, AST_DISCARD_STMT, -1);

				switch (((DiscardStmt *) n)->target)
				{
					case DISCARD_ALL:
						s->target = AST_DISCARD_ALL;
						break;
					case DISCARD_PLANS:
						s->target = AST_DISCARD_PLANS;
						break;
					case DISCARD_SEQUENCES:
						s->target = AST_DISCARD_SEQUENCES;
						break;
					case DISCARD_TEMP:
						s->target = AST_DISCARD_TEMP;
						break;
				}
				return &s->hdr;
			}
		case T_LockStmt:
			{
				LockStmt   *l = (LockStmt *) n;
				AstLockStmt *s = NEW(AstLockStmt, AST_LOCK_STMT, -1);
				ListCell   *lc;

				foreach(lc, l->relations)
					s->relations = ast_list_append(ctx->a, s->relations,
												   tx_range_var(ctx, lfirst_node(RangeVar, lc)));
				s->mode = l->mode;
				s->nowait = l->nowait;
				return &s->hdr;
			}
		case T_CheckPointStmt:
			return NEW(AstCheckPointStmt, AST_CHECKPOINT_STMT, -1);
		case T_ListenStmt:
			{
				AstListenStmt *s = NEW(AstListenStmt, AST_LISTEN_STMT, -1);

				s->conditionname = tx_str(ctx, ((ListenStmt *) n)->conditionname);
				return &s->hdr;
			}
		case T_UnlistenStmt:
			{
				AstUnlistenStmt *s = NEW(AstUnlistenStmt, AST_UNLISTEN_STMT, -1);

				s->conditionname = tx_str(ctx, ((UnlistenStmt *) n)->conditionname);
				return &s->hdr;
			}
		case T_NotifyStmt:
			{
				AstNotifyStmt *s = NEW(AstNotifyStmt, AST_NOTIFY_STMT, -1);

				s->conditionname = tx_str(ctx, ((NotifyStmt *) n)->conditionname);
				s->payload = tx_str(ctx, ((NotifyStmt *) n)->payload);
				return &s->hdr;
			}
		case T_DoStmt:
			{
				AstDoStmt  *s = NEW(AstDoStmt, AST_DO_STMT, -1);

				s->args = tx_def_elems(ctx, ((DoStmt *) n)->args);
				return &s->hdr;
			}
		case T_VacuumStmt:
			return tx_vacuum(ctx, (VacuumStmt *) n);
		default:
			out = NULL;
			tx_fail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "%s is not supported",
					unsupported_stmt_name(n));
			return out;
	}
}

AstNode *
tx_statement(TxCtx *ctx, Node *n)
{
	AstNode    *out;

	if (n == NULL)
		return NULL;
	if (!tx_enter(ctx))
		return NULL;
	out = tx_statement_inner(ctx, n);
	tx_leave(ctx);
	return out;
}

AstNode *
tx_utility_stmt(TxCtx *ctx, Node *n)
{
	return tx_statement(ctx, n);
}
