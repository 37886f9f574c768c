-- Code that never expected NULL in email starts seeing it.
ALTER TABLE users ALTER COLUMN email DROP NOT NULL; -- expect: drop-not-null

alter table public.orders
    alter column note set default '',
    alter shipped_at drop not null; -- expect: drop-not-null
