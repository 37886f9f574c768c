-- varchar without a length is text under another name.
CREATE TABLE users (id bigint, email text NOT NULL, name varchar, code char(2));
ALTER TABLE users ADD COLUMN nickname text CHECK (length(nickname) <= 40);
SELECT 'x'::varchar(3);
