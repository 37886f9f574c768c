-- fixture: --small-tables app_settings
-- Found on tt-rss's upgrade scripts: the DDL, then the schema-version bump, then COMMIT. The bump
-- (like a SET or a change to a configured small table) adds no time to the lock window.
BEGIN;
ALTER TABLE ttrss_feeds ADD COLUMN last_unconditional timestamp;
UPDATE ttrss_version SET schema_version = 133;
COMMIT;
BEGIN;
ALTER TABLE orders DROP COLUMN legacy_note;
RESET lock_timeout;
UPDATE app_settings SET value = 'on' WHERE name = 'orders_v2';
COMMIT;
-- A statement that does take time is still reported, after any instant ones.
BEGIN;
ALTER TABLE orders ADD COLUMN region text;
UPDATE schema_version SET version = 7;
CREATE INDEX orders_region_idx ON orders (region); -- expect: lock-held-across-statements
COMMIT;
