-- fixture: --assume-in-transaction
INSERT INTO audit_log (note) VALUES ('a');
-- Ends the runner's transaction: what follows runs in autocommit mode.
COMMIT; -- expect: transaction-nesting
INSERT INTO audit_log (note) VALUES ('b');
