/*
 * test_datetime.c — date/time types against PostgreSQL 15: every row of
 * test_datetime_cases.c (generated from the oracle by
 * test_datetime_gen.py) is parsed with the row's DateStyle, IntervalStyle
 * and TimeZone, printed back and compared with PostgreSQL's text or error
 * (SQLSTATE, message, hint); values that parse are also sent and received
 * in binary and must print the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <memgres/arena.h>
#include <memgres/datetime.h>
#include <memgres/error.h>
#include <memgres/func.h>
#include <memgres/guc.h>
#include <memgres/types.h>

#include "tap.h"
#include "test_datetime_cases.h"

/* Range masks and typmod packing of interval (PostgreSQL's). */
#define IM_MONTH	(1 << 1)
#define IM_YEAR		(1 << 2)
#define IM_DAY		(1 << 3)
#define IM_HOUR		(1 << 10)
#define IM_MINUTE	(1 << 11)
#define IM_SECOND	(1 << 12)

typedef struct Ctx {
	Arena		arena;
	MgError		err;
	GucSession	gucs;
	EvalCtx		ctx;
} Ctx;

static int
range_mask(const char *r)
{
	static const struct { const char *name; int mask; } ranges[] = {
		{"year to month", IM_YEAR | IM_MONTH},
		{"day to hour", IM_DAY | IM_HOUR},
		{"day to minute", IM_DAY | IM_HOUR | IM_MINUTE},
		{"day to second", IM_DAY | IM_HOUR | IM_MINUTE | IM_SECOND},
		{"hour to minute", IM_HOUR | IM_MINUTE},
		{"hour to second", IM_HOUR | IM_MINUTE | IM_SECOND},
		{"minute to second", IM_MINUTE | IM_SECOND},
		{"year", IM_YEAR}, {"month", IM_MONTH}, {"day", IM_DAY}, {"hour", IM_HOUR},
		{"minute", IM_MINUTE}, {"second", IM_SECOND},
	};
	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (strncmp(r, ranges[i].name, strlen(ranges[i].name)) == 0 &&
			(r[strlen(ranges[i].name)] == '\0' || r[strlen(ranges[i].name)] == '('))
			return ranges[i].mask;
	return -1;
}

/* "timestamp(3)", "interval day to second(1)" -> type and typmod. */
static const MgType *
parse_type(Ctx *c, const char *spec, int32_t *typmod)
{
	char		name[64];
	const char *paren = strchr(spec, '(');
	const char *sp = strchr(spec, ' ');
	const MgType *t;
	int32_t		mods[2];
	int			nmods = 0;

	*typmod = -1;
	if (sp != NULL && (paren == NULL || sp < paren))
	{
		snprintf(name, sizeof(name), "%.*s", (int) (sp - spec), spec);
		mods[nmods++] = range_mask(sp + 1);
	}
	else if (paren != NULL)
		snprintf(name, sizeof(name), "%.*s", (int) (paren - spec), spec);
	else
		snprintf(name, sizeof(name), "%s", spec);
	t = type_by_name(name);
	if (t == NULL)
		return NULL;
	if (paren != NULL)
	{
		if (nmods == 0 && strcmp(name, "interval") == 0)
			mods[nmods++] = 0x7FFF;
		mods[nmods++] = atoi(paren + 1);
	}
	if (nmods > 0 && t->modin != NULL && t->modin(&c->ctx, mods, nmods, typmod) != 0)
		return NULL;
	return t;
}

static void
error_text(MgError *e, char *buf, size_t cap)
{
	snprintf(buf, cap, "ERR:%s:%s%s%s%s%s", e->sqlstate, e->message,
			 e->detail ? ":DETAIL:" : "", e->detail ? e->detail : "",
			 e->hint ? ":HINT:" : "", e->hint ? e->hint : "");
}

