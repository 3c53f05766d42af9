/*
 * auth.c — password authentication exchanges and stored verifiers.
 *
 * An AuthExchange is a small state machine fed with the bodies of the
 * client's 'p' messages.  It performs no I/O: the connection code sends
 * what lands in `out` as the body of an 'R' message.
 *
 *   auth_begin ──> [CLEARTEXT|MD5] ── p ──> OK / FAIL
 *              └─> [SCRAM_FIRST] ── p(SASLInitialResponse) ──> [SCRAM_FINAL]
 *                                   ── p(SASLResponse) ──> OK (with SASLFinal) / FAIL
 *
 * Design notes:
 *  - Whatever fails (unknown role, no password, wrong password, a verifier
 *    of the wrong kind) the client sees the same FATAL 28P01
 *    "password authentication failed for user", and only at the end of the
 *    exchange.  A role without a usable SCRAM secret is run through SCRAM
 *    with a mock secret derived from the user name and a per-process random
 *    key, so the salt a prober sees is stable and says nothing.
 *  - Proofs and hashes are compared with CRYPTO_memcmp (constant time).
 *  - Nonces and salts come from RAND_bytes.
 *  - SASLprep: passwords are used as given (byte for byte).  For ASCII
 *    passwords that is exactly SASLprep; see doc/compatibility.md.
 *
 * Invariants:
 *  1. An exchange reports AUTH_STEP_OK only after a successful proof check.
 *  2. After AUTH_STEP_FAIL the exchange is finished; further input fails.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <memgres/auth.h>
#include <memgres/mem.h>

#include "auth_crypto.h"

/* 'R' message codes. */
#define AUTH_REQ_OK 0
#define AUTH_REQ_PASSWORD 3
#define AUTH_REQ_MD5 5
#define AUTH_REQ_SASL 10
#define AUTH_REQ_SASL_CONT 11
#define AUTH_REQ_SASL_FIN 12

#define SCRAM_MECH "SCRAM-SHA-256"
#define SCRAM_MECH_PLUS "SCRAM-SHA-256-PLUS"
#define CBIND_TYPE "tls-server-end-point"

typedef enum AuthState {
	AX_CLEARTEXT,
	AX_MD5,
	AX_SCRAM_FIRST,
	AX_SCRAM_FINAL,
	AX_DONE
} AuthState;

struct AuthExchange {
	AuthState	state;
	char	   *user;
	char	   *verifier;			/* the stored secret, or NULL */
	unsigned char md5_salt[4];
	/* SCRAM */
	ScramSecret secret;
	bool		doomed;				/* mock secret: fail at the end */
	bool		offered_plus;
	bool		client_uses_cbind;
	unsigned char *endpoint;
	size_t		endpoint_len;
	char	   *cbind_header;		/* gs2 header as sent by the client */
	char	   *client_first_bare;
	char	   *server_first;
	char	   *nonce;				/* client + server nonce */
};

/* ---- helpers ---------------------------------------------------------- */

static void
put_int32(StrBuf *out, uint32_t v)
{
	unsigned char b[4] = {v >> 24, v >> 16, v >> 8, v};

	strbuf_append(out, b, 4);
}

static AuthStep
fail_password(AuthExchange *x, MgError *err)
{
	x->state = AX_DONE;
	mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_INVALID_PASSWORD,
				 "password authentication failed for user \"%s\"", x->user);
	return AUTH_STEP_FAIL;
}

static AuthStep
fail_protocol(AuthExchange *x, MgError *err, const char *msg, const char *detail)
{
	x->state = AX_DONE;
	mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION, "%s", msg);
	if (detail)
		mg_error_detail(err, "%s", detail);
	return AUTH_STEP_FAIL;
}

/* A per-process key for mock SCRAM salts. */
static unsigned char mock_key[32];
static pthread_once_t mock_once = PTHREAD_ONCE_INIT;

static void
mock_key_init(void)
{
	if (RAND_bytes(mock_key, sizeof(mock_key)) != 1)
		memset(mock_key, 0x5a, sizeof(mock_key));
}

static void
mock_secret(const char *user, ScramSecret *s)
{
	unsigned char h[SCRAM_KEY_LEN];

	pthread_once(&mock_once, mock_key_init);
	scram_hmac(mock_key, sizeof(mock_key), user, strlen(user), h);
	s->iterations = SCRAM_ITERATIONS;
	memcpy(s->salt, h, SCRAM_SALT_LEN);
	s->saltlen = SCRAM_SALT_LEN;
	RAND_bytes(s->stored_key, SCRAM_KEY_LEN);
	RAND_bytes(s->server_key, SCRAM_KEY_LEN);
}

