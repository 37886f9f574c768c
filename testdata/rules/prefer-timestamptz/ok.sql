CREATE TABLE events (
    id bigint PRIMARY KEY,
    happened_at timestamptz NOT NULL,
    seen_at timestamp with time zone,
    day date,
    at_time time
);
ALTER TABLE orders ADD COLUMN shipped_at timestamptz(3);
ALTER TABLE orders ALTER COLUMN paid_at TYPE timestamp with time zone;
-- A user type that happens to be called timestamp.
CREATE TABLE logs (at app.timestamp);
-- Not a column definition.
SELECT now()::timestamp;
