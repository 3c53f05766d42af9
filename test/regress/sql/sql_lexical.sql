-- Lexical structure and grammar corners: identifiers and case folding,
-- quoted and long identifiers (truncation NOTICE), string forms, comments,
-- operator precedence, and keywords.
SELECT 1 AS abc, 2 AS "ABC", 3 AS "with space", 4 AS "quote""inside", 5 AS MixedCase;
CREATE TABLE "Quoted Table" ("Col" int, col int);
INSERT INTO "Quoted Table" VALUES (1, 2);
SELECT "Col", col, COL FROM "Quoted Table";
SELECT * FROM "quoted table";
\echo :LAST_ERROR_SQLSTATE
DROP TABLE "Quoted Table";
SELECT 1 AS a_very_long_identifier_that_goes_on_and_on_and_on_beyond_sixty_three_bytes_yes;
SELECT 1 AS "Quoted_Identifier_That_Is_Way_Too_Long_For_PostgreSQL_Names_Really_Yes";
SELECT 1 AS ééééééééééééééééééééééééééééééééé, 2 AS ünïcödé;
SELECT U&"d\0061t\+000061" AS unicode_ident, U&'d\0061t\+000061' AS unicode_string;
SELECT U&'d!0061t' UESCAPE '!' AS escaped;
-- strings
SELECT 'it''s', E'tab\there', E'\x41\101\u00e9', 'back\slash', $$dollar 'quoted'$$, $tag$with $$ inside$tag$;
SELECT 'multi'
  'line' AS continued;
SELECT B'1010' AS bits, X'1F' AS hex, N'national' AS nchar;
SELECT E'\xZZ';
\echo :LAST_ERROR_SQLSTATE
SELECT '' AS empty, '   ' AS blanks, length(E'\n') AS newline;
-- comments
SELECT 1 /* block /* nested */ still comment */ + 1 AS two; -- trailing
SELECT /**/ 3 AS three;
-- numbers
SELECT 42, -42, 4.2, .5, 5., 1e3, 1.5E-3, 2147483647, 2147483648, 9223372036854775808, 0.000001;
SELECT 1_000;
-- precedence and associativity
SELECT 2 + 3 * 4, (2 + 3) * 4, -2 ^ 2, (-2) ^ 2, 2 ^ 3 ^ 2, 10 - 4 - 3, 100 / 10 / 5;
SELECT NOT true AND false, NOT (true AND false), true OR false AND false;
SELECT 1 < 2 = true, 5 BETWEEN 1 AND 10 = true, 'a' || 'b' || 'c', 3 IS NULL IS FALSE;
SELECT - - 1 AS double_negation, +1 AS unary_plus, @ -3 AS absval;
SELECT 1 = 1 IS TRUE;
-- keywords as names
SELECT 1 AS "select", 2 AS "from", 3 AS user_, 4 AS name, 5 AS value, 6 AS type, 7 AS text;
SELECT 1 AS select;
SELECT 1 AS from;
CREATE TABLE kw (name text, value int, type text, "order" int, "user" text);
INSERT INTO kw VALUES ('n', 1, 't', 2, 'u');
SELECT name, value, type, "order", "user" FROM kw;
SELECT order FROM kw;
DROP TABLE kw;
-- parameters outside a prepared statement
SELECT $1;
\echo :LAST_ERROR_SQLSTATE
-- empty statements and semicolons
;
SELECT 'after empty statements';
