/*
 * rawpg.h — a tiny socket-level PostgreSQL v3 client for the tests that
 * libpq cannot express: malformed lengths, unknown message types, partial
 * messages, raw SSLRequest/GSSENCRequest bytes, row-limited Execute.
 *
 * Ownership: a RawConn owns its socket and its receive buffer; raw_close
 * frees both.  RawMsg bodies point into the RawConn's buffer and stay valid
 * only until the next raw_read call on that connection.  RawBuf is a
 * growable byte buffer the caller owns (rawbuf_free).  Single-threaded.
 * Failures: functions return -1 (or NULL) and never exit the program.
 */
#ifndef MEMGRES_TEST_RAWPG_H
#define MEMGRES_TEST_RAWPG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct RawBuf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	size_t		msg_start;		/* offset of the open message's length word */
} RawBuf;

void		rawbuf_init(RawBuf *b);
void		rawbuf_free(RawBuf *b);
void		rawbuf_reset(RawBuf *b);
void		rawbuf_bytes(RawBuf *b, const void *p, size_t n);
void		rawbuf_byte(RawBuf *b, uint8_t v);
void		rawbuf_int16(RawBuf *b, int16_t v);
void		rawbuf_int32(RawBuf *b, int32_t v);
void		rawbuf_str(RawBuf *b, const char *s);	/* with its NUL */
/* rawbuf_begin(b, 'Q') ... rawbuf_end(b): a typed message whose length
 * word is filled in by rawbuf_end.  type 0 starts an untyped (startup)
 * packet. */
void		rawbuf_begin(RawBuf *b, char type);
void		rawbuf_end(RawBuf *b);

typedef struct RawMsg
{
	char		type;
	uint32_t	len;			/* body length (the length word minus 4) */
	const char *body;
} RawMsg;

typedef struct RawConn
{
	int			fd;
	char	   *buf;
	size_t		start;
	size_t		end;
	size_t		cap;
	int			pid;			/* from BackendKeyData */
	int			secret;
	char		txn_status;		/* from the last ReadyForQuery */
	char		last_sqlstate[6];	/* of the last ErrorResponse read */
	char		last_severity[16];
	char		last_message[256];
} RawConn;

/* TCP connect; NULL on failure. */
RawConn    *raw_connect(const char *host, int port);
void		raw_close(RawConn *c);
/* Writes all of buf (blocking); -1 on error (e.g. the server closed). */
int			raw_send(RawConn *c, const void *buf, size_t len);
int			raw_send_buf(RawConn *c, const RawBuf *b);
/* Reads exactly one byte (the SSLRequest/GSSENCRequest answer); -1 on
 * EOF, error or timeout. */
int			raw_read_byte(RawConn *c, int timeout_ms);

/*
 * raw_read: the next message.  Returns 1 and fills *m; 0 on EOF or
 * connection reset; -1 on timeout; -2 on a socket error or an undecodable
 * length word.  ErrorResponse bodies are also decoded into
 * last_sqlstate/last_severity/last_message; ReadyForQuery sets txn_status;
 * BackendKeyData sets pid/secret.
 */
int			raw_read(RawConn *c, RawMsg *m, int timeout_ms);
/* Field `code` of an ErrorResponse/NoticeResponse body, or NULL. */
const char *raw_error_field(const RawMsg *m, char code);

/* A StartupMessage for protocol 3.0 with user and database; extra is a
 * NULL-terminated list of further name, value pairs (may be NULL). */
void		raw_build_startup(RawBuf *b, int32_t version, const char *user,
							  const char *database, const char *const *extra);
/* Sends the startup packet for user postgres and reads up to the first
 * ReadyForQuery (trust authentication).  0 on success, -1 otherwise. */
int			raw_startup(RawConn *c, const char *database);
/* Reads until ReadyForQuery; returns the number of messages of type
 * `count_type` seen (e.g. 'D'), or -1 on EOF/timeout. */
int			raw_until_ready(RawConn *c, char count_type, int timeout_ms);
/* Reads until EOF.  Returns 1 when the server closed the connection within
 * timeout_ms (last_sqlstate holds the last error seen, "" if none), 0 on
 * timeout. */
int			raw_wait_closed(RawConn *c, int timeout_ms);

#endif
