-- Which of the requested schemas exist. Parameter: requested schema names (text[]).
SELECT n.nspname AS schema_name
FROM pg_catalog.pg_namespace n
WHERE n.nspname = ANY (?::text[])
ORDER BY n.nspname
