/*
 * pattern.c — pattern matching: LIKE/ILIKE (~~ !~~ ~~* !~~*), like_escape,
 * SIMILAR TO (similar_to_escape, turned into a regular expression as
 * PostgreSQL does), POSIX regular expressions (~ ~* !~ !~*),
 * regexp_replace, regexp_count/like/instr/substr, regexp_match(es),
 * regexp_split_to_array/table, substring(text FROM pattern) and
 * substring(text SIMILAR pattern ESCAPE e).
 *
 * Design notes:
 *  - LIKE is PostgreSQL's MatchText over UTF-8 bytes: '_' consumes one whole
 *    character (one byte for bytea), '%' any run, backslash escapes; ILIKE
 *    lower-cases both sides first (C.UTF-8 case mapping, as lower()).
 *  - Regular expressions run on PCRE2 in UTF mode with the options that give
 *    PostgreSQL's ARE defaults: '.' and bracket negations match newlines
 *    (DOTALL), '$' only at the very end (DOLLAR_ENDONLY).  ARE escapes
 *    PCRE2 lacks are rewritten (\m \M \y \Y \Z, [[:<:]] [[:>:]]).  Flags:
 *    g i c n m p w s x q e t (others: 22023 "invalid regular expression
 *    option"); newline-sensitive modes cannot keep [^...] from matching a
 *    newline, unlike PostgreSQL's.  Compile errors are 2201B "invalid
 *    regular expression: ..." in PostgreSQL's wording for the common cases
 *    (unbalanced parentheses/brackets, bad quantifiers and escapes), else
 *    PCRE2's.
 *  - A compiled pattern is cached per call site in *fc->cache (allocated in
 *    fc->cache_arena) and reused while the pattern text and flags are the
 *    same; later, different patterns at the same site compile into row
 *    memory (fc->ctx->arena) and are not kept.  Set-returning forms compile into srf_arena, as rows may reset
 *    the expression arena between calls.  PCRE2 allocates through a general
 *    context whose allocator is the owning arena, so nothing needs freeing:
 *    the arena's reset releases it.
 *
 * Invariants: pure; all results in fc->ctx->arena.
 */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "funcint.h"

#define ARGP(i) vl_data(fc->args[i])
#define ARGL(i) vl_len(fc->args[i])

/* ---------------------------------------------------------------- LIKE */

#define LIKE_TRUE 1
#define LIKE_FALSE 0
#define LIKE_ABORT (-1)

