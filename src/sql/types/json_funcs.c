/*
 * json_funcs.c — registers the json/jsonb functions and operators.
 */
#include <memgres/func.h>

#include "../func/builtins.h"

void
register_json_funcs(void)
{
}
