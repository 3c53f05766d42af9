/*
 * core.c — register_core_types(): the built-in types of src/sql/types/
 * (everything but date/time and json) and their casts, in the order the
 * registry expects: element types first, then their array types.
 */
#include <memgres/types.h>

#include "registry.h"
#include "typesint.h"

static const MgType *const core_types[] = {
	&mg_type_bool, &mg_type_bytea, &mg_type_char, &mg_type_name, &mg_type_int8,
	&mg_type_int2, &mg_type_int4, &mg_type_text, &mg_type_oid, &mg_type_float4,
	&mg_type_float8, &mg_type_unknown, &mg_type_bpchar, &mg_type_varchar,
	&mg_type_void, &mg_type_numeric, &mg_type_uuid, &mg_type_regclass, &mg_type_regtype,
	&mg_type_record, &mg_type_any, &mg_type_anyelement, &mg_type_anynonarray, &mg_type_trigger,
	&mg_type_anyarray, &mg_type_cstring,
};

void
register_core_types(void)
{
	for (size_t i = 0; i < sizeof(core_types) / sizeof(core_types[0]); i++)
		type_register(core_types[i]);
	types_register_scalar_casts();
	types_register_numeric_casts();
	types_register_misc_casts();
}
