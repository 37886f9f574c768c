-- fixture: --pg-version 11
-- PostgreSQL 11 has no REINDEX CONCURRENTLY: nothing better to suggest.
REINDEX INDEX idx_orders_customer;
REINDEX TABLE orders;
