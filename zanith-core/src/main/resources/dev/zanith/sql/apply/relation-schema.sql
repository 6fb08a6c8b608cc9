-- The schema of a table named as SQL text would name it (search_path applies); no row when it does not exist.
-- Parameters: the name as written, e.g. app."Orders".
SELECT n.nspname
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = pg_catalog.to_regclass(?)
