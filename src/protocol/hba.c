/*
 * hba.c — client authentication rules in pg_hba.conf format.
 *
 * Supported: record types local, host, hostssl, hostnossl (hostgssenc never
 * matches, since memgres refuses GSS encryption; hostnogssenc is host);
 * database and user fields as comma-separated lists of names, "all",
 * "sameuser", "samerole" (treated as sameuser: memgres has no role
 * membership yet), "+role" (membership, treated as the role itself),
 * quoted names; addresses as CIDR, address + mask, "all"; methods trust,
 * reject, password, md5, scram-sha-256.  Anything else (hostnames, @file
 * includes, peer, ident, cert, ldap ...) is a load error naming file and
 * line, so a configuration never silently means less than it says.
 *
 * Invariants: rules are immutable after load; hba_match is read-only and
 * thread-safe.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <memgres/auth.h>
#include <memgres/mem.h>

typedef enum HbaRecType { REC_LOCAL, REC_HOST, REC_HOSTSSL, REC_HOSTNOSSL, REC_HOSTGSSENC } HbaRecType;

typedef struct HbaRule {
	HbaRecType	type;
	char	  **databases;		/* NULL-terminated; "\001all" style markers below */
	char	  **users;
	bool		any_addr;
	int			family;			/* AF_INET / AF_INET6 */
	unsigned char addr[16];
	unsigned char mask[16];
	AuthMethod	method;
} HbaRule;

struct HbaRules {
	HbaRule    *rules;
	int			n;
};

/* Keywords are stored with a leading \001 so a quoted "all" stays a name. */
#define KW_ALL "\001all"
#define KW_SAMEUSER "\001sameuser"

static void
free_list(char **l)
{
	if (l == NULL)
		return;
	for (char **p = l; *p; p++)
		free(*p);
	free(l);
}

void
hba_free(HbaRules *r)
{
	if (r == NULL)
		return;
	for (int i = 0; i < r->n; i++)
	{
		free_list(r->rules[i].databases);
		free_list(r->rules[i].users);
	}
	free(r->rules);
	free(r);
}

/* Splits one line into tokens; quoted tokens keep a leading '"' marker. */
static int
tokenize(char *line, char **tok, int max)
{
	int			n = 0;
	char	   *p = line;

	while (*p && n < max)
	{
		char	   *start;
		char	   *o;
		bool		quoted = false;

		while (*p && isspace((unsigned char) *p))
			p++;
		if (*p == '\0' || *p == '#')
			break;
		start = o = p;
		/* a token runs to whitespace outside quotes; commas stay inside */
		while (*p && (quoted || !isspace((unsigned char) *p)))
		{
			if (*p == '"')
			{
				quoted = !quoted;
				*o++ = '\x02';	/* mark: this part was quoted */
				p++;
				continue;
			}
			if (*p == '#' && !quoted)
				break;
			*o++ = *p++;
		}
		if (*p == '#')
			*p = '\0';
		else if (*p)
			p++;
		*o = '\0';
		tok[n++] = start;
	}
	return n;
}

/* Parses a comma list of names/keywords into a NULL-terminated array. */
static char **
parse_list(const char *field, bool is_db)
{
	int			cap = 4;
	int			n = 0;
	char	  **out = mg_malloc(sizeof(char *) * (size_t) cap);
	const char *p = field;

	for (;;)
	{
		const char *comma = p;
		bool		quoted = false;
		char	   *item;
		char	   *o;

		while (*comma && (quoted || *comma != ','))
		{
			if (*comma == '\x02')
				quoted = !quoted;
			comma++;
		}
		item = mg_malloc((size_t) (comma - p) + 2);
		o = item;
		quoted = false;
		bool		any_quote = false;

		for (const char *q = p; q < comma; q++)
		{
			if (*q == '\x02')
			{
				any_quote = true;
				continue;
			}
			*o++ = *q;
		}
		*o = '\0';
		if (!any_quote && (strcmp(item, "all") == 0 ||
						   (is_db && (strcmp(item, "sameuser") == 0 || strcmp(item, "samerole") == 0))))
		{
			char	   *kw = mg_strdup(strcmp(item, "all") == 0 ? KW_ALL : KW_SAMEUSER);

			free(item);
			item = kw;
		}
		else if (!any_quote && item[0] == '+')
			memmove(item, item + 1, strlen(item));
		if (n + 2 > cap)
		{
			cap *= 2;
			out = mg_realloc(out, sizeof(char *) * (size_t) cap);
		}
		out[n++] = item;
		if (*comma == '\0')
			break;
		p = comma + 1;
	}
	out[n] = NULL;
	return out;
}

static bool
parse_addr(const char *s, int *family, unsigned char *addr)
{
	memset(addr, 0, 16);
	if (inet_pton(AF_INET, s, addr) == 1)
	{
		*family = AF_INET;
		return true;
	}
	if (inet_pton(AF_INET6, s, addr) == 1)
	{
		*family = AF_INET6;
		return true;
	}
	return false;
}

