/*
 * datetime_types.c — registers date, time, timestamp, timestamptz and
 * interval with the type registry, and their casts.
 *
 * Design: the I/O, comparison and key-encoding functions live in date.c,
 * timestamp.c and interval.c; the cast functions are here.  Tables are
 * static (the registry does not copy them).
 */
#include <memgres/datetime.h>
#include <memgres/types.h>

#include "datetime_ops.h"
#include "datetime_types.h"
#include "registry.h"

void
register_datetime_types(void)
{
	type_register(&date_type);
	type_register(&time_type);
	type_register(&timestamp_type);
	type_register(&timestamptz_type);
	type_register(&interval_type);
	type_register(&timetz_type);
	cast_register(datetime_casts, datetime_ncasts);
	cast_register(timetz_casts, timetz_ncasts);
}
