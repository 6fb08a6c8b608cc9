-- Comments (pg_description) on the indexes, constraints, sequences and schemas of the introspected schemas: one
-- query for all of them. Which of these objects the graph models (an index not backing a constraint, a sequence that
-- is not an identity column's, ...) is decided by the caller against the graph it built. Left out: the comment
-- initdb puts on schema public ('standard public schema'), which a database has without anyone declaring it.
-- Parameter: schema names (text[]).
WITH s AS (
    SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?::text[])
)
SELECT CASE c.relkind WHEN 'i' THEN 'index' ELSE 'sequence' END AS object_kind, s.nspname AS schema_name,
       NULL::text AS table_name, c.relname::text AS object_name, d.description AS comment
FROM pg_catalog.pg_class c
JOIN s ON s.oid = c.relnamespace
JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass
                                AND d.objsubid = 0
WHERE c.relkind IN ('i', 'S')
UNION ALL
SELECT 'constraint', s.nspname, t.relname::text, co.conname::text, d.description
FROM pg_catalog.pg_constraint co
JOIN pg_catalog.pg_class t ON t.oid = co.conrelid
JOIN s ON s.oid = t.relnamespace
JOIN pg_catalog.pg_description d ON d.objoid = co.oid AND d.classoid = 'pg_catalog.pg_constraint'::regclass
WHERE co.contype IN ('p', 'u', 'c', 'f')
UNION ALL
SELECT 'schema', s.nspname, NULL, NULL, d.description
FROM s
JOIN pg_catalog.pg_description d ON d.objoid = s.oid AND d.classoid = 'pg_catalog.pg_namespace'::regclass
WHERE NOT (s.nspname = 'public' AND d.description = 'standard public schema')
ORDER BY 2, 3, 1, 4
