-- NOT VALID skips the scan; VALIDATE in its own transaction takes SHARE UPDATE EXCLUSIVE.
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;

-- A column without REFERENCES, then its foreign key NOT VALID.
ALTER TABLE orders ADD COLUMN region_id bigint;
ALTER TABLE orders ADD CONSTRAINT orders_region_fk FOREIGN KEY (region_id) REFERENCES regions (id) NOT VALID;

-- New tables are empty: nothing to validate.
CREATE TABLE shipments (id bigint, order_id bigint, weight numeric);
ALTER TABLE shipments ADD CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE shipments ADD CONSTRAINT shipments_weight_positive CHECK (weight > 0);
ALTER TABLE shipments ADD COLUMN carrier_id bigint REFERENCES carriers (id);
