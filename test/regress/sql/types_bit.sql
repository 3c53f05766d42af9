-- bit(n) and bit varying(n): literals, input and output, typmods, casts,
-- operators, functions, aggregates, a table with an index, ORDER BY and COPY.
-- literals and input
SELECT B'1010' AS b, X'1F' AS x, b'' AS empty, x'aF0' AS hexlow, pg_typeof(B'1'), pg_typeof(X'F');
SELECT '1010'::bit(4), 'b0101'::bit(4), 'X1f'::varbit, 'x'::varbit AS empty_hex, ''::varbit AS empty;
SELECT '101'::bit, ''::bit, 'b'::bit(3);
SELECT '1012'::bit(4);
\echo :LAST_ERROR_SQLSTATE
SELECT 'x1G'::varbit;
\echo :LAST_ERROR_SQLSTATE
SELECT 'xé'::varbit;
\echo :LAST_ERROR_SQLSTATE
SELECT B'102';
\echo :LAST_ERROR_SQLSTATE
SELECT X'1Z';
\echo :LAST_ERROR_SQLSTATE
SELECT 'é'::bit varying;
\echo :LAST_ERROR_SQLSTATE
-- typmods
SELECT '101'::bit(4), B'101'::bit(4), B'10101'::bit(3), X'1F'::bit(4), '10101'::varbit(3), B'1'::varbit(5);
SELECT '1'::bit(0);
\echo :LAST_ERROR_SQLSTATE
SELECT '1'::varbit(0);
\echo :LAST_ERROR_SQLSTATE
SELECT '1'::bit(83886081);
\echo :LAST_ERROR_SQLSTATE
SELECT '1'::bit varying(83886081);
\echo :LAST_ERROR_SQLSTATE
SELECT format_type('bit'::regtype, 5), format_type('varbit'::regtype, 7), format_type('bit varying'::regtype, NULL),
       pg_typeof('1'::bit(3)), pg_typeof('1'::bit varying(3)), pg_typeof(ARRAY[B'1']), pg_typeof(ARRAY[B'1'::varbit]);
SELECT format_type('bit'::regtype, -1), format_type('bit'::regtype, NULL), format_type('bpchar'::regtype, NULL),
       format_type('bpchar'::regtype, -1), format_type('bpchar'::regtype, 8);
-- casts
SELECT B'101'::varbit, B'101'::varbit::bit(5), B'10101'::varbit::bit(2), B'1'::bit(1)::varbit(4);
SELECT 5::bit, 5::bit(8), (-1)::bit(40), 300::bit(4), 5::int8::bit(70), (-5)::int8::bit(70), 0::bit(3);
SELECT B'101'::int4, B'11111111111111111111111111111111'::int4, B'1'::int8,
       B'1111111111111111111111111111111111111111111111111111111111111111'::int8, B''::int4;
SELECT B'111111111111111111111111111111111'::int4;
\echo :LAST_ERROR_SQLSTATE
SELECT B'11111111111111111111111111111111111111111111111111111111111111111'::int8;
\echo :LAST_ERROR_SQLSTATE
SELECT 5::varbit;
\echo :LAST_ERROR_SQLSTATE
SELECT B'101'::text, '0110'::text::bit(4), B'1101'::varchar(2), B'11'::text::varbit;
SELECT B'101'::int2;
\echo :LAST_ERROR_SQLSTATE
SELECT '{101,0011}'::varbit[], ARRAY[B'1', B'0'], '{1,0}'::bit(1)[];
-- comparisons
SELECT B'10' < B'11', B'10' < B'100', B'1' = B'1'::varbit, B'1'::varbit <> B'10', B'0' = B'00',
       B'1' > B'01111', B'1000' >= B'1', X'F' <= B'1111';
SELECT B'101'::bit(3) = B'101'::varbit(5), B'11' IN (B'01', B'11'), B'1' BETWEEN B'0' AND B'11';
-- operators
SELECT B'1100' & B'1010', B'1100' | B'1010', B'1100' # B'1010', ~B'1100', ~B''::varbit;
SELECT B'1100111' << 2, B'1100111' >> 2, B'1100111' << -2, B'1100111' >> -3, B'1100111' >> 100,
       B'1100111' << 7, X'ABCD' << 4, X'ABCD' >> 12;
SELECT B'1' & B'10';
\echo :LAST_ERROR_SQLSTATE
SELECT B'1' | B'10';
\echo :LAST_ERROR_SQLSTATE
SELECT B'1' # B'10';
\echo :LAST_ERROR_SQLSTATE
SELECT B'101' || B'110', X'F' || B'0', B'' || B'1', pg_typeof(B'1' || B'0'), pg_typeof(B'1' & B'1'),
       pg_typeof(~B'1'::varbit), pg_typeof(B'1'::varbit << 1);
SELECT B'101'::varbit & B'110'::varbit, pg_typeof(B'101'::varbit | B'110'::varbit);
-- functions
SELECT length(B'10101'), bit_length(B'10101'), octet_length(B'101010101'), length(B''::varbit),
       octet_length(X'ABCD'), bit_count(B'1011011'), bit_count(X'FFFF'), pg_typeof(bit_count(B'1'));
