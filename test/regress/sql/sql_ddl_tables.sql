-- CREATE/DROP TABLE and SCHEMA: IF [NOT] EXISTS, column and table
-- constraints, schemas and search_path, and the errors for each.
CREATE TABLE t1 (id int PRIMARY KEY, name text NOT NULL, score numeric(5,2) DEFAULT 0);
INSERT INTO t1 (id, name) VALUES (1, 'one');
SELECT * FROM t1;
CREATE TABLE t1 (x int);
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE IF NOT EXISTS t1 (x int);
SELECT id, name, score FROM t1;
DROP TABLE t1;
DROP TABLE t1;
\echo :LAST_ERROR_SQLSTATE
DROP TABLE IF EXISTS t1;
DROP TABLE IF EXISTS t1, t2;
SELECT * FROM t1;
\echo :LAST_ERROR_SQLSTATE
-- every column constraint form
CREATE TABLE parent (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE child (
    id int PRIMARY KEY,
    parent_id int REFERENCES parent (id) ON DELETE CASCADE,
    qty int NOT NULL CHECK (qty > 0),
    note varchar(10) NULL,
    code text REFERENCES parent (code) ON UPDATE CASCADE ON DELETE SET NULL,
    created date DEFAULT '2024-01-01'
);
INSERT INTO parent VALUES (1, 'a'), (2, 'b');
INSERT INTO child (id, parent_id, qty, code) VALUES (10, 1, 5, 'a'), (11, 2, 1, 'b');
SELECT * FROM child ORDER BY id;
-- table constraints, named
CREATE TABLE pairs (
    a int,
    b int,
    c int,
    CONSTRAINT pairs_pk PRIMARY KEY (a, b),
    CONSTRAINT pairs_c_positive CHECK (c >= 0),
    CONSTRAINT pairs_c_unique UNIQUE (c)
);
INSERT INTO pairs VALUES (1, 1, 1), (1, 2, 2);
INSERT INTO pairs VALUES (1, 1, 3);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO pairs VALUES (2, 2, -1);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO pairs VALUES (3, 3, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM pairs ORDER BY a, b;
-- dependent objects: RESTRICT fails, CASCADE drops the foreign keys
DROP TABLE parent;
\echo :LAST_ERROR_SQLSTATE
DROP TABLE parent CASCADE;
INSERT INTO child (id, parent_id, qty) VALUES (12, 99, 1);
SELECT id, parent_id FROM child ORDER BY id;
-- schemas and search_path
CREATE SCHEMA s1;
CREATE SCHEMA s1;
\echo :LAST_ERROR_SQLSTATE
CREATE SCHEMA IF NOT EXISTS s1;
CREATE TABLE s1.t (v text);
INSERT INTO s1.t VALUES ('in s1');
SELECT * FROM t;
\echo :LAST_ERROR_SQLSTATE
SET search_path TO s1, public;
SHOW search_path;
SELECT * FROM t;
SELECT count(*) FROM child;
RESET search_path;
SELECT * FROM s1.t;
DROP SCHEMA s1;
\echo :LAST_ERROR_SQLSTATE
DROP SCHEMA s1 CASCADE;
DROP SCHEMA IF EXISTS s1;
SELECT * FROM s1.t;
\echo :LAST_ERROR_SQLSTATE
-- bad definitions
CREATE TABLE bad1 (a int, a text);
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE bad2 (a nosuchtype);
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE bad3 (a int PRIMARY KEY, b int PRIMARY KEY);
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE bad4 (a int REFERENCES nosuchtable);
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE bad5 (a int CHECK (b > 0));
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE bad6 (a int, PRIMARY KEY (z));
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE nocols ();
SELECT * FROM nocols;
CREATE TEMP TABLE tmp1 (a int);
INSERT INTO tmp1 VALUES (1);
SELECT * FROM tmp1;
-- COMMENT ON
COMMENT ON TABLE child IS 'child rows';
COMMENT ON COLUMN child.qty IS 'how many';
SELECT obj_description('child'::regclass, 'pg_class') AS table_comment, col_description('child'::regclass, 3) AS qty_comment;
COMMENT ON TABLE child IS NULL;
SELECT obj_description('child'::regclass, 'pg_class') IS NULL AS removed;
COMMENT ON TABLE nosuch IS 'x';
\echo :LAST_ERROR_SQLSTATE
COMMENT ON COLUMN child.nosuch IS 'x';
\echo :LAST_ERROR_SQLSTATE
DROP TABLE child, pairs, nocols, tmp1;
-- generated CHECK names: tab_col_check when the expression uses exactly one column, else tab_check
CREATE TABLE ck (a int CHECK (a > 0), b int CHECK (b > a), c int CHECK (true), CHECK (a < 100), CHECK (a < b),
  d int CONSTRAINT named CHECK (d > 0), CHECK (c > 0 AND c < 5));
ALTER TABLE ck ADD CHECK (b > 1);
ALTER TABLE ck ADD CHECK (a + b > 1);
ALTER TABLE ck ADD COLUMN e int CHECK (e > a);
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ck'::regclass ORDER BY 1;
DROP TABLE ck;
