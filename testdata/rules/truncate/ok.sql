-- A table created in this migration holds only this migration's rows.
CREATE TABLE staging (id bigint);
INSERT INTO staging VALUES (1);
TRUNCATE staging;
TRUNCATE TABLE ONLY staging RESTRICT;
-- DELETE in batches is unbatched-backfill's business, not this rule's.
