-- migrate:up
DROP TABLE legacy_orders;

-- migrate:down
-- migsafe: irreversible (the rows are archived elsewhere)
