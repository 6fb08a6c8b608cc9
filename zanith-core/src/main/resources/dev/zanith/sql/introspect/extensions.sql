-- Installed extensions (plpgsql is always there and never diffed).
SELECT e.extname AS extension_name, n.nspname AS schema_name, e.extversion AS version
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
ORDER BY e.extname
