-- setup
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE INDEX t_a_idx ON t (a);
INSERT INTO t SELECT g, g, g::text FROM generate_series(1, 100) g;
-- case: create_index
CREATE INDEX t_b_idx ON t (b);
-- case: create_unique_index
CREATE UNIQUE INDEX t_b_key ON t (b);
-- case: create_index_concurrently
CREATE INDEX CONCURRENTLY t_b_idx ON t (b);
-- case: drop_index
DROP INDEX t_a_idx;
-- unmodelled: t
-- case: drop_index_concurrently
DROP INDEX CONCURRENTLY t_a_idx;
-- case: reindex_table
REINDEX TABLE t;
-- case: reindex_index
REINDEX INDEX t_a_idx;
-- unmodelled: t
-- case: reindex_table_concurrently
REINDEX TABLE CONCURRENTLY t;
-- case: reindex_index_concurrently
REINDEX INDEX CONCURRENTLY t_a_idx;
