-- fixture: --pg-version 13
-- PostgreSQL 13 has no DETACH PARTITION CONCURRENTLY.
ALTER TABLE measurements DETACH PARTITION measurements_2020;
