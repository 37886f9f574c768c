-- Key ranges bound one batch.
UPDATE orders SET status = 'x' WHERE id BETWEEN 1 AND 10000;
UPDATE orders SET status = 'x' WHERE id >= $1 AND id < $2;
UPDATE orders SET status = 'x' WHERE id > 100 AND id <= 200 AND status IS NULL;
UPDATE orders SET status = 'x' WHERE status IS NULL AND 100 < id AND id <= 200;
DELETE FROM events WHERE created_at >= '2024-01-01' AND created_at < '2024-02-01';
-- LIMIT subqueries.
UPDATE orders SET status = 'x' WHERE id IN (SELECT id FROM orders WHERE status IS NULL LIMIT 1000);
DELETE FROM events WHERE id = ANY(ARRAY(SELECT id FROM events WHERE created_at < now() LIMIT 5000));
DELETE FROM events WHERE ctid IN (SELECT ctid FROM events WHERE created_at < now() LIMIT 5000);
DELETE FROM events WHERE ctid = ANY(ARRAY(SELECT ctid FROM events LIMIT 5000));
WITH batch AS (SELECT id FROM orders WHERE status IS NULL LIMIT 1000)
UPDATE orders SET status = 'x' WHERE id IN (SELECT id FROM batch);
-- A single key (id or *_id with a value) is bounded.
UPDATE orders SET status = 'x' WHERE id = 5;
UPDATE settings SET value = 'on' WHERE setting_id = $1;
DELETE FROM orders WHERE id IN (1, 2, 3);
DELETE FROM orders WHERE id = 7 OR id = 8;

-- INSERT … VALUES writes the listed rows only.
INSERT INTO orders (id, status) VALUES (1, 'new'), (2, 'new');
INSERT INTO settings (name) SELECT 'x';
-- A batch of the source.
INSERT INTO orders_archive SELECT * FROM orders WHERE id >= $1 AND id < $2;
INSERT INTO orders_archive SELECT * FROM orders ORDER BY id LIMIT 10000;

-- Tables created in this migration.
CREATE TABLE order_flags (id bigint PRIMARY KEY, flag text);
UPDATE order_flags SET flag = 'x';
DELETE FROM order_flags;
INSERT INTO order_flags SELECT id, flag FROM order_flags;
CREATE TABLE order_copy (LIKE order_flags);
INSERT INTO order_copy SELECT * FROM order_flags;

-- A function body without a loop runs when it is called, not now.
CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM events $$;

-- A procedure that COMMITs per batch releases each batch's locks.
CREATE PROCEDURE backfill_orders() LANGUAGE plpgsql AS $$
DECLARE
  lo bigint := 0;
BEGIN
  LOOP
    UPDATE orders SET status = 'x' WHERE id >= lo AND id < lo + 10000;
    COMMIT;
    lo := lo + 10000;
    EXIT WHEN lo > 1000000;
  END LOOP;
END
$$;

-- RETURNING does not change the batch.
DELETE FROM orders WHERE id BETWEEN $1 AND $2 RETURNING id;
