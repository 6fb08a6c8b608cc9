-- What a database holds that a user (not initdb) made, per kind. Objects that belong to an extension are counted
-- as that extension; plpgsql and an empty public schema do not count.
WITH user_schemas AS (
    SELECT n.oid, n.nspname
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_temp_'
      AND n.nspname !~ '^pg_toast_temp_'
),
extension_members AS (
    SELECT dep.classid, dep.objid
    FROM pg_catalog.pg_depend dep
    WHERE dep.deptype = 'e'
),
relations AS (
    SELECT c.relkind
    FROM pg_catalog.pg_class c
    JOIN user_schemas s ON s.oid = c.relnamespace
    WHERE NOT EXISTS (SELECT 1 FROM extension_members m
                      WHERE m.classid = 'pg_catalog.pg_class'::regclass AND m.objid = c.oid)
)
SELECT (SELECT count(*) FROM relations WHERE relkind IN ('r', 'p'))  AS tables,
       (SELECT count(*) FROM relations WHERE relkind IN ('v', 'm'))  AS views,
       (SELECT count(*) FROM relations WHERE relkind = 'S')          AS sequences,
       (SELECT count(*) FROM relations WHERE relkind = 'f')          AS foreign_tables,
       (SELECT count(*)
        FROM pg_catalog.pg_type t
        JOIN user_schemas s ON s.oid = t.typnamespace
        LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
        WHERE (t.typtype IN ('e', 'd', 'r')
               OR (t.typtype = 'c' AND tc.relkind = 'c')
               OR (t.typtype = 'b' AND t.typcategory <> 'A'))
          AND NOT EXISTS (SELECT 1 FROM extension_members m
                          WHERE m.classid = 'pg_catalog.pg_type'::regclass AND m.objid = t.oid)) AS types,
       (SELECT count(*)
        FROM pg_catalog.pg_proc p
        JOIN user_schemas s ON s.oid = p.pronamespace
        WHERE NOT EXISTS (SELECT 1 FROM extension_members m
                          WHERE m.classid = 'pg_catalog.pg_proc'::regclass AND m.objid = p.oid)) AS functions,
       (SELECT count(*)
        FROM pg_catalog.pg_extension e
        WHERE e.extname <> 'plpgsql')                                AS extensions,
       (SELECT count(*) FROM user_schemas WHERE nspname <> 'public') AS schemas,
       (SELECT count(*) FROM pg_catalog.pg_collation x JOIN user_schemas s ON s.oid = x.collnamespace
        WHERE NOT EXISTS (SELECT 1 FROM extension_members m
                          WHERE m.classid = 'pg_catalog.pg_collation'::regclass AND m.objid = x.oid))
     + (SELECT count(*) FROM pg_catalog.pg_operator x JOIN user_schemas s ON s.oid = x.oprnamespace
        WHERE NOT EXISTS (SELECT 1 FROM extension_members m
                          WHERE m.classid = 'pg_catalog.pg_operator'::regclass AND m.objid = x.oid))
     + (SELECT count(*) FROM pg_catalog.pg_ts_config x JOIN user_schemas s ON s.oid = x.cfgnamespace
        WHERE NOT EXISTS (SELECT 1 FROM extension_members m
                          WHERE m.classid = 'pg_catalog.pg_ts_config'::regclass AND m.objid = x.oid))
     + (SELECT count(*) FROM pg_catalog.pg_ts_dict x JOIN user_schemas s ON s.oid = x.dictnamespace
        WHERE NOT EXISTS (SELECT 1 FROM extension_members m
                          WHERE m.classid = 'pg_catalog.pg_ts_dict'::regclass AND m.objid = x.oid))
     + (SELECT count(*) FROM pg_catalog.pg_conversion x JOIN user_schemas s ON s.oid = x.connamespace
        WHERE NOT EXISTS (SELECT 1 FROM extension_members m
                          WHERE m.classid = 'pg_catalog.pg_conversion'::regclass AND m.objid = x.oid))
     + (SELECT count(*) FROM pg_catalog.pg_statistic_ext x JOIN user_schemas s ON s.oid = x.stxnamespace)
                                                                      AS other_objects
