/*
 * tls.c — the server's TLS context (OpenSSL), built once at start-up.
 *
 * Policy, as PostgreSQL's be-secure-openssl.c: TLS 1.2 or newer, no
 * compression, no renegotiation, the server's cipher preference; a private
 * key file readable by group or others is refused (unless owned by root and
 * only group-readable, mode 0640).  The certificate's hash for SCRAM's
 * tls-server-end-point channel binding is computed here (RFC 5929: the
 * certificate's signature hash, SHA-256 when that is MD5 or SHA-1).
 *
 * Threads: main thread at start-up; the SSL_CTX is read-only afterwards
 * (SSL_new from workers is thread-safe).
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memgres/conn.h>
#include <memgres/sqlstate.h>

static int
ssl_fail(MgError *err, const char *what, const char *file)
{
	unsigned long e = ERR_get_error();
	char		buf[256];

	ERR_error_string_n(e, buf, sizeof(buf));
	mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR, "%s \"%s\": %s", what, file,
				 e ? buf : "unknown error");
	return -1;
}

static int
check_key_permissions(const char *key_file, MgError *err)
{
	struct stat st;

	if (stat(key_file, &st) != 0)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR,
					 "could not access private key file \"%s\": %s", key_file, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode))
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR,
					 "private key file \"%s\" is not a regular file", key_file);
		return -1;
	}
	if ((st.st_uid == geteuid() && (st.st_mode & (S_IRWXG | S_IRWXO))) ||
		(st.st_uid == 0 && (st.st_mode & (S_IWGRP | S_IXGRP | S_IRWXO))))
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_CONFIG_FILE_ERROR,
					 "private key file \"%s\" has group or world access", key_file);
		mg_error_detail(err, "File must have permissions u=rw (0600) or less if owned by the database user, "
						"or permissions u=rw,g=r (0640) or less if owned by root.");
		return -1;
	}
	return 0;
}

static void
compute_endpoint(SSL_CTX *ctx)
{
	X509	   *cert = SSL_CTX_get0_certificate(ctx);
	int			algo_nid = 0;
	const EVP_MD *md = NULL;
	unsigned int len = 0;

	if (cert == NULL || !OBJ_find_sigid_algs(X509_get_signature_nid(cert), &algo_nid, NULL))
		return;
	switch (algo_nid)
	{
		case NID_md5:
		case NID_sha1:
			md = EVP_sha256();
			break;
		default:
			md = EVP_get_digestbynid(algo_nid);
			break;
	}
	if (md && X509_digest(cert, md, server_ctx.tls_endpoint, &len))
		server_ctx.tls_endpoint_len = len;
}

int
tls_init(const char *cert_file, const char *key_file, MgError *err)
{
	SSL_CTX    *ctx;

	if (check_key_permissions(key_file, err) < 0)
		return -1;
	ctx = SSL_CTX_new(TLS_server_method());
	if (ctx == NULL)
		return ssl_fail(err, "could not create SSL context for", cert_file);
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
						SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_TICKET);
	SSL_CTX_set_mode(ctx, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
	/* no session resumption (as PostgreSQL): nothing kept per past handshake */
	SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
	SSL_CTX_set_num_tickets(ctx, 0);
	if (SSL_CTX_use_certificate_chain_file(ctx, cert_file) != 1)
	{
		ssl_fail(err, "could not load server certificate file", cert_file);
		SSL_CTX_free(ctx);
		return -1;
	}
	if (SSL_CTX_use_PrivateKey_file(ctx, key_file, SSL_FILETYPE_PEM) != 1)
	{
		ssl_fail(err, "could not load private key file", key_file);
		SSL_CTX_free(ctx);
		return -1;
	}
	if (SSL_CTX_check_private_key(ctx) != 1)
	{
		ssl_fail(err, "check of private key failed for", key_file);
		SSL_CTX_free(ctx);
		return -1;
	}
	compute_endpoint(ctx);
	server_ctx.ssl_ctx = ctx;
	return 0;
}

void
tls_shutdown(void)
{
	if (server_ctx.ssl_ctx)
		SSL_CTX_free(server_ctx.ssl_ctx);
	server_ctx.ssl_ctx = NULL;
}
