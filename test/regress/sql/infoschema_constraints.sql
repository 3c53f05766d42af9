-- information_schema's constraint views: table_constraints, key_column_usage,
-- constraint_column_usage, referential_constraints, check_constraints and
-- constraint_table_usage.  NOT NULL constraints are named after OIDs, so
-- only their shape is compared.
CREATE TABLE customers (
    id serial PRIMARY KEY,
    email varchar(120) NOT NULL UNIQUE,
    balance numeric(12,2) DEFAULT 0 CHECK (balance >= 0)
);
CREATE TABLE orders (
    order_id bigint GENERATED ALWAYS AS IDENTITY,
    customer_id integer NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    region text,
    num int,
    qty int CHECK (qty > 0),
    price numeric,
    PRIMARY KEY (order_id),
    CONSTRAINT orders_region_num_key UNIQUE (region, num),
    CONSTRAINT qty_price CHECK (qty < 1000 AND price IS NOT NULL)
);
CREATE TABLE lines (
    region text,
    num int,
    line int,
    FOREIGN KEY (num, region) REFERENCES orders(num, region) MATCH FULL ON UPDATE SET NULL ON DELETE RESTRICT,
    CONSTRAINT lines_cust FOREIGN KEY (line) REFERENCES customers ON UPDATE CASCADE ON DELETE SET DEFAULT
);
CREATE TABLE "Mixed Case" ("Id" int PRIMARY KEY, "select" text, CHECK ("Id" > 0 AND "select" <> ''));
CREATE TABLE parent (a int, b int);
CREATE UNIQUE INDEX parent_ab ON parent (b, a);
CREATE TABLE child (x int, y int, FOREIGN KEY (x, y) REFERENCES parent (a, b) MATCH SIMPLE ON UPDATE NO ACTION);
ALTER TABLE parent ADD CONSTRAINT parent_pk PRIMARY KEY (a);
ALTER TABLE child RENAME COLUMN y TO yy;
CREATE TEMP TABLE tmp1 (k int PRIMARY KEY, v text NOT NULL UNIQUE);

SELECT * FROM information_schema.table_constraints
 WHERE table_schema = 'public' AND constraint_name NOT LIKE '%\_not\_null' ORDER BY table_name, constraint_name;
SELECT table_name, constraint_type, is_deferrable, initially_deferred, enforced, nulls_distinct, count(*)
  FROM information_schema.table_constraints WHERE table_schema = 'public' AND constraint_name LIKE '%\_not\_null'
 GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2;
SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints
 WHERE table_name = 'tmp1' AND constraint_type <> 'CHECK' ORDER BY 2;
SELECT * FROM information_schema.key_column_usage WHERE table_schema = 'public'
 ORDER BY table_name, constraint_name, ordinal_position;
SELECT * FROM information_schema.constraint_column_usage WHERE table_schema = 'public'
 ORDER BY table_name, column_name, constraint_name;
SELECT * FROM information_schema.referential_constraints WHERE constraint_schema = 'public' ORDER BY constraint_name;
SELECT * FROM information_schema.check_constraints
 WHERE constraint_schema = 'public' AND constraint_name NOT LIKE '%\_not\_null' ORDER BY constraint_name;
SELECT check_clause FROM information_schema.check_constraints
 WHERE constraint_schema = 'public' AND constraint_name LIKE '%\_not\_null' ORDER BY 1;
SELECT * FROM information_schema.constraint_table_usage WHERE table_schema = 'public' ORDER BY table_name, constraint_name;
-- the query ORMs use to find foreign keys
SELECT tc.table_name, kcu.column_name, ccu.table_name AS foreign_table_name, ccu.column_name AS foreign_column_name,
       rc.update_rule, rc.delete_rule
  FROM information_schema.table_constraints AS tc
  JOIN information_schema.key_column_usage AS kcu
    ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema
  JOIN information_schema.constraint_column_usage AS ccu
    ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
  JOIN information_schema.referential_constraints AS rc
    ON rc.constraint_name = tc.constraint_name AND rc.constraint_schema = tc.table_schema
 WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
 ORDER BY 1, 2, 3, 4;
-- primary key columns in key order, as migration tools read them
SELECT kcu.table_name, kcu.column_name, kcu.ordinal_position
  FROM information_schema.table_constraints tc
  JOIN information_schema.key_column_usage kcu
    ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
 WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public'
 ORDER BY 1, 3;
ALTER TABLE lines DROP CONSTRAINT lines_cust;
ALTER TABLE orders DROP CONSTRAINT qty_price;
SELECT constraint_name FROM information_schema.referential_constraints WHERE constraint_schema = 'public' ORDER BY 1;
SELECT constraint_name FROM information_schema.check_constraints
 WHERE constraint_schema = 'public' AND constraint_name NOT LIKE '%\_not\_null' ORDER BY 1;
