-- Nothing after this BEGIN is ever committed.
BEGIN; -- expect: uncommitted-transaction
ALTER TABLE orders ADD COLUMN note text;
CREATE TABLE audit (id bigint);
COMMIT;