SELECT position(B'010' IN B'000001010'), position(B'' IN B'101'), position(B'111' IN B'101'),
       position(B'1' IN B''::varbit), position(B'' IN B''::varbit), position(X'F' IN X'0F0F'),
       position(B'11111111' IN B'0111111111');
SELECT substring(B'110010' FROM 2 FOR 3), substring(B'110010' FROM 3), substring(B'110010' FROM -1 FOR 3),
       substring(B'110010' FROM 10), substring(B'110010' FROM 0), substring(X'ABCDEF' FROM 5 FOR 12),
       substring(B'110010', 2, 2), substring(B'110010' FOR 2);
SELECT substring(B'110010' FROM 2 FOR -1);
\echo :LAST_ERROR_SQLSTATE
SELECT overlay(B'1111' PLACING B'00' FROM 2), overlay(B'1111' PLACING B'00' FROM 2 FOR 1),
       overlay(B'1111' PLACING B'000' FROM 3 FOR 0), overlay(B'1111' PLACING B'00' FROM 2 FOR -1),
       overlay(X'FF' PLACING X'0' FROM 3), overlay(B'1111' PLACING B'00' FROM 9);
SELECT overlay(B'1111' PLACING B'00' FROM 0);
\echo :LAST_ERROR_SQLSTATE
SELECT get_bit(B'0101', 1), get_bit(X'80', 0), set_bit(B'0101', 0, 1), set_bit(B'0101'::varbit, 3, 0),
       set_bit(X'000', 11, 1);
SELECT get_bit(B'0101', 4);
\echo :LAST_ERROR_SQLSTATE
SELECT get_bit(B'0101', -1);
\echo :LAST_ERROR_SQLSTATE
SELECT set_bit(B'0101', 1, 2);
\echo :LAST_ERROR_SQLSTATE
SELECT set_bit(B'0101', 10, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT get_bit(B''::varbit, 0);
\echo :LAST_ERROR_SQLSTATE
-- a table with bit columns, an index, ORDER BY
CREATE TABLE bt (id int PRIMARY KEY, f bit(4), v bit varying(6));
INSERT INTO bt VALUES (1, B'1010', B'1'), (2, '0101', '010101'), (3, X'F', X'3'), (4, NULL, B''),
  (5, B'0000', '000'), (6, '1100'::varbit, B'11'::bit(2)), (7, 12::bit(4), B'0');
INSERT INTO bt VALUES (8, B'101', B'1');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bt VALUES (8, B'10101', B'1');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bt VALUES (8, '101', B'1');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bt VALUES (8, B'1010', B'1010101');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bt VALUES (8, B'1010', '1010101');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO bt VALUES (8, B'0110', B'1010101'::varbit(6));
UPDATE bt SET f = f # B'1111' WHERE id = 8;
UPDATE bt SET f = B'11' WHERE id = 8;
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM bt ORDER BY id;
SELECT id, f, v FROM bt ORDER BY v, id;
SELECT id, v FROM bt ORDER BY v DESC NULLS LAST, id;
SELECT id, f FROM bt ORDER BY f NULLS FIRST, id;
-- aggregates
SELECT bit_and(f), bit_or(f), bit_xor(f), bit_and(f) FILTER (WHERE id > 5) FROM bt;
SELECT bit_and(f) IS NULL AS none FROM bt WHERE false;
SELECT bit_or(v) FROM bt;
\echo :LAST_ERROR_SQLSTATE
SELECT bit_xor(v) FROM bt WHERE length(v) = 1;
CREATE INDEX bt_v ON bt (v);
CREATE UNIQUE INDEX bt_f ON bt (f);
\echo :LAST_ERROR_SQLSTATE
CREATE UNIQUE INDEX bt_vu ON bt (v);
SELECT id, v FROM bt WHERE v = B'1' ORDER BY id;
SELECT id, v FROM bt WHERE v > B'01' AND v < B'11' ORDER BY v, id;
SELECT id, f FROM bt WHERE f >= B'1010' ORDER BY f;
INSERT INTO bt VALUES (9, B'1100', B'1');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*), count(DISTINCT v), min(id) FROM bt GROUP BY v = B'1' ORDER BY 1;
SELECT v, count(*) FROM bt GROUP BY v ORDER BY v;
SELECT f & B'1000' AS hi, count(*) FROM bt WHERE f IS NOT NULL GROUP BY 1 ORDER BY 1;
SELECT id, f::int4 AS n, length(v) AS vlen, v || f AS cat FROM bt ORDER BY id;
-- COPY out and in
COPY bt TO STDOUT;
COPY bt TO STDOUT (FORMAT csv);
CREATE TABLE bt2 (f bit(4), v varbit(6));
COPY bt2 FROM STDIN;
1001	1
x3	xF
\N	
\.
COPY bt2 FROM STDIN;
101	1
\.
COPY bt2 FROM STDIN;
1010	1111111
\.
COPY bt2 FROM STDIN;
10a0	1
\.
SELECT * FROM bt2 ORDER BY f NULLS LAST;
INSERT INTO bt2 SELECT f, v FROM bt WHERE id < 4;
SELECT * FROM bt2 ORDER BY f NULLS LAST, v;
DROP TABLE bt, bt2;
