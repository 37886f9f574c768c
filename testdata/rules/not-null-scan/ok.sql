-- PG 12+: a validated CHECK (col IS NOT NULL) lets SET NOT NULL skip the scan.
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;

-- Validated earlier in the same transaction counts.
BEGIN;
ALTER TABLE public.orders ADD CONSTRAINT orders_total_nn CHECK (total IS NOT NULL) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_nn;
ALTER TABLE orders ALTER COLUMN total SET NOT NULL;
COMMIT;

-- Dropping some other constraint in the same statement is fine; dropping the check afterwards too.
ALTER TABLE users ADD CONSTRAINT users_login_nn CHECK (login IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_login_nn;
ALTER TABLE users ALTER COLUMN login SET NOT NULL, DROP CONSTRAINT users_old_check;
ALTER TABLE users DROP CONSTRAINT users_login_nn;

-- Primary key over an index whose columns are proven NOT NULL.
ALTER TABLE payments ADD CONSTRAINT payments_id_nn CHECK (id IS NOT NULL) NOT VALID;
ALTER TABLE payments VALIDATE CONSTRAINT payments_id_nn;
CREATE UNIQUE INDEX CONCURRENTLY payments_id_idx ON payments (id);
ALTER TABLE payments ADD CONSTRAINT payments_pkey PRIMARY KEY USING INDEX payments_id_idx;

-- A table created in this migration is empty.
CREATE TABLE drafts (id bigint, title text);
ALTER TABLE drafts ALTER COLUMN title SET NOT NULL;
CREATE UNIQUE INDEX drafts_id_idx ON drafts (id);
ALTER TABLE drafts ADD PRIMARY KEY USING INDEX drafts_id_idx;

-- DROP NOT NULL is not a scan.
ALTER TABLE users ALTER COLUMN bio DROP NOT NULL;
