-- No timeout in force.
CREATE INDEX CONCURRENTLY idx_a ON orders (a);
SET statement_timeout = '30s';
ALTER TABLE orders ADD COLUMN note text;
-- Lifted before the builds.
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY idx_b ON orders (b);
REINDEX TABLE CONCURRENTLY orders;
ALTER TABLE orders VALIDATE CONSTRAINT orders_b_check;
-- Long enough.
SET statement_timeout = '2h';
CREATE INDEX CONCURRENTLY idx_c ON orders (c);
SET statement_timeout = '1h';
CREATE INDEX CONCURRENTLY idx_d ON orders (d);
-- A SET LOCAL ends with its transaction; the session value (1h) is back.
BEGIN;
SET LOCAL statement_timeout = '1s';
COMMIT;
CREATE INDEX CONCURRENTLY idx_e ON orders (e);
