-- WITH RECURSIVE: PostgreSQL's working-table iteration, UNION against
-- everything produced so far, endless recursions under LIMIT and
-- statement_timeout, and the errors for malformed recursion.
CREATE TABLE edges (src int, dst int);
INSERT INTO edges VALUES (1, 2), (2, 3), (3, 4), (2, 5), (5, 1), (6, 7);

WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r;
WITH RECURSIVE r(n, s) AS (SELECT 1, 'a'::text UNION ALL SELECT n + 1, s || 'b' FROM r WHERE n < 4)
SELECT * FROM r;
-- an unknown literal in the non-recursive term is text
WITH RECURSIVE r(s) AS (SELECT 'x' UNION ALL SELECT s || 'y' FROM r WHERE length(s) < 3) SELECT * FROM r;
WITH RECURSIVE fib(a, b) AS (SELECT 0::bigint, 1::bigint UNION ALL SELECT b, a + b FROM fib WHERE b < 100)
SELECT a FROM fib;
-- UNION: rows equal to any row produced so far are dropped, so a cycle ends
WITH RECURSIVE r(n) AS (SELECT 1 UNION SELECT n % 3 + 1 FROM r) SELECT * FROM r ORDER BY n;
WITH RECURSIVE reach(node) AS (SELECT 1 UNION SELECT e.dst FROM edges e JOIN reach ON e.src = reach.node)
SELECT * FROM reach ORDER BY node;
WITH RECURSIVE paths(node, depth) AS (
	SELECT 1, 0
	UNION ALL
	SELECT e.dst, p.depth + 1 FROM paths p, edges e WHERE e.src = p.node AND p.depth < 4
) SELECT node, depth FROM paths ORDER BY depth, node;
WITH RECURSIVE r(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r;
-- UNION compares values by type: arrays, numerics (1.0 = 1.00), dates, booleans, NULLs
WITH RECURSIVE r(p) AS (SELECT array[1] UNION SELECT p || 1 FROM r WHERE cardinality(p) < 3) SELECT * FROM r;
WITH RECURSIVE r(p) AS (SELECT 1.0::numeric UNION SELECT p + 0.50 FROM r WHERE p < 2) SELECT * FROM r;
WITH RECURSIVE r(p) AS (SELECT 1.0::numeric UNION SELECT p * 1.00 FROM r) SELECT * FROM r;
WITH RECURSIVE r(p) AS (SELECT date '2024-01-01' UNION SELECT p + 1 FROM r WHERE p < date '2024-01-03') SELECT * FROM r;
WITH RECURSIVE r(p) AS (SELECT true UNION SELECT NOT p FROM r) SELECT * FROM r ORDER BY p;
WITH RECURSIVE r(p, q) AS (SELECT 1, NULL::text UNION SELECT p % 2 + 1, q FROM r) SELECT * FROM r;
WITH RECURSIVE r(p) AS (SELECT '{"a":1}'::jsonb UNION SELECT p FROM r) SELECT * FROM r;
-- read twice, and by a later item
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3), s AS (SELECT n * 10 AS m FROM r)
SELECT * FROM r, s ORDER BY 1, 2;
-- WITH RECURSIVE items may read later items; an item that does not read itself is plain
WITH RECURSIVE a AS (SELECT * FROM b), b AS (SELECT 1 AS v) SELECT * FROM a;
WITH RECURSIVE a AS (SELECT 1 AS v UNION ALL SELECT 2) SELECT * FROM a;
-- an endless recursion stops under LIMIT, or by statement_timeout
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r LIMIT 5;
SET statement_timeout = '200ms';
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r;
\echo :LAST_ERROR_SQLSTATE
RESET statement_timeout;
-- a recursive item in a subquery
SELECT (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT sum(n) FROM r) AS total;
-- recursive items reading the enclosing query: computed again for each of its rows
CREATE TABLE lim (a int);
INSERT INTO lim VALUES (1), (2), (3), (4);
SELECT a, (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < lim.a) SELECT count(*) FROM r)
FROM lim ORDER BY a;
SELECT a, (WITH RECURSIVE r(n) AS (SELECT lim.a UNION SELECT n % 3 + 1 FROM r) SELECT sum(n) FROM r) FROM lim ORDER BY a;
SELECT a, (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < lim.a), s AS (SELECT * FROM r)
           SELECT count(*) FROM r, s WHERE r.n = s.n) FROM lim ORDER BY a;
SELECT a, array(WITH RECURSIVE r(n) AS (SELECT lim.a UNION ALL SELECT n * 2 FROM r WHERE n < 20) SELECT n FROM r)
FROM lim ORDER BY a;
SELECT * FROM lim WHERE a = (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < lim.a)
                             SELECT max(n) FROM r) ORDER BY a;
-- the recursive reference may sit in a subquery in FROM, beside joins; GROUP BY without aggregates
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (SELECT * FROM r) s WHERE n < 3) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT r.n + 1 FROM lim JOIN r ON lim.a = r.n) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT r.n + 1 FROM r LEFT JOIN lim ON lim.a = r.n WHERE r.n < 6)
SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3 GROUP BY n) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT DISTINCT n + 1 FROM r WHERE n < 3) SELECT * FROM r;
-- INSERT from a recursive item
CREATE TABLE nums (n int);
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 4) INSERT INTO nums SELECT n FROM r;
SELECT * FROM nums ORDER BY n;

-- errors
WITH RECURSIVE x AS (SELECT * FROM x) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE x(n) AS (SELECT n FROM x UNION ALL SELECT 1) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x, x y) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT (SELECT n FROM x)) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT count(*) FROM x) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x ORDER BY 1) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x LIMIT 3) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT 1 FROM edges LEFT JOIN x ON true) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE x(n) AS (SELECT 1::int UNION ALL SELECT n + 1.5 FROM x) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE x(n) AS (SELECT 'a'::varchar(5) UNION ALL SELECT n || 'a' FROM x WHERE length(n) < 3) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT 'a') SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE r(p) AS (SELECT '{"a":1}'::json UNION SELECT p FROM r) SELECT * FROM r;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE a(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM b WHERE n < 3), b(n) AS (SELECT * FROM a) SELECT * FROM a;
\echo :LAST_ERROR_SQLSTATE
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x WHERE n < 3 UNION ALL SELECT n + 2 FROM x WHERE n < 3) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
