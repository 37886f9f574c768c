-- setup
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int, n int, r int4range);
ALTER TABLE child ADD CONSTRAINT child_n_check CHECK (n > 0) NOT VALID;
CREATE UNIQUE INDEX child_n_key ON child (n);
INSERT INTO parent SELECT g FROM generate_series(1, 10) g;
INSERT INTO child SELECT g, 1 + g % 10, g, int4range(g, g + 1) FROM generate_series(1, 100) g;
-- case: add_check
ALTER TABLE child ADD CONSTRAINT child_pos CHECK (id > 0);
-- case: add_check_not_valid
ALTER TABLE child ADD CONSTRAINT child_pos CHECK (id > 0) NOT VALID;
-- case: validate_constraint
ALTER TABLE child VALIDATE CONSTRAINT child_n_check;
-- case: add_foreign_key
ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id);
-- case: add_foreign_key_not_valid
ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID;
-- case: add_unique
ALTER TABLE child ADD CONSTRAINT child_parent_key UNIQUE (id, parent_id);
-- case: add_primary_key
ALTER TABLE parent DROP CONSTRAINT parent_pkey, ADD PRIMARY KEY (id);
-- case: add_unique_using_index
ALTER TABLE child ADD CONSTRAINT child_n_key UNIQUE USING INDEX child_n_key;
-- case: add_exclude
ALTER TABLE child ADD CONSTRAINT child_r_excl EXCLUDE USING gist (r WITH &&);
-- case: drop_constraint
ALTER TABLE child DROP CONSTRAINT child_n_check;
-- case: add_column_references
ALTER TABLE child ADD COLUMN other_parent_id int REFERENCES parent (id);
-- case: two_subcommands
ALTER TABLE child ALTER COLUMN n SET STATISTICS 100, ADD CONSTRAINT child_pos CHECK (id > 0) NOT VALID;
-- case: create_table_inherits
CREATE TABLE heir () INHERITS (child);
