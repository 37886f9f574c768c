CREATE TABLE events (
    id bigint PRIMARY KEY,
    happened_at timestamp NOT NULL, -- expect: prefer-timestamptz
    seen_at timestamp without time zone
);
ALTER TABLE orders ADD COLUMN shipped_at timestamp(3) without time zone; -- expect: prefer-timestamptz
ALTER TABLE orders ALTER COLUMN paid_at TYPE pg_catalog.timestamp; -- expect: prefer-timestamptz
