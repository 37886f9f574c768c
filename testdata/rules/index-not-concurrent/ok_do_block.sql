-- A DO block runs now: the table it creates is new for the rest of the migration.
DO $$
BEGIN
    CREATE TABLE events (id bigint, at timestamptz);
END
$$;
CREATE INDEX idx_events_at ON events (at);
