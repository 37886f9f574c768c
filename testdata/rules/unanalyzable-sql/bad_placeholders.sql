-- Template placeholders are substituted by a tool before PostgreSQL sees the SQL. Each one is
-- reported once, and the statement is still checked with a stand-in name.
ALTER LANGUAGE plpgsql OWNER TO @extowner@; -- expect: unanalyzable-sql
CREATE INDEX idx_orders_created ON ${schema}.orders (created_at); -- expect: index-not-concurrent, unanalyzable-sql
SELECT {{ column_name }} FROM orders; -- expect: unanalyzable-sql

-- Not placeholders: text inside string literals, and PostgreSQL's own @ operators.
SELECT '${not_a_placeholder}', tags @> ARRAY['x'], payload->>'{{y}}' FROM orders;
