-- Balanced explicit transactions, one after the other.
BEGIN;
INSERT INTO audit_log (note) VALUES ('a');
SAVEPOINT before_backfill;
UPDATE settings SET value = 'x' WHERE id = 1;
RELEASE SAVEPOINT before_backfill;
COMMIT;

START TRANSACTION ISOLATION LEVEL SERIALIZABLE;
INSERT INTO audit_log (note) VALUES ('b');
ROLLBACK;

-- BEGIN in PL/pgSQL is a block, not a transaction.
DO $$
BEGIN
  PERFORM 1;
END
$$;

-- A procedure's COMMIT runs when it is called, not when it is created inside this transaction.
BEGIN;
CREATE PROCEDURE tick() LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1;
  COMMIT;
END
$$;
COMMIT;
