/*
 * protocol.h — the PostgreSQL v3 wire format, free of I/O.
 *
 * Everything here is pure: it reads from and writes to memory only, so it
 * can be unit-tested and fuzzed (libFuzzer) without a socket.  The
 * connection state machine (src/protocol/conn.c) moves the bytes.
 *
 *  - Message type bytes as named constants (PQ_MSG_*, PQ_BE_*).
 *  - startup_parse(): a startup-phase packet (StartupMessage, SSLRequest,
 *    GSSENCRequest, CancelRequest) after its length word.
 *  - pq_check_header(): validates a regular message's type byte and length
 *    against per-type caps before any of its body is read.
 *  - MsgReader: bounds-checked reads of a message body (PostgreSQL's
 *    pq_getmsg* functions); every read fails cleanly at the end of data.
 *  - pq_begin()/pq_end() and pq_put*: message builders appending to a
 *    StrBuf (PostgreSQL's pq_beginmessage/pq_endmessage).
 *
 * Threads: all functions are reentrant.  Memory: StartupInfo strings point
 * into an Arena the caller passes; builders grow the caller's StrBuf.
 * Errors: functions that can fail take an MgError * (08P01 with
 * PostgreSQL's wording) and return -1.
 */
#ifndef MEMGRES_PROTOCOL_H
#define MEMGRES_PROTOCOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <memgres/arena.h>
#include <memgres/error.h>
#include <memgres/strbuf.h>

/* Frontend (client -> server) message types. */
#define PQ_MSG_BIND			'B'
#define PQ_MSG_CLOSE		'C'
#define PQ_MSG_DESCRIBE		'D'
#define PQ_MSG_EXECUTE		'E'
#define PQ_MSG_FUNCTION_CALL 'F'
#define PQ_MSG_FLUSH		'H'
#define PQ_MSG_PARSE		'P'
#define PQ_MSG_QUERY		'Q'
#define PQ_MSG_SYNC			'S'
#define PQ_MSG_TERMINATE	'X'
#define PQ_MSG_COPY_DATA	'd'
#define PQ_MSG_COPY_DONE	'c'
#define PQ_MSG_COPY_FAIL	'f'
#define PQ_MSG_PASSWORD		'p'		/* also SASLInitialResponse / SASLResponse */

/* Backend (server -> client) message types. */
#define PQ_BE_AUTH			'R'
#define PQ_BE_KEY_DATA		'K'
#define PQ_BE_BIND_COMPLETE '2'
#define PQ_BE_CLOSE_COMPLETE '3'
#define PQ_BE_COMMAND_COMPLETE 'C'
#define PQ_BE_COPY_IN		'G'
#define PQ_BE_COPY_OUT		'H'
#define PQ_BE_COPY_DATA		'd'
#define PQ_BE_COPY_DONE		'c'
#define PQ_BE_DATA_ROW		'D'
#define PQ_BE_EMPTY_QUERY	'I'
#define PQ_BE_ERROR			'E'
#define PQ_BE_NEGOTIATE_VERSION 'v'
#define PQ_BE_NO_DATA		'n'
#define PQ_BE_NOTICE		'N'
#define PQ_BE_PARAMETER_DESCRIPTION 't'
#define PQ_BE_PARAMETER_STATUS 'S'
#define PQ_BE_PARSE_COMPLETE '1'
#define PQ_BE_PORTAL_SUSPENDED 's'
#define PQ_BE_READY_FOR_QUERY 'Z'
#define PQ_BE_ROW_DESCRIPTION 'T'

/* Answers to SSLRequest / GSSENCRequest. */
#define PQ_SSL_YES			'S'
#define PQ_SSL_NO			'N'

/* Startup-phase request codes (the int32 after the length word). */
#define PQ_PROTOCOL(major, minor) (((uint32_t) (major) << 16) | (uint32_t) (minor))
#define PQ_CANCEL_REQUEST_CODE	PQ_PROTOCOL(1234, 5678)
#define PQ_SSL_REQUEST_CODE		PQ_PROTOCOL(1234, 5679)
#define PQ_GSSENC_REQUEST_CODE	PQ_PROTOCOL(1234, 5680)

/* Length limits, as PostgreSQL 15's. */
#define PQ_STARTUP_MIN_LEN		8
#define PQ_STARTUP_MAX_LEN		10000
#define PQ_SMALL_MESSAGE_LIMIT	10000
#define PQ_AUTH_MESSAGE_LIMIT	65535
#define PQ_LARGE_MESSAGE_LIMIT	(0x3fffffff)	/* 1 GB - 1 */

