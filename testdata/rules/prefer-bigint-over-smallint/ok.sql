CREATE TABLE products (id bigint, stock integer, weight numeric);
ALTER TABLE products ADD COLUMN rank bigint;
SELECT 1::smallint;
