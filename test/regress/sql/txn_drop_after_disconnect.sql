-- DROP DATABASE right after psql's \c left it: PostgreSQL waits up to
-- 5 s for the closing session to go away, so the DROP succeeds.
CREATE DATABASE txn_dad1;
\c txn_dad1
CREATE TABLE t (a int);
\c regression
DROP DATABASE txn_dad1;
CREATE DATABASE txn_dad2;
\c txn_dad2
\c regression
DROP DATABASE txn_dad2;
SELECT current_database();
