/*
 * copyfmt_binary.c — COPY's binary format: the framing of PostgreSQL's
 * "PGCOPY" files (commands/copyfromparse.c, copyto.c), for COPY TO and an
 * incremental COPY FROM parser sharing the text parser's state
 * (copyfmt_int.h).
 *
 * Layout: an 11-byte signature "PGCOPY\n\377\r\n\0", an int32 flags word
 * (bit 16: OIDs, refused; bits 17-31: critical, refused if set), an int32
 * header-extension length and that many bytes (skipped); then tuples, each
 * an int16 field count and per field an int32 length (-1: NULL) and the
 * bytes; then an int16 -1 trailer.  All integers in network byte order.
 *
 * Design: a tuple is delivered only once all of its bytes have arrived;
 * until then the parser waits, so tuples may be split across CopyData
 * messages anywhere.  PostgreSQL reads and converts a tuple field by
 * field, so a conversion error in field 1 beats a framing error in field
 * 2; to keep that order, a tuple whose framing breaks at field k is first
 * delivered with only its k complete fields (copyfmt_parser_binary_fields)
 * and the framing error is reported after the callback accepted them.  Errors follow PostgreSQL's order and wording; header
 * errors carry no CONTEXT (PostgreSQL reads the header before its error
 * callback is installed), tuple errors "COPY t, line N[, column c]".
 *
 * Invariants:
 *  1. buf[start..len) holds no complete tuple once a scan returns 0 (before
 *     the trailer), and scan == start in binary mode.
 *  2. After the trailer any further byte is an error.
 */
#include <arpa/inet.h>
#include <string.h>

#include <memgres/sqlstate.h>

#include "copyfmt.h"
#include "copyfmt_int.h"

static const char binary_signature[11] = "PGCOPY\n\377\r\n";	/* and a NUL */

#define OIDS_FLAG (1 << 16)

static int32_t
get_int32(const char *b)
{
	uint32_t	v;

	memcpy(&v, b, 4);
	return (int32_t) ntohl(v);
}

static int16_t
get_int16(const char *b)
{
	uint16_t	v;

	memcpy(&v, b, 2);
	return (int16_t) ntohs(v);
}

static void
put_int32(StrBuf *out, int32_t v)
{
	uint32_t	n = htonl((uint32_t) v);

	strbuf_append(out, &n, 4);
}

static void
put_int16(StrBuf *out, int16_t v)
{
	uint16_t	n = htons((uint16_t) v);

	strbuf_append(out, &n, 2);
}

void
copyfmt_binary_header(StrBuf *out)
{
	strbuf_append(out, binary_signature, sizeof(binary_signature));
	put_int32(out, 0);			/* flags */
	put_int32(out, 0);			/* no header extension */
}

void
copyfmt_binary_row(StrBuf *out, int ncols, const char *const *values, const int32_t *lengths)
{
	put_int16(out, (int16_t) ncols);
	for (int i = 0; i < ncols; i++)
	{
		if (values[i] == NULL)
			put_int32(out, -1);
		else
		{
			put_int32(out, lengths[i]);
			strbuf_append(out, values[i], (size_t) lengths[i]);
		}
	}
}

void
copyfmt_binary_trailer(StrBuf *out)
{
	put_int16(out, -1);
}

/* A header error: no CONTEXT, as in PostgreSQL. */
static int
header_error(CopyFmtParser *p, MgError *err, const char *msg)
{
	mg_error(err, SQLSTATE_BAD_COPY_FILE_FORMAT, "%s", msg);
	p->done = true;
	return -1;
}

/* An error reading one field: CONTEXT "COPY t, line N, column c". */
static int
field_error(CopyFmtParser *p, MgError *err, int field, const char *msg)
{
	mg_error(err, SQLSTATE_BAD_COPY_FILE_FORMAT, "%s", msg);
	copyfmt_context_column_binary(err, p->relname, p->lineno, p->colnames[field]);
	p->done = true;
	return -1;
}

/* Returns 1 once the header is consumed, 0 to wait for more input, -1 on error. */
static int
read_header(CopyFmtParser *p, bool final, MgError *err)
{
	size_t		avail = p->len - p->start;
	const char *b;
	int32_t		flags;
	int32_t		ext;

	if (avail < sizeof(binary_signature))
		return final ? header_error(p, err, "COPY file signature not recognized") : 0;
	b = p->buf + p->start;
	if (memcmp(b, binary_signature, sizeof(binary_signature)) != 0)
		return header_error(p, err, "COPY file signature not recognized");
	if (avail < 15)
		return final ? header_error(p, err, "invalid COPY file header (missing flags)") : 0;
	flags = get_int32(b + 11);
	if ((flags & OIDS_FLAG) != 0)
		return header_error(p, err, "invalid COPY file header (WITH OIDS)");
	flags &= ~OIDS_FLAG;
	if ((flags >> 16) != 0)
		return header_error(p, err, "unrecognized critical flags in COPY file header");
	if (avail < 19)
		return final ? header_error(p, err, "invalid COPY file header (missing length)") : 0;
	ext = get_int32(b + 15);
	if (ext < 0)
		return header_error(p, err, "invalid COPY file header (missing length)");
	if (avail - 19 < (size_t) ext)
		return final ? header_error(p, err, "invalid COPY file header (wrong length)") : 0;
	p->start += 19 + (size_t) ext;
	p->scan = p->start;
	p->bin_header_done = true;
	return 1;
}

