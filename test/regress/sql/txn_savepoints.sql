-- Savepoints: nested, ROLLBACK TO keeps the savepoint, RELEASE removes it
-- and those after it, reused names, errors outside a block and for unknown
-- names, recovery from the aborted state with ROLLBACK TO.
CREATE TABLE sp (id int PRIMARY KEY, v text);
BEGIN;
INSERT INTO sp VALUES (1, 'base');
SAVEPOINT a;
INSERT INTO sp VALUES (2, 'in a');
SAVEPOINT b;
INSERT INTO sp VALUES (3, 'in b');
SAVEPOINT c;
INSERT INTO sp VALUES (4, 'in c');
ROLLBACK TO SAVEPOINT b;
SELECT * FROM sp ORDER BY id;
-- b still exists after ROLLBACK TO
INSERT INTO sp VALUES (5, 'in b again');
ROLLBACK TO b;
SELECT * FROM sp ORDER BY id;
-- c was destroyed by the rollback to b
ROLLBACK TO c;
ROLLBACK;
BEGIN;
INSERT INTO sp VALUES (1, 'base');
SAVEPOINT a;
INSERT INTO sp VALUES (2, 'in a');
SAVEPOINT b;
INSERT INTO sp VALUES (3, 'in b');
RELEASE SAVEPOINT a;
SELECT * FROM sp ORDER BY id;
-- releasing a also released b
ROLLBACK TO b;
ROLLBACK;
SELECT * FROM sp ORDER BY id;
-- recovering an aborted block with ROLLBACK TO
BEGIN;
INSERT INTO sp VALUES (1, 'kept');
SAVEPOINT s1;
INSERT INTO sp VALUES (1, 'duplicate');
SELECT 'aborted';
ROLLBACK TO SAVEPOINT s1;
INSERT INTO sp VALUES (2, 'after recovery');
COMMIT;
SELECT * FROM sp ORDER BY id;
-- an error in a nested savepoint, recovered at the outer one
BEGIN;
SAVEPOINT outer_sp;
INSERT INTO sp VALUES (3, 'three');
SAVEPOINT inner_sp;
SELECT 1 / 0;
ROLLBACK TO inner_sp;
SELECT count(*) FROM sp;
ROLLBACK TO outer_sp;
SELECT count(*) FROM sp;
COMMIT;
-- the same name twice: ROLLBACK TO and RELEASE find the newest
BEGIN;
SAVEPOINT x;
INSERT INTO sp VALUES (10, 'first x');
SAVEPOINT x;
INSERT INTO sp VALUES (11, 'second x');
ROLLBACK TO x;
SELECT id FROM sp WHERE id >= 10;
RELEASE x;
ROLLBACK TO x;
SELECT id FROM sp WHERE id >= 10;
COMMIT;
SELECT * FROM sp ORDER BY id;
-- errors
SAVEPOINT outside;
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO SAVEPOINT outside;
RELEASE SAVEPOINT outside;
BEGIN;
RELEASE SAVEPOINT nosuch;
ROLLBACK;
BEGIN;
ROLLBACK TO nosuch;
ROLLBACK;
-- COMMIT after RELEASE keeps the released work
BEGIN;
SAVEPOINT r;
UPDATE sp SET v = 'released';
RELEASE r;
COMMIT;
SELECT * FROM sp ORDER BY id;
DROP TABLE sp;
