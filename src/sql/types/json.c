/*
 * json.c — the json and jsonb types: PostgreSQL's JSON lexer and parser
 * (with its exact error details and "JSON data, line N: ..." context),
 * jsonb's binary form, text/binary I/O, comparison, hashing and the
 * json <-> jsonb casts.
 *
 * Design: text is parsed into a JsonNode tree in the arena.  json keeps
 * the input text; jsonb serialises the tree:
 *     tag byte: 'n' null, 'f' false, 't' true,
 *               '#' number  (u32 len, canonical numeric text),
 *               's' string  (u32 len, UTF-8 bytes),
 *               '[' array   (u32 count, elements),
 *               '{' object  (u32 count, then per pair: u32 keylen, key, value)
 * with object keys sorted by (length, bytes) and unique (last wins), which
 * is PostgreSQL's jsonb key order; so equal jsonb values (up to numeric
 * scale) have equal bytes.
 *
 * Invariants:
 *  1. A stored jsonb Varlena is always a well-formed encoding.
 *  2. Comparison follows PostgreSQL's jsonb btree order: object > array >
 *     boolean > number > string > null, an empty top-level array below
 *     everything; containers by size first, object keys as text; the index
 *     key encoding (jsonb_key) sorts exactly as jsonb_cmp.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/json.h>
#include <memgres/numeric.h>

#include "json_int.h"

/* ---------------------------------------------------------------- lexer */

typedef enum {
	TK_END, TK_OBJ_START, TK_OBJ_END, TK_ARR_START, TK_ARR_END, TK_COMMA, TK_COLON,
	TK_STRING, TK_NUMBER, TK_TRUE, TK_FALSE, TK_NULL, TK_INVALID
} JTok;

typedef struct Lexer {
	EvalCtx    *ctx;
	const char *input;
	size_t		len;
	const char *tok_start;
	const char *tok_end;		/* PostgreSQL's token_terminator */
	const char *line_start;
	int			line;
	JTok		tok;
	bool		for_jsonb;
	char	   *strval;			/* unescaped string of the current TK_STRING */
	size_t		strlen_;
	bool		failed;
} Lexer;

#define IS_ALNUM_CHAR(c) (isalnum((unsigned char) (c)) || (c) == '_' || (c) == '$' || ((unsigned char) (c)) >= 0x80)

/* Reports 22P02 with PostgreSQL's DETAIL and CONTEXT. */
static void
lex_error(Lexer *lx, const char *sqlstate, const char *msg, const char *detail)
{
	const char *cstart = lx->line_start;
	const char *cend = lx->tok_end ? lx->tok_end : lx->input + lx->len;
	const char *end = lx->input + lx->len;
	const char *prefix;
	const char *suffix;

	if (lx->failed)
		return;
	lx->failed = true;
	if (cend < cstart)
		cend = cstart;
	while (cend - cstart >= 50)
		cstart++;
	if (cstart - lx->line_start <= 3)
		cstart = lx->line_start;
	prefix = cstart > lx->line_start ? "..." : "";
	suffix = (lx->tok != TK_END && cend < end && *cend != '\n' && *cend != '\r') ? "..." : "";
	mg_error(lx->ctx->err, sqlstate, "%s", msg);
	mg_error_detail(lx->ctx->err, "%s", detail);
	mg_error_context(lx->ctx->err, "JSON data, line %d: %s%.*s%s", lx->line, prefix,
					 (int) (cend - cstart), cstart, suffix);
}

static void
syntax_error(Lexer *lx, const char *detail)
{
	lex_error(lx, SQLSTATE_INVALID_TEXT_REPRESENTATION, "invalid input syntax for type json", detail);
}

static void
token_error(Lexer *lx)
{
	char	   *d = arena_sprintf(lx->ctx->arena, "Token \"%.*s\" is invalid.",
								  (int) (lx->tok_end - lx->tok_start), lx->tok_start);

	lx->tok = TK_INVALID;
	syntax_error(lx, d);
}

static void
append_utf8(StrBuf *sb, unsigned int cp)
{
	if (cp < 0x80)
		strbuf_putc(sb, (char) cp);
	else if (cp < 0x800)
	{
		strbuf_putc(sb, (char) (0xC0 | (cp >> 6)));
		strbuf_putc(sb, (char) (0x80 | (cp & 0x3F)));
	}
	else if (cp < 0x10000)
	{
		strbuf_putc(sb, (char) (0xE0 | (cp >> 12)));
		strbuf_putc(sb, (char) (0x80 | ((cp >> 6) & 0x3F)));
		strbuf_putc(sb, (char) (0x80 | (cp & 0x3F)));
	}
	else
	{
		strbuf_putc(sb, (char) (0xF0 | (cp >> 18)));
		strbuf_putc(sb, (char) (0x80 | ((cp >> 12) & 0x3F)));
		strbuf_putc(sb, (char) (0x80 | ((cp >> 6) & 0x3F)));
		strbuf_putc(sb, (char) (0x80 | (cp & 0x3F)));
	}
}

