-- Whether an extension can be created on this server but is not yet. Parameter: extension name.
SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_available_extensions
               WHERE name = ? AND installed_version IS NULL) AS available