static int
like_error(EvalCtx *ctx)
{
	mg_error(ctx->err, SQLSTATE_INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
	return -2;
}

static int
next_char_len(const char *s, size_t len)
{
	int			n = utf8_seqlen((unsigned char) *s);

	return (size_t) n > len ? (int) len : n;
}

/* One LIKE "character": a byte for bytea, else a UTF-8 sequence. */
static int
like_char_len(const char *s, size_t len, bool bytes)
{
	return bytes ? 1 : next_char_len(s, len);
}

/* MatchText from PostgreSQL's like_match.c; -2 on error. */
static int
match_text(EvalCtx *ctx, const char *t, size_t tlen, const char *p, size_t plen, bool bytes)
{
	if (plen == 1 && *p == '%')
		return LIKE_TRUE;
	while (tlen > 0 && plen > 0)
	{
		if (*p == '\\')
		{
			p++;
			plen--;
			if (plen == 0)
				return like_error(ctx);
			if (*p != *t)
				return LIKE_FALSE;
		}
		else if (*p == '%')
		{
			char		firstpat;

			p++;
			plen--;
			while (plen > 0)
			{
				if (*p == '%')
				{
					p++;
					plen--;
				}
				else if (*p == '_')
				{
					int			n;

					if (tlen == 0)
						return LIKE_ABORT;
					n = like_char_len(t, tlen, bytes);
					t += n;
					tlen -= (size_t) n;
					p++;
					plen--;
				}
				else
					break;
			}
			if (plen == 0)
				return LIKE_TRUE;
			if (*p == '\\')
			{
				if (plen < 2)
					return like_error(ctx);
				firstpat = p[1];
			}
			else
				firstpat = *p;
			while (tlen > 0)
			{
				if (*t == firstpat)
				{
					int			r = match_text(ctx, t, tlen, p, plen, bytes);

					if (r != LIKE_FALSE)
						return r;
				}
				t++;
				tlen--;
			}
			return LIKE_ABORT;
		}
		else if (*p == '_')
		{
			int			n = like_char_len(t, tlen, bytes);

			t += n;
			tlen -= (size_t) n;
			p++;
			plen--;
			continue;
		}
		else if (*p != *t)
			return LIKE_FALSE;
		t++;
		tlen--;
		p++;
		plen--;
	}
	if (tlen > 0)
		return LIKE_FALSE;
	while (plen > 0 && *p == '%')
	{
		p++;
		plen--;
	}
	if (plen == 0)
		return LIKE_TRUE;
	return LIKE_ABORT;
}

static int
like_match(FnCall *fc, Datum *out, const char *t, size_t tlen, const char *p, size_t plen, bool negate, bool bytes)
{
	int			r = match_text(fc->ctx, t, tlen, p, plen, bytes);

	if (r == -2)
		return -1;
	*out = BoolGetDatum((r == LIKE_TRUE) != negate);
	return 0;
}

static int
like_common(FnCall *fc, Datum *out, const char *t, size_t tlen, const char *p, size_t plen, bool negate)
{
	return like_match(fc, out, t, tlen, p, plen, negate, false);
}

static size_t
bpchar_trimmed(Datum d)
{
	size_t		n = vl_len(d);

	while (n > 0 && vl_data(d)[n - 1] == ' ')
		n--;
	return n;
}

static int textlike(FnCall *fc, Datum *out) { return like_common(fc, out, ARGP(0), ARGL(0), ARGP(1), ARGL(1), false); }

static int
bytea_like_common(FnCall *fc, Datum *out, bool negate)
{
	return like_match(fc, out, ARGP(0), ARGL(0), ARGP(1), ARGL(1), negate, true);
}

static int bytealike(FnCall *fc, Datum *out) { return bytea_like_common(fc, out, false); }
static int byteanlike(FnCall *fc, Datum *out) { return bytea_like_common(fc, out, true); }
static int textnlike(FnCall *fc, Datum *out) { return like_common(fc, out, ARGP(0), ARGL(0), ARGP(1), ARGL(1), true); }
static int bpcharlike(FnCall *fc, Datum *out) { return like_common(fc, out, ARGP(0), bpchar_trimmed(fc->args[0]), ARGP(1), ARGL(1), false); }
static int bpcharnlike(FnCall *fc, Datum *out) { return like_common(fc, out, ARGP(0), bpchar_trimmed(fc->args[0]), ARGP(1), ARGL(1), true); }

static int
ilike_common(FnCall *fc, Datum *out, size_t tlen, bool negate)
{
	StrBuf		t,
				p;

	strbuf_init_arena(&t, fc->ctx->arena);
	strbuf_init_arena(&p, fc->ctx->arena);
	func_lower(ARGP(0), tlen, &t);
	func_lower(ARGP(1), ARGL(1), &p);
	return like_common(fc, out, t.data, t.len, p.data, p.len, negate);
}

static int texticlike(FnCall *fc, Datum *out) { return ilike_common(fc, out, ARGL(0), false); }
static int texticnlike(FnCall *fc, Datum *out) { return ilike_common(fc, out, ARGL(0), true); }
static int bpchariclike(FnCall *fc, Datum *out) { return ilike_common(fc, out, bpchar_trimmed(fc->args[0]), false); }
static int bpcharicnlike(FnCall *fc, Datum *out) { return ilike_common(fc, out, bpchar_trimmed(fc->args[0]), true); }

/* like_escape(pattern, escape): rewrites a custom escape into backslash. */
static int
like_escape(FnCall *fc, Datum *out)
{
	const char *p = ARGP(0),
			   *end = p + ARGL(0);
	const char *e = ARGP(1);
	size_t		elen = ARGL(1);
	StrBuf		sb;
	bool		afterescape = false;

	if (elen > 0 && (size_t) next_char_len(e, elen) != elen)
	{
		mg_error(fc->ctx->err, SQLSTATE_INVALID_ESCAPE_SEQUENCE, "invalid escape string");
		mg_error_hint(fc->ctx->err, "Escape string must be empty or one character.");
		return -1;
	}
	strbuf_init_arena(&sb, fc->ctx->arena);
	while (p < end)
	{
		size_t		n = (size_t) next_char_len(p, (size_t) (end - p));

		if (elen == 0)
		{
			/* no escape: double every backslash */
			if (*p == '\\')
				strbuf_putc(&sb, '\\');
			strbuf_append(&sb, p, n);
		}
		else if (afterescape)
		{
			if (n == elen && memcmp(p, e, n) == 0 && !(elen == 1 && *e == '\\'))
				strbuf_append(&sb, p, n);
			else
			{
				strbuf_putc(&sb, '\\');
				strbuf_append(&sb, p, n);
			}
			afterescape = false;
		}
		else if (n == elen && memcmp(p, e, n) == 0)
			afterescape = true;
		else if (*p == '\\')
		{
			strbuf_puts(&sb, "\\\\");
		}
		else
			strbuf_append(&sb, p, n);
		p += n;
	}
	*out = text_datum(fc->ctx->arena, sb.data, sb.len);
	return 0;
}

/* ---------------------------------------------------------------- SIMILAR TO */

/* PostgreSQL's similar_escape_internal(). */
static int
similar_escape(FnCall *fc, const char *p, size_t plen, const char *e, size_t elen, StrBuf *r)
{
	const char *end = p + plen;
	bool		afterescape = false;
	bool		incharclass = false;
	int			charclass_pos = 0;
	int			nquotes = 0;

	if (e != NULL && elen > 0 && (size_t) next_char_len(e, elen) != elen)
	{
		mg_error(fc->ctx->err, SQLSTATE_INVALID_ESCAPE_SEQUENCE, "invalid escape string");
		mg_error_hint(fc->ctx->err, "Escape string must be empty or one character.");
		return -1;
	}
	if (e != NULL && elen == 0)
		e = NULL;
	strbuf_puts(r, "^(?:");
	while (p < end)
	{
		size_t		n = (size_t) next_char_len(p, (size_t) (end - p));
		char		pchar = *p;

		if (afterescape)
		{
			if (pchar == '"' && !incharclass)
			{
				if (nquotes == 0)
					strbuf_puts(r, "){1,1}?(");
				else if (nquotes == 1)
					strbuf_puts(r, "){1,1}(?:");
				else
				{
					mg_error(fc->ctx->err, SQLSTATE_INVALID_USE_OF_ESCAPE_CHARACTER,
							 "SQL regular expression may not contain more than two escape-double-quote separators");
					return -1;
				}
				nquotes++;
			}
			else
			{
				strbuf_putc(r, '\\');
				strbuf_append(r, p, n);
			}
			afterescape = false;
		}
		else if (e != NULL && n == elen && memcmp(p, e, n) == 0)
			afterescape = true;
		else if (incharclass)
		{
			if (pchar == '\\')
				strbuf_putc(r, '\\');
			strbuf_append(r, p, n);
			if (pchar == ']' && charclass_pos > 2)
				incharclass = false;
			else if (pchar == '^')
				charclass_pos++;
			else
				charclass_pos = 3;
		}
		else if (pchar == '[')
		{
			strbuf_putc(r, '[');
			incharclass = true;
			charclass_pos = 1;
		}
		else if (pchar == '%')
			strbuf_puts(r, ".*");
		else if (pchar == '_')
			strbuf_putc(r, '.');
		else if (pchar == '(')
			strbuf_puts(r, "(?:");
		else if (pchar == '\\' || pchar == '.' || pchar == '^' || pchar == '$')
		{
			strbuf_putc(r, '\\');
			strbuf_putc(r, pchar);
		}
		else
			strbuf_append(r, p, n);
		p += n;
	}
	strbuf_puts(r, ")$");
	return 0;
}

static int
similar_to_escape2(FnCall *fc, Datum *out)
{
	StrBuf		r;

	strbuf_init_arena(&r, fc->ctx->arena);
	if (similar_escape(fc, ARGP(0), ARGL(0), ARGP(1), ARGL(1), &r) < 0)
		return -1;
	*out = text_datum(fc->ctx->arena, r.data, r.len);
	return 0;
}

static int
similar_to_escape1(FnCall *fc, Datum *out)
{
	StrBuf		r;

	strbuf_init_arena(&r, fc->ctx->arena);
	if (similar_escape(fc, ARGP(0), ARGL(0), "\\", 1, &r) < 0)
		return -1;
	*out = text_datum(fc->ctx->arena, r.data, r.len);
	return 0;
}

/* ---------------------------------------------------------------- regex compile + cache */

typedef struct Regex {
	char	   *pattern;		/* the SQL pattern text and flags it was compiled from */
	size_t		patlen;
	uint32_t	options;
	pcre2_code *code;
	pcre2_match_data *md;
	int			ncaptures;
} Regex;

/* Regex flags beyond compile options. */
typedef struct RegexFlags {
	uint32_t	options;
	bool		global;
} RegexFlags;

static void *
arena_malloc_cb(PCRE2_SIZE n, void *data)
{
	return arena_alloc((Arena *) data, n);
}

static void
arena_free_cb(void *p, void *data)
{
}

#define RE_DEFAULT_OPTIONS (PCRE2_UTF | PCRE2_DOTALL | PCRE2_DOLLAR_ENDONLY)

static int
parse_flags(FnCall *fc, const char *f, size_t flen, RegexFlags *out, bool allow_g)
{
	out->options = RE_DEFAULT_OPTIONS;
	out->global = false;
	for (size_t i = 0; i < flen; i++)
	{
		switch (f[i])
		{
			case 'g':
				if (!allow_g)
					goto bad;
				out->global = true;
				break;
			case 'i':
				out->options |= PCRE2_CASELESS;
				break;
			case 'c':
				out->options &= ~PCRE2_CASELESS;
				break;
			case 'n':
			case 'm':
				out->options &= ~(PCRE2_DOTALL | PCRE2_DOLLAR_ENDONLY);
				out->options |= PCRE2_MULTILINE;
				break;
			case 'p':
				out->options &= ~(PCRE2_DOTALL | PCRE2_MULTILINE);
				out->options |= PCRE2_DOLLAR_ENDONLY;
				break;
			case 'w':
				out->options &= ~PCRE2_DOLLAR_ENDONLY;
				out->options |= PCRE2_DOTALL | PCRE2_MULTILINE;
				break;
			case 'q':
				out->options |= PCRE2_LITERAL;
				break;
			case 'e':
			case 't':
				break;			/* ERE features and tight syntax: what PCRE2 does anyway */
			case 's':
				out->options |= PCRE2_DOTALL | PCRE2_DOLLAR_ENDONLY;
				out->options &= ~PCRE2_MULTILINE;
				break;
			case 'x':
				out->options |= PCRE2_EXTENDED;
				break;
			default:
				goto bad;
		}
	}
	return 0;
bad:
	return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid regular expression option: \"%.*s\"",
					next_char_len(f, flen - 0), f);
}

