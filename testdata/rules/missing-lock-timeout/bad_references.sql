-- The new table's foreign key takes SHARE ROW EXCLUSIVE on the existing users table.
CREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id)); -- expect: missing-lock-timeout
