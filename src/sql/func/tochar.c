/*
 * tochar.c — to_char(number, format) and to_number(text, format): the
 * numeric template patterns of PostgreSQL's formatting.c.
 *
 * Supported patterns: 9 0 . , D G (C locale: '.' and ','), FM, S, MI, PL,
 * SG, PR, L (currency: blank, as in the C locale), EEEE, TH/th, RN/rn,
 * V, double-quoted literals, backslash escapes; any other character is
 * copied.  B is reported as 0A000.
 *
 * Design notes: the value is first rendered as plain decimal digits with
 * exactly as many fraction digits as the template has (numeric: rounded
 * half away from zero by numeric_round; floats: printf's rounding, which is
 * what PostgreSQL uses for them too), then laid into the template left to
 * right: integer positions left of the number's digits print as blanks
 * (nothing with FM) or zeros from the first '0' on, the sign goes just
 * before the first printed character unless S/MI/PL/SG/PR place it, and an
 * integer part wider than the template prints '#' in every digit position.
 *
 * Invariants: pure (immutable); results in fc->ctx->arena.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/numeric.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>

#include "funcint.h"

typedef enum NumTok {
	NT_DIGIT9, NT_DIGIT0, NT_DEC, NT_GROUP, NT_S, NT_MI, NT_PL, NT_SG, NT_PR,
	NT_L, NT_EEEE, NT_TH, NT_RN, NT_LITERAL
} NumTok;

typedef struct NumNode {
	NumTok		tok;
	const char *lit;			/* NT_LITERAL */
	size_t		litlen;
} NumNode;

typedef struct NumFormat {
	NumNode		nodes[256];
	int			n;
	int			pre;			/* digit positions before the decimal point */
	int			post;			/* after it */
	bool		has_dec;
	bool		fm;
	bool		eeee;
	bool		sign_placed;	/* S, MI, PL, SG or PR present */
	bool		pr;
	bool		s_leading;		/* S before the digits: sign slot shows '+' */
	bool		rn;				/* RN/rn: the value as a Roman numeral, nothing else */
	bool		has_mi,
				has_pl,
				has_sg;
	bool		v_seen;			/* V: digits after it multiply the value by ten each */
	int			multi;			/* digit positions after V (also counted in pre) */
	bool		rn_lower;
	int			zero_start;		/* 1-based integer position of the first '0', 0 if none */
	int			last_zero_post; /* 1-based fraction position of the last '0', 0 if none */
} NumFormat;

static bool
prefix_ci(const char *p, const char *end, const char *word)
{
	size_t		n = strlen(word);

	return (size_t) (end - p) >= n && strncasecmp(p, word, n) == 0;
}

/* A trailing S (a node) has been parsed already. */
static bool
sign_s_seen(const NumFormat *f)
{
	for (int k = 0; k < f->n; k++)
		if (f->nodes[k].tok == NT_S)
			return true;
	return false;
}

