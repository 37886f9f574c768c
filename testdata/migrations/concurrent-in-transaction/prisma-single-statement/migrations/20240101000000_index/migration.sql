CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order" ("customerId");
