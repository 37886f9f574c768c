-- The running application still queries the old name.
ALTER TABLE users RENAME TO accounts; -- expect: rename-table

alter table if exists billing.invoices rename to bills; -- expect: rename-table

ALTER VIEW active_users RENAME TO current_users; -- expect: rename-table
ALTER MATERIALIZED VIEW sales_summary RENAME TO sales_rollup; -- expect: rename-table

ALTER SCHEMA billing RENAME TO finance; -- expect: rename-table
