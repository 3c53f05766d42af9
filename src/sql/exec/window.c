/*
 * window.c — the WindowAgg executor node: window functions over the rows of
 * its child.
 *
 * Design notes:
 *   - The node reads its whole input first, copying each row into its own
 *     arena (rows[]).  Then, window by window, it evaluates the PARTITION BY
 *     and ORDER BY keys of every row, sorts row numbers by them (a stable
 *     merge sort, so rows that tie keep their input order), marks the
 *     partitions and peer groups of that order, and computes every call over
 *     that window for every row.  Results are copied into the node's arena;
 *     what a window needed only while it was computed (keys, arguments)
 *     lives in an arena freed when it is done.
 *   - Rows come out in the order of the last window computed, each as
 *     [input row..., call results...] projected by the node's target list.
 *   - Frames follow PostgreSQL's rules for ROWS, RANGE and GROUPS (with
 *     offsets; RANGE offsets through window.h's WinRangeKind) and EXCLUDE.
 *     A frame is [start, end) of the sorted partition minus the excluded
 *     rows.  Rows whose frame equals the previous row's reuse its result,
 *     so peers under the default frame and whole-partition frames cost one
 *     pass.  A frame that starts where the previous one did and ends no
 *     earlier (running totals) only adds the new rows to the previous state
 *     when the aggregate's final is repeatable (AggDef.final_repeatable);
 *     any other frame is aggregated afresh from the aggregate's init.
 *
 * Invariants:
 *   1. order[] is a permutation of 0..nrows-1 once loaded.
 *   2. Within one window's sort, the rows of a partition are contiguous and
 *     the NULL sort keys of a RANGE offset window are at one end of it.
 */
#include <stdlib.h>
#include <string.h>

#include <memgres/mem.h>
#include <memgres/sqlstate.h>

#include "../exec.h"
#include "../window.h"

typedef struct WinRow
{
	Datum	   *values;
	bool	   *nulls;
} WinRow;

typedef struct WindowState
{
	bool		loaded;
	Arena	   *store;			/* rows and results: the whole run */
	Arena	   *agg_arena;		/* one frame's aggregate state */
	Arena	   *scratch;		/* a repeatable final's result, until copied */
	WinRow	   *rows;			/* mg_realloc'd */
	int64_t		nrows;
	int64_t		cap;
	Datum	  **res;			/* per call: one result per row */
	bool	  **resnull;
	int64_t    *order;			/* output order */
	int64_t		pos;
} WindowState;

/* One window being computed: its sort and the shape of its partitions. */
typedef struct WinPass
{
	const WinClause *c;
	int			nkeys;			/* npart + norder */
	Datum	   *keys;			/* nrows * nkeys, by row number */
	bool	   *keynulls;
	int64_t    *perm;			/* sorted position -> row number */
	int64_t    *part_start;		/* by position */
	int64_t    *part_end;
	int64_t    *peer_start;
	int64_t    *peer_end;
	int64_t    *gid;			/* peer group number (global) */
	int64_t    *gstart;			/* by group number */
	int64_t    *gend;
	/* frame offsets */
	int64_t		start_off;
	int64_t		end_off;
	Datum		start_val;		/* RANGE offsets as their type */
	Datum		end_val;
	/* RANGE with offset: by position */
	int64_t    *ikey;			/* WINRANGE_INT */
	double	   *fkey;			/* WINRANGE_FLOAT */
	Datum	   *ckey;			/* WINRANGE_EXPR: the key as the bound's type */
	int64_t    *nn_start;		/* non-NULL key rows of the position's partition */
	int64_t    *nn_end;
} WinPass;

/* ---- sorting -------------------------------------------------------------- */

static int
pass_compare(const WinPass *p, int64_t a, int64_t b)
{
	const WinClause *c = p->c;

	for (int k = 0; k < p->nkeys; k++)
	{
		bool		an = p->keynulls[a * p->nkeys + k];
		bool		bn = p->keynulls[b * p->nkeys + k];
		bool		desc = false;
		bool		nulls_first = false;
		TypeCmpFn	cmp;
		int			r;

		if (k < c->npart)
			cmp = c->partcmp[k];
		else
		{
			const WinOrderKey *ok = &c->order[k - c->npart];

			cmp = ok->cmp;
			desc = ok->desc;
			nulls_first = ok->nulls_first;
		}
		if (an || bn)
		{
			if (an && bn)
				continue;
			r = an ? 1 : -1;
			return nulls_first ? -r : r;
		}
		r = cmp(p->keys[a * p->nkeys + k], p->keys[b * p->nkeys + k]);
		if (r != 0)
			return desc ? -r : r;
	}
	return 0;
}

