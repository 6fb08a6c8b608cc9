-- Views and materialized views of the introspected schemas (not owned by an extension, not Zanith's own: name
-- prefix), oldest first, with their query as the server prints it and their options, for verify to recreate in its
-- shadow (materialized views empty). Parameters: excluded prefix (text), schema names (text[]).
SELECT n.nspname AS schema_name,
       c.relname AS view_name,
       c.relkind = 'm' AS materialized,
       array_to_string(c.reloptions, ', ') AS options,
       pg_catalog.pg_get_viewdef(c.oid) AS query
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (SELECT ?::text AS prefix) p
WHERE c.relkind IN ('v', 'm')
  AND n.nspname = ANY (?::text[])
  AND (p.prefix = '' OR left(c.relname, length(p.prefix)) <> p.prefix)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY c.oid
