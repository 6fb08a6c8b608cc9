-- The shadow templates (ShadowTemplates) and half-made copies on this server that the current user owns, newest first.
SELECT d.datname AS database_name
FROM pg_catalog.pg_database d
WHERE d.datdba = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
  AND (starts_with(d.datname, ?) OR starts_with(d.datname, ?))
ORDER BY d.oid DESC
