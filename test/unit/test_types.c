/*
 * test_types.c — text input/output, send/recv, casts, comparison and key
 * encoding order of the scalar types.  Expected values come from
 * PostgreSQL 15 (queried as 'input'::type on the oracle server).
 */
#include <math.h>

#define NUMERIC_TYPMOD_TEST(p, s) ((int32_t) ((((p) << 16) | ((s) & 0x7ff)) + 4))

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

static const IoCase more_cases[] = {
	{"int2vector", "1 2  3", "1 2 3", NULL, NULL, NULL},
	{"oidvector", " 4 5 ", "4 5", NULL, NULL, NULL},
	{"int2vector", "", "", NULL, NULL, NULL},
	{"int2vector", "1,2", NULL, "22P02", "invalid input syntax for type smallint: \"1,2\"", NULL},
	{"int2vector", "1 x", NULL, "22P02", "invalid input syntax for type smallint: \"x\"", NULL},
	{"int2vector", "70000", NULL, "22003", "value \"70000\" is out of range for type smallint", NULL},
	{"regtype", "integer", "integer", NULL, NULL, NULL},
	{"regtype", "int4", "integer", NULL, NULL, NULL},
	{"regtype", "character varying", "character varying", NULL, NULL, NULL},
	{"regtype", "pg_catalog.text", "text", NULL, NULL, NULL},
	{"regtype", "_int4", "integer[]", NULL, NULL, NULL},
	{"regtype", "int[]", "integer[]", NULL, NULL, NULL},
	{"regtype", "23", "integer", NULL, NULL, NULL},
	{"regtype", "0", "-", NULL, NULL, NULL},
	{"regtype", "99999", "99999", NULL, NULL, NULL},
	{"regtype", "1015", "character varying[]", NULL, NULL, NULL},
	{"regtype", "\"char\"", "\"char\"", NULL, NULL, NULL},
	{"regtype", "1042", "character", NULL, NULL, NULL},
	{"regtype", "varchar(10)", "character varying", NULL, NULL, NULL},
	{"regtype", "nosuch", NULL, "42704", "type \"nosuch\" does not exist", NULL},
	{"int4[]", "{1,2,3}", "{1,2,3}", NULL, NULL, NULL},
	{"int4[]", "{}", "{}", NULL, NULL, NULL},
	{"int4[]", " { 1 , 2 } ", "{1,2}", NULL, NULL, NULL},
	{"int4[]", "{1,,2}", NULL, "22P02", "malformed array literal: \"{1,,2}\"", NULL},
	{"int4[]", "{1,2}x", NULL, "22P02", "malformed array literal: \"{1,2}x\"", NULL},
	{"int4[]", "1,2", NULL, "22P02", "malformed array literal: \"1,2\"", NULL},
	{"int4[]", "[0:2]={1,2,3}", "[0:2]={1,2,3}", NULL, NULL, NULL},
	{"int4[]", "[0:1]={1,2,3}", NULL, "22P02", "malformed array literal: \"[0:1]={1,2,3}\"", NULL},
	{"int4[]", "{1,2", NULL, "22P02", "malformed array literal: \"{1,2\"", NULL},
	{"int4[]", "{1,abc}", NULL, "22P02", "invalid input syntax for type integer: \"abc\"", NULL},
	{"int4[]", "[1:2]{1,2}", NULL, "22P02", "malformed array literal: \"[1:2]{1,2}\"", NULL},
	{"int4[]", "{NULL,1,null}", "{NULL,1,NULL}", NULL, NULL, NULL},
	{"int4[]", "[1:3]={7,8,9}", "{7,8,9}", NULL, NULL, NULL},
	{"text[]", "{\"a\",b c , d\\\\,e,\"\",NULL,\"NULL\",null}", "{a,\"b c\",\"d\\\\\",e,\"\",NULL,\"NULL\",NULL}", NULL, NULL, NULL},
	{"text[]", "{\"a}", NULL, "22P02", "malformed array literal: \"{\"a}\"", NULL},
	{"text[]", "{a\\\"b,\"c\\\\d\",{x}", NULL, "22P02", "malformed array literal: \"{a\\\"b,\"c\\\\d\",{x}\"", NULL},
	{"text[]", "{\"x y\", \" lead\",trail   ,\"}\"}", "{\"x y\",\" lead\",trail,\"}\"}", NULL, NULL, NULL},
	{"text[]", "{é,ü}", "{é,ü}", NULL, NULL, NULL},
	{"varchar(2)[]", "{abc,de}", "{ab,de}", NULL, NULL, NULL},
	{"numeric[]", "{1.50,NaN,-Infinity}", "{1.50,NaN,-Infinity}", NULL, NULL, NULL},
	{"float8[]", "{0.1,1e300,-0}", "{0.1,1e+300,-0}", NULL, NULL, NULL},
	{"bool[]", "{t,false,yes}", "{t,f,t}", NULL, NULL, NULL},
	{"bytea[]", "{\"\\\\x01ff\",abc}", "{\"\\\\x01ff\",\"\\\\x616263\"}", NULL, NULL, NULL},
	{"uuid[]", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", NULL, NULL, NULL},
	{"char(3)[]", "{a,bcde}", "{\"a  \",bcd}", NULL, NULL, NULL},
	{"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, NULL, NULL},
	{"uuid", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, NULL, NULL},
	{"uuid", "{a0eebc999c0b4ef8bb6d6bb9bd380a11}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, NULL, NULL},
	{"uuid", "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, NULL, NULL},
	{"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", NULL, "22P02", "invalid input syntax for type uuid: \"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1\"", NULL},
	{"uuid", "123", NULL, "22P02", "invalid input syntax for type uuid: \"123\"", NULL},
	{"uuid", "a0eebc999c0b4ef8bb6d6bb9bd380a11x", NULL, "22P02", "invalid input syntax for type uuid: \"a0eebc999c0b4ef8bb6d6bb9bd380a11x\"", NULL},
	{"uuid", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, "22P02", "invalid input syntax for type uuid: \"{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\"", NULL},
	{"regclass", "1259", "pg_class", NULL, NULL, NULL},
	{"regclass", "-", "-", NULL, NULL, NULL},
	{"oid[]", "{1,4294967295}", "{1,4294967295}", NULL, NULL, NULL},
	{"name[]", "{abc,\"x y\"}", "{abc,\"x y\"}", NULL, NULL, NULL},
	{"\"char\"", "\\101", "A", NULL, NULL, NULL},
};

typedef struct CastCase {
	const char *src;
	const char *input;
	const char *dst;
	const char *output;			/* NULL: an error is expected */
	const char *sqlstate;
	const char *message;
} CastCase;

/* select cast('input'::src as dst) on PostgreSQL 15. */
static const CastCase cast_cases[] = {
	{"int4", "70000", "int2", NULL, "22003", "smallint out of range"},
	{"int4", "-5", "int2", "-5", NULL, NULL},
	{"int8", "3000000000", "int4", NULL, "22003", "integer out of range"},
	{"int8", "-42", "int4", "-42", NULL, NULL},
	{"int2", "7", "int8", "7", NULL, NULL},
	{"float8", "2.5", "int4", "2", NULL, NULL},
	{"float8", "3.5", "int4", "4", NULL, NULL},
	{"float8", "-2.5", "int4", "-2", NULL, NULL},
	{"float8", "1e10", "int4", NULL, "22003", "integer out of range"},
	{"float8", "NaN", "int4", NULL, "22003", "integer out of range"},
	{"float8", "9.3e18", "int8", NULL, "22003", "bigint out of range"},
	{"float8", "32767.5", "int2", NULL, "22003", "smallint out of range"},
	{"float4", "2.5", "int4", "2", NULL, NULL},
	{"float4", "1.5", "int8", "2", NULL, NULL},
	{"float8", "1e39", "float4", NULL, "22003", "value out of range: overflow"},
	{"float8", "1e-50", "float4", NULL, "22003", "value out of range: underflow"},
	{"float8", "0.1", "float4", "0.1", NULL, NULL},
	{"float4", "0.1", "float8", "0.10000000149011612", NULL, NULL},
	{"int4", "16777217", "float4", "1.6777216e+07", NULL, NULL},
	{"int8", "9007199254740993", "float8", "9.007199254740992e+15", NULL, NULL},
	{"numeric", "2.5", "int4", "3", NULL, NULL},
	{"numeric", "-2.5", "int4", "-3", NULL, NULL},
	{"numeric", "NaN", "int4", NULL, "0A000", "cannot convert NaN to integer"},
	{"numeric", "Infinity", "int8", NULL, "0A000", "cannot convert infinity to bigint"},
	{"numeric", "99999999999", "int4", NULL, "22003", "integer out of range"},
	{"numeric", "32767.49", "int2", "32767", NULL, NULL},
	{"numeric", "1.23456789012345678", "float8", "1.2345678901234567", NULL, NULL},
	{"numeric", "1e400", "float8", NULL, "22003", "\"10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000\" is out of range for type double precision"},
	{"numeric", "1e39", "float4", NULL, "22003", "\"1000000000000000000000000000000000000000\" is out of range for type real"},
	{"numeric", "NaN", "float8", "NaN", NULL, NULL},
	{"float8", "0.1", "numeric", "0.1", NULL, NULL},
	{"float8", "1e20", "numeric", "100000000000000000000", NULL, NULL},
	{"float8", "Infinity", "numeric", "Infinity", NULL, NULL},
	{"float4", "0.1", "numeric", "0.1", NULL, NULL},
	{"float8", "123456.789012345678", "numeric", "123456.789012346", NULL, NULL},
	{"int8", "-9223372036854775808", "numeric", "-9223372036854775808", NULL, NULL},
	{"int4", "5", "bool", "t", NULL, NULL},
	{"int4", "0", "bool", "f", NULL, NULL},
	{"bool", "true", "int4", "1", NULL, NULL},
	{"bool", "false", "text", "false", NULL, NULL},
	{"bool", "true", "varchar(2)", "tr", NULL, NULL},
	{"text", "abcd", "varchar(2)", "ab", NULL, NULL},
	{"text", "abcd", "char(2)", "ab", NULL, NULL},
	{"char(5)", "ab", "text", "ab", NULL, NULL},
	{"char(5)", "ab", "varchar", "ab", NULL, NULL},
	{"varchar", "ab  ", "char(3)", "ab ", NULL, NULL},
	{"text", "x", "\"char\"", "x", NULL, NULL},
	{"\"char\"", "y", "text", "y", NULL, NULL},
	{"name", "abc", "text", "abc", NULL, NULL},
	{"int4", "42", "text", "42", NULL, NULL},
	{"numeric", "1.50", "text", "1.50", NULL, NULL},
	{"float8", "0.1", "text", "0.1", NULL, NULL},
	{"text", "12", "int4", "12", NULL, NULL},
	{"text", " 12 ", "numeric(4,1)", "12.0", NULL, NULL},
	{"text", "abc", "int4", NULL, "22P02", "invalid input syntax for type integer: \"abc\""},
	{"varchar", "t", "bool", "t", NULL, NULL},
	{"char(4)", "12", "int4", "12", NULL, NULL},
	{"int4", "-1", "oid", "4294967295", NULL, NULL},
	{"int8", "4294967296", "oid", NULL, "22003", "OID out of range"},
	{"oid", "4294967295", "int4", "-1", NULL, NULL},
	{"oid", "4294967295", "int8", "4294967295", NULL, NULL},
	{"int4[]", "{1,2}", "int8[]", "{1,2}", NULL, NULL},
	{"int4[]", "{1,NULL}", "text[]", "{1,NULL}", NULL, NULL},
	{"text[]", "{1,2}", "int4[]", "{1,2}", NULL, NULL},
	{"text[]", "{abc,de}", "varchar(2)[]", "{ab,de}", NULL, NULL},
	{"float8[]", "{1.5,2.5}", "int4[]", "{2,2}", NULL, NULL},
	{"int4[]", "{1,2}", "text", "{1,2}", NULL, NULL},
	{"text", "{3,4}", "int4[]", "{3,4}", NULL, NULL},
	{"numeric", "123.456", "numeric(5,2)", "123.46", NULL, NULL},
	{"numeric", "1234.5", "numeric(5,2)", NULL, "22003", "numeric field overflow"},
	{"int4", "123", "numeric(5,2)", "123.00", NULL, NULL},
	{"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "text", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, NULL},
	{"text", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, NULL},
	{"bytea", "\\x41", "text", "\\x41", NULL, NULL},
	{"int4", "1", "bytea", NULL, "42846", "cannot cast type integer to bytea"},
};

static void
test_cast_case(TestCtx *t, const CastCase *c)
{
	int32_t		stypmod, dtypmod;
	const MgType *st, *dt;
	Datum		d;
	StrBuf		sb;
	int			rc;

	mg_error_reset(&t->err);
	st = test_parse_type(t, c->src, &stypmod);
	dt = test_parse_type(t, c->dst, &dtypmod);
	if (st == NULL || dt == NULL)
	{
		tap_ok(0, "cast %s -> %s: types known", c->src, c->dst);
		return;
	}
	rc = st->input(&t->ctx, c->input, strlen(c->input), -1, &d);
	if (rc == 0 && stypmod >= 0)
		rc = st->modapply(&t->ctx, d, stypmod, true, &d);
	if (rc < 0)
	{
		tap_ok(0, "cast source '%s'::%s: %s", c->input, c->src, t->err.message);
		return;
	}
	rc = cast_apply(&t->ctx, st->oid, stypmod, dt->oid, dtypmod, true, d, &d);
	strbuf_init(&sb);
	if (rc == 0)
		rc = dt->output(&t->ctx, d, dtypmod, &sb);
	if (c->output == NULL)
		tap_ok(rc < 0 && strcmp(t->err.sqlstate, c->sqlstate) == 0 && strcmp(t->err.message, c->message) == 0,
			   "cast('%s'::%s as %s) fails with %s: %s (got %s)", c->input, c->src, c->dst, c->sqlstate,
			   c->message, rc < 0 ? t->err.message : sb.data);
	else
		tap_ok(rc == 0 && strcmp(sb.data, c->output) == 0, "cast('%s'::%s as %s) = '%s' (got '%s')",
			   c->input, c->src, c->dst, c->output, rc == 0 ? sb.data : t->err.message);
	strbuf_free(&sb);
	arena_reset(&t->arena);
}

/* pg_cast contexts, plus the I/O conversion rules. */
static void
test_cast_contexts(void)
{
	static const struct
	{
		Oid			src, dst;
		CastContext ctx;
		bool		allowed;
	}			cases[] = {
		{INT4OID, INT8OID, CAST_IMPLICIT, true},
		{INT8OID, INT4OID, CAST_IMPLICIT, false},
		{INT8OID, INT4OID, CAST_ASSIGNMENT, true},
		{NUMERICOID, FLOAT8OID, CAST_IMPLICIT, true},
		{FLOAT8OID, NUMERICOID, CAST_IMPLICIT, false},
		{FLOAT8OID, NUMERICOID, CAST_ASSIGNMENT, true},
		{INT4OID, NUMERICOID, CAST_IMPLICIT, true},
		{INT4OID, TEXTOID, CAST_IMPLICIT, false},
		{INT4OID, TEXTOID, CAST_ASSIGNMENT, true},
		{TEXTOID, INT4OID, CAST_ASSIGNMENT, false},
		{TEXTOID, INT4OID, CAST_EXPLICIT, true},
		{INT4OID, BOOLOID, CAST_ASSIGNMENT, false},
		{INT4OID, BOOLOID, CAST_EXPLICIT, true},
		{INT4OID, BYTEAOID, CAST_EXPLICIT, false},
		{INT4ARRAYOID, INT8ARRAYOID, CAST_IMPLICIT, true},
		{INT8ARRAYOID, INT4ARRAYOID, CAST_IMPLICIT, false},
		{TEXTOID, VARCHAROID, CAST_IMPLICIT, true},
		{BPCHAROID, TEXTOID, CAST_IMPLICIT, true},
		{TEXTOID, REGCLASSOID, CAST_IMPLICIT, true},
		{UNKNOWNOID, UUIDOID, CAST_IMPLICIT, true},
		{UUIDOID, TEXTOID, CAST_IMPLICIT, false},
		{UUIDOID, TEXTOID, CAST_ASSIGNMENT, true},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		tap_ok(cast_find(cases[i].src, cases[i].dst, cases[i].ctx) == cases[i].allowed,
			   "cast %u -> %u in context %d is %s", cases[i].src, cases[i].dst, (int) cases[i].ctx,
			   cases[i].allowed ? "allowed" : "refused");
}

static int
sign3(int x)
{
	return (x > 0) - (x < 0);
}

/* For each type, every pair of values: cmp order == memcmp order of keys; equal values hash equal. */
static void
test_key_order(TestCtx *t)
{
	static const struct
	{
		const char *type;
		const char *values[16];
	}			sets[] = {
		{"bool", {"f", "t"}},
		{"int2", {"-32768", "-1", "0", "1", "255", "256", "32767"}},
		{"int4", {"-2147483648", "-65536", "-1", "0", "1", "65535", "65536", "2147483647"}},
		{"int8", {"-9223372036854775808", "-4294967296", "-1", "0", "1", "4294967296", "9223372036854775807"}},
		{"float4", {"-Infinity", "-1e30", "-1", "-1e-30", "-0", "0", "1e-45", "1", "3.4e38", "Infinity", "NaN"}},
		{"float8", {"-Infinity", "-1e300", "-1.5", "-5e-324", "-0", "0", "5e-324", "0.1", "1", "1e300", "Infinity", "NaN"}},
		{"text", {"", "a", "a\001", "aa", "ab", "b", "é", "ü"}},
		{"bpchar", {"", " ", "a", "a  ", "a\001", "ab", "b"}},
		{"bytea", {"\\x", "\\x00", "\\x0000", "\\x0001", "\\x01", "\\xff"}},
		{"oid", {"0", "1", "2147483648", "4294967295"}},
		{"uuid", {"00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000001", "ffffffff-0000-0000-0000-000000000000"}},
		{"int4[]", {"{}", "{-1}", "[0:0]={1}", "{1}", "{1,2}", "{1,2,3}", "{1,NULL}", "{2}", "{NULL}"}},
		{"text[]", {"{}", "{\"\"}", "{a}", "{a,b}", "{ab}", "{b,NULL}"}},
		{"numeric[]", {"{}", "{-1.5}", "{0}", "{0.00}", "{1,2}", "{NaN}"}},
	};

	for (size_t s = 0; s < sizeof(sets) / sizeof(sets[0]); s++)
	{
		int32_t		typmod;
		const MgType *ty = test_parse_type(t, sets[s].type, &typmod);
		int			n = 0, bad = 0;
		Datum		d[16];

		for (; n < 16 && sets[s].values[n] != NULL; n++)
		{
			char		unescaped[64];
			size_t		k = 0;
			const char *v = sets[s].values[n];

			/* "\\001"-style escapes above stand for single bytes in text tests */
			for (const char *p = v; *p && k < sizeof(unescaped) - 1; p++)
			{
				if (p[0] == '\\' && p[1] >= '0' && p[1] <= '3' && ty->oid != BYTEAOID)
				{
					unescaped[k++] = (char) (((p[1] - '0') << 6) | ((p[2] - '0') << 3) | (p[3] - '0'));
					p += 3;
				}
				else
					unescaped[k++] = *p;
			}
			unescaped[k] = '\0';
			if (ty->input(&t->ctx, unescaped, k, -1, &d[n]) < 0)
			{
				printf("# bad literal %s for %s: %s\n", v, sets[s].type, t->err.message);
				bad++;
			}
		}
		for (int i = 0; i < n && !bad; i++)
			for (int j = 0; j < n; j++)
			{
				StrBuf		ka, kb;
				int			c, k;

				strbuf_init(&ka);
				strbuf_init(&kb);
				ty->key_encode(d[i], &ka);
				ty->key_encode(d[j], &kb);
				c = ty->cmp(d[i], d[j]);
				k = memcmp(ka.data, kb.data, ka.len < kb.len ? ka.len : kb.len);
				if (k == 0)
					k = (ka.len > kb.len) - (ka.len < kb.len);
				if (sign3(c) != sign3(k) || (c == 0 && ty->hash(d[i]) != ty->hash(d[j])) ||
					(i < j && c >= 0 && !(ty->oid == FLOAT8OID || ty->oid == FLOAT4OID || ty->oid == BPCHAROID ||
										  ty->oid == NUMERICARRAYOID)))
				{
					printf("# %s: %s vs %s: cmp %d key %d\n", sets[s].type, sets[s].values[i],
						   sets[s].values[j], c, k);
					bad++;
				}
				strbuf_free(&ka);
				strbuf_free(&kb);
			}
		tap_ok(bad == 0, "%s: cmp, hash and key encoding agree on %d values", sets[s].type, n);
		arena_reset(&t->arena);
	}
}

/* xorshift64*: deterministic pseudo-random values for the order tests. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

/* A random literal of the given type, biased towards edge cases. */
static void
random_literal(Oid type, char *buf, size_t size)
{
	uint64_t	r = rng();

	switch (type)
	{
		case INT4OID:
			snprintf(buf, size, "%d", (int32_t) (r % 5 == 0 ? (uint32_t) r : (uint32_t) (r % 2001) - 1000));
			break;
		case INT8OID:
			snprintf(buf, size, "%lld", (long long) (r % 5 == 0 ? (int64_t) r : (int64_t) (r % 2001) - 1000));
			break;
		case FLOAT8OID:
			{
				double		d;

				if (r % 7 == 0)
				{
					uint64_t	bits = rng();

					memcpy(&d, &bits, sizeof(d));	/* any bit pattern, NaNs included */
				}
				else
					d = ((double) (int64_t) (r % 20001) - 10000) / (double) (1 + rng() % 1000);
				snprintf(buf, size, "%.17g", d);
				if (strcmp(buf, "nan") == 0 || strcmp(buf, "-nan") == 0)
					snprintf(buf, size, "NaN");
				else if (strcmp(buf, "inf") == 0)
					snprintf(buf, size, "Infinity");
				else if (strcmp(buf, "-inf") == 0)
					snprintf(buf, size, "-Infinity");
				break;
			}
		case NUMERICOID:
			{
				int			scale = (int) (rng() % 12);
				int64_t		mant = (int64_t) (rng() % 2000001) - 1000000;

				if (r % 13 == 0)
					snprintf(buf, size, r % 2 ? "NaN" : "-Infinity");
				else
					snprintf(buf, size, "%lldE%d", (long long) mant, (int) (rng() % 41) - 20 - scale);
				break;
			}
		default:
			{
				/* text: short strings over a small alphabet, with NUL-free bytes >= 0x80 */
				static const char alphabet[] = "aab\x01\x7f\xc3\xa9 z";
				size_t		n = (size_t) (r % 6);

				for (size_t i = 0; i < n && i < size - 1; i++)
					buf[i] = alphabet[rng() % (sizeof(alphabet) - 1)];
				buf[n < size - 1 ? n : size - 1] = '\0';
				break;
			}
	}
}

/*
 * Random values of each indexable type: for every pair, the memcmp order
 * of the key encodings is the cmp order, and equal values hash equal.
 */
static void
test_random_key_order(TestCtx *t)
{
	static const Oid types[] = {INT4OID, INT8OID, FLOAT8OID, NUMERICOID, BYTEAOID};

	for (size_t k = 0; k < sizeof(types) / sizeof(types[0]); k++)
	{
		const MgType *ty = type_by_oid(types[k]);
		enum
		{
			NVALS = 300
		};
		Datum		vals[NVALS];
		StrBuf		keys[NVALS];
		int			bad = 0;

		for (int i = 0; i < NVALS; i++)
		{
			char		lit[64];

			random_literal(ty->oid, lit, sizeof(lit));
			mg_error_reset(&t->err);
			if (ty->oid == BYTEAOID)
				vals[i] = text_datum(&t->arena, lit, strlen(lit));	/* raw bytes */
			else if (ty->input(&t->ctx, lit, strlen(lit), -1, &vals[i]) < 0)
			{
				printf("# %s: bad random literal %s: %s\n", ty->name, lit, t->err.message);
				vals[i] = vals[0];
				bad++;
			}
			strbuf_init(&keys[i]);
			ty->key_encode(vals[i], &keys[i]);
		}
		for (int i = 0; i < NVALS; i++)
			for (int j = 0; j < NVALS; j++)
			{
				int			c = ty->cmp(vals[i], vals[j]);
				size_t		n = keys[i].len < keys[j].len ? keys[i].len : keys[j].len;
				int			m = memcmp(keys[i].data, keys[j].data, n);

				if (m == 0)
					m = (keys[i].len > keys[j].len) - (keys[i].len < keys[j].len);
				if (sign3(c) != sign3(m) || (c == 0 && ty->hash(vals[i]) != ty->hash(vals[j])))
					bad++;
			}
		for (int i = 0; i < NVALS; i++)
			strbuf_free(&keys[i]);
		tap_ok(bad == 0, "%s: key order equals cmp order on %d random values (%d mismatches)",
			   ty->name, NVALS, bad);
		arena_reset(&t->arena);
	}
}

/* A stand-in catalog for the regclass hooks. */
static int
test_regclass_in(EvalCtx *ctx, const char *name, size_t len, Oid *out)
{
	if (len == 8 && memcmp(name, "pg_class", 8) == 0)
	{
		*out = 1259;
		return 0;
	}
	mg_error(ctx->err, SQLSTATE_UNDEFINED_TABLE, "relation \"%.*s\" does not exist", (int) len, name);
	return -1;
}

static bool
test_regclass_out(EvalCtx *ctx, Oid relid, StrBuf *out)
{
	(void) ctx;
	if (relid != 1259)
		return false;
	strbuf_puts(out, "pg_class");
	return true;
}

static void
test_records(TestCtx *t)
{
	Oid			types[4] = {INT4OID, TEXTOID, TEXTOID, NUMERICOID};
	Datum		values[4];
	bool		nulls[4] = {false, false, true, false};
	Datum		rec;
	StrBuf		sb;

	values[0] = Int32GetDatum(42);
	values[1] = cstring_text_datum(&t->arena, "a \"b\"");
	values[2] = 0;
	type_input(&t->ctx, NUMERICOID, -1, "1.50", 4, &values[3]);
	rec = record_build(&t->arena, 4, types, NULL, values, nulls);
	strbuf_init(&sb);
	type_output(&t->ctx, RECORDOID, -1, rec, &sb);
	/* select row(42, 'a "b"', null::text, 1.50) */
	tap_ok(strcmp(sb.data, "(42,\"a \"\"b\"\"\",,1.50)") == 0, "record output (got %s)", sb.data);
	strbuf_reset(&sb);
	{
		/* natts; int4 (oid, len, 4 bytes); text (5 bytes); NULL (oid, -1); numeric 1.50 (12 bytes) */
		int			rc = type_send(&t->ctx, RECORDOID, -1, rec, &sb);

		tap_ok(rc == 0 && sb.len == 4 + 12 + 13 + 8 + 20, "record send (%zu bytes)", sb.len);
	}
	strbuf_free(&sb);
	arena_reset(&t->arena);
}

static void
test_regclass(TestCtx *t)
{
	static const TypeCatalogHooks hooks = {test_regclass_in, test_regclass_out};
	Datum		d;
	StrBuf		sb;

	strbuf_init(&sb);
	mg_error_reset(&t->err);
	tap_ok(type_input(&t->ctx, REGCLASSOID, -1, "pg_class", 8, &d) < 0 &&
		   strcmp(t->err.sqlstate, "0A000") == 0, "regclass by name needs the catalog hook");
	types_set_catalog_hooks(&hooks);
	tap_ok(type_input(&t->ctx, REGCLASSOID, -1, "pg_class", 8, &d) == 0 && DatumGetObjectId(d) == 1259,
		   "'pg_class'::regclass through the hook");
	mg_error_reset(&t->err);
	tap_ok(type_input(&t->ctx, REGCLASSOID, -1, "nosuch", 6, &d) < 0 &&
		   strcmp(t->err.message, "relation \"nosuch\" does not exist") == 0, "unknown relation");
	type_output(&t->ctx, REGCLASSOID, -1, ObjectIdGetDatum(99999), &sb);
	tap_ok(strcmp(sb.data, "99999") == 0, "unknown regclass OID prints as a number");
	strbuf_free(&sb);
}

/* format_type() and name lookup. */
static void
test_format(void)
{
	static const struct
	{
		const char *name;
		int32_t		typmod;
		const char *expected;
	}			cases[] = {
		{"int4", -1, "integer"}, {"integer[]", -1, "integer[]"}, {"varchar", 24, "character varying(20)"},
		{"numeric", NUMERIC_TYPMOD_TEST(10, 2), "numeric(10,2)"}, {"bpchar", -1, "bpchar"},
		{"character", 5, "character(1)"}, {"double precision", -1, "double precision"},
		{"_text", -1, "text[]"}, {"\"char\"", -1, "\"char\""}, {"bool", -1, "boolean"},
		{"float4", -1, "real"}, {"int2", -1, "smallint"}, {"int8", -1, "bigint"}, {"uuid", -1, "uuid"},
		{"int2vector", -1, "int2vector"}, {"oidvector", -1, "oidvector"}, {"_int2vector", -1, "int2vector[]"},
		{"regtype", -1, "regtype"}, {"any", -1, "\"any\""}, {"anyelement", -1, "anyelement"},
		{"cstring", -1, "cstring"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		const MgType *t = cases[i].name[0] == '"' ? type_by_oid(CHAROID) : type_by_name(cases[i].name);
		StrBuf		sb;

		strbuf_init(&sb);
		if (t != NULL)
			type_format(t->oid, cases[i].typmod, &sb);
		tap_ok(t != NULL && strcmp(sb.data, cases[i].expected) == 0, "format_type(%s, %d) = %s (got %s)",
			   cases[i].name, cases[i].typmod, cases[i].expected, sb.data);
		strbuf_free(&sb);
	}
}

int
main(void)
{
	TestCtx		t;

	types_init();
	test_ctx_init(&t);
	for (size_t i = 0; i < sizeof(scalar_cases) / sizeof(scalar_cases[0]); i++)
		test_io_case(&t, &scalar_cases[i]);
	test_regclass(&t);
	for (size_t i = 0; i < sizeof(more_cases) / sizeof(more_cases[0]); i++)
		test_io_case(&t, &more_cases[i]);
	for (size_t i = 0; i < sizeof(cast_cases) / sizeof(cast_cases[0]); i++)
		test_cast_case(&t, &cast_cases[i]);
	test_cast_contexts();
	test_key_order(&t);
	test_random_key_order(&t);
	test_records(&t);
	test_format();
	{
		Datum		d;

		mg_error_reset(&t.err);
		tap_ok(type_input(&t.ctx, ANYELEMENTOID, -1, "1", 1, &d) < 0 && strcmp(t.err.sqlstate, "0A000") == 0 &&
			   strcmp(t.err.message, "cannot accept a value of type anyelement") == 0,
			   "pseudo-types accept no values");
		mg_error_reset(&t.err);
	}
	test_ctx_free(&t);
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}
