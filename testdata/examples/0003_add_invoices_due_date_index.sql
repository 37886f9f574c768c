-- 0003: the dunning job scans unpaid invoices by due date.
--
-- Done the safe way: CREATE INDEX CONCURRENTLY builds the index without blocking writes. It cannot
-- run inside a transaction block, so this file has no BEGIN/COMMIT and contains nothing else.
-- lock_timeout bounds how long we queue behind other sessions' locks; statement_timeout is lifted
-- so that a slow build is not cancelled halfway (which would leave an INVALID index behind).
-- A failed build leaves an INVALID index under this name (IF NOT EXISTS would then keep it), so a
-- re-run first drops any leftover, without blocking writes either.

SET lock_timeout = '5s';
SET statement_timeout = 0;

DROP INDEX CONCURRENTLY IF EXISTS invoices_unpaid_due_date_idx;
CREATE INDEX CONCURRENTLY invoices_unpaid_due_date_idx
    ON invoices (due_date)
    WHERE paid_at IS NULL;
