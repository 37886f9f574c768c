-- CONCURRENTLY keeps writes flowing.
CREATE INDEX CONCURRENTLY idx_orders_created ON orders (created_at);
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_status ON public.orders (status);

-- A table created in this migration is empty and nobody else can see it yet.
CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL);
CREATE INDEX idx_audit_log_at ON audit_log (at);
CREATE INDEX idx_audit_log_at2 ON public.audit_log (at);
