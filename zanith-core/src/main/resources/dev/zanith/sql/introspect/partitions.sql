-- The partitions of the given partitioned tables, at any depth, with their bounds as pg_get_expr prints them and,
-- for a partition that is partitioned in turn, its key (pg_get_partkeydef), and whether an interrupted DETACH ...
-- CONCURRENTLY left it detach pending (pg_inherits.inhdetachpending, PostgreSQL 14+). Set-based: one recursive walk of
-- pg_inherits for all the given tables. Parameter: table oids (bigint[]).
WITH RECURSIVE tree AS (
    SELECT i.inhparent AS parent, i.inhrelid AS child, i.inhdetachpending AS detach_pending
    FROM pg_catalog.pg_inherits i
    JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = ANY (?::bigint[]::oid[]) AND c.relispartition
    UNION ALL
    SELECT i.inhparent, i.inhrelid, i.inhdetachpending
    FROM tree t
    JOIN pg_catalog.pg_inherits i ON i.inhparent = t.child
    JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
    WHERE c.relispartition
)
SELECT t.parent::bigint                                     AS parent_oid,
       t.child::bigint                                      AS partition_oid,
       n.nspname                                            AS schema_name,
       c.relname                                            AS partition_name,
       pg_catalog.pg_get_expr(c.relpartbound, c.oid)        AS bound,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
       t.detach_pending
FROM tree t
JOIN pg_catalog.pg_class c ON c.oid = t.child
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
ORDER BY t.parent, n.nspname, c.relname
