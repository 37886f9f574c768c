-- psql meta-commands are not SQL and are not syntax errors.
\set ON_ERROR_STOP on
\echo applying migration
\i common/setup.sql
SELECT 1;
COPY settings (name, value) FROM STDIN;
a	1
b	2
\.
SELECT 2;
\quit
