-- SQL-level PREPARE / EXECUTE / DEALLOCATE, parameter types, and re-planning
-- after DDL.
CREATE TABLE pt (id int PRIMARY KEY, v text);
INSERT INTO pt VALUES (1, 'one'), (2, 'two'), (3, 'three');
PREPARE get (int) AS SELECT v FROM pt WHERE id = $1;
EXECUTE get (2);
EXECUTE get (4);
EXECUTE get ('3');
EXECUTE get ('x');
\echo :LAST_ERROR_SQLSTATE
EXECUTE get (1, 2);
\echo :LAST_ERROR_SQLSTATE
PREPARE ins AS INSERT INTO pt VALUES ($1, $2) RETURNING *;
EXECUTE ins (4, 'four');
PREPARE upd (text, int) AS UPDATE pt SET v = $1 WHERE id = $2;
EXECUTE upd ('TWO', 2);
PREPARE cnt AS SELECT count(*) FROM pt WHERE v LIKE $1;
EXECUTE cnt ('t%');
PREPARE add (int, int) AS SELECT $1 + $2 AS sum, $1::text || $2::text AS cat;
EXECUTE add (40, 2);
PREPARE get (int) AS SELECT 1;
\echo :LAST_ERROR_SQLSTATE
EXECUTE nosuch;
\echo :LAST_ERROR_SQLSTATE
PREPARE bad AS SELECT * FROM nosuch;
\echo :LAST_ERROR_SQLSTATE
-- re-planned after DDL changes what it depends on
PREPARE star AS SELECT * FROM pt ORDER BY id;
EXECUTE star;
ALTER TABLE pt ADD COLUMN extra int DEFAULT 0;
EXECUTE star;
DEALLOCATE get;
EXECUTE get (1);
\echo :LAST_ERROR_SQLSTATE
DEALLOCATE get;
\echo :LAST_ERROR_SQLSTATE
DEALLOCATE ALL;
EXECUTE ins (5, 'five');
\echo :LAST_ERROR_SQLSTATE
DROP TABLE pt;
