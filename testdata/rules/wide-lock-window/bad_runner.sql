-- fixture: --assume-in-transaction --pg-version 13
-- The runner's transaction spans the file; a partition made here does not count, its parent does.
CREATE TABLE orders_2025 PARTITION OF orders FOR VALUES IN (2025);
ALTER TABLE orders_2025 ADD COLUMN note text;
ALTER TABLE measurements DETACH PARTITION measurements_2020; -- expect: wide-lock-window
