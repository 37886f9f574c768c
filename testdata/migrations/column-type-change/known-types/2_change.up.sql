ALTER TABLE orders ALTER COLUMN id TYPE bigint; -- expect: column-type-change
ALTER TABLE orders ALTER COLUMN code TYPE varchar(10); -- expect: column-type-change
-- Not in the history: the old type is unknown, a warning says so.
ALTER TABLE customers ALTER COLUMN name TYPE text; -- expect: column-type-change
