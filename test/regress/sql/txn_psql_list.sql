-- psql's \l lists the databases (it reads pg_catalog.pg_database).
CREATE DATABASE txn_list1;
\l txn_list1
SELECT datname FROM pg_database WHERE datname LIKE 'txn_list%' ORDER BY 1;
DROP DATABASE txn_list1;
SELECT count(*) FROM pg_database WHERE datname LIKE 'txn_list%';
