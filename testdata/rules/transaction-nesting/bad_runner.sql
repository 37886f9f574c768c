-- fixture: --assume-in-transaction
-- The runner already opened a transaction: this BEGIN is ignored, and the COMMIT (not reported
-- twice) ends the runner's transaction early.
BEGIN; -- expect: transaction-nesting
INSERT INTO audit_log (note) VALUES ('a');
COMMIT;
