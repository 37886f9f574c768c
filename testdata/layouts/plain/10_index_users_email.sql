-- Outside any transaction: plain SQL runs as written.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
