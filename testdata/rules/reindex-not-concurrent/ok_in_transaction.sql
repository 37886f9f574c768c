-- fixture: --rules concurrent-in-transaction
-- REINDEX CONCURRENTLY inside a transaction block fails outright: concurrent-in-transaction's finding.
BEGIN;
REINDEX INDEX CONCURRENTLY idx_orders_customer; -- expect: concurrent-in-transaction
COMMIT;