/*
 * Copies the first nfields fields of the tuple at b out NUL-terminated
 * (the rest NULL) and calls fn with them.  nfields < ncols announces a
 * tuple whose framing breaks at field nfields (see copyfmt.h).
 */
static int
deliver(CopyFmtParser *p, const char *b, int nfields, CopyFmtRowFn fn, void *arg, MgError *err)
{
	size_t		off = 2;
	size_t		need = 0;
	char	   *out;

	for (int field = 0; field < nfields; field++)
	{
		int32_t		flen = get_int32(b + off);

		off += 4 + (flen > 0 ? (size_t) flen : 0);
		need += (flen > 0 ? (size_t) flen : 0) + 1;
	}
	strbuf_reset(&p->attr);
	strbuf_reserve(&p->attr, need + 1);
	out = p->attr.data;
	off = 2;
	for (int field = 0; field < p->ncols; field++)
	{
		int32_t		flen;

		if (field >= nfields)
		{
			p->lengths[field] = -1;
			p->fields[field] = NULL;
			continue;
		}
		flen = get_int32(b + off);
		off += 4;
		p->lengths[field] = flen;
		if (flen < 0)
		{
			p->fields[field] = NULL;
			continue;
		}
		memcpy(out, b + off, (size_t) flen);
		out[flen] = '\0';
		p->fields[field] = out;
		out += flen + 1;
		off += (size_t) flen;
	}
	p->attr.len = (size_t) (out - p->attr.data);
	p->bin_fields = nfields;
	if (fn(arg, p->lineno, p->fields, err) != 0)
	{
		p->done = true;
		return -1;
	}
	return 0;
}

/*
 * A tuple whose framing breaks at field `field`: its earlier fields are
 * converted first (their errors win, as in PostgreSQL), then msg.
 */
static int
broken_tuple(CopyFmtParser *p, const char *b, int field, CopyFmtRowFn fn, void *arg, MgError *err,
			 const char *msg)
{
	if (field > 0 && deliver(p, b, field, fn, arg, err) < 0)
		return -1;
	return field_error(p, err, field, msg);
}

int
copyfmt_binary_scan(CopyFmtParser *p, bool final, CopyFmtRowFn fn, void *arg, MgError *err)
{
	if (!p->bin_header_done)
	{
		int			r = read_header(p, final, err);

		if (r <= 0)
			return r;
	}
	while (!p->done)
	{
		size_t		avail = p->len - p->start;
		const char *b = avail > 0 ? p->buf + p->start : NULL;
		size_t		off = 2;
		int16_t		count;
		int			field = 0;

		if (p->bin_trailer_seen)
		{
			if (avail > 0)
				return copyfmt_fail(p, err, NULL, 0, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
									"received copy data after EOF marker");
			return 0;
		}
		/* end of data without a trailer is accepted, as PostgreSQL does */
		if (avail < 2)
			return 0;
		count = get_int16(b);
		if (count == -1)
		{
			p->lineno++;
			p->bin_trailer_seen = true;
			p->start += 2;
			p->scan = p->start;
			continue;
		}
		if (count != p->ncols)
		{
			p->lineno++;
			return copyfmt_fail(p, err, NULL, 0, SQLSTATE_BAD_COPY_FILE_FORMAT, NULL,
								"row field count is %d, expected %d", (int) count, p->ncols);
		}
		/* is the whole tuple here? */
		for (field = 0; field < count; field++)
		{
			int32_t		flen;

			if (avail - off < 4)
				goto incomplete;
			flen = get_int32(b + off);
			off += 4;
			if (flen < -1)
			{
				p->lineno++;
				return broken_tuple(p, b, field, fn, arg, err, "invalid field size");
			}
			if (flen > 0)
			{
				if (avail - off < (size_t) flen)
					goto incomplete;
				off += (size_t) flen;
			}
		}

		p->lineno++;
		if (deliver(p, b, count, fn, arg, err) < 0)
			return -1;
		p->start += off;
		p->scan = p->start;
		continue;

incomplete:
		if (!final)
			return 0;
		p->lineno++;
		return broken_tuple(p, b, field, fn, arg, err, "unexpected EOF in COPY data");
	}
	return 0;
}

int
copyfmt_parser_binary_fields(const CopyFmtParser *p)
{
	return p->bin_fields;
}
