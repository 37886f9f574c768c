CREATE TABLE webhooks (id bigint, payload jsonb NOT NULL, raw_json text);
ALTER TABLE users ADD COLUMN settings jsonb DEFAULT '{}';
ALTER TABLE users ALTER COLUMN prefs TYPE jsonb USING prefs::jsonb;
SELECT '{}'::json;
