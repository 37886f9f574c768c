-- fixture: --small-tables countries,public.currencies
-- Small lookup tables named in small_tables.
UPDATE countries SET name = upper(name);
DELETE FROM public.currencies WHERE retired;
INSERT INTO country_names SELECT code, name FROM countries;
