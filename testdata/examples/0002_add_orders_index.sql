-- 0002: the admin dashboard lists recent orders by status; add an index for it.
--
-- HAZARD: `orders` already exists and is busy. A plain CREATE INDEX takes a SHARE lock on it, so
-- every INSERT/UPDATE/DELETE on orders waits until the whole index is built (minutes on a big
-- table). migsafe reports index-not-concurrent here; 0003 shows the safe way.

CREATE INDEX orders_status_created_at_idx ON orders (status, created_at);
