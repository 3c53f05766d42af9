/*
 * fuzz_parser.c — libFuzzer target for the pure protocol parsers of
 * include/memgres/protocol.h: startup_parse(), pq_check_header() and the
 * MsgReader functions walking a Bind-shaped body.  Built only by
 * `make fuzz-libfuzzer` (clang -fsanitize=fuzzer,address,undefined), never
 * by the normal build.
 *
 * The first input byte selects the parser; the rest is its input.  The
 * target checks no results (the parsers may accept or reject anything); it
 * exists so ASan/UBSan see every path the inputs reach.
 */
#include <stdint.h>
#include <stddef.h>

#include <memgres/arena.h>
#include <memgres/error.h>
#include <memgres/protocol.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
walk_bind(const char *p, size_t n, MgError *err)
{
	MsgReader	r;
	const char *s;
	int16_t		count,
				fmt,
				i;
	int32_t		len;

	msg_reader_init(&r, p, n);
	if (msg_get_string(&r, &s, err) || msg_get_string(&r, &s, err))
		return;
	if (msg_get_int16(&r, &count, err))
		return;
	for (i = 0; i < count; i++)
		if (msg_get_int16(&r, &fmt, err))
			return;
	if (msg_get_int16(&r, &count, err))
		return;
	for (i = 0; i < count && i < 1000; i++)
	{
		if (msg_get_int32(&r, &len, err))
			return;
		if (len >= 0 && msg_get_bytes(&r, (size_t) len, &s, err))
			return;
	}
	msg_end(&r, err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Arena		a;
	MgError		err = MG_ERROR_INIT;
	StartupInfo si;

	if (size < 1)
		return 0;
	arena_init(&a, 1024);
	switch (data[0] % 3)
	{
		case 0:
			if (startup_parse((const char *) data + 1, size - 1, &a, &si, &err) == 0)
				(void) startup_param(&si, "user");
			break;
		case 1:
			if (size >= 6)
				(void) pq_check_header((char) data[1], pq_read_u32((const char *) data + 2),
									   0x3fffffff, (data[0] & 4) != 0, &err);
			break;
		case 2:
			walk_bind((const char *) data + 1, size - 1, &err);
			break;
	}
	mg_error_reset(&err);
	arena_destroy(&a);
	return 0;
}