static int
parse_format(FnCall *fc, const char *p, size_t len, NumFormat *f)
{
	const char *end = p + len;

	memset(f, 0, sizeof(*f));
	while (p < end)
	{
		NumNode    *nd;

		if (f->n >= (int) (sizeof(f->nodes) / sizeof(f->nodes[0])))
			return fc_error(fc, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "format string is too long");
		nd = &f->nodes[f->n];
		nd->lit = NULL;
		if (prefix_ci(p, end, "FM"))
		{
			f->fm = true;
			p += 2;
			continue;
		}
		if (*p == '9' || *p == '0')
		{
			if (f->pr)
				return fc_error(fc, SQLSTATE_SYNTAX_ERROR, "\"%c\" must be ahead of \"PR\"", *p);
			nd->tok = *p == '9' ? NT_DIGIT9 : NT_DIGIT0;
			if (f->v_seen)
				f->multi++;
			if (f->has_dec)
			{
				f->post++;
				if (*p == '0')
					f->last_zero_post = f->post;
			}
			else
			{
				f->pre++;
				if (*p == '0' && f->zero_start == 0)
					f->zero_start = f->pre;
			}
			p++;
		}
		else if (*p == '.' || *p == 'D' || *p == 'd')
		{
			if (f->has_dec)
				return fc_error(fc, SQLSTATE_SYNTAX_ERROR, "multiple decimal points");
			if (f->v_seen)
				return fc_error(fc, SQLSTATE_SYNTAX_ERROR, "cannot use \"V\" and decimal point together");
			nd->tok = NT_DEC;
			f->has_dec = true;
			p++;
		}
		else if (*p == ',' || *p == 'G' || *p == 'g')
		{
			nd->tok = NT_GROUP;
			p++;
		}
		else if (prefix_ci(p, end, "EEEE"))
		{
			nd->tok = NT_EEEE;
			f->eeee = true;
			p += 4;
		}
		else if (prefix_ci(p, end, "MI"))
		{
			if (f->s_leading || sign_s_seen(f))
				return fc_error(fc, SQLSTATE_SYNTAX_ERROR, "cannot use \"S\" and \"MI\" together");
			f->has_mi = true;
			nd->tok = NT_MI;
			f->sign_placed = true;
			p += 2;
		}
		else if (prefix_ci(p, end, "PL"))
		{
			if (f->s_leading || sign_s_seen(f))
				return fc_error(fc, SQLSTATE_SYNTAX_ERROR, "cannot use \"S\" and \"PL\" together");
			f->has_pl = true;
			nd->tok = NT_PL;	/* '+' here; a minus still takes the usual slot */
			p += 2;
		}
		else if (prefix_ci(p, end, "SG"))
		{
			if (f->s_leading || sign_s_seen(f))
				return fc_error(fc, SQLSTATE_SYNTAX_ERROR, "cannot use \"S\" and \"SG\" together");
			f->has_sg = true;
			nd->tok = NT_SG;
			f->sign_placed = true;
			p += 2;
		}
		else if (prefix_ci(p, end, "PR"))
		{
			if (f->s_leading || sign_s_seen(f) || f->has_mi || f->has_pl || f->has_sg)
				return fc_error(fc, SQLSTATE_SYNTAX_ERROR, "cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together");
			nd->tok = NT_PR;
			f->sign_placed = true;
			f->pr = true;
			p += 2;
		}
		else if (*p == 'S' || *p == 's')
		{
			if (f->s_leading || sign_s_seen(f))
				return fc_error(fc, SQLSTATE_SYNTAX_ERROR, "cannot use \"S\" twice");
			if (f->has_mi || f->has_pl || f->has_sg || f->pr)
				return fc_error(fc, SQLSTATE_SYNTAX_ERROR, "cannot use \"S\" and \"PL\"/\"MI\"/\"SG\"/\"PR\" together");
			p++;
			if (f->pre == 0 && !f->has_dec)
			{
				/* leading S: the usual sign slot, showing '+' too */
				f->s_leading = true;
				continue;
			}
			nd->tok = NT_S;
			f->sign_placed = true;
		}
		else if (*p == 'L' || *p == 'l')
		{
			nd->tok = NT_L;
			p++;
		}
		else if (prefix_ci(p, end, "TH"))
		{
			nd->tok = NT_TH;
			nd->lit = p;		/* "TH" or "th": the suffix's case */
			p += 2;
		}
		else if (prefix_ci(p, end, "RN"))
		{
			nd->tok = NT_RN;
			f->rn = true;
			f->rn_lower = (*p == 'r');
			p += 2;
		}
		else if (*p == 'V' || *p == 'v')
		{
			if (f->has_dec)
				return fc_error(fc, SQLSTATE_SYNTAX_ERROR, "cannot use \"V\" and decimal point together");
			f->v_seen = true;
			p++;
			continue;
		}
		else if (*p == 'B' || *p == 'b')
			return fc_error(fc, SQLSTATE_FEATURE_NOT_SUPPORTED,
							"to_char/to_number template pattern \"%.*s\" is not supported",
							1, p);
		else if (*p == '"')
		{
			const char *q = ++p;

			while (q < end && *q != '"')
				q++;
			nd->tok = NT_LITERAL;
			nd->lit = p;
			nd->litlen = (size_t) (q - p);
			p = q < end ? q + 1 : q;
		}
		else
		{
			if (*p == '\\' && p + 1 < end)
				p++;
			nd->tok = NT_LITERAL;
			nd->lit = p;
			nd->litlen = (size_t) utf8_seqlen((unsigned char) *p);
			if (nd->litlen > (size_t) (end - p))
				nd->litlen = (size_t) (end - p);
			p += nd->litlen;
		}
		f->n++;
	}
	return 0;
}

