-- CREATE TABLE AS
create table src (a int, b text);
insert into src values (1, 'x'), (2, 'y'), (3, null);
create table ctas1 as select a, b, a * 10 as c from src where a > 1;
select * from ctas1 order by a;
create table if not exists ctas1 as select 1;
create table ctas2 (x, y) as select a, b from src with no data;
select count(*) from ctas2;
select column_name, data_type from information_schema.columns where table_name = 'ctas2' order by ordinal_position;
create table ctas1 as select 1;
drop table src, ctas1, ctas2;
