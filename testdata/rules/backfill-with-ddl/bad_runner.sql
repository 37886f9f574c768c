-- fixture: --rules backfill-with-ddl --assume-in-transaction
-- The runner's transaction wraps the whole file.
UPDATE orders SET region = 'eu' WHERE id BETWEEN 1 AND 1000;
ALTER TABLE orders ALTER COLUMN region SET NOT NULL; -- expect: backfill-with-ddl
