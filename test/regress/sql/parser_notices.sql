-- The scanner's identifier-truncation NOTICE comes before the statement
-- runs, and before a syntax error in the same string.
SELECT 1 AS aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa FROM;
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt (x int);
SELECT * FROM tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt;
SELECT 'not an identifier aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' AS s;
SET client_min_messages = warning;
SELECT 1 AS cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc;