static void
mask_from_bits(int family, int bits, unsigned char *mask)
{
	int			len = family == AF_INET ? 4 : 16;

	memset(mask, 0, 16);
	for (int i = 0; i < len; i++)
	{
		int			b = bits - i * 8;

		mask[i] = b >= 8 ? 0xff : b <= 0 ? 0 : (unsigned char) (0xff << (8 - b));
	}
}

static bool
parse_method(const char *s, AuthMethod *m)
{
	if (strcmp(s, "trust") == 0)
		*m = AUTH_TRUST;
	else if (strcmp(s, "reject") == 0)
		*m = AUTH_REJECT;
	else if (strcmp(s, "password") == 0)
		*m = AUTH_PASSWORD;
	else if (strcmp(s, "md5") == 0)
		*m = AUTH_MD5;
	else if (strcmp(s, "scram-sha-256") == 0)
		*m = AUTH_SCRAM_SHA_256;
	else
		return false;
	return true;
}

static int
add_rule(HbaRules *r, int *cap, const HbaRule *rule)
{
	if (r->n == *cap)
	{
		*cap = *cap ? *cap * 2 : 8;
		r->rules = mg_realloc(r->rules, sizeof(HbaRule) * (size_t) *cap);
	}
	r->rules[r->n++] = *rule;
	return 0;
}

#define HBA_FAIL(...) do { \
	mg_error(err, SQLSTATE_CONFIG_FILE_ERROR, __VA_ARGS__); \
	mg_error_context(err, "line %d of configuration file \"%s\"", lineno, path); \
	goto fail; \
} while (0)

HbaRules *
hba_load_file(const char *path, MgError *err)
{
	FILE	   *f = fopen(path, "r");
	HbaRules   *r;
	int			cap = 0;
	char		line[4096];
	int			lineno = 0;
	HbaRule		rule = {0};

	if (f == NULL)
	{
		mg_error(err, SQLSTATE_CONFIG_FILE_ERROR, "could not open configuration file \"%s\": %s",
				 path, strerror(errno));
		return NULL;
	}
	r = mg_calloc(1, sizeof(HbaRules));
	while (fgets(line, sizeof(line), f))
	{
		char	   *tok[16];
		int			n;
		int			i = 0;
		const char *method;

		lineno++;
		n = tokenize(line, tok, 16);
		if (n == 0)
			continue;
		memset(&rule, 0, sizeof(rule));
		if (strcmp(tok[0], "local") == 0)
			rule.type = REC_LOCAL;
		else if (strcmp(tok[0], "host") == 0 || strcmp(tok[0], "hostnogssenc") == 0)
			rule.type = REC_HOST;
		else if (strcmp(tok[0], "hostssl") == 0)
			rule.type = REC_HOSTSSL;
		else if (strcmp(tok[0], "hostnossl") == 0)
			rule.type = REC_HOSTNOSSL;
		else if (strcmp(tok[0], "hostgssenc") == 0)
			rule.type = REC_HOSTGSSENC;
		else
			HBA_FAIL("invalid connection type \"%s\"", tok[0]);
		i = 1;
		if (n < (rule.type == REC_LOCAL ? 4 : 5))
			HBA_FAIL("end-of-line before authentication method");
		if (tok[i][0] == '@' || tok[i + 1][0] == '@')
			HBA_FAIL("@file includes in pg_hba.conf are not supported by memgres");
		rule.databases = parse_list(tok[i++], true);
		rule.users = parse_list(tok[i++], false);
		if (rule.type != REC_LOCAL)
		{
			char	   *a = tok[i++];
			char	   *slash = strchr(a, '/');

			if (strcmp(a, "all") == 0)
				rule.any_addr = true;
			else if (slash != NULL)
			{
				char	   *end;
				long		bits;

				*slash = '\0';
				if (!parse_addr(a, &rule.family, rule.addr))
					HBA_FAIL("invalid IP address \"%s\"", a);
				bits = strtol(slash + 1, &end, 10);
				if (*end != '\0' || bits < 0 || bits > (rule.family == AF_INET ? 32 : 128))
					HBA_FAIL("invalid CIDR mask in address \"%s\"", a);
				mask_from_bits(rule.family, (int) bits, rule.mask);
			}
			else if (parse_addr(a, &rule.family, rule.addr))
			{
				int			mfam;

				if (i >= n - 1)
					HBA_FAIL("end-of-line before netmask specification");
				if (!parse_addr(tok[i], &mfam, rule.mask) || mfam != rule.family)
					HBA_FAIL("invalid IP mask \"%s\"", tok[i]);
				i++;
			}
			else
				HBA_FAIL("host names, samehost and samenet in pg_hba.conf are not supported by memgres: \"%s\"", a);
			for (int k = 0; k < 16; k++)
				rule.addr[k] &= rule.mask[k];
		}
		if (i >= n)
			HBA_FAIL("end-of-line before authentication method");
		method = tok[i++];
		if (!parse_method(method, &rule.method))
			HBA_FAIL("invalid authentication method \"%s\"", method);
		if (i < n)
			HBA_FAIL("authentication option \"%s\" is not supported by memgres", tok[i]);
		add_rule(r, &cap, &rule);
		memset(&rule, 0, sizeof(rule));
	}
	fclose(f);
	return r;

fail:
	free_list(rule.databases);
	free_list(rule.users);
	fclose(f);
	hba_free(r);
	return NULL;
}

