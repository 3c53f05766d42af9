/*
 * test_tls.c — TLS through libpq against a server started with a test
 * certificate (made by suite-protocol.sh with openssl req): sslmode=require
 * and verify-ca work and report TLS 1.2 or newer, queries run over TLS,
 * sslmode=disable still works, and the raw-socket TLS violations of
 * test_raw_protocol tls.  argv[1]: the certificate file (the CA for
 * verify-ca).  Output: TAP.
 */
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
check_tls(const char *extra, const char *what)
{
	PGconn	   *conn = tap_connect(extra);
	const char *proto;

	if (!tap_ok(PQstatus(conn) == CONNECTION_OK, "%s: connects", what))
	{
		tap_diag("%s", PQerrorMessage(conn));
		PQfinish(conn);
		return;
	}
	proto = PQsslAttribute(conn, "protocol");
	tap_ok(PQsslInUse(conn) == 1, "%s: TLS in use", what);
	tap_ok(proto && (strcmp(proto, "TLSv1.2") == 0 || strcmp(proto, "TLSv1.3") == 0),
		   "%s: protocol %s is TLS 1.2 or newer", what, proto ? proto : "(none)");
	tap_ok(PQsslAttribute(conn, "compression") == NULL ||
		   strcmp(PQsslAttribute(conn, "compression"), "off") == 0,
		   "%s: no TLS compression", what);
	tap_ok(tap_query_value(conn, "select 'over tls'", "over tls"), "%s: query over TLS", what);
	PQfinish(conn);
}

int
main(int argc, char **argv)
{
	char		extra[1024];
	PGconn	   *conn;

	if (argc < 2)
		tap_bail("usage: test_tls CERTFILE");
	check_tls("sslmode=require", "sslmode=require");
	snprintf(extra, sizeof(extra), "sslmode=verify-ca sslrootcert=%s", argv[1]);
	check_tls(extra, "sslmode=verify-ca");

	conn = tap_connect("sslmode=disable");
	tap_ok(PQstatus(conn) == CONNECTION_OK && PQsslInUse(conn) == 0 &&
		   tap_query_value(conn, "select 1", "1"), "sslmode=disable still connects in plaintext");
	PQfinish(conn);
	return tap_done();
}
