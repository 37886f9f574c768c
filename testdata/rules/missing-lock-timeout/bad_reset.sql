SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN a text;
RESET lock_timeout;
LOCK TABLE orders IN SHARE MODE; -- expect: missing-lock-timeout
