-- Constant and STABLE defaults are stored in the catalog (PostgreSQL 11+): no rewrite.
ALTER TABLE users ADD COLUMN active boolean DEFAULT true;
ALTER TABLE users ADD COLUMN counter integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();
ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE users ADD COLUMN kind text DEFAULT 'x';
ALTER TABLE users ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE users ADD COLUMN nickname text;

-- The safe sequence: no default on ADD, default for new rows only.
ALTER TABLE users ADD COLUMN token uuid;
ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();

-- A table created in this migration is empty.
CREATE TABLE widgets (name text);
ALTER TABLE widgets ADD COLUMN id bigserial;
ALTER TABLE widgets ADD COLUMN token uuid DEFAULT gen_random_uuid();
ALTER TABLE widgets ADD COLUMN total numeric GENERATED ALWAYS AS (1) STORED;
