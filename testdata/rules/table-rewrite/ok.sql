-- fixture: --rules table-rewrite
-- Plain VACUUM and ANALYZE do not copy the table.
VACUUM orders;
VACUUM (ANALYZE) orders;
ANALYZE orders;
-- Marking the clustering index only records it; nothing is copied.
ALTER TABLE orders CLUSTER ON orders_pkey;
-- Tables created in this migration: nobody else can see them yet.
CREATE TABLE staging (id bigint);
VACUUM FULL staging;
CLUSTER staging USING staging_pkey;
ALTER TABLE staging SET TABLESPACE fast_ssd;
ALTER TABLE staging SET LOGGED;
ALTER TABLE staging SET UNLOGGED;
