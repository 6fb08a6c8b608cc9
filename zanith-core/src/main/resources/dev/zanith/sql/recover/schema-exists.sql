-- Whether a schema exists. Parameter: schema name.
SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?) AS present
