ALTER TABLE measurements DETACH PARTITION measurements_2020; -- expect: detach-partition-not-concurrent
alter table app.events
    detach partition app.events_old; -- expect: detach-partition-not-concurrent
-- Inside a transaction: still reported (the fix then needs the transaction gone).
BEGIN;
ALTER TABLE logs DETACH PARTITION logs_a; -- expect: detach-partition-not-concurrent
COMMIT;
