-- The CHECK from migration 1 was never validated: it proves nothing.
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: not-null-scan