static int
lex_string(Lexer *lx)
{
	const char *s = lx->tok_start;
	const char *end = lx->input + lx->len;
	StrBuf		sb;
	int			hi = -1;

	strbuf_init_arena(&sb, lx->ctx->arena);
	for (;;)
	{
		s++;
		if (s >= end)
		{
			lx->tok_end = s;
			token_error(lx);
			return -1;
		}
		if (*s == '"')
			break;
		if ((unsigned char) *s < 32)
		{
			lx->tok_end = s;
			syntax_error(lx, arena_sprintf(lx->ctx->arena, "Character with value 0x%02x must be escaped.",
										   (unsigned char) *s));
			return -1;
		}
		if (*s == '\\')
		{
			s++;
			if (s >= end)
			{
				lx->tok_end = s;
				token_error(lx);
				return -1;
			}
			if (*s == 'u')
			{
				unsigned int ch = 0;

				for (int i = 1; i <= 4; i++)
				{
					s++;
					if (s >= end)
					{
						lx->tok_end = s;
						token_error(lx);
						return -1;
					}
					if (!isxdigit((unsigned char) *s))
					{
						lx->tok_end = s + 1;
						syntax_error(lx, "\"\\u\" must be followed by four hexadecimal digits.");
						return -1;
					}
					ch = ch * 16 + (unsigned int) (isdigit((unsigned char) *s) ? *s - '0' :
												   tolower((unsigned char) *s) - 'a' + 10);
				}
				lx->tok_end = s + 1;
				if (!lx->for_jsonb)
				{
					/* json only validates; it keeps its text, escapes and all */
					if (ch != 0)
						append_utf8(&sb, ch);
					else
						strbuf_append(&sb, "\\u0000", 6);
					continue;
				}
				if (ch >= 0xD800 && ch <= 0xDBFF)
				{
					if (hi != -1)
					{
						syntax_error(lx, "Unicode high surrogate must not follow a high surrogate.");
						return -1;
					}
					hi = (int) ch;
					continue;
				}
				else if (ch >= 0xDC00 && ch <= 0xDFFF)
				{
					if (hi == -1)
					{
						syntax_error(lx, "Unicode low surrogate must follow a high surrogate.");
						return -1;
					}
					ch = 0x10000 + (((unsigned int) hi - 0xD800) << 10) + (ch - 0xDC00);
					hi = -1;
				}
				if (hi != -1)
				{
					syntax_error(lx, "Unicode low surrogate must follow a high surrogate.");
					return -1;
				}
				if (ch == 0)
				{
					if (lx->for_jsonb)
					{
						lex_error(lx, SQLSTATE_UNTRANSLATABLE_CHARACTER, "unsupported Unicode escape sequence",
								  "\\u0000 cannot be converted to text.");
						return -1;
					}
					strbuf_append(&sb, "\\u0000", 6);
				}
				else
					append_utf8(&sb, ch);
			}
			else
			{
				char		c;

				if (hi != -1)
				{
					lx->tok_end = s + 1;
					syntax_error(lx, "Unicode low surrogate must follow a high surrogate.");
					return -1;
				}
				switch (*s)
				{
					case '"':
					case '\\':
					case '/':
						c = *s;
						break;
					case 'b':
						c = '\b';
						break;
					case 'f':
						c = '\f';
						break;
					case 'n':
						c = '\n';
						break;
					case 'r':
						c = '\r';
						break;
					case 't':
						c = '\t';
						break;
					default:
						lx->tok_start = s;
						lx->tok_end = s + 1;
						syntax_error(lx, arena_sprintf(lx->ctx->arena, "Escape sequence \"\\%.*s\" is invalid.",
													   1, s));
						return -1;
				}
				strbuf_putc(&sb, c);
			}
		}
		else
		{
			if (hi != -1)
			{
				lx->tok_end = s + 1;
				syntax_error(lx, "Unicode low surrogate must follow a high surrogate.");
				return -1;
			}
			strbuf_putc(&sb, *s);
		}
	}
	if (hi != -1)
	{
		lx->tok_end = s + 1;
		syntax_error(lx, "Unicode low surrogate must follow a high surrogate.");
		return -1;
	}
	lx->tok_end = s + 1;
	lx->strval = sb.data ? sb.data : arena_strdup(lx->ctx->arena, "");
	lx->strlen_ = sb.len;
	lx->tok = TK_STRING;
	return 0;
}

static int
lex_number(Lexer *lx)
{
	const char *s = lx->tok_start;
	const char *end = lx->input + lx->len;
	bool		error = false;

	if (s < end && *s == '-')
		s++;
	if (s < end && *s == '0')
		s++;
	else if (s < end && *s >= '1' && *s <= '9')
	{
		do
			s++;
		while (s < end && isdigit((unsigned char) *s));
	}
	else
		error = true;
	if (s < end && *s == '.')
	{
		s++;
		if (s == end || !isdigit((unsigned char) *s))
			error = true;
		else
			while (s < end && isdigit((unsigned char) *s))
				s++;
	}
	if (s < end && (*s == 'e' || *s == 'E'))
	{
		s++;
		if (s < end && (*s == '+' || *s == '-'))
			s++;
		if (s == end || !isdigit((unsigned char) *s))
			error = true;
		else
			while (s < end && isdigit((unsigned char) *s))
				s++;
	}
	for (; s < end && IS_ALNUM_CHAR(*s); s++)
		error = true;
	lx->tok_end = s;
	if (error)
	{
		token_error(lx);
		return -1;
	}
	lx->tok = TK_NUMBER;
	return 0;
}

