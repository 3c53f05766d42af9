-- CREATE / DROP / ALTER DATABASE ... RENAME TO: success paths and errors.
-- Databases made here are dropped again before the end.
CREATE DATABASE txn_db1;
CREATE DATABASE txn_db1;
CREATE DATABASE txn_db2 TEMPLATE txn_db1;
CREATE DATABASE txn_db3 WITH TEMPLATE = txn_db1 ENCODING = 'UTF8';
CREATE DATABASE txn_db4 TEMPLATE nosuchdb;
CREATE DATABASE regression;
-- not inside a transaction block
BEGIN;
CREATE DATABASE txn_inblock;
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
BEGIN;
DROP DATABASE txn_db1;
ROLLBACK;
-- rename
ALTER DATABASE txn_db1 RENAME TO txn_renamed;
ALTER DATABASE txn_renamed RENAME TO txn_db2;
ALTER DATABASE nosuchdb RENAME TO whatever;
ALTER DATABASE regression RENAME TO txn_current;
ALTER DATABASE txn_renamed RENAME TO txn_db1;
-- drop
DROP DATABASE regression;
DROP DATABASE nosuchdb;
DROP DATABASE IF EXISTS nosuchdb;
DROP DATABASE txn_db1;
DROP DATABASE txn_db1;
DROP DATABASE IF EXISTS txn_db2;
DROP DATABASE txn_db3 WITH (FORCE);
SELECT current_database();
