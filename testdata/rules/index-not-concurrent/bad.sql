-- An index on a table that existed before this migration blocks writes while it builds.
CREATE INDEX idx_orders_created ON orders (created_at); -- expect: index-not-concurrent, missing-lock-timeout

create unique index idx_users_email -- expect: index-not-concurrent
    on public.users (lower(email));

CREATE INDEX ON app."Events" USING gin (payload); -- expect: index-not-concurrent

-- Inside a DO block the inner statement is reported at its own line.
DO $$
BEGIN
  CREATE INDEX idx_in_do ON invoices (customer_id); -- expect: index-not-concurrent
END
$$;
