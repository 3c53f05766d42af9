-- Errors: syntax errors with their position, division by zero, unknown
-- settings.  :LAST_ERROR_SQLSTATE shows each error's SQLSTATE.
SELEC 1;
\echo :LAST_ERROR_SQLSTATE
SELECT 1 +;
\echo :LAST_ERROR_SQLSTATE
SELECT (1 2);
SELECT 1,
  2 +
  FROM;
\echo :LAST_ERROR_SQLSTATE
SELECT 'abc' 'def';
SELECT 1/0;
\echo :LAST_ERROR_SQLSTATE
SELECT 5 % 0;
SELECT 1::int8 / 0::int8;
SELECT 1.0::float8 / 0;
\echo :LAST_ERROR_SQLSTATE
SET nonexistent_setting = 1;
\echo :LAST_ERROR_SQLSTATE
SHOW nonexistent_setting;
\echo :LAST_ERROR_SQLSTATE
SELECT 1 AS after_errors;
-- a prefix operator that does not exist: the hint is singular
SELECT !! true;
SELECT - 'a'::text;
-- the error cursor of an assignment points at the expression's leftmost token
CREATE TABLE assign_pos (a int);
INSERT INTO assign_pos VALUES ('1010'::text);
INSERT INTO assign_pos VALUES (('x'::text || 'y') COLLATE "C");
UPDATE assign_pos SET a = 'x'::text;
INSERT INTO assign_pos SELECT 'x'::text;
INSERT INTO assign_pos SELECT 'x'::text || 'y';
INSERT INTO assign_pos SELECT 1, 2;
INSERT INTO assign_pos (a) SELECT 1, 2;
DROP TABLE assign_pos;
