-- 0004: users can be suspended; every existing user starts out active.
--
-- Since PostgreSQL 11 a NOT NULL column with a constant default is a catalog-only change: no
-- rewrite and no scan. It still needs a short ACCESS EXCLUSIVE lock, hence the lock_timeout.

SET lock_timeout = '2s';

ALTER TABLE users
    ADD COLUMN status text NOT NULL DEFAULT 'active';

ALTER TABLE users
    ADD COLUMN suspended_at timestamptz;
