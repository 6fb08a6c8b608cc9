-- Composite types of the introspected schemas (CREATE TYPE ... AS: relkind 'c', not a table's row type), not owned
-- by an extension, with their attributes in physical order: type (format_type) and collation when it differs from
-- the type's (spelled as columns.sql spells it). Parameter: schema names (text[]).
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       a.attname AS attribute_name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS attribute_type,
       CASE WHEN a.attcollation <> at.typcollation AND a.attcollation <> 0 THEN
            CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text ELSE cn.nspname || '.' || co.collname END
       END AS collation_name
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
WHERE t.typtype = 'c'
  AND n.nspname = ANY (?::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY n.nspname, t.typname, a.attnum
