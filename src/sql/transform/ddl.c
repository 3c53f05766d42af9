/*
 * ddl.c — transform of schema statements: CREATE TABLE (columns and
 * constraints), CREATE TABLE AS, DROP, ALTER TABLE, RENAME, CREATE INDEX,
 * sequences, schemas, TRUNCATE, COMMENT ON, views.
 *
 * Design: constraint attribute clauses (DEFERRABLE, INITIALLY DEFERRED...)
 * arrive from the grammar as separate pseudo-constraints after the one
 * they qualify; they are folded into it here with PostgreSQL's checks and
 * messages (its transformConstraintAttrs), so consumers only see real
 * constraints.
 *
 * Invariants:
 *  1. Every ALTER TABLE subcommand not listed in AstAlterTableType fails
 *     with 0A000 naming it.
 *  2. DROP/COMMENT object names are normalised to lists of AstString.
 */
#include "transform.h"

#include <memgres/sqlstate.h>

#define NEW(type, tag, loc) tx_new_ddl(ctx, sizeof(type), (tag), (loc))

static void *
tx_new_ddl(TxCtx *ctx, size_t size, AstTag tag, int location)
{
	AstNode    *n = ast_new_node(ctx->a, size, tag);

	n->location = location;
	return n;
}

AstConstraint *
tx_constraint(TxCtx *ctx, Constraint *c)
{
	AstConstraint *out = NEW(AstConstraint, AST_CONSTRAINT, c->location);

	switch (c->contype)
	{
		case CONSTR_NULL:
			out->contype = AST_CONSTR_NULL;
			break;
		case CONSTR_NOTNULL:
			out->contype = AST_CONSTR_NOTNULL;
			break;
		case CONSTR_DEFAULT:
			out->contype = AST_CONSTR_DEFAULT;
			break;
		case CONSTR_IDENTITY:
			out->contype = AST_CONSTR_IDENTITY;
			break;
		case CONSTR_GENERATED:
			out->contype = AST_CONSTR_GENERATED;
			break;
		case CONSTR_CHECK:
			out->contype = AST_CONSTR_CHECK;
			break;
		case CONSTR_PRIMARY:
			out->contype = AST_CONSTR_PRIMARY;
			break;
		case CONSTR_UNIQUE:
			out->contype = AST_CONSTR_UNIQUE;
			break;
		case CONSTR_EXCLUSION:
			tx_unsupported(ctx, c->location, "EXCLUDE constraint");
			return NULL;
		case CONSTR_FOREIGN:
			out->contype = AST_CONSTR_FOREIGN;
			break;
		case CONSTR_ATTR_DEFERRABLE:
			out->contype = AST_CONSTR_ATTR_DEFERRABLE;
			break;
		case CONSTR_ATTR_NOT_DEFERRABLE:
			out->contype = AST_CONSTR_ATTR_NOT_DEFERRABLE;
			break;
		case CONSTR_ATTR_DEFERRED:
			out->contype = AST_CONSTR_ATTR_DEFERRED;
			break;
		case CONSTR_ATTR_IMMEDIATE:
			out->contype = AST_CONSTR_ATTR_IMMEDIATE;
			break;
	}
	if (c->indexname != NULL)
	{
		tx_unsupported(ctx, c->location, "USING INDEX in a constraint");
		return NULL;
	}
	if (c->indexspace != NULL)
	{
		tx_unsupported(ctx, c->location, "USING INDEX TABLESPACE");
		return NULL;
	}
	out->conname = tx_str(ctx, c->conname);
	out->deferrable = c->deferrable;
	out->initdeferred = c->initdeferred;
	out->is_no_inherit = c->is_no_inherit;
	out->raw_expr = tx_expr(ctx, c->raw_expr);
	out->generated_when = c->generated_when;
	out->nulls_not_distinct = c->nulls_not_distinct;
	out->keys = tx_names(ctx, c->keys);
	out->including = tx_names(ctx, c->including);
	out->access_method = tx_str(ctx, c->access_method);
	out->where_clause = tx_expr(ctx, c->where_clause);
	out->options = tx_def_elems(ctx, c->options);
	out->pktable = tx_range_var(ctx, c->pktable);
	out->fk_attrs = tx_names(ctx, c->fk_attrs);
	out->pk_attrs = tx_names(ctx, c->pk_attrs);
	out->fk_matchtype = c->fk_matchtype;
	out->fk_upd_action = c->fk_upd_action;
	out->fk_del_action = c->fk_del_action;
	out->fk_del_set_cols = tx_names(ctx, c->fk_del_set_cols);
	out->skip_validation = c->skip_validation;
	out->initially_valid = c->initially_valid;
	return out;
}

