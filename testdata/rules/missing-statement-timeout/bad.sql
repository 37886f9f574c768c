SET lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2); -- expect: missing-statement-timeout
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL; -- expect: missing-statement-timeout
ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0); -- expect: missing-statement-timeout
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk -- expect: missing-statement-timeout
    FOREIGN KEY (customer_id) REFERENCES customers (id);
VACUUM FULL orders; -- expect: missing-statement-timeout
-- VALIDATE in the same ALTER as a rewrite runs under ACCESS EXCLUSIVE.
ALTER TABLE orders VALIDATE CONSTRAINT c1, ALTER COLUMN note TYPE varchar(200); -- expect: missing-statement-timeout
-- statement_timeout = 0 disables the timeout.
SET statement_timeout = 0;
CLUSTER orders USING orders_pkey; -- expect: missing-statement-timeout
-- A SET LOCAL ends with its transaction.
BEGIN;
SET LOCAL statement_timeout = '1min';
COMMIT;
ALTER TABLE accounts ADD PRIMARY KEY (id); -- expect: missing-statement-timeout

-- A plain index build reads every row of the table under SHARE.
CREATE INDEX idx_orders_note ON orders (note); -- expect: missing-statement-timeout
