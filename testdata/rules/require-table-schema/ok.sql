-- fixture: --severity require-table-schema=warning
CREATE TABLE public.orders (id bigint);
ALTER TABLE app."Users" ADD COLUMN nickname text;
-- Temporary tables live in the session's own schema.
CREATE TEMP TABLE scratch (id bigint);
-- Not CREATE TABLE / ALTER TABLE.
CREATE INDEX CONCURRENTLY idx_orders_id ON orders (id);
ALTER INDEX idx_orders_id SET (fillfactor = 90);
