BEGIN;
LOCK TABLE orders; -- expect: lock-table
LOCK public.accounts, ledger IN SHARE MODE; -- expect: lock-table
lock table only events in access exclusive mode nowait; -- expect: lock-table
COMMIT;
