-- Sequences of the introspected schemas, with the column that owns them: deptype 'a' for serial / OWNED BY,
-- 'i' for identity columns. Sequences owned by extensions are excluded. Parameter: schema names (text[]).
SELECT n.nspname                                   AS schema_name,
       c.relname                                   AS sequence_name,
       pg_catalog.format_type(s.seqtypid, NULL)    AS data_type,
       s.seqstart     AS start_value,
       s.seqincrement AS increment_by,
       s.seqmin       AS min_value,
       s.seqmax       AS max_value,
       s.seqcache     AS cache_size,
       s.seqcycle     AS cycle,
       dep.deptype::text         AS owner_dependency,
       dep.refobjid::bigint      AS owner_table_oid,
       oc.relname                AS owner_table,
       oa.attname                AS owner_column
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_depend dep
       ON dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid
      AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.deptype IN ('a', 'i')
LEFT JOIN pg_catalog.pg_class oc ON oc.oid = dep.refobjid
LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = dep.refobjid AND oa.attnum = dep.refobjsubid
WHERE n.nspname = ANY (?::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname
