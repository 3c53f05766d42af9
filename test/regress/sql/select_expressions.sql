-- Simple expressions on int, float, text and bool.
SELECT 1 + 2 * 3, (1 + 2) * 3, 7 / 2, -7 / 2, 7 % 3, -7 % 3;
SELECT 2 ^ 10, |/ 16.0::float8, @ -5;
SELECT 10::int2 + 1::int2, 3000000000::int8 * 3, 5::int4 - 10::int8;
SELECT 1.5::float8 * 2, 1::float8 / 3, 0.1::float8 + 0.2::float8;
SELECT 'abc' || 'def', 'n=' || 42, 'x' || NULL;
SELECT 1 < 2, 2 <= 1, 'a' < 'b', 'abc' = 'abc', 1 <> 1;
SELECT true AND false, true OR false, NOT true, NULL AND false, NULL OR true;
SELECT 1 IS NULL, NULL IS NULL, 1 IS NOT NULL, NULL::bool IS UNKNOWN;
SELECT 2147483647 + 1;
SELECT -9223372036854775808::int8 - 1;
SELECT 32767::int2 + 1::int2;
SELECT 'abc' < 'abd', 'B' < 'a', 'Z' < 'a';
