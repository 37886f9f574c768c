CREATE TABLE users (
    id bigserial PRIMARY KEY,
    email text NOT NULL
);
CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint REFERENCES users);
