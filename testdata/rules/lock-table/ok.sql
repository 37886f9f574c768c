BEGIN;
-- A table created in this migration: no other session can be using it.
CREATE TABLE staging (id bigint);
LOCK TABLE staging IN ACCESS EXCLUSIVE MODE;
-- "lock" in other places is not LOCK TABLE.
SELECT * FROM orders WHERE id = 1 FOR UPDATE;
COMMIT;
