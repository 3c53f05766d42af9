/*
 * system.c — system catalogs as virtual, read-only tables: their
 * definitions, and the rows computed from the catalog of the running
 * statement and the cluster (pg_namespace, pg_class, pg_attribute,
 * pg_attrdef, pg_constraint, pg_index, pg_sequence, pg_depend,
 * pg_description, pg_database, pg_roles, pg_tables, pg_indexes, pg_sequences,
 * information_schema.schemata / tables / columns).  The catalogs read from
 * the process-wide registries (pg_type, pg_proc, pg_operator, pg_settings,
 * pg_collation, pg_tablespace, pg_language, pg_am) are in sysregistry.c.
 * The catalogs of features memgres does not have (pg_inherits, pg_trigger,
 * pg_policy, pg_statistic_ext, pg_publication*, pg_auth_members,
 * pg_shdescription, pg_extension, pg_event_trigger, pg_foreign_*, pg_ts_*,
 * pg_conversion, pg_enum, pg_range, pg_rewrite ...) are always empty,
 * as are information_schema.views, triggers, routines, parameters,
 * domains, view_table_usage, view_column_usage, user_defined_types and
 * attributes (memgres has no views, triggers, user functions, domains or
 * composite types).  The rows of the
 * other information_schema views are produced in infoschema.c.
 *
 * Design notes:
 *   - Each virtual table is a CatTable (relkind 'v') built once at start-up
 *     and never freed; its rows are produced by system_rows() when a scan
 *     starts, from the same catalog snapshot the statement reads, so they
 *     are consistent with it.  Columns carry PostgreSQL's names, types and
 *     meanings, in PostgreSQL's order, for the subset memgres can fill
 *     (xid columns and most regproc columns are left out; ACL columns are
 *     NULL, typed text[] since memgres has no aclitem); selecting any
 *     other column fails with 42703 as for a table.
 *   - OIDs of the catalogs are PostgreSQL's, so regclass values and joins
 *     written against PostgreSQL keep their meaning.
 *   - pg_node_tree columns (adbin, conbin, indpred, relpartbound ...) are
 *     text holding a reference to the catalog object, "{DEFAULT :relid R
 *     :attnum N}" or "{CONSTRAINT :conid C}"; pg_get_expr() reads it back
 *     and prints the analysed expression (ruleutils.c), as PostgreSQL prints
 *     its stored node tree.
 *   - Rows are filled column by column in definition order (rb_* appends to
 *     the next column); rb_end checks that every column was given.
 *
 * Invariants:
 *   1. The virtual tables are immutable after system_init().
 *   2. The value functions of a row are called in the order of its SysDef.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>

#include "../catalog.h"
#include "../engine.h"
#include "../system.h"
#include "sysint.h"

#define SYS_MAX_COLS 88	/* information_schema.routines has 82 */
#define INDEX_MAX_KEYS 32		/* PostgreSQL's limit on index and key columns */

typedef struct SysCol
{
	const char *name;
	Oid			type;
} SysCol;

typedef struct SysDef
{
	Oid			oid;
	Oid			schema;
	const char *name;
	SysCol		cols[SYS_MAX_COLS];	/* up to the first {NULL} */
} SysDef;

enum
{
	SYS_NAMESPACE, SYS_CLASS, SYS_ATTRIBUTE, SYS_TYPE, SYS_DATABASE, SYS_ROLES, SYS_TABLES, SYS_INDEXES,
	SYS_IS_SCHEMATA, SYS_IS_TABLES, SYS_IS_COLUMNS, SYS_AM, SYS_INDEX, SYS_CONSTRAINT, SYS_ATTRDEF,
	SYS_INHERITS, SYS_TRIGGER, SYS_POLICY, SYS_STATISTIC_EXT, SYS_PUBLICATION, SYS_PUBLICATION_REL,
	SYS_PUBLICATION_NAMESPACE, SYS_SEQUENCE, SYS_DEPEND, SYS_COLLATION, SYS_TABLESPACE, SYS_AUTH_MEMBERS,
	SYS_DESCRIPTION, SYS_SHDESCRIPTION, SYS_PROC, SYS_LANGUAGE, SYS_EXTENSION, SYS_OPERATOR, SYS_SETTINGS,
	/* catalogs of features memgres does not have: always empty */
	SYS_CONVERSION, SYS_DEFAULT_ACL, SYS_ENUM, SYS_EVENT_TRIGGER, SYS_FOREIGN_DATA_WRAPPER, SYS_FOREIGN_SERVER,
	 SYS_FOREIGN_TABLE, SYS_INIT_PRIVS, SYS_LARGEOBJECT_METADATA, SYS_PARTITIONED_TABLE, SYS_RANGE, SYS_REWRITE, SYS_SECLABEL,
	 SYS_SHSECLABEL, SYS_SUBSCRIPTION, SYS_TRANSFORM, SYS_TS_CONFIG, SYS_TS_CONFIG_MAP, SYS_TS_DICT, SYS_TS_PARSER, SYS_TS_TEMPLATE, SYS_USER_MAPPING,
	SYS_USER_MAPPINGS,
	SYS_DB_ROLE_SETTING, SYS_SEQUENCES, SYS_STAT_DATABASE, SYS_MEMORY,
	/* information_schema (infoschema.c) */
	SYS_IS_TABLE_CONSTRAINTS, SYS_IS_KEY_COLUMN_USAGE, SYS_IS_CONSTRAINT_COLUMN_USAGE,
	SYS_IS_REFERENTIAL_CONSTRAINTS, SYS_IS_CHECK_CONSTRAINTS, SYS_IS_CONSTRAINT_TABLE_USAGE, SYS_IS_VIEWS,
	SYS_IS_SEQUENCES, SYS_IS_TRIGGERS, SYS_IS_TABLE_PRIVILEGES, SYS_IS_COLUMN_PRIVILEGES, SYS_IS_ELEMENT_TYPES,
	SYS_IS_ROUTINES, SYS_IS_PARAMETERS, SYS_IS_ROLE_TABLE_GRANTS, SYS_IS_ROLE_COLUMN_GRANTS, SYS_IS_CATALOG_NAME,
	SYS_IS_CHARACTER_SETS, SYS_IS_DOMAINS, SYS_IS_VIEW_TABLE_USAGE, SYS_IS_VIEW_COLUMN_USAGE,
	SYS_IS_USER_DEFINED_TYPES, SYS_IS_ATTRIBUTES,
	SYS_COUNT
};

#define PGC PG_CATALOG_NAMESPACE

