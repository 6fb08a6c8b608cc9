-- The ordinary and partitioned tables of the introspected schemas that the observed transactions of a migration
-- may have changed (CatalogChanges), for a scoped reading of catalog-versions-tables.sql: the relations they locked;
-- when they updated pg_class rows, the relations whose pg_class row carries an xmin of their range (GRANT and REVOKE
-- lock nothing); when they updated pg_attribute rows, the relations of such attribute rows (a column grant); each
-- mapped to the table it belongs to (an index to its table, an owned sequence or TOAST table to its owner), with the
-- whole partition tree of each (a partition's rows count for its ancestors' versions). Oids no longer in the catalog
-- (dropped) fall out here; the caller forgets them. The xmin range runs from the first observed transaction's id to
-- the first id not yet assigned now, after they all committed (their subtransactions' ids lie in between; a row's
-- 32-bit xmin is placed by age(), its distance back from the next id, modulo 2^32, so the range may wrap around: a row
-- is in it when it is no older than the range's first id). It may hold other sessions' transactions too: a few tables
-- more read again, never one less. The xmin scans read pg_class and pg_attribute sequentially, but test one column
-- per row with integer arithmetic (an xid cast through text costs more than reading the row): no join, sort or hash;
-- every other catalog is read through its index (oids passed as arrays, so that the plan expects a few). Besides the
-- tables (is_table), the rows
-- name each seed relation that is a sequence, view, materialized view, composite type or index, or is gone (no
-- relkind), for the schema-wide versions that cover those (CatalogParts). Parameters: locked relation oids
-- (bigint[]); the first observed transaction's id (xid8 as bigint); whether pg_class rows were updated (boolean);
-- whether pg_attribute rows were updated (boolean); schema names (text[]).
WITH w AS (
    SELECT p.locked, pg_catalog.age((p.first % 4294967296)::text::xid) AS since,
           pg_catalog.pg_snapshot_xmax(pg_catalog.pg_current_snapshot())::text::bigint - p.first AS span,
           p.classes, p.attributes
    FROM (SELECT ?::bigint[] AS locked, ?::bigint AS first, ?::boolean AS classes, ?::boolean AS attributes) p
), seed AS (
    SELECT ARRAY(
        SELECT r::oid FROM w, unnest(w.locked) r
        UNION
        SELECT c.oid FROM pg_catalog.pg_class c, w
        WHERE w.classes AND (w.span >= 2147483648 OR pg_catalog.age(c.xmin) <= w.since)
        UNION
        SELECT a.attrelid FROM pg_catalog.pg_attribute a, w
        WHERE w.attributes
          AND (w.span >= 2147483648 OR pg_catalog.age(a.xmin) <= w.since)
    ) AS oids
), rel AS (
    SELECT ARRAY(
        SELECT unnest(s.oids) FROM seed s
        UNION
        SELECT i.indrelid FROM pg_catalog.pg_index i WHERE i.indexrelid = ANY ((SELECT oids FROM seed)::oid[])
        UNION
        SELECT d.refobjid FROM pg_catalog.pg_depend d
        WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = ANY ((SELECT oids FROM seed)::oid[])
          AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')
    ) AS oids
), tree AS (
    SELECT ARRAY(
        SELECT unnest(r.oids) FROM rel r
        UNION
        SELECT pt.relid FROM (SELECT unnest(oids) AS oid FROM rel) r,
             pg_catalog.pg_partition_tree(pg_catalog.pg_partition_root(r.oid)) pt
        WHERE pt.relid IS NOT NULL
    ) AS oids
)
SELECT c.oid::bigint AS oid, true AS is_table, NULL::text AS relkind, false AS identity, false AS commented
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = ANY ((SELECT oids FROM tree)::oid[]) AND c.relkind IN ('r', 'p') AND n.nspname = ANY (?::text[])
UNION ALL
-- every seed relation other than a table or TOAST table: what it is now (no kind: it is gone), whether it is an
-- identity column's sequence, whether it has comments
SELECT x.oid::bigint, false, c.relkind::text,
       c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                   WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                                     AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'i'),
       EXISTS (SELECT 1 FROM pg_catalog.pg_description e
               WHERE e.objoid = c.oid AND e.classoid = 'pg_catalog.pg_class'::regclass)
FROM unnest((SELECT oids FROM seed)::oid[]) x(oid)
LEFT JOIN pg_catalog.pg_class c ON c.oid = x.oid
WHERE c.oid IS NULL OR c.relkind IN ('S', 'v', 'm', 'c', 'i')
