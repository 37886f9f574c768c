-- CREATE INDEX CONCURRENTLY cannot run in a transaction block, so nothing here is atomic: when a
-- statement fails, the ones before it stay, and a re-run trips over them.
CREATE TABLE IF NOT EXISTS audit_events (id bigint PRIMARY KEY, at timestamptz); -- expect: non-idempotent-non-transactional
CREATE SEQUENCE IF NOT EXISTS audit_seq; -- expect: non-idempotent-non-transactional
create schema IF NOT EXISTS archive; -- expect: non-idempotent-non-transactional
CREATE UNIQUE INDEX IF NOT EXISTS idx_audit_at ON audit_events (at); -- expect: non-idempotent-non-transactional
CREATE OR REPLACE VIEW recent_audit AS SELECT * FROM audit_events; -- expect: non-idempotent-non-transactional
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text, -- expect: non-idempotent-non-transactional
    ADD IF NOT EXISTS avatar_url text,
    DROP COLUMN IF EXISTS legacy,
    DROP CONSTRAINT IF EXISTS users_nick_check;
DROP TABLE IF EXISTS old_audit; -- expect: non-idempotent-non-transactional
DROP MATERIALIZED VIEW IF EXISTS old_summary; -- expect: non-idempotent-non-transactional
DROP INDEX CONCURRENTLY IF EXISTS idx_users_legacy; -- expect: non-idempotent-non-transactional

-- A failed build leaves an INVALID index behind, and the re-run fails on its name.
DROP INDEX CONCURRENTLY IF EXISTS idx_users_nickname;
CREATE INDEX CONCURRENTLY idx_users_nickname ON users (nickname); -- expect: non-idempotent-non-transactional
-- IF NOT EXISTS would silently keep the INVALID index.
DROP INDEX CONCURRENTLY IF EXISTS idx_users_avatar;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_avatar ON users (avatar_url); -- expect: non-idempotent-non-transactional
-- The recovery step must drop the same index.
DROP INDEX CONCURRENTLY IF EXISTS idx_other;
DROP INDEX CONCURRENTLY IF EXISTS idx_users_email;
CREATE INDEX CONCURRENTLY idx_users_email ON users (email); -- expect: non-idempotent-non-transactional
-- Without a name there is nothing to drop.
CREATE INDEX CONCURRENTLY ON users (created_at); -- expect: non-idempotent-non-transactional
