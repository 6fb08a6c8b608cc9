-- A fingerprint of the catalog rows introspection reads that belong to no single table: schemas, extensions, the
-- enum and domain types and the functions and collations of the introspected schemas (a renamed type, function
-- or collation changes how every column, default and expression naming it is spelled), role names (policies and
-- grants name roles), domain constraints, the relations and attributes of composite types, extended statistics and
-- event triggers. When this differs from an earlier reading, the whole schema is read again.
-- Order-independent aggregates over (kind, id, xmin) rows, as catalog-versions-tables.sql explains: the row count,
-- the xmin sum and the sum of a 64-bit hash of each row. pg_roles shows no xmin (pg_authid is for superusers only):
-- a role stands for the hash of its name, which is what the graph reads of it.
-- One row per part (kind) that has rows: its fingerprint. Parameters: the parts to compute (int[]; the others are
-- not read at all: CatalogParts decides which an observed change may have touched), schema names (text[]).
WITH want AS (
    SELECT ?::int[] AS parts
), s AS (
    SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?::text[])
), parts AS (
    SELECT 1 AS kind, n.oid::bigint AS id, n.xmin::text::bigint AS x FROM pg_catalog.pg_namespace n
    WHERE (1 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 2, e.oid::bigint, e.xmin::text::bigint FROM pg_catalog.pg_extension e
    WHERE (2 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 3, t.oid::bigint, t.xmin::text::bigint
    FROM pg_catalog.pg_type t WHERE t.typnamespace IN (SELECT oid FROM s) AND t.typrelid = 0 AND t.typelem = 0
      AND (3 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 4, en.oid::bigint, en.xmin::text::bigint
    FROM pg_catalog.pg_enum en JOIN pg_catalog.pg_type t ON t.oid = en.enumtypid
    WHERE t.typnamespace IN (SELECT oid FROM s)
      AND (4 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 5, pr.oid::bigint, pr.xmin::text::bigint
    FROM pg_catalog.pg_proc pr WHERE pr.pronamespace IN (SELECT oid FROM s)
      AND (5 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 6, co.oid::bigint, co.xmin::text::bigint
    FROM pg_catalog.pg_collation co WHERE co.collnamespace IN (SELECT oid FROM s)
      AND (6 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 7, r.oid::bigint, pg_catalog.hashtext(r.rolname)::bigint & 4294967295 FROM pg_catalog.pg_roles r
    WHERE (7 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 8, k.oid::bigint, k.xmin::text::bigint
    FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_type t ON t.oid = k.contypid
    WHERE t.typnamespace IN (SELECT oid FROM s)
      AND (8 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 9, c.oid::bigint, c.xmin::text::bigint
    FROM pg_catalog.pg_class c WHERE c.relkind = 'c' AND c.relnamespace IN (SELECT oid FROM s)
      AND (9 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    -- an attribute's id: its relation's oid with the attribute number in the high bits
    SELECT 10, a.attrelid::bigint # (a.attnum::bigint << 32), a.xmin::text::bigint
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
    WHERE c.relkind = 'c' AND c.relnamespace IN (SELECT oid FROM s)
      AND (10 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 11, x.oid::bigint, x.xmin::text::bigint
    FROM pg_catalog.pg_statistic_ext x WHERE x.stxnamespace IN (SELECT oid FROM s)
      AND (11 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 12, et.oid::bigint, et.xmin::text::bigint FROM pg_catalog.pg_event_trigger et
    WHERE (12 = ANY ((SELECT parts FROM want)::int[]))
)
SELECT kind AS part,
       concat_ws(':', count(*), sum(x), sum(pg_catalog.hashint8extended(id, (kind::bigint << 32) | x))) AS version
FROM parts
GROUP BY kind
