/*
 * resolve.c — overload resolution for functions, operators and aggregates.
 *
 * Purpose: given a name and the argument types of a call (UNKNOWNOID for an
 * untyped literal), choose the registered candidate PostgreSQL would choose,
 * and say which type each argument must be coerced to.
 *
 * Design notes: this follows PostgreSQL 15's parse_func.c/parse_oper.c:
 *   1. candidates with the right number of arguments (a variadic one is
 *      expanded to the call's length, with at least one variadic argument);
 *   2. an exact match wins (for a binary operator with one unknown side,
 *      first try the other side's type on both sides: binary_oper_exact);
 *   3. keep candidates every argument can reach by implicit coercion
 *      (unknown reaches anything; "any" takes anything; polymorphic
 *      ANYELEMENT/ANYNONARRAY/ANYARRAY positions must agree); one left wins;
 *   4. func_select_candidate: most exact matches; then most positions
 *      taking a preferred type of the input's category; then, for unknown
 *      inputs, the category all survivors agree on (string wins over any
 *      other) preferring preferred types; then, if all known inputs have one
 *      type, the candidates taking that type at the unknown positions.
 *   Survivors > 1 at the end is ambiguous (42725); none is 42883.
 * Domains, named arguments and default arguments do not exist in memgres'
 * registry and are not handled.
 *
 * Invariants: pure functions of the (read-only) registry and type system;
 * any thread may call them.  Errors are filled into the caller's MgError.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <memgres/func.h>
#include <memgres/sqlstate.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "funcint.h"

/* One candidate seen as a flat vector of declared argument types. */
typedef struct Cand {
	int			idx;			/* index in the name's candidate list */
	Oid			args[FUNC_MAX_ARGS];
} Cand;

#define CATEGORY_PSEUDO 'P'
#define CATEGORY_STRING 'S'
#define CATEGORY_UNKNOWN 'X'

static bool
is_polymorphic(Oid t)
{
	return t == ANYELEMENTOID || t == ANYNONARRAYOID || t == ANYARRAYOID;
}

static char
type_category(Oid t)
{
	const MgType *ty;

	if (t == ANYOID || is_polymorphic(t) || t == RECORDOID || t == VOIDOID || t == CSTRINGOID)
		return CATEGORY_PSEUDO;
	if (t == UNKNOWNOID)
		return CATEGORY_UNKNOWN;
	ty = type_by_oid(t);
	return ty ? ty->category : CATEGORY_PSEUDO;
}

static bool
type_preferred(Oid t)
{
	const MgType *ty = type_by_oid(t);

	return ty != NULL && ty->preferred;
}

static Oid
array_elem(Oid t)
{
	const MgType *ty = type_by_oid(t);

	return ty ? ty->elem : InvalidOid;
}

static Oid
array_of(Oid t)
{
	const MgType *ty = type_by_oid(t);

	return ty ? ty->array : InvalidOid;
}

static bool
coerce_one(Oid in, Oid decl)
{
	if (in == decl || in == UNKNOWNOID || decl == ANYOID)
		return true;
	if (decl == ANYELEMENTOID)
		return true;
	if (decl == ANYNONARRAYOID)
		return array_elem(in) == InvalidOid;
	if (decl == ANYARRAYOID)
		return array_elem(in) != InvalidOid;
	return cast_find(in, decl, CAST_IMPLICIT);
}

/*
 * PostgreSQL's check_generic_type_consistency: the polymorphic positions
 * must name one element type.  *elem receives it (InvalidOid when every
 * polymorphic input is unknown).
 */
static bool
poly_consistent(int nargs, const Oid *in, const Oid *decl, Oid *elem)
{
	Oid			e = InvalidOid;
	Oid			arr = InvalidOid;
	bool		nonarray = false;

	for (int i = 0; i < nargs; i++)
	{
		if (in[i] == UNKNOWNOID)
		{
			if (decl[i] == ANYNONARRAYOID)
				nonarray = true;
			continue;
		}
		if (decl[i] == ANYELEMENTOID || decl[i] == ANYNONARRAYOID)
		{
			if (decl[i] == ANYNONARRAYOID)
				nonarray = true;
			if (e != InvalidOid && e != in[i])
				return false;
			e = in[i];
		}
		else if (decl[i] == ANYARRAYOID)
		{
			if (arr != InvalidOid && arr != in[i])
				return false;
			arr = in[i];
		}
	}
	if (arr != InvalidOid)
	{
		Oid			ae = array_elem(arr);

		if (ae == InvalidOid || (e != InvalidOid && e != ae))
			return false;
		e = ae;
	}
	if (nonarray && e != InvalidOid && array_elem(e) != InvalidOid)
		return false;
	*elem = e;
	return true;
}

