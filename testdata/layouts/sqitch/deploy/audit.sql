-- Deploy shop:audit to pg

BEGIN;

CREATE TABLE audit (id bigserial PRIMARY KEY, user_id bigint REFERENCES users, at timestamptz);

COMMIT;
