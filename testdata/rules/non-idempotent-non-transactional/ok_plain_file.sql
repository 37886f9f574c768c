-- An ordinary migration: every statement can run in a transaction, so the runner can wrap it (or
-- should: that is a runner setting, not a reason to add IF NOT EXISTS everywhere).
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
CREATE INDEX idx_orders_total ON orders (total);
ALTER TABLE users ADD COLUMN nickname text;
DROP TABLE old_orders;
