BEGIN;
ALTER TABLE orders ADD COLUMN note text;
UPDATE orders SET note = 'x' WHERE id = 1; -- expect: lock-held-across-statements
SELECT 1;
COMMIT;

-- One statement locking two tables: one finding naming both.
BEGIN;
TRUNCATE logs, audit;
INSERT INTO logs (msg) VALUES ('truncated'); -- expect: lock-held-across-statements
-- A second lock on another table is reported at the statement after it.
ALTER TABLE accounts RENAME COLUMN mail TO email;
SELECT 1; -- expect: lock-held-across-statements
COMMIT;

-- A DO block in the open transaction is the next statement.
BEGIN;
LOCK TABLE invoices;
DO $$ -- expect: lock-held-across-statements
BEGIN
  UPDATE invoices SET total = 0 WHERE id = 1;
END
$$;
COMMIT;

-- Inside a DO block (its own transaction), at the inner statement.
DO $$
BEGIN
  ALTER TABLE payments ADD COLUMN refunded boolean;
  UPDATE payments SET refunded = false WHERE id = 1; -- expect: lock-held-across-statements
END
$$;
