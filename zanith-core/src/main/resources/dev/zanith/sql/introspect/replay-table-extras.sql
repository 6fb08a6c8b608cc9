-- What verify's shadow needs besides the schema graph on the tables, views and materialized views of the
-- introspected schemas (not Zanith's own: name prefix), each as the server prints it: user triggers on views,
-- materialized views and partitioned tables (those on ordinary tables are in the schema graph; partitions are left
-- out: their triggers are clones of their parent's; with their enabled state: O on, D disabled, R replica, A always),
-- and the index each table or materialized view is clustered on (exclusion constraints, materialized views and their
-- indexes come from the schema graph).
-- Parameters: excluded prefix (text), schema names (text[]), twice.
SELECT n.nspname AS schema_name, c.relname AS relation_name, 'trigger' AS kind, t.tgname AS object_name,
       pg_catalog.pg_get_triggerdef(t.oid) AS definition, t.tgenabled::text AS enabled, 2 AS phase, t.oid AS ordinal
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (SELECT ?::text AS prefix) p
WHERE NOT t.tgisinternal
  AND c.relkind IN ('p', 'v', 'm')
  AND NOT c.relispartition
  AND n.nspname = ANY (?::text[])
  AND (p.prefix = '' OR left(c.relname, length(p.prefix)) <> p.prefix)
UNION ALL
SELECT n.nspname, c.relname, 'cluster', ic.relname, NULL, NULL, 3, i.indexrelid
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (SELECT ?::text AS prefix) p
WHERE i.indisclustered
  AND c.relkind IN ('r', 'm')
  AND NOT c.relispartition
  AND n.nspname = ANY (?::text[])
  AND (p.prefix = '' OR left(c.relname, length(p.prefix)) <> p.prefix)
ORDER BY phase, ordinal