static bool
can_coerce(int nargs, const Oid *in, const Oid *decl)
{
	bool		poly = false;
	Oid			elem;

	for (int i = 0; i < nargs; i++)
	{
		if (!coerce_one(in[i], decl[i]))
			return false;
		poly |= is_polymorphic(decl[i]);
	}
	return !poly || poly_consistent(nargs, in, decl, &elem);
}

/* The type each argument is coerced to, once a candidate is chosen. */
static void
fill_resolved(int nargs, const Oid *in, const Oid *decl, Oid *resolved)
{
	Oid			elem = InvalidOid;

	(void) poly_consistent(nargs, in, decl, &elem);
	if (elem == InvalidOid)
		elem = TEXTOID;			/* every polymorphic input was an unknown literal */
	for (int i = 0; i < nargs; i++)
	{
		if (decl[i] == ANYELEMENTOID || decl[i] == ANYNONARRAYOID)
			resolved[i] = elem;
		else if (decl[i] == ANYARRAYOID)
			resolved[i] = in[i] != UNKNOWNOID ? in[i] : array_of(elem);
		else if (decl[i] == ANYOID)
			resolved[i] = in[i];	/* "any" takes the value as it is, unknown included */
		else
			resolved[i] = decl[i];
	}
}

/*
 * func_select_candidate (parse_func.c), over cands[0..n) that all passed
 * can_coerce.  Returns the index into cands, -1 for none, -2 for ambiguous.
 */
