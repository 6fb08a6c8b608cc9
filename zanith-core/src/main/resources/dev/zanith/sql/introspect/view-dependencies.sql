-- What each given view or materialized view reads: every table, view or materialized view its _RETURN rule depends
-- on (pg_depend on pg_rewrite, normal dependencies), with the columns of it the query uses (refobjsubid > 0), by
-- name. One row per (view, relation). Parameter: view oids (bigint[]).
SELECT r.ev_class::bigint AS view_oid,
       tn.nspname AS relation_schema,
       t.relname AS relation_name,
       ARRAY(SELECT DISTINCT a.attname::text
             FROM pg_catalog.pg_depend d2
             JOIN pg_catalog.pg_attribute a ON a.attrelid = d2.refobjid AND a.attnum = d2.refobjsubid
             WHERE d2.classid = 'pg_catalog.pg_rewrite'::regclass AND d2.objid = r.oid
               AND d2.refclassid = 'pg_catalog.pg_class'::regclass AND d2.refobjid = t.oid
               AND d2.refobjsubid > 0
             ORDER BY 1) AS columns
FROM pg_catalog.pg_rewrite r
JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = r.oid
JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
WHERE r.ev_class = ANY (?::bigint[]::oid[])
  AND r.rulename = '_RETURN'
  AND d.refclassid = 'pg_catalog.pg_class'::regclass
  AND d.deptype = 'n'
  AND t.oid <> r.ev_class
  AND t.relkind IN ('r', 'p', 'v', 'm', 'f')
GROUP BY r.ev_class, r.oid, t.oid, tn.nspname, t.relname
ORDER BY 1, 2, 3
