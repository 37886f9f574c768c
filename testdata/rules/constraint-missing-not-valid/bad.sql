-- Validating a new constraint scans the whole existing table under a blocking lock.
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id); -- expect: constraint-missing-not-valid
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0); -- expect: constraint-missing-not-valid
ALTER TABLE public.orders
    ADD CONSTRAINT orders_shop_fk FOREIGN KEY (shop_id) REFERENCES shops (id) ON DELETE CASCADE; -- expect: constraint-missing-not-valid

-- Unnamed: reported, but no fix (VALIDATE needs the name).
ALTER TABLE orders ADD FOREIGN KEY (coupon_id) REFERENCES coupons; -- expect: constraint-missing-not-valid
ALTER TABLE orders ADD CHECK (qty > 0); -- expect: constraint-missing-not-valid

-- A new column with REFERENCES validates too.
ALTER TABLE orders ADD COLUMN region_id bigint REFERENCES regions (id); -- expect: constraint-missing-not-valid
