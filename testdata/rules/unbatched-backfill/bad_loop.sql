-- Fake batching: the DO block is one transaction, so all row locks are held to the end.
DO $$
DECLARE
  lo bigint := 0;
BEGIN
  WHILE lo < 1000000 LOOP
    UPDATE orders SET status = 'x' WHERE id >= lo AND id < lo + 10000; -- expect: unbatched-backfill
    lo := lo + 10000;
  END LOOP;
END
$$;

DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT id FROM users LOOP
    DELETE FROM sessions WHERE user_id = r.id; -- expect: unbatched-backfill
  END LOOP;
END
$$;

-- A function cannot COMMIT: its loop holds every batch's locks too.
CREATE FUNCTION backfill() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN 0..99 LOOP
    UPDATE orders SET status = 'x' WHERE id BETWEEN i * 10000 AND i * 10000 + 9999; -- expect: unbatched-backfill
  END LOOP;
END
$$;

-- Unbatched DML in a DO block (no loop) runs now.
DO $$
BEGIN
  UPDATE orders SET status = 'x'; -- expect: unbatched-backfill
END
$$;
