-- Deploy shop:users to pg

BEGIN;

CREATE TABLE users (
    id bigserial PRIMARY KEY,
    email text NOT NULL
);

COMMIT;
