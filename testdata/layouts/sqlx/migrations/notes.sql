-- Scratch queries, not a migration.
SELECT count(*) FROM users;
