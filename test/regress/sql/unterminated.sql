-- Unterminated quoted strings and comments at the end of the input: psql
-- sends the incomplete text at end of file and the server rejects it.
SELECT 1;
SELECT 'never closed
