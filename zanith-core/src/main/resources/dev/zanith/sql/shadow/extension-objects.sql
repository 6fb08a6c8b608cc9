-- Types and functions that extensions own in the given schemas: database-wide, so a same-database shadow uses
-- the originals. Parameter: schema names (text[]).
SELECT n.nspname AS schema_name, t.typname AS object_name
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
WHERE n.nspname = ANY (?::text[])
UNION
SELECT n.nspname, p.proname
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
WHERE n.nspname = ANY (?::text[])
