-- Primary key, unique, check and foreign key constraints of the given tables.
-- Parameters: Zanith's prefix (text; '' hides nothing), table oids (bigint[]).
-- on_parked: the constraint involves a parked (soft-dropped, prefix-named) column, as a key, INCLUDE, CHECK or
-- referenced column (conkey lists a CHECK's columns too), or references a parked table.
-- NOT NULL constraints (catalogued from PostgreSQL 18) are read from pg_attribute instead.
-- Key column names come from one join of every constraint's unnested keys with pg_attribute (a correlated
-- subquery per constraint would probe pg_attribute thousands of times).
-- ${nulls_not_distinct}: i.indnullsnotdistinct from PostgreSQL 15, false before (the column does not exist).
WITH params AS (SELECT ?::text AS prefix),
con AS MATERIALIZED (
    SELECT con.*
    FROM pg_catalog.pg_constraint con
    WHERE con.conrelid = ANY (?::bigint[]::oid[])
      AND con.contype IN ('p', 'u', 'c', 'f')),
keys AS MATERIALIZED (
    SELECT con.oid, 'key' AS role, con.conrelid AS relid, k.attnum, k.ord
    FROM con, unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
    UNION ALL
    SELECT con.oid, 'referenced', con.confrelid, k.attnum, k.ord
    FROM con, unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
    UNION ALL
    SELECT con.oid, 'include', con.conrelid, k.attnum, k.ord
    FROM con
    JOIN pg_catalog.pg_index i ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u'),
         unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
    WHERE k.ord > i.indnkeyatts),
names AS (
    SELECT keys.oid,
           array_agg(a.attname::text ORDER BY keys.ord) FILTER (WHERE keys.role = 'key') AS columns,
           array_agg(a.attname::text ORDER BY keys.ord) FILTER (WHERE keys.role = 'referenced') AS referenced_columns,
           array_agg(a.attname::text ORDER BY keys.ord) FILTER (WHERE keys.role = 'include') AS include_columns,
           bool_or(p.prefix <> '' AND left(a.attname, length(p.prefix)) = p.prefix) AS on_parked_column
    FROM keys
    JOIN pg_catalog.pg_attribute a ON a.attrelid = keys.relid AND a.attnum = keys.attnum
    CROSS JOIN params p
    GROUP BY keys.oid)
SELECT con.conrelid::bigint AS table_oid,
       con.conname          AS constraint_name,
       con.contype::text    AS constraint_type,
       con.condeferrable    AS deferrable,
       con.condeferred      AS initially_deferred,
       con.convalidated     AS validated,
       con.connoinherit     AS no_inherit,
       coalesce(n.columns, '{}') AS columns,
       CASE WHEN con.contype IN ('p', 'u') THEN coalesce(n.include_columns, '{}') END AS include_columns,
       coalesce(${nulls_not_distinct}, false) AS nulls_not_distinct,
       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END AS check_expression,
       fn.nspname AS referenced_schema,
       fc.relname AS referenced_table,
       coalesce(n.referenced_columns, '{}') AS referenced_columns,
       con.confupdtype::text  AS on_update,
       con.confdeltype::text  AS on_delete,
       con.confmatchtype::text AS match_type,
       coalesce(n.on_parked_column, false)
           OR (p.prefix <> '' AND coalesce(left(fc.relname, length(p.prefix)) = p.prefix, false)) AS on_parked
FROM con
CROSS JOIN params p
LEFT JOIN names n ON n.oid = con.oid
LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u')
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
ORDER BY con.conrelid, con.conname
