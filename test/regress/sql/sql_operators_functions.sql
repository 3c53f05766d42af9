-- Operators and functions of issue #3 on literal values.
SET TimeZone = 'UTC';
-- arithmetic and comparison
SELECT 7 / 2, -7 / 2, 7 % 3, -7 % 3, 7.0 / 2, 2 ^ 10, |/ 16, @ -5, 5 & 3, 5 | 3, 5 # 3, ~5, 1 << 4;
SELECT 1 = 1, 1 <> 2, 1 < 2, 2 <= 2, 'a' < 'b', 'abc' > 'abd', 1 = 1.0;
SELECT 1 / 0;
\echo :LAST_ERROR_SQLSTATE
SELECT 1 % 0;
\echo :LAST_ERROR_SQLSTATE
SELECT 1.0 / 0;
\echo :LAST_ERROR_SQLSTATE
SELECT (-2147483648)::int4 / -1;
\echo :LAST_ERROR_SQLSTATE
-- three-valued logic
SELECT NULL AND false, NULL AND true, NULL OR true, NULL OR false, NOT NULL::bool, NULL = NULL;
SELECT 1 IS NULL, NULL IS NULL, 1 IS NOT NULL, NULL IS DISTINCT FROM NULL, 1 IS DISTINCT FROM NULL, 2 IS NOT DISTINCT FROM 2;
SELECT true IS TRUE, NULL::bool IS UNKNOWN, false IS NOT FALSE;
SELECT 1 IN (1, 2), 3 IN (1, 2), 3 IN (1, NULL), 3 NOT IN (1, NULL), 1 NOT IN (2, 3);
SELECT 5 BETWEEN 1 AND 10, 5 NOT BETWEEN 6 AND 10, 5 BETWEEN SYMMETRIC 10 AND 1;
-- CASE, COALESCE, NULLIF, GREATEST, LEAST
SELECT CASE WHEN 1 > 2 THEN 'a' WHEN 2 > 1 THEN 'b' ELSE 'c' END, CASE 3 WHEN 1 THEN 'one' ELSE 'other' END, CASE WHEN false THEN 1 END;
SELECT COALESCE(NULL, NULL, 3, 4), NULLIF(1, 1), NULLIF(1, 2), GREATEST(1, 5, 3), LEAST('b', 'a', 'c'), GREATEST(1, NULL, 2);
-- pattern matching
SELECT 'hello' LIKE 'h%', 'hello' LIKE 'H%', 'hello' ILIKE 'H%', 'a_c' LIKE 'a\_c', 'abc' LIKE 'a_c', 'hello' NOT LIKE '%z%';
SELECT 'abc' SIMILAR TO 'a(b|x)c', 'abc' SIMILAR TO 'a%', 'abc' ~ '^a.c$', 'ABC' ~* 'abc', 'abc' !~ 'z', 'foo123' ~ '[0-9]+';
-- strings
SELECT length('héllo'), octet_length('héllo'), lower('ÀBC'), upper('straße'), char_length('abc');
SELECT substr('abcdef', 2, 3), substring('abcdef' FROM 3), substring('abcdef' FROM 2 FOR 2), position('cd' IN 'abcdef'), strpos('abc', 'z');
SELECT trim('  x  ') || '|', ltrim('xxabc', 'x'), rtrim('abcyy', 'y'), btrim('--a--', '-'), trim(LEADING '0' FROM '000123');
SELECT replace('banana', 'an', 'AN'), split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 5), concat('a', NULL, 1, true), concat_ws('-', 'a', NULL, 'b');
SELECT left('abcdef', 2), right('abcdef', 2), left('abc', -1), lpad('7', 3, '0'), rpad('ab', 5, 'xy'), lpad('toolong', 3);
SELECT repeat('ab', 3), reverse('abc'), md5('abc'), 'a' || 1 || NULL IS NULL AS null_concat;
SELECT format('%s and %s', 'x', 42), format('%I.%L', 'my col', 'it''s'), format('[%5s|%-5s]', 'a', 'b');
SELECT to_char(1234.5, '9999.99'), to_char(-12, '000'), to_char(1234567, '9,999,999'), to_number('1,234.5', '9,999.9');
SELECT to_char('2024-03-05 14:07:09'::timestamp, 'YYYY-MM-DD HH24:MI:SS'), to_char('2024-03-05'::date, 'Mon DD, YYYY Day');
-- math
SELECT abs(-3), abs(-2.5), round(2.567, 2), round(2.5), round(-2.5), trunc(2.99), trunc(-2.99, 1), ceil(1.2), floor(-1.2), ceiling(2);
SELECT mod(10, 3), mod(-10, 3), power(2, 10), power(2.0, 0.5), sqrt(2), sqrt(16::numeric), round(pi()::numeric, 5);
SELECT sqrt(-1);
\echo :LAST_ERROR_SQLSTATE
SELECT setseed(0.5);
SELECT random() >= 0 AND random() < 1 AS in_range;
-- date and time
SELECT date_trunc('month', '2024-03-15 10:20:30'::timestamp), date_trunc('hour', '2024-03-15 10:20:30+00'::timestamptz);
SELECT extract(year FROM '2024-03-15'::date), extract(dow FROM '2024-03-15'::date), date_part('hour', '10:20:30'::time), extract(epoch FROM '1970-01-02 00:00:00+00'::timestamptz);
SELECT age('2024-03-15'::timestamp, '2020-01-01'::timestamp), make_date(2024, 2, 29), to_timestamp(0), to_timestamp('2024-03-05', 'YYYY-MM-DD');
SELECT '2024-01-31'::date + 1, '2024-03-01'::date - '2024-02-01'::date, '2024-01-31'::timestamp + '1 month'::interval, '1 day'::interval * 3, '3 hours'::interval / 2;
SELECT now() = now() AS stable, now() = current_timestamp AS same, current_date = now()::date AS today, clock_timestamp() >= now() AS later;
SELECT make_date(2023, 2, 29);
\echo :LAST_ERROR_SQLSTATE
-- miscellaneous
SELECT length(gen_random_uuid()::text), current_user, current_schema(), current_schema, version() LIKE 'PostgreSQL 15%';
SELECT nosuchfunction(1);
\echo :LAST_ERROR_SQLSTATE
SELECT length(1, 2, 3);
\echo :LAST_ERROR_SQLSTATE
SELECT 'a' + 1;
\echo :LAST_ERROR_SQLSTATE
SELECT 1 + '1';
