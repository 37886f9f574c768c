ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;
ALTER TABLE measurements DETACH PARTITION measurements_2019 FINALIZE;
ALTER TABLE measurements ATTACH PARTITION measurements_2021 FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
-- A partitioned table created in this migration: no one else uses it yet.
CREATE TABLE readings (at date) PARTITION BY RANGE (at);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE readings DETACH PARTITION readings_2024;