static void
add_default(HbaRules *r, int *cap, HbaRecType type, const char *cidr, AuthMethod m)
{
	HbaRule		rule = {0};
	char	  **all_db = mg_malloc(sizeof(char *) * 2);
	char	  **all_user = mg_malloc(sizeof(char *) * 2);

	all_db[0] = mg_strdup(KW_ALL);
	all_db[1] = NULL;
	all_user[0] = mg_strdup(KW_ALL);
	all_user[1] = NULL;
	rule.type = type;
	rule.databases = all_db;
	rule.users = all_user;
	rule.method = m;
	if (cidr == NULL)
		rule.any_addr = true;
	else
	{
		char		buf[64];
		char	   *slash;

		snprintf(buf, sizeof(buf), "%s", cidr);
		slash = strchr(buf, '/');
		*slash = '\0';
		parse_addr(buf, &rule.family, rule.addr);
		mask_from_bits(rule.family, atoi(slash + 1), rule.mask);
	}
	add_rule(r, cap, &rule);
}

HbaRules *
hba_default(bool have_password)
{
	HbaRules   *r = mg_calloc(1, sizeof(HbaRules));
	int			cap = 0;

	add_default(r, &cap, REC_LOCAL, NULL, AUTH_TRUST);
	if (have_password)
		add_default(r, &cap, REC_HOST, NULL, AUTH_SCRAM_SHA_256);
	else
	{
		add_default(r, &cap, REC_HOST, "127.0.0.1/32", AUTH_TRUST);
		add_default(r, &cap, REC_HOST, "::1/128", AUTH_TRUST);
	}
	return r;
}

static bool
list_has(char **list, const char *name, const char *user)
{
	for (char **p = list; *p; p++)
	{
		if (strcmp(*p, KW_ALL) == 0)
			return true;
		if (strcmp(*p, KW_SAMEUSER) == 0)
		{
			if (user != NULL && strcmp(name, user) == 0)
				return true;
			continue;
		}
		if (strcmp(*p, name) == 0)
			return true;
	}
	return false;
}

static bool
addr_matches(const HbaRule *rule, const struct sockaddr *sa)
{
	unsigned char a[16] = {0};
	int			family;

	if (rule->any_addr)
		return true;
	if (sa == NULL)
		return false;
	if (sa->sa_family == AF_INET)
	{
		memcpy(a, &((const struct sockaddr_in *) sa)->sin_addr, 4);
		family = AF_INET;
	}
	else if (sa->sa_family == AF_INET6)
	{
		const struct in6_addr *in6 = &((const struct sockaddr_in6 *) sa)->sin6_addr;

		if (rule->family == AF_INET && IN6_IS_ADDR_V4MAPPED(in6))
		{
			memcpy(a, &in6->s6_addr[12], 4);
			family = AF_INET;
		}
		else
		{
			memcpy(a, in6, 16);
			family = AF_INET6;
		}
	}
	else
		return false;
	if (family != rule->family)
		return false;
	for (int k = 0; k < 16; k++)
		if ((a[k] & rule->mask[k]) != rule->addr[k])
			return false;
	return true;
}

AuthMethod
hba_match(const HbaRules *rules, HbaConnType type, const char *database,
		  const char *user, const struct sockaddr *addr)
{
	for (int i = 0; i < rules->n; i++)
	{
		const HbaRule *rule = &rules->rules[i];

		switch (rule->type)
		{
			case REC_LOCAL:
				if (type != HBA_LOCAL)
					continue;
				break;
			case REC_HOST:
				if (type == HBA_LOCAL)
					continue;
				break;
			case REC_HOSTSSL:
				if (type != HBA_HOST_SSL)
					continue;
				break;
			case REC_HOSTNOSSL:
				if (type != HBA_HOST_PLAIN)
					continue;
				break;
			case REC_HOSTGSSENC:
				continue;
		}
		if (type != HBA_LOCAL && !addr_matches(rule, addr))
			continue;
		if (!list_has(rule->databases, database, user))
			continue;
		if (!list_has(rule->users, user, NULL))
			continue;
		return rule->method;
	}
	return AUTH_NO_MATCH;
}
