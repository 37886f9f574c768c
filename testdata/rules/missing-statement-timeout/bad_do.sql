-- A SET LOCAL inside a DO block ends with the block's transaction.
DO $$
BEGIN
  SET LOCAL statement_timeout = '1min';
  ALTER TABLE orders ALTER COLUMN total TYPE bigint;
END
$$;
ALTER TABLE orders ALTER COLUMN total SET NOT NULL; -- expect: missing-statement-timeout
