CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, login_count integer);
CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint, quantity int, paid boolean);
-- Not an id: a count, a position, a column whose name merely contains "id".
ALTER TABLE invoices ADD COLUMN line_count int, ADD COLUMN valid integer, ADD COLUMN idle int;
