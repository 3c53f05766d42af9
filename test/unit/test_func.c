/*
 * test_func.c — the function registry, overload resolution and the core
 * built-ins, called the way the analyzer and executor call them:
 * oper_resolve/func_resolve/agg_resolve on the argument types (unknown for
 * untyped literals), coercion of each argument to the resolved type, then
 * the FuncDef/AggDef callbacks.  Expected values come from PostgreSQL 15
 * (SELECT on the oracle server, result type from pg_typeof()).
 *
 * A case is "kind name arg..." where kind is op/fn; an argument is
 * "type:value", "unknown:value" for an untyped literal, or "type:" + NULL
 * spelled "type:\\N".  The expectation is "result type|output", "|NULL"
 * suffix for NULL, or "!SQLSTATE|message" for an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/arena.h>
#include <memgres/error.h>
#include <memgres/func.h>
#include <memgres/guc.h>
#include <memgres/strbuf.h>
#include <memgres/types.h>

#include "tap.h"

typedef struct Case {
	const char *kind;			/* "op" or "fn" */
	const char *name;
	const char *args[8];
	const char *expect;
} Case;

/* Aggregates: name, argument type ("" for count(*)), rows ("\\N" NULL), expectation. */
typedef struct AggCase {
	const char *name;
	const char *argtype;
	const char *rows[8];
	const char *expect;
} AggCase;


