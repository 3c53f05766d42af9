/*
 * func.c — the registry of functions, operators and aggregates.
 *
 * Purpose: func_init() runs every function module's register_*() once at
 * start-up; each hands over static tables, which the registry indexes by
 * name (one hash map per kind) and by OID.  Resolution of a call against
 * those candidates lives in resolve.c.
 *
 * Design notes:
 *  - Each registration copies its table once into one heap block that is
 *    never moved or freed, so modules may keep their tables const and the
 *    registry may fill in FuncDef/AggDef/OperDef.oid and OperDef.func.
 *    Pointers handed out by lookups point into those copies and stay valid
 *    for the life of the process.
 *  - OIDs.  An entry that names its OID keeps it.  Otherwise the registry
 *    takes PostgreSQL 15's OID for the same signature (pg_proc: name and
 *    argument types; pg_operator: name, left and right type) from the table
 *    in pg_oids.c, generated from a real server, so pg_proc and
 *    pg_operator rows agree with what clients know.  Anything PostgreSQL
 *    does not have gets an OID from a hash of its signature, probed
 *    linearly inside [FUNC_OID_FIRST_PRIVATE, FUNC_OID_LAST_PRIVATE]
 *    (PostgreSQL's unpinned initdb range, which never clashes with the
 *    catalog's user objects at 16384 and up).  The result depends only on
 *    the signatures and the registration order, so it is stable from run
 *    to run.
 *
 * Invariants:
 *  1. Registration happens before any lookup, on one thread (start-up);
 *     afterwards every structure here is read-only and needs no lock.
 *  2. Every registered entry has a non-zero OID, unique among functions
 *     and aggregates (pg_proc) and among operators (pg_operator); the two
 *     spaces are separate, as in PostgreSQL.
 *  3. A name map holds each entry once, in registration order; a second
 *     registration of the same name and signature is ignored (the first
 *     module to register a function owns it).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/mem.h>
#include <memgres/types.h>

#include "builtins.h"
#include "funcint.h"

/* ---------------------------------------------------------------- name maps */

typedef struct NameEntry {
	const char *name;
	const void **items;
	int			n;
	int			cap;
} NameEntry;

typedef struct NameMap {
	NameEntry  *slots;
	int			cap;			/* power of two */
	int			used;
} NameMap;

static NameMap func_map, oper_map, agg_map;

/* Every function, for func_all(); every operator and aggregate likewise. */
static const FuncDef **all_funcs;
static int	n_all_funcs, cap_all_funcs;
static const OperDef **all_opers;
static int	n_all_opers, cap_all_opers;
static const AggDef **all_aggs;
static int	n_all_aggs, cap_all_aggs;

/* OID -> entry, open addressing. */
typedef struct OidSlot {
	Oid			oid;
	char		kind;			/* 'f', 'o', 'a' */
	const void *item;
} OidSlot;

typedef struct OidMap {
	OidSlot    *slots;
	int			cap;			/* power of two */
	int			used;
} OidMap;

/* pg_proc (functions and aggregates) and pg_operator are separate OID spaces, as in PostgreSQL. */
static OidMap proc_oids, oper_oids;

static uint64_t
hash_str(const char *s)
{
	uint64_t	h = 1469598103934665603ULL;

	for (; *s; s++)
	{
		h ^= (unsigned char) *s;
		h *= 1099511628211ULL;
	}
	return h;
}

static uint64_t
hash_mix(uint64_t h, uint32_t v)
{
	for (int i = 0; i < 4; i++)
	{
		h ^= (v >> (8 * i)) & 0xff;
		h *= 1099511628211ULL;
	}
	return h;
}

static void
namemap_grow(NameMap *m)
{
	NameMap		nm;

	nm.cap = m->cap ? m->cap * 2 : 256;
	nm.used = m->used;
	nm.slots = mg_calloc((size_t) nm.cap, sizeof(NameEntry));
	for (int i = 0; i < m->cap; i++)
	{
		NameEntry  *e = &m->slots[i];
		uint64_t	h;

		if (e->name == NULL)
			continue;
		h = hash_str(e->name);
		for (int j = (int) (h & (uint64_t) (nm.cap - 1));; j = (j + 1) & (nm.cap - 1))
		{
			if (nm.slots[j].name == NULL)
			{
				nm.slots[j] = *e;
				break;
			}
		}
	}
	free(m->slots);
	*m = nm;
}

