-- Window frames: ROWS, RANGE and GROUPS with UNBOUNDED, CURRENT ROW and
-- offsets, EXCLUDE, RANGE offsets over numbers, dates, times and intervals.
create table f (i int, g int, x numeric, d date, ts timestamp, tz timestamptz, fl float8, iv interval, s smallint, b bigint);
insert into f values
  (1, 1, 1.5, '2024-01-01', '2024-01-01 10:00', '2024-01-01 10:00+00', 0.5, '1 hour', 1, 10),
  (2, 1, 2.5, '2024-01-02', '2024-01-01 11:30', '2024-01-01 11:30+00', 1.5, '2 hours', 2, 20),
  (3, 1, 2.5, '2024-01-05', '2024-01-02 09:00', '2024-01-02 09:00+00', 1.5, '1 day', 2, 30),
  (4, 2, 4.0, '2024-01-06', '2024-01-03 00:00', '2024-01-03 00:00+00', 4.25, '1 day 2 hours', 4, 40),
  (5, 2, null, null, null, null, null, null, null, null),
  (6, 2, 7.25, '2024-02-01', '2024-02-01 12:00', '2024-02-01 12:00+00', 7, '30 days', 7, 70),
  (7, 3, 8.0, '2024-02-03', '2024-02-03 12:00', '2024-02-03 12:00+00', 8, '31 days', 8, 80),
  (8, 3, 8.0, '2024-02-03', '2024-02-03 12:00', '2024-02-03 12:00+00', 8, '31 days', 8, 80);

-- ROWS
select i, sum(i) over (order by i rows between 1 preceding and 1 following) as s1,
       sum(i) over (order by i rows between 2 preceding and current row) as s2,
       sum(i) over (order by i rows between current row and 2 following) as s3,
       sum(i) over (order by i rows unbounded preceding) as s4,
       sum(i) over (order by i rows between 1 following and 3 following) as s5,
       sum(i) over (order by i rows between 3 preceding and 1 preceding) as s6,
       sum(i) over (order by i rows between unbounded preceding and unbounded following) as s7,
       count(*) over (order by i rows between 5 following and unbounded following) as c8
  from f order by i;
select i, g, first_value(i) over w, last_value(i) over w, nth_value(i, 2) over w, count(*) over w
  from f window w as (partition by g order by i rows between 1 preceding and 1 following) order by i;
select i, sum(i) over (order by i rows between 0 preceding and 0 following),
       sum(i) over (order by i rows between 100 preceding and 100 following),
       sum(i) over (order by i rows 1.6 preceding)
  from f order by i;

-- RANGE with peers (the default frame) and offsets
select i, x, sum(i) over (order by x), sum(i) over (order by x range between current row and unbounded following),
       sum(i) over (order by x range between unbounded preceding and unbounded following)
  from f order by i;
select i, g, sum(i) over (order by g range between 1 preceding and current row) as r1,
       sum(i) over (order by g range between current row and 1 following) as r2,
       sum(i) over (order by g desc range between 1 preceding and 0 following) as r3,
       sum(i) over (order by g range between 2 following and 3 following) as r4,
       sum(i) over (order by g range between 1 preceding and 1 preceding) as r5
  from f order by i;
select i, x, sum(i) over (order by x range between 1 preceding and 1 following) as xs,
       sum(i) over (order by x desc nulls last range between 1.5 preceding and current row) as xd,
       first_value(i) over (order by x nulls first range between 1 preceding and 1 following) as xf,
       max(i) over (order by x range between current row and 0.5 following) as xl
  from f order by i;
select i, s, b, sum(i) over (order by s range between 1 preceding and 1 following) as ss,
       sum(i) over (order by s range between 1::bigint preceding and current row) as sb,
       sum(i) over (order by b range between 10 preceding and 10 following) as bb,
       sum(i) over (order by i range between 2147483647 preceding and 2147483647 following) as big
  from f order by i;
select i, fl, sum(i) over (order by fl range between 1 preceding and 1 following) as ff,
       sum(i) over (order by fl desc range between 0.5 preceding and 2 following) as fd
  from f order by i;
select i, d, sum(i) over (order by d range between '1 day' preceding and current row) as d1,
       sum(i) over (order by d range between interval '3 days' preceding and interval '1 day' following) as d2,
       count(*) over (order by d desc range between '7 days' preceding and current row) as d3
  from f order by i;
select i, ts, sum(i) over (order by ts range between '2 hours' preceding and current row) as t1,
       sum(i) over (order by tz range between '1 day' preceding and '1 day' following) as t2
  from f order by i;
select i, iv, sum(i) over (order by iv range between '1 day' preceding and current row) as v1
  from f order by i;

select i, sum(i) over (order by i range between 1 preceding and 3000000000 following) as x,
       sum(i) over (order by s range between 1::int2 preceding and 2::int8 following) as y,
       sum(i) over (order by i range between '1' preceding and '1' following) as z
  from f order by i;

-- GROUPS
select i, g, sum(i) over (order by g groups between 1 preceding and current row) as g1,
       sum(i) over (order by g groups between current row and 1 following) as g2,
       sum(i) over (order by g groups between 1 following and unbounded following) as g3,
       sum(i) over (order by g groups between unbounded preceding and 1 preceding) as g4,
       sum(i) over (order by g desc groups 1 preceding) as g5,
       sum(i) over (order by g groups between 5 preceding and 5 following) as g6
  from f order by i;

-- EXCLUDE
select i, g,
       sum(i) over (order by g rows between unbounded preceding and unbounded following exclude current row) as e1,
       sum(i) over (order by g rows between unbounded preceding and unbounded following exclude group) as e2,
       sum(i) over (order by g rows between unbounded preceding and unbounded following exclude ties) as e3,
       sum(i) over (order by g rows between unbounded preceding and unbounded following exclude no others) as e4,
       sum(i) over (order by g range between 1 preceding and current row exclude group) as e5,
       sum(i) over (order by g groups between 1 preceding and 1 following exclude ties) as e6
  from f order by i;
select i, g, first_value(i) over w, last_value(i) over w, nth_value(i, 2) over w, count(*) over w
  from f window w as (order by g rows between 1 preceding and 1 following exclude current row) order by i;
select i, g, first_value(i) over w, last_value(i) over w, nth_value(i, 3) over w, string_agg(i::text, ' ') over w
  from f window w as (order by g groups between current row and 1 following exclude ties) order by i;
select i, count(*) over (rows between current row and current row exclude current row) from f order by i;

-- running aggregates (growing frames) and frames that move
select i, avg(x) over w, stddev_samp(x) over w, max(d) over w, string_agg(s::text, '-') over w,
       array_agg(b) over w, bool_or(fl > 4) over w, count(iv) over w, sum(iv) over w
  from f window w as (order by i rows between unbounded preceding and current row) order by i;
select i, sum(x) over (order by g, i rows between 2 preceding and current row),
       avg(fl) over (order by g groups between 1 preceding and current row),
       sum(b) over (partition by g order by i range between unbounded preceding and current row exclude current row)
  from f order by i;

-- aggregates whose state is final once (json) and interval sums, over growing frames
select i, json_agg(i) over (order by i), jsonb_agg(s) over (order by i rows between 1 preceding and current row),
       sum(iv) over (order by i), avg(iv) over (order by i), json_object_agg(i, g) over (order by i)
  from f order by i;

-- frames over parameters
prepare p(int, int) as select i, sum(i) over (order by i rows between $1 preceding and $2 following) from f order by i;
execute p(1, 0);
execute p(0, 2);
deallocate p;
drop table f;