/* The value as digits: neg, integer digits ("" for zero), fraction digits (post of them). */
typedef struct NumDigits {
	bool		neg;
	char		intpart[1100];
	char		frac[1100];
	bool		special;		/* NaN / Infinity: every digit position is '#' */
} NumDigits;

static void
split_digits(const char *s, NumDigits *d, int post, bool keep_negative_zero)
{
	const char *dot;
	size_t		ilen;

	d->neg = false;
	if (*s == '-')
	{
		d->neg = true;
		s++;
	}
	dot = strchr(s, '.');
	ilen = dot ? (size_t) (dot - s) : strlen(s);
	while (ilen > 0 && *s == '0')
	{
		s++;
		ilen--;
	}
	if (ilen >= sizeof(d->intpart))
		ilen = sizeof(d->intpart) - 1;
	memcpy(d->intpart, s, ilen);
	d->intpart[ilen] = '\0';
	memset(d->frac, '0', (size_t) post);
	d->frac[post] = '\0';
	if (dot)
	{
		size_t		flen = strlen(dot + 1);

		memcpy(d->frac, dot + 1, flen < (size_t) post ? flen : (size_t) post);
	}
	/* a numeric that rounds to zero prints without a minus sign; a float keeps printf's */
	if (!keep_negative_zero && d->neg && d->intpart[0] == '\0' && strspn(d->frac, "0") == strlen(d->frac))
		d->neg = false;
}

static void
put_sign(StrBuf *sb, const NumFormat *f, bool neg)
{
	if (f->pr)
		strbuf_putc(sb, neg ? '<' : ' ');
	else if (neg)
		strbuf_putc(sb, '-');
	else if (f->s_leading)
		strbuf_putc(sb, '+');
	else if (!f->fm)
		strbuf_putc(sb, ' ');
}

static void
layout(const NumFormat *f, const NumDigits *d, StrBuf *sb)
{
	int			ilen = (int) strlen(d->intpart);
	/* PostgreSQL fills with '#' also when the template has no integer digit at all */
	bool		overflow = d->special || ilen > f->pre || (f->pre == 0 && f->post > 0);
	int			ipos = 0;		/* integer digit positions seen */
	int			fpos = 0;
	bool		printed = false;	/* a digit (or the sign) has been printed */
	bool		digit_seen = false; /* a digit printed since the start or the point */
	bool		after_dec = false;
	bool		sign_done = f->sign_placed && !f->pr;
	int			fraclen = f->post;
	bool		zero_int = (ilen == 0);

	/* FM drops trailing fraction zeros beyond the template's last '0'. */
	if (f->fm && !overflow)
	{
		while (fraclen > f->last_zero_post && d->frac[fraclen - 1] == '0')
			fraclen--;
	}
	for (int k = 0; k < f->n; k++)
	{
		const NumNode *nd = &f->nodes[k];

		switch (nd->tok)
		{
			case NT_DIGIT9:
			case NT_DIGIT0:
				if (after_dec)
				{
					/* fraction digit; positions past post (cut for floats) print nothing */
					if (fpos >= f->post)
						break;
					if (!printed && !sign_done)
					{
						put_sign(sb, f, d->neg);
						sign_done = true;
					}
					if (overflow)
						strbuf_putc(sb, '#');
					else if (fpos < fraclen)
						strbuf_putc(sb, d->frac[fpos]);
					fpos++;
					printed = true;
					digit_seen = true;
					break;
				}
				ipos++;
				if (overflow)
				{
					if (!sign_done)
					{
						put_sign(sb, f, d->neg);
						sign_done = true;
					}
					strbuf_putc(sb, '#');
					digit_seen = true;
					break;
				}
				{
					int			first = f->pre - ilen + 1;	/* position of the number's first digit */
					bool		is_digit = ipos >= first;
					bool		zero = (f->zero_start > 0 && ipos >= f->zero_start);
					bool		last_zero = zero_int && ipos == f->pre &&
						(!f->has_dec || f->post == 0 || (f->fm && fraclen == 0));

					if (is_digit || zero || last_zero)
					{
						if (!sign_done)
						{
							put_sign(sb, f, d->neg);
							sign_done = true;
						}
						strbuf_putc(sb, is_digit ? d->intpart[ipos - first] : '0');
						printed = true;
						digit_seen = true;
					}
					else if (!f->fm)
						strbuf_putc(sb, ' ');
				}
				break;
			case NT_DEC:
				after_dec = true;
				if (f->post == 0 && !overflow)
					break;		/* no fraction digits: no point either */
				if (!sign_done)
				{
					put_sign(sb, f, d->neg);
					sign_done = true;
				}
				strbuf_putc(sb, '.');
				printed = true;
				digit_seen = false;
				break;
			case NT_GROUP:
				/* a separator shows only after a digit of the same part */
				if (digit_seen)
					strbuf_putc(sb, ',');
				else if (!f->fm)
					strbuf_putc(sb, ' ');
				break;
			case NT_S:
				strbuf_putc(sb, d->neg ? '-' : '+');
				break;
			case NT_MI:
				if (d->neg)
					strbuf_putc(sb, '-');
				else if (!f->fm)
					strbuf_putc(sb, ' ');
				break;
			case NT_PL:
				if (!d->neg)
					strbuf_putc(sb, '+');
				else if (!f->fm)
					strbuf_putc(sb, ' ');
				break;
			case NT_SG:
				strbuf_putc(sb, d->neg ? '-' : '+');
				break;
			case NT_PR:
				if (d->neg)
					strbuf_putc(sb, '>');
				else if (!f->fm)
					strbuf_putc(sb, ' ');
				break;
			case NT_L:
				if (!f->fm)
					strbuf_putc(sb, ' ');
				break;
			case NT_EEEE:
				break;
			case NT_RN:
				break;
			case NT_TH:
				if (!overflow && !d->neg)
				{
					static const char *const sfx[] = {"th", "st", "nd", "rd"};
					int			last = ilen > 0 ? d->intpart[ilen - 1] - '0' : 0;
					int			tens = ilen > 1 ? d->intpart[ilen - 2] - '0' : 0;
					const char *x = (tens == 1 || last > 3) ? "th" : sfx[last];

					if (nd->lit[0] == 'T')
					{
						strbuf_putc(sb, (char) (x[0] - 32));
						strbuf_putc(sb, (char) (x[1] - 32));
					}
					else
						strbuf_puts(sb, x);
				}
				break;
			case NT_LITERAL:
				strbuf_append(sb, nd->lit, nd->litlen);
				break;
		}
	}
	/* A template with no digit positions for a sign yet (e.g. only literals). */
	if (!sign_done && !f->sign_placed && printed == false && f->pre + f->post > 0)
		put_sign(sb, f, d->neg);
}

