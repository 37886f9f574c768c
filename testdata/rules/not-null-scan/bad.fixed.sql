-- SET NOT NULL on an existing column scans the table under ACCESS EXCLUSIVE.
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null; -- expect: not-null-scan
ALTER TABLE public.orders ALTER customer_id SET NOT NULL, ALTER COLUMN total SET NOT NULL; -- expect: not-null-scan

-- A NOT VALID check proves nothing until it is validated.
ALTER TABLE items ADD CONSTRAINT items_sku_not_null CHECK (sku IS NOT NULL) NOT VALID;
ALTER TABLE items ALTER COLUMN sku SET NOT NULL; -- expect: not-null-scan

-- The same ALTER TABLE drops the check before NOT NULL is verified (order does not matter).
ALTER TABLE accounts ADD CONSTRAINT accounts_owner_not_null CHECK (owner_id IS NOT NULL) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_owner_not_null;
ALTER TABLE accounts
    ALTER COLUMN owner_id SET NOT NULL, -- expect: not-null-scan
    DROP CONSTRAINT accounts_owner_not_null;

-- A check on another column or another table does not help.
ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_name_not_null;
ALTER TABLE users ADD CONSTRAINT users_login_not_null CHECK (login IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_login_not_null;
ALTER TABLE users ALTER COLUMN login SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_login_not_null; -- expect: not-null-scan

-- ADD PRIMARY KEY USING INDEX sets NOT NULL on the key columns.
CREATE UNIQUE INDEX CONCURRENTLY payments_id_idx ON payments (id);
ALTER TABLE payments ADD CONSTRAINT payments_pkey PRIMARY KEY USING INDEX payments_id_idx; -- expect: not-null-scan
ALTER TABLE legacy ADD PRIMARY KEY USING INDEX legacy_id_idx; -- expect: not-null-scan

DO $$
BEGIN
  ALTER TABLE invoices ALTER COLUMN number SET NOT NULL; -- expect: not-null-scan
END
$$;
