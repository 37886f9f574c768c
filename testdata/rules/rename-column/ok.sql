-- A table created in this migration: nothing runs against it yet.
CREATE TABLE widgets (id bigint PRIMARY KEY, nme text);
ALTER TABLE widgets RENAME COLUMN nme TO name;

-- Still new after a rename of the new table itself.
CREATE TABLE gadgets (id bigint, colour text);
ALTER TABLE gadgets RENAME TO devices;
ALTER TABLE devices RENAME COLUMN colour TO color;

-- Renaming a table, a constraint or an index is not a column rename.
ALTER TABLE users RENAME CONSTRAINT users_email_key TO users_email_unique;
ALTER INDEX idx_users_email RENAME TO users_email_idx;
-- Composite type attributes are not table columns.
ALTER TYPE address RENAME ATTRIBUTE zip TO postal_code;
