CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, legacy_flag boolean);
CREATE TABLE accounts (id bigint PRIMARY KEY, legacy_flag boolean);