/* Checks a cleartext password against a stored verifier. */
static bool
verify_plain(const char *user, const char *verifier, const char *password)
{
	ScramSecret s;

	if (verifier == NULL)
		return false;
	if (scram_parse_secret(verifier, &s))
	{
		unsigned char salted[SCRAM_KEY_LEN];
		unsigned char stored[SCRAM_KEY_LEN];
		unsigned char server[SCRAM_KEY_LEN];

		if (!scram_salted_password(password, s.salt, (size_t) s.saltlen, s.iterations, salted))
			return false;
		scram_keys(salted, stored, server);
		return CRYPTO_memcmp(stored, s.stored_key, SCRAM_KEY_LEN) == 0 &&
			CRYPTO_memcmp(server, s.server_key, SCRAM_KEY_LEN) == 0;
	}
	if (strncmp(verifier, "md5", 3) == 0 && strlen(verifier) == 35)
	{
		char		hex[33];

		md5_hex(password, strlen(password), user, strlen(user), hex);
		return CRYPTO_memcmp(hex, verifier + 3, 32) == 0;
	}
	return false;
}

/* ---- verifiers -------------------------------------------------------- */

char *
auth_scram_verifier(const char *password)
{
	unsigned char salt[SCRAM_SALT_LEN];
	unsigned char salted[SCRAM_KEY_LEN];
	unsigned char stored[SCRAM_KEY_LEN];
	unsigned char server[SCRAM_KEY_LEN];
	char		salt64[32];
	char		stored64[48];
	char		server64[48];
	char	   *out = NULL;

	if (RAND_bytes(salt, sizeof(salt)) != 1)
		return NULL;
	if (!scram_salted_password(password, salt, sizeof(salt), SCRAM_ITERATIONS, salted))
		return NULL;
	scram_keys(salted, stored, server);
	b64_encode(salt, sizeof(salt), salt64);
	b64_encode(stored, SCRAM_KEY_LEN, stored64);
	b64_encode(server, SCRAM_KEY_LEN, server64);
	if (asprintf(&out, "SCRAM-SHA-256$%d:%s$%s:%s", SCRAM_ITERATIONS, salt64, stored64, server64) < 0)
		mg_oom();
	return out;
}

char *
auth_md5_verifier(const char *password, const char *user)
{
	char	   *out = mg_malloc(36);

	memcpy(out, "md5", 3);
	md5_hex(password, strlen(password), user, strlen(user), out + 3);
	return out;
}

char *
auth_make_verifier(const char *password, const char *user, const char *password_encryption)
{
	ScramSecret s;

	if (scram_parse_secret(password, &s))
		return mg_strdup(password);
	if (strncmp(password, "md5", 3) == 0 && strlen(password) == 35 &&
		strspn(password + 3, "0123456789abcdef") == 32)
		return mg_strdup(password);
	if (password_encryption != NULL && strcmp(password_encryption, "md5") == 0)
		return auth_md5_verifier(password, user);
	return auth_scram_verifier(password);
}

/* ---- exchanges -------------------------------------------------------- */

const char *
auth_method_name(AuthMethod m)
{
	switch (m)
	{
		case AUTH_NO_MATCH: return "no match";
		case AUTH_REJECT: return "reject";
		case AUTH_TRUST: return "trust";
		case AUTH_PASSWORD: return "password";
		case AUTH_MD5: return "md5";
		case AUTH_SCRAM_SHA_256: return "scram-sha-256";
	}
	return "unknown";
}

