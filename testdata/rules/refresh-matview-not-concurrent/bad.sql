REFRESH MATERIALIZED VIEW sales_summary; -- expect: refresh-matview-not-concurrent
refresh materialized view app.daily_totals with data; -- expect: refresh-matview-not-concurrent
-- Empties an existing view: reads fail until the next refresh.
REFRESH MATERIALIZED VIEW reports WITH NO DATA; -- expect: refresh-matview-not-concurrent
