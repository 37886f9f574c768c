-- fixture: --rules backfill-with-ddl
BEGIN;
ALTER TABLE orders ADD COLUMN region text;
UPDATE orders SET region = 'eu' WHERE id BETWEEN 1 AND 1000; -- expect: backfill-with-ddl
COMMIT;

-- DML first, DDL second: reported at the DDL.
BEGIN;
DELETE FROM invoices WHERE id < 100;
CREATE INDEX idx_invoices_customer ON invoices (customer_id); -- expect: backfill-with-ddl
COMMIT;

-- An explicit LOCK TABLE holds its lock for the backfill too.
BEGIN;
LOCK TABLE public.users IN SHARE MODE;
INSERT INTO users (id, email) SELECT id, email FROM legacy_users; -- expect: backfill-with-ddl
COMMIT;

-- A DO block runs as one transaction.
DO $$
BEGIN
    ALTER TABLE accounts ADD COLUMN tier int;
    UPDATE accounts SET tier = 1 WHERE id < 10; -- expect: backfill-with-ddl
END
$$;

-- Many writes to the same tables in one transaction (a data load): the earliest lock is named.
BEGIN;
ALTER TABLE ledger ADD COLUMN note text DEFAULT 'x';
UPDATE ledger SET note = 'a' WHERE kind = 1; -- expect: backfill-with-ddl
UPDATE ledger SET note = 'b' WHERE kind = 2; -- expect: backfill-with-ddl
COMMIT;