/* Advances to the next token; -1 on a lexical error (reported). */
static int
lex_next(Lexer *lx)
{
	const char *s = lx->tok_end;
	const char *end = lx->input + lx->len;

	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
	{
		if (*s == '\n')
		{
			lx->line++;
			lx->line_start = s + 1;
		}
		s++;
	}
	lx->tok_start = s;
	if (s >= end)
	{
		lx->tok = TK_END;
		lx->tok_end = s;
		return 0;
	}
	switch (*s)
	{
		case '{':
			lx->tok = TK_OBJ_START;
			break;
		case '}':
			lx->tok = TK_OBJ_END;
			break;
		case '[':
			lx->tok = TK_ARR_START;
			break;
		case ']':
			lx->tok = TK_ARR_END;
			break;
		case ',':
			lx->tok = TK_COMMA;
			break;
		case ':':
			lx->tok = TK_COLON;
			break;
		case '"':
			return lex_string(lx);
		case '-':
			return lex_number(lx);
		default:
			if (*s >= '0' && *s <= '9')
				return lex_number(lx);
			{
				const char *p = s;

				while (p < end && IS_ALNUM_CHAR(*p))
					p++;
				if (p == s)
					p++;
				lx->tok_end = p;
				if (p - s == 4 && memcmp(s, "true", 4) == 0)
					lx->tok = TK_TRUE;
				else if (p - s == 5 && memcmp(s, "false", 5) == 0)
					lx->tok = TK_FALSE;
				else if (p - s == 4 && memcmp(s, "null", 4) == 0)
					lx->tok = TK_NULL;
				else
				{
					token_error(lx);
					return -1;
				}
				return 0;
			}
	}
	lx->tok_end = s + 1;
	return 0;
}

/* ---------------------------------------------------------------- parser */

static void
expected(Lexer *lx, const char *what)
{
	if (lx->tok == TK_END)
		syntax_error(lx, "The input string ended unexpectedly.");
	else
		syntax_error(lx, arena_sprintf(lx->ctx->arena, "Expected %s, but found \"%.*s\".", what,
									   (int) (lx->tok_end - lx->tok_start), lx->tok_start));
}

static JsonNode *parse_value(Lexer *lx, const char *ctx_expected, int depth);

static JsonNode *
new_node(Lexer *lx, JsonType t)
{
	JsonNode   *n = arena_new(lx->ctx->arena, JsonNode);

	n->type = t;
	n->src = lx->tok_start;
	return n;
}

static JsonNode *
parse_array(Lexer *lx, int depth)
{
	JsonNode   *n = new_node(lx, JSON_ARRAY);
	int			cap = 0;

	if (lex_next(lx))
		return NULL;
	if (lx->tok == TK_ARR_END)
		goto done;
	for (;;)
	{
		JsonNode   *item = parse_value(lx, n->n == 0 ? "array element or \"]\"" : "JSON value", depth + 1);

		if (item == NULL)
			return NULL;
		if (n->n == cap)
		{
			int			ncap = cap ? cap * 2 : 4;

			n->items = arena_realloc(lx->ctx->arena, n->items, sizeof(JsonNode *) * (size_t) cap,
									 sizeof(JsonNode *) * (size_t) ncap);
			cap = ncap;
		}
		n->items[n->n++] = item;
		if (lex_next(lx))
			return NULL;
		if (lx->tok == TK_ARR_END)
			break;
		if (lx->tok != TK_COMMA)
		{
			expected(lx, "\",\" or \"]\"");
			return NULL;
		}
		if (lex_next(lx))
			return NULL;
	}
done:
	n->srclen = (size_t) (lx->tok_end - n->src);
	return n;
}

static JsonNode *
parse_object(Lexer *lx, int depth)
{
	JsonNode   *n = new_node(lx, JSON_OBJECT);
	int			cap = 0;

	if (lex_next(lx))
		return NULL;
	if (lx->tok == TK_OBJ_END)
		goto done;
	for (;;)
	{
		const char *key;
		size_t		keylen;
		JsonNode   *val;

		if (lx->tok != TK_STRING)
		{
			expected(lx, n->n == 0 ? "string or \"}\"" : "string");
			return NULL;
		}
		key = lx->strval;
		keylen = lx->strlen_;
		if (lex_next(lx))
			return NULL;
		if (lx->tok != TK_COLON)
		{
			expected(lx, "\":\"");
			return NULL;
		}
		if (lex_next(lx))
			return NULL;
		val = parse_value(lx, "JSON value", depth + 1);
		if (val == NULL)
			return NULL;
		if (n->n == cap)
		{
			int			ncap = cap ? cap * 2 : 4;

			n->items = arena_realloc(lx->ctx->arena, n->items, sizeof(JsonNode *) * (size_t) cap,
									 sizeof(JsonNode *) * (size_t) ncap);
			n->keys = arena_realloc(lx->ctx->arena, n->keys, sizeof(char *) * (size_t) cap,
									sizeof(char *) * (size_t) ncap);
			n->keylens = arena_realloc(lx->ctx->arena, n->keylens, sizeof(size_t) * (size_t) cap,
									   sizeof(size_t) * (size_t) ncap);
			cap = ncap;
		}
		n->keys[n->n] = key;
		n->keylens[n->n] = keylen;
		n->items[n->n++] = val;
		if (lex_next(lx))
			return NULL;
		if (lx->tok == TK_OBJ_END)
			break;
		if (lx->tok != TK_COMMA)
		{
			expected(lx, "\",\" or \"}\"");
			return NULL;
		}
		if (lex_next(lx))
			return NULL;
	}
done:
	n->srclen = (size_t) (lx->tok_end - n->src);
	return n;
}

