-- fixture: --implicit-transaction-when-multi-statement
-- golang-migrate and Prisma send the file as one string: with two statements in it, PostgreSQL
-- runs them as one implicit transaction and rejects CONCURRENTLY.
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY orders_region_idx ON orders (region); -- expect: concurrent-in-transaction
