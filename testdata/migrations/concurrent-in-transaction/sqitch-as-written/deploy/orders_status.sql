BEGIN;
ALTER TABLE orders ADD COLUMN status text;
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status); -- expect: concurrent-in-transaction
COMMIT;
