-- A database created by this migration can be dropped again.
CREATE DATABASE scratch_copy;
DROP DATABASE scratch_copy;
