-- What a table's catalog rows look like now, cheaply: for every ordinary or partitioned table of the introspected schemas (the
-- ones introspection hides included, flagged), its pg_class row's xmin and three order-independent aggregates over
-- the catalog rows introspection reads for it (columns, defaults, constraints, indexes, policies, comments, owned
-- sequences, user triggers, partitions at any depth): how many there are, the sum of their xmins, and the sum of a
-- 64-bit hash of each row's kind, id and xmin(s). A row inserted or updated since an earlier reading has a new xmin
-- (an update is a delete plus an insert), a deleted one is missing: a different number of rows changes the count;
-- with as many rows as before, the new xmins are greater than the ones they replace (barring xid wraparound or a
-- transaction that began before the earlier reading), so the xmin sum grows; and whatever slips past both would
-- also have to leave the hash sum unchanged (odds 2^-64). Aggregates, not an md5 over sorted text: no text built
-- or sorted per row, which made this the most expensive query of a refresh. Set-based: one pass over each catalog,
-- never one query per table. Parameters: schema names (text[]), excluded prefix (text). The scope placeholder is TRUE (every
-- table) or, after a migration whose transactions were observed (CatalogChanges), a condition on c.oid taking the
-- table oids of catalog-versions-scope.sql as one more parameter after the schema names: only those tables are
-- listed, in a statement of its own, whose plan reads the catalogs through their indexes for a few tables.
WITH t AS (
    SELECT c.oid, c.xmin, c.relname, c.relispartition, n.nspname
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?::text[])
      AND ${scope}
), parts AS (
    SELECT a.attrelid AS rel, 1 AS kind, a.attnum::bigint AS id,
           a.xmin::text::bigint AS x1, 0::bigint AS x2
    FROM pg_catalog.pg_attribute a WHERE a.attrelid IN (SELECT oid FROM t) AND a.attnum > 0
    UNION ALL
    SELECT ad.adrelid, 2, ad.oid::bigint, ad.xmin::text::bigint, 0 FROM pg_catalog.pg_attrdef ad WHERE ad.adrelid IN (SELECT oid FROM t)
    UNION ALL
    SELECT co.conrelid, 3, co.oid::bigint, co.xmin::text::bigint, 0 FROM pg_catalog.pg_constraint co WHERE co.conrelid IN (SELECT oid FROM t)
    UNION ALL
    SELECT i.indrelid, 4, i.indexrelid::bigint, i.xmin::text::bigint, ic.xmin::text::bigint
    FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid IN (SELECT oid FROM t)
    UNION ALL
    SELECT po.polrelid, 5, po.oid::bigint, po.xmin::text::bigint, 0 FROM pg_catalog.pg_policy po WHERE po.polrelid IN (SELECT oid FROM t)
    UNION ALL
    SELECT d.objoid, 6, d.objsubid::bigint, d.xmin::text::bigint, 0 FROM pg_catalog.pg_description d
    WHERE d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid IN (SELECT oid FROM t)
    UNION ALL
    SELECT sd.refobjid, 7, s.seqrelid::bigint, s.xmin::text::bigint, sc.xmin::text::bigint
    FROM pg_catalog.pg_depend sd
    JOIN pg_catalog.pg_sequence s ON s.seqrelid = sd.objid
    JOIN pg_catalog.pg_class sc ON sc.oid = s.seqrelid
    WHERE sd.classid = 'pg_catalog.pg_class'::regclass AND sd.refclassid = 'pg_catalog.pg_class'::regclass
      AND sd.deptype IN ('a', 'i') AND sd.refobjid IN (SELECT oid FROM t)
    UNION ALL
    SELECT tg.tgrelid, 8, tg.oid::bigint, tg.xmin::text::bigint, 0 FROM pg_catalog.pg_trigger tg
    WHERE tg.tgrelid IN (SELECT oid FROM t) AND NOT tg.tgisinternal
    UNION ALL
    -- a partition at any depth counts for each partitioned ancestor: its pg_class row carries its bound and key,
    -- and a detached one leaves its ancestors' row sets
    SELECT a.relid, 9, pc.oid::bigint, pc.xmin::text::bigint, 0
    FROM t pc, pg_catalog.pg_partition_ancestors(pc.oid) a
    WHERE pc.relispartition AND a.relid <> pc.oid
), versions AS (
    -- the hash's value is the row's id with its second xmin (if any) in the high half, its seed the kind and xmin
    SELECT rel, count(*) || ':' || sum(x1 + x2) || ':'
                || sum(pg_catalog.hashint8extended(id # (x2 << 32), (kind::bigint << 32) | x1)) AS version
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
