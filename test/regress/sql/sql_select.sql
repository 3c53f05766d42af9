-- Single-table SELECT: target list expressions and aliases, WHERE,
-- ORDER BY (multi-key, ASC/DESC, NULLS FIRST/LAST, by position or alias),
-- LIMIT/OFFSET/FETCH FIRST, DISTINCT, DISTINCT ON, aggregates over the
-- whole result, SELECT without FROM.
CREATE TABLE emp (id int PRIMARY KEY, name text, dept text, salary int, bonus numeric);
INSERT INTO emp VALUES
  (1, 'alice', 'eng', 120, 10.5), (2, 'bob', 'eng', 100, NULL), (3, 'carol', 'ops', 90, 3),
  (4, 'dan', 'ops', 90, NULL), (5, 'erin', NULL, 70, 1.25), (6, 'frank', 'sales', 110, 0);
SELECT name, salary * 12 AS yearly, salary > 100 AS rich FROM emp WHERE dept = 'eng' ORDER BY id;
SELECT * FROM emp WHERE salary >= 100 AND (bonus IS NULL OR bonus > 5) ORDER BY id;
SELECT id FROM emp WHERE dept IS NULL;
SELECT id FROM emp WHERE dept IN ('ops', 'sales') ORDER BY id;
SELECT id FROM emp WHERE dept NOT IN ('ops', 'sales') ORDER BY id;
SELECT id FROM emp WHERE salary BETWEEN 90 AND 110 ORDER BY id;
SELECT id FROM emp WHERE name LIKE '%r%' ORDER BY id;
SELECT id FROM emp WHERE name ILIKE 'A%';
-- ORDER BY
SELECT name, dept, salary FROM emp ORDER BY dept, salary DESC, name;
SELECT name, dept FROM emp ORDER BY dept DESC NULLS LAST, name;
SELECT name, dept FROM emp ORDER BY dept NULLS FIRST, name;
SELECT name, bonus FROM emp ORDER BY bonus DESC, id;
SELECT name, salary AS s FROM emp ORDER BY s, 1;
SELECT name, salary FROM emp ORDER BY 2 DESC, 1;
SELECT name FROM emp ORDER BY 3;
\echo :LAST_ERROR_SQLSTATE
SELECT name FROM emp ORDER BY nosuch;
\echo :LAST_ERROR_SQLSTATE
-- LIMIT / OFFSET / FETCH
SELECT id FROM emp ORDER BY id LIMIT 2;
SELECT id FROM emp ORDER BY id LIMIT 2 OFFSET 3;
SELECT id FROM emp ORDER BY id OFFSET 4;
SELECT id FROM emp ORDER BY id LIMIT ALL;
SELECT id FROM emp ORDER BY id LIMIT 0;
SELECT id FROM emp ORDER BY id FETCH FIRST 3 ROWS ONLY;
SELECT id FROM emp ORDER BY id OFFSET 1 ROW FETCH NEXT 1 ROW ONLY;
SELECT id, salary FROM emp ORDER BY salary FETCH FIRST 1 ROWS WITH TIES;
SELECT id FROM emp LIMIT -1;
\echo :LAST_ERROR_SQLSTATE
-- DISTINCT, DISTINCT ON
SELECT DISTINCT dept FROM emp ORDER BY dept;
SELECT DISTINCT salary FROM emp ORDER BY salary DESC;
SELECT DISTINCT ON (dept) dept, name, salary FROM emp ORDER BY dept, salary DESC, name;
SELECT count(DISTINCT dept) FROM emp;
-- aggregates over the whole result
SELECT count(*), count(bonus), sum(salary), avg(salary), min(name), max(salary) FROM emp;
SELECT sum(bonus), avg(bonus), min(bonus), max(bonus) FROM emp;
SELECT count(*), sum(salary), avg(salary), max(name) FROM emp WHERE id > 100;
SELECT count(*) FILTER (WHERE salary > 95) AS well_paid FROM emp;
SELECT avg(salary)::numeric(10,3) FROM emp;
SELECT name, count(*) FROM emp;
\echo :LAST_ERROR_SQLSTATE
-- SELECT without FROM, and errors
SELECT 1 + 1 AS two, 'x' || 'y' AS xy, NULL AS nothing;
SELECT nosuch FROM emp;
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM nosuch;
\echo :LAST_ERROR_SQLSTATE
SELECT emp.name, e.name FROM emp e;
\echo :LAST_ERROR_SQLSTATE
SELECT e.name FROM emp e WHERE e.id = 1;
SELECT id FROM emp WHERE salary;
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM emp WHERE false;
DROP TABLE emp;
