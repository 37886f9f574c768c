-- Objects created in this migration hold nothing anyone relies on.
CREATE TABLE tmp_import (id bigint, payload jsonb);
DROP TABLE tmp_import;
CREATE TABLE staging_rows (id bigint);
ALTER TABLE staging_rows RENAME TO staged;
DROP TABLE staged CASCADE;
CREATE UNLOGGED TABLE scratch.work AS SELECT 1 AS x;
DROP TABLE scratch.work;

CREATE SCHEMA tmp_reports;
DROP SCHEMA tmp_reports CASCADE;

-- Views, indexes, sequences and types are not tables.
DROP VIEW active_users;
DROP MATERIALIZED VIEW sales_summary;
DROP SEQUENCE legacy_seq;
DROP TYPE mood;
