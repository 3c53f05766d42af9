/*
 * pqformat.c — reading and writing v3 message bodies (PostgreSQL's
 * pqformat.c, over StrBuf instead of StringInfo).
 *
 * Interface:
 *   msg_get_int8/16/32, msg_get_string, msg_get_bytes, msg_end
 *                       bounds-checked reads from a received body
 *   pq_begin ... pq_end  build one message; pq_end patches the length word
 *   pq_error_response, pq_parameter_status, pq_ready_for_query ...
 *                       complete messages
 *
 * Invariants:
 *  1. A MsgReader never reads past data + len; every failure is 08P01.
 *  2. Between pq_begin and pq_end nothing else writes to the StrBuf.
 *  3. Integers go out in network byte order.
 */
#include <stdio.h>
#include <string.h>

#include <memgres/protocol.h>
#include <memgres/sqlstate.h>

static int
short_msg(MgError *err)
{
	mg_error(err, SQLSTATE_PROTOCOL_VIOLATION, "insufficient data left in message");
	return -1;
}

int
msg_get_int8(MsgReader *r, uint8_t *out, MgError *err)
{
	if (r->len - r->pos < 1)
		return short_msg(err);
	*out = (uint8_t) r->data[r->pos++];
	return 0;
}

int
msg_get_int16(MsgReader *r, int16_t *out, MgError *err)
{
	const unsigned char *p;

	if (r->len - r->pos < 2)
		return short_msg(err);
	p = (const unsigned char *) r->data + r->pos;
	*out = (int16_t) ((p[0] << 8) | p[1]);
	r->pos += 2;
	return 0;
}

int
msg_get_int32(MsgReader *r, int32_t *out, MgError *err)
{
	if (r->len - r->pos < 4)
		return short_msg(err);
	*out = (int32_t) pq_read_u32(r->data + r->pos);
	r->pos += 4;
	return 0;
}

int
msg_get_string(MsgReader *r, const char **out, MgError *err)
{
	const char *start = r->data + r->pos;
	const char *nul = memchr(start, '\0', r->len - r->pos);

	if (nul == NULL)
	{
		mg_error(err, SQLSTATE_PROTOCOL_VIOLATION, "invalid string in message");
		return -1;
	}
	*out = start;
	r->pos += (size_t) (nul - start) + 1;
	return 0;
}

int
msg_get_bytes(MsgReader *r, size_t n, const char **out, MgError *err)
{
	if (r->len - r->pos < n)
		return short_msg(err);
	*out = r->data + r->pos;
	r->pos += n;
	return 0;
}

int
msg_end(MsgReader *r, MgError *err)
{
	if (r->pos != r->len)
	{
		mg_error(err, SQLSTATE_PROTOCOL_VIOLATION, "invalid message format");
		return -1;
	}
	return 0;
}

/* ---- building ------------------------------------------------------------ */

size_t
pq_begin(StrBuf *sb, char type)
{
	size_t		start = sb->len;
	char		hdr[5] = {type, 0, 0, 0, 0};

	strbuf_append(sb, hdr, 5);
	return start;
}

void
pq_end(StrBuf *sb, size_t start)
{
	uint32_t	len = (uint32_t) (sb->len - start - 1);
	unsigned char *p = (unsigned char *) sb->data + start + 1;

	p[0] = (unsigned char) (len >> 24);
	p[1] = (unsigned char) (len >> 16);
	p[2] = (unsigned char) (len >> 8);
	p[3] = (unsigned char) len;
}

void
pq_put_int8(StrBuf *sb, uint8_t v)
{
	strbuf_putc(sb, (char) v);
}

void
pq_put_int16(StrBuf *sb, int16_t v)
{
	unsigned char b[2] = {(unsigned char) ((uint16_t) v >> 8), (unsigned char) v};

	strbuf_append(sb, b, 2);
}

