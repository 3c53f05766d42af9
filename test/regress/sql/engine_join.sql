-- joins: inner, left, comma joins, nested loops with index lookups
create table dept (id int primary key, name text);
create table emp (id int primary key, name text, dept_id int, salary int);
insert into dept values (1, 'eng'), (2, 'ops'), (3, 'empty');
insert into emp values (1, 'ann', 1, 100), (2, 'bob', 1, 90), (3, 'cy', 2, 80), (4, 'dee', null, 70);
select e.name, d.name from emp e join dept d on d.id = e.dept_id order by e.name;
select e.name, d.name from emp e left join dept d on d.id = e.dept_id order by e.name;
select d.name, count(e.id) from dept d left join emp e on e.dept_id = d.id group by d.name order by d.name;
select e.name from emp e, dept d where e.dept_id = d.id and d.name = 'eng' order by 1;
select d.name, e.name from dept d left join emp e on e.dept_id = d.id and e.salary > 85 order by 1, 2;
select d.name, e.name from dept d left join emp e on e.dept_id = d.id where e.id is null;
select a.name, b.name from emp a join emp b on a.salary < b.salary join dept d on d.id = a.dept_id where b.dept_id = 1 order by 1, 2;
select count(*) from emp, dept;
select * from emp e join dept d on d.id = e.dept_id where e.id = 3;
select name from emp join dept on dept.id = emp.dept_id;
drop table emp, dept;