AuthExchange *
auth_begin(AuthMethod method, const char *user, const char *verifier,
		   const unsigned char *tls_endpoint, size_t tls_endpoint_len, StrBuf *out)
{
	AuthExchange *x = mg_calloc(1, sizeof(AuthExchange));
	ScramSecret s;

	x->user = mg_strdup(user);
	x->verifier = verifier ? mg_strdup(verifier) : NULL;

	/* md5 with a SCRAM secret stored is upgraded to SCRAM, as PostgreSQL does. */
	if (method == AUTH_MD5 && scram_parse_secret(verifier, &s))
		method = AUTH_SCRAM_SHA_256;

	switch (method)
	{
		case AUTH_PASSWORD:
			x->state = AX_CLEARTEXT;
			put_int32(out, AUTH_REQ_PASSWORD);
			break;
		case AUTH_MD5:
			x->state = AX_MD5;
			if (RAND_bytes(x->md5_salt, 4) != 1)
				memset(x->md5_salt, 0x42, 4);
			put_int32(out, AUTH_REQ_MD5);
			strbuf_append(out, x->md5_salt, 4);
			break;
		default:
			x->state = AX_SCRAM_FIRST;
			if (scram_parse_secret(verifier, &x->secret))
				x->doomed = false;
			else
			{
				mock_secret(user, &x->secret);
				x->doomed = true;
			}
			put_int32(out, AUTH_REQ_SASL);
			if (tls_endpoint != NULL && tls_endpoint_len > 0)
			{
				x->offered_plus = true;
				x->endpoint = mg_malloc(tls_endpoint_len);
				memcpy(x->endpoint, tls_endpoint, tls_endpoint_len);
				x->endpoint_len = tls_endpoint_len;
				strbuf_append(out, SCRAM_MECH_PLUS, sizeof(SCRAM_MECH_PLUS));
			}
			strbuf_append(out, SCRAM_MECH, sizeof(SCRAM_MECH));
			strbuf_putc(out, '\0');
			break;
	}
	return x;
}

/* Reads a NUL-terminated string from a message body. */
static const char *
take_cstring(const char **p, const char *end)
{
	const char *s = *p;
	const char *nul = memchr(s, '\0', (size_t) (end - s));

	if (nul == NULL)
		return NULL;
	*p = nul + 1;
	return s;
}

/* Finds attribute `name` (e.g. 'r') at the start of a comma-separated
 * SCRAM message part; returns a malloc'd copy of its value or NULL. */
static char *
scram_attr(const char **p, char name)
{
	const char *s = *p;
	const char *comma;

	if (s[0] != name || s[1] != '=')
		return NULL;
	s += 2;
	comma = strchr(s, ',');
	if (comma == NULL)
		comma = s + strlen(s);
	*p = *comma ? comma + 1 : comma;
	return mg_strndup(s, (size_t) (comma - s));
}

static bool
printable_nonce(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (*s < 0x21 || *s > 0x7e || *s == ',')
			return false;
	return true;
}