static bool
supports_attrs(const AstConstraint *c)
{
	return c != NULL && (c->contype == AST_CONSTR_PRIMARY || c->contype == AST_CONSTR_UNIQUE ||
						 c->contype == AST_CONSTR_FOREIGN);
}

/*
 * Transforms a list of constraints, folding attribute pseudo-constraints
 * into the constraint before them (PostgreSQL's transformConstraintAttrs).
 */
static AstList *
tx_constraint_list(TxCtx *ctx, List *constraints)
{
	AstList    *out = NULL;
	AstConstraint *last = NULL;
	bool		saw_deferrability = false;
	bool		saw_initially = false;
	ListCell   *lc;

	foreach(lc, constraints)
	{
		AstConstraint *c = tx_constraint(ctx, lfirst_node(Constraint, lc));

		if (tx_failed(ctx))
			return NULL;
		switch (c->contype)
		{
			case AST_CONSTR_ATTR_DEFERRABLE:
			case AST_CONSTR_ATTR_NOT_DEFERRABLE:
				if (!supports_attrs(last))
				{
					tx_fail(ctx, SQLSTATE_SYNTAX_ERROR, c->hdr.location, "misplaced %s clause",
							c->contype == AST_CONSTR_ATTR_DEFERRABLE ? "DEFERRABLE" : "NOT DEFERRABLE");
					return NULL;
				}
				if (saw_deferrability)
				{
					tx_fail(ctx, SQLSTATE_SYNTAX_ERROR, c->hdr.location,
							"multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed");
					return NULL;
				}
				saw_deferrability = true;
				last->deferrable = c->contype == AST_CONSTR_ATTR_DEFERRABLE;
				if (!last->deferrable && saw_initially && last->initdeferred)
				{
					tx_fail(ctx, SQLSTATE_SYNTAX_ERROR, c->hdr.location,
							"constraint declared INITIALLY DEFERRED must be DEFERRABLE");
					return NULL;
				}
				break;
			case AST_CONSTR_ATTR_DEFERRED:
			case AST_CONSTR_ATTR_IMMEDIATE:
				if (!supports_attrs(last))
				{
					tx_fail(ctx, SQLSTATE_SYNTAX_ERROR, c->hdr.location, "misplaced %s clause",
							c->contype == AST_CONSTR_ATTR_DEFERRED ?
							"INITIALLY DEFERRED" : "INITIALLY IMMEDIATE");
					return NULL;
				}
				if (saw_initially)
				{
					tx_fail(ctx, SQLSTATE_SYNTAX_ERROR, c->hdr.location,
							"multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed");
					return NULL;
				}
				saw_initially = true;
				last->initdeferred = c->contype == AST_CONSTR_ATTR_DEFERRED;
				/* INITIALLY DEFERRED implies DEFERRABLE unless NOT DEFERRABLE was said */
				if (last->initdeferred)
				{
					if (!saw_deferrability)
						last->deferrable = true;
					else if (!last->deferrable)
					{
						tx_fail(ctx, SQLSTATE_SYNTAX_ERROR, c->hdr.location,
								"constraint declared INITIALLY DEFERRED must be DEFERRABLE");
						return NULL;
					}
				}
				break;
			default:
				last = c;
				saw_deferrability = false;
				saw_initially = false;
				out = ast_list_append(ctx->a, out, c);
				break;
		}
	}
	return out;
}

