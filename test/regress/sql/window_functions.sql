-- Window functions: ranking, offsets, values, aggregates over windows,
-- the WINDOW clause, and windows after grouping.
create table emp (name text, dept text, salary int, hired date, bonus numeric);
insert into emp values
  ('alice', 'eng', 120, '2020-01-10', 10.5),
  ('bob', 'eng', 100, '2021-03-01', null),
  ('carol', 'eng', 100, '2019-07-15', 3),
  ('dave', 'ops', 90, '2022-02-02', 1.25),
  ('erin', 'ops', null, '2018-05-20', 2),
  ('frank', 'sales', 80, '2020-11-11', 0),
  ('grace', 'sales', 95, '2021-06-30', 7.75),
  ('heidi', null, 70, '2023-01-01', null);

-- ranking
select name, dept, salary,
       row_number() over (partition by dept order by salary desc, name) as rn,
       rank() over (partition by dept order by salary desc) as rk,
       dense_rank() over (partition by dept order by salary desc) as drk
  from emp order by dept nulls first, rn;
select name, salary, rank() over (order by salary), dense_rank() over (order by salary nulls first),
       percent_rank() over (order by salary), cume_dist() over (order by salary)
  from emp order by salary nulls last, name;
select name, ntile(3) over (order by name), ntile(10) over (order by name), ntile(1) over ()
  from emp order by name;
select name, dept, ntile(2) over (partition by dept order by name) from emp order by dept, name;
select row_number() over (), count(*) over () from emp where false;
select name, row_number() over (order by name) from emp order by name desc;

-- lag, lead
select name, salary,
       lag(salary) over w, lead(salary) over w,
       lag(salary, 2) over w, lead(salary, 2, -1) over w,
       lag(name, 1, 'none') over w, lead(salary, -1) over w, lag(salary, 0) over w
  from emp window w as (order by name) order by name;
select name, lag(salary, 1, 0.5) over (order by name) from emp order by name;
select name, lag(bonus, 1, 0) over (partition by dept order by name) from emp order by name;
select name, lead(salary, null) over (order by name) from emp order by name;

-- first_value, last_value, nth_value with the default frame and whole partitions
select name, dept,
       first_value(name) over (partition by dept order by name),
       last_value(name) over (partition by dept order by name),
       nth_value(name, 2) over (partition by dept order by name),
       last_value(name) over (partition by dept order by name rows between unbounded preceding and unbounded following)
  from emp order by dept, name;
select name, first_value(salary) over (order by salary desc nulls last), nth_value(salary, 3) over (order by salary)
  from emp order by name;

-- aggregates as window functions
select name, dept, salary,
       count(*) over (partition by dept) as n,
       count(salary) over (partition by dept) as nsal,
       sum(salary) over (partition by dept) as total,
       avg(salary) over (partition by dept) as mean,
       min(salary) over (partition by dept), max(salary) over (partition by dept)
  from emp order by dept, name;
select name, salary, sum(salary) over (order by salary), count(*) over (order by salary)
  from emp order by salary nulls first, name;
select name, string_agg(name, ',') over (partition by dept order by name),
       array_agg(salary) over (partition by dept order by name)
  from emp order by dept, name;
select name, bool_and(salary > 90) over (partition by dept), bool_or(salary > 110) over (partition by dept),
       every(salary >= 80) over ()
  from emp order by name;
select name, sum(bonus) over (order by name), avg(bonus) over (order by name rows between 1 preceding and 1 following)
  from emp order by name;
select dept, name, stddev(salary) over (partition by dept), var_pop(salary) over (partition by dept)
  from emp where dept = 'eng' order by name;
select name, max(hired) over (partition by dept), min(name) over (order by hired desc)
  from emp order by name;

-- FILTER
select name, dept,
       count(*) filter (where salary >= 100) over (partition by dept),
       sum(salary) filter (where name <> 'alice') over (order by name)
  from emp order by name;

-- the WINDOW clause, references and refinements
select name, dept, salary,
       sum(salary) over w, rank() over w, row_number() over (w rows between current row and unbounded following),
       count(*) over (w2 order by name)
  from emp
  window w as (partition by dept order by salary), w2 as (partition by dept)
  order by dept, salary, name;
select name, sum(salary) over w3 from emp window w1 as (partition by dept), w2 as (w1 order by name), w3 as (w2)
  order by name;
select name from emp window unused as (order by salary) order by name limit 2;

-- expressions over and around window functions
select name, salary - avg(salary) over (partition by dept) as diff,
       100 * salary / sum(salary) over () as pct,
       case when row_number() over (order by name) % 2 = 0 then 'even' else 'odd' end
  from emp order by name;
select name, rank() over (order by length(name), name desc) from emp order by 2;
select upper(name), sum(salary + 1) over (partition by substr(name, 1, 1) order by salary) from emp order by 1;

-- after grouping
select dept, count(*), sum(salary),
       rank() over (order by sum(salary) desc nulls last),
       sum(sum(salary)) over (), lag(dept) over (order by dept)
  from emp group by dept order by dept;
