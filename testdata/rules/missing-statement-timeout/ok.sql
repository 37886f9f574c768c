-- No rewrite or scan: only a lock.
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0) NOT VALID;
-- VALIDATE CONSTRAINT and CONCURRENTLY block no reads or writes.
ALTER TABLE orders VALIDATE CONSTRAINT total_positive;
CREATE INDEX CONCURRENTLY idx_orders_total ON orders (total);
-- Tables created in this migration are empty.
CREATE TABLE ledger (id bigint, amount int);
ALTER TABLE ledger ALTER COLUMN amount TYPE bigint;
ALTER TABLE ledger ALTER COLUMN amount SET NOT NULL;
-- A function body runs later, under the caller's settings.
CREATE FUNCTION shrink() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ALTER TABLE orders ALTER COLUMN total TYPE numeric(10, 2);
END
$$;
-- With a timeout in force.
SET statement_timeout = '2min';
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2);
BEGIN;
SET LOCAL statement_timeout = '30s';
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
COMMIT;
