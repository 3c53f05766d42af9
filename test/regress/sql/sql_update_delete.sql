-- UPDATE and DELETE with WHERE and RETURNING; statement atomicity.
CREATE TABLE acc (id int PRIMARY KEY, owner text NOT NULL, balance int CHECK (balance >= 0));
INSERT INTO acc VALUES (1, 'ann', 100), (2, 'bob', 50), (3, 'cy', 0), (4, 'dee', 75);
UPDATE acc SET balance = balance + 10 WHERE id = 1;
UPDATE acc SET balance = balance - 5, owner = upper(owner) WHERE balance > 40 RETURNING *;
UPDATE acc SET balance = 0 WHERE id = 99;
UPDATE acc SET balance = balance * 2 RETURNING id, balance AS doubled;
SELECT * FROM acc ORDER BY id;
-- a failing row undoes the whole statement
UPDATE acc SET balance = balance - 100;
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM acc ORDER BY id;
UPDATE acc SET owner = NULL WHERE id = 3;
\echo :LAST_ERROR_SQLSTATE
UPDATE acc SET id = 2 WHERE id = 1;
\echo :LAST_ERROR_SQLSTATE
UPDATE acc SET nosuch = 1;
\echo :LAST_ERROR_SQLSTATE
UPDATE acc SET balance = 'lots';
\echo :LAST_ERROR_SQLSTATE
-- updating the key of every row at once checks uniqueness per statement
UPDATE acc SET id = id + 10;
SELECT id FROM acc ORDER BY id;
UPDATE acc SET balance = DEFAULT WHERE id = 11;
SELECT * FROM acc WHERE id = 11;
-- row-value assignment
UPDATE acc SET (owner, balance) = ('zed', 1) WHERE id = 12;
SELECT * FROM acc WHERE id = 12;
-- DELETE
DELETE FROM acc WHERE balance = 0 RETURNING id, owner;
DELETE FROM acc WHERE id = 999;
DELETE FROM acc WHERE owner LIKE 'D%' RETURNING *;
SELECT * FROM acc ORDER BY id;
DELETE FROM acc;
SELECT count(*) FROM acc;
DELETE FROM nosuch;
\echo :LAST_ERROR_SQLSTATE
-- foreign key actions on update and delete
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c_cascade (pid int REFERENCES p ON DELETE CASCADE ON UPDATE CASCADE);
CREATE TABLE c_setnull (pid int REFERENCES p ON DELETE SET NULL);
CREATE TABLE c_restrict (pid int REFERENCES p ON DELETE RESTRICT);
CREATE TABLE c_noaction (pid int REFERENCES p);
INSERT INTO p VALUES (1), (2), (3), (4);
INSERT INTO c_cascade VALUES (1), (2);
INSERT INTO c_setnull VALUES (1);
INSERT INTO c_restrict VALUES (3);
INSERT INTO c_noaction VALUES (4);
DELETE FROM p WHERE id = 1;
UPDATE p SET id = 20 WHERE id = 2;
SELECT * FROM c_cascade ORDER BY pid;
SELECT * FROM c_setnull ORDER BY pid;
DELETE FROM p WHERE id = 3;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM p WHERE id = 4;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO c_noaction VALUES (5);
\echo :LAST_ERROR_SQLSTATE
TRUNCATE p;
\echo :LAST_ERROR_SQLSTATE
TRUNCATE p CASCADE;
SELECT (SELECT count(*) FROM p) AS p, (SELECT count(*) FROM c_cascade) AS c;
DROP TABLE c_cascade, c_setnull, c_restrict, c_noaction, p, acc;
