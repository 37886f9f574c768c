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

-- Two NOT VALID constraints in one transaction: the second ADD's lock was already held since
-- the first ADD, and VALIDATE still runs under it.
BEGIN;
ALTER TABLE shipments ADD CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
ALTER TABLE shipments ADD CONSTRAINT shipments_carrier_fk FOREIGN KEY (carrier_id) REFERENCES carriers (id) NOT VALID;
ALTER TABLE shipments VALIDATE CONSTRAINT shipments_carrier_fk; -- expect: validate-in-same-transaction
COMMIT;