/* The current token starts a value. */
static JsonNode *
parse_value(Lexer *lx, const char *what, int depth)
{
	JsonNode   *n;

	if (depth > 2000)
	{
		mg_error(lx->ctx->err, SQLSTATE_STATEMENT_TOO_COMPLEX, "stack depth limit exceeded");
		lx->failed = true;
		return NULL;
	}
	switch (lx->tok)
	{
		case TK_OBJ_START:
			return parse_object(lx, depth);
		case TK_ARR_START:
			return parse_array(lx, depth);
		case TK_STRING:
			n = new_node(lx, JSON_STRING);
			n->str = lx->strval;
			n->len = lx->strlen_;
			break;
		case TK_NUMBER:
			n = new_node(lx, JSON_NUMBER);
			n->str = lx->tok_start;
			n->len = (size_t) (lx->tok_end - lx->tok_start);
			if (lx->for_jsonb)
			{
				Datum		num;
				StrBuf		sb;

				if (numeric_from_str(lx->ctx, n->str, n->len, -1, &num) != 0)
				{
					lx->failed = true;
					return NULL;
				}
				strbuf_init_arena(&sb, lx->ctx->arena);
				numeric_to_str(num, &sb);
				n->str = sb.data;
				n->len = sb.len;
			}
			break;
		case TK_TRUE:
			n = new_node(lx, JSON_TRUE);
			break;
		case TK_FALSE:
			n = new_node(lx, JSON_FALSE);
			break;
		case TK_NULL:
			n = new_node(lx, JSON_NULL);
			break;
		default:
			expected(lx, what);
			return NULL;
	}
	n->srclen = (size_t) (lx->tok_end - n->src);
	return n;
}

int
json_parse(EvalCtx *ctx, const char *s, size_t len, bool for_jsonb, JsonNode **out)
{
	Lexer		lx;
	JsonNode   *n;

	memset(&lx, 0, sizeof(lx));
	lx.ctx = ctx;
	lx.input = s;
	lx.len = len;
	lx.tok_end = s;
	lx.line_start = s;
	lx.line = 1;
	lx.for_jsonb = for_jsonb;
	if (lex_next(&lx))
		return -1;
	n = parse_value(&lx, "JSON value", 0);
	if (n == NULL)
		return -1;
	if (lex_next(&lx))
		return -1;
	if (lx.tok != TK_END)
	{
		expected(&lx, "end of input");
		return -1;
	}
	*out = n;
	return 0;
}

/* ---------------------------------------------------------------- output */

void
json_escape(StrBuf *out, const char *s, size_t len)
{
	strbuf_putc(out, '"');
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		switch (c)
		{
			case '\b':
				strbuf_puts(out, "\\b");
				break;
			case '\f':
				strbuf_puts(out, "\\f");
				break;
			case '\n':
				strbuf_puts(out, "\\n");
				break;
			case '\r':
				strbuf_puts(out, "\\r");
				break;
			case '\t':
				strbuf_puts(out, "\\t");
				break;
			case '"':
				strbuf_puts(out, "\\\"");
				break;
			case '\\':
				strbuf_puts(out, "\\\\");
				break;
			default:
				if (c < ' ')
					strbuf_printf(out, "\\u%04x", c);
				else
					strbuf_putc(out, (char) c);
				break;
		}
	}
	strbuf_putc(out, '"');
}

void
json_node_out(const JsonNode *n, bool jsonb_style, StrBuf *out)
{
	switch (n->type)
	{
		case JSON_NULL:
			strbuf_puts(out, "null");
			break;
		case JSON_FALSE:
			strbuf_puts(out, "false");
			break;
		case JSON_TRUE:
			strbuf_puts(out, "true");
			break;
		case JSON_NUMBER:
			strbuf_append(out, n->str, n->len);
			break;
		case JSON_STRING:
			json_escape(out, n->str, n->len);
			break;
		case JSON_ARRAY:
			strbuf_putc(out, '[');
			for (int i = 0; i < n->n; i++)
			{
				if (i > 0)
					strbuf_puts(out, jsonb_style ? ", " : ",");
				json_node_out(n->items[i], jsonb_style, out);
			}
			strbuf_putc(out, ']');
			break;
		case JSON_OBJECT:
			strbuf_putc(out, '{');
			for (int i = 0; i < n->n; i++)
			{
				if (i > 0)
					strbuf_puts(out, jsonb_style ? ", " : ",");
				json_escape(out, n->keys[i], n->keylens[i]);
				strbuf_puts(out, jsonb_style ? ": " : ":");
				json_node_out(n->items[i], jsonb_style, out);
			}
			strbuf_putc(out, '}');
			break;
	}
}

/* ---------------------------------------------------------------- jsonb encoding */

static int
key_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int			c;

	if (alen != blen)
		return alen < blen ? -1 : 1;
	c = memcmp(a, b, alen);
	return c;
}

static void
put_u32(StrBuf *sb, uint32_t v)
{
	unsigned char b[4] = {(unsigned char) (v >> 24), (unsigned char) (v >> 16),
	(unsigned char) (v >> 8), (unsigned char) v};

	strbuf_append(sb, b, 4);
}

static uint32_t
get_u32(const unsigned char **p)
{
	const unsigned char *b = *p;

	*p += 4;
	return ((uint32_t) b[0] << 24) | ((uint32_t) b[1] << 16) | ((uint32_t) b[2] << 8) | b[3];
}

