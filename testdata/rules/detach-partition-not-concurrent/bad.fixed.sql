ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY; -- expect: detach-partition-not-concurrent
alter table app.events
    detach partition app.events_old concurrently; -- expect: detach-partition-not-concurrent
-- Inside a transaction: still reported (the fix then needs the transaction gone).
BEGIN;
ALTER TABLE logs DETACH PARTITION logs_a CONCURRENTLY; -- expect: detach-partition-not-concurrent
COMMIT;
