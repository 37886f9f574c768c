-- Running code still selects and inserts the old column name.
ALTER TABLE users RENAME COLUMN email TO email_address; -- expect: rename-column

alter table public.orders rename total to total_cents; -- expect: rename-column

-- A view's column is what the application reads.
ALTER VIEW active_users RENAME COLUMN name TO full_name; -- expect: rename-column

-- A table renamed in this migration is still the existing table.
ALTER TABLE accounts RENAME TO customer_accounts; -- expect: rename-table
ALTER TABLE customer_accounts RENAME COLUMN iban TO account_number; -- expect: rename-column

DO $$
BEGIN
  ALTER TABLE invoices RENAME COLUMN due TO due_on; -- expect: rename-column
END
$$;
