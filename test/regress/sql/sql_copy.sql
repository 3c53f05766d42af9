-- COPY FROM STDIN / TO STDOUT in text and CSV, options, COPY (query), and
-- errors naming the line.
CREATE TABLE cp (id int PRIMARY KEY, name text, amount numeric, note text);
COPY cp FROM STDIN;
1	alpha	1.5	\N
2	beta	\N	tab\there
3	gamma	-2	back\\slash
\.
COPY cp (id, name) FROM STDIN WITH (FORMAT csv, HEADER);
id,name
4,"quoted, with comma"
5,"multi
line"
6,
\.
COPY cp FROM STDIN (FORMAT csv, NULL 'NULL', DELIMITER ';', FREEZE false);
7;NULL;3;""
\.
SELECT * FROM cp ORDER BY id;
COPY cp TO STDOUT;
COPY cp TO STDOUT (FORMAT csv);
COPY cp TO STDOUT (FORMAT csv, HEADER, FORCE_QUOTE *);
COPY cp (name, id) TO STDOUT (FORMAT csv, FORCE_QUOTE (name), DELIMITER '|');
COPY (SELECT id, upper(name) FROM cp WHERE id < 3 ORDER BY id) TO STDOUT;
COPY cp TO STDOUT WITH CSV HEADER;
-- psql's \copy runs COPY ... FROM STDIN / TO STDOUT
\copy cp (id, name) to stdout with (format csv)
\copy (select count(*) from cp) to stdout
-- errors name the line
COPY cp FROM STDIN;
10	ten	1	x
11	eleven
\.
\echo :LAST_ERROR_SQLSTATE
COPY cp FROM STDIN;
12	twelve	notanumber	x
\.
\echo :LAST_ERROR_SQLSTATE
COPY cp FROM STDIN;
13	x	1	y	extra
\.
COPY cp FROM STDIN;
1	dup	1	x
\.
\echo :LAST_ERROR_SQLSTATE
COPY cp FROM STDIN (FORMAT csv);
14,"unterminated
\.
SELECT count(*) FROM cp WHERE id >= 10;
COPY nosuch FROM STDIN;
\echo :LAST_ERROR_SQLSTATE
COPY cp (nosuch) TO STDOUT;
\echo :LAST_ERROR_SQLSTATE
COPY cp TO STDOUT (FORMAT xml);
\echo :LAST_ERROR_SQLSTATE
COPY cp TO STDOUT (FORMAT csv, FORCE_NOT_NULL (id));
\echo :LAST_ERROR_SQLSTATE
COPY cp FROM STDIN (DELIMITER 'ab');
\echo :LAST_ERROR_SQLSTATE
DROP TABLE cp;
