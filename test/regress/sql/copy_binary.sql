-- COPY ... (FORMAT binary) through psql's \copy: a table with one column of
-- each common type (and a row of NULLs) out to a file and back in, the
-- bytes compared with cmp, a query's file shown byte by byte, and the
-- errors of malformed files.  The files live in a directory of their own
-- under /tmp (a random name, so that parallel runs do not collide), which
-- psql's \cd makes the current one and \! removes at the end.
SET TimeZone = 'UTC';
CREATE TABLE cb (id int4 PRIMARY KEY, i2 int2, i8 int8, n numeric, n2 numeric(10,2),
  f4 float4, f8 float8, t text, vc varchar(10), c char(5), b bool, by bytea, d date,
  tm time, ts timestamp, tstz timestamptz, iv interval, u uuid, j json, jb jsonb,
  ai int4[], at text[], bt bit(4), vb varbit(8));
INSERT INTO cb VALUES
 (1, -32768, 9223372036854775807, 12345.678900, 3.14, 1.5, -2.25e-10, 'hello', 'vc', 'ab',
  true, '\x00ff10', '2024-02-29', '13:45:30.123456', '2024-02-29 13:45:30.5',
  '2024-02-29 13:45:30.5+02', '1 year 2 mons 3 days 04:05:06.789',
  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, 2]}', '{"b": {"c": null}, "a": 1}',
  '{1,NULL,3}', '{"x y",z}', B'1010', B'101'),
 (2, 0, 0, 'NaN', -0.5, 'Infinity', '-Infinity', '', 'ten chars!', 'abcde', false, '\x',
  '-infinity', '00:00', 'infinity', '1999-12-31 23:59:59.999999+00', '-1 days -00:00:01',
  '00000000-0000-0000-0000-000000000000', '[]', '[]', '{}', '{c,d}', B'0000', B''),
 (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (4, 7, -1, '-0.000001', 99999999.99, '-0', 1e300, 'ünïcødé', 'x', 'z', true, '\xdeadbeef',
  '4713-01-01 BC', '24:00', '0001-01-01 00:00', '2000-01-01 00:00+00', '0',
  'ffffffff-ffff-ffff-ffff-ffffffffffff', '"s"', '12.50', '{-2147483648}', '{NULL}',
  B'1111', B'11111111');
SELECT '/tmp/memgres-copy_binary-' || (random() * 1e12)::int8 AS copybin_dir \gset
\setenv COPYBIN_DIR :copybin_dir
\! mkdir -p "$COPYBIN_DIR"
\cd :copybin_dir
-- out to files
\copy cb to 'cb.bin' with (format binary)
\copy (select id, t, ai from cb where id <> 3 order by id desc) to 'query.bin' with (format binary)
\copy cb (id, vc) to 'id_vc.bin' (format binary)
\! wc -c < "$COPYBIN_DIR/cb.bin"
\! od -A d -t x1 "$COPYBIN_DIR/query.bin"
-- and back in
CREATE TABLE cb2 (id int4 PRIMARY KEY, i2 int2, i8 int8, n numeric, n2 numeric(10,2),
  f4 float4, f8 float8, t text, vc varchar(10), c char(5), b bool, by bytea, d date,
  tm time, ts timestamp, tstz timestamptz, iv interval, u uuid, j json, jb jsonb,
  ai int4[], at text[], bt bit(4), vb varbit(8));
\copy cb2 from 'cb.bin' with (format binary)
SELECT * FROM cb2 ORDER BY id;
SELECT id, f4, f8, c, length(c) AS clen, octet_length(by) AS blen, ai[3] FROM cb2 ORDER BY id;
\copy cb2 to 'cb2.bin' with (format binary)
\! cmp "$COPYBIN_DIR/cb.bin" "$COPYBIN_DIR/cb2.bin" && echo "cb.bin and cb2.bin are the same bytes"
-- a column list: the other columns take their defaults
CREATE TABLE cb3 (id int4 NOT NULL, vc varchar(10), note text DEFAULT 'from default', n int4 DEFAULT 7);
\copy cb3 (id, vc) from 'id_vc.bin' with (format binary)
SELECT * FROM cb3 ORDER BY id;
CREATE TABLE cb4 (id int4, t text, ai int4[]);
\copy cb4 from 'query.bin' (format binary)
SELECT * FROM cb4;
-- errors: nothing of a failed COPY stays
\! head -c 30 "$COPYBIN_DIR/cb.bin" > "$COPYBIN_DIR/short.bin"
\copy cb2 from 'short.bin' with (format binary)
\copy cb2 from 'id_vc.bin' with (format binary)
\copy cb to 'cb.txt'
\copy cb2 from 'cb.txt' with (format binary)
CREATE TABLE cb5 (id int4 PRIMARY KEY, vc varchar(3));
\copy cb5 from 'id_vc.bin' with (format binary)
CREATE TABLE cb6 (id int4 CHECK (id <> 2), vc text NOT NULL);
\copy cb6 from 'id_vc.bin' with (format binary)
ALTER TABLE cb6 DROP CONSTRAINT cb6_id_check;
\copy cb6 from 'id_vc.bin' with (format binary)
CREATE TABLE cb7 (id int8, vc text);
\copy cb7 from 'id_vc.bin' with (format binary)
SELECT (SELECT count(*) FROM cb2) AS cb2, (SELECT count(*) FROM cb5) AS cb5,
  (SELECT count(*) FROM cb6) AS cb6, (SELECT count(*) FROM cb7) AS cb7;
\! rm -rf "$COPYBIN_DIR"
-- options that binary refuses
COPY cb TO STDOUT (FORMAT binary, HEADER);
COPY cb TO STDOUT (FORMAT binary, DELIMITER ',');
COPY cb TO STDOUT (FORMAT binary, NULL 'x');
COPY cb FROM STDIN (FORMAT binary, FORCE_NOT_NULL (t));
