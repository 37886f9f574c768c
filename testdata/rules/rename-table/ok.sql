-- Objects created in this migration have no running code that uses their names.
CREATE TABLE staging_events (id bigint, payload jsonb);
ALTER TABLE staging_events RENAME TO events_import;
ALTER TABLE events_import RENAME TO events_v2;

CREATE VIEW recent_orders AS SELECT * FROM orders;
ALTER VIEW recent_orders RENAME TO latest_orders;

CREATE SCHEMA reporting_tmp;
ALTER SCHEMA reporting_tmp RENAME TO reporting;
ALTER SCHEMA reporting RENAME TO analytics;

-- Not relation or schema renames.
ALTER TABLE users RENAME COLUMN email TO email_address; -- rename-column's job
ALTER INDEX idx_users_email RENAME TO users_email_idx;
ALTER SEQUENCE users_id_seq RENAME TO users_pk_seq;
ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk;
