-- fixture: --min-build-timeout 10s
SET statement_timeout = '30s';
CREATE INDEX CONCURRENTLY idx_orders_created ON orders (created_at);
