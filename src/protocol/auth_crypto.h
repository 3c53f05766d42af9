/*
 * auth_crypto.h — internal helpers shared by the authentication modules:
 * base64, hex, constant-time comparison and the SCRAM key derivation.
 * Not part of the public contract (see include/memgres/auth.h).
 */
#ifndef MEMGRES_PROTOCOL_AUTH_CRYPTO_H
#define MEMGRES_PROTOCOL_AUTH_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>

#define SCRAM_KEY_LEN 32			/* SHA-256 */
#define SCRAM_SALT_LEN 16
#define SCRAM_ITERATIONS 4096
#define SCRAM_NONCE_LEN 18			/* raw bytes; base64 on the wire */

/* Standard base64 with padding.  Returns bytes written (dst must hold
 * 4*ceil(n/3)+1), NUL-terminated. */
size_t		b64_encode(const unsigned char *src, size_t n, char *dst);
/* Returns decoded length, or -1 on bad input or if it would exceed dstlen. */
int			b64_decode(const char *src, size_t n, unsigned char *dst, size_t dstlen);
void		hex_encode(const unsigned char *src, size_t n, char *dst);	/* dst: 2n+1 */

/* SaltedPassword, ClientKey -> StoredKey, ServerKey (RFC 5802). */
bool		scram_salted_password(const char *password, const unsigned char *salt, size_t saltlen,
								  int iterations, unsigned char *out);
void		scram_keys(const unsigned char *salted, unsigned char *stored_key, unsigned char *server_key);
void		scram_hmac(const unsigned char *key, size_t keylen, const char *msg, size_t msglen,
					   unsigned char *out);
void		scram_hash(const unsigned char *in, size_t n, unsigned char *out);

/* A parsed "SCRAM-SHA-256$iter:salt$StoredKey:ServerKey". */
typedef struct ScramSecret {
	int			iterations;
	unsigned char salt[64];
	int			saltlen;
	unsigned char stored_key[SCRAM_KEY_LEN];
	unsigned char server_key[SCRAM_KEY_LEN];
} ScramSecret;

bool		scram_parse_secret(const char *verifier, ScramSecret *out);
/* md5 hex of concatenated strings: out receives 32 hex chars + NUL. */
void		md5_hex(const void *a, size_t alen, const void *b, size_t blen, char *out);

#endif
