-- Functions and procedures of the introspected schemas, as the server prints them, in one pass: not aggregates
-- (they have no pg_get_functiondef), not the ones an extension owns (pg_depend deptype 'e'), not the ones that exist
-- for a type (deptype 'i': a range type's constructors and its multirange's, made and dropped with the type). Run with only
-- pg_catalog on the search path, so signatures and definitions are schema-qualified. depends_on: the routines of the
-- same schemas each one calls, from its normal pg_depend edges; only a SQL-standard body (BEGIN ATOMIC / RETURN, 14+)
-- records them, a string body never does. Parameter: schema names (text[]), used twice.
SELECT n.nspname AS schema_name,
       p.proname AS routine_name,
       p.oid::pg_catalog.regprocedure::text AS signature,
       CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END AS kind,
       pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
       pg_catalog.pg_get_function_result(p.oid) AS result,
       l.lanname AS language,
       pg_catalog.pg_get_functiondef(p.oid) AS definition,
       ARRAY(SELECT DISTINCT d.refobjid::pg_catalog.regprocedure::text
             FROM pg_catalog.pg_depend d
             JOIN pg_catalog.pg_proc callee ON callee.oid = d.refobjid
             JOIN pg_catalog.pg_namespace cn ON cn.oid = callee.pronamespace
             WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
               AND d.refclassid = 'pg_catalog.pg_proc'::regclass AND d.refobjid <> p.oid AND d.deptype = 'n'
               AND cn.nspname = ANY (?::text[])
             ORDER BY 1) AS depends_on
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p', 'w')
  AND n.nspname = ANY (?::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
ORDER BY n.nspname, p.proname, p.oid