void
pq_put_int32(StrBuf *sb, int32_t v)
{
	uint32_t	u = (uint32_t) v;
	unsigned char b[4] = {(unsigned char) (u >> 24), (unsigned char) (u >> 16),
	(unsigned char) (u >> 8), (unsigned char) u};

	strbuf_append(sb, b, 4);
}

void
pq_put_string(StrBuf *sb, const char *s)
{
	strbuf_append(sb, s, strlen(s) + 1);
}

void
pq_put_bytes(StrBuf *sb, const void *p, size_t n)
{
	strbuf_append(sb, p, n);
}

/* ---- complete messages -------------------------------------------------- */

static void
put_field(StrBuf *sb, char code, const char *value)
{
	if (value == NULL)
		return;
	strbuf_putc(sb, code);
	pq_put_string(sb, value);
}

void
pq_error_response(StrBuf *sb, const MgError *e, bool notice)
{
	size_t		m = pq_begin(sb, notice ? PQ_BE_NOTICE : PQ_BE_ERROR);
	MgSeverity	sev = e->severity;
	const char *sevname;

	if (sev == MG_SEV_NONE)
		sev = notice ? MG_SEV_NOTICE : MG_SEV_ERROR;
	sevname = mg_severity_name(sev);
	put_field(sb, 'S', sevname);
	put_field(sb, 'V', sevname);
	put_field(sb, 'C', e->sqlstate[0] ? e->sqlstate : "XX000");
	put_field(sb, 'M', e->message ? e->message : "");
	put_field(sb, 'D', e->detail);
	put_field(sb, 'H', e->hint);
	if (e->position > 0)
	{
		char		pos[16];

		snprintf(pos, sizeof(pos), "%d", e->position);
		put_field(sb, 'P', pos);
	}
	put_field(sb, 'W', e->context);
	put_field(sb, 's', e->schema_name);
	put_field(sb, 't', e->table_name);
	put_field(sb, 'c', e->column_name);
	put_field(sb, 'd', e->datatype_name);
	put_field(sb, 'n', e->constraint_name);
	strbuf_putc(sb, '\0');
	pq_end(sb, m);
}

void
pq_parameter_status(StrBuf *sb, const char *name, const char *value)
{
	size_t		m = pq_begin(sb, PQ_BE_PARAMETER_STATUS);

	pq_put_string(sb, name);
	pq_put_string(sb, value);
	pq_end(sb, m);
}

void
pq_ready_for_query(StrBuf *sb, char status)
{
	char		msg[6] = {PQ_BE_READY_FOR_QUERY, 0, 0, 0, 5, status};

	strbuf_append(sb, msg, 6);
}

void
pq_command_complete(StrBuf *sb, const char *tag)
{
	size_t		m = pq_begin(sb, PQ_BE_COMMAND_COMPLETE);

	pq_put_string(sb, tag);
	pq_end(sb, m);
}

void
pq_empty_message(StrBuf *sb, char type)
{
	char		msg[5] = {type, 0, 0, 0, 4};

	strbuf_append(sb, msg, 5);
}

void
pq_backend_key_data(StrBuf *sb, int32_t pid, int32_t key)
{
	size_t		m = pq_begin(sb, PQ_BE_KEY_DATA);

	pq_put_int32(sb, pid);
	pq_put_int32(sb, key);
	pq_end(sb, m);
}

void
pq_auth_request(StrBuf *sb, const char *body, size_t len)
{
	size_t		m = pq_begin(sb, PQ_BE_AUTH);

	pq_put_bytes(sb, body, len);
	pq_end(sb, m);
}

void
pq_negotiate_version(StrBuf *sb, uint32_t newest_minor, const char *const *unknown, int nunknown)
{
	size_t		m = pq_begin(sb, PQ_BE_NEGOTIATE_VERSION);
	int			i;

	pq_put_int32(sb, (int32_t) PQ_PROTOCOL(3, newest_minor));
	pq_put_int32(sb, nunknown);
	for (i = 0; i < nunknown; i++)
		pq_put_string(sb, unknown[i]);
	pq_end(sb, m);
}