static AuthStep
scram_first(AuthExchange *x, const char *msg, size_t len, StrBuf *out, MgError *err)
{
	const char *p = msg;
	const char *end = msg + len;
	const char *mech;
	uint32_t	inlen;
	char	   *input;
	const char *q;
	const char *bare;
	char	   *cnonce;
	unsigned char raw[SCRAM_NONCE_LEN];
	char		snonce[32];
	char		salt64[96];
	char	   *sf = NULL;

	mech = take_cstring(&p, end);
	if (mech == NULL || end - p < 4)
		return fail_protocol(x, err, "malformed SASL message", NULL);
	inlen = ((uint32_t) (unsigned char) p[0] << 24) | ((unsigned char) p[1] << 16) |
		((unsigned char) p[2] << 8) | (unsigned char) p[3];
	p += 4;
	if (inlen == UINT32_MAX || (size_t) (end - p) != inlen)
		return fail_protocol(x, err, "malformed SASL message", "Message length does not match input length.");
	if (strcmp(mech, SCRAM_MECH_PLUS) == 0)
	{
		if (!x->offered_plus)
			return fail_protocol(x, err, "client selected an invalid SASL authentication mechanism", NULL);
		x->client_uses_cbind = true;
	}
	else if (strcmp(mech, SCRAM_MECH) != 0)
		return fail_protocol(x, err, "client selected an invalid SASL authentication mechanism", NULL);

	input = mg_strndup(p, inlen);
	q = input;
	/* gs2-cbind-flag */
	if (q[0] == 'p' && q[1] == '=')
	{
		if (!x->client_uses_cbind || strncmp(q + 2, CBIND_TYPE ",", strlen(CBIND_TYPE) + 1) != 0)
		{
			free(input);
			return fail_protocol(x, err, "malformed SCRAM message", "Unsupported SCRAM channel-binding type.");
		}
		q += 2 + strlen(CBIND_TYPE) + 1;
	}
	else if ((q[0] == 'y' || q[0] == 'n') && q[1] == ',')
	{
		if (x->client_uses_cbind)
		{
			free(input);
			return fail_protocol(x, err, "malformed SCRAM message",
								 "The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does not include channel binding data.");
		}
		/* 'y': the client supports binding but thinks we don't; we offered it: downgrade. */
		if (q[0] == 'y' && x->offered_plus)
		{
			free(input);
			mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION, "SCRAM channel binding negotiation error");
			mg_error_detail(err, "The client supports SCRAM channel binding but thinks the server does not.  However, this server does support channel binding.");
			x->state = AX_DONE;
			return AUTH_STEP_FAIL;
		}
		q += 2;
	}
	else
	{
		free(input);
		return fail_protocol(x, err, "malformed SCRAM message", "Unexpected channel-binding flag.");
	}
	/* authzid: not supported */
	if (q[0] != ',')
	{
		free(input);
		return fail_protocol(x, err, "malformed SCRAM message", "client uses authorization identity, but it is not supported");
	}
	q++;
	x->cbind_header = mg_strndup(input, (size_t) (q - input));
	bare = q;
	/* n=user (ignored: the startup packet's user counts, as in PostgreSQL) */
	if (q[0] != 'n' || q[1] != '=')
	{
		free(input);
		return fail_protocol(x, err, "malformed SCRAM message", "Expected attribute \"n\".");
	}
	q = strchr(q, ',');
	if (q == NULL)
	{
		free(input);
		return fail_protocol(x, err, "malformed SCRAM message", "Expected attribute \"r\".");
	}
	q++;
	cnonce = scram_attr(&q, 'r');
	if (cnonce == NULL || !printable_nonce(cnonce))
	{
		free(cnonce);
		free(input);
		return fail_protocol(x, err, "malformed SCRAM message", "Expected attribute \"r\".");
	}
	x->client_first_bare = mg_strdup(bare);
	free(input);

	RAND_bytes(raw, sizeof(raw));
	b64_encode(raw, sizeof(raw), snonce);
	if (asprintf(&x->nonce, "%s%s", cnonce, snonce) < 0)
		mg_oom();
	free(cnonce);
	b64_encode(x->secret.salt, (size_t) x->secret.saltlen, salt64);
	if (asprintf(&sf, "r=%s,s=%s,i=%d", x->nonce, salt64, x->secret.iterations) < 0)
		mg_oom();
	x->server_first = sf;
	put_int32(out, AUTH_REQ_SASL_CONT);
	strbuf_puts(out, sf);
	x->state = AX_SCRAM_FINAL;
	return AUTH_STEP_CONTINUE;
}

