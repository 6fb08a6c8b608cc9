-- Partitioned tables and partitions of the introspected schemas: the schema graph does not model them yet, so
-- verify's shadow lacks them and names statements that touch them as not rehearsed. Parameter: schema names (text[]).
SELECT n.nspname AS schema_name, c.relname AS table_name, c.relkind = 'p' AS partitioned
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE (c.relkind = 'p' OR c.relispartition)
  AND n.nspname = ANY (?::text[])
ORDER BY c.oid
