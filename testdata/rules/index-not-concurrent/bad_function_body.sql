-- A table created inside a function body exists only once the function is called: for the
-- statements after CREATE FUNCTION it is still an existing table.
CREATE FUNCTION make_events() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    CREATE TABLE events (id bigint, at timestamptz);
END
$$;
CREATE INDEX idx_events_at ON events (at); -- expect: index-not-concurrent
