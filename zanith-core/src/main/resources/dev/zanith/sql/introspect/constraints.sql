-- Primary key, unique, check and foreign key constraints of the given tables.
-- Parameters: Zanith's prefix (text; '' hides nothing), table oids (bigint[]).
-- on_parked: the constraint involves a parked (soft-dropped, prefix-named) column, or references a parked table.
-- NOT NULL constraints (catalogued from PostgreSQL 18) are read from pg_attribute instead.
-- indnullsnotdistinct exists from PostgreSQL 15; reading it through to_jsonb keeps one query for 14 to 18.
SELECT con.conrelid::bigint AS table_oid,
       con.conname          AS constraint_name,
       con.contype::text    AS constraint_type,
       con.condeferrable    AS deferrable,
       con.condeferred      AS initially_deferred,
       con.convalidated     AS validated,
       con.connoinherit     AS no_inherit,
       ARRAY(SELECT a.attname::text
             FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS columns,
       CASE WHEN con.contype IN ('p', 'u') THEN
            ARRAY(SELECT a.attname::text
                  FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                  WHERE k.ord > i.indnkeyatts
                  ORDER BY k.ord)
       END AS include_columns,
       coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct,
       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END AS check_expression,
       fn.nspname AS referenced_schema,
       fc.relname AS referenced_table,
       ARRAY(SELECT a.attname::text
             FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS referenced_columns,
       con.confupdtype::text  AS on_update,
       con.confdeltype::text  AS on_delete,
       con.confmatchtype::text AS match_type,
       coalesce(p.prefix <> '' AND (left(fc.relname, length(p.prefix)) = p.prefix
        OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                   JOIN pg_catalog.pg_attribute pa ON pa.attrelid = dep.refobjid AND pa.attnum = dep.refobjsubid
                   WHERE dep.classid = 'pg_catalog.pg_constraint'::regclass AND dep.objid = con.oid
                     AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjsubid > 0
                     AND left(pa.attname, length(p.prefix)) = p.prefix)), false) AS on_parked
FROM (SELECT ?::text AS prefix) p
CROSS JOIN pg_catalog.pg_constraint con
LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u')
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.conrelid = ANY (?::bigint[]::oid[])
  AND con.contype IN ('p', 'u', 'c', 'f')
ORDER BY con.conrelid, con.conname
