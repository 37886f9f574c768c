DROP INDEX users_email_key;
ALTER TABLE users DROP COLUMN email;
