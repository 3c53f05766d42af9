-- SELECT of literals: one value of each basic type, column names, NULLs.
SELECT 1;
SELECT 1 AS one, 'two' AS two, true AS three;
SELECT -32768, 2147483647, 9223372036854775807;
SELECT 'hello world', '', 'it''s', E'tab\there';
SELECT true, false, NULL;
SELECT NULL AS n, NULL::int AS ni, NULL::text AS nt;
SELECT 1.5::float8, -0.25::float4, 1e10::float8;
SELECT 'unicode: é ü 漢字' AS u;
SELECT $$dollar quoted$$, $tag$with 'quotes'$tag$;
SELECT 1, 2, 3 \g
select 42 as "Mixed Case", 43 as lower_case;
