SET lock_timeout = '5s';
-- Outside a transaction block these run fine.
CREATE INDEX CONCURRENTLY idx_orders_a ON orders (a);
VACUUM orders;

BEGIN;
-- These may run in a transaction.
REFRESH MATERIALIZED VIEW CONCURRENTLY mv_sales;
ANALYZE orders;
ALTER TYPE mood ADD VALUE 'meh';
COMMIT;

-- After COMMIT we are outside the transaction again.
DROP INDEX CONCURRENTLY idx_orders_b;
REINDEX INDEX CONCURRENTLY idx_orders_c;
ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;
