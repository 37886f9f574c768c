-- Deploy shop:users_email_idx to pg
-- No BEGIN: CONCURRENTLY cannot run in a transaction block.

CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
