-- One md5 over the catalog rows introspection reads that belong to no single table: schemas, extensions, the
-- enum and domain types and the functions and collations of the introspected schemas (a renamed type, function
-- or collation changes how every column, default and expression naming it is spelled), and role names (policies
-- name roles). When this differs from an earlier reading, the whole schema is read again.
-- Parameter: schema names (text[]).
WITH s AS (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?::text[]))
SELECT pg_catalog.md5(concat_ws('|',
    (SELECT string_agg(n.oid || ':' || n.xmin || ':' || n.nspname, ',' ORDER BY n.oid) FROM pg_catalog.pg_namespace n),
    (SELECT string_agg(e.oid || ':' || e.xmin, ',' ORDER BY e.oid) FROM pg_catalog.pg_extension e),
    (SELECT string_agg(t.oid || ':' || t.xmin, ',' ORDER BY t.oid)
     FROM pg_catalog.pg_type t WHERE t.typnamespace IN (SELECT oid FROM s) AND t.typrelid = 0 AND t.typelem = 0),
    (SELECT string_agg(en.oid || ':' || en.xmin, ',' ORDER BY en.oid)
     FROM pg_catalog.pg_enum en JOIN pg_catalog.pg_type t ON t.oid = en.enumtypid
     WHERE t.typnamespace IN (SELECT oid FROM s)),
    (SELECT string_agg(pr.oid || ':' || pr.xmin, ',' ORDER BY pr.oid)
     FROM pg_catalog.pg_proc pr WHERE pr.pronamespace IN (SELECT oid FROM s)),
    (SELECT string_agg(co.oid || ':' || co.xmin, ',' ORDER BY co.oid)
     FROM pg_catalog.pg_collation co WHERE co.collnamespace IN (SELECT oid FROM s)),
    (SELECT string_agg(r.oid || ':' || r.rolname, ',' ORDER BY r.oid) FROM pg_catalog.pg_roles r)
)) AS version
