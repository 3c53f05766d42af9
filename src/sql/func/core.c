/*
 * core.c — register_core_funcs(): the built-ins owned by src/sql/func,
 * one module per file, plus helpers those modules share.
 *
 * Design notes: modules register functions before the operators that name
 * them (oper_register() resolves OperDef.func by name and argument types).
 * Invariants: called once, from func_init(), before any lookup.
 */
#include "config.h"

#include <stdarg.h>

#include <memgres/error.h>
#include <memgres/func.h>

#include "builtins.h"
#include "funcint.h"

void
register_core_funcs(void)
{
	register_int_funcs();
	register_float_funcs();
	register_string_funcs();
	register_byte_funcs();
	register_bit_funcs();
	register_pattern_funcs();
	register_format_funcs();
	register_agg_funcs();
	register_numagg_funcs();
	register_srf_funcs();
	register_tochar_funcs();
	register_array_funcs();
	register_sys_funcs();
}

int
fc_error(FnCall *fc, const char *sqlstate, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	mg_error_v(fc->ctx->err, MG_SEV_ERROR, sqlstate, fmt, ap);
	va_end(ap);
	return -1;
}