/* Sorts an object's pairs (stable, so the last duplicate stays last) and drops duplicates. */
static void
object_normalise(JsonNode *n)
{
	int			i,
				j;

	for (i = 1; i < n->n; i++)
	{
		const char *k = n->keys[i];
		size_t		kl = n->keylens[i];
		JsonNode   *v = n->items[i];

		for (j = i - 1; j >= 0 && key_cmp(n->keys[j], n->keylens[j], k, kl) > 0; j--)
		{
			n->keys[j + 1] = n->keys[j];
			n->keylens[j + 1] = n->keylens[j];
			n->items[j + 1] = n->items[j];
		}
		n->keys[j + 1] = k;
		n->keylens[j + 1] = kl;
		n->items[j + 1] = v;
	}
	for (i = 0, j = 0; i < n->n; i++)
	{
		if (i + 1 < n->n && key_cmp(n->keys[i], n->keylens[i], n->keys[i + 1], n->keylens[i + 1]) == 0)
			continue;			/* a later duplicate wins */
		n->keys[j] = n->keys[i];
		n->keylens[j] = n->keylens[i];
		n->items[j] = n->items[i];
		j++;
	}
	n->n = j;
}

static void
encode_node(JsonNode *n, StrBuf *sb)
{
	switch (n->type)
	{
		case JSON_NULL:
			strbuf_putc(sb, 'n');
			break;
		case JSON_FALSE:
			strbuf_putc(sb, 'f');
			break;
		case JSON_TRUE:
			strbuf_putc(sb, 't');
			break;
		case JSON_NUMBER:
			strbuf_putc(sb, '#');
			put_u32(sb, (uint32_t) n->len);
			strbuf_append(sb, n->str, n->len);
			break;
		case JSON_STRING:
			strbuf_putc(sb, 's');
			put_u32(sb, (uint32_t) n->len);
			strbuf_append(sb, n->str, n->len);
			break;
		case JSON_ARRAY:
			strbuf_putc(sb, '[');
			put_u32(sb, (uint32_t) n->n);
			for (int i = 0; i < n->n; i++)
				encode_node(n->items[i], sb);
			break;
		case JSON_OBJECT:
			object_normalise(n);
			strbuf_putc(sb, '{');
			put_u32(sb, (uint32_t) n->n);
			for (int i = 0; i < n->n; i++)
			{
				put_u32(sb, (uint32_t) n->keylens[i]);
				strbuf_append(sb, n->keys[i], n->keylens[i]);
				encode_node(n->items[i], sb);
			}
			break;
	}
}

Datum
jsonb_from_node(Arena *a, JsonNode *node)
{
	StrBuf		sb;
	Varlena    *v;

	strbuf_init_arena(&sb, a);
	encode_node(node, &sb);
	v = varlena_new(a, sb.len);
	memcpy(v->data, sb.data, sb.len);
	return PointerGetDatum(v);
}

static JsonNode *
decode_node(Arena *a, const unsigned char **p)
{
	JsonNode   *n = arena_new(a, JsonNode);
	char		tag = (char) *(*p)++;

	switch (tag)
	{
		case 'n':
			n->type = JSON_NULL;
			break;
		case 'f':
			n->type = JSON_FALSE;
			break;
		case 't':
			n->type = JSON_TRUE;
			break;
		case '#':
		case 's':
			n->type = tag == '#' ? JSON_NUMBER : JSON_STRING;
			n->len = get_u32(p);
			n->str = (const char *) *p;
			*p += n->len;
			break;
		case '[':
			n->type = JSON_ARRAY;
			n->n = (int) get_u32(p);
			n->items = arena_alloc(a, sizeof(JsonNode *) * (size_t) (n->n + 1));
			for (int i = 0; i < n->n; i++)
				n->items[i] = decode_node(a, p);
			break;
		default:
			n->type = JSON_OBJECT;
			n->n = (int) get_u32(p);
			n->items = arena_alloc(a, sizeof(JsonNode *) * (size_t) (n->n + 1));
			n->keys = arena_alloc(a, sizeof(char *) * (size_t) (n->n + 1));
			n->keylens = arena_alloc(a, sizeof(size_t) * (size_t) (n->n + 1));
			for (int i = 0; i < n->n; i++)
			{
				n->keylens[i] = get_u32(p);
				n->keys[i] = (const char *) *p;
				*p += n->keylens[i];
				n->items[i] = decode_node(a, p);
			}
			break;
	}
	return n;
}

JsonNode *
jsonb_to_node(Arena *a, Datum jsonb)
{
	const unsigned char *p = (const unsigned char *) DatumGetVarlena(jsonb)->data;

	return decode_node(a, &p);
}

/* ---------------------------------------------------------------- types */

static int
json_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	JsonNode   *n;

	(void) typmod;
	if (json_parse(ctx, str, len, false, &n))
		return -1;
	*out = text_datum(ctx->arena, str, len);
	return 0;
}

static int
json_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	const Varlena *v = DatumGetVarlena(value);

	(void) ctx;
	(void) typmod;
	strbuf_append(out, v->data, v->len);
	return 0;
}

static int
json_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	return json_in(ctx, buf, len, typmod, out);
}

static int
jsonb_in(EvalCtx *ctx, const char *str, size_t len, int32_t typmod, Datum *out)
{
	JsonNode   *n;

	(void) typmod;
	if (json_parse(ctx, str, len, true, &n))
		return -1;
	*out = jsonb_from_node(ctx->arena, n);
	return 0;
}

