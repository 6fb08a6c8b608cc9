-- Range types of the introspected schemas (pg_range), not owned by an extension: subtype (format_type), its b-tree
-- operator class (schema-qualified), collation when it differs from the subtype's, canonical and subtype_diff
-- functions (schema-qualified) and the multirange type PostgreSQL made for it (14+). Parameter: schema names (text[]).
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       pg_catalog.format_type(r.rngsubtype, NULL) AS subtype,
       ocn.nspname || '.' || oc.opcname AS subtype_opclass,
       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN
            CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text ELSE cn.nspname || '.' || co.collname END
       END AS collation_name,
       CASE WHEN r.rngcanonical <> 0 THEN pn.nspname || '.' || p.proname END AS canonical,
       CASE WHEN r.rngsubdiff <> 0 THEN dn.nspname || '.' || dp.proname END AS subtype_diff,
       mt.typname AS multirange_name
FROM pg_catalog.pg_range r
JOIN pg_catalog.pg_type t ON t.oid = r.rngtypid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
JOIN pg_catalog.pg_opclass oc ON oc.oid = r.rngsubopc
JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
LEFT JOIN pg_catalog.pg_collation co ON co.oid = r.rngcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN pg_catalog.pg_proc p ON p.oid = r.rngcanonical
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
LEFT JOIN pg_catalog.pg_proc dp ON dp.oid = r.rngsubdiff
LEFT JOIN pg_catalog.pg_namespace dn ON dn.oid = dp.pronamespace
LEFT JOIN pg_catalog.pg_type mt ON mt.oid = r.rngmultitypid
WHERE n.nspname = ANY (?::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY n.nspname, t.typname
