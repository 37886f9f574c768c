-- The lock-taking statement is the last of its transaction.
BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text;
COMMIT;
BEGIN;
DROP TABLE old_orders;
ROLLBACK;
-- Outside a transaction block each statement commits on its own.
ALTER TABLE orders ADD COLUMN flag boolean;
UPDATE orders SET flag = false WHERE id = 1;
-- Weaker locks (SHARE for CREATE INDEX) are not this rule's business.
BEGIN;
CREATE INDEX idx_orders_flag ON orders (flag);
SELECT 1;
COMMIT;
-- Tables created in this migration have no other users.
BEGIN;
CREATE TABLE staging (id bigint);
ALTER TABLE staging ADD COLUMN note text;
INSERT INTO staging VALUES (1, 'x');
COMMIT;
-- A DO block that opens its own transaction ends it, too.
DO $$
BEGIN
  ALTER TABLE payments ADD COLUMN refunded boolean;
END
$$;
SELECT 1;
-- A function body runs later, when called.
CREATE FUNCTION archive() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE orders;
  DELETE FROM orders WHERE id = 1;
END
$$;
-- ROLLBACK TO SAVEPOINT releases the locks taken since the savepoint.
BEGIN;
SAVEPOINT before_drop;
DROP TABLE old_orders;
ROLLBACK TO SAVEPOINT before_drop;
COMMIT;
