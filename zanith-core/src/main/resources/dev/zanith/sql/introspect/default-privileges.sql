-- The connected (migration) role's default privileges (pg_default_acl rows with defaclrole = current_user), for all
-- schemas (defaclnamespace 0) or one of the introspected schemas, exploded with aclexplode(). Left out: the role's
-- own privileges, and for the all-schemas rows the entries of PostgreSQL's built-in defaults (acldefault(): PUBLIC's
-- EXECUTE on functions and USAGE on types), which hold without any row.
-- Parameter: schema names (text[]).
SELECT n.nspname AS schema_name,
       CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
                            WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' END AS objects,
       CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE r.rolname END AS grantee,
       a.privilege_type AS privilege, a.is_grantable AS grantable
FROM pg_catalog.pg_default_acl d
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
CROSS JOIN aclexplode(d.defaclacl) a
LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
WHERE d.defaclrole = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)
  AND (d.defaclnamespace = 0 OR n.nspname = ANY (?::text[]))
  AND a.grantee <> d.defaclrole
  AND (a.grantee = 0 OR r.oid IS NOT NULL)
  AND d.defaclobjtype IN ('r', 'S', 'f', 'T', 'n')
  AND NOT (d.defaclnamespace = 0 AND EXISTS (
        SELECT 1 FROM aclexplode(acldefault((CASE d.defaclobjtype WHEN 'S' THEN 's' WHEN 'T' THEN 'T'
                                                WHEN 'f' THEN 'f' WHEN 'n' THEN 'n' ELSE 'r' END)::"char", d.defaclrole)) x
        WHERE x.grantee = a.grantee AND x.privilege_type = a.privilege_type AND x.is_grantable = a.is_grantable))
ORDER BY 1 NULLS FIRST, 2, 3, 4
