-- fixture: --pg-version 11
-- Before PostgreSQL 12, SET NOT NULL scans even with a validated CHECK (col IS NOT NULL).
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: not-null-scan