static const SysDef sys_defs[SYS_COUNT] = {
	[SYS_NAMESPACE] = {2615, PGC, "pg_namespace",
	{{"oid", OIDOID}, {"nspname", NAMEOID}, {"nspowner", OIDOID}, {"nspacl", TEXTARRAYOID}}},
	[SYS_CLASS] = {1259, PGC, "pg_class",
		{{"oid", OIDOID}, {"relname", NAMEOID}, {"relnamespace", OIDOID}, {"reltype", OIDOID},
			{"reloftype", OIDOID}, {"relowner", OIDOID}, {"relam", OIDOID}, {"relfilenode", OIDOID},
			{"reltablespace", OIDOID}, {"relpages", INT4OID}, {"reltuples", FLOAT4OID},
			{"relallvisible", INT4OID}, {"reltoastrelid", OIDOID}, {"relhasindex", BOOLOID},
			{"relisshared", BOOLOID}, {"relpersistence", CHAROID}, {"relkind", CHAROID}, {"relnatts", INT2OID},
			{"relchecks", INT2OID}, {"relhasrules", BOOLOID}, {"relhastriggers", BOOLOID},
			{"relhassubclass", BOOLOID}, {"relrowsecurity", BOOLOID}, {"relforcerowsecurity", BOOLOID},
			{"relispopulated", BOOLOID}, {"relreplident", CHAROID}, {"relispartition", BOOLOID},
		{"relrewrite", OIDOID}, {"relacl", TEXTARRAYOID}, {"reloptions", TEXTARRAYOID}, {"relpartbound", TEXTOID}}},
	[SYS_AM] = {2601, PGC, "pg_am",
	{{"oid", OIDOID}, {"amname", NAMEOID}, {"amtype", CHAROID}}},
	[SYS_ATTRIBUTE] = {1249, PGC, "pg_attribute",
		{{"attrelid", OIDOID}, {"attname", NAMEOID}, {"atttypid", OIDOID}, {"attstattarget", INT4OID},
			{"attlen", INT2OID}, {"attnum", INT2OID}, {"attndims", INT4OID}, {"attcacheoff", INT4OID},
			{"atttypmod", INT4OID}, {"attbyval", BOOLOID}, {"attalign", CHAROID}, {"attstorage", CHAROID},
			{"attcompression", CHAROID}, {"attnotnull", BOOLOID}, {"atthasdef", BOOLOID},
			{"atthasmissing", BOOLOID}, {"attidentity", CHAROID}, {"attgenerated", CHAROID},
			{"attisdropped", BOOLOID}, {"attislocal", BOOLOID}, {"attinhcount", INT4OID},
		{"attcollation", OIDOID}, {"attacl", TEXTARRAYOID}}},
	[SYS_TYPE] = {1247, PGC, "pg_type",
		{{"oid", OIDOID}, {"typname", NAMEOID}, {"typnamespace", OIDOID}, {"typowner", OIDOID},
			{"typlen", INT2OID}, {"typbyval", BOOLOID}, {"typtype", CHAROID}, {"typcategory", CHAROID},
			{"typispreferred", BOOLOID}, {"typisdefined", BOOLOID}, {"typdelim", CHAROID},
			{"typrelid", OIDOID}, {"typelem", OIDOID}, {"typarray", OIDOID}, {"typalign", CHAROID},
			{"typstorage", CHAROID}, {"typnotnull", BOOLOID}, {"typbasetype", OIDOID},
		{"typtypmod", INT4OID}, {"typndims", INT4OID}, {"typcollation", OIDOID}, {"typdefault", TEXTOID},
		{"typacl", TEXTARRAYOID}}},
	[SYS_DATABASE] = {1262, PGC, "pg_database",
		{{"oid", OIDOID}, {"datname", NAMEOID}, {"datdba", OIDOID}, {"encoding", INT4OID},
			{"datlocprovider", CHAROID}, {"datistemplate", BOOLOID}, {"datallowconn", BOOLOID},
			{"datconnlimit", INT4OID}, {"dattablespace", OIDOID}, {"datcollate", TEXTOID},
		{"datctype", TEXTOID}, {"daticulocale", TEXTOID}, {"datacl", TEXTARRAYOID}}},
	[SYS_INDEX] = {2610, PGC, "pg_index",
		{{"indexrelid", OIDOID}, {"indrelid", OIDOID}, {"indnatts", INT2OID}, {"indnkeyatts", INT2OID},
			{"indisunique", BOOLOID}, {"indnullsnotdistinct", BOOLOID}, {"indisprimary", BOOLOID},
			{"indisexclusion", BOOLOID}, {"indimmediate", BOOLOID}, {"indisclustered", BOOLOID},
			{"indisvalid", BOOLOID}, {"indcheckxmin", BOOLOID}, {"indisready", BOOLOID},
			{"indislive", BOOLOID}, {"indisreplident", BOOLOID}, {"indkey", INT2VECTOROID},
			{"indcollation", OIDVECTOROID}, {"indoption", INT2VECTOROID}, {"indexprs", TEXTOID},
		{"indpred", TEXTOID}}},
	[SYS_CONSTRAINT] = {2606, PGC, "pg_constraint",
		{{"oid", OIDOID}, {"conname", NAMEOID}, {"connamespace", OIDOID}, {"contype", CHAROID},
			{"condeferrable", BOOLOID}, {"condeferred", BOOLOID}, {"convalidated", BOOLOID},
			{"conrelid", OIDOID}, {"contypid", OIDOID}, {"conindid", OIDOID}, {"conparentid", OIDOID},
			{"confrelid", OIDOID}, {"confupdtype", CHAROID}, {"confdeltype", CHAROID},
			{"confmatchtype", CHAROID}, {"conislocal", BOOLOID}, {"coninhcount", INT4OID},
			{"connoinherit", BOOLOID}, {"conkey", INT2ARRAYOID}, {"confkey", INT2ARRAYOID},
		{"conbin", TEXTOID}}},
	[SYS_ATTRDEF] = {2604, PGC, "pg_attrdef",
	{{"adrelid", OIDOID}, {"adnum", INT2OID}, {"adbin", TEXTOID}}},
	[SYS_INHERITS] = {2611, PGC, "pg_inherits",
		{{"inhrelid", OIDOID}, {"inhparent", OIDOID}, {"inhseqno", INT4OID},
		{"inhdetachpending", BOOLOID}}},
	[SYS_TRIGGER] = {2620, PGC, "pg_trigger",
		{{"oid", OIDOID}, {"tgrelid", OIDOID}, {"tgparentid", OIDOID}, {"tgname", NAMEOID},
			{"tgfoid", OIDOID}, {"tgtype", INT2OID}, {"tgenabled", CHAROID}, {"tgisinternal", BOOLOID},
			{"tgconstrrelid", OIDOID}, {"tgconstrindid", OIDOID}, {"tgconstraint", OIDOID},
			{"tgdeferrable", BOOLOID}, {"tginitdeferred", BOOLOID}, {"tgnargs", INT2OID},
			{"tgattr", INT2VECTOROID}, {"tgargs", BYTEAOID}, {"tgqual", TEXTOID},
		{"tgoldtable", NAMEOID}, {"tgnewtable", NAMEOID}}},
	[SYS_POLICY] = {3256, PGC, "pg_policy",
		{{"oid", OIDOID}, {"polname", NAMEOID}, {"polrelid", OIDOID}, {"polcmd", CHAROID},
			{"polpermissive", BOOLOID}, {"polroles", OIDARRAYOID}, {"polqual", TEXTOID},
		{"polwithcheck", TEXTOID}}},
	[SYS_STATISTIC_EXT] = {3381, PGC, "pg_statistic_ext",
		{{"oid", OIDOID}, {"stxrelid", OIDOID}, {"stxname", NAMEOID}, {"stxnamespace", OIDOID},
			{"stxowner", OIDOID}, {"stxstattarget", INT4OID}, {"stxkeys", INT2VECTOROID},
		{"stxkind", CHARARRAYOID}, {"stxexprs", TEXTOID}}},
	[SYS_PUBLICATION] = {6104, PGC, "pg_publication",
		{{"oid", OIDOID}, {"pubname", NAMEOID}, {"pubowner", OIDOID}, {"puballtables", BOOLOID},
			{"pubinsert", BOOLOID}, {"pubupdate", BOOLOID}, {"pubdelete", BOOLOID},
		{"pubtruncate", BOOLOID}, {"pubviaroot", BOOLOID}}},
	[SYS_PUBLICATION_REL] = {6106, PGC, "pg_publication_rel",
		{{"oid", OIDOID}, {"prpubid", OIDOID}, {"prrelid", OIDOID}, {"prqual", TEXTOID},
		{"prattrs", INT2VECTOROID}}},
	[SYS_PUBLICATION_NAMESPACE] = {6237, PGC, "pg_publication_namespace",
	{{"oid", OIDOID}, {"pnpubid", OIDOID}, {"pnnspid", OIDOID}}},
	[SYS_SEQUENCE] = {2224, PGC, "pg_sequence",
		{{"seqrelid", OIDOID}, {"seqtypid", OIDOID}, {"seqstart", INT8OID}, {"seqincrement", INT8OID},
		{"seqmax", INT8OID}, {"seqmin", INT8OID}, {"seqcache", INT8OID}, {"seqcycle", BOOLOID}}},
	[SYS_DEPEND] = {2608, PGC, "pg_depend",
		{{"classid", OIDOID}, {"objid", OIDOID}, {"objsubid", INT4OID}, {"refclassid", OIDOID},
		{"refobjid", OIDOID}, {"refobjsubid", INT4OID}, {"deptype", CHAROID}}},
	[SYS_COLLATION] = {3456, PGC, "pg_collation",
		{{"oid", OIDOID}, {"collname", NAMEOID}, {"collnamespace", OIDOID}, {"collowner", OIDOID},
			{"collprovider", CHAROID}, {"collisdeterministic", BOOLOID}, {"collencoding", INT4OID},
		{"collcollate", TEXTOID}, {"collctype", TEXTOID}, {"colliculocale", TEXTOID}}},
	[SYS_DB_ROLE_SETTING] = {2964, PGC, "pg_db_role_setting",
	{{"setdatabase", OIDOID}, {"setrole", OIDOID}, {"setconfig", TEXTARRAYOID}}},
	/* memgres's own view: sessions and writer-lock statistics per database (storage.h, StDbStats) */
	[SYS_STAT_DATABASE] = {12010, PGC, "memgres_stat_database",
		{{"datid", OIDOID}, {"datname", NAMEOID}, {"numbackends", INT4OID}, {"lock_acquired", INT8OID},
			{"lock_waited", INT8OID}, {"lock_held_us", INT8OID}, {"lock_wait_us", INT8OID},
		{"lock_waiters", INT4OID}}},
	/* memgres's own view: the accounted bytes of stored data and the max_memory limit (0: none) */
	[SYS_MEMORY] = {12011, PGC, "memgres_memory",
	{{"used_bytes", INT8OID}, {"max_memory_bytes", INT8OID}}},
	[SYS_TABLESPACE] = {1213, PGC, "pg_tablespace",
		{{"oid", OIDOID}, {"spcname", NAMEOID}, {"spcowner", OIDOID}, {"spcacl", TEXTARRAYOID},
		{"spcoptions", TEXTARRAYOID}}},
	[SYS_AUTH_MEMBERS] = {1261, PGC, "pg_auth_members",
	{{"roleid", OIDOID}, {"member", OIDOID}, {"grantor", OIDOID}, {"admin_option", BOOLOID}}},
	[SYS_DESCRIPTION] = {2609, PGC, "pg_description",
		{{"objoid", OIDOID}, {"classoid", OIDOID}, {"objsubid", INT4OID},
		{"description", TEXTOID}}},
	[SYS_SHDESCRIPTION] = {2396, PGC, "pg_shdescription",
	{{"objoid", OIDOID}, {"classoid", OIDOID}, {"description", TEXTOID}}},
	[SYS_LANGUAGE] = {2612, PGC, "pg_language",
		{{"oid", OIDOID}, {"lanname", NAMEOID}, {"lanowner", OIDOID}, {"lanispl", BOOLOID},
			{"lanpltrusted", BOOLOID}, {"lanplcallfoid", OIDOID}, {"laninline", OIDOID},
		{"lanvalidator", OIDOID}, {"lanacl", TEXTARRAYOID}}},
	[SYS_EXTENSION] = {3079, PGC, "pg_extension",
		{{"oid", OIDOID}, {"extname", NAMEOID}, {"extowner", OIDOID}, {"extnamespace", OIDOID},
			{"extrelocatable", BOOLOID}, {"extversion", TEXTOID}, {"extconfig", OIDARRAYOID},
		{"extcondition", TEXTARRAYOID}}},
	[SYS_OPERATOR] = {2617, PGC, "pg_operator",
		{{"oid", OIDOID}, {"oprname", NAMEOID}, {"oprnamespace", OIDOID}, {"oprowner", OIDOID},
			{"oprkind", CHAROID}, {"oprcanmerge", BOOLOID}, {"oprcanhash", BOOLOID}, {"oprleft", OIDOID},
			{"oprright", OIDOID}, {"oprresult", OIDOID}, {"oprcom", OIDOID}, {"oprnegate", OIDOID},
		{"oprcode", REGPROCOID}, {"oprrest", REGPROCOID}, {"oprjoin", REGPROCOID}}},
	[SYS_SETTINGS] = {12004, PGC, "pg_settings",
		{{"name", TEXTOID}, {"setting", TEXTOID}, {"unit", TEXTOID}, {"category", TEXTOID},
			{"short_desc", TEXTOID}, {"extra_desc", TEXTOID}, {"context", TEXTOID}, {"vartype", TEXTOID},
			{"source", TEXTOID}, {"min_val", TEXTOID}, {"max_val", TEXTOID}, {"enumvals", TEXTARRAYOID},
			{"boot_val", TEXTOID}, {"reset_val", TEXTOID}, {"sourcefile", TEXTOID}, {"sourceline", INT4OID},
		{"pending_restart", BOOLOID}}},
	[SYS_CONVERSION] = {2607, PGC, "pg_conversion",
		{{"oid", OIDOID}, {"conname", NAMEOID}, {"connamespace", OIDOID}, {"conowner", OIDOID},
			{"conforencoding", INT4OID}, {"contoencoding", INT4OID}, {"conproc", REGPROCOID},
			{"condefault", BOOLOID}}},
	[SYS_DEFAULT_ACL] = {826, PGC, "pg_default_acl",
		{{"oid", OIDOID}, {"defaclrole", OIDOID}, {"defaclnamespace", OIDOID},
			{"defaclobjtype", CHAROID}, {"defaclacl", TEXTARRAYOID}}},
	[SYS_ENUM] = {3501, PGC, "pg_enum",
		{{"oid", OIDOID}, {"enumtypid", OIDOID}, {"enumsortorder", FLOAT4OID}, {"enumlabel", NAMEOID}}},
	[SYS_EVENT_TRIGGER] = {3466, PGC, "pg_event_trigger",
		{{"oid", OIDOID}, {"evtname", NAMEOID}, {"evtevent", NAMEOID}, {"evtowner", OIDOID},
			{"evtfoid", OIDOID}, {"evtenabled", CHAROID}, {"evttags", TEXTARRAYOID}}},
	[SYS_FOREIGN_DATA_WRAPPER] = {2328, PGC, "pg_foreign_data_wrapper",
		{{"oid", OIDOID}, {"fdwname", NAMEOID}, {"fdwowner", OIDOID}, {"fdwhandler", OIDOID},
			{"fdwvalidator", OIDOID}, {"fdwacl", TEXTARRAYOID}, {"fdwoptions", TEXTARRAYOID}}},
	[SYS_FOREIGN_SERVER] = {1417, PGC, "pg_foreign_server",
		{{"oid", OIDOID}, {"srvname", NAMEOID}, {"srvowner", OIDOID}, {"srvfdw", OIDOID},
			{"srvtype", TEXTOID}, {"srvversion", TEXTOID}, {"srvacl", TEXTARRAYOID},
			{"srvoptions", TEXTARRAYOID}}},
	[SYS_FOREIGN_TABLE] = {3118, PGC, "pg_foreign_table",
		{{"ftrelid", OIDOID}, {"ftserver", OIDOID}, {"ftoptions", TEXTARRAYOID}}},
	[SYS_INIT_PRIVS] = {3394, PGC, "pg_init_privs",
		{{"objoid", OIDOID}, {"classoid", OIDOID}, {"objsubid", INT4OID}, {"privtype", CHAROID},
			{"initprivs", TEXTARRAYOID}}},
	[SYS_LARGEOBJECT_METADATA] = {2995, PGC, "pg_largeobject_metadata",
		{{"oid", OIDOID}, {"lomowner", OIDOID}, {"lomacl", TEXTARRAYOID}}},
	[SYS_PARTITIONED_TABLE] = {3350, PGC, "pg_partitioned_table",
		{{"partrelid", OIDOID}, {"partstrat", CHAROID}, {"partnatts", INT2OID}, {"partdefid", OIDOID},
			{"partattrs", INT2VECTOROID}, {"partclass", OIDVECTOROID}, {"partcollation", OIDVECTOROID},
			{"partexprs", TEXTOID}}},
	[SYS_RANGE] = {3541, PGC, "pg_range",
		{{"rngtypid", OIDOID}, {"rngsubtype", OIDOID}, {"rngmultitypid", OIDOID},
			{"rngcollation", OIDOID}, {"rngsubopc", OIDOID}, {"rngcanonical", REGPROCOID},
			{"rngsubdiff", REGPROCOID}}},
	[SYS_REWRITE] = {2618, PGC, "pg_rewrite",
		{{"oid", OIDOID}, {"rulename", NAMEOID}, {"ev_class", OIDOID}, {"ev_type", CHAROID},
			{"ev_enabled", CHAROID}, {"is_instead", BOOLOID}, {"ev_qual", TEXTOID}, {"ev_action", TEXTOID}}},
	[SYS_SECLABEL] = {3596, PGC, "pg_seclabel",
		{{"objoid", OIDOID}, {"classoid", OIDOID}, {"objsubid", INT4OID}, {"provider", TEXTOID},
			{"label", TEXTOID}}},
	[SYS_SHSECLABEL] = {3592, PGC, "pg_shseclabel",
		{{"objoid", OIDOID}, {"classoid", OIDOID}, {"provider", TEXTOID}, {"label", TEXTOID}}},
	[SYS_SUBSCRIPTION] = {6100, PGC, "pg_subscription",
		{{"oid", OIDOID}, {"subdbid", OIDOID}, {"subskiplsn", TEXTOID}, {"subname", NAMEOID},
			{"subowner", OIDOID}, {"subenabled", BOOLOID}, {"subbinary", BOOLOID}, {"substream", BOOLOID},
			{"subtwophasestate", CHAROID}, {"subdisableonerr", BOOLOID}, {"subconninfo", TEXTOID},
			{"subslotname", NAMEOID}, {"subsynccommit", TEXTOID}, {"subpublications", TEXTARRAYOID}}},
	[SYS_TRANSFORM] = {3576, PGC, "pg_transform",
		{{"oid", OIDOID}, {"trftype", OIDOID}, {"trflang", OIDOID}, {"trffromsql", REGPROCOID},
			{"trftosql", REGPROCOID}}},
	[SYS_TS_CONFIG] = {3602, PGC, "pg_ts_config",
		{{"oid", OIDOID}, {"cfgname", NAMEOID}, {"cfgnamespace", OIDOID}, {"cfgowner", OIDOID},
			{"cfgparser", OIDOID}}},
	[SYS_TS_CONFIG_MAP] = {3603, PGC, "pg_ts_config_map",
		{{"mapcfg", OIDOID}, {"maptokentype", INT4OID}, {"mapseqno", INT4OID}, {"mapdict", OIDOID}}},
	[SYS_TS_DICT] = {3600, PGC, "pg_ts_dict",
		{{"oid", OIDOID}, {"dictname", NAMEOID}, {"dictnamespace", OIDOID}, {"dictowner", OIDOID},
			{"dicttemplate", OIDOID}, {"dictinitoption", TEXTOID}}},
	[SYS_TS_PARSER] = {3601, PGC, "pg_ts_parser",
		{{"oid", OIDOID}, {"prsname", NAMEOID}, {"prsnamespace", OIDOID}, {"prsstart", REGPROCOID},
			{"prstoken", REGPROCOID}, {"prsend", REGPROCOID}, {"prsheadline", REGPROCOID},
			{"prslextype", REGPROCOID}}},
	[SYS_TS_TEMPLATE] = {3764, PGC, "pg_ts_template",
		{{"oid", OIDOID}, {"tmplname", NAMEOID}, {"tmplnamespace", OIDOID}, {"tmplinit", REGPROCOID},
			{"tmpllexize", REGPROCOID}}},
	[SYS_USER_MAPPING] = {1418, PGC, "pg_user_mapping",
		{{"oid", OIDOID}, {"umuser", OIDOID}, {"umserver", OIDOID}, {"umoptions", TEXTARRAYOID}}},
	[SYS_USER_MAPPINGS] = {12005, PGC, "pg_user_mappings",
		{{"umid", OIDOID}, {"srvid", OIDOID}, {"srvname", NAMEOID}, {"umuser", OIDOID},
		{"usename", NAMEOID}, {"umoptions", TEXTARRAYOID}}},
	[SYS_PROC] = {1255, PGC, "pg_proc",
		{{"oid", OIDOID}, {"proname", NAMEOID}, {"pronamespace", OIDOID}, {"proowner", OIDOID},
			{"prolang", OIDOID}, {"procost", FLOAT4OID}, {"prorows", FLOAT4OID}, {"provariadic", OIDOID},
			{"prokind", CHAROID}, {"prosecdef", BOOLOID}, {"proleakproof", BOOLOID},
			{"proisstrict", BOOLOID}, {"proretset", BOOLOID}, {"provolatile", CHAROID},
			{"proparallel", CHAROID}, {"pronargs", INT2OID}, {"pronargdefaults", INT2OID},
			{"prorettype", OIDOID}, {"proargtypes", OIDVECTOROID}, {"proallargtypes", OIDARRAYOID},
		{"proargmodes", CHARARRAYOID}, {"proargnames", TEXTARRAYOID}, {"prosrc", TEXTOID},
		{"proacl", TEXTARRAYOID}}},
	[SYS_ROLES] = {12001, PGC, "pg_roles",
		{{"rolname", NAMEOID}, {"rolsuper", BOOLOID}, {"rolinherit", BOOLOID}, {"rolcreaterole", BOOLOID},
			{"rolcreatedb", BOOLOID}, {"rolcanlogin", BOOLOID}, {"rolreplication", BOOLOID},
			{"rolconnlimit", INT4OID}, {"rolpassword", TEXTOID}, {"rolvaliduntil", TIMESTAMPTZOID},
		{"rolbypassrls", BOOLOID}, {"rolconfig", TEXTARRAYOID}, {"oid", OIDOID}}},
	[SYS_TABLES] = {12002, PGC, "pg_tables",
		{{"schemaname", NAMEOID}, {"tablename", NAMEOID}, {"tableowner", NAMEOID}, {"tablespace", NAMEOID},
		{"hasindexes", BOOLOID}, {"hasrules", BOOLOID}, {"hastriggers", BOOLOID}, {"rowsecurity", BOOLOID}}},
	[SYS_INDEXES] = {12003, PGC, "pg_indexes",
		{{"schemaname", NAMEOID}, {"tablename", NAMEOID}, {"indexname", NAMEOID}, {"tablespace", NAMEOID},
		{"indexdef", TEXTOID}}},
	[SYS_SEQUENCES] = {12048, PGC, "pg_sequences",
		{{"schemaname", NAMEOID}, {"sequencename", NAMEOID}, {"sequenceowner", NAMEOID},
			{"data_type", REGTYPEOID}, {"start_value", INT8OID}, {"min_value", INT8OID},
			{"max_value", INT8OID}, {"increment_by", INT8OID}, {"cycle", BOOLOID}, {"cache_size", INT8OID},
		{"last_value", INT8OID}}},
	[SYS_IS_SCHEMATA] = {13001, SYS_INFO_SCHEMA_NAMESPACE, "schemata",
		{{"catalog_name", NAMEOID}, {"schema_name", NAMEOID}, {"schema_owner", NAMEOID},
			{"default_character_set_catalog", NAMEOID}, {"default_character_set_schema", NAMEOID},
		{"default_character_set_name", NAMEOID}, {"sql_path", VARCHAROID}}},
	[SYS_IS_TABLES] = {13002, SYS_INFO_SCHEMA_NAMESPACE, "tables",
		{{"table_catalog", NAMEOID}, {"table_schema", NAMEOID}, {"table_name", NAMEOID},
			{"table_type", VARCHAROID}, {"self_referencing_column_name", NAMEOID},
			{"reference_generation", VARCHAROID}, {"user_defined_type_catalog", NAMEOID},
			{"user_defined_type_schema", NAMEOID}, {"user_defined_type_name", NAMEOID},
			{"is_insertable_into", VARCHAROID}, {"is_typed", VARCHAROID}, {"commit_action", VARCHAROID}}},
	[SYS_IS_COLUMNS] = {13003, SYS_INFO_SCHEMA_NAMESPACE, "columns",
		{{"table_catalog", NAMEOID}, {"table_schema", NAMEOID}, {"table_name", NAMEOID}, {"column_name", NAMEOID},
			{"ordinal_position", INT4OID}, {"column_default", VARCHAROID}, {"is_nullable", VARCHAROID},
			{"data_type", VARCHAROID}, {"character_maximum_length", INT4OID}, {"character_octet_length", INT4OID},
			{"numeric_precision", INT4OID}, {"numeric_precision_radix", INT4OID}, {"numeric_scale", INT4OID},
			{"datetime_precision", INT4OID}, {"interval_type", VARCHAROID}, {"interval_precision", INT4OID},
			{"character_set_catalog", NAMEOID}, {"character_set_schema", NAMEOID}, {"character_set_name", NAMEOID},
			{"collation_catalog", NAMEOID}, {"collation_schema", NAMEOID}, {"collation_name", NAMEOID},
			{"domain_catalog", NAMEOID}, {"domain_schema", NAMEOID}, {"domain_name", NAMEOID},
			{"udt_catalog", NAMEOID}, {"udt_schema", NAMEOID}, {"udt_name", NAMEOID}, {"scope_catalog", NAMEOID},
			{"scope_schema", NAMEOID}, {"scope_name", NAMEOID}, {"maximum_cardinality", INT4OID},
			{"dtd_identifier", NAMEOID}, {"is_self_referencing", VARCHAROID}, {"is_identity", VARCHAROID},
			{"identity_generation", VARCHAROID}, {"identity_start", VARCHAROID}, {"identity_increment", VARCHAROID},
			{"identity_maximum", VARCHAROID}, {"identity_minimum", VARCHAROID}, {"identity_cycle", VARCHAROID},
			{"is_generated", VARCHAROID}, {"generation_expression", VARCHAROID}, {"is_updatable", VARCHAROID}}},
	[SYS_IS_TABLE_CONSTRAINTS] = {13004, SYS_INFO_SCHEMA_NAMESPACE, "table_constraints",
		{{"constraint_catalog", NAMEOID}, {"constraint_schema", NAMEOID}, {"constraint_name", NAMEOID},
			{"table_catalog", NAMEOID}, {"table_schema", NAMEOID}, {"table_name", NAMEOID},
			{"constraint_type", VARCHAROID}, {"is_deferrable", VARCHAROID}, {"initially_deferred", VARCHAROID},
			{"enforced", VARCHAROID}, {"nulls_distinct", VARCHAROID}}},
	[SYS_IS_KEY_COLUMN_USAGE] = {13005, SYS_INFO_SCHEMA_NAMESPACE, "key_column_usage",
		{{"constraint_catalog", NAMEOID}, {"constraint_schema", NAMEOID}, {"constraint_name", NAMEOID},
			{"table_catalog", NAMEOID}, {"table_schema", NAMEOID}, {"table_name", NAMEOID}, {"column_name", NAMEOID},
			{"ordinal_position", INT4OID}, {"position_in_unique_constraint", INT4OID}}},
	[SYS_IS_CONSTRAINT_COLUMN_USAGE] = {13006, SYS_INFO_SCHEMA_NAMESPACE, "constraint_column_usage",
		{{"table_catalog", NAMEOID}, {"table_schema", NAMEOID}, {"table_name", NAMEOID}, {"column_name", NAMEOID},
			{"constraint_catalog", NAMEOID}, {"constraint_schema", NAMEOID}, {"constraint_name", NAMEOID}}},
	[SYS_IS_REFERENTIAL_CONSTRAINTS] = {13007, SYS_INFO_SCHEMA_NAMESPACE, "referential_constraints",
		{{"constraint_catalog", NAMEOID}, {"constraint_schema", NAMEOID}, {"constraint_name", NAMEOID},
			{"unique_constraint_catalog", NAMEOID}, {"unique_constraint_schema", NAMEOID},
			{"unique_constraint_name", NAMEOID}, {"match_option", VARCHAROID}, {"update_rule", VARCHAROID},
			{"delete_rule", VARCHAROID}}},
	[SYS_IS_CHECK_CONSTRAINTS] = {13008, SYS_INFO_SCHEMA_NAMESPACE, "check_constraints",
		{{"constraint_catalog", NAMEOID}, {"constraint_schema", NAMEOID}, {"constraint_name", NAMEOID},
			{"check_clause", VARCHAROID}}},
	[SYS_IS_CONSTRAINT_TABLE_USAGE] = {13009, SYS_INFO_SCHEMA_NAMESPACE, "constraint_table_usage",
		{{"table_catalog", NAMEOID}, {"table_schema", NAMEOID}, {"table_name", NAMEOID},
			{"constraint_catalog", NAMEOID}, {"constraint_schema", NAMEOID}, {"constraint_name", NAMEOID}}},
	[SYS_IS_VIEWS] = {13010, SYS_INFO_SCHEMA_NAMESPACE, "views",
		{{"table_catalog", NAMEOID}, {"table_schema", NAMEOID}, {"table_name", NAMEOID},
			{"view_definition", VARCHAROID}, {"check_option", VARCHAROID}, {"is_updatable", VARCHAROID},
			{"is_insertable_into", VARCHAROID}, {"is_trigger_updatable", VARCHAROID},
			{"is_trigger_deletable", VARCHAROID}, {"is_trigger_insertable_into", VARCHAROID}}},
	[SYS_IS_SEQUENCES] = {13011, SYS_INFO_SCHEMA_NAMESPACE, "sequences",
		{{"sequence_catalog", NAMEOID}, {"sequence_schema", NAMEOID}, {"sequence_name", NAMEOID},
			{"data_type", VARCHAROID}, {"numeric_precision", INT4OID}, {"numeric_precision_radix", INT4OID},
			{"numeric_scale", INT4OID}, {"start_value", VARCHAROID}, {"minimum_value", VARCHAROID},
			{"maximum_value", VARCHAROID}, {"increment", VARCHAROID}, {"cycle_option", VARCHAROID}}},
	[SYS_IS_TRIGGERS] = {13012, SYS_INFO_SCHEMA_NAMESPACE, "triggers",
		{{"trigger_catalog", NAMEOID}, {"trigger_schema", NAMEOID}, {"trigger_name", NAMEOID},
			{"event_manipulation", VARCHAROID}, {"event_object_catalog", NAMEOID}, {"event_object_schema", NAMEOID},
			{"event_object_table", NAMEOID}, {"action_order", INT4OID}, {"action_condition", VARCHAROID},
			{"action_statement", VARCHAROID}, {"action_orientation", VARCHAROID}, {"action_timing", VARCHAROID},
			{"action_reference_old_table", NAMEOID}, {"action_reference_new_table", NAMEOID},
			{"action_reference_old_row", NAMEOID}, {"action_reference_new_row", NAMEOID}, {"created", TIMESTAMPTZOID}}},
	[SYS_IS_TABLE_PRIVILEGES] = {13013, SYS_INFO_SCHEMA_NAMESPACE, "table_privileges",
		{{"grantor", NAMEOID}, {"grantee", NAMEOID}, {"table_catalog", NAMEOID}, {"table_schema", NAMEOID},
			{"table_name", NAMEOID}, {"privilege_type", VARCHAROID}, {"is_grantable", VARCHAROID},
			{"with_hierarchy", VARCHAROID}}},
	[SYS_IS_COLUMN_PRIVILEGES] = {13014, SYS_INFO_SCHEMA_NAMESPACE, "column_privileges",
		{{"grantor", NAMEOID}, {"grantee", NAMEOID}, {"table_catalog", NAMEOID}, {"table_schema", NAMEOID},
			{"table_name", NAMEOID}, {"column_name", NAMEOID}, {"privilege_type", VARCHAROID},
			{"is_grantable", VARCHAROID}}},
	[SYS_IS_ELEMENT_TYPES] = {13015, SYS_INFO_SCHEMA_NAMESPACE, "element_types",
		{{"object_catalog", NAMEOID}, {"object_schema", NAMEOID}, {"object_name", NAMEOID},
			{"object_type", VARCHAROID}, {"collection_type_identifier", NAMEOID}, {"data_type", VARCHAROID},
			{"character_maximum_length", INT4OID}, {"character_octet_length", INT4OID},
			{"character_set_catalog", NAMEOID}, {"character_set_schema", NAMEOID}, {"character_set_name", NAMEOID},
			{"collation_catalog", NAMEOID}, {"collation_schema", NAMEOID}, {"collation_name", NAMEOID},
			{"numeric_precision", INT4OID}, {"numeric_precision_radix", INT4OID}, {"numeric_scale", INT4OID},
			{"datetime_precision", INT4OID}, {"interval_type", VARCHAROID}, {"interval_precision", INT4OID},
			{"domain_default", VARCHAROID}, {"udt_catalog", NAMEOID}, {"udt_schema", NAMEOID}, {"udt_name", NAMEOID},
			{"scope_catalog", NAMEOID}, {"scope_schema", NAMEOID}, {"scope_name", NAMEOID},
			{"maximum_cardinality", INT4OID}, {"dtd_identifier", NAMEOID}}},
	[SYS_IS_ROUTINES] = {13016, SYS_INFO_SCHEMA_NAMESPACE, "routines",
		{{"specific_catalog", NAMEOID}, {"specific_schema", NAMEOID}, {"specific_name", NAMEOID},
			{"routine_catalog", NAMEOID}, {"routine_schema", NAMEOID}, {"routine_name", NAMEOID},
			{"routine_type", VARCHAROID}, {"module_catalog", NAMEOID}, {"module_schema", NAMEOID},
			{"module_name", NAMEOID}, {"udt_catalog", NAMEOID}, {"udt_schema", NAMEOID}, {"udt_name", NAMEOID},
			{"data_type", VARCHAROID}, {"character_maximum_length", INT4OID}, {"character_octet_length", INT4OID},
			{"character_set_catalog", NAMEOID}, {"character_set_schema", NAMEOID}, {"character_set_name", NAMEOID},
			{"collation_catalog", NAMEOID}, {"collation_schema", NAMEOID}, {"collation_name", NAMEOID},
			{"numeric_precision", INT4OID}, {"numeric_precision_radix", INT4OID}, {"numeric_scale", INT4OID},
			{"datetime_precision", INT4OID}, {"interval_type", VARCHAROID}, {"interval_precision", INT4OID},
			{"type_udt_catalog", NAMEOID}, {"type_udt_schema", NAMEOID}, {"type_udt_name", NAMEOID},
			{"scope_catalog", NAMEOID}, {"scope_schema", NAMEOID}, {"scope_name", NAMEOID},
			{"maximum_cardinality", INT4OID}, {"dtd_identifier", NAMEOID}, {"routine_body", VARCHAROID},
			{"routine_definition", VARCHAROID}, {"external_name", VARCHAROID}, {"external_language", VARCHAROID},
			{"parameter_style", VARCHAROID}, {"is_deterministic", VARCHAROID}, {"sql_data_access", VARCHAROID},
			{"is_null_call", VARCHAROID}, {"sql_path", VARCHAROID}, {"schema_level_routine", VARCHAROID},
			{"max_dynamic_result_sets", INT4OID}, {"is_user_defined_cast", VARCHAROID},
			{"is_implicitly_invocable", VARCHAROID}, {"security_type", VARCHAROID},
			{"to_sql_specific_catalog", NAMEOID}, {"to_sql_specific_schema", NAMEOID},
			{"to_sql_specific_name", NAMEOID}, {"as_locator", VARCHAROID}, {"created", TIMESTAMPTZOID},
			{"last_altered", TIMESTAMPTZOID}, {"new_savepoint_level", VARCHAROID}, {"is_udt_dependent", VARCHAROID},
			{"result_cast_from_data_type", VARCHAROID}, {"result_cast_as_locator", VARCHAROID},
			{"result_cast_char_max_length", INT4OID}, {"result_cast_char_octet_length", INT4OID},
			{"result_cast_char_set_catalog", NAMEOID}, {"result_cast_char_set_schema", NAMEOID},
			{"result_cast_char_set_name", NAMEOID}, {"result_cast_collation_catalog", NAMEOID},
			{"result_cast_collation_schema", NAMEOID}, {"result_cast_collation_name", NAMEOID},
			{"result_cast_numeric_precision", INT4OID}, {"result_cast_numeric_precision_radix", INT4OID},
			{"result_cast_numeric_scale", INT4OID}, {"result_cast_datetime_precision", INT4OID},
			{"result_cast_interval_type", VARCHAROID}, {"result_cast_interval_precision", INT4OID},
			{"result_cast_type_udt_catalog", NAMEOID}, {"result_cast_type_udt_schema", NAMEOID},
			{"result_cast_type_udt_name", NAMEOID}, {"result_cast_scope_catalog", NAMEOID},
			{"result_cast_scope_schema", NAMEOID}, {"result_cast_scope_name", NAMEOID},
			{"result_cast_maximum_cardinality", INT4OID}, {"result_cast_dtd_identifier", NAMEOID}}},
	[SYS_IS_PARAMETERS] = {13017, SYS_INFO_SCHEMA_NAMESPACE, "parameters",
		{{"specific_catalog", NAMEOID}, {"specific_schema", NAMEOID}, {"specific_name", NAMEOID},
			{"ordinal_position", INT4OID}, {"parameter_mode", VARCHAROID}, {"is_result", VARCHAROID},
			{"as_locator", VARCHAROID}, {"parameter_name", NAMEOID}, {"data_type", VARCHAROID},
			{"character_maximum_length", INT4OID}, {"character_octet_length", INT4OID},
			{"character_set_catalog", NAMEOID}, {"character_set_schema", NAMEOID}, {"character_set_name", NAMEOID},
			{"collation_catalog", NAMEOID}, {"collation_schema", NAMEOID}, {"collation_name", NAMEOID},
			{"numeric_precision", INT4OID}, {"numeric_precision_radix", INT4OID}, {"numeric_scale", INT4OID},
			{"datetime_precision", INT4OID}, {"interval_type", VARCHAROID}, {"interval_precision", INT4OID},
			{"udt_catalog", NAMEOID}, {"udt_schema", NAMEOID}, {"udt_name", NAMEOID}, {"scope_catalog", NAMEOID},
			{"scope_schema", NAMEOID}, {"scope_name", NAMEOID}, {"maximum_cardinality", INT4OID},
			{"dtd_identifier", NAMEOID}, {"parameter_default", VARCHAROID}}},
	[SYS_IS_ROLE_TABLE_GRANTS] = {13018, SYS_INFO_SCHEMA_NAMESPACE, "role_table_grants",
		{{"grantor", NAMEOID}, {"grantee", NAMEOID}, {"table_catalog", NAMEOID}, {"table_schema", NAMEOID},
			{"table_name", NAMEOID}, {"privilege_type", VARCHAROID}, {"is_grantable", VARCHAROID},
			{"with_hierarchy", VARCHAROID}}},
	[SYS_IS_ROLE_COLUMN_GRANTS] = {13019, SYS_INFO_SCHEMA_NAMESPACE, "role_column_grants",
		{{"grantor", NAMEOID}, {"grantee", NAMEOID}, {"table_catalog", NAMEOID}, {"table_schema", NAMEOID},
			{"table_name", NAMEOID}, {"column_name", NAMEOID}, {"privilege_type", VARCHAROID},
			{"is_grantable", VARCHAROID}}},
	[SYS_IS_CATALOG_NAME] = {13020, SYS_INFO_SCHEMA_NAMESPACE, "information_schema_catalog_name",
		{{"catalog_name", NAMEOID}}},
	[SYS_IS_CHARACTER_SETS] = {13021, SYS_INFO_SCHEMA_NAMESPACE, "character_sets",
		{{"character_set_catalog", NAMEOID}, {"character_set_schema", NAMEOID}, {"character_set_name", NAMEOID},
			{"character_repertoire", NAMEOID}, {"form_of_use", NAMEOID}, {"default_collate_catalog", NAMEOID},
			{"default_collate_schema", NAMEOID}, {"default_collate_name", NAMEOID}}},
	[SYS_IS_DOMAINS] = {13022, SYS_INFO_SCHEMA_NAMESPACE, "domains",
		{{"domain_catalog", NAMEOID}, {"domain_schema", NAMEOID}, {"domain_name", NAMEOID},
			{"data_type", VARCHAROID}, {"character_maximum_length", INT4OID}, {"character_octet_length", INT4OID},
			{"character_set_catalog", NAMEOID}, {"character_set_schema", NAMEOID}, {"character_set_name", NAMEOID},
			{"collation_catalog", NAMEOID}, {"collation_schema", NAMEOID}, {"collation_name", NAMEOID},
			{"numeric_precision", INT4OID}, {"numeric_precision_radix", INT4OID}, {"numeric_scale", INT4OID},
			{"datetime_precision", INT4OID}, {"interval_type", VARCHAROID}, {"interval_precision", INT4OID},
			{"domain_default", VARCHAROID}, {"udt_catalog", NAMEOID}, {"udt_schema", NAMEOID}, {"udt_name", NAMEOID},
			{"scope_catalog", NAMEOID}, {"scope_schema", NAMEOID}, {"scope_name", NAMEOID},
			{"maximum_cardinality", INT4OID}, {"dtd_identifier", NAMEOID}}},
	[SYS_IS_VIEW_TABLE_USAGE] = {13023, SYS_INFO_SCHEMA_NAMESPACE, "view_table_usage",
		{{"view_catalog", NAMEOID}, {"view_schema", NAMEOID}, {"view_name", NAMEOID}, {"table_catalog", NAMEOID},
			{"table_schema", NAMEOID}, {"table_name", NAMEOID}}},
	[SYS_IS_VIEW_COLUMN_USAGE] = {13024, SYS_INFO_SCHEMA_NAMESPACE, "view_column_usage",
		{{"view_catalog", NAMEOID}, {"view_schema", NAMEOID}, {"view_name", NAMEOID}, {"table_catalog", NAMEOID},
			{"table_schema", NAMEOID}, {"table_name", NAMEOID}, {"column_name", NAMEOID}}},
	[SYS_IS_USER_DEFINED_TYPES] = {13025, SYS_INFO_SCHEMA_NAMESPACE, "user_defined_types",
		{{"user_defined_type_catalog", NAMEOID}, {"user_defined_type_schema", NAMEOID},
			{"user_defined_type_name", NAMEOID}, {"user_defined_type_category", VARCHAROID},
			{"is_instantiable", VARCHAROID}, {"is_final", VARCHAROID}, {"ordering_form", VARCHAROID},
			{"ordering_category", VARCHAROID}, {"ordering_routine_catalog", NAMEOID},
			{"ordering_routine_schema", NAMEOID}, {"ordering_routine_name", NAMEOID}, {"reference_type", VARCHAROID},
			{"data_type", VARCHAROID}, {"character_maximum_length", INT4OID}, {"character_octet_length", INT4OID},
			{"character_set_catalog", NAMEOID}, {"character_set_schema", NAMEOID}, {"character_set_name", NAMEOID},
			{"collation_catalog", NAMEOID}, {"collation_schema", NAMEOID}, {"collation_name", NAMEOID},
			{"numeric_precision", INT4OID}, {"numeric_precision_radix", INT4OID}, {"numeric_scale", INT4OID},
			{"datetime_precision", INT4OID}, {"interval_type", VARCHAROID}, {"interval_precision", INT4OID},
			{"source_dtd_identifier", NAMEOID}, {"ref_dtd_identifier", NAMEOID}}},
	[SYS_IS_ATTRIBUTES] = {13026, SYS_INFO_SCHEMA_NAMESPACE, "attributes",
		{{"udt_catalog", NAMEOID}, {"udt_schema", NAMEOID}, {"udt_name", NAMEOID}, {"attribute_name", NAMEOID},
			{"ordinal_position", INT4OID}, {"attribute_default", VARCHAROID}, {"is_nullable", VARCHAROID},
			{"data_type", VARCHAROID}, {"character_maximum_length", INT4OID}, {"character_octet_length", INT4OID},
			{"character_set_catalog", NAMEOID}, {"character_set_schema", NAMEOID}, {"character_set_name", NAMEOID},
			{"collation_catalog", NAMEOID}, {"collation_schema", NAMEOID}, {"collation_name", NAMEOID},
			{"numeric_precision", INT4OID}, {"numeric_precision_radix", INT4OID}, {"numeric_scale", INT4OID},
			{"datetime_precision", INT4OID}, {"interval_type", VARCHAROID}, {"interval_precision", INT4OID},
			{"attribute_udt_catalog", NAMEOID}, {"attribute_udt_schema", NAMEOID}, {"attribute_udt_name", NAMEOID},
			{"scope_catalog", NAMEOID}, {"scope_schema", NAMEOID}, {"scope_name", NAMEOID},
			{"maximum_cardinality", INT4OID}, {"dtd_identifier", NAMEOID},
			{"is_derived_reference_attribute", VARCHAROID}}},
};

