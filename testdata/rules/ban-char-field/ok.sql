-- "char" (quoted) is PostgreSQL's one-byte internal type, not char(n).
CREATE TABLE flags (id bigint, kind "char", code text, label varchar);
ALTER TABLE users ADD COLUMN locale text CHECK (length(locale) <= 5);
SELECT 'x'::char(3);