/* ARE escapes PCRE2 spells differently. */
static void
translate_are(const char *p, size_t len, StrBuf *out)
{
	for (size_t i = 0; i < len; i++)
	{
		if (p[i] == '\\' && i + 1 < len)
		{
			switch (p[i + 1])
			{
				case 'm':
					strbuf_puts(out, "\\b(?=\\w)");
					break;
				case 'M':
					strbuf_puts(out, "\\b(?<=\\w)");
					break;
				case 'y':
					strbuf_puts(out, "\\b");
					break;
				case 'Y':
					strbuf_puts(out, "\\B");
					break;
				case 'Z':
					strbuf_puts(out, "\\z");
					break;
				default:
					strbuf_append(out, p + i, 2);
					break;
			}
			i++;
		}
		else if (len - i >= 7 && memcmp(p + i, "[[:<:]]", 7) == 0)
		{
			strbuf_puts(out, "\\b(?=\\w)");
			i += 6;
		}
		else if (len - i >= 7 && memcmp(p + i, "[[:>:]]", 7) == 0)
		{
			strbuf_puts(out, "\\b(?<=\\w)");
			i += 6;
		}
		else
			strbuf_putc(out, p[i]);
	}
}

/* PostgreSQL's wording for the compile errors both engines share. */
static const char *
pg_regex_message(int errcode)
{
	switch (errcode)
	{
		case PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS:
		case PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS:
			return "parentheses () not balanced";
		case PCRE2_ERROR_MISSING_SQUARE_BRACKET:
			return "brackets [] not balanced";
		case PCRE2_ERROR_QUANTIFIER_INVALID:
			return "quantifier operand invalid";
		case PCRE2_ERROR_END_BACKSLASH:
		case PCRE2_ERROR_UNKNOWN_ESCAPE:
			return "invalid escape \\ sequence";
		case PCRE2_ERROR_QUANTIFIER_OUT_OF_ORDER:
		case PCRE2_ERROR_QUANTIFIER_TOO_BIG:
			return "invalid repetition count(s)";
		default:
			return NULL;
	}
}

static Regex *
regex_get(FnCall *fc, const char *pat, size_t patlen, uint32_t options)
{
	bool		cacheable = fc->cache != NULL && fc->cache_arena != NULL;
	Regex	   *re = cacheable ? (Regex *) *fc->cache : NULL;
	Arena	   *a;
	pcre2_general_context *gc;
	pcre2_compile_context *cc;
	StrBuf		translated;
	int			errcode;
	PCRE2_SIZE	erroff;

	if (re != NULL && re->options == options && re->patlen == patlen && memcmp(re->pattern, pat, patlen) == 0)
		return re;

	/*
	 * Only the first pattern of a call site is kept: a pattern that varies
	 * from row to row compiles into the row's memory instead, so the cache
	 * arena does not grow with every distinct pattern.
	 */
	if (re != NULL)
		cacheable = false;
	a = cacheable ? fc->cache_arena : fc->ctx->arena;
	re = arena_new(a, Regex);
	re->pattern = arena_strndup(a, pat, patlen);
	re->patlen = patlen;
	re->options = options;
	gc = pcre2_general_context_create(arena_malloc_cb, arena_free_cb, a);
	cc = pcre2_compile_context_create(gc);
	strbuf_init_arena(&translated, fc->ctx->arena);
	if (options & PCRE2_LITERAL)
		strbuf_append(&translated, pat, patlen);
	else
		translate_are(pat, patlen, &translated);
	re->code = pcre2_compile((PCRE2_SPTR) translated.data, translated.len,
							 (options & PCRE2_LITERAL) ? (options & (PCRE2_LITERAL | PCRE2_UTF | PCRE2_CASELESS)) : options,
							 &errcode, &erroff, cc);
	if (re->code == NULL)
	{
		PCRE2_UCHAR msg[256];
		const char *pgmsg = pg_regex_message(errcode);

		pcre2_get_error_message(errcode, msg, sizeof(msg));
		fc_error(fc, SQLSTATE_INVALID_REGULAR_EXPRESSION, "invalid regular expression: %s",
				 pgmsg ? pgmsg : (char *) msg);
		return NULL;
	}
	re->md = pcre2_match_data_create_from_pattern(re->code, gc);
	pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &re->ncaptures);
	if (cacheable)
		*fc->cache = re;
	return re;
}

