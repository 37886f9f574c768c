CREATE TABLE products (id bigint, stock smallint); -- expect: prefer-bigint-over-smallint
ALTER TABLE products ADD COLUMN rank int2; -- expect: prefer-bigint-over-smallint
CREATE TABLE tags (id smallserial PRIMARY KEY); -- expect: prefer-bigint-over-smallint
