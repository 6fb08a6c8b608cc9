-- Domains of the introspected schemas (not owned by an extension), oldest first so a domain over another domain
-- comes after it: the parts of CREATE DOMAIN, for verify to recreate them in its shadow before the tables that use
-- them. NOT NULL comes from typnotnull (PostgreSQL 17+ also lists it in pg_constraint as contype 'n': left out).
-- Parameter: schema names (text[]).
SELECT n.nspname                                          AS schema_name,
       t.typname                                          AS domain_name,
       pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type,
       CASE WHEN t.typcollation <> 0 AND t.typcollation <> b.typcollation THEN cn.nspname END AS collation_schema,
       CASE WHEN t.typcollation <> 0 AND t.typcollation <> b.typcollation THEN co.collname END AS collation_name,
       t.typdefault                                       AS default_expression,
       t.typnotnull                                       AS not_null,
       coalesce((SELECT array_agg(k.conname ORDER BY k.conname) FROM pg_catalog.pg_constraint k
                 WHERE k.contypid = t.oid AND k.contype = 'c'), '{}') AS constraint_names,
       coalesce((SELECT array_agg(pg_catalog.pg_get_constraintdef(k.oid) ORDER BY k.conname)
                 FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c'), '{}') AS constraint_definitions
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
WHERE t.typtype = 'd'
  AND n.nspname = ANY (?::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY t.oid