/* Runs re on subject from byte offset start; returns match count (>0), 0 for none, -1 on error. */
static int
regex_exec(FnCall *fc, Regex *re, const char *s, size_t len, size_t start)
{
	int			rc = pcre2_match(re->code, (PCRE2_SPTR) s, len, start, 0, re->md, NULL);

	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
	{
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(rc, msg, sizeof(msg));
		fc_error(fc, SQLSTATE_INVALID_REGULAR_EXPRESSION, "regular expression failed: %s", (char *) msg);
		return -1;
	}
	return rc;
}

/* ---------------------------------------------------------------- ~ ~* !~ !~* */

static int
regex_op(FnCall *fc, Datum *out, size_t slen, bool icase, bool negate)
{
	Regex	   *re = regex_get(fc, ARGP(1), ARGL(1), RE_DEFAULT_OPTIONS | (icase ? PCRE2_CASELESS : 0));
	int			rc;

	if (re == NULL)
		return -1;
	rc = regex_exec(fc, re, ARGP(0), slen, 0);
	if (rc < 0)
		return -1;
	*out = BoolGetDatum((rc > 0) != negate);
	return 0;
}

static int textregexeq(FnCall *fc, Datum *out) { return regex_op(fc, out, ARGL(0), false, false); }
static int textregexne(FnCall *fc, Datum *out) { return regex_op(fc, out, ARGL(0), false, true); }
static int texticregexeq(FnCall *fc, Datum *out) { return regex_op(fc, out, ARGL(0), true, false); }
static int texticregexne(FnCall *fc, Datum *out) { return regex_op(fc, out, ARGL(0), true, true); }
static int bpcharregexeq(FnCall *fc, Datum *out) { return regex_op(fc, out, bpchar_trimmed(fc->args[0]), false, false); }
static int bpcharregexne(FnCall *fc, Datum *out) { return regex_op(fc, out, bpchar_trimmed(fc->args[0]), false, true); }
static int bpcharicregexeq(FnCall *fc, Datum *out) { return regex_op(fc, out, bpchar_trimmed(fc->args[0]), true, false); }
static int bpcharicregexne(FnCall *fc, Datum *out) { return regex_op(fc, out, bpchar_trimmed(fc->args[0]), true, true); }

/* ---------------------------------------------------------------- substring */

/* substring(text FROM pattern): first capture group if any, else the match. */
static int
textregexsubstr(FnCall *fc, Datum *out)
{
	Regex	   *re = regex_get(fc, ARGP(1), ARGL(1), RE_DEFAULT_OPTIONS);
	int			rc;
	PCRE2_SIZE *ov;
	int			g;

	if (re == NULL)
		return -1;
	rc = regex_exec(fc, re, ARGP(0), ARGL(0), 0);
	if (rc < 0)
		return -1;
	if (rc == 0)
	{
		fc->isnull = true;
		return 0;
	}
	ov = pcre2_get_ovector_pointer(re->md);
	g = re->ncaptures > 0 ? 1 : 0;
	if (ov[2 * g] == PCRE2_UNSET)
	{
		fc->isnull = true;
		return 0;
	}
	*out = text_datum(fc->ctx->arena, ARGP(0) + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
	return 0;
}

/* substring(text SIMILAR pattern ESCAPE e). */
static int
textsimilarsubstr(FnCall *fc, Datum *out)
{
	StrBuf		r;
	Datum		args[2];
	FnCall		sub = *fc;

	strbuf_init_arena(&r, fc->ctx->arena);
	if (similar_escape(fc, ARGP(1), ARGL(1), ARGP(2), ARGL(2), &r) < 0)
		return -1;
	args[0] = fc->args[0];
	args[1] = text_datum(fc->ctx->arena, r.data, r.len);
	sub.nargs = 2;
	sub.args = args;
	if (textregexsubstr(&sub, out) < 0)
		return -1;
	fc->isnull = sub.isnull;
	return 0;
}

/* ---------------------------------------------------------------- regexp_replace */

/* Appends the replacement with \1..\9 and \& substituted. */
static void
append_replacement(StrBuf *sb, const char *src, PCRE2_SIZE *ov, int nmatch, const char *rep, size_t replen)
{
	for (size_t i = 0; i < replen; i++)
	{
		if (rep[i] == '\\' && i + 1 < replen)
		{
			char		c = rep[i + 1];
			int			g = -1;

			if (c >= '1' && c <= '9')
				g = c - '0';
			else if (c == '&')
				g = 0;
			else if (c == '\\')
			{
				strbuf_putc(sb, '\\');
				i++;
				continue;
			}
			if (g >= 0)
			{
				if (g < nmatch && ov[2 * g] != PCRE2_UNSET)
					strbuf_append(sb, src + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
				i++;
				continue;
			}
		}
		strbuf_putc(sb, rep[i]);
	}
}

static int
replace_common(FnCall *fc, Datum *out, const RegexFlags *flags, int64_t startchar, int64_t nth)
{
	const char *s = ARGP(0);
	size_t		len = ARGL(0);
	Regex	   *re = regex_get(fc, ARGP(1), ARGL(1), flags->options);
	StrBuf		sb;
	size_t		pos,
				copied = 0;
	int64_t		count = 0;

	if (re == NULL)
		return -1;
	strbuf_init_arena(&sb, fc->ctx->arena);
	/* start is in characters, 1-based */
	pos = 0;
	for (int64_t c = 1; c < startchar && pos < len; c++)
		pos += (size_t) next_char_len(s + pos, len - pos);
	while (pos <= len)
	{
		int			rc = regex_exec(fc, re, s, len, pos);
		PCRE2_SIZE *ov;

		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
		ov = pcre2_get_ovector_pointer(re->md);
		count++;
		if (nth == 0 || count == nth)
		{
			strbuf_append(&sb, s + copied, ov[0] - copied);
			append_replacement(&sb, s, ov, rc, ARGP(2), ARGL(2));
			copied = ov[1];
			if (nth != 0 || !flags->global)
				break;
		}
		if (ov[1] == ov[0])
		{
			if (ov[1] >= len)
				break;
			pos = ov[1] + (size_t) next_char_len(s + ov[1], len - ov[1]);
		}
		else
			pos = ov[1];
	}
	strbuf_append(&sb, s + copied, len - copied);
	*out = text_datum(fc->ctx->arena, sb.data, sb.len);
	return 0;
}

static int
regexp_replace3(FnCall *fc, Datum *out)
{
	RegexFlags	f = {RE_DEFAULT_OPTIONS, false};

	return replace_common(fc, out, &f, 1, 0);
}

static int
regexp_replace4(FnCall *fc, Datum *out)
{
	RegexFlags	f;

	if (parse_flags(fc, ARGP(3), ARGL(3), &f, true) < 0)
		return -1;
	return replace_common(fc, out, &f, 1, 0);
}

static int
check_start_n(FnCall *fc, int64_t start, int64_t n, bool has_n)
{
	if (start <= 0)
		return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid value for parameter \"%s\": %lld", "start", (long long) start);
	if (has_n && n < 0)
		return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid value for parameter \"%s\": %lld", "n", (long long) n);
	return 0;
}

