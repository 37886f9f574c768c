-- One existing table per transaction.
BEGIN;
ALTER TABLE orders ADD COLUMN a int;
ALTER TABLE orders ADD COLUMN b int;
-- Weaker locks on other tables: SHARE, SHARE ROW EXCLUSIVE.
CREATE INDEX idx_customers_a ON customers (a);
ALTER TABLE invoices ADD CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
-- Tables created in this migration.
CREATE TABLE staging (id bigint);
ALTER TABLE staging ADD COLUMN note text;
COMMIT;
-- Each statement outside a transaction block commits on its own.
ALTER TABLE customers ADD COLUMN c int;
ALTER TABLE invoices ADD COLUMN d int;
ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;
-- DROP INDEX names indexes: both may belong to one table.
BEGIN;
DROP INDEX idx_orders_a, idx_orders_b;
DROP INDEX idx_orders_c;
REINDEX INDEX idx_orders_d;
COMMIT;
