SET lock_timeout = '5s';
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
ALTER TABLE users ADD COLUMN nickname text; -- expect: missing-lock-timeout
-- Reported once per migration.
ALTER TABLE orders ADD COLUMN note text;
