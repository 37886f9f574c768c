-- 0001: initial schema for accounts, orders and invoices.
--
-- Every table here is new, so building its indexes and foreign keys right away is safe:
-- nothing else can be reading or writing these tables while this migration runs.

BEGIN;

CREATE TABLE users (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text        NOT NULL,
    full_name   text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL,
    status       text        NOT NULL DEFAULT 'pending',
    total_cents  bigint,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_user_id_idx ON orders (user_id);

CREATE TABLE invoices (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     bigint      NOT NULL REFERENCES orders (id),
    amount_cents bigint      NOT NULL,
    currency     text,
    due_date     date        NOT NULL,
    paid_at      timestamptz
);

CREATE INDEX invoices_order_id_idx ON invoices (order_id);

COMMIT;
