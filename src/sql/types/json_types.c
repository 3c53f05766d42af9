/*
 * json_types.c — registers json and jsonb with the type registry, and the
 * json <-> jsonb casts (the tables live in json.c).
 */
#include <memgres/types.h>

#include "json_int.h"
#include "registry.h"

void
register_json_types(void)
{
	json_register_types();
}
