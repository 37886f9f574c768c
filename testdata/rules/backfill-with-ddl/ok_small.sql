-- fixture: --rules backfill-with-ddl --small-tables countries
-- tt-rss's upgrade scripts end every schema change with the version bump, in one transaction:
-- the version table has one row, so the lock is not held for long.
BEGIN;
ALTER TABLE ttrss_version ADD COLUMN applied_at timestamptz;
UPDATE ttrss_version SET schema_version = 42;
COMMIT;

BEGIN;
UPDATE countries SET name = upper(name);
ALTER TABLE countries ADD CONSTRAINT countries_name_key UNIQUE (name);
COMMIT;

-- Any other table is still reported.
BEGIN;
ALTER TABLE orders ADD COLUMN region text;
UPDATE orders SET region = 'eu' WHERE id BETWEEN 1 AND 1000; -- expect: backfill-with-ddl
COMMIT;