static NameEntry *
namemap_find(const NameMap *m, const char *name)
{
	uint64_t	h;

	if (m->cap == 0)
		return NULL;
	h = hash_str(name);
	for (int j = (int) (h & (uint64_t) (m->cap - 1));; j = (j + 1) & (m->cap - 1))
	{
		NameEntry  *e = &m->slots[j];

		if (e->name == NULL)
			return NULL;
		if (strcmp(e->name, name) == 0)
			return e;
	}
}

static void
namemap_add(NameMap *m, const char *name, const void *item)
{
	NameEntry  *e;

	if ((m->used + 1) * 2 > m->cap)
		namemap_grow(m);
	e = namemap_find(m, name);
	if (e == NULL)
	{
		uint64_t	h = hash_str(name);

		for (int j = (int) (h & (uint64_t) (m->cap - 1));; j = (j + 1) & (m->cap - 1))
		{
			if (m->slots[j].name == NULL)
			{
				e = &m->slots[j];
				e->name = name;
				m->used++;
				break;
			}
		}
	}
	if (e->n == e->cap)
	{
		e->cap = e->cap ? e->cap * 2 : 4;
		e->items = mg_realloc(e->items, sizeof(void *) * (size_t) e->cap);
	}
	e->items[e->n++] = item;
}

static void
ptrvec_push(const void ***vec, int *n, int *cap, const void *item)
{
	if (*n == *cap)
	{
		*cap = *cap ? *cap * 2 : 256;
		*vec = mg_realloc(*vec, sizeof(void *) * (size_t) *cap);
	}
	(*vec)[(*n)++] = item;
}

/* ---------------------------------------------------------------- OIDs */

static OidSlot *
oid_find_slot(const OidMap *m, Oid oid)
{
	if (m->cap == 0)
		return NULL;
	for (int j = (int) ((oid * 2654435761u) & (uint32_t) (m->cap - 1));; j = (j + 1) & (m->cap - 1))
	{
		if (m->slots[j].oid == oid || m->slots[j].oid == InvalidOid)
			return &m->slots[j];
	}
}

static bool
oid_taken(const OidMap *m, Oid oid)
{
	OidSlot    *s = oid_find_slot(m, oid);

	return s != NULL && s->oid == oid;
}

static void
oid_put(OidMap *m, Oid oid, char kind, const void *item)
{
	OidSlot    *s;

	if ((m->used + 1) * 2 > m->cap)
	{
		OidSlot    *old = m->slots;
		int			oldcap = m->cap;

		m->cap = m->cap ? m->cap * 2 : 1024;
		m->slots = mg_calloc((size_t) m->cap, sizeof(OidSlot));
		for (int i = 0; i < oldcap; i++)
			if (old[i].oid != InvalidOid)
				*oid_find_slot(m, old[i].oid) = old[i];
		free(old);
	}
	s = oid_find_slot(m, oid);
	s->oid = oid;
	s->kind = kind;
	s->item = item;
	m->used++;
}

/*
 * Picks the OID of a new entry: its own if given, PostgreSQL's if known and
 * free, else a hashed one in the private range.
 */
static Oid
oid_choose(const OidMap *m, Oid given, Oid pg, uint64_t sighash)
{
	uint32_t	span = FUNC_OID_LAST_PRIVATE - FUNC_OID_FIRST_PRIVATE + 1;
	Oid			o;

	if (given != InvalidOid && !oid_taken(m, given))
		return given;
	if (pg != InvalidOid && !oid_taken(m, pg))
		return pg;
	o = FUNC_OID_FIRST_PRIVATE + (Oid) (sighash % span);
	while (oid_taken(m, o))
		o = (o == FUNC_OID_LAST_PRIVATE) ? FUNC_OID_FIRST_PRIVATE : o + 1;
	return o;
}

