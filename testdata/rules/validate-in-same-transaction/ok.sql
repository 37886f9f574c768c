-- Without BEGIN each statement commits on its own.
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;

-- COMMIT in between releases the ADD's lock.
BEGIN;
ALTER TABLE payments ADD CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE payments VALIDATE CONSTRAINT payments_order_fk;
COMMIT;

-- A constraint added by an earlier migration.
BEGIN;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_customer_fk;
COMMIT;

-- A constraint of the same name on another table.
BEGIN;
ALTER TABLE refunds ADD CONSTRAINT refunds_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
ALTER TABLE credits VALIDATE CONSTRAINT refunds_fk;
COMMIT;

-- Separate DO blocks outside BEGIN are separate transactions.
DO $$
BEGIN
  ALTER TABLE refunds ADD CONSTRAINT refunds_amount_positive CHECK (amount > 0) NOT VALID;
END
$$;
DO $$
BEGIN
  ALTER TABLE refunds VALIDATE CONSTRAINT refunds_amount_positive;
END
$$;
