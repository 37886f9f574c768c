-- fixture: --assume-in-transaction
-- The runner opens and commits the transaction around the file.
INSERT INTO audit_log (note) VALUES ('a');