static CatTable *sys_tables[SYS_COUNT];

void
system_init(void)
{
	for (int i = 0; i < SYS_COUNT; i++)
	{
		const SysDef *d = &sys_defs[i];
		CatTable   *t = cattable_new(d->oid, d->schema, d->name, 'v');

		t->refcount = 1 << 30;	/* never freed */
		for (int c = 0; c < SYS_MAX_COLS && d->cols[c].name; c++)
			cattable_add_column(t, d->cols[c].name, d->cols[c].type, -1);
		cattable_finish(t);
		sys_tables[i] = t;
	}
}

/* Identifiers as PostgreSQL's quote_identifier writes them (reserved keywords quoted too). */
void
system_put_ident(StrBuf *out, const char *s)
{
	func_quote_ident(s, strlen(s), out);
}

const char *
system_schema_name(const Catalog *c, Oid oid)
{
	const CatSchema *sc;

	if (oid == SYS_INFO_SCHEMA_NAMESPACE)
		return "information_schema";
	if (oid == PG_CATALOG_NAMESPACE)
		return "pg_catalog";
	sc = catalog_schema_by_oid(c, oid);
	return sc ? sc->name : "?";
}

const CatTable *
system_relation(const Catalog *c, Oid oid, const CatIndex **index)
{
	const CatTable *t;

	*index = NULL;
	if ((t = catalog_table_by_oid(c, oid)) || (t = system_table_by_oid(oid)))
		return t;
	for (int i = 0; i < c->ntables; i++)
		for (int k = 0; k < c->tables[i]->nindexes; k++)
			if (c->tables[i]->indexes[k].oid == oid)
			{
				*index = &c->tables[i]->indexes[k];
				return c->tables[i];
			}
	return NULL;
}

