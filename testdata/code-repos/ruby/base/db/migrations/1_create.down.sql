DROP TABLE accounts;
DROP TABLE users;
