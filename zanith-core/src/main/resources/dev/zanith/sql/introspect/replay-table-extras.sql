-- What verify's shadow needs besides the schema graph on the tables, views and materialized views of the
-- introspected schemas (not Zanith's own: name prefix), each as the server prints it: exclusion constraints,
-- indexes of materialized views, user triggers (with their enabled state: O on, D disabled, R replica, A always), and the index each
-- table is clustered on. Partitions are left out: their constraints and triggers are clones of their parent's. Parameters: excluded prefix (text), schema names (text[]), four times.
SELECT n.nspname AS schema_name, c.relname AS relation_name, 'constraint' AS kind, k.conname AS object_name,
       pg_catalog.pg_get_constraintdef(k.oid) AS definition, NULL AS enabled, 0 AS phase, k.oid AS ordinal
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (SELECT ?::text AS prefix) p
WHERE k.contype = 'x'
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname = ANY (?::text[])
  AND (p.prefix = '' OR left(c.relname, length(p.prefix)) <> p.prefix)
UNION ALL
SELECT n.nspname, c.relname, 'index', ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid), NULL, 1, i.indexrelid
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (SELECT ?::text AS prefix) p
WHERE c.relkind = 'm'
  AND n.nspname = ANY (?::text[])
  AND (p.prefix = '' OR left(c.relname, length(p.prefix)) <> p.prefix)
UNION ALL
SELECT n.nspname, c.relname, 'trigger', t.tgname, pg_catalog.pg_get_triggerdef(t.oid), t.tgenabled::text, 2, t.oid
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (SELECT ?::text AS prefix) p
WHERE NOT t.tgisinternal
  AND c.relkind IN ('r', 'p', 'v', 'm')
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
