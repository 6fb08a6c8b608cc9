-- The tables that make a database "not empty" for Zanith: ordinary and partitioned tables in the target schemas
-- (a partition counts through its parent), except objects an extension owns (pg_depend deptype 'e', such as
-- PostGIS's spatial_ref_sys), and Zanith's own audit tables (other migration tools' history
-- tables, foreign-histories.sql, are left out by the caller). Parameters: schemas (text[]), audit schema, audit table prefix.
SELECT n.nspname AS schema_name, c.relname AS table_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (?::text[])
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  AND NOT (n.nspname = ? AND starts_with(c.relname, ?))
ORDER BY 1, 2
