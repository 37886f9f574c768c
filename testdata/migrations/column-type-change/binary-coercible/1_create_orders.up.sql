CREATE TABLE orders (id bigint PRIMARY KEY, code varchar(20), note varchar(100), amount numeric(10, 2));
