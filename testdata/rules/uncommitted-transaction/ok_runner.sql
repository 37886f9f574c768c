-- fixture: --assume-in-transaction
-- The runner opens and commits the transaction around the file.
ALTER TABLE orders ADD COLUMN note text;
