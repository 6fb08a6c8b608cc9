-- Ordinary and partitioned tables of the introspected schemas with their statistics, excluding partitions (read
-- under their parent by partitions.sql), tables owned by extensions and Zanith's own tables (name prefix). Parameters: excluded prefix (text), schema names (text[]).
-- Size is the planner's page count (heap + TOAST + indexes), like reltuples an estimate refreshed by
-- VACUUM/ANALYZE: pg_total_relation_size would open every relation and stat its files (most of the cost at scale).
SELECT c.oid                          AS table_oid,
       n.nspname                      AS schema_name,
       c.relname                      AS table_name,
       c.relpersistence = 'u'         AS unlogged,
       -- the table's reloptions and its TOAST table's (prefixed toast., as ALTER TABLE SET spells them), sorted
       ARRAY(SELECT o FROM unnest(c.reloptions) o
             UNION ALL
             SELECT 'toast.' || o FROM pg_catalog.pg_class tc, unnest(tc.reloptions) o WHERE tc.oid = c.reltoastrelid
             ORDER BY 1) AS storage_parameters,
       c.relrowsecurity               AS rls_enabled,
       c.relforcerowsecurity          AS rls_forced,
       d.description                  AS comment,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
       -- a partitioned table stores nothing itself: its size is its leaf partitions' (few tables have any)
       CASE WHEN c.relkind = 'p' THEN leaves.tuples ELSE c.reltuples::bigint END AS estimated_rows,
       (CASE WHEN c.relkind = 'p' THEN leaves.pages
             ELSE c.relpages::bigint + coalesce(toast.relpages, 0) + coalesce(ix.pages, 0) END)
           * current_setting('block_size')::bigint AS total_bytes
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
LEFT JOIN pg_catalog.pg_class toast ON toast.oid = c.reltoastrelid
LEFT JOIN (SELECT i.indrelid, sum(ic.relpages)::bigint AS pages
           FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
           GROUP BY i.indrelid) ix ON ix.indrelid = c.oid
LEFT JOIN LATERAL (SELECT coalesce(sum(greatest(l.reltuples, 0)), 0)::bigint AS tuples,
                          coalesce(sum(l.relpages), 0)::bigint AS pages
                   FROM pg_catalog.pg_partition_tree(c.oid) pt
                   JOIN pg_catalog.pg_class l ON l.oid = pt.relid
                   WHERE c.relkind = 'p' AND pt.isleaf) leaves ON true
CROSS JOIN (SELECT ?::text AS prefix) p
WHERE c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname = ANY (?::text[])
  AND (p.prefix = '' OR left(c.relname, length(p.prefix)) <> p.prefix)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                  WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid AND dep.deptype = 'e')
ORDER BY n.nspname, c.relname
