BEGIN;
INSERT INTO audit_log (note) VALUES ('a');
COMMIT;
BEGIN;
INSERT INTO audit_log (note) VALUES ('b');
ROLLBACK;
-- A procedure body's BEGIN is a PL/pgSQL block.
CREATE PROCEDURE tick() LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1;
END
$$;
