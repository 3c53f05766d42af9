/*
 * builtins.h — the function modules that func_init() registers, in order.
 * Each calls func_register(), oper_register() and agg_register() on static
 * tables.
 */
#ifndef MEMGRES_SQL_FUNC_BUILTINS_H
#define MEMGRES_SQL_FUNC_BUILTINS_H

void		register_core_funcs(void);		/* src/sql/func: bool, int, float, text operators; string, math, pattern matching; aggregates */
void		register_numeric_funcs(void);	/* src/sql/types/numeric*: numeric operators and functions */
void		register_datetime_funcs(void);	/* src/sql/types/datetime*: date/time operators and functions */
void		register_json_funcs(void);		/* src/sql/types/json*: json/jsonb functions (I/O-level for now) */
void		register_session_funcs(void);	/* src/sql/exec: functions that need the session: current_user, nextval, pg_sleep, current_setting ... */

#endif
