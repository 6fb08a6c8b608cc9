-- The connected (migration) role's default privileges (pg_default_acl rows with defaclrole = current_user), for all
-- schemas (defaclnamespace 0) or one of the introspected schemas, exploded with aclexplode(). Left out: the role's
-- own privileges, and for the all-schemas rows the entries of PostgreSQL's built-in defaults (acldefault(): PUBLIC's
-- EXECUTE on functions and USAGE on types, the role's own privileges), which hold without any row.
-- Second part (revoked = true): the built-in defaults an all-schemas row no longer holds (ALTER DEFAULT PRIVILEGES
-- REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC, ... REVOKE DELETE ON TABLES FROM CURRENT_USER), the role itself named
-- CURRENT_USER. A row whose list is empty holds none of them: it is not joined to aclexplode(), which gives no row.
-- Per-schema rows cannot take a built-in default away (the server merges them into the all-schemas one).
-- Parameter: schema names (text[]).
WITH me AS (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user),
defaults AS (
    SELECT d.defaclnamespace, d.defaclobjtype, d.defaclrole, d.defaclacl,
           CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
                                WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' END AS objects,
           aclexplode(acldefault((CASE d.defaclobjtype WHEN 'S' THEN 's' WHEN 'T' THEN 'T' WHEN 'f' THEN 'f'
                                     WHEN 'n' THEN 'n' ELSE 'r' END)::"char", d.defaclrole)) AS builtin
    FROM pg_catalog.pg_default_acl d
    WHERE d.defaclrole = (SELECT oid FROM me) AND d.defaclobjtype IN ('r', 'S', 'f', 'T', 'n')
)
SELECT n.nspname AS schema_name,
       CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
                            WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' END AS objects,
       CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE r.rolname END AS grantee,
       a.privilege_type AS privilege, a.is_grantable AS grantable, false AS revoked
FROM pg_catalog.pg_default_acl d
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
CROSS JOIN aclexplode(d.defaclacl) a
LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
WHERE d.defaclrole = (SELECT oid FROM me)
  AND (d.defaclnamespace = 0 OR n.nspname = ANY (?::text[]))
  AND a.grantee <> d.defaclrole
  AND (a.grantee = 0 OR r.oid IS NOT NULL)
  AND d.defaclobjtype IN ('r', 'S', 'f', 'T', 'n')
  AND NOT (d.defaclnamespace = 0 AND EXISTS (
        SELECT 1 FROM aclexplode(acldefault((CASE d.defaclobjtype WHEN 'S' THEN 's' WHEN 'T' THEN 'T'
                                                WHEN 'f' THEN 'f' WHEN 'n' THEN 'n' ELSE 'r' END)::"char", d.defaclrole)) x
        WHERE x.grantee = a.grantee AND x.privilege_type = a.privilege_type AND x.is_grantable = a.is_grantable))
UNION ALL
SELECT NULL, d.objects, CASE WHEN (d.builtin).grantee = 0 THEN 'PUBLIC' ELSE 'CURRENT_USER' END,
       (d.builtin).privilege_type, false, true
FROM defaults d
WHERE d.defaclnamespace = 0
  AND NOT EXISTS (SELECT 1 FROM aclexplode(d.defaclacl) a
                  WHERE a.grantee = (d.builtin).grantee AND a.privilege_type = (d.builtin).privilege_type)
ORDER BY 1 NULLS FIRST, 2, 3, 4