static int
select_candidate(int nargs, const Oid *in, Cand *cands, int n)
{
	int			keep[256];
	int			nkeep;
	int			nunknowns = 0;
	char		slot_category[FUNC_MAX_ARGS];
	bool		slot_preferred[FUNC_MAX_ARGS];
	bool		resolved_unknowns;
	Oid			known_type;
	int			last_match = -1;
	int			nmatch;

	if (n > 256)
		n = 256;
	for (int i = 0; i < nargs; i++)
		if (in[i] == UNKNOWNOID)
			nunknowns++;

	/* Most exact matches on known inputs. */
	{
		int			best = -1;

		nkeep = 0;
		for (int c = 0; c < n; c++)
		{
			int			m = 0;

			for (int i = 0; i < nargs; i++)
				if (in[i] != UNKNOWNOID && cands[c].args[i] == in[i])
					m++;
			if (m > best)
			{
				best = m;
				nkeep = 0;
			}
			if (m == best)
				keep[nkeep++] = c;
		}
	}
	if (nkeep == 1)
		return keep[0];

	/* Most positions accepting a preferred type where coercion is needed. */
	{
		int			best = -1;
		int			nk2 = 0;
		int			k2[256];

		for (int k = 0; k < nkeep; k++)
		{
			Cand	   *c = &cands[keep[k]];
			int			m = 0;

			for (int i = 0; i < nargs; i++)
			{
				if (in[i] == UNKNOWNOID)
					continue;
				if (c->args[i] == in[i] ||
					(type_preferred(c->args[i]) && type_category(c->args[i]) == type_category(in[i])))
					m++;
			}
			if (m > best)
			{
				best = m;
				nk2 = 0;
			}
			if (m == best)
				k2[nk2++] = keep[k];
		}
		memcpy(keep, k2, sizeof(int) * (size_t) nk2);
		nkeep = nk2;
	}
	if (nkeep == 1)
		return keep[0];
	if (nunknowns == 0)
		return -2;

	/* Unknown inputs: the category the survivors agree on, string first. */
	resolved_unknowns = false;
	for (int i = 0; i < nargs; i++)
	{
		bool		have = false;
		bool		conflict = false;

		slot_category[i] = 0;
		slot_preferred[i] = false;
		if (in[i] != UNKNOWNOID)
			continue;
		resolved_unknowns = true;
		for (int k = 0; k < nkeep; k++)
		{
			Oid			t = cands[keep[k]].args[i];
			char		cat = type_category(t);
			bool		pref = type_preferred(t);

			if (!have)
			{
				slot_category[i] = cat;
				slot_preferred[i] = pref;
				have = true;
			}
			else if (cat == slot_category[i])
				slot_preferred[i] |= pref;
			else if (cat == CATEGORY_STRING)
			{
				slot_category[i] = cat;
				slot_preferred[i] = pref;
			}
			else
				conflict = true;	/* keep going: a string category may still come */
		}
		if (conflict && slot_category[i] != CATEGORY_STRING)
		{
			resolved_unknowns = false;
			break;
		}
	}
	if (resolved_unknowns)
	{
		int			nk2 = 0;
		int			k2[256];

		for (int k = 0; k < nkeep; k++)
		{
			bool		ok = true;

			for (int i = 0; i < nargs && ok; i++)
			{
				Oid			t = cands[keep[k]].args[i];

				if (in[i] != UNKNOWNOID)
					continue;
				if (type_category(t) != slot_category[i])
					ok = false;
				else if (slot_preferred[i] && !type_preferred(t))
					ok = false;
			}
			if (ok)
				k2[nk2++] = keep[k];
		}
		if (nk2 == 1)
			return k2[0];
		if (nk2 > 0)
		{
			memcpy(keep, k2, sizeof(int) * (size_t) nk2);
			nkeep = nk2;
		}
	}

	/* All known inputs of one type: assume the unknowns have it too. */
	known_type = UNKNOWNOID;
	for (int i = 0; i < nargs; i++)
	{
		if (in[i] == UNKNOWNOID)
			continue;
		if (known_type == UNKNOWNOID)
			known_type = in[i];
		else if (known_type != in[i])
		{
			known_type = InvalidOid;
			break;
		}
	}
	if (known_type != UNKNOWNOID && known_type != InvalidOid)
	{
		Oid			guess[FUNC_MAX_ARGS];

		for (int i = 0; i < nargs; i++)
			guess[i] = known_type;
		nmatch = 0;
		for (int k = 0; k < nkeep; k++)
		{
			if (can_coerce(nargs, guess, cands[keep[k]].args))
			{
				nmatch++;
				last_match = keep[k];
			}
		}
		if (nmatch == 1)
			return last_match;
	}
	return -2;
}

/*
 * The whole procedure over a prepared candidate list: exact match, the
 * coercible subset, then select_candidate.  Returns the index in cands,
 * -1 for none, -2 for ambiguous.
 */
static int
choose(int nargs, const Oid *in, Cand *cands, int n)
{
	int			ncoerce = 0;

	for (int c = 0; c < n; c++)
		if (memcmp(cands[c].args, in, sizeof(Oid) * (size_t) nargs) == 0)
			return c;
	for (int c = 0; c < n; c++)
		if (can_coerce(nargs, in, cands[c].args))
			cands[ncoerce++] = cands[c];
	if (ncoerce == 0)
		return -1;
	if (ncoerce == 1)
		return 0;
	return select_candidate(nargs, in, cands, ncoerce);
}

/* ---------------------------------------------------------------- errors */

static void
append_type_name(StrBuf *sb, Oid t)
{
	switch (t)
	{
		case InvalidOid:
			strbuf_puts(sb, "-");
			return;
		case UNKNOWNOID:
			strbuf_puts(sb, "unknown");
			return;
		case ANYOID:
			strbuf_puts(sb, "\"any\"");
			return;
		case ANYELEMENTOID:
			strbuf_puts(sb, "anyelement");
			return;
		case ANYARRAYOID:
			strbuf_puts(sb, "anyarray");
			return;
		case ANYNONARRAYOID:
			strbuf_puts(sb, "anynonarray");
			return;
		default:
			break;
	}
	if (type_by_oid(t) != NULL)
		type_format(t, -1, sb);
	else
		strbuf_printf(sb, "%u", t);
}

