-- A validated CHECK that proves the bound: PostgreSQL skips the scan.
ALTER TABLE events_1 ADD CONSTRAINT events_1_bound CHECK (id IS NOT NULL AND id >= 1 AND id < 1000) NOT VALID;
ALTER TABLE events_1 VALIDATE CONSTRAINT events_1_bound;
ALTER TABLE events ATTACH PARTITION events_1 FOR VALUES FROM (1) TO (1000);

-- Bounds inside the partition's, with casts; MINVALUE needs no lower bound.
ALTER TABLE m_2024 ADD CONSTRAINT m_2024_bound CHECK (at IS NOT NULL AND at >= '2024-01-01'::date AND at < '2025-01-01'::date);
ALTER TABLE measurements ATTACH PARTITION m_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE events_0 ADD CONSTRAINT events_0_bound CHECK (id IS NOT NULL AND id < 0);
ALTER TABLE events ATTACH PARTITION events_0 FOR VALUES FROM (MINVALUE) TO (1);

-- List: a subset of the partition's values.
ALTER TABLE orders_eu ADD CONSTRAINT orders_eu_bound CHECK (country IS NOT NULL AND country IN ('de', 'fr'));
ALTER TABLE orders ATTACH PARTITION orders_eu FOR VALUES IN ('de', 'fr', 'it');
-- A list with NULL needs no IS NOT NULL.
ALTER TABLE orders_none ADD CONSTRAINT orders_none_bound CHECK (country = 'xx');
ALTER TABLE orders ATTACH PARTITION orders_none FOR VALUES IN ('xx', NULL);

-- A table created in this migration is empty.
CREATE TABLE events_new (id bigint);
ALTER TABLE events ATTACH PARTITION events_new FOR VALUES FROM (5000) TO (6000);
