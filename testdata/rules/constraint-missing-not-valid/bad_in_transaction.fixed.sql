-- fixture: --assume-in-transaction
-- In a transaction the fix only adds NOT VALID: the VALIDATE belongs in a later migration.
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID; -- expect: constraint-missing-not-valid
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID, -- expect: constraint-missing-not-valid
    ADD CONSTRAINT orders_qty_positive CHECK (qty > 0) NOT VALID
