-- What a table's catalog rows look like now, cheaply: for every ordinary or partitioned table of the introspected schemas (the
-- ones introspection hides included, flagged), its pg_class row's xmin and an md5 over the kind, id and xmin of
-- each catalog row introspection reads for it (columns, defaults, constraints, indexes, policies, comments, owned
-- sequences, user triggers, partitions at any depth). A row inserted or updated since an earlier reading has a new xmin, a deleted one is missing: either
-- way the version differs, so the table is read again. Set-based: one pass over each catalog, never one query per
-- table. Parameters: schema names (text[]), excluded prefix (text). Same order as tables.sql.
WITH t AS (
    SELECT c.oid, c.xmin, c.relname, c.relispartition, n.nspname
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?::text[])
), parts AS (
    SELECT a.attrelid AS rel, 1 AS kind, a.attnum::bigint AS id, a.xmin::text AS v
    FROM pg_catalog.pg_attribute a WHERE a.attrelid IN (SELECT oid FROM t) AND a.attnum > 0
    UNION ALL
    SELECT ad.adrelid, 2, ad.oid::bigint, ad.xmin::text FROM pg_catalog.pg_attrdef ad WHERE ad.adrelid IN (SELECT oid FROM t)
    UNION ALL
    SELECT co.conrelid, 3, co.oid::bigint, co.xmin::text FROM pg_catalog.pg_constraint co WHERE co.conrelid IN (SELECT oid FROM t)
    UNION ALL
    SELECT i.indrelid, 4, i.indexrelid::bigint, i.xmin || ':' || ic.xmin
    FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid IN (SELECT oid FROM t)
    UNION ALL
    SELECT po.polrelid, 5, po.oid::bigint, po.xmin::text FROM pg_catalog.pg_policy po WHERE po.polrelid IN (SELECT oid FROM t)
    UNION ALL
    SELECT d.objoid, 6, d.objsubid::bigint, d.xmin::text FROM pg_catalog.pg_description d
    WHERE d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid IN (SELECT oid FROM t)
    UNION ALL
    SELECT sd.refobjid, 7, s.seqrelid::bigint, s.xmin || ':' || sc.xmin
    FROM pg_catalog.pg_depend sd
    JOIN pg_catalog.pg_sequence s ON s.seqrelid = sd.objid
    JOIN pg_catalog.pg_class sc ON sc.oid = s.seqrelid
    WHERE sd.classid = 'pg_catalog.pg_class'::regclass AND sd.refclassid = 'pg_catalog.pg_class'::regclass
      AND sd.deptype IN ('a', 'i') AND sd.refobjid IN (SELECT oid FROM t)
    UNION ALL
    SELECT tg.tgrelid, 8, tg.oid::bigint, tg.xmin::text FROM pg_catalog.pg_trigger tg
    WHERE tg.tgrelid IN (SELECT oid FROM t) AND NOT tg.tgisinternal
    UNION ALL
    -- a partition at any depth counts for each partitioned ancestor: its pg_class row carries its bound and key,
    -- and a detached one leaves its ancestors' row sets
    SELECT a.relid, 9, pc.oid::bigint, pc.xmin::text
    FROM t pc, pg_catalog.pg_partition_ancestors(pc.oid) a
    WHERE pc.relispartition AND a.relid <> pc.oid
), versions AS (
    SELECT rel, pg_catalog.md5(string_agg(kind || ':' || id || ':' || v, ',' ORDER BY kind, id)) AS version
    FROM parts GROUP BY rel
)
SELECT t.oid::bigint AS table_oid, t.nspname AS schema_name, t.relname AS table_name,
       (t.relispartition
        OR (p.prefix <> '' AND left(t.relname, length(p.prefix)) = p.prefix)
        OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                   WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = t.oid AND dep.deptype = 'e')) AS hidden,
       t.xmin || ':' || coalesce(v.version, '') AS version
FROM t
CROSS JOIN (SELECT ?::text AS prefix) p
LEFT JOIN versions v ON v.rel = t.oid
ORDER BY t.nspname, t.relname
