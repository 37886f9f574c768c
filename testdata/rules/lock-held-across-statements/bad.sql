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

-- A statement the parser rejects does not run: the next one is the first.
BEGIN;
ALTER TABLE orders ADD COLUMN a int;
SELEC 1; -- expect: syntax-error
SELECT 2; -- expect: lock-held-across-statements
COMMIT;
-- A BEGIN inside the transaction is ignored; the lock stays held.
BEGIN;
ALTER TABLE orders ADD COLUMN b int;
BEGIN;
SELECT 3; -- expect: lock-held-across-statements
COMMIT;
-- Once per table: a second ALTER of the same table is where the first lock is reported.
BEGIN;
ALTER TABLE customers ADD COLUMN a int;
ALTER TABLE customers ADD COLUMN b int; -- expect: lock-held-across-statements
SELECT 4;
COMMIT;
