-- psql describe commands whose output differs from PostgreSQL on purpose;
-- this file's expected output is memgres's own, checked by hand.
-- memgres keeps rows in memory trees, not pages: every relation and
-- database reports 0 bytes (PostgreSQL: 8192 bytes per table page, about
-- 7 MB per database), see doc/compatibility.md.
CREATE TABLE books (id serial PRIMARY KEY, title text);
INSERT INTO books (title) VALUES ('a'), ('b');
\dt+ books
\di+ books_pkey
\l+ regression
SELECT pg_table_size('books'), pg_total_relation_size('books'), pg_relation_size('books_pkey'),
  pg_database_size('regression'), pg_size_pretty(pg_database_size(current_database()));
SELECT pg_table_size(0);
SELECT pg_database_size('nosuchdb');
