-- A non-volatile default fills existing rows without a rewrite.
ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE users ADD COLUMN nickname text;

-- A volatile default fills them too (the rewrite is add-column-rewrites-table's finding).
ALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid(); -- expect: add-column-rewrites-table

-- Identity, serial and generated columns compute a value for each row.
ALTER TABLE users ADD COLUMN seq bigint NOT NULL GENERATED ALWAYS AS IDENTITY; -- expect: add-column-rewrites-table
ALTER TABLE users ADD COLUMN n bigserial NOT NULL; -- expect: add-column-rewrites-table
ALTER TABLE users ADD COLUMN total numeric NOT NULL GENERATED ALWAYS AS (price * qty) STORED; -- expect: add-column-rewrites-table

-- A table created in this migration has no rows.
CREATE TABLE teams (name text);
ALTER TABLE teams ADD COLUMN owner_id bigint NOT NULL;
