-- fixture: --pg-version 11 --assume-in-transaction
ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'ecstatic' AFTER 'happy'; -- expect: enum-value-in-transaction
