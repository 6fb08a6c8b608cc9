-- Ordinary tables of the given schemas, for the observer's blocking transaction. Parameter: schema names (text[]).
SELECT n.nspname AS schema_name, c.relname AS table_name
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (?::text[]) AND c.relkind IN ('r', 'p')
ORDER BY 1, 2
