-- fixture: --assume-in-transaction
CREATE INDEX CONCURRENTLY idx_orders_created ON orders (created_at); -- expect: concurrent-in-transaction
