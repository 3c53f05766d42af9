-- SET TRANSACTION after the first query of a block: changing the
-- isolation level fails with 25001, setting the same level is allowed;
-- READ WRITE after a query of a READ ONLY block fails with 25001.
-- SET TRANSACTION after the first query of the block
BEGIN;
SELECT 1;
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
BEGIN;
SELECT 1;
SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
SHOW transaction_isolation;
ROLLBACK;
-- READ WRITE cannot be set after READ ONLY has been used
BEGIN READ ONLY;
SELECT 1;
SET TRANSACTION READ WRITE;
ROLLBACK;
BEGIN READ WRITE;
SELECT 1;
SET TRANSACTION READ ONLY;
SHOW transaction_read_only;
ROLLBACK;
