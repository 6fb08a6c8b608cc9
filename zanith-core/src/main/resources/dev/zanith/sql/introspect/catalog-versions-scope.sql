-- The ordinary and partitioned tables of the introspected schemas that the observed transactions of a migration
-- may have changed (CatalogChanges), for a scoped reading of catalog-versions-tables.sql: the relations they locked,
-- the relations whose pg_class row one of them wrote (GRANT and REVOKE lock nothing) and, when pg_attribute rows were
-- updated, the relations of the attribute rows one of them wrote (a column grant); each mapped to the table it
-- belongs to (an index to its table, an owned sequence or TOAST table to its owner), with the whole partition tree
-- of each (a partition's rows count for its ancestors' versions). Oids no longer in the catalog (dropped) fall out
-- here; the caller forgets them. The xid scans read pg_class and pg_attribute sequentially, but test one column per
-- row: no join, sort or hash; every other catalog is read through its index (oids passed as arrays, so that the
-- plan expects a few). Parameters: locked relation oids (bigint[]), xids (bigint[]), whether attribute rows
-- were updated (boolean), xids (bigint[]), schema names (text[]).
WITH seed AS (
    SELECT ARRAY(
        SELECT r::oid FROM unnest(?::bigint[]) r
        UNION
        SELECT c.oid FROM pg_catalog.pg_class c WHERE c.xmin::text::bigint = ANY (?::bigint[])
        UNION
        SELECT a.attrelid FROM pg_catalog.pg_attribute a WHERE ?::boolean AND a.xmin::text::bigint = ANY (?::bigint[])
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
SELECT c.oid::bigint AS table_oid
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = ANY ((SELECT oids FROM tree)::oid[]) AND c.relkind IN ('r', 'p') AND n.nspname = ANY (?::text[])
