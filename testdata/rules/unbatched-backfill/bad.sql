-- No WHERE: every row in one statement (error).
SET lock_timeout = '5s';
UPDATE orders SET status = 'archived'; -- expect: unbatched-backfill
DELETE FROM public.sessions; -- expect: unbatched-backfill
-- A tautology is no better.
UPDATE orders SET status = 'archived' WHERE true; -- expect: unbatched-backfill
delete from events where 1 = 1; -- expect: unbatched-backfill

-- A WHERE that does not bound a batch (warning).
UPDATE users SET email_verified = false WHERE email_verified IS NULL; -- expect: unbatched-backfill
DELETE FROM events WHERE created_at < now() - interval '90 days'; -- expect: unbatched-backfill
UPDATE orders o SET total = o.subtotal + o.tax -- expect: unbatched-backfill
  FROM customers c
 WHERE c.id = o.customer_id AND c.region = 'eu';
-- Only a lower bound is not a range.
UPDATE orders SET status = 'x' WHERE id > 1000; -- expect: unbatched-backfill
-- A subquery without LIMIT is as big as the table.
UPDATE orders SET status = 'x' WHERE id IN (SELECT order_id FROM refunds); -- expect: unbatched-backfill
-- Equality on a column that is not a key.
UPDATE orders SET status = 'x' WHERE status = 'new'; -- expect: unbatched-backfill

-- INSERT … SELECT copies the whole source table.
INSERT INTO orders_archive SELECT * FROM orders WHERE status = 'done'; -- expect: unbatched-backfill
CREATE TABLE orders_copy (LIKE orders);
INSERT INTO orders_copy (id, total) SELECT id, total FROM orders; -- expect: unbatched-backfill
DELETE FROM events WHERE kind = 'debug' RETURNING id; -- expect: unbatched-backfill
