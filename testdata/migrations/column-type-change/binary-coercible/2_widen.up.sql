-- The history says what the old types were: these only change the catalog.
ALTER TABLE orders ALTER COLUMN code TYPE varchar(50);
ALTER TABLE orders ALTER COLUMN note TYPE text;
ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12, 2);
