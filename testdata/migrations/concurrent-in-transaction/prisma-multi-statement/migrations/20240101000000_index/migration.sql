SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order" ("customerId"); -- expect: concurrent-in-transaction
