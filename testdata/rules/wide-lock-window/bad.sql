BEGIN;
ALTER TABLE orders ADD COLUMN a int;
ALTER TABLE orders ADD COLUMN b int;
ALTER TABLE customers ADD COLUMN c int; -- expect: wide-lock-window
-- Reported once per transaction.
ALTER TABLE invoices ADD COLUMN d int;
COMMIT;
-- One statement, two tables.
TRUNCATE logs, audit; -- expect: wide-lock-window
-- A non-concurrent DETACH locks the parent and the partition.
ALTER TABLE measurements DETACH PARTITION measurements_2020; -- expect: wide-lock-window
-- Inside a DO block, which runs as one transaction.
DO $$
BEGIN
  DROP TABLE old_orders;
  DROP TABLE old_customers; -- expect: wide-lock-window
END
$$;
