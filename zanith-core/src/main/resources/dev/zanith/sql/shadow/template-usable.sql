-- Whether a shadow template (ShadowTemplates) may be copied: finished by this user (owned, closed to connections).
-- A database of that name that someone else made, or that takes connections, is never copied.
SELECT EXISTS (SELECT 1
               FROM pg_catalog.pg_database d
               WHERE d.datname = ?
                 AND d.datdba = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
                 AND NOT d.datallowconn) AS usable
