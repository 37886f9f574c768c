CREATE TABLE countries (code char(2) PRIMARY KEY, name text); -- expect: ban-char-field
ALTER TABLE users ADD COLUMN locale character(5); -- expect: ban-char-field
ALTER TABLE users ADD COLUMN initial char; -- expect: ban-char-field
ALTER TABLE users ALTER COLUMN state TYPE bpchar(2); -- expect: ban-char-field
