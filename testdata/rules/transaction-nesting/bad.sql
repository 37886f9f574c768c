-- A second BEGIN is ignored: the first COMMIT ends the outer transaction too.
BEGIN;
ALTER TABLE orders ADD COLUMN note text;
BEGIN; -- expect: transaction-nesting
UPDATE settings SET value = 'x' WHERE id = 1;
COMMIT;
ALTER TABLE orders ADD COLUMN note2 text;
COMMIT; -- expect: transaction-nesting

ROLLBACK; -- expect: transaction-nesting
start transaction;
commit;
