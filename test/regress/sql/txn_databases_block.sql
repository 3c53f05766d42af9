-- ALTER DATABASE ... RENAME TO is transactional in PostgreSQL: allowed in
-- a block, undone by ROLLBACK (unlike CREATE and DROP DATABASE).
CREATE DATABASE txn_dbb1;
BEGIN;
ALTER DATABASE txn_dbb1 RENAME TO txn_dbb_renamed;
ROLLBACK;
ALTER DATABASE txn_dbb1 RENAME TO txn_dbb2;
BEGIN;
ALTER DATABASE txn_dbb2 RENAME TO txn_dbb3;
COMMIT;
DROP DATABASE txn_dbb3;
DROP DATABASE txn_dbb2;
