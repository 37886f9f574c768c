-- fixture: --implicit-transaction-when-multi-statement
-- Alone in its file, the statement is sent on its own and runs outside any transaction.
CREATE INDEX CONCURRENTLY orders_region_idx ON orders (region);
