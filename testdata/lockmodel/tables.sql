-- setup
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id));
CREATE TABLE src (id int);
CREATE UNLOGGED TABLE scratch (id int);
CREATE INDEX child_parent_idx ON child (parent_id);
INSERT INTO parent SELECT g FROM generate_series(1, 10) g;
INSERT INTO child SELECT g, 1 + g % 10 FROM generate_series(1, 100) g;
INSERT INTO src SELECT g FROM generate_series(1, 10) g;
CREATE MATERIALIZED VIEW mv AS SELECT id FROM parent;
CREATE UNIQUE INDEX mv_id ON mv (id);
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER child_noop BEFORE INSERT ON child FOR EACH ROW EXECUTE FUNCTION noop();
-- case: set_logged
ALTER TABLE scratch SET LOGGED;
-- case: cluster
CLUSTER child USING child_parent_idx;
-- case: vacuum_full
VACUUM FULL child;
-- case: truncate
TRUNCATE src;
-- case: lock_table_default
LOCK TABLE src;
-- case: lock_table_share
LOCK TABLE src IN SHARE MODE;
-- case: create_table_references
CREATE TABLE grandchild (id int PRIMARY KEY, parent_id int REFERENCES parent (id));
-- case: drop_table_with_fk
DROP TABLE child;
-- unmodelled: parent
-- case: refresh_matview
REFRESH MATERIALIZED VIEW mv;
-- case: refresh_matview_concurrently
REFRESH MATERIALIZED VIEW CONCURRENTLY mv;
-- case: create_trigger
CREATE TRIGGER src_noop BEFORE INSERT ON src FOR EACH ROW EXECUTE FUNCTION noop();
-- case: disable_trigger
ALTER TABLE child DISABLE TRIGGER child_noop;
-- case: enable_trigger
ALTER TABLE child ENABLE TRIGGER child_noop;
-- case: insert_select
INSERT INTO src SELECT id FROM parent;
-- case: update
UPDATE src SET id = id + 1;
-- case: delete
DELETE FROM src WHERE id > 5;
-- case: alter_type_add_value
ALTER TYPE mood ADD VALUE 'happy';
