-- NOT VALID: existing values are not checked now.
ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_check CHECK (VALUE > 0) NOT VALID;
-- Other domain changes scan nothing.
ALTER DOMAIN positive_int DROP CONSTRAINT positive_int_check;
ALTER DOMAIN positive_int DROP NOT NULL;
ALTER DOMAIN positive_int SET DEFAULT 1;
ALTER DOMAIN positive_int RENAME CONSTRAINT a TO b;
-- A domain without a CHECK (NOT NULL and DEFAULT are fine).
CREATE DOMAIN email AS text NOT NULL DEFAULT '';
