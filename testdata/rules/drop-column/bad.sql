-- Old code still selects the column until the new release is out.
ALTER TABLE users DROP COLUMN legacy_flag; -- expect: drop-column

alter table if exists public.orders drop column if exists coupon_code; -- expect: drop-column

-- Several columns in one statement: one finding, at the first.
ALTER TABLE invoices
    ADD COLUMN paid_on date,
    DROP COLUMN paid, -- expect: drop-column
    DROP COLUMN paid_at CASCADE;

DO $$
BEGIN
  ALTER TABLE sessions DROP COLUMN ip; -- expect: drop-column
END
$$;
