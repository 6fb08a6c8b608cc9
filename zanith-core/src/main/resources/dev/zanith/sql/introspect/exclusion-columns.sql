-- Every column an exclusion constraint covers (a key column, or one its index's expressions or predicate mention,
-- from pg_depend on the index): the schema graph keeps exclusion constraints as definition text, and a type or
-- collation change on such a column rebuilds the constraint's index (and checks it over every row) as for any index.
SELECT DISTINCT tn.nspname AS table_schema, t.relname AS table_name, a.attname AS column_name,
       con.conname AS constraint_name
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0
WHERE con.contype = 'x'
  AND tn.nspname NOT IN ('pg_catalog', 'information_schema')
  AND (a.attnum = ANY (con.conkey)
       OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = con.conindid
                    AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = t.oid
                    AND d.refobjsubid = a.attnum))
ORDER BY 1, 2, 3, 4
