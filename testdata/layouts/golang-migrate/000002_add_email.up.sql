ALTER TABLE users ADD COLUMN email text;
UPDATE users SET email = name || '@example.com';
