-- Window function errors: where they may not appear, what they may not
-- contain, WINDOW clause rules, frame rules and run-time argument checks.
create table t (a int, b int, c text);
insert into t values (1, 1, 'x'), (1, 2, 'y'), (2, 3, 'z'), (2, null, 'w'), (3, 5, null);
select a from t where row_number() over () > 1;
\echo :LAST_ERROR_SQLSTATE
select a from t group by row_number() over ();
\echo :LAST_ERROR_SQLSTATE
select a from t group by a having row_number() over () > 1;
\echo :LAST_ERROR_SQLSTATE
select sum(row_number() over ()) from t;
\echo :LAST_ERROR_SQLSTATE
select row_number() over (order by row_number() over ()) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(a) over (partition by row_number() over ()) from t;
\echo :LAST_ERROR_SQLSTATE
select lag(row_number() over ()) over () from t;
\echo :LAST_ERROR_SQLSTATE
select row_number();
\echo :LAST_ERROR_SQLSTATE
select abs(a) over () from t;
\echo :LAST_ERROR_SQLSTATE
select count(distinct a) over () from t;
\echo :LAST_ERROR_SQLSTATE
select count(a order by a) over () from t;
\echo :LAST_ERROR_SQLSTATE
select row_number() filter (where a > 1) over () from t;
\echo :LAST_ERROR_SQLSTATE
select a from t limit row_number() over ();
\echo :LAST_ERROR_SQLSTATE
select a from t window w as (order by a), w as (order by b);
\echo :LAST_ERROR_SQLSTATE
select row_number() over w from t;
\echo :LAST_ERROR_SQLSTATE
select row_number() over (w) from t;
\echo :LAST_ERROR_SQLSTATE
select row_number() over w from t window w2 as ();
\echo :LAST_ERROR_SQLSTATE
select a from t window w as (order by a), w2 as (w partition by b);
\echo :LAST_ERROR_SQLSTATE
select a from t window w as (order by a), w2 as (w order by b);
\echo :LAST_ERROR_SQLSTATE
select a from t window w as (order by a rows unbounded preceding), w2 as (w);
\echo :LAST_ERROR_SQLSTATE
select row_number() over (w) from t window w as (order by a rows unbounded preceding);
\echo :LAST_ERROR_SQLSTATE
select row_number() over (w order by b) from t window w as (partition by a rows unbounded preceding);
\echo :LAST_ERROR_SQLSTATE
select row_number() over (w rows 1 preceding) from t window w as (order by a rows unbounded preceding);
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by a, b range between 1 preceding and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (groups between 1 preceding and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by c range between 1 preceding and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by a rows between a preceding and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by a rows between -1 preceding and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by a rows between null preceding and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by a rows between current row and -1 following) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by a range between -1 preceding and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select ntile(0) over () from t;
\echo :LAST_ERROR_SQLSTATE
select nth_value(a, 0) over () from t;
\echo :LAST_ERROR_SQLSTATE
select ntile(null) over () from t;
select sum(b) over (rows between unbounded following and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (rows between current row and unbounded preceding) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (rows between 1 following and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select a, b from t group by a having sum(b) over () > 1;
\echo :LAST_ERROR_SQLSTATE
select a, b, row_number() over () from t group by a;
\echo :LAST_ERROR_SQLSTATE
select a, row_number() over (order by b) from t group by a;
\echo :LAST_ERROR_SQLSTATE
select a from t where a in (select row_number() over ());
select row_number() over (partition by sum(a)) from t;
select lag(a, 1, 'x') over () from t;
\echo :LAST_ERROR_SQLSTATE
select lag(a, 1, 0.5) over (order by a) from t;
select sum(b) over (order by a::text range between 1 preceding and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by a range between 1.5 preceding and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by a rows between 1.5 preceding and current row) from t;
select row_number(1) over () from t;
\echo :LAST_ERROR_SQLSTATE
select rank() over (order by a) filter (where true) from t;
\echo :LAST_ERROR_SQLSTATE
values (row_number() over ());
\echo :LAST_ERROR_SQLSTATE
select * from t join t t2 on row_number() over () = 1;
\echo :LAST_ERROR_SQLSTATE
select count(*) over () filter (where a > 1) from t;
\echo :LAST_ERROR_SQLSTATE
select row_number() over (order by a) from t order by row_number() over (order by a) limit (select 1);
select a from t order by row_number() over ();
select distinct row_number() over (order by a) from t order by 1;
select sum(b) over (order by a rows between 1 preceding and 1 following exclude current row) from t;
select a, sum(b) over w from t group by a window w as (order by b);
\echo :LAST_ERROR_SQLSTATE
select a, row_number() over (partition by c) from t group by a;
\echo :LAST_ERROR_SQLSTATE
select a from t window w as (order by nosuch);
\echo :LAST_ERROR_SQLSTATE
select a from t window w as (w2);
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by a rows between 'x' preceding and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by a rows between sum(a) preceding and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by a range between null preceding and current row) from t;
\echo :LAST_ERROR_SQLSTATE
select sum(b) over (order by a groups between 1 preceding and -1 following) from t;
\echo :LAST_ERROR_SQLSTATE
select nth_value(a, -1) over () from t where false;
select nth_value(a, null) over (order by a) from t order by a;
select lag(a, 1, 'x'::text) over () from t;
\echo :LAST_ERROR_SQLSTATE
select lag() over () from t;
\echo :LAST_ERROR_SQLSTATE
select nosuch(a) over () from t;
\echo :LAST_ERROR_SQLSTATE
update t set b = row_number() over ();
\echo :LAST_ERROR_SQLSTATE
insert into t values (row_number() over ());
\echo :LAST_ERROR_SQLSTATE
select count(*) from t where a = any (select rank() over (order by b) from t);
select row_number() over () from t for update;
\echo :LAST_ERROR_SQLSTATE
select a from t group by a window w as (order by b);
\echo :LAST_ERROR_SQLSTATE
select sum(*) over () from t;
\echo :LAST_ERROR_SQLSTATE
select a, rank() over (partition by a order by b) from t group by a, b order by 1, 2;
select first_value('a') over ();
\echo :LAST_ERROR_SQLSTATE
select lag(null) over ();
\echo :LAST_ERROR_SQLSTATE
select lag(a, 2::bigint) over () from t;
\echo :LAST_ERROR_SQLSTATE
select ntile(1.5) over () from t;
\echo :LAST_ERROR_SQLSTATE
select ntile(c) over () from t;
\echo :LAST_ERROR_SQLSTATE
select nth_value(a, 'x') over () from t;
\echo :LAST_ERROR_SQLSTATE
select lag(a, 1, c) over () from t;
\echo :LAST_ERROR_SQLSTATE
select first_value(a, 1) over () from t;
\echo :LAST_ERROR_SQLSTATE
select rank(1) from t;
\echo :LAST_ERROR_SQLSTATE
select rank(1) within group (order by a) over () from t;
\echo :LAST_ERROR_SQLSTATE
select cume_dist(1, 2) over () from t;
\echo :LAST_ERROR_SQLSTATE
select lag(a, '1') over (order by a), lead(a, null, null) over (order by a) from t order by a;
drop table t;
