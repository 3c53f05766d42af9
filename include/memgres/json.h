/*
 * json.h — json and jsonb values for the modules that need them beyond the
 * type registry (COPY, the executor's row_to_json later, operators).
 *
 * json is a Varlena holding the validated input text, unchanged.  jsonb is
 * a Varlena holding a parsed, normalised binary tree (object keys sorted
 * by length then bytes, duplicate keys removed keeping the last, numbers
 * kept as numeric text in PostgreSQL's canonical spelling), printed as
 * PostgreSQL prints jsonb: {"a": 1, "b": [1, 2]}.
 *
 * Implemented in src/sql/types/json*.c.  Thread-safe (no shared state);
 * results go into the caller's arena; failures set ctx->err (22P02
 * "invalid input syntax for type json" with PostgreSQL's DETAIL and
 * CONTEXT lines) and return -1.
 */
#ifndef MEMGRES_JSON_H
#define MEMGRES_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include <memgres/arena.h>
#include <memgres/datum.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

typedef enum JsonType {
	JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT
} JsonType;

/* A parsed JSON value (arena memory). */
typedef struct JsonNode {
	JsonType	type;
	const char *str;			/* NUMBER: canonical or source text; STRING: unescaped UTF-8 */
	size_t		len;
	int			n;				/* ARRAY / OBJECT: element count */
	struct JsonNode **items;	/* ARRAY elements, OBJECT values */
	const char **keys;			/* OBJECT keys (unescaped) */
	size_t	   *keylens;
	const char *src;			/* json only: the value's source text */
	size_t		srclen;
} JsonNode;

/* Parses JSON text; for_jsonb rejects \u0000 and canonicalises numbers. */
int			json_parse(EvalCtx *ctx, const char *s, size_t len, bool for_jsonb, JsonNode **out);
/* A jsonb Datum from a tree (sorts keys, drops duplicates), and back. */
Datum		jsonb_from_node(Arena *a, JsonNode *node);
JsonNode   *jsonb_to_node(Arena *a, Datum jsonb);
/* Appends a tree as jsonb prints it ({"a": 1}) or compactly as json. */
void		json_node_out(const JsonNode *node, bool jsonb_style, StrBuf *out);
/* Appends s as a JSON string literal with PostgreSQL's escapes. */
void		json_escape(StrBuf *out, const char *s, size_t len);

#endif
