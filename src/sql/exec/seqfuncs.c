/*
 * seqfuncs.c — sequence functions: nextval, currval, setval, lastval.
 *
 * Design notes:
 *   - Sequence state is storage's non-transactional per-database counter
 *     (st_seq_update under its mutex), so nextval is never rolled back and
 *     concurrent sessions never get the same value.  The sequence's
 *     parameters (increment, bounds, cycle) come from the catalog the
 *     statement sees.
 *   - currval/lastval are per session (PostgreSQL's SeqTable): a small list
 *     of the last value each sequence returned in this session.
 *
 * Invariants:
 *   1. A value returned by nextval lies within [min, max] of the sequence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/mem.h>
#include <memgres/sqlstate.h>

#include "../catalog.h"
#include "../engine.h"
#include "../seqfuncs.h"

static const CatTable *
sequence_of(FnCall *fc, Oid oid)
{
	SqlSession *s = fc->ctx->session;
	const CatTable *t;

	if (!s)
	{
		mg_error(fc->ctx->err, SQLSTATE_FEATURE_NOT_SUPPORTED, "sequence functions need a session");
		return NULL;
	}
	t = catalog_table_by_oid(session_catalog(s), oid);
	if (!t)
	{
		mg_error(fc->ctx->err, SQLSTATE_UNDEFINED_TABLE, "could not open relation with OID %u", oid);
		return NULL;
	}
	if (t->relkind != 'S')
	{
		mg_error(fc->ctx->err, SQLSTATE_WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", t->name);
		return NULL;
	}
	return t;
}

static void
remember(SqlSession *s, Oid oid, int64_t value)
{
	SeqLast    *l;

	for (l = s->seq_last; l; l = l->next)
		if (l->oid == oid)
			break;
	if (!l)
	{
		l = mg_calloc(1, sizeof(SeqLast));
		l->oid = oid;
		l->next = s->seq_last;
		s->seq_last = l;
	}
	l->value = value;
	s->seq_lastval_oid = oid;
}

void
seq_session_free(SqlSession *s)
{
	while (s->seq_last)
	{
		SeqLast    *l = s->seq_last;

		s->seq_last = l->next;
		free(l);
	}
}

typedef struct NextArg
{
	const CatTable *t;
	int64_t		result;
} NextArg;

static int
next_fn(void *arg, StSeqState *st, MgError *err)
{
	NextArg    *na = arg;
	const CatSequence *q = na->t->seq;
	int64_t		v;

	if (!st->is_called)
	{
		/* A state created by storage starts at 0: take the sequence's start. */
		v = st->log_cnt == 0 && st->last_value == 0 ? q->start : st->last_value;
	}
	else if (__builtin_add_overflow(st->last_value, q->increment, &v) ||
			 v > q->max || v < q->min)
	{
		if (!q->cycle)
		{
			if (q->increment > 0)
				mg_error(err, SQLSTATE_SEQUENCE_GENERATOR_LIMIT_EXCEEDED,
						 "nextval: reached maximum value of sequence \"%s\" (%lld)", na->t->name, (long long) q->max);
			else
				mg_error(err, SQLSTATE_SEQUENCE_GENERATOR_LIMIT_EXCEEDED,
						 "nextval: reached minimum value of sequence \"%s\" (%lld)", na->t->name, (long long) q->min);
			return -1;
		}
		v = q->increment > 0 ? q->min : q->max;
	}
	st->last_value = v;
	st->is_called = true;
	st->log_cnt = 1;
	na->result = v;
	return 0;
}

static int
fn_nextval(FnCall *fc, Datum *out)
{
	const CatTable *t = sequence_of(fc, DatumGetObjectId(fc->args[0]));
	NextArg		na;

	if (!t)
		return -1;
	na.t = t;
	if (st_seq_update(fc->ctx->session->db, t->oid, next_fn, &na, fc->ctx->err) < 0)
		return -1;
	remember(fc->ctx->session, t->oid, na.result);
	*out = Int64GetDatum(na.result);
	return 0;
}

