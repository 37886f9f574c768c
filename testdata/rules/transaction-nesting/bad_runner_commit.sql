-- fixture: --assume-in-transaction
ALTER TABLE orders ADD COLUMN note text;
-- Ends the runner's transaction: what follows runs in autocommit mode.
COMMIT; -- expect: transaction-nesting
ALTER TABLE orders ADD COLUMN note2 text;