/* RN: 1..3999 as a Roman numeral, right-aligned in 15 characters unless FM. */
static void
roman_text(const NumFormat *f, const NumDigits *d, StrBuf *sb)
{
	static const char *const thousands[] = {"", "M", "MM", "MMM"};
	static const char *const hundreds[] = {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
	static const char *const tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
	static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
	char		buf[32];
	int			v = 0;
	size_t		ilen = strlen(d->intpart);

	if (d->special || d->neg || ilen == 0 || ilen > 4 || (v = atoi(d->intpart)) < 1 || v > 3999)
	{
		strbuf_puts(sb, "###############");
		return;
	}
	snprintf(buf, sizeof(buf), "%s%s%s%s", thousands[v / 1000], hundreds[(v / 100) % 10], tens[(v / 10) % 10], ones[v % 10]);
	if (f->rn_lower)
		for (char *c = buf; *c; c++)
			*c = (char) (*c + 32);
	if (!f->fm)
		for (size_t i = strlen(buf); i < 15; i++)
			strbuf_putc(sb, ' ');
	strbuf_puts(sb, buf);
}

static int
eeee_text(FnCall *fc, const NumFormat *f, double v, StrBuf *sb)
{
	char		buf[64];

	if (isnan(v) || isinf(v))
	{
		strbuf_putc(sb, ' ');
		for (int i = 0; i < f->pre; i++)
			strbuf_putc(sb, '#');
		if (f->has_dec)
			strbuf_putc(sb, '.');
		for (int i = 0; i < f->post; i++)
			strbuf_putc(sb, '#');
		strbuf_puts(sb, "####");
		return 0;
	}
	snprintf(buf, sizeof(buf), "%.*e", f->post, v);
	if (v >= 0 && !f->fm)
		strbuf_putc(sb, ' ');
	strbuf_puts(sb, buf);
	return 0;
}

static int
to_char_common(FnCall *fc, Datum *out, const char *digits, bool special, double approx, bool is_float,
			   int post_limit)
{
	NumFormat	f;
	NumDigits	d;
	StrBuf		sb;

	if (parse_format(fc, vl_data(fc->args[1]), vl_len(fc->args[1]), &f) < 0)
		return -1;
	if (post_limit >= 0 && f.post > post_limit)
		f.post = post_limit;
	strbuf_init_arena(&sb, fc->ctx->arena);
	if (f.eeee)
	{
		if (eeee_text(fc, &f, approx, &sb) < 0)
			return -1;
	}
	else
	{
		memset(&d, 0, sizeof(d));
		if (special)
			d.special = true;
		else if (f.multi > 0)
		{
			/* V: move multi fraction digits into the integer part */
			StrBuf		shifted;
			const char *dot = strchr(digits, '.');
			size_t		ilen = dot ? (size_t) (dot - digits) : strlen(digits);
			size_t		flen = dot ? strlen(dot + 1) : 0;

			strbuf_init_arena(&shifted, fc->ctx->arena);
			strbuf_append(&shifted, digits, ilen);
			for (int k = 0; k < f.multi; k++)
				strbuf_putc(&shifted, (size_t) k < flen ? dot[1 + k] : '0');
			split_digits(shifted.data, &d, 0, is_float);
		}
		else
			split_digits(digits, &d, f.post, is_float);
		if (f.rn)
			roman_text(&f, &d, &sb);
		else
			layout(&f, &d, &sb);
	}
	*out = text_datum(fc->ctx->arena, sb.data, sb.len);
	return 0;
}

/* Peeks at the template's fraction digits (for rounding before layout). */
static int
template_post(FnCall *fc, int *post)
{
	NumFormat	f;

	if (parse_format(fc, vl_data(fc->args[1]), vl_len(fc->args[1]), &f) < 0)
		return -1;
	*post = f.post + f.multi;	/* V: round at the digits it moves in */
	return 0;
}

static int
to_char_int(FnCall *fc, Datum *out, int64_t v)
{
	char		buf[32];

	snprintf(buf, sizeof(buf), "%lld", (long long) v);
	return to_char_common(fc, out, buf, false, (double) v, false, -1);
}

static int int4_to_char(FnCall *fc, Datum *out) { return to_char_int(fc, out, DatumGetInt32(fc->args[0])); }
static int int8_to_char(FnCall *fc, Datum *out) { return to_char_int(fc, out, DatumGetInt64(fc->args[0])); }

/*
 * Floats print at most digs significant digits, as PostgreSQL's
 * float4/float8_to_char: the template's fraction digits are cut to what
 * is left after the integer part, and the positions past that print
 * nothing.
 */
static int
float_to_char(FnCall *fc, Datum *out, double v, int digs)
{
	char		buf[400];
	int			post;
	int			int_len;
	NumFormat	f;

	if (parse_format(fc, vl_data(fc->args[1]), vl_len(fc->args[1]), &f) < 0)
		return -1;
	post = f.post + f.multi;
	if (isnan(v) || isinf(v))
		return to_char_common(fc, out, NULL, true, v, true, -1);
	if (f.eeee)
		return to_char_common(fc, out, NULL, false, v, true, -1);
	int_len = snprintf(buf, sizeof(buf), "%.0f", fabs(v));
	if (int_len + post > digs)
		post = digs - int_len > 0 ? digs - int_len : 0;
	if (post > 300)
		post = 300;
	snprintf(buf, sizeof(buf), "%.*f", post, v);
	return to_char_common(fc, out, buf, false, v, true, post);
}

static int float4_to_char(FnCall *fc, Datum *out) { return float_to_char(fc, out, DatumGetFloat4(fc->args[0]), FLT_DIG); }
static int float8_to_char(FnCall *fc, Datum *out) { return float_to_char(fc, out, DatumGetFloat8(fc->args[0]), DBL_DIG); }

static int
numeric_to_char(FnCall *fc, Datum *out)
{
	Datum		r;
	int			post;
	StrBuf		sb;

	if (template_post(fc, &post) < 0)
		return -1;
	if (numeric_is_nan(fc->args[0]) || numeric_is_inf(fc->args[0]))
		return to_char_common(fc, out, NULL, true, numeric_to_double(fc->args[0]), false, -1);
	if (numeric_round(fc->ctx, fc->args[0], post, &r) < 0)
		return -1;
	strbuf_init_arena(&sb, fc->ctx->arena);
	numeric_to_str(r, &sb);
	return to_char_common(fc, out, sb.data, false, numeric_to_double(fc->args[0]), false, -1);
}

/* ---------------------------------------------------------------- to_number */

static int
to_number(FnCall *fc, Datum *out)
{
	NumFormat	f;
	const char *s = vl_data(fc->args[0]);
	const char *end = s + vl_len(fc->args[0]);
	StrBuf		num;
	bool		neg = false;
	bool		in_frac = false;
	bool		any = false;

	if (parse_format(fc, vl_data(fc->args[1]), vl_len(fc->args[1]), &f) < 0)
		return -1;
	strbuf_init_arena(&num, fc->ctx->arena);
	if (f.pr && s < end && *s == '<')
	{
		neg = true;
		s++;
	}
	for (int k = 0; k < f.n && s < end; k++)
	{
		const NumNode *nd = &f.nodes[k];

		switch (nd->tok)
		{
			case NT_DIGIT9:
			case NT_DIGIT0:
				/* PostgreSQL skips one blank before each digit position */
				if (*s == ' ')
					s++;
				while (!any && s < end && (*s == '-' || *s == '+'))
				{
					neg |= (*s == '-');
					s++;
				}
				if (s >= end)
					break;
				if (*s >= '0' && *s <= '9')
				{
					if (in_frac && !any)
						strbuf_putc(&num, '0');
					strbuf_putc(&num, *s);
					any = true;
				}
				s++;
				break;
			case NT_DEC:
				if (*s == '.')
				{
					if (!any)
						strbuf_putc(&num, '0');
					strbuf_putc(&num, '.');
					any = true;
					in_frac = true;
					s++;
				}
				break;
			case NT_GROUP:
				if (*s == ',')
					s++;
				break;
			case NT_S:
			case NT_MI:
			case NT_PL:
			case NT_SG:
				if (*s == '-' || *s == '+')
				{
					neg |= (*s == '-');
					s++;
				}
				break;
			case NT_PR:
				if (*s == '>')
					s++;
				break;
			case NT_L:
				if (!(*s >= '0' && *s <= '9'))
					s += utf8_seqlen((unsigned char) *s);
				break;
			case NT_EEEE:
				return fc_error(fc, SQLSTATE_FEATURE_NOT_SUPPORTED, "\"EEEE\" not supported for input");
			case NT_TH:
				s += (end - s) >= 2 ? 2 : (end - s);
				break;
			case NT_RN:
				return fc_error(fc, SQLSTATE_FEATURE_NOT_SUPPORTED, "\"RN\" not supported for input");
			case NT_LITERAL:
				s += nd->litlen <= (size_t) (end - s) ? nd->litlen : (size_t) (end - s);
				break;
		}
	}
	/* a trailing sign after the digits (e.g. "12-" with S or MI) */
	while (s < end && (*s == '-' || *s == ' '))
	{
		neg |= (*s == '-');
		s++;
	}
	if (num.len == 0 || (num.len == 1 && num.data[0] == '.'))
		return fc_error(fc, SQLSTATE_INVALID_TEXT_REPRESENTATION, "invalid input syntax for type numeric: \" \"");
	{
		StrBuf		full;

		strbuf_init_arena(&full, fc->ctx->arena);
		if (neg)
			strbuf_putc(&full, '-');
		strbuf_append(&full, num.data, num.len);
		return numeric_from_str(fc->ctx, full.data, full.len, -1, out);
	}
}

#define FD(a, FN_) \
	{.name = "to_char", .nargs = 2, .argtypes = {a, TEXTOID}, .rettype = TEXTOID, .strict = true, \
	 .volatility = FUNC_STABLE, .fn = FN_}

static const FuncDef tochar_funcs[] = {
	FD(INT4OID, int4_to_char),
	FD(INT8OID, int8_to_char),
	FD(FLOAT4OID, float4_to_char),
	FD(FLOAT8OID, float8_to_char),
	FD(NUMERICOID, numeric_to_char),
	{.name = "to_number", .nargs = 2, .argtypes = {TEXTOID, TEXTOID}, .rettype = NUMERICOID, .strict = true,
	 .volatility = FUNC_STABLE, .fn = to_number},
};

void
register_tochar_funcs(void)
{
	func_register(tochar_funcs, (int) (sizeof(tochar_funcs) / sizeof(tochar_funcs[0])));
}
