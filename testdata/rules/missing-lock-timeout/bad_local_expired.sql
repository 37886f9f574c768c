BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD COLUMN a text;
COMMIT;
-- SET LOCAL ended with its transaction.
ALTER TABLE users ADD COLUMN b text; -- expect: missing-lock-timeout
