SET lock_timeout = '1min';
ALTER TABLE users ALTER COLUMN name SET NOT NULL; -- expect: missing-lock-timeout