/* regexp_replace(source, pattern, replacement, start [, n [, flags]]) */
static int
regexp_replace_start(FnCall *fc, Datum *out)
{
	RegexFlags	f = {RE_DEFAULT_OPTIONS, false};
	int64_t		start = DatumGetInt32(fc->args[3]);
	int64_t		n = fc->nargs > 4 ? DatumGetInt32(fc->args[4]) : 0;

	if (check_start_n(fc, start, n, fc->nargs > 4) < 0)
		return -1;
	if (fc->nargs > 5 && parse_flags(fc, ARGP(5), ARGL(5), &f, true) < 0)
		return -1;
	if (fc->nargs <= 4)
		f.global = true;		/* PostgreSQL: with start and no n, all matches */
	return replace_common(fc, out, &f, start, n);
}

/* regexp_like / regexp_count (PostgreSQL 15) */
static int
regexp_like(FnCall *fc, Datum *out)
{
	RegexFlags	f = {RE_DEFAULT_OPTIONS, false};
	Regex	   *re;
	int			rc;

	if (fc->nargs > 2 && parse_flags(fc, ARGP(2), ARGL(2), &f, false) < 0)
		return -1;
	re = regex_get(fc, ARGP(1), ARGL(1), f.options);
	if (re == NULL || (rc = regex_exec(fc, re, ARGP(0), ARGL(0), 0)) < 0)
		return -1;
	*out = BoolGetDatum(rc > 0);
	return 0;
}

static int
regexp_count(FnCall *fc, Datum *out)
{
	RegexFlags	f = {RE_DEFAULT_OPTIONS, false};
	const char *s = ARGP(0);
	size_t		len = ARGL(0),
				pos = 0;
	int64_t		start = fc->nargs > 2 ? DatumGetInt32(fc->args[2]) : 1;
	int32_t		count = 0;
	Regex	   *re;

	if (check_start_n(fc, start, 0, false) < 0)
		return -1;
	if (fc->nargs > 3 && parse_flags(fc, ARGP(3), ARGL(3), &f, false) < 0)
		return -1;
	re = regex_get(fc, ARGP(1), ARGL(1), f.options);
	if (re == NULL)
		return -1;
	for (int64_t c = 1; c < start && pos < len; c++)
		pos += (size_t) next_char_len(s + pos, len - pos);
	while (pos <= len)
	{
		int			rc = regex_exec(fc, re, s, len, pos);
		PCRE2_SIZE *ov;

		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
		ov = pcre2_get_ovector_pointer(re->md);
		count++;
		if (ov[1] == ov[0])
		{
			if (ov[1] >= len)
				break;
			pos = ov[1] + (size_t) next_char_len(s + ov[1], len - ov[1]);
		}
		else
			pos = ov[1];
	}
	*out = Int32GetDatum(count);
	return 0;
}

/*
 * The n-th match at or after character start; returns 1 with re->md
 * holding it, 0 if there is none, -1 on error.
 */
static int
nth_match(FnCall *fc, Regex *re, const char *s, size_t len, int64_t start, int64_t n)
{
	size_t		pos = 0;
	int64_t		count = 0;

	for (int64_t c = 1; c < start && pos < len; c++)
		pos += (size_t) next_char_len(s + pos, len - pos);
	if (start > 1 && pos >= len && (int64_t) utf8_strlen(s, len) < start - 1)
		return 0;
	while (pos <= len)
	{
		int			rc = regex_exec(fc, re, s, len, pos);
		PCRE2_SIZE *ov;

		if (rc <= 0)
			return rc;
		if (++count == n)
			return 1;
		ov = pcre2_get_ovector_pointer(re->md);
		if (ov[1] == ov[0])
		{
			if (ov[1] >= len)
				return 0;
			pos = ov[1] + (size_t) next_char_len(s + ov[1], len - ov[1]);
		}
		else
			pos = ov[1];
	}
	return 0;
}

static int
bad_param(FnCall *fc, const char *name, int64_t v)
{
	return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid value for parameter \"%s\": %lld", name, (long long) v);
}

/*
 * regexp_instr(string, pattern [, start [, n [, endoption [, flags [, subexpr]]]]])
 * regexp_substr(string, pattern [, start [, n [, flags [, subexpr]]]])
 */
