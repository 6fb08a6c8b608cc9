-- Privileges granted on the tables, columns, sequences, schemas and routines introspected (one pass per catalog, never
-- one query per object), exploded from their access control lists with aclexplode(). A routine whose proacl is still
-- null holds PostgreSQL's built-in default, acldefault('f', owner): EXECUTE to PUBLIC, listed like any grant (so that
-- REVOKE EXECUTE ... FROM PUBLIC shows as its absence). Routines are named by their regprocedure text, as
-- routines.sql reads them (run with only pg_catalog on the search path). Left out: the owner's own
-- privileges (implicit in ownership: REVOKE from the owner is not something a schema declares), privileges a
-- database is created with (pg_init_privs, e.g. PUBLIC's USAGE on schema public from PostgreSQL 15), objects owned
-- by extensions, and grants to roles that no longer exist (grantee 0 is PUBLIC).
-- Scope: everything, or (for a refresh that re-reads some tables) only the grants on those tables and their columns;
-- the relations placeholder is TRUE or c.oid = ANY ((SELECT tables FROM scope)::oid[]), so that a few tables are
-- found by their index rather than by a pass over pg_class (a condition on the scope row alone would not let the
-- plan use it).
-- Parameters: everything (boolean), table oids when not everything (bigint[]), schema names (text[]), excluded
-- prefix (text).
WITH scope AS (
    SELECT ?::boolean AS everything, ?::bigint[]::oid[] AS tables
), s AS (
    SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?::text[])
), rel AS (
    SELECT c.oid, c.relname, c.relkind, c.relowner, c.relacl, s.nspname
    FROM pg_catalog.pg_class c JOIN s ON s.oid = c.relnamespace
    CROSS JOIN (SELECT ?::text AS prefix) p
    CROSS JOIN scope
    WHERE c.relkind IN ('r', 'S') AND NOT c.relispartition
      AND ${relations}
      AND (p.prefix = '' OR left(c.relname, length(p.prefix)) <> p.prefix)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                      WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid AND dep.deptype = 'e')
), acl AS (
    SELECT CASE r.relkind WHEN 'S' THEN 'sequence' ELSE 'table' END AS object_kind, r.nspname AS schema_name,
           r.relname AS object_name, NULL::text AS column_name, r.relowner AS owner, a.grantee, a.privilege_type,
           a.is_grantable, 'pg_catalog.pg_class'::regclass AS classoid, r.oid AS objoid, 0 AS objsubid
    FROM rel r, aclexplode(r.relacl) a
    UNION ALL
    SELECT 'column', r.nspname, r.relname, att.attname::text, r.relowner, a.grantee, a.privilege_type, a.is_grantable,
           'pg_catalog.pg_class'::regclass, r.oid, att.attnum
    FROM rel r
    JOIN pg_catalog.pg_attribute att ON att.attrelid = r.oid AND att.attnum > 0 AND NOT att.attisdropped
    CROSS JOIN aclexplode(att.attacl) a
    WHERE r.relkind = 'r'
    UNION ALL
    SELECT 'schema', n.nspname, NULL, NULL, n.nspowner, a.grantee, a.privilege_type, a.is_grantable,
           'pg_catalog.pg_namespace'::regclass, n.oid, 0
    FROM pg_catalog.pg_namespace n JOIN s ON s.oid = n.oid, aclexplode(n.nspacl) a
    WHERE (SELECT everything FROM scope)
    UNION ALL
    SELECT 'function', s.nspname, p.oid::pg_catalog.regprocedure::text, NULL, p.proowner, a.grantee,
           a.privilege_type, a.is_grantable, 'pg_catalog.pg_proc'::regclass, p.oid, 0
    FROM pg_catalog.pg_proc p JOIN s ON s.oid = p.pronamespace
    CROSS JOIN aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
    WHERE p.prokind IN ('f', 'p', 'w') AND (SELECT everything FROM scope)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
)
SELECT acl.object_kind, acl.schema_name, acl.object_name, acl.column_name,
       CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE r.rolname END AS grantee,
       acl.privilege_type AS privilege, acl.is_grantable AS grantable
FROM acl
LEFT JOIN pg_catalog.pg_roles r ON r.oid = acl.grantee
WHERE acl.grantee <> acl.owner
  AND (acl.grantee = 0 OR r.oid IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_init_privs ip, aclexplode(ip.initprivs) ia
                  WHERE ip.classoid = acl.classoid AND ip.objoid = acl.objoid AND ip.objsubid = acl.objsubid
                    AND ia.grantee = acl.grantee AND ia.privilege_type = acl.privilege_type
                    AND ia.is_grantable = acl.is_grantable)
ORDER BY 2, 3, 4, 1, 5, 6
