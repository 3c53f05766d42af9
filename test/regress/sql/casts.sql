-- Casts between int, float, text and bool, in both notations.
SELECT '42'::int, '42'::int2, '42'::int8, '  17  '::int4;
SELECT CAST('3.5' AS float4), CAST('-1e300' AS float8), '0.1'::float8;
SELECT 'true'::bool, 't'::bool, 'yes'::bool, 'off'::bool, '0'::bool;
SELECT 1::bool, 0::bool, true::int, false::int;
SELECT 42::text, true::text, 1.25::float8::text, 'abc'::varchar;
SELECT 3.7::float8::int, 2.5::float8::int, -2.5::float8::int, 3.5::float4::int2;
SELECT 100::int8::int2, 70000::int4::int8;
SELECT 'NaN'::float8, 'Infinity'::float8, '-inf'::float4;
SELECT 'abc'::int;
SELECT '99999'::int2;
SELECT 'maybe'::bool;
SELECT '1.5'::int;
SELECT '1e400'::float8;
SELECT 99999::int2;
