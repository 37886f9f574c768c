-- SQL built at run time cannot be checked: said once, where it is built.
SET lock_timeout = '5s';
DO $$
DECLARE
  t text := 'orders';
BEGIN
  EXECUTE 'CREATE INDEX idx_a ON ' || t || ' (a)'; -- expect: unanalyzable-sql
  EXECUTE format('UPDATE %I SET a = 1', t); -- expect: unanalyzable-sql
  -- A constant string is analysed like any statement, at its own line.
  EXECUTE 'CREATE INDEX idx_b ON orders (b)'; -- expect: index-not-concurrent
END
$$;

-- psql variables are replaced by psql before PostgreSQL sees the statement.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_c ON :tbl (c); -- expect: unanalyzable-sql
SELECT :'name', :"column"; -- expect: unanalyzable-sql, unanalyzable-sql
