-- fixture: --assume-in-transaction
-- The runner wraps the file in a transaction (CONCURRENTLY would fail there: another rule's job).
CREATE TABLE audit_events (id bigint);
VACUUM audit_events;
DROP TABLE old_audit;
