-- Undoing the up: not a hazard for the running code of this release's predecessor.
DROP TABLE users;
