-- pg_sequences (read with information_schema.columns by schema tools such as
-- Atlas for an identity column's last value).
CREATE SEQUENCE s1;
CREATE SEQUENCE s2 AS int START 10 INCREMENT -2 MINVALUE -100 MAXVALUE 10 CACHE 5 CYCLE;
CREATE TABLE ts (id bigserial, g int GENERATED ALWAYS AS IDENTITY);
SELECT nextval('s1'), nextval('s1');
SELECT setval('s2', 4, false);
INSERT INTO ts DEFAULT VALUES;
SELECT * FROM pg_sequences ORDER BY sequencename;
SELECT sequencename, data_type, pg_typeof(data_type) FROM pg_sequences ORDER BY 1;
SELECT c.table_name, c.column_name, c.is_identity, c.identity_start, c.identity_increment,
       (SELECT last_value FROM pg_sequences WHERE schemaname = c.table_schema AND sequencename = c.table_name || '_' || c.column_name || '_seq') AS identity_last
  FROM information_schema.columns c WHERE c.table_schema = 'public' ORDER BY c.table_name, c.ordinal_position;
