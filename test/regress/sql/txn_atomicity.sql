-- Statement atomicity: a statement that fails half-way leaves no trace,
-- in autocommit and inside a block (recovered with a savepoint).
CREATE TABLE at (id int PRIMARY KEY, v int NOT NULL CHECK (v >= 0));
INSERT INTO at VALUES (1, 10), (2, 20);
-- the third row violates the primary key
INSERT INTO at VALUES (3, 30), (4, 40), (1, 50), (5, 60);
SELECT * FROM at ORDER BY id;
-- the third row violates NOT NULL
INSERT INTO at VALUES (3, 30), (4, 40), (5, NULL);
SELECT * FROM at ORDER BY id;
-- the third row violates the CHECK constraint
INSERT INTO at VALUES (3, 30), (4, 40), (5, -1);
SELECT * FROM at ORDER BY id;
-- an UPDATE that fails on one of its rows changes none
INSERT INTO at VALUES (3, 5);
UPDATE at SET v = v - 10;
SELECT * FROM at ORDER BY id;
UPDATE at SET id = id + 1;
SELECT * FROM at ORDER BY id;
-- a DELETE is all or nothing as well (division by zero on the last row)
DELETE FROM at WHERE 100 / (v - 5) > 0;
SELECT * FROM at ORDER BY id;
-- inside a block: the failed statement is undone, the earlier ones are kept
-- until the block ends; a savepoint keeps them
BEGIN;
INSERT INTO at VALUES (6, 60);
SAVEPOINT s;
INSERT INTO at VALUES (7, 70), (8, 80), (6, 0);
ROLLBACK TO s;
SELECT * FROM at ORDER BY id;
COMMIT;
SELECT * FROM at ORDER BY id;
-- several statements in one query string are one implicit transaction
INSERT INTO at VALUES (20, 1) \; INSERT INTO at VALUES (21, 1) \; INSERT INTO at VALUES (20, 2);
SELECT * FROM at WHERE id >= 20;
-- an explicit COMMIT inside the string ends it there
INSERT INTO at VALUES (30, 1) \; COMMIT \; INSERT INTO at VALUES (30, 2);
SELECT * FROM at WHERE id >= 30;
DROP TABLE at;
