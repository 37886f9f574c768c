SET lock_timeout = '5s';
REINDEX INDEX CONCURRENTLY idx_orders_customer; -- expect: reindex-not-concurrent, missing-lock-timeout
reindex table concurrently public.orders; -- expect: reindex-not-concurrent
REINDEX (VERBOSE) TABLE CONCURRENTLY accounts; -- expect: reindex-not-concurrent
REINDEX SCHEMA CONCURRENTLY app; -- expect: reindex-not-concurrent
-- "index" in a name is not the keyword CONCURRENTLY goes after.
REINDEX TABLE CONCURRENTLY index_stats; -- expect: reindex-not-concurrent
