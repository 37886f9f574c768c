-- Constant EXECUTE strings are analysed, so nothing is hidden.
DO $$
BEGIN
  EXECUTE 'SELECT count(*) FROM orders';
  EXECUTE 'UPDATE orders SET a = $1 WHERE id = $2' USING 1, 2;
END
$$;
-- Casts and array slices are not psql variables.
SELECT 1::int, '{1,2,3}'::int[], (ARRAY[1, 2, 3])[1:2], (ARRAY[1, 2, 3])[2 : 3];