static int
fn_currval(FnCall *fc, Datum *out)
{
	const CatTable *t = sequence_of(fc, DatumGetObjectId(fc->args[0]));

	if (!t)
		return -1;
	for (SeqLast *l = fc->ctx->session->seq_last; l; l = l->next)
		if (l->oid == t->oid)
		{
			*out = Int64GetDatum(l->value);
			return 0;
		}
	mg_error(fc->ctx->err, SQLSTATE_OBJECT_NOT_IN_PREREQUISITE_STATE,
			 "currval of sequence \"%s\" is not yet defined in this session", t->name);
	return -1;
}

static int
fn_lastval(FnCall *fc, Datum *out)
{
	SqlSession *s = fc->ctx->session;

	if (!s || s->seq_lastval_oid == InvalidOid)
	{
		mg_error(fc->ctx->err, SQLSTATE_OBJECT_NOT_IN_PREREQUISITE_STATE, "lastval is not yet defined in this session");
		return -1;
	}
	for (SeqLast *l = s->seq_last; l; l = l->next)
		if (l->oid == s->seq_lastval_oid)
		{
			*out = Int64GetDatum(l->value);
			return 0;
		}
	mg_error(fc->ctx->err, SQLSTATE_OBJECT_NOT_IN_PREREQUISITE_STATE, "lastval is not yet defined in this session");
	return -1;
}

typedef struct SetArg
{
	int64_t		value;
	bool		is_called;
} SetArg;

static int
set_fn(void *arg, StSeqState *st, MgError *err)
{
	SetArg	   *sa = arg;

	(void) err;
	st->last_value = sa->value;
	st->is_called = sa->is_called;
	st->log_cnt = 1;
	return 0;
}

static int
fn_setval(FnCall *fc, Datum *out)
{
	const CatTable *t = sequence_of(fc, DatumGetObjectId(fc->args[0]));
	SetArg		sa;

	if (!t)
		return -1;
	sa.value = DatumGetInt64(fc->args[1]);
	sa.is_called = fc->nargs > 2 ? DatumGetBool(fc->args[2]) : true;
	if (sa.value < t->seq->min || sa.value > t->seq->max)
	{
		mg_error(fc->ctx->err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				 "setval: value %lld is out of bounds for sequence \"%s\" (%lld..%lld)",
				 (long long) sa.value, t->name, (long long) t->seq->min, (long long) t->seq->max);
		return -1;
	}
	if (st_seq_update(fc->ctx->session->db, t->oid, set_fn, &sa, fc->ctx->err) < 0)
		return -1;
	if (sa.is_called)
		remember(fc->ctx->session, t->oid, sa.value);
	*out = Int64GetDatum(sa.value);
	return 0;
}

void
seq_reset(StDatabase *db, const CatTable *t)
{
	StSeqState	st = {.last_value = t->seq->start, .is_called = false, .log_cnt = 1};

	st_seq_set(db, t->oid, &st);
}

static const FuncDef seq_funcs[] = {
	{.name = "nextval", .nargs = 1, .argtypes = {REGCLASSOID}, .rettype = INT8OID,
	 .strict = true, .volatility = FUNC_VOLATILE, .fn = fn_nextval},
	{.name = "currval", .nargs = 1, .argtypes = {REGCLASSOID}, .rettype = INT8OID,
	 .strict = true, .volatility = FUNC_VOLATILE, .fn = fn_currval},
	{.name = "lastval", .nargs = 0, .rettype = INT8OID,
	 .strict = true, .volatility = FUNC_VOLATILE, .fn = fn_lastval},
	{.name = "setval", .nargs = 2, .argtypes = {REGCLASSOID, INT8OID}, .rettype = INT8OID,
	 .strict = true, .volatility = FUNC_VOLATILE, .fn = fn_setval},
	{.name = "setval", .nargs = 3, .argtypes = {REGCLASSOID, INT8OID, BOOLOID}, .rettype = INT8OID,
	 .strict = true, .volatility = FUNC_VOLATILE, .fn = fn_setval},
};

void
register_seq_funcs(void)
{
	func_register(seq_funcs, (int) (sizeof(seq_funcs) / sizeof(seq_funcs[0])));
}
