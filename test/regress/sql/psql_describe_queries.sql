-- query forms psql's describe commands send: functions in FROM (WITH
-- ORDINALITY, lateral and correlated arguments), a lone set-returning
-- function in the target list, ARRAY(SELECT ...), array subscripts,
-- correlated subqueries over joins
CREATE TABLE t (id int PRIMARY KEY, tags text[], n int);
INSERT INTO t VALUES (1, '{a,b}', 2), (2, '{}', 0), (3, NULL, 3), (4, '{c}', NULL);
SELECT * FROM generate_series(1, 3);
SELECT * FROM generate_series(1, 3) AS g;
SELECT g.x FROM generate_series(10, 30, 10) AS g(x);
SELECT x, o FROM generate_series(5, 7) WITH ORDINALITY AS s(x, o);
SELECT * FROM generate_series(1, 2) WITH ORDINALITY;
SELECT * FROM unnest(ARRAY['x', 'y']) AS u;
SELECT * FROM generate_series(1, NULL::int);
SELECT * FROM lower('ABC') AS l;
SELECT generate_series(1, 3);
SELECT generate_series(1, 3) AS n ORDER BY 1 DESC;
SELECT t.id, x FROM t, unnest(t.tags) AS x ORDER BY 1, 2;
SELECT t.id, s FROM t JOIN generate_series(1, 3) s ON s <= t.n ORDER BY 1, 2;
SELECT id, (SELECT string_agg(x::text, ',') FROM generate_series(1, t.n) x) FROM t ORDER BY 1;
SELECT id, (SELECT count(*) FROM t u, generate_series(1, t.id) g WHERE u.id = g) FROM t ORDER BY 1;
SELECT id, (SELECT max(o) FROM t u, unnest(t.tags) WITH ORDINALITY AS a(v, o) WHERE u.id = o) FROM t ORDER BY 1;
SELECT id, ARRAY(SELECT u.id FROM t u WHERE u.id < t.id ORDER BY 1 DESC) FROM t ORDER BY 1;
SELECT ARRAY(SELECT id FROM t WHERE id > 100);
SELECT ARRAY(SELECT 'x' || id FROM t ORDER BY id);
SELECT array_to_string(ARRAY(SELECT x FROM unnest(ARRAY['b', 'a']) x ORDER BY 1), ',');
SELECT id, tags[1], tags[2], tags[0], tags[id] FROM t ORDER BY 1;
SELECT ('{4,5,6}'::int[])[2], ('[0:1]={7,8}'::int[])[0], '1 2 3'::int2vector[1];
SELECT (ARRAY[1, 2])[NULL::int];
SELECT n[1] FROM t;
SELECT tags[1:2], tags[:1], tags[2:], tags[0:5], tags[3:1] FROM t ORDER BY id;
SELECT ('[0:2]={1,2,3}'::int[])[0:1], (ARRAY[1, 2])[NULL:1];
SELECT t.id, (SELECT count(*) FROM t a JOIN t b ON a.id = b.id WHERE a.id <= t.id) FROM t ORDER BY 1;
SELECT t.id, (SELECT count(*) FROM t a, t b WHERE a.id = b.n AND b.id = t.id) FROM t ORDER BY 1;
SELECT id FROM t WHERE id IN (SELECT generate_series(1, 2) UNION ALL VALUES (4)) ORDER BY 1;
-- subqueries nested in subqueries, each reading its enclosing query's row
SELECT id, (SELECT count(*) FROM t u WHERE u.id IN (SELECT v.id FROM t v WHERE v.id < u.n)) FROM t ORDER BY 1;
SELECT id, ARRAY(SELECT u.id FROM t u WHERE u.id < t.id AND EXISTS (SELECT 1 FROM t v WHERE v.n = u.id)) FROM t ORDER BY 1;
-- the system column tableoid
SELECT tableoid::regclass, id FROM t ORDER BY id LIMIT 1;
SELECT a.tableoid::regclass, b.tableoid = 't'::regclass FROM t a, t b WHERE a.id = 1 AND b.id = 2;
SELECT tableoid FROM t a, t b;
SELECT c.tableoid::regclass, count(*) > 0 FROM pg_class c GROUP BY 1;
SELECT tableoid FROM generate_series(1, 2);
-- regproc, regprocedure and pg_operator
SELECT 'quote_ident'::regproc, 'upper(text)'::regprocedure, 'pg_catalog.quote_ident'::regproc::oid = 'quote_ident(text)'::regprocedure::oid;
SELECT 'md5'::regproc;
SELECT 'nosuchfunc'::regproc;
SELECT 'upper(int4)'::regprocedure;
SELECT o.oprname, o.oprleft::regtype, o.oprright::regtype, o.oprresult::regtype, o.oprcode, c.oprname AS com, n.oprname AS neg
FROM pg_operator o LEFT JOIN pg_operator c ON c.oid = o.oprcom LEFT JOIN pg_operator n ON n.oid = o.oprnegate
WHERE o.oprname = '<' AND o.oprleft = 'int4'::regtype ORDER BY o.oprright::regtype::text;
-- subqueries in FROM
SELECT * FROM (SELECT 1 AS a, 'x' AS b) s;
SELECT * FROM (SELECT id, n FROM t WHERE n > 0 ORDER BY id DESC) AS q(i, m);
SELECT s.x, u.tags FROM (SELECT id AS x FROM t WHERE id > 1) s JOIN t u ON u.id = s.x ORDER BY 1;
SELECT count(*) FROM t a, (SELECT * FROM t WHERE n IS NOT NULL) b WHERE a.id = b.n;
SELECT id, (SELECT count(*) FROM (SELECT u.id FROM t u WHERE u.id <= t.id) z) FROM t ORDER BY 1;
SELECT id, (SELECT max(y) FROM t u, (SELECT t.n AS y) z WHERE u.id = 1) FROM t ORDER BY 1;
SELECT * FROM (SELECT 1);
SELECT * FROM (SELECT 1, 2) AS z(a, b, c);
-- a UNION subquery whose arms read the enclosing query
SELECT id, EXISTS (SELECT 1 WHERE t.id = 1 UNION ALL SELECT 1 WHERE t.id = 2) FROM t ORDER BY 1;
SELECT id, (SELECT max(x) FROM (SELECT t.id AS x UNION ALL SELECT 2) z) FROM t ORDER BY 1;
-- columns of queries two or more levels up
SELECT id, (SELECT (SELECT t.id)) FROM t ORDER BY 1;
SELECT id, (SELECT count(*) FROM t b WHERE EXISTS (SELECT 1 FROM t c WHERE c.id = b.id AND c.id < t.id)) FROM t ORDER BY 1;
SELECT id, (SELECT ARRAY(SELECT x FROM generate_series(1, t.id) x)) FROM t ORDER BY 1;
SELECT id, (SELECT s FROM (SELECT (SELECT t.id * 10) AS s) z) FROM t ORDER BY 1;
SELECT id, (SELECT (SELECT (SELECT t.id + u.id) FROM t u WHERE u.id = 1)) FROM t ORDER BY 1;
-- regnamespace and regrole
SELECT 'public'::regnamespace, 'pg_catalog'::regnamespace::oid, '"public"'::regnamespace, 'postgres'::regrole, 10::regrole;
SELECT 'nosuchschema'::regnamespace;
SELECT 'nosuchrole'::regrole;
SELECT pg_get_indexdef(0), pg_get_constraintdef(0), pg_get_function_result(0), pg_type_is_visible(0), pg_table_is_visible(0);
