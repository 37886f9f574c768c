-- +goose Up
CREATE TABLE users (id bigint PRIMARY KEY, email text); -- expect: missing-down-migration
