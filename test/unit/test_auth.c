/*
 * test_auth.c — the authentication exchanges (cleartext, md5, SCRAM-SHA-256
 * with and without channel binding) driven by a client written here from
 * RFC 5802/7677, and the pg_hba.conf rules.  Verifiers made by PostgreSQL 15
 * are accepted as they are.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <memgres/auth.h>
#include <memgres/error.h>

#include "../../src/protocol/auth_crypto.h"
#include "tap.h"

/* Made by PostgreSQL 15: CREATE ROLE zz PASSWORD 'pw' (scram-sha-256). */
static const char *PG_SCRAM_PW =
"SCRAM-SHA-256$4096:8Pkj2itEF8IjmEigq1aBzA==$Y/WuLzuDh9jmH0axFXWlhiZm78zwEppZGkDa/mTh3rw=:SVnUfekH9Mr2vhNHzNo4r8xqwN2HoBI8kO74aXe/mdg=";

static int
code_of(const StrBuf *out)
{
	const unsigned char *b = (const unsigned char *) out->data;

	return out->len < 4 ? -1 : (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
}

static AuthStep
send_cstring(AuthExchange *x, const char *s, StrBuf *out, MgError *err)
{
	strbuf_reset(out);
	return auth_continue(x, s, strlen(s) + 1, out, err);
}

static void
test_cleartext(void)
{
	StrBuf		out;
	MgError		err = MG_ERROR_INIT;
	AuthExchange *x;

	strbuf_init(&out);
	x = auth_begin(AUTH_PASSWORD, "zz", PG_SCRAM_PW, NULL, 0, &out);
	ok(code_of(&out) == 3, "cleartext: AuthenticationCleartextPassword");
	ok(send_cstring(x, "pw", &out, &err) == AUTH_STEP_OK, "cleartext: right password against a PostgreSQL SCRAM verifier");
	auth_free(x);

	strbuf_reset(&out);
	x = auth_begin(AUTH_PASSWORD, "zz", PG_SCRAM_PW, NULL, 0, &out);
	ok(send_cstring(x, "wrong", &out, &err) == AUTH_STEP_FAIL &&
	   strcmp(err.sqlstate, "28P01") == 0 &&
	   strcmp(err.message, "password authentication failed for user \"zz\"") == 0 &&
	   err.severity == MG_SEV_FATAL,
	   "cleartext: wrong password -> FATAL 28P01 with PostgreSQL's wording");
	mg_error_reset(&err);
	auth_free(x);

	strbuf_reset(&out);
	x = auth_begin(AUTH_PASSWORD, "nobody", NULL, NULL, 0, &out);
	ok(send_cstring(x, "pw", &out, &err) == AUTH_STEP_FAIL && strcmp(err.sqlstate, "28P01") == 0,
	   "cleartext: role without a password fails the same way");
	mg_error_reset(&err);
	auth_free(x);
	strbuf_free(&out);
}

static void
test_md5(void)
{
	StrBuf		out;
	MgError		err = MG_ERROR_INIT;
	AuthExchange *x;
	char	   *v = auth_md5_verifier("secret", "bob");
	char		resp[36];
	unsigned char salt[4];

	ok(strcmp(v, "md521f3163f8f86fa10bdefbfbd502a8f06") == 0, "md5 verifier equals PostgreSQL's");
	strbuf_init(&out);
	x = auth_begin(AUTH_MD5, "bob", v, NULL, 0, &out);
	ok(code_of(&out) == 5 && out.len == 8, "md5: AuthenticationMD5Password with a 4-byte salt");
	memcpy(salt, out.data + 4, 4);
	memcpy(resp, "md5", 3);
	md5_hex(v + 3, 32, salt, 4, resp + 3);
	ok(send_cstring(x, resp, &out, &err) == AUTH_STEP_OK, "md5: right response accepted");
	auth_free(x);

	strbuf_reset(&out);
	x = auth_begin(AUTH_MD5, "bob", v, NULL, 0, &out);
	ok(send_cstring(x, resp, &out, &err) == AUTH_STEP_FAIL && strcmp(err.sqlstate, "28P01") == 0,
	   "md5: a response replayed against a new salt is refused");
	mg_error_reset(&err);
	auth_free(x);

	strbuf_reset(&out);
	x = auth_begin(AUTH_MD5, "zz", PG_SCRAM_PW, NULL, 0, &out);
	ok(code_of(&out) == 10, "md5 method with a SCRAM secret stored runs SCRAM (as PostgreSQL)");
	auth_free(x);
	free(v);
	strbuf_free(&out);
}

/* A SCRAM client.  Returns the step of the final message; *server_ok says
 * whether the server's signature verified. */
static AuthStep
scram_client(const char *user, const char *verifier, const char *password,
			 const unsigned char *endpoint, size_t endpoint_len, const char *mech,
			 const char *gs2, bool *server_ok, MgError *err)
{
	StrBuf		out;
	StrBuf		msg;
	AuthExchange *x;
	AuthStep	st;
	const char *cfirst_bare = "n=,r=rOprNGfwEbeRWgbNEkqO";
	char		sfirst[512];
	char		nonce[256];
	unsigned char salt[64];
	int			saltlen;
	int			iter;
	char	   *p;
	char	   *q;
	unsigned char salted[SCRAM_KEY_LEN];
	unsigned char ckey[SCRAM_KEY_LEN];
	unsigned char skey_stored[SCRAM_KEY_LEN];
	unsigned char server_key[SCRAM_KEY_LEN];
	unsigned char sig[SCRAM_KEY_LEN];
	unsigned char proof[SCRAM_KEY_LEN];
	char		proof64[64];
	char		cbind64[256];
	unsigned char cbind[200];
	size_t		cblen;
	char		cfinal_wo_proof[600];
	char		authmsg[1600];
	char		expect64[64];

	*server_ok = false;
	strbuf_init(&out);
	strbuf_init(&msg);
	x = auth_begin(AUTH_SCRAM_SHA_256, user, verifier, endpoint, endpoint_len, &out);
	/* SASLInitialResponse: mechanism, int32 length, client-first-message */
	strbuf_append(&msg, mech, strlen(mech) + 1);
	{
		char		first[256];
		uint32_t	n;

		snprintf(first, sizeof(first), "%s%s", gs2, cfirst_bare);
		n = htonl((uint32_t) strlen(first));
		strbuf_append(&msg, &n, 4);
		strbuf_puts(&msg, first);
	}
	strbuf_reset(&out);
	st = auth_continue(x, msg.data, msg.len, &out, err);
	if (st != AUTH_STEP_CONTINUE)
		goto done;
	snprintf(sfirst, sizeof(sfirst), "%.*s", (int) out.len - 4, out.data + 4);
	/* r=...,s=...,i=... */
	p = strstr(sfirst, "r=") + 2;
	q = strchr(p, ',');
	snprintf(nonce, sizeof(nonce), "%.*s", (int) (q - p), p);
	p = strstr(sfirst, ",s=") + 3;
	q = strchr(p, ',');
	saltlen = b64_decode(p, (size_t) (q - p), salt, sizeof(salt));
	iter = atoi(strstr(sfirst, ",i=") + 3);
	scram_salted_password(password, salt, (size_t) saltlen, iter, salted);
	scram_hmac(salted, SCRAM_KEY_LEN, "Client Key", 10, ckey);
	scram_hash(ckey, SCRAM_KEY_LEN, skey_stored);
	scram_hmac(salted, SCRAM_KEY_LEN, "Server Key", 10, server_key);
	cblen = strlen(gs2);
	memcpy(cbind, gs2, cblen);
	if (endpoint && gs2[0] == 'p')
	{
		memcpy(cbind + cblen, endpoint, endpoint_len);
		cblen += endpoint_len;
	}
	b64_encode(cbind, cblen, cbind64);
	snprintf(cfinal_wo_proof, sizeof(cfinal_wo_proof), "c=%s,r=%s", cbind64, nonce);
	snprintf(authmsg, sizeof(authmsg), "%s,%s,%s", cfirst_bare, sfirst, cfinal_wo_proof);
	scram_hmac(skey_stored, SCRAM_KEY_LEN, authmsg, strlen(authmsg), sig);
	for (int i = 0; i < SCRAM_KEY_LEN; i++)
		proof[i] = ckey[i] ^ sig[i];
	b64_encode(proof, SCRAM_KEY_LEN, proof64);
	strbuf_reset(&msg);
	strbuf_printf(&msg, "%s,p=%s", cfinal_wo_proof, proof64);
	strbuf_reset(&out);
	st = auth_continue(x, msg.data, msg.len, &out, err);
	if (st == AUTH_STEP_OK)
	{
		scram_hmac(server_key, SCRAM_KEY_LEN, authmsg, strlen(authmsg), sig);
		b64_encode(sig, SCRAM_KEY_LEN, expect64);
		*server_ok = code_of(&out) == 12 && out.len == 4 + 2 + strlen(expect64) &&
			memcmp(out.data + 6, expect64, strlen(expect64)) == 0;
	}
done:
	auth_free(x);
	strbuf_free(&out);
	strbuf_free(&msg);
	return st;
}

static void
test_scram(void)
{
	MgError		err = MG_ERROR_INIT;
	bool		server_ok;
	char	   *mine = auth_scram_verifier("s3cret");
	unsigned char endpoint[32];
	StrBuf		out;
	AuthExchange *x;

	ok(scram_client("zz", PG_SCRAM_PW, "pw", NULL, 0, "SCRAM-SHA-256", "n,,", &server_ok, &err) == AUTH_STEP_OK &&
	   server_ok, "SCRAM: PostgreSQL's verifier, right password, server signature verifies");
	ok(scram_client("zz", PG_SCRAM_PW, "pX", NULL, 0, "SCRAM-SHA-256", "n,,", &server_ok, &err) == AUTH_STEP_FAIL &&
	   strcmp(err.sqlstate, "28P01") == 0 && strcmp(err.message, "password authentication failed for user \"zz\"") == 0,
	   "SCRAM: wrong password -> 28P01");
	mg_error_reset(&err);
	ok(strncmp(mine, "SCRAM-SHA-256$4096:", 19) == 0, "SCRAM verifier format");
	ok(scram_client("me", mine, "s3cret", NULL, 0, "SCRAM-SHA-256", "n,,", &server_ok, &err) == AUTH_STEP_OK && server_ok,
	   "SCRAM: memgres's own verifier");
	ok(scram_client("ghost", NULL, "s3cret", NULL, 0, "SCRAM-SHA-256", "n,,", &server_ok, &err) == AUTH_STEP_FAIL &&
	   strcmp(err.message, "password authentication failed for user \"ghost\"") == 0,
	   "SCRAM: unknown role runs to the end and fails the same way");
	mg_error_reset(&err);
	ok(scram_client("me", "md5abcdefabcdefabcdefabcdefabcdefab", "s3cret", NULL, 0, "SCRAM-SHA-256", "n,,", &server_ok, &err) == AUTH_STEP_FAIL &&
	   strcmp(err.sqlstate, "28P01") == 0, "SCRAM: an md5 verifier cannot be used for SCRAM");
	mg_error_reset(&err);

	/* Channel binding. */
	for (int i = 0; i < 32; i++)
		endpoint[i] = (unsigned char) (i * 7);
	ok(scram_client("me", mine, "s3cret", endpoint, 32, "SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,", &server_ok, &err) == AUTH_STEP_OK && server_ok,
	   "SCRAM-PLUS: tls-server-end-point binding verifies");
	ok(scram_client("me", mine, "s3cret", endpoint, 32, "SCRAM-SHA-256", "n,,", &server_ok, &err) == AUTH_STEP_OK,
	   "SCRAM without binding is still allowed on TLS (channel binding optional)");
	ok(scram_client("me", mine, "s3cret", endpoint, 32, "SCRAM-SHA-256", "y,,", &server_ok, &err) == AUTH_STEP_FAIL &&
	   strcmp(err.message, "SCRAM channel binding negotiation error") == 0,
	   "SCRAM: 'y' flag while the server offers binding is a downgrade -> refused");
	mg_error_reset(&err);
	ok(scram_client("me", mine, "s3cret", NULL, 0, "SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,", &server_ok, &err) == AUTH_STEP_FAIL &&
	   strcmp(err.sqlstate, "08P01") == 0, "SCRAM-PLUS without TLS -> protocol violation");
	mg_error_reset(&err);

	/* Mechanism list. */
	strbuf_init(&out);
	x = auth_begin(AUTH_SCRAM_SHA_256, "me", mine, endpoint, 32, &out);
	ok(code_of(&out) == 10 && out.len == 4 + 19 + 14 + 1 &&
	   strcmp(out.data + 4, "SCRAM-SHA-256-PLUS") == 0 && strcmp(out.data + 23, "SCRAM-SHA-256") == 0,
	   "AuthenticationSASL lists SCRAM-SHA-256-PLUS and SCRAM-SHA-256 on TLS");
	strbuf_reset(&out);
	ok(auth_continue(x, "garbage", 7, &out, &err) == AUTH_STEP_FAIL && strcmp(err.sqlstate, "08P01") == 0,
	   "malformed SASLInitialResponse -> 08P01");
	mg_error_reset(&err);
	ok(auth_continue(x, "garbage", 7, &out, &err) == AUTH_STEP_FAIL, "a finished exchange refuses more input");
	mg_error_reset(&err);
	auth_free(x);
	strbuf_free(&out);

	{
		char	   *kept = auth_make_verifier(PG_SCRAM_PW, "zz", "scram-sha-256");
		char	   *md5 = auth_make_verifier("secret", "bob", "md5");

		ok(strcmp(kept, PG_SCRAM_PW) == 0, "a SCRAM verifier given as password is kept as is");
		ok(strcmp(md5, "md521f3163f8f86fa10bdefbfbd502a8f06") == 0, "password_encryption=md5 stores md5");
		free(kept);
		free(md5);
	}
	free(mine);
}

static struct sockaddr_in
v4(const char *a)
{
	struct sockaddr_in s = {0};

	s.sin_family = AF_INET;
	inet_pton(AF_INET, a, &s.sin_addr);
	return s;
}

static void
test_hba(void)
{
	char		path[] = "/tmp/memgres-hba-XXXXXX";
	int			fd = mkstemp(path);
	const char *conf =
	"# comment\n"
	"local   all        all                      trust\n"
	"hostssl secure     all   0.0.0.0/0          scram-sha-256\n"
	"host    all        bob   10.1.0.0 255.255.0.0  md5\n"
	"host    sameuser   all   192.168.0.0/16     password\n"
	"host    \"all\"    all   192.168.0.0/16     trust\n"
	"hostnossl all      all   ::1/128            reject\n"
	"host    all        all   all                scram-sha-256\n";
	MgError		err = MG_ERROR_INIT;
	HbaRules   *r;
	struct sockaddr_in a;
	struct sockaddr_in6 six = {0};

	(void) !write(fd, conf, strlen(conf));
	close(fd);
	r = hba_load_file(path, &err);
	ok(r != NULL, "pg_hba.conf loads");
	ok(hba_match(r, HBA_LOCAL, "x", "y", NULL) == AUTH_TRUST, "local -> trust");
	a = v4("8.8.8.8");
	ok(hba_match(r, HBA_HOST_SSL, "secure", "y", (struct sockaddr *) &a) == AUTH_SCRAM_SHA_256, "hostssl matches TLS");
	ok(hba_match(r, HBA_HOST_PLAIN, "secure", "y", (struct sockaddr *) &a) == AUTH_SCRAM_SHA_256, "hostssl skipped without TLS, falls to last rule");
	a = v4("10.1.200.3");
	ok(hba_match(r, HBA_HOST_PLAIN, "db", "bob", (struct sockaddr *) &a) == AUTH_MD5, "address + mask");
	a = v4("10.2.0.1");
	ok(hba_match(r, HBA_HOST_PLAIN, "db", "bob", (struct sockaddr *) &a) == AUTH_SCRAM_SHA_256, "outside the mask");
	a = v4("192.168.1.1");
	ok(hba_match(r, HBA_HOST_PLAIN, "alice", "alice", (struct sockaddr *) &a) == AUTH_PASSWORD, "sameuser");
	ok(hba_match(r, HBA_HOST_PLAIN, "other", "alice", (struct sockaddr *) &a) == AUTH_SCRAM_SHA_256,
	   "quoted \"all\" is a database name, not the keyword");
	ok(hba_match(r, HBA_HOST_PLAIN, "all", "alice", (struct sockaddr *) &a) == AUTH_TRUST, "quoted \"all\" matches a database named all");
	six.sin6_family = AF_INET6;
	inet_pton(AF_INET6, "::1", &six.sin6_addr);
	ok(hba_match(r, HBA_HOST_PLAIN, "d", "u", (struct sockaddr *) &six) == AUTH_REJECT, "IPv6 CIDR, reject");
	hba_free(r);

	{
		FILE	   *f = fopen(path, "w");

		fputs("local all all trust\nhost all all 127.0.0.1/32 peer\n", f);
		fclose(f);
	}
	r = hba_load_file(path, &err);
	ok(r == NULL && strcmp(err.sqlstate, "F0000") == 0 && err.context &&
	   strstr(err.context, "line 2") != NULL && strstr(err.message, "peer") != NULL,
	   "unsupported method -> error naming the line");
	mg_error_reset(&err);
	unlink(path);

	r = hba_default(false);
	a = v4("127.0.0.1");
	ok(hba_match(r, HBA_HOST_PLAIN, "d", "u", (struct sockaddr *) &a) == AUTH_TRUST, "default without password: loopback trust");
	a = v4("10.0.0.1");
	ok(hba_match(r, HBA_HOST_PLAIN, "d", "u", (struct sockaddr *) &a) == AUTH_NO_MATCH, "default without password: others have no entry");
	ok(hba_match(r, HBA_LOCAL, "d", "u", NULL) == AUTH_TRUST, "default: Unix socket trust");
	hba_free(r);
	r = hba_default(true);
	a = v4("127.0.0.1");
	ok(hba_match(r, HBA_HOST_PLAIN, "d", "u", (struct sockaddr *) &a) == AUTH_SCRAM_SHA_256, "default with password: TCP needs SCRAM");
	ok(hba_match(r, HBA_LOCAL, "d", "u", NULL) == AUTH_TRUST, "default with password: Unix socket trust");
	hba_free(r);
}

static void
test_base64(void)
{
	unsigned char in[40] = {0};
	unsigned char back[40];
	char		enc[80];
	int			good = 1;

	for (size_t n = 0; n <= sizeof(in); n++)
	{
		for (size_t i = 0; i < n; i++)
			in[i] = (unsigned char) (n * 31 + i * 17);
		b64_encode(in, n, enc);
		if (b64_decode(enc, strlen(enc), back, sizeof(back)) != (int) n || memcmp(in, back, n) != 0)
			good = 0;
	}
	ok(good, "base64 round trip for lengths 0..40");
	ok(b64_decode("ab=c", 4, back, sizeof(back)) == -1 && b64_decode("abc", 3, back, sizeof(back)) == -1,
	   "malformed base64 rejected");
}

int
main(void)
{
	test_base64();
	test_cleartext();
	test_md5();
	test_scram();
	test_hba();
	return tap_done();
}