static void
func_error(MgError *err, bool ambiguous, const char *name, int nargs, const Oid *argtypes)
{
	StrBuf		sb;

	if (err == NULL)
		return;
	strbuf_init(&sb);
	strbuf_printf(&sb, "%s(", name);
	for (int i = 0; i < nargs; i++)
	{
		if (i > 0)
			strbuf_puts(&sb, ", ");
		append_type_name(&sb, argtypes[i]);
	}
	strbuf_putc(&sb, ')');
	if (ambiguous)
	{
		mg_error(err, SQLSTATE_AMBIGUOUS_FUNCTION, "function %s is not unique", sb.data);
		mg_error_hint(err, "Could not choose a best candidate function. You might need to add explicit type casts.");
	}
	else
	{
		mg_error(err, SQLSTATE_UNDEFINED_FUNCTION, "function %s does not exist", sb.data);
		mg_error_hint(err, "No function matches the given name and argument types. You might need to add explicit type casts.");
	}
	strbuf_free(&sb);
}

static void
oper_error(MgError *err, bool ambiguous, const char *name, Oid left, Oid right)
{
	StrBuf		sb;

	if (err == NULL)
		return;
	strbuf_init(&sb);
	if (left != InvalidOid)
	{
		append_type_name(&sb, left);
		strbuf_putc(&sb, ' ');
	}
	strbuf_printf(&sb, "%s ", name);
	append_type_name(&sb, right);
	if (ambiguous)
	{
		mg_error(err, SQLSTATE_AMBIGUOUS_FUNCTION, "operator is not unique: %s", sb.data);
		mg_error_hint(err, "Could not choose a best candidate operator. You might need to add explicit type casts.");
	}
	else
	{
		mg_error(err, SQLSTATE_UNDEFINED_FUNCTION, "operator does not exist: %s", sb.data);
		if (left == InvalidOid)
			mg_error_hint(err, "No operator matches the given name and argument type. You might need to add an explicit type cast.");
		else
			mg_error_hint(err, "No operator matches the given name and argument types. You might need to add explicit type casts.");
	}
	strbuf_free(&sb);
}

/* ---------------------------------------------------------------- entry points */

/* Expands a (possibly variadic) declaration to nargs positions. */
static bool
expand_args(int fixed, const Oid *decl, Oid variadic, int nargs, Oid *out)
{
	if (variadic == InvalidOid)
	{
		if (fixed != nargs)
			return false;
	}
	else if (nargs < fixed + 1)
		return false;
	for (int i = 0; i < nargs; i++)
		out[i] = i < fixed ? decl[i] : variadic;
	return true;
}

const FuncDef *
func_resolve(const char *name, int nargs, const Oid *argtypes, Oid *resolved, MgError *err)
{
	int			n;
	const FuncDef *const *all = func_candidates(name, &n);
	Cand	   *cands;
	int			nc = 0;
	int			r;
	const FuncDef *f = NULL;

	if (nargs < 0 || nargs > FUNC_MAX_ARGS || n == 0)
	{
		func_error(err, false, name, nargs < 0 ? 0 : (nargs > FUNC_MAX_ARGS ? FUNC_MAX_ARGS : nargs), argtypes);
		return NULL;
	}
	cands = calloc((size_t) n, sizeof(Cand));
	if (cands == NULL)
		abort();
	for (int i = 0; i < n; i++)
	{
		if (expand_args(all[i]->nargs, all[i]->argtypes, all[i]->variadic, nargs, cands[nc].args))
			cands[nc++].idx = i;
	}
	r = choose(nargs, argtypes, cands, nc);
	if (r >= 0)
	{
		f = all[cands[r].idx];
		if (resolved)
			fill_resolved(nargs, argtypes, cands[r].args, resolved);
	}
	else
		func_error(err, r == -2, name, nargs, argtypes);
	free(cands);
	return f;
}

