-- A second BEGIN is ignored: the first COMMIT ends the outer transaction too.
BEGIN;
INSERT INTO audit_log (note) VALUES ('a');
BEGIN; -- expect: transaction-nesting
UPDATE settings SET value = 'x' WHERE id = 1;
COMMIT;
INSERT INTO audit_log (note) VALUES ('b');
COMMIT; -- expect: transaction-nesting

ROLLBACK; -- expect: transaction-nesting
start transaction;
commit;
