SET lock_timeout = '5s';
-- Attaching an index built beforehand with CREATE UNIQUE INDEX CONCURRENTLY is instant.
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY USING INDEX accounts_pkey;

-- A table created in this migration is empty and invisible to other sessions.
CREATE TABLE widgets (id bigint, code text);
ALTER TABLE widgets ADD PRIMARY KEY (id);
ALTER TABLE widgets ADD CONSTRAINT widgets_code_key UNIQUE (code);
ALTER TABLE widgets ADD COLUMN slug text UNIQUE;

-- Other constraints do not build an index.
ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;
