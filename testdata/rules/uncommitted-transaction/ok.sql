BEGIN;
ALTER TABLE orders ADD COLUMN note text;
COMMIT;
BEGIN;
ALTER TABLE orders ADD COLUMN note2 text;
ROLLBACK;
-- A procedure body's BEGIN is a PL/pgSQL block.
CREATE PROCEDURE tick() LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1;
END
$$;
