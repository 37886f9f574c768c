-- fixture: --pg-version 11
-- Outside a transaction block ADD VALUE works on every version.
ALTER TYPE mood ADD VALUE 'ecstatic';
UPDATE people SET current_mood = 'ecstatic' WHERE id = 1;
