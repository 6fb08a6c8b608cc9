-- Who may read the snapshots table of an earlier version (SELECT granted, the owner left out): the view that takes
-- its name gets the same grants, so a dashboard's read-only role keeps working (docs/GRAFANA.md). NULL for PUBLIC.
-- Parameters: schema (text), the renamed table's name (text).
SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE r.rolname END AS grantee
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN pg_catalog.aclexplode(c.relacl) a
LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
WHERE n.nspname = ? AND c.relname = ? AND a.privilege_type = 'SELECT' AND a.grantee <> c.relowner
  AND (a.grantee = 0 OR r.oid IS NOT NULL)
ORDER BY 1 NULLS FIRST
