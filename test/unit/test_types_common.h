/*
 * test_types_common.h — a tiny TAP harness and an EvalCtx for the type
 * system's unit tests (no session, no catalog).
 */
#ifndef TEST_TYPES_COMMON_H
#define TEST_TYPES_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/arena.h>
#include <memgres/error.h>
#include <memgres/guc.h>
#include <memgres/types.h>

static int	tap_n, tap_failed;

static void
tap_ok(int cond, const char *fmt,...) __attribute__((format(printf, 2, 3)));
static void
tap_ok(int cond, const char *fmt,...)
{
	va_list		ap;

	tap_n++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond)
		tap_failed++;
}

typedef struct TestCtx {
	Arena		arena;
	MgError		err;
	GucSession	gucs;
	EvalCtx		ctx;
} TestCtx;

static void
test_ctx_init(TestCtx *t)
{
	memset(t, 0, sizeof(*t));
	arena_init(&t->arena, 0);
	t->gucs.v[GUC_EXTRA_FLOAT_DIGITS].i = 1;
	t->gucs.v[GUC_BYTEA_OUTPUT].str = (char *) "hex";
	t->ctx.arena = &t->arena;
	t->ctx.err = &t->err;
	t->ctx.gucs = &t->gucs;
}

static void
test_ctx_free(TestCtx *t)
{
	mg_error_reset(&t->err);
	arena_destroy(&t->arena);
}

/* Applies a psql "set NAME=VALUE" line of a test case to the context's settings. */
static void
test_ctx_set(TestCtx *t, const char *set)
{
	t->gucs.v[GUC_EXTRA_FLOAT_DIGITS].i = 1;
	t->gucs.v[GUC_BYTEA_OUTPUT].str = (char *) "hex";
	if (set == NULL)
		return;
	if (strncmp(set, "set extra_float_digits=", 23) == 0)
		t->gucs.v[GUC_EXTRA_FLOAT_DIGITS].i = atoi(set + 23);
	else if (strcmp(set, "set bytea_output=escape") == 0)
		t->gucs.v[GUC_BYTEA_OUTPUT].str = (char *) "escape";
}

/* "varchar(3)", "numeric(5,2)", "int4[]", "\"char\"" -> type and typmod. */
static const MgType *
test_parse_type(TestCtx *t, const char *spec, int32_t *typmod)
{
	char		base[64];
	const char *paren = strchr(spec, '(');
	size_t		n = paren ? (size_t) (paren - spec) : strlen(spec);
	const MgType *ty;

	*typmod = -1;
	if (spec[0] == '"')
		return type_by_oid(CHAROID);
	memcpy(base, spec, n);
	base[n] = '\0';
	if (paren != NULL && strcmp(base, "char") == 0)
		strcpy(base, "bpchar");		/* the grammar's CHAR(n) */
	if (paren != NULL && strchr(paren, ']') != NULL)
		strcat(base, "[]");
	ty = type_by_name(base);
	if (ty == NULL)
		return NULL;
	if (paren != NULL)
	{
		int32_t		mods[2];
		int			nm = sscanf(paren, "(%d,%d)", &mods[0], &mods[1]);
		const MgType *mt = ty->category == 'A' ? type_by_oid(ty->elem) : ty;

		if (mt->modin == NULL || mt->modin(&t->ctx, mods, nm, typmod) < 0)
			return NULL;
	}
	return ty;
}

typedef struct IoCase {
	const char *type;
	const char *input;
	const char *output;			/* NULL: an error is expected */
	const char *sqlstate;
	const char *message;
	const char *set;			/* a setting the case needs, or NULL */
} IoCase;

/*
 * Runs one case as PostgreSQL runs 'input'::type: the input function with no
 * typmod, then the typmod as an explicit cast; then the output function, and
 * a binary send/recv round trip that must give the same text again.
 */
static void
test_io_case(TestCtx *t, const IoCase *c)
{
	int32_t		typmod;
	const MgType *ty;
	Datum		d;
	StrBuf		sb;
	int			rc;

	test_ctx_set(t, c->set);
	mg_error_reset(&t->err);
	ty = test_parse_type(t, c->type, &typmod);
	if (ty == NULL)
	{
		tap_ok(0, "%s: type known", c->type);
		return;
	}
	rc = ty->input(&t->ctx, c->input, strlen(c->input), -1, &d);
	if (rc == 0 && typmod >= 0)
	{
		const MgType *mt = ty;

		if (mt->modapply != NULL)
			rc = mt->modapply(&t->ctx, d, typmod, true, &d);
	}
	strbuf_init(&sb);
	if (rc == 0)
		rc = ty->output(&t->ctx, d, typmod, &sb);
	if (c->output == NULL)
	{
		tap_ok(rc < 0 && strcmp(t->err.sqlstate, c->sqlstate) == 0 &&
			   strcmp(t->err.message, c->message) == 0,
			   "'%s'::%s fails with %s: %s (got %s: %s)", c->input, c->type, c->sqlstate, c->message,
			   rc < 0 ? t->err.sqlstate : "no error", rc < 0 ? t->err.message : sb.data);
	}
	else
	{
		tap_ok(rc == 0 && strcmp(sb.data, c->output) == 0, "'%s'::%s = '%s' (got '%s'%s%s)",
			   c->input, c->type, c->output, rc == 0 ? sb.data : "", rc < 0 ? " error " : "",
			   rc < 0 ? t->err.message : "");
		if (rc == 0 && ty->send != NULL && ty->recv != NULL)
		{
			StrBuf		bin, txt;
			Datum		d2;
			int			rc2;

			strbuf_init(&bin);
			strbuf_init(&txt);
			rc2 = ty->send(&t->ctx, d, typmod, &bin);
			if (rc2 == 0)
				rc2 = ty->recv(&t->ctx, bin.data, bin.len, typmod, &d2);
			if (rc2 == 0)
				rc2 = ty->output(&t->ctx, d2, typmod, &txt);
			tap_ok(rc2 == 0 && strcmp(txt.data, c->output) == 0 &&
				   (ty->cmp == NULL || ty->cmp(d, d2) == 0),
				   "'%s'::%s survives send/recv (got '%s')", c->input, c->type, txt.data);
			strbuf_free(&bin);
			strbuf_free(&txt);
		}
	}
	strbuf_free(&sb);
	arena_reset(&t->arena);
}

#endif
