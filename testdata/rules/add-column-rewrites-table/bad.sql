-- Volatile defaults are evaluated per row, so every existing row is rewritten.
ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid(); -- expect: add-column-rewrites-table
ALTER TABLE users ADD COLUMN score float8 DEFAULT random(); -- expect: add-column-rewrites-table
ALTER TABLE events ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp(); -- expect: add-column-rewrites-table
ALTER TABLE public.orders ADD COLUMN ref uuid DEFAULT uuid_generate_v4(); -- expect: add-column-rewrites-table
ALTER TABLE orders ADD COLUMN seq bigint DEFAULT nextval('orders_seq'); -- expect: add-column-rewrites-table

-- Sequence-backed columns fill every row.
ALTER TABLE accounts ADD COLUMN id bigserial; -- expect: add-column-rewrites-table
ALTER TABLE accounts ADD COLUMN n smallserial; -- expect: add-column-rewrites-table
ALTER TABLE accounts ADD COLUMN num bigint GENERATED ALWAYS AS IDENTITY; -- expect: add-column-rewrites-table

-- A stored generated column is computed for every row.
ALTER TABLE products ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) STORED; -- expect: add-column-rewrites-table

-- Reported at the offending sub-command.
ALTER TABLE users
    ADD COLUMN nickname text,
    ADD COLUMN salt text DEFAULT md5(random()::text); -- expect: add-column-rewrites-table
