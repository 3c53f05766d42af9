/*
 * array.c — one-dimensional arrays of every registered type.
 */
#include <memgres/types.h>

#include "typesint.h"

int
array_coerce(EvalCtx *ctx, Datum value, Oid src_elem, int32_t src_typmod,
			 Oid dst_array, Oid dst_elem, int32_t dst_typmod, bool explicit_cast, Datum *out)
{
	(void) value; (void) src_elem; (void) src_typmod; (void) dst_array; (void) dst_elem;
	(void) dst_typmod; (void) explicit_cast; (void) out;
	mg_error(ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "array casts are not supported yet");
	return -1;
}