typedef enum StartupKind {
	STARTUP_MESSAGE,
	STARTUP_SSL_REQUEST,
	STARTUP_GSSENC_REQUEST,
	STARTUP_CANCEL_REQUEST
} StartupKind;

#define STARTUP_MAX_PARAMS 64

typedef struct StartupInfo {
	StartupKind kind;
	uint32_t	protocol;		/* STARTUP_MESSAGE: requested version */
	/* STARTUP_MESSAGE parameters in order (names and values in the arena) */
	int			nparams;
	const char *names[STARTUP_MAX_PARAMS];
	const char *values[STARTUP_MAX_PARAMS];
	/* STARTUP_CANCEL_REQUEST */
	int32_t		cancel_pid;
	int32_t		cancel_key;
} StartupInfo;

/*
 * Parses a startup-phase packet: buf holds the len bytes after the length
 * word (len = length word - 4).  Fails (08P01 "invalid startup packet
 * layout: expected terminator as last byte", "invalid length of startup
 * packet", 0A000 "unsupported frontend protocol ...") without touching the
 * network.  Strings are copied into a.
 */
int			startup_parse(const char *buf, size_t len, Arena *a, StartupInfo *out, MgError *err);
/* The value of a startup parameter, or NULL. */
const char *startup_param(const StartupInfo *si, const char *name);

/*
 * Validates a regular message header: type byte and the length word (which
 * counts itself).  max_message_size caps the large types (Query, Parse,
 * Bind, CopyData, FunctionCall).  in_auth: only 'p' is expected.
 * Fails with FATAL 08P01 ("invalid frontend message type %d",
 * "invalid message length").
 */
int			pq_check_header(char type, uint32_t len, int64_t max_message_size, bool in_auth, MgError *err);

/* Bounds-checked reading of a message body. */
typedef struct MsgReader {
	const char *data;
	size_t		len;
	size_t		pos;
} MsgReader;

static inline void
msg_reader_init(MsgReader *r, const char *data, size_t len)
{
	r->data = data;
	r->len = len;
	r->pos = 0;
}

/* Each returns 0, or -1 with err set to 08P01 ("insufficient data left in message"). */
int			msg_get_int8(MsgReader *r, uint8_t *out, MgError *err);
int			msg_get_int16(MsgReader *r, int16_t *out, MgError *err);
int			msg_get_int32(MsgReader *r, int32_t *out, MgError *err);
/* A NUL-terminated string inside the message (pointer into it). 08P01 "invalid string in message". */
int			msg_get_string(MsgReader *r, const char **out, MgError *err);
/* n bytes (pointer into the message). */
int			msg_get_bytes(MsgReader *r, size_t n, const char **out, MgError *err);
/* Fails with 08P01 "invalid message format" if bytes remain. */
int			msg_end(MsgReader *r, MgError *err);

/* Message builders over a StrBuf. pq_begin returns the message's offset. */
size_t		pq_begin(StrBuf *sb, char type);
void		pq_end(StrBuf *sb, size_t start);
void		pq_put_int8(StrBuf *sb, uint8_t v);
void		pq_put_int16(StrBuf *sb, int16_t v);
void		pq_put_int32(StrBuf *sb, int32_t v);
void		pq_put_string(StrBuf *sb, const char *s);	/* with its NUL */
void		pq_put_bytes(StrBuf *sb, const void *p, size_t n);

/* Complete messages. */
/* ErrorResponse (or NoticeResponse when notice) with every field set in e. */
void		pq_error_response(StrBuf *sb, const MgError *e, bool notice);
void		pq_parameter_status(StrBuf *sb, const char *name, const char *value);
void		pq_ready_for_query(StrBuf *sb, char status);
void		pq_command_complete(StrBuf *sb, const char *tag);
void		pq_empty_message(StrBuf *sb, char type);	/* ParseComplete, NoData ... */
void		pq_backend_key_data(StrBuf *sb, int32_t pid, int32_t key);
void		pq_auth_request(StrBuf *sb, const char *body, size_t len);
void		pq_negotiate_version(StrBuf *sb, uint32_t newest_minor, const char *const *unknown, int nunknown);

static inline uint32_t
pq_read_u32(const char *p)
{
	const unsigned char *u = (const unsigned char *) p;

	return ((uint32_t) u[0] << 24) | ((uint32_t) u[1] << 16) | ((uint32_t) u[2] << 8) | u[3];
}

#endif
