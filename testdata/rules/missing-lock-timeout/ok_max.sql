-- fixture: --max-lock-timeout 1min
SET lock_timeout = '1min';
ALTER TABLE users ADD COLUMN nickname text;
