-- Which of the named roles exist on the server (roles are cluster-wide). Parameter: role names (text[]).
SELECT r.rolname AS role_name FROM pg_catalog.pg_roles r WHERE r.rolname = ANY (?::text[]) ORDER BY 1
