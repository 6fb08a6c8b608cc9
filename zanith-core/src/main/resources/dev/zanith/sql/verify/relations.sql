-- Tables, indexes, materialized views and views (locks on them are observed) of the given schemas with their
-- storage file, to detect rewrites (a view has none: 0).
-- Parameter: schema names (text[]).
SELECT c.oid::bigint AS oid, n.nspname AS schema_name, c.relname AS relation_name, c.relkind::text AS kind,
       c.relfilenode::bigint AS file_node,
       CASE WHEN c.relkind = 'i' THEN (SELECT t.relname FROM pg_catalog.pg_index i
                                       JOIN pg_catalog.pg_class t ON t.oid = i.indrelid WHERE i.indexrelid = c.oid) END AS table_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (?::text[]) AND c.relkind IN ('r', 'i', 'p', 'm', 'v')
