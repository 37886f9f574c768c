-- A table created in this migration: no running code reads it yet.
CREATE TABLE widgets (id bigint PRIMARY KEY, tmp text);
ALTER TABLE widgets DROP COLUMN tmp;
CREATE TABLE gadgets (id bigint, tmp text);
ALTER TABLE gadgets RENAME TO devices;
ALTER TABLE devices DROP COLUMN tmp;

-- Dropping a constraint, a default or NOT NULL is not dropping the column.
ALTER TABLE users DROP CONSTRAINT users_legacy_check;
ALTER TABLE users ALTER COLUMN legacy_flag DROP DEFAULT;
ALTER TABLE users ALTER COLUMN legacy_flag DROP NOT NULL;
-- A composite type's attribute is not a table column.
ALTER TYPE address DROP ATTRIBUTE zip;
