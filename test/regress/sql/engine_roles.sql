-- roles
create role app login password 'secret';
create user other;
create role app;
select rolname, rolsuper, rolcanlogin from pg_roles where rolname in ('app', 'other') order by 1;
alter role other nologin;
alter role app with superuser;
select rolname, rolsuper, rolcanlogin from pg_roles where rolname in ('app', 'other') order by 1;
drop role other, app;
drop role if exists other;
drop role nosuch;
drop role pg_x;
create role pg_x;
