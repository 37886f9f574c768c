-- fixture: --pg-version 11
BEGIN;
ALTER TYPE mood ADD VALUE 'ecstatic'; -- expect: enum-value-in-transaction
COMMIT;
