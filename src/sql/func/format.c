/*
 * format.c — format(formatstr text [, args "any" ...]), PostgreSQL's
 * text_format: %s, %I (quote_ident), %L (quote_literal, NULL as NULL), %%,
 * positional %n$, the '-' flag and widths (literal, *, *n$).
 *
 * Design notes: arguments arrive as "any"; each is turned into text with
 * its type's output function (strfuncs.c: func_any_text).  Widths count
 * characters, not bytes.
 *
 * Invariants: pure (stable: output functions read session settings).
 */
#include "config.h"

#include <limits.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "funcint.h"

static int
bad_spec(FnCall *fc, const char *msg, const char *c, size_t clen)
{
	if (c)
		mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "%s \"%.*s\"", msg, (int) clen, c);
	else
		mg_error(fc->ctx->err, SQLSTATE_INVALID_PARAMETER_VALUE, "%s", msg);
	mg_error_hint(fc->ctx->err, "For a single \"%%\" use \"%%%%\".");
	return -1;
}

static int
unterminated(FnCall *fc)
{
	return bad_spec(fc, "unterminated format() type specifier", NULL, 0);
}

/* Parses a decimal number at *p; false if none.  Stops at overflow with an error. */
static bool
parse_int(FnCall *fc, const char **p, const char *end, int *out, bool *overflow)
{
	int64_t		v = 0;
	bool		any = false;

	*overflow = false;
	while (*p < end && **p >= '0' && **p <= '9')
	{
		v = v * 10 + (**p - '0');
		if (v > INT_MAX)
			*overflow = true;
		(*p)++;
		any = true;
	}
	*out = (int) (v > INT_MAX ? INT_MAX : v);
	return any;
}

static void
append_padded(StrBuf *sb, const char *s, size_t len, int width, bool left)
{
	size_t		chars = utf8_strlen(s, len);

	if (left)
		strbuf_append(sb, s, len);
	for (size_t i = chars; (int64_t) i < width; i++)
		strbuf_putc(sb, ' ');
	if (!left)
		strbuf_append(sb, s, len);
}

static int
format_fn(FnCall *fc, Datum *out)
{
	const char *p,
			   *end;
	StrBuf		sb;
	int			nextarg = 1;	/* index into fc->args of the next implicit argument */

	if (fc->argnull && fc->argnull[0])
	{
		fc->isnull = true;
		return 0;
	}
	p = vl_data(fc->args[0]);
	end = p + vl_len(fc->args[0]);
	strbuf_init_arena(&sb, fc->ctx->arena);
	while (p < end)
	{
		int			argpos = -1;
		int			width = 0;
		bool		left = false;
		bool		overflow;
		int			n;
		char		type;
		StrBuf		val;

		if (*p != '%')
		{
			strbuf_putc(&sb, *p++);
			continue;
		}
		if (++p >= end)
			return unterminated(fc);
		if (*p == '%')
		{
			strbuf_putc(&sb, '%');
			p++;
			continue;
		}
		/* [n$] */
		{
			const char *q = p;

			if (parse_int(fc, &q, end, &n, &overflow))
			{
				if (q < end && *q == '$')
				{
					if (overflow)
						return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "number is out of range");
					if (n == 0)
						return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE,
										"format specifies argument 0, but arguments are numbered from 1");
					argpos = n;
					p = q + 1;
				}
			}
		}
		if (p >= end)
			return unterminated(fc);
		/* flags */
		while (p < end && *p == '-')
		{
			left = true;
			p++;
		}
		if (p >= end)
			return unterminated(fc);
		/* width */
		if (*p == '*')
		{
			int			wpos;
			const char *q = ++p;

			if (p >= end)
				return unterminated(fc);
			if (parse_int(fc, &q, end, &n, &overflow) && q < end && *q == '$')
			{
				if (n == 0)
					return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE,
									"format specifies argument 0, but arguments are numbered from 1");
				wpos = n;
				p = q + 1;
			}
			else
				wpos = nextarg++;
			if (wpos >= fc->nargs)
				return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "too few arguments for format()");
			if (!(fc->argnull && fc->argnull[wpos]))
			{
				Oid			t = fc->argtypes ? fc->argtypes[wpos] : INT4OID;
				int64_t		w;

				if (t == INT2OID)
					w = DatumGetInt16(fc->args[wpos]);
				else if (t == INT4OID)
					w = DatumGetInt32(fc->args[wpos]);
				else if (t == INT8OID)
					w = DatumGetInt64(fc->args[wpos]);
				else
					return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "width argument must be an integer");
				if (w < 0)
				{
					left = true;
					w = -w;
				}
				if (w > INT_MAX)
					return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "number is out of range");
				width = (int) w;
			}
		}
		else if (parse_int(fc, &p, end, &n, &overflow))
		{
			if (overflow)
				return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "number is out of range");
			width = n;
		}
		if (p >= end)
			return unterminated(fc);
		type = *p;
		if (type != 's' && type != 'I' && type != 'L')
			return bad_spec(fc, "unrecognized format() type specifier", p, (size_t) utf8_seqlen((unsigned char) *p));
		p++;
		if (argpos < 0)
			argpos = nextarg++;
		else
			nextarg = argpos + 1;
		if (argpos >= fc->nargs)
			return fc_error(fc, SQLSTATE_INVALID_PARAMETER_VALUE, "too few arguments for format()");

		strbuf_init_arena(&val, fc->ctx->arena);
		if (fc->argnull && fc->argnull[argpos])
		{
			if (type == 'I')
				return fc_error(fc, SQLSTATE_NULL_VALUE_NOT_ALLOWED, "null values cannot be formatted as an SQL identifier");
			if (type == 'L')
				strbuf_puts(&val, "NULL");
		}
		else
		{
			StrBuf		raw;

			strbuf_init_arena(&raw, fc->ctx->arena);
			if (func_any_text(fc, argpos, &raw) < 0)
				return -1;
			if (type == 'I')
				func_quote_ident(raw.data, raw.len, &val);
			else if (type == 'L')
				func_quote_literal(raw.data, raw.len, &val);
			else
				strbuf_append(&val, raw.data, raw.len);
		}
		append_padded(&sb, val.data, val.len, width, left);
	}
	*out = text_datum(fc->ctx->arena, sb.data, sb.len);
	return 0;
}

static const FuncDef format_funcs[] = {
	{.name = "format", .nargs = 1, .argtypes = {TEXTOID}, .rettype = TEXTOID, .strict = false,
	 .volatility = FUNC_STABLE, .fn = format_fn},
	{.name = "format", .nargs = 1, .argtypes = {TEXTOID}, .variadic = ANYOID, .rettype = TEXTOID,
	 .strict = false, .volatility = FUNC_STABLE, .fn = format_fn},
};

void
register_format_funcs(void)
{
	func_register(format_funcs, (int) (sizeof(format_funcs) / sizeof(format_funcs[0])));
}
