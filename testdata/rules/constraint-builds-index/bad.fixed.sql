SET lock_timeout = '5s';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key; -- expect: constraint-builds-index
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_tenant_id_key ON users (email, tenant_id);
ALTER TABLE users ADD CONSTRAINT users_email_tenant_id_key UNIQUE USING INDEX users_email_tenant_id_key; -- expect: constraint-builds-index
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_pkey ON accounts (id);
ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY USING INDEX accounts_pkey; -- expect: constraint-builds-index
ALTER TABLE bookings
  ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&); -- expect: constraint-builds-index
ALTER TABLE orders ADD COLUMN code text UNIQUE; -- expect: constraint-builds-index
ALTER TABLE orders ADD COLUMN id bigint PRIMARY KEY; -- expect: constraint-builds-index