AstColumnDef *
tx_column_def(TxCtx *ctx, ColumnDef *cd)
{
	AstColumnDef *out = NEW(AstColumnDef, AST_COLUMN_DEF, cd->location);

	if (cd->fdwoptions != NIL)
	{
		tx_unsupported(ctx, cd->location, "column OPTIONS");
		return NULL;
	}
	out->colname = tx_str(ctx, cd->colname);
	out->type_name = tx_type_name(ctx, cd->typeName);
	if (cd->collClause != NULL)
	{
		out->coll_clause = NEW(AstCollateClause, AST_COLLATE_CLAUSE, cd->collClause->location);
		out->coll_clause->collname = tx_names(ctx, cd->collClause->collname);
	}
	out->constraints = tx_constraint_list(ctx, cd->constraints);
	if (cd->raw_default != NULL)
	{
		/* not produced by CREATE TABLE's grammar, but keep it if present */
		AstConstraint *d = NEW(AstConstraint, AST_CONSTRAINT, cd->location);

		d->contype = AST_CONSTR_DEFAULT;
		d->raw_expr = tx_expr(ctx, cd->raw_default);
		out->constraints = ast_list_append(ctx->a, out->constraints, d);
	}
	out->storage = cd->storage;
	out->compression = tx_str(ctx, cd->compression);
	return out;
}

static AstNode *
tx_create(TxCtx *ctx, CreateStmt *s)
{
	AstCreateStmt *out = NEW(AstCreateStmt, AST_CREATE_STMT, -1);
	List	   *constraints = NIL;
	ListCell   *lc;

	if (s->inhRelations != NIL)
	{
		tx_unsupported(ctx, s->relation->location, "INHERITS");
		return NULL;
	}
	if (s->partspec != NULL || s->partbound != NULL)
	{
		tx_unsupported(ctx, s->relation->location, "table partitioning");
		return NULL;
	}
	if (s->ofTypename != NULL)
	{
		tx_unsupported(ctx, s->relation->location, "CREATE TABLE OF type");
		return NULL;
	}
	if (s->accessMethod != NULL)
	{
		tx_unsupported(ctx, s->relation->location, "a table access method");
		return NULL;
	}
	out->relation = tx_range_var(ctx, s->relation);
	if (out->relation != NULL)
		out->hdr.location = out->relation->hdr.location;
	foreach(lc, s->tableElts)
	{
		Node	   *e = lfirst(lc);

		switch (nodeTag(e))
		{
			case T_ColumnDef:
				if (constraints != NIL)
				{
					/* table constraints are attributes-folded as one run */
					AstList    *cl = tx_constraint_list(ctx, constraints);

					for (int i = 0; i < ast_list_length(cl); i++)
						out->table_elts = ast_list_append(ctx->a, out->table_elts, cl->items[i]);
					constraints = NIL;
				}
				out->table_elts = ast_list_append(ctx->a, out->table_elts,
												  tx_column_def(ctx, (ColumnDef *) e));
				break;
			case T_Constraint:
				constraints = lappend(constraints, e);
				break;
			case T_TableLikeClause:
				tx_unsupported(ctx, ((TableLikeClause *) e)->relation->location,
							   "LIKE in CREATE TABLE");
				return NULL;
			default:
				tx_unsupported(ctx, -1, "this CREATE TABLE element");
				return NULL;
		}
		if (tx_failed(ctx))
			return NULL;
	}
	if (constraints != NIL)
	{
		AstList    *cl = tx_constraint_list(ctx, constraints);

		for (int i = 0; i < ast_list_length(cl); i++)
			out->table_elts = ast_list_append(ctx->a, out->table_elts, cl->items[i]);
	}
	out->options = tx_def_elems(ctx, s->options);
	out->tablespacename = tx_str(ctx, s->tablespacename);
	switch (s->oncommit)
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
	out->if_not_exists = s->if_not_exists;
	return &out->hdr;
}

static AstNode *
tx_create_table_as(TxCtx *ctx, CreateTableAsStmt *s)
{
	AstCreateTableAsStmt *out;

	if (s->objtype == OBJECT_MATVIEW)
	{
		tx_unsupported(ctx, s->into && s->into->rel ? s->into->rel->location : -1,
					   "CREATE MATERIALIZED VIEW");
		return NULL;
	}
	if (!IsA(s->query, SelectStmt))
	{
		tx_unsupported(ctx, -1, "CREATE TABLE AS EXECUTE");
		return NULL;
	}
	out = NEW(AstCreateTableAsStmt, AST_CREATE_TABLE_AS_STMT, -1);
	out->into = tx_into_clause(ctx, s->into);
	out->query = tx_query_stmt(ctx, s->query);
	out->objtype = AST_OBJECT_TABLE;
	out->is_select_into = s->is_select_into;
	out->if_not_exists = s->if_not_exists;
	return &out->hdr;
}