static void
run_case(Ctx *c, int i)
{
	const DtCase *dc = &dt_cases[i];
	int32_t		typmod;
	const MgType *t;
	Datum		v;
	char		got[512];
	StrBuf		sb;

	c->gucs.v[GUC_DATESTYLE].str = (char *) dc->datestyle;
	c->gucs.v[GUC_INTERVALSTYLE].str = (char *) dc->intervalstyle;
	c->gucs.v[GUC_TIMEZONE].str = (char *) dc->timezone;
	mg_error_reset(&c->err);
	strbuf_init_arena(&sb, &c->arena);

	t = parse_type(c, dc->type, &typmod);
	if (t == NULL)
	{
		ok(0, "%s '%s' [%s, %s, %s]: type not available", dc->type, dc->input,
		   dc->datestyle, dc->intervalstyle, dc->timezone);
		return;
	}
	if (t->input(&c->ctx, dc->input, strlen(dc->input), typmod, &v) != 0)
		error_text(&c->err, got, sizeof(got));
	else if (t->output(&c->ctx, v, typmod, &sb) != 0)
		error_text(&c->err, got, sizeof(got));
	else
		snprintf(got, sizeof(got), "OK:%s", sb.data);
	if (!ok(strcmp(got, dc->expected) == 0, "%s '%s' [%s, %s, %s]", dc->type, dc->input,
			dc->datestyle, dc->intervalstyle, dc->timezone))
		printf("#   got:      %s\n#   expected: %s\n", got, dc->expected);

	/* binary round trip of every value that parsed */
	if (strncmp(got, "OK:", 3) == 0 && t->send && t->recv)
	{
		StrBuf		bin;
		StrBuf		again;
		Datum		v2;
		bool		same;

		strbuf_init_arena(&bin, &c->arena);
		strbuf_init_arena(&again, &c->arena);
		same = t->send(&c->ctx, v, typmod, &bin) == 0 &&
			t->recv(&c->ctx, bin.data, bin.len, typmod, &v2) == 0 &&
			t->output(&c->ctx, v2, typmod, &again) == 0 &&
			strcmp(again.data, got + 3) == 0 && (t->cmp == NULL || t->cmp(v, v2) == 0);
		if (!same)
			ok(0, "binary round trip of %s '%s'", dc->type, dc->input);
	}
	arena_reset(&c->arena);
}

