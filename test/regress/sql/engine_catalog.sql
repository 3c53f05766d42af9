-- system catalogs as virtual tables
create table sys_t (id serial primary key, name varchar(20) not null, n int default 3);
create index sys_t_name on sys_t (name desc);
select table_name, table_type from information_schema.tables where table_schema = 'public' order by 1;
select column_name, ordinal_position, is_nullable, data_type, character_maximum_length from information_schema.columns where table_name = 'sys_t' order by ordinal_position;
select tablename, hasindexes from pg_tables where schemaname = 'public';
select indexname, indexdef from pg_indexes where tablename = 'sys_t' order by 1;
select relname, relkind from pg_class where relnamespace = (select oid from pg_namespace where nspname = 'public') order by relname;
select attname, attnum, attnotnull from pg_attribute where attrelid = 'sys_t'::regclass and attnum > 0 order by attnum;
select nspname from pg_namespace where nspname in ('public', 'pg_catalog') order by 1;
select count(*) from pg_database where datname = current_database();
select typname, typlen from pg_type where oid = 'int4'::regtype;
select schema_name from information_schema.schemata where schema_name = 'public';
drop table sys_t;
create table dft (a serial, b text default 'x', c int default -1, d numeric default 1.5, e timestamptz default now(), f varchar(5) default 'ab', g bool default true, h int default 2+3, i int generated always as identity, j bigint default 7);
select column_name, column_default, is_nullable, is_identity from information_schema.columns where table_name = 'dft' order by ordinal_position;
alter table dft alter column b set default 'y';
select column_default from information_schema.columns where table_name = 'dft' and column_name = 'b';
drop table dft;
