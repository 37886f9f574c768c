-- The transaction's SET LOCAL is in force for the VALIDATE.
BEGIN;
SET LOCAL statement_timeout = 5000;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check; -- expect: timeout-cancels-concurrent-build
COMMIT;
