-- Functions and procedures of the introspected schemas, as the server prints them, in one pass: not aggregates
-- (they have no pg_get_functiondef), not the ones an extension owns (pg_depend deptype 'e'), not the ones that exist
-- for a type (deptype 'i': a range type's constructors and its multirange's, made and dropped with the type). Run with only
-- pg_catalog on the search path, so signatures and definitions are schema-qualified. Parameter: schema names (text[]).
SELECT n.nspname AS schema_name,
       p.proname AS routine_name,
       p.oid::pg_catalog.regprocedure::text AS signature,
       CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END AS kind,
       pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
       pg_catalog.pg_get_function_result(p.oid) AS result,
       l.lanname AS language,
       pg_catalog.pg_get_functiondef(p.oid) AS definition
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p', 'w')
  AND n.nspname = ANY (?::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
ORDER BY n.nspname, p.proname, p.oid