static int
instr_substr(FnCall *fc, Datum *out, bool substr)
{
	RegexFlags	f = {RE_DEFAULT_OPTIONS, false};
	int			k = 2;
	int64_t		start = fc->nargs > k ? DatumGetInt32(fc->args[k++]) : 1;
	int64_t		n = fc->nargs > k ? DatumGetInt32(fc->args[k++]) : 1;
	int64_t		endoption = (!substr && fc->nargs > k) ? DatumGetInt32(fc->args[k++]) : 0;
	int64_t		subexpr;
	Regex	   *re;
	PCRE2_SIZE *ov;
	int			rc;
	int			fk = k++;

	if (start <= 0)
		return bad_param(fc, "start", start);
	if (n <= 0)
		return bad_param(fc, "n", n);
	if (endoption != 0 && endoption != 1)
		return bad_param(fc, "endoption", endoption);
	if (fc->nargs > fk)
	{
		if (parse_flags(fc, ARGP(fk), ARGL(fk), &f, true) < 0)
			return -1;
		if (f.global)
			return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "%s() does not support the \"global\" option",
							substr ? "regexp_substr" : "regexp_instr");
	}
	subexpr = fc->nargs > k ? DatumGetInt32(fc->args[k]) : 0;
	if (subexpr < 0)
		return bad_param(fc, "subexpr", subexpr);
	re = regex_get(fc, ARGP(1), ARGL(1), f.options);
	if (re == NULL || (rc = nth_match(fc, re, ARGP(0), ARGL(0), start, n)) < 0)
		return -1;
	ov = pcre2_get_ovector_pointer(re->md);
	if (rc == 0 || subexpr > re->ncaptures || ov[2 * subexpr] == PCRE2_UNSET)
	{
		if (substr)
			fc->isnull = true;
		else
			*out = Int32GetDatum(0);
		return 0;
	}
	if (substr)
		*out = text_datum(fc->ctx->arena, ARGP(0) + ov[2 * subexpr], ov[2 * subexpr + 1] - ov[2 * subexpr]);
	else
		*out = Int32GetDatum((int32_t) utf8_strlen(ARGP(0), ov[2 * subexpr + (endoption ? 1 : 0)]) + 1);
	return 0;
}

static int regexp_instr(FnCall *fc, Datum *out) { return instr_substr(fc, out, false); }
static int regexp_substr(FnCall *fc, Datum *out) { return instr_substr(fc, out, true); }

/* ---------------------------------------------------------------- array results */

/* The captures of the current match as text[] (the whole match if there are none). */
static Datum
match_array(FnCall *fc, Regex *re, const char *s, Arena *a)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
	int			n = re->ncaptures > 0 ? re->ncaptures : 1;
	int			first = re->ncaptures > 0 ? 1 : 0;
	Datum	   *vals = arena_alloc(a, sizeof(Datum) * (size_t) n);
	bool	   *nulls = arena_alloc(a, sizeof(bool) * (size_t) n);

	for (int i = 0; i < n; i++)
	{
		int			g = first + i;

		nulls[i] = ov[2 * g] == PCRE2_UNSET;
		vals[i] = nulls[i] ? 0 : text_datum(a, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
	}
	return func_text_array(a, n, vals, nulls);
}

static int
regexp_match(FnCall *fc, Datum *out)
{
	RegexFlags	f = {RE_DEFAULT_OPTIONS, false};
	Regex	   *re;
	int			rc;

	if (fc->nargs > 2)
	{
		if (parse_flags(fc, ARGP(2), ARGL(2), &f, true) < 0)
			return -1;
		if (f.global)
		{
			mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE,
					 "regexp_match() does not support the \"global\" option");
			mg_error_hint(fc->ctx->err, "Use the regexp_matches function instead.");
			return -1;
		}
	}
	re = regex_get(fc, ARGP(1), ARGL(1), f.options);
	if (re == NULL || (rc = regex_exec(fc, re, ARGP(0), ARGL(0), 0)) < 0)
		return -1;
	if (rc == 0)
	{
		fc->isnull = true;
		return 0;
	}
	*out = match_array(fc, re, ARGP(0), fc->ctx->arena);
	return 0;
}

typedef struct MatchesState {
	Regex	   *re;
	bool		global;
	size_t		pos;
	bool		done;
} MatchesState;

/* regexp_matches(text, pattern [, flags]): setof text[]. */
static int
regexp_matches(FnCall *fc, Datum *out)
{
	MatchesState *st = fc->srf_state;
	const char *s = ARGP(0);
	size_t		len = ARGL(0);
	int			rc;
	PCRE2_SIZE *ov;

	if (st == NULL)
	{
		RegexFlags	f = {RE_DEFAULT_OPTIONS, false};
		FnCall		cfc = *fc;
		Arena	   *a = fc->srf_arena ? fc->srf_arena : fc->ctx->arena;
		void	   *slot = NULL;

		if (fc->nargs > 2 && parse_flags(fc, ARGP(2), ARGL(2), &f, true) < 0)
			return -1;
		/* compile into the scan's arena: the row arena may be reset between calls */
		cfc.cache = &slot;
		cfc.cache_arena = a;
		st = arena_new(a, MatchesState);
		st->re = regex_get(&cfc, ARGP(1), ARGL(1), f.options);
		if (st->re == NULL)
			return -1;
		st->global = f.global;
		fc->srf_state = st;
	}
	if (st->done || st->pos > len)
	{
		fc->srf_done = true;
		return 0;
	}
	rc = regex_exec(fc, st->re, s, len, st->pos);
	if (rc < 0)
		return -1;
	if (rc == 0)
	{
		fc->srf_done = true;
		return 0;
	}
	ov = pcre2_get_ovector_pointer(st->re->md);
	*out = match_array(fc, st->re, s, fc->ctx->arena);
	if (!st->global)
		st->done = true;
	else if (ov[1] == ov[0])
		st->pos = ov[1] < len ? ov[1] + (size_t) next_char_len(s + ov[1], len - ov[1]) : len + 1;
	else
		st->pos = ov[1];
	return 0;
}

/*
 * The pieces regexp_split_to_* produce: PostgreSQL ignores zero-length
 * matches at the start and end of the string and right after a match.
 */