static AuthStep
scram_final(AuthExchange *x, const char *msg, size_t len, StrBuf *out, MgError *err)
{
	char	   *input = mg_strndup(msg, len);
	const char *q = input;
	const char *proof_at;
	char	   *cbind64 = NULL;
	char	   *nonce = NULL;
	char	   *proof64 = NULL;
	unsigned char cbind[512];
	int			cbindlen;
	unsigned char proof[SCRAM_KEY_LEN];
	unsigned char sig[SCRAM_KEY_LEN];
	unsigned char client_key[SCRAM_KEY_LEN];
	unsigned char check[SCRAM_KEY_LEN];
	char		final64[64];
	StrBuf		authmsg;
	AuthStep	r;
	size_t		hdrlen = strlen(x->cbind_header);

	if (memchr(msg, '\0', len) != NULL)
	{
		free(input);
		return fail_protocol(x, err, "malformed SCRAM message", "Message contains a NUL byte.");
	}
	cbind64 = scram_attr(&q, 'c');
	nonce = cbind64 ? scram_attr(&q, 'r') : NULL;
	/* skip extensions up to p= */
	proof_at = strstr(input, ",p=");
	if (cbind64 == NULL || nonce == NULL || proof_at == NULL)
	{
		r = fail_protocol(x, err, "malformed SCRAM message", "Could not parse the client-final-message.");
		goto done;
	}
	q = proof_at + 1;
	proof64 = scram_attr(&q, 'p');
	if (proof64 == NULL || *q != '\0' ||
		b64_decode(proof64, strlen(proof64), proof, sizeof(proof)) != SCRAM_KEY_LEN)
	{
		r = fail_protocol(x, err, "malformed SCRAM message", "Malformed proof in client-final-message.");
		goto done;
	}
	/* channel binding: header (+ endpoint hash when binding) */
	cbindlen = b64_decode(cbind64, strlen(cbind64), cbind, sizeof(cbind));
	if (cbindlen < (int) hdrlen || memcmp(cbind, x->cbind_header, hdrlen) != 0 ||
		(x->client_uses_cbind
		 ? ((size_t) cbindlen != hdrlen + x->endpoint_len ||
			CRYPTO_memcmp(cbind + hdrlen, x->endpoint, x->endpoint_len) != 0)
		 : (size_t) cbindlen != hdrlen))
	{
		x->state = AX_DONE;
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION,
					 "SCRAM channel binding check failed");
		r = AUTH_STEP_FAIL;
		goto done;
	}
	if (strcmp(nonce, x->nonce) != 0)
	{
		r = fail_protocol(x, err, "malformed SCRAM message", "Unexpected SCRAM nonce in client-final-message.");
		goto done;
	}

	/* AuthMessage = client-first-bare "," server-first "," client-final-without-proof */
	strbuf_init(&authmsg);
	strbuf_puts(&authmsg, x->client_first_bare);
	strbuf_putc(&authmsg, ',');
	strbuf_puts(&authmsg, x->server_first);
	strbuf_putc(&authmsg, ',');
	strbuf_append(&authmsg, input, (size_t) (proof_at - input));

	scram_hmac(x->secret.stored_key, SCRAM_KEY_LEN, authmsg.data, authmsg.len, sig);
	for (int i = 0; i < SCRAM_KEY_LEN; i++)
		client_key[i] = proof[i] ^ sig[i];
	scram_hash(client_key, SCRAM_KEY_LEN, check);
	if (CRYPTO_memcmp(check, x->secret.stored_key, SCRAM_KEY_LEN) != 0 || x->doomed)
	{
		strbuf_free(&authmsg);
		r = fail_password(x, err);
		goto done;
	}
	scram_hmac(x->secret.server_key, SCRAM_KEY_LEN, authmsg.data, authmsg.len, sig);
	strbuf_free(&authmsg);
	b64_encode(sig, SCRAM_KEY_LEN, final64);
	put_int32(out, AUTH_REQ_SASL_FIN);
	strbuf_puts(out, "v=");
	strbuf_puts(out, final64);
	x->state = AX_DONE;
	r = AUTH_STEP_OK;
done:
	free(cbind64);
	free(nonce);
	free(proof64);
	free(input);
	return r;
}

AuthStep
auth_continue(AuthExchange *x, const char *msg, size_t len, StrBuf *out, MgError *err)
{
	switch (x->state)
	{
		case AX_CLEARTEXT:
		case AX_MD5:
			{
				const char *nul = memchr(msg, '\0', len);
				bool		ok;

				if (nul == NULL || (size_t) (nul - msg) != len - 1)
					return fail_protocol(x, err, "invalid password packet size", NULL);
				if (msg[0] == '\0')
					return fail_password(x, err);
				if (x->state == AX_CLEARTEXT)
					ok = verify_plain(x->user, x->verifier, msg);
				else
				{
					char		expect[36];

					/* stored md5 verifier "md5" + hex; client sends md5(hex || salt) */
					ok = false;
					if (x->verifier && strncmp(x->verifier, "md5", 3) == 0 && strlen(x->verifier) == 35)
					{
						memcpy(expect, "md5", 3);
						md5_hex(x->verifier + 3, 32, x->md5_salt, 4, expect + 3);
						ok = len - 1 == 35 && CRYPTO_memcmp(expect, msg, 35) == 0;
					}
				}
				x->state = AX_DONE;
				return ok ? AUTH_STEP_OK : fail_password(x, err);
			}
		case AX_SCRAM_FIRST:
			return scram_first(x, msg, len, out, err);
		case AX_SCRAM_FINAL:
			return scram_final(x, msg, len, out, err);
		case AX_DONE:
			break;
	}
	return fail_protocol(x, err, "unexpected authentication message", NULL);
}

void
auth_free(AuthExchange *x)
{
	if (x == NULL)
		return;
	free(x->user);
	free(x->verifier);
	free(x->endpoint);
	free(x->cbind_header);
	free(x->client_first_bare);
	free(x->server_first);
	free(x->nonce);
	OPENSSL_cleanse(&x->secret, sizeof(x->secret));
	free(x);
}
