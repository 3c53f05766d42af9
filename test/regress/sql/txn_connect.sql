-- Connecting to databases by name with psql's \c: each database has its
-- own tables; a fork made with TEMPLATE has the template's.
CREATE DATABASE txn_conn1;
\c txn_conn1
SELECT current_database();
CREATE TABLE only_here (a int);
INSERT INTO only_here VALUES (1), (2);
\c regression
SELECT current_database();
SELECT * FROM only_here;
CREATE DATABASE txn_conn2 TEMPLATE txn_conn1;
\c txn_conn2
SELECT current_database(), count(*) FROM only_here;
INSERT INTO only_here VALUES (3);
\c txn_conn1
SELECT count(*) FROM only_here;
\c regression
SELECT current_database();
-- (the databases are left for the server to discard: dropping one right
-- after leaving it is pending/txn_drop_after_disconnect.sql)
