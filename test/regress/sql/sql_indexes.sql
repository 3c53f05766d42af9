-- CREATE/DROP INDEX: unique, multi-column, DESC, IF NOT EXISTS; results
-- must not depend on whether an index is used.
CREATE TABLE items (id int, cat text, price numeric, added date);
INSERT INTO items VALUES
  (1, 'a', 10.5, '2024-01-03'), (2, 'b', 3, '2024-01-01'), (3, 'a', NULL, '2024-01-02'),
  (4, 'c', 7.25, NULL), (5, 'b', 3, '2024-01-05');
CREATE INDEX items_cat ON items (cat);
CREATE INDEX items_cat ON items (cat);
\echo :LAST_ERROR_SQLSTATE
CREATE INDEX IF NOT EXISTS items_cat ON items (cat);
CREATE INDEX items_cat_price ON items (cat, price DESC NULLS LAST);
CREATE INDEX ON items (added DESC);
CREATE UNIQUE INDEX items_id ON items (id);
SELECT id FROM items WHERE cat = 'a' ORDER BY id;
SELECT id FROM items WHERE cat IN ('a', 'c') ORDER BY id;
SELECT id, price FROM items WHERE cat = 'b' AND price = 3 ORDER BY id;
SELECT id FROM items WHERE id BETWEEN 2 AND 4 ORDER BY id;
SELECT id, added FROM items ORDER BY added DESC LIMIT 2;
SELECT id, added FROM items ORDER BY added LIMIT 3;
SELECT cat, price FROM items ORDER BY cat, price DESC NULLS LAST;
INSERT INTO items VALUES (1, 'dup', 1, NULL);
\echo :LAST_ERROR_SQLSTATE
-- a unique index allows several NULLs
CREATE TABLE u (k int, v text);
CREATE UNIQUE INDEX u_k ON u (k);
INSERT INTO u VALUES (NULL, 'x'), (NULL, 'y'), (1, 'z');
INSERT INTO u VALUES (1, 'again');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM u ORDER BY v;
-- a unique index cannot be built over duplicates
CREATE UNIQUE INDEX items_cat_u ON items (cat);
\echo :LAST_ERROR_SQLSTATE
-- multi-column unique
CREATE UNIQUE INDEX items_cat_id ON items (cat, id);
INSERT INTO items VALUES (6, 'a', 1, NULL);
INSERT INTO items VALUES (6, 'a', 1, NULL);
\echo :LAST_ERROR_SQLSTATE
CREATE INDEX bad ON items (nosuch);
\echo :LAST_ERROR_SQLSTATE
CREATE INDEX bad ON nosuch (a);
\echo :LAST_ERROR_SQLSTATE
DROP INDEX items_cat;
DROP INDEX items_cat;
\echo :LAST_ERROR_SQLSTATE
DROP INDEX IF EXISTS items_cat;
DROP INDEX items_cat_price, items_id;
SELECT id FROM items WHERE cat = 'a' ORDER BY id;
DROP TABLE items;
DROP INDEX u_k;
INSERT INTO u VALUES (1, 'allowed now');
SELECT count(*) FROM u;
DROP TABLE u;
