CREATE TABLE users (id bigserial PRIMARY KEY); -- expect: prefer-identity
CREATE TABLE tags (id serial); -- expect: prefer-identity
ALTER TABLE events ADD COLUMN seq serial8; -- expect: prefer-identity
