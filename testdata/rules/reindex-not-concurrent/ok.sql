REINDEX INDEX CONCURRENTLY idx_orders_customer;
REINDEX (VERBOSE) TABLE CONCURRENTLY accounts;
REINDEX (CONCURRENTLY) TABLE events;
-- System catalogs have no concurrent rebuild.
REINDEX SYSTEM app_db;
-- Created in this migration: nobody else uses it yet.
CREATE TABLE audit (id bigint);
CREATE INDEX idx_audit_id ON audit (id);
REINDEX INDEX idx_audit_id;
REINDEX TABLE audit;