/* One object name of DROP/COMMENT: a list of AstString. */
static AstList *
tx_object_name(TxCtx *ctx, Node *obj)
{
	if (obj == NULL)
		return NULL;
	switch (nodeTag(obj))
	{
		case T_String:
			return ast_list_append(ctx->a, NULL, ast_make_string(ctx->a, strVal(obj)));
		case T_List:
			return tx_names(ctx, (List *) obj);
		case T_TypeName:
			return tx_names(ctx, ((TypeName *) obj)->names);
		default:
			tx_unsupported(ctx, -1, "this kind of object name");
			return NULL;
	}
}

static bool
drop_type_supported(ObjectType t)
{
	switch (t)
	{
		case OBJECT_TABLE:
		case OBJECT_INDEX:
		case OBJECT_SEQUENCE:
		case OBJECT_VIEW:
		case OBJECT_SCHEMA:
			return true;
		default:
			return false;
	}
}

static AstNode *
tx_drop(TxCtx *ctx, DropStmt *s)
{
	AstDropStmt *out;
	ListCell   *lc;

	if (!drop_type_supported(s->removeType))
	{
		tx_fail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "DROP %s is not supported",
				tx_object_type_name(s->removeType));
		return NULL;
	}
	out = NEW(AstDropStmt, AST_DROP_STMT, -1);
	foreach(lc, s->objects)
	{
		out->objects = ast_list_append(ctx->a, out->objects, tx_object_name(ctx, lfirst(lc)));
		if (tx_failed(ctx))
			return NULL;
	}
	out->remove_type = tx_object_type(s->removeType);
	out->behavior = s->behavior == DROP_CASCADE ? AST_DROP_CASCADE : AST_DROP_RESTRICT;
	out->missing_ok = s->missing_ok;
	out->concurrent = s->concurrent;
	return &out->hdr;
}

/* Words naming an ALTER TABLE subcommand in a 0A000 message. */
static const char *
alter_cmd_name(AlterTableType t)
{
	switch (t)
	{
		case AT_SetOptions:
		case AT_ResetOptions:
			return "ALTER COLUMN SET/RESET options";
		case AT_SetCompression:
			return "ALTER COLUMN SET COMPRESSION";
		case AT_AddIndex:
		case AT_AddIndexConstraint:
			return "ADD CONSTRAINT USING INDEX";
		case AT_AlterColumnGenericOptions:
		case AT_GenericOptions:
			return "OPTIONS";
		case AT_ClusterOn:
			return "CLUSTER ON";
		case AT_DropCluster:
			return "SET WITHOUT CLUSTER";
		case AT_DropOids:
			return "SET WITHOUT OIDS";
		case AT_SetAccessMethod:
			return "SET ACCESS METHOD";
		case AT_SetTableSpace:
			return "SET TABLESPACE";
		case AT_SetRelOptions:
		case AT_ResetRelOptions:
		case AT_ReplaceRelOptions:
			return "SET/RESET storage parameters";
		case AT_EnableTrig:
		case AT_EnableAlwaysTrig:
		case AT_EnableReplicaTrig:
		case AT_EnableTrigAll:
		case AT_EnableTrigUser:
			return "ENABLE TRIGGER";
		case AT_DisableTrig:
		case AT_DisableTrigAll:
		case AT_DisableTrigUser:
			return "DISABLE TRIGGER";
		case AT_EnableRule:
		case AT_EnableAlwaysRule:
		case AT_EnableReplicaRule:
			return "ENABLE RULE";
		case AT_DisableRule:
			return "DISABLE RULE";
		case AT_AddInherit:
			return "INHERIT";
		case AT_DropInherit:
			return "NO INHERIT";
		case AT_AddOf:
			return "OF type";
		case AT_DropOf:
			return "NOT OF";
		case AT_ReplicaIdentity:
			return "REPLICA IDENTITY";
		case AT_EnableRowSecurity:
		case AT_DisableRowSecurity:
		case AT_ForceRowSecurity:
		case AT_NoForceRowSecurity:
			return "ROW LEVEL SECURITY";
		case AT_AttachPartition:
			return "ATTACH PARTITION";
		case AT_DetachPartition:
		case AT_DetachPartitionFinalize:
			return "DETACH PARTITION";
		default:
			return "this subcommand";
	}
}

