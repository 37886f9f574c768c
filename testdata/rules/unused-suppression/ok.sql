-- fixture: --rules index-not-concurrent
-- A used suppression on the line before the statement.
SET lock_timeout = '5s';
-- migsafe: ignore index-not-concurrent -- orders has 12 rows in every environment
CREATE INDEX idx_orders_a ON orders (a);

CREATE INDEX idx_orders_b ON orders (b); -- migsafe: ignore index-not-concurrent -- tiny table

-- A suppression at the end of the statement's first line covers the whole statement.
CREATE INDEX idx_orders_c -- migsafe: ignore index-not-concurrent -- maintenance window
    ON orders (c);

-- A Squawk suppression with the Squawk name of the rule.
-- squawk-ignore require-concurrent-index-creation
CREATE INDEX idx_orders_d ON orders (d);

/* migsafe: ignore index-not-concurrent */
CREATE INDEX idx_orders_e ON orders (e);

-- A suppression of a finding inside a DO block.
-- migsafe: ignore index-not-concurrent -- one-off
DO $$
BEGIN
  CREATE INDEX idx_in_do ON invoices (customer_id);
END
$$;
