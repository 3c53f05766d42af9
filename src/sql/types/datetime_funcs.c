/*
 * datetime_funcs.c — registers the date/time operators and functions.
 */
#include <memgres/datetime.h>
#include <memgres/func.h>

#include "../func/builtins.h"

void
register_datetime_funcs(void)
{
}
