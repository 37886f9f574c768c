-- Verify shop:users on pg

SELECT id, email FROM users WHERE false;
