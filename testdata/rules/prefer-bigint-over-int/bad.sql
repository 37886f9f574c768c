CREATE TABLE users (id serial PRIMARY KEY, name text); -- expect: prefer-bigint-over-int
CREATE TABLE orders (
    order_no integer, -- expect: prefer-bigint-over-int
    user_id int4,
    PRIMARY KEY (order_no)
);
ALTER TABLE invoices ADD COLUMN customer_id int; -- expect: prefer-bigint-over-int
ALTER TABLE invoices ALTER COLUMN id TYPE integer; -- expect: prefer-bigint-over-int
