SET lock_timeout = '5s';
BEGIN;
-- expect: concurrent-in-transaction
-- expect: concurrent-in-transaction
-- expect: concurrent-in-transaction
-- expect: concurrent-in-transaction
-- expect: concurrent-in-transaction
-- expect: concurrent-in-transaction
-- expect: concurrent-in-transaction
COMMIT;
CREATE INDEX CONCURRENTLY idx_orders_a ON orders (a);
DROP INDEX CONCURRENTLY idx_orders_b;
REINDEX INDEX CONCURRENTLY idx_orders_c;
ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;
VACUUM orders;
ALTER SYSTEM SET work_mem = '64MB';
CREATE DATABASE reporting;

-- A DO block always runs in a transaction, even without BEGIN.
DO $$
BEGIN
  CREATE INDEX CONCURRENTLY idx_orders_d ON orders (d); -- expect: concurrent-in-transaction
END
$$;
