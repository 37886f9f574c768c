CREATE TABLE users (id bigint, email varchar(255) NOT NULL); -- expect: prefer-text-field
ALTER TABLE users ADD COLUMN nickname character varying(40); -- expect: prefer-text-field
ALTER TABLE users ALTER COLUMN email TYPE varchar(320); -- expect: prefer-text-field
