-- fixture: --assume-in-transaction
-- The runner commits its own transaction; SAVEPOINTs nest inside it.
SAVEPOINT step;
ALTER TABLE orders ADD COLUMN note text;
RELEASE SAVEPOINT step;
