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
-- Tables created in this migration are empty: the build is instant.
SET statement_timeout = '5s';
CREATE TABLE ledger (id bigint, amount int);
CREATE INDEX CONCURRENTLY idx_ledger_amount ON ledger (amount);
ALTER TABLE ledger ADD CONSTRAINT amount_positive CHECK (amount > 0) NOT VALID;
ALTER TABLE ledger VALIDATE CONSTRAINT amount_positive;
