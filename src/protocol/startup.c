/*
 * startup.c — parsing of startup-phase packets and validation of message
 * headers: the parts of the protocol that decide, before anything else is
 * read, whether a client's bytes make sense.  Pure functions (no I/O), so
 * they can be fuzzed directly.
 *
 * Invariants:
 *  1. Nothing here allocates memory in proportion to a length the client
 *     announced; only bytes actually present are copied.
 *  2. Every rejection carries PostgreSQL's wording and SQLSTATE.
 */
#include <string.h>

#include <memgres/protocol.h>
#include <memgres/sqlstate.h>

int
startup_parse(const char *buf, size_t len, Arena *a, StartupInfo *out, MgError *err)
{
	uint32_t	code;
	memset(out, 0, sizeof(*out));
	if (len + 4 < PQ_STARTUP_MIN_LEN || len + 4 > PQ_STARTUP_MAX_LEN)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION, "invalid length of startup packet");
		return -1;
	}
	code = pq_read_u32(buf);
	if (code == PQ_CANCEL_REQUEST_CODE)
	{
		if (len != 12)
		{
			mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION, "invalid length of startup packet");
			return -1;
		}
		out->kind = STARTUP_CANCEL_REQUEST;
		out->cancel_pid = (int32_t) pq_read_u32(buf + 4);
		out->cancel_key = (int32_t) pq_read_u32(buf + 8);
		return 0;
	}
	if (code == PQ_SSL_REQUEST_CODE || code == PQ_GSSENC_REQUEST_CODE)
	{
		if (len != 4)
		{
			mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION, "invalid length of startup packet");
			return -1;
		}
		out->kind = code == PQ_SSL_REQUEST_CODE ? STARTUP_SSL_REQUEST : STARTUP_GSSENC_REQUEST;
		return 0;
	}
	out->kind = STARTUP_MESSAGE;
	out->protocol = code;
	if ((code >> 16) != 3)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_FEATURE_NOT_SUPPORTED,
					 "unsupported frontend protocol %u.%u: server supports 3.0 to 3.0",
					 code >> 16, code & 0xffff);
		return -1;
	}
	/* PostgreSQL's ProcessStartupPacket loop, offsets relative to buf. */
	{
		size_t		off = 4;

		while (off < len)
		{
			const char *name = buf + off;
			size_t		voff;
			size_t		nlen = strnlen(name, len - off);

			if (nlen == 0)
				break;			/* the terminator */
			voff = off + nlen + 1;
			if (voff >= len)
				break;			/* missing value: complained about below */
			if (out->nparams == STARTUP_MAX_PARAMS)
			{
				mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION,
							 "too many parameters in startup packet");
				return -1;
			}
			out->names[out->nparams] = arena_strndup(a, name, nlen);
			out->values[out->nparams] = arena_strndup(a, buf + voff, strnlen(buf + voff, len - voff));
			out->nparams++;
			off = voff + strnlen(buf + voff, len - voff) + 1;
		}
		if (off != len - 1 || buf[len - 1] != '\0')
		{
			mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION,
						 "invalid startup packet layout: expected terminator as last byte");
			return -1;
		}
	}
	return 0;
}

const char *
startup_param(const StartupInfo *si, const char *name)
{
	int			i;

	for (i = 0; i < si->nparams; i++)
		if (strcmp(si->names[i], name) == 0)
			return si->values[i];
	return NULL;
}

int
pq_check_header(char type, uint32_t len, int64_t max_message_size, bool in_auth, MgError *err)
{
	int64_t		cap;

	if (in_auth)
	{
		if (type != PQ_MSG_PASSWORD)
		{
			mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION,
						 "expected password response, got message type %d", (int) (unsigned char) type);
			return -1;
		}
		cap = PQ_AUTH_MESSAGE_LIMIT;
	}
	else
	{
		switch (type)
		{
			case PQ_MSG_QUERY:
			case PQ_MSG_PARSE:
			case PQ_MSG_BIND:
			case PQ_MSG_COPY_DATA:
			case PQ_MSG_FUNCTION_CALL:
				cap = max_message_size;
				break;
			case PQ_MSG_CLOSE:
			case PQ_MSG_DESCRIBE:
			case PQ_MSG_EXECUTE:
			case PQ_MSG_FLUSH:
			case PQ_MSG_SYNC:
			case PQ_MSG_TERMINATE:
			case PQ_MSG_COPY_DONE:
			case PQ_MSG_COPY_FAIL:
				cap = PQ_SMALL_MESSAGE_LIMIT;
				break;
			default:
				mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION,
							 "invalid frontend message type %d", (int) (unsigned char) type);
				return -1;
		}
	}
	if (len < 4 || (int64_t) len > cap)
	{
		mg_error_sev(err, MG_SEV_FATAL, SQLSTATE_PROTOCOL_VIOLATION, "invalid message length");
		return -1;
	}
	return 0;
}
