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
