-- psql's catalog commands over the virtual system catalogs
CREATE TABLE books (id serial PRIMARY KEY, title text NOT NULL);
CREATE INDEX books_title ON books (title);
CREATE SEQUENCE counter;
\dt
\di
\ds
\dn
DROP TABLE books;
DROP SEQUENCE counter;
\dt
