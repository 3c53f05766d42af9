/*
 * test_types.c — text input/output, send/recv, casts, comparison and key
 * encoding order of the scalar types.  Expected values come from
 * PostgreSQL 15 (queried as 'input'::type on the oracle server).
 */
#include <math.h>

#include "test_types_common.h"

static const IoCase scalar_cases[] = {
	{"bool", "t", "t", NULL, NULL, NULL},
	{"bool", " yes ", "t", NULL, NULL, NULL},
	{"bool", "on", "t", NULL, NULL, NULL},
	{"bool", "of", "f", NULL, NULL, NULL},
	{"bool", "o", NULL, "22P02", "invalid input syntax for type boolean: \"o\"", NULL},
	{"bool", "TRUE", "t", NULL, NULL, NULL},
	{"bool", "1", "t", NULL, NULL, NULL},
	{"bool", "0", "f", NULL, NULL, NULL},
	{"bool", "maybe", NULL, "22P02", "invalid input syntax for type boolean: \"maybe\"", NULL},
	{"bool", "", NULL, "22P02", "invalid input syntax for type boolean: \"\"", NULL},
	{"int2", "32767", "32767", NULL, NULL, NULL},
	{"int2", "-32768", "-32768", NULL, NULL, NULL},
	{"int2", "32768", NULL, "22003", "value \"32768\" is out of range for type smallint", NULL},
	{"int2", " 12 ", "12", NULL, NULL, NULL},
	{"int2", "+5", "5", NULL, NULL, NULL},
	{"int2", "", NULL, "22P02", "invalid input syntax for type smallint: \"\"", NULL},
	{"int2", "1 2", NULL, "22P02", "invalid input syntax for type smallint: \"1 2\"", NULL},
	{"int4", "2147483647", "2147483647", NULL, NULL, NULL},
	{"int4", "-2147483648", "-2147483648", NULL, NULL, NULL},
	{"int4", "2147483648", NULL, "22003", "value \"2147483648\" is out of range for type integer", NULL},
	{"int4", "abc", NULL, "22P02", "invalid input syntax for type integer: \"abc\"", NULL},
	{"int4", "99999999999", NULL, "22003", "value \"99999999999\" is out of range for type integer", NULL},
	{"int4", "  -0012  ", "-12", NULL, NULL, NULL},
	{"int4", "1.5", NULL, "22P02", "invalid input syntax for type integer: \"1.5\"", NULL},
	{"int4", "-", NULL, "22P02", "invalid input syntax for type integer: \"-\"", NULL},
	{"int8", "9223372036854775807", "9223372036854775807", NULL, NULL, NULL},
	{"int8", "-9223372036854775808", "-9223372036854775808", NULL, NULL, NULL},
	{"int8", "9223372036854775808", NULL, "22003", "value \"9223372036854775808\" is out of range for type bigint", NULL},
	{"int8", "0x10", NULL, "22P02", "invalid input syntax for type bigint: \"0x10\"", NULL},
	{"float8", "1e3", "1000", NULL, NULL, NULL},
	{"float8", " 1.5 ", "1.5", NULL, NULL, NULL},
	{"float8", "Infinity", "Infinity", NULL, NULL, NULL},
	{"float8", "-inf", "-Infinity", NULL, NULL, NULL},
	{"float8", "NaN", "NaN", NULL, NULL, NULL},
	{"float8", "nan", "NaN", NULL, NULL, NULL},
	{"float8", "1e400", NULL, "22003", "\"1e400\" is out of range for type double precision", NULL},
	{"float8", "1e-400", NULL, "22003", "\"1e-400\" is out of range for type double precision", NULL},
	{"float8", "4.9e-324", "5e-324", NULL, NULL, NULL},
	{"float8", "0.1", "0.1", NULL, NULL, NULL},
	{"float8", "1e15", "1e+15", NULL, NULL, NULL},
	{"float8", "123456789012345678", "1.2345678901234568e+17", NULL, NULL, NULL},
	{"float8", "1e-5", "1e-05", NULL, NULL, NULL},
	{"float8", "0.0001", "0.0001", NULL, NULL, NULL},
	{"float8", "-0", "-0", NULL, NULL, NULL},
	{"float8", "x", NULL, "22P02", "invalid input syntax for type double precision: \"x\"", NULL},
	{"float8", "", NULL, "22P02", "invalid input syntax for type double precision: \"\"", NULL},
	{"float8", "1.7976931348623157e308", "1.7976931348623157e+308", NULL, NULL, NULL},
	{"float8", "3.14159265358979", "3.14159265358979", NULL, NULL, NULL},
	{"float8", "100", "100", NULL, NULL, NULL},
	{"float8", "2.5e-7", "2.5e-07", NULL, NULL, NULL},
	{"float4", "1e3", "1000", NULL, NULL, NULL},
	{"float4", "0.1", "0.1", NULL, NULL, NULL},
	{"float4", "1234567", "1.234567e+06", NULL, NULL, NULL},
	{"float4", "100000", "100000", NULL, NULL, NULL},
	{"float4", "1e6", "1e+06", NULL, NULL, NULL},
	{"float4", "1e40", NULL, "22003", "\"1e40\" is out of range for type real", NULL},
	{"float4", "1e-50", NULL, "22003", "\"1e-50\" is out of range for type real", NULL},
	{"float4", "x", NULL, "22P02", "invalid input syntax for type real: \"x\"", NULL},
	{"float4", "3.4028235e38", "3.4028235e+38", NULL, NULL, NULL},
	{"float4", "1.17549435e-38", "1.1754944e-38", NULL, NULL, NULL},
	{"float4", "-1.5e-10", "-1.5e-10", NULL, NULL, NULL},
	{"float4", "Infinity", "Infinity", NULL, NULL, NULL},
	{"float8", "0.1", "0.1", NULL, NULL, "set extra_float_digits=0"},
	{"float8", "1e15", "1e+15", NULL, NULL, "set extra_float_digits=0"},
	{"float8", "0.333333333333333333", "0.333333333333333", NULL, NULL, "set extra_float_digits=0"},
	{"float8", "1.5", "2", NULL, NULL, "set extra_float_digits=-15"},
	{"float4", "0.1", "0.1", NULL, NULL, "set extra_float_digits=3"},
	{"float4", "123456789", "1.23457e+08", NULL, NULL, "set extra_float_digits=0"},
	{"float8", "1e100", "1e+100", NULL, NULL, "set extra_float_digits=0"},
	{"float8", "123456789012345678", "1.23456789012346e+17", NULL, NULL, "set extra_float_digits=0"},
	{"text", "héllo", "héllo", NULL, NULL, NULL},
	{"text", "", "", NULL, NULL, NULL},
	{"varchar(3)", "abc", "abc", NULL, NULL, NULL},
	{"varchar(3)", "abcd", "abc", NULL, NULL, NULL},
	{"varchar(3)", "ab   ", "ab ", NULL, NULL, NULL},
	{"varchar(3)", "héé", "héé", NULL, NULL, NULL},
	{"varchar(3)", "hééé", "héé", NULL, NULL, NULL},
	{"char(3)", "a", "a  ", NULL, NULL, NULL},
	{"char(3)", "abcd", "abc", NULL, NULL, NULL},
	{"char(3)", "ab    ", "ab ", NULL, NULL, NULL},
	{"char(3)", "", "   ", NULL, NULL, NULL},
	{"character", "x", "x", NULL, NULL, NULL},
	{"bpchar", "ab  ", "ab  ", NULL, NULL, NULL},
	{"name", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc", NULL, NULL, NULL},
	{"bytea", "\\x0102ff", "\\x0102ff", NULL, NULL, NULL},
	{"bytea", "\\x01 02", "\\x0102", NULL, NULL, NULL},
	{"bytea", "\\x1", NULL, "22023", "invalid hexadecimal data: odd number of digits", NULL},
	{"bytea", "\\xzz", NULL, "22023", "invalid hexadecimal digit: \"z\"", NULL},
	{"bytea", "abc", "\\x616263", NULL, NULL, NULL},
	{"bytea", "a\\\\b\\001", "\\x615c6201", NULL, NULL, NULL},
	{"bytea", "\\q", NULL, "22P02", "invalid input syntax for type bytea", NULL},
	{"bytea", "\\", NULL, "22P02", "invalid input syntax for type bytea", NULL},
	{"bytea", "\\x", "\\x", NULL, NULL, NULL},
	{"bytea", "a\\\\b\\001 é", "a\\\\b\\001 \\303\\251", NULL, NULL, "set bytea_output=escape"},
	{"oid", "-1", "4294967295", NULL, NULL, NULL},
	{"oid", "4294967295", "4294967295", NULL, NULL, NULL},
	{"oid", "4294967296", NULL, "22003", "value \"4294967296\" is out of range for type oid", NULL},
	{"oid", "x", NULL, "22P02", "invalid input syntax for type oid: \"x\"", NULL},
	{"oid", "-2147483648", "2147483648", NULL, NULL, NULL},
	{"oid", "-2147483649", NULL, "22003", "value \"-2147483649\" is out of range for type oid", NULL},
	{"\"char\"", "a", "a", NULL, NULL, NULL},
	{"\"char\"", "abc", "a", NULL, NULL, NULL},
	{"\"char\"", "", "", NULL, NULL, NULL},
	{"\"char\"", "\\101", "A", NULL, NULL, NULL},
};

int
main(void)
{
	TestCtx		t;

	types_init();
	test_ctx_init(&t);
	for (size_t i = 0; i < sizeof(scalar_cases) / sizeof(scalar_cases[0]); i++)
		test_io_case(&t, &scalar_cases[i]);
	test_ctx_free(&t);
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}
