-- Syntax errors with their cursor positions, constructs PostgreSQL rejects
-- in the grammar, and pathological input.
SELECT * FORM t;
SELECT 'é' + ;
SELECT 1 2;
SELECT 123abc;
SELECT 1 LIMIT 1, 2;
CREATE TABLE d (a int NOT NULL DEFERRABLE);
CREATE TABLE d (a int UNIQUE DEFERRABLE NOT DEFERRABLE);
SELECT U&'\00';
INSERT INTO t VALUES (1;
UPDATE SET a = 1;
DELETE t;
SELECT 1 WHERE;
SELECT "";
\echo :LAST_ERROR_SQLSTATE
SELECT 'after errors';
