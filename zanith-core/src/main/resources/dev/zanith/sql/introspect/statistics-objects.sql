-- Extended statistics objects (CREATE STATISTICS) of the introspected schemas on the ordinary tables introspection
-- reads (partitions, extension-owned and Zanith's prefix-named tables left out), as pg_get_statisticsobjdef prints
-- them (qualified: only pg_catalog is on the search path). Parameters: excluded prefix (text), schema names (text[]).
SELECT n.nspname AS schema_name, s.stxname AS statistics_name, tn.nspname AS table_schema, c.relname AS table_name,
       pg_catalog.pg_get_statisticsobjdef(s.oid) AS definition
FROM pg_catalog.pg_statistic_ext s
JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid
JOIN pg_catalog.pg_namespace tn ON tn.oid = c.relnamespace
CROSS JOIN (SELECT ?::text AS prefix) p
WHERE c.relkind = 'r'
  AND NOT c.relispartition
  AND n.nspname = ANY (?::text[])
  AND (p.prefix = '' OR left(c.relname, length(p.prefix)) <> p.prefix)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_statistic_ext'::regclass AND d.objid = s.oid AND d.deptype = 'e')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, s.stxname
