-- Nothing after this BEGIN is ever committed.
BEGIN; -- expect: uncommitted-transaction
INSERT INTO audit_log (note) VALUES ('a');
CREATE TABLE audit (id bigint);
COMMIT;
