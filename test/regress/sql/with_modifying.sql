-- Data-modifying statements in WITH, on a top-level INSERT, UPDATE or
-- DELETE: each runs once and to completion, read or not, and its RETURNING
-- rows are what the references read.
CREATE TABLE t (a int, b text);
CREATE TABLE archive (a int, b text);
INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z'), (4, 'w');

-- move rows from one table to another
WITH moved AS (DELETE FROM t WHERE a <= 2 RETURNING *) INSERT INTO archive SELECT * FROM moved;
SELECT * FROM t ORDER BY a;
SELECT * FROM archive ORDER BY a;
-- the statement and its items modify the same table
WITH d AS (DELETE FROM t RETURNING a) INSERT INTO t SELECT a + 100, 'n' FROM d;
SELECT * FROM t ORDER BY a;
-- several items, one never read; aliases on the item's columns
WITH up(k, v) AS (UPDATE t SET b = 'up' WHERE a = 103 RETURNING a, b),
     ins AS (INSERT INTO archive VALUES (9, 'nine') RETURNING *)
INSERT INTO archive SELECT k, v FROM up;
SELECT * FROM archive ORDER BY a;
-- an item without RETURNING runs even though nothing can read it
WITH gone AS (DELETE FROM archive WHERE a = 9) DELETE FROM archive WHERE a = 1 RETURNING *;
SELECT * FROM archive ORDER BY a;
WITH i AS (INSERT INTO archive VALUES (5, 'five') RETURNING a)
UPDATE t SET b = 'seen' WHERE a IN (SELECT a + 98 FROM i) RETURNING *;
SELECT * FROM archive ORDER BY a;

-- errors
WITH d AS (DELETE FROM archive) INSERT INTO t SELECT * FROM d;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO t SELECT * FROM (WITH d AS (DELETE FROM archive RETURNING *) SELECT * FROM d) s;
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM archive ORDER BY a;
