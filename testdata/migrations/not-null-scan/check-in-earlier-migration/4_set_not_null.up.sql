-- Proven by the CHECK validated in migration 3 (PostgreSQL 12+): no scan.
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
-- Already NOT NULL since migration 1: nothing to verify.
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
