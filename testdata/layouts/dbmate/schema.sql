-- dbmate's schema dump, not a migration.
CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY);
