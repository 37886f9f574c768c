-- Exactly 63 bytes is kept whole.
CREATE TABLE customer_subscription_billing_period_adjustment_history_records (id bigint);
-- 31 two-byte characters: 62 bytes.
ALTER TABLE orders RENAME COLUMN note TO "ééééééééééééééééééééééééééééééé";
-- Long string literals and comments are not identifiers.
-- customer_subscription_billing_period_adjustment_history_records_v2_comment
ALTER TABLE orders ADD COLUMN kind text DEFAULT 'customer_subscription_billing_period_adjustment_history_records_v2';
-- Queries do not define names.
SELECT customer_subscription_billing_period_adjustment_history_records_v2 FROM t;
