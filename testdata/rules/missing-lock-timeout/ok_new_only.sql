-- Every dangerous lock falls on a relation this migration created.
CREATE TABLE tags (id bigint PRIMARY KEY, name text);
CREATE INDEX tags_name_idx ON tags (name);
ALTER TABLE tags ADD COLUMN color text;
-- Weaker locks on existing tables do not need a lock_timeout.
CREATE INDEX CONCURRENTLY users_name_idx ON users (name);
UPDATE users SET name = 'x' WHERE id = 1;
