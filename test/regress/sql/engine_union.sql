-- UNION and UNION ALL
create table u1 (a int, b text);
create table u2 (x bigint, y text);
insert into u1 values (1, 'a'), (2, 'b'), (2, 'b');
insert into u2 values (2, 'b'), (3, 'c');
select a, b from u1 union select x, y from u2 order by a;
select a, b from u1 union all select x, y from u2 order by 1 desc, 2;
select a from u1 union select 10 union select 1 order by a limit 3;
select 1 as one union all select 2 union all select null order by one nulls first;
select a, b from u1 union select x from u2;
select a from u1 union select y from u2;
select b from u1 union select y from u2 order by b desc;
drop table u1, u2;
