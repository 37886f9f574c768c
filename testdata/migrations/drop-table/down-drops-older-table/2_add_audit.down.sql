DROP TABLE audit;
-- users was created by migration 1, not by this one's up.
DROP TABLE users; -- expect: drop-table
