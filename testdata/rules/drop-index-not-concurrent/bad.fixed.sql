SET lock_timeout = '5s';
-- Dropping an index of an existing table locks that table against reads and writes.
DROP INDEX CONCURRENTLY idx_orders_created; -- expect: drop-index-not-concurrent
DROP INDEX CONCURRENTLY IF EXISTS public.idx_users_email; -- expect: drop-index-not-concurrent

-- Several indexes, or CASCADE: CONCURRENTLY cannot do either, so no fix is offered.
DROP INDEX idx_a, idx_b; -- expect: drop-index-not-concurrent
DROP INDEX idx_c CASCADE; -- expect: drop-index-not-concurrent

DO $$
BEGIN
  DROP INDEX idx_in_do; -- expect: drop-index-not-concurrent
END
$$;
