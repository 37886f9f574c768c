BEGIN;
INSERT INTO audit_log (note) VALUES ('a');
COMMIT;
-- The second transaction is left open.
start transaction isolation level repeatable read; -- expect: uncommitted-transaction
INSERT INTO audit_log (note) VALUES ('b');
