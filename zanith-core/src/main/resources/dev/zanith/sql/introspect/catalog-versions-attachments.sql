-- A fingerprint of what the graph keeps beside its objects that no table's version covers: the sequences other than
-- identity columns' (their pg_class rows, holding name and grants, and their pg_sequence rows, holding their
-- options), every comment
-- object-comments.sql reads other than a table's or column's (on the indexes and sequences of the introspected
-- schemas, on routines and types created after initdb, and on constraints, triggers, policies, extended statistics,
-- event triggers and schemas of any schema: a few rows more than needed cost nothing but an occasional re-read),
-- the privileges a database was created with (pg_init_privs, which grants.sql leaves out), the default privileges,
-- and the views and materialized views themselves. While this and the global version stay the same, a refresh reads
-- sequences, grants and comments only for the tables it re-reads and keeps the rest, and reads the views again only
-- when one reads a changed table; when it differs, they are read again whole. Aggregates over (kind, id, xmin) rows
-- as in catalog-versions-tables.sql.
-- One row per part (kind) that has rows: its fingerprint. Parameters: the parts to compute (int[]; the others are
-- not read at all: CatalogParts decides which an observed change may have touched), schema names (text[]).
WITH want AS (
    SELECT ?::int[] AS parts
), s AS (
    SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?::text[])
), v AS (
    SELECT c.oid, c.xmin FROM pg_catalog.pg_class c
    WHERE c.relkind IN ('v', 'm') AND c.relnamespace IN (SELECT oid FROM s)
      AND (SELECT w.parts && ARRAY[5, 6, 7, 8, 9] FROM want w)
), parts AS (
    -- a sequence's two rows: the pg_sequence row's xmin goes into the hash's value, beside the oid
    SELECT 1 AS kind, sq.oid::bigint # (sp.xmin::text::bigint << 32) AS id, sq.xmin::text::bigint AS x,
           sp.xmin::text::bigint AS x2
    FROM pg_catalog.pg_class sq JOIN pg_catalog.pg_sequence sp ON sp.seqrelid = sq.oid
    WHERE sq.relkind = 'S' AND sq.relnamespace IN (SELECT oid FROM s)
      -- not an identity column's: the graph shows it only as its column's options, and the table's version covers
      -- both its rows (so creating a table with an identity key leaves this version, and the other tables, alone)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = sq.oid
                        AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'i')
      AND (1 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    -- a comment's id: the described object's oid, with its catalog's oid in the high bits
    SELECT 2, d.objoid::bigint # (d.classoid::bigint << 32), d.xmin::text::bigint, 0
    FROM pg_catalog.pg_description d
    WHERE (2 = ANY ((SELECT parts FROM want)::int[]))
      AND (d.classoid IN ('pg_catalog.pg_namespace'::regclass, 'pg_catalog.pg_constraint'::regclass,
                         'pg_catalog.pg_trigger'::regclass, 'pg_catalog.pg_policy'::regclass,
                         'pg_catalog.pg_statistic_ext'::regclass, 'pg_catalog.pg_event_trigger'::regclass)
       -- routines and types: those created after initdb (oid from FirstNormalObjectId on), whatever their schema,
       -- rather than a pass over pg_proc and pg_type; initdb's own live in pg_catalog and information_schema
       OR (d.classoid IN ('pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_type'::regclass) AND d.objoid >= 16384)
       OR (d.classoid = 'pg_catalog.pg_class'::regclass
           AND d.objoid IN (SELECT ic.oid FROM pg_catalog.pg_class ic
                            WHERE ic.relkind IN ('i', 'S', 'v', 'm') AND ic.relnamespace IN (SELECT oid FROM s))))
    UNION ALL
    SELECT 3, ip.objoid::bigint # (ip.classoid::bigint << 32) # (ip.objsubid::bigint << 48), ip.xmin::text::bigint, 0
    FROM pg_catalog.pg_init_privs ip WHERE (3 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 4, da.oid::bigint, da.xmin::text::bigint, 0 FROM pg_catalog.pg_default_acl da
    WHERE (4 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    -- views and materialized views: their pg_class rows (name, options, populated), rewrite rules (the query),
    -- columns, indexes (a materialized view's), extension membership
    SELECT 5, v.oid::bigint, v.xmin::text::bigint, 0 FROM v WHERE (5 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 6, r.oid::bigint, r.xmin::text::bigint, 0 FROM v JOIN pg_catalog.pg_rewrite r ON r.ev_class = v.oid
    WHERE (6 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 7, a.attrelid::bigint # (a.attnum::bigint << 32), a.xmin::text::bigint, 0
    FROM v JOIN pg_catalog.pg_attribute a ON a.attrelid = v.oid AND a.attnum > 0
    WHERE (7 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 8, i.indexrelid::bigint # (ic.xmin::text::bigint << 32), i.xmin::text::bigint, ic.xmin::text::bigint
    FROM v JOIN pg_catalog.pg_index i ON i.indrelid = v.oid JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    WHERE (8 = ANY ((SELECT parts FROM want)::int[]))
    UNION ALL
    SELECT 9, e.objid::bigint, e.xmin::text::bigint, 0
    FROM v JOIN pg_catalog.pg_depend e ON e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = v.oid
                                       AND e.deptype = 'e' WHERE (9 = ANY ((SELECT parts FROM want)::int[]))
)
SELECT kind AS part,
       concat_ws(':', count(*), sum(x + x2), sum(pg_catalog.hashint8extended(id, (kind::bigint << 32) | x))) AS version
FROM parts
GROUP BY kind