static AstAlterTableCmd *
tx_alter_cmd(TxCtx *ctx, AlterTableCmd *c)
{
	AstAlterTableCmd *out = NEW(AstAlterTableCmd, AST_ALTER_TABLE_CMD, -1);

	out->name = tx_str(ctx, c->name);
	out->num = c->num;
	out->behavior = c->behavior == DROP_CASCADE ? AST_DROP_CASCADE : AST_DROP_RESTRICT;
	out->missing_ok = c->missing_ok;
	out->newowner = tx_role_spec(ctx, c->newowner);
	switch (c->subtype)
	{
		case AT_AddColumn:
			out->subtype = AST_AT_ADD_COLUMN;
			out->def = (AstNode *) tx_column_def(ctx, castNode(ColumnDef, c->def));
			break;
		case AT_ColumnDefault:
			out->subtype = AST_AT_COLUMN_DEFAULT;
			out->def = tx_expr(ctx, c->def);
			break;
		case AT_DropNotNull:
			out->subtype = AST_AT_DROP_NOT_NULL;
			break;
		case AT_SetNotNull:
			out->subtype = AST_AT_SET_NOT_NULL;
			break;
		case AT_DropExpression:
			out->subtype = AST_AT_DROP_EXPRESSION;
			break;
		case AT_SetStatistics:
			out->subtype = AST_AT_SET_STATISTICS;
			out->def = tx_value(ctx, c->def, -1);
			break;
		case AT_SetStorage:
			out->subtype = AST_AT_SET_STORAGE;
			out->def = (AstNode *) ast_make_string(ctx->a, strVal(c->def));
			break;
		case AT_DropColumn:
			out->subtype = AST_AT_DROP_COLUMN;
			break;
		case AT_AddConstraint:
			out->subtype = AST_AT_ADD_CONSTRAINT;
			{
				AstList    *cl = tx_constraint_list(ctx, list_make1(c->def));

				if (ast_list_length(cl) == 1)
					out->def = cl->items[0];
			}
			break;
		case AT_AlterConstraint:
			out->subtype = AST_AT_ALTER_CONSTRAINT;
			out->def = (AstNode *) tx_constraint(ctx, castNode(Constraint, c->def));
			break;
		case AT_ValidateConstraint:
			out->subtype = AST_AT_VALIDATE_CONSTRAINT;
			break;
		case AT_DropConstraint:
			out->subtype = AST_AT_DROP_CONSTRAINT;
			break;
		case AT_AlterColumnType:
			{
				ColumnDef  *cd = castNode(ColumnDef, c->def);
				Node	   *using_expr = cd->raw_default;

				out->subtype = AST_AT_ALTER_COLUMN_TYPE;
				/* the grammar parks the USING expression in raw_default */
				cd->raw_default = NULL;
				out->def = (AstNode *) tx_column_def(ctx, cd);
				out->using_expr = tx_expr(ctx, using_expr);
				break;
			}
		case AT_ChangeOwner:
			out->subtype = AST_AT_CHANGE_OWNER;
			break;
		case AT_AddIdentity:
			out->subtype = AST_AT_ADD_IDENTITY;
			out->def = (AstNode *) tx_constraint(ctx, castNode(Constraint, c->def));
			break;
		case AT_SetIdentity:
			out->subtype = AST_AT_SET_IDENTITY;
			out->def = (AstNode *) tx_def_elems(ctx, (List *) c->def);
			break;
		case AT_DropIdentity:
			out->subtype = AST_AT_DROP_IDENTITY;
			break;
		case AT_SetLogged:
			out->subtype = AST_AT_SET_LOGGED;
			break;
		case AT_SetUnLogged:
			out->subtype = AST_AT_SET_UNLOGGED;
			break;
		default:
			tx_fail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
					"ALTER TABLE ... %s is not supported", alter_cmd_name(c->subtype));
			return NULL;
	}
	return out;
}

