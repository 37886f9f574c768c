REINDEX INDEX idx_orders_customer; -- expect: reindex-not-concurrent, missing-lock-timeout
reindex table public.orders; -- expect: reindex-not-concurrent
REINDEX (VERBOSE) TABLE accounts; -- expect: reindex-not-concurrent
REINDEX SCHEMA app; -- expect: reindex-not-concurrent
-- "index" in a name is not the keyword CONCURRENTLY goes after.
REINDEX TABLE index_stats; -- expect: reindex-not-concurrent