/* Calls a function or operator on literal arguments and prints its result. */
static void
run_fcase(Ctx *c, int i)
{
	const DtFnCase *fcase = &dt_fcases[i];
	Oid			types[8];
	Oid			resolved[8];
	Datum		args[8];
	bool		nulls[8] = {false};
	const FuncDef *fd = NULL;
	Oid			rettype = InvalidOid;
	char		got[512];
	char		desc[256];
	StrBuf		sb;
	int			n = 0;

	c->gucs.v[GUC_DATESTYLE].str = (char *) fcase->datestyle;
	c->gucs.v[GUC_INTERVALSTYLE].str = (char *) "postgres";
	c->gucs.v[GUC_TIMEZONE].str = (char *) fcase->timezone;
	mg_error_reset(&c->err);
	strbuf_init_arena(&sb, &c->arena);
	n = snprintf(desc, sizeof(desc), "%s(", fcase->name);
	for (int a = 0; a < fcase->nargs; a++)
	{
		const MgType *t = type_by_name(fcase->types[a]);

		n += snprintf(desc + n, sizeof(desc) - (size_t) n, "%s'%s'::%s", a ? ", " : "",
					  fcase->values[a], fcase->types[a]);
		types[a] = t ? t->oid : InvalidOid;
		if (t == NULL || t->input(&c->ctx, fcase->values[a], strlen(fcase->values[a]), -1, &args[a]) != 0)
		{
			ok(0, "%s) [%s]: argument does not parse", desc, fcase->timezone);
			return;
		}
	}
	snprintf(desc + n, sizeof(desc) - (size_t) n, ") [%s]", fcase->timezone);
	if (fcase->kind == 'c')
	{
		const MgType *target = type_by_name(fcase->name);
		Datum		result;

		if (target == NULL || cast_apply(&c->ctx, types[0], -1, target->oid, -1, true, args[0], &result) != 0)
			error_text(&c->err, got, sizeof(got));
		else if (type_output(&c->ctx, target->oid, -1, result, &sb) != 0)
			error_text(&c->err, got, sizeof(got));
		else
			snprintf(got, sizeof(got), "OK:%s", sb.data);
		if (!ok(strcmp(got, fcase->expected) == 0, "cast %s to %s", desc, fcase->name))
			printf("#   got:      %s\n#   expected: %s\n", got, fcase->expected);
		arena_reset(&c->arena);
		return;
	}
	if (fcase->kind == 'f')
	{
		fd = func_resolve(fcase->name, fcase->nargs, types, resolved, &c->err);
		if (fd)
			rettype = fd->rettype;
	}
	else
	{
		const OperDef *od;
		Oid			l = fcase->nargs == 2 ? types[0] : InvalidOid;
		Oid			r = types[fcase->nargs - 1];

		od = oper_resolve(fcase->name, l, r, &resolved[0], &resolved[1], &c->err);
		if (od)
		{
			fd = od->func;
			rettype = od->result;
			if (fcase->nargs == 1)
				resolved[0] = resolved[1];
		}
	}
	if (fd == NULL)
	{
		error_text(&c->err, got, sizeof(got));
		if (!ok(strcmp(got, fcase->expected) == 0, "%s: resolves", desc))
			printf("#   got:      %s\n#   expected: %s\n", got, fcase->expected);
		arena_reset(&c->arena);
		return;
	}
	{
		FnCall		fc;
		Datum		result;
		int			rc = 0;

		for (int a = 0; a < fcase->nargs && rc == 0; a++)
		{
			if (resolved[a] == ANYOID || resolved[a] == ANYELEMENTOID || resolved[a] == InvalidOid)
				resolved[a] = types[a];
			else if (resolved[a] != types[a])
				rc = cast_apply(&c->ctx, types[a], -1, resolved[a], -1, false, args[a], &args[a]);
		}
		memset(&fc, 0, sizeof(fc));
		fc.ctx = &c->ctx;
		fc.nargs = fcase->nargs;
		fc.args = args;
		fc.argnull = nulls;
		fc.argtypes = resolved;
		fc.rettype = rettype;
		fc.rettypmod = -1;
		if (rc == 0)
			rc = fd->fn(&fc, &result);
		if (rc != 0)
			error_text(&c->err, got, sizeof(got));
		else if (fc.isnull)
			snprintf(got, sizeof(got), "OK:<NULL>");
		else if (type_output(&c->ctx, rettype, -1, result, &sb) != 0)
			error_text(&c->err, got, sizeof(got));
		else
			snprintf(got, sizeof(got), "OK:%s", sb.data);
	}
	if (!ok(strcmp(got, fcase->expected) == 0, "%s", desc))
		printf("#   got:      %s\n#   expected: %s\n", got, fcase->expected);
	arena_reset(&c->arena);
}

