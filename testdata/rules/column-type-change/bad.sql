-- fixture: --rules column-type-change
-- The old type is unknown (no history replay yet): a warning that says so.
ALTER TABLE orders ALTER COLUMN total TYPE bigint; -- expect: column-type-change
ALTER TABLE public.users ALTER COLUMN email TYPE text; -- expect: column-type-change
-- USING computes every row again: a known rewrite (error).
ALTER TABLE orders ALTER COLUMN status TYPE integer USING status::integer; -- expect: column-type-change
ALTER TABLE orders
    ADD COLUMN note text,
    ALTER COLUMN amount SET DATA TYPE numeric(12, 2) USING round(amount, 2); -- expect: column-type-change
-- `USING email` alone converts nothing: still only "unknown", a warning.
ALTER TABLE users ALTER COLUMN email TYPE varchar(320) USING email; -- expect: column-type-change
