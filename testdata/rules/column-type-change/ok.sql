-- fixture: --rules column-type-change
-- A table created in this migration is empty: nothing to rewrite, nobody waiting.
CREATE TABLE invoices (id bigint, total int, note varchar(20));
ALTER TABLE invoices ALTER COLUMN total TYPE bigint;
ALTER TABLE invoices ALTER COLUMN note TYPE text USING upper(note);
-- Other column changes are not type changes.
ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;
ALTER TABLE orders ALTER COLUMN total SET STATISTICS 500;
