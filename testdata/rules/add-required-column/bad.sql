-- NOT NULL without a default fails as soon as the table has a row.
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL; -- expect: add-required-column
ALTER TABLE public.users ADD COLUMN email text NOT NULL REFERENCES emails (address); -- expect: add-required-column, constraint-missing-not-valid
ALTER TABLE users ADD COLUMN code text DEFAULT NULL NOT NULL; -- expect: add-required-column
ALTER TABLE users
    ADD COLUMN nickname text,
    ADD COLUMN plan text NOT NULL; -- expect: add-required-column
ALTER TABLE users ADD COLUMN uid integer PRIMARY KEY; -- expect: add-required-column
