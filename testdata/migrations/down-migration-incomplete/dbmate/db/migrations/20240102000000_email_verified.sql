-- migrate:up
ALTER TABLE users ADD COLUMN email_verified boolean;
CREATE INDEX users_email_verified_idx ON users (email_verified);

-- migrate:down
DROP INDEX users_email_verified_idx; -- expect: down-migration-incomplete
