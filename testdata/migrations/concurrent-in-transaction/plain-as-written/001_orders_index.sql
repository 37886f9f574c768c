-- Plain SQL runs as written: only its own BEGIN makes a transaction.
CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
BEGIN;
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status); -- expect: concurrent-in-transaction
COMMIT;
