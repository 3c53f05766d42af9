/*
 * registry.h — the type modules that types_init() registers, in order.
 * Each is defined by the module's owner file and calls type_register() and
 * cast_register() on static tables.
 */
#ifndef MEMGRES_SQL_TYPES_REGISTRY_H
#define MEMGRES_SQL_TYPES_REGISTRY_H

void		register_core_types(void);		/* bool, ints, floats, numeric, text family, bytea, uuid, oid, name, regclass, arrays */
void		register_datetime_types(void);	/* date, time, timestamp, timestamptz, interval */
void		register_json_types(void);		/* json, jsonb */
void		register_bit_types(void);		/* bit, varbit (bit.c) */

#endif
