-- 0007: orders.total_cents was added nullable in 0001 and never filled for old orders.
-- Backfill it from the invoices, 5000 orders at a time.
--
-- Each batch is committed on its own (COMMIT inside DO needs PostgreSQL 11+ and must not run
-- inside an outer transaction, so this file has no BEGIN), so row locks are released between
-- batches and concurrent checkouts wait for at most one batch.

DO $$
DECLARE
    batch_start bigint := 0;
    max_id      bigint;
BEGIN
    SELECT coalesce(max(id), 0) INTO max_id FROM orders;
    WHILE batch_start <= max_id LOOP
        UPDATE orders o
           SET total_cents = (SELECT coalesce(sum(i.amount_cents), 0)
                                FROM invoices i
                               WHERE i.order_id = o.id)
         WHERE o.id >= batch_start
           AND o.id < batch_start + 5000
           AND o.total_cents IS NULL;
        COMMIT;
        batch_start := batch_start + 5000;
    END LOOP;
END
$$;