static int
jsonb_out(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	(void) typmod;
	json_node_out(jsonb_to_node(ctx->arena, value), true, out);
	return 0;
}

static int
jsonb_recv(EvalCtx *ctx, const char *buf, size_t len, int32_t typmod, Datum *out)
{
	if (len < 1 || buf[0] != 1)
	{
		mg_error(ctx->err, SQLSTATE_INVALID_BINARY_REPRESENTATION, "unsupported jsonb version number %d",
				 len < 1 ? 0 : buf[0]);
		return -1;
	}
	return jsonb_in(ctx, buf + 1, len - 1, typmod, out);
}

static int
jsonb_send(EvalCtx *ctx, Datum value, int32_t typmod, StrBuf *out)
{
	strbuf_putc(out, 1);
	return jsonb_out(ctx, value, typmod, out);
}

/* Order of types in PostgreSQL's jsonb btree opclass. */
static int
type_rank(JsonType t)
{
	switch (t)
	{
		case JSON_NULL:
			return 0;
		case JSON_STRING:
			return 1;
		case JSON_NUMBER:
			return 2;
		case JSON_FALSE:
		case JSON_TRUE:
			return 3;
		case JSON_ARRAY:
			return 4;
		default:
			return 5;
	}
}

/* Compares encodings in place (no allocation). */
static int
cmp_encoded(const unsigned char **pa, const unsigned char **pb)
{
	char		ta = (char) **pa;
	char		tb = (char) **pb;
	JsonType	ja = ta == 'n' ? JSON_NULL : ta == 'f' ? JSON_FALSE : ta == 't' ? JSON_TRUE :
		ta == '#' ? JSON_NUMBER : ta == 's' ? JSON_STRING : ta == '[' ? JSON_ARRAY : JSON_OBJECT;
	JsonType	jb = tb == 'n' ? JSON_NULL : tb == 'f' ? JSON_FALSE : tb == 't' ? JSON_TRUE :
		tb == '#' ? JSON_NUMBER : tb == 's' ? JSON_STRING : tb == '[' ? JSON_ARRAY : JSON_OBJECT;
	int			c;

	if (type_rank(ja) != type_rank(jb))
		return type_rank(ja) < type_rank(jb) ? -1 : 1;
	(*pa)++;
	(*pb)++;
	switch (ja)
	{
		case JSON_NULL:
			return 0;
		case JSON_FALSE:
		case JSON_TRUE:
			return (ja == JSON_TRUE) - (jb == JSON_TRUE);
		case JSON_STRING:
			{
				uint32_t	la = get_u32(pa),
							lb = get_u32(pb);

				c = memcmp(*pa, *pb, la < lb ? la : lb);
				if (c == 0)
					c = (la > lb) - (la < lb);
				*pa += la;
				*pb += lb;
				return c < 0 ? -1 : c > 0;
			}
		case JSON_NUMBER:
			{
				uint32_t	la = get_u32(pa),
							lb = get_u32(pb);
				EvalCtx		ctx;
				Arena		arena;
				MgError		err = MG_ERROR_INIT;
				Datum		na,
							nb;

				arena_init(&arena, 256);
				memset(&ctx, 0, sizeof(ctx));
				ctx.arena = &arena;
				ctx.err = &err;
				if (numeric_from_str(&ctx, (const char *) *pa, la, -1, &na) == 0 &&
					numeric_from_str(&ctx, (const char *) *pb, lb, -1, &nb) == 0)
					c = numeric_cmp(na, nb);
				else
					c = 0;
				mg_error_reset(&err);
				arena_destroy(&arena);
				*pa += la;
				*pb += lb;
				return c;
			}
		case JSON_ARRAY:
			{
				uint32_t	na = get_u32(pa),
							nb = get_u32(pb);
				int			r = 0;

				if (na != nb)
					r = na < nb ? -1 : 1;
				/* walk both fully so the cursors end after the values */
				for (uint32_t i = 0; i < na || i < nb; i++)
				{
					if (i < na && i < nb)
					{
						c = cmp_encoded(pa, pb);
						if (r == 0)
							r = c;
					}
					else if (i < na)
						jsonb_skip(pa);
					else
						jsonb_skip(pb);
				}
				return r;
			}
		default:
			{
				uint32_t	na = get_u32(pa),
							nb = get_u32(pb);
				int			r = 0;

				if (na != nb)
					r = na < nb ? -1 : 1;
				for (uint32_t i = 0; i < na || i < nb; i++)
				{
					if (i < na && i < nb)
					{
						uint32_t	ka = get_u32(pa),
									kb = get_u32(pb);

						/* keys sit in length-first order but compare as text */
						c = memcmp(*pa, *pb, ka < kb ? ka : kb);
						if (c == 0)
							c = (ka > kb) - (ka < kb);
						c = (c > 0) - (c < 0);
						*pa += ka;
						*pb += kb;
						if (r == 0)
							r = c;
						c = cmp_encoded(pa, pb);
						if (r == 0)
							r = c;
					}
					else if (i < na)
					{
						*pa += get_u32(pa);
						jsonb_skip(pa);
					}
					else
					{
						*pb += get_u32(pb);
						jsonb_skip(pb);
					}
				}
				return r;
			}
	}
}

