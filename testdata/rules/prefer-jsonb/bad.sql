CREATE TABLE webhooks (id bigint, payload json NOT NULL); -- expect: prefer-jsonb
ALTER TABLE users ADD COLUMN settings json DEFAULT '{}'; -- expect: prefer-jsonb
ALTER TABLE users ALTER COLUMN prefs TYPE json USING prefs::json; -- expect: prefer-jsonb