const CatConstraint *
system_constraint(const Catalog *c, Oid oid, const CatTable **table)
{
	for (int i = 0; i < c->ntables; i++)
		for (int k = 0; k < c->tables[i]->ncons; k++)
			if (c->tables[i]->cons[k].oid == oid)
			{
				*table = c->tables[i];
				return &c->tables[i]->cons[k];
			}
	*table = NULL;
	return NULL;
}

bool
system_relation_visible(SqlSession *s, const Catalog *c, const CatTable *t, const CatIndex *ix)
{
	Oid			path[64];
	int			n = search_path_oids(s, c, true, path, 64);
	const char *name = ix ? ix->name : t->name;

	for (int i = 0; i < n; i++)
	{
		const CatIndex *other;

		if (path[i] == t->schema)
			return true;
		if (catalog_table_in(c, path[i], name) || catalog_index_in(c, path[i], name, &other))
			return false;		/* shadowed by an earlier schema */
	}
	return false;
}

bool
sql_regclass_name(SqlSession *s, Oid oid, StrBuf *out)
{
	const Catalog *c;
	const CatTable *t;
	const CatIndex *ix;

	if (!s)
		return false;
	c = session_catalog(s);
	if (!(t = system_relation(c, oid, &ix)))
		return false;
	if (!system_relation_visible(s, c, t, ix))
	{
		system_put_ident(out, system_schema_name(c, t->schema));
		strbuf_putc(out, '.');
	}
	system_put_ident(out, ix ? ix->name : t->name);
	return true;
}

