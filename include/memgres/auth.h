/*
 * auth.h — client authentication, free of I/O: pg_hba.conf rules, and the
 * exchanges for cleartext password, md5 and SCRAM-SHA-256 (RFC 5802/7677 as
 * PostgreSQL implements it, channel binding optional), plus the password
 * verifiers stored for roles.
 *
 * Implemented in src/protocol/auth*.c and hba.c.  The connection state
 * machine (src/protocol/conn.c) owns an AuthExchange and moves bytes: it
 * sends what auth_* put in `out` as the body of an 'R' (Authentication)
 * message and feeds back the body of each 'p' message.
 *
 * Threads: HbaRules are loaded once at start-up and read-only afterwards
 * (any thread).  An AuthExchange belongs to its connection's worker.
 * Security: nonces and salts come from OpenSSL's RAND_bytes; proofs and
 * hashes are compared in constant time (CRYPTO_memcmp); failures say only
 * what PostgreSQL says ("password authentication failed for user \"x\"",
 * 28P01), whatever went wrong (unknown role, no password, bad proof).
 */
#ifndef MEMGRES_AUTH_H
#define MEMGRES_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#include <memgres/error.h>
#include <memgres/strbuf.h>

typedef enum AuthMethod {
	AUTH_NO_MATCH,			/* no rule matched: "no pg_hba.conf entry for host ..." */
	AUTH_REJECT,			/* a reject rule matched: "pg_hba.conf rejects connection ..." */
	AUTH_TRUST,
	AUTH_PASSWORD,			/* cleartext */
	AUTH_MD5,				/* md5, or SCRAM if the stored verifier is SCRAM (as PostgreSQL) */
	AUTH_SCRAM_SHA_256
} AuthMethod;

typedef enum HbaConnType {
	HBA_LOCAL,				/* Unix socket */
	HBA_HOST_PLAIN,			/* TCP without TLS */
	HBA_HOST_SSL			/* TCP with TLS */
} HbaConnType;

typedef struct HbaRules HbaRules;

/* Parses a pg_hba.conf file (local/host/hostssl/hostnossl; database and user
 * lists with all, sameuser, samerole, +group (treated as a role name),
 * @file not supported; CIDR or address+mask; methods trust, reject,
 * password, md5, scram-sha-256).  Errors name file and line. */
HbaRules   *hba_load_file(const char *path, MgError *err);
/* The defaults of the official PostgreSQL container image: local trust;
 * with a password: host all all all scram-sha-256; without: host trust for
 * 127.0.0.1/32 and ::1/128 only. */
HbaRules   *hba_default(bool have_password);
void		hba_free(HbaRules *rules);
/* The method of the first matching rule; AUTH_NO_MATCH if none matches.
 * addr is NULL for HBA_LOCAL. */
AuthMethod	hba_match(const HbaRules *rules, HbaConnType type, const char *database,
					  const char *user, const struct sockaddr *addr);
const char *auth_method_name(AuthMethod m);

/* Stored verifiers. */
/* "SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>" (malloc'd), or NULL on failure. */
char	   *auth_scram_verifier(const char *password);
/* "md5" + md5(password || user) (malloc'd). */
char	   *auth_md5_verifier(const char *password, const char *user);
/* A password given to CREATE ROLE / ALTER ROLE: already a verifier is kept
 * as is; anything else is hashed per password_encryption ("scram-sha-256" or "md5"). */
char	   *auth_make_verifier(const char *password, const char *user, const char *password_encryption);

/* One authentication exchange. */
typedef struct AuthExchange AuthExchange;

typedef enum AuthStep {
	AUTH_STEP_CONTINUE,		/* send `out` as an 'R' body and wait for the next 'p' */
	AUTH_STEP_OK,			/* authenticated: send AuthenticationOk (out may hold a final 'R' body first: SASLFinal) */
	AUTH_STEP_FAIL			/* err set (28P01 or 08P01): send it as FATAL and close */
} AuthStep;

/*
 * Starts an exchange for method (not TRUST/REJECT).  verifier is the role's
 * stored password (NULL if the role has none or does not exist: the
 * exchange then runs to the end and fails, revealing nothing).
 * tls_endpoint is the server certificate hash for tls-server-end-point
 * channel binding (NULL when not on TLS).  Writes the first 'R' body
 * (AuthenticationCleartextPassword, MD5Password+salt or SASL+mechanisms).
 */
AuthExchange *auth_begin(AuthMethod method, const char *user, const char *verifier,
						 const unsigned char *tls_endpoint, size_t tls_endpoint_len,
						 StrBuf *out);
/* Feeds the body of one 'p' message. */
AuthStep	auth_continue(AuthExchange *x, const char *msg, size_t len, StrBuf *out, MgError *err);
void		auth_free(AuthExchange *x);

#endif
