-- fixture: --assume-in-transaction
-- The runner commits its own transaction; SAVEPOINTs nest inside it.
SAVEPOINT step;
INSERT INTO audit_log (note) VALUES ('a');
RELEASE SAVEPOINT step;