void
jsonb_skip(const unsigned char **p)
{
	char		tag = (char) *(*p)++;

	switch (tag)
	{
		case '#':
		case 's':
			*p += get_u32(p);
			break;
		case '[':
			for (uint32_t i = 0, n = get_u32(p); i < n; i++)
				jsonb_skip(p);
			break;
		case '{':
			for (uint32_t i = 0, n = get_u32(p); i < n; i++)
			{
				*p += get_u32(p);
				jsonb_skip(p);
			}
			break;
		default:
			break;
	}
}

static bool
is_empty_array(const unsigned char *p)
{
	return p[0] == '[' && p[1] == 0 && p[2] == 0 && p[3] == 0 && p[4] == 0;
}

int
jsonb_cmp(Datum a, Datum b)
{
	const unsigned char *pa = (const unsigned char *) DatumGetVarlena(a)->data;
	const unsigned char *pb = (const unsigned char *) DatumGetVarlena(b)->data;
	bool		ea = is_empty_array(pa);
	bool		eb = is_empty_array(pb);

	/* PostgreSQL: an empty top-level array sorts below everything, even null */
	if (ea || eb)
		return ea && eb ? 0 : ea ? -1 : 1;
	return cmp_encoded(&pa, &pb);
}

static uint64_t
hash_bytes(const void *p, size_t n, uint64_t h)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
	{
		h ^= b[i];
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

static uint64_t
hash_encoded(const unsigned char **p, uint64_t h)
{
	char		tag = (char) *(*p)++;

	h = hash_bytes(&tag, 1, h);
	switch (tag)
	{
		case 's':
			{
				uint32_t	n = get_u32(p);

				h = hash_bytes(*p, n, h);
				*p += n;
			}
			break;
		case '#':
			{
				uint32_t	n = get_u32(p);
				EvalCtx		ctx;
				Arena		arena;
				MgError		err = MG_ERROR_INIT;
				Datum		num;

				arena_init(&arena, 256);
				memset(&ctx, 0, sizeof(ctx));
				ctx.arena = &arena;
				ctx.err = &err;
				if (numeric_from_str(&ctx, (const char *) *p, n, -1, &num) == 0)
				{
					uint64_t	nh = numeric_hash(num);

					h = hash_bytes(&nh, sizeof(nh), h);
				}
				mg_error_reset(&err);
				arena_destroy(&arena);
				*p += n;
			}
			break;
		case '[':
			for (uint32_t i = 0, n = get_u32(p); i < n; i++)
				h = hash_encoded(p, h);
			break;
		case '{':
			for (uint32_t i = 0, n = get_u32(p); i < n; i++)
			{
				uint32_t	kl = get_u32(p);

				h = hash_bytes(*p, kl, h);
				*p += kl;
				h = hash_encoded(p, h);
			}
			break;
		default:
			break;
	}
	return h;
}

static uint64_t
jsonb_hash(Datum a)
{
	const unsigned char *p = (const unsigned char *) DatumGetVarlena(a)->data;

	return hash_encoded(&p, UINT64_C(0xcbf29ce484222325));
}

/*
 * Index keys in the order of jsonb_cmp: a type-rank byte, then strings
 * with 0x00 escaped as 00 FF and ended by 00 00, numbers as numeric keys
 * (self-delimiting), containers as a big-endian count followed by their
 * members (object keys as length + bytes, matching the key order).
 */
static void
key_encoded(const unsigned char **p, StrBuf *out)
{
	char		tag = (char) *(*p)++;

	switch (tag)
	{
		case 'n':
			strbuf_putc(out, 0);
			break;
		case 's':
			{
				uint32_t	n = get_u32(p);

				strbuf_putc(out, 1);
				for (uint32_t i = 0; i < n; i++)
				{
					strbuf_putc(out, (char) (*p)[i]);
					if ((*p)[i] == 0)
						strbuf_putc(out, (char) 0xFF);
				}
				strbuf_putc(out, 0);
				strbuf_putc(out, 0);
				*p += n;
			}
			break;
		case '#':
			{
				uint32_t	n = get_u32(p);
				EvalCtx		ctx;
				Arena		arena;
				MgError		err = MG_ERROR_INIT;
				Datum		num;
				const MgType *nt = type_by_oid(NUMERICOID);

				strbuf_putc(out, 2);
				arena_init(&arena, 256);
				memset(&ctx, 0, sizeof(ctx));
				ctx.arena = &arena;
				ctx.err = &err;
				if (nt != NULL && nt->key_encode != NULL &&
					numeric_from_str(&ctx, (const char *) *p, n, -1, &num) == 0)
					nt->key_encode(num, out);
				mg_error_reset(&err);
				arena_destroy(&arena);
				*p += n;
			}
			break;
		case 'f':
		case 't':
			strbuf_putc(out, 3);
			strbuf_putc(out, tag == 't' ? 1 : 0);
			break;
		case '[':
			{
				uint32_t	n = get_u32(p);

				strbuf_putc(out, 4);
				put_u32(out, n);
				for (uint32_t i = 0; i < n; i++)
					key_encoded(p, out);
			}
			break;
		default:
			{
				uint32_t	n = get_u32(p);

				strbuf_putc(out, 5);
				put_u32(out, n);
				for (uint32_t i = 0; i < n; i++)
				{
					uint32_t	kl = get_u32(p);

					for (uint32_t c = 0; c < kl; c++)
					{
						strbuf_putc(out, (char) (*p)[c]);
						if ((*p)[c] == 0)
							strbuf_putc(out, (char) 0xFF);
					}
					strbuf_putc(out, 0);
					strbuf_putc(out, 0);
					*p += kl;
					key_encoded(p, out);
				}
			}
			break;
	}
}

static void
jsonb_key(Datum value, StrBuf *out)
{
	const unsigned char *p = (const unsigned char *) DatumGetVarlena(value)->data;

	strbuf_putc(out, is_empty_array(p) ? 0 : 1);
	key_encoded(&p, out);
}

/* ---------------------------------------------------------------- casts */

static int
cast_json_jsonb(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	const Varlena *t = DatumGetVarlena(v);

	(void) explicit_cast;
	return jsonb_in(ctx, t->data, t->len, typmod, out);
}

static int
cast_jsonb_json(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	StrBuf		sb;

	(void) typmod;
	(void) explicit_cast;
	strbuf_init_arena(&sb, ctx->arena);
	jsonb_out(ctx, v, -1, &sb);
	*out = text_datum(ctx->arena, sb.data, sb.len);
	return 0;
}

/*
 * jsonb -> bool/number casts (explicit): the value must be a scalar of the
 * right kind, as PostgreSQL's jsonb_bool/jsonb_numeric ...
 */
static int
jsonb_scalar(EvalCtx *ctx, Datum v, JsonType want, const char *tname, JsonNode **out)
{
	JsonNode   *n = jsonb_to_node(ctx->arena, v);
	bool		okk = want == JSON_TRUE ? (n->type == JSON_TRUE || n->type == JSON_FALSE) : n->type == want;

	if (!okk)
	{
		static const char *const names[] = {"null", "boolean", "boolean", "numeric", "string", "array", "object"};

		mg_error(ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot cast jsonb %s to type %s",
				 names[n->type], tname);
		return -1;
	}
	*out = n;
	return 0;
}

static int
cast_jsonb_bool(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out)
{
	JsonNode   *n;

	(void) typmod;
	(void) explicit_cast;
	if (jsonb_scalar(ctx, v, JSON_TRUE, "boolean", &n))
		return -1;
	*out = BoolGetDatum(n->type == JSON_TRUE);
	return 0;
}

static int
jsonb_to_number(EvalCtx *ctx, Datum v, Oid target, const char *tname, int32_t typmod, Datum *out)
{
	JsonNode   *n;
	Datum		num;

	if (jsonb_scalar(ctx, v, JSON_NUMBER, tname, &n) ||
		numeric_from_str(ctx, n->str, n->len, -1, &num))
		return -1;
	if (target == NUMERICOID)
		return typmod >= 0 ? numeric_apply_typmod(ctx, num, typmod, out) : (*out = num, 0);
	return cast_apply(ctx, NUMERICOID, -1, target, typmod, true, num, out);
}

#define JSONB_NUM_CAST(fname, oid, tname) \
static int fname(EvalCtx *ctx, Datum v, int32_t typmod, bool explicit_cast, Datum *out) \
{ (void) explicit_cast; return jsonb_to_number(ctx, v, oid, tname, typmod, out); }
JSONB_NUM_CAST(cast_jsonb_numeric, NUMERICOID, "numeric")
JSONB_NUM_CAST(cast_jsonb_int2, INT2OID, "smallint")
JSONB_NUM_CAST(cast_jsonb_int4, INT4OID, "integer")
JSONB_NUM_CAST(cast_jsonb_int8, INT8OID, "bigint")
JSONB_NUM_CAST(cast_jsonb_float4, FLOAT4OID, "real")
JSONB_NUM_CAST(cast_jsonb_float8, FLOAT8OID, "double precision")

static const CastDef json_casts[] = {
	{JSONOID, JSONBOID, CAST_ASSIGNMENT, cast_json_jsonb},
	{JSONBOID, JSONOID, CAST_ASSIGNMENT, cast_jsonb_json},
	{JSONBOID, BOOLOID, CAST_EXPLICIT, cast_jsonb_bool},
	{JSONBOID, NUMERICOID, CAST_EXPLICIT, cast_jsonb_numeric},
	{JSONBOID, INT2OID, CAST_EXPLICIT, cast_jsonb_int2},
	{JSONBOID, INT4OID, CAST_EXPLICIT, cast_jsonb_int4},
	{JSONBOID, INT8OID, CAST_EXPLICIT, cast_jsonb_int8},
	{JSONBOID, FLOAT4OID, CAST_EXPLICIT, cast_jsonb_float4},
	{JSONBOID, FLOAT8OID, CAST_EXPLICIT, cast_jsonb_float8},
};

const MgType json_type = {
	.oid = JSONOID, .name = "json", .sql_name = "json", .typlen = -1, .byval = false,
	.category = 'U', .preferred = false, .align = 'i', .elem = InvalidOid, .array = JSONARRAYOID,
	.input = json_in, .output = json_out, .recv = json_recv, .send = json_out,
};

const MgType jsonb_type = {
	.oid = JSONBOID, .name = "jsonb", .sql_name = "jsonb", .typlen = -1, .byval = false,
	.category = 'U', .preferred = false, .align = 'i', .elem = InvalidOid, .array = JSONBARRAYOID,
	.input = jsonb_in, .output = jsonb_out, .recv = jsonb_recv, .send = jsonb_send,
	.cmp = jsonb_cmp, .hash = jsonb_hash, .key_encode = jsonb_key,
};

void
json_register_types(void)
{
	type_register(&json_type);
	type_register(&jsonb_type);
	cast_register(json_casts, (int) (sizeof(json_casts) / sizeof(json_casts[0])));
}
