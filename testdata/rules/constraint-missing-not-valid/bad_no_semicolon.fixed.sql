-- The last statement has no semicolon: the fix adds one before the VALIDATE.
ALTER TABLE orders ADD CONSTRAINT orders_qty_positive CHECK (qty > 0) NOT VALID; -- expect: constraint-missing-not-valid
ALTER TABLE orders VALIDATE CONSTRAINT orders_qty_positive;
