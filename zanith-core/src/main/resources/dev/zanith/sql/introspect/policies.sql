-- Row level security policies of the given tables. Parameter: table oids (bigint[]).
SELECT p.polrelid::bigint AS table_oid,
       p.polname          AS policy_name,
       p.polcmd::text     AS command,
       p.polpermissive    AS permissive,
       ARRAY(SELECT CASE WHEN r.role_oid = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(r.role_oid)::text END
             FROM unnest(p.polroles) AS r(role_oid)
             ORDER BY 1) AS roles,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid)      AS using_expression,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS with_check_expression
FROM pg_catalog.pg_policy p
WHERE p.polrelid = ANY (?::bigint[]::oid[])
ORDER BY p.polrelid, p.polname
