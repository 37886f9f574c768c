-- A table created in this migration: no code relies on its columns yet.
CREATE TABLE widgets (id bigint PRIMARY KEY, name text NOT NULL);
ALTER TABLE widgets ALTER COLUMN name DROP NOT NULL;

-- Adding NOT NULL, or dropping a default, is not this rule.
ALTER TABLE users ALTER COLUMN email DROP DEFAULT;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
