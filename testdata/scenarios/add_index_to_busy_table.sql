-- A typical first attempt at indexing a busy table, with every rule running: the index blocks
-- writes, and nothing bounds how long the migration waits for its lock.
CREATE INDEX idx_orders_customer ON orders (customer_id); -- expect: index-not-concurrent, missing-lock-timeout, missing-statement-timeout