static bool
same_keys(const WinPass *p, int64_t a, int64_t b, int from, int to)
{
	for (int k = from; k < to; k++)
	{
		bool		an = p->keynulls[a * p->nkeys + k];
		bool		bn = p->keynulls[b * p->nkeys + k];
		TypeCmpFn	cmp = k < p->c->npart ? p->c->partcmp[k] : p->c->order[k - p->c->npart].cmp;

		if (an != bn)
			return false;
		if (!an && cmp(p->keys[a * p->nkeys + k], p->keys[b * p->nkeys + k]) != 0)
			return false;
	}
	return true;
}

static void
perm_sort(const WinPass *p, int64_t *v, int64_t *tmp, int64_t n)
{
	int64_t		mid,
				i,
				j,
				k;

	if (n < 2)
		return;
	if (n <= 8)
	{
		for (i = 1; i < n; i++)
		{
			int64_t		x = v[i];

			for (j = i; j > 0 && pass_compare(p, v[j - 1], x) > 0; j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
		return;
	}
	mid = n / 2;
	perm_sort(p, v, tmp, mid);
	perm_sort(p, v + mid, tmp, n - mid);
	if (pass_compare(p, v[mid - 1], v[mid]) <= 0)
		return;
	memcpy(tmp, v, sizeof(int64_t) * (size_t) n);
	for (i = 0, j = mid, k = 0; i < mid && j < n;)
		v[k++] = pass_compare(p, tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
	while (i < mid)
		v[k++] = tmp[i++];
	while (j < n)
		v[k++] = tmp[j++];
}

/* ---- loading ---------------------------------------------------------------- */

static int
window_load(ExecState *es, ExecNode *n, WindowState *st)
{
	const Plan *cp = n->child->plan;
	int			w = n->plan->u.window.input_width;

	for (;;)
	{
		int			rc = exec_next(es, n->child);
		WinRow	   *r;

		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
		if (exec_check_interrupt(es) < 0)
			return -1;
		if (st->nrows == st->cap)
		{
			st->cap = st->cap ? st->cap * 2 : 256;
			st->rows = mg_realloc(st->rows, sizeof(WinRow) * (size_t) st->cap);
		}
		r = &st->rows[st->nrows++];
		r->values = arena_alloc(st->store, sizeof(Datum) * (size_t) (w > 0 ? w : 1));
		r->nulls = arena_alloc(st->store, sizeof(bool) * (size_t) (w > 0 ? w : 1));
		for (int i = 0; i < w; i++)
		{
			r->nulls[i] = n->child->nulls[i];
			r->values[i] = r->nulls[i] ? 0 :
				datum_copy(st->store, type_by_oid(cp->out_types[i]), n->child->values[i]);
		}
	}
	return 0;
}

/* ---- frame offsets ---------------------------------------------------------- */

static int
offset_error(ExecState *es, bool start, bool isnull)
{
	if (isnull)
		mg_error(es->err, SQLSTATE_NULL_VALUE_NOT_ALLOWED, "frame %s offset must not be null",
				 start ? "starting" : "ending");
	else
		mg_error(es->err, SQLSTATE_INVALID_PRECEDING_OR_FOLLOWING_SIZE, "frame %s offset must not be negative",
				 start ? "starting" : "ending");
	return -1;
}

static int
eval_offset(ExecState *es, EvalCtx *ctx, const WinClause *c, const Expr *e, bool start,
			int64_t *ival, Datum *val)
{
	bool		isnull;
	bool		negative;

	if (!e)
		return 0;
	if (expr_eval(ctx, &es->rs, e, NULL, val, &isnull) < 0)
		return -1;
	if (isnull)
		return offset_error(es, start, true);
	if (!(c->frame & AST_FRAME_RANGE))
	{
		*ival = DatumGetInt64(*val);
		return *ival < 0 ? offset_error(es, start, false) : 0;
	}
	switch (c->range)
	{
		case WINRANGE_INT:
			*ival = e->type == INT2OID ? DatumGetInt16(*val) :
				e->type == INT4OID ? DatumGetInt32(*val) : DatumGetInt64(*val);
			negative = *ival < 0;
			break;
		case WINRANGE_FLOAT:
			negative = DatumGetFloat8(*val) < 0;
			break;
		default:
			{
				Datum		zero;
				const char *z = c->offset_type == INTERVALOID ? "00:00:00" : "0";

				if (type_input(ctx, c->offset_type, -1, z, strlen(z), &zero) < 0)
					return -1;
				negative = type_by_oid(c->offset_type)->cmp(*val, zero) < 0;
				break;
			}
	}
	if (negative)
	{
		mg_error(es->err, SQLSTATE_INVALID_PRECEDING_OR_FOLLOWING_SIZE,
				 "invalid preceding or following size in window function");
		return -1;
	}
	return 0;
}

/* ---- the sorted window -------------------------------------------------------- */

static int64_t
key_int64(Oid type, Datum d)
{
	return type == INT2OID ? DatumGetInt16(d) : type == INT4OID ? DatumGetInt32(d) : DatumGetInt64(d);
}

static int
pass_prepare(ExecState *es, EvalCtx *ctx, WindowState *st, WinPass *p)
{
	const WinClause *c = p->c;
	int64_t		nr = st->nrows;
	int64_t		ngroups = 0;
	Arena	   *a = ctx->arena;
	int64_t    *tmp;

	p->nkeys = c->npart + c->norder;
	p->keys = arena_alloc(a, sizeof(Datum) * (size_t) (nr * p->nkeys + 1));
	p->keynulls = arena_alloc(a, sizeof(bool) * (size_t) (nr * p->nkeys + 1));
	for (int64_t r = 0; r < nr; r++)
	{
		ExprRow		row = {st->rows[r].values, st->rows[r].nulls};

		for (int k = 0; k < p->nkeys; k++)
		{
			const Expr *e = k < c->npart ? c->part[k] : c->order[k - c->npart].expr;

			if (expr_eval(ctx, &es->rs, e, &row, &p->keys[r * p->nkeys + k], &p->keynulls[r * p->nkeys + k]) < 0)
				return -1;
		}
	}
	p->perm = arena_alloc(a, sizeof(int64_t) * (size_t) (nr + 1));
	for (int64_t r = 0; r < nr; r++)
		p->perm[r] = r;
	tmp = mg_malloc(sizeof(int64_t) * (size_t) (nr + 1));
	perm_sort(p, p->perm, tmp, nr);
	free(tmp);

	p->part_start = arena_alloc(a, sizeof(int64_t) * (size_t) (nr + 1));
	p->part_end = arena_alloc(a, sizeof(int64_t) * (size_t) (nr + 1));
	p->peer_start = arena_alloc(a, sizeof(int64_t) * (size_t) (nr + 1));
	p->peer_end = arena_alloc(a, sizeof(int64_t) * (size_t) (nr + 1));
	p->gid = arena_alloc(a, sizeof(int64_t) * (size_t) (nr + 1));
	p->gstart = arena_alloc(a, sizeof(int64_t) * (size_t) (nr + 1));
	p->gend = arena_alloc(a, sizeof(int64_t) * (size_t) (nr + 1));
	for (int64_t i = 0; i < nr;)
	{
		int64_t		pe = i + 1;

		while (pe < nr && same_keys(p, p->perm[i], p->perm[pe], 0, c->npart))
			pe++;
		for (int64_t j = i; j < pe;)
		{
			int64_t		ge = j + 1;

			while (ge < pe && same_keys(p, p->perm[j], p->perm[ge], c->npart, p->nkeys))
				ge++;
			p->gstart[ngroups] = j;
			p->gend[ngroups] = ge;
			for (int64_t k = j; k < ge; k++)
			{
				p->part_start[k] = i;
				p->part_end[k] = pe;
				p->peer_start[k] = j;
				p->peer_end[k] = ge;
				p->gid[k] = ngroups;
			}
			ngroups++;
			j = ge;
		}
		i = pe;
	}

	if (nr > 0 && (eval_offset(es, ctx, c, c->start_offset, true, &p->start_off, &p->start_val) < 0 ||
				   eval_offset(es, ctx, c, c->end_offset, false, &p->end_off, &p->end_val) < 0))
		return -1;
	if (c->range != WINRANGE_NONE && (c->frame & AST_FRAME_RANGE))
	{
		Oid			kt = c->order[0].expr->type;
		int			kcol = c->npart;

		p->nn_start = arena_alloc(a, sizeof(int64_t) * (size_t) (nr + 1));
		p->nn_end = arena_alloc(a, sizeof(int64_t) * (size_t) (nr + 1));
		if (c->range == WINRANGE_INT)
			p->ikey = arena_alloc(a, sizeof(int64_t) * (size_t) (nr + 1));
		else if (c->range == WINRANGE_FLOAT)
			p->fkey = arena_alloc(a, sizeof(double) * (size_t) (nr + 1));
		else
			p->ckey = arena_alloc(a, sizeof(Datum) * (size_t) (nr + 1));
		for (int64_t i = 0; i < nr; i++)
		{
			int64_t		r = p->perm[i];
			Datum		k = p->keys[r * p->nkeys + kcol];

			if (p->keynulls[r * p->nkeys + kcol])
				continue;
			if (p->ikey)
				p->ikey[i] = key_int64(kt, k);
			else if (p->fkey)
				p->fkey[i] = kt == FLOAT4OID ? (double) DatumGetFloat4(k) : DatumGetFloat8(k);
			else if (c->key_cast)
			{
				ExprRow		kr = {&k, &(bool) {false}};
				bool		isnull;

				if (expr_eval(ctx, &es->rs, c->key_cast, &kr, &p->ckey[i], &isnull) < 0)
					return -1;
			}
			else
				p->ckey[i] = k;
		}
		for (int64_t i = 0; i < nr;)
		{
			int64_t		ps = p->part_start[i],
						pe = p->part_end[i],
						s = ps,
						e = pe;

			while (s < pe && p->keynulls[p->perm[s] * p->nkeys + kcol])
				s++;
			while (e > s && p->keynulls[p->perm[e - 1] * p->nkeys + kcol])
				e--;
			for (int64_t k = ps; k < pe; k++)
			{
				p->nn_start[k] = s;
				p->nn_end[k] = e;
			}
			i = pe;
		}
	}
	return 0;
}

/* ---- frames ---------------------------------------------------------------- */

/*
 * RANGE offset: is the key at position j before (cmpdir < 0) or after the
 * bound?  Returns the comparison key(j) <=> bound in the sort's direction.
 */
typedef struct RangeBound
{
	int64_t		i;
	double		f;
	Datum		d;
} RangeBound;

static int
range_cmp(const WinPass *p, int64_t j, const RangeBound *b)
{
	int			r;

	if (p->ikey)
		r = p->ikey[j] < b->i ? -1 : p->ikey[j] > b->i;
	else if (p->fkey)
		r = p->fkey[j] < b->f ? -1 : p->fkey[j] > b->f;
	else
		r = p->c->bound_cmp(p->ckey[j], b->d);
	return p->c->order[0].desc ? -r : r;
}

static int64_t
sat_add(int64_t a, int64_t b)
{
	int64_t		r;

	if (__builtin_add_overflow(a, b, &r))
		return b > 0 ? INT64_MAX : INT64_MIN;
	return r;
}

/* The bound key(i) +/- offset: add when following in ASC or preceding in DESC. */
static int
range_bound(ExecState *es, EvalCtx *ctx, const WinPass *p, int64_t i, bool following, bool start,
			RangeBound *b)
{
	const WinClause *c = p->c;
	bool		add = following != c->order[0].desc;
	Datum		off = start ? p->start_val : p->end_val;

	if (p->ikey)
	{
		int64_t		o = start ? p->start_off : p->end_off;

		b->i = add ? sat_add(p->ikey[i], o) : (o == INT64_MIN ? INT64_MAX : sat_add(p->ikey[i], -o));
	}
	else if (p->fkey)
		b->f = add ? p->fkey[i] + DatumGetFloat8(off) : p->fkey[i] - DatumGetFloat8(off);
	else
	{
		int64_t		r = p->perm[i];
		Datum		vals[2] = {p->keys[r * p->nkeys + c->npart], off};
		bool		nulls[2] = {false, false};
		ExprRow		row = {vals, nulls};
		bool		isnull;

		if (expr_eval(ctx, &es->rs, add ? c->bound_add : c->bound_sub, &row, &b->d, &isnull) < 0)
			return -1;
	}
	return 0;
}

/* First position in [s, e) whose key is not before the bound (or after it, if past). */
static int64_t
range_search(const WinPass *p, int64_t s, int64_t e, const RangeBound *b, bool past)
{
	while (s < e)
	{
		int64_t		m = s + (e - s) / 2;
		int			r = range_cmp(p, m, b);

		if (past ? r <= 0 : r < 0)
			s = m + 1;
		else
			e = m;
	}
	return s;
}

typedef struct Frame
{
	int64_t		start;
	int64_t		end;
	int64_t		ex_start;		/* excluded positions [ex_start, ex_end) ... */
	int64_t		ex_end;
	int64_t		keep;			/* ... except this one (EXCLUDE TIES), or -1 */
} Frame;

static int
frame_of(ExecState *es, EvalCtx *ctx, const WinPass *p, int64_t i, Frame *f)
{
	const WinClause *c = p->c;
	int			o = c->frame;
	int64_t		ps = p->part_start[i],
				pe = p->part_end[i];
	bool		rows = (o & AST_FRAME_ROWS) != 0;
	bool		groups = (o & AST_FRAME_GROUPS) != 0;
	int64_t		g0 = p->gid[ps],
				glast = p->gid[pe - 1];
	int64_t		s,
				e;

	if (o & AST_FRAME_START_UNBOUNDED_PRECEDING)
		s = ps;
	else if (o & AST_FRAME_START_CURRENT_ROW)
		s = rows ? i : p->peer_start[i];
	else
	{
		bool		following = (o & AST_FRAME_START_OFFSET_FOLLOWING) != 0;
		int64_t		off = p->start_off;

		if (rows)
			s = following ? (off > pe - i ? pe : i + off) : (off > i - ps ? ps : i - off);
		else if (groups)
		{
			int64_t		g = following ? (off > glast - p->gid[i] ? glast + 1 : p->gid[i] + off) :
				(off > p->gid[i] - g0 ? g0 : p->gid[i] - off);

			s = g > glast ? pe : p->gstart[g];
		}
		else if (p->keynulls[p->perm[i] * p->nkeys + c->npart])
			s = p->peer_start[i];
		else
		{
			RangeBound	b;

			if (range_bound(es, ctx, p, i, following, true, &b) < 0)
				return -1;
			s = range_search(p, p->nn_start[i], p->nn_end[i], &b, false);
		}
	}
	if (o & AST_FRAME_END_UNBOUNDED_FOLLOWING)
		e = pe;
	else if (o & AST_FRAME_END_CURRENT_ROW)
		e = rows ? i + 1 : p->peer_end[i];
	else
	{
		bool		following = (o & AST_FRAME_END_OFFSET_FOLLOWING) != 0;
		int64_t		off = p->end_off;

		if (rows)
			e = following ? (off >= pe - i ? pe : i + off + 1) : (off > i - ps ? ps : i - off + 1);
		else if (groups)
		{
			if (following)
				e = off > glast - p->gid[i] ? pe : p->gend[p->gid[i] + off];
			else
				e = off > p->gid[i] - g0 ? ps : p->gend[p->gid[i] - off];
		}
		else if (p->keynulls[p->perm[i] * p->nkeys + c->npart])
			e = p->peer_end[i];
		else
		{
			RangeBound	b;

			if (range_bound(es, ctx, p, i, following, false, &b) < 0)
				return -1;
			e = range_search(p, p->nn_start[i], p->nn_end[i], &b, true);
		}
	}
	if (s < ps)
		s = ps;
	if (e > pe)
		e = pe;
	if (e < s)
		e = s;
	f->start = s;
	f->end = e;
	f->ex_start = f->ex_end = 0;
	f->keep = -1;
	if (o & AST_FRAME_EXCLUDE_CURRENT_ROW)
	{
		f->ex_start = i;
		f->ex_end = i + 1;
	}
	else if (o & (AST_FRAME_EXCLUDE_GROUP | AST_FRAME_EXCLUDE_TIES))
	{
		f->ex_start = p->peer_start[i];
		f->ex_end = p->peer_end[i];
		if (o & AST_FRAME_EXCLUDE_TIES)
			f->keep = i;
	}
	return 0;
}

static bool
frame_has(const Frame *f, int64_t j)
{
	return j >= f->start && j < f->end && (j < f->ex_start || j >= f->ex_end || j == f->keep);
}

/* The k-th (0-based) position of the frame, counting from its end if from_end; -1 if none. */
static int64_t
frame_nth(const Frame *f, int64_t k, bool from_end)
{
	if (!from_end)
	{
		for (int64_t j = f->start; j < f->end; j++)
		{
			if (frame_has(f, j) && k-- == 0)
				return j;
		}
		return -1;
	}
	for (int64_t j = f->end - 1; j >= f->start; j--)
		if (frame_has(f, j) && k-- == 0)
			return j;
	return -1;
}

static bool
frame_equal(const Frame *a, const Frame *b)
{
	bool		ae = a->ex_end > a->ex_start && a->ex_end > a->start && a->ex_start < a->end;
	bool		be = b->ex_end > b->ex_start && b->ex_end > b->start && b->ex_start < b->end;

	if (a->start != b->start || a->end != b->end || ae != be)
		return false;
	return !ae || (a->ex_start == b->ex_start && a->ex_end == b->ex_end && a->keep == b->keep);
}

/* ---- the functions ------------------------------------------------------------ */

typedef struct CallArgs
{
	Datum	   *v;				/* nrows * nargs, by row number */
	bool	   *n;
	bool	   *pass;			/* FILTER, by row number (NULL: none) */
} CallArgs;

static int
eval_args(ExecState *es, EvalCtx *ctx, WindowState *st, const WinCall *wc, CallArgs *ca)
{
	int64_t		nr = st->nrows;
	int			na = wc->nargs;

	ca->v = arena_alloc(ctx->arena, sizeof(Datum) * (size_t) (nr * na + 1));
	ca->n = arena_alloc(ctx->arena, sizeof(bool) * (size_t) (nr * na + 1));
	ca->pass = wc->filter ? arena_alloc(ctx->arena, sizeof(bool) * (size_t) (nr + 1)) : NULL;
	for (int64_t r = 0; r < nr; r++)
	{
		ExprRow		row = {st->rows[r].values, st->rows[r].nulls};

		for (int k = 0; k < na; k++)
			if (expr_eval(ctx, &es->rs, wc->args[k], &row, &ca->v[r * na + k], &ca->n[r * na + k]) < 0)
				return -1;
		if (wc->filter && expr_qual(ctx, &es->rs, wc->filter, &row, &ca->pass[r]) < 0)
			return -1;
	}
	return 0;
}

static void
set_result(WindowState *st, int f, const WinCall *wc, int64_t row, Datum v, bool isnull)
{
	st->resnull[f][row] = isnull;
	st->res[f][row] = isnull ? 0 : datum_copy(st->store, type_by_oid(wc->rettype), v);
}

/*
 * An aggregate over the frame f.  With from, *state already holds the
 * rows of frame from (same start, no exclusion, f ends no earlier) and
 * only the rows after it are added; else a new state is made.
 */
static int
agg_over_frame(ExecNode *n, WindowState *st, const WinCall *wc, const CallArgs *ca, const WinPass *p,
			   const Frame *f, const Frame *from, void **state, Datum *out, bool *isnull)
{
	EvalCtx		actx = n->ctx;
	EvalCtx		fctx = n->ctx;
	int			na = wc->nargs;

	actx.arena = st->agg_arena;
	if (!from)
	{
		arena_reset(st->agg_arena);
		*state = NULL;
		if (wc->agg->init && wc->agg->init(&actx, wc->argtypes, state) < 0)
			return -1;
	}
	for (int64_t j = from ? from->end : f->start; j < f->end; j++)
	{
		int64_t		r = p->perm[j];
		bool		skip = false;

		if (!frame_has(f, j) || (ca->pass && !ca->pass[r]))
			continue;
		for (int k = 0; k < na; k++)
			if (ca->n[r * na + k] && wc->agg->strict)
				skip = true;
		if (skip)
			continue;
		if (wc->agg->trans(&actx, *state, &ca->v[r * na], &ca->n[r * na]) < 0)
			return -1;
	}
	if (!wc->agg->final_repeatable)
		return wc->agg->final(&actx, *state, wc->rettype, out, isnull);
	arena_reset(st->scratch);
	fctx.arena = st->scratch;
	return wc->agg->final(&fctx, *state, wc->rettype, out, isnull);
}

static int
compute_call(ExecState *es, ExecNode *n, EvalCtx *ctx, WindowState *st, const WinPass *p, int fno)
{
	const WinCall *wc = &n->plan->u.window.info->calls[fno];
	CallArgs	ca;
	int			na = wc->nargs;
	Frame		prev = {-1, -1, 0, 0, -1};
	Datum		prev_val = 0;
	bool		prev_null = true;
	int64_t		cur_part = -1;
	bool		ntile_null = false;
	int64_t		ntile_n = 0;
	void	   *agg_state = NULL;
	bool		growing = wc->kind == WINFUNC_AGG && wc->agg->final_repeatable &&
		!(p->c->frame & (AST_FRAME_EXCLUDE_CURRENT_ROW | AST_FRAME_EXCLUDE_GROUP | AST_FRAME_EXCLUDE_TIES));

	if (eval_args(es, ctx, st, wc, &ca) < 0)
		return -1;
	for (int64_t i = 0; i < st->nrows; i++)
	{
		int64_t		r = p->perm[i];
		int64_t		ps = p->part_start[i],
					pe = p->part_end[i],
					cnt = pe - ps;
		Datum		v = 0;
		bool		isnull = false;

		if ((i & 1023) == 0 && exec_check_interrupt(es) < 0)
			return -1;
		switch (wc->kind)
		{
			case WINFUNC_ROW_NUMBER:
				v = Int64GetDatum(i - ps + 1);
				break;
			case WINFUNC_RANK:
				v = Int64GetDatum(p->peer_start[i] - ps + 1);
				break;
			case WINFUNC_DENSE_RANK:
				v = Int64GetDatum(p->gid[i] - p->gid[ps] + 1);
				break;
			case WINFUNC_PERCENT_RANK:
				v = Float8GetDatum(cnt <= 1 ? 0.0 : (double) (p->peer_start[i] - ps) / (double) (cnt - 1));
				break;
			case WINFUNC_CUME_DIST:
				v = Float8GetDatum((double) (p->peer_end[i] - ps) / (double) cnt);
				break;
			case WINFUNC_NTILE:
				if (ps != cur_part)
				{
					int64_t		r0 = p->perm[ps];

					cur_part = ps;
					ntile_null = ca.n[r0];
					ntile_n = ntile_null ? 0 : DatumGetInt32(ca.v[r0]);
					if (!ntile_null && ntile_n <= 0)
					{
						mg_error(es->err, SQLSTATE_INVALID_ARGUMENT_FOR_NTILE,
								 "argument of ntile must be greater than zero");
						return -1;
					}
				}
				if (ntile_null)
					isnull = true;
				else
				{
					int64_t		q = cnt / ntile_n,
								rem = cnt % ntile_n,
								k = i - ps,
								big = rem * (q + 1);

					v = Int32GetDatum((int32_t) (k < big ? k / (q + 1) + 1 : rem + (k - big) / q + 1));
				}
				break;
			case WINFUNC_LAG:
			case WINFUNC_LEAD:
				{
					int64_t		off = 1;
					int64_t		t;

					if (na >= 2)
					{
						if (ca.n[r * na + 1])
						{
							isnull = true;
							break;
						}
						off = DatumGetInt32(ca.v[r * na + 1]);
					}
					t = wc->kind == WINFUNC_LAG ? i - off : i + off;
					if (t >= ps && t < pe)
					{
						v = ca.v[p->perm[t] * na];
						isnull = ca.n[p->perm[t] * na];
					}
					else if (na == 3)
					{
						v = ca.v[r * na + 2];
						isnull = ca.n[r * na + 2];
					}
					else
						isnull = true;
					break;
				}
			case WINFUNC_FIRST_VALUE:
			case WINFUNC_LAST_VALUE:
			case WINFUNC_NTH_VALUE:
			case WINFUNC_AGG:
				{
					Frame		f;
					int64_t		j;

					if (frame_of(es, ctx, p, i, &f) < 0)
						return -1;
					if (wc->kind == WINFUNC_AGG)
					{
						if (ps == cur_part && frame_equal(&f, &prev))
						{
							st->res[fno][r] = prev_val;
							st->resnull[fno][r] = prev_null;
							continue;
						}
						if (agg_over_frame(n, st, wc, &ca, p, &f,
										   growing && ps == cur_part && f.start == prev.start &&
										   f.end >= prev.end ? &prev : NULL,
										   &agg_state, &v, &isnull) < 0)
							return -1;
						cur_part = ps;
						prev = f;
						set_result(st, fno, wc, r, v, isnull);
						prev_val = st->res[fno][r];
						prev_null = isnull;
						continue;
					}
					if (wc->kind == WINFUNC_NTH_VALUE)
					{
						int64_t		nth;

						if (ca.n[r * na + 1])
						{
							isnull = true;
							break;
						}
						nth = DatumGetInt32(ca.v[r * na + 1]);
						if (nth <= 0)
						{
							mg_error(es->err, SQLSTATE_INVALID_ARGUMENT_FOR_NTH_VALUE,
									 "argument of nth_value must be greater than zero");
							return -1;
						}
						j = frame_nth(&f, nth - 1, false);
					}
					else
						j = frame_nth(&f, 0, wc->kind == WINFUNC_LAST_VALUE);
					if (j < 0)
						isnull = true;
					else
					{
						v = ca.v[p->perm[j] * na];
						isnull = ca.n[p->perm[j] * na];
					}
					break;
				}
		}
		set_result(st, fno, wc, r, v, isnull);
	}
	return 0;
}

/* Computes every call over window c (if any); keeps its order for the output. */
static int
compute_window(ExecState *es, ExecNode *n, WindowState *st, int c)
{
	const WinInfo *info = n->plan->u.window.info;
	WinPass		p;
	EvalCtx		ctx = n->ctx;
	bool		used = false;
	int			rc = -1;

	for (int f = 0; f < info->ncalls; f++)
		if (info->calls[f].winref == c)
			used = true;
	if (!used)
		return 0;
	memset(&p, 0, sizeof(p));
	p.c = &info->clauses[c];
	ctx.arena = arena_create(8192);
	if (pass_prepare(es, &ctx, st, &p) < 0)
		goto done;
	for (int f = 0; f < info->ncalls; f++)
		if (info->calls[f].winref == c && compute_call(es, n, &ctx, st, &p, f) < 0)
			goto done;
	memcpy(st->order, p.perm, sizeof(int64_t) * (size_t) st->nrows);
	rc = 0;
done:
	arena_free(ctx.arena);
	return rc;
}

static int
window_next(ExecState *es, ExecNode *n)
{
	WindowState *st = n->state;
	const WinInfo *info = n->plan->u.window.info;
	int			w = n->plan->u.window.input_width;

	if (!st->loaded)
	{
		if (window_load(es, n, st) < 0)
			return -1;
		st->loaded = true;
		st->order = arena_alloc(st->store, sizeof(int64_t) * (size_t) (st->nrows + 1));
		for (int64_t r = 0; r < st->nrows; r++)
			st->order[r] = r;
		st->res = arena_new_array(st->store, Datum *, info->ncalls);
		st->resnull = arena_new_array(st->store, bool *, info->ncalls);
		for (int f = 0; f < info->ncalls; f++)
		{
			st->res[f] = arena_alloc(st->store, sizeof(Datum) * (size_t) (st->nrows + 1));
			st->resnull[f] = arena_alloc(st->store, sizeof(bool) * (size_t) (st->nrows + 1));
		}
		for (int c = 0; c < info->nclauses; c++)
			if (compute_window(es, n, st, c) < 0)
				return -1;
	}
	for (;;)
	{
		int64_t		r;
		bool		pass;

		if (st->pos >= st->nrows)
			return 0;
		r = st->order[st->pos++];
		arena_reset(n->arena);
		memcpy(n->raw_values, st->rows[r].values, sizeof(Datum) * (size_t) w);
		memcpy(n->raw_nulls, st->rows[r].nulls, sizeof(bool) * (size_t) w);
		for (int f = 0; f < info->ncalls; f++)
		{
			n->raw_values[w + f] = st->res[f][r];
			n->raw_nulls[w + f] = st->resnull[f][r];
		}
		if (exec_finish_row(es, n, &pass) < 0)
			return -1;
		if (pass)
			return 1;
	}
}

int
window_start(ExecState *es, ExecNode *n)
{
	WindowState *st = arena_new(es->run_arena, WindowState);

	st->store = arena_create(8192);
	st->agg_arena = arena_create(1024);
	st->scratch = arena_create(1024);
	n->state = st;
	n->next = window_next;
	return 0;
}

void
window_end(ExecNode *n)
{
	WindowState *st = n->state;

	if (!st)
		return;
	free(st->rows);
	st->rows = NULL;
	if (st->store)
		arena_free(st->store);
	if (st->agg_arena)
		arena_free(st->agg_arena);
	if (st->scratch)
		arena_free(st->scratch);
	st->store = st->agg_arena = st->scratch = NULL;
}
