-- Sequences of the introspected schemas, with the column that owns them: deptype 'a' for serial / OWNED BY,
-- 'i' for identity columns. Sequences owned by extensions are excluded.
-- The scope placeholder is either TRUE (all of them) or, for a refresh that re-reads some tables, a condition
-- keeping only the sequences in "wanted": those owned by the given tables and the given sequences, found from the
-- owners through pg_depend's index (an index lookup per table) rather than by a pass over every sequence (one text
-- with an OR between the two would get one plan, the pass, for both).
-- Parameters: owning table oids, sequence oids (bigint[], bigint[]; empty and unused for all), schema names (text[]).
WITH f AS (
    SELECT ?::bigint[]::oid[] AS owners, ?::bigint[]::oid[] AS sequences
), wanted AS (
    SELECT od.objid AS seqrelid FROM f, pg_catalog.pg_depend od
    WHERE od.refclassid = 'pg_catalog.pg_class'::regclass AND od.refobjid = ANY (f.owners)
      AND od.classid = 'pg_catalog.pg_class'::regclass AND od.deptype IN ('a', 'i')
    UNION ALL
    SELECT unnest(f.sequences) FROM f
)
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
  AND ${scope}
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname
