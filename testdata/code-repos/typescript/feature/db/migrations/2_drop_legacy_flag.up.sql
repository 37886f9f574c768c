ALTER TABLE users DROP COLUMN legacy_flag; -- expect: dropped-object-still-referenced
