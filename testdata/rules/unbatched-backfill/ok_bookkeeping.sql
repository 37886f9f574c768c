-- Found on real upgrade scripts (tt-rss, PostgreSQL contrib): one-row schema-version tables and
-- system catalogs are not backfills.
UPDATE ttrss_version SET schema_version = 42;
UPDATE schema_version SET version = '2.4.1';
DELETE FROM alembic_version;
UPDATE pg_catalog.pg_proc SET prorettype = 'internal'::regtype WHERE proname = 'gin_extract_value';
UPDATE pg_depend SET deptype = 'n' WHERE refobjid = 'pg_catalog.hstore'::regtype;
-- A table whose name only ends in "version" is an ordinary table.
UPDATE currency_conversion SET rate = 1; -- expect: unbatched-backfill
UPDATE app.pg_stats_cache SET stale = true; -- expect: unbatched-backfill
