/*
 * json_types.c — registers json and jsonb with the type registry, and the
 * json <-> jsonb casts.
 */
#include <memgres/types.h>

#include "registry.h"

void
register_json_types(void)
{
}
