-- An invalid statement is reported where the parser stopped ...
SET lock_timeout = '5s';
CREATE TABLE (id bigint); -- expect: syntax-error
-- ... and the statements after it are still checked.
CREATE INDEX idx_orders_a ON orders (a); -- expect: index-not-concurrent

-- An unbalanced parenthesis ends at the semicolon; the next statement is analysed.
SELECT (1 + 2; -- expect: syntax-error
CREATE INDEX idx_orders_b ON orders (b); -- expect: index-not-concurrent

ALTER TABLE orders
  ADD COLUMN note text text; -- expect: syntax-error
UPDATE orders SET note = 'x'; -- expect: unbatched-backfill

-- A view's query is syntax-checked although its tree is not kept; the error is where it is.
CREATE VIEW recent_orders AS
  SELECT id FROM orders WHERE WHERE created_at > now(); -- expect: syntax-error
CREATE INDEX idx_orders_c ON orders (c); -- expect: index-not-concurrent
