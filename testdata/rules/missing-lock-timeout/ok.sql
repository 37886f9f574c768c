SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN nickname text;
CREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
