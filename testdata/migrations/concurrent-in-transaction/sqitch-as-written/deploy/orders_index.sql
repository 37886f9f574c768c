-- sqitch runs deploy scripts as written: outside the BEGIN the index build is fine.
CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