/* pg_type.typstorage: plain for fixed-length types, main for numeric, extended for the other varlenas. */
char
system_type_storage(const MgType *t)
{
	if (!t || t->typlen > 0 || t->oid == NAMEOID)	/* name is fixed-length in PostgreSQL */
		return 'p';
	if (t->oid == NUMERICOID)
		return 'm';
	return 'x';
}

/* pg_type.typcollation: "default" for the string types, "C" for name, none otherwise. */
Oid
system_type_collation(Oid type)
{
	const MgType *t = type_by_oid(type);

	if (t && t->elem && t->category == 'A')
		t = type_by_oid(t->elem);
	if (!t)
		return InvalidOid;
	if (t->oid == NAMEOID)
		return SYS_C_COLLATION;
	if (t->oid == TEXTOID || t->oid == VARCHAROID || t->oid == BPCHAROID)
		return SYS_DEFAULT_COLLATION;
	return InvalidOid;
}

void
system_shutdown(void)
{
	for (int i = 0; i < SYS_COUNT; i++)
	{
		if (sys_tables[i])
			arena_free(sys_tables[i]->arena);
		sys_tables[i] = NULL;
	}
}

const CatTable *
system_table(const char *schema, const char *name)
{
	Oid			ns;

	if (!schema || strcmp(schema, "pg_catalog") == 0)
		ns = PG_CATALOG_NAMESPACE;
	else if (strcmp(schema, "information_schema") == 0)
		ns = SYS_INFO_SCHEMA_NAMESPACE;
	else
		return NULL;
	for (int i = 0; i < SYS_COUNT; i++)
		if (sys_tables[i] && sys_defs[i].schema == ns && strcmp(sys_defs[i].name, name) == 0)
			return sys_tables[i];
	return NULL;
}