/* The signature as pg_proc's proargtypes: variadic arguments as one array. */
static int
proc_signature(int nargs, const Oid *argtypes, Oid variadic, Oid *sig)
{
	int			n = 0;

	for (int i = 0; i < nargs && n < FUNC_MAX_ARGS; i++)
		sig[n++] = argtypes[i];
	if (variadic != InvalidOid && n < FUNC_MAX_ARGS)
	{
		const MgType *t;

		if (variadic == ANYOID)
			sig[n++] = ANYOID;
		else if ((t = type_by_oid(variadic)) != NULL && t->array != InvalidOid)
			sig[n++] = t->array;
		else
			sig[n++] = variadic;
	}
	return n;
}

static uint64_t
sig_hash(const char *name, char kind, int n, const Oid *sig)
{
	uint64_t	h = hash_str(name);

	h = hash_mix(h, (uint32_t) kind);
	for (int i = 0; i < n; i++)
		h = hash_mix(h, sig[i]);
	return h;
}

/* ---------------------------------------------------------------- registration */

/* Is an entry with this name and signature registered already?  (The first one wins.) */
static bool
func_duplicate(const FuncDef *f)
{
	NameEntry  *e = namemap_find(&func_map, f->name);

	for (int k = 0; e != NULL && k < e->n; k++)
	{
		const FuncDef *g = e->items[k];

		if (g->nargs == f->nargs && g->variadic == f->variadic &&
			memcmp(g->argtypes, f->argtypes, sizeof(Oid) * (size_t) f->nargs) == 0)
			return true;
	}
	return false;
}

static bool
agg_duplicate(const AggDef *a)
{
	NameEntry  *e = namemap_find(&agg_map, a->name);

	for (int k = 0; e != NULL && k < e->n; k++)
	{
		const AggDef *g = e->items[k];

		if (g->nargs == a->nargs && memcmp(g->argtypes, a->argtypes, sizeof(Oid) * (size_t) a->nargs) == 0)
			return true;
	}
	return false;
}

static bool
oper_duplicate(const OperDef *o)
{
	NameEntry  *e = namemap_find(&oper_map, o->name);

	for (int k = 0; e != NULL && k < e->n; k++)
	{
		const OperDef *g = e->items[k];

		if (g->left == o->left && g->right == o->right)
			return true;
	}
	return false;
}

void
func_register(const FuncDef *tab, int n)
{
	FuncDef    *defs = mg_malloc(sizeof(FuncDef) * (size_t) (n > 0 ? n : 1));
	int			kept = 0;

	memcpy(defs, tab, sizeof(FuncDef) * (size_t) n);
	for (int i = 0; i < n; i++)
	{
		FuncDef    *f = &defs[i];
		Oid			sig[FUNC_MAX_ARGS];
		int			nsig = proc_signature(f->nargs, f->argtypes, f->variadic, sig);

		if (func_duplicate(f))
			continue;
		kept++;

		f->oid = oid_choose(&proc_oids, f->oid, pg_proc_oid(f->name, nsig, sig), sig_hash(f->name, 'f', nsig, sig));
		oid_put(&proc_oids, f->oid, 'f', f);
		namemap_add(&func_map, f->name, f);
		ptrvec_push((const void ***) &all_funcs, &n_all_funcs, &cap_all_funcs, f);
	}
	if (kept == 0)
		free(defs);			/* all duplicates: nothing points into the copy */
}

void
agg_register(const AggDef *tab, int n)
{
	AggDef	   *defs = mg_malloc(sizeof(AggDef) * (size_t) (n > 0 ? n : 1));
	int			kept = 0;

	memcpy(defs, tab, sizeof(AggDef) * (size_t) n);
	for (int i = 0; i < n; i++)
	{
		AggDef	   *a = &defs[i];
		uint64_t	h = sig_hash(a->name, 'a', a->nargs, a->argtypes);

		if (agg_duplicate(a))
			continue;
		kept++;

		a->oid = oid_choose(&proc_oids, a->oid, pg_proc_oid(a->name, a->nargs, a->argtypes), h);
		oid_put(&proc_oids, a->oid, 'a', a);
		namemap_add(&agg_map, a->name, a);
		ptrvec_push((const void ***) &all_aggs, &n_all_aggs, &cap_all_aggs, a);
	}
	if (kept == 0)
		free(defs);			/* all duplicates: nothing points into the copy */
}

