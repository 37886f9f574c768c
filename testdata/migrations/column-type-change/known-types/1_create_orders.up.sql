CREATE TABLE orders (id integer PRIMARY KEY, code varchar(20));