const CatTable *
system_table_by_oid(Oid oid)
{
	for (int i = 0; i < SYS_COUNT; i++)
		if (sys_tables[i] && sys_tables[i]->oid == oid)
			return sys_tables[i];
	return NULL;
}

bool
system_is_view(const CatTable *t)
{
	return t->relkind == 'v' && t->oid >= 12000;
}

/* ---- rows ------------------------------------------------------------------ */

/* All relations: the catalog's tables then the virtual ones. */
static int
nrelations(const Catalog *c)
{
	return c->ntables + SYS_COUNT;
}

static const CatTable *
relation_at(const Catalog *c, int i)
{
	return i < c->ntables ? c->tables[i] : sys_tables[i - c->ntables];
}

typedef struct RoleName
{
	Oid			oid;
	const char *name;			/* in the arena */
	Arena	   *a;
} RoleName;

static void
role_name_cb(void *arg, Oid oid, const char *name, bool superuser, bool can_login)
{
	RoleName   *rn = arg;

	(void) superuser;
	(void) can_login;
	if (!rn->name && oid == rn->oid)
		rn->name = arena_strdup(rn->a, name);
}

/* A role's name; pg_database_owner (the owner of public) is not a role memgres keeps. */
static const char *
role_name(Arena *a, Oid oid, const char *fallback)
{
	RoleName	rn = {.oid = oid, .a = a};

	if (oid == 6171)
		return "pg_database_owner";
	cluster_roles_foreach(role_name_cb, &rn);
	return rn.name ? rn.name : fallback;
}

static void
namespace_rows(SqlSession *s, const Catalog *c, RowBuf *rb, bool info_schema)
{
	for (int i = 0; i <= c->nschemas; i++)
	{
		Oid			oid = i < c->nschemas ? c->schemas[i].oid : SYS_INFO_SCHEMA_NAMESPACE;
		const char *name = i < c->nschemas ? c->schemas[i].name : "information_schema";

		rb_start(rb);
		if (!info_schema)
		{
			rb_oid(rb, oid);
			rb_text(rb, name);
			rb_oid(rb, i < c->nschemas ? c->schemas[i].owner : BOOTSTRAP_SUPERUSER);
			rb_null(rb);		/* nspacl: no privileges in memgres */
		}
		else
		{
			rb_text(rb, s->dbname);
			rb_text(rb, name);
			rb_text(rb, role_name(rb->a, i < c->nschemas ? c->schemas[i].owner : BOOTSTRAP_SUPERUSER, s->user));
			rb_null(rb);		/* default_character_set_catalog */
			rb_null(rb);		/* default_character_set_schema */
			rb_null(rb);		/* default_character_set_name */
			rb_null(rb);		/* sql_path */
		}
		rb_end(rb);
	}
}

static int
count_checks(const CatTable *t)
{
	int			n = 0;

	for (int k = 0; k < t->ncons; k++)
		n += t->cons[k].type == CON_CHECK;
	return n;
}

static int
compare_oids(const void *a, const void *b)
{
	Oid			x = *(const Oid *) a,
				y = *(const Oid *) b;

	return (x > y) - (x < y);
}

/*
 * The tables PostgreSQL would show triggers on: foreign keys are enforced
 * by internal triggers on both the referencing and the referenced table.
 * Returns them sorted, for bsearch with compare_oids.
 */
static Oid *
fk_trigger_tables(const Catalog *c, Arena *a, int *n)
{
	int			cap = 0;
	Oid		   *oids;

	*n = 0;
	for (int i = 0; i < c->ntables; i++)
		for (int k = 0; k < c->tables[i]->ncons; k++)
			cap += c->tables[i]->cons[k].type == CON_FOREIGN ? 2 : 0;
	oids = arena_new_array(a, Oid, cap > 0 ? cap : 1);
	for (int i = 0; i < c->ntables; i++)
		for (int k = 0; k < c->tables[i]->ncons; k++)
			if (c->tables[i]->cons[k].type == CON_FOREIGN)
			{
				oids[(*n)++] = c->tables[i]->oid;
				oids[(*n)++] = c->tables[i]->cons[k].ref_table;
			}
	qsort(oids, (size_t) *n, sizeof(Oid), compare_oids);
	return oids;
}

/* One pg_class row; ix is NULL for the table itself, else one of its indexes. */
static void
class_row(RowBuf *rb, const CatTable *t, const CatIndex *ix, bool hastriggers, bool temp)
{
	char		relkind = ix ? 'i' : system_is_view(t) ? 'v' : t->relkind == 'v' ? 'r' : t->relkind;
	Oid			oid = ix ? ix->oid : t->oid;

	rb_start(rb);
	rb_oid(rb, oid);
	rb_text(rb, ix ? ix->name : t->name);
	rb_oid(rb, t->schema);
	rb_oid(rb, InvalidOid);		/* reltype: memgres has no row types */
	rb_oid(rb, InvalidOid);		/* reloftype */
	rb_oid(rb, BOOTSTRAP_SUPERUSER);
	rb_oid(rb, relkind == 'i' ? SYS_BTREE_AM : relkind == 'r' ? SYS_HEAP_AM : InvalidOid);
	rb_oid(rb, relkind == 'v' ? InvalidOid : oid);	/* relfilenode */
	rb_oid(rb, InvalidOid);		/* reltablespace: the database's default */
	rb_i4(rb, 0);				/* relpages */
	rb_f4(rb, -1);				/* reltuples: never analysed */
	rb_i4(rb, 0);				/* relallvisible */
	rb_oid(rb, InvalidOid);		/* reltoastrelid: no TOAST tables */
	rb_bool(rb, !ix && t->nindexes > 0);
	rb_bool(rb, false);			/* relisshared */
	rb_char(rb, temp ? 't' : 'p');	/* relpersistence */
	rb_char(rb, relkind);
	rb_i2(rb, ix ? ix->ncols : t->ncols);
	rb_i2(rb, ix ? 0 : count_checks(t));
	rb_bool(rb, false);			/* relhasrules */
	rb_bool(rb, hastriggers);
	rb_bool(rb, false);			/* relhassubclass */
	rb_bool(rb, false);			/* relrowsecurity */
	rb_bool(rb, false);			/* relforcerowsecurity */
	rb_bool(rb, true);			/* relispopulated */
	rb_char(rb, relkind == 'r' && t->schema != PG_CATALOG_NAMESPACE ? 'd' : 'n');
	rb_bool(rb, false);			/* relispartition */
	rb_oid(rb, InvalidOid);		/* relrewrite */
	rb_null(rb);				/* relacl */
	rb_null(rb);				/* reloptions */
	rb_null(rb);				/* relpartbound */
	rb_end(rb);
}

static void
class_rows(const Catalog *c, RowBuf *rb)
{
	int			nfk;
	Oid		   *fk = fk_trigger_tables(c, rb->a, &nfk);

	for (int i = 0; i < nrelations(c); i++)
	{
		const CatTable *t = relation_at(c, i);
		bool		trig = t->relkind == 'r' && bsearch(&t->oid, fk, (size_t) nfk, sizeof(Oid), compare_oids);
		bool		temp = strncmp(system_schema_name(c, t->schema), "pg_temp_", 8) == 0;

		class_row(rb, t, NULL, trig, temp);
		for (int k = 0; k < t->nindexes; k++)
			class_row(rb, t, &t->indexes[k], false, temp);
	}
}

static void
attribute_row(RowBuf *rb, Oid relid, const CatColumn *col, int16_t attnum, bool is_index)
{
	const MgType *mt = type_by_oid(col->type);
	Oid			type = col->dropped ? InvalidOid : col->type;

	rb_start(rb);
	rb_oid(rb, relid);
	rb_text(rb, col->name);
	rb_oid(rb, type);
	rb_i4(rb, -1);				/* attstattarget */
	rb_i2(rb, mt ? mt->typlen : -1);
	rb_i2(rb, attnum);
	rb_i4(rb, mt && mt->category == 'A' && mt->elem ? 1 : 0);
	rb_i4(rb, -1);				/* attcacheoff */
	rb_i4(rb, col->typmod);
	rb_bool(rb, mt ? mt->byval : false);
	rb_char(rb, mt ? mt->align : 'i');
	rb_char(rb, system_type_storage(mt));
	rb_char(rb, '\0');			/* attcompression: the default method */
	rb_bool(rb, !is_index && col->notnull);
	rb_bool(rb, !is_index && col->default_expr != NULL && !col->identity);
	rb_bool(rb, !is_index && col->has_missing);
	rb_char(rb, is_index ? '\0' : col->identity);
	rb_char(rb, '\0');			/* attgenerated */
	rb_bool(rb, col->dropped);
	rb_bool(rb, true);			/* attislocal */
	rb_i4(rb, 0);				/* attinhcount */
	rb_oid(rb, col->dropped ? InvalidOid : system_type_collation(col->type));
	rb_null(rb);				/* attacl */
	rb_end(rb);
}

