SET lock_timeout = '5s';
BEGIN;
CREATE INDEX CONCURRENTLY idx_orders_a ON orders (a); -- expect: concurrent-in-transaction
DROP INDEX CONCURRENTLY idx_orders_b; -- expect: concurrent-in-transaction
REINDEX INDEX CONCURRENTLY idx_orders_c; -- expect: concurrent-in-transaction
ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY; -- expect: concurrent-in-transaction
VACUUM orders; -- expect: concurrent-in-transaction
ALTER SYSTEM SET work_mem = '64MB'; -- expect: concurrent-in-transaction
CREATE DATABASE reporting; -- expect: concurrent-in-transaction
COMMIT;

-- A DO block always runs in a transaction, even without BEGIN.
DO $$
BEGIN
  CREATE INDEX CONCURRENTLY idx_orders_d ON orders (d); -- expect: concurrent-in-transaction
END
$$;
