-- Exclusion constraints on the ordinary tables of the introspected schemas (partitions, tables owned by an
-- extension and Zanith's own prefix-named tables left out, as tables.sql leaves them out), as
-- pg_get_constraintdef prints them. A constraint on a parked (prefix-named) column is Zanith's: left out.
-- Parameters: excluded prefix (text), schema names (text[]).
SELECT n.nspname AS schema_name, c.relname AS table_name, k.conname AS constraint_name,
       pg_catalog.pg_get_constraintdef(k.oid) AS definition
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (SELECT ?::text AS prefix) p
WHERE k.contype = 'x'
  AND c.relkind = 'r'
  AND NOT c.relispartition
  AND n.nspname = ANY (?::text[])
  AND (p.prefix = '' OR left(c.relname, length(p.prefix)) <> p.prefix)
  AND (p.prefix = '' OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                                    WHERE a.attrelid = c.oid AND a.attnum = ANY (k.conkey)
                                      AND left(a.attname, length(p.prefix)) = p.prefix))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname, k.conname
