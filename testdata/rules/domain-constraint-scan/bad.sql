ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_check CHECK (VALUE > 0); -- expect: domain-constraint-scan
ALTER DOMAIN app.email ADD CHECK (VALUE LIKE '%@%'); -- expect: domain-constraint-scan
ALTER DOMAIN app.email SET NOT NULL; -- expect: domain-constraint-scan
CREATE DOMAIN us_zip AS text CHECK (VALUE ~ '^\d{5}$'); -- expect: domain-constraint-scan
