-- fixture: --severity require-table-schema=warning
CREATE TABLE orders (id bigint); -- expect: require-table-schema
alter table if exists "Users" add column nickname text; -- expect: require-table-schema
CREATE UNLOGGED TABLE staging (id bigint); -- expect: require-table-schema
