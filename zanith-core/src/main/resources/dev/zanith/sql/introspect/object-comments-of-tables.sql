-- The comments object-comments.sql reads that hang on a table: on the indexes, constraints (primary key, unique,
-- check, foreign key), user triggers and policies of the given tables, in the same columns. For a refresh that
-- re-reads a few tables and keeps every other comment: driven from the tables by their oids (index lookups), not a
-- pass over the catalogs. Parameter: table oids (bigint[]).
WITH t AS (
    SELECT c.oid, c.relname, n.nspname
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = ANY (?::bigint[]::oid[])
)
SELECT 'index' AS object_kind, t.nspname AS schema_name, NULL::text AS table_name, ic.relname::text AS object_name,
       NULL::text AS arguments, d.description AS comment
FROM t
JOIN pg_catalog.pg_index i ON i.indrelid = t.oid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_description d ON d.objoid = ic.oid AND d.classoid = 'pg_catalog.pg_class'::regclass
                                AND d.objsubid = 0
UNION ALL
SELECT o.kind, t.nspname, t.relname::text, o.name, NULL, d.description
FROM t
CROSS JOIN LATERAL (
    SELECT 'constraint' AS kind, co.oid, 'pg_catalog.pg_constraint'::regclass AS catalog, co.conname::text AS name
    FROM pg_catalog.pg_constraint co WHERE co.conrelid = t.oid AND co.contype IN ('p', 'u', 'c', 'f')
    UNION ALL
    SELECT 'trigger', tg.oid, 'pg_catalog.pg_trigger'::regclass, tg.tgname::text
    FROM pg_catalog.pg_trigger tg WHERE tg.tgrelid = t.oid AND NOT tg.tgisinternal
    UNION ALL
    SELECT 'policy', po.oid, 'pg_catalog.pg_policy'::regclass, po.polname::text
    FROM pg_catalog.pg_policy po WHERE po.polrelid = t.oid) o
JOIN pg_catalog.pg_description d ON d.objoid = o.oid AND d.classoid = o.catalog