static AstNode *
tx_alter_table(TxCtx *ctx, AlterTableStmt *s)
{
	AstAlterTableStmt *out;
	ListCell   *lc;

	switch (s->objtype)
	{
		case OBJECT_TABLE:
		case OBJECT_INDEX:
		case OBJECT_SEQUENCE:
		case OBJECT_VIEW:
			break;
		default:
			tx_fail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, s->relation ? s->relation->location : -1,
					"ALTER %s is not supported", tx_object_type_name(s->objtype));
			return NULL;
	}
	out = NEW(AstAlterTableStmt, AST_ALTER_TABLE_STMT, -1);
	out->relation = tx_range_var(ctx, s->relation);
	out->objtype = tx_object_type(s->objtype);
	out->missing_ok = s->missing_ok;
	foreach(lc, s->cmds)
	{
		out->cmds = ast_list_append(ctx->a, out->cmds,
									tx_alter_cmd(ctx, lfirst_node(AlterTableCmd, lc)));
		if (tx_failed(ctx))
			return NULL;
	}
	return &out->hdr;
}

static AstNode *
tx_rename(TxCtx *ctx, RenameStmt *s)
{
	AstRenameStmt *out;

	switch (s->renameType)
	{
		case OBJECT_TABLE:
		case OBJECT_INDEX:
		case OBJECT_SEQUENCE:
		case OBJECT_VIEW:
		case OBJECT_COLUMN:
		case OBJECT_TABCONSTRAINT:
		case OBJECT_SCHEMA:
		case OBJECT_DATABASE:
		case OBJECT_ROLE:
			break;
		default:
			tx_fail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "ALTER %s ... RENAME is not supported",
					tx_object_type_name(s->renameType));
			return NULL;
	}
	out = NEW(AstRenameStmt, AST_RENAME_STMT, -1);
	out->rename_type = tx_object_type(s->renameType);
	out->relation_type = tx_object_type(s->relationType);
	out->relation = tx_range_var(ctx, s->relation);
	out->subname = tx_str(ctx, s->subname);
	if (out->subname == NULL && s->object != NULL && IsA(s->object, String))
		out->subname = tx_str(ctx, strVal(s->object));
	out->newname = tx_str(ctx, s->newname);
	out->behavior = s->behavior == DROP_CASCADE ? AST_DROP_CASCADE : AST_DROP_RESTRICT;
	out->missing_ok = s->missing_ok;
	return &out->hdr;
}

static AstNode *
tx_index(TxCtx *ctx, IndexStmt *s)
{
	AstIndexStmt *out = NEW(AstIndexStmt, AST_INDEX_STMT, -1);

	if (s->tableSpace != NULL)
	{
		tx_unsupported(ctx, s->relation->location, "TABLESPACE");
		return NULL;
	}
	out->idxname = tx_str(ctx, s->idxname);
	out->relation = tx_range_var(ctx, s->relation);
	out->access_method = tx_str(ctx, s->accessMethod);
	out->index_params = tx_index_elems(ctx, s->indexParams);
	out->index_including_params = tx_index_elems(ctx, s->indexIncludingParams);
	out->options = tx_def_elems(ctx, s->options);
	out->where_clause = tx_expr(ctx, s->whereClause);
	out->unique = s->unique;
	out->nulls_not_distinct = s->nulls_not_distinct;
	out->concurrent = s->concurrent;
	out->if_not_exists = s->if_not_exists;
	return &out->hdr;
}

