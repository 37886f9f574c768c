GRANT SELECT ON users TO ${reporting_role};
