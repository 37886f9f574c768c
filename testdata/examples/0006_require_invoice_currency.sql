-- 0006: invoices without a currency predate multi-currency support; they were all billed in EUR.
-- Fill them in, then make the column mandatory.
--
-- HAZARDS:
--  * the UPDATE has no WHERE clause: it rewrites every invoice row (not just the NULL ones) in
--    one transaction, holding a row lock on each until COMMIT;
--  * SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock (reads blocked too). The
--    safe path is ADD CONSTRAINT … CHECK (currency IS NOT NULL) NOT VALID, VALIDATE it in a
--    separate step, and only then SET NOT NULL (PostgreSQL 12+ skips the scan);
--  * both run in the same transaction, so the backfill's row locks and the ACCESS EXCLUSIVE
--    lock are held together until COMMIT.

BEGIN;

UPDATE invoices SET currency = coalesce(currency, 'EUR');

ALTER TABLE invoices ALTER COLUMN currency SET NOT NULL;

COMMIT;
