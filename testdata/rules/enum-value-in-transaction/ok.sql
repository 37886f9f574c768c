-- PostgreSQL 12+ (default 15): ADD VALUE in a transaction is fine while the value is not used.
BEGIN;
ALTER TYPE mood ADD VALUE 'ecstatic';
UPDATE people SET current_mood = 'happy' WHERE id = 1;
COMMIT;
-- Used after COMMIT: a later transaction.
BEGIN;
UPDATE people SET current_mood = 'ecstatic' WHERE id = 1;
COMMIT;
-- Outside a transaction block each statement commits at once.
ALTER TYPE mood ADD VALUE 'calm';
UPDATE people SET current_mood = 'calm' WHERE id = 2;
-- RENAME VALUE takes effect at once.
BEGIN;
ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
UPDATE people SET current_mood = 'blue' WHERE id = 3;
COMMIT;
-- A function body runs when it is called, after this transaction committed.
BEGIN;
ALTER TYPE mood ADD VALUE 'serene';
CREATE FUNCTION calm_everyone() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE people SET current_mood = 'serene';
END
$$;
COMMIT;
