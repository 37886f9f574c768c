DROP DATABASE analytics; -- expect: drop-table
DROP DATABASE IF EXISTS scratch WITH (FORCE); -- expect: drop-table
