ALTER TABLE users ADD COLUMN email varchar(200) NOT NULL DEFAULT '';
CREATE UNIQUE INDEX users_email_key ON users (email);
