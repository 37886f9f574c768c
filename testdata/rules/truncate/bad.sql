TRUNCATE orders; -- expect: truncate
TRUNCATE TABLE public.orders, invoices RESTART IDENTITY; -- expect: truncate
-- CASCADE empties the tables that reference it too: an error.
TRUNCATE users CASCADE; -- expect: truncate
CREATE TABLE staging (id bigint);
TRUNCATE staging, audit_log; -- expect: truncate
