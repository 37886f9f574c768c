-- fixture: --assume-in-transaction
-- The runner's transaction holds the lock until the end of the file.
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2);
CREATE INDEX idx_orders_total ON orders (total); -- expect: lock-held-across-statements
