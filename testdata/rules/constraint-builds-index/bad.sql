SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email); -- expect: constraint-builds-index
ALTER TABLE users ADD UNIQUE (email, tenant_id); -- expect: constraint-builds-index
ALTER TABLE accounts ADD PRIMARY KEY (id); -- expect: constraint-builds-index
ALTER TABLE bookings
  ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&); -- expect: constraint-builds-index
ALTER TABLE orders ADD COLUMN code text UNIQUE; -- expect: constraint-builds-index
ALTER TABLE orders ADD COLUMN id bigint PRIMARY KEY; -- expect: constraint-builds-index
