ALTER TABLE measurements ATTACH PARTITION measurements_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); -- expect: attach-partition-scan
ALTER TABLE orders ATTACH PARTITION orders_eu FOR VALUES IN ('de', 'fr'); -- expect: attach-partition-scan
ALTER TABLE orders ATTACH PARTITION orders_other DEFAULT; -- expect: attach-partition-scan

-- NOT VALID and never validated: proves nothing.
ALTER TABLE events_1 ADD CONSTRAINT events_1_bound CHECK (id IS NOT NULL AND id >= 1 AND id < 1000) NOT VALID;
ALTER TABLE events ATTACH PARTITION events_1 FOR VALUES FROM (1) TO (1000); -- expect: attach-partition-scan

-- Validated, but without IS NOT NULL (a CHECK passes on NULL).
ALTER TABLE events_2 ADD CONSTRAINT events_2_bound CHECK (id >= 1000 AND id < 2000);
ALTER TABLE events ATTACH PARTITION events_2 FOR VALUES FROM (1000) TO (2000); -- expect: attach-partition-scan

-- Validated, but wider than the bound.
ALTER TABLE events_3 ADD CONSTRAINT events_3_bound CHECK (id IS NOT NULL AND id >= 0 AND id < 3000);
ALTER TABLE events ATTACH PARTITION events_3 FOR VALUES FROM (2000) TO (3000); -- expect: attach-partition-scan

-- List: the CHECK allows a value outside the list.
ALTER TABLE orders_us ADD CONSTRAINT orders_us_bound CHECK (country IS NOT NULL AND country IN ('us', 'ca'));
ALTER TABLE orders ATTACH PARTITION orders_us FOR VALUES IN ('us'); -- expect: attach-partition-scan

-- The check was dropped again.
ALTER TABLE events_4 ADD CONSTRAINT events_4_bound CHECK (id IS NOT NULL AND id >= 3000 AND id < 4000);
ALTER TABLE events_4 DROP CONSTRAINT events_4_bound;
ALTER TABLE events ATTACH PARTITION events_4 FOR VALUES FROM (3000) TO (4000); -- expect: attach-partition-scan
