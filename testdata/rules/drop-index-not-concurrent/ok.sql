SET lock_timeout = '5s';
DROP INDEX CONCURRENTLY idx_orders_created;
DROP INDEX CONCURRENTLY IF EXISTS public.idx_users_email;

-- An index created earlier in this migration: nobody depends on it yet.
CREATE TABLE audit_log (id bigint, at timestamptz);
CREATE INDEX idx_audit_log_at ON audit_log (at);
DROP INDEX idx_audit_log_at;
CREATE INDEX CONCURRENTLY idx_orders_status ON public.orders (status);
DROP INDEX public.idx_orders_status;