static int
split_pieces(FnCall *fc, Regex *re, const char *s, size_t len, Arena *a, int *np, Datum **vals)
{
	size_t		pos = 0,
				piece = 0,
				prev_end = 0;
	int			n = 0,
				cap = 8;
	Datum	   *v = arena_alloc(a, sizeof(Datum) * (size_t) cap);

	while (pos <= len)
	{
		int			rc = regex_exec(fc, re, s, len, pos);
		PCRE2_SIZE *ov;

		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
		ov = pcre2_get_ovector_pointer(re->md);
		if (ov[0] < len && ov[1] > prev_end)
		{
			if (n + 1 >= cap)
			{
				v = arena_realloc(a, v, sizeof(Datum) * (size_t) cap, sizeof(Datum) * (size_t) cap * 2);
				cap *= 2;
			}
			v[n++] = text_datum(a, s + piece, ov[0] - piece);
			piece = ov[1];
		}
		prev_end = ov[1];
		if (ov[1] == ov[0])
		{
			if (ov[1] >= len)
				break;
			pos = ov[1] + (size_t) next_char_len(s + ov[1], len - ov[1]);
		}
		else
			pos = ov[1];
	}
	if (n + 1 >= cap)
	{
		v = arena_realloc(a, v, sizeof(Datum) * (size_t) cap, sizeof(Datum) * (size_t) cap * 2);
		cap *= 2;
	}
	v[n++] = text_datum(a, s + piece, len - piece);
	*np = n;
	*vals = v;
	return 0;
}

static Regex *
split_regex(FnCall *fc)
{
	RegexFlags	f = {RE_DEFAULT_OPTIONS, false};

	if (fc->nargs > 2)
	{
		if (parse_flags(fc, ARGP(2), ARGL(2), &f, true) < 0)
			return NULL;
		if (f.global)
		{
			fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE,
					 "regexp_split_to_array() does not support the \"global\" option");
			return NULL;
		}
	}
	return regex_get(fc, ARGP(1), ARGL(1), f.options);
}

static int
regexp_split_to_array(FnCall *fc, Datum *out)
{
	Regex	   *re = split_regex(fc);
	int			n;
	Datum	   *vals;

	if (re == NULL || split_pieces(fc, re, ARGP(0), ARGL(0), fc->ctx->arena, &n, &vals) < 0)
		return -1;
	*out = func_text_array(fc->ctx->arena, n, vals, NULL);
	return 0;
}

typedef struct SplitState {
	int			n;
	int			next;
	Datum	   *vals;
} SplitState;

static int
regexp_split_to_table(FnCall *fc, Datum *out)
{
	SplitState *st = fc->srf_state;

	if (st == NULL)
	{
		Arena	   *a = fc->srf_arena ? fc->srf_arena : fc->ctx->arena;
		Regex	   *re = split_regex(fc);

		st = arena_new(a, SplitState);
		if (re == NULL || split_pieces(fc, re, ARGP(0), ARGL(0), a, &st->n, &st->vals) < 0)
			return -1;
		fc->srf_state = st;
	}
	if (st->next >= st->n)
	{
		fc->srf_done = true;
		return 0;
	}
	*out = st->vals[st->next++];
	return 0;
}

/* ---------------------------------------------------------------- tables */

#define FD(N_, FN_, n, a, b, c, res) \
	{.name = N_, .nargs = n, .argtypes = {a, b, c}, .rettype = res, .strict = true, .volatility = FUNC_IMMUTABLE, .fn = FN_}
#define T TEXTOID
#define B BPCHAROID
#define I INT4OID