select dept, avg(salary)::numeric(10,2), row_number() over (order by count(*) desc, dept)
  from emp where salary is not null group by dept having count(*) > 1 order by dept;
select count(*), row_number() over () from emp;
select dept, max(salary), first_value(dept) over (order by max(salary) desc nulls last)
  from emp group by dept order by 2 desc nulls last;

-- ORDER BY, DISTINCT, LIMIT on window results
select name, row_number() over (order by salary desc nulls last, name) as r from emp order by r desc limit 3;
select name from emp order by row_number() over (order by hired);
select distinct dept, count(*) over (partition by dept) from emp order by dept;
select distinct on (dept) dept, name, rank() over (partition by dept order by salary desc nulls last, name) as r
  from emp order by dept, r;
select dept, sum(salary) over (partition by dept) from emp order by 2 desc nulls last, 1 limit 2 offset 1;

-- subqueries, joins, unions
select * from (select name, rank() over (order by salary desc nulls last) as r from emp) s where r <= 3 order by r, name;
select name, (select count(*) from emp e2 where e2.dept = e.dept), count(*) over (partition by dept)
  from emp e order by name;
select e.name, d.n, row_number() over (partition by d.n order by e.name)
  from emp e join (values ('eng', 1), ('ops', 2)) d(dept, n) on e.dept = d.dept order by e.name;
select name, row_number() over (order by name) from emp where dept = 'eng'
union all
select dept, count(*) over () from emp where dept = 'ops' order by 1, 2;
select x, sum(x) over (order by x) from generate_series(1, 5) as g(x) order by x;
with x as (select name, dept, salary from emp where salary > 80)
  select name, row_number() over (partition by dept order by salary desc, name), sum(salary) over () from x order by name;
with recursive r(n) as (select 1 union all select n + 1 from r where n < 5)
  select n, lag(n) over (order by n), sum(n) over (order by n desc) from r order by n;
insert into emp select name || '2', dept, salary + row_number() over (order by name), hired, bonus from emp where dept = 'sales';
select name, salary from emp where name like '%2' order by name;
drop table emp;
-- one call written twice in one query level is one call
create table t (a int, b text);
insert into t values (1, 'x'), (2, 'y'), (3, 'x'), (4, null);
select distinct row_number() over (order by a) from t order by row_number() over (order by a);
select distinct count(*) over (partition by b) as c from t order by count(*) over (partition by b);
select distinct on (rank() over (order by b)) rank() over (order by b), a from t order by rank() over (order by b), a;
select a, sum(a) over (order by a), sum(a) over (order by a desc), sum(a) over(order by a) from t order by a;
select a, string_agg(b, ')') over (order by a), string_agg(b, '(') over (order by a) from t order by a;
select a, count(*) filter (where b = 'x') over w, count(*) filter (where b = 'y') over w from t window w as (order by a) order by a;
select a, first_value($$a(b$$::text) over (order by a), first_value(E'\'('::text) over (order by a),
       first_value('(' /* ) */::text) over (order by a) from t order by a;
select distinct lag(b) over ("w") from t window "w" as (order by a) order by lag(b) over ("w");
select lag('a', 1, 'b') over (), lag(1, 1, null) over (), ntile('2') over () from t order by 1, 2, 3;
drop table t;
-- windows in correlated subqueries, and correlated subqueries in windows
create table t (a int, b int);
insert into t values (1, 10), (2, 20), (3, 30);
create table t2 (a int, c int);
insert into t2 values (1, 5), (1, 6), (2, 7);
select a, (select sum(c) over () from t2 where t2.a = t.a limit 1) from t order by a;
select a, (select max(r) from (select row_number() over (order by c + t.b) r from t2) s) from t order by a;
select a, (select string_agg(x::text, ',') from (select lag(c, 1, t.b) over (order by c) x from t2 where t2.a <= t.a) s) from t order by a;
select a, exists (select 1 from t2 where c > 5 and t2.a = t.a) e, rank() over (order by exists (select 1 from t2 where t2.a = t.a)) from t order by a;
drop table t, t2;
-- grouping expressions in windows, positions, pagination totals
create table t (a int, b int);
insert into t select g, g * 10 from generate_series(1, 6) g;
select a % 2, sum(sum(b)) over (order by a % 2 desc), rank() over (order by count(*)) from t group by a % 2 order by 1;
select a, rank() over (order by a desc) from t group by 1 order by 1;
select a % 3 as m, count(*) over (partition by a % 3) from t group by m, a order by 1, 2;
select sum(b) over (partition by a % 2 order by a rows between 1 preceding and 1 following exclude group), a from t order by a;
select a, sum(a) over (rows between unbounded preceding and unbounded following exclude group),
       sum(a) over (rows between unbounded preceding and unbounded following exclude ties) from t order by a;
select *, count(*) over () as total from t order by a desc limit 2 offset 1;
drop table t;
