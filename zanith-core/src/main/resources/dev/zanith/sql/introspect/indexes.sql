-- Indexes of the given tables that do not back a primary key, unique or exclusion constraint.
-- Parameters: Zanith's prefix (text; '' hides nothing), table oids (bigint[]). Key elements are parsed from
-- pg_get_indexdef, which prints collation, operator class and ordering exactly as CREATE INDEX accepts them.
-- ${nulls_not_distinct}: i.indnullsnotdistinct from PostgreSQL 15, false before (the column does not exist).
-- on_parked: the index covers a parked (soft-dropped, prefix-named) column, in a key, INCLUDE, expression or
-- predicate (the index depends on the column). Parked columns are few, so pg_depend is probed only for them.
WITH params AS (SELECT ?::text AS prefix, ?::bigint[]::oid[] AS oids),
parked AS MATERIALIZED (
    SELECT a.attrelid, a.attnum
    FROM params p
    JOIN pg_catalog.pg_attribute a ON a.attrelid = ANY (p.oids)
    WHERE p.prefix <> '' AND a.attnum > 0 AND NOT a.attisdropped AND left(a.attname, length(p.prefix)) = p.prefix)
SELECT i.indrelid::bigint AS table_oid,
       ic.relname         AS index_name,
       i.indisunique      AS is_unique,
       i.indisvalid       AS is_valid,
       am.amname          AS method,
       pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
       ic.reloptions::text[] AS storage_parameters,
       ${nulls_not_distinct} AS nulls_not_distinct,
       ARRAY(SELECT a.attname::text
             FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE k.ord > i.indnkeyatts
             ORDER BY k.ord) AS include_columns,
       EXISTS (SELECT 1 FROM parked pa
               JOIN pg_catalog.pg_depend dep ON dep.refobjid = pa.attrelid AND dep.refobjsubid = pa.attnum
               WHERE pa.attrelid = i.indrelid
                 AND dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = i.indexrelid
                 AND dep.refclassid = 'pg_catalog.pg_class'::regclass) AS on_parked
FROM params p
JOIN pg_catalog.pg_index i ON i.indrelid = ANY (p.oids)
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                  WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                    AND con.contype IN ('p', 'u', 'x'))
ORDER BY i.indrelid, ic.relname