static const FuncDef pattern_funcs[] = {
	FD("textlike", textlike, 2, T, T, 0, BOOLOID),
	FD("textnlike", textnlike, 2, T, T, 0, BOOLOID),
	FD("texticlike", texticlike, 2, T, T, 0, BOOLOID),
	FD("texticnlike", texticnlike, 2, T, T, 0, BOOLOID),
	FD("bpcharlike", bpcharlike, 2, B, T, 0, BOOLOID),
	FD("bpcharnlike", bpcharnlike, 2, B, T, 0, BOOLOID),
	FD("bpchariclike", bpchariclike, 2, B, T, 0, BOOLOID),
	FD("bpcharicnlike", bpcharicnlike, 2, B, T, 0, BOOLOID),
	FD("namelike", textlike, 2, NAMEOID, T, 0, BOOLOID),
	FD("namenlike", textnlike, 2, NAMEOID, T, 0, BOOLOID),
	FD("nameiclike", texticlike, 2, NAMEOID, T, 0, BOOLOID),
	FD("nameicnlike", texticnlike, 2, NAMEOID, T, 0, BOOLOID),
	FD("bytealike", bytealike, 2, BYTEAOID, BYTEAOID, 0, BOOLOID),
	FD("byteanlike", byteanlike, 2, BYTEAOID, BYTEAOID, 0, BOOLOID),
	FD("like", textlike, 2, T, T, 0, BOOLOID),
	FD("notlike", textnlike, 2, T, T, 0, BOOLOID),
	FD("like_escape", like_escape, 2, T, T, 0, T),
	FD("similar_to_escape", similar_to_escape2, 2, T, T, 0, T),
	FD("similar_to_escape", similar_to_escape1, 1, T, 0, 0, T),
	FD("textregexeq", textregexeq, 2, T, T, 0, BOOLOID),
	FD("textregexne", textregexne, 2, T, T, 0, BOOLOID),
	FD("texticregexeq", texticregexeq, 2, T, T, 0, BOOLOID),
	FD("texticregexne", texticregexne, 2, T, T, 0, BOOLOID),
	FD("bpcharregexeq", bpcharregexeq, 2, B, T, 0, BOOLOID),
	FD("bpcharregexne", bpcharregexne, 2, B, T, 0, BOOLOID),
	FD("bpcharicregexeq", bpcharicregexeq, 2, B, T, 0, BOOLOID),
	FD("bpcharicregexne", bpcharicregexne, 2, B, T, 0, BOOLOID),
	FD("nameregexeq", textregexeq, 2, NAMEOID, T, 0, BOOLOID),
	FD("nameregexne", textregexne, 2, NAMEOID, T, 0, BOOLOID),
	FD("nameicregexeq", texticregexeq, 2, NAMEOID, T, 0, BOOLOID),
	FD("nameicregexne", texticregexne, 2, NAMEOID, T, 0, BOOLOID),
	FD("substring", textregexsubstr, 2, T, T, 0, T),
	FD("substring", textsimilarsubstr, 3, T, T, T, T),
	FD("regexp_replace", regexp_replace3, 3, T, T, T, T),
	{.name = "regexp_replace", .nargs = 4, .argtypes = {T, T, T, T}, .rettype = T, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = regexp_replace4},
	{.name = "regexp_replace", .nargs = 4, .argtypes = {T, T, T, I}, .rettype = T, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = regexp_replace_start},
	{.name = "regexp_replace", .nargs = 5, .argtypes = {T, T, T, I, I}, .rettype = T, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = regexp_replace_start},
	{.name = "regexp_replace", .nargs = 6, .argtypes = {T, T, T, I, I, T}, .rettype = T, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = regexp_replace_start},
	FD("regexp_match", regexp_match, 2, T, T, 0, TEXTARRAYOID),
	FD("regexp_match", regexp_match, 3, T, T, T, TEXTARRAYOID),
	{.name = "regexp_matches", .nargs = 2, .argtypes = {T, T}, .rettype = TEXTARRAYOID, .strict = true,
	 .retset = true, .volatility = FUNC_IMMUTABLE, .fn = regexp_matches},
	{.name = "regexp_matches", .nargs = 3, .argtypes = {T, T, T}, .rettype = TEXTARRAYOID, .strict = true,
	 .retset = true, .volatility = FUNC_IMMUTABLE, .fn = regexp_matches},
	FD("regexp_split_to_array", regexp_split_to_array, 2, T, T, 0, TEXTARRAYOID),
	FD("regexp_split_to_array", regexp_split_to_array, 3, T, T, T, TEXTARRAYOID),
	{.name = "regexp_split_to_table", .nargs = 2, .argtypes = {T, T}, .rettype = T, .strict = true,
	 .retset = true, .volatility = FUNC_IMMUTABLE, .fn = regexp_split_to_table},
	{.name = "regexp_split_to_table", .nargs = 3, .argtypes = {T, T, T}, .rettype = T, .strict = true,
	 .retset = true, .volatility = FUNC_IMMUTABLE, .fn = regexp_split_to_table},
	FD("regexp_instr", regexp_instr, 2, T, T, 0, I),
	FD("regexp_instr", regexp_instr, 3, T, T, I, I),
	{.name = "regexp_instr", .nargs = 4, .argtypes = {T, T, I, I}, .rettype = I, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = regexp_instr},
	{.name = "regexp_instr", .nargs = 5, .argtypes = {T, T, I, I, I}, .rettype = I, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = regexp_instr},
	{.name = "regexp_instr", .nargs = 6, .argtypes = {T, T, I, I, I, T}, .rettype = I, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = regexp_instr},
	{.name = "regexp_instr", .nargs = 7, .argtypes = {T, T, I, I, I, T, I}, .rettype = I, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = regexp_instr},
	FD("regexp_substr", regexp_substr, 2, T, T, 0, T),
	FD("regexp_substr", regexp_substr, 3, T, T, I, T),
	{.name = "regexp_substr", .nargs = 4, .argtypes = {T, T, I, I}, .rettype = T, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = regexp_substr},
	{.name = "regexp_substr", .nargs = 5, .argtypes = {T, T, I, I, T}, .rettype = T, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = regexp_substr},
	{.name = "regexp_substr", .nargs = 6, .argtypes = {T, T, I, I, T, I}, .rettype = T, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = regexp_substr},
	FD("regexp_like", regexp_like, 2, T, T, 0, BOOLOID),
	FD("regexp_like", regexp_like, 3, T, T, T, BOOLOID),
	FD("regexp_count", regexp_count, 2, T, T, 0, I),
	FD("regexp_count", regexp_count, 3, T, T, I, I),
	{.name = "regexp_count", .nargs = 4, .argtypes = {T, T, I, T}, .rettype = I, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = regexp_count},
};

#define OP(N_, l, r, FN_, neg) \
	{.name = N_, .left = l, .right = r, .result = BOOLOID, .func_name = FN_, .negator = neg}

static const OperDef pattern_opers[] = {
	OP("~~", T, T, "textlike", "!~~"),
	OP("!~~", T, T, "textnlike", "~~"),
	OP("~~*", T, T, "texticlike", "!~~*"),
	OP("!~~*", T, T, "texticnlike", "~~*"),
	OP("~~", B, T, "bpcharlike", "!~~"),
	OP("!~~", B, T, "bpcharnlike", "~~"),
	OP("~~*", B, T, "bpchariclike", "!~~*"),
	OP("!~~*", B, T, "bpcharicnlike", "~~*"),
	OP("~~", NAMEOID, T, "namelike", "!~~"),
	OP("!~~", NAMEOID, T, "namenlike", "~~"),
	OP("~~*", NAMEOID, T, "nameiclike", "!~~*"),
	OP("!~~*", NAMEOID, T, "nameicnlike", "~~*"),
	OP("~~", BYTEAOID, BYTEAOID, "bytealike", "!~~"),
	OP("!~~", BYTEAOID, BYTEAOID, "byteanlike", "~~"),
	OP("~", T, T, "textregexeq", "!~"),
	OP("!~", T, T, "textregexne", "~"),
	OP("~*", T, T, "texticregexeq", "!~*"),
	OP("!~*", T, T, "texticregexne", "~*"),
	OP("~", B, T, "bpcharregexeq", "!~"),
	OP("!~", B, T, "bpcharregexne", "~"),
	OP("~*", B, T, "bpcharicregexeq", "!~*"),
	OP("!~*", B, T, "bpcharicregexne", "~*"),
	OP("~", NAMEOID, T, "nameregexeq", "!~"),
	OP("!~", NAMEOID, T, "nameregexne", "~"),
	OP("~*", NAMEOID, T, "nameicregexeq", "!~*"),
	OP("!~*", NAMEOID, T, "nameicregexne", "~*"),
};

void
register_pattern_funcs(void)
{
	func_register(pattern_funcs, (int) (sizeof(pattern_funcs) / sizeof(pattern_funcs[0])));
	oper_register(pattern_opers, (int) (sizeof(pattern_opers) / sizeof(pattern_opers[0])));
}
