-- Installed extensions other than plpgsql (which every database has).
SELECT e.extname AS extension_name
FROM pg_catalog.pg_extension e
WHERE e.extname <> 'plpgsql'
ORDER BY e.extname
