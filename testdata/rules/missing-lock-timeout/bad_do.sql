DO $$
BEGIN
  ALTER TABLE users ADD COLUMN flags int; -- expect: missing-lock-timeout
END
$$;