static const Case cases[] = {
	/* Overload resolution. */
	{"op", "+", {"unknown:1", "int4:1"}, "integer|2"},
	{"op", "||", {"unknown:a", "int4:1"}, "text|a1"},
	{"op", "||", {"int4:1", "unknown:a"}, "text|1a"},
	{"op", "||", {"bool:t", "unknown:x"}, "text|truex"},
	{"fn", "quote_literal", {"bool:t"}, "text|'true'"},
	{"fn", "concat", {"bool:t"}, "text|t"},
	{"op", "||", {"unknown:a", "unknown:b"}, "text|ab"},
	{"fn", "amb_test", {"unknown:1", "unknown:1"}, "!42725|function amb_test(unknown, unknown) is not unique"},
	{"fn", "amb_test", {"int4:1", "unknown:1"}, "integer|1"},
	{"fn", "position", {"unknown:abc", "unknown:c"}, "integer|3"},
	{"op", "+", {"int4:1", "text:a"}, "!42883|operator does not exist: integer + text"},
	{"op", "-", {"text:a"}, "!42883|operator does not exist: - text"},
	{"fn", "length", {"unknown:x"}, "integer|1"},
	{"fn", "length", {"varchar:abc"}, "integer|3"},
	{"fn", "length", {"bpchar:ab  "}, "integer|2"},
	{"fn", "foo", {"int4:1"}, "!42883|function foo(integer) does not exist"},
	{"fn", "length", {"int4:1"}, "!42883|function length(integer) does not exist"},
	{"fn", "round", {"float8:2.5"}, "double precision|2"},
	{"fn", "round", {"float8:-2.5"}, "double precision|-2"},
	{"op", "=", {"unknown:a", "unknown:a"}, "boolean|t"},
	{"op", "<", {"int2:1", "int8:2"}, "boolean|t"},
	{"op", "+", {"int2:1", "int2:2"}, "smallint|3"},
	{"op", "+", {"int2:1", "int8:2"}, "bigint|3"},
	{"op", "*", {"int4:2", "float8:1.5"}, "double precision|3"},
	{"op", "/", {"float4:1", "float8:4"}, "double precision|0.25"},
	{"op", "^", {"int4:2", "int4:10"}, "double precision|1024"},
	{"op", "=", {"name:abc", "unknown:abc"}, "boolean|t"},
	{"op", "=", {"name:abc", "text:abd"}, "boolean|f"},
	{"op", "=", {"varchar:abc", "text:abc"}, "boolean|t"},
	{"op", "=", {"bpchar:ab  ", "bpchar:ab"}, "boolean|t"},
	{"fn", "concat", {"unknown:a", "int4:\\N", "int4:1", "bool:t"}, "text|a1t"},
	{"fn", "concat_ws", {"unknown:,", "unknown:a", "int4:\\N", "int4:2"}, "text|a,2"},
	{"fn", "concat", {NULL}, "!42883|function concat() does not exist"},
	{"fn", "abs", {"int4:-3"}, "integer|3"},
	{"fn", "abs", {"unknown:-3"}, "double precision|3"},
	/* Integer arithmetic and errors. */
	{"op", "+", {"int4:2147483647", "int4:1"}, "!22003|integer out of range"},
	{"op", "*", {"int2:200", "int2:200"}, "!22003|smallint out of range"},
	{"op", "-", {"int8:-9223372036854775808", "int8:1"}, "!22003|bigint out of range"},
	{"op", "/", {"int4:1", "int4:0"}, "!22012|division by zero"},
	{"op", "/", {"int2:-32768", "int2:-1"}, "!22003|smallint out of range"},
	{"op", "/", {"int4:-7", "int4:2"}, "integer|-3"},
	{"op", "%", {"int4:-7", "int4:3"}, "integer|-1"},
	{"op", "%", {"int4:-2147483648", "int4:-1"}, "integer|0"},
	{"op", "-", {"int4:-2147483648"}, "!22003|integer out of range"},
	{"op", "+", {"int4:2147483647", "int8:1"}, "bigint|2147483648"},
	{"op", "&", {"int4:12", "int4:10"}, "integer|8"},
	{"op", "<<", {"int4:1", "int4:4"}, "integer|16"},
	{"fn", "mod", {"int4:7", "int4:3"}, "integer|1"},
	{"fn", "gcd", {"int4:12", "int4:-18"}, "integer|6"},
	{"fn", "gcd", {"int4:-2147483648", "int4:0"}, "!22003|integer out of range"},
	{"fn", "lcm", {"int4:4", "int4:6"}, "integer|12"},
	{"op", "<>", {"bool:t", "bool:f"}, "boolean|t"},
	{"op", "<", {"oid:1", "oid:4294967295"}, "boolean|t"},
	/* Floats. */
	{"op", "*", {"float8:1e308", "float8:10"}, "!22003|value out of range: overflow"},
	{"op", "*", {"float8:1e-308", "float8:1e-308"}, "!22003|value out of range: underflow"},
	{"op", "/", {"float8:1", "float8:0"}, "!22012|division by zero"},
	{"op", "=", {"float8:NaN", "float8:NaN"}, "boolean|t"},
	{"op", ">", {"float8:NaN", "float8:Infinity"}, "boolean|t"},
	{"op", "+", {"float8:Infinity", "float8:-Infinity"}, "double precision|NaN"},
	{"fn", "sqrt", {"float8:-1"}, "!2201F|cannot take square root of a negative number"},
	{"fn", "ln", {"float8:0"}, "!2201E|cannot take logarithm of zero"},
	{"fn", "ln", {"float8:-1"}, "!2201E|cannot take logarithm of a negative number"},
	{"fn", "power", {"float8:0", "float8:-1"}, "!2201F|zero raised to a negative power is undefined"},
	{"fn", "power", {"float8:-2", "float8:0.5"}, "!2201F|a negative number raised to a non-integer power yields a complex result"},
	{"fn", "exp", {"float8:1000"}, "!22003|value out of range: overflow"},
	{"fn", "asin", {"float8:2"}, "!22003|input is out of range"},
	{"fn", "cbrt", {"float8:27"}, "double precision|3.0000000000000004"},
	{"fn", "log", {"float8:100"}, "double precision|2"},
	{"fn", "trunc", {"float8:-2.7"}, "double precision|-2"},
	{"fn", "ceil", {"float8:-2.5"}, "double precision|-2"},
	{"fn", "floor", {"float8:-2.5"}, "double precision|-3"},
	{"fn", "sign", {"float8:-3"}, "double precision|-1"},
	{"fn", "pi", {NULL}, "double precision|3.141592653589793"},
	{"fn", "degrees", {"float8:1"}, "double precision|57.29577951308232"},
	{"fn", "atan2", {"float8:1", "float8:1"}, "double precision|0.7853981633974483"},
	{"fn", "setseed", {"float8:2"}, "!22023|setseed parameter 2 is out of allowed range [-1,1]"},
	{"fn", "width_bucket", {"float8:5.35", "float8:0.024", "float8:10.06", "int4:5"}, "integer|3"},
	{"fn", "width_bucket", {"float8:0", "float8:1", "float8:1", "int4:5"}, "!2201G|lower bound cannot equal upper bound"},
	/* Strings. */
	{"fn", "length", {"text:héllo"}, "integer|5"},
	{"fn", "octet_length", {"text:héllo"}, "integer|6"},
	{"fn", "bit_length", {"text:héllo"}, "integer|48"},
	{"fn", "octet_length", {"bpchar:ab  "}, "integer|4"},
	{"fn", "reverse", {"text:héllo"}, "text|olléh"},
	{"fn", "lower", {"text:ÉA"}, "text|éa"},
	{"fn", "upper", {"text:éa"}, "text|ÉA"},
	{"fn", "initcap", {"text:hello wORLD-foo bar_baz 3am"}, "text|Hello World-Foo Bar_Baz 3am"},
	{"fn", "substr", {"text:hello", "int4:-2", "int4:5"}, "text|he"},
	{"fn", "substr", {"text:hello", "int4:0"}, "text|hello"},
	{"fn", "substr", {"text:hello", "int4:2", "int4:-1"}, "!22011|negative substring length not allowed"},
	{"fn", "substring", {"text:hello", "int4:2", "int4:2"}, "text|el"},
	{"fn", "substr", {"text:héllo", "int4:2", "int4:2"}, "text|él"},
	{"fn", "left", {"text:hello", "int4:-2"}, "text|hel"},
	{"fn", "right", {"text:hello", "int4:-2"}, "text|llo"},
	{"fn", "right", {"text:hello", "int4:2"}, "text|lo"},
	{"fn", "lpad", {"text:hi", "int4:5", "text:xy"}, "text|xyxhi"},
	{"fn", "rpad", {"text:hi", "int4:1"}, "text|h"},
	{"fn", "lpad", {"text:hi", "int4:5", "text:"}, "text|hi"},
	{"fn", "rpad", {"text:hi", "int4:4"}, "text|hi  "},
	{"fn", "repeat", {"text:ab", "int4:3"}, "text|ababab"},
	{"fn", "repeat", {"text:ab", "int4:-1"}, "text|"},
	{"fn", "strpos", {"text:hello", "text:ll"}, "integer|3"},
	{"fn", "position", {"text:abc", "text:"}, "integer|1"},
	{"fn", "btrim", {"text:xxhixx", "text:x"}, "text|hi"},
	{"fn", "ltrim", {"text:  hi "}, "text|hi "},
	{"fn", "rtrim", {"text: hi  "}, "text| hi"},
	{"fn", "replace", {"text:aaa", "text:a", "text:bb"}, "text|bbbbbb"},
	{"fn", "split_part", {"text:a,b,c", "text:,", "int4:2"}, "text|b"},
	{"fn", "split_part", {"text:a,b,c", "text:,", "int4:-1"}, "text|c"},
	{"fn", "split_part", {"text:a,b,c", "text:,", "int4:4"}, "text|"},
	{"fn", "split_part", {"text:a,b", "text:,", "int4:0"}, "!22023|field position must not be zero"},
	{"fn", "translate", {"text:12345", "text:143", "text:ax"}, "text|a2x5"},
	{"fn", "ascii", {"text:é"}, "integer|233"},
	{"fn", "chr", {"int4:233"}, "text|é"},
	{"fn", "chr", {"int4:0"}, "!54000|null character not permitted"},
	{"fn", "chr", {"int4:-1"}, "!22023|character number must be positive"},
	{"fn", "starts_with", {"text:hello", "text:he"}, "boolean|t"},
	{"fn", "quote_ident", {"text:Foo"}, "text|\"Foo\""},
	{"fn", "quote_ident", {"text:foo"}, "text|foo"},
	{"fn", "quote_ident", {"text:select"}, "text|\"select\""},
	{"fn", "quote_ident", {"text:a\"b"}, "text|\"a\"\"b\""},
	{"fn", "quote_literal", {"text:it's"}, "text|'it''s'"},
	{"fn", "quote_literal", {"text:a\\b"}, "text|E'a\\\\b'"},
	{"fn", "quote_literal", {"int4:42"}, "text|'42'"},
	{"fn", "quote_nullable", {"text:\\N"}, "text|NULL"},
	{"fn", "md5", {"text:abc"}, "text|900150983cd24fb0d6963f7d28e17f72"},
	{"fn", "to_hex", {"int4:-1"}, "text|ffffffff"},
	{"fn", "to_hex", {"int8:255"}, "text|ff"},
	{"fn", "encode", {"bytea:\\x00ff5c", "text:escape"}, "text|\\000\\377\\\\"},
	{"fn", "encode", {"bytea:abc", "text:base64"}, "text|YWJj"},
	{"fn", "encode", {"bytea:abc", "text:hex"}, "text|616263"},
	{"fn", "decode", {"text:YWJj", "text:base64"}, "bytea|\\x616263"},
	{"fn", "decode", {"text:zz", "text:hex"}, "!22023|invalid hexadecimal digit: \"z\""},
	{"fn", "decode", {"text:abc", "text:hex"}, "!22023|invalid hexadecimal data: odd number of digits"},
	{"fn", "decode", {"text:a$b=", "text:base64"}, "!22023|invalid symbol \"$\" found while decoding base64 sequence"},
	{"fn", "decode", {"text:abc", "text:base64"}, "!22023|invalid base64 end sequence"},
	{"fn", "encode", {"bytea:a", "text:foo"}, "!22023|unrecognized encoding: \"foo\""},
	{"op", "||", {"bytea:\\x01", "bytea:\\x02"}, "bytea|\\x0102"},
	{"op", "||", {"bpchar:a  ", "unknown:b"}, "text|ab"},
	{"fn", "length", {"bytea:\\x0102"}, "integer|2"},
	{"fn", "overlay", {"text:Txxxxas", "text:hom", "int4:2", "int4:4"}, "text|Thomas"},
	{"fn", "overlay", {"text:Txxxxas", "text:hom", "int4:2"}, "text|Thomxas"},
	{"fn", "sha256", {"bytea:abc"}, "bytea|\\xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
	{"fn", "num_nulls", {"int4:1", "text:\\N", "unknown:\\N"}, "integer|2"},
	{"fn", "num_nonnulls", {"int4:1", "text:\\N"}, "integer|1"},
	{"fn", "pg_typeof", {"unknown:x"}, "regtype|unknown"},
	{"fn", "pg_typeof", {"int8:1"}, "regtype|bigint"},
	{"op", "=", {"char:r", "unknown:r"}, "boolean|t"},
	{"op", "<", {"char:a", "char:b"}, "boolean|t"},
	{"fn", "convert_from", {"bytea:\\x68c3a9", "unknown:UTF8"}, "text|hé"},
	{"fn", "convert_from", {"bytea:\\xe9", "unknown:LATIN1"}, "text|é"},
	{"fn", "convert_to", {"text:hé", "unknown:utf-8"}, "bytea|\\x68c3a9"},
	{"fn", "convert_from", {"bytea:\\xff", "unknown:UTF8"}, "!22021|invalid byte sequence for encoding \"UTF8\": 0xff"},
	{"fn", "convert_from", {"bytea:\\x41", "unknown:foo"}, "!22023|invalid source encoding name \"foo\""},
	{"fn", "get_byte", {"bytea:\\x0102", "int4:1"}, "integer|2"},
	{"fn", "get_byte", {"bytea:\\x0102", "int4:2"}, "!2202E|index 2 out of valid range, 0..1"},
	{"fn", "set_byte", {"bytea:\\x0102", "int4:0", "int4:255"}, "bytea|\\xff02"},
	{"fn", "sinh", {"float8:1"}, "double precision|1.1752011936438014"},
	{"fn", "acosh", {"float8:2"}, "double precision|1.3169578969248166"},
	{"fn", "atanh", {"float8:2"}, "!22003|input is out of range"},
	{"fn", "format_type", {"oid:1043", "int4:24"}, "text|character varying(20)"},
	{"fn", "format_type", {"oid:23", "int4:\\N"}, "text|integer"},
	{"fn", "format_type", {"oid:1", "int4:\\N"}, "text|???"},
	{"fn", "format_type", {"oid:\\N", "int4:1"}, "text|NULL"},
	{"fn", "pg_size_pretty", {"int8:0"}, "text|0 bytes"},
	{"fn", "pg_encoding_to_char", {"int4:6"}, "name|UTF8"},
	{"fn", "pg_encoding_to_char", {"int4:-1"}, "name|"},
	{"fn", "pg_char_to_encoding", {"unknown:UTF-8"}, "integer|6"},
	{"fn", "pg_char_to_encoding", {"unknown:latin1"}, "integer|8"},
	{"fn", "pg_char_to_encoding", {"unknown:bogus"}, "integer|-1"},
	{"fn", "pg_size_pretty", {"int8:10239"}, "text|10239 bytes"},
	{"fn", "pg_size_pretty", {"int8:10240"}, "text|10 kB"},
	{"fn", "pg_size_pretty", {"int8:1048575"}, "text|1024 kB"},
	{"fn", "pg_size_pretty", {"int8:10485760"}, "text|10 MB"},
	{"fn", "pg_size_pretty", {"int8:-20000"}, "text|-20 kB"},
	{"fn", "pg_size_pretty", {"int8:9223372036854775807"}, "text|8192 PB"},
	{"fn", "pg_size_pretty", {"numeric:123456789012"}, "text|115 GB"},
	/* Arrays. */
	{"fn", "array_upper", {"_int4:[0:2]={1,2,3}", "int4:1"}, "integer|2"},
	{"fn", "array_dims", {"_int4:[0:2]={1,2,3}"}, "text|[0:2]"},
	{"fn", "array_length", {"_int4:{}", "int4:1"}, "integer|NULL"},
	{"fn", "array_length", {"_int4:{1,2,3}", "int4:1"}, "integer|3"},
	{"fn", "array_length", {"_int4:{1,2,3}", "int4:2"}, "integer|NULL"},
	{"fn", "cardinality", {"_int4:{1,2,3}"}, "integer|3"},
	{"fn", "array_to_string", {"_int4:{1,NULL,3}", "text:,"}, "text|1,3"},
	{"fn", "array_to_string", {"_int4:{1,NULL,3}", "text:,", "text:*"}, "text|1,*,3"},
	{"fn", "string_to_array", {"text:a,b,,c", "text:,"}, "text[]|{a,b,\"\",c}"},
	{"fn", "string_to_array", {"text:abc", "text:\\N"}, "text[]|{a,b,c}"},
	{"fn", "string_to_array", {"text:a,b", "text:,", "text:b"}, "text[]|{a,NULL}"},
	{"fn", "string_to_array", {"text:", "text:,"}, "text[]|{}"},
	{"fn", "string_to_array", {"text:abc", "text:"}, "text[]|{abc}"},
	{"op", "||", {"_int4:{1,2}", "int4:3"}, "integer[]|{1,2,3}"},
	{"op", "||", {"int4:0", "_int4:{1}"}, "integer[]|{0,1}"},
	{"op", "||", {"_int4:{1}", "_int4:{2}"}, "integer[]|{1,2}"},
	{"op", "=", {"_int4:{1,2}", "_int4:{1,2}"}, "boolean|t"},
	{"op", "<", {"_int4:{1,2}", "_int4:{1,3}"}, "boolean|t"},
	{"fn", "array_position", {"_text:{a,b,c}", "unknown:b"}, "integer|2"},
	{"fn", "array_remove", {"_int4:{1,2,1}", "int4:1"}, "integer[]|{2}"},
	{"op", "@>", {"_int4:{1,2,3}", "_int4:{2,1}"}, "boolean|t"},
	{"op", "<@", {"_int4:{1,2}", "_int4:{1,2,3}"}, "boolean|t"},
	{"op", "&&", {"_int4:{1,2}", "_int4:{2,5}"}, "boolean|t"},
	{"op", "@>", {"_int4:{1,NULL}", "_int4:{NULL}"}, "boolean|f"},
	{"op", "@>", {"_int4:{1,2}", "_int4:{}"}, "boolean|t"},
	{"op", "&&", {"_int4:{1,NULL}", "_int4:{NULL,3}"}, "boolean|f"},
	{"fn", "array_positions", {"_int4:{1,2,1,NULL}", "int4:1"}, "integer[]|{1,3}"},
	{"fn", "array_positions", {"_int4:{1,NULL}", "int4:\\N"}, "integer[]|{2}"},
	{"fn", "array_replace", {"_int4:{1,2,1}", "int4:1", "int4:9"}, "integer[]|{9,2,9}"},
	{"fn", "array_replace", {"_int4:{1,NULL}", "int4:\\N", "int4:0"}, "integer[]|{1,0}"},
	{"fn", "regexp_match", {"text:foobarbequebaz", "text:(bar)(beque)"}, "text[]|{bar,beque}"},
	{"fn", "regexp_match", {"text:abc", "text:x"}, "text[]|NULL"},
	{"fn", "regexp_match", {"text:abc", "text:b"}, "text[]|{b}"},
	{"fn", "regexp_split_to_array", {"text:hello world", "text:\\s+"}, "text[]|{hello,world}"},
	{"fn", "regexp_split_to_array", {"text:hello", "text:"}, "text[]|{h,e,l,l,o}"},
	{"fn", "regexp_split_to_array", {"text:,a,", "text:,"}, "text[]|{\"\",a,\"\"}"},
	{"fn", "regexp_split_to_array", {"text:abc", "text:x*"}, "text[]|{a,b,c}"},
	/* format() */
	{"fn", "format", {"text:|%10s|%-10s|%*s|%2$s|%1$L|%%", "unknown:a", "unknown:b", "int4:3", "unknown:c"}, "text||         a|b         |  c|b|'a'|%"},
	{"fn", "format", {"text:%s, %I, %L", "text:x y", "text:Foo", "text:\\N"}, "text|x y, \"Foo\", NULL"},
	{"fn", "format", {"text:%s", "text:\\N"}, "text|"},
	{"fn", "format", {"text:%d", "int4:1"}, "!22023|unrecognized format() type specifier \"d\""},
	{"fn", "format", {"text:%s %s", "int4:1"}, "!22023|too few arguments for format()"},
	{"fn", "format", {"text:%I", "text:\\N"}, "!22004|null values cannot be formatted as an SQL identifier"},
	{"fn", "format", {"text:%"}, "!22023|unterminated format() type specifier"},
	{"fn", "format", {"text:%0$s", "int4:1"}, "!22023|format specifies argument 0, but arguments are numbered from 1"},
	{"fn", "format", {"text:%-*s|", "int4:-4", "text:ab"}, "text|ab  |"},
	{"fn", "format", {"text:\\N"}, "text|NULL"},
	/* Pattern matching. */
	{"op", "~~", {"text:hello", "unknown:h%o"}, "boolean|t"},
	{"op", "~~", {"text:héllo", "unknown:h_llo"}, "boolean|t"},
	{"op", "~~", {"text:hello", "unknown:h_o"}, "boolean|f"},
	{"op", "!~~", {"text:hello", "unknown:%x%"}, "boolean|t"},
	{"op", "~~", {"text:a%b", "unknown:a\\%b"}, "boolean|t"},
	{"op", "~~", {"text:axb", "unknown:a\\%b"}, "boolean|f"},
	{"op", "~~", {"text:abc", "unknown:a\\"}, "!22025|LIKE pattern must not end with escape character"},
	{"op", "~~*", {"text:HÉLLO", "unknown:hé%"}, "boolean|t"},
	{"op", "~~", {"bpchar:ab  ", "unknown:ab"}, "boolean|t"},
	{"op", "~~", {"name:pg_class", "unknown:pg\\_%"}, "boolean|t"},
	{"op", "~~", {"bytea:\\xe9", "bytea:_"}, "boolean|t"},
	{"op", "~~", {"text:é", "unknown:_"}, "boolean|t"},
	{"fn", "like_escape", {"text:a#%b", "text:#"}, "text|a\\%b"},
	{"fn", "like_escape", {"text:a\\b", "text:"}, "text|a\\\\b"},
	{"fn", "like_escape", {"text:a", "text:xy"}, "!22025|invalid escape string"},
	{"fn", "similar_to_escape", {"text:a%b_(c|d).$^[^a-c]x"}, "text|^(?:a.*b.(?:c|d)\\.\\$\\^[^a-c]x)$"},
	{"fn", "similar_to_escape", {"text:a#\"b#\"c", "text:#"}, "text|^(?:a){1,1}?(b){1,1}(?:c)$"},
	{"op", "~", {"text:abc", "unknown:^a.c$"}, "boolean|t"},
	{"op", "~", {"text:a\nb", "unknown:a.b"}, "boolean|t"},
	{"op", "~", {"text:a\nb", "unknown:^b"}, "boolean|f"},
	{"op", "~", {"text:ab\n", "unknown:b$"}, "boolean|f"},
	{"op", "~*", {"text:ABC", "unknown:abc"}, "boolean|t"},
	{"op", "!~", {"text:ABC", "unknown:abc"}, "boolean|t"},
	{"op", "~", {"text:abc", "unknown:("}, "!2201B|invalid regular expression: parentheses () not balanced"},
	{"op", "~", {"text:a", "unknown:[a"}, "!2201B|invalid regular expression: brackets [] not balanced"},
	{"op", "~", {"text:a", "unknown:*"}, "!2201B|invalid regular expression: quantifier operand invalid"},
	{"op", "~", {"text:a", "unknown:a\\"}, "!2201B|invalid regular expression: invalid escape \\ sequence"},
	{"op", "~", {"text:a", "unknown:a{2,1}"}, "!2201B|invalid regular expression: invalid repetition count(s)"},
	{"op", "~", {"text:foo bar", "unknown:\\mbar"}, "boolean|t"},
	{"fn", "regexp_replace", {"text:Hello World", "text:o", "text:0", "text:g"}, "text|Hell0 W0rld"},
	{"fn", "regexp_replace", {"text:Hello World", "text:o", "text:0"}, "text|Hell0 World"},
	{"fn", "regexp_replace", {"text:abc", "text:B", "text:x", "text:i"}, "text|axc"},
	{"fn", "regexp_replace", {"text:abc", "text:(b)", "text:[\\1]"}, "text|a[b]c"},
	{"fn", "regexp_replace", {"text:a.c", "text:.", "text:x", "text:gq"}, "text|axc"},
	{"fn", "regexp_replace", {"text:a\nb", "text:^b", "text:x", "text:n"}, "text|a\nx"},
	{"fn", "regexp_replace", {"text:abc", "text:b", "text:\\&\\&"}, "text|abbc"},
	{"fn", "regexp_replace", {"text:abc", "text:b", "text:x", "text:z"}, "!22023|invalid regular expression option: \"z\""},
	{"fn", "regexp_replace", {"text:aaa", "text:a", "text:b", "int4:1", "int4:2"}, "text|aba"},
	{"fn", "regexp_replace", {"text:abc", "text:", "text:-", "text:g"}, "text|-a-b-c-"},
	{"fn", "substring", {"text:foobar", "text:o(.)b"}, "text|o"},
	{"fn", "substring", {"text:foobar", "text:o.b"}, "text|oob"},
	{"fn", "substring", {"text:abc", "text:x"}, "text|NULL"},
	{"fn", "substring", {"text:foobar", "text:%#\"o_b#\"%", "text:#"}, "text|oob"},
	{"fn", "regexp_count", {"text:abcabc", "text:b"}, "integer|2"},
	{"fn", "regexp_instr", {"text:number of your street, town zip, FR", "text:[^,]+", "int4:1", "int4:2"}, "integer|23"},
	{"fn", "regexp_instr", {"text:ABCDEFGHI", "text:(c..)(...)", "int4:1", "int4:1", "int4:0", "text:i", "int4:2"}, "integer|6"},
	{"fn", "regexp_instr", {"text:abcabc", "text:b", "int4:1", "int4:2", "int4:1"}, "integer|6"},
	{"fn", "regexp_substr", {"text:number of your street, town zip, FR", "text:[^,]+", "int4:1", "int4:2"}, "text| town zip"},
	{"fn", "regexp_substr", {"text:ABCDEFGHI", "text:(c..)(...)", "int4:1", "int4:1", "text:i", "int4:2"}, "text|FGH"},
	{"fn", "regexp_substr", {"text:abc", "text:x"}, "text|NULL"},
	{"fn", "regexp_instr", {"text:abc", "text:b", "int4:0"}, "!22023|invalid value for parameter \"start\": 0"},
	{"fn", "regexp_substr", {"text:abc", "text:b", "int4:1", "int4:0"}, "!22023|invalid value for parameter \"n\": 0"},
	{"fn", "regexp_like", {"text:Abc", "text:^a", "text:i"}, "boolean|t"},
};

/* Cases that need numeric (registered by the types module). */
static const Case numeric_cases[] = {
	{"op", "+", {"int4:1", "numeric:1.5"}, "numeric|2.5"},
	{"op", "+", {"int4:1", "unknown:1.5"}, "!22P02|invalid input syntax for type integer: \"1.5\""},
	{"fn", "round", {"unknown:2.5"}, "double precision|2"},
	{"fn", "round", {"numeric:2.5"}, "numeric|3"},
	{"fn", "factorial", {"int4:20"}, "numeric|2432902008176640000"},
	{"fn", "factorial", {"int4:-1"}, "!22003|factorial of a negative number is undefined"},
	{"fn", "to_char", {"numeric:123.456", "text:999.99"}, "text| 123.46"},
	{"fn", "to_char", {"numeric:-123.456", "text:999.99"}, "text|-123.46"},
	{"fn", "to_char", {"int4:1234", "text:9,999"}, "text| 1,234"},
	{"fn", "to_char", {"int4:12", "text:0000"}, "text| 0012"},
	{"fn", "to_char", {"int4:12345", "text:999"}, "text| ###"},
	{"fn", "to_char", {"numeric:1.5", "text:FM999.99"}, "text|1.5"},
	{"fn", "to_char", {"numeric:0.5", "text:9.99"}, "text|  .50"},
	{"fn", "to_char", {"numeric:0.5", "text:0.99"}, "text| 0.50"},
	{"fn", "to_char", {"int4:5", "text:9.99"}, "text| 5.00"},
	{"fn", "to_char", {"int4:-5", "text:FM9.00"}, "text|-5.00"},
	{"fn", "to_char", {"int4:12", "text:S999"}, "text| +12"},
	{"fn", "to_char", {"int4:-12", "text:S999"}, "text| -12"},
	{"fn", "to_char", {"int4:-12", "text:999MI"}, "text| 12-"},
	{"fn", "to_char", {"int4:12", "text:999MI"}, "text| 12 "},
	{"fn", "to_char", {"int4:-12", "text:999PR"}, "text| <12>"},
	{"fn", "to_char", {"int4:12", "text:999PR"}, "text|  12 "},
	{"fn", "to_char", {"numeric:1234567.891", "text:9,999,999.99"}, "text| 1,234,567.89"},
	{"fn", "to_char", {"int4:12", "text:9,999"}, "text|    12"},
	{"fn", "to_char", {"int4:12", "text:FM9,999"}, "text|12"},
	{"fn", "to_char", {"int4:123", "text:99999D99"}, "text|   123.00"},
	{"fn", "to_char", {"int4:1234", "text:9G999"}, "text| 1,234"},
	{"fn", "to_char", {"numeric:12345.678", "text:9.99EEEE"}, "text| 1.23e+04"},
	{"fn", "to_char", {"numeric:0.00012", "text:9.9EEEE"}, "text| 1.2e-04"},
	{"fn", "to_char", {"int4:12", "text:999"}, "text|  12"},
	{"fn", "to_char", {"float8:12.5", "text:999"}, "text|  12"},
	{"fn", "to_char", {"numeric:-0.1", "text:99.9"}, "text|  -.1"},
	{"fn", "to_char", {"int4:100", "text:FM999"}, "text|100"},
	{"fn", "to_char", {"int4:0", "text:999"}, "text|   0"},
	{"fn", "to_char", {"int4:0", "text:FM999"}, "text|0"},
	{"fn", "to_char", {"int4:0", "text:9.99"}, "text|  .00"},
	{"fn", "to_char", {"int4:0", "text:FM9.99"}, "text|0."},
	{"fn", "to_char", {"int4:5", "text:FM0.99"}, "text|5."},
	{"fn", "to_char", {"int4:42", "text:\"No:\" 999"}, "text|No:   42"},
	{"fn", "to_char", {"int4:-42", "text:FMS999"}, "text|-42"},
	{"fn", "to_char", {"int4:3", "text:0099"}, "text| 0003"},
	{"fn", "to_char", {"int4:12", "text:9990999"}, "text|    0012"},
	{"fn", "to_char", {"numeric:0.5", "text:FM9.99"}, "text|.5"},
	{"fn", "to_char", {"numeric:0.5", "text:FM0.99"}, "text|0.5"},
	{"fn", "to_char", {"int4:10", "text:FM9.99"}, "text|#.##"},
	{"fn", "to_char", {"numeric:-0.5", "text:FM9.99"}, "text|-.5"},
	{"fn", "to_char", {"numeric:1.5", "text:L9.9"}, "text|  1.5"},
	{"fn", "to_char", {"int4:12", "text:999S"}, "text| 12+"},
	{"fn", "to_char", {"int4:12", "text:SG999"}, "text|+ 12"},
	{"fn", "to_char", {"int4:12", "text:PL999"}, "text|+  12"},
	{"fn", "to_char", {"float8:-1234.5", "text:999,999.00"}, "text|  -1,234.50"},
	{"fn", "to_char", {"float4:1234.5", "text:9999.9"}, "text| 1234.5"},
	{"fn", "to_char", {"int2:-3", "text:99"}, "text| -3"},
	{"fn", "to_char", {"float4:1.5", "text:9.9"}, "text| 1.5"},
	{"fn", "to_char", {"int8:123456789012", "text:999,999,999,999"}, "text| 123,456,789,012"},
	{"fn", "to_char", {"numeric:2.5", "text:9"}, "text| 3"},
	{"fn", "to_char", {"numeric:-2.5", "text:9"}, "text|-3"},
	{"fn", "to_char", {"float8:1e20", "text:9999"}, "text| ####"},
	{"fn", "to_number", {"text:1.5", "text:9.99"}, "numeric|1.5"},
	{"fn", "to_char", {"int4:-12", "text:000"}, "text|-012"},
	{"fn", "to_char", {"numeric:1234.5", "text:9999.99"}, "text| 1234.50"},
	{"fn", "to_char", {"int4:1234567", "text:9,999,999"}, "text| 1,234,567"},
	{"fn", "to_char", {"numeric:-0.001", "text:9.99"}, "text|  .00"},
	{"fn", "to_char", {"numeric:999.999", "text:999.99"}, "text| ###.##"},
	{"fn", "to_char", {"int4:-1234", "text:FM9,999"}, "text|-1,234"},
	{"fn", "to_char", {"int4:5", "text:9th"}, "text| 5th"},
	{"fn", "to_char", {"float8:-0", "text:9.9"}, "text| -.0"},
	{"fn", "to_char", {"numeric:0.5", "text:.99"}, "text| .##"},
	{"fn", "to_char", {"float4:1234.5678", "text:9999.9999"}, "text| 1234.57"},
	{"fn", "to_char", {"float8:123456789.123456789", "text:999999999.999999999"}, "text| 123456789.123457"},
	{"fn", "to_char", {"float4:1e6", "text:L999.99"}, "text|  ###."},
	{"fn", "to_char", {"float4:-98765.4321", "text:9.99EEEE"}, "text|-9.88e+04"},
	{"fn", "to_char", {"int4:9999", "text:9."}, "text| #."},
	{"fn", "to_char", {"int4:1", "text:9D"}, "text| 1"},
	{"fn", "to_char", {"numeric:1.5", "text:9.9,9"}, "text| 1.5,0"},
	{"fn", "to_char", {"numeric:1.5", "text:FM9.9,9"}, "text|1.5,"},
	{"fn", "to_char", {"int4:-12", "text:99th"}, "text|-12"},
	{"fn", "to_char", {"int4:-12345", "text:9,999.9"}, "text|-#,###.#"},
	{"fn", "to_char", {"int4:1", "text:PR9"}, "!42601|\"9\" must be ahead of \"PR\""},
	{"fn", "to_char", {"int4:1", "text:S9MI"}, "!42601|cannot use \"S\" and \"MI\" together"},
	{"fn", "to_char", {"int4:1", "text:MI9S"}, "!42601|cannot use \"S\" and \"PL\"/\"MI\"/\"SG\"/\"PR\" together"},
	{"fn", "to_char", {"int4:12", "text:99TH"}, "text| 12TH"},
	{"fn", "to_char", {"int4:22", "text:FM99th"}, "text|22nd"},
	{"fn", "to_char", {"int4:1994", "text:RN"}, "text|        MCMXCIV"},
	{"fn", "to_char", {"int4:4", "text:FMrn"}, "text|iv"},
	{"fn", "to_char", {"int4:0", "text:RN"}, "text|###############"},
	{"fn", "to_char", {"numeric:2.5", "text:RN"}, "text|            III"},
	{"fn", "to_char", {"int4:12", "text:99RN"}, "text|            XII"},
	{"fn", "to_char", {"numeric:12.4", "text:99V9"}, "text| 124"},
	{"fn", "to_char", {"numeric:12.45", "text:99V99"}, "text| 1245"},
	{"fn", "to_char", {"float8:-12.456", "text:99V99"}, "text|-1246"},
	{"fn", "to_char", {"int4:12", "text:99V999"}, "text| 12000"},
	{"fn", "to_char", {"numeric:123.45", "text:99V9"}, "text| ###"},
	{"fn", "to_char", {"numeric:12.45", "text:FM99V9"}, "text|125"},
	{"fn", "to_char", {"numeric:1.5", "text:9.9V9"}, "!42601|cannot use \"V\" and decimal point together"},
	{"fn", "convert_to", {"text:€", "unknown:LATIN1"}, "!22P05|character with byte sequence 0xe2 0x82 0xac in encoding \"UTF8\" has no equivalent in encoding \"LATIN1\""},
	{"fn", "to_number", {"text:1,234.5", "text:9,999.9"}, "numeric|1234.5"},
	{"fn", "to_number", {"text: 1 234 ", "text:9 999"}, "numeric|1234"},
	{"fn", "to_number", {"text:  123", "text:999"}, "numeric|12"},
	{"fn", "to_number", {"text:123", "text:99"}, "numeric|12"},
	{"fn", "to_number", {"text:12", "text:9999"}, "numeric|12"},
	{"fn", "to_number", {"text:1.567", "text:9.9"}, "numeric|1.5"},
	{"fn", "to_number", {"text:-1,234", "text:9,999"}, "numeric|-1234"},
	{"fn", "to_number", {"text:<12>", "text:99PR"}, "numeric|-12"},
	{"fn", "to_number", {"text:12,454.8-", "text:99G999D9S"}, "numeric|-12454.8"},
	{"fn", "to_number", {"text:$1,234.56", "text:L9G999D99"}, "numeric|1234.56"},
	{"fn", "to_number", {"text:-12.5", "text:99.9"}, "numeric|-12.5"},
	{"fn", "to_number", {"text:1,2,3", "text:9,9,9"}, "numeric|123"},
};

static const AggCase numeric_agg_cases[] = {
	{"avg", "int4", {"1", "2", "4"}, "numeric|2.3333333333333333"},
	{"avg", "int8", {"1", "2"}, "numeric|1.5000000000000000"},
	{"sum", "int8", {"9223372036854775807", "1"}, "numeric|9223372036854775808"},
	{"sum", "numeric", {"1.00", "2", "4"}, "numeric|7.00"},
	{"avg", "numeric", {"\\N"}, "numeric|NULL"},
	{"max", "numeric", {"1.5", "10", "2"}, "numeric|10"},
	{"stddev", "int4", {"1", "2", "3", "4"}, "numeric|1.2909944487358056"},
	{"var_samp", "int4", {"1", "2", "3", "4"}, "numeric|1.6666666666666667"},
	{"var_pop", "int4", {"1", "2", "3", "4"}, "numeric|1.2500000000000000"},
	{"stddev_pop", "int2", {"1", "2", "3", "4"}, "numeric|1.1180339887498948"},
	{"stddev", "int8", {"1", "2", "3", "4"}, "numeric|1.2909944487358056"},
	{"stddev", "int4", {"5", "5"}, "numeric|0"},
	{"var_samp", "int4", {"5"}, "numeric|NULL"},
	{"var_pop", "int4", {"5"}, "numeric|0"},
	{"stddev", "numeric", {"1.5", "2.5", "\\N", "10"}, "numeric|4.6457866215887846"},
	{"variance", "numeric", {"1.5", "2.5", "10"}, "numeric|21.5833333333333333"},
	{"var_pop", "numeric", {"1.5", "2.5", "10"}, "numeric|14.3888888888888889"},
	{"stddev_pop", "numeric", {"1.5", "2.5", "10"}, "numeric|3.7932688922470140"},
	{"var_pop", "numeric", {"1.5"}, "numeric|0"},
	{"stddev", "numeric", {"1", "NaN"}, "numeric|NaN"},
};

static const AggCase agg_cases[] = {
	{"count", "", {"1", "\\N", "3"}, "bigint|3"},
	{"count", "int4", {"1", "\\N", "3"}, "bigint|2"},
	{"count", "int4", {NULL}, "bigint|0"},
	{"sum", "int4", {"2147483647", "1", "\\N"}, "bigint|2147483648"},
	{"sum", "int2", {"1", "2"}, "bigint|3"},
	{"sum", "int4", {NULL}, "bigint|NULL"},
	{"sum", "float8", {"0.1", "0.2"}, "double precision|0.30000000000000004"},
	{"sum", "float4", {"1.5", "2"}, "real|3.5"},
	{"sum", "float8", {"1e308", "1e308"}, "!22003|value out of range: overflow"},
	{"avg", "float8", {"1", "2", "\\N", "4"}, "double precision|2.3333333333333335"},
	{"max", "int4", {"1", "\\N", "3", "2"}, "integer|3"},
	{"min", "text", {"b", "a", "c"}, "text|a"},
	{"max", "text", {"b", "ab", "abc", "c", "bb"}, "text|c"},
	{"max", "varchar", {"b", "c"}, "text|c"},
	{"min", "float8", {"NaN", "1"}, "double precision|1"},
	{"max", "float8", {"NaN", "1"}, "double precision|NaN"},
	{"max", "bool", {"t"}, "!42883|function max(boolean) does not exist"},
	{"bool_and", "bool", {"t", "\\N", "f"}, "boolean|f"},
	{"bool_or", "bool", {"f", "\\N", "t"}, "boolean|t"},
	{"every", "bool", {"t", "t"}, "boolean|t"},
	{"stddev", "float8", {"1", "2", "3", "4"}, "double precision|1.2909944487358056"},
	{"var_pop", "float8", {"1", "2", "3", "4"}, "double precision|1.25"},
	{"variance", "float8", {"1"}, "double precision|NULL"},
	{"bit_and", "int4", {"12", "\\N", "10"}, "integer|8"},
	{"bit_or", "int2", {"12", "3"}, "smallint|15"},
	{"bit_xor", "int8", {"5", "3"}, "bigint|6"},
	{"array_agg", "int4", {"1", "\\N", "3"}, "integer[]|{1,NULL,3}"},
	{"array_agg", "text", {NULL}, "text[]|NULL"},
	{"array_agg", "unknown", {"a"}, "!42725|function array_agg(unknown) is not unique"},
	{"array_agg", "_int4", {"{1}"}, "!0A000|array_agg of arrays (multidimensional arrays) is not supported"},
	{"max", "_int4", {"{1,2}", "{1,3}", "{1}"}, "integer[]|{1,3}"},
};

/* ---------------------------------------------------------------- harness */

static const char *
vl_text(Datum d)
{
	return DatumGetVarlena(d)->data;
}

static size_t
vl_textlen(Datum d)
{
	return DatumGetVarlena(d)->len;
}

typedef struct Arg {
	Oid			type;
	const char *str;
	bool		isnull;
} Arg;

static Arena arena;
static MgError err;
static GucSession gucs;
static EvalCtx ctx;

static bool
parse_arg(const char *spec, Arg *a)
{
	const char *colon = strchr(spec, ':');
	char		tname[64];
	const MgType *t;

	if (colon == NULL || (size_t) (colon - spec) >= sizeof(tname))
		return false;
	memcpy(tname, spec, (size_t) (colon - spec));
	tname[colon - spec] = '\0';
	a->str = colon + 1;
	a->isnull = strcmp(a->str, "\\N") == 0;
	if (strcmp(tname, "unknown") == 0)
	{
		a->type = UNKNOWNOID;
		return true;
	}
	t = type_by_name(tname);
	if (t == NULL)
		return false;
	a->type = t->oid;
	return true;
}

/* The value of an argument as the resolved type. */
static int
arg_value(const Arg *a, Oid to, Datum *out)
{
	Datum		v;

	if (a->type == UNKNOWNOID)
		return type_input(&ctx, to, -1, a->str, strlen(a->str), out);
	if (type_input(&ctx, a->type, -1, a->str, strlen(a->str), &v) < 0)
		return -1;
	if (a->type == to)
	{
		*out = v;
		return 0;
	}
	return cast_apply(&ctx, a->type, -1, to, -1, false, v, out);
}

static void
format_result(StrBuf *sb, Oid rettype, Datum value, bool isnull)
{
	type_format(rettype, -1, sb);
	strbuf_putc(sb, '|');
	if (isnull)
		strbuf_puts(sb, "NULL");
	else if (type_output(&ctx, rettype, -1, value, sb) < 0)
		strbuf_printf(sb, "(output failed: %s)", err.message);
}

static void
format_error(StrBuf *sb)
{
	strbuf_printf(sb, "!%s|%s", err.sqlstate, err.message ? err.message : "");
}

static void
run_case(const Case *c)
{
	Arg			args[8];
	Oid			types[8];
	Oid			resolved[8];
	Datum		vals[8];
	bool		nulls[8];
	int			n = 0;
	const FuncDef *f = NULL;
	Oid			rettype = InvalidOid;
	StrBuf		sb;
	FnCall		fc;
	Datum		result = 0;
	bool		anynull = false;

	strbuf_init(&sb);
	for (; n < 8 && c->args[n] != NULL; n++)
	{
		if (!parse_arg(c->args[n], &args[n]))
		{
			ok(0, "%s %s: bad argument spec %s", c->kind, c->name, c->args[n]);
			strbuf_free(&sb);
			return;
		}
		types[n] = args[n].type;
	}
	if (strcmp(c->kind, "op") == 0)
	{
		const OperDef *o;

		if (n == 1)
			o = oper_resolve(c->name, InvalidOid, types[0], NULL, &resolved[0], &err);
		else
			o = oper_resolve(c->name, types[0], types[1], &resolved[0], &resolved[1], &err);
		if (o)
		{
			f = o->func;
			rettype = func_result_type(f, n, resolved);
		}
	}
	else
	{
		f = func_resolve(c->name, n, types, resolved, &err);
		if (f)
			rettype = func_result_type(f, n, resolved);
	}
	if (f == NULL)
	{
		format_error(&sb);
		goto check;
	}
	for (int i = 0; i < n; i++)
	{
		nulls[i] = args[i].isnull;
		anynull |= nulls[i];
		vals[i] = 0;
		if (!nulls[i] && arg_value(&args[i], resolved[i], &vals[i]) < 0)
		{
			format_error(&sb);
			goto check;
		}
	}
	memset(&fc, 0, sizeof(fc));
	fc.ctx = &ctx;
	fc.nargs = n;
	fc.args = vals;
	fc.argnull = nulls;
	fc.argtypes = resolved;
	fc.rettype = rettype;
	fc.rettypmod = -1;
	if (f->strict && anynull)
		fc.isnull = true;
	else if (f->fn(&fc, &result) < 0)
	{
		format_error(&sb);
		goto check;
	}
	format_result(&sb, rettype, result, fc.isnull);
check:
	{
		StrBuf		desc;

		strbuf_init(&desc);
		strbuf_printf(&desc, "%s %s(", c->kind, c->name);
		for (int i = 0; i < n; i++)
			strbuf_printf(&desc, "%s%s", i ? ", " : "", c->args[i]);
		strbuf_printf(&desc, "): got [%s] want [%s]", sb.data, c->expect);
		for (size_t i = 0; i < desc.len; i++)
			if (desc.data[i] == '\n')
				desc.data[i] = ' ';
		ok(strcmp(sb.data, c->expect) == 0, "%s", desc.data);
		strbuf_free(&desc);
	}
	strbuf_free(&sb);
	mg_error_reset(&err);
	arena_reset(&arena);
}

/* Two overloads no unknown-typed call can choose between. */
static int
amb_first(FnCall *fc, Datum *out)
{
	*out = Int32GetDatum(1);
	return 0;
}

static const FuncDef amb_funcs[] = {
	{.name = "amb_test", .nargs = 2, .argtypes = {INT4OID, TEXTOID}, .rettype = INT4OID, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = amb_first},
	{.name = "amb_test", .nargs = 2, .argtypes = {TEXTOID, INT4OID}, .rettype = INT4OID, .strict = true,
	 .volatility = FUNC_IMMUTABLE, .fn = amb_first},
};

static void
run_agg_case(const AggCase *c)
{
	Oid			type = InvalidOid;
	Oid			resolved[1];
	int			nargs = c->argtype[0] ? 1 : 0;
	const AggDef *a;
	StrBuf		sb;
	void	   *state = NULL;
	Datum		result = 0;
	bool		isnull = false;
	Oid			rettype;

	strbuf_init(&sb);
	if (nargs)
		type = type_by_name(c->argtype)->oid;
	a = agg_resolve(c->name, nargs, &type, resolved, &err);
	if (a == NULL)
	{
		format_error(&sb);
		goto check;
	}
	rettype = agg_result_type(a, resolved);
	if (a->init(&ctx, resolved, &state) < 0)
	{
		format_error(&sb);
		goto check;
	}
	for (int i = 0; i < 8 && c->rows[i] != NULL; i++)
	{
		Datum		v[2] = {0, 0};
		bool		nulls[2] = {false, false};
		Arg			arg = {type, c->rows[i], strcmp(c->rows[i], "\\N") == 0};

		if (nargs && !arg.isnull && arg_value(&arg, resolved[0], &v[0]) < 0)
		{
			format_error(&sb);
			goto check;
		}
		nulls[0] = arg.isnull;
		if (a->strict && nargs && nulls[0])
			continue;
		if (a->trans(&ctx, state, nargs ? v : NULL, nargs ? nulls : NULL) < 0)
		{
			format_error(&sb);
			goto check;
		}
	}
	if (a->final(&ctx, state, rettype, &result, &isnull) < 0)
	{
		format_error(&sb);
		goto check;
	}
	format_result(&sb, rettype, result, isnull);
check:
	ok(strcmp(sb.data, c->expect) == 0, "agg %s(%s): got [%s] want [%s]", c->name, c->argtype, sb.data, c->expect);
	strbuf_free(&sb);
	mg_error_reset(&err);
	arena_reset(&arena);
}

static void
test_string_agg(void)
{
	Oid			types[2] = {TEXTOID, UNKNOWNOID};
	Oid			resolved[2];
	const AggDef *a = agg_resolve("string_agg", 2, types, resolved, &err);
	void	   *state = NULL;
	const char *vals[] = {"a", NULL, "b", "c"};
	Datum		out = 0;
	bool		isnull = true;
	StrBuf		sb;

	ok(a != NULL && resolved[1] == TEXTOID, "string_agg(text, unknown) resolves to (text, text)");
	if (a == NULL)
		return;
	a->init(&ctx, resolved, &state);
	for (int i = 0; i < 4; i++)
	{
		Datum		v[2] = {vals[i] ? cstring_text_datum(&arena, vals[i]) : 0, cstring_text_datum(&arena, ", ")};
		bool		n[2] = {vals[i] == NULL, i == 3};

		a->trans(&ctx, state, v, n);
	}
	a->final(&ctx, state, TEXTOID, &out, &isnull);
	strbuf_init(&sb);
	if (!isnull)
		strbuf_append(&sb, vl_text(out), vl_textlen(out));
	ok(!isnull && strcmp(sb.data, "a, bc") == 0, "string_agg skips NULL values and NULL delimiters: [%s]", sb.data);
	strbuf_free(&sb);
	arena_reset(&arena);
}

/* Runs a set-returning call to the end; the rows' text joined by commas. */
static void
run_srf(const char *name, int n, const char *const *specs, const char *expect)
{
	Arg			args[4];
	Oid			types[4],
				resolved[4];
	Datum		vals[4];
	bool		nulls[4] = {false, false, false, false};
	const FuncDef *f;
	StrBuf		sb;
	FnCall		fc;
	Arena		srf_arena;
	int			rows = 0;

	arena_init(&srf_arena, 0);
	strbuf_init(&sb);
	for (int i = 0; i < n; i++)
	{
		if (!parse_arg(specs[i], &args[i]))
		{
			ok(0, "srf %s: bad argument spec %s", name, specs[i]);
			strbuf_free(&sb);
			arena_destroy(&srf_arena);
			return;
		}
		types[i] = args[i].type;
	}
	f = func_resolve(name, n, types, resolved, &err);
	if (f == NULL || !f->retset)
	{
		format_error(&sb);
		goto check;
	}
	for (int i = 0; i < n; i++)
		if (arg_value(&args[i], resolved[i], &vals[i]) < 0)
		{
			format_error(&sb);
			goto check;
		}
	memset(&fc, 0, sizeof(fc));
	fc.ctx = &ctx;
	fc.nargs = n;
	fc.args = vals;
	fc.argnull = nulls;
	fc.argtypes = resolved;
	fc.rettype = func_result_type(f, n, resolved);
	fc.srf_arena = &srf_arena;
	for (;;)
	{
		Datum		v = 0;

		fc.isnull = false;
		if (f->fn(&fc, &v) < 0)
		{
			strbuf_reset(&sb);
			format_error(&sb);
			break;
		}
		if (fc.srf_done)
			break;
		if (rows++ > 0)
			strbuf_putc(&sb, ',');
		if (!fc.isnull)
			type_output(&ctx, fc.rettype, -1, v, &sb);
	}
check:
	ok(strcmp(sb.data, expect) == 0, "srf %s: got [%s] want [%s]", name, sb.data, expect);
	strbuf_free(&sb);
	mg_error_reset(&err);
	arena_reset(&arena);
	arena_destroy(&srf_arena);
}

static void
test_srfs(void)
{
	static const char *const a1[] = {"int4:1", "int4:5"};
	static const char *const a2[] = {"int4:10", "int4:1", "int4:-4"};
	static const char *const a3[] = {"int4:2147483646", "int4:2147483647"};
	static const char *const a4[] = {"int4:1", "int4:5", "int4:0"};
	static const char *const a5[] = {"int8:9223372036854775806", "int8:9223372036854775807", "int8:5"};
	static const char *const a6[] = {"numeric:0.5", "numeric:2", "numeric:0.5"};
	static const char *const a7[] = {"int4:5", "int4:1"};

	run_srf("generate_series", 2, a1, "1,2,3,4,5");
	run_srf("generate_series", 3, a2, "10,6,2");
	run_srf("generate_series", 2, a3, "2147483646,2147483647");
	run_srf("generate_series", 3, a4, "!22023|step size cannot equal zero");
	run_srf("generate_series", 3, a5, "9223372036854775806");
	run_srf("generate_series", 3, a6, "0.5,1.0,1.5,2.0");
	run_srf("generate_series", 2, a7, "");
	{
		static const char *const u1[] = {"_int4:{1,NULL,3}"};
		static const char *const m1[] = {"text:abcabc", "text:(b)(c)", "text:g"};
		static const char *const m2[] = {"text:abcabc", "text:(b)(c)"};
		static const char *const s1[] = {"text:a b  c", "text: +"};

		run_srf("unnest", 1, u1, "1,,3");
		{
			static const char *const ts1[] = {"timestamp:2024-01-30", "timestamp:2024-04-30", "interval:1 month"};
			static const char *const ts2[] = {"timestamp:2024-01-01 10:00", "timestamp:2024-01-01 09:00", "interval:-30 min"};
			static const char *const ts3[] = {"timestamp:2024-01-01", "timestamp:2024-01-02", "interval:0"};

			/*
			 * The date/time types are there only when the linker pulled their
			 * module out of the library (types_init reaches it through a weak
			 * symbol).
			 */
			if (type_by_oid(TIMESTAMPOID) == NULL)
			{
				for (int i = 0; i < 3; i++)
					ok(1, "# SKIP date/time types are not registered in this program");
			}
			else
			{
				run_srf("generate_series", 3, ts1, "2024-01-30 00:00:00,2024-02-29 00:00:00,2024-03-29 00:00:00,2024-04-29 00:00:00");
				run_srf("generate_series", 3, ts2, "2024-01-01 10:00:00,2024-01-01 09:30:00,2024-01-01 09:00:00");
				run_srf("generate_series", 3, ts3, "!22023|step size cannot equal zero");
			}
		}
		run_srf("regexp_matches", 3, m1, "{b,c},{b,c}");
		run_srf("regexp_matches", 2, m2, "{b,c}");
		run_srf("regexp_split_to_table", 2, s1, "a,b,c");
		{
			static const char *const t1[] = {"text:a|b||c", "text:|"};

			run_srf("string_to_table", 2, t1, "a,b,,c");
		}
	}
}

/* A regex call site with a cache: the first pattern is kept, others still work. */
static void
test_regex_cache(void)
{
	Oid			types[2] = {TEXTOID, TEXTOID};
	Oid			resolved[2];
	const OperDef *o = oper_resolve("~", TEXTOID, TEXTOID, &resolved[0], &resolved[1], &err);
	Arena		cache_arena;
	void	   *slot = NULL;
	const char *pats[] = {"^a", "^b", "^a", "^b"};
	const char *subj[] = {"abc", "abc", "bcd", "bcd"};
	const bool	want[] = {true, false, false, true};
	bool		good = o != NULL;
	void	   *first = NULL;

	(void) types;
	arena_init(&cache_arena, 0);
	for (int i = 0; good && i < 4; i++)
	{
		Datum		args[2] = {cstring_text_datum(&arena, subj[i]), cstring_text_datum(&arena, pats[i])};
		bool		nulls[2] = {false, false};
		FnCall		fc;
		Datum		r = 0;

		memset(&fc, 0, sizeof(fc));
		fc.ctx = &ctx;
		fc.nargs = 2;
		fc.args = args;
		fc.argnull = nulls;
		fc.argtypes = resolved;
		fc.rettype = BOOLOID;
		fc.cache = &slot;
		fc.cache_arena = &cache_arena;
		if (o->func->fn(&fc, &r) < 0 || DatumGetBool(r) != want[i])
			good = false;
		if (i == 0)
			first = slot;
		else if (slot != first)
			good = false;
		arena_reset(&arena);
	}
	ok(good, "a cached regex call site keeps its first pattern and still matches others");
	arena_destroy(&cache_arena);
	mg_error_reset(&err);
}

static void
test_registry(void)
{
	int			n;
	const FuncDef *const *all = func_all(&n);
	const OperDef *o;
	MgError		e = MG_ERROR_INIT;
	Oid			l,
				r;
	bool		unique = true;

	ok(n > 100, "func_all lists %d functions", n);
	for (int i = 0; i < n; i++)
		if (func_by_oid(all[i]->oid) != all[i])
			unique = false;
	ok(unique, "every function is found by its OID");
	{
		int			no;
		const OperDef *const *ops = oper_all(&no);
		bool		ou = true;

		for (int i = 0; i < no; i++)
			if (oper_by_oid(ops[i]->oid) != ops[i])
				ou = false;
		ok(no > 100 && ou, "every one of %d operators is found by its OID", no);
	}
	{
		int			nf;
		const FuncDef *const *fs = func_candidates("texteq", &nf);

		ok(nf == 1 && fs[0]->oid == 67, "texteq has PostgreSQL's OID 67");
		func_candidates("amb_test", &nf);
		ok(nf == 2, "a second registration of the same signatures is ignored");
	}
	o = oper_resolve("+", INT4OID, INT4OID, &l, &r, &e);
	ok(o != NULL && o->oid == 551 && o->func->oid == 177, "int4 + int4 has PostgreSQL's OIDs (551, int4pl 177)");
	o = oper_resolve("||", TEXTOID, TEXTOID, &l, &r, &e);
	ok(o != NULL && o->oid == 654, "text || text is operator 654");
	ok(strcmp(e.sqlstate, "") == 0 || e.severity == MG_SEV_NONE, "no error recorded on success");
	mg_error_reset(&e);
}

int
main(void)
{
	guc_server_init();
	types_init();
	func_init();
	func_register(amb_funcs, 2);
	func_register(amb_funcs, 2);	/* again: ignored */
	arena_init(&arena, 0);
	guc_session_init(&gucs);
	ctx.arena = &arena;
	ctx.err = &err;
	ctx.gucs = &gucs;

	test_registry();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
	for (size_t i = 0; i < sizeof(agg_cases) / sizeof(agg_cases[0]); i++)
		run_agg_case(&agg_cases[i]);
	test_string_agg();
	test_srfs();
	test_regex_cache();
	for (size_t i = 0; i < sizeof(numeric_cases) / sizeof(numeric_cases[0]); i++)
	{
		const OperDef *o = oper_resolve("+", NUMERICOID, NUMERICOID, NULL, NULL, NULL);

		if (o == NULL || o->left != NUMERICOID)
			ok(1, "# SKIP numeric operators are not registered");
		else
			run_case(&numeric_cases[i]);
	}
	for (size_t i = 0; i < sizeof(numeric_agg_cases) / sizeof(numeric_agg_cases[0]); i++)
		run_agg_case(&numeric_agg_cases[i]);

	guc_session_free(&gucs);
	arena_destroy(&arena);
	return tap_done();
}
