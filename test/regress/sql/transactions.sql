-- BEGIN / COMMIT / ROLLBACK and the aborted-block state.
BEGIN;
SELECT 1;
COMMIT;
START TRANSACTION;
SELECT 2;
ROLLBACK;
COMMIT;
ROLLBACK;
BEGIN;
BEGIN;
END;
-- an error aborts the block until ROLLBACK
BEGIN;
SELECT 1/0;
SELECT 1;
\echo :LAST_ERROR_SQLSTATE
COMMIT;
SELECT 'after commit of an aborted block';
-- settings changed in a rolled back block are undone
SET application_name = 'before';
BEGIN;
SET application_name = 'inside';
SHOW application_name;
ROLLBACK;
SHOW application_name;
BEGIN;
SET application_name = 'kept';
COMMIT;
SHOW application_name;
-- SET LOCAL lasts until the end of the block
BEGIN;
SET LOCAL application_name = 'local';
SHOW application_name;
COMMIT;
SHOW application_name;
ABORT;
-- several statements in one query string are one implicit transaction
SELECT 1 \; SELECT 1/0 \; SELECT 3;
SELECT 'still working';
