/*
 * auth_crypto.c — base64/hex and the SCRAM-SHA-256 and MD5 primitives
 * (OpenSSL) used by authentication.
 */
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include "auth_crypto.h"

static const char b64chars[] =
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

size_t
b64_encode(const unsigned char *src, size_t n, char *dst)
{
	size_t		o = 0;
	size_t		i;

	for (i = 0; i + 2 < n; i += 3)
	{
		unsigned	v = (src[i] << 16) | (src[i + 1] << 8) | src[i + 2];

		dst[o++] = b64chars[(v >> 18) & 63];
		dst[o++] = b64chars[(v >> 12) & 63];
		dst[o++] = b64chars[(v >> 6) & 63];
		dst[o++] = b64chars[v & 63];
	}
	if (i < n)
	{
		unsigned	v = src[i] << 16;

		if (i + 1 < n)
			v |= src[i + 1] << 8;
		dst[o++] = b64chars[(v >> 18) & 63];
		dst[o++] = b64chars[(v >> 12) & 63];
		dst[o++] = (i + 1 < n) ? b64chars[(v >> 6) & 63] : '=';
		dst[o++] = '=';
	}
	dst[o] = '\0';
	return o;
}

static int
b64_value(char c)
{
	const char *p;

	if (c == '\0')
		return -1;
	p = strchr(b64chars, c);
	return p ? (int) (p - b64chars) : -1;
}

int
b64_decode(const char *src, size_t n, unsigned char *dst, size_t dstlen)
{
	size_t		o = 0;
	size_t		i;

	if (n % 4 != 0)
		return -1;
	for (i = 0; i < n; i += 4)
	{
		int			v[4];
		int			pad = 0;
		unsigned	w;

		for (int k = 0; k < 4; k++)
		{
			if (src[i + k] == '=' && i + 4 == n && k >= 2)
			{
				v[k] = 0;
				pad++;
			}
			else if (pad > 0 || (v[k] = b64_value(src[i + k])) < 0)
				return -1;
		}
		w = (unsigned) (v[0] << 18 | v[1] << 12 | v[2] << 6 | v[3]);
		if (o + 3 - pad > dstlen)
			return -1;
		dst[o++] = (unsigned char) (w >> 16);
		if (pad < 2)
			dst[o++] = (unsigned char) (w >> 8);
		if (pad < 1)
			dst[o++] = (unsigned char) w;
	}
	return (int) o;
}

void
hex_encode(const unsigned char *src, size_t n, char *dst)
{
	static const char hex[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++)
	{
		dst[2 * i] = hex[src[i] >> 4];
		dst[2 * i + 1] = hex[src[i] & 15];
	}
	dst[2 * n] = '\0';
}

void
scram_hmac(const unsigned char *key, size_t keylen, const char *msg, size_t msglen,
		   unsigned char *out)
{
	unsigned int len = SCRAM_KEY_LEN;

	HMAC(EVP_sha256(), key, (int) keylen, (const unsigned char *) msg, msglen, out, &len);
}

void
scram_hash(const unsigned char *in, size_t n, unsigned char *out)
{
	SHA256(in, n, out);
}

bool
scram_salted_password(const char *password, const unsigned char *salt, size_t saltlen,
					  int iterations, unsigned char *out)
{
	return PKCS5_PBKDF2_HMAC(password, (int) strlen(password), salt, (int) saltlen,
							 iterations, EVP_sha256(), SCRAM_KEY_LEN, out) == 1;
}

void
scram_keys(const unsigned char *salted, unsigned char *stored_key, unsigned char *server_key)
{
	unsigned char client_key[SCRAM_KEY_LEN];

	scram_hmac(salted, SCRAM_KEY_LEN, "Client Key", 10, client_key);
	scram_hash(client_key, SCRAM_KEY_LEN, stored_key);
	scram_hmac(salted, SCRAM_KEY_LEN, "Server Key", 10, server_key);
}

bool
scram_parse_secret(const char *v, ScramSecret *out)
{
	const char *p;
	const char *salt;
	const char *keys;
	const char *colon;
	char	   *end;
	long		iter;

	if (v == NULL || strncmp(v, "SCRAM-SHA-256$", 14) != 0)
		return false;
	p = v + 14;
	iter = strtol(p, &end, 10);
	if (end == p || *end != ':' || iter <= 0 || iter > 100000000)
		return false;
	salt = end + 1;
	keys = strchr(salt, '$');
	if (keys == NULL)
		return false;
	colon = strchr(keys + 1, ':');
	if (colon == NULL)
		return false;
	out->iterations = (int) iter;
	out->saltlen = b64_decode(salt, (size_t) (keys - salt), out->salt, sizeof(out->salt));
	if (out->saltlen <= 0)
		return false;
	if (b64_decode(keys + 1, (size_t) (colon - keys - 1), out->stored_key, SCRAM_KEY_LEN) != SCRAM_KEY_LEN)
		return false;
	if (b64_decode(colon + 1, strlen(colon + 1), out->server_key, SCRAM_KEY_LEN) != SCRAM_KEY_LEN)
		return false;
	return true;
}

void
md5_hex(const void *a, size_t alen, const void *b, size_t blen, char *out)
{
	unsigned char digest[16];
	unsigned int len = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();

	EVP_DigestInit_ex(ctx, EVP_md5(), NULL);
	EVP_DigestUpdate(ctx, a, alen);
	EVP_DigestUpdate(ctx, b, blen);
	EVP_DigestFinal_ex(ctx, digest, &len);
	EVP_MD_CTX_free(ctx);
	hex_encode(digest, 16, out);
}