const AggDef *
agg_resolve(const char *name, int nargs, const Oid *argtypes, Oid *resolved, MgError *err)
{
	int			n;
	const AggDef *const *all = agg_candidates(name, &n);
	Cand	   *cands;
	int			nc = 0;
	int			r;
	const AggDef *a = NULL;

	if (nargs < 0 || nargs > FUNC_MAX_ARGS || n == 0)
	{
		func_error(err, false, name, nargs < 0 ? 0 : (nargs > FUNC_MAX_ARGS ? FUNC_MAX_ARGS : nargs), argtypes);
		return NULL;
	}
	cands = calloc((size_t) n, sizeof(Cand));
	if (cands == NULL)
		abort();
	for (int i = 0; i < n; i++)
	{
		if (all[i]->nargs == nargs)
		{
			memcpy(cands[nc].args, all[i]->argtypes, sizeof(Oid) * (size_t) nargs);
			cands[nc++].idx = i;
		}
	}
	r = choose(nargs, argtypes, cands, nc);
	if (r >= 0)
	{
		a = all[cands[r].idx];
		if (resolved)
			fill_resolved(nargs, argtypes, cands[r].args, resolved);
	}
	else
		func_error(err, r == -2, name, nargs, argtypes);
	free(cands);
	return a;
}

const OperDef *
oper_resolve(const char *name, Oid left, Oid right, Oid *resolved_left, Oid *resolved_right, MgError *err)
{
	int			n;
	const OperDef *const *all = oper_candidates(name, &n);
	bool		prefix = (left == InvalidOid);
	int			nargs = prefix ? 1 : 2;
	Oid			in[2];
	Oid			res[2];
	Cand	   *cands;
	int			nc = 0;
	int			r;
	const OperDef *o = NULL;

	if (prefix)
		in[0] = right;
	else
	{
		in[0] = left;
		in[1] = right;
	}

	/* binary_oper_exact: an unknown side takes the other side's type. */
	if (!prefix && (left == UNKNOWNOID) != (right == UNKNOWNOID))
	{
		Oid			t = left == UNKNOWNOID ? right : left;

		for (int i = 0; i < n; i++)
		{
			if (all[i]->left == t && all[i]->right == t)
			{
				if (resolved_left)
					*resolved_left = t;
				if (resolved_right)
					*resolved_right = t;
				return all[i];
			}
		}
	}

	cands = calloc((size_t) (n ? n : 1), sizeof(Cand));
	if (cands == NULL)
		abort();
	for (int i = 0; i < n; i++)
	{
		if ((all[i]->left == InvalidOid) != prefix)
			continue;
		if (prefix)
			cands[nc].args[0] = all[i]->right;
		else
		{
			cands[nc].args[0] = all[i]->left;
			cands[nc].args[1] = all[i]->right;
		}
		cands[nc++].idx = i;
	}
	r = choose(nargs, in, cands, nc);
	if (r >= 0)
	{
		o = all[cands[r].idx];
		fill_resolved(nargs, in, cands[r].args, res);
		if (prefix)
		{
			if (resolved_left)
				*resolved_left = InvalidOid;
			if (resolved_right)
				*resolved_right = res[0];
		}
		else
		{
			if (resolved_left)
				*resolved_left = res[0];
			if (resolved_right)
				*resolved_right = res[1];
		}
	}
	else
		oper_error(err, r == -2, name, left, right);
	free(cands);
	return o;
}

/*
 * The concrete result type of a polymorphic declaration, given the
 * resolved argument types.
 */
static Oid
poly_result(Oid rettype, int nargs, const Oid *decl, const Oid *resolved)
{
	Oid			elem = InvalidOid;

	if (!is_polymorphic(rettype))
		return rettype;
	for (int i = 0; i < nargs && elem == InvalidOid; i++)
	{
		if (decl[i] == ANYELEMENTOID || decl[i] == ANYNONARRAYOID)
			elem = resolved[i];
		else if (decl[i] == ANYARRAYOID)
			elem = array_elem(resolved[i]);
	}
	if (elem == InvalidOid)
		elem = TEXTOID;
	return rettype == ANYARRAYOID ? array_of(elem) : elem;
}

Oid
func_result_type(const FuncDef *f, int nargs, const Oid *resolved)
{
	Oid			decl[FUNC_MAX_ARGS];

	if (!expand_args(f->nargs, f->argtypes, f->variadic, nargs, decl))
		return f->rettype;
	return poly_result(f->rettype, nargs, decl, resolved);
}

Oid
agg_result_type(const AggDef *a, const Oid *resolved)
{
	return poly_result(a->rettype, a->nargs, a->argtypes, resolved);
}
