-- The ADD's lock is still held while VALIDATE scans the table.
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk; -- expect: validate-in-same-transaction
COMMIT;

BEGIN;
ALTER TABLE public.payments ADD CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
ALTER TABLE payments VALIDATE CONSTRAINT payments_order_fk; -- expect: validate-in-same-transaction
COMMIT;

-- A DO block runs in one transaction even without BEGIN.
DO $$
BEGIN
  ALTER TABLE refunds ADD CONSTRAINT refunds_amount_positive CHECK (amount > 0) NOT VALID;
  ALTER TABLE refunds VALIDATE CONSTRAINT refunds_amount_positive; -- expect: validate-in-same-transaction
END
$$;
