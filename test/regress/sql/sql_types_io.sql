-- Each data type's text input and output, through a table so values go
-- through storage, plus typmods and invalid input.
SET TimeZone = 'UTC';
CREATE TABLE ty (
    b bool, i2 int2, i4 int4, i8 int8, n numeric, n52 numeric(5,2),
    f4 float4, f8 float8, t text, vc varchar(5), c char(4), by bytea,
    d date, tm time, ts timestamp, tz timestamptz, iv interval,
    u uuid, j json, jb jsonb, o oid, nm name, ai int4[], at text[]
);
INSERT INTO ty VALUES (
    't', 32767, -2147483648, 9223372036854775807, 12345678901234567890.123456789, 3.14159,
    1.5, 0.1, 'text', 'abc', 'ab', '\xdeadbeef',
    '2024-02-29', '13:45:06.5', '2024-02-29 13:45:06.123456', '2024-02-29 13:45:06+02', '1 year 2 months 3 days 04:05:06',
    'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '{"a": [1, 2]}', '{"b": 1, "a": [1, 2]}', 4294967295, 'name',
    '{1,2,NULL}', '{"a b",c,"",NULL}'
);
INSERT INTO ty (b, f4, f8, n, d, ts, iv) VALUES
    ('no', 'NaN', '-Infinity', 'NaN', 'infinity', '-infinity', '-1 day -00:00:01'),
    ('on', '1e-45', '1e308', '0.000', 'epoch', 'epoch', '0');
SELECT * FROM ty;
SELECT c, length(c), c || '|' AS padded, octet_length(c) FROM ty WHERE c IS NOT NULL;
SELECT f4, f8, f8 * 3 AS f8x3 FROM ty ORDER BY f8;
SET extra_float_digits = 0;
SELECT f8, 0.1::float8 + 0.2 AS sum FROM ty WHERE f8 > 0 AND f8 < 1;
RESET extra_float_digits;
SELECT 0.1::float8 + 0.2 AS sum;
SELECT n52, n52 * 2 AS doubled FROM ty WHERE n52 IS NOT NULL;
SELECT 10::numeric / 3, 1.005::numeric(5,2), round(2.5), round(-2.5::numeric);
-- typmods: length checks and numeric rounding
INSERT INTO ty (vc) VALUES ('toolong');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO ty (vc) VALUES ('ok   ');
INSERT INTO ty (c) VALUES ('abcde');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO ty (n52) VALUES (999.995);
\echo :LAST_ERROR_SQLSTATE
SELECT 'toolong'::varchar(3), 'ab'::char(4) = 'ab  '::char(4) AS eq;
-- out of range and invalid input
INSERT INTO ty (i2) VALUES (32768);
\echo :LAST_ERROR_SQLSTATE
SELECT 2147483647::int4 + 1;
\echo :LAST_ERROR_SQLSTATE
SELECT 'abc'::int;
\echo :LAST_ERROR_SQLSTATE
SELECT '12.5'::int;
\echo :LAST_ERROR_SQLSTATE
SELECT ' 12 '::int, '-0'::int, '+7'::int8;
SELECT 'maybe'::bool;
\echo :LAST_ERROR_SQLSTATE
SELECT '2024-02-30'::date;
\echo :LAST_ERROR_SQLSTATE
SELECT 'not-a-uuid'::uuid;
\echo :LAST_ERROR_SQLSTATE
SELECT '{"a":'::json;
\echo :LAST_ERROR_SQLSTATE
SELECT '\xzz'::bytea;
\echo :LAST_ERROR_SQLSTATE
SELECT '{1,2'::int[];
\echo :LAST_ERROR_SQLSTATE
SELECT 1e400::float8;
\echo :LAST_ERROR_SQLSTATE
-- casts between types
SELECT 1::bool, 0::bool, true::int, 3.7::int, (-3.5)::int, 2.5::int, '1.5e3'::float8::int;
SELECT 100::int2::text, 'x'::name, 42::oid, 'pg_class'::regclass;
SELECT '2024-01-01 12:00'::timestamp::date, '2024-01-01'::date::timestamp, '12:30'::time + '1 hour'::interval;
SELECT '{1,2,3}'::int[] AS a, ARRAY['x', 'y'] AS b, ARRAY[1.5, 2] AS c, '{}'::text[] AS empty;
DROP TABLE ty;
