-- migsafe: irreversible -- the payloads are archived to S3 and cannot come back
ALTER TABLE events DROP COLUMN payload;
