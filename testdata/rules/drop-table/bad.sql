-- The running application may still read these tables.
DROP TABLE legacy_events; -- expect: drop-table

drop table if exists public.audit_log, archive.audit_log_2019; -- expect: drop-table

-- CASCADE also drops the views and foreign keys that depend on the table: error.
DROP TABLE customers CASCADE; -- expect: drop-table

DROP SCHEMA reporting; -- expect: drop-table
DROP SCHEMA IF EXISTS staging CASCADE; -- expect: drop-table

-- Only the existing table is named; the new one is fine to drop.
CREATE TABLE tmp_import (id bigint);
DROP TABLE tmp_import, old_import; -- expect: drop-table
