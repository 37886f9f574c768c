-- fixture: --rules concurrent-in-transaction
-- Inside a transaction block the concurrent build fails outright: that is
-- concurrent-in-transaction's finding, not a timeout problem.
SET statement_timeout = '30s';
BEGIN;
CREATE INDEX CONCURRENTLY idx_orders_created ON orders (created_at); -- expect: concurrent-in-transaction
REINDEX INDEX CONCURRENTLY idx_orders_customer; -- expect: concurrent-in-transaction
COMMIT;