/* generate_series over timestamps, driven as the executor does (func.h). */
static void
test_series(Ctx *c)
{
	static const struct {
		const char *tz;
		Oid			type;
		const char *start, *stop, *step, *expected;
	} cases[] = {
		{"America/New_York", TIMESTAMPTZOID, "2024-03-09 00:00", "2024-03-11 00:00", "12 hours",
		"2024-03-09 00:00:00-05|2024-03-09 12:00:00-05|2024-03-10 00:00:00-05|2024-03-10 13:00:00-04"},
		{"UTC", TIMESTAMPOID, "2024-01-31", "2024-06-01", "1 mon",
		"2024-01-31 00:00:00|2024-02-29 00:00:00|2024-03-29 00:00:00|2024-04-29 00:00:00|2024-05-29 00:00:00"},
		{"UTC", TIMESTAMPOID, "2024-01-03", "2024-01-01", "-1 day",
		"2024-01-03 00:00:00|2024-01-02 00:00:00|2024-01-01 00:00:00"},
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
	{
		Oid			types[3] = {cases[k].type, cases[k].type, INTERVALOID};
		Oid			resolved[3];
		Datum		args[3];
		bool		nulls[3] = {false, false, false};
		const FuncDef *f;
		FnCall		fc;
		StrBuf		sb;
		Arena		scan;
		int			rc = 0;

		c->gucs.v[GUC_TIMEZONE].str = (char *) cases[k].tz;
		c->gucs.v[GUC_DATESTYLE].str = (char *) "ISO, MDY";
		arena_init(&scan, 0);
		strbuf_init_arena(&sb, &scan);
		f = func_resolve("generate_series", 3, types, resolved, &c->err);
		rc = f == NULL ||
			type_input(&c->ctx, cases[k].type, -1, cases[k].start, strlen(cases[k].start), &args[0]) ||
			type_input(&c->ctx, cases[k].type, -1, cases[k].stop, strlen(cases[k].stop), &args[1]) ||
			type_input(&c->ctx, INTERVALOID, -1, cases[k].step, strlen(cases[k].step), &args[2]);
		memset(&fc, 0, sizeof(fc));
		fc.ctx = &c->ctx;
		fc.nargs = 3;
		fc.args = args;
		fc.argnull = nulls;
		fc.argtypes = types;
		fc.rettype = cases[k].type;
		fc.srf_arena = &scan;
		while (rc == 0)
		{
			Datum		v;

			rc = f->fn(&fc, &v);
			if (rc != 0 || fc.srf_done)
				break;
			if (sb.len > 0)
				strbuf_putc(&sb, '|');
			rc = type_output(&c->ctx, cases[k].type, -1, v, &sb);
		}
		if (!ok(rc == 0 && strcmp(sb.data, cases[k].expected) == 0, "generate_series('%s', '%s', '%s')",
				cases[k].start, cases[k].stop, cases[k].step))
			printf("#   got: %s\n", sb.data ? sb.data : "(error)");
		mg_error_reset(&c->err);
		arena_destroy(&scan);
		arena_reset(&c->arena);
	}
}

/*
 * Key encodings (types.h): for every pair of sample values, memcmp order of
 * the keys equals the type's cmp order.
 */
static void
test_key_order(Ctx *c)
{
	static const struct { const char *type; const char *v[12]; } sets[] = {
		{"jsonb", {"null", "\"\"", "\"a\\u0001\"", "\"ab\"", "\"b\"", "-1.5", "0", "2", "10.0", "false", "true", NULL}},
		{"jsonb", {"[]", "null", "\"b\"", "[1]", "[2]", "[\"a\", 1]", "[1, 2]", "{}", "{\"a\": 1}", "{\"aa\": 0}",
		 "{\"b\": 0}", NULL}},
		{"jsonb", {"[]", "true", "[null]", "[[]]", "[[1, 2]]", "{\"a\": 1, \"b\": 2}", "{\"a\": 1, \"c\": 0}", NULL}},
		{"interval", {"-1 year", "-1 day", "-00:00:01", "0", "1 microsecond", "23:59:59", "1 day", "25 hours",
		 "1 mon", "31 days", "1 year", NULL}},
		{"timestamptz", {"-infinity", "4713-01-01 BC", "0001-01-01 BC", "1999-12-31 23:59:59.999999",
		 "2000-01-01", "2038-01-19 03:14:08", "294276-01-01", "infinity", NULL}},
		{"date", {"-infinity", "4713-01-01 BC", "1999-12-31", "2000-01-01", "5874897-12-31", "infinity", NULL}},
		{"time", {"00:00", "00:00:00.000001", "12:00", "23:59:59.999999", "24:00", NULL}},
	};

	c->gucs.v[GUC_TIMEZONE].str = (char *) "UTC";
	c->gucs.v[GUC_DATESTYLE].str = (char *) "ISO, MDY";
	c->gucs.v[GUC_INTERVALSTYLE].str = (char *) "postgres";
	for (size_t k = 0; k < sizeof(sets) / sizeof(sets[0]); k++)
	{
		const MgType *t = type_by_name(sets[k].type);
		Datum		vals[12];
		StrBuf		keys[12];
		int			n = 0;
		int			bad = 0;

		for (; sets[k].v[n]; n++)
		{
			if (t->input(&c->ctx, sets[k].v[n], strlen(sets[k].v[n]), -1, &vals[n]) != 0)
				bad++;
			strbuf_init_arena(&keys[n], &c->arena);
			t->key_encode(vals[n], &keys[n]);
		}
		for (int i = 0; i < n && !bad; i++)
			for (int j = 0; j < n; j++)
			{
				size_t		m = keys[i].len < keys[j].len ? keys[i].len : keys[j].len;
				int			kc = memcmp(keys[i].data, keys[j].data, m);
				int			cc = t->cmp(vals[i], vals[j]);

				if (kc == 0)
					kc = (keys[i].len > keys[j].len) - (keys[i].len < keys[j].len);
				if ((kc > 0) - (kc < 0) != (cc > 0) - (cc < 0) || cc != (i > j) - (i < j))
				{
					printf("# %s: '%s' vs '%s': key %d, cmp %d\n", sets[k].type, sets[k].v[i], sets[k].v[j], kc, cc);
					bad++;
				}
			}
		ok(bad == 0, "%s key encoding and cmp agree on %d sorted values", sets[k].type, n);
		arena_reset(&c->arena);
	}
}

/* json_agg family over (b, 1), (a, NULL), (c, 2.50), against PostgreSQL. */
static void
test_json_aggs(Ctx *c)
{
	static const char *const keys[] = {"b", "a", "c"};
	static const char *const vals[] = {"1", NULL, "2.50"};
	static const struct { const char *name; int nargs; const char *expected; } aggs[] = {
		{"json_agg", 1, "[1, null, 2.50]"},
		{"jsonb_agg", 1, "[1, null, 2.50]"},
		{"json_object_agg", 2, "{ \"b\" : 1, \"a\" : null, \"c\" : 2.50 }"},
		{"jsonb_object_agg", 2, "{\"a\": null, \"b\": 1, \"c\": 2.50}"},
	};

	for (size_t k = 0; k < sizeof(aggs) / sizeof(aggs[0]); k++)
	{
		Oid			types[2];
		Oid			resolved[2];
		const AggDef *a;
		void	   *state = NULL;
		Datum		out = 0;
		bool		isnull = false;
		StrBuf		sb;
		int			rc;

		types[0] = aggs[k].nargs == 2 ? TEXTOID : NUMERICOID;
		types[1] = NUMERICOID;
		a = agg_resolve(aggs[k].name, aggs[k].nargs, types, resolved, &c->err);
		strbuf_init_arena(&sb, &c->arena);
		rc = a == NULL || a->init(&c->ctx, types, &state);
		for (int i = 0; rc == 0 && i < 3; i++)
		{
			Datum		args[2] = {0, 0};
			bool		nulls[2] = {false, vals[i] == NULL};

			if (vals[i] != NULL)
				rc = type_input(&c->ctx, NUMERICOID, -1, vals[i], strlen(vals[i]), &args[1]);
			if (aggs[k].nargs == 1)
			{
				args[0] = args[1];
				nulls[0] = nulls[1];
			}
			else
				args[0] = cstring_text_datum(&c->arena, keys[i]);
			if (rc == 0)
				rc = a->trans(&c->ctx, state, args, nulls);
		}
		if (rc == 0)
			rc = a->final(&c->ctx, state, a->rettype, &out, &isnull) || isnull ||
				type_output(&c->ctx, a->rettype, -1, out, &sb);
		if (!ok(rc == 0 && strcmp(sb.data, aggs[k].expected) == 0, "%s", aggs[k].name))
			printf("#   got: %s\n", rc == 0 ? sb.data : "(error)");
		mg_error_reset(&c->err);
		arena_reset(&c->arena);
	}
}

/* The json set-returning functions, rows joined by '|' (NULL as <NULL>), from PostgreSQL. */
static void
test_json_srfs(Ctx *c)
{
	static const struct { const char *fn; Oid type; const char *arg; const char *expected; } cases[] = {
		{"jsonb_array_elements_text", JSONBOID, "[1, \"a\", null, {\"b\": 2}]", "1|a|<NULL>|{\"b\": 2}"},
		{"json_array_elements", JSONOID, "[1, \"a\" , {\"b\":  2}]", "1|\"a\"|{\"b\":  2}"},
		{"jsonb_object_keys", JSONBOID, "{\"bb\":1, \"a\":2}", "a|bb"},
		{"json_object_keys", JSONOID, "{\"bb\":1, \"a\":2, \"bb\":3}", "bb|a|bb"},
		{"jsonb_array_elements", JSONBOID, "{}", "ERR:cannot extract elements from an object"},
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
	{
		Oid			types[1] = {cases[k].type};
		Oid			resolved[1];
		Datum		arg;
		bool		nulls[1] = {false};
		const FuncDef *f;
		FnCall		fc;
		StrBuf		sb;
		Arena		scan;
		int			rc;
		int			rows = 0;

		arena_init(&scan, 0);
		strbuf_init_arena(&sb, &scan);
		f = func_resolve(cases[k].fn, 1, types, resolved, &c->err);
		rc = f == NULL || type_input(&c->ctx, cases[k].type, -1, cases[k].arg, strlen(cases[k].arg), &arg);
		memset(&fc, 0, sizeof(fc));
		fc.ctx = &c->ctx;
		fc.nargs = 1;
		fc.args = &arg;
		fc.argnull = nulls;
		fc.argtypes = types;
		fc.rettype = f ? f->rettype : InvalidOid;
		fc.srf_arena = &scan;
		while (rc == 0)
		{
			Datum		v;

			fc.isnull = false;
			rc = f->fn(&fc, &v);
			if (rc != 0 || fc.srf_done)
				break;
			if (rows++ > 0)
				strbuf_putc(&sb, '|');
			if (fc.isnull)
				strbuf_puts(&sb, "<NULL>");
			else
				rc = type_output(&c->ctx, f->rettype, -1, v, &sb);
		}
		if (rc != 0)
		{
			strbuf_reset(&sb);
			strbuf_printf(&sb, "ERR:%s", c->err.message ? c->err.message : "?");
		}
		if (!ok(strcmp(sb.data, cases[k].expected) == 0, "%s('%s')", cases[k].fn, cases[k].arg))
			printf("#   got: %s\n", sb.data);
		mg_error_reset(&c->err);
		arena_destroy(&scan);
		arena_reset(&c->arena);
	}
}

/*
 * Random date/time-ish and JSON-ish strings through every input function
 * (deterministic seed): each call must either succeed and print, or fail
 * with an error set; under the sanitizer build this also finds overruns.
 */
static void
test_random_inputs(Ctx *c)
{
	static const char alphabet[] = "0123456789 -+:./,TtZzPpYMDWHSjJaAbBcCdDeEfFnNoOuUxX\"[]{}\\@";
	static const char *const types[] = {"date", "time", "timetz", "timestamp", "timestamptz", "interval", "json", "jsonb"};
	uint64_t	seed = UINT64_C(0x9E3779B97F4A7C15);
	int			bad = 0;

	c->gucs.v[GUC_TIMEZONE].str = (char *) "Europe/Berlin";
	for (int iter = 0; iter < 20000; iter++)
	{
		char		buf[48];
		int			len;

		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		len = (int) (seed % 40);
		for (int i = 0; i < len; i++)
		{
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			buf[i] = alphabet[seed % (sizeof(alphabet) - 1)];
		}
		buf[len] = '\0';
		for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++)
		{
			const MgType *mt = type_by_name(types[t]);
			Datum		v;
			StrBuf		sb;

			strbuf_init_arena(&sb, &c->arena);
			mg_error_reset(&c->err);
			if (mt->input(&c->ctx, buf, (size_t) len, -1, &v) == 0)
			{
				if (mt->output(&c->ctx, v, -1, &sb) != 0)
					bad++;
			}
			else if (!mg_error_isset(&c->err))
				bad++;
		}
		arena_reset(&c->arena);
	}
	mg_error_reset(&c->err);
	ok(bad == 0, "20000 random strings through the date/time and json input functions");
}

/* sum/avg(interval) against PostgreSQL: 1 day, 2 hours, 1 mon 3 seconds. */
static void
test_interval_aggs(Ctx *c)
{
	static const char *const inputs[] = {"1 day", "2 hours", "1 mon 3 seconds"};
	static const struct { const char *name; const char *expected; } aggs[] = {
		{"sum", "1 mon 1 day 02:00:03"},
		{"avg", "10 days 08:40:01"},
	};
	Oid			argtype = INTERVALOID;

	c->gucs.v[GUC_INTERVALSTYLE].str = (char *) "postgres";
	for (size_t k = 0; k < sizeof(aggs) / sizeof(aggs[0]); k++)
	{
		Oid			resolved;
		const AggDef *a = agg_resolve(aggs[k].name, 1, &argtype, &resolved, &c->err);
		void	   *state = NULL;
		Datum		out = 0;
		bool		isnull = false;
		StrBuf		sb;
		int			rc;

		strbuf_init_arena(&sb, &c->arena);
		rc = a == NULL || a->init(&c->ctx, &argtype, &state);
		for (size_t i = 0; rc == 0 && i < 3; i++)
		{
			Datum		v;
			bool		nul = false;

			rc = interval_in(&c->ctx, inputs[i], strlen(inputs[i]), -1, &v) ||
				a->trans(&c->ctx, state, &v, &nul);
		}
		if (rc == 0)
			rc = a->final(&c->ctx, state, INTERVALOID, &out, &isnull) || isnull ||
				interval_out(&c->ctx, out, -1, &sb);
		if (!ok(rc == 0 && strcmp(sb.data, aggs[k].expected) == 0, "%s(interval)", aggs[k].name))
			printf("#   got: %s\n", rc == 0 ? sb.data : "(error)");
		mg_error_reset(&c->err);
		arena_reset(&c->arena);
	}
}

int
main(void)
{
	Ctx			c;

	types_init();
	func_init();
	memset(&c, 0, sizeof(c));
	arena_init(&c.arena, 0);
	c.ctx.arena = &c.arena;
	c.ctx.err = &c.err;
	c.ctx.gucs = &c.gucs;
	c.gucs.v[GUC_EXTRA_FLOAT_DIGITS].i = 1;
	/* 2024-06-15 12:00:00 UTC: "now" for the parser */
	c.ctx.txn_timestamp = INT64_C(771681600000000);

	for (int i = 0; i < dt_ncases; i++)
		run_case(&c, i);
	for (int i = 0; i < dt_nfcases; i++)
		run_fcase(&c, i);
	test_interval_aggs(&c);
	test_series(&c);
	test_key_order(&c);
	test_json_aggs(&c);
	test_json_srfs(&c);
	test_random_inputs(&c);

	mg_error_reset(&c.err);
	arena_destroy(&c.arena);
	tz_cache_free();
	return tap_done();
}
