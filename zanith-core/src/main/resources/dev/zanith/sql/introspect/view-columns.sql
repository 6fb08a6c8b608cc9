-- Every column that a view, materialized view or rule of another relation selects (its _RETURN or other rule
-- depends on the column): PostgreSQL refuses to change such a column's type (SQLSTATE 0A000).
SELECT DISTINCT tn.nspname AS table_schema, t.relname AS table_name, a.attname AS column_name,
       vn.nspname AS view_schema, v.relname AS view_name
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
JOIN pg_catalog.pg_namespace vn ON vn.oid = v.relnamespace
JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass
  AND d.refclassid = 'pg_catalog.pg_class'::regclass
  AND d.refobjsubid > 0
  AND v.oid <> t.oid
  AND tn.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1, 2, 3, 4, 5
