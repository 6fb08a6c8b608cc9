-- Ordinary tables of the introspected schemas with their statistics, excluding partitions, tables owned by
-- extensions and Zanith's own tables (name prefix). Parameters: schema names (text[]), excluded prefix (text).
SELECT c.oid                          AS table_oid,
       n.nspname                      AS schema_name,
       c.relname                      AS table_name,
       c.relpersistence = 'u'         AS unlogged,
       c.relrowsecurity               AS rls_enabled,
       c.relforcerowsecurity          AS rls_forced,
       d.description                  AS comment,
       c.reltuples::bigint            AS estimated_rows,
       pg_catalog.pg_total_relation_size(c.oid) AS total_bytes
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
CROSS JOIN (SELECT ?::text AS prefix) p
WHERE c.relkind = 'r'
  AND NOT c.relispartition
  AND n.nspname = ANY (?::text[])
  AND (p.prefix = '' OR left(c.relname, length(p.prefix)) <> p.prefix)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                  WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid AND dep.deptype = 'e')
ORDER BY n.nspname, c.relname
