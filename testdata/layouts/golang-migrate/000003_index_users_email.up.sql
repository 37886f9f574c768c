-- A single statement is sent on its own, so CONCURRENTLY works.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
