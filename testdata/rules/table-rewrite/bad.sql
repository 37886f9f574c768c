-- fixture: --rules table-rewrite
VACUUM FULL orders; -- expect: table-rewrite
VACUUM (FULL, ANALYZE) public.orders, invoices; -- expect: table-rewrite
VACUUM FULL; -- expect: table-rewrite
CLUSTER orders USING orders_pkey; -- expect: table-rewrite
CLUSTER; -- expect: table-rewrite
ALTER TABLE orders SET TABLESPACE fast_ssd; -- expect: table-rewrite
ALTER TABLE events SET UNLOGGED; -- expect: table-rewrite
ALTER TABLE events SET LOGGED; -- expect: table-rewrite
ALTER TABLE events ADD COLUMN note text, -- the finding points at the sub-command
    SET ACCESS METHOD heap2; -- expect: table-rewrite
ALTER TABLE ALL IN TABLESPACE pg_default SET TABLESPACE fast_ssd; -- expect: table-rewrite
ALTER INDEX orders_pkey SET TABLESPACE fast_ssd; -- expect: table-rewrite
