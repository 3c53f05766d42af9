/*
 * json_int.h — internals shared by json.c and json_funcs.c (private to
 * src/sql/types).
 */
#ifndef MEMGRES_SQL_TYPES_JSON_INT_H
#define MEMGRES_SQL_TYPES_JSON_INT_H

#include <memgres/json.h>
#include <memgres/types.h>

extern const MgType json_type;
extern const MgType jsonb_type;

void		json_register_types(void);
int			jsonb_cmp(Datum a, Datum b);
void		jsonb_skip(const unsigned char **p);

#endif
