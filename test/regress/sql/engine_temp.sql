-- temporary tables: per-session schema searched first, dropped at session end
create table tt (a int);
insert into tt values (1);
create temp table tt (a int, b text);
insert into tt values (2, 'temp');
select * from tt;
select * from public.tt;
create temp table tmp2 as select 5 as five;
select five from tmp2;
drop table tt;
select * from tt;
drop table tt, tmp2;
