-- fixture: --rules index-not-concurrent
-- An unknown rule name.
-- migsafe: ignore no-such-rule -- expect: unused-suppression
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_a ON orders (a);

-- Nothing to suppress: the index is built concurrently.
-- migsafe: ignore index-not-concurrent -- expect: unused-suppression
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_b ON orders (b);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_c ON orders (c); -- migsafe: ignore index-not-concurrent -- expect: unused-suppression

-- squawk-ignore require-concurrent-index-creation -- expect: unused-suppression
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_d ON orders (d);

-- Not attached to any statement: a blank line separates it from the next one.
-- migsafe: ignore index-not-concurrent -- expect: unused-suppression

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_e ON orders (e);
