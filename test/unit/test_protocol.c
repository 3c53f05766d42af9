/*
 * test_protocol.c — the pure parts of the wire protocol: startup packets,
 * message header validation, bounds-checked body reads and message
 * builders, against PostgreSQL 15's wording.
 */
#include <string.h>

#include <memgres/protocol.h>
#include "tap.h"

static size_t
put32(char *p, uint32_t v)
{
	p[0] = (char) (v >> 24);
	p[1] = (char) (v >> 16);
	p[2] = (char) (v >> 8);
	p[3] = (char) v;
	return 4;
}

static int
parse(const char *buf, size_t len, StartupInfo *si, MgError *err, Arena *a)
{
	mg_error_reset(err);
	return startup_parse(buf, len, a, si, err);
}

int
main(void)
{
	Arena		a;
	StartupInfo si;
	MgError		err = MG_ERROR_INIT;
	char		buf[256];
	size_t		n;

	arena_init(&a, 1024);

	/* StartupMessage 3.0 with parameters */
	n = put32(buf, PQ_PROTOCOL(3, 0));
	memcpy(buf + n, "user\0bob\0database\0db1\0application_name\0\0\0", 41);
	n += 41;
	ok(parse(buf, n, &si, &err, &a) == 0 && si.kind == STARTUP_MESSAGE && si.nparams == 3,
	   "startup message parses (%s)", err.message ? err.message : "");
	ok(strcmp(startup_param(&si, "user"), "bob") == 0 && strcmp(startup_param(&si, "database"), "db1") == 0 &&
	   strcmp(startup_param(&si, "application_name"), "") == 0 && startup_param(&si, "options") == NULL,
	   "startup parameters");
	ok(si.protocol == PQ_PROTOCOL(3, 0), "protocol 3.0");

	/* missing terminator */
	ok(parse(buf, n - 1, &si, &err, &a) < 0 && strcmp(err.sqlstate, "08P01") == 0 &&
	   strcmp(err.message, "invalid startup packet layout: expected terminator as last byte") == 0,
	   "missing terminator: 08P01");
	/* a name without a value */
	n = put32(buf, PQ_PROTOCOL(3, 0));
	memcpy(buf + n, "user\0", 6);
	ok(parse(buf, n + 6, &si, &err, &a) < 0 && strcmp(err.sqlstate, "08P01") == 0, "name without value: 08P01");

	/* protocol 2.0 and 4.0 */
	n = put32(buf, PQ_PROTOCOL(2, 0));
	buf[n++] = '\0';
	ok(parse(buf, n, &si, &err, &a) < 0 && strcmp(err.sqlstate, "0A000") == 0 &&
	   strcmp(err.message, "unsupported frontend protocol 2.0: server supports 3.0 to 3.0") == 0,
	   "protocol 2.0 refused");
	/* 3.5 parses (NegotiateProtocolVersion is the caller's job) */
	n = put32(buf, PQ_PROTOCOL(3, 5));
	buf[n++] = '\0';
	ok(parse(buf, n, &si, &err, &a) == 0 && si.protocol == PQ_PROTOCOL(3, 5), "protocol 3.5 parses");

	/* SSLRequest, GSSENCRequest, CancelRequest */
	put32(buf, PQ_SSL_REQUEST_CODE);
	ok(parse(buf, 4, &si, &err, &a) == 0 && si.kind == STARTUP_SSL_REQUEST, "SSLRequest");
	put32(buf, PQ_GSSENC_REQUEST_CODE);
	ok(parse(buf, 4, &si, &err, &a) == 0 && si.kind == STARTUP_GSSENC_REQUEST, "GSSENCRequest");
	put32(buf, PQ_CANCEL_REQUEST_CODE);
	put32(buf + 4, 1234);
	put32(buf + 8, 0xdeadbeef);
	ok(parse(buf, 12, &si, &err, &a) == 0 && si.kind == STARTUP_CANCEL_REQUEST && si.cancel_pid == 1234 &&
	   si.cancel_key == (int32_t) 0xdeadbeef, "CancelRequest");
	ok(parse(buf, 8, &si, &err, &a) < 0, "short CancelRequest refused");

	/* lengths */
	ok(parse(buf, 3, &si, &err, &a) < 0 && strcmp(err.message, "invalid length of startup packet") == 0,
	   "startup packet under 8 bytes refused");
	{
		static char big[PQ_STARTUP_MAX_LEN + 8];

		put32(big, PQ_PROTOCOL(3, 0));
		ok(parse(big, PQ_STARTUP_MAX_LEN - 3, &si, &err, &a) < 0 &&
		   strcmp(err.message, "invalid length of startup packet") == 0, "startup packet over 10000 bytes refused");
	}

	/* message headers */
	ok(pq_check_header('Q', 4, PQ_LARGE_MESSAGE_LIMIT, false, &err) == 0, "Query of length 4 accepted");
	mg_error_reset(&err);
	ok(pq_check_header('Q', 3, PQ_LARGE_MESSAGE_LIMIT, false, &err) < 0 && strcmp(err.sqlstate, "08P01") == 0 &&
	   err.severity == MG_SEV_FATAL && strcmp(err.message, "invalid message length") == 0, "length under 4: FATAL 08P01");
	mg_error_reset(&err);
	ok(pq_check_header('S', 10001, PQ_LARGE_MESSAGE_LIMIT, false, &err) < 0, "Sync above the small cap refused");
	mg_error_reset(&err);
	ok(pq_check_header('Q', 0x3fffffff, PQ_LARGE_MESSAGE_LIMIT, false, &err) == 0, "Query of 1 GB - 1 accepted");
	mg_error_reset(&err);
	ok(pq_check_header('Q', 0x40000000, PQ_LARGE_MESSAGE_LIMIT, false, &err) < 0, "Query of 1 GB refused");
	mg_error_reset(&err);
	ok(pq_check_header('Q', 2000, 1024, false, &err) < 0, "max_message_size caps Query");
	mg_error_reset(&err);
	ok(pq_check_header('z', 4, PQ_LARGE_MESSAGE_LIMIT, false, &err) < 0 &&
	   strcmp(err.message, "invalid frontend message type 122") == 0, "unknown type: FATAL 08P01");
	mg_error_reset(&err);
	ok(pq_check_header('Q', 10, PQ_LARGE_MESSAGE_LIMIT, true, &err) < 0, "only 'p' during authentication");
	mg_error_reset(&err);
	ok(pq_check_header('p', 65535, PQ_LARGE_MESSAGE_LIMIT, true, &err) == 0 &&
	   pq_check_header('p', 65536, PQ_LARGE_MESSAGE_LIMIT, true, &err) < 0, "password message cap");
	mg_error_reset(&err);

	/* reader */
	{
		MsgReader	r;
		const char *s;
		int16_t		i16;
		int32_t		i32;
		static const char body[] = "name\0\0\1\0\0\0\2";

		msg_reader_init(&r, body, sizeof(body) - 1);
		ok(msg_get_string(&r, &s, &err) == 0 && strcmp(s, "name") == 0, "reader: string");
		ok(msg_get_int16(&r, &i16, &err) == 0 && i16 == 1, "reader: int16");
		ok(msg_get_int32(&r, &i32, &err) == 0 && i32 == 2, "reader: int32");
		ok(msg_end(&r, &err) == 0, "reader: end");
		ok(msg_get_int8(&r, (uint8_t *) buf, &err) < 0 && strcmp(err.message, "insufficient data left in message") == 0,
		   "reader: past the end fails");
		mg_error_reset(&err);
		msg_reader_init(&r, "abc", 3);
		ok(msg_get_string(&r, &s, &err) < 0 && strcmp(err.message, "invalid string in message") == 0,
		   "reader: unterminated string fails");
		mg_error_reset(&err);
	}

	/* builders */
	{
		StrBuf		sb;
		MgError		e = MG_ERROR_INIT;

		strbuf_init(&sb);
		pq_ready_for_query(&sb, 'I');
		ok(sb.len == 6 && memcmp(sb.data, "Z\0\0\0\5I", 6) == 0, "ReadyForQuery bytes");
		strbuf_reset(&sb);
		pq_command_complete(&sb, "SELECT 1");
		ok(sb.len == 14 && memcmp(sb.data, "C\0\0\0\15SELECT 1\0", 14) == 0, "CommandComplete bytes");
		strbuf_reset(&sb);
		mg_error(&e, "22012", "division by zero");
		pq_error_response(&sb, &e, false);
		ok(sb.len > 5 && sb.data[0] == 'E' && memmem(sb.data, sb.len, "C22012", 7) &&
		   memmem(sb.data, sb.len, "SERROR", 7) && memmem(sb.data, sb.len, "Mdivision by zero", 18),
		   "ErrorResponse fields");
		mg_error_reset(&e);
		strbuf_free(&sb);
	}
	arena_destroy(&a);
	return tap_done();
}
