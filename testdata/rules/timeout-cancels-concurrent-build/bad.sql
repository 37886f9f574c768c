SET statement_timeout = '30s';
CREATE INDEX CONCURRENTLY idx_orders_created ON orders (created_at); -- expect: timeout-cancels-concurrent-build
REINDEX INDEX CONCURRENTLY idx_orders_customer; -- expect: timeout-cancels-concurrent-build
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk; -- expect: timeout-cancels-concurrent-build
-- Just under the 1h minimum.
SET statement_timeout = '59min';
create unique index concurrently idx_users_email on users (email); -- expect: timeout-cancels-concurrent-build
