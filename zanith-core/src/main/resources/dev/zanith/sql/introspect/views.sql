-- Views and materialized views of the introspected schemas, except those an extension owns (pg_depend deptype 'e')
-- and Zanith's own (name prefix): the query as the server normalizes it (pg_get_viewdef; run with only pg_catalog
-- on the search path, so names come out schema-qualified), reloptions, whether a materialized view is populated,
-- the comment, the output columns in order with their types and comments, and the routines of the introspected
-- schemas its _RETURN rule calls (normal pg_depend edges on pg_rewrite, not the text). One row per view.
-- Parameters: excluded prefix (text), schema names (text[]).
SELECT c.oid::bigint AS view_oid,
       n.nspname AS schema_name,
       c.relname AS view_name,
       c.relkind = 'm' AS materialized,
       pg_catalog.pg_get_viewdef(c.oid) AS definition,
       coalesce(c.reloptions, '{}')::text[] AS options,
       c.relispopulated AS populated,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
       ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS column_names,
       ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS column_types,
       ARRAY(SELECT pg_catalog.col_description(c.oid, a.attnum) FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS column_comments,
       ARRAY(SELECT DISTINCT f.oid::pg_catalog.regprocedure::text
             FROM pg_catalog.pg_rewrite r
             JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = r.oid
             JOIN pg_catalog.pg_proc f ON f.oid = d.refobjid
             JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
             WHERE r.ev_class = c.oid AND r.rulename = '_RETURN'
               AND d.refclassid = 'pg_catalog.pg_proc'::regclass AND d.deptype = 'n'
               AND fn.nspname = ANY (p.schemas)
             ORDER BY 1) AS routines
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (SELECT ?::text AS prefix, ?::text[] AS schemas) p
WHERE c.relkind IN ('v', 'm')
  AND n.nspname = ANY (p.schemas)
  AND (p.prefix = '' OR left(c.relname, length(p.prefix)) <> p.prefix)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname
