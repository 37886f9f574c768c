-- Every step can be repeated after a partial failure.
CREATE TABLE IF NOT EXISTS audit_events (id bigint PRIMARY KEY, at timestamptz);
CREATE SEQUENCE IF NOT EXISTS audit_seq;
CREATE SCHEMA IF NOT EXISTS archive;
CREATE OR REPLACE VIEW recent_audit AS SELECT * FROM audit_events;
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text, DROP COLUMN IF EXISTS legacy;
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_nick_check;
DROP TABLE IF EXISTS old_audit;
DROP INDEX CONCURRENTLY IF EXISTS idx_users_nickname;
CREATE INDEX CONCURRENTLY idx_users_nickname ON users (nickname);
DROP INDEX CONCURRENTLY IF EXISTS public.idx_users_email;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_email ON public.users (email);
-- Statements with no IF [NOT] EXISTS form are not flagged.
ALTER TABLE users ADD CONSTRAINT users_nick_len CHECK (length(nickname) < 64) NOT VALID;
ALTER TABLE users ALTER COLUMN nickname SET DEFAULT '';
ALTER TYPE address ADD ATTRIBUTE zip text;
INSERT INTO audit_events VALUES (1, now());
-- Inside an explicit transaction the statements roll back together.
BEGIN;
CREATE TABLE audit_tags (id bigint);
ALTER TABLE audit_events ADD COLUMN tag_id bigint;
COMMIT;
-- A DO block runs as one transaction.
DO $$
BEGIN
  CREATE TABLE do_made (id bigint);
END
$$;
