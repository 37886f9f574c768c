BEGIN;
ALTER TABLE orders ADD COLUMN note text;
COMMIT;
-- The second transaction is left open.
start transaction isolation level repeatable read; -- expect: uncommitted-transaction
ALTER TABLE orders ADD COLUMN note2 text;
