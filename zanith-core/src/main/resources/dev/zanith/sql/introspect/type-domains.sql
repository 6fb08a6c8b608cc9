-- Domains of the introspected schemas (not owned by an extension), for the schema graph: base type (format_type,
-- so user types come qualified), collation when it differs from the base type's (spelled as columns.sql spells it),
-- default, NOT NULL (typnotnull; PostgreSQL 17+ also lists it in pg_constraint as contype 'n': left out) and CHECK
-- constraints (pg_get_constraintdef without a trailing NOT VALID; validity is its own column).
-- Parameter: schema names (text[]).
SELECT n.nspname                                          AS schema_name,
       t.typname                                          AS domain_name,
       pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type,
       CASE WHEN t.typcollation <> 0 AND t.typcollation <> b.typcollation THEN
            CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text ELSE cn.nspname || '.' || co.collname END
       END                                                AS collation_name,
       t.typdefault                                       AS default_expression,
       t.typnotnull                                       AS not_null,
       coalesce(k.names, '{}')                            AS constraint_names,
       coalesce(k.definitions, '{}')                      AS constraint_definitions,
       coalesce(k.validated, '{}')                        AS constraint_validated
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN (SELECT c.contypid,
                  array_agg(c.conname::text ORDER BY c.conname) AS names,
                  array_agg(regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', '')
                            ORDER BY c.conname) AS definitions,
                  array_agg(c.convalidated ORDER BY c.conname) AS validated
           FROM pg_catalog.pg_constraint c
           WHERE c.contypid <> 0 AND c.contype = 'c'
           GROUP BY c.contypid) k ON k.contypid = t.oid
WHERE t.typtype = 'd'
  AND n.nspname = ANY (?::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY n.nspname, t.typname