static void
attribute_rows(const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < nrelations(c); i++)
	{
		const CatTable *t = relation_at(c, i);

		for (int k = 0; k < t->ncols; k++)
			attribute_row(rb, t->oid, &t->cols[k], t->cols[k].attnum, false);
		for (int k = 0; k < t->nindexes; k++)
		{
			const CatIndex *ix = &t->indexes[k];

			for (int j = 0; j < ix->ncols; j++)
				attribute_row(rb, ix->oid, &t->cols[ix->attnums[j] - 1], (int16_t) (j + 1), true);
		}
	}
}

static void
index_rows(const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
		for (int k = 0; k < c->tables[i]->nindexes; k++)
		{
			const CatTable *t = c->tables[i];
			const CatIndex *ix = &t->indexes[k];
			Datum		keys[INDEX_MAX_KEYS],
						colls[INDEX_MAX_KEYS],
						opts[INDEX_MAX_KEYS];
			int			n = ix->ncols < INDEX_MAX_KEYS ? ix->ncols : INDEX_MAX_KEYS;

			for (int j = 0; j < n; j++)
			{
				keys[j] = Int16GetDatum(ix->attnums[j]);
				colls[j] = ObjectIdGetDatum(system_type_collation(t->cols[ix->attnums[j] - 1].type));
				opts[j] = Int16GetDatum((int16_t) (((ix->flags[j] & IDXKEY_DESC) ? 1 : 0) |
												   ((ix->flags[j] & IDXKEY_NULLS_FIRST) ? 2 : 0)));
			}
			rb_start(rb);
			rb_oid(rb, ix->oid);
			rb_oid(rb, t->oid);
			rb_i2(rb, ix->ncols);
			rb_i2(rb, ix->ncols);	/* indnkeyatts: no INCLUDE columns */
			rb_bool(rb, ix->unique);
			rb_bool(rb, false);	/* indnullsnotdistinct */
			rb_bool(rb, ix->primary);
			rb_bool(rb, false);	/* indisexclusion */
			rb_bool(rb, true);	/* indimmediate: constraints are never deferred */
			rb_bool(rb, false);	/* indisclustered */
			rb_bool(rb, true);	/* indisvalid */
			rb_bool(rb, false);	/* indcheckxmin */
			rb_bool(rb, true);	/* indisready */
			rb_bool(rb, true);	/* indislive */
			rb_bool(rb, false);	/* indisreplident */
			rb_array(rb, INT2OID, n, keys, 0);
			rb_array(rb, OIDOID, n, colls, 0);
			rb_array(rb, INT2OID, n, opts, 0);
			rb_null(rb);		/* indexprs */
			rb_null(rb);		/* indpred */
			rb_end(rb);
		}
}

static void
constraint_row(RowBuf *rb, const CatTable *t, const CatConstraint *con)
{
	Datum		keys[INDEX_MAX_KEYS];
	int			n = 0;
	bool		fk = con->type == CON_FOREIGN;

	rb_start(rb);
	rb_oid(rb, con->oid);
	rb_text(rb, con->name);
	rb_oid(rb, t->schema);
	rb_char(rb, (char) con->type);
	rb_bool(rb, false);			/* condeferrable */
	rb_bool(rb, false);			/* condeferred */
	rb_bool(rb, true);			/* convalidated */
	rb_oid(rb, t->oid);
	rb_oid(rb, InvalidOid);		/* contypid */
	rb_oid(rb, fk ? con->ref_index : con->index);
	rb_oid(rb, InvalidOid);		/* conparentid */
	rb_oid(rb, fk ? con->ref_table : InvalidOid);
	rb_char(rb, fk ? con->upd_action : ' ');
	rb_char(rb, fk ? con->del_action : ' ');
	rb_char(rb, fk ? (con->match_type == 'f' ? 'f' : con->match_type == 'p' ? 'p' : 's') : ' ');
	rb_bool(rb, true);			/* conislocal */
	rb_i4(rb, 0);				/* coninhcount */
	rb_bool(rb, false);			/* connoinherit */
	if (con->type == CON_CHECK)
	{
		bool		used[1600] = {false};
		int			ncols = t->ncols < 1600 ? t->ncols : 1600;

		expr_collect_vars(con->check, used, ncols);
		for (int k = 0; k < ncols && n < INDEX_MAX_KEYS; k++)
			if (used[k])
				keys[n++] = Int16GetDatum(t->cols[k].attnum);
	}
	else
		for (n = 0; n < con->ncols && n < INDEX_MAX_KEYS; n++)
			keys[n] = Int16GetDatum(con->cols[n]);
	if (n > 0)
		rb_array(rb, INT2OID, n, keys, 1);
	else
		rb_null(rb);
	if (fk)
	{
		for (n = 0; n < con->ncols && n < INDEX_MAX_KEYS; n++)
			keys[n] = Int16GetDatum(con->ref_cols[n]);
		rb_array(rb, INT2OID, n, keys, 1);
	}
	else
		rb_null(rb);
	if (con->type == CON_CHECK)
	{
		char		buf[64];

		snprintf(buf, sizeof(buf), "{CONSTRAINT :conid %u}", con->oid);
		rb_text(rb, buf);
	}
	else
		rb_null(rb);
	rb_end(rb);
}

static void
constraint_rows(const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
		for (int k = 0; k < c->tables[i]->ncons; k++)
			if (c->tables[i]->cons[k].type != CON_NOTNULL)
				constraint_row(rb, c->tables[i], &c->tables[i]->cons[k]);
}

static void
attrdef_rows(const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		for (int k = 0; k < t->ncols; k++)
		{
			char		buf[80];

			/* an identity column's nextval() is memgres's own: PostgreSQL keeps no default for it */
			if (t->cols[k].dropped || !t->cols[k].default_expr || t->cols[k].identity)
				continue;
			snprintf(buf, sizeof(buf), "{DEFAULT :relid %u :attnum %d}", t->oid, t->cols[k].attnum);
			rb_start(rb);
			rb_oid(rb, t->oid);
			rb_i2(rb, t->cols[k].attnum);
			rb_text(rb, buf);
			rb_end(rb);
		}
	}
}

static void
sequence_rows(const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (t->relkind != 'S' || !t->seq)
			continue;
		rb_start(rb);
		rb_oid(rb, t->oid);
		rb_oid(rb, t->seq->type);
		rb_i8(rb, t->seq->start);
		rb_i8(rb, t->seq->increment);
		rb_i8(rb, t->seq->max);
		rb_i8(rb, t->seq->min);
		rb_i8(rb, t->seq->cache);
		rb_bool(rb, t->seq->cycle);
		rb_end(rb);
	}
}

/* pg_depend: the links psql and pg_dump read: a sequence owned by a column ('a', or 'i' for identity). */
static void
depend_rows(const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];
		const CatTable *owner;
		char		deptype = 'a';

		if (t->relkind != 'S' || !t->seq || !t->seq->owned_by_table)
			continue;
		owner = catalog_table_by_oid(c, t->seq->owned_by_table);
		if (owner && t->seq->owned_by_col >= 1 && t->seq->owned_by_col <= owner->ncols &&
			owner->cols[t->seq->owned_by_col - 1].identity)
			deptype = 'i';
		rb_start(rb);
		rb_oid(rb, SYS_PG_CLASS);
		rb_oid(rb, t->oid);
		rb_i4(rb, 0);
		rb_oid(rb, SYS_PG_CLASS);
		rb_oid(rb, t->seq->owned_by_table);
		rb_i4(rb, t->seq->owned_by_col);
		rb_char(rb, deptype);
		rb_end(rb);
	}
}

static void
description_row(RowBuf *rb, Oid objoid, Oid classoid, int subid, const char *text)
{
	rb_start(rb);
	rb_oid(rb, objoid);
	rb_oid(rb, classoid);
	rb_i4(rb, subid);
	rb_text(rb, text);
	rb_end(rb);
}

static void
description_rows(const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->nschemas; i++)
		if (c->schemas[i].comment)
			description_row(rb, c->schemas[i].oid, sys_tables[SYS_NAMESPACE]->oid, 0, c->schemas[i].comment);
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		if (t->comment)
			description_row(rb, t->oid, SYS_PG_CLASS, 0, t->comment);
		for (int k = 0; k < t->ncols; k++)
			if (t->cols[k].comment && !t->cols[k].dropped)
				description_row(rb, t->oid, SYS_PG_CLASS, t->cols[k].attnum, t->cols[k].comment);
	}
}

typedef struct DbArg
{
	RowBuf	   *rb;
} DbArg;

static void
db_row(void *arg, const char *name, Oid oid)
{
	RowBuf	   *rb = ((DbArg *) arg)->rb;
	SqlDbProps	props;

	dbprops_get(name, &props);
	rb_start(rb);
	rb_oid(rb, oid);
	rb_text(rb, name);
	rb_oid(rb, props.owner);
	rb_i4(rb, 6);				/* UTF8 */
	rb_char(rb, 'c');
	rb_bool(rb, props.istemplate);
	rb_bool(rb, props.allowconn);
	rb_i4(rb, props.connlimit);
	rb_oid(rb, SYS_DEFAULT_TABLESPACE);
	rb_text(rb, "C.UTF-8");
	rb_text(rb, "C.UTF-8");
	rb_null(rb);				/* daticulocale */
	rb_null(rb);				/* datacl */
	rb_end(rb);
}

/* pg_db_role_setting: one row per database with ALTER DATABASE ... SET values. */
typedef struct DbSetArg
{
	RowBuf	   *rb;
	int			n;
	char	  **dbnames;
	Oid		   *oids;
	const char *cur;			/* database of the row being built */
	int			nvals;
	Datum		vals[64];
} DbSetArg;

static void
dbset_oid(void *arg, const char *name, Oid oid)
{
	DbSetArg   *d = arg;

	d->dbnames = arena_realloc(d->rb->a, d->dbnames, sizeof(char *) * (size_t) d->n,
							   sizeof(char *) * (size_t) (d->n + 1));
	d->oids = arena_realloc(d->rb->a, d->oids, sizeof(Oid) * (size_t) d->n, sizeof(Oid) * (size_t) (d->n + 1));
	d->dbnames[d->n] = arena_strdup(d->rb->a, name);
	d->oids[d->n++] = oid;
}

static void
dbset_flush(DbSetArg *d)
{
	for (int i = 0; d->cur && i < d->n; i++)
		if (strcmp(d->dbnames[i], d->cur) == 0)
		{
			rb_start(d->rb);
			rb_oid(d->rb, d->oids[i]);
			rb_oid(d->rb, InvalidOid);
			rb_array(d->rb, TEXTOID, d->nvals, d->vals, 1);
			rb_end(d->rb);
		}
	d->nvals = 0;
	d->cur = NULL;
}

