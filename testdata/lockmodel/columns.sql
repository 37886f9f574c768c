-- setup
CREATE TABLE t (id int PRIMARY KEY, n int, v varchar(10), w varchar(10), d int DEFAULT 1, m int NOT NULL);
INSERT INTO t SELECT g, g, 'x', 'y', g, g FROM generate_series(1, 100) g;
-- case: add_column_nullable
ALTER TABLE t ADD COLUMN c int;
-- case: add_column_constant_default
ALTER TABLE t ADD COLUMN c int DEFAULT 42;
-- case: add_column_volatile_default
ALTER TABLE t ADD COLUMN c float8 DEFAULT random();
-- case: add_column_serial
ALTER TABLE t ADD COLUMN c serial;
-- case: add_column_identity
ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS IDENTITY;
-- case: add_column_generated_stored
ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (n * 2) STORED;
-- case: drop_column
ALTER TABLE t DROP COLUMN n;
-- case: alter_type_int_to_bigint
ALTER TABLE t ALTER COLUMN n TYPE bigint;
-- case: alter_type_varchar_longer
ALTER TABLE t ALTER COLUMN v TYPE varchar(20);
-- rewrite-unknowable: binary-coercible only if the old type is varchar/text
-- case: alter_type_varchar_to_text
ALTER TABLE t ALTER COLUMN w TYPE text;
-- rewrite-unknowable: binary-coercible only if the old type is varchar/text
-- case: set_not_null
ALTER TABLE t ALTER COLUMN n SET NOT NULL;
-- case: drop_not_null
ALTER TABLE t ALTER COLUMN m DROP NOT NULL;
-- case: set_default
ALTER TABLE t ALTER COLUMN n SET DEFAULT 0;
-- case: drop_default
ALTER TABLE t ALTER COLUMN d DROP DEFAULT;
-- case: rename_column
ALTER TABLE t RENAME COLUMN n TO n2;
-- case: rename_table
ALTER TABLE t RENAME TO t2;
-- case: set_statistics
ALTER TABLE t ALTER COLUMN n SET STATISTICS 500;
-- case: set_fillfactor
ALTER TABLE t SET (fillfactor = 70);
-- case: set_unlogged
ALTER TABLE t SET UNLOGGED;
-- case: comment_on_table
COMMENT ON TABLE t IS 'accounts';
-- case: reset_fillfactor
ALTER TABLE t RESET (fillfactor);
-- case: cluster_on
ALTER TABLE t CLUSTER ON t_pkey;
-- case: set_without_cluster
ALTER TABLE t SET WITHOUT CLUSTER;
-- case: set_storage
ALTER TABLE t ALTER COLUMN v SET STORAGE EXTERNAL;
-- case: analyze
ANALYZE t;
