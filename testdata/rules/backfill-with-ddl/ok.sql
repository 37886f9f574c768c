-- fixture: --rules backfill-with-ddl
-- DDL and backfill in separate transactions: the lock is released in between.
BEGIN;
ALTER TABLE orders ADD COLUMN region text;
COMMIT;
BEGIN;
UPDATE orders SET region = 'eu' WHERE id BETWEEN 1 AND 1000;
COMMIT;

-- Without a transaction block each statement commits on its own.
ALTER TABLE invoices ADD COLUMN paid boolean;
UPDATE invoices SET paid = false WHERE id BETWEEN 1 AND 1000;

-- A table created in this migration: nobody else uses it.
BEGIN;
CREATE TABLE regions (id int PRIMARY KEY, name text);
INSERT INTO regions VALUES (1, 'eu');
CREATE INDEX idx_regions_name ON regions (name);
UPDATE regions SET name = 'EU';
COMMIT;

-- Different tables, and locks weaker than SHARE on the same table.
BEGIN;
ALTER TABLE orders ADD COLUMN region2 text;
UPDATE customers SET active = true WHERE id BETWEEN 1 AND 1000;
CREATE INDEX CONCURRENTLY idx_customers_active ON customers (active);
ALTER TABLE customers SET (fillfactor = 90);
COMMIT;

-- A function body runs when the function is called, not in this transaction.
BEGIN;
ALTER TABLE orders ADD COLUMN region3 text;
CREATE FUNCTION fill_region() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orders SET region3 = 'eu' WHERE id < 100;
END
$$;
COMMIT;