static void
dbset_row(void *arg, const char *dbname, const char *name, const char *value)
{
	DbSetArg   *d = arg;

	if (d->cur && (strcmp(d->cur, dbname) != 0 || d->nvals == 64))
		dbset_flush(d);
	if (!d->cur)
		d->cur = arena_strdup(d->rb->a, dbname);
	d->vals[d->nvals++] = cstring_text_datum(d->rb->a, arena_sprintf(d->rb->a, "%s=%s", name, value));
}

static void
stat_db_row(void *arg, const StDbStats *st)
{
	RowBuf	   *rb = arg;

	rb_start(rb);
	rb_oid(rb, st->oid);
	rb_text(rb, st->name);
	rb_i4(rb, st->sessions);
	rb_i8(rb, (int64_t) st->lock_acquired);
	rb_i8(rb, (int64_t) st->lock_waited);
	rb_i8(rb, (int64_t) st->lock_held_us);
	rb_i8(rb, (int64_t) st->lock_wait_us);
	rb_i4(rb, st->lock_waiters);
	rb_end(rb);
}

/*
 * memgres keeps only SUPERUSER and LOGIN per role; the bootstrap superuser
 * has every attribute, as initdb gives it, the others none of the rest.
 */
static void
role_row(void *arg, Oid oid, const char *name, bool superuser, bool can_login)
{
	RowBuf	   *rb = arg;
	bool		bootstrap = oid == BOOTSTRAP_SUPERUSER;

	rb_start(rb);
	rb_text(rb, name);
	rb_bool(rb, superuser);
	rb_bool(rb, true);			/* rolinherit */
	rb_bool(rb, bootstrap);		/* rolcreaterole */
	rb_bool(rb, bootstrap);		/* rolcreatedb */
	rb_bool(rb, can_login);
	rb_bool(rb, bootstrap);		/* rolreplication */
	rb_i4(rb, -1);				/* rolconnlimit */
	rb_text(rb, "********");
	rb_null(rb);				/* rolvaliduntil */
	rb_bool(rb, bootstrap);		/* rolbypassrls */
	rb_null(rb);				/* rolconfig */
	rb_oid(rb, oid);
	rb_end(rb);
}

static void
tables_rows(SqlSession *s, const Catalog *c, RowBuf *rb, bool info_schema)
{
	for (int i = 0; i < nrelations(c); i++)
	{
		const CatTable *t = relation_at(c, i);
		bool		view = system_is_view(t);

		if (t->relkind == 'S' || (!info_schema && view) || (info_schema && sys_other_temp_schema(s, c, t->schema)))
			continue;
		rb_start(rb);
		if (!info_schema)
		{
			rb_text(rb, system_schema_name(c, t->schema));
			rb_text(rb, t->name);
			rb_text(rb, s->user);
			rb_null(rb);
			rb_bool(rb, t->nindexes > 0);
			rb_bool(rb, false);
			rb_bool(rb, false);
			rb_bool(rb, false);
		}
		else
		{
			rb_text(rb, s->dbname);
			rb_text(rb, system_schema_name(c, t->schema));
			rb_text(rb, t->name);
			bool		temp = strncmp(system_schema_name(c, t->schema), "pg_temp_", 8) == 0;

			rb_text(rb, view ? "VIEW" : temp ? "LOCAL TEMPORARY" : "BASE TABLE");
			rb_null(rb);		/* self_referencing_column_name */
			rb_null(rb);		/* reference_generation */
			rb_null(rb);		/* user_defined_type_catalog */
			rb_null(rb);		/* user_defined_type_schema */
			rb_null(rb);		/* user_defined_type_name */
			rb_text(rb, view ? "NO" : "YES");
			rb_text(rb, "NO");	/* is_typed */
			rb_null(rb);		/* commit_action: NULL even for temporary tables, as PostgreSQL 15 shows it */
		}
		rb_end(rb);
	}
}

/* pg_sequences: last_value is NULL until nextval (or setval with is_called) has run. */
static void
pg_sequences_rows(SqlSession *s, const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];
		StSeqState	st;

		if (t->relkind != 'S' || !t->seq || sys_other_temp_schema(s, c, t->schema))
			continue;
		rb_start(rb);
		rb_text(rb, system_schema_name(c, t->schema));
		rb_text(rb, t->name);
		rb_text(rb, s->user);
		rb_oid(rb, t->seq->type);
		rb_i8(rb, t->seq->start);
		rb_i8(rb, t->seq->min);
		rb_i8(rb, t->seq->max);
		rb_i8(rb, t->seq->increment);
		rb_bool(rb, t->seq->cycle);
		rb_i8(rb, t->seq->cache);
		if (s->db && st_seq_get(s->db, t->oid, &st) && st.is_called)
			rb_i8(rb, st.last_value);
		else
			rb_null(rb);
		rb_end(rb);
	}
}

static void
indexes_rows(SqlSession *s, const Catalog *c, RowBuf *rb)
{
	for (int i = 0; i < c->ntables; i++)
	{
		const CatTable *t = c->tables[i];

		for (int k = 0; k < t->nindexes; k++)
		{
			StrBuf		sb;

			strbuf_init_arena(&sb, rb->a);
			ruleutils_indexdef(s, c, t, &t->indexes[k], 0, false, &sb);
			rb_start(rb);
			rb_text(rb, system_schema_name(c, t->schema));
			rb_text(rb, t->name);
			rb_text(rb, t->indexes[k].name);
			rb_null(rb);
			rb_text(rb, sb.data);
			rb_end(rb);
		}
	}
}

void
system_rows(SqlSession *s, const Catalog *c, const CatTable *vt, Arena *a, SysRows *out)
{
	RowBuf		rb = {.out = out, .a = a, .ncols = vt->ncols};
	int			which = -1;

	memset(out, 0, sizeof(*out));
	for (int i = 0; i < SYS_COUNT; i++)
		if (sys_tables[i] == vt)
			which = i;
	switch (which)
	{
		case SYS_NAMESPACE:
		case SYS_IS_SCHEMATA:
			namespace_rows(s, c, &rb, which == SYS_IS_SCHEMATA);
			break;
		case SYS_CLASS:
			class_rows(c, &rb);
			break;
		case SYS_INDEX:
			index_rows(c, &rb);
			break;
		case SYS_AM:
			registry_am_rows(&rb);
			break;
		case SYS_ATTRIBUTE:
			attribute_rows(c, &rb);
			break;
		case SYS_ATTRDEF:
			attrdef_rows(c, &rb);
			break;
		case SYS_CONSTRAINT:
			constraint_rows(c, &rb);
			break;
		case SYS_SEQUENCE:
			sequence_rows(c, &rb);
			break;
		case SYS_DEPEND:
			depend_rows(c, &rb);
			break;
		case SYS_DESCRIPTION:
			description_rows(c, &rb);
			break;
		case SYS_TYPE:
			registry_type_rows(&rb);
			break;
		case SYS_PROC:
			registry_proc_rows(&rb);
			break;
		case SYS_COLLATION:
			registry_collation_rows(&rb);
			break;
		case SYS_TABLESPACE:
			registry_tablespace_rows(&rb);
			break;
		case SYS_LANGUAGE:
			registry_language_rows(&rb);
			break;
		case SYS_OPERATOR:
			registry_operator_rows(&rb);
			break;
		case SYS_SETTINGS:
			registry_settings_rows(s, &rb);
			break;
		case SYS_DATABASE:
			{
				DbArg		da = {.rb = &rb};

				st_cluster_foreach(sql_cluster, db_row, &da);
				break;
			}
		case SYS_DB_ROLE_SETTING:
			{
				DbSetArg	ds = {.rb = &rb};

				st_cluster_foreach(sql_cluster, dbset_oid, &ds);
				dbprops_foreach_setting(dbset_row, &ds);
				dbset_flush(&ds);
				break;
			}
		case SYS_STAT_DATABASE:
			st_cluster_stats(sql_cluster, stat_db_row, &rb);
			break;
		case SYS_MEMORY:
			rb_start(&rb);
			rb_i8(&rb, (int64_t) storage_memory_used());
			rb_i8(&rb, (int64_t) storage_memory_limit());
			rb_end(&rb);
			break;
		case SYS_ROLES:
			cluster_roles_foreach(role_row, &rb);
			break;
		case SYS_TABLES:
		case SYS_IS_TABLES:
			tables_rows(s, c, &rb, which == SYS_IS_TABLES);
			break;
		case SYS_INDEXES:
			indexes_rows(s, c, &rb);
			break;
		case SYS_SEQUENCES:
			pg_sequences_rows(s, c, &rb);
			break;
		case SYS_IS_COLUMNS:
			infoschema_columns_rows(s, c, &rb);
			break;
		case SYS_IS_TABLE_CONSTRAINTS:
			infoschema_table_constraints_rows(s, c, &rb);
			break;
		case SYS_IS_KEY_COLUMN_USAGE:
			infoschema_key_column_usage_rows(s, c, &rb);
			break;
		case SYS_IS_CONSTRAINT_COLUMN_USAGE:
			infoschema_constraint_column_usage_rows(s, c, &rb);
			break;
		case SYS_IS_REFERENTIAL_CONSTRAINTS:
			infoschema_referential_constraints_rows(s, c, &rb);
			break;
		case SYS_IS_CHECK_CONSTRAINTS:
			infoschema_check_constraints_rows(s, c, &rb);
			break;
		case SYS_IS_CONSTRAINT_TABLE_USAGE:
			infoschema_constraint_table_usage_rows(s, c, &rb);
			break;
		case SYS_IS_SEQUENCES:
			infoschema_sequences_rows(s, c, &rb);
			break;
		case SYS_IS_ELEMENT_TYPES:
			infoschema_element_types_rows(s, c, &rb);
			break;
		case SYS_IS_TABLE_PRIVILEGES:
		case SYS_IS_COLUMN_PRIVILEGES:
		case SYS_IS_ROLE_TABLE_GRANTS:
		case SYS_IS_ROLE_COLUMN_GRANTS:
			/* the role_* views show the grants of the enabled roles: here the owner's, the same rows */
			infoschema_privileges_rows(s, c, &rb,
									   which == SYS_IS_COLUMN_PRIVILEGES || which == SYS_IS_ROLE_COLUMN_GRANTS);
			break;
		case SYS_IS_CATALOG_NAME:
			rb_start(&rb);
			rb_text(&rb, s->dbname);
			rb_end(&rb);
			break;
		case SYS_IS_CHARACTER_SETS:
			/* the database encoding, as PostgreSQL shows it */
			rb_start(&rb);
			rb_null(&rb);
			rb_null(&rb);
			rb_text(&rb, "UTF8");
			rb_text(&rb, "UCS");
			rb_text(&rb, "UTF8");
			rb_text(&rb, s->dbname);
			rb_null(&rb);
			rb_null(&rb);
			rb_end(&rb);
			break;
		default:
			/* the catalogs of features memgres does not have are empty */
			break;
	}
}
