-- Transaction blocks: BEGIN/START TRANSACTION, COMMIT/END, ROLLBACK/ABORT,
-- the warnings outside and inside a block, the aborted state (25P02) and
-- COMMIT of an aborted block answering ROLLBACK.
CREATE TABLE tb (id int PRIMARY KEY, v text);
-- commit and its spellings
BEGIN;
INSERT INTO tb VALUES (1, 'begin/commit');
COMMIT;
START TRANSACTION;
INSERT INTO tb VALUES (2, 'start/end');
END;
BEGIN WORK;
INSERT INTO tb VALUES (3, 'work');
COMMIT WORK;
BEGIN TRANSACTION;
INSERT INTO tb VALUES (4, 'transaction');
COMMIT TRANSACTION;
SELECT * FROM tb ORDER BY id;
-- rollback and its spellings
BEGIN;
INSERT INTO tb VALUES (10, 'rolled back');
ROLLBACK;
BEGIN;
UPDATE tb SET v = 'aborted';
ABORT;
START TRANSACTION;
DELETE FROM tb;
ROLLBACK WORK;
SELECT * FROM tb ORDER BY id;
-- outside a block: warnings, not errors
COMMIT;
ROLLBACK;
END;
ABORT;
-- BEGIN inside a block warns and keeps the block
BEGIN;
INSERT INTO tb VALUES (5, 'nested begin');
BEGIN;
COMMIT;
SELECT * FROM tb WHERE id = 5;
-- an error aborts the block: everything until the end gets 25P02
BEGIN;
INSERT INTO tb VALUES (6, 'lost');
SELECT 1 / 0;
SELECT * FROM tb;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO tb VALUES (7, 'also lost');
SAVEPOINT s;
COMMIT;
SELECT * FROM tb WHERE id >= 6;
-- END of an aborted block also answers ROLLBACK
BEGIN;
INSERT INTO tb VALUES (1, 'duplicate');
END;
-- ROLLBACK of an aborted block is quiet
BEGIN;
SELECT nosuchcolumn FROM tb;
ROLLBACK;
-- an error in a block followed by a new block
BEGIN;
SELECT * FROM nosuchtable;
ROLLBACK;
BEGIN;
INSERT INTO tb VALUES (8, 'after');
COMMIT;
SELECT * FROM tb ORDER BY id;
-- DDL is transactional
BEGIN;
CREATE TABLE tb2 (a int);
INSERT INTO tb2 VALUES (1);
ROLLBACK;
SELECT * FROM tb2;
BEGIN;
DROP TABLE tb;
ROLLBACK;
SELECT count(*) FROM tb;
BEGIN;
ALTER TABLE tb ADD COLUMN extra int DEFAULT 7;
SELECT * FROM tb WHERE id = 1;
ROLLBACK;
SELECT * FROM tb WHERE id = 1;
BEGIN;
TRUNCATE tb;
SELECT count(*) FROM tb;
ROLLBACK;
SELECT count(*) FROM tb;
DROP TABLE tb;
