-- The fix moves each statement after the COMMIT, keeping their order, unless a later statement
-- of the transaction depends on it.
BEGIN;
ALTER TABLE orders ADD COLUMN region text;
CREATE INDEX CONCURRENTLY orders_region_idx ON orders (region); -- expect: concurrent-in-transaction
UPDATE orders SET region = 'eu' WHERE id = 1;
DROP INDEX CONCURRENTLY orders_old_idx; -- expect: concurrent-in-transaction
COMMIT;

-- The ADD CONSTRAINT needs the index: no fix; it stays where it is.
BEGIN;
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email); -- expect: concurrent-in-transaction
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
COMMIT;

-- No COMMIT to move it after: no fix.
BEGIN;
VACUUM orders; -- expect: concurrent-in-transaction
ROLLBACK;
