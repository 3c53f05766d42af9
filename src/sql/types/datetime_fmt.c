/*
 * datetime_fmt.c — to_char, to_timestamp(text, text) and to_date with
 * PostgreSQL's template patterns.
 */
#include <memgres/func.h>

#include "datetime_ops.h"

const FuncDef datetime_fmt_funcs[] = {
	{.name = NULL},
};
const int datetime_n_fmt_funcs = 0;
