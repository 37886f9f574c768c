-- fixture: --assume-in-transaction
-- The runner wraps the whole file in one transaction.
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk; -- expect: validate-in-same-transaction
