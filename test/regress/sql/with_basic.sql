-- WITH queries (common table expressions), non-recursive: several items,
-- items reading earlier ones, an item read several times, column aliases,
-- WITH inside subqueries, name resolution, WITH on INSERT/UPDATE/DELETE.
CREATE TABLE t (a int, b text);
INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z');

WITH x AS (SELECT a, b FROM t WHERE a > 1) SELECT * FROM x ORDER BY a;
WITH x AS (SELECT 1 AS a), y AS (SELECT a + 1 AS a FROM x), z AS (SELECT a * 10 AS a FROM y)
SELECT * FROM x, y, z;
-- one item, two references: computed once, joined with itself
WITH x AS (SELECT a FROM t WHERE a > 1) SELECT * FROM x, x AS y WHERE x.a = y.a ORDER BY 1;
WITH x AS (SELECT * FROM t) SELECT count(*), sum(a) FROM x;
WITH x AS (SELECT 1 AS a) SELECT * FROM x UNION ALL SELECT * FROM x;
WITH x AS (SELECT * FROM t ORDER BY a DESC LIMIT 2) SELECT * FROM x;
WITH x AS (SELECT a FROM t) SELECT * FROM x WHERE a = 2;
-- column aliases: on the item (fewer than columns is allowed) and on the reference
WITH x(c1) AS (SELECT 1, 2) SELECT * FROM x;
WITH x(p, q) AS (SELECT a, b FROM t) SELECT q, p FROM x ORDER BY p;
WITH x AS (SELECT 1 AS a, 2 AS b) SELECT y.c, y.b FROM x AS y(c);
WITH x AS MATERIALIZED (SELECT 1 AS a), y AS NOT MATERIALIZED (SELECT 2 AS b) SELECT * FROM x, y;
-- a WITH item hides a table of the same name; a qualified name does not see it
WITH t AS (SELECT 42 AS a) SELECT * FROM t;
WITH t AS (SELECT 42 AS a) SELECT a FROM public.t ORDER BY a;
-- WITH inside subqueries, nested WITH, references from inner queries
SELECT * FROM (WITH x AS (SELECT 1 AS v) SELECT v + 1 AS w FROM x) s;
SELECT (WITH x AS (SELECT max(a) AS m FROM t) SELECT m FROM x) AS mm;
WITH x AS (WITH y AS (SELECT 5 AS v) SELECT v FROM y) SELECT * FROM x;
WITH x AS (SELECT 2 AS k) SELECT a FROM t WHERE a IN (SELECT k FROM x);
WITH x AS (SELECT 2 AS k) SELECT * FROM (SELECT k * 2 AS kk FROM x) s;
-- items reading the enclosing query
SELECT a, (WITH x AS (SELECT t.a * 10 AS z) SELECT z FROM x) FROM t ORDER BY a;
SELECT a FROM t WHERE EXISTS (WITH x AS (SELECT 2 AS k) SELECT 1 FROM x WHERE k = t.a);
-- ... also from subquery expressions below the WITH, and from later items
SELECT a, (WITH x AS (SELECT t.a * 10 AS z) SELECT (SELECT z FROM x)) FROM t ORDER BY a;
SELECT a, (WITH x AS (SELECT t.a AS v) SELECT v + (SELECT sum(v) FROM x) FROM x) FROM t ORDER BY a;
SELECT a, (WITH x AS (SELECT t.a AS v), y AS (SELECT v * 2 AS w FROM x) SELECT w FROM y) FROM t ORDER BY a;
SELECT * FROM t WHERE EXISTS (WITH x AS (SELECT t.a AS v) SELECT 1 FROM t t2 WHERE t2.a = (SELECT v FROM x) + 1)
ORDER BY a;
-- an unused item is never run
WITH x AS (SELECT 1 / 0 AS boom) SELECT 'fine' AS r;

-- WITH on INSERT, UPDATE, DELETE
CREATE TABLE u (a int, b text);
WITH x AS (SELECT a + 10 AS a, b FROM t) INSERT INTO u SELECT * FROM x;
SELECT * FROM u ORDER BY a;
WITH x AS (SELECT 12 AS k) UPDATE u SET b = 'q' WHERE a = (SELECT k FROM x) RETURNING a, b;
WITH x AS (SELECT 11 AS k) DELETE FROM u WHERE a IN (SELECT k FROM x) RETURNING *;
SELECT * FROM u ORDER BY a;

-- errors
WITH x AS (SELECT 1), x AS (SELECT 2) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH x AS (SELECT * FROM x) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a;
\echo :LAST_ERROR_SQLSTATE
WITH x(a, b) AS (SELECT 1) SELECT * FROM x;
\echo :LAST_ERROR_SQLSTATE
WITH x AS (SELECT 1 AS a) SELECT * FROM x AS y(c, d);
\echo :LAST_ERROR_SQLSTATE
WITH x AS (SELECT 1) SELECT * FROM public.x;
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM (WITH x AS (SELECT 1 AS v) SELECT v FROM x) s, x;
\echo :LAST_ERROR_SQLSTATE
-- duplicate column names are allowed
WITH x AS (SELECT 1 AS a, 2 AS a) SELECT * FROM x;