void
oper_register(const OperDef *tab, int n)
{
	OperDef    *defs = mg_malloc(sizeof(OperDef) * (size_t) (n > 0 ? n : 1));
	int			kept = 0;

	memcpy(defs, tab, sizeof(OperDef) * (size_t) n);
	for (int i = 0; i < n; i++)
	{
		OperDef    *o = &defs[i];
		Oid			sig[2] = {o->left, o->right};
		int			nfargs = (o->left != InvalidOid) ? 2 : 1;
		Oid			fargs[2];
		NameEntry  *e;

		if (oper_duplicate(o))
			continue;
		kept++;
		if (nfargs == 2)
		{
			fargs[0] = o->left;
			fargs[1] = o->right;
		}
		else
			fargs[0] = o->right;

		/* The implementing function: same name and exact argument types. */
		o->func = NULL;
		if (o->func_name != NULL && (e = namemap_find(&func_map, o->func_name)) != NULL)
		{
			for (int k = 0; k < e->n; k++)
			{
				const FuncDef *f = e->items[k];

				if (f->nargs == nfargs && f->variadic == InvalidOid &&
					memcmp(f->argtypes, fargs, sizeof(Oid) * (size_t) nfargs) == 0)
				{
					o->func = f;
					break;
				}
			}
		}
		if (o->func == NULL)
		{
			/* A table bug; fail loudly at start-up rather than at first use. */
			fprintf(stderr, "memgres: operator %s has no implementing function %s\n",
					o->name, o->func_name ? o->func_name : "(null)");
			abort();
		}
		o->oid = oid_choose(&oper_oids, o->oid, pg_oper_oid(o->name, o->left, o->right),
							sig_hash(o->name, 'o', 2, sig));
		oid_put(&oper_oids, o->oid, 'o', o);
		namemap_add(&oper_map, o->name, o);
		ptrvec_push((const void ***) &all_opers, &n_all_opers, &cap_all_opers, o);
	}
	if (kept == 0)
		free(defs);			/* all duplicates: nothing points into the copy */
}

void
func_init(void)
{
	static bool done = false;

	if (done)
		return;
	done = true;
	/*
	 * Plain (not weak) references: a weak undefined symbol does not make the
	 * linker pull a module out of the static library, so a weak call would
	 * silently skip a module nothing else happens to reference.
	 */
	register_core_funcs();
	register_numeric_funcs();
	register_datetime_funcs();
	register_json_funcs();
	register_session_funcs();
}

/* ---------------------------------------------------------------- lookups */

const FuncDef *const *
func_candidates(const char *name, int *n)
{
	NameEntry  *e = namemap_find(&func_map, name);

	*n = e ? e->n : 0;
	return e ? (const FuncDef *const *) e->items : NULL;
}

const OperDef *const *
oper_candidates(const char *name, int *n)
{
	NameEntry  *e = namemap_find(&oper_map, name);

	*n = e ? e->n : 0;
	return e ? (const OperDef *const *) e->items : NULL;
}

const AggDef *const *
agg_candidates(const char *name, int *n)
{
	NameEntry  *e = namemap_find(&agg_map, name);

	*n = e ? e->n : 0;
	return e ? (const AggDef *const *) e->items : NULL;
}

static const void *
by_oid(const OidMap *m, Oid oid, char kind)
{
	OidSlot    *s = oid_find_slot(m, oid);

	if (s == NULL || s->oid != oid || s->kind != kind)
		return NULL;
	return s->item;
}

const FuncDef *
func_by_oid(Oid oid)
{
	return by_oid(&proc_oids, oid, 'f');
}

const OperDef *
oper_by_oid(Oid oid)
{
	return by_oid(&oper_oids, oid, 'o');
}

const AggDef *
agg_by_oid(Oid oid)
{
	return by_oid(&proc_oids, oid, 'a');
}

const FuncDef *const *
func_all(int *n)
{
	*n = n_all_funcs;
	return all_funcs;
}

const OperDef *const *
oper_all(int *n)
{
	*n = n_all_opers;
	return all_opers;
}

const AggDef *const *
agg_all(int *n)
{
	*n = n_all_aggs;
	return all_aggs;
}