static AstNode *
tx_comment(TxCtx *ctx, CommentStmt *s)
{
	AstCommentStmt *out;

	switch (s->objtype)
	{
		case OBJECT_TABLE:
		case OBJECT_INDEX:
		case OBJECT_SEQUENCE:
		case OBJECT_VIEW:
		case OBJECT_COLUMN:
		case OBJECT_SCHEMA:
		case OBJECT_DATABASE:
		case OBJECT_ROLE:
		case OBJECT_TABCONSTRAINT:
			break;
		default:
			tx_fail(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "COMMENT ON %s is not supported",
					tx_object_type_name(s->objtype));
			return NULL;
	}
	out = NEW(AstCommentStmt, AST_COMMENT_STMT, -1);
	out->objtype = tx_object_type(s->objtype);
	out->object = tx_object_name(ctx, s->object);
	out->comment = tx_str(ctx, s->comment);
	return &out->hdr;
}

AstNode *
tx_ddl_stmt(TxCtx *ctx, Node *n)
{
	switch (nodeTag(n))
	{
		case T_CreateStmt:
			return tx_create(ctx, (CreateStmt *) n);
		case T_CreateTableAsStmt:
			return tx_create_table_as(ctx, (CreateTableAsStmt *) n);
		case T_DropStmt:
			return tx_drop(ctx, (DropStmt *) n);
		case T_AlterTableStmt:
			return tx_alter_table(ctx, (AlterTableStmt *) n);
		case T_RenameStmt:
			return tx_rename(ctx, (RenameStmt *) n);
		case T_IndexStmt:
			return tx_index(ctx, (IndexStmt *) n);
		case T_CreateSeqStmt:
			{
				CreateSeqStmt *s = (CreateSeqStmt *) n;
				AstCreateSeqStmt *out = NEW(AstCreateSeqStmt, AST_CREATE_SEQ_STMT, -1);

				out->sequence = tx_range_var(ctx, s->sequence);
				out->options = tx_def_elems(ctx, s->options);
				out->if_not_exists = s->if_not_exists;
				return &out->hdr;
			}
		case T_AlterSeqStmt:
			{
				AlterSeqStmt *s = (AlterSeqStmt *) n;
				AstAlterSeqStmt *out = NEW(AstAlterSeqStmt, AST_ALTER_SEQ_STMT, -1);

				out->sequence = tx_range_var(ctx, s->sequence);
				out->options = tx_def_elems(ctx, s->options);
				out->missing_ok = s->missing_ok;
				return &out->hdr;
			}
		case T_CreateSchemaStmt:
			{
				CreateSchemaStmt *s = (CreateSchemaStmt *) n;
				AstCreateSchemaStmt *out;

				if (s->schemaElts != NIL)
				{
					tx_unsupported(ctx, -1, "CREATE SCHEMA with schema elements");
					return NULL;
				}
				out = NEW(AstCreateSchemaStmt, AST_CREATE_SCHEMA_STMT, -1);
				out->schemaname = tx_str(ctx, s->schemaname);
				out->authrole = tx_role_spec(ctx, s->authrole);
				out->if_not_exists = s->if_not_exists;
				return &out->hdr;
			}
		case T_TruncateStmt:
			{
				TruncateStmt *s = (TruncateStmt *) n;
				AstTruncateStmt *out = NEW(AstTruncateStmt, AST_TRUNCATE_STMT, -1);
				ListCell   *lc;

				foreach(lc, s->relations)
					out->relations = ast_list_append(ctx->a, out->relations,
													 tx_range_var(ctx, lfirst_node(RangeVar, lc)));
				out->restart_seqs = s->restart_seqs;
				out->behavior = s->behavior == DROP_CASCADE ? AST_DROP_CASCADE : AST_DROP_RESTRICT;
				return &out->hdr;
			}
		case T_CommentStmt:
			return tx_comment(ctx, (CommentStmt *) n);
		case T_ViewStmt:
			{
				ViewStmt   *s = (ViewStmt *) n;
				AstViewStmt *out = NEW(AstViewStmt, AST_VIEW_STMT, -1);

				out->view = tx_range_var(ctx, s->view);
				out->aliases = tx_names(ctx, s->aliases);
				out->query = tx_query_stmt(ctx, s->query);
				out->replace = s->replace;
				out->options = tx_def_elems(ctx, s->options);
				out->with_check_option = s->withCheckOption == LOCAL_CHECK_OPTION ? 1 :
					s->withCheckOption == CASCADED_CHECK_OPTION ? 2 : 0;
				return &out->hdr;
			}
		default:
			return NULL;
	}
}
