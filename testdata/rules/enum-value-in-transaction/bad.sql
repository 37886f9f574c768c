BEGIN;
ALTER TYPE mood ADD VALUE 'ecstatic';
UPDATE people SET current_mood = 'ecstatic' WHERE id = 1; -- expect: enum-value-in-transaction
SELECT 1;
INSERT INTO people (id, current_mood) VALUES (2, 'ecstatic'::mood); -- expect: enum-value-in-transaction
COMMIT;

-- A DO block is one transaction.
DO $$
BEGIN
    ALTER TYPE status ADD VALUE 'archived';
    UPDATE orders SET status = 'archived' WHERE id < 10; -- expect: enum-value-in-transaction
END
$$;

-- A view's query is only syntax-checked (its tree stands in), yet the value is seen.
BEGIN;
ALTER TYPE mood ADD VALUE 'serene';
CREATE VIEW serene_people AS SELECT id FROM people WHERE current_mood = 'serene'; -- expect: enum-value-in-transaction
COMMIT;
