-- Functions and procedures of the introspected schemas (not owned by an extension; aggregates have no
-- pg_get_functiondef and are left out), oldest first, as the server prints them (CREATE OR REPLACE ...), for verify
-- to recreate in its shadow. Parameter: schema names (text[]).
SELECT n.nspname AS schema_name,
       p.proname AS function_name,
       p.oid::regprocedure::text AS signature,
       pg_catalog.pg_get_functiondef(p.oid) AS definition
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p', 'w')
  AND n.nspname = ANY (?::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
ORDER BY p.oid
