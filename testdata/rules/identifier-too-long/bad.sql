CREATE TABLE customer_subscription_billing_period_adjustment_history_records_v2 (id bigint); -- expect: identifier-too-long
CREATE TABLE t (
    id bigint,
    "the_column_whose_name_is_much_too_long_for_postgresql_to_keep_it_x" text -- expect: identifier-too-long
);
CREATE INDEX idx_customer_subscription_billing_period_adjustment_created_at_x ON orders (created_at); -- expect: identifier-too-long
ALTER TABLE orders ADD CONSTRAINT orders_customer_subscription_billing_period_fk_constraint_v1_xyz_ FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID; -- expect: identifier-too-long
-- 32 two-byte characters: 64 bytes although only 32 characters.
ALTER TABLE orders RENAME COLUMN note TO "éééééééééééééééééééééééééééééééé"; -- expect: identifier-too-long

CREATE VIEW customer_lifetime_value_by_acquisition_channel_and_first_order_month AS SELECT 1; -- expect: identifier-too-long
