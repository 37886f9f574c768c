-- +goose Up
CREATE TABLE users (
    id bigserial PRIMARY KEY,
    name text NOT NULL
);

-- +goose Down
DROP TABLE users;
