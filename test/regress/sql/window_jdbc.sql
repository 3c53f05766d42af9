-- pgjdbc's DatabaseMetaData.getColumns numbers columns with row_number()
-- over each table's attributes, in a subquery in FROM.
create table e1 (id int primary key, name varchar(20) default 'x', t timestamp);
create table e2 (k text, v numeric(8,3) not null);
comment on column e1.name is 'the name';
SELECT * FROM (SELECT n.nspname,c.relname,a.attname,a.atttypid,a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) AS attnotnull,a.atttypmod,a.attlen,t.typtypmod,row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum) AS attnum, nullif(a.attidentity, '') as attidentity,nullif(a.attgenerated, '') as attgenerated,pg_catalog.pg_get_expr(def.adbin, def.adrelid) AS adsrc,dsc.description,t.typbasetype,t.typtype  FROM pg_catalog.pg_namespace n  JOIN pg_catalog.pg_class c ON (c.relnamespace = n.oid)  JOIN pg_catalog.pg_attribute a ON (a.attrelid=c.oid)  JOIN pg_catalog.pg_type t ON (a.atttypid = t.oid)  LEFT JOIN pg_catalog.pg_attrdef def ON (a.attrelid=def.adrelid AND a.attnum = def.adnum)  LEFT JOIN pg_catalog.pg_description dsc ON (c.oid=dsc.objoid AND a.attnum = dsc.objsubid)  LEFT JOIN pg_catalog.pg_class dc ON (dc.oid=dsc.classoid AND dc.relname='pg_class')  LEFT JOIN pg_catalog.pg_namespace dn ON (dc.relnamespace=dn.oid AND dn.nspname='pg_catalog')  WHERE c.relkind in ('r','p','v','f','m') and a.attnum > 0 AND NOT a.attisdropped  AND n.nspname LIKE 'public' AND c.relname LIKE 'e%') c WHERE true  ORDER BY nspname,c.relname,attnum;
alter table e1 drop column t;
alter table e1 add column z bool;
select relname, attname, row_number() over (partition by attrelid order by attnum) as ordinal, attnum
  from pg_attribute a join pg_class c on c.oid = a.attrelid
  where relname in ('e1', 'e2') and attnum > 0 and not attisdropped order by relname, ordinal;
drop table e1, e2;
