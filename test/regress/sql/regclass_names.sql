-- regclass: input through search_path and qualified/quoted names; output
-- prints the relation name, qualified when not visible, quoted as needed.
CREATE TABLE "T x" (a int PRIMARY KEY);
CREATE SCHEMA s2;
CREATE TABLE s2.q (a int);
CREATE INDEX qi ON s2.q (a);
SELECT 'pg_class'::regclass, '"T x"'::regclass, 's2.q'::regclass, 's2.qi'::regclass;
SELECT ' S2 . Q '::regclass, '"T x_pkey"'::regclass, 0::regclass, '-'::regclass;
SELECT '"T x"'::regclass::oid::regclass;
SELECT 'pg_class'::regclass = 1259::oid AS same;
SELECT 'x.pg_catalog.pg_class'::regclass;
\echo :LAST_ERROR_SQLSTATE
SELECT 'public.nosuch'::regclass;
\echo :LAST_ERROR_SQLSTATE
SELECT 'nosch.t'::regclass;
\echo :LAST_ERROR_SQLSTATE
SELECT 'a.b.c.d'::regclass;
\echo :LAST_ERROR_SQLSTATE
SELECT 'a b'::regclass;
\echo :LAST_ERROR_SQLSTATE
SELECT '"unterminated'::regclass;
\echo :LAST_ERROR_SQLSTATE
SET search_path = s2;
SELECT 'public."T x"'::regclass, 'q'::regclass, 'public."T x"'::regclass::oid::regclass;
RESET search_path;
SELECT 's2.q'::regclass;
-- input at execution time, from a computed string
SELECT ('pg_' || 'class')::regclass, 's2.q'::text::regclass, ' "T x" '::text::regclass;
SELECT relname::regclass FROM pg_class WHERE relname IN ('q', 'T x') ORDER BY 1;
SELECT 'nosuch'::text::regclass;
\echo :LAST_ERROR_SQLSTATE
SELECT 'nosch.x'::text::regclass;
\echo :LAST_ERROR_SQLSTATE
BEGIN;
CREATE TABLE in_txn (a int);
SELECT 'in_txn'::text::regclass, 'in_txn'::regclass::oid = 'in_txn'::text::regclass::oid AS same;
ROLLBACK;
SELECT 'in_txn'::text::regclass;
